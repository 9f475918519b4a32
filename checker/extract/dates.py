"""Event dates: what happened (completed, signed, inaugurated...) to what, and when.

The value is the set of days the sentence allows: "completed in April 2024" is
1-30 April; "has been completed" in an article of 14 March 2024 is "on or before
14 March 2024"; "will be completed" is "on or after" the article's date.
"""

from __future__ import annotations

import re
from bisect import bisect_left, bisect_right

from checker.analyse import Tokens, clause_subject, governing_verb, subject_after_comma, subject_words, verb_inside, verb_subject
from checker.extract.base import DATELINE, DETERMINERS, Sentence, antecedent_before, clock_time, make_claim, np_before, phrase_after, phrase_before, sentence_subject
from checker.extract.figures import OtherThing, Phases, PlanMarkers, WholeOpener, clause_start
from checker.lexicon import Lexicon
from checker.models import Claim, DateRange, DateValue
from checker.text import alternation, fold, singular, verb_base
from checker.timex import Timex, resolve

_LINK_TO_DATE = re.compile(r"[ \t]{1,3}(?:(?:in|on|at|by|as of|since|during|from)[ \t]{1,3})?"
                           r"(?:(?:Mon|Tues|Wednes|Thurs|Fri|Satur|Sun)day(?:,?[ \t]{1,3}|[ \t]{0,3}\([ \t]{0,2}))?(?:the[ \t]+)?$", re.IGNORECASE)
# What may stand before a date that opens its sentence: "On", "In", "Earlier on".
_FRONTED = re.compile(r"[ \t]*(?:(?:earlier|later|also)[ \t]+)?(?:on|in|at|by)?[ \t]*", re.IGNORECASE)
# "was handed over to the southern Lao province of Champasak on November 11", "was signed in
# Vientiane on Tuesday": a recipient or a named place between a passive event and its date.
_RECIPIENT = re.compile(r"[ \t]+(?:(?:to|for)[ \t]+[^,;.()\d]{1,70}?|(?:in|at)[ \t]+(?:the[ \t]+)?(?-i:[A-Z])[^,;.()\d]{0,60}?)"
                        r"[ \t]+(?:on|in)[ \t]+(?:the[ \t]+)?", re.IGNORECASE)
# Between a verb and "its" date, these words mean the date belongs to something else.
_OTHER_EVENT = re.compile(r"[;:]|\b(?:after|before|since|following|prior to|than|until|the one|ago)\b", re.IGNORECASE)
_MAX_OBJECT = 160
_WORDS_BEFORE = re.compile(r"\b([a-z]+)[ \t]+(?:(?:the|its|their)[ \t]+)?$", re.IGNORECASE)  # "had set (the) |completion"
_INTRANSITIVE = re.compile(r"[ \t]+(?:in|on|at|from|to|last|next|this|yesterday|today|tomorrow|early|late)\b|[ \t]*[,.]", re.IGNORECASE)
_BY_AGENT = re.compile(r"[ \t]+by[ \t]+(?:[\w'\u2019&.-]+[ \t]+){1,9}?(?=(?:on|in)[ \t]+$)", re.IGNORECASE)  # a passive's agent before its date
_CLAUSE_BREAK = re.compile(r"[,;:\u2013\u2014]")  # a clause's end before a subject
_COMPLEMENT = re.compile(r"[ \t]+(?:on|of)[ \t]+[^,;]{2,60}?[ \t]+$")  # "Work| on the campus |began"
_OBJECT_AFTER = re.compile(r"[ \t]+((?:a|an|the|its|their)[ \t]+)", re.IGNORECASE)  # an object's determiner right after a date
_OF_OBJECT_AFTER = re.compile(r"[ \t]+of[ \t]+()")  # the object of "began construction of", after the date
_OF_WHAT_EVENT = re.compile(r"\b(?:for|of)[ \t]+", re.IGNORECASE)  # "the groundbreaking ceremony for ..."
_DEADLINE = re.compile(r"\b(?:by|before|no later than)[ \t]+(?:the[ \t]+)?$", re.IGNORECASE)  # characters between an active verb and its date


_NOUN_PHRASE_OPENERS = frozenset({"DT", "PRP$", "PRP", "CD", "NNP", "NNPS", "JJ"})  # Penn tags that open a noun phrase


