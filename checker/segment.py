"""Stage 2: cut a document into labelled sentences (headline, body, caption, boilerplate...).

Nothing is removed: boilerplate, teasers and HTML comments (an editor's
`<!-- claimcheck: ignore ... -->`) are labelled so later stages skip them, and every
segment's offsets point into the original text.
"""

from __future__ import annotations

import bisect
import re

from checker.lexicon import Lexicon
from checker.models import Document, Region, Segment
from checker.text import comment_spans, fold, match_view

# Sentence ends: . ! ? (optionally a closing quote) then space and an opening capital,
# digit or quote. Abbreviations are checked after the match, not in the pattern.
_SENTENCE_END = re.compile(r"[.!?][\"')\]]?[ \t]+(?=[\"'(\[]?[A-Z0-9\u00C0-\u024F])")
_ABBREVIATIONS = frozenset({"mr", "mrs", "ms", "dr", "prof", "st", "no", "gen", "lt", "col", "maj", "capt",
                            "sgt", "gov", "sen", "rep", "jr", "sr", "co", "corp", "inc", "ltd", "vs", "u.s",
                            "e.g", "i.e", "jan", "feb", "mar", "apr", "jun", "jul", "aug", "sep", "sept",
                            "oct", "nov", "dec", "assoc", "dept", "est", "approx"})
# A dateline opens a body line: "date 2023-10-05 HA TINH —" (VNS), "HANOI (VNA) –",
# "Vientiane, Oct 9 (KPL) —", "Vientiane, 9 Oct 2023 (KPL) –", "PHNOM PENH, Dec. 5 (Xinhua) --",
# "CHAMPASAK —", an outlet's web address "VOV.VN -". A place in capitalised words, a day, an
# agency in brackets, then a dash; see _is_dateline for which count.
_DATELINE = re.compile(
    r"[ \t]*(?P<vns>(?:date[ \t]+)?\d{4}-\d{2}-\d{2}[ \t]+)?"
    r"(?P<place>[^\W\d_][^\W\d_'.]*(?:\.[^\W\d_'.]+)*\.?(?:[ \t]+[^\W\d_][^\W\d_'.]*\.?){0,3})?"
    r"(?:,[ \t]*(?:[A-Z][a-z]{2,8}\.?[ \t]+\d{1,2}(?:,[ \t]*\d{4})?|\d{1,2}[ \t]+[A-Z][a-z]{2,8}\.?(?:[ \t]+\d{4})?))?"
    r"[ \t]*(?P<agency>\([A-Za-z][A-Za-z .]{0,20}\)[ \t]*)?"
    r"(?:--|[\u2013\u2014-])[ \t]+")
_WEB_ADDRESS = re.compile(r"[^\W\d_]+(?:\.[^\W\d_]+)*\.[^\W\d_]{2,}")  # "VOV.VN", "Tuoitrenews.vn"
_HEADLINE_MIN_WORDS = 4


def segment(doc: Document, lexicon: Lexicon) -> list[Segment]:
    """Label each line of the document, then split prose lines into sentences."""
    bp = lexicon.boilerplate
    plain_lines = {line.lower() for line in bp.lines}
    teaser_starts = tuple(t.lower() for t in bp.teaser_starts)
    teaser_headings = frozenset(t.lower() for t in bp.teaser_headings)
    labels = tuple(t.lower() for t in bp.label_starts)
    mastheads = frozenset(frozenset(_WORD.findall(fold(m))) for m in bp.mastheads)
    outlets = frozenset("".join(_WORD.findall(fold(m))) for m in bp.mastheads)  # "Hanoitimes -": an outlet's name run together
    view = match_view(doc.text)
    segments: list[Segment] = []
    region_after: Region | None = None  # set once the related-news block opens
    headline_seen = False
    pos = doc.body_start
    if pos:
        segments.append(Segment(document=doc.id, region="boilerplate", paragraph=0, start=0, end=pos, text=doc.text[:pos]))
    comments = comment_spans(view, pos)
    lines = _lines(view, pos)
    body_seen = False
    for paragraph, (start, end) in enumerate(lines):
        pieces, inside = _outside_comments(start, end, comments)
        segments.extend(Segment(document=doc.id, region="comment", paragraph=paragraph, start=a, end=b,
                                text=doc.text[a:b]) for a, b in inside)
        line = "".join(view[a:b] if (a, b) in pieces else " " * (b - a) for a, b in sorted(pieces + inside))
        stripped = line.strip()
        if not stripped:
            continue
        lower = stripped.lower()
        # (above the headline, "Latest News" or "Latest News | Tourism" is the site's navigation)
        if region_after is None and (headline_seen or body_seen) and (
                lower.startswith(teaser_starts) and len(stripped.split()) <= 4
                or lower.rstrip(" :") in teaser_headings
                or body_seen and _doubled(view, lines, paragraph, stripped)):
            region_after = "teaser"
        if region_after is not None:
            region: Region = region_after
        elif lower in plain_lines or lower.startswith(labels) or _is_meta_line(stripped, doc):
            region = "boilerplate"
        elif not headline_seen and (_is_banner(stripped) or _is_breadcrumb(stripped, bp.breadcrumb_separators)
                                    or frozenset(_WORD.findall(fold(stripped))) in mastheads
                                    or _is_date_line(stripped, doc)):
            region = "boilerplate"
        elif not headline_seen and _is_headline(stripped):
            region = "headline"
            headline_seen = True
        elif line[:1] in " \t" and len(stripped.split()) <= 30 and not _looks_like_byline(stripped):
            region = "caption"
        elif _looks_like_byline(stripped) and headline_seen:
            region = "byline"
        else:
            region = "body"
            headline_seen = body_seen = True
        for a, b in pieces:
            segments.extend(_split_line(doc, view, a, b, region, paragraph, bp.credits, outlets))
    return sorted(segments, key=lambda seg: seg.start) if comments else segments


