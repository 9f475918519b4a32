"""Reporting periods of figures: "in 2023", "last year", "in the first half of 2025".

A figure for a stated period ("3.4 million passengers in 2024") does not change with the
day it is reported, so two articles that name the same period in different words ("last
year" in January 2025, "in 2024", "during the year" after a sentence about 2024) must
give it one label, and figures for different periods must keep different ones.
Labels: "2024", "2024-H1", "2024-Q3", "2024-M01-M09" (first nine months), "2024-M05", "2024-end",
"2024-25 school year", "2024-week-to-08-11" (the week to a day), "first-week" (of whatever the
sentence is about).
"""

from __future__ import annotations

import calendar
import datetime as dt
import re
from bisect import bisect_left, bisect_right
from functools import lru_cache
from checker.analyse import Tokens
from checker.extract.base import DETERMINERS
from checker.lexicon import Calendar, Lexicon
from checker.models import DateRange
from checker.text import alternation
from checker.timex import YEARS_AGO

_SINCE_REACH = 1000  # characters before a figure in which a since-phrase makes it a total to date
_ADVERB_REACH = 60  # characters before a figure in which "so far" makes it one
_YEAR = r"((?:19|20)\d\d)"
# a year before the noun it dates, after a determiner: "the 2024 growth rate", "its 2023 revenue"
_YEAR_MODIFIER = re.compile(r"\b(?:[Tt]he|[Ii]ts|[Tt]heir|[Aa])[ \t]+" + _YEAR + r"(?![-\u2013/]\d)(?=[ \t]+[A-Za-z])")
_OF_YEAR = r"(?:[ \t]+of[ \t]+(?:" + _YEAR + r"|(this|last)[ \t]+year))?"

# a span of whole years something happened between: "cut down 5,000ha between 2018 and 2021"
# ("built in 2021-2024 at a cost of" dates the works, not a period the cost is of)
_YEAR_SPAN = re.compile(r"\bbetween[ \t]+" + _YEAR + r"[ \t]+and[ \t]+" + _YEAR + r"\b", re.IGNORECASE)
# ("by 2050": a target's year, "expected to handle 8 million passengers a year by 2050")
_EXPLICIT_YEAR = re.compile(
    r"\b(?:in|during|for|throughout|over|by)[ \t]+(?:(?:the[ \t]+)?(?:(?:whole|full|entire|fiscal|calendar)[ \t-]+)?year[ \t]+(?:of[ \t]+)?"
    r"|(?:the[ \t]+(?:whole|entire)|all)[ \t]+of[ \t]+)?"
    + _YEAR + r"\b(?![-\u2013/]\d)", re.IGNORECASE)
_RELATIVE_YEAR = re.compile(r"\b(last|this)[ \t]+year\b", re.IGNORECASE)
# "Farmers were getting 7,800 kip per kilo a year ago": the year that many before the article's
_YEARS_AGO = re.compile(r"\b(" + "|".join(YEARS_AGO) + r")[ \t]+years?[ \t]+ago\b", re.IGNORECASE)
_THE_YEAR = re.compile(r"\b(?:during|in|over|for|throughout)[ \t]+the[ \t]+year\b(?![ \t]+(?:19|20)\d\d)",
                       re.IGNORECASE)
# "the 2022 epidemic, when the city recorded more than 70,000 cases": the time of the clause
# after "when" is the year that names the thing before it
_YEAR_WHEN = re.compile(r"\bthe[ \t]+((?:19|20)\d\d)[ \t]+[a-z]+(?:[ \t]+[a-z]+)?[ \t]*,?[ \t]+when\b")
# "up 18% over last year", "compared with last year": the base of a comparison, not the period.
# "up 4.6% from the same period last year" too.
# "4.6 times as many as in the same period last year", "far more than in ..." too.
_COMPARED = re.compile(r"\b(?:over|from|on|than|with|to|against|since|versus|vs\.?|as)[ \t]+(?:in[ \t]+)?(?:the[ \t]+)?"
                       r"(?:same[ \t]+(?:period|month|quarter|time|months)[ \t]+(?:of[ \t]+)?)?$", re.IGNORECASE)
# "2,140 cases in the same period last year", "in the same period of 2023 was US$341 million":
# the same part of another year as the span the figures around it are for (SAME_PERIOD labels
# it until that span is known); "up 8% over the same period last year" is a base, not this.
_SAME_PART = re.compile(r"\b(?:in|during)[ \t]+the[ \t]+same[ \t]+(?:period|months|time)[ \t]+(?:of[ \t]+)?"
                        r"(?:" + _YEAR + r"|(last)[ \t]+year)\b", re.IGNORECASE)
SAME_PERIOD = "-same"
# "up 24 percent over the same period last year, when the province received 871,000 visitors":
# the base of a comparison is the time of the clause "when" opens
_SAME_WHEN = re.compile(r"\bthe[ \t]+same[ \t]+(?:period|months|time)[ \t]+(?:of[ \t]+)?(?:" + _YEAR
                        + r"|(last)[ \t]+year)[ \t]*,[ \t]*when\b", re.IGNORECASE)
