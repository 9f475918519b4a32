"""Where each side of a conflict sits, as CI tools want it: a path relative to the
working directory, start and end line/column (1-based, end column exclusive) and the
character offset and length.
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from checker.models import Conflict
from checker.report.evidence import Evidence, Side


@dataclass(frozen=True)
class Span:
    side: Side
    path: str
    start_line: int
    start_column: int
    end_line: int
    end_column: int
    offset: int
    length: int


def relative_path(path: str, cwd: Path | None = None) -> str:
    """POSIX path relative to the working directory when the file is under it, else absolute."""
    base = (cwd or Path.cwd()).resolve()
    full = Path(path).resolve()
    if full.is_relative_to(base):
        return full.relative_to(base).as_posix()
    return full.as_posix()


def spans(evidence: Evidence, conflict: Conflict) -> list[Span]:
    out = []
    for side in evidence.sides(conflict):
        c, d = side.claim, side.document
        end_line, end_col = evidence.line_col(d, c.end) if d else (side.line, side.column + len(c.text))
        out.append(Span(side, relative_path(d.path) if d else c.document, side.line, side.column, end_line, end_col,
                        c.start, c.end - c.start))
    return out
