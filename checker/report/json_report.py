"""report.json: the machine contract (documents, claims, conflicts, errors).

Each conflict also carries `status` (new, baseline, accepted, suppressed, out_of_scope),
`note` (who accepted it, or the suppression's place and reason; empty for new ones) and its
`fingerprint`, added beside the existing keys.
"""

from __future__ import annotations

import json

from checker.decide import Decisions, status_of
from checker.fingerprint import fingerprints
from checker.models import Conflict, Report


def _conflict(conflict: Conflict, fingerprint: str, decisions: Decisions | None) -> dict:
    note = decisions[conflict.id].note if decisions and conflict.id in decisions else ""
    return {**conflict.model_dump(mode="json"), "status": status_of(decisions, conflict), "note": note,
            "fingerprint": fingerprint}


def as_dict(report: Report, decisions: Decisions | None = None) -> dict:
    prints = fingerprints(report)
    return {
        "documents": [d.model_dump(mode="json") for d in report.documents],
        "claims": [c.model_dump(mode="json") for c in report.claims],
        "conflicts": [_conflict(c, prints[c.id], decisions) for c in report.conflicts],
        "errors": [e.model_dump(mode="json") for e in report.errors],
        "rules": report.rules,
        "warnings": [w.model_dump(mode="json") for w in report.warnings],
    }


def render(report: Report, decisions: Decisions | None = None) -> str:
    return json.dumps(as_dict(report, decisions), ensure_ascii=False, indent=2) + "\n"
