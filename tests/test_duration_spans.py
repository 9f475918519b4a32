"""The duration_within_span check on its own: the lengths a span's dates allow (a table of
dates at their granularity -> months), verdicts for durations against them, and the
property that a duration equal to the span, in any unit, never fires."""

from __future__ import annotations

import datetime as dt
from functools import cache

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from checker.engine.checks import CheckContext
from checker.engine.spans import _DAYS_PER_MONTH, _span_days, duration_within_span
from checker.models import Claim, DateValue, DurationValue

from conftest import load_toolkit

D = dt.date


def month(y: int, m: int) -> DateValue:
    nxt = D(y + m // 12, m % 12 + 1, 1)
    return DateValue(start=D(y, m, 1), end=nxt - dt.timedelta(days=1))


def day(d: dt.date) -> DateValue:
    return DateValue(start=d, end=d)


def between(a: dt.date, b: dt.date, inclusive: bool = False) -> float:
    return float((b - a).days + (1 if inclusive else 0))


# start, end, the end is the span's own (not an inauguration), the days the span may last:
# from the latest start to the earliest end, up to the earliest start to the latest end (both days in)
LENGTHS = [
    # "from March 2023 to December 2024": 20.1 to 22.1 months
    (month(2023, 3), month(2024, 12), True, (between(D(2023, 3, 31), D(2024, 12, 1)),
                                             between(D(2023, 3, 1), D(2024, 12, 31), True))),
    (day(D(2022, 5, 19)), day(D(2024, 3, 14)), True, (between(D(2022, 5, 19), D(2024, 3, 14)),
                                                      between(D(2022, 5, 19), D(2024, 3, 14), True))),
    # "has been completed" by the article's day: no shortest length
    (month(2022, 5), DateValue(start=None, end=D(2024, 1, 20)), True, (0.0, between(D(2022, 5, 1), D(2024, 1, 20), True))),
    # inaugurated in December 2024: the works may have ended any time before
    (month(2021, 3), month(2024, 12), False, (0.0, between(D(2021, 3, 1), D(2024, 12, 31), True))),
    # "began in 2021", "completed in 2023"
    (DateValue(start=D(2021, 1, 1), end=D(2021, 12, 31)), DateValue(start=D(2023, 1, 1), end=D(2023, 12, 31)),
     True, (between(D(2021, 12, 31), D(2023, 1, 1)), between(D(2021, 1, 1), D(2023, 12, 31), True))),
    # an end before the start: two events of other spans, no length at all
    (month(2024, 3), month(2023, 1), True, None),
]


@pytest.mark.parametrize("start, end, exact, length", LENGTHS)
def test_a_span_lasts_what_its_dates_allow(start: DateValue, end: DateValue, exact: bool,
                                           length: tuple[float, float] | None) -> None:
    assert _span_days(start, end, exact) == length


@cache
def _setup():
    toolkit = load_toolkit()
    rule = next(r for r in toolkit.rules if r.id == "duration.spans")
    ctx = CheckContext(published={}, exclusive=toolkit.lexicon.offices.exclusive, spans=toolkit.lexicon.spans.spans)
    return rule, ctx


def _claim(i: int, kind: str, attribute: str, value, scope: dict | None = None, doc: str = "a") -> Claim:
    return Claim(id=f"c{i}", document=doc, kind=kind, subject="bridge", attribute=attribute, scope=scope or {},
                 value=value, text="x", start=i, end=i + 1, sentence="x", sentence_start=i,
                 tense="past" if kind == "date" else None)


def fires(duration: DurationValue, start: DateValue, end: DateValue, end_event: str = "completed",
          span: str = "construction", scope: dict | None = None) -> bool:
    rule, ctx = _setup()
    group = [_claim(0, "date", "construction_started" if span != "study" else "began", start),
             _claim(1, "date", end_event, end),
             _claim(2, "duration", span, duration, {"span": span, **(scope or {})})]
    return bool(duration_within_span(rule, group, ctx, lambda a, b: True, True))


def months(low: float | None, high: float | None = None, unit: str = "month") -> DurationValue:
    return DurationValue(low=low, high=low if high is None and low is not None else high, unit=unit)


VERDICTS = [
    ("nearly 20 months vs 43-45", months(18.0, 20.0), month(2021, 3), month(2024, 11), "completed", True),
    ("nearly 45 months fits", months(40.5, 45.0), month(2021, 3), month(2024, 11), "completed", False),
    ("two years vs 25-27 months: rounding", months(2, unit="year"), month(2021, 3), month(2023, 5), "completed", False),
    ("two years vs 31-33 months", months(2, unit="year"), month(2021, 3), month(2023, 11), "completed", True),
    ("over 50 months vs at most 46", months(50.0, None), month(2021, 3), month(2024, 12), "inaugurated", True),
    ("30 months before an inauguration at 45", months(30), month(2021, 3), month(2024, 12), "inaugurated", False),
    ("a study of 12 months vs 20-22", months(12), month(2023, 3), month(2024, 12), "closed", True),
    ("600 days vs 21.9 months", months(600, unit="day"), day(D(2022, 5, 19)), day(D(2024, 3, 14)), "completed", True),
    ("665 days fits", months(665, unit="day"), day(D(2022, 5, 19)), day(D(2024, 3, 14)), "completed", False),
]


@pytest.mark.parametrize("name, duration, start, end, end_event, fire", VERDICTS, ids=[v[0] for v in VERDICTS])
def test_a_duration_against_its_span(name: str, duration: DurationValue, start: DateValue, end: DateValue,
                                     end_event: str, fire: bool) -> None:
    span = "study" if end_event == "closed" else "construction"
    assert fires(duration, start, end, end_event, span) is fire


def test_a_planned_duration_is_never_compared() -> None:
    assert fires(months(18.0, 20.0), month(2021, 3), month(2024, 11))
    assert not fires(months(18.0, 20.0), month(2021, 3), month(2024, 11), scope={"status": "plan"})


def test_an_articles_own_dates_come_first() -> None:
    rule, ctx = _setup()
    own = [_claim(0, "date", "construction_started", month(2022, 5)),
           _claim(1, "date", "completed", DateValue(start=None, end=D(2024, 1, 20))),
           _claim(2, "duration", "construction", months(18.0, 20.0), {"span": "construction"})]
    other = _claim(3, "date", "completed", month(2024, 3), doc="b")
    assert not duration_within_span(rule, own + [other], ctx, lambda a, b: True, True)
    assert duration_within_span(rule, own[:1] + own[2:] + [other], ctx, lambda a, b: True, True)


_UNIT_DAYS = {"day": 1.0, "week": 7.0, "month": _DAYS_PER_MONTH, "year": 365.25}


def _at(d: dt.date, granularity: str) -> DateValue:
    if granularity == "day":
        return day(d)
    if granularity == "month":
        return month(d.year, d.month)
    return DateValue(start=D(d.year, 1, 1), end=D(d.year, 12, 31))


@settings(max_examples=300, deadline=None)
@given(start=st.dates(D(2000, 1, 1), D(2030, 12, 31)), days=st.integers(0, 4000),
       unit=st.sampled_from(sorted(_UNIT_DAYS)), start_at=st.sampled_from(["day", "month", "year"]),
       end_at=st.sampled_from(["day", "month", "year"]), hedge=st.sampled_from(["exact", "nearly", "over"]),
       end_event=st.sampled_from(["completed", "inaugurated"]))
def test_a_duration_equal_to_the_span_never_fires(start: dt.date, days: int, unit: str, start_at: str, end_at: str,
                                                  hedge: str, end_event: str) -> None:
    """The true length, written rounded to a whole unit (or hedged: "nearly" the unit above,
    "over" the unit below), against the true dates written at any granularity."""
    end = start + dt.timedelta(days=days)
    length = days / _UNIT_DAYS[unit]
    if hedge == "exact":
        value = DurationValue(low=round(length), high=round(length), unit=unit)
    elif hedge == "nearly":
        value = DurationValue(low=None, high=float(int(length) + 1), unit=unit)
    else:
        value = DurationValue(low=float(int(length)), high=None, unit=unit)
    assert not fires(value, _at(start, start_at), _at(end, end_at), end_event)
