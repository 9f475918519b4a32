"""Temporal expressions: find date mentions with offsets and resolve them to day intervals.

Shared by the dating stage (today's date, the years an article talks about) and the
date extractor. Patterns are built from `rules/data/calendar.yaml`; every repetition
is bounded, so matching stays linear on any input.
"""

from __future__ import annotations

import calendar
import datetime as dt
import re
from dataclasses import dataclass, replace

from checker.lexicon import Calendar
from checker.models import DateRange
from checker.text import alternation

YEAR = r"(?:19[5-9]\d|20\d\d|2100)"
DAY = r"(?:[12]\d|3[01]|0?[1-9])(?:st|nd|rd|th)?"
_RANGE_JOIN = r"(?: and | to | ?[-\u2013] ?)"
_RELATIVE = {"this": 0, "last": -1, "next": 1}
# "a year ago", "two years ago": how many years back (the reporting periods read the same words)
YEARS_AGO = {"a": 1, "an": 1, "one": 1, "two": 2, "three": 3, "four": 4, "five": 5}


@dataclass(frozen=True)
class Timex:
    """A date mention. Missing parts are None; `months` narrows a year ("late 2024")."""

    start: int
    end: int
    year: int | None = None
    month: int | None = None
    day: int | None = None
    day_end: int | None = None
    months: tuple[int, int] | None = None
    days: tuple[int, int] | None = None
    relative_year: int | None = None  # "this year" = 0, "last year" = -1
    today: bool = False
    weekday: int | None = None  # "on Monday": resolved against the article's day
    weekday_shift: int = 0  # "last Friday" = -1 (strictly before the article's day), "next Friday" = 1
    relative_unit: tuple[str, int] | None = None  # "last week" = ("week", -1), "this month" = ("month", 0)
    so_far: bool = False  # "earlier this month": up to the article's day
    day_shift: int | None = None  # "the previous day" = -1, "the same day" = 0: from the day last named
    open_start: bool = False  # "by 2030", "by the end of June": on or before the end of it
    until: "Timex | None" = None  # "from November 29 to December 1": the span's last date
    first: tuple[int, int] | None = None  # ... and where its first date is written

    @property
    def has_year(self) -> bool:
        return self.year is not None

    def interval(self, year: int | None = None) -> DateRange | None:
        """Days covered, using `year` when the mention has none."""
        y = self.year if self.year is not None else year
        if y is None:
            return None
        try:
            if self.month is None:
                lo, hi = self.months or (1, 12)
                return DateRange(start=dt.date(y, lo, 1), end=dt.date(y, hi, _last_day(y, hi)))
            if self.day is None:
                lo, hi = self.days or (1, 31)
                last = _last_day(y, self.month)
                return DateRange(start=dt.date(y, self.month, min(lo, last)), end=dt.date(y, self.month, min(hi, last)))
            return DateRange(start=dt.date(y, self.month, self.day), end=dt.date(y, self.month, self.day_end or self.day))
        except ValueError:
            return None


def _calendar(t: Timex) -> bool:
    """A date of the calendar (a month, a day, a year), not a relative or a weekday."""
    return (t.month is not None or t.year is not None) and t.weekday is None and t.relative_unit is None \
        and t.day_shift is None and not t.today and t.until is None


def _last_day(year: int, month: int) -> int:
    return calendar.monthrange(year, month)[1]


