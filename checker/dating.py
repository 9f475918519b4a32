"""Stage 3: date each article. A stated or front-matter date is kept; otherwise the
date is inferred from "today (December 12)" or "This morning (October 6)" and the years the
article talks about: the latest of them when it is also the one named most, else a range over them.
"""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Iterable
from functools import lru_cache

from checker.lexicon import Lexicon
from checker.models import DateRange, Document, Segment
from checker.timex import YEAR, finder_for

ARTICLE_REGIONS = frozenset({"headline", "body", "caption"})
_YEAR = re.compile(rf"(?<![\d/.-]){YEAR}(?![\d/])")
_PERIOD_NEIGHBOUR = re.compile(rf"[ \t]?[-\u2013][ \t]?{YEAR}|[ \t]to[ \t]{YEAR}")
# Years that bound the article's date rather than place it: "by 2030", "since 2020".
_FORWARD = re.compile(r"(?:by|to|until|till|towards?|vision|through|since|after|from)[ \t]+(?:the[ \t]+year[ \t]+)?$"
                      r"|(?:by|until|till)[ \t]+the[ \t]+end[ \t]+of[ \t]+$", re.IGNORECASE)  # "by the end of 2025"


def date_document(doc: Document, segments: list[Segment], lexicon: Lexicon) -> Document:
    article = [s for s in segments if s.region in ARTICLE_REGIONS]
    single, spans = _years(article)
    update: dict = {"reference_years": sorted(single)}
    if doc.published_source == "unknown":
        inferred = _infer(doc, article, lexicon, single, spans)
        if inferred is not None:
            when, span = inferred
            update.update(published_range=when, published_source="inferred",
                          published=when.start if when.is_day else None,
                          published_span=span, published_text=doc.text[span[0]:span[1]])
    return doc.model_copy(update=update)


def today_days(documents: list[Document], lexicon: Lexicon) -> tuple[list[Document], dict[str, frozenset[int]]]:
    """Undated articles that tell their day only as "today (October 8)" or "This morning
    (October 6)": that month and day, as a yearless dateline's, so that the year its folder's
    articles put it in (`documents.year_datelines`) dates it before its own years are guessed,
    when the article names that year itself, not as a plan period's bound (the years returned
    by article id). A government portal's "was inaugurated today (October 8)" among a story's
    articles of October 2024 is 8 October 2024, not a day of 2025 its plans name; an article of
    2022 kept in a folder beside one of December 2025 stays of 2022."""
    pattern = _today(tuple(lexicon.calendar.day_times))
    finder = finder_for(lexicon.calendar)
    out = []
    own: dict[str, frozenset[int]] = {}
    for doc in documents:
        m = pattern.search(doc.text, doc.body_start) \
            if doc.published_source == "unknown" and doc.dateline_day is None else None
        found = finder.find(doc.text, m.end(), min(len(doc.text), m.end() + 24)) if m else None
        if not found or found[0].start != m.end() or found[0].month is None or found[0].day is None \
                or found[0].year is not None:
            out.append(doc)
            continue
        anchor = found[0]
        out.append(doc.model_copy(update={"dateline_day": (anchor.month, anchor.day),
                                          "dateline_span": (anchor.start, anchor.end)}))
        single, spans = _years_in([doc.text[doc.body_start:]])
        if single or spans:  # (an article that names no year may be of any)
            # a season of two years ("the 2023-2024 dry season") names both; a plan's period
            # ("from 2023 to 2025") is no year of the article's own
            # ("... in 2022 left 43 people dead", told in 2023: the year after the last it names too)
            named = set(single) | {y for a, b in spans if b == a + 1 for y in (a, b)}
            # "the 50th anniversary of national reunification (1975-2025)": marked this year
            named |= {int(m.group(1)) for m in _anniversary(tuple(lexicon.calendar.anniversary_words)).finditer(doc.text, doc.body_start)}
            own[doc.id] = frozenset(named | {max(named) + 1} if named else named)
    return out, own


def _years(segments: list[Segment]) -> tuple[Counter[int], list[tuple[int, int]]]:
    """Years mentioned on their own (events), with how often, and year pairs of periods ("2023 to 2025")."""
    return _years_in(seg.text for seg in segments)


def _years_in(texts: Iterable[str]) -> tuple[Counter[int], list[tuple[int, int]]]:
    single: Counter[int] = Counter()
    spans: list[tuple[int, int]] = []
    for text in texts:
        for m in _YEAR.finditer(text):
            year = int(m.group())
            nxt = _PERIOD_NEIGHBOUR.match(text, m.end())
            prev_is_period = re.search(rf"{YEAR}[ \t]?[-\u2013][ \t]?$|{YEAR}[ \t]to[ \t]$", text[max(0, m.start() - 12):m.start()])
            if nxt:
                spans.append((year, int(re.search(YEAR, nxt.group()).group())))
            elif not prev_is_period and not _FORWARD.search(text[max(0, m.start() - 32):m.start()]):
                single[year] += 1
    return single, spans


@lru_cache(maxsize=8)
def _anniversary(words: tuple[str, ...]) -> re.Pattern[str]:
    """An anniversary and the span of years after it in brackets ("anniversary of national
    reunification (1975-2025)", "(April 30, 1975 - April 30, 2025)"): group 1, the span's end."""
    return re.compile(r"\b(?:" + "|".join(re.escape(w) for w in words) + r")\b[^()\n]{0,120}\([^()\n]{0,24}?"
                      r"\d{4}[ \t]*[-\u2013][^()\n]{0,24}?(" + YEAR + r")[ \t]*\)", re.IGNORECASE)


@lru_cache(maxsize=8)
def _today(day_times: tuple[str, ...]) -> re.Pattern[str]:
    """"today (December 12)", and a part of today ("This morning (October 6)", calendar.yaml day_times)."""
    return re.compile(r"\b(?:today|this[ \t]+(?:" + "|".join(re.escape(w) for w in day_times) + r"))\b[ \t]{0,3}[(\[][ \t]{0,3}",
                      re.IGNORECASE)


def _infer(doc: Document, article: list[Segment], lexicon: Lexicon, single: Counter[int],
           spans: list[tuple[int, int]]) -> tuple[DateRange, tuple[int, int]] | None:
    finder = finder_for(lexicon.calendar)
    for seg in article:
        for m in _today(tuple(lexicon.calendar.day_times)).finditer(seg.text):
            found = finder.find(seg.text, m.end(), min(len(seg.text), m.end() + 24))
            if not found or found[0].start != m.end() or found[0].month is None:
                continue
            anchor = found[0]
            close = seg.text.find(")" if "(" in m.group() else "]", anchor.end)
            where = (seg.start + m.start(), seg.start + (close + 1 if 0 <= close - anchor.end <= 3 else anchor.end))
            if anchor.year is not None:
                return anchor.interval(), where
            latest = max(single, default=None)
            if latest is not None and all(single[latest] > n for y, n in single.items() if y != latest):
                # the latest year the article names is also the one it names most ("the first six
                # months of 2024 ... Visit Laos Year 2024", against one "launched in 2019"): its own
                years = range(latest, latest + 1)
            elif single:
                years = range(min(single), max(single) + 1)
            elif spans:
                years = range(min(a for a, _ in spans) - 1, max(b for _, b in spans) + 1)
            else:
                return None
            days = [iv for y in years if (iv := anchor.interval(y))]
            if days:
                return DateRange(start=days[0].start, end=days[-1].end), where
    return None
