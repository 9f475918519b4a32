"""How values read in reports: quantities in the unit an editor reads, not in SI base units."""

from __future__ import annotations

import pytest

from checker.models import DurationValue, QuantityValue
from checker.values import interval, render


@pytest.mark.parametrize("low, high, unit, shown", [
    (600e6, 600e6, "kilogram * meter ** 2 / second ** 3", "600 MW"),
    (56_000, 56_000, "meter", "56 km"),
    (850, 850, "meter", "850 m"),
    (12_000_000, 12_000_000, "meter ** 2", "1,200 ha"),
    (5_800, 5_800, "meter ** 2", "5,800 m²"),
    (849.5e9, 850.5e9, "kilogram", "849,500,000 to 850,500,000 tonnes"),
    (30e3, None, "meter", "at least 30 km"),
    (3, 3, "second", "3 second"),
])
def test_quantities_read_in_everyday_units(low, high, unit, shown) -> None:
    assert render(QuantityValue(low=low, high=high, unit=unit)) == shown


@pytest.mark.parametrize("low, high, unit, shown", [
    (25, 25, "year", "25 years"),
    (None, 38, "month", "at most 38 months"),
])
def test_durations_read_in_their_unit(low, high, unit, shown) -> None:
    assert render(DurationValue(low=low, high=high, unit=unit)) == shown


def test_a_decade_meets_120_months() -> None:
    assert interval(DurationValue(low=10, high=10, unit="year")) == interval(DurationValue(low=120, high=120, unit="month"))