class TimexFinder:
    """Compiled patterns for one calendar table."""

    def __init__(self, cal: Calendar) -> None:
        self.months = {k: v for k, v in cal.months.items()}
        self.parts = dict(cal.parts)
        self.month_parts = dict(cal.month_parts)
        self.weekdays = dict(cal.weekdays)
        self.codes = {k.lower(): v for k, v in cal.part_codes.items()}
        self.month_counts = {k.lower(): v for k, v in cal.month_counts.items()}
        names = sorted(self.months, key=len, reverse=True)
        full = {n for n in names if len(n) > 4 or n in ("may", "june", "july")}
        # Only an abbreviation takes a dot ("Aug."): a full name's dot ends the sentence.
        month = "(?:" + "|".join(n.capitalize() + ("" if n in full else r"\.?") for n in names) + ")"
        parts = "|".join(re.escape(p) for p in sorted(self.parts, key=len, reverse=True))
        def rel(tag: str) -> str:
            return rf"(?: (?P<{tag}_rel>this|last|next) year)?"
        # "the first quarter" with no year: of the article's year
        bare_parts = "|".join(re.escape(p[:-3]) for p in sorted(self.parts, key=len, reverse=True)
                              if p.endswith(" of") and ("quarter" in p or "half" in p))
        codes = "|".join(sorted(self.codes, key=len, reverse=True))
        # "the end of this month": a part of a month named by its place around the article's
        month_parts = "|".join(re.escape(p) for p in sorted(self.month_parts, key=len, reverse=True))
        counts = "|".join(sorted(self.month_counts, key=len, reverse=True))
        alts = [
            rf"(?:the )?first (?P<fm_n>1[01]|[2-9]|{counts}) months(?: of (?:(?P<fm_y>{YEAR})|the year|(?P<fm_rel>this|last|next) year))?(?![\w-])",
            rf"(?P<q_code>{codes})(?:[ ,/]+(?P<q_y>{YEAR})|(?: of)?{rel('q')})(?![\w/-])",
            rf"(?P<mr_a>{month}) ?- ?(?P<mr_b>{month})(?:,? (?P<mr_y>{YEAR})|{rel('mr')})(?![\w-])",
            rf"(?P<a_m>{month}) (?P<a_d>{DAY})(?:{_RANGE_JOIN}(?P<a_d2>{DAY}))?(?:,? (?P<a_y>{YEAR}))?{rel('a')}(?![\d/])",
            rf"(?P<b_d>{DAY})(?:{_RANGE_JOIN}(?P<b_d2>{DAY}))? (?:of )?(?P<b_m>{month})(?:,? (?P<b_y>{YEAR}))?(?![\d/])",
            rf"(?:the )?(?P<c_p>{parts})[ -](?:(?P<c_m>{month})(?:,? (?P<c_y>{YEAR}))?{rel('c')}|(?P<c_y2>{YEAR})"
            rf"|(?P<c_year>the year|(?P<c_yrel>this|last|next) year))(?![\d/-])",
            rf"the (?P<cb_p>{bare_parts})(?! of)(?![\w-])",
            rf"(?P<d_m>{month}),? (?:of )?(?P<d_y>{YEAR})(?![\d/-])",
            rf"(?P<e_y>{YEAR})-(?P<e_m>[01]\d)-(?P<e_d>[0-3]\d)(?!\d)",
            rf"(?P<f_d>[0-3]?\d)/(?P<f_m>[01]?\d)/(?P<f_y>{YEAR})(?!\d)",
            # "On 26/4, the committee held ...": a day and month, as Vietnamese outlets write them
            r"on[ \t]+(?P<dm_d>[0-3]?\d)/(?P<dm_m>[01]?\d)(?![\d/.])(?![ \t]+of\b)",
            rf"(?P<g_m>{month}){rel('g')}(?![\w-])",
            r"(?P<h_rel>this|last|next) year\b",
            # "a year ago", "two years ago": a day that many years before the article's falls in
            # the calendar year that many before its year
            r"(?P<ago>" + "|".join(YEARS_AGO) + r")[ \t]+years?[ \t]+ago\b",
            r"(?P<today>today|yesterday|tomorrow)\b",
            r"(?:(?:[Oo]n|[Aa]s[ \t]+of|[Bb]y|[Uu]ntil|[Ss]ince)[ \t]+|(?P<wd_rel>last|this|next)[ \t]+)(?P<wd>" + "|".join(w.capitalize() for w in self.weekdays)
            + r")\b(?![ \t]*[,(]?[ \t]*(?:(?:" + "|".join(n.capitalize() for n in names) + r")\b|\d{1,2}(?:st|nd|rd|th)?[ \t]+(?:of[ \t]+)?(?:"
            + "|".join(n.capitalize() for n in names) + r")\b|\d{1,2}[/.]\d))",  # "on Tuesday declared"; "on Thursday, 31 houses" is a weekday
            rf"(?:the[ \t]+(?P<u_part>{month_parts})[ \t]+)?(?P<u_rel>last|this|next|earlier this|later this)[ \t]+(?P<u_unit>week|month)\b",
            r"(?P<sd>the[ \t]+same[ \t]+da(?:y|te)|the[ \t]+previous[ \t]+day|the[ \t]+day[ \t]+before|the[ \t]+next[ \t]+day"
            r"|the[ \t]+following[ \t]+day|a[ \t]+day[ \t]+(?:later|earlier)"
            r"|(?P<sd_n>" + counts + r"|\d)[ \t]+days[ \t]+(?:later|earlier))\b",
            rf"(?:in|by|since|until|till|during|throughout|before|after|from) (?:the year )?(?P<i_y>{YEAR})(?![\d/\u2013-]| ?[-\u2013] ?\d| (?:to|until|till|through) \d)",
            rf"(?:in|since|until|till|by|during|from|through|throughout) (?P<bm>{month})(?![\w-]|\.?,? ?\d| (?:this|last|next) year)",
        ]
        self.pattern = re.compile(r"(?<![\w/])(?:" + "|".join(alts) + ")", re.IGNORECASE)
        self.month_case = re.compile(month)  # month names must be capitalised in the text
        self.span_open = re.compile(r"\b(?:" + alternation(cal.span_openers) + r")[ \t]+(?:the[ \t]+)?$", re.IGNORECASE)
        self.span_join = re.compile(r"[ \t]*(?:" + alternation(cal.span_joiners) + r")[ \t]*", re.IGNORECASE)

    def find(self, view: str, start: int = 0, end: int | None = None) -> list[Timex]:
        end = len(view) if end is None else end
        found = [t for m in self.pattern.finditer(view, start, end) if (t := self._build(m)) is not None]
        return self._spans(view, found)

    def _spans(self, view: str, found: list[Timex]) -> list[Timex]:
        """Two calendar dates joined by the data's words ("from November 29 to December 1",
        "between Oct 2023 and Mar 2024") become one mention of the whole span."""
        out: list[Timex] = []
        i = 0
        while i < len(found):
            first = found[i]
            second = found[i + 1] if i + 1 < len(found) else None
            opener = self.span_open.search(view, max(0, first.start - 12), first.start)
            if second is not None and opener and _calendar(first) and _calendar(second) and not first.open_start \
                    and self.span_join.fullmatch(view, first.end, second.start):
                out.append(replace(first, start=opener.start(), end=second.end, until=second,
                                   first=(first.start, first.end)))
                i += 2
                continue
            out.append(first)
            i += 1
        return out

    def _month(self, m: re.Match, group: str) -> int | None:
        text = m.group(group)
        if not self.month_case.fullmatch(text):
            return None
        return self.months.get(text.rstrip(".").lower())

    def _build(self, m: re.Match) -> Timex | None:
        t = self._mention(m)
        if t is not None and m.string[max(0, t.start - 3):t.start].lower() == "by ":
            return replace(t, open_start=True)  # "by 2030": a deadline, any day up to its end
        return t

    def _mention(self, m: re.Match) -> Timex | None:
        g = m.groupdict()
        tag = g.get("a_rel") or g.get("c_rel") or g.get("g_rel") or g.get("q_rel") or g.get("mr_rel") \
            or g.get("fm_rel") or g.get("c_yrel")
        rel = _RELATIVE[tag.lower()] if tag else None
        s, e = m.start(), m.end()
        if g.get("fm_n"):  # "the first 10 months of 2024": January to October
            n = self.month_counts.get(g["fm_n"].lower()) or int(g["fm_n"])
            return Timex(s, e, _int(g["fm_y"]), months=(1, n), relative_year=rel)
        if g.get("q_code"):
            return Timex(s, e, _int(g["q_y"]), months=self.codes[g["q_code"].lower()], relative_year=rel)
        if g.get("mr_a"):
            a, b = self._month(m, "mr_a"), self._month(m, "mr_b")
            return a and b and a < b and Timex(s, e, _int(g["mr_y"]), months=(a, b), relative_year=rel) or None
        if g.get("cb_p"):
            return Timex(s, e, months=self.parts[g["cb_p"].lower() + " of"])
        if g.get("dm_d"):
            day, month = int(g["dm_d"]), int(g["dm_m"])
            return Timex(m.start("dm_d"), e, None, month, day) if 1 <= day <= 31 and 1 <= month <= 12 else None
        if g.get("bm"):
            month = self._month(m, "bm")
            return month and Timex(m.start("bm"), e, None, month) or None
        if g["a_m"]:
            month = self._month(m, "a_m")
            return month and Timex(s, e, _int(g["a_y"]), month, _day(g["a_d"]), _day(g["a_d2"]), relative_year=rel)
        if g["b_m"]:
            month = self._month(m, "b_m")
            return month and Timex(s, e, _int(g["b_y"]), month, _day(g["b_d"]), _day(g["b_d2"]))
        if g["c_p"]:
            part = g["c_p"].lower()
            if g["c_m"]:
                month = self._month(m, "c_m")
                days = self.month_parts.get(part)
                return month and days and Timex(s, e, _int(g["c_y"]), month, days=days, relative_year=rel) or None
            if g.get("c_year"):  # "the third quarter of last year", "the first half of the year"
                return Timex(s, e, months=self.parts[part], relative_year=rel)
            return Timex(s, e, _int(g["c_y2"]), months=self.parts[part])
        if g["d_m"]:
            month = self._month(m, "d_m")
            return month and Timex(s, e, int(g["d_y"]), month)
        if g["e_y"]:
            return _checked(Timex(s, e, int(g["e_y"]), int(g["e_m"]), int(g["e_d"])))
        if g["f_y"]:
            return _checked(Timex(s, e, int(g["f_y"]), int(g["f_m"]), int(g["f_d"])))
        if g["g_m"]:
            month = self._month(m, "g_m")
            # A bare month needs a year word ("in March this year") to be worth a claim.
            return month and rel is not None and Timex(s, e, None, month, relative_year=rel) or None
        if g["h_rel"]:
            return Timex(s, e, relative_year=_RELATIVE[g["h_rel"].lower()])
        if g["ago"]:
            return Timex(s, e, relative_year=-YEARS_AGO[g["ago"].lower()])
        if g.get("wd"):
            shift = {"last": -1, "next": 1}.get((g["wd_rel"] or "").lower(), 0)
            return Timex(s if g["wd_rel"] else m.start("wd"), e, weekday=self.weekdays[g["wd"].lower()],
                         weekday_shift=shift)
        if g.get("sd"):
            words = g["sd"].lower().split()
            n = g.get("sd_n")
            count = (int(n) if n.isdigit() else self.month_counts.get(n.lower(), 1)) if n else 1
            if "same" in words:
                shift = 0
            elif "previous" in words or "before" in words or words[-1] == "earlier":
                shift = -count
            else:  # next, following, later
                shift = count
            return Timex(s, e, day_shift=shift)
        if g.get("u_unit"):
            rel = g["u_rel"].lower()
            unit, part = g["u_unit"].lower(), (g.get("u_part") or "").lower()
            days = self.month_parts.get(part) if unit == "month" and part else None  # "the end of this week": the week
            return Timex(s, e, relative_unit=(unit, _RELATIVE.get(rel, 0)), so_far=rel.startswith("earlier"), days=days)
        if g["today"]:
            return Timex(s, e, today=True, day_end={"yesterday": -1, "tomorrow": 1}.get(g["today"].lower(), 0))
        if g["i_y"]:
            return Timex(m.start("i_y"), e, int(g["i_y"]))
        return None


