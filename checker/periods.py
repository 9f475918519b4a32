"""Linking undated figures to the one period their story states for them.

A figure whose sentence names no period is dated by its article's day ("The province welcomed
876,500 visitors during the Tet holiday", "exports rose 12.4 percent"), while another outlet
gives the same figure for a stated period ("from January 26 to February 3", "in the first five
months"). Told by one story about the same thing, the same measure and the same scope, the
undated figure is the figure for that period when the story states exactly one period for it:

* the figures are linked only within a story (checker/stories.py), and only figures of one
  subject, one attribute, one counted noun or currency and one scope but for the period;
* only figures a rule compares at one time (its `same_time`) are linked: a count, a share, a
  running total; an investment or a size is the same whatever the day;
* the period is the latest the story states for them that had ended by the article's day, and
  ended at most `calendar.yaml period_report_days` before it: news gives the latest figure
  undated ("welcomed 876,500 visitors during the holiday" beside last year's 8.9 million and
  this year's target), and a period that closed months before (last year's graduation rate in
  a report on this year's exam) is a comparison, not the news; two such periods ending the
  same day (a year and its second half) leave it undated, and so does another period ending
  that day which its own article states ("in the first four months" beside another outlet's
  "In April alone": the article's figures may be the four months');
* a figure whose sentence names a span of its own that no period label reads ("in the 15-month
  period", "over the past three years") is that span's, not the story's (an occasion's length,
  "during the nine-day holiday", is the occasion's, below);
* a figure told for an occasion ("during the festival") takes only a span of days, the
  occasion's own ("from January 26 to February 3"), never a month or a year;
* the story's undated figures of one thing and measure take their period together or not at
  all: they were compared as one time before, and stay so;
* a figure that took its period so is evidence only against other articles: an article's
  undated lead and its dated body may tell two periods (the holiday, the year), so they are
  not compared with each other (engine: the one-article veto).
"""

from __future__ import annotations

import datetime as dt
from collections import defaultdict
from collections.abc import Callable

from checker.engine import selected
from checker.engine.loader import Rule
from checker.extract.reporting import label_end, names_days
from checker.models import Claim

_OWN_TIME = ("period", "as_of")  # scope keys that already give a figure its time


class PeriodLinker:
    def __init__(self, rules: list[Rule], report_days: int, names_occasion: Callable[[str], bool]) -> None:
        self.rules = [r for r in rules if r.same_time]
        self.report_window = dt.timedelta(days=report_days)
        self.names_occasion = names_occasion  # "during the festival", "over the festival": an occasion's days

    def link(self, claims: list[Claim], stories: dict[str, str]) -> list[Claim]:
        """Claims with the period their story states for their figure, where they had none."""
        timebound = {i for rule in self.rules for i in selected(rule, claims)}
        published = {c.document: (c.value.start, c.value.end) for c in claims
                     if c.kind == "date" and c.attribute == "published" and c.value.start is not None}
        periods: dict[tuple, set[str]] = defaultdict(set)
        undated: dict[tuple, list[Claim]] = defaultdict(list)
        own: dict[str, set[str]] = defaultdict(set)  # the periods each article states for any figure
        spans: set[tuple[str, int]] = set()  # sentences that name a span of time of their own
        for c in claims:
            if "period" in c.scope:
                own[c.document].add(c.scope["period"])
            if c.kind == "duration":
                spans.add((c.document, c.sentence_start))
        for i, c in enumerate(claims):
            if i not in timebound or c.subject is None or c.document not in stories:
                continue
            key = _key(c, stories[c.document])
            if "period" in c.scope:
                periods[key].add(c.scope["period"])
            elif "as_of" not in c.scope and c.time is not None and (c.time.start, c.time.end) == published.get(c.document) \
                    and ((c.document, c.sentence_start) not in spans or self.names_occasion(c.sentence)):
                undated[key].append(c)
        linked: dict[str, str] = {}
        for key, items in undated.items():
            ends = [(end, p) for p in periods.get(key, ()) if (end := label_end(p)) is not None]
            chosen = {c.id: self._period(c, ends, published[c.document][0], own[c.document]) for c in items}
            if len(set(chosen.values())) == 1 and None not in chosen.values():
                linked.update(chosen)  # all the story's undated figures of it, or none: they were one time
        return [c.model_copy(update={"scope": {**c.scope, "period": linked[c.id]}, "time": None, "period_link": "story"})
                if c.id in linked else c for c in claims]


    def _period(self, c: Claim, ends: list[tuple[dt.date, str]], day: dt.date, own: set[str]) -> str | None:
        """The latest period ended within the report window before the article's day, unless
        another ends that day in the story's figures or the article's own."""
        ended = [(end, p) for end, p in ends if day - self.report_window <= end <= day]
        if self.names_occasion(c.sentence):
            # "welcomed 184,300 visitors during the festival": the occasion's days, never the
            # month or year another sentence names
            ended = [(end, p) for end, p in ended if names_days(p)]
        latest = max(ended, default=None)
        if latest is None or sum(end == latest[0] for end, _ in ended) > 1 \
                or any(p != latest[1] and label_end(p) == latest[0] for p in own):
            return None
        return latest[1]


def _key(c: Claim, story: str) -> tuple:
    """What a figure is of, but for its time: story, subject, attribute, noun or currency, scope."""
    scope = tuple(sorted((k, v) for k, v in c.scope.items() if k not in _OWN_TIME))
    return (story, c.kind, c.subject, c.attribute, getattr(c.value, "noun", None),
            getattr(c.value, "currency", None), scope)