def titled(doc: Document, segments: list[Segment]) -> Document:
    """The document with a title, so reports name every article by what it is about: front
    matter's title, else the headline, else (a wire story that opens on its dateline) the
    first words of its lead, shortened to TITLE_LEAD_WORDS."""
    if doc.title:
        return doc
    headline = " ".join(" ".join(s.text for s in segments if s.region == "headline").split())
    if not headline:
        lead = next((s.text for s in segments if s.region == "body" and s.text.strip()), "")
        headline = _shortened(" ".join(lead.split()), TITLE_LEAD_WORDS)
    return doc.model_copy(update={"title": headline}) if headline else doc


TITLE_LEAD_WORDS = 12


def _shortened(text: str, words: int) -> str:
    """The first `words` words of `text`, with an ellipsis when some were left off."""
    kept = text.split(" ")
    return text if len(kept) <= words else " ".join(kept[:words]).rstrip(",;:—–-") + "…"


def _outside_comments(start: int, end: int, comments: list[tuple[int, int]]) -> tuple[list[tuple[int, int]], list[tuple[int, int]]]:
    """A line cut into the stretches outside comments and those inside (comments may span lines)."""
    if not comments:
        return [(start, end)], []
    first = bisect.bisect_right(comments, (start, end)) - 1
    outside, inside, at = [], [], start
    for a, b in comments[max(first, 0):]:
        if a >= end:
            break
        if b <= start:
            continue
        a, b = max(a, start), min(b, end)
        if a > at:
            outside.append((at, a))
        inside.append((a, b))
        at = b
    if at < end:
        outside.append((at, end))
    return outside, inside


def _doubled(view: str, lines: list[tuple[int, int]], i: int, stripped: str) -> bool:
    """A short line the next non-blank line repeats, after the article's text: a related or
    trending story's title, written twice as the sites do (its link and its picture's), which
    opens a list of teasers however the list is headed ("Trending", or nothing)."""
    if len(stripped.split()) > _TEASER_TITLE_WORDS:
        return False
    nxt = next((view[a:b].strip() for a, b in lines[i + 1:i + 3] if view[a:b].strip()), None)
    return nxt == stripped


_TEASER_TITLE_WORDS = 25  # a headline is shorter; a repeated sentence of prose is not a title


def _lines(view: str, pos: int) -> list[tuple[int, int]]:
    spans = []
    for m in re.finditer(r"[^\n]*", view[pos:]):
        if m.start() == m.end() and spans and spans[-1][1] == pos + m.start():
            continue
        spans.append((pos + m.start(), pos + m.end()))
    return spans


def _is_meta_line(line: str, doc: Document) -> bool:
    """The line carrying the stated date and view counts ("Publish date ... | View count")."""
    return bool(doc.published_text) and doc.published_text in line and len(line) < 120 and "|" in line


def _is_date_line(line: str, doc: Document) -> bool:
    """A line above the headline that carries the stated date and little else ("Thursday,
    October 12, 2023", "Last updated: 09/07/2024 - 17:05")."""
    return bool(doc.published_text) and doc.published_text in line and len(line) <= len(doc.published_text) + _DATE_LINE_EXTRA


_DATE_LINE_EXTRA = 24  # characters around a stated date on its line: "Last updated: ", a weekday, a time
_WORD = re.compile(r"[a-z0-9]+")


def _is_banner(line: str) -> bool:
    """Menus and section labels above the headline: all caps, or one to three words."""
    letters = [c for c in line if c.isalpha()]
    return (bool(letters) and all(c.isupper() for c in letters)) or len(line.split()) < _HEADLINE_MIN_WORDS


def _is_breadcrumb(line: str, separators: list[str]) -> bool:
    """Site navigation above the headline: short items joined by a separator ("Home > News >
    Socio-economic")."""
    for sep in separators:
        items = [item.strip() for item in line.split(f" {sep} ")]
        if len(items) >= 2 and all(0 < len(item.split()) <= _CRUMB_WORDS for item in items):
            return True
    # a menu laid out with runs of spaces: "Home   National   Provincial   Business"
    items = _MENU_GAP.split(line.strip())
    return len(items) >= _MENU_ITEMS and all(len(item.split()) <= _CRUMB_WORDS for item in items)


