"""Periods of years ("the 2022-2025 period", "from 2023 to 2025") and the plan they belong to."""

from __future__ import annotations

import re
from bisect import bisect_left

from checker.aliases import AliasTable
from checker.analyse import clause_subject
from checker.extract.base import DETERMINERS, JOINING_PREPOSITIONS, Sentence, make_claim, np_before, phrase_after
from checker.extract.figures import Phases, PlanMarkers, clause_start
from checker.lexicon import Lexicon
from checker.models import Claim, PeriodValue
from checker.text import alternation, fold, singular
from checker.timex import YEAR

_PERIOD = re.compile(
    rf"(?<![\w/-])(?:(?:the[ \t]+)?(?:period[ \t]+)?(?:from[ \t]+)?(?P<a>{YEAR})[ \t]+(?:to|until|till|through)[ \t]+(?P<b>{YEAR})"
    rf"|(?:the[ \t]+)?(?:period[ \t]+)?between[ \t]+(?P<e>{YEAR})[ \t]+and[ \t]+(?P<f>{YEAR})"
    rf"|(?:the[ \t]+)?(?P<c>{YEAR})[ \t]?[-\u2013/][ \t]?(?P<d>{YEAR}|\d\d)(?:[ \t]+(?:period|term|tenure))?)(?![\w/-])",
    re.IGNORECASE)


_DECADE = re.compile(r"(?<![\w-])(?:the[ \t]+)?(?P<y>(?:19|20)\d0)'?s\b")  # "the 1990s": 1990-1999


