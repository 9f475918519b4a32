"""The terminal summary: each conflict with the quotes from every side and why."""

from __future__ import annotations

from collections import Counter

from checker.decide import Decisions, shown, status_of
from checker.models import Report
from checker.report.evidence import Evidence, clean, fold, quote, status_summary, values_line
from checker.text import counted
from checker.values import render as render_value


def render(report: Report, decisions: Decisions | None = None) -> str:
    kinds = Counter(c.kind for c in report.claims)
    evidence = Evidence(report)
    lines = [
        f"claimcheck: {counted(len(report.documents), 'document')}, {counted(len(report.claims), 'claim')} "
        f"({', '.join(f'{k} {n}' for k, n in sorted(kinds.items())) or 'none'}), "
        f"{counted(len(report.conflicts), 'conflict')}{status_summary(report, decisions)}, "
        f"{counted(len(report.errors), 'error')}",
    ]
    for conflict in shown(report, decisions):
        status = status_of(decisions, conflict)
        label = conflict.severity.upper() if status == "new" else status.upper()
        lines.append("")
        lines.append(f"{label} {conflict.rule} [{conflict.id}]")
        if status != "new" and decisions:
            lines.append(f"  ({decisions[conflict.id].note})")
        lines.append(f"  {conflict.message}")
        every = evidence.sides(conflict)
        listed, folded = fold(every)
        if folded:
            lines.append(f"  values: {values_line(every)}")
        for side in listed:
            path = side.document.path if side.document else side.claim.document
            lines.append(f"  - {path}:{side.line}:{side.column} (published {side.published})")
            lines.append(f"      \"{quote(side)}\"")
            lines.append(f"      value: {render_value(side.claim.value)}")
        if folded:
            lines.append(f"  ... and {len(folded)} more sides (every side is in report.json)")
        lines.append(f"  why: {conflict.reason}")
    for error in report.errors:
        lines.append(f"error: {error.render()}")
    for warning in report.warnings:
        lines.append(f"warning: {warning.render()}")
    return "\n".join(clean(line) for line in lines) + "\n"
