"""When a running figure holds: "As of October 4, 1,980 houses had been submerged" is a
count at October 4, whatever day the article appeared. Without such words a state holds
on the article's date."""

from __future__ import annotations

import re

from checker.analyse import Tokens, clause_modal
from checker.extract.base import clock_time
from checker.extract.figures import Phases
from checker.extract.reporting import ReportingPeriods
from checker.lexicon import Lexicon
from checker.models import DateRange, Document
from checker.text import alternation
from checker.timex import Timex, finder_for, resolve

_RELEASED_REACH = 400  # characters: longer than any match of `released` ("figures released ... on")
_AS_OF_REACH = 60  # characters before a day that make it the day of a state: "as of the evening of",
# "from the beginning of this year to"


class StateClock:
    def __init__(self, lexicon: Lexicon) -> None:
        self.timex = finder_for(lexicon.calendar)
        self.future_modals = frozenset(w.lower() for w in lexicon.calendar.future_modals)
        self.periods = ReportingPeriods.of(lexicon)
        self.phases = Phases(lexicon)
        # "Figures compiled on the evening of August 13 showed that ...": the day the figures are of
        openers = "|".join(re.escape(w).replace(r"\ ", r"[ \t]+") for w in lexicon.calendar.release_openers)
        self.released = re.compile(rf"\b(?:{openers})\b[^,;.]{{0,120}}?\b(?:{alternation(lexicon.calendar.release_verbs)})"
                                   r"\b[^,;.]{0,160}?\bon[ \t]+$", re.IGNORECASE)
        # "Before the works, ...", "Previously, ...": the sentence tells the state before the story's event
        self.earlier_opener = re.compile(rf"[\"'\u201c\u2018 \t]*(?:{alternation(lexicon.calendar.earlier_openers)})\b", re.IGNORECASE)
        self.showed = re.compile(rf"[ \t]*(?:{alternation(lexicon.calendar.as_of_verbs)})\b", re.IGNORECASE)
        self.year_to_day = re.compile(r"\b(?:from|since)[ \t]+the[ \t]+(?:beginning|start)[ \t]+of[ \t]+(?:this|the)[ \t]+year"
                                      r"[ \t]+(?:to|until|till|through)[ \t]+$", re.IGNORECASE)
        # "as of the end of September" is its last day, unless a modal puts it ahead
        self.month_end = re.compile(r"the[ \t]+end[ \t]+of\b", re.IGNORECASE)
        self.at_word = re.compile(r"\bat[ \t]+$", re.IGNORECASE)
        self.modal_before = re.compile(rf"\b(?:{alternation(lexicon.calendar.future_modals)})\b", re.IGNORECASE)
        # "as of October 4", "as of the end of", and with the hour or part of the day between:
        # "as of 6pm on Monday", "As of the evening of September 11"
        self.as_of = re.compile(
            r"\b(?:as[ \t]+of|as[ \t]+at|up[ \t]+to|by)[ \t]+(?:the[ \t]+end[ \t]+of[ \t]+|"
            + clock_time(lexicon.calendar.clock_suffixes) + r"[ \t]+(?:on[ \t]+)?|"
            rf"(?:the[ \t]+)?(?:(?:early|late)[ \t]+)?(?:{alternation(lexicon.calendar.day_times)})[ \t]+(?:of|on)[ \t]+)?$",
            re.IGNORECASE)

    def _month_end(self, view: str, start: int, t: Timex) -> bool:
        """"was 72.5 percent complete at the end of August": a state's day, as "as of" gives it."""
        return self.at_word.search(view, max(start, t.start - 4), t.start) is not None and self.month_end.match(view, t.start, t.end) is not None

    def _to_day(self, view: str, start: int, t: Timex) -> bool:
        """"from the beginning of this year to July 14": the tally up to that day."""
        return t.day is not None and self.year_to_day.search(view, max(start, t.start - _AS_OF_REACH), t.start) is not None

    def opens_earlier(self, view: str, start: int, end: int) -> bool:
        """Whether the sentence opens by setting its states before the story's event ("Before
        the works, only about 45 percent of the park was green")."""
        return self.earlier_opener.match(view, start, end) is not None

    def period_named(self, view: str, start: int, end: int, published: DateRange) -> str | None:
        """The reporting period a sentence names last ("In the first nine months, ..."): the
        period of the flow figures of the paragraph's next sentences that name none."""
        return self.periods.last(view, start, end, published)

    def phase_named(self, view: str, start: int, end: int) -> str | None:
        """The phase a headline names ("Second phase of Nam Ngum 3 starts up"): the phase of
        its article's figures that name none."""
        return self.phases.of(view, start, end, reach=end - start)

    def tense(self, tokens: Tokens, pos: int, clause_words: frozenset[str]) -> str | None:
        """"future" when a future modal stands before the words at `pos` in their clause
        ("Lawmakers will vote ... on Friday"); None otherwise, so a date mention resolves as its
        words alone say."""
        return "future" if clause_modal(tokens, pos, clause_words) in self.future_modals else None

    def mentions(self, view: str, start: int, end: int) -> tuple[Timex, ...]:
        """The sentence's date mentions, found once and shared by every extractor."""
        return tuple(self.timex.find(view, start, end))

    def at(self, view: str, start: int, timexes: tuple[Timex, ...], doc: Document,
           anchor: DateRange | None = None) -> DateRange | None:
        """The day a sentence's states are given for ("as of October 4"; "as of the same date",
        the day the article named last, `anchor`), or None when it says none."""
        for t in timexes:
            by_day = t.open_start and t.day is not None  # "by March 14", not "by the end of October"
            if self.as_of.search(view, max(start, t.start - _AS_OF_REACH), t.start) or self.showed.match(view, t.end) \
                    or by_day or self._to_day(view, start, t) or self.released.search(view, max(start, t.start - _RELEASED_REACH), t.start) \
                    or self._month_end(view, start, t):
                when = resolve(t, doc.published_range, tuple(doc.reference_years), "past", anchor)
                if when is not None and when.start is None and when.end is not None and by_day:
                    published = doc.published_range.end
                    if published is None or when.end > published:
                        continue  # "will be completed by June 30": a deadline ahead, no day of a state
                    when = DateRange(start=when.end, end=when.end)  # "by March 14 the province had recorded": that day's tally
                if when is not None and when.end is not None and doc.published_range.end is not None \
                        and when.end > doc.published_range.end:
                    continue  # "pledged to complete compensation by the end of next month": a deadline ahead
                if when is not None and when.end is not None and not when.is_day and self.month_end.match(view, t.start, t.end) \
                        and not self.modal_before.search(view, start, t.start):
                    # "as of the end of September": its last day ("would complete the resettlement
                    # areas by the end of October" is a deadline ahead, no day of a state)
                    return DateRange(start=when.end, end=when.end)
                if when is not None and when.is_day:
                    return when
        return None

    def last_day(self, timexes: tuple[Timex, ...], doc: Document, before: DateRange | None) -> DateRange | None:
        """The day the article has named last, after a sentence with these mentions: the anchor
        of "the previous day" or "two days later" in the sentences that follow."""
        day = before
        published = doc.published_range.end
        for t in timexes:
            when = resolve(t, doc.published_range, tuple(doc.reference_years), "past", day)
            # a day after the article's is an announced one ("to prepare activities marking the
            # anniversary on December 2"), never the day a later "On the same day" tells of
            if when is not None and when.is_day and (published is None or when.start <= published):
                day = when
        return day
