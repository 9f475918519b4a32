"""report.json: the machine contract (documents, claims, conflicts, errors)."""

from __future__ import annotations

import json

from checker.models import Report


def as_dict(report: Report) -> dict:
    return {
        "documents": [d.model_dump(mode="json") for d in report.documents],
        "claims": [c.model_dump(mode="json") for c in report.claims],
        "conflicts": [c.model_dump(mode="json") for c in report.conflicts],
        "errors": [e.model_dump(mode="json") for e in report.errors],
        "rules": report.rules,
    }


def render(report: Report) -> str:
    return json.dumps(as_dict(report), ensure_ascii=False, indent=2) + "\n"
