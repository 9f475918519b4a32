"""The check kinds the engine knows. Rule files pick one with `extends:`.

Each check receives one group of claims (selected and grouped by the rule) and returns
Hits: the claims that cannot all be true and why, in words. Claims saying the same value
form one cluster; a group yields at most one hit, naming every claim whose value clashes
with another's, so a subject that twenty articles date differently is one conflict, not
two hundred. Checks are symmetric: the order of claims and documents never matters.
"""

from __future__ import annotations

import math
import re
from bisect import bisect_right
from collections import defaultdict
from dataclasses import dataclass, field
from collections.abc import Mapping
from typing import Callable, Hashable, Protocol

from checker.lexicon import Exclusive, Span
from checker.models import Claim, DateRange, RoleValue
from checker.text import Spellings, name_skeleton
from checker.values import Interval, disjoint, interval, named_few, render, unit_of, widen

_DECIMALS = re.compile(r"\d[\d,]*(?:\.(\d+))?")  # a figure and its decimals: "1,234.5"


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
    publication_claims: Mapping[str, Claim] = field(default_factory=dict)  # each article's dateline claim
    spellings: Spellings = ()  # romanisation variants of one name (names.yaml spelling_variants)
    spans: dict[str, Span] = field(default_factory=dict)  # spans of work and the events that bound them (spans.yaml)


class RuleView(Protocol):
    tolerance: float
    rounding: bool
    recent_within_days: int
    editions: list[str]


Pairs = Callable[[Claim, Claim], bool]
Check = Callable[[RuleView, list[Claim], CheckContext, Pairs, bool], list[Hit]]


def interval_overlap(rule: RuleView, group: list[Claim], ctx: CheckContext, allowed: Pairs,
                     all_pairs: bool) -> list[Hit]:
    """Values are sets; claims conflict when their sets do not intersect. Different
    currencies or units are never compared: no exchange rate is assumed."""
    hits: list[Hit] = []
    by_unit: dict[str | None, list[Claim]] = defaultdict(list)
    for c in group:
        if interval(c.value) is not None:
            by_unit[unit_of(c.value)].append(c)
    for unit in sorted(by_unit, key=str):
        clusters = _clusters(by_unit[unit], lambda c: widen(interval(c.value), rule.tolerance))
        if all_pairs and len(clusters) > _PAIRWISE_CLUSTERS:
            involved = _clashing_intervals(clusters)
            if involved:
                hits.append(_hit(clusters, involved, "do not all overlap", "do not overlap"))
            continue
        clash = _unrounded(clusters) if rule.rounding else disjoint
        hits.extend(_pair_hits(_narrowest(clusters), clash, allowed, "do not overlap"))
    return hits


def _unrounded(clusters: dict[Hashable, list[Claim]]) -> Callable[[Interval, Interval], bool]:
    """Disjoint intervals that no rounding joins: the coarser of two figures stands for every
    figure that rounds to it (half a unit of its last digit either way, the half itself
    excluded), so "18 percent" holds "18.4 per cent" and not "18.6 per cent" or "18.5 per
    cent". The unit is the figure's own, as written: "1.4 km" holds 1,380 metres (half a
    tenth of a kilometre, 50 metres, either way), whatever unit the values are compared in."""
    halves = {k: max(_half_unit(c, k) for c in claims) for k, claims in clusters.items()}

    def clash(a: Interval, b: Interval) -> bool:
        if not disjoint(a, b):
            return False
        ha, hb = halves.get(a, 0.0), halves.get(b, 0.0)
        if math.isclose(ha, hb):
            return True
        coarse, fine, half = (a, b, ha) if ha > hb else (b, a, hb)
        # a figure right at the half ("4.5 percent" against "5 percent") is no rounding to rely on
        return fine[1] <= coarse[0] - half or coarse[1] + half <= fine[0]
    return clash


