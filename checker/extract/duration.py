"""Durations: how long something lasts ("a 25-year concession", "nearly 38 months", "just
over a year"), in the time unit written, with what lasts that long when the words say it:
an agreement's term, or a span of work ("construction took nearly 38 months"), whose
attribute is the span's name and whose scope keeps the words that link it."""

from __future__ import annotations

import re

from checker.analyse import noun_phrase_at
from checker.extract.base import Sentence, make_claim
from checker.extract.figures import PlanMarkers, clause_start
from checker.extract.numbers import NumberFinder
from checker.extract.spans import SpanLinker
from checker.lexicon import Lexicon
from checker.models import Claim, DurationValue
from checker.text import alternation, fold

_YEAR_LIKE = re.compile(r"(?:19|20)\d\d")  # "the 2025 year-end": a year, not 2025 years


class DurationExtractor:
    kind = "duration"

    def __init__(self, lexicon: Lexicon, numbers: NumberFinder) -> None:
        self.numbers = numbers
        self.plans = PlanMarkers(lexicon.events.plan_markers)
        self.spans = SpanLinker(lexicon.spans)
        self.units = {k.lower(): v for k, v in lexicon.calendar.durations.items()}
        words = alternation(self.units)
        # "25-year", "38 months", "a 12 - month"; never "20-year-old" (an age) or "year-end"
        modifier = r"(?:[ \t]+(?:" + alternation(lexicon.calendar.duration_modifiers) + r"))?"  # "12 consecutive months"
        self.unit_after = re.compile(r"(?:[ \t]?-?" + modifier + r")[ \t]?(" + words + r")\b(?![ \t]*-?[ \t]*(?:old|end)\b)",
                                     re.IGNORECASE)
        singles = alternation(k for k, (_, n) in self.units.items() if not k.endswith("s"))
        self.single = re.compile(r"\b(?:" + alternation(lexicon.calendar.duration_leads) + r")[ \t]+(?P<a>a|an|one)[ \t]+("
                                 + singles + r")\b(?![ \t]*-?[ \t]*(?:old|end)\b)", re.IGNORECASE)
        # ", two-night" or "and two-night" after "three-day": another length of the same noun
        self.paired = re.compile(r"[ \t]*,?[ \t]*(?:and[ \t]+)?\w+[ \t]?-[ \t]?(?:" + words + r"|"
                                 + alternation(lexicon.calendar.duration_companions) + r")\b", re.IGNORECASE)
        self.date_part = re.compile(r"\b(?:" + alternation(lexicon.calendar.duration_not_after) + r")[ \t]+$", re.IGNORECASE)
        self.holders = sorted({fold(n) for n in lexicon.nouns.term_nouns + lexicon.nouns.plan_nouns}
                              | {fold(f) for forms in lexicon.nouns.multiword.values() for f in forms}, key=len, reverse=True)
        self.offset = re.compile(r"[ \t]+(?:" + alternation(lexicon.spans.offset_words) + r")\b", re.IGNORECASE)
        self.several = re.compile(r"[ \t]+(?:[a-z-]+[ \t]+){0,2}?(?:" + alternation(self.holders) + r")s\b", re.IGNORECASE)
        self.holder_before = re.compile(r"\b(" + alternation(self.holders) + r")s?\b", re.IGNORECASE)
        self.multiword = {fold(f): k for k, forms in lexicon.nouns.multiword.items() for f in forms}
        self.generic = frozenset(fold(w) for w in lexicon.nouns.generic_terms)
        self.extension = re.compile(r"\b(?:" + alternation(lexicon.nouns.extension_words) + r")\b(?:[ \t]+[\w-]+){0,3}[ \t]+$",
                                    re.IGNORECASE)

    def extract(self, s: Sentence) -> list[Claim]:
        view = s.view
        found: list[tuple[int, int, float | None, float | None, str]] = []
        for n in self.numbers.find(view, s.start, s.end):
            um = self.unit_after.match(view, n.end, s.end)
            if not um or n.low is None and n.high is None:
                continue
            if _YEAR_LIKE.fullmatch(n.written) and "-" not in view[n.end:um.start(1)] \
                    or self.date_part.search(view, max(s.start, n.start - 10), n.start):
                continue  # "the 2025 year-end"; "the first six months of 2024" is a date
            unit, times = self.units[um.group(1).lower()]
            found.append((n.start, um.end(), _times(n.low, times), _times(n.high, times), unit))
        for m in self.single.finditer(view, s.start, s.end):
            unit, times = self.units[m.group(2).lower()]
            hedge = self.numbers.hedge_at(view, max(s.start, m.start("a") - 30), m.start("a"))
            low, high = (times, times)
            start = m.start("a")
            if hedge:
                wide = self.numbers.widen(times, 0, hedge[0])
                low, high = (None if x is None else float(x) for x in wide)
                start = hedge[1]
            found.append((start, m.end(), low, high, unit))
        claims = []
        for start, end, low, high, unit in sorted(found):
            value = DurationValue(low=low, high=high, unit=unit)
            link = self.spans.link(s, start, end)
            if link is not None:  # "construction took 38 months": compared with when construction began and ended
                scope = {"span": link.words, **({"status": "plan"} if link.plan else {})}
                claims.append(make_claim(s, "duration", link.span, value, start, end,
                                         subject_text=link.subject_text, scope=scope))
                continue
            # ("signed 18 years ago", "two years ahead of schedule": a distance in time, no thing's term)
            holder = None if self._compared(s, start) or self.offset.match(view, end, s.end) else self._holder(s, start, end)
            scope = {"of": holder} if holder else {}
            if holder and self.several.match(s.view, end, s.end):
                scope["several"] = "yes"  # "Stall holders sign ten-year leases": each one's, not the story's one lease
            if self.extension.search(view, max(s.start, start - 40), start):
                scope["status"] = "extension"  # "can be extended for a further 20 years": added to the term
            elif self.plans.in_clause(s, start):
                scope["status"] = "plan"  # "plan to extend the PPA to 35 years": not the signed term
            claims.append(make_claim(s, "duration", "duration" if holder is None else "term", value, start, end,
                                     subject_text=self._named_holder(s, end) if holder else None,
                                     scope=scope))  # a term is no running figure: it holds whenever told
        return claims

    def _compared(self, s: Sentence, start: int) -> bool:
        """A duration after a comparative and "than" that is no hedge ("burners older than 10
        years", "loans longer than five years"): a threshold of age or length, no thing's term."""
        at = next((i for i, t in enumerate(s.tokens) if t.start >= start), len(s.tokens))
        if at < 2 or s.tokens[at - 1].text.lower() != "than" or s.tokens[at - 2].tag != "JJR":
            return False
        return self.numbers.hedge_at(s.view, max(s.start, start - 30), start) is None

    def _named_holder(self, s: Sentence, end: int) -> str | None:
        """The name right after a term, when the plan is named: "the 10th five-year National
        Socio-Economic Development Plan" is that plan's five years, not the story's plan's."""
        after = noun_phrase_at(s.tokens, next((t.start for t in s.tokens if t.start >= end), -1))
        if after is None or after[0] - end > 1:
            return None
        phrase = s.doc.text[after[0]:after[1]]
        # (the holder's own words, however written, name nothing: "a 25-year Power Purchase
        # Agreement", "a 25-year PPA" are the story's)
        own = set(self.holder_before.sub(" ", fold(phrase)).split())
        return phrase if any(w[:1].isupper() and fold(w) in own for w in phrase.split()) else None

    def _holder(self, s: Sentence, start: int, end: int) -> str | None:
        """What has the duration as its term: the plan noun right after it ("a 25-year PPA",
        "the 50-year concession"), none when another noun follows it ("a four-day expo", "the
        three-day, two-night expedition" organised under a licence), or the
        one its clause is about ("The concession, which runs
        for 35 years", "the term of 20 years"); "" for a term of no named holder ("an operating
        term of 50 years": the article's thing's); None when the duration is no term."""
        paired = self.paired.match(s.view, end, s.end)
        end = paired.end() if paired else end  # "the three-day, two-night expedition": the expedition's
        after = noun_phrase_at(s.tokens, next((t.start for t in s.tokens if t.start >= end), -1))
        if after and after[0] - end <= 1:
            words = fold(s.doc.text[after[0]:after[1]])
            hit = next((h for h in self.holders if re.search(r"\b" + re.escape(h) + r"s?\b", words)), None)
            if hit:
                return self.multiword.get(hit, hit)
            return None  # "a four-day coffee expo": how long the expo lasts, no term of the deals near it
        lo = clause_start(s.view, s.start, start, s.clause_words)
        before = [fold(m.group(1)) for m in self.holder_before.finditer(s.view, max(s.start, lo - 60), start)]
        if before and before[-1] not in self.generic:
            return self.multiword.get(before[-1], before[-1])
        if before:  # "The PPA for the wind farm, signed on Wednesday, has a term of 20 years"
            named = [fold(m.group(1)) for m in self.holder_before.finditer(s.view, s.start, start)]
            named = [h for h in named if h not in self.generic]
            return self.multiword.get(named[-1], named[-1]) if named else ""
        return None


def _times(x: float | None, times: int) -> float | None:
    return None if x is None else x * times
