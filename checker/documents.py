"""Stage 1: find article files, decode them, read front matter and a stated date.

A file that cannot be read becomes an InputError, never an exception, so every other
article is still checked. Front matter is untrusted input: a bad value refuses the article
with its file and line; YAML that cannot be parsed is ignored with a warning.
"""

from __future__ import annotations

import datetime as dt
import errno
import os
import re
import stat
from collections.abc import Callable
from dataclasses import dataclass, field
from functools import lru_cache
from pathlib import Path

import dateparser
import yaml

from checker.models import DateRange, Document, InputError, Suppression
from checker.text import comment_spans

SUFFIXES = (".txt", ".md")
Walk = Callable[[Path], list[Path]]  # a folder -> its article files, in order
# (id, path, decoded text, warnings) -> the document: `parse_document`, or a cache that remembers its results
Parse = Callable[[str, str, str, list[InputError]], Document | InputError]
HEADER_CHARS = 1500  # a stated date lives in the first lines, not in the body

_DATE_FORMS = (
    r"\d{4}-\d{1,2}-\d{1,2}",
    r"(?:[A-Z][a-z]{2,8},? )?\d{1,2}/\d{1,2}/\d{4}",  # "Society | Wednesday, 12/03/2025 | 10:15 GMT+7"
    r"\d{1,2}\.\d{1,2}\.\d{4}",
    r"(?:[A-Z][a-z]{2,8},? )?[A-Z][a-z]{2,8}\.? \d{1,2}(?:st|nd|rd|th)?,? \d{4}",
    r"(?:[A-Z][a-z]{2,8},? )?\d{1,2}(?:st|nd|rd|th)? [A-Z][a-z]{2,8}\.?,? \d{4}",
    r"[A-Z][a-z]{2,8},? \d{1,2}/\d{4}",  # "Update: November, 22/2023 - 09:40"
)
_DATE = "(?:" + "|".join(_DATE_FORMS) + ")"
_LABELS = ("published date|publication date|published|publish date|posted date|date posted|posted|updated date|updated"
           "|update date|update|last updated|date")
# "Wednesday, 17:45, 17/07/2024", "09:20, 02/11/2024": a time before the date, after a weekday or not
_TIME_FIRST = r"(?:(?:[A-Z][a-z]{2,8},[ \t]{1,3})?\d{1,2}:\d{2},?[ \t]{1,3})?"
# A labelled date ("Publish date 14/03/2024", "Updated: 05/06/2023 14:30") or a line
# that opens with a date ("June 5, 2023", " date 2025-12-03 VIENTIANE —").
_LABELLED = re.compile(
    r"(?im)^[ \t]{0,40}(?:(" + _LABELS + r")\b[ \t]*(?:on)?[ \t]*:?[ \t]{0,5})?" + _TIME_FIRST + r"(" + _DATE + r")")
# A date inside a header line: after a separator, its label or a time first ("Source: Xinhua |
# 2024-09-03 16:20:45", "Sok Ratana | Publication date 22 November 2024", "World | Friday,
# 09:05, 21/11/2025"); after a byline's name ("By Hoang Nam   Thursday, November 2, 2023, 5:12
# pm", "By Phetsamone Keola · January 8, 2025"); in a wire's dateline after its agency and place ("AKP Siem Reap, April 16, 2025 --"), or
# after its place, before its agency ("Phnom Penh, November 22, 2024 AKP --", "Vientiane, 4 Oct 2024 (KPL) –").
_INLINE = re.compile(r"(?im)(?:\|[ \t]{0,3}(?:(?:" + _LABELS + r")\b[ \t]*:?[ \t]{0,3})?" + _TIME_FIRST
                     + r"|^By[ \t][^\n|]{1,60}?(?:[ \t]{2,}|[ \t]?[-|,\u00b7\u2022][ \t])"
                     r"|^(?-i:[A-Z]{2,6})[ \t](?-i:[A-Z])[^\n,|]{1,40},[ \t]"
                     r"|^(?-i:[A-Z][a-z]+)(?:[ \t](?-i:[A-Z][a-z]+)){0,2},[ \t](?=[^\n]{6,30}?[ \t]\(?(?-i:[A-Z]{2,6})\)?[ \t]{0,3}(?:--|\u2013|\u2014|-)))"
                     r"(" + _DATE + r")")