class DateExtractor:
    kind = "date"

    def __init__(self, lexicon: Lexicon) -> None:
        self.phases = Phases(lexicon)
        ev = lexicon.events
        self.stops = frozenset(lexicon.aliases.stops) | {"on", "in", "at"}
        self.place_kinds = frozenset(fold(k) for k in lexicon.places.kinds)
        places = {fold(p) for p in lexicon.places.places}
        # a place by any of its names ("Ha Noi", "Hanoi"), as a place's actor names it
        self.places = {p: p for p in places} | {
            fold(f): fold(canon) for canon, forms in lexicon.aliases.aliases.items() if fold(canon) in places for f in forms}
        cal = lexicon.calendar
        # a time a state holds, and the end of an object's span: not a verb's day
        self.state_time = re.compile(r"\b(?:" + alternation(cal.state_times) + r")[ \t]+(?:the[ \t]+)?$", re.IGNORECASE)
        # a verb of saying ("said today (July 14)"): what dates the saying, not an event before it
        self.reporting = re.compile(rf"\b(?:{alternation(lexicon.offices.reporting_verbs)})\b", re.IGNORECASE)
        # (a period's preposition may stand between: "more than in 2023")
        self.baseline = re.compile(r"\b(?:" + alternation(lexicon.events.baseline_words) + r")[ \t]+(?:(?:"
                                   + alternation(cal.period_prepositions) + r")[ \t]+)?(?:the[ \t]+)?$",
                                   re.IGNORECASE)
        self.reference = re.compile(r"\b(?:" + alternation(lexicon.events.reference_words) + r")[ \t]+(?:"
                                    + alternation(DETERMINERS) + r")[ \t]+[a-z]", re.IGNORECASE)
        self.span_end = re.compile(r"\b(?:" + alternation(cal.span_ends) + r")[ \t]+(?:the[ \t]+end[ \t]+of[ \t]+)?$", re.IGNORECASE)
        self.weekdays = frozenset(w.lower() for w in cal.weekdays)
        self.holidays = frozenset(w.lower() for w in cal.holiday_words)
        self.possessive_before = re.compile(r"\b(?:" + alternation(ev.owner_determiners) + r")[ \t]+$", re.IGNORECASE)
        # "received its first vessel on Saturday (March 15)": the bracket dates the weekday, no aside
        self.weekday_bracket = re.compile(r"\b(?:" + alternation(cal.weekdays) + r")[ \t]{0,3}\([ \t]{0,2}$", re.IGNORECASE)
        forms: dict[str, tuple[str, str]] = {}
        for attribute, f in ev.events.items():
            for kind, items in (("nominal", f.nominal), ("passive", f.passive), ("active", f.active), ("clause", f.clause),
                                ("occasion", f.occasion)):
                for form in items:
                    forms.setdefault(form, (attribute, kind))
                    if kind == "active" and form in f.passive:
                        forms[form] = (attribute, "verb")
        self.forms = forms
        # "The bridge is expected to open on October 5", "Construction will begin in March": the
        # base form of each active and clause form of a family that is no occasion, after a word
        # that puts it ahead (events.yaml `ahead_openers`): an event still to come
        ahead: dict[str, str] = {}
        ahead_clauses: dict[tuple[str, str], str] = {}
        auxiliaries = {w for words in ev.tense.values() for form in words for w in form.split()}  # "ground was broken"
        for attribute, f in ev.events.items():
            if f.occasion:
                continue
            for form in f.active:
                words = form.lower().split()
                if "*" not in form and verb_base(words[0]) != words[0]:
                    ahead.setdefault(" ".join([verb_base(words[0]), *words[1:]]), attribute)
            for form in f.clause:
                words = form.lower().split()
                if len(words) >= 2 and verb_base(words[1]) != words[1] and words[1] not in auxiliaries:
                    ahead_clauses.setdefault((words[0], " ".join([verb_base(words[1]), *words[2:]])), attribute)
        self.ahead = ahead
        self.ahead_form = re.compile(alternation(ahead), re.IGNORECASE)
        self.ahead_clauses = ahead_clauses
        adverb = r"(?:[ \t]+(?:" + alternation(ev.ahead_adverbs) + r"|[a-z]{2,}ly))?"
        # ("had once been expected to finish in 2022": a plan told in the past, by its auxiliary, the
        # first word of a present, past or perfect one of events.yaml tense)
        finite = {w.split()[0] for tense in ("present", "past", "perfect") for w in ev.tense.get(tense, ())}
        opener = (r"(?:(?P<be>" + alternation(finite) + r")(?:[ \t]+(?:been|once|still|" + alternation(ev.ahead_adverbs)
                  + r"|[a-z]{2,}ly)){0,2}[ \t]+)?(?:" + alternation(ev.ahead_openers)
                  + r")" + adverb + r"[ \t]+")
        self.ahead_verb = re.compile(r"\b" + opener + r"(?P<verb>" + alternation(ahead) + r")\b", re.IGNORECASE)
        self.ahead_clause = re.compile(r"\b(?P<noun>" + alternation({n for n, _ in ahead_clauses}) + r")[ \t]+" + opener
                                       + r"(?P<verb>" + alternation({v for _, v in ahead_clauses}) + r")\b", re.IGNORECASE)
        # "started": passive in one family ("construction was started in 2020"), active in another
        # ("Construction of the campus started in November 2022"); with no auxiliary, the active one
        self.also_active = {form: attribute for attribute, f in ev.events.items() for form in f.active
                            if forms.get(form, ("", ""))[1] == "passive" and forms[form][0] != attribute}
        # "Construction of the farm began in June": a clause form ("construction began") with the
        # thing put after its noun; the noun + verb -> the clause's family
        self.noun_clauses = {tuple(form.lower().split()): forms[form][0] for form in forms if forms[form][1] == "clause"}
        # "Work on the road is expected to start": the clause's noun and the verb's base form
        self.noun_clauses.update({(noun, *verb.split()): attribute for (noun, verb), attribute in ahead_clauses.items()})
        self.others = OtherThing(lexicon.entities)
        self.whole = WholeOpener(lexicon.entities.whole_words, lexicon.entities.whole_clause_links)
        percents = [k for k, v in lexicon.numbers.percent_signs.items() if v == "percent"]
        # an event verb whose object is a percentage or an amount ("have completed 38% of the
        # workload", "has handed over 112ha to the investor", "completed 14 of the 20 packages"),
        # not a time ("was completed 14 months ago")
        times = alternation([*cal.durations, *cal.months])
        self.progress_after = re.compile(r"[ \t]+(?:(?:[a-z]+[ \t]+){0,2}\d[\d.,]*[ \t]?(?:" + alternation(percents)
                                         + r")|\d[\d.,]*[ \t]?(?!(?:" + times + r")\b)[a-z]+\b(?![ \t]+(?:and|or)\b))",
                                         re.IGNORECASE)
        # a share of the thing as the event's subject ("93.6% of the land had been handed over",
        # "two-thirds of the route has been completed"): progress, not the event
        self.progress_before = re.compile(r"(?:\d[\d.,]*[ \t]?(?:" + alternation(percents) + r")|\b(?:"
                                          + alternation(list(lexicon.numbers.share_fractions)) + r"))[ \t]+of\b",
                                          re.IGNORECASE)
        self.plans = PlanMarkers(lexicon.events.plan_markers)
        self.planning_verbs = frozenset(w.lower() for w in lexicon.events.planning_verbs)
        # "had (originally) been planned for", "was scheduled for": a plan told as one given up
        self.given_up = frozenset(w.lower() for w in lexicon.events.given_up_plan_words)
        self.subordinators = frozenset(w.lower() for w in lexicon.nouns.subordinators)
        self.anaphora = frozenset(fold(w) for w in lexicon.entities.anaphora)  # "the project", "it"
        self.irregular_pasts = frozenset(w.lower() for w in lexicon.events.irregular_pasts)
        self.future_occasion = re.compile(rf"\b(?:{alternation(lexicon.events.future_occasions)})\b[^,.;]*$", re.IGNORECASE)
        # "at around 10pm", "before dawn", "on the night": a time of day between an event and its date
        self.time_of_day = re.compile(
            r"[ \t]+(?:(?:at|around|about|before|after|by|in|on|the|early|late)[ \t]+){0,4}"
            r"(?:" + clock_time(lexicon.calendar.clock_suffixes) + "|" + alternation(lexicon.calendar.day_times)
            + r")(?:[ \t]+of)?(?=[ \t])", re.IGNORECASE)
        self.occasions = frozenset(a for a, f in ev.events.items() if f.occasion)  # "held": what occasions are
        self.doers = frozenset(a for a, f in ev.events.items() if f.doer)
        # an active form's object ends before its recipient: "transferred the first 40 billion kip to ..."
        self.object_stops = {a: self.stops | frozenset(f.recipient) for a, f in ev.events.items() if f.recipient}
        self.launch_forms = frozenset(fold(w) for w in ev.launch_forms)
        self.launch_heads = frozenset(fold(w) for w in ev.launch_heads)
        self.edition_heads = frozenset(fold(w).split()[-1] for w in ev.edition_heads)
        self.qualifiers = frozenset(w.lower() for w in ev.occasion_qualifiers)
        occasion_nouns = [form for f in ev.events.values() for form in f.occasion]
        self.occasion_nouns = frozenset(w.lower() for w in occasion_nouns)
        # "was opened to traffic at a ceremony on Saturday": the occasion of the event, then its date
        self.at_occasion = re.compile(r"[ \t]+at[ \t]+(?:a|an|the)[ \t]+(?:" + alternation(occasion_nouns)
                                      + r")(?=[ \t])", re.IGNORECASE) if occasion_nouns else None
        purposes = {" ".join(form.lower().split()): a for a, f in ev.events.items() for form in f.purpose}
        self.purposes = purposes
        self.purpose = re.compile(r"\bto[ \t]+(" + "|".join(re.escape(f).replace(r"\ ", r"[ \t]+")
                                                            for f in sorted(purposes, key=len, reverse=True))
                                  + r")\b", re.IGNORECASE) if purposes else None
        # "connected to * grid": up to three words where the star is ("connected to Vietnam's
        # national grid"), each such form a named group that says its family
        wild = sorted(f for f in forms if "*" in f)
        self.wild = {f"w{i}": forms[f] for i, f in enumerate(wild)}
        self.events = re.compile(
            r"\b(?:" + "|".join([f"(?P<w{i}>" + r"[ \t]+(?:[\w'\u2019.-]+[ \t]+){1,3}?".join(
                r"[ \t]+".join(re.escape(w) for w in part.split()) for part in f.split("*")) + ")"
                for i, f in enumerate(wild)]
                + [re.escape(f) for f in sorted(forms, key=len, reverse=True) if "*" not in f]) + r")\b", re.IGNORECASE)
        aux = []
        for tense, words in ev.tense.items():
            aux.extend((w, tense) for w in words)
        self.aux_tense = {w: t for w, t in aux}
        self.past_auxiliaries = frozenset(w.split()[-1] for w in ev.tense.get("past", ()) + ev.tense.get("perfect", ()))
        self.future_modals = frozenset(w.split()[0] for w in ev.tense.get("future", ()))  # will, would
        # "was scheduled to open", "had once been expected to finish": a plan told in the past, by
        # the first word of a past auxiliary (events.yaml tense past: was, were, had been)
        self.past_be = frozenset(w.split()[0] for w in ev.tense.get("past", ()))
        self.condition_opener = re.compile(r"\b(?:" + alternation(ev.condition_openers) + r")[ \t]+$", re.IGNORECASE)
        # "put its new block into operation": a verb, its object, then the rest of the form
        self.split = [(attribute, re.compile(
            r"\b" + r"[ \t]+".join(re.escape(w) for w in form.split("*")[0].split())
            + r"[ \t]+(?P<object>(?:[^\s,.;]+[ \t]+){1,8}?)"
            + r"[ \t]+".join(re.escape(w) for w in form.split("*")[1].split()) + r"\b", re.IGNORECASE))
            for attribute, f in ev.events.items() for form in f.split]
        # (an adverb may stand inside a many-word auxiliary: "were originally due to be", "has
        # already been opened")
        self.aux_adverbs = frozenset(w.lower() for w in ev.auxiliary_adverbs)
        inside = alternation(ev.auxiliary_adverbs)
        self.aux = re.compile(
            r"\b(" + "|".join(re.escape(w).replace(r"\ ", r"[ \t]+(?:(?:" + inside + r"|[a-z]{2,}ly)[ \t]+)?")
                               for w, _ in sorted(aux, key=lambda x: -len(x[0]))) +
            r")(?:[ \t]+(?:" + inside + r"|not|[a-z]{2,}ly))?[ \t]+$",  # "has solemnly held": any -ly adverb
            re.IGNORECASE)

    def extract(self, s: Sentence) -> list[Claim]:
        view = s.view
        timexes = list(s.timexes)
        claims: list[Claim] = []
        used: set[int] = set()
        found = [(m, *self._form(m)) for m in self.events.finditer(view, s.start, s.end)]
        found.extend(self._ahead(s))
        # Verbs take their dates first; an occasion noun ("the conference") only gets a date left over.
        found.sort(key=lambda f: (f[2] == "occasion", f[0].start()))
        for m, attribute, form_kind in found:
            claim = self._one(s, m, attribute, form_kind, timexes, used)
            if claim is not None:
                claims.append(claim)
        for attribute, pattern in self.split:
            for m in pattern.finditer(view, s.start, s.end):
                claim = self._split_one(s, m, attribute, timexes, used)
                if claim is not None:
                    claims.append(claim)
        claims.extend(self._past_events(s, timexes, used))
        return sorted(claims, key=lambda c: c.start)

    def _ahead(self, s: Sentence) -> list[tuple[re.Match[str], str, str]]:
        """Event verbs in their base form after a word that puts them ahead ("is expected to
        open", "Construction will begin"), each with its family; a plan told in the past ("was
        scheduled to open in December") is a missed plan, no event."""
        view = s.view
        out = []
        for m in self.ahead_verb.finditer(view, s.start, s.end):
            verb = self.ahead_form.match(view, m.start("verb"), m.end("verb"))
            if verb is not None and (m.group("be") or "").lower() not in self.past_be:
                out.append((verb, self.ahead[" ".join(verb.group().lower().split())], "ahead"))
        for m in self.ahead_clause.finditer(view, s.start, s.end):
            key = (m.group("noun").lower(), " ".join(m.group("verb").lower().split()))
            if key in self.ahead_clauses and (m.group("be") or "").lower() not in self.past_be:
                out.append((m, self.ahead_clauses[key], "ahead_clause"))
        return out

    def _past_events(self, s: Sentence, timexes: list[Timex], used: set[int]) -> list[Claim]:
        """A day no event word took, governed by a verb in the past ("the first containers were
        cleared on June 8"): an "event" of no family, evidence only against its own article's
        date (an event of no family is never compared with another article's)."""
        out = []
        for t in timexes:
            if t.start in used or not s.tokens or t.day is None or t.month is None:
                continue  # a calendar day only: "were cancelled today and tomorrow" is no dated event
            if _bracketed_after(s.tokens, t.start, self.holidays):
                continue  # "ahead of the Lao National Day (December 2)": the holiday's date
            i = governing_verb(s.tokens, t.start, s.clause_words)
            opening = i is None
            if opening:
                i = _opening_verb(s, t)
            if i is None:
                i = _verb_after_day(s, t)
            if i is None:
                continue
            verb = s.tokens[i]
            aux = s.tokens[i - 1].text.lower() if i > 0 else ""
            if aux in ("be", "being") or any(t.tag == "MD" for t in s.tokens[max(0, i - 2):i]):
                continue  # "work that must be finished before March 31, 2025": a day still to come
            # (right after its subject, a participle is the main verb the tagger misread:
            # "On November 24, the waterworks connected the first 1,200 households")
            past = verb.tag == "VBD" or verb.tag == "VBN" and (aux in self.past_auxiliaries or opening
                                                              and not s.tokens[i - 1].is_verb
                                                              or _misread_main_verb(s.tokens, i))
            if not past or self.plans.in_clause(s, t.start) or verb.text.lower() in self.aux_tense \
                    or _infinitive(s.tokens, i) or _infinitive_between(s.tokens, i, t.start) or self.state_time.search(s.view, max(s.start, t.start - 16), t.start):
                continue  # "have arranged forces at both ends of the bridge during the April 30 holiday": a time
                # the arrangement is for, not the day it was made
            interval = resolve(t, s.published, tuple(s.doc.reference_years), "past", s.anchor)
            if interval is None or not interval.is_day:
                continue
            start = min(verb.start, t.start) if aux not in self.past_auxiliaries else min(s.tokens[i - 1].start, t.start)
            out.append(make_claim(s, "date", "event", DateValue(start=interval.start, end=interval.end), start,
                                  max(t.end, verb.end), tense="past"))
        return out

    def _split_one(self, s: Sentence, m: re.Match, attribute: str, timexes: list[Timex],
                   used: set[int]) -> Claim | None:
        """"X put its new block into operation on Tuesday": the block's event, dated right after."""
        timex = self._date_after(s.view, m.end(), s.end, timexes, used, direct=True)
        if timex is None:
            return None
        aux = self.aux.search(s.view, max(s.start, m.start() - 40), m.start())
        tense = self.aux_tense[self._aux_words(aux)] if aux else "past"  # "put" reads the same in both
        if tense == "past_plan":
            return None
        interval = resolve(timex, s.published, tuple(s.doc.reference_years), tense, s.anchor)
        if interval is None:
            return None
        start = aux.start() if aux else m.start()
        subject = s.doc.text[m.start("object"):m.end("object")].strip()
        return make_claim(s, "date", attribute, DateValue(start=interval.start, end=interval.end), start,
                          max(timex.end, m.end()), subject_text=subject, tense=_public_tense(tense))

    def _one(self, s: Sentence, m: re.Match, attribute: str, form_kind: str, timexes: list[Timex],
             used: set[int]) -> Claim | None:
        view = s.view
        if form_kind in ("passive", "verb", "active") and _DETERMINER_BEFORE.search(view, max(s.start, m.start() - 8), m.start()):
            return None  # "the approved budget", "its completed terminal": an adjective, no event
        if form_kind == "nominal" and self._modifies_a_noun(s, m.end()):
            return None  # "opening hours", "handover documents": a noun the event word describes, no event
        if form_kind in ("verb", "active", "ahead") and self.progress_after.match(view, m.end(), s.end):
            return None  # "contractors have completed 38% of the workload": progress, not completion
        if form_kind in ("passive", "verb") and s.tokens and _gerund_after(s.tokens, m.end()):
            return None  # "has started generating", "began operating": the gerund's event, not the bare verb's
        share = self.progress_before.search(view, clause_start(view, s.start, m.start(), s.clause_words), m.start())
        if share and "," not in view[share.end():m.start()]:
            return None  # "93.6% of the land had been handed over": progress, not the handover
        aux = self.aux.search(view, max(s.start, m.start() - 40), m.start())
        tense = self.aux_tense[self._aux_words(aux)] if aux else None
        if tense == "past_plan":
            return None  # "was originally scheduled to be finished in December 2024": a missed plan, no event date
        if tense == "future" and s.tokens and _past_infinitive_frame(s.tokens, aux.start(), aux.end()):
            return None  # "The city originally required the handover to be finished by December 31": the same
        before = view[s.start:m.start()].rstrip()
        # "The bridge, completed in 2020, ..." is a reduced passive; "The team, which arrived on
        # May 2, wrapped up its mission on Saturday" is the main verb after a relative clause.
        # "The Governor of Oudomxay province, Mr Khamla Inthavong, declared a state of
        # emergency": a verb that may be active, taking an object after an apposition, is the main verb
        reduced = before.endswith((",", "(")) and aux is None and form_kind in ("passive", "verb") \
            and not _CLOSED_RELATIVE.search(before, max(0, len(before) - _MAX_OBJECT)) \
            and not (form_kind == "verb" and _OBJECT_AFTER.match(view, m.end(), s.end))
        # "the Royal Decree dated 2 November 2023": a participle right after its noun
        after_noun = aux is None and form_kind in ("passive", "verb") and not reduced and _participle_after_noun(s.tokens, m.start())
        reduced = reduced or after_noun
        perfect_active = aux is not None and aux.group(1).lower() in ("has", "have")
        if form_kind == "ahead":
            mode, tense = "active", "future"
        elif form_kind == "ahead_clause":
            mode, tense = "clause", "future"
        elif form_kind == "clause":
            mode, tense = "clause", tense or "past"
        elif form_kind == "occasion":
            mode = "occasion"
        elif form_kind == "nominal":
            mode = "nominal"
        elif perfect_active and form_kind in ("active", "verb"):
            mode = "active"
        elif aux is not None and form_kind in ("passive", "verb"):
            mode = "passive"
        elif reduced:
            mode, tense = "reduced", "past"
        elif form_kind in ("active", "verb"):
            mode, tense = "active", "past" if self._past_form(m.group()) else None
        elif m.group().lower() in self.also_active and _finite_past(s.tokens, m.start()):
            attribute = self.also_active[m.group().lower()]
            mode, tense = "active", "past" if self._past_form(m.group()) else None
        else:
            return None
        if tense == "past" and aux is None and self._conditional(s, m.start()):
            tense = "future"  # "would contribute ... once completed in 2026": a completion to come
        planned = mode == "nominal" and self.plans.in_clause(s, m.start())
        if mode == "occasion" and self.future_occasion.search(view, max(s.start, m.start() - _OCCASION_REACH), m.start()):
            tense = "future"  # "at the next ordinary session in mid-2025": yet to be held
        if mode == "occasion" and tense is None:
            tense = self._tense_of_verb(s, m.start())  # "co-chaired the forum on December 5": past
            if tense == "past" and self._planned_verb(s, m.start()):
                tense = "future"  # "the centre hoped to host a regional workshop in 2025": yet to be held
        if mode == "passive" and tense == "present":
            return None  # "is completed" is a state, not a dated event
        # an active verb, or one that may be active or passive ("launched" after its subject)
        transitive = mode == "active" or mode == "reduced" and form_kind == "verb"
        if mode == "active" and _INTRANSITIVE.match(view, m.end(), s.end):
            mode = "intransitive"  # "The fair opened in Vientiane on December 7": the subject is before
        timex = self._date_after(view, m.end(), s.end, timexes, used, direct=mode in ("passive", "reduced", "clause"),
                                 verbal=mode in ("active", "intransitive"), toks=s.tokens,
                                 later_than=s.published.end.year if s.published.end else None)
        if timex is None and mode == "reduced" and form_kind == "verb" and _INTRANSITIVE.match(view, m.end(), s.end):
            # "The fair, known as Vietnam Expo, opened at the centre on December 6": a verb after
            # an apposition, not a participle.
            mode, tense = "intransitive", "past" if self._past_form(m.group()) else None
            timex = self._date_after(view, m.end(), s.end, timexes, used, direct=False, toks=s.tokens)
        comma = view.find(",", m.end(), timex.start) if timex is not None and mode == "occasion" else -1
        if comma >= 0 and self.plans.pattern.search(view, comma, timex.start):
            # "the 47th meeting of the committee, scheduled to take place in Hanoi in January
            # 2025": an aside that plans the occasion, which is yet to be held
            tense = "future"
        verb = verb_inside(s.tokens, m.end(), timex.start) \
            if timex is not None and mode in ("occasion", "nominal") and timex.start > m.end() and s.tokens else None
        if timex is not None and mode == "occasion" and timex.month is None and timex.weekday is None \
                and _purpose_after(s.tokens, m.end(), timex.start):
            # "the conference to review the seaport activities in 2025 and deploy the tasks in
            # 2026": a year inside the occasion's purpose is what the purpose is about
            timex = None
        elif timex is not None and mode in ("occasion", "nominal") and s.tokens and any(
                t.text.lower() == "that" and t.tag == "IN" for t in s.tokens if m.end() <= t.start and t.end <= timex.start):
            # "The meeting also heard that the Mekong rose to 12.4 metres on Aug 28": the day of
            # what the meeting heard, not the meeting's
            timex = None
        elif verb is not None and "," in view[m.end():verb]:
            # "co-chaired the meeting with his counterpart, said Vietnam would provide ... in 2025":
            # the date is the next clause's verb's, not the meeting's ("the ceremony took place on
            # September 11" keeps its own verb)
            timex = None
        if timex is None and mode == "occasion" and _AT_BEFORE.search(view, max(s.start, m.start() - _AT_REACH), m.start()):
            # "Binh Duong on Thursday granted investment certificates to 26 projects at its annual
            # investment promotion conference": the day of the verb the occasion hangs from
            verb = governing_verb(s.tokens, m.start(), s.clause_words) if s.tokens else None
            if verb is not None:
                timex = self._date_before(view, s.tokens[verb].start, timexes, used) \
                    or self._fronted_date(s, s.tokens[verb].start, used)
        if timex is None and mode in ("occasion", "nominal"):
            return None  # a meeting without a date is no claim
        if timex is None and mode in ("active", "intransitive"):
            timex = self._date_before(view, m.start(), timexes, used) \
                or self._fronted_date(s, aux.start() if aux else m.start(), used)  # "On May 3, X has held ..."
        if timex is None and mode == "passive" and aux is not None:
            timex = self._fronted_date(s, aux.start(), used)  # "In March 2023, the bridge was completed"
        start = aux.start() if aux else m.start()
        if timex is not None and timex.start < start:
            start = timex.start
        if timex is not None:
            interval = resolve(timex, s.published, tuple(s.doc.reference_years), tense, s.anchor)
            if interval is not None and _DEADLINE.search(view, max(s.start, timex.start - 12), timex.start):
                interval = DateRange(start=None, end=interval.end)  # "by the end of 2024": on or before
            end = max(timex.end, m.end())
        else:
            interval = self._from_tense(s, tense) if mode == "passive" or perfect_active else None
            end = m.end()
        if interval is None:
            return None
        # "Khoa presented his credentials to King Norodom Sihamoni": the subject's event, read as
        # an intransitive verb's
        subject = self._subject(s, m, "intransitive" if mode == "active" and attribute in self.doers else mode, aux, timex,
                                self.object_stops.get(attribute, self.stops))
        at = bisect_left(s.tokens, m.start(), key=lambda t: t.start) if subject is None and mode == "clause" else 0
        before = s.tokens[max(0, at - 2):at]
        if [t.text.lower() for t in before] == [",", "whose"]:
            # "The 3,500-metre runway, whose construction began in 2015": the runway's works,
            # not the article's thing's
            span = np_before(view, s.start, before[0].start, self.stops)
            subject = s.doc.text[span[0]:span[1]] if span else None
        if transitive and mode in ("intransitive", "reduced") and timex is not None and timex.start >= m.end():
            after = _OBJECT_AFTER.match(view, timex.end, s.end)
            if after is None and self.forms.get(" ".join(m.group().lower().split()) + " of", ("", ""))[1] == "active":
                after = _OF_OBJECT_AFTER.match(view, timex.end, s.end)  # "began construction on Monday of Tran Hung Dao Bridge"
            span = phrase_after(view, after.end(), s.end, self.stops) if after else None
            if span:
                # "The department launched on July 15 a campaign to spray insecticide": the object
                # comes after the date, and the event is the campaign's, not the department's
                subject, mode = s.doc.text[after.start(1):span[1]], "active"
        if subject and mode in ("intransitive", "active"):
            at = s.doc.text.rfind(subject, s.start, m.start())
            if at >= 0 and _COMPLEMENT.match(s.view, at + len(subject), m.start()):
                # "Work on the campus began": the noun's complement, cut from the subject, says
                # what the work was on
                subject = s.doc.text[at:m.start()].rstrip()
            elif at > s.start and not _CLAUSE_BREAK.search(s.view, s.start, at):
                # "Construction of the expansion of Terminal 2 (T2) at Noi Bai International Airport
                # began": the noun that opens the sentence and its chain of phrases, of which the
                # last name is only the end, make the clause
                whole = s.doc.text[s.start:at + len(subject)].strip()
                if self._noun_clause(whole, m.group(), attribute)[0] != attribute:
                    subject = whole
            attribute, subject = self._noun_clause(subject, m.group(), attribute)
        last_word = (fold(subject).split() or [""])[-1] if subject else ""
        if attribute == "inaugurated" and subject and fold(m.group()).split()[0] in self.launch_forms \
                and (last_word in self.launch_heads or last_word in self.edition_heads and timex is not None and timex.year is not None
                     and s.published.start is not None and timex.year < s.published.start.year):
            # "The project was launched in 2022": a start of the project, which may be its approval,
            # its kick-off or its groundbreaking, so no date of its works or of its opening; "the
            # fair was launched in 2004", told in 2024: its first edition, not this year's opening
            attribute = "launched"
        if attribute in self.occasions:
            # "The groundbreaking ceremony for the second phase was held on Wednesday", "X held the
            # ceremony for signing of the contract": the ceremony is the groundbreaking or the
            # signing, an event of its own family, of what follows "for" or "of"
            nominal = self._nominal_in(subject) if subject else None
            if nominal is None and mode == "active":
                stop = timex.start if timex is not None and timex.start > m.end() else min(s.end, m.end() + _MAX_OBJECT)
                nominal = self._nominal_in(s.doc.text[m.end():stop])
            if nominal:
                attribute, subject = nominal
        if subject is None and mode == "occasion" and attribute in self.occasions:
            subject = self._occasion_words(s, m, timex)  # "the monthly review meeting on Saturday"
        if subject and self.condition_opener.fullmatch(subject.strip() + " "):
            # "Once completed in 2027, the wharf will be extended": the opener is no subject; the
            # thing is the main clause's, after the comma
            subject = _main_subject_after(s, end)
        value = DateValue(start=interval.start, end=interval.end)
        if mode == "nominal" and not planned and timex is not None:
            plan = self._nominal_plan(s, m, timex)
            if plan == "past_plan":
                return None  # "Completion had originally been planned for the end of 2024": a date once meant
            planned = plan == "plan"
        scope = {"status": "plan"} if planned else {}  # "the deadline for handing over the site to September 30"
        # the phase before the event's words ("The 150MW first phase of the plant has been in
        # commercial operation since") or inside them ("began construction of phase 2 on")
        phase = self.phases.of(s.view, s.start, end, reach=end - start + _PHASE_REACH)
        if phase is None and subject:
            # "The second phase of the campaign, for children aged one to ten who ..., began on":
            # the subject names its phase however long the aside after it
            phase = self.phases.of(subject, 0, len(subject), reach=len(subject))
        if phase is None and s.context_phase and (subject is None or fold(subject).strip() in self.anaphora):
            phase = s.context_phase  # "The project was connected to the grid on ..." under a headline on phase 2
        if phase:
            scope["phase"] = phase
        other = self.others.in_clause(s, start, end)
        if other:
            scope["which"] = other  # "The old terminal, which opened in 2013": not the new terminal's opening
        if self.whole.opens(s, start) or (subject and self.whole.names(subject)):
            scope["whole"] = "yes"  # "so that the whole route can be completed": not its section's date
        actor = self._actor_place(s, m.start(), m.end()) if mode == "active" and s.tokens else None
        if actor:
            scope["by"] = actor  # "Cao Bang launched a catch-up vaccination campaign": Cao Bang's campaign
        return make_claim(s, "date", attribute, value, start, end, subject_text=subject,
                          scope=scope or None, tense=_public_tense(tense))

    def _occasion_words(self, s: Sentence, m: re.Match, timex: Timex | None) -> str:
        """What an occasion noun names: its modifiers ("the committee's monthly review
        meeting") and the words that say which one it is, up to its date ("a meeting with the
        Lao Prime Minister"), without the venue ("in Vientiane"): resolution tells one
        occasion from another by them."""
        view = s.view
        start, end = _modifiers_before(s.tokens, m.start()), m.end()
        if timex is not None and timex.start > end:
            words = list(_WORD.finditer(view, end, timex.start))
            if words and words[0].group().lower() in self.qualifiers:
                while words and (words[-1].group().lower() in self.stops | {"the"} or words[-1].group() == "("
                                 or words[-1].group().lower() in self.weekdays):
                    words.pop()  # "... on [the] Saturday", "on Tuesday (Oct 8)": the date's own words
                end = words[-1].end() if words else end
        return s.doc.text[start:end]

    def _past_form(self, verb: str) -> bool:
        """"signed", "kicked off", "broke ground": a past form, also with a particle after it
        (irregular pasts from events.yaml)."""
        first = verb.lower().split()[0] if verb.split() else ""
        return verb.lower().endswith("ed") or first.endswith("ed") or first in self.irregular_pasts

    def _nominal_in(self, text: str) -> tuple[str, str | None] | None:
        """The family of the first event noun of another family in an occasion's words, and
        what the event is of: the words after the next "for" or "of", if any; else the event
        the occasion is held for ("to open the bridge") and its object."""
        for m in self.events.finditer(text):
            attribute, kind = self._form(m)
            if kind == "nominal" and attribute not in self.occasions:
                of = _OF_WHAT_EVENT.search(text, m.end())
                return attribute, (text[of.end():].strip() or None) if of else None
        aim = self.purpose.search(text) if self.purpose is not None else None
        if aim is not None:  # "the ceremony to open the Ben Thuy 3 bridge to traffic": its opening
            return self.purposes[" ".join(aim.group(1).lower().split())], text[aim.end():].strip() or None
        return None

    def _actor_place(self, s: Sentence, verb: int, pos: int) -> str | None:
        """The place that does what an active verb (at `verb`, ending at `pos`) says, when its
        subject is a place by name alone ("Ha Giang started the measles vaccination campaign on
        March 3") or a body of one renamed by an apposition ("The Governor of Oudomxay province,
        Mr Khamla Inthavong, declared"): whose the object is, as two provinces' campaigns are two."""
        span = _relative_antecedent(s.tokens, pos) or verb_subject(s.tokens, pos, s.clause_words)
        place = self._place_named(s.doc.text[span[0]:span[1]]) if span else None
        if place is None:
            head = s.view[clause_start(s.view, s.start, verb, s.clause_words):verb].rstrip()
            if head.endswith(",") and head.count(",") == 2:
                renamed = head[:head.index(",")]
                place = self._place_named(renamed[renamed.rfind(" of ") + 4:] if " of " in renamed else renamed)
        return place

    def _place_named(self, phrase: str) -> str | None:
        words = [w for w in fold(phrase).split() if w not in self.place_kinds and w != "the"]
        return self.places.get(" ".join(words))

    def _date_after(self, view: str, pos: int, hi: int, timexes: list[Timex], used: set[int], *,
                    direct: bool, verbal: bool = False, toks: Tokens = (), later_than: int | None = None) -> Timex | None:
        """The date this event word governs: right after it, or after its object (active)."""
        for t in timexes[bisect_left(timexes, pos, key=lambda t: t.start):]:
            if t.start - pos > _MAX_OBJECT:
                return None
            if t.start in used:
                continue
            gap = view[pos:t.start]
            clock = self.time_of_day.match(gap) if direct else None
            gap = gap[clock.end():] if clock else gap  # "was stopped at around 10pm on Tuesday"
            occasion = self.at_occasion.match(gap) if direct and self.at_occasion is not None else None
            gap = gap[occasion.end():] if occasion else gap  # "was opened at a ceremony on Saturday"
            agent = _BY_AGENT.match(gap) if direct else None
            gap = " " + gap[agent.end():] if agent else gap  # "a conference held by the department on June 7"
            if direct and not _LINK_TO_DATE.fullmatch(" " + gap if gap else " ") and not _RECIPIENT.fullmatch(gap):
                return None
            if not direct and (t.start - pos > _MAX_OBJECT or _OTHER_EVENT.search(gap) or self._event_verb_in(gap)):
                return None  # "approved by the committee, the plant is to be handed over in December": the handover's date
            if not direct and "," in gap and self.reporting.search(gap, gap.find(",")):
                # "has received 9,600 guests since it opened, ..., the department said today (July
                # 14)": the day it was said, not the opening's
                return None
            if not direct and verbal and _plan_after_comma(gap, self.plans.pattern):
                # "Under the latest schedule approved by the committee, the deadline for completing
                # the section is September 2, 2026": the plan's date, told in a clause of its own (an
                # occasion's aside that schedules it dates it: "The forum, scheduled for December 5,")
                return None
            if not direct and self.reference.search(gap):
                return None  # "The handover comes ahead of the coffee harvest peak in December": the harvest's
            if not direct and self.baseline.search(gap):
                return None  # "ended with book sales of ..., up 18 per cent compared with last year's event": the baseline's
            if not direct and _AS_OF_GAP.search(gap):
                return None  # "toll receipts since the opening stand at USD 82.6 million as of the end of November": a tally's day
            if not direct and _RELATIVE_VERB.search(gap):
                # "signed agreements to promote the Hue Festival 2023, which will take place from June 16": the
                # festival's; "presided over by the new rector, ..., who assumed the post on 15 August": the rector's
                return None
            if not direct and gap.count("(") > gap.count(")") and not self.weekday_bracket.search(gap):
                # "a groundbreaking ceremony for the bridge, one of the works marking the 70th
                # anniversary of the Liberation (October 10, 1954 - October 10, 2024)": a bracketed aside's
                return None
            if verbal and toks and t.year is not None and later_than is not None and t.year > later_than \
                    and _infinitive_between(toks, bisect_left(toks, pos, key=lambda x: x.end), t.start):
                # "approved a plan to spend VND84.3 trillion on public investment in 2025", told in
                # 2024: the spending's year, not the approval's ("signed a contract to build the
                # bridge on May 5" keeps its day)
                return None
            if not direct and _another_clause(toks, pos, t.start):
                # "has since presented his credentials to the Lao President, briefed his host on his
                # trip earlier this week": the next verb's date
                return None
            if not direct and self.span_end.search(gap):
                return None  # "signed contracts for deliveries through the first quarter of next year": the deliveries' span
            if verbal and (_FOR_WHEN.search(gap) or _NEXT_CLAUSE.search(gap)):
                # "signed orders for the first quarter of 2026": what the orders are for; "have
                # finished most of the harvest, and ... plan to sow ... for next year": another clause's
                return None
            used.add(t.start)
            return t
        return None

    def _modifies_a_noun(self, s: Sentence, end: int) -> bool:
        """Whether the event noun ending at `end` describes the common noun right after it
        ("opening hours"), which is no occasion of its own ("the opening ceremony" is the opening)."""
        i = bisect_right(s.tokens, end, key=lambda t: t.start)
        nxt = s.tokens[i] if i < len(s.tokens) else None
        return nxt is not None and s.view[end:nxt.start] == " " and nxt.tag in ("NN", "NNS") \
            and singular(nxt.text.lower()) not in self.occasion_nouns and not nxt.text[:1].isdigit()

    def _conditional(self, s: Sentence, pos: int) -> bool:
        """Whether a participle at `pos` is a condition of a future clause ("would contribute ...
        once completed in 2026", "Once completed in 2027, the wharf will be extended"): a
        condition opener right before it and a future modal in the sentence."""
        return self.condition_opener.search(s.view, max(s.start, pos - 8), pos) is not None \
            and any(t.text.lower() in self.future_modals for t in s.tokens)

    def _nominal_plan(self, s: Sentence, m: re.Match[str], timex: Timex) -> str | None:
        """"plan" for an event noun a planning verb takes as its object ("the ministry has set
        completion for November 2025", events.yaml planning_verbs) or one a plan word follows
        before its date ("completion is scheduled for November 2025"): the date it is meant for.
        "past_plan" when a past auxiliary or "originally" comes before the plan ("the contract
        had set completion for November 2025", "Completion had originally been planned for the end
        of 2024"): a date once meant, as the verbs' past_plan forms are. Else None."""
        before = _WORDS_BEFORE.search(s.view, max(s.start, m.start() - 40), m.start())
        if before and before.group(1).lower() in self.planning_verbs:
            # ("the contract had set completion for November 2025": the date once set)
            aux = _WORDS_BEFORE.search(s.view, max(s.start, before.start() - 20), before.start(1))
            return "past_plan" if aux and aux.group(1).lower() in self.given_up else "plan"
        marker = self.plans.pattern.search(s.view, m.end(), timex.start) if timex.start > m.end() else None
        if marker is None:
            return None
        words = s.view[m.end():marker.start()].lower().split()
        return "past_plan" if set(words) & self.given_up else "plan"

    def _planned_verb(self, s: Sentence, pos: int) -> bool:
        """A plan word right before a verb in the clause before `pos` ("hoped to host", "plans
        to hold"): what that verb does is yet to come, whatever the plan word's tense. A plan
        word naming a thing ("presented the plan to the session") plans nothing here."""
        lo = clause_start(s.view, max(s.start, pos - 200), pos, s.clause_words)
        last = None
        for last in self.plans.pattern.finditer(s.view, lo, pos):
            pass
        after = next((t for t in s.tokens if t.start >= last.end()), None) if last else None
        if after is None or after.end > pos:
            return False
        # (the tagger may read "to host" as a noun: after a plan word's "to", any word but one
        # opening a noun phrase is its verb)
        return after.tag == "VB" or last.group().lower().endswith("to") and after.tag not in _NOUN_PHRASE_OPENERS

    def _tense_of_verb(self, s: Sentence, pos: int) -> str | None:
        """The tense of the verb whose object an occasion is: "will attend" future; "attended",
        or a participle with its object right after ("co-chaired the forum"), past. A participle
        before a preposition ("scheduled for") is a description, not a past event."""
        i = governing_verb(s.tokens, pos, s.clause_words)
        if i is None:
            return None
        toks = s.tokens
        verb = toks[i]
        if i > 0 and toks[i - 1].tag == "MD":
            return "future" if toks[i - 1].text.lower() in self.future_modals else None
        if i > 0 and toks[i - 1].is_verb:
            return None  # "has attended", "was held": the auxiliaries' forms are read elsewhere
        following = toks[i + 1] if i + 1 < len(toks) else None
        if verb.tag == "VBD" or verb.tag == "VBN" and following is not None and following.tag in ("DT", "PRP$", "NNP"):
            return "past"
        return None

    def _event_verb_in(self, text: str) -> bool:
        """Another event verb between a verb and a date: the date is that event's. Occasion
        nouns ("the exhibition centre", "a ceremony") do not take a verb's date."""
        return any(self._form(m)[1] not in ("occasion", "nominal") for m in self.events.finditer(text))

    def _form(self, m: re.Match[str]) -> tuple[str, str]:
        """The family and kind of the event form `m` matched, a starred one by its group."""
        return self.wild[m.lastgroup] if m.lastgroup else self.forms[m.group().lower()]

    def _date_before(self, view: str, pos: int, timexes: list[Timex], used: set[int]) -> Timex | None:
        """A date just before an active verb: "On August 9 the sides signed", "today (May 4) inked"."""
        for t in reversed(timexes[:bisect_left(timexes, pos, key=lambda t: t.start)]):
            if pos - t.end > 4:
                return None
            if t.end <= pos and t.start not in used and re.fullmatch(r"[ \t()\[\],]{0,4}", view[t.end:pos]):
                used.add(t.start)
                return t
        return None

    def _fronted_date(self, s: Sentence, pos: int, used: set[int]) -> Timex | None:
        """"On October 7, the delegation visited ...": a date opening the sentence, then a comma
        and only the verb's subject (no other verb, from the analysis) before the verb."""
        first = s.timexes[0] if s.timexes else None
        if first is None or first.start in used:
            return None
        lead = " " + s.view[s.start:first.start]
        clock = self.time_of_day.match(lead)  # "At 8am on July 17, the ministry announced ..."
        if not _FRONTED.fullmatch(lead[clock.end():] if clock else lead[1:]):
            return None
        comma = s.view.find(",", first.end, pos)
        if comma < 0 or s.view[first.end:comma].strip(" )") or not s.tokens:
            return None
        between = [t for t in s.tokens if comma < t.start and t.end <= pos]
        if not between or any(t.is_verb for t in between) or not any(t.is_noun for t in between):
            return None
        used.add(first.start)
        return first

    def _from_tense(self, s: Sentence, tense: str | None) -> DateRange | None:
        pub = s.published
        if tense in ("past", "perfect") and pub.end is not None:
            return DateRange(start=None, end=pub.end)
        if tense == "future" and pub.start is not None:
            return DateRange(start=pub.start, end=None)
        return None

    def _noun_clause(self, subject: str, verb: str, attribute: str) -> tuple[str, str]:
        """"Construction of the Xe Pian solar farm began in June 2023": the family of the clause
        its noun and verb make ("construction began"), about what follows "of" or "on"."""
        words = subject.split()
        of = next((i for i, w in enumerate(words) if w.lower() in ("of", "on", "for")), None)
        if of is None or of + 1 >= len(words):
            return attribute, subject
        # "The construction of the project started in early 2022": the noun after its determiner
        noun = [w.lower() for w in words[:of]]
        noun = noun[1:] if noun[:1] and noun[0] in DETERMINERS else noun
        family = self.noun_clauses.get((*noun, *verb.lower().split()))
        return (family, " ".join(words[of + 1:])) if family else (attribute, subject)

    def _clause_subject(self, s: Sentence, pos: int) -> tuple[int, int] | None:
        """"The line officially began commercial operation today": the clause's subject from
        the sentence analysis, without "officially"."""
        return subject_words(s.tokens, pos, s.clause_words) if s.tokens else None

    def _passive_subject(self, s: Sentence, pos: int) -> tuple[int, int] | None:
        """"The power purchase agreement (PPA) between EDC and Lao-Khmer Hydro Power Co., Ltd
        was signed": the clause's subject from the analysis, cut before its first bracket or
        "between" (the parties are not the thing), when it runs up to the auxiliary at `pos`."""
        toks = s.tokens
        verb = next((t for t in toks if t.start >= pos), None)
        found = clause_subject(toks, verb.end, s.clause_words) if verb is not None else None
        if found is None or toks[found[1]].start != pos:
            return None  # the auxiliary is not the clause's first verb
        cut = _PARTIES_OR_ALIAS.search(s.view, toks[found[0]].start, pos)
        if cut is None:
            return None  # no bracket, no parties: the phrase before the verb as always
        return phrase_before(s.view, toks[found[0]].start, cut.start(), self.stops)

    def _aux_words(self, aux: re.Match[str]) -> str:
        """An auxiliary as events.yaml writes it, without an adverb inside ("were originally due to
        be", "has already been")."""
        return " ".join(w for w in aux.group(1).lower().split() if not w.endswith("ly") and w not in self.aux_adverbs)

    def _subject(self, s: Sentence, m: re.Match, mode: str, aux: re.Match | None, timex: Timex | None,
                 object_stops: frozenset[str] | None = None) -> str | None:
        view = s.view
        if mode in ("clause", "occasion"):
            return None
        if mode == "passive":
            span = self._passive_subject(s, aux.start()) or phrase_before(view, s.start, aux.start(), self.stops)
            if span and view[span[1]:aux.start()].strip() and s.tokens:
                # "said ... a special relationship since diplomatic ties were established": the
                # phrase was cut at a stop word far from the verb; the nouns right before it make
                # the subject of a clause a subordinating word opens
                nouns = verb_subject(s.tokens, m.start(), s.clause_words)
                opener = next((t for t in reversed(s.tokens) if nouns and t.end <= nouns[0]), None)
                if opener is not None and opener.text.lower() in self.subordinators:
                    span = nouns
            span = span or antecedent_before(view, s.start, aux.start(), self.stops)  # "..., which was commissioned in 2021"
            gap = list(_WORD.finditer(view, span[1], aux.start())) if span else []
            if len(gap) >= 2 and gap[0].group().lower() in self.subordinators:
                # "opened on November 25, nearly four weeks after it was handed over": the
                # subject of the clause the subordinating word opens, not the phrase before it
                span = (gap[1].start(), gap[-1].end())
        elif mode == "intransitive":
            # (the words before the verb, less its adverbs: "The station, officially opened in")
            words = view[s.start:m.start()].rstrip()
            kept = _without_adverbs(words)
            stop = m.start() if kept == words else s.start + len(kept)
            span = _restrictive_antecedent(s, m.start(), self.stops) or self._clause_subject(s, m.start()) \
                or phrase_before(view, s.start, stop, self.stops) or antecedent_before(view, s.start, stop, self.stops) \
                or sentence_subject(view, s.start, m.start(), self.stops)
        elif mode == "reduced":
            opened = view[s.start:m.start()].rstrip()
            if opened.endswith((",", "(")):
                # "The bridge, completed in 2020,", "the hospital in Luang Prabang (handed over in 2018)"
                span = phrase_before(view, s.start, s.start + len(opened) - 1, self.stops)
            else:
                span = np_before(view, s.start, m.start(), self.stops)  # "the Royal Decree dated 2 November"
        else:
            pos = m.end()
            of = None if m.group().lower().endswith((" of", " to")) else re.match(r"[ \t]+(?:of|to)[ \t]+", view[pos:pos + 6])
            if mode == "nominal" and not of and not m.group().lower().endswith((" of", " to")):
                # "Mekong Pearl Airlines will make its maiden commercial flight": its owner is the clause's subject
                own = self.possessive_before.search(view, max(s.start, m.start() - 8), m.start())
                span = self._clause_subject(s, m.start()) if own and s.tokens else None
                return s.doc.text[span[0]:span[1]] if span else None
            pos += of.end() if of else 0
            hi = timex.start if timex and timex.start > pos else s.end
            span = phrase_after(view, pos, hi, object_stops or self.stops)
        return s.doc.text[span[0]:span[1]] if span else None


