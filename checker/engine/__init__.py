"""Stage 6: the rule engine. Selects claims for each rule, groups them, runs its check.

The engine knows comparisons (check kinds), never cases: what to compare lives in the
rule files under `rules/`.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Callable, Sequence
from dataclasses import dataclass

from checker.engine.checks import CHECKS, CheckContext, Hit
from checker.engine.loader import Rule
from checker.models import Claim, DateRange
from checker.values import interval, render, unit_of, widen

Published = dict[str, DateRange]  # each article's publication date, by document id


@dataclass(frozen=True)
class RuleHit:
    rule: Rule
    hit: Hit


StoredGroups = dict[str, dict[str, list[int]]]  # rule id -> repr of a group key -> positions of its claims


def run_rules(rules: list[Rule], claims: list[Claim], ctx: CheckContext,
              groups: StoredGroups | None = None) -> list[RuleHit]:
    """The hits of every rule over `claims`; `groups`, when the caller has made them
    (`stored_groups` of the same rules and claims), are read rather than made again."""
    out: list[RuleHit] = []
    for rule in rules:
        if groups is None:
            judged = group_claims(rule, select(rule, claims))
        else:  # the same groups in the same order: by the key's repr, each in the claims' order
            own = groups[rule.id]
            judged = [members for key in sorted(own)
                      if worth_checking(rule, members := [claims[i] for i in own[key]])]
        for group in judged:
            out.extend(RuleHit(rule, hit) for hit in check_group(rule, group, ctx))
    return out


Members = Callable[[Rule, tuple], Sequence[Claim]]  # a rule's indexed claims of one group key


def check_group(rule: Rule, group: list[Claim], ctx: CheckContext) -> list[Hit]:
    """A rule's check on one of its groups: the unit of work every engine runs (here, in a
    review's index, or on a Dask worker), so they cannot judge a group differently."""
    return CHECKS[rule.extends](rule, group, ctx, _pair_filter(rule, ctx.published), rule.compare == "both")


def worth_checking(rule: Rule, group: list[Claim]) -> bool:
    """A lone claim has nothing to disagree with, except against its own article's date."""
    return len(group) > 1 or rule.extends == "not_after_publication"


class GroupIndex:
    """Each rule's groups of a fixed set of claims (a checked corpus), by group key, built once.
    A few new claims (a draft's) are then judged against the groups they join and no other:
    the cost of a review grows with the draft's groups, not with the corpus."""

    def __init__(self, rules: list[Rule], claims: list[Claim]) -> None:
        self.rules = rules
        groups: dict[str, dict[tuple, list[Claim]]] = {}
        for rule in rules:
            groups[rule.id] = defaultdict(list)
            for c in select(rule, claims):
                key = group_key(rule, c)
                if key is not None:
                    groups[rule.id][key].append(c)
        self.members: Members = lambda rule, key: groups[rule.id].get(key, ())

    @classmethod
    def stored(cls, rules: list[Rule], members: Members) -> "GroupIndex":
        """An index whose groups another store holds (a corpus state read back from the cache)."""
        index = cls(rules, [])
        index.members = members
        return index

    def run(self, claims: list[Claim], ctx: CheckContext, without: frozenset[str] = frozenset()) -> list[RuleHit]:
        """The hits of the groups `claims` join, with the indexed claims of the documents in
        `without` left out: the same hits as `run_rules` over all the claims has in those groups."""
        out: list[RuleHit] = []
        for rule in self.rules:
            joining: dict[tuple, list[Claim]] = defaultdict(list)
            for c in select(rule, claims):
                key = group_key(rule, c)
                if key is not None:
                    joining[key].append(c)
            for key in sorted(joining, key=repr):
                group = [c for c in self.members(rule, key) if c.document not in without] + joining[key]
                if worth_checking(rule, group):
                    out.extend(RuleHit(rule, hit) for hit in check_group(rule, group, ctx))
        return out


def stored_groups(rules: list[Rule], claims: list[Claim]) -> StoredGroups:
    """Each rule's groups of `claims` as their positions in the list, by rule id and by the repr
    of the group key, to be stored and read back as a `GroupIndex` (and judged by `run_rules`
    without grouping again). A group key is a tuple of strings, whole numbers, dates, None and
    tuples of these (the parts `group_parts` makes), whose reprs are equal exactly when the keys are."""
    out: StoredGroups = {}
    for rule in rules:
        groups: dict[str, list[int]] = defaultdict(list)
        for i in selected(rule, claims):
            key = group_key(rule, claims[i])
            if key is not None:
                groups[repr(key)].append(i)
        out[rule.id] = dict(groups)
    return out