_CRUMB_WORDS = 4  # words in one item of a breadcrumb trail
_MENU_GAP = re.compile(r"[ \t]{2,}")
_MENU_ITEMS = 3  # items of a menu spaced out on one line


def _is_headline(line: str) -> bool:
    return len(line.split()) >= _HEADLINE_MIN_WORDS and len(line) <= 200 and not line.endswith((".", "!", "?\"")) or (
        len(line) <= 140 and line.endswith("?"))


def _looks_like_byline(line: str) -> bool:
    words = line.split()
    return 1 <= len(words) <= 4 and all(w[:1].isupper() for w in words) and not line.endswith((".", ":"))


def _is_dateline(m: re.Match, outlets: frozenset[str] = frozenset()) -> bool:
    """A place before a dash is a dateline when a wire's marks say so: the VNS date, an agency
    in brackets, the place in capitals ("CHAMPASAK —"), an outlet's name (boilerplate.yaml
    mastheads, its words run together or not: "Hanoitimes -") or a web address ("VOV.VN -");
    "Vietnam – Cambodia trade ..." opens a sentence."""
    place = m.group("place") or ""
    return bool(m.group("vns") or m.group("agency") or place.isupper() and len(place) > 2
                or place and "".join(_WORD.findall(fold(place))) in outlets or _WEB_ADDRESS.fullmatch(place))


def _split_line(doc: Document, view: str, start: int, end: int, region: Region, paragraph: int,
                credits: list[str], outlets: frozenset[str] = frozenset()) -> list[Segment]:
    """Sentences of one line; a dateline or photo credit inside it is labelled apart."""
    out: list[Segment] = []
    # Skip leading/trailing spaces so segment text is tidy; offsets stay exact.
    while start < end and view[start] in " \t\r":
        start += 1
    while end > start and view[end - 1] in " \t\r":
        end -= 1
    if region in ("body", "caption"):
        dl = _DATELINE.match(view, start, end)
        if dl and dl.start() == start and _is_dateline(dl, outlets):
            out.append(_seg(doc, "dateline", paragraph, start, dl.end()))
            start = dl.end()
            region = "body"
        credit_at = _credit_start(view, start, end, credits)
        if credit_at is not None:
            region = "caption"  # "Visitors crowd the ODOP zone, where 420 booths sold ... (Photo: KPL)"
            tail_end = end
            end = credit_at
            while end > start and view[end - 1] in " \t":
                end -= 1
            out_tail = _seg(doc, "boilerplate", paragraph, credit_at, tail_end)
        else:
            out_tail = None
    else:
        out_tail = None
    if region in ("body", "caption", "headline"):
        out.extend(_seg(doc, region, paragraph, s, e) for s, e in _sentences(view, start, end))
    elif end > start:
        out.append(_seg(doc, region, paragraph, start, end))
    if out_tail is not None:
        out.append(out_tail)
    return out


def _credit_start(view: str, start: int, end: int, credits: list[str]) -> int | None:
    line = view[start:end]
    best = None
    for credit in credits:
        i = line.find(credit)
        if i > 0 and (best is None or i < best):
            best = i
    return start + best if best is not None else None


def _sentences(view: str, start: int, end: int) -> list[tuple[int, int]]:
    spans = []
    s = start
    for m in _SENTENCE_END.finditer(view, start, end):
        word = view[max(start, m.start() - 6):m.start()].split()[-1:] if m.group()[0] == "." else []
        if word and word[0].lower().strip("(\"'") in _ABBREVIATIONS:
            continue
        if word and len(word[0]) == 1 and word[0].isupper():  # an initial: "Nguyen V. An"
            continue
        e = m.start() + len(m.group().rstrip(" \t"))
        spans.append((s, e))
        s = m.end()
    if s < end:
        spans.append((s, end))
    return [piece for a, b in spans if b > a for piece in _pieces(view, a, b)]


# Longer than any sentence a reporter writes (the corpora's longest is under 700 characters):
# a table flattened into one line, or text with no sentence breaks. Read in clauses of at most
# this many characters, so the work per figure stays bounded and a check stays linear.
_LONGEST_SENTENCE = 1200
_CLAUSE_BREAKS = ("; ", ", ", " ")


def _pieces(view: str, start: int, end: int) -> list[tuple[int, int]]:
    """An overlong sentence cut after its last clause break (a semicolon, else a comma, else a
    space) in the second half of each window; a normal sentence whole."""
    pieces = []
    while end - start > _LONGEST_SENTENCE:
        limit = start + _LONGEST_SENTENCE
        cut = limit
        for brk in _CLAUSE_BREAKS:
            at = view.rfind(brk, start + _LONGEST_SENTENCE // 2, limit)
            if at >= 0:
                cut = at + len(brk.rstrip(" ")) if brk.strip() else at
                break
        pieces.append((start, cut))
        start = cut
        while start < end and view[start] in " \t":
            start += 1
    if end > start:
        pieces.append((start, end))
    return pieces


def _seg(doc: Document, region: Region, paragraph: int, start: int, end: int) -> Segment:
    return Segment(document=doc.id, region=region, paragraph=paragraph, start=start, end=end, text=doc.text[start:end])