def _checked(t: Timex) -> Timex | None:
    return t if t.month and 1 <= t.month <= 12 and t.interval() is not None else None


def _int(text: str | None) -> int | None:
    return int(text) if text else None


def _day(text: str | None) -> int | None:
    return int(re.match(r"\d+", text).group()) if text else None


_FINDERS: dict[int, TimexFinder] = {}


def finder_for(cal: Calendar) -> TimexFinder:
    """One compiled finder per loaded calendar table."""
    if id(cal) not in _FINDERS:
        _FINDERS[id(cal)] = TimexFinder(cal)
    return _FINDERS[id(cal)]


def resolve(t: Timex, published: DateRange, year_hints: tuple[int, ...], tense: str | None,
            anchor: DateRange | None = None) -> DateRange | None:
    """Days a mention can mean; "by 2030" is any day up to the end of 2030 (see _resolve)."""
    if t.until is not None:
        return _span(t, published, year_hints, tense, anchor)
    when = _resolve(t, published, year_hints, tense, anchor)
    if when is not None and t.open_start:
        return DateRange(start=None, end=when.end)
    return when


def _resolve(t: Timex, published: DateRange, year_hints: tuple[int, ...], tense: str | None,
             anchor: DateRange | None = None) -> DateRange | None:
    """Days a mention can mean, given when the article appeared and the years it mentions.

    A yearless date takes the occurrence nearest each end of the publication range; the
    hull of those is the value, so an uncertain year widens the interval rather than
    guessing. A weekday ("on Monday") needs a known day of publication: the nearest such
    day before it, or after it for a future event. "The previous day", "two days later" count
    from `anchor`, the day the article named last before them.
    """
    if t.day_shift is not None:  # "the previous day": from the day the article last named
        if anchor is None or not anchor.is_day:
            return None
        day = anchor.start + dt.timedelta(days=t.day_shift)
        return DateRange(start=day, end=day)
    if t.weekday is not None:
        if published.start is None or not published.is_day:
            return None
        day = published.start
        if t.weekday_shift > 0 or tense == "future" and t.weekday_shift == 0:
            day += dt.timedelta(days=(t.weekday - day.weekday()) % 7 or 7)
        elif t.weekday_shift < 0:
            day -= dt.timedelta(days=(day.weekday() - t.weekday) % 7 or 7)
        else:
            day -= dt.timedelta(days=(day.weekday() - t.weekday) % 7)
        return DateRange(start=day, end=day)
    if t.relative_unit is not None:
        return _relative_span(t, published)
    if t.today:
        if published.start is None or published.end is None:
            return None
        shift = dt.timedelta(days=t.day_end or 0)
        return DateRange(start=published.start + shift, end=published.end + shift)
    if t.year is not None:
        return t.interval()
    if t.relative_year is not None and (t.month is None or published.start):
        if published.start is None or published.end is None:
            return None
        lo = t.interval(published.start.year + t.relative_year)
        hi = t.interval(published.end.year + t.relative_year)
        return DateRange(start=lo.start, end=hi.end) if lo and hi else None
    if t.month is None and t.months is None:
        return None
    if (t.day is None or t.month is None) and published.start is not None and published.end is not None:
        return _season(t, published, tense)  # "in March", "the third quarter": which year, by the tense
    if published.start is not None and published.end is not None:
        lo = _occurrence(t, published.start, tense)
        hi = _occurrence(t, published.end, tense)
        return DateRange(start=lo.start, end=hi.end) if lo and hi else None
    if len(set(year_hints)) == 1:
        return t.interval(year_hints[0])
    return None


