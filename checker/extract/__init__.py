"""Stage 4: extraction. A named list of extractors, each reading one sentence at a time.

Only article regions (headline, body, caption) are read: boilerplate and related-news
teasers yield no claims. The stated publication date becomes a claim of its own, so a
conflict between the dateline and an event can quote both.
"""

from __future__ import annotations

import re
from collections import Counter

from checker.aliases import AliasTable
from checker.analyse import Analysis
from checker.extract.base import Extractor, Sentence, claim_id
from checker.extract.clock import StateClock
from checker.extract.count import CountExtractor
from checker.extract.dates import DateExtractor
from checker.extract.duration import DurationExtractor
from checker.extract.money import MoneyExtractor
from checker.extract.numbers import NumberFinder
from checker.extract.percent import PercentExtractor
from checker.extract.reporting import SAME_PERIOD, ReportingPeriods, same_part
from checker.extract.period import PeriodExtractor
from checker.extract.quantity import QuantityExtractor
from checker.extract.role import RoleExtractor
from checker.lexicon import Lexicon
from checker.models import Claim, DateValue, Document, Segment
from checker.text import match_view
from checker.timex import Timex

ARTICLE_REGIONS = frozenset({"headline", "body", "caption"})


def build_extractors(lexicon: Lexicon, aliases: AliasTable) -> list[Extractor]:
    """Every extractor, in the order their claims are listed."""
    numbers = NumberFinder(lexicon)
    periods = ReportingPeriods.of(lexicon)
    return [
        DateExtractor(lexicon),
        MoneyExtractor(lexicon, numbers, periods),
        QuantityExtractor(lexicon, numbers, periods),
        CountExtractor(lexicon, numbers, periods),
        PercentExtractor(lexicon, numbers, periods),
        PeriodExtractor(lexicon, aliases),
        DurationExtractor(lexicon, numbers),
        RoleExtractor(lexicon, aliases),
    ]


def extract_document(doc: Document, segments: list[Segment], extractors: list[Extractor],
                     clock: StateClock, analysis: Analysis) -> list[Claim]:
    view = match_view(doc.text)
    claims = _publication_claim(doc)
    own = [seg for seg in segments if seg.region in ARTICLE_REGIONS]
    mentions = [clock.mentions(view, seg.start, seg.end) for seg in own]
    named = [clock.period_named(view, seg.start, seg.end, doc.published_range) for seg in own]
    article_period = _leading_period(named)
    lead_period = _lead_period(view, own, mentions, named, doc, clock)
    headline = next((seg for seg in own if seg.region == "headline"), None)
    article_phase = clock.phase_named(view, headline.start, headline.end) if headline else None
    anchor = None  # the day the article named last: "the previous day" counts from it
    context: tuple[int, str | None] = (-1, None)  # (paragraph, the period its last sentence named)
    referred: str | None = None  # the period named last in any paragraph
    paragraph: tuple[int, int] = (-1, 0)  # (paragraph, where its first sentence starts)
    for seg, timexes, period in zip(own, mentions, named):
        if seg.paragraph != paragraph[0]:
            paragraph = (seg.paragraph, seg.start)
        sentence = Sentence(doc=doc, segment=seg, view=view, timexes=timexes, anchor=anchor,
                            as_of=clock.at(view, seg.start, timexes, doc, anchor), analysis=analysis,
                            clause_words=analysis.clause_words,
                            context_period=context[1] if context[0] == seg.paragraph else article_period,
                            referred_period=referred,
                            lead_period=lead_period,
                            context_phase=article_phase, paragraph_start=paragraph[1])
        frame = sentence.context_period or lead_period
        earlier = clock.opens_earlier(view, seg.start, seg.end)
        for extractor in extractors:
            if seg.region == "caption" and extractor.kind in _SCENE_KINDS:
                continue
            claims.extend(_earlier(_in_frame(c, frame)) if earlier else _in_frame(c, frame)
                          for c in extractor.extract(sentence))
        anchor = clock.last_day(timexes, doc, anchor)
        period = same_part(period, frame) if period else period
        context = (seg.paragraph, period or (context[1] if context[0] == seg.paragraph else None))
        referred = period or referred
    return _dedupe(claims)