# A wire's dateline that gives the month and day but no year: "Vientiane, Oct 9 (KPL) -",
# "VIENTIANE, Aug. 14 (Xinhua) --", "Hanoi, Nov 3 (VNA) –".
_YEARLESS_DATELINE = re.compile(
    r"(?m)^[ \t]{0,4}[A-Z][A-Za-z.'-]{1,20}(?:[ \t][A-Za-z.'-]{1,20}){0,2},[ \t]{1,3}"
    r"([A-Z][a-z]{2,8}\.?[ \t]{1,3}\d{1,2})[ \t]{1,3}\([A-Z][A-Za-z]{1,9}\)[ \t]*(?:--?|\u2013|\u2014)")
# How far from a dated article of its folder a yearless dateline's day may fall: a story's
# articles come out within weeks of each other.
DATELINE_REACH = dt.timedelta(days=31)
# After an unlabelled date, only a time, a dateline place in capitals or a separator (a comma
# the sentence goes on after in lowercase is a sentence's: "From January 1, 2025, the entrance
# fee ... will be raised", deep in a short article's first lines).
_UNLABELLED_REST = re.compile(r"[ \t]*(?:$|\d{1,2}:\d{2}|[A-Z]{3,}|[|\-(]|,(?![ \t]+[a-z]))", re.M)
_PREFERENCE = {"published": 0, "publish date": 0, "published date": 0, "publication date": 0, "posted": 0,
               "posted date": 0, "date posted": 0, "date": 1, None: 1, "inline": 1, "updated": 2,
               "updated date": 2, "update date": 2, "update": 2, "last updated": 2}


MAX_FRONT_MATTER = 16 * 1024  # characters: front matter is a few keys, not a second article
MAX_DEPTH = 20  # nesting levels; deeper YAML would exhaust the recursive composer
_TIMESTAMP = "tag:yaml.org,2002:timestamp"
_CLOSING = re.compile(r"(?m)^---[ \t]*\r?$")
_ISO_DAY = re.compile(r"(\d{4})-(\d{1,2})-(\d{1,2})(?:(?:[Tt]|[ \t]+)([0-9:.]+)[ \t]*(Z|[+-][0-9:]+)?)?")


@dataclass
class Corpus:
    documents: list[Document] = field(default_factory=list)
    errors: list[InputError] = field(default_factory=list)
    warnings: list[InputError] = field(default_factory=list)


class FrontMatterError(Exception):
    """Front matter that cannot be used; `line` is 1-based in the file."""

    def __init__(self, message: str, line: int | None = None) -> None:
        super().__init__(message)
        self.message = message
        self.line = line


class _Refused(Exception):
    """Raised inside the loader; carries the YAML mark where the refusal starts."""

    def __init__(self, mark: yaml.Mark, message: str) -> None:
        super().__init__(message)
        self.mark = mark
        self.message = message


class _FrontMatterLoader(yaml.SafeLoader):
    """SafeLoader for front matter. Dates stay text so we check them and name the line
    (PyYAML raises a bare ValueError on 2024-13-45); anchors and aliases are refused (a
    600-byte alias bomb expands to gigabytes); nesting is capped (deep YAML overflows the stack)."""

    _depth = 0

    def compose_node(self, parent: yaml.Node | None, index: object) -> yaml.Node:
        event = self.peek_event()
        if isinstance(event, yaml.AliasEvent) or getattr(event, "anchor", None):
            raise _Refused(event.start_mark, "YAML anchors and aliases are not allowed in front matter")
        if self._depth >= MAX_DEPTH:
            raise _Refused(event.start_mark, f"front matter is nested deeper than {MAX_DEPTH} levels")
        self._depth += 1
        try:
            return super().compose_node(parent, index)
        finally:
            self._depth -= 1


_FrontMatterLoader.yaml_implicit_resolvers = {
    first: [(tag, rx) for tag, rx in resolvers if tag != _TIMESTAMP]
    for first, resolvers in yaml.SafeLoader.yaml_implicit_resolvers.items()
}
_FrontMatterLoader.add_constructor(_TIMESTAMP, yaml.SafeLoader.construct_yaml_str)


