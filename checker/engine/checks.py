"""The check kinds the engine knows. Rule files pick one with `extends:`.

Each check receives one group of claims (already selected and grouped by the rule)
and returns Hits: the claims that cannot all be true and the reason, in words.
Checks are symmetric: the order of claims and documents never changes the result.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from itertools import combinations
from typing import Callable, Protocol

from checker.lexicon import Exclusive
from checker.models import Claim, DateRange, RoleValue
from checker.values import disjoint, interval, render, unit_of, widen


@dataclass(frozen=True)
class Hit:
    claims: tuple[Claim, ...]
    reason: str


@dataclass
class CheckContext:
    """What a check may consult besides the claims: the documents' dates and office data."""

    published: dict[str, DateRange]
    exclusive: Exclusive
    single_seat: frozenset[str] = frozenset()
    publication_claims: dict[str, Claim] = field(default_factory=dict)


class RuleView(Protocol):
    tolerance: float


Pairs = Callable[[Claim, Claim], bool]
Check = Callable[[RuleView, list[Claim], CheckContext, Pairs], list[Hit]]


def interval_overlap(rule: RuleView, group: list[Claim], ctx: CheckContext, allowed: Pairs) -> list[Hit]:
    """Values are sets; two claims conflict when their sets do not intersect."""
    hits = []
    for a, b in _pairs(group, allowed):
        if unit_of(a.value) != unit_of(b.value):
            continue  # different currencies or units: no exchange rates, no guess
        ia, ib = interval(a.value), interval(b.value)
        if ia is None or ib is None:
            continue
        if disjoint(widen(ia, rule.tolerance), widen(ib, rule.tolerance)):
            hits.append(Hit((a, b), f"{render(a.value)} and {render(b.value)} do not overlap"))
    return hits


def equal(rule: RuleView, group: list[Claim], ctx: CheckContext, allowed: Pairs) -> list[Hit]:
    """Values that name one thing exactly (a plan's period) must be identical."""
    return [Hit((a, b), f"{render(a.value)} is not {render(b.value)}")
            for a, b in _pairs(group, allowed) if a.value != b.value]


def single_holder(rule: RuleView, group: list[Claim], ctx: CheckContext, allowed: Pairs) -> list[Hit]:
    """A single-seat office has one holder at a time."""
    hits = []
    for a, b in _pairs(group, allowed):
        va, vb = a.value, b.value
        if isinstance(va, RoleValue) and isinstance(vb, RoleValue) and va.person != vb.person \
                and va.office in ctx.single_seat and not _same_person(va.person, vb.person):
            hits.append(Hit((a, b), f"{va.person} and {vb.person} are both named {va.office} of {va.organisation} at the same time"))
    return hits


def exclusive_offices(rule: RuleView, group: list[Claim], ctx: CheckContext, allowed: Pairs) -> list[Hit]:
    """One person cannot hold two offices that exclude each other (office data says which)."""
    hits = []
    for a, b in _pairs(group, allowed):
        va, vb = a.value, b.value
        if isinstance(va, RoleValue) and isinstance(vb, RoleValue):
            why = _exclusion(va, vb, ctx.exclusive)
            if why:
                hits.append(Hit((a, b), f"{va.person} cannot be {va.office} of {va.organisation} and "
                                        f"{vb.office} of {vb.organisation} at once: {why}"))
    return hits


def not_after_publication(rule: RuleView, group: list[Claim], ctx: CheckContext, allowed: Pairs) -> list[Hit]:
    """A past event cannot postdate its article; a future one cannot predate it."""
    hits = []
    for c in group:
        pub = ctx.published.get(c.document)
        dated = ctx.publication_claims.get(c.document)
        iv = interval(c.value)
        if pub is None or pub.start is None or pub.end is None or dated is None or iv is None:
            continue
        if c.tense == "past" and iv[0] > pub.end.toordinal():
            hits.append(Hit((dated, c), f"reported as past in an article dated {_day(pub)}, but dated {render(c.value)}"))
        elif c.tense == "future" and iv[1] < pub.start.toordinal():
            hits.append(Hit((dated, c), f"reported as still to come in an article dated {_day(pub)}, but dated {render(c.value)}"))
    return hits


def _same_person(a: str, b: str) -> bool:
    """"Tounalom" and "Anouphap Tounalom" are one person: one name's words inside the other's."""
    wa, wb = a.split(), b.split()
    short, long_ = (wa, wb) if len(wa) <= len(wb) else (wb, wa)
    return all(w in long_ for w in short)


def _day(r: DateRange) -> str:
    return r.start.isoformat() if r.start == r.end else f"{r.start.isoformat()} to {r.end.isoformat()}"


def _exclusion(a: RoleValue, b: RoleValue, data: Exclusive) -> str | None:
    if a.organisation is None or b.organisation is None:
        return None
    offices = {a.office, b.office}
    if a.organisation == b.organisation:
        for pair in data.same_body:
            if set(pair) == offices and len(offices) == 2:
                return "one person holds one rank in a body"
        return None
    for rule in data.across_bodies:
        body_a = next((x for x in rule.bodies if a.organisation.endswith(x)), None)
        body_b = next((x for x in rule.bodies if b.organisation.endswith(x)), None)
        place_a = a.organisation[: -len(body_a)].strip() if body_a else None
        place_b = b.organisation[: -len(body_b)].strip() if body_b else None
        if body_a and body_b and body_a != body_b and place_a == place_b and a.office in rule.titles and b.office in rule.titles:
            return f"the {body_a} and the {body_b} of one place have separate leaders"
    return None


def _pairs(group: list[Claim], allowed: Pairs):
    for a, b in combinations(sorted(group, key=lambda c: (c.document, c.start, c.id)), 2):
        if allowed(a, b):
            yield a, b


CHECKS: dict[str, Check] = {
    "interval_overlap": interval_overlap,
    "equal": equal,
    "single_holder": single_holder,
    "exclusive_offices": exclusive_offices,
    "not_after_publication": not_after_publication,
}