def _in_frame(claim: Claim, frame: str | None) -> Claim:
    """A figure "in the same period of 2023" in a paragraph about the first nine months of 2024
    is for January-September 2023 (the sentence names no span of its own)."""
    period = claim.scope.get("period")
    if period is None or not period.endswith(SAME_PERIOD):
        return claim
    return claim.model_copy(update={"scope": {**claim.scope, "period": same_part(period, frame)}})


def _earlier(claim: Claim) -> Claim:
    """A figure of a sentence that opens before the story's event ("Before the works, only about
    45 percent of the park was green") is of that earlier state, not the article's day's one
    ("Green space now covers 62 percent of the park"), unless it names its own time."""
    if claim.kind not in _SCENE_KINDS or "period" in claim.scope or "as_of" in claim.scope:
        return claim
    return claim.model_copy(update={"scope": {**claim.scope, "as_of": "earlier"}})


def _leading_period(named: list[str | None]) -> str | None:
    """The reporting period an article is about: the one its sentences name most, at least
    twice as often as any other ("in the first six months" four times, "in the second quarter
    alone" once). Its flows are for that period in whichever paragraph: "The value of exports
    rose 23 percent year-on-year"."""
    ranked = Counter(p for p in named if p).most_common(2)
    if not ranked or ranked[0][1] < _LEADING_MENTIONS or len(ranked) == 2 and ranked[0][1] < 2 * ranked[1][1]:
        return None
    return ranked[0][0]


def _lead_period(view: str, own: list[Segment], mentions: list[tuple[Timex, ...]], named: list[str | None],
                 doc: Document, clock: StateClock) -> str | None:
    """The period of the article's first figure ("Export earnings ... reached nearly 743
    million USD in the first nine months of this year"), when no period is named more often:
    the year-on-year growth rates told further down without a period ("Rice shipments ... up
    36.1 per cent year on year") are for it. A period the lead names for a figure it compares
    with ("compared with US$4.3 billion in 2023") is not the first figure's."""
    for seg, timexes in zip(own, mentions):
        if seg.region != "body" or len(view[seg.start:seg.end].split()) <= _LEAD_WORDS:
            continue  # a date line or a byline is no lead
        figure = next((m.start() for m in _DIGIT.finditer(view, seg.start, seg.end)
                       if not any(t.start <= m.start() < t.end for t in timexes)), None)
        if figure is None:
            continue  # "Coffee and tea ... have found buyers in more markets this year": the figures come next
        period = clock.periods.period(view, seg.start, seg.end, figure, doc.published_range)
        counts = Counter(p for p in named if p)
        return period if period is not None and counts[period] == max(counts.values()) else None
    return None


# What a photo caption's figures count: the scene it shows ("the ODOP zone, where 420 booths sold
# local products"), not the story's totals; its names and dates are the story's.
_SCENE_KINDS = frozenset({"money", "quantity", "count", "percent"})
_LEADING_MENTIONS = 2  # a period named once may be an aside; twice, the article's
_LEAD_WORDS = 6  # fewer words make a date line or a byline, not the lead sentence
_DIGIT = re.compile(r"\d")


def _publication_claim(doc: Document) -> list[Claim]:
    """The article's own date as a claim, quoting where it is written (dateline, front
    matter or "today (May 4)"), so publication conflicts can show both sides."""
    if doc.published_span is None or doc.published_range.start is None:
        return []
    start, end = doc.published_span
    line_start = doc.text.rfind("\n", 0, start) + 1
    line_end = doc.text.find("\n", end)
    line_end = len(doc.text) if line_end < 0 else line_end
    when = doc.published_range
    return [Claim(
        id=claim_id(doc.id, "date", "published", start, end), document=doc.id, kind="date",
        subject=None, subject_text=None, attribute="published",
        value=DateValue(start=when.start, end=when.end), time=None, tense=None,
        text=doc.text[start:end], start=start, end=end, sentence=doc.text[line_start:line_end],
        sentence_start=line_start, region="dateline",
    )]


def _dedupe(claims: list[Claim]) -> list[Claim]:
    """One claim per id (two extractors may see the same words); order kept."""
    seen: set[str] = set()
    out = []
    for c in claims:
        if c.id not in seen:
            seen.add(c.id)
            out.append(c)
    return out
