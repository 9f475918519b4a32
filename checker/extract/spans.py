"""What a duration measures: the span of work its words name ("construction took nearly 38
months", "the 18-month study", "after 26 months of construction", "the project, built over
30 months"), so the duration can be compared with the dates that span started and ended.

The nouns, verbs and plan words are data (rules/data/spans.yaml); this module only says
where they may stand around a duration.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from checker.analyse import noun_phrase_at, subject_words
from checker.extract.base import Sentence
from checker.extract.figures import clause_start
from checker.lexicon import Spans
from checker.text import alternation

_LOOK_BACK = 120  # characters before a duration its lasting verb and span noun may stand in
_DETERMINER = re.compile(r"(?:the|its|their|this|that)[ \t]+", re.IGNORECASE)
_OWNER_JOIN = re.compile(r"[ \t]+(?:of|on|for)[ \t]+", re.IGNORECASE)


@dataclass(frozen=True)
class SpanLink:
    """A duration's span: its name (the claim's attribute), the words that justify the link,
    the words that name what the span is of, and whether the clause tells a plan."""

    span: str
    words: str
    subject_text: str | None
    plan: bool


class SpanLinker:
    def __init__(self, data: Spans) -> None:
        self.by_noun = {" ".join(n.lower().split()): name for name, sp in data.spans.items() for n in sp.nouns}
        self.by_verb = {" ".join(v.lower().split()): name for name, sp in data.spans.items() for v in sp.verbs}
        self.things = frozenset(name for name, sp in data.spans.items() if sp.thing)
        nouns = alternation(self.by_noun)
        verbs = alternation(self.by_verb) if self.by_verb else r"(?!)"
        self.noun_after = re.compile(r"[ \t]*-?[ \t]*(" + nouns + r")\b", re.IGNORECASE)
        self.of_noun = re.compile(r"[ \t]+of[ \t]+(?:" + _DETERMINER.pattern + r")?(" + nouns + r")\b", re.IGNORECASE)
        self.to_verb = re.compile(r"[ \t]+to[ \t]+(" + verbs + r")\b", re.IGNORECASE)
        self.lasting = re.compile(r"\b(?:" + alternation(data.lasting) + r")[ \t]+$", re.IGNORECASE)
        self.verb_before = re.compile(r"\b(" + verbs + r")[ \t]+(?:(?:" + alternation(data.between) + r")[ \t]+)?$",
                                      re.IGNORECASE)
        self.noun = re.compile(r"\b(" + nouns + r")\b", re.IGNORECASE)
        self.plan = re.compile(r"\b(?:" + alternation(data.plan_words) + r")\b", re.IGNORECASE)
        self.part = re.compile(r"\b(?:" + alternation(data.part_words) + r")s?\b", re.IGNORECASE)
        self.offset = re.compile(r"[ \t]+(?:" + alternation(data.offset_words) + r")\b", re.IGNORECASE)

    def link(self, s: Sentence, start: int, end: int) -> SpanLink | None:
        """The span the words around the duration at [start, end) name, or None: none named,
        a part of one ("the first phase of construction took 18 months"), or a distance in
        time rather than a length ("completed 18 months ahead of schedule")."""
        view = s.view
        if self.offset.match(view, end, s.end):
            return None  # "18 months ahead of schedule", "two years after construction began"
        lo = clause_start(view, max(s.start, start - _LOOK_BACK), start, s.clause_words)
        found = self._after(s, end) or self._before(s, lo, start)
        if found is None:
            return None
        name, w_start, w_end, subject = found
        if self.part.search(view, lo, max(w_end, start)):
            return None
        plan = self.plan.search(view, lo, start) is not None
        return SpanLink(name, " ".join(s.doc.text[w_start:w_end].split()), subject, plan)

    def _after(self, s: Sentence, end: int) -> tuple[str, int, int, str | None] | None:
        """"the 18-month construction (of the bridge)", "26 months of construction", "30 months to build"."""
        view = s.view
        for pattern in (self.noun_after, self.of_noun):
            m = pattern.match(view, end, s.end)
            if m:
                name = self.by_noun[" ".join(m.group(1).lower().split())]
                if name in self.things:
                    return name, m.start(1), m.end(1), m.group(1)
                return name, m.start(1), m.end(1), self._owner_after(s, m.end(1))
        m = self.to_verb.match(view, end, s.end)
        if m:  # "the bridge took 30 months to build": the bridge
            return self.by_verb[" ".join(m.group(1).lower().split())], m.start(1), m.end(1), self._doer(s, end)
        return None

    def _before(self, s: Sentence, lo: int, start: int) -> tuple[str, int, int, str | None] | None:
        """"construction (of the bridge) took 38 months", "the project, built over 30 months"."""
        view = s.view
        verb = self.verb_before.search(view, lo, start)
        if verb:
            return self.by_verb[" ".join(verb.group(1).lower().split())], verb.start(1), verb.end(1), \
                self._doer(s, verb.start(1))
        lasting = self.lasting.search(view, lo, start)
        if not lasting:
            return None
        nouns = list(self.noun.finditer(view, lo, lasting.start()))
        if not nouns:
            return None
        noun = nouns[-1]
        between = view[noun.end():lasting.start()]
        owner = _OWNER_JOIN.match(view, noun.end(), lasting.start())
        if between.strip() and not owner or "," in between:
            return None  # "construction workers took 38 months": the words are about something else
        name = self.by_noun[" ".join(noun.group(1).lower().split())]
        if name in self.things:
            return name, noun.start(1), lasting.end(), noun.group(1)
        subject = s.doc.text[owner.end():lasting.start()].strip() if owner else None
        return name, noun.start(1), lasting.end(), subject or None

    @staticmethod
    def _doer(s: Sentence, pos: int) -> str | None:
        """The subject of the clause at `pos`: what was built."""
        subject = subject_words(s.tokens, pos, s.clause_words)
        return s.doc.text[subject[0]:subject[1]] if subject else None

    def _owner_after(self, s: Sentence, pos: int) -> str | None:
        """"the 18-month construction of the bridge": the bridge."""
        owner = _OWNER_JOIN.match(s.view, pos, s.end)
        if not owner:
            return None
        at = owner.end()
        det = _DETERMINER.match(s.view, at, s.end)
        phrase = noun_phrase_at(s.tokens, det.end() if det else at)
        return s.doc.text[at:phrase[1]] if phrase else None