class PeriodExtractor:
    kind = "period"

    def __init__(self, lexicon: Lexicon, aliases: AliasTable) -> None:
        self.phases = Phases(lexicon)
        self.aliases = aliases  # the place an office is of, in any spelling
        self.plan_nouns = tuple(lexicon.nouns.plan_nouns)
        self.term_nouns = tuple(lexicon.nouns.term_nouns)
        self.term_kinds = lexicon.nouns.term_kinds
        self.qualified_terms = frozenset(lexicon.nouns.qualified_terms)
        self.term_verbs = {fold(k): v for k, v in lexicon.nouns.term_verbs.items()}
        self.operating = re.compile(r"\b(?:" + alternation(lexicon.nouns.operating_verbs) + r")[ \t]+(?:"
                                    + alternation(lexicon.nouns.operated_objects) + r")\b", re.IGNORECASE)
        self.term_verb = re.compile(r"\b(?:" + alternation(self.term_verbs) + r")\b", re.IGNORECASE)
        self.other_markers = frozenset(fold(w) for w in lexicon.entities.other_markers)
        self.stops = frozenset(lexicon.aliases.stops) | {"in", "for", "during", "on", "at"}
        self.event_words = {w.lower(): a for w, a in lexicon.nouns.period_events.items()}
        self.works = re.compile(r"\b(?:" + alternation(self.event_words) + r")\b", re.IGNORECASE)
        self.plans = PlanMarkers(lexicon.events.plan_markers)
        forms = {f for t in lexicon.offices.titles.values() for f in t.forms if f[:1].isupper()}
        self.titles = re.compile(r"\b(?:" + alternation(forms) + r")\b")
        self.office_terms = frozenset(lexicon.nouns.office_terms)
        self.span_openers = frozenset(fold(w) for w in lexicon.calendar.span_openers)
        # the words between a plan and its period: "Agreement for the 2022-2025 period", "the
        # concession, which runs from 2024", "The agreement covers the period 2025-2030"
        verbs, links = alternation(lexicon.nouns.period_link_verbs), alternation(lexicon.nouns.period_links)
        self.before_link = re.compile(rf"(?:\b(?:(?:that|which)[ \t]+)?(?:(?:{verbs})[ \t]+)?\b(?:{links})[ \t]+"
                                      rf"(?:the[ \t]+)?(?:period[ \t]+)?)$|\b(?:(?:that|which)[ \t]+)?(?:{verbs})[ \t]+"
                                      rf"(?:the[ \t]+)?(?:period[ \t]+)?$|[ \t]*$", re.IGNORECASE)
        self.link_verbs = frozenset(fold(v) for v in lexicon.nouns.period_link_verbs)
        self.term_link = re.compile(r"\b(?:" + alternation(lexicon.nouns.office_term_links)
                                    + r")[ \t]+(?:the[ \t]+)?(?:[a-z]+[ \t]+)?$")
        # "..., for the remainder of the 2021-2026 term": a term closing a sentence, after a comma
        self.closing_link = re.compile(r",[ \t]*(?:" + alternation(lexicon.nouns.office_term_links)
                                       + r")[ \t]+(?:the[ \t]+)?(?:[a-z]+[ \t]+of[ \t]+(?:the[ \t]+)?)?(?:[a-z]+[ \t]+)?$")
        # "Governor of Champasak province": the title's own place after it
        self.office_of = re.compile(r"[ \t]+of[ \t]+(?:the[ \t]+)?[A-Z][\w'-]*(?:[ \t]+[A-Z][\w'-]*){0,3}"
                                    r"(?:[ \t]+(?:" + alternation(lexicon.places.kinds) + r"))?\b")
        self.succession = re.compile(r"\b(?:" + alternation(lexicon.offices.succession_verbs) + r")\b")
        self.serving = re.compile(r"\b(?:" + alternation([*lexicon.offices.term_serving_verbs, *lexicon.offices.succession_verbs])
                                  + r")\b", re.IGNORECASE)
        self.pronouns = frozenset(p.lower() for p in lexicon.names.person_pronouns)
        self.honorifics = frozenset(lexicon.names.honorifics)
        # "Khoa as", "Thinh, ...", "Hai was elected": what may follow the holder's name
        self.name_ends = frozenset(lexicon.offices.succession_links) | frozenset(lexicon.offices.succession_auxiliaries) \
            | frozenset(lexicon.offices.tenure_verbs) | {","}
        self.leading = re.compile(r"\b(?:" + alternation(lexicon.offices.leading_verbs) + r")\b", re.IGNORECASE)
        self.auxiliaries = frozenset(lexicon.offices.succession_auxiliaries)
        # after a period, its term noun if the period's match did not take it, then "as": "his
        # 2020-2025 tenure as governor"
        self.term_as = re.compile(r"(?:[ \t]+(" + alternation(lexicon.nouns.office_terms) + r"))?[ \t]+as[ \t]+(?:the[ \t]+)?",
                                  re.IGNORECASE)
        self.possessive_before = re.compile(r"\b(?:" + alternation(lexicon.names.possessive_pronouns) + r")[ \t]+$", re.IGNORECASE)
        self.leading_titles = {v.lower(): t for v, t in lexicon.offices.leading_titles.items()}
        self.title_keys = {" ".join(f.lower().split()): key for key, t in lexicon.offices.titles.items() for f in t.forms}
        self.any_titles = re.compile(r"\b(?:" + alternation(forms) + r")\b", re.IGNORECASE)
        # "served as governor", "who was Savannakhet governor": a holder's verb, then the title
        self.served = re.compile(r"\b(?:" + alternation(lexicon.offices.tenure_verbs)
                                 + r")(?:[ \t]+as)?[ \t]+(?:the[ \t]+)?(?P<pre>(?:[A-Z][\w'-]*[ \t]+){0,3})$", re.IGNORECASE)

    def extract(self, s: Sentence) -> list[Claim]:
        view, text = s.view, s.doc.text
        claims = []
        for m in _PERIOD.finditer(view, s.start, s.end):
            start_year = int(m.group("a") or m.group("e") or m.group("c"))
            end_text = m.group("b") or m.group("f") or m.group("d")
            end_year = int(end_text) if len(end_text) == 4 else (start_year // 100) * 100 + int(end_text)
            if end_year < start_year or end_year - start_year > _LONGEST_TERM:
                continue
            subject = self._owner(view, text, s, m)
            subject = self._plan_itself(subject) if subject else None
            if end_year - start_year > _LONGEST_PLAN and not (subject and _has_plan_noun(subject, self.term_nouns)):
                continue  # only a concession or a lease runs longer than fifty years ("a 2024-2083 concession")
            attribute = "period"
            office = None if subject else self._office_term(s, m)
            if office:
                # "appointing Vu Dinh Khoa as Minister of Transport for the 2021-2026 tenure"
                subject, holder = office
                claims.append(make_claim(s, "period", "term", PeriodValue(start=start_year, end=end_year),
                                         m.start(), m.end(), subject_text=subject, scope={"holder": holder}))
                continue
            # "during his 2020-2025 tenure as governor": a term told so is its holder's, whatever
            # plan the sentence names before it
            served = self._own_term(s, m) or (None if subject else self._served_term(s, m))
            if served:
                # "He served as Vice Governor of Bokeo province from 2015 to 2020", "Minister
                # Bounthavy was Bokeo's vice governor from 2016 to 2020": the holder's tenure in
                # that office (a pronoun's holder is the article's person, found on resolution)
                title, holder = served
                claims.append(make_claim(s, "period", "tenure", PeriodValue(start=start_year, end=end_year),
                                         m.start(), m.end(), subject_text=holder, scope={"office": title} if title else None))
                continue
            holder = None if subject else self._holder_term(s, m)
            if holder:
                # "He will serve for the 2026-2031 tenure": the term of the office the holder's
                # article gives them, found on resolution
                claims.append(make_claim(s, "period", "term", PeriodValue(start=start_year, end=end_year),
                                         m.start(), m.end(), scope={"holder": holder}))
                continue
            leader = None if subject else self._led_term(s, m)
            if leader:
                # "Dr. Vu Thi Hoang Yen, who had been leading the Vietnamese Ministry of Health
                # during 2020-2024": the leader's tenure, keyed by the leader (and the office a
                # verb names: "who governed Champasak province in 2018-2025" was its governor)
                name, office = leader
                claims.append(make_claim(s, "period", "tenure", PeriodValue(start=start_year, end=end_year),
                                         m.start(), m.end(), subject_text=name, scope={"office": office} if office else None))
                continue
            kind = grant = None
            granted = self.term_verb.search(view, clause_start(view, s.start, m.start(), s.clause_words), m.start()) \
                if attribute == "period" and subject is None else None
            if granted:
                # "Kien Khe's limestone quarry is licensed for the 2016-2046 period": the term of
                # the clause's subject; "..., which has been licensed to operate it from 2024 to
                # 2049": of the thing operated, the article's own
                attribute = "term"
                kind = self.term_verbs[granted.group().lower()]
                span = clause_subject(s.tokens, granted.start(), s.clause_words) if s.tokens else None
                # (a relative pronoun among the few words before the verb: "which has been licensed")
                before = [t for t in s.tokens if t.end <= granted.start()][-_RELATIVE_TOKENS:]
                relative = any(t.tag in ("WDT", "WP") or _RELATIVE_WORD.fullmatch(t.text) for t in before)
                subject = text[s.tokens[span[0]].start:s.tokens[span[1] - 1].end] if span and not relative else None
            if attribute == "period" and subject is None \
                    and self.operating.search(view, clause_start(view, s.start, m.start(), s.clause_words), m.start()):
                # "The developer ... will operate it for the 2025-2070 period": how long it is run,
                # the term of the article's thing
                attribute = "term"
            if attribute == "period":
                works = self.works.search(view, clause_start(view, s.start, m.start(), s.clause_words), m.start())
                owner_at = text.rfind(subject, s.start, m.start()) if subject else -1
                if works and works.start() > owner_at:
                    # "built in 2024-2026", "The project was carried out between 2021 and 2024":
                    # when the works run, not a plan's period
                    attribute = self.event_words[works.group().lower()]
                    frame = _UNDER.match(view, s.start, m.start()) or _UNDER_PLAN.match(view, s.start, m.start())
                    if subject and frame and subject in text[frame.start(1):frame.end(1)]:
                        subject = None  # "Under the loan agreement ..., the loan is to be repaid in": the clause's
            if subject and _has_plan_noun(subject, self.term_nouns):
                # the term of what the article is about ("a concession that runs from 2024 to
                # 2073", "under a 2024-2083 concession agreement"), unless it is another's ("a
                # separate licence covering the period from 2022 to 2042": the quarry's)
                attribute = "term"
                kind = next((k for noun, k in self.term_kinds.items() if _has_plan_noun(subject, (noun,))), kind)
                grant = self._grant(s, text.rfind(subject, s.start, m.start()), subject, kind)
                subject = subject if self.other_markers & set(fold(subject).split()) else None
            # "agreed to begin drafting a new agreement for 2026-2035": a plan's period, not a signed one's
            # ("..., all of which will be sold to EVN under the agreement, which runs from 2024
            # to 2049": the relative clause states the agreement's term, no plan of its own)
            relative = _RELATIVE_WORD.match(view, self.before_link.search(view, max(s.start, m.start() - 30), m.start()).start())
            scope = {"status": "plan"} if not relative and self.plans.in_clause(s, m.start()) else {}
            if kind:
                scope["term"] = kind  # a concession's term, not a lease's
            if grant:
                scope["grant"] = grant  # a quarry licence's term, not an investment licence's
            phase = self.phases.of(view, s.start, m.start())
            if phase:
                scope["phase"] = phase  # "Phase 1 of the project ... is implemented in the period 2025-2027"
                if attribute == "period":
                    attribute = "works"  # "Phase 2, slated for 2025-2028": when a phase's works run
                if s.published.start is not None and end_year >= s.published.start.year:
                    # "Phase two, to run from 2026 to 2030" in a 2024 article, "Phase 1 runs from
                    # 2024 to 2026" in a 2025 one: a phase not yet over has a schedule, however the
                    # sentence tells it; only a phase over can be told as it went
                    scope["status"] = "plan"
            claims.append(make_claim(s, "period", attribute, PeriodValue(start=start_year, end=end_year),
                                     m.start(), m.end(), subject_text=subject, scope=scope or None))
        for m in _DECADE.finditer(view, s.start, s.end):  # a decade is a time of history, no plan's period
            first = int(m.group("y"))
            claims.append(make_claim(s, "period", "decade", PeriodValue(start=first, end=first + 9), m.start(), m.end()))
        return claims

    def _grant(self, s: Sentence, at: int, phrase: str, kind: str | None) -> str | None:
        """The common noun that names which grant of its kind a term is of: "a limestone quarry
        licence for 2022-2047" is not "an investment licence covering 2021-2051", while a bare "a
        licence valid from 2024" may be either (read from the tags: "a new licence", "a 50-year
        concession" name no grant)."""
        if kind not in self.qualified_terms or at < 0:
            return None
        words = [t for t in s.tokens if at <= t.start and t.end <= at + len(phrase)]
        noun = next((i for i, t in enumerate(words) if self.term_kinds.get(singular(fold(t.text))) == kind), None)
        if noun is None or noun == 0 or words[noun - 1].tag not in ("NN", "NNS") or not words[noun - 1].text.islower():
            return None
        return singular(fold(words[noun - 1].text))

    def _plan_itself(self, phrase: str) -> str:
        """The plan of a noun phrase np_before joined across "in" or "at": "a goal set out in the
        10th five-year National Socio-Economic Development Plan (2026-2030)" dates the plan, not
        the goal ("the agreement on cooperation in education" keeps its whole name)."""
        cut = len(phrase)
        while (cut := max(phrase.rfind(f" {p} ", 0, cut) for p in JOINING_PREPOSITIONS)) >= 0:
            after = phrase[phrase.index(" ", cut + 1) + 1:]
            if _has_plan_noun(after, self.plan_nouns) and not _has_plan_noun(phrase[:cut], self.plan_nouns):
                return after
        return phrase

    def _owner(self, view: str, text: str, s: Sentence, m: re.Match) -> str | None:
        """The plan the period belongs to: before it ("Agreement for the 2022-2025 period",
        "Agreement 2021-2025") or right after it ("their 2022-2025 cooperation memorandum")."""
        link = self.before_link.search(view, max(s.start, m.start() - 30), m.start())
        # (a period after its link, or a span "from ... to", is no modifier: "a concession from
        # 2025 to 2070 to build")
        opener = fold(view[m.start():m.end()].split(None, 1)[0])
        # (but a period its determiner opens modifies the noun after it, whatever stands before:
        # "is part of the 2021-2025 cooperation agreement between the two provinces")
        modifier = opener in DETERMINERS
        after = phrase_after(view, m.end(), s.end, self.stops) \
            if (modifier or not link.group().strip()) and opener not in self.span_openers else None
        if after and after[0] - m.end() <= 1 and re.match(r"[ \t]+[a-z]", view[m.end():after[0] + 1]):
            # "the 2022-2023 academic year", "the 2022-2025 cooperation memorandum": the noun after owns it.
            phrase = text[after[0]:after[1]]
            if _has_plan_noun(phrase, self.plan_nouns):
                return phrase
            if modifier and not link.group().strip():
                return None  # "the 2022-2023 academic year": a noun of its own, no plan's
            # ("the National Measles and Rubella Elimination Plan 2021-2025 and is supported by":
            # a period after its plan's name, whatever follows)
        end = link.start() if link else m.start()
        comma = _relative_comma(view, s.start, end)
        if comma is not None and link is not None and _RELATIVE_WORD.match(view, link.start()):
            end = comma  # "the power purchase agreement, which runs from 2024 to 2049": the antecedent's
        before = np_before(view, s.start, end, self.stops)
        if before and _has_plan_noun(text[before[0]:before[1]], self.plan_nouns):
            return text[before[0]:before[1]]
        subject = self._linked_subject(s, link)
        if subject is not None:
            return subject
        frame = _UNDER.match(view, s.start, m.start())
        if frame and _has_plan_noun(frame.group(1), self.plan_nouns):
            return text[frame.start(1):frame.end(1)]  # "Under the deal, EVN will buy ... for 2026-2050"
        framed = _UNDER_PLAN.match(view, s.start, s.end)
        if framed:
            # "Under the power purchase agreement signed with Viet Nam Electricity (EVN) in August
            # 2022, the plant sells its power ... from 2024 to 2044": the plan the long opening
            # names, whether the period is inside it or in the clause after it
            return self._last_plan(s, framed.start(1), framed.end(1))
        under_which = _last(_UNDER_WHICH, view, s.start, m.start())
        if under_which is not None:
            # "signed a power purchase agreement with EVN in 2022, under which EVN will buy the
            # plant's electricity from 2023 to 2050": the plan the relative clause hangs from
            return self._last_plan(s, s.start, under_which.start())
        # "the power purchase agreement (PPA) with EVN for the period 2026-2050": the nearest
        # plan noun further back in the same clause ("the memorandum of understanding between
        # the ministry and the province on the transit of Lao goods through Cua Lo port, covering
        # 2025-2029"), with no finite verb between them.
        window = view[max(s.start, clause_start(view, s.start, m.start(), s.clause_words), m.start() - _PLAN_REACH):m.start()]
        if re.search(r"[;:]|\b(?:while|but)\b", window[-40:]):
            return None
        # (up to the period's own link: "a memorandum ... between Dien Bien and Phongsaly covering
        # 2024-2028" runs to "covering")
        hi = link.start() if link and link.group().strip() else m.start()
        plan = self._last_plan(s, m.start() - len(window), hi)
        if plan is not None and s.tokens:
            # "an agreement on cooperation in education and human resources training for the
            # 2024-2028 period": an "and" inside the plan's phrase; a verb between them ("the
            # agreement and will invest ... in 2024-2025") makes the period another clause's
            at = text.rfind(plan, s.start, m.start())
            # (an infinitive says what a term is for: "a 30-year concession to run the station,
            # from 2024 to 2054")
            between = [t for t in s.tokens if at + len(plan) <= t.start < hi]
            term = _has_plan_noun(plan, self.term_nouns)
            if any(t.tag in ("VB", "VBD", "VBZ", "VBP", "MD") and not (term and t.tag == "VB" and k and between[k - 1].tag == "TO")
                   for k, t in enumerate(between)):
                return None
        return plan

    def _linked_subject(self, s: Sentence, link: re.Match | None) -> str | None:
        """The plan a period's linking verb has for its clause's subject, however far back:
        "The contract signed on April 18 between the cooperative and a Yunnan processor runs
        from 2025 to 2030", "The scheme will run from 2025 to 2030", "The developer's
        concession, approved last year, runs from 2024 to 2074"; not in a relative clause
        ("..., which runs from": its antecedent's, found before). A participle is no clause's
        verb ("a 50-year term, running from 2008": the term's), and a superlative picks one of
        several ("The largest concession ... runs from 2008": not the story's own)."""
        if link is None or not s.tokens:
            return None
        words = link.group().split()
        if not words or fold(words[0]) not in self.link_verbs:
            return None
        at = bisect_left(s.tokens, link.start(), key=lambda t: t.start)
        verb = s.tokens[at] if at < len(s.tokens) and s.tokens[at].start == link.start() else None
        span = clause_subject(s.tokens, link.start(), s.clause_words)
        if verb is None or verb.tag == "VBG" or span is None \
                or any(t.tag == "JJS" for t in s.tokens[span[0]:span[1]]):
            return None
        last = span[1] - 1
        while last > span[0] and not s.tokens[last].text[-1:].isalnum():
            last -= 1  # "The programme, funded by ...": the phrase, not its comma
        phrase = s.doc.text[s.tokens[span[0]].start:s.tokens[last].end]
        return phrase if _has_plan_noun(phrase, self.plan_nouns) else None

    def _office_term(self, s: Sentence, m: re.Match) -> tuple[str, str] | None:
        """(the office, its holder's last name word) when a period is the term of an office
        someone was elected or appointed to ("endorsed Mr Khamsing Southavong as Governor of
        Savannakhet province for the 2021-2026 term"); None for any other period."""
        view, text = s.view, s.doc.text
        if m.group().split()[-1].lower() not in self.office_terms:
            noun = _NEXT_WORD.match(view, m.end(), s.end)  # "the 2021-2026 term": the noun after
            if noun is None or noun.group(1) not in self.office_terms:
                return None
        title = _last(self.titles, view, max(s.start, m.start() - _PLAN_REACH), m.start())
        if title is None:
            return None
        gap = view[title.end():m.start()]
        link = self.term_link.search(gap)
        if link is not None and not any(ch in gap for ch in ",;()") and len(gap) <= 80:
            end = title.end() + link.start()
        elif self.closing_link.search(view, max(title.end(), m.start() - 40), m.start()) and not any(ch in gap for ch in ";()"):
            # "Mr Vilaysack was appointed Governor of Champasak province under a decree ..., for
            # the remainder of the 2021-2026 term": the office the sentence appointed him to
            place = self.office_of.match(view, title.end(), m.start())
            end = place.end() if place else title.end()
        else:
            return None
        holder = self._holder(s, title.start())
        if holder is None:
            return None
        return text[title.start():end].rstrip(), fold(holder).lower()

    def _served_term(self, s: Sentence, m: re.Match) -> tuple[str, str | None] | None:
        """(the office's title, its holder's last name or None) when a period is the span
        someone held an office ("Mr Khamphet served as governor of Savannakhet province from
        2016 to 2021", "Khamphet, who was Savannakhet governor in 2015-2021", "He served as
        Vice Governor of Bokeo province from 2015 to 2020": no name); None for any other period."""
        view = s.view
        title = _last(self.any_titles, view, max(s.start, m.start() - _TENURE_REACH), m.start())
        gap = _TENURE_GAP.fullmatch(view, title.end(), m.start()) if title is not None else None
        if gap is None:
            return None
        verb = self.served.search(view, max(s.start, title.start() - _TENURE_REACH), title.start())
        if verb is None:
            return None
        title_key = self.title_keys[" ".join(title.group().lower().split())]
        place = self._office_place(verb.group("pre") + " " + (gap.group(1) or ""))
        return f"{title_key} {place}" if place else title_key, self._holder(s, verb.start())

    def _own_term(self, s: Sentence, m: re.Match) -> tuple[str, str | None] | None:
        """(the office's title, its holder's name) for a span told as a possessive's term in an
        office ("thanked Vilaysack for his contributions ... during his 2020-2025 tenure as
        governor"): the holder is the last name before the possessive; None for any other period."""
        view = s.view
        before = self.possessive_before.search(view, max(s.start, m.start() - 12), m.start())
        if before is None:
            return None
        after = self.term_as.match(view, m.end(), s.end)
        names = [t for t in s.tokens if t.end <= before.start() and t.tag == "NNP" and t.text.isalpha()
                 and not self.any_titles.match(view, t.start) and fold(t.text) not in self.aliases.place_words]
        holder = names[-1].text if names else None
        if after is None:
            # "During his 2023-2025 tenure, the former minister led the ministry": a term with no
            # title is its holder's all the same
            noun = _NEXT_WORD.match(view, m.end(), s.end)
            termed = m.group().split()[-1].lower() in self.office_terms or noun is not None and noun.group(1) in self.office_terms
            return ("", holder) if termed else None
        if not (after.group(1) or m.group().split()[-1].lower() in self.office_terms):
            return None
        title = self.any_titles.match(view, after.end())
        if title is None:
            return None
        return self.title_keys[" ".join(title.group().lower().split())], holder

    def _holder_term(self, s: Sentence, m: re.Match) -> str | None:
        """Who takes or holds an office for a term told with no title ("He will serve for the
        2026-2031 tenure", "Khoa, who will serve in Savannakhet for the 2025-2028 term", "Mr
        Khamsing was appointed to the post ..., for the 2024-2027 term"): the name or pronoun
        before the verb; None for any other period."""
        view = s.view
        noun = _NEXT_WORD.match(view, m.end(), s.end)
        if not (m.group().split()[-1].lower() in self.office_terms or noun is not None and noun.group(1) in self.office_terms):
            return None
        lo = clause_start(view, s.start, m.start(), s.clause_words)
        verb = _last(self.serving, view, max(lo, m.start() - _TENURE_REACH), m.start())
        if verb is None or self.any_titles.search(view, verb.end(), m.start()):
            return None  # "appointed ... as Governor of Bolikhamxay province for the term": the office's own
        toks = [t for t in s.tokens if t.end <= verb.start()]
        k = len(toks) - 1
        while k >= 0 and (toks[k].text.lower() in self.auxiliaries or toks[k].is_verb or toks[k].text.lower() == "who"
                          or toks[k].text == "," and k + 1 < len(toks) and toks[k + 1].text.lower() == "who"):
            k -= 1
        if k >= 0 and toks[k].text == ",":
            # "Mr Sonexay, who had been Vice Governor ..., will serve": the name before the aside
            who = next((j for j in range(k - 1, 0, -1) if toks[j].text.lower() == "who" and toks[j - 1].text == ","), None)
            k = who - 2 if who is not None else -1
        if k >= 0 and toks[k].text.lower() in self.pronouns:
            return toks[k].text.lower()
        if k >= 0 and toks[k].tag == "NNP" and toks[k].text.isalpha() and not self.titles.match(view, toks[k].start):
            return toks[k].text
        return None

    def _office_place(self, words: str) -> str | None:
        """The known place an office is of, in the words around its title ("Bokeo's vice
        governor", "Vice Governor of Bokeo province", "Consul General of Vietnam in Luang
        Prabang": Bokeo, Luang Prabang; a country alone says less, and is left out)."""
        places = self.aliases.places_in(words)
        return places[0] if places else None

    def _led_term(self, s: Sentence, m: re.Match) -> tuple[str, str | None] | None:
        """(the name of who led a body over a period, the office the verb names if it names
        one) with a leading verb and its object before the period in one clause ("Yen headed
        the ministry in 2021-2024"); the name stands right before the verb, its auxiliaries, or
        "who" and its comma; None for any other period."""
        view = s.view
        verb = _last(self.leading, view, max(s.start, m.start() - _TENURE_REACH), m.start())
        if verb is None or _LED_GAP.fullmatch(view, verb.end(), m.start()) is None:
            return None
        toks = [t for t in s.tokens if t.end <= verb.start()]
        k = len(toks) - 1
        while k >= 0 and (toks[k].text.lower() in self.auxiliaries or toks[k].text.lower() == "who"
                          or toks[k].text == "," and k + 1 < len(toks) and toks[k + 1].text.lower() == "who"):
            k -= 1
        end = k
        while k >= 0 and toks[k].text[:1].isupper() and toks[k].text.isalpha() and not self.titles.match(view, toks[k].start) \
                and toks[k].text.lower().rstrip(".") not in self.honorifics \
                and not (k > 0 and toks[k - 1].text.lower() == "of"):  # "Minister of Health Vu ...": a title's place
            k -= 1
        if end - k < 1 or toks[end].tag.startswith("PRP"):
            return None
        title = self.leading_titles.get(verb.group().lower())
        place = self._office_place(view[verb.end():m.start()]) if title else None
        return s.doc.text[toks[k + 1].start:toks[end].end], f"{title} {place}" if place else title

    def _holder(self, s: Sentence, before: int) -> str | None:
        """The last word of the name of who takes the office named at `before`: the name right
        after the last verb of succession ("elected Hoang Quoc Thinh, ..., to the post of"),
        else a name after an honorific ("comrade Hoang Quoc Thinh, ..., was elected"), else a
        name opening the sentence before a comma ("Hai, 51, won ... and becomes"); a relative
        clause's antecedent first ("He replaces Vilayphone Sithirath, who had served as governor")."""
        verb = _last(self.succession, s.view, s.start, before)
        toks = [t for t in s.tokens if t.end <= before]
        who = [k for k in range(2, len(toks)) if toks[k].text.lower() == "who" and toks[k - 1].text == ","]
        if who:
            end = k = who[-1] - 1
            while k > 0 and toks[k - 1].text[:1].isupper() and toks[k - 1].text.isalpha() \
                    and not self.any_titles.match(s.view, toks[k - 1].start) and toks[k - 1].tag.startswith("NNP"):
                k -= 1
            if k < end:
                return toks[end - 1].text
        starts = [k for k, t in enumerate(toks) if verb is not None and t.start >= verb.end()][:1]
        starts += [k + 1 for k, t in enumerate(toks) if t.text.lower().rstrip(".") in self.honorifics]
        starts.append(0)  # "Hai, 51, won 96.15 percent of the votes and becomes ...": the sentence's own subject
        for k in starts:
            # "Minister Bounthavy was ...": past honorifics and a title before the name
            while k < len(toks) and (toks[k].text.lower() in self.honorifics or self.any_titles.match(s.view, toks[k].start)):
                k += 1
            run = k
            while run < len(toks) and toks[run].text[:1].isupper() \
                    and not self.titles.match(s.view, toks[run].start):
                run += 1
            if run - k >= 1 and (run == len(toks) or toks[run].text in self.name_ends) \
                    and not any(t.tag.startswith("PRP") or t.tag == "DT" for t in toks[k:run]):  # "He served as", "The new ...": whose?
                return toks[run - 1].text
        return None

    def _last_plan(self, s: Sentence, lo: int, hi: int) -> str | None:
        """The noun phrase ending at a plan noun in [lo, hi): the first one from which the words
        run to `hi` with no comma or verb between ("an agreement on cooperation in education
        ...": the agreement, not the cooperation), else the last one."""
        view, text = s.view, s.doc.text
        window = view[lo:hi]
        ends = sorted({lo + hit.end() for noun in self.plan_nouns
                       for hit in re.finditer(r"\b" + re.escape(noun) + r"s?\b", window, re.IGNORECASE)})
        if not ends:
            return None
        chained = [e for e in ends if "," not in view[e:hi] and not any(
            t.is_verb for t in s.tokens if e <= t.start and t.end <= hi)]
        end = chained[0] if chained else ends[-1]
        for e in ends:  # "cooperation agreement": the compound's last plan noun
            if e > end and _ONE_WORD.fullmatch(view, end, e):
                end = e
        span = np_before(view, s.start, end, self.stops)
        return text[span[0]:span[1]] if span else None


_TENURE_REACH = 80  # characters back from a period to the office held over it
# between an office and the span its holder held it: the office's place or body after "of" or
# "in" ("of the provincial Department of Planning and Investment"), then "in" or nothing
# (the period's own "from" is part of its match), "during" too ("served as governor during 2022-2025")
_TENURE_GAP = re.compile(r"([ \t]+(?:of|in)[ \t]+(?:the[ \t]+)?(?:[a-z]+[ \t]+)?[A-Z][\w'-]*(?:[ \t]+[\w'-]+){0,5}?)?[ \t]+(?:(?:in|during)[ \t]+)?(?:the[ \t]+period[ \t]+)?")
# between a leading verb and the period: its object, a few words with no clause mark, then the
# period's preposition or none ("headed the ministry in", "had been leading ... during")
_LED_GAP = re.compile(r"[ \t]+(?:the[ \t]+|its[ \t]+|his[ \t]+|her[ \t]+)?[\w'’-]+(?:[ \t]+[\w'’-]+){0,6}?[ \t]+(?:(?:in|during|from|between|over)[ \t]+)?(?:the[ \t]+)?")
_LONGEST_PLAN = 50  # years a plan's period spans at most
_LONGEST_TERM = 99  # years a concession or a lease may run
_ONE_WORD = re.compile(r"[ \t]+[\w-]+")
_NEXT_WORD = re.compile(r"[ \t]+([a-z]+)")
_PLAN_REACH = 240  # characters back within which a plan noun owns a period
_UNDER_WHICH = re.compile(r",[ \t]*under[ \t]+which\b", re.IGNORECASE)
# a long opening "Under <a plan ...>," up to its first comma (brackets inside: "(EVN)")
_UNDER_PLAN = re.compile(r"Under[ \t]+((?:the|this|that|its|their|a|an)[ \t]+[^,;.]{1,160}?),")
_UNDER = re.compile(r"(?:Under|According[ \t]+to)[ \t]+((?:the|this|that|its|their)[ \t]+[\w -]{1,40}?),", re.IGNORECASE)


_RELATIVE_TOKENS = 4  # tokens before a term verb within which a relative pronoun opens its clause
_RELATIVE_WORD = re.compile(r"(?:that|which)\b", re.IGNORECASE)


def _relative_comma(view: str, lo: int, pos: int) -> int | None:
    """The offset of the comma right before `pos` (spaces between), or None."""
    k = pos
    while k > lo and view[k - 1] in " \t":
        k -= 1
    return k - 1 if k > lo and view[k - 1] == "," else None


def _last(pattern: re.Pattern[str], view: str, lo: int, hi: int) -> re.Match | None:
    """The last match of `pattern` in view[lo:hi], or None."""
    found = None
    for found in pattern.finditer(view, lo, hi):
        pass
    return found


def _has_plan_noun(phrase: str, nouns: tuple[str, ...]) -> bool:
    low = phrase.lower()
    return any(re.search(r"\b" + re.escape(n) + r"s?\b", low) for n in nouns)
