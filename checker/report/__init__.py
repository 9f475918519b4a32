"""Stage 8: reports. One reporter per format behind one interface: `render(report) -> str`."""

from __future__ import annotations

from typing import Callable

from checker.models import Report
from checker.report import html, json_report, markdown, text

Reporter = Callable[[Report], str]

REPORTERS: dict[str, Reporter] = {
    "text": text.render,
    "json": json_report.render,
    "markdown": markdown.render,
    "html": html.render,
}
