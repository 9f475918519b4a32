"""Claim values as sets: interval views for comparison, and plain-words rendering."""

from __future__ import annotations

import math

from checker.models import (CountValue, DateValue, DurationValue, MoneyValue, PercentValue, PeriodValue,
                            QuantityValue, RoleValue, Value)

Interval = tuple[float, float]


def interval(value: Value) -> Interval | None:
    """The value as a closed numeric interval (dates as day ordinals); None bounds are open."""
    if isinstance(value, DateValue):
        lo = value.start.toordinal() if value.start else -math.inf
        hi = value.end.toordinal() if value.end else math.inf
        return (lo, hi)
    if isinstance(value, (MoneyValue, QuantityValue, CountValue, PercentValue)):
        lo = value.low if value.low is not None else -math.inf
        hi = value.high if value.high is not None else math.inf
        return (float(lo), float(hi))
    if isinstance(value, PeriodValue):
        return (value.start, value.end)
    if isinstance(value, DurationValue):  # in months, so "a decade" meets "120 months"
        per = _MONTHS[value.unit]
        lo = value.low * per if value.low is not None else -math.inf
        hi = value.high * per if value.high is not None else math.inf
        return (lo, hi)
    return None


_MONTHS = {"day": 12 / 365.25, "week": 7 * 12 / 365.25, "month": 1.0, "year": 12.0}


def unit_of(value: Value) -> str | None:
    """What must agree before two values can be compared at all (currency, unit, noun)."""
    if isinstance(value, MoneyValue):
        return value.currency
    if isinstance(value, QuantityValue):
        return value.unit
    if isinstance(value, CountValue):
        return value.noun
    return None


def widen(iv: Interval, tolerance: float) -> Interval:
    lo, hi = iv
    return (lo - abs(lo) * tolerance if math.isfinite(lo) else lo, hi + abs(hi) * tolerance if math.isfinite(hi) else hi)


def disjoint(a: Interval, b: Interval) -> bool:
    return a[1] < b[0] or b[1] < a[0]


def render(value: Value) -> str:
    """A value in words an editor reads: "1-30 Apr 2024", "on or before 2024-03-14", "USD 3,000,000"."""
    if isinstance(value, DateValue):
        if value.start and value.end:
            return value.start.isoformat() if value.start == value.end else f"{value.start.isoformat()} to {value.end.isoformat()}"
        if value.end:
            return f"on or before {value.end.isoformat()}"
        if value.start:
            return f"on or after {value.start.isoformat()}"
        return "any date"
    if isinstance(value, MoneyValue):
        return f"{value.currency} {_range(value.low, value.high)}"
    if isinstance(value, QuantityValue):
        return _quantity(value)
    if isinstance(value, CountValue):
        return f"{_range(value.low, value.high)} {value.noun}"
    if isinstance(value, PercentValue):
        return f"{_range(value.low, value.high)}%"
    if isinstance(value, PeriodValue):
        return f"{value.start}-{value.end}"
    if isinstance(value, DurationValue):
        return f"{_range(value.low, value.high)} {value.unit}s"
    if isinstance(value, RoleValue):
        org = f" of {value.organisation}" if value.organisation else ""
        return f"{value.person}: {value.office}{org}"
    return str(value)


def phrase(value: Value) -> str:
    """A value as it reads in a sentence ("completed on 2024-03-14", "between 2024-04-01 and
    2024-04-30"); `render` stays the compact key that fingerprints and grouping use."""
    if isinstance(value, DateValue) and value.start and value.end:
        if value.start == value.end:
            return f"on {value.start.isoformat()}"
        return f"between {value.start.isoformat()} and {value.end.isoformat()}"
    return render(value)


# Base units (what claims store, for comparison) shown in the unit an editor reads:
# (smallest magnitude in base units, shown unit, base units per shown unit), largest first.
_DISPLAY: dict[str, list[tuple[float, str, float]]] = {
    "kilogram * meter ** 2 / second ** 3": [(1e9, "GW", 1e9), (1e6, "MW", 1e6), (1e3, "kW", 1e3), (0, "W", 1)],
    "kilogram * meter ** 2 / second ** 2": [(3.6e12, "GWh", 3.6e12), (3.6e9, "MWh", 3.6e9), (0, "kWh", 3.6e6)],
    "meter": [(1e3, "km", 1e3), (0, "m", 1)],
    "meter ** 2": [(1e4, "ha", 1e4), (0, "m²", 1)],
    "meter ** 3": [(0, "m³", 1)],
    "kilogram": [(1e3, "tonnes", 1e3), (0, "kg", 1)],
}


def _quantity(value: QuantityValue) -> str:
    scales = _DISPLAY.get(value.unit)
    size = max(abs(x) for x in (value.low, value.high) if x is not None) if (value.low, value.high) != (None, None) else 0
    if not scales:
        return f"{_range(value.low, value.high)} {value.unit}"
    _, unit, per = next(s for s in scales if size >= s[0])
    scaled = (None if value.low is None else round(value.low / per, 6), None if value.high is None else round(value.high / per, 6))
    return f"{_range(*scaled)} {unit}"


def _num(x: float) -> str:
    if float(x).is_integer():
        return f"{int(x):,}"
    return f"{x:,.6f}".rstrip("0").rstrip(".")


def _range(lo: float | None, hi: float | None) -> str:
    if lo is not None and hi is not None:
        return _num(lo) if lo == hi else f"{_num(lo)} to {_num(hi)}"
    if lo is not None:
        return f"at least {_num(lo)}"
    if hi is not None:
        return f"at most {_num(hi)}"
    return "any amount"


# A group that disagrees names this many of its values (or people) in its message and reason and
# counts the rest: every report line of each of its sides carries both, so naming them all would
# make a group of n sides cost n² (a table flattened into one sentence).
NAMED = 6


def named_few(items: list[str]) -> tuple[list[str], int]:
    """The first `NAMED` items, and how many more there are."""
    return items[:NAMED], max(0, len(items) - NAMED)
