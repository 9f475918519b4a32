"""Shared by reporters: where a claim sits (line, column) and its quote in context."""

from __future__ import annotations

import bisect
import re
from collections import Counter
from dataclasses import dataclass

from checker.decide import Decisions, status_of
from checker.models import Claim, Conflict, Document, Report
from checker.text import counted
from checker.values import render as render_value

_CONTROL = re.compile(r"[\x00-\x08\x0b-\x1f\x7f-\x9f]")


def clean(text: str) -> str:
    """Text without control characters (ANSI escapes start with one), so an article or a
    file name cannot drive the terminal or a CI log."""
    return _CONTROL.sub(" ", text)


_SOURCE_WORDS = {
    "stated": "stated in the article",
    "front_matter": "from the file's front matter",
    "dateline": "the dateline's day, in the year of its folder's articles",
    "inferred": "inferred from the text",
}


@dataclass(frozen=True)
class Side:
    claim: Claim
    document: Document | None
    line: int
    column: int

    @property
    def published(self) -> str:
        d = self.document
        if d is None or d.published_range.start is None:
            return "date unknown"
        r = d.published_range
        when = r.start.isoformat() if r.start == r.end else f"{r.start.isoformat()} to {r.end.isoformat()}"
        return f"{d.published_source} {when}"


def line_col(text: str, offset: int) -> tuple[int, int]:
    """1-based line and column of an offset (for one lookup; `Lines` answers many)."""
    line = text.count("\n", 0, offset) + 1
    col = offset - (text.rfind("\n", 0, offset) + 1) + 1
    return line, col


class Lines:
    """Line and column of any offset of one text by bisection over its line starts, so
    placing every claim of a long article costs one pass over the text, not one per claim."""

    def __init__(self, text: str) -> None:
        self.starts = [0] + [m.end() for m in re.finditer("\n", text)]

    def line_col(self, offset: int) -> tuple[int, int]:
        index = bisect.bisect_right(self.starts, offset) - 1
        return index + 1, offset - self.starts[index] + 1


class Evidence:
    """The lookups every reporter needs (claims and documents by id, line starts per
    document), built once per report so each conflict costs its own sides, not all claims."""

    def __init__(self, report: Report) -> None:
        self.claims = {c.id: c for c in report.claims}
        self.documents = {d.id: d for d in report.documents}
        self._lines: dict[str, Lines] = {}

    def line_col(self, doc: Document, offset: int) -> tuple[int, int]:
        if doc.id not in self._lines:
            self._lines[doc.id] = Lines(doc.text)
        return self._lines[doc.id].line_col(offset)

    def sides(self, conflict: Conflict) -> list[Side]:
        out = []
        for cid in conflict.claims:
            c = self.claims[cid]
            d = self.documents.get(c.document)
            line, col = self.line_col(d, c.start) if d else (1, 1)
            out.append(Side(c, d, line, col))
        return out


# A conflict with more sides than this (a group that disagrees) is summarised by its distinct
# values with counts and these many sides, one per value first; the rest are folded.
SIDES_SHOWN = 4


def value_counts(sides: list[Side]) -> list[tuple[str, int]]:
    """Each distinct value (its key) of a conflict's sides with how many sides give it, in order of first appearance."""
    return list(Counter(render_value(s.claim.value) for s in sides).items())


def fold(sides: list[Side]) -> tuple[list[Side], list[Side]]:
    """The sides to show (an example of each value first, up to SIDES_SHOWN) and the rest, each in the given order."""
    if len(sides) <= SIDES_SHOWN:
        return sides, []
    chosen: set[int] = set()
    seen: set[str] = set()
    for i, side in enumerate(sides):
        key = render_value(side.claim.value)
        if key not in seen and len(chosen) < SIDES_SHOWN:
            seen.add(key)
            chosen.add(i)
    for i in range(len(sides)):
        if len(chosen) >= SIDES_SHOWN:
            break
        chosen.add(i)
    return [s for i, s in enumerate(sides) if i in chosen], [s for i, s in enumerate(sides) if i not in chosen]


def values_line(sides: list[Side]) -> str:
    """`2024-03-03 (60 sides), 2024-03-04 (60 sides)`: what a group says, in one line."""
    return ", ".join(f"{value} ({counted(n, 'side')})" for value, n in value_counts(sides))


def as_written(claim: Claim) -> str:
    """The value in the article's own words where its key is a normalised string (an office
    holder's name and title); other values read well as the key itself."""
    return " ".join(claim.text.split()) if claim.kind == "role" else render_value(claim.value)


def quote(side: Side, width: int = 160) -> str:
    """The claim's sentence, cut to `width` around the claim, with the claim in [brackets]."""
    c = side.claim
    s = c.sentence
    a, b = c.start - c.sentence_start, c.end - c.sentence_start
    if not (0 <= a <= b <= len(s)):
        return f"[{c.text}]"
    left, right = s[:a], s[b:]
    room = max(20, (width - (b - a)) // 2)
    if len(left) > room:
        left = "..." + left[-room:]
    if len(right) > room:
        right = right[:room] + "..."
    return " ".join(f"{left}[{c.text}]{right}".split())


def status_summary(report: Report, decisions: Decisions | None) -> str:
    """The count per status, as ` (1 new, 2 baseline)`, when some conflicts are not new; empty otherwise."""
    counts = Counter(status_of(decisions, k) for k in report.conflicts)
    if set(counts) <= {"new"}:
        return ""
    return " (" + ", ".join(f"{n} {s.replace('_', ' ')}" for s, n in sorted(counts.items())) + ")"


def published_words(doc: Document | None) -> str:
    """The publication date as an editor reads it, saying where it came from."""
    if doc is None or doc.published_range.start is None:
        return "publication date unknown"
    r = doc.published_range
    when = r.start.isoformat() if r.start == r.end else f"between {r.start.isoformat()} and {r.end.isoformat()}"
    return f"published {when} ({_SOURCE_WORDS.get(doc.published_source, doc.published_source)})"
