"""The value layer on its own: every value an article's words hold, whether or not it becomes
a claim. Dates come from the date mentions themselves (a date with no event is still a date);
amounts, measures, counts, shares, periods and durations from the extractors, before any
linking. `claimcheck values` prints them and the value tests read them."""

from __future__ import annotations

from checker.analyse import Analysis
from checker.extract import ARTICLE_REGIONS
from checker.extract.base import Extractor, Sentence
from checker.extract.clock import StateClock
from checker.models import Claim, DateValue, Document, Segment, ValueMention
from checker.text import match_view
from checker.timex import resolve, span_ends

_FROM_CLAIMS = frozenset({"money", "quantity", "count", "percent", "period", "duration"})


def read_values(doc: Document, segments: list[Segment], extractors: list[Extractor], clock: StateClock,
                analysis: Analysis) -> list[ValueMention]:
    """The article's values in the order of their words; one per kind and span."""
    view = match_view(doc.text)
    found: dict[tuple[str, int, int], ValueMention] = {}
    anchor = None
    for seg in segments:
        if seg.region not in ARTICLE_REGIONS:
            continue
        timexes = clock.mentions(view, seg.start, seg.end)
        named = anchor  # "on March 3 ... the previous day": a day named earlier in the sentence counts
        for t in timexes:
            tense = clock.tense(analysis.tokens_at(seg.start), t.start, analysis.clause_words)  # "will vote on Friday": the next one
            when = resolve(t, doc.published_range, tuple(doc.reference_years), tense, named)
            if when is not None and when.is_day:
                named = when
            if when is not None and (when.start or when.end):
                # "from 1 July 2025 to 30 June 2026": the span, and each of its dates
                for m, iv in [(t, when)] + span_ends(t, when):
                    _add(found, ValueMention(document=doc.id, kind="date", text=doc.text[m.start:m.end], start=m.start,
                                             end=m.end, value=DateValue(start=iv.start, end=iv.end)))
        sentence = Sentence(doc=doc, segment=seg, view=view, timexes=timexes, anchor=anchor,
                            as_of=clock.at(view, seg.start, timexes, doc, anchor), analysis=analysis,
                            clause_words=analysis.clause_words)
        for extractor in extractors:
            if extractor.kind in _FROM_CLAIMS:
                # an extractor that keeps some values from its claims ("the two countries") reads them all here
                read = getattr(extractor, "values", extractor.extract)
                for c in read(sentence):
                    _add(found, _mention(c))
        anchor = clock.last_day(timexes, doc, anchor)
    return sorted(found.values(), key=lambda v: (v.start, v.end, v.kind))


def _mention(c: Claim) -> ValueMention:
    value = c.value
    if c.kind == "count" and "written" in c.scope:  # the noun as written, not the synonym claims compare by
        value = value.model_copy(update={"noun": c.scope["written"]})
    return ValueMention(document=c.document, kind=c.kind, text=c.text, start=c.start, end=c.end, value=value,
                        measure=c.scope.get("measure"))


def _add(found: dict[tuple[str, int, int], ValueMention], v: ValueMention) -> None:
    found.setdefault((v.kind, v.start, v.end), v)