_WHEN = re.compile(r",[ \t]*when\b", re.IGNORECASE)
_PERCENT_OVER = re.compile(r"(?:%|\bpercent|\bper[ \t]+cent)[ \t]+over[ \t]+$", re.IGNORECASE)
_RELATIVE_CLAUSE = re.compile(r"\b(?:who|which|that|whose|whom)\b", re.IGNORECASE)
_CLOSED_RELATIVE = re.compile(r",[ \t]*(?:who|which|whose)\b[^,;]*,")  # ", which slashed its tariff in June,"
_FINITE = frozenset({"VBD", "VBZ", "VBP", "MD"})  # Penn tags of a verb that makes a clause of its own
_SUBJECT_TAGS = frozenset({"DT", "PRP", "PRP$", "JJ", "NN", "NNS", "NNP", "NNPS"})  # words of a clause's subject
_FIGURE = re.compile(r"[^\d]{0,12}?\d[\d.,]*")  # a figure's words up to its last digit
_DIGIT = re.compile(r"\d")
# the rest of a figure's words and the same figure in brackets right after it ("VND231.5 billion
# (US$9.3 million)"): a conversion, not another figure
_CONVERSION = re.compile(r"[ \t]*(?:[A-Za-z]+[ \t]*){0,2}\([^()\d]{0,12}\d[^()]{0,30}\)")
# "attracted 18 new companies with a combined registered capital of US$312 million in the first
# nine months": a with-phrase that describes the figure's own noun, whose figure does not take
# the period from it (no comma, no "compared with")
_WITH_ITS = re.compile(r"[^,;\d]{0,40}?\bwith[ \t]+(?:a|an|the|their|its)?[ \t]*[^,;\d]{0,50}$", re.IGNORECASE)
DURING = re.compile(r"\bduring[ \t]+(?:the|its|their)[ \t]", re.IGNORECASE)  # "during the festival": a time, never an owner
_REACH = 300  # characters around a figure within which its period is named
_YEAR_OFFSETS = {"this": 0, "last": -1}  # "in March last year", as timex reads a date
_BASE_REACH = 20  # characters before a season in which a comparison word or a determiner makes it a change's base
_AFTER = 40  # characters after a figure within which a period belongs to it
_LOOK_BACK = 600  # characters searched for the year "during the year" refers to