_WORD = re.compile(r"[^\s,;]+")


def _without_adverbs(text: str) -> str:
    """The text without the -ly adverbs that end it ("The Xiengthong Bus Station, officially")."""
    head, _, last = text.rpartition(" ")
    while head and last.endswith("ly") and last.isalpha() and last.islower():
        text = head.rstrip()
        head, _, last = text.rpartition(" ")
    return text




_AT_REACH = 60  # characters before an occasion noun within which "at" opens its phrase ("at its annual investment promotion conference")
_AT_BEFORE = re.compile(r"\bat[ \t]+(?:a|an|the|its|their|this)[ \t]+[^,;.]*$", re.IGNORECASE)


def _main_subject_after(s: Sentence, pos: int) -> str | None:
    """The main clause's subject after the first comma past `pos` ("Once completed in 2027, the
    wharf will"), from the analysis; None without one."""
    k = next((i for i, tok in enumerate(s.tokens) if tok.start >= pos and tok.text == ","), None)
    span = subject_after_comma(s.tokens, k) if k is not None else None
    return s.doc.text[span[0]:span[1]] if span else None


def _verb_after_day(s: Sentence, t: Timex) -> int | None:
    """The past verb right after a day set between its subject and it, with no verb before ("The
    Provincial People's Council on Thursday (June 12) voted to raise the fees"): that verb's day."""
    k = bisect_left(s.tokens, t.end, key=lambda tok: tok.start)
    while k < len(s.tokens) and s.tokens[k].text == ")":
        k += 1
    first = bisect_left(s.tokens, t.start, key=lambda tok: tok.start)
    if first >= 2 and s.tokens[first - 1].text == "(":
        first -= 2  # "on Thursday (June 12)": the day in brackets after its weekday
    if k >= len(s.tokens) or s.tokens[k].tag != "VBD" or first == 0 or s.tokens[first - 1].text.lower() != "on" \
            or any(tok.is_verb or tok.text in (",", ";") for tok in s.tokens[:first]):
        return None
    return k


