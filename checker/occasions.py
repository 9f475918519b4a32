"""Linking occasions: which meetings, ceremonies and conferences of one story are one occasion.

An occasion is seldom a named thing. "The provincial People's Committee's monthly review meeting
on Saturday" in one article and "the committee's review meeting on October 31" in another are
one meeting only because they belong to one story, name one kind of occasion, and nothing in
the story tells two occasions of that kind apart. So each story's occasions of one kind (the
occasion noun: meeting, ceremony, talks...) are linked when:

* their words form one chain: each mention's modifiers and qualifiers ("review", "with the
  Lao Prime Minister") include those of every shorter one, so "a meeting" and "the monthly
  review meeting" link, and "a review conference" and "a press conference" tell two apart;
* no article dates two of them on days apart (that article tells two occasions of the kind);
* none spans days ("the two-day forum" may be dated by either day; a session or a festival runs
  for days, so only the days it opened and closed date it: events.yaml spanning_bounds) and
  none is dated by a period longer than a month (the half year a meeting reviews);
* none is yet to come (a plan is not a date the occasion was held);
* their articles were published within days of each other (events.yaml occasion_report_days)
  and are set in one place, when they name one: a story grouped over weeks, or over two
  provinces' dengue campaigns, may hold two meetings of a kind.

The owner before a possessive ("the committee's") and the venue ("in Vientiane", "at the
Peace Palace") are not the occasion's words: outlets name them differently.
"""

from __future__ import annotations

import datetime as dt
import re
from collections import defaultdict

from checker.aliases import AliasTable
from checker.lexicon import Lexicon
from checker.models import Claim, DateValue
from checker.text import fold, singular

_WORD = re.compile(r"[a-z0-9']+")
_LONGEST_DATE = dt.timedelta(days=31)  # "in July" may date a meeting; "in the first quarter" does not


_INDEFINITE = re.compile(r"\b(?:a|an)[ \t]+$", re.IGNORECASE)  # an occasion introduced as one of many

class OccasionLinker:
    def __init__(self, lexicon: Lexicon, aliases: AliasTable) -> None:
        events = lexicon.events
        self.attributes = frozenset(a for a, forms in events.events.items() if forms.occasion)
        self.nouns = frozenset(fold(n) for forms in events.events.values() for n in forms.occasion)
        self.qualifiers = frozenset(fold(w) for w in events.occasion_qualifiers)
        self.venues = frozenset(fold(w) for w in events.occasion_venues)
        self.span_words = frozenset(fold(w) for w, (unit, _) in lexicon.calendar.durations.items()
                                    if unit in events.occasion_span_units)
        self.spanning = frozenset(fold(w) for w in events.spanning_occasions)
        self.bounds = tuple(events.spanning_bounds)
        self.report_days = dt.timedelta(days=events.occasion_report_days)
        self.noise = aliases.noise

    def mention(self, text: str) -> tuple[str, frozenset[str]] | None:
        """The occasion noun a phrase names and the words that say which one it is:
        "the committee's monthly review meeting with donors in Hanoi" -> meeting, {monthly,
        review, donor}; None when it names no occasion."""
        words = _WORD.findall(fold(text))
        # the occasion noun is the last one before the words that qualify it
        qualified = next((i for i in range(1, len(words)) if words[i] in self.qualifiers
                          and words[i - 1] in self.nouns), len(words))
        heads = [i for i in range(qualified) if words[i] in self.nouns]
        if not heads:
            return None
        head = heads[-1]
        before = words[:head]
        owner = max((i for i, w in enumerate(before) if w.endswith("'s")), default=-1)
        after: list[str] = []
        for w in words[head + 2:] if head + 1 < len(words) and words[head + 1] in self.qualifiers else ():
            if w in self.venues:
                break
            after.append(w)
        kept = (w for w in before[owner + 1:] + after if w not in self.noise)
        return words[head], frozenset(singular(w) for w in kept)

    def link(self, claims: list[Claim], stories: dict[str, str], places: dict[str, str | None]) -> list[Claim]:
        """Each story's occasion dates that are one occasion, given one subject: the occasion
        noun and the story."""
        mentions: dict[tuple[str, str], list[tuple[Claim, frozenset[str]]]] = defaultdict(list)
        published = {c.document: c.value.start for c in claims if c.attribute == "published" and c.kind == "date"}
        for c in claims:
            if (c.kind == "date" and (c.attribute in self.attributes or c.attribute in self.bounds)
                    and c.tense != "future" and c.subject_text and c.document in stories and not _a_period(c.value)):
                found = self.mention(c.subject_text)
                if found is not None and (c.attribute in self.attributes or found[0] in self.spanning):
                    mentions[(stories[c.document], found[0])].append((c, found[1]))
        subjects: dict[str, str] = {}
        for (story, noun), items in mentions.items():
            if any(words for _, words in items):
                # "told a meeting in Thakhek on Monday" beside "the meeting of the Provincial
                # People's Council": some meeting, not the council's session
                items = [(c, words) for c, words in items if words or not self._indefinite(c)]
            # an occasion that runs for days is one only by the day it opened or closed
            groups = [[(c, words) for c, words in items if c.attribute == bound] for bound in self.bounds] \
                if noun in self.spanning else [items]
            for group in groups:
                if len({c.document for c, _ in group}) > 1 and self._one_occasion(group) \
                        and self._told_together(group, published) \
                        and len({places.get(c.document) for c, _ in group} - {None}) <= 1:
                    for c, _ in group:
                        subjects[c.id] = f"{noun} | story {story}"
        return [c.model_copy(update={"subject": subjects[c.id], "link": "occasion"}) if c.id in subjects else c
                for c in claims]

    @staticmethod
    def _indefinite(c: Claim) -> bool:
        return _INDEFINITE.search(c.sentence, 0, max(0, c.start - c.sentence_start)) is not None

    def _told_together(self, items: list[tuple[Claim, frozenset[str]]], published: dict[str, dt.date | None]) -> bool:
        """Whether the articles were published within days of each other (every date known)."""
        days = [published.get(c.document) for c, _ in items]
        if any(d is None for d in days):
            return False
        return max(days) - min(days) <= self.report_days

    def _one_occasion(self, items: list[tuple[Claim, frozenset[str]]]) -> bool:
        chain = sorted({words for _, words in items}, key=len)
        if any(words & self.span_words for words in chain):
            return False
        if any(not shorter <= longer for shorter, longer in zip(chain, chain[1:])):
            return False
        by_doc: dict[str, list[DateValue]] = defaultdict(list)
        for c, _ in items:
            by_doc[c.document].append(c.value)
        return all(_common_day(values) for values in by_doc.values())


def _a_period(value: DateValue) -> bool:
    """Whether an occasion's date is longer than a month: "the meeting to review the first
    half of 2024" is dated by what it reviews, not by the day it was held."""
    return value.start is not None and value.end is not None and value.end - value.start > _LONGEST_DATE


def _common_day(values: list[DateValue]) -> bool:
    """Whether date intervals share a day (on a line, pairwise overlap is a common point)."""
    latest_start = max((v.start for v in values if v.start is not None), default=dt.date.min)
    earliest_end = min((v.end for v in values if v.end is not None), default=dt.date.max)
    return latest_start <= earliest_end
