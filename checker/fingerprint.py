"""Fingerprints of conflicts that survive unrelated edits.

A conflict id contains claim offsets, so it changes when text is added above a claim.
A fingerprint is built only from what the conflict is about: the rule and, for each
side, the document id, the claim kind and attribute, the normalised value and the
claim's own words (whitespace-normalised). Baselines and reviewed findings use it.
"""

from __future__ import annotations

import hashlib

from checker.models import Claim, Conflict, Report
from checker.values import render

_SEP = "\x1f"


def normalise(text: str) -> str:
    """Whitespace-normalised text: reflowing a paragraph is not an edit of the claim."""
    return " ".join(text.split())


def side_key(claim: Claim) -> str:
    return _SEP.join([claim.document, claim.kind, claim.attribute, render(claim.value), normalise(claim.text)])


def fingerprint(conflict: Conflict, claims: dict[str, Claim]) -> str:
    """A stable hex digest of the rule and the sorted sides of a conflict."""
    keys = sorted({side_key(claims[cid]) for cid in conflict.claims})
    return hashlib.sha256("\x1e".join([conflict.rule, *keys]).encode()).hexdigest()[:20]


def text_hash(claim: Claim) -> str:
    """A digest of a claim's words and its sentence: any edit of either changes it."""
    return hashlib.sha256(f"{normalise(claim.text)}{_SEP}{normalise(claim.sentence)}".encode()).hexdigest()[:16]


def fingerprints(report: Report) -> dict[str, str]:
    """Conflict id -> fingerprint for every conflict of a report."""
    claims = {c.id: c for c in report.claims}
    return {k.id: fingerprint(k, claims) for k in report.conflicts}