def _bracketed_after(toks: Tokens, pos: int, words: frozenset[str]) -> bool:
    """A day in brackets right after one of `words` ("the 50th anniversary of the Lao National
    Day (December 2)") dates the day that noun names, not the clause's event."""
    k = bisect_left(toks, pos, key=lambda t: t.start)
    return k >= 2 and toks[k - 1].text == "(" and toks[k - 2].text.lower() in words


def _opening_verb(s: Sentence, t: Timex) -> int | None:
    """The main verb after a date that opens its sentence ("On November 18, workers lifted the
    final roof module", "On 26/4, the Nghe An Provincial People's Committee coordinated"): the
    day is the main clause's. Its subject stands between the comma and the verb, with no comma
    of its own but a relative clause's ("a delegation from Bolikhamxay, which borders Ha Tinh,
    handed over")."""
    dateline = DATELINE.match(s.view[s.start:t.start])
    opener = _OPENING_DAY.fullmatch(s.view, s.start + (dateline.end() if dateline else 0), t.start)
    if opener is None or not opener.group(1) and not _OPENING_DAY.match(s.view, t.start, t.end) \
            or not s.view.startswith(",", t.end):
        return None
    after = [k for k, tok in enumerate(s.tokens) if tok.start > t.end]
    words, relative = 0, False
    for k in after:
        tok = s.tokens[k]
        if tok.text == "," and relative:
            relative = False  # the relative clause closes
        elif relative:
            continue
        elif tok.text == "," and words and k + 1 < len(s.tokens) and s.tokens[k + 1].tag in ("WDT", "WP"):
            relative = True  # ", which borders Ha Tinh,": an aside inside the subject
        elif tok.text in (",", ";", ":") and words or words > _OPENING_SUBJECT:
            return None
        elif tok.is_verb and words:
            return k
        elif tok.text != "," and not (words and (tok.tag in _NAME_TAGS or tok.text.lower() in _NAME_JOINERS)):
            words += 1  # a title and a name count as one word ("Lao Minister of Public Works and Transport Khammeuang Phengsavath")
    return None