class ReportingPeriods:
    """Finds and labels the reporting periods of a sentence. The words are the calendar data's
    (rules/data/calendar.yaml: months, month counts, ordinals of parts of a year, kinds of
    named years, first spans); the patterns here only join them with prepositions."""

    def __init__(self, calendar: Calendar, value_links: list[str], percent_signs: list[str]) -> None:
        self.months = {k.lower(): v for k, v in calendar.months.items()}
        # "over the festival", "over this year's Lao New Year holiday": an occasion's days, as "during" tells
        self.over_occasion = re.compile(r"\bover[ \t]+(?:the|its|their|this[ \t]+year's)[ \t]+(?:[\w'-]+[ \t]+){0,2}?(?:"
                                        + alternation(calendar.over_occasions) + r")\b", re.IGNORECASE)
        # "rose 31.6 per cent to US$2.2 billion in 2024": a change and the level it reached are
        # one clause's figures, so the period after the level is the change's too
        self.change_to_level = re.compile(r"[ \t]*(?:" + alternation(percent_signs) + r")[ \t]+to[ \t]+"
                                          r"(?:[a-z]+[ \t]+){0,2}(?:[A-Z]{2,3}[ \t]*)?[^\w\s]?[ \t]*", re.IGNORECASE)
        # "1.42 million tonnes of cassava worth US$338 million in the first nine months": the
        # value of the same shipment stands between the amount and its period
        self.value_link = re.compile(r"\b(?:" + alternation(value_links) + r")\b[^,;]*$", re.IGNORECASE)
        self.contrasted = re.compile(rf"\b(?:{alternation(calendar.contrast_words)})\b", re.IGNORECASE)
        self.counts = {**{k.lower(): v for k, v in calendar.month_counts.items()}, **{str(n): n for n in range(2, 12)}}
        # the words a period phrase is made of ("in the first nine months of 2024"): what is left of
        # an owner phrase once they are gone is its owner
        self.words = re.compile(r"\b(?:in|during|for|of|over|the|last|this|first|past|same|year|years|months?|quarters?|"
                                r"half|weeks?|\d{1,2}|(?:19|20)\d\d|total|its|their|a|an|end|beginning|start|whole|full|entire|"
                                + alternation(self.counts) + r"|" + alternation(self.months) + r")\b")
        self.ordinals = {k.lower(): v for k, v in calendar.period_ordinals.items()}
        self.first_spans = {" ".join(k.lower().split()): v for k, v in calendar.first_spans.items()}
        month = alternation(self.months)
        count = alternation(calendar.month_counts) + r"|\d{1,2}"
        self.part_of_year = re.compile(
            r"\b(?:in|during|over|for)[ \t]+the[ \t]+(" + alternation(self.ordinals) + r")[ \t]+"
            r"(half|quarter|(" + count + r")[ \t-]+(?:months?|quarters))" + _OF_YEAR, re.IGNORECASE)
        # "up 8 percent over the first nine months of 2023", "compared with the first half of last
        # year": the base of a year-on-year change, so the figure's own span is that part of the next year
        self.part_compared = re.compile(
            r"(?:(?:%|\bpercent|\bper[ \t]+cent)[ \t]+(?:over|from)|\bcompared[ \t]+(?:with|to)|\bagainst|\bthan(?:[ \t]+in)?)"
            r"[ \t]+the[ \t]+(" + alternation(self.ordinals) + r")[ \t]+(half|quarter|(" + count + r")[ \t-]+(?:months?|quarters))"
            r"[ \t]+of[ \t]+(?:" + _YEAR + r"|(last)[ \t]+year)\b", re.IGNORECASE)
        # A month needs its year: "cleared in January" may be next January.
        self.month = re.compile(r"\b(?:in|during|of)[ \t]+(" + month + r")\.?[ \t]+" + _YEAR + r"\b", re.IGNORECASE)
        # "inflation slowed to 24.8 percent in September": a month with no year is the last one
        # before the article (figures are reported after their month)
        self.future = re.compile(r"\b(?:" + alternation(calendar.future_modals) + r")\b", re.IGNORECASE)
        # "16,430 HFMD cases, while dengue cases so far this year have passed 21,000": a period after a
        # clause opener is the next clause's
        self.clause_opener = re.compile(r"\b(?:" + alternation(calendar.clause_openers) + r")\b", re.IGNORECASE)
        # "since its launch in December 2021": the phrase up to its clause's comma
        since = r"\b(?:" + alternation(calendar.to_date_openers) + r")\b(?![ \t]+the[ \t]+(?:beginning|start)[ \t]+of\b)"
        self.to_date = re.compile(since + r"[^,;]*", re.IGNORECASE)
        # "has so far covered": an adverb of a total to date, in the figure's clause (no comma
        # between), not one opening a period ("so far this year", "to date in 2025")
        self.to_date_adverb = re.compile(r"\b(?:" + alternation(calendar.to_date_adverbs) + r")\b"
                                         r"(?![ \t]+(?:" + alternation(calendar.to_date_period_words) + r")\b)"
                                         r"[^,;.]*$", re.IGNORECASE)
        # opening the sentence or a clause of it (not "The bridge, open since 2019, is 2 km long")
        self.to_date_opening = re.compile(r"(?:[ \t]*|.*?[,;][ \t]*(?:and[ \t]+)?)" + since, re.IGNORECASE)
        self.same_period = re.compile(r"[ \t]*(?:" + alternation(calendar.same_period_openers) + r")\b", re.IGNORECASE)
        self.period_mention = re.compile(r"\b(?:" + alternation(calendar.same_period_mentions)
                                         + r")\b(?![ \t]+(?:of|from|to|between|last|this|next|ending|ended)\b|[ \t]+\d)", re.IGNORECASE)
        self.bare_month = re.compile(r"\b(?:in|during|for)[ \t]+(" + month + r")\b(?![ \t]*,?[ \t]*(?:19|20)\d\d)"
                                     r"(?![ \t.]*\d)(?![ \t]+(?:this|last)[ \t]+year\b)", re.IGNORECASE)
        # "In March last year, a similar crash killed five people": that month of the year named
        self.month_of_year = re.compile(r"\b(?:in|during|for)[ \t]+(" + month + r")[ \t]+(this|last)[ \t]+year\b",
                                        re.IGNORECASE)
        # "last December": the last such month before the article's own month
        self.last_month = re.compile(r"\blast[ \t]+(" + month + r")\b(?![ \t.]*\d)", re.IGNORECASE)
        # "in 5 months" (of this year, reported as a running total)
        # "in ten months", "in the ten months", "over the same ten months": the year's first months
        self.in_months = re.compile(r"\b(?:in|during|over)[ \t]+(?:the[ \t]+(?:same[ \t]+)?)?(" + count + r")[ \t]+months\b",
                                    re.IGNORECASE)
        # "With the 11-month IIP growth of 7.4%": a figure of the year's first months
        self.month_adjective = re.compile(r"\bthe[ \t]+(" + count + r")-month\b", re.IGNORECASE)
        # "the 2024-2025 school year"
        self.named_year = re.compile(r"\b" + _YEAR + r"[ \t]?[-\u2013/][ \t]?(?:(?:19|20)?(\d\d))[ \t]+("
                                     + alternation(calendar.named_years) + r")[ \t]+year\b", re.IGNORECASE)
        # "the whole 2022-2023 season": a season across two years
        self.season = re.compile(r"\b" + _YEAR + r"[ \t]?[-\u2013/][ \t]?(?:(?:19|20)?(\d\d))[ \t]+(?:"
                                 + alternation(calendar.season_words) + r")\b", re.IGNORECASE)
        # "Last season the company paid ...", "the previous crop": the season before the article's
        self.previous_season = re.compile(r"\b(?:" + alternation(calendar.previous_words) + r")[ \t]+(?:"
                                          + alternation(calendar.previous_seasons) + r")\b", re.IGNORECASE)
        # "from October 2023 to February 2024": months of two years, each named with its year
        self.months_across = re.compile(r"\b(?:from|between)[ \t]+(" + month + r")[ \t]+" + _YEAR + r"[ \t]+(?:to|and|until|till|through)[ \t]+("
                                        + month + r")[ \t]+" + _YEAR + r"\b", re.IGNORECASE)
        # "in the school year 2023-2024": the same year named the other way round
        self.year_named = re.compile(r"\b(" + alternation(calendar.named_years) + r")[ \t]+year[ \t]+" + _YEAR
                                     + r"[ \t]?[-\u2013/][ \t]?(?:(?:19|20)?(\d\d))\b", re.IGNORECASE)
        # "in the first week" of operation
        self.first_span = re.compile(r"\b(?:in|during|over|for|after)[ \t]+(?:its|the|their)[ \t]+first[ \t]+("
                                     + alternation(self.first_spans) + r")\b", re.IGNORECASE)
        self.year_to_month = re.compile(r"\b(?:from|since)[ \t]+the[ \t]+(?:beginning|start)[ \t]+of[ \t]+the[ \t]+year[ \t]+"
                                        r"(?:to|until|till|through)[ \t]+(?:the[ \t]+end[ \t]+of[ \t]+)?(" + month + r")\b",
                                        re.IGNORECASE)
        # "from the beginning of this year to July 14": a tally up to a day, no period of a year
        self.year_to_day = re.compile(r"\b(?:from|since)[ \t]+the[ \t]+(?:beginning|start)[ \t]+of[ \t]+(?:this|the)[ \t]+year[ \t]+"
                                      r"(?:to|until|till|through)[ \t]+(?:" + month + r")[ \t]+\d{1,2}\b", re.IGNORECASE)
        # "in the January-October period", "January-June 2024": a span of months of one year.
        self.month_span = re.compile(r"\b(" + month + r")[ \t]?[-\u2013][ \t]?(" + month + r")(?:[ \t]+" + _YEAR + r")?\b",
                                     re.IGNORECASE)
        # "From January to August, the province exported ...": a span of months of one year
        self.months_from = re.compile(r"\b(?:from|between)[ \t]+(" + month + r")[ \t]+(?:to|and|until|till|through)[ \t]+("
                                      + month + r")\b(?![ \t]*\d{1,2}\b)(?:,?[ \t]+" + _YEAR + r")?", re.IGNORECASE)
        # "over July and August", "in July and August": two months running, one span of them
        self.month_pair = re.compile(r"\b(?:in|during|over|for)[ \t]+(" + month + r")[ \t]+and[ \t]+("
                                     + month + r")\b(?![ \t]*\d{1,2}\b)(?:,?[ \t]+" + _YEAR + r")?", re.IGNORECASE)
        # "In the week from July 10 to 16 alone, 412 new cases": the figure of those days, not a
        # running total (a month's days; the month may be named again: "from June 28 to July 4")
        self.day_span = re.compile(r"\b(?:from|between)[ \t]+(" + month + r")[ \t]+(\d{1,2})[ \t]+(?:to|and|until|till|through)[ \t]+"
                                   r"(?:(" + month + r")[ \t]+)?(\d{1,2})\b(?![ \t]*(?:[:.]\d|am\b|pm\b|%|percent))(?:,?[ \t]+" + _YEAR + r")?",
                                   re.IGNORECASE)
        # "In the week to August 11 alone, the city reported 612 cases": that week's figure, not
        # a running total ("the week ending 11 August" too)
        self.week_to = re.compile(r"\b(?:in|during|over|for)[ \t]+the[ \t]+(?:past[ \t]+|last[ \t]+)?week[ \t]+"
                                  r"(?:to|ending|ended|through|until)[ \t]+(?:(" + month + r")[ \t]+(\d{1,2})\b|(\d{1,2})[ \t]+("
                                  + month + r")\b)(?:,?[ \t]+" + _YEAR + r")?", re.IGNORECASE)
        # "at the end of 2022", "as of the end of 2024": a stock at a year's end, not the year's flow
        self.year_end = re.compile(r"\b(?:at|by|as[ \t]+of|until|till|to)[ \t]+the[ \t]+end[ \t]+of[ \t]+" + _YEAR + r"\b",
                                   re.IGNORECASE)
        self._last: tuple[str, tuple, list[tuple[int, str]]] | None = None
        self._continued: tuple[str, tuple[int, int], bool] | None = None

    def period(self, view: str, lo: int, hi: int, anchor: int, published: DateRange,
               tokens: Tokens = ()) -> str | None:
        """The label of the reporting period nearest to the figure at `anchor` in sentence [lo, hi)."""
        mentions = self._mentions(view, lo, hi, published)
        # Only periods near the figure count, which also keeps a long sentence of figures linear.
        near = mentions[bisect_left(mentions, (anchor - _REACH, "")):bisect_left(mentions, (anchor + _REACH, ""))]
        # "88% of the trainees who joined in 2023": the year of a relative clause is not the figure's.
        figure = _FIGURE.match(view, anchor)
        figure_end = figure.end() if figure else anchor
        asides = [(m.start(), m.end()) for m in _CLOSED_RELATIVE.finditer(view, max(lo, anchor - _REACH), anchor)]
        found = [f for f in near if f[0] < anchor and not _coordinated_predicate(tokens, f[0], anchor)
                 and not self.to_date_opening.match(view, f[0], anchor)  # "..., and since opening it has carried"
                 # "The Philippines, which cut its rice tariff in June, bought 2.87 million tonnes": the aside's
                 and not any(a <= f[0] < b for a, b in asides)
                 or f[0] > anchor and not _RELATIVE_CLAUSE.search(view, anchor, f[0])
                 and not self.clause_opener.search(view, anchor, f[0])
                 # "Tourism revenue in 2023 was US$112 million; the 2024 figure is still being finalised"
                 and view.find(";", anchor, f[0]) < 0
                 and not _WHEN.search(view, anchor, f[0])  # "24 percent over ..., when": the when-clause's time
                 and not _other_predicate(tokens, anchor, f[0])
                 # "68 percent, compared with less than 50 percent in 2023": past another figure, its
                 and not self._past_another(view, figure_end, f[0])]
        if not found:
            return None
        # "$1.1 billion in 2023 and $1.4 billion in 2024": a period right after a figure is its own.
        after = [f for f in found if anchor <= f[0] <= anchor + _AFTER]
        return min(after or found, key=lambda f: (abs(f[0] - anchor), f[0]))[1]

    @classmethod
    def of(cls, lexicon: Lexicon) -> ReportingPeriods:
        """The finder the data's calendar, value links and percent signs make."""
        return cls(lexicon.calendar, lexicon.nouns.good_value_links, list(lexicon.numbers.percent_signs))

    def _past_another(self, view: str, figure_end: int, pos: int) -> bool:
        """Whether another figure stands between a figure and a period after it, other than one
        in a with-phrase describing the figure's noun, the value of the same goods, or the level
        a change reached."""
        converted = _CONVERSION.match(view, figure_end, pos)
        if converted:
            figure_end = converted.end()  # "brought in VND231.5 billion (US$9.3 million) between January and August"
        digit = _DIGIT.search(view, figure_end, pos)
        if digit is None:
            return False
        if self.change_to_level.fullmatch(view, figure_end, digit.start()) \
                and _DIGIT.search(view, _FIGURE.match(view, digit.start()).end(), pos) is None:
            return False
        if self.value_link.search(view, figure_end, digit.start()) and "," not in view[figure_end:digit.start()]:
            return False
        with_its = _WITH_ITS.match(view, figure_end, digit.start())
        return with_its is None or self.contrasted.search(view, figure_end, digit.start()) is not None

    def running(self, view: str, lo: int, anchor: int) -> bool:
        """Whether a since-phrase stands before the figure at `anchor` in sentence [lo, ...):
        "Since the railway opened, its Lao section has handled 7.1 million passenger trips" is
        a total to date, not a figure of the period the sentence before named."""
        return self.to_date_opening.match(view, max(lo, anchor - _SINCE_REACH), anchor) is not None

    def so_far(self, view: str, lo: int, anchor: int) -> bool:
        """Whether a to-date adverb stands in the clause before the figure at `anchor`: "The
        company has so far covered 450,000 square metres" is what it has planted by the day it
        was told, not the size of its farm. (Money "invested so far" is a cumulative total, its
        own rule's, whether told with the adverb or not.)"""
        return self.to_date_adverb.search(view, max(lo, anchor - _ADVERB_REACH), anchor) is not None

    def names_occasion(self, sentence: str) -> bool:
        """Whether a sentence tells its figures of an occasion's days ("during the festival",
        "over the festival")."""
        return DURING.search(sentence) is not None or self.over_occasion.search(sentence) is not None

    def occasional(self, view: str, lo: int, hi: int, anchor: int, published: DateRange) -> bool:
        """Whether the figure at `anchor` is told for an occasion named near it ("Tourism revenue
        during the festival reached VND1.82 trillion", "welcomed 321,500 visitors during the
        festival", "over the festival"): the occasion is its span, not the month or year an
        earlier sentence named. A "during" phrase that is itself a reporting period ("during the first half", "during
        the period") is none."""
        if self.over_occasion.search(view, max(lo, anchor - 120), min(hi, anchor + 60)):
            return True  # "Hotel occupancy averaged 82 percent over the festival"
        m = DURING.search(view, max(lo, anchor - 120), min(hi, anchor + 60))
        return m is not None and self.period_mention.match(view, m.start()) is None \
            and not any(m.start() <= at < m.end() + 60 for at, _ in self._mentions(view, lo, hi, published))

    def continues(self, view: str, lo: int, hi: int) -> bool:
        """Whether the sentence [lo, hi) tells of the previous sentence's span: it opens so ("Of
        the total, ...", "Over the same period, ...") or says so ("... were worth US$724 million
        in the period"); its figures take that span."""
        # asked once per figure: the answer is the sentence's, kept for the sentence (keyed as `_mentions`)
        if self._continued is None or self._continued[0] is not view or self._continued[1] != (lo, hi):
            said = self.same_period.match(view, lo) is not None or self.period_mention.search(view, lo, hi) is not None
            self._continued = (view, (lo, hi), said)
        return self._continued[2]

    def right_after(self, view: str, lo: int, hi: int, pos: int, published: DateRange) -> str | None:
        """The label of the reporting period that starts right after `pos`, past blanks only
        ("compared with 1,680 households in 2022", "250 booths last year"), if any."""
        mentions = self._mentions(view, lo, hi, published)
        at = pos
        while at < hi and view[at] in " \t":
            at += 1
        i = bisect_left(mentions, (at, ""))
        return mentions[i][1] if i < len(mentions) and mentions[i][0] == at else None

    def last(self, view: str, lo: int, hi: int, published: DateRange) -> str | None:
        """The label of the last reporting period named in sentence [lo, hi), if any."""
        mentions = self._mentions(view, lo, hi, published)
        return mentions[-1][1] if mentions else None

    def _mentions(self, view: str, lo: int, hi: int, published: DateRange) -> list[tuple[int, str]]:
        """Every reporting period named in a sentence, as (position, label), sorted; read once
        per sentence (each extractor asks for the same sentence in turn)."""
        # Asked once per figure: the key is the view itself (held, so compared by identity in
        # O(1)) and the bounds, never a copy of the sentence.
        if self._last is None or self._last[0] is not view or self._last[1] != (lo, hi, published):
            self._last = (view, (lo, hi, published), self._read(view, lo, hi, published))
        return self._last[2]

    def _read(self, view: str, lo: int, hi: int, published: DateRange) -> list[tuple[int, str]]:
        found = self._read_all(view, lo, hi, published)
        running = [(m.start(), m.end()) for m in self.to_date.finditer(view, lo, hi)]
        # "Since its launch in December 2021, ...": the start of a running total is no period
        return [f for f in found if not any(a <= f[0] < b for a, b in running)] if running else found

    def _read_all(self, view: str, lo: int, hi: int, published: DateRange) -> list[tuple[int, str]]:
        found: list[tuple[int, str]] = []
        year_now = _known_year(published)
        for m in _EXPLICIT_YEAR.finditer(view, lo, hi):
            if not _PERCENT_OVER.search(view, max(lo, m.start() - 12), m.start() + 5):
                found.append((m.start(), m.group(1)))  # not "up 13.4% over 2023": the base of a growth
        for m in _YEAR_MODIFIER.finditer(view, lo, hi):
            found.append((m.start(), m.group(1)))  # "the 2024 growth rate of 9.1%": that year's
        for m in _YEAR_SPAN.finditer(view, lo, hi):
            if m.group(1) < m.group(2):
                found.append((m.start(), f"{m.group(1)}-{m.group(2)}"))  # "cut down 5,000ha between 2018 and 2021"
        bases: list[tuple[int, int]] = []
        for m in self.part_compared.finditer(view, lo, hi):
            year = m.group(4) or _relative(m.group(5), year_now)
            label = self._part_label(m.group(1).lower(), m.group(2).lower(), m.group(3))
            if year is not None and label is not None and (year_now is None or int(year) < year_now):
                found.append((m.start(), f"{int(year) + 1}-{label}"))
                bases.append((m.start(), m.end()))
        for m in self.part_of_year.finditer(view, lo, hi):
            if _overlaps(bases, m.start(), m.end()):
                continue
            year = m.group(4) or _relative(m.group(5) or "this", year_now)
            label = self._part_label(m.group(1).lower(), m.group(2).lower(), m.group(3))
            if year is not None and label is not None:
                found.append((m.start(), f"{year}-{label}"))
        # "in January-September": the span of months, not its first month alone
        spans = [(m.start(1), m.end()) for m in self.month_span.finditer(view, lo, hi)]
        for m in self.month_pair.finditer(view, lo, hi):
            first, last = self.months[m.group(1).lower()], self.months[m.group(2).lower()]
            year = m.group(3)
            if year is None and year_now is not None and published.end is not None:
                year = str(year_now if last <= published.end.month else year_now - 1)  # the last such pair
            if year is not None and last == first + 1:
                found.append((m.start(), _span_label(year, first, last)))
                spans.append((m.start(1), m.end()))
        for m in self.month.finditer(view, lo, hi):
            if not _overlaps(spans, m.start(1), m.end()):
                found.append((m.start(), f"{m.group(2)}-M{self.months[m.group(1).lower()]:02d}"))
        if year_now is not None and published.end is not None:
            for m in self.bare_month.finditer(view, lo, hi):
                if _overlaps(spans, m.start(1), m.end()):
                    continue
                if self.future.search(view, lo, m.start()):
                    continue  # "the rest will be cleared in January": maybe next January
                number = self.months[m.group(1).lower()]
                year = year_now if number <= published.end.month else year_now - 1
                found.append((m.start(), f"{year}-M{number:02d}"))
            for m in self.month_of_year.finditer(view, lo, hi):
                year = year_now + _YEAR_OFFSETS[m.group(2).lower()]
                found.append((m.start(), f"{year}-M{self.months[m.group(1).lower()]:02d}"))
            for m in self.last_month.finditer(view, lo, hi):
                number = self.months[m.group(1).lower()]
                year = year_now if number < published.end.month else year_now - 1
                found.append((m.start(), f"{year}-M{number:02d}"))
        for m in self.in_months.finditer(view, lo, hi):
            count = self.counts.get(m.group(1).lower())
            if count and year_now is not None:
                found.append((m.start(), _span_label(str(year_now), 1, count)))  # "in the six months": H1
        for m in self.month_adjective.finditer(view, lo, hi):
            count = self.counts.get(m.group(1).lower())
            if count and count < 12 and year_now is not None:
                found.append((m.start(), _span_label(str(year_now), 1, count)))
        for m in self.year_named.finditer(view, lo, hi):
            found.append((m.start(), f"{m.group(2)}-{m.group(3)} {m.group(1).lower()} year"))
        for m in self.season.finditer(view, lo, hi):
            found.append((m.start(), f"{m.group(1)}-{m.group(2)} season"))
        for m in self.previous_season.finditer(view, lo, hi):
            before = view[max(lo, m.start() - _BASE_REACH):m.start()].split()
            if not self.contrasted.search(view, max(lo, m.start() - _BASE_REACH), m.start()) \
                    and not (before and before[-1].lower() in DETERMINERS):
                # (not the base of a change: "up 3.1 per cent on the previous crop", "compared
                # with last season")
                found.append((m.start(), "previous season"))
        for m in self.months_across.finditer(view, lo, hi):
            first, last = self.months[m.group(1).lower()], self.months[m.group(3).lower()]
            found.append((m.start(), f"{m.group(2)}-M{first:02d}/{m.group(4)}-M{last:02d}"))
        for m in self.year_end.finditer(view, lo, hi):
            found.append((m.start(), f"{m.group(1)}-end"))
        for m in self.named_year.finditer(view, lo, hi):
            found.append((m.start(), f"{m.group(1)}-{m.group(2)} {m.group(3).lower()} year"))
        for m in self.first_span.finditer(view, lo, hi):
            found.append((m.start(), self.first_spans[" ".join(m.group(1).lower().split())]))
        for m in self.year_to_month.finditer(view, lo, hi):
            # "From the beginning of the year to the end of October": January to October
            last = self.months[m.group(1).lower()]
            if year_now is not None and last > 1:
                found.append((m.start(), _span_label(str(year_now), 1, last)))
        for m in self.month_span.finditer(view, lo, hi):
            first, last = self.months[m.group(1).lower()], self.months[m.group(2).lower()]
            year = m.group(3) or (str(year_now) if year_now is not None else None)
            if year is not None and first < last:
                found.append((m.start(), _span_label(year, first, last)))
        for m in self.months_from.finditer(view, lo, hi):
            first, last = self.months[m.group(1).lower()], self.months[m.group(2).lower()]
            year = m.group(3)
            if year is None and year_now is not None and published.end is not None:
                year = str(year_now if last <= published.end.month else year_now - 1)  # the last such span
            if year is not None and first < last:
                found.append((m.start(), _span_label(year, first, last)))
            elif first > last and m.group(3) is None and year_now is not None and published.end is not None:
                # "from December to February": across a new year, the last such span before the article
                end = year_now if last <= published.end.month else year_now - 1
                found.append((m.start(), f"{end - 1}-M{first:02d}/{end}-M{last:02d}"))
        for m in self.day_span.finditer(view, lo, hi):
            year = m.group(5) or (str(year_now) if year_now is not None else None)
            first, last = self.months[m.group(1).lower()], self.months[(m.group(3) or m.group(1)).lower()]
            if year is not None and (first, int(m.group(2))) < (last, int(m.group(4))):
                found.append((m.start(), f"{year}-{first:02d}-{int(m.group(2)):02d}/{last:02d}-{int(m.group(4)):02d}"))
        for m in self.week_to.finditer(view, lo, hi):
            month, day = self.months[(m.group(1) or m.group(4)).lower()], int(m.group(2) or m.group(3))
            year = m.group(5)
            if year is None and year_now is not None and published.end is not None:
                year = str(year_now if month <= published.end.month else year_now - 1)  # the last such week
            if year is not None:
                found.append((m.start(), f"{year}-week-to-{month:02d}-{day:02d}"))
        for m in _YEAR_WHEN.finditer(view, lo, hi):
            found.append((m.start(), m.group(1)))  # "the 2022 epidemic, when the city recorded ..."
        same = []
        for m in _SAME_PART.finditer(view, lo, hi):
            if _COMPARED.search(view, max(lo, m.start() - 40), m.start() + 3):
                continue  # "than in the same period of 2023": the base of a comparison
            year = m.group(1) or _relative(m.group(2), year_now)
            if year is not None:
                same.append((m.start(), m.end()))
                found.append((m.start(), f"{year}{SAME_PERIOD}"))
        for m in _SAME_WHEN.finditer(view, lo, hi):
            year = m.group(1) or _relative(m.group(2), year_now)
            if year is not None:
                same.append((m.start(), m.end()))
                found.append((m.end(), f"{year}{SAME_PERIOD}"))  # for the figures after "when" only
        parts = sorted(start for start, _ in found)
        to_day = [(m.start(), m.end()) for m in self.year_to_day.finditer(view, lo, hi)]
        for m in _RELATIVE_YEAR.finditer(view, lo, hi):
            if year_now is not None and not _COMPARED.search(view, max(lo, m.start() - 40), m.start()) \
                    and not _inside(parts, m.start()) and not _overlaps(to_day, m.start(), m.end()) \
                    and not _overlaps(same, m.start(), m.end()):
                found.append((m.start(), str(_relative(m.group(1), year_now))))
        for m in _YEARS_AGO.finditer(view, lo, hi):
            if year_now is not None and not _COMPARED.search(view, max(lo, m.start() - 40), m.start()):
                found.append((m.start(), str(year_now - YEARS_AGO[m.group(1).lower()])))
        for m in _THE_YEAR.finditer(view, lo, hi):
            # "during the year": the last year named as a period shortly before it ("in 2024").
            earlier = [y.group(1) for y in _EXPLICIT_YEAR.finditer(view, max(0, m.start() - _LOOK_BACK), m.start())]
            if earlier:
                found.append((m.start(), earlier[-1]))
            elif year_now is not None and published.end is not None:
                # no year named before it: the article's own year ("612 new enterprises were set
                # up during the year" in a December review), the one before in January's reviews
                found.append((m.start(), str(year_now if published.end.month > 1 else year_now - 1)))
        if same:
            frame = _frame(found)
            found = [(at, same_part(label, frame)) for at, label in found]
        return sorted(found)

    def _part_label(self, ordinal: str, part: str, months: str | None) -> str | None:
        n = self.ordinals[ordinal]
        if part == "half":
            return "H2" if n >= 2 else "H1"
        if part == "quarter":
            return f"Q{n}"
        count = self.counts.get((months or "").lower())
        if count is not None and part.endswith("quarters"):
            count = count * 3 if count <= 4 else None  # "the first three quarters": nine months
        if count is None or n not in (1, 4):  # "the first nine months", "the last three months"
            return None
        first, last = (1, count) if n == 1 else (13 - count, 12)
        if count == 6:
            return "H1" if first == 1 else "H2"
        if count == 3:
            return "Q1" if first == 1 else "Q4"
        return f"M{first:02d}-M{last:02d}"


