"""Stage 6: the rule engine. Selects claims for each rule, groups them, runs its check.

The engine knows comparisons (check kinds), never cases: what to compare lives in the
rule files under `rules/`.
"""

from __future__ import annotations

from collections import defaultdict
from dataclasses import dataclass

from checker.engine.checks import CHECKS, CheckContext, Hit
from checker.engine.loader import Rule
from checker.models import Claim


@dataclass(frozen=True)
class RuleHit:
    rule: Rule
    hit: Hit


def run_rules(rules: list[Rule], claims: list[Claim], ctx: CheckContext) -> list[RuleHit]:
    out: list[RuleHit] = []
    for rule in rules:
        check = CHECKS[rule.extends]
        allowed = _pair_filter(rule)
        every_pair = rule.compare == "both"
        for group in group_claims(rule, select(rule, claims)):
            out.extend(RuleHit(rule, hit) for hit in check(rule, group, ctx, allowed, every_pair))
    return out


def select(rule: Rule, claims: list[Claim]) -> list[Claim]:
    sel = rule.select
    wanted = set(sel.attributes) if sel.attributes is not None else None
    out = []
    for c in claims:
        if c.kind != sel.kind or c.attribute in sel.exclude_attributes:
            continue
        if wanted is not None and c.attribute not in wanted:
            continue
        if wanted is None and c.attribute == "published":
            continue  # the dateline is evidence for publication checks only
        if sel.tense is not None and c.tense not in sel.tense or c.tense in sel.exclude_tense:
            continue
        out.append(c)
    return out


def group_claims(rule: Rule, claims: list[Claim]) -> list[list[Claim]]:
    groups: dict[tuple, list[Claim]] = defaultdict(list)
    for c in claims:
        key = _group_key(rule, c)
        if key is not None:
            groups[key].append(c)
    return [groups[k] for k in sorted(groups, key=repr) if len(groups[k]) > 1 or rule.extends == "not_after_publication"]


def _group_key(rule: Rule, c: Claim) -> tuple | None:
    parts: list[object] = [_moment(c)] if rule.same_time else []
    for name in rule.group_by:
        if name == "subject":
            if c.subject is None:
                return None
            parts.append(c.subject)
        elif name == "attribute":
            parts.append(c.attribute)
        elif name == "scope":
            parts.append(tuple(sorted(c.scope.items())))
        elif name == "time":
            parts.append((c.time.start, c.time.end) if c.time else None)
        elif name == "document":
            parts.append(c.document)
        elif name == "person":
            person = getattr(c.value, "person", None)
            if not person:
                return None
            parts.append(person)
        else:  # noun, unit, currency: fields of the value
            parts.append(getattr(c.value, name, None))
    return tuple(parts)


def _moment(c: Claim) -> tuple:
    """When a time-bound claim holds, for rules that compare only at the same time: its day,
    or its own article when the article's date is a range; timeless claims share one moment."""
    if c.time is None:
        return ("timeless",)
    if c.time.is_day:
        return ("day", c.time.start)
    return ("article", c.document)


def _pair_filter(rule: Rule):
    def allowed(a: Claim, b: Claim) -> bool:
        same_doc = a.document == b.document
        if rule.compare == "across":
            return not same_doc
        if rule.compare == "within":
            return same_doc
        return True
    return allowed