# (after a dateline or a source in brackets: "HANOI (VNA) - On May 2,", "(Nghean.gov.vn) On 26/4,")
_OPENING_DAY = re.compile(r"[ \t]*(?:\([^)\n]{1,30}\)[ \t]*)?(on[ \t]+)?", re.IGNORECASE)
_OPENING_SUBJECT = 8  # words of the subject between an opening date and its verb
_NAME_TAGS = frozenset({"NNP", "NNPS"})  # a name's words, counted with the first word of the subject
_NAME_JOINERS = frozenset({"of", "and"})  # inside a title's name: "Minister of Public Works and Transport"
_PHASE_REACH = 80  # characters before an event's words within which its subject may name a phase
_OCCASION_REACH = 30  # characters before an occasion noun within which a word can put it ahead
_DETERMINER_BEFORE = re.compile(r"\b(?:the|its|their|this|these|those|an?)[ \t]+$", re.IGNORECASE)
_PARTIES_OR_ALIAS = re.compile(r"[ \t]*\(|[ \t]+between[ \t]", re.IGNORECASE)
_CLOSED_RELATIVE = re.compile(r",[ \t]*(?:which|who)\b[^,;]*,$", re.IGNORECASE)




_FINITE_TAGS = ("MD", "VBZ", "VBP", "VBD")
def _purpose_after(toks: Tokens, start: int, end: int) -> bool:
    """Whether the words in [start, end) open with "to" and a lower-case word ("to review ...",
    which the tagger may read as a noun): the purpose of the occasion before them."""
    inside = [t for t in toks if start <= t.start and t.end <= end][:2]
    return len(inside) == 2 and inside[0].text.lower() == "to" and inside[1].text.isalpha() and inside[1].text.islower()