def discover(paths: list[Path], walk: Walk | None = None) -> tuple[list[Path], list[InputError]]:
    """Article files under the given paths, folders walked in sorted order (by `walk` when
    given: it chooses the articles of a folder, as a configuration's include and exclude say).
    A path that is not a readable regular file (a broken or looping symlink, a FIFO, a device)
    is an error saying which: reading a FIFO would block the run for ever."""
    found: list[Path] = []
    errors: list[InputError] = []
    for path in paths:
        if path.is_dir() and walk is not None:
            candidates = walk(path)
        elif path.is_dir():
            candidates = [p for p in sorted(path.rglob("*")) if p.suffix.lower() in SUFFIXES and not p.is_dir()]
        else:
            candidates = [path]
        for candidate in candidates:
            problem = _not_a_file(candidate)
            if problem:
                errors.append(InputError(path=str(candidate), message=problem))
            else:
                found.append(candidate)
    return found, errors


def _not_a_file(path: Path) -> str | None:
    """Why this path cannot be read as an article, or None when it is a regular file."""
    try:
        mode = path.stat().st_mode
    except OSError as exc:
        if exc.errno == errno.ELOOP:
            return "symbolic link loop"
        if path.is_symlink():
            return f"broken symbolic link (points to {os.readlink(path)}, which does not exist)"
        if exc.errno == errno.ENOENT:
            return "no such file or directory"
        return f"cannot read file: {exc.strerror or exc}"
    if stat.S_ISREG(mode):
        return None
    kind = ("a FIFO (named pipe)" if stat.S_ISFIFO(mode) else "a socket" if stat.S_ISSOCK(mode)
            else "a device" if stat.S_ISCHR(mode) or stat.S_ISBLK(mode) else "not a file")
    return f"not a regular file: {kind}"


def read_corpus(paths: list[Path], walk: Walk | None = None, parse: Parse | None = None) -> Corpus:
    """Every article file of `paths`, decoded and parsed (by `parse`, default `parse_document`)."""
    parse = parse or parse_document
    files, errors = discover(paths, walk)
    corpus = Corpus(errors=errors)
    seen: dict[str, str] = {}
    for path in files:
        text = read_text(path)
        if isinstance(text, InputError):
            corpus.errors.append(text)
            continue
        if not text.strip():
            corpus.warnings.append(InputError(path=str(path), message="empty file: nothing to check"))
            continue
        doc = parse(path.stem, str(path), text, corpus.warnings)
        if isinstance(doc, InputError):
            corpus.errors.append(doc)
        elif doc.id in seen:
            corpus.errors.append(InputError(path=str(path), message=f"duplicate document id '{doc.id}' (also {seen[doc.id]})"))
        else:
            seen[doc.id] = str(path)
            corpus.documents.append(doc)
    return corpus


def read_text(path: Path) -> str | InputError:
    """The file decoded as UTF-8; a leading byte-order mark is encoding, not text, and is dropped."""
    problem = _not_a_file(path)
    if problem:
        return InputError(path=str(path), message=problem)
    try:
        raw = path.read_bytes()
    except OSError as exc:
        return InputError(path=str(path), message=f"cannot read file: {exc.strerror or exc}")
    try:
        text = raw.decode("utf-8-sig")
    except UnicodeDecodeError as exc:
        return InputError(path=str(path), message=f"not valid UTF-8 (byte {exc.start})")
    if "\x00" in text:
        return InputError(path=str(path), message="binary file (contains NUL bytes)")
    return text


def read_document(path: Path, warnings: list[InputError] | None = None) -> Document | InputError:
    text = read_text(path)
    return text if isinstance(text, InputError) else parse_document(path.stem, str(path), text, warnings)


def parse_document(doc_id: str, path: str, text: str,
                   warnings: list[InputError] | None = None) -> Document | InputError:
    """Build a Document from decoded text: front matter first, then a stated date.

    Front matter that must not be used gives an InputError naming the line; front matter
    that is ignored (broken YAML) is reported in `warnings` when a list is given.
    """
    try:
        matter = front_matter(text)
        fm_date = _front_matter_date(matter)
    except FrontMatterError as exc:
        return InputError(path=path, line=exc.line, message=exc.message)
    if matter.warning is not None and warnings is not None:
        warnings.append(InputError(path=path, line=matter.warning.line, message=matter.warning.message))
    meta, body_start = matter.meta, matter.body_start
    published: dt.date | None = None
    source = "unknown"
    span: tuple[int, int] | None = None
    if fm_date:
        published, source = fm_date, "front_matter"
        m = re.search(r"(?m)^(?:published|date)[ \t]*:[ \t]*['\"]?([^'\"\r\n]+?)['\"]?[ \t]*\r?$", text[:body_start])
        span = (m.start(1), m.end(1)) if m else None
    else:
        found = stated_date(text[body_start:body_start + HEADER_CHARS])
        if found:
            published, (start, end) = found
            span = (body_start + start, body_start + end)
            source = "stated"
    day = _yearless_dateline(text, body_start) if source == "unknown" else None
    notes, problems = suppressions(text, body_start, matter)
    if warnings is not None:
        warnings.extend(InputError(path=path, line=line, message=message) for line, message in problems)
    return Document(
        id=doc_id, path=path, text=text, published=published,
        published_range=DateRange(start=published, end=published),
        published_source=source, published_text=text[span[0]:span[1]] if span else None, published_span=span,
        title=_str_or_none(meta.get("title")), source=_str_or_none(meta.get("source")),
        body_start=body_start, suppressions=notes,
        dateline_day=day[0] if day else None, dateline_span=day[1] if day else None,
    )


