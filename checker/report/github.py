"""GitHub Actions workflow commands: one annotation line per side of each conflict.

New conflicts are `::error` or `::warning` as the rule's severity says; baseline and
accepted ones are `::notice` so they stay visible without failing anything.
"""

from __future__ import annotations

from checker.decide import Decisions, shown, status_of
from checker.models import Conflict, Report
from checker.report.evidence import Evidence, clean
from checker.report.location import Span, spans

# Each side's annotation names a few of the others, so a group of n sides costs n lines, not n².
OTHERS_NAMED = 3


def escape_data(text: str) -> str:
    """Message escaping as GitHub documents it for workflow commands; other control
    characters are dropped so an article cannot colour or rewrite the log."""
    return clean(text.replace("%", "%25").replace("\r", "%0D").replace("\n", "%0A"))


def escape_property(text: str) -> str:
    """Property values additionally escape `:` and `,`."""
    return escape_data(text).replace(":", "%3A").replace(",", "%2C")


def _line(conflict: Conflict, span: Span, all_spans: list[Span], status: str, note: str = "") -> str:
    others = [o for o in all_spans[:OTHERS_NAMED + 1] if o is not span][:OTHERS_NAMED]
    command = conflict.severity if status == "new" else "notice"
    title = conflict.rule if status == "new" else f"{conflict.rule} ({status})"
    props = {
        "file": span.path, "line": span.start_line, "col": span.start_column,
        "endLine": span.end_line, "endColumn": span.end_column, "title": title,
    }
    elsewhere = "; ".join(f"{o.path}:{o.start_line}:{o.start_column} \"{' '.join(o.side.claim.text.split())}\""
                          for o in others)
    if len(all_spans) - 1 > len(others):
        elsewhere += f"; and {len(all_spans) - 1 - len(others)} more"
    message = f"{conflict.message} [{conflict.id}]. {conflict.reason}."
    if note:
        message += f" ({note})"
    if elsewhere:
        message += f" Other side: {elsewhere}."
    head = ",".join(f"{k}={escape_property(str(v))}" for k, v in props.items())
    return f"::{command} {head}::{escape_data(message)}"


def render(report: Report, decisions: Decisions | None = None) -> str:
    lines = []
    evidence = Evidence(report)
    for conflict in shown(report, decisions):
        all_spans = spans(evidence, conflict)
        status = status_of(decisions, conflict)
        note = decisions[conflict.id].note if status != "new" and decisions else ""
        lines.extend(_line(conflict, s, all_spans, status, note) for s in all_spans)
    for e in report.errors:
        where = f"file={escape_property(e.path)}" + (f",line={e.line}" if e.line else "")
        lines.append(f"::error {where}::{escape_data(e.message)}")
    for w in report.warnings:
        where = f"file={escape_property(w.path)}" + (f",line={w.line}" if w.line else "")
        lines.append(f"::warning {where}::{escape_data(w.message)}")
    return "".join(f"{line}\n" for line in lines)