def select(rule: Rule, claims: list[Claim]) -> list[Claim]:
    """The claims a rule reads, in their order."""
    return [claims[i] for i in selected(rule, claims)]


def selected(rule: Rule, claims: list[Claim]) -> list[int]:
    """The positions of the claims a rule reads (its select's sets made once: this runs over every claim)."""
    sel = rule.select
    kinds, excluded, excluded_tenses = sel.kinds, set(sel.exclude_attributes), set(sel.exclude_tense)
    wanted = set(sel.attributes) if sel.attributes is not None else None
    tenses = set(sel.tense) if sel.tense is not None else None
    out = []
    for i, c in enumerate(claims):
        if c.kind not in kinds or c.attribute in excluded:
            continue
        if wanted is not None and c.attribute not in wanted:
            continue
        if wanted is None and c.attribute == "published":
            continue  # the dateline is evidence for publication checks only
        if tenses is not None and c.tense not in tenses or c.tense in excluded_tenses:
            continue
        if sel.link is not None and c.link not in sel.link:
            continue
        out.append(i)
    return out


def group_claims(rule: Rule, claims: list[Claim]) -> list[list[Claim]]:
    groups: dict[tuple, list[Claim]] = defaultdict(list)
    for c in claims:
        key = group_key(rule, c)
        if key is not None:
            groups[key].append(c)
    return [groups[k] for k in sorted(groups, key=repr) if worth_checking(rule, groups[k])]


def group_key(rule: Rule, c: Claim) -> tuple | None:
    """The claim's group for a rule; None: it joins none."""
    parts = group_parts(rule, c)
    if any(value is _MISSING for _, value in parts):
        return None
    return tuple(value for _, value in parts)


_MISSING = object()  # a claim without the part (no subject, no person) joins no group


def group_parts(rule: Rule, c: Claim) -> list[tuple[str, object]]:
    """The named parts of a claim's group key for a rule, in order: two claims are compared
    only when every part is equal, so the first part that differs says why they were not."""
    parts: list[tuple[str, object]] = [("time", _moment(c, rule.same_time_within_days))] if rule.same_time else []
    for name in rule.group_by:
        if name == "subject":
            parts.append((name, c.subject if c.subject is not None else _MISSING))
        elif name == "attribute":
            parts.append((name, rule.indicator_of.get(c.attribute, c.attribute) if rule.indicators else c.attribute))
        elif name == "scope":
            parts.append((name, tuple(sorted((k, v) for k, v in c.scope.items() if k not in rule.veto_scopes))))
        elif name == "time":
            parts.append((name, (c.time.start, c.time.end) if c.time else None))
        elif name == "document":
            parts.append((name, c.document))
        elif name == "sentence":
            parts.append((name, (c.document, c.sentence_start)))
        elif name == "person":
            person = getattr(c.value, "person", None)
            parts.append((name, person or _MISSING))
        else:  # noun, unit, currency: fields of the value
            parts.append((name, getattr(c.value, name, None)))
    return parts


def why_apart(rule: Rule, a: Claim, b: Claim, published: Published) -> tuple[str, str] | None:
    """Why a rule never compares two claims, as (the first step that keeps them apart, the
    detail): not selected, a part of the group key missing or different, or the rule's
    compare mode; None when the rule puts them in one group."""
    chosen = select(rule, [a, b])
    if len(chosen) < 2:
        left = {c.id for c in chosen}
        return "not selected", ", ".join(f"{c.attribute}" + (f" ({c.tense})" if c.tense else "")
                                         for c in (a, b) if c.id not in left)
    for (name, va), (_, vb) in zip(group_parts(rule, a), group_parts(rule, b)):
        if va is _MISSING or vb is _MISSING:
            return f"no {name}", ""
        if va != vb:
            return f"different {name}", f"{_show(va)} / {_show(vb)}"
    if _too_far_apart(rule, a, b, published):
        return "different time", f"{a.time.start} / {b.time.start}, " + (
            "a day the sentence states" if _stated(a, published) or _stated(b, published)
            else f"articles over {rule.same_time_within_days} days apart")
    if _published_apart(rule, a, b, published):
        return "different time", f"articles published over {rule.published_within_days} days apart"
    veto = _veto(rule, a, b)
    if veto:
        return "vetoed", veto
    if not _pair_filter(rule, published)(a, b):
        return "compare mode", rule.compare
    return None