def _half_unit(claim: Claim, span: Interval) -> float:
    """Half a unit of the last digit of the claim's first figure, in the units its value is
    compared in: "18.4 per cent" 0.05; "1.4 km", read as 1,400 metres, 50 metres."""
    m = _DECIMALS.search(claim.text)
    if m is None:
        return 0.5
    written = float(m.group().replace(",", ""))
    finite = [x for x in span if x is not None and math.isfinite(x)]
    value = sum(finite) / len(finite) if finite else written  # (a hedge widens both ways alike)
    scale = value / written if written else 1.0
    return 0.5 * 10.0 ** -len(m.group(1) or "") * abs(scale)


def _narrowest(clusters: dict[Hashable, list[Claim]]) -> dict[Hashable, list[Claim]]:
    """An article that gives one event a vague value and a precise one ("has handed over",
    on or before 5 June; "handed over on June 4") says one thing: the vague claim joins the
    precise one of its own article that it contains, so one disagreement is one conflict.
    O(k^2) in the few distinct values."""
    out: dict[Hashable, list[Claim]] = {k: [] for k in clusters}
    for k, claims in clusters.items():
        inner = [j for j in clusters if j != k and k[0] <= j[0] and j[1] <= k[1]]
        for c in claims:
            home = next((j for j in inner if any(o.document == c.document for o in clusters[j])), k)
            out[home].append(c)
    return {k: v for k, v in out.items() if v}


def equal(rule: RuleView, group: list[Claim], ctx: CheckContext, allowed: Pairs, all_pairs: bool) -> list[Hit]:
    """Values that name one thing exactly (a plan's period) must be identical."""
    clusters = _clusters(group, lambda c: c.value)
    if all_pairs and len(clusters) > _PAIRWISE_CLUSTERS:
        return [_hit(clusters, set(clusters), "are not one value", "differ")]
    return _pair_hits(clusters, lambda a, b: a != b, allowed, "differ")


def one_span(rule: RuleView, group: list[Claim], ctx: CheckContext, allowed: Pairs, all_pairs: bool) -> list[Hit]:
    """Two accounts of one span of time (a plan's period) must be identical; two spans that
    share no year are successive editions ("the 2018-2023 agreement" and its 2024-2028
    successor), not two accounts of one, so only overlapping spans that differ clash. For the
    rule's `editions` attributes, spans that share only the year one ends and the other starts
    are successive too ("the 2019-2024 agreement" and the 2024-2029 one)."""
    clusters = _clusters(group, lambda c: c.value)
    meeting = bool(group) and all(c.attribute in rule.editions for c in group)

    def clash(a, b) -> bool:
        ia, ib = interval(a), interval(b)
        if a == b or ia is None or ib is None or disjoint(ia, ib):
            return False
        first, second = sorted((ia, ib))
        return not (meeting and first[1] == second[0] and first[0] < second[0] and first[1] < second[1])

    if all_pairs and len(clusters) > _PAIRWISE_CLUSTERS:
        involved = _clashing(clusters, clash, allowed)
        return [_hit(clusters, involved, "are not one value", "differ")] if involved else []
    return _pair_hits(clusters, clash, allowed, "differ")


def single_holder(rule: RuleView, group: list[Claim], ctx: CheckContext, allowed: Pairs, all_pairs: bool) -> list[Hit]:
    """A single-seat office has one holder at a time."""
    roles = [c for c in group if isinstance(c.value, RoleValue) and c.value.office in ctx.single_seat]
    clusters = _clusters(roles, lambda c: c.value.person)

    def same_footing(x: Claim, y: Claim) -> bool:
        # Someone an article says was just elected or appointed to the seat ("Nguyen Huu Phuoc was
        # elected Chairman") takes it from whoever that article names in it until then: there,
        # only two people elected to it clash; another report naming someone else in it does
        return allowed(x, y) and (x.document != y.document or ("change" in x.scope) == ("change" in y.scope))

    involved = _clashing(clusters, lambda a, b: not _same_person(a, b, ctx.spellings), same_footing)
    if not involved:
        return []
    first = next(iter(clusters.values()))[0].value
    people = sorted(involved)
    return [Hit(_claims_of(clusters, involved),
                f"{_and(people)} are all named {first.office} of {first.organisation} at the same time")]