_FOR_WHEN = re.compile(r"\bfor[ \t]+(?:the[ \t]+)?$", re.IGNORECASE)  # an object's time, right before the date
# a relative clause with a verb of its own, whose time a date after it is
# a date a figure is given "as of" is the day of a state, never the date of an event before it
_AS_OF_GAP = re.compile(r"\bas[ \t]+(?:of|at)[ \t]+(?:the[ \t]+end[ \t]+of[ \t]+)?$", re.IGNORECASE)
_RELATIVE_VERB = re.compile(r",[ \t]*(?:which|that|who)[ \t]+[a-z]", re.IGNORECASE)  # any relative clause after a comma
_NEXT_CLAUSE = re.compile(r"[,;][ \t]+(?:and|but|while)\b", re.IGNORECASE)


def _plan_after_comma(gap: str, plans: re.Pattern[str]) -> bool:
    """A plan word (events.yaml plan_markers) after a comma between an event word and a date."""
    comma = gap.find(",")
    return comma >= 0 and plans.search(gap, comma) is not None


def _another_clause(toks: Tokens, start: int, end: int) -> bool:
    """A comma, then a past verb with its object ("..., briefed his host on") or, further on, a
    modal and its verb ("..., will reopen on"), or "and" then a finite verb ("... and expected"), or
    a conjunction, a pronoun and a finite verb ("... but some said"), between `start` and `end`:
    another verb's clause, whose date is not the event's (a comma is only one of its openings)."""
    lo = bisect_left(toks, start, key=lambda t: t.start)
    comma = False
    for k in range(lo, len(toks) - 2):
        if toks[k].start >= end:
            break
        if toks[k].text == "," and toks[k + 1].tag in ("VBD", "VBN") and toks[k + 2].tag in ("DT", "PRP$") \
                and toks[k + 2].end <= end:
            return True
        if comma and toks[k].tag == "MD" and toks[k + 1].tag == "VB" and toks[k + 1].end <= end:
            # "The route, closed in the rainy months, will reopen on December 1", "Under the
            # contract signed with the province, the fee paid to the investor will be raised ...
            # from 2027": a modal's clause after the comma, whose date is its own
            return True
        comma = comma or toks[k].text == ","
        if toks[k].text.lower() == "and" and toks[k + 2].end <= end and (
                toks[k + 1].tag in ("VBD", "VBZ", "VBP", "MD")
                or toks[k + 1].tag == "VBN" and toks[k + 2].tag in ("DT", "PRP$", "PRP")):
            # "had signed service agreements with 14 shipping firms and expected the first
            # sailings to begin next month": the second verb's clause, and its date
            return True
        if toks[k].tag == "CC" and toks[k + 1].tag in ("DT", "PRP") and toks[k + 2].tag in ("VBD", "VBZ", "VBP", "MD") \
                and toks[k + 2].end <= end:
            # "welcomed the opening but some said ... when the harvest peaks in December": a
            # clause with a subject of its own, and its date
            return True
    return False


