"""The `duration_within_span` check: a duration of a span of work ("construction took nearly
38 months") against the dates that span started and ended ("construction began in March
2021", "the bridge was completed in November 2024").

The span's possible lengths are an interval: from the latest start to the earliest end, up
to the earliest start to the latest end, each date at its own granularity ("from March 2023
to December 2024" is 20 to 22 months). An end event that may come after the work is done
(an inauguration) bounds the length from above only. The duration widens by its hedge, by
half a unit of rounding ("two years" is 18 to 30 months) and by the rule's tolerance. A
conflict is a duration whose interval cannot meet the span's. Planned durations and dates of
a plan, a phase or another thing (any scope) are never compared.
"""

from __future__ import annotations

import math

from checker.engine.checks import CheckContext, Hit, Pairs, RuleView
from checker.lexicon import Span
from checker.models import Claim, DateValue, DurationValue
from checker.values import Interval, interval, render, widen

_DAYS_PER_MONTH = 365.25 / 12
_HALF_UNIT_DAYS = {"day": 0.5, "week": 3.5, "month": _DAYS_PER_MONTH / 2, "year": 365.25 / 2}


def duration_within_span(rule: RuleView, group: list[Claim], ctx: CheckContext, allowed: Pairs,
                         all_pairs: bool) -> list[Hit]:
    """One hit per duration that a start and an end of its span cannot fit, naming the first
    such pair of dates."""
    dates = sorted((c for c in group if isinstance(c.value, DateValue) and not c.scope and c.tense != "future"),
                   key=lambda c: (c.document, c.start, c.id))
    hits: list[Hit] = []
    for d in sorted(group, key=lambda c: (c.document, c.start, c.id)):
        span = ctx.spans.get(d.attribute)
        if not isinstance(d.value, DurationValue) or span is None or "status" in d.scope:
            continue
        length = _duration_days(rule, d.value)
        clashes = [(s, e, fit) for s, e, fit in _bounds(d, span, dates, allowed)
                   if fit[1] < length[0] or length[1] < fit[0]]
        if clashes:
            s, e, fit = clashes[0]
            claims = sorted({c.id: c for c in (d, s, e)}.values(), key=lambda c: (c.document, c.start, c.id))
            hits.append(Hit(tuple(claims),
                            f"{d.attribute} ('{d.scope.get('span', d.attribute)}') lasting {render(d.value)} cannot fit between {s.attribute} "
                            f"{render(s.value)} and {e.attribute} {render(e.value)} ({_months(fit)})"))
    return hits


def _bounds(d: Claim, span: Span, dates: list[Claim], allowed: Pairs):
    """Every (start claim, end claim, the span's possible length in days) the duration may be
    measured against; an `ends_by` event gives no lower bound. An article that dates the
    span's start (or end) itself is read with its own date: when another article dates it
    otherwise, that is the date rules' conflict, not a second one about the duration."""
    starts = _own_first(d, [c for c in dates if c.attribute in span.starts and allowed(d, c)])
    ends = _own_first(d, [c for c in dates if c.attribute in span.ends + span.ends_by and allowed(d, c)])
    for e in ends:
        for s in starts:
            fit = _span_days(s.value, e.value, e.attribute in span.ends)
            if fit is not None:
                yield s, e, fit


def _own_first(d: Claim, claims: list[Claim]) -> list[Claim]:
    own = [c for c in claims if c.document == d.document]
    return own or claims


def _span_days(start: DateValue, end: DateValue, exact: bool) -> Interval | None:
    """The span's length in days, both ends inclusive; None when the end may precede the start
    by more than the dates' vagueness allows (two events of other spans)."""
    longest = (end.end - start.start).days + 1 if end.end and start.start else math.inf
    if longest < 0:
        return None
    shortest = max(0, (end.start - start.end).days) if exact and end.start and start.end else 0
    return (float(shortest), float(longest))


def _duration_days(rule: RuleView, value: DurationValue) -> Interval:
    lo, hi = interval(value)  # months
    half = _HALF_UNIT_DAYS[value.unit]
    return widen((lo * _DAYS_PER_MONTH - half, hi * _DAYS_PER_MONTH + half), rule.tolerance)


def _months(days: Interval) -> str:
    lo, hi = (x / _DAYS_PER_MONTH for x in days)
    if math.isinf(hi):
        return f"at least {lo:.1f} months"
    return f"{lo:.1f} to {hi:.1f} months" if lo > 0 else f"at most {hi:.1f} months"
