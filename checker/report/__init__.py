"""Stage 8: reports. One reporter per format behind one interface:
`render(report, decisions=None) -> str`, where `decisions` (from `checker.decide`) labels
each conflict new, baseline, accepted or out of scope; without it every conflict is new.
"""

from __future__ import annotations

from typing import Protocol

from checker.decide import Decisions
from checker.models import Report
from checker.report import github, html, json_report, markdown, sarif, text


class Reporter(Protocol):
    def __call__(self, report: Report, decisions: Decisions | None = None) -> str: ...


REPORTERS: dict[str, Reporter] = {
    "text": text.render,
    "json": json_report.render,
    "markdown": markdown.render,
    "sarif": sarif.render,
    "github": github.render,
    "html": html.render,
}