def same_part(label: str, frame: str | None) -> str:
    """"2023-same" in a sentence or paragraph about "2024-M01-M09" is "2023-M01-M09": the same
    part of the year it names. With no such span it stays its own label, compared only with
    figures for "the same period" of that year."""
    if not label.endswith(SAME_PERIOD) or frame is None or not frame[:4].isdigit() or frame.endswith(SAME_PERIOD):
        return label
    return label[:4] + frame[4:]


def _frame(found: list[tuple[int, str]]) -> str | None:
    """The span a sentence names besides "the same period": its first with a year."""
    return next((label for _, label in found if label[:4].isdigit() and not label.endswith(SAME_PERIOD)), None)


def _overlaps(spans: list[tuple[int, int]], start: int, end: int) -> bool:
    return any(a < end and start < b for a, b in spans)


def _other_predicate(tokens: Tokens, anchor: int, at: int) -> bool:
    """A period named well after a figure, past a finite verb of its own, is that verb's: "a
    total capital of US$84 million and is being developed under a concession signed in 2020",
    "an investment of $96 million, was put into operation in January 2022". Close after the
    figure ("12,000 visitors were recorded in 2023") it stays the figure's, unless a comma
    closes the figure's phrase before the verb ("The construction of the terminal, worth
    US$68.5 million, was started in March 2023": the start's month)."""
    between = [t for t in tokens if anchor < t.start and t.end <= at]
    for k, token in enumerate(between):
        # past a comma, a finite verb with at most its subject before it: "..., was put into
        # operation in", "With the 2024 growth rate of 9.1%, the province has created momentum for 2025"
        if token.text == ",":
            verb = next((t for t in between[k + 1:] if t.tag not in _SUBJECT_TAGS), None)
            if verb is not None and verb.tag in _FINITE:
                return True
    if at - anchor <= _AFTER:
        return False
    first = next((i for i, t in enumerate(between) if t.tag in _FINITE), None)
    if first is None:
        return False
    if first == 0 or between[first - 1].text.lower() in ("and", ",") or between[first].tag != "VBD":
        return True
    # "612 new enterprises were set up in Lao Cai province during the year": the figure is the
    # subject of the first verb after it, in the past, whose period it is; only a later finite
    # verb is another's ("Three children have died ... this year" is a tally to date)
    rest = first
    while rest < len(between) and between[rest].is_verb:
        rest += 1
    return any(t.tag in _FINITE for t in between[rest:])