def exclusive_offices(rule: RuleView, group: list[Claim], ctx: CheckContext, allowed: Pairs,
                      all_pairs: bool) -> list[Hit]:
    """One person cannot hold two offices that exclude each other (office data says which)."""
    roles = [c for c in group if isinstance(c.value, RoleValue)]
    clusters = _clusters(roles, lambda c: (c.value.office, c.value.organisation))
    reasons: list[str] = []
    # An office someone was just elected or appointed to is not held beside a lower one named
    # around it: that may be the one held until the vote ("Permanent Vice Chairman Pham Thanh
    # Hai" in a report of his election as Chairman). A higher one is no office left behind for
    # it ("the newly appointed Deputy Governor" and "Governor"), and two offices both just taken
    # are held at once.
    new_offices = {key for key, claims in clusters.items() if any("change" in c.scope for c in claims)}

    def clash(a: tuple, b: tuple) -> bool:
        if (a in new_offices) != (b in new_offices) and _promoted(a if a in new_offices else b,
                                                                  b if a in new_offices else a, ctx.exclusive):
            return False
        why = _exclusion(a, b, ctx.exclusive)
        if why:
            if a[1] is None:
                reasons.append(f"{a[0]} and {b[0]}, named in one article with no body: {why}")
            else:
                reasons.append(f"{a[0]} of {a[1]} and {b[0]} of {b[1]}: {why}")
        return why is not None

    def same_article_if_unnamed(x: Claim, y: Claim) -> bool:
        # "Duc, Director" and "Deputy Director Duc" with no body named: the same body only
        # when one article says both
        return allowed(x, y) and (x.value.organisation is not None or x.document == y.document)

    involved = _clashing(clusters, clash, same_article_if_unnamed)
    if not involved:
        return []
    person = next(iter(clusters.values()))[0].value.person
    return [Hit(_claims_of(clusters, involved), f"{person} cannot hold at once " + "; ".join(sorted(set(reasons))))]


def not_after_publication(rule: RuleView, group: list[Claim], ctx: CheckContext, allowed: Pairs,
                          all_pairs: bool) -> list[Hit]:
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


def done_then_pending(rule: RuleView, group: list[Claim], ctx: CheckContext, allowed: Pairs,
                      all_pairs: bool) -> list[Hit]:
    """What one article reports done by a day cannot still be to come, on a stated day, in an
    article of that day or later: "has been completed" on 16 October against "is scheduled to
    be completed in December" on 20 October. A plan told before the work was done is no clash
    ("will be completed in June" on 1 May, "was completed on 12 June" later), nor is a plan
    beside a part done (phases are in the scope, which must agree once a plan's status is set
    aside), nor work done more than the rule's `recent_within_days` before the plan's article. A
    deadline ("by the end of January") is set against work done only when both sentences name
    the thing, not when either falls back on the article's."""
    done: dict[tuple, list[tuple[float, Claim]]] = defaultdict(list)  # scope -> (done by, claim), by day
    for c in group:
        iv = interval(c.value)
        if c.tense == "past" and "status" not in c.scope and iv is not None and math.isfinite(iv[1]):
            done[_scope_without_status(c)].append((iv[1], c))
    for items in done.values():
        items.sort(key=lambda x: (x[0], x[1].id))
    days = {key: [d for d, _ in items] for key, items in done.items()}
    hits = []
    for c in sorted(group, key=lambda c: (c.document, c.start, c.id)):
        pub = ctx.published.get(c.document)
        planned = interval(c.value)
        if not (c.tense == "future" or c.scope.get("status") == "plan") or pub is None or pub.start is None \
                or planned is None or not math.isfinite(planned[1]):
            # "will be handed over", with no day of its own: not a plan to set against a day ("will
            # be finished by the end of January" has one, its deadline)
            continue
        key = _scope_without_status(c)
        items, day = done.get(key, []), pub.start.toordinal()
        k = bisect_right(days.get(key, []), day)
        # a deadline ("by the end of January") names no month of its own, so it is set against work
        # done only when both sentences name what was done ("The apron extension"), not by default
        dated = math.isfinite(planned[0])
        first = next((x for d, x in reversed(items[:k]) if day - d <= rule.recent_within_days and allowed(x, c)
                      and (dated or c.subject_text is not None and x.subject_text is not None)), None)
        if first is not None:
            hits.append(Hit(tuple(sorted((first, c), key=lambda x: (x.document, x.start, x.id))),
                            f"reported done ({render(first.value)}), yet still to come in an article dated {_day(pub)}"))
    return hits


