"""Stage 7: findings. Turns rule hits into Conflict records: stable ids, messages with the
normalised values, one record per distinct disagreement, in a fixed order.
"""

from __future__ import annotations

import hashlib

from checker.engine import RuleHit
from checker.models import Claim, Conflict
from checker.values import named_few, phrase, render


def build_conflicts(hits: list[RuleHit]) -> list[Conflict]:
    merged: dict[tuple, tuple[RuleHit, dict[str, Claim]]] = {}
    for rh in _without_conversions(hits):
        # Claims saying the same thing about the same subject merge into one conflict.
        sides = frozenset((c.document, render(c.value)) for c in rh.hit.claims)
        key = (rh.rule.id, rh.hit.claims[0].subject, sides)
        if key not in merged:
            merged[key] = (rh, {})
        merged[key][1].update({c.id: c for c in rh.hit.claims})
    conflicts = [_conflict(rh, claims) for rh, claims in merged.values()]
    return sorted(conflicts, key=lambda c: (c.rule, c.documents, c.claims))


def _without_conversions(hits: list[RuleHit]) -> list[RuleHit]:
    """The hits less those made only of bracketed conversions whose amounts disagree in
    another hit of the rule: "VND12.6 trillion (US$495 million)" against "16.2 trillion VND
    (about 637 million USD)" is one disagreement, reported once, with the amounts as written."""
    own = {(rh.rule.id, c.id) for rh in hits if not all(c.converts for c in rh.hit.claims) for c in rh.hit.claims}
    return [rh for rh in hits
            if not all(c.converts and (rh.rule.id, c.converts) in own for c in rh.hit.claims)]


def _values(ordered: list[Claim]) -> str:
    """The group's distinct values, a few named and the rest counted (values.NAMED)."""
    named, rest = named_few(list(dict.fromkeys(phrase(c.value) for c in ordered)))
    return " vs ".join(named) + (f" and {rest} other value{'s' if rest > 1 else ''}" if rest else "")


def _conflict(rh: RuleHit, claims: dict[str, Claim]) -> Conflict:
    ordered = sorted(claims.values(), key=lambda c: (c.document, c.start, c.id))
    ids = [c.id for c in ordered]
    digest = hashlib.sha1(("\x1f".join([rh.rule.id, *ids])).encode()).hexdigest()[:12]
    first = next((c for c in ordered if c.subject_text), ordered[0])
    message = rh.rule.message.format(
        subject=first.subject_text or first.subject or "(unnamed)",
        attribute=first.attribute.replace("_", " "),
        values=_values(ordered),
        reason=rh.hit.reason,
    )
    reason = rh.hit.reason
    if any(c.link == "story" for c in ordered):
        # say why claims that name no owner were compared at all
        reason += ("; the figures that name no owner are linked by their story: articles that tell one story"
                   " and give the same measure of the same thing for the same time")
    if any(c.link == "recount" for c in ordered):
        reason += ("; a count told again with \"the\" is linked to the count of the same things its article"
                   " gave before")
    if any(c.link == "context" for c in ordered):
        reason += ("; a figure whose own words name no owner is taken as its article's main thing's, and so"
                   " compared only with other articles")
    if any(c.period_link == "story" for c in ordered):
        reason += ("; a figure whose sentence names no period is taken for the one period its story states"
                   " for the same figure")
    if any(c.link == "occasion" for c in ordered):
        reason += ("; the occasions are linked by their story: its articles name one kind of occasion"
                   " in words no article tells apart, and none dates two of them apart")
    return Conflict(
        id=f"k-{digest}", rule=rh.rule.id, severity=rh.rule.severity, message=message, reason=reason,
        claims=ids, subject=first.subject, attribute=first.attribute,
        documents=sorted({c.document for c in ordered}),
    )