def _coordinated_predicate(tokens: Tokens, at: int, anchor: int) -> bool:
    """A period before a figure, with "and" and a finite verb between them, is the first
    predicate's: "The plant broke ground in September 2019 and has a total investment of $215
    million" dates the groundbreaking, not the investment."""
    if not any(t.tag in _FINITE for t in tokens if t.end <= at):
        return False  # "Last year the province welcomed ..., and earned": a period before any verb dates them all
    inside = [t for t in tokens if at < t.start and t.end <= anchor]
    return any(a.text.lower() == "and" and b.tag in _FINITE for a, b in zip(inside, inside[1:]))


def _known_year(published: DateRange) -> int | None:
    if published.start is None or published.end is None or published.start.year != published.end.year:
        return None
    return published.start.year


def _relative(word: str | None, year_now: int | None) -> int | None:
    if word is None or year_now is None:
        return None
    return year_now - 1 if word.lower() == "last" else year_now


_NAMED_SPANS = {(1, 12): "", (1, 6): "-H1", (7, 12): "-H2", (1, 3): "-Q1", (4, 6): "-Q2", (7, 9): "-Q3",
                (10, 12): "-Q4"}


_LABEL_ENDS = (  # each label form and the last day of the span it names
    (re.compile(r"((?:19|20)\d\d)(?:-end)?"), lambda m: (int(m[1]), 12, 31)),
    (re.compile(r"((?:19|20)\d\d)-H([12])"), lambda m: (int(m[1]), 6 * int(m[2]), 30 if m[2] == "1" else 31)),
    (re.compile(r"((?:19|20)\d\d)-Q([1-4])"), lambda m: (int(m[1]), 3 * int(m[2]), None)),
    (re.compile(r"((?:19|20)\d\d)-M(\d\d)(?:-M(\d\d))?"), lambda m: (int(m[1]), int(m[3] or m[2]), None)),
    (re.compile(r"(?:19|20)\d\d-M\d\d/((?:19|20)\d\d)-M(\d\d)"), lambda m: (int(m[1]), int(m[2]), None)),
    (re.compile(r"((?:19|20)\d\d)-\d\d-\d\d/(\d\d)-(\d\d)"), lambda m: (int(m[1]), int(m[2]), int(m[3]))),
    (re.compile(r"((?:19|20)\d\d)-week-to-(\d\d)-(\d\d)"), lambda m: (int(m[1]), int(m[2]), int(m[3]))),
)


