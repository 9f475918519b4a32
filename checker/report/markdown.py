"""report.md: the same content as the terminal summary, for reading in a repository."""

from __future__ import annotations

from collections import Counter

from checker.decide import Decisions, shown, status_of
from checker.models import Report
from checker.report.evidence import Evidence, clean, fold, quote, status_summary, values_line
from checker.values import render as render_value


# HTML is entity-escaped and Markdown's link, image, emphasis and code marks are
# backslash-escaped: article text and file names are shown, never rendered.
_MARKUP = str.maketrans({"&": "&amp;", "<": "&lt;", ">": "&gt;", "|": "\\|", "\n": " ", "\r": " ",
                         **{c: "\\" + c for c in "\\`*_[]()!~"}})


def _cell(text: str) -> str:
    return clean(text.translate(_MARKUP))


def render(report: Report, decisions: Decisions | None = None) -> str:
    kinds = Counter(c.kind for c in report.claims)
    evidence = Evidence(report)
    out = ["# claimcheck report", ""]
    if report.errors:
        out += [f"**Incomplete: {len(report.errors)} inputs could not be checked (see Errors below).**", ""]
    out.append(f"- Documents: {len(report.documents)}")
    out.append(f"- Claims: {len(report.claims)} ({', '.join(f'{k}: {n}' for k, n in sorted(kinds.items())) or 'none'})")
    out.append(f"- Conflicts: {len(report.conflicts)}{status_summary(report, decisions)}")
    out.append(f"- Errors: {len(report.errors)}")
    out.append("")
    out.append("## Documents")
    out.append("")
    out.append("| id | published | source |")
    out.append("|---|---|---|")
    for d in report.documents:
        r = d.published_range
        when = "" if r.start is None else (r.start.isoformat() if r.start == r.end else f"{r.start} to {r.end}")
        out.append(f"| {_cell(d.id)} | {when} | {d.published_source} |")
    out.append("")
    out.append("## Conflicts")
    out.append("")
    listed = shown(report, decisions)
    if not listed:
        out.append("No conflicts found.")
    rationale = {r["id"]: r["rationale"] for r in report.rules}
    for conflict in listed:
        status = status_of(decisions, conflict)
        out.append(f"### {conflict.rule}: {_cell(conflict.message)}")
        out.append("")
        known = f" Status **{status}** ({_cell(decisions[conflict.id].note)})." if status != "new" and decisions else ""
        out.append(f"Severity **{conflict.severity}**, id `{conflict.id}`. {_cell(conflict.reason)}.{known}")
        out.append("")
        every = evidence.sides(conflict)
        listed, folded = fold(every)
        if folded:
            out.append(f"Values: {_cell(values_line(every))}.")
            out.append("")
        out.append("| document | line | quote | value |")
        out.append("|---|---|---|---|")
        for side in listed:
            out.append(f"| {_cell(side.claim.document)} ({side.published}) | {side.line} | "
                       f"{_cell(quote(side))} | {_cell(render_value(side.claim.value))} |")
        out.append("")
        if folded:
            out.append(f"... and {len(folded)} more sides (every side is in report.json and report.html).")
            out.append("")
        if conflict.rule in rationale:
            out.append(f"> {_cell(rationale[conflict.rule])}")
            out.append("")
    if report.errors:
        out.append("## Errors")
        out.append("")
        out.extend(f"- {_cell(e.render())}" for e in report.errors)
        out.append("")
    if report.warnings:
        out.append("## Warnings")
        out.append("")
        out.extend(f"- {_cell(w.render())}" for w in report.warnings)
        out.append("")
    return "\n".join(out).rstrip() + "\n"
