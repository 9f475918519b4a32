"""Stage 1: find article files, decode them, read front matter and a stated date.

A file that cannot be read becomes an InputError, never an exception, so every other
article is still checked.
"""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Callable
from dataclasses import dataclass, field
from functools import lru_cache
from pathlib import Path

import dateparser
import yaml

from checker.models import DateRange, Document, InputError

SUFFIXES = (".txt", ".md")
Walk = Callable[[Path], list[Path]]  # a folder -> its article files, in order
HEADER_CHARS = 1500  # a stated date lives in the first lines, not in the body

_DATE_FORMS = (
    r"\d{4}-\d{1,2}-\d{1,2}",
    r"\d{1,2}/\d{1,2}/\d{4}",
    r"\d{1,2}\.\d{1,2}\.\d{4}",
    r"(?:[A-Z][a-z]{2,8},? )?[A-Z][a-z]{2,8}\.? \d{1,2}(?:st|nd|rd|th)?,? \d{4}",
    r"(?:[A-Z][a-z]{2,8},? )?\d{1,2}(?:st|nd|rd|th)? [A-Z][a-z]{2,8}\.?,? \d{4}",
    r"[A-Z][a-z]{2,8},? \d{1,2}/\d{4}",  # "Update: November, 22/2023 - 09:40"
)
_DATE = "(?:" + "|".join(_DATE_FORMS) + ")"
# A labelled date ("Publish date 14/03/2024", "Updated: 05/06/2023 14:30") or a line
# that opens with a date ("June 5, 2023", " date 2025-12-03 VIENTIANE —").
_LABELLED = re.compile(
    r"(?im)^[ \t]{0,40}(?:(published date|publication date|published|publish date|posted date|date posted|posted|updated date|updated|update|last updated|date)\b[ \t]*(?:on)?[ \t]*:?[ \t]{0,5})?"
    r"(" + _DATE + r")"
)
# A date inside a header line: after a separator ("Source: Xinhua | 2024-09-03 16:20:45") or
# after a byline's name ("By Hoang Nam   Thursday, November 2, 2023, 5:12 pm").
_INLINE = re.compile(r"(?im)(?:\|[ \t]{0,3}|^By[ \t][^\n|]{1,60}?(?:[ \t]{2,}|[ \t]?[-|,][ \t]))(" + _DATE + r")")
# After an unlabelled date, only a time, a dateline place in capitals or a separator.
_UNLABELLED_REST = re.compile(r"[ \t]*(?:$|\d{1,2}:\d{2}|[A-Z]{3,}|[|\-,(])", re.M)
_PREFERENCE = {"published": 0, "publish date": 0, "published date": 0, "publication date": 0, "posted": 0,
               "posted date": 0, "date posted": 0, "date": 1, None: 1, "inline": 1, "updated": 2,
               "updated date": 2, "update": 2, "last updated": 2}


@dataclass
class Corpus:
    documents: list[Document] = field(default_factory=list)
    errors: list[InputError] = field(default_factory=list)


def discover(paths: list[Path], walk: Walk | None = None) -> tuple[list[Path], list[InputError]]:
    """Article files under the given paths, folders walked in sorted order (by `walk` when
    given: it chooses the articles of a folder, as a configuration's include and exclude say)."""
    found: list[Path] = []
    errors: list[InputError] = []
    for path in paths:
        if path.is_dir() and walk is not None:
            found.extend(walk(path))
        elif path.is_dir():
            found.extend(p for p in sorted(path.rglob("*")) if p.is_file() and p.suffix.lower() in SUFFIXES)
        elif path.is_file():
            found.append(path)
        else:
            errors.append(InputError(path=str(path), message="no such file or directory"))
    return found, errors


def read_corpus(paths: list[Path], walk: Walk | None = None) -> Corpus:
    files, errors = discover(paths, walk)
    corpus = Corpus(errors=errors)
    seen: dict[str, str] = {}
    for path in files:
        doc = read_document(path)
        if isinstance(doc, InputError):
            corpus.errors.append(doc)
        elif doc.id in seen:
            corpus.errors.append(InputError(path=str(path), message=f"duplicate document id '{doc.id}' (also {seen[doc.id]})"))
        else:
            seen[doc.id] = str(path)
            corpus.documents.append(doc)
    return corpus


def read_document(path: Path) -> Document | InputError:
    try:
        raw = path.read_bytes()
    except OSError as exc:
        return InputError(path=str(path), message=f"cannot read file: {exc.strerror or exc}")
    try:
        text = raw.decode("utf-8")
    except UnicodeDecodeError as exc:
        return InputError(path=str(path), message=f"not valid UTF-8 (byte {exc.start})")
    if "\x00" in text:
        return InputError(path=str(path), message="binary file (contains NUL bytes)")
    return parse_document(path.stem, str(path), text)


def parse_document(doc_id: str, path: str, text: str) -> Document:
    """Build a Document from decoded text: front matter first, then a stated date."""
    meta, body_start = front_matter(text)
    published: dt.date | None = None
    source = "unknown"
    span: tuple[int, int] | None = None
    fm_date = _as_date(meta.get("published") or meta.get("date"))
    if fm_date:
        published, source = fm_date, "front_matter"
        m = re.search(r"(?m)^(?:published|date)[ \t]*:[ \t]*['\"]?([^'\"\n]+?)['\"]?[ \t]*$", text[:body_start])
        span = (m.start(1), m.end(1)) if m else None
    else:
        found = stated_date(text[body_start:body_start + HEADER_CHARS])
        if found:
            published, (start, end) = found
            span = (body_start + start, body_start + end)
            source = "stated"
    return Document(
        id=doc_id, path=path, text=text, published=published,
        published_range=DateRange(start=published, end=published),
        published_source=source, published_text=text[span[0]:span[1]] if span else None, published_span=span,
        title=_str_or_none(meta.get("title")), source=_str_or_none(meta.get("source")),
        body_start=body_start,
    )


def front_matter(text: str) -> tuple[dict, int]:
    """YAML front matter between `---` lines at the very top; ({}, 0) when absent or broken."""
    if not text.startswith("---"):
        return {}, 0
    end = re.search(r"(?m)^---[ \t]*$", text[3:])
    first_nl = text.find("\n")
    if end is None or first_nl < 0 or text[:first_nl].strip() != "---":
        return {}, 0
    block = text[first_nl + 1: 3 + end.start()]
    try:
        meta = yaml.safe_load(block)
    except yaml.YAMLError:
        return {}, 0
    if not isinstance(meta, dict):
        return {}, 0
    stop = 3 + end.end()
    return meta, stop


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
    result = dateparser.parse(
        text, languages=["en"],
        settings={"DATE_ORDER": "DMY", "REQUIRE_PARTS": ["day", "month", "year"],
                  "RELATIVE_BASE": dt.datetime(2000, 1, 1), "PREFER_DATES_FROM": "past"},
    )
    return result.date() if result else None


def _as_date(value: object) -> dt.date | None:
    if isinstance(value, dt.datetime):
        return value.date()
    if isinstance(value, dt.date):
        return value
    if isinstance(value, str):
        return parse_date_text(value.strip())
    return None


def _str_or_none(value: object) -> str | None:
    return str(value) if value is not None else None