def _yearless_dateline(text: str, body_start: int) -> tuple[tuple[int, int], tuple[int, int]] | None:
    """The month and day of a dateline that names no year, and where they are written."""
    m = _YEARLESS_DATELINE.search(text, body_start, body_start + HEADER_CHARS)
    if m is None:
        return None
    # a leap year, so "Feb 29" is a day; the year itself is never used
    parsed = dateparser.parse(f"{m.group(1)} 2000", languages=["en"], settings={"STRICT_PARSING": True})
    if parsed is None:
        return None
    return (parsed.month, parsed.day), (m.start(1), m.end(1))


def year_datelines(documents: list[Document], own_years: dict[str, frozenset[int]] | None = None) -> list[Document]:
    """Undated articles whose dateline names a month and day but no year, dated in the year that
    puts the day nearest an article of the same folder whose date is known, when it falls
    within `DATELINE_REACH` of it: KPL's "Vientiane, Oct 9 (KPL) -" among a story's articles of
    October 2024 is 9 October 2024. Nothing else pins such a day's year, and "on Monday" or
    "yesterday" mean nothing without it. An article in `own_years` takes only one of the years
    it names itself (a folder may hold other stories of days alike)."""
    dated: dict[str, list[dt.date]] = {}
    for doc in documents:
        if doc.published is not None:
            dated.setdefault(str(Path(doc.path).parent), []).append(doc.published)
    out = []
    for doc in documents:
        near = dated.get(str(Path(doc.path).parent), [])
        if doc.dateline_day is None or doc.published_source != "unknown" or not near:
            out.append(doc)
            continue
        month, day = doc.dateline_day
        allowed = (own_years or {}).get(doc.id)
        candidates = [(abs(c - d), c) for d in near for y in (d.year - 1, d.year, d.year + 1)
                      if (c := _day(y, month, day)) is not None and (allowed is None or y in allowed)]
        gap, when = min(candidates, default=(None, None))
        if gap is None or gap > DATELINE_REACH:
            out.append(doc)
            continue
        span = doc.dateline_span
        out.append(doc.model_copy(update={
            "published": when, "published_range": DateRange(start=when, end=when), "published_source": "dateline",
            "published_span": span, "published_text": doc.text[span[0]:span[1]] if span else None}))
    return out


def _day(year: int, month: int, day: int) -> dt.date | None:
    try:
        return dt.date(year, month, day)
    except ValueError:
        return None  # 29 February of a common year


def with_published(text: str, day: dt.date) -> str:
    """The text as if its front matter said `published: day`: the line goes first in its
    front matter, or in a new block before the text. A draft dated apart from its text (the
    review page's date field, `review --published`) is then dated, and quoted, like any other."""
    line = f"published: {day.isoformat()}"
    if front_matter(text).body_start:
        opening = text.find("\n")
        eol = "\r\n" if text[opening - 1:opening] == "\r" else "\n"
        return text[:opening + 1] + line + eol + text[opening + 1:]
    return f"---\n{line}\n---\n{text}"


IGNORE_KEY, REASON_KEY = "claimcheck-ignore", "claimcheck-ignore-reason"
NO_REASON = "no reason given"