_ASIDE_OPENERS = frozenset({"VBG", "VBN", "WDT", "WP"})  # tags of a participle or a relative word


def _misread_main_verb(toks: Tokens, i: int) -> bool:
    """A participle right after the noun that opens the sentence, with no other finite verb in
    it, is the sentence's main verb in the past the tagger misread ("The first cold-chain train
    left the freight yard on 16 August"); with one, it describes the noun ("Containers loaded
    on 16 August will reach Kunming")."""
    j = _past_aside(toks, i)  # "The boat, carrying 27 people, capsized on September 7"
    if not (j > 0 and toks[j - 1].is_noun and not any(t.is_verb or t.text == "," for t in toks[:j])):
        return False
    clause = next((k for k in range(i + 1, len(toks)) if toks[k].text in (",", ";")), len(toks))
    # "..., which is the first time": another clause's; not one a pronoun opens ("detained the
    # operator ... about the passengers he had taken on board")
    return not any(toks[k].tag in _FINITE_TAGS and toks[k - 1].tag != "PRP" for k in range(i + 1, clause))


def _past_aside(toks: Tokens, i: int) -> int:
    """Where an aside that closes right before token i opens, when a participle or a relative
    word opens it (", carrying 27 people,", ", which carried 27 people,"); else i."""
    if i < 2 or toks[i - 1].text != ",":
        return i
    k = next((k for k in range(i - 2, -1, -1) if toks[k].text == ","), None)
    return k if k is not None and k + 1 < i - 1 and toks[k + 1].tag in _ASIDE_OPENERS else i


