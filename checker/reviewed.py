"""Reviewed findings: conflicts a person looked at and accepted, kept in the repository.

Each entry records who accepted which conflict, when and why, with the rule and each
side's document and quoted words. It stays accepted only while every side's claim and
sentence read as they did when it was accepted (a hash of both is stored): edit either
and the conflict is new again.
"""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import yaml
from pydantic import BaseModel, ConfigDict, Field

from checker.fingerprint import fingerprint, normalise, text_hash
from checker.models import Claim, Conflict, Report
from checker.yamlio import read_yaml, validate

Strict = ConfigDict(extra="forbid", frozen=True)
HEADER = "# Conflicts reviewed and accepted with `claimcheck accept`; read by `claimcheck check`.\n"


class ReviewedSide(BaseModel):
    model_config = Strict
    document: str
    text: str
    sentence: str
    hash: str


class Review(BaseModel):
    model_config = Strict
    id: str
    fingerprint: str
    rule: str
    reason: str
    by: str
    date: dt.date
    sides: list[ReviewedSide]


class ReviewedFile(BaseModel):
    model_config = Strict
    accepted: list[Review] = Field(default_factory=list)


def load_reviewed(path: Path) -> list[Review]:
    """The reviews in a file, none when it is empty; errors name the file and line (ConfigError)."""
    data, node = read_yaml(path)
    return [] if data is None else list(validate(path, data, node, ReviewedFile).accepted)


def dump_reviewed(reviews: list[Review]) -> str:
    data = {"accepted": [r.model_dump(mode="json") for r in reviews]}
    return HEADER + yaml.safe_dump(data, allow_unicode=True, sort_keys=False, width=100)


def review(report: Report, conflict: Conflict, reason: str, by: str, date: dt.date) -> Review:
    """A review of one conflict of a report; the date is passed in, never read from the clock."""
    claims = {c.id: c for c in report.claims}
    return Review(
        id=conflict.id, fingerprint=fingerprint(conflict, claims), rule=conflict.rule, reason=reason, by=by, date=date,
        sides=[_side(claims[cid]) for cid in conflict.claims],
    )


def upsert(reviews: list[Review], new: Review) -> list[Review]:
    """Reviews with `new` replacing any earlier review of the same conflict, in a stable order."""
    kept = [r for r in reviews if r.fingerprint != new.fingerprint]
    return sorted([*kept, new], key=lambda r: (r.rule, r.fingerprint))


def covers(review: Review, conflict: Conflict, claims: dict[str, Claim]) -> bool:
    """True when the review is of this conflict and no side's words or sentence changed since."""
    if review.fingerprint != fingerprint(conflict, claims):
        return False
    now = sorted((claims[cid].document, text_hash(claims[cid])) for cid in conflict.claims)
    return now == sorted((s.document, s.hash) for s in review.sides)


def _side(claim: Claim) -> ReviewedSide:
    return ReviewedSide(document=claim.document, text=normalise(claim.text), sentence=normalise(claim.sentence),
                        hash=text_hash(claim))