def suppressions(text: str, body_start: int, matter: FrontMatter) -> tuple[list[Suppression], list[tuple[int, str]]]:
    """The article's `claimcheck: ignore` notes, and (line, message) for each one that cannot
    be read. Front matter `claimcheck-ignore: [rule ids]` with `claimcheck-ignore-reason`
    covers the whole article; an inline comment covers its passage."""
    notes: list[Suppression] = []
    problems: list[tuple[int, str]] = []
    rules = matter.meta.get(IGNORE_KEY)
    if rules is not None:
        line = matter.lines.get(IGNORE_KEY, 1)
        if isinstance(rules, str):
            rules = [rules]
        if not isinstance(rules, list) or not all(isinstance(r, str) and r.strip() for r in rules):
            problems.append((line, f"{IGNORE_KEY} must be a list of rule ids, such as [date.event-dates]"))
        else:
            reason = " ".join(str(matter.meta.get(REASON_KEY) or NO_REASON).split())
            notes.extend(Suppression(rule=r.strip(), reason=reason, start=0, end=len(text), line=line) for r in rules)
    line, counted = 1, 0
    for start, end in comment_spans(text, body_start):
        words = text[start + 4:end].removesuffix("-->").strip()
        if not words.startswith("claimcheck"):
            continue
        line, counted = line + text.count("\n", counted, start), start
        rules_text, _, reason = words.removeprefix("claimcheck").lstrip(" :").partition(" -- ")
        verb, _, ids = rules_text.strip().partition(" ")
        rule_ids = [r for r in ids.replace(",", " ").split() if r]
        if verb != "ignore" or not rule_ids:
            problems.append((line, "a claimcheck comment reads `<!-- claimcheck: ignore RULE-ID -- reason -->`"))
            continue
        passage = _passage(text, start, end)
        reason = " ".join(reason.split()) or NO_REASON
        notes.extend(Suppression(rule=r, reason=reason, start=passage[0], end=passage[1], line=line) for r in rule_ids)
    return notes, problems


def _passage(text: str, start: int, end: int) -> tuple[int, int]:
    """The line a comment silences: its own line when that holds other text, else the next
    line with text (a comment above the paragraph it is about)."""
    line_start = text.rfind("\n", 0, start) + 1
    line_end = text.find("\n", end)
    line_end = len(text) if line_end < 0 else line_end
    if text[line_start:start].strip() or _without_comments(text, end, line_end).strip():
        return line_start, line_end
    at = line_end + 1
    while at < len(text):
        nxt = text.find("\n", at)
        nxt = len(text) if nxt < 0 else nxt
        if _without_comments(text, at, nxt).strip():
            return at, nxt
        at = nxt + 1
    return line_start, line_end


def _without_comments(text: str, start: int, end: int) -> str:
    """text[start:end] with its HTML comments left out."""
    pieces, at = [], start
    for a, b in comment_spans(text, start, end):
        pieces.append(text[at:a])
        at = b
    pieces.append(text[at:end])
    return "".join(pieces)


@dataclass(frozen=True)
class FrontMatter:
    """The front matter's keys, where the body starts, each top-level key's file line, and
    why the block was ignored when it was."""

    meta: dict
    body_start: int
    lines: dict[str, int] = field(default_factory=dict)
    warning: FrontMatterError | None = None


def front_matter(text: str) -> FrontMatter:
    """YAML front matter between `---` lines at the very top (after a byte-order mark, with
    LF or CRLF line ends). Empty when absent; ignored with a warning when its YAML is broken;
    FrontMatterError when it is too large, nested too deep or uses anchors."""
    lead = 1 if text.startswith("\ufeff") else 0
    first_nl = text.find("\n", lead)
    if first_nl < 0 or text[lead:first_nl].rstrip("\r").rstrip(" \t") != "---":
        return FrontMatter({}, 0)
    end = _CLOSING.search(text, first_nl + 1)
    if end is None:
        return FrontMatter({}, 0)
    block = text[first_nl + 1:end.start()]
    if len(block) > MAX_FRONT_MATTER:
        raise FrontMatterError(f"front matter is {len(block):,} characters; the limit is {MAX_FRONT_MATTER:,}", 1)
    try:
        loader = _FrontMatterLoader(block)  # the reader refuses control characters here
    except yaml.YAMLError as exc:
        return FrontMatter({}, 0, warning=FrontMatterError(f"front matter ignored: invalid YAML: {exc}".splitlines()[0], 2))
    try:
        node = loader.get_single_node()
        meta = loader.construct_document(node) if node is not None else None
    except _Refused as exc:
        raise FrontMatterError(exc.message, exc.mark.line + 2) from None
    except yaml.YAMLError as exc:
        mark = getattr(exc, "problem_mark", None)
        problem = getattr(exc, "problem", None) or str(exc).splitlines()[0]
        return FrontMatter({}, 0, warning=FrontMatterError(f"front matter ignored: invalid YAML: {problem}",
                                                           mark.line + 2 if mark else 1))
    except (ValueError, TypeError, OverflowError) as exc:  # an explicit tag's constructor (!!int x)
        raise FrontMatterError(f"front matter has an invalid value: {exc}", 1) from None
    finally:
        loader.dispose()
    if node is None:
        return FrontMatter({}, end.end())
    if not isinstance(meta, dict):
        return FrontMatter({}, 0, warning=FrontMatterError("front matter ignored: it is not a list of `key: value` lines", 2))
    lines = {str(k.value): k.start_mark.line + 2 for k, _ in node.value if isinstance(k, yaml.ScalarNode)}
    return FrontMatter(meta, end.end(), lines)