def _span(t: Timex, published: DateRange, year_hints: tuple[int, ...], tense: str | None,
          anchor: DateRange | None) -> DateRange | None:
    """"from November 29 to December 1": the last date is read as any date; the first takes
    its year when it has none (the year before, when its month comes later in the year)."""
    last = _resolve(t.until, published, year_hints, tense, anchor)
    if last is None or last.end is None:
        return None
    first = replace(t, until=None, first=None)
    if first.year is None and first.relative_year is None and first.month is not None:
        year = last.end.year - (1 if first.month > last.end.month else 0)
        begin = first.interval(year)
    else:
        begin = _resolve(first, published, year_hints, tense, anchor)
    if begin is None or begin.start is None or begin.start > last.end:
        return None
    return DateRange(start=begin.start, end=last.end)


def span_ends(t: Timex, span: DateRange) -> list[tuple[Timex, DateRange]]:
    """The two dates of a span as mentions of their own, each with its days: the first in the
    span's first year ("from 1 July 2025 to 30 June 2026": 1 July 2025 and 30 June 2026)."""
    if t.until is None or t.first is None or span.start is None:
        return []
    first = replace(t, until=None, first=None, start=t.first[0], end=t.first[1])
    head = first.interval(span.start.year)
    tail = t.until.interval(span.end.year)
    return [(m, iv) for m, iv in ((first, head), (t.until, tail)) if iv is not None]