def _scope_without_status(c: Claim) -> tuple:
    return tuple(sorted((k, v) for k, v in c.scope.items() if k != "status"))


def never_decreases(rule: RuleView, group: list[Claim], ctx: CheckContext, allowed: Pairs,
                    all_pairs: bool) -> list[Hit]:
    """A running total (money invested so far) cannot fall: a figure given for a later day
    that lies wholly below one given for an earlier day is a conflict. Each later figure is
    paired with the earlier figure that is highest; claims without a day are not compared."""
    hits: list[Hit] = []
    by_unit: dict[str | None, list[Claim]] = defaultdict(list)
    for c in group:
        if c.time is not None and c.time.is_day and interval(c.value) is not None:
            by_unit[unit_of(c.value)].append(c)
    for unit in sorted(by_unit, key=str):
        claims = sorted(by_unit[unit], key=lambda c: (c.time.start, c.id))
        best: Claim | None = None  # highest floor among figures of earlier days
        pending: list[Claim] = []  # the current day's figures, joining `best` when the day ends
        for c in claims:
            if pending and pending[0].time.start < c.time.start:
                best = max([*([best] if best else []), *pending], key=lambda x: (_floor(rule, x), x.id))
                pending = []
            pending.append(c)
            if best is not None and _ceiling(rule, c) < _floor(rule, best) and allowed(best, c):
                hits.append(Hit((best, c), f"fell from {render(best.value)} by {_day(best.time)} to "
                                           f"{render(c.value)} by {_day(c.time)}, but a running total cannot fall"))
    return hits


def parts_within_total(rule: RuleView, group: list[Claim], ctx: CheckContext, allowed: Pairs,
                       all_pairs: bool) -> list[Hit]:
    """The parts a sentence lists after its total ("41,200 tonnes of coffee, comprising 30,500
    tonnes of robusta and 13,900 tonnes of arabica") cannot add up to more than the total,
    once each figure is widened by its rounding and hedges. Only a sentence with one total
    and two or more parts after it, in one unit, is checked: parts need not cover the whole."""
    hits: list[Hit] = []
    by_unit: dict[str | None, list[Claim]] = defaultdict(list)
    for c in sorted(group, key=lambda c: (c.start, c.id)):
        if interval(c.value) is not None:
            by_unit[unit_of(c.value)].append(c)
    for unit in sorted(by_unit, key=str):
        claims = by_unit[unit]
        totals = [c for c in claims if c.scope.get("part") != "yes"]
        parts = [c for c in claims if c.scope.get("part") == "yes"]
        if len(totals) != 1 or len(parts) < 2 or any(p.start < totals[0].start for p in parts):
            continue
        total = totals[0]
        if sum(_floor(rule, p) for p in parts) > _ceiling(rule, total):
            hits.append(Hit((total, *parts), f"the parts {' + '.join(render(p.value) for p in parts)} add up to "
                                             f"more than the total {render(total.value)}"))
    return hits


def _floor(rule: RuleView, c: Claim) -> float:
    return widen(interval(c.value), rule.tolerance)[0]