_DAYS_LABEL = re.compile(r"(?:19|20)\d\d-(?:\d\d-\d\d/\d\d-\d\d|week-to-\d\d-\d\d)")


def names_days(label: str) -> bool:
    """Whether a period label names days ("2025-01-26/02-03", a week to a day), not a month,
    a quarter or a year: the only span an occasion's days can be."""
    return _DAYS_LABEL.fullmatch(label) is not None


@lru_cache(maxsize=1024)
def label_end(label: str) -> dt.date | None:
    """The last day of the span a period label names ("2024-M01-M09": 30 September 2024), or
    None for a label that names no span of the calendar ("first-week", "2024-25 school year")."""
    for pattern, parts in _LABEL_ENDS:
        m = pattern.fullmatch(label)
        if m:
            year, month, day = parts(m)
            if not 1 <= month <= 12:
                return None
            last = calendar.monthrange(year, month)[1]
            return dt.date(year, month, min(day or last, last))
    return None


def _span_label(year: str, first: int, last: int) -> str:
    """The same label the other forms give: January-June is H1, January-December the year."""
    named = _NAMED_SPANS.get((first, last))
    return f"{year}{named}" if named is not None else f"{year}-M{first:02d}-M{last:02d}"


def _inside(starts: list[int], pos: int) -> bool:
    """"the first half of last year" already names its year."""
    i = bisect_right(starts, pos)
    return i > 0 and pos <= starts[i - 1] + 40