def _relative_span(t: Timex, published: DateRange) -> DateRange | None:
    """"last week", "this month", "earlier this month": calendar weeks (Monday to Sunday) and
    months around the article's day; "earlier" ends at that day."""
    if published.start is None or not published.is_day:
        return None
    day = published.start
    unit, shift = t.relative_unit
    if unit == "week":
        monday = day - dt.timedelta(days=day.weekday()) + dt.timedelta(weeks=shift)
        start, end = monday, monday + dt.timedelta(days=6)
    else:
        month_index = day.year * 12 + day.month - 1 + shift
        year, month = divmod(month_index, 12)
        last = _last_day(year, month + 1)
        lo, hi = t.days or (1, last)  # "the end of this month": its last days
        start = dt.date(year, month + 1, min(lo, last))
        end = dt.date(year, month + 1, min(hi, last))
    if t.so_far:
        end = min(end, day)
    return DateRange(start=start, end=end)


def _season(t: Timex, published: DateRange, tense: str | None) -> DateRange | None:
    """A month or part of a year with no year ("in March", "the third quarter"): the last one
    begun by the article's day for a past event, the next one not yet over for a future one,
    and the article's own year when the tense does not say ("exports in April rose")."""
    options = [iv for y in range(published.start.year - 1, published.end.year + 2) if (iv := t.interval(y))]
    if tense == "past":
        begun = [iv for iv in options if iv.start <= published.end]
        return max(begun, key=lambda iv: iv.start, default=None)
    if tense == "future":
        ahead = [iv for iv in options if iv.end >= published.start]
        return min(ahead, key=lambda iv: iv.start, default=None)
    lo, hi = t.interval(published.start.year), t.interval(published.end.year)
    return DateRange(start=lo.start, end=hi.end) if lo and hi else None