def _ceiling(rule: RuleView, c: Claim) -> float:
    return widen(interval(c.value), rule.tolerance)[1]


# --- clusters -------------------------------------------------------------------------

# Up to this many distinct values, each clashing pair of values is its own conflict (an
# editor sees which article disagrees with which); beyond it, the subject's disagreement
# is one conflict, so a corpus of near-duplicates cannot produce a quadratic report.
_PAIRWISE_CLUSTERS = 8


def _pair_hits(clusters: dict[Hashable, list[Claim]], clash: Callable[[Hashable, Hashable], bool],
               allowed: Pairs, verb: str) -> list[Hit]:
    keys = list(clusters)
    hits = []
    for i, a in enumerate(keys):
        for b in keys[i + 1:]:
            if not clash(a, b):
                continue
            claims = _paired(clusters[a], clusters[b], allowed)
            if claims:
                hits.append(Hit(tuple(sorted(claims, key=lambda c: (c.document, c.start, c.id))),
                                f"{render(clusters[a][0].value)} and {render(clusters[b][0].value)} {verb}"))
    return hits


def _paired(xs: list[Claim], ys: list[Claim], allowed: Pairs) -> list[Claim]:
    """The claims of every allowed pair of an x and a y, each once by id. A claim is in when
    its first allowed partner is found, so two large clusters of claims from different
    articles cost their sizes, not their product. Should two claims share an id, every pair is
    listed, so the claim kept for the id is the one the last pair names, as it always was."""
    if len({c.id for c in xs} | {c.id for c in ys}) < len(xs) + len(ys):
        return list({c.id: c for x in xs for y in ys if allowed(x, y) for c in (x, y)}.values())
    left = [x for x in xs if any(allowed(x, y) for y in ys)]
    return left + [y for y in ys if any(allowed(x, y) for x in xs)] if left else []



def _clusters(claims: list[Claim], key: Callable[[Claim], Hashable]) -> dict[Hashable, list[Claim]]:
    out: dict[Hashable, list[Claim]] = defaultdict(list)
    for c in sorted(claims, key=lambda c: (c.document, c.start, c.id)):
        out[key(c)].append(c)
    return dict(sorted(out.items(), key=lambda kv: repr(kv[0])))


def _clashing(clusters: dict[Hashable, list[Claim]], clash: Callable[[Hashable, Hashable], bool],
              allowed: Pairs) -> set[Hashable]:
    """Cluster keys that clash with another cluster through at least one allowed pair of claims."""
    keys = list(clusters)
    involved: set[Hashable] = set()
    for i, a in enumerate(keys):
        for b in keys[i + 1:]:
            if (a in involved and b in involved) or not clash(a, b):
                continue
            if any(allowed(x, y) for x in clusters[a] for y in clusters[b]):
                involved.update((a, b))
    return involved


def _clashing_intervals(clusters: dict[Hashable, list[Claim]]) -> set[Hashable]:
    """Intervals disjoint from at least one other, in O(k): an interval clashes when some
    other one ends before it starts or starts after it ends."""
    keys = list(clusters)
    if len(keys) < 2:
        return set()
    lows = sorted((iv[0], i) for i, iv in enumerate(keys))
    highs = sorted((iv[1], i) for i, iv in enumerate(keys))
    involved = set()
    for i, (lo, hi) in enumerate(keys):
        min_hi = highs[0][0] if highs[0][1] != i else highs[1][0]
        max_lo = lows[-1][0] if lows[-1][1] != i else lows[-2][0]
        if min_hi < lo or max_lo > hi:
            involved.add((lo, hi))
    return involved


def _claims_of(clusters: dict[Hashable, list[Claim]], involved: set[Hashable]) -> tuple[Claim, ...]:
    claims = [c for key in clusters if key in involved for c in clusters[key]]
    return tuple(sorted(claims, key=lambda c: (c.document, c.start, c.id)))