def _front_matter_date(matter: FrontMatter) -> dt.date | None:
    """The front matter's publication date; a key that is there but is no calendar date is an error."""
    for key in ("published", "date"):
        value = matter.meta.get(key)
        if value is None or value == "":
            continue
        day = _as_date(value)
        if day is None:
            raise FrontMatterError(f"{key}: {str(value)[:60]!r} is not a valid date (use YYYY-MM-DD)",
                                   matter.lines.get(key))
        return day
    return None


def stated_date(header: str) -> tuple[dt.date, tuple[int, int]] | None:
    """The best labelled or line-opening date in the header: published beats updated."""
    best: tuple[int, int, dt.date, str] | None = None
    for m in _LABELLED.finditer(header):
        label = m.group(1).lower() if m.group(1) else None
        if label is None and not _UNLABELLED_REST.match(header, m.end(2)):
            continue
        parsed = parse_date_text(m.group(2))
        if parsed is None:
            continue
        rank = (_PREFERENCE[label], m.start())
        if best is None or rank < best[:2]:
            best = (*rank, parsed, m.span(2))
    for m in _INLINE.finditer(header):
        parsed = parse_date_text(m.group(1))
        rank = (_PREFERENCE["inline"], m.start())
        if parsed is not None and (best is None or rank < best[:2]):
            best = (*rank, parsed, m.span(1))
    return (best[2], best[3]) if best else None


_DAY_FIRST = re.compile(r"(\d{1,2})[/.](\d{1,2})[/.](\d{4})")


@lru_cache(maxsize=4096)
def parse_date_text(text: str) -> dt.date | None:
    """A full calendar date; numeric dates are day-first, as in regional media.

    dateparser handles the many written forms; RELATIVE_BASE is fixed so the clock is
    never read, and all three parts are required so "June 2023" is not a day.
    """
    if re.fullmatch(r"\d{4}-\d{1,2}-\d{1,2}", text):
        try:
            return dt.date.fromisoformat("-".join(p.zfill(2) for p in text.split("-")))
        except ValueError:
            return None
    numeric = _DAY_FIRST.fullmatch(text)
    if numeric:  # "23/09/2023": day first, as dateparser reads it, without its first-use cost
        try:
            return dt.date(int(numeric.group(3)), int(numeric.group(2)), int(numeric.group(1)))
        except ValueError:
            pass  # not a day-first date ("09/23/2023"): dateparser says what it is
    result = dateparser.parse(
        text, languages=["en"],
        settings={"DATE_ORDER": "DMY", "REQUIRE_PARTS": ["day", "month", "year"],
                  "RELATIVE_BASE": dt.datetime(2000, 1, 1), "PREFER_DATES_FROM": "past"},
    )
    return result.date() if result else None


def _as_date(value: object) -> dt.date | None:
    """A day from a front-matter value: ISO (a time of day, if any, must be valid too) or a written date."""
    if not isinstance(value, str):
        return None
    text = value.strip()
    iso = _ISO_DAY.fullmatch(text)
    if iso is None:  # a written date must state its year: dateparser reads "yesterday" against its base
        return parse_date_text(text) if re.search(r"\d{4}", text) else None
    try:
        day = dt.date(int(iso[1]), int(iso[2]), int(iso[3]))
        if iso[4]:
            dt.time.fromisoformat(iso[4] + (iso[5] or ""))
    except ValueError:
        return None
    return day


def _str_or_none(value: object) -> str | None:
    return str(value) if value is not None else None