_PAST_AHEAD_DAYS = 62  # how far after its article a yearless date told in the past may still fall (two months)


def _occurrence(t: Timex, anchor: dt.date, tense: str | None) -> DateRange | None:
    """The occurrence of a yearless date nearest the anchor ("July 25" in an article of
    10 July 2024 is 25 July 2024, even in the past tense: a writer means the nearest one,
    and a past event dated after its article is then a conflict worth showing), unless in
    the past tense it would fall more than two months after the article, or in the future
    tense more than two months before it."""
    options = [iv for y in (anchor.year - 1, anchor.year, anchor.year + 1) if (iv := t.interval(y))]
    nearest = min(options, key=lambda iv: abs((iv.start - anchor).days), default=None)
    if tense == "past" and nearest is not None and (nearest.start - anchor).days > _PAST_AHEAD_DAYS:
        # "was inaugurated on March 9" in an article of 11 December: last March, not a March
        # months ahead (a few days ahead stays: a slip of the writer's that a rule shows)
        before = [iv for iv in options if iv.start <= anchor]
        return max(before, key=lambda iv: iv.start, default=nearest)
    if tense == "future" and nearest is not None and (anchor - nearest.end).days > _PAST_AHEAD_DAYS:
        # "is scheduled to begin on November 25" in an article of 23 April: this coming November,
        # not the one months past (a few days past stays, as above)
        after = [iv for iv in options if iv.end >= anchor]
        return min(after, key=lambda iv: iv.start, default=nearest)
    return nearest