def _hit(clusters: dict[Hashable, list[Claim]], involved: set[Hashable], many: str, two: str) -> Hit:
    values = list(dict.fromkeys(render(clusters[k][0].value) for k in clusters if k in involved))
    verb = two if len(values) == 2 else many
    return Hit(_claims_of(clusters, involved), f"{_and(values)} {verb}")


def _and(items: list[str]) -> str:
    named, rest = named_few(items)  # a group's reason names a few and counts the rest (values.NAMED)
    if rest:
        return ", ".join(named) + f" and {rest} others"
    return items[0] if len(items) == 1 else ", ".join(items[:-1]) + " and " + items[-1]


def _same_person(a: str, b: str, spellings: Spellings = ()) -> bool:
    """"Tounalom" and "Anouphap Tounalom" are one person: one name's words inside the other's,
    once romanisation variants are evened out ("Khamphanh Sitthivong" = "Khamphane Sithivong"),
    and a word may be written as two ("Kham Phanh Vongsavat")."""
    wa, wb = name_skeleton(a, spellings), name_skeleton(b, spellings)
    short, long_ = (wa, wb) if len(wa) <= len(wb) else (wb, wa)
    # a name word written as two ("Khamphanh" / "Kham Phanh") is the pair of words joined
    joined = long_ + tuple(x + y for x, y in zip(long_, long_[1:]))
    return all(any(_one_spelling(w, x) for x in joined) for w in short)


def _one_spelling(a: str, b: str) -> bool:
    """Equal, or long words one letter apart ("ponesavan" / "ponsavan"): spellings of one name."""
    if a == b:
        return True
    if min(len(a), len(b)) < 6 or abs(len(a) - len(b)) > 1:
        return False
    i = 0
    while i < min(len(a), len(b)) and a[i] == b[i]:
        i += 1
    return a[i + 1:] == b[i + 1:] or a[i + 1:] == b[i:] or a[i:] == b[i + 1:]


def _day(r: DateRange) -> str:
    return r.start.isoformat() if r.start == r.end else f"{r.start.isoformat()} to {r.end.isoformat()}"


def _promoted(new: tuple[str, str | None], old: tuple[str, str | None], data: Exclusive) -> bool:
    """Whether `old` may be the office held until `new` was taken: any but the one above it in
    a body's pair of ranks (offices.yaml exclusive.same_body lists the higher first)."""
    return not (new[1] == old[1] and any(list(pair) == [old[0], new[0]] for pair in data.same_body))


def _exclusion(a: tuple[str, str | None], b: tuple[str, str | None], data: Exclusive) -> str | None:
    (office_a, org_a), (office_b, org_b) = a, b
    if (org_a is None) != (org_b is None):
        return None
    offices = {office_a, office_b}
    if org_a == org_b:
        for pair in data.same_body:
            if set(pair) == offices and len(offices) == 2:
                return "one person holds one rank in a body"
        return None
    for rule in data.across_bodies:
        body_a = next((x for x in rule.bodies if org_a.endswith(x)), None)
        body_b = next((x for x in rule.bodies if org_b.endswith(x)), None)
        place_a = org_a[: -len(body_a)].strip() if body_a else None
        place_b = org_b[: -len(body_b)].strip() if body_b else None
        if body_a and body_b and body_a != body_b and place_a == place_b \
                and office_a in rule.titles and office_b in rule.titles:
            return f"the {body_a} and the {body_b} of one place have separate leaders"
    return None


# A check of its own file, built on the types above (imported here so `CHECKS` lists it).
from checker.engine.spans import duration_within_span  # noqa: E402

CHECKS: dict[str, Check] = {
    "interval_overlap": interval_overlap,
    "equal": equal,
    "one_span": one_span,
    "single_holder": single_holder,
    "exclusive_offices": exclusive_offices,
    "not_after_publication": not_after_publication,
    "done_then_pending": done_then_pending,
    "never_decreases": never_decreases,
    "parts_within_total": parts_within_total,
    "duration_within_span": duration_within_span,
}