def _show(value: object) -> str:
    if isinstance(value, tuple) and all(isinstance(v, tuple) and len(v) == 2 for v in value):
        return "{" + ", ".join(f"{k}={v}" for k, v in value) + "}"
    return str(value)


def _moment(c: Claim, window: int = 0) -> tuple:
    """When a time-bound claim holds, for rules that compare only at the same time: its day,
    or its own article when the article's date is a range; timeless claims share one moment.
    With a window, days join one group and the pair filter keeps those close enough."""
    if c.time is None:
        return ("timeless",)
    if c.time.is_day:
        return ("day",) if window else ("day", c.time.start)
    return ("article", c.document)


def _too_far_apart(rule: Rule, a: Claim, b: Claim, published: Published) -> bool:
    """Facts told on days further apart than the rule's window are of different times. The
    window is for facts dated only by their articles (two reports of one event, a day or two
    apart); a day the sentence states ("as of November 2") is that day and no other."""
    window = rule.same_time_within_days if rule.same_time else 0
    if not window or a.time is None or b.time is None or not (a.time.is_day and b.time.is_day):
        return False
    if _stated(a, published) or _stated(b, published):
        return a.time.start != b.time.start
    return abs((a.time.start - b.time.start).days) > window


def _published_apart(rule: Rule, a: Claim, b: Claim, published: Published) -> bool:
    """Whether the articles of two facts told as they stand on their articles' days (plans)
    were published further apart than the rule allows, or on days not known."""
    if rule.published_within_days is None:
        return False
    pa, pb = published.get(a.document), published.get(b.document)
    if pa is None or pb is None or pa.start is None or pb.start is None or not (pa.is_day and pb.is_day):
        return True
    return abs((pa.start - pb.start).days) > rule.published_within_days


def _stated(c: Claim, published: Published) -> bool:
    """The claim's time is one its sentence names, not its article's date."""
    return c.time != published.get(c.document)


def _veto(rule: Rule, a: Claim, b: Claim) -> str | None:
    """Why two claims that share a group are still never compared, or None."""
    apart = _scale_apart(rule, a, b)
    if apart:
        return apart
    for key in rule.veto_scopes:
        if key in a.scope and key in b.scope and a.scope[key] != b.scope[key]:
            return f"{key} {a.scope[key]} and {key} {b.scope[key]}: two of the kind, not two accounts of one"
    if a.document != b.document:
        return None
    if a.sentence_start == b.sentence_start and not rule.same_sentence:
        return "one sentence: two items of one list, not two accounts of one fact"
    if "story" in (a.link, b.link):
        return "one article: a figure that names no owner is compared only with other articles of its story"
    if "story" in (a.period_link, b.period_link):
        return "one article: a figure dated only by the period its story states is compared only with other articles"
    if "context" in (a.link, b.link):
        return "one article: a figure whose own words name no owner is its article's thing's only by default"
    return None


def _scale_apart(rule: Rule, a: Claim, b: Claim) -> str | None:
    """Figures far apart in scale are about two things: a misreport changes a digit or two
    (a swap, a slip of a power of ten), while a part against its whole, or one farm's area
    against a province's, differs by a factor the rule's `scale_gap` bounds. Figures whose
    digits are the same (in another order, or at another power of ten) stay comparable."""
    if rule.scale_gap is None or unit_of(a.value) != unit_of(b.value):
        return None
    ia, ib = interval(a.value), interval(b.value)
    if ia is None or ib is None:
        return None
    low, high = sorted((widen(ia, rule.tolerance), widen(ib, rule.tolerance)))
    if low[1] <= 0 or high[0] <= low[1] * rule.scale_gap:
        return None
    digits = _digits(a.text)
    if digits and digits == _digits(b.text):
        return None
    return (f"{render(a.value)} and {render(b.value)} are more than {rule.scale_gap:g} times apart: "
            "two things (a part and its whole, one site and a region), not two accounts of one")


def _digits(text: str) -> list[str]:
    """A figure's significant digits, in order of size: equal for "320" and "3,200", "25,000" and "52,000"."""
    return sorted("".join(ch for ch in text if ch.isdigit()).strip("0"))


def _pair_filter(rule: Rule, published: Published):
    def allowed(a: Claim, b: Claim) -> bool:
        if _too_far_apart(rule, a, b, published) or _published_apart(rule, a, b, published):
            return False
        if _veto(rule, a, b):
            return False
        same_doc = a.document == b.document
        if rule.compare == "across":
            return not same_doc
        if rule.compare == "within":
            return same_doc
        return True
    return allowed