def _past_infinitive_frame(toks: Tokens, pos: int, end: int) -> bool:
    """The infinitive auxiliary at [pos, end) is the object of a verb in the past ("required the handover to
    be finished", "expected the work to be completed"): a plan of the past, not one to come."""
    i = bisect_left(toks, pos, key=lambda t: t.start)  # (the auxiliary's first word: "to")
    if i >= len(toks) or toks[i].start >= end or toks[i].tag != "TO":
        return False
    k = i - 1
    while k >= 0 and toks[k].tag in ("DT", "NN", "NNS", "NNP", "NNPS", "JJ", "PRP$", "POS", "RB"):
        k -= 1
    # (a participle with no auxiliary before it is the past the tagger misread: "originally required")
    return 0 <= k < i - 1 and (toks[k].tag == "VBD" or toks[k].tag == "VBN" and not (k > 0 and toks[k - 1].is_verb))


def _infinitive(toks: Tokens, i: int) -> bool:
    """The verb at token `i` is an infinitive ("with all work to be finished before June 30",
    "to complete by May"): a task set, not a past event."""
    return i > 0 and (toks[i - 1].tag == "TO" or i > 1 and toks[i - 1].tag == "VB" and toks[i - 2].tag == "TO")


def _infinitive_between(toks: Tokens, verb: int, pos: int) -> bool:
    """Whether a "to"-infinitive stands between the verb at token `verb` and offset `pos`: the
    day is the infinitive's ("were asked to report on projects before July 31"), a task set,
    not a past event."""
    inside = [t for t in toks[verb + 1:] if t.end <= pos]
    # the tagger reads some verbs after "to" as nouns ("to review"): a bare singular noun
    # right after "to" is one ("to complete": JJ); a preposition's object has its determiner or a name
    return any(a.tag == "TO" and b.tag in ("VB", "VBP", "NN", "JJ") and b.text.islower() for a, b in zip(inside, inside[1:]))


def _finite_past(toks: Tokens, pos: int) -> bool:
    """The word at `pos` is a verb in the past with no auxiliary before it ("Construction of the
    campus started in November"), not a participle after one ("and be started in 2025")."""
    i = next((k for k, t in enumerate(toks) if t.start == pos), None)
    return i is not None and toks[i].tag == "VBD" and not (i > 0 and toks[i - 1].tag in ("VB", "VBZ", "VBP", "VBD", "MD", "TO"))


def _participle_after_noun(toks: Tokens, pos: int) -> bool:
    """Whether the word at `pos` is a past participle right after a noun and right before a
    date or its preposition, the analysis says: "the Royal Decree dated 2 November 2023", not
    "The railway launched a refrigerated container service" (an object follows)."""
    i = next((k for k, t in enumerate(toks) if t.start == pos), None)
    return i is not None and 0 < i < len(toks) - 1 and toks[i].tag == "VBN" and toks[i - 1].is_noun \
        and toks[i + 1].tag in ("IN", "CD", "NNP")


def _modifiers_before(toks: Tokens, pos: int) -> int:
    """Where the adjectives, nouns and possessives right before offset `pos` begin ("the
    provincial People's Committee's monthly review" before "meeting"): after the determiner,
    verb or preposition that opens the phrase."""
    i = next((k for k, t in enumerate(toks) if t.start == pos), None)
    if i is None:
        return pos
    start = pos
    for t in reversed(toks[:i]):
        if not (t.tag.startswith(("JJ", "NN")) or t.tag in ("POS", "CD") or t.text == "-"):
            break
        start = t.start
    return start


def _gerund_after(toks: Tokens, end: int) -> bool:
    """The word right after offset `end` is a gerund ("started generating"): what started is
    that activity, told by its own family's forms where there is one."""
    i = bisect_left(toks, end, key=lambda t: t.start)
    return i < len(toks) and toks[i].tag == "VBG" and toks[i].start - end <= 1


def _public_tense(tense: str | None) -> str | None:
    return {"perfect": "past", "past": "past", "future": "future", "present": "present"}.get(tense or "")


def _restrictive_antecedent(s: Sentence, pos: int, stops: frozenset[str]) -> tuple[int, int] | None:
    """"after two months of test runs that began on February 15": a relative word right before
    the verb at `pos` (tagged WDT, WP, or IN, as the tagger reads "that" before a verb) makes the
    phrase before it the verb's subject, not the clause's ("The plant")."""
    verb = bisect_left(s.tokens, pos, key=lambda t: t.start)
    if verb < 2 or verb >= len(s.tokens) or s.tokens[verb].tag not in ("VBD", "VBZ", "VBP") \
            or s.tokens[verb - 1].tag not in ("WDT", "WP", "IN") or s.tokens[verb - 2].text == ",":
        return None
    return np_before(s.view, s.start, s.tokens[verb - 1].start, stops)


def _relative_antecedent(toks: Tokens, pos: int) -> tuple[int, int] | None:
    """The proper name a relative pronoun right before the verb ending at `pos` stands for,
    before its comma ("In neighbouring Tien Giang, which declared an emergency on March 7"), or None."""
    verb = bisect_right(toks, pos, key=lambda t: t.end) - 1  # the last word ending by `pos`
    if verb < 3 or not toks[verb].is_verb or toks[verb - 1].tag not in ("WDT", "WP") or toks[verb - 2].text != ",":
        return None
    k = verb - 2
    while k > 0 and toks[k - 1].tag.startswith("NNP"):
        k -= 1
    return (toks[k].start, toks[verb - 3].end) if k < verb - 2 else None
