"""Counts of things: "8 cooperation agreements", "two city-level agreements".

The counted noun is singularised; what makes two counts different things goes to
`scope`: the level ("city-level"), the parties ("between departments and agencies"),
the kind ("cooperation"), the agent ("agencies ... have signed 8 ...").
"""

from __future__ import annotations

import re
from bisect import bisect_left, bisect_right
from dataclasses import replace
from itertools import takewhile

from nltk.stem.porter import PorterStemmer

from checker.analyse import Tokens, clause_subject, governing_verb, noun_phrase_at, opening_phrase, subject_after_opener, verb_subject, without_adverbs
from checker.extract.base import (Sentence, antecedent_before, make_claim, np_before, phrase_after, phrase_before, sentence_subject,
                                  state_time)
from checker.extract.figures import FROM_NAME, NAMED, POSSESSOR_BEFORE, Goods, OtherThing, PartMarkers, PlaceOwners, PlanMarkers, Revisions, Increments, WiderArea, clause_start, link_pattern, \
    Phases, predicate_start, relative_antecedent
from checker.extract.numbers import NumberFinder
from checker.extract.reporting import ReportingPeriods
from checker.lexicon import Lexicon
from checker.text import alternation, fold, singular
from checker.models import Claim, CountValue

# Porter's stemmer (nltk, offline, no data files) gives every form of a verb one stem, so a
# count's verb compares across tenses without a list of irregular forms in code.
_STEMMER = PorterStemmer()
_BRACKETED_ACRONYM = re.compile(r"[ \t]+\([A-Z][A-Za-z]{1,7}\)")
_NOUN_WORD = re.compile(r"[ \t]+([A-Za-z][A-Za-z'-]{1,30})")
_LEVEL = re.compile(r"\b(?:at|on)[ \t]+the[ \t]+([\w-]+)[ \t]+level\b", re.IGNORECASE)
_PARTIES = re.compile(r"[ \t]+(?:between|among|with)[ \t]+", re.IGNORECASE)
_COLLECTIVE_REACH = 40  # characters before a figure read for "a workforce of about"
_DESTINATION_REACH = 8  # words after a count within which its clause names where it was sent


_FINITE = re.compile(r"\b(?:has|have|had|is|are|was|were|will|would|and)\b", re.IGNORECASE)
_MAX_MODIFIERS = 4
_ACRONYM_PLURAL = re.compile(r"[A-Z]{2,6}s")
_IN_PLACE = re.compile(r"[ \t]+(?:\w+[ \t]+){0,2}?in[ \t]+((?:[A-Z][\w'-]*[ \t]*){1,4})")  # "... opened in Xieng Khouang"
_NOMINAL_REACH = 60  # characters before a count within which a verb's noun and "of" stand
_OPENER_REACH = 8  # characters before a range within which the word opening a change stands ("from six to 14")
_POSSESSIVE_REACH = 12  # characters before a count in which its owner's possessive stands
_ANY_DIGIT = re.compile(r"\d")
_ANY_YEAR = re.compile(r"\b(?:19|20)\d\d\b")
# "the seven-storey building", "The 168-seat Airbus A320neo": what a hyphened count describes
_HAS = _STEMMER.stem("has")  # the stem a count_noun_verbs entry for "has" is read under
_COPULA_AFTER = re.compile(r"[ \t]+(?:were|was)[ \t]+")  # a bare number the subject of a noun: "486,300 were visitors"
_TOLL_REACH = 100  # characters back from a bare number within which a toll may count it
_DESCRIBED = re.compile(r"[ \t]+((?:[a-z]+[ \t]+)?[a-z]+|[A-Z][\w'-]*(?:[ \t]+[A-Z0-9][\w'-]*){0,4})\b")
_CONDITION_REACH = 120  # characters after a count within which its state is written
_HYPHEN_UNIT = re.compile(r"-([a-z]{3,20})\b(?!-)")
_NAME_BEFORE = re.compile(r"(\b[A-Z][\w'-]*|No\.)[ \t]$")
_DETERMINERS = frozenset({"The", "A", "An", "This", "That", "These", "Those", "Its", "Their", "Some", "All", "Only",
                          "About", "Over", "Nearly", "Around", "More", "Less", "Just", "With", "Of", "In", "At", "By"})
_VOTE_REACH = 40  # characters before "44 of the 45 deputies" within which a vote word makes them votes
_VOTER_REACH = 20  # and after them: "82 of the 84 deputies present voting in favour"
_OF = re.compile(r"[ \t]+of[ \t]+")
_OUT_OF = re.compile(r"[ \t]+(?:out[ \t]+)?of[ \t]+(?:the[ \t]+)?(\d[\d,]*)(?![\d.,]*\d)")


def _number(written: str) -> int:
    return int(written.replace(",", ""))


_PREPOSITION_BEFORE = re.compile(r"\b(?:of|in|at|from|near)[ \t]+(?:the[ \t]+)?$", re.IGNORECASE)


_FINITE_TAGS = frozenset({"VBP", "VBZ", "VBD"})  # Penn tags of a finite verb of the present or past


def _verb_after(s: Sentence, pos: int, auxiliaries: frozenset[str]) -> str | None:
    """The main verb of the first verb group after `pos` in its clause ("have been evacuated":
    evacuated), past one participle describing the subject ("weighing about 190 tonnes"), when
    the words before it are the subject's; None at a comma or clause word."""
    group: list[str] = []
    finite = False  # "12,600 households grow coffee": a verb of the present or past of its own
    described = False  # "3,260 pigs weighing about 190 tonnes had been culled": a participle's phrase
    toks = s.tokens
    first = None  # the first word after the count: its verb, or a preposition's phrase before it
    for i, t in enumerate(toks):
        if t.start < pos:
            continue
        first = t if first is None else first
        if t.is_verb:
            if not group and not described and t.tag == "VBG":
                described = True
                continue
            # (the tagger reads a plural subject's verb as its base form: "households grow")
            finite = finite or not group and (first is t or first.tag == "IN") and (
                t.tag in _FINITE_TAGS or t.tag == "VB" and i > 0 and toks[i - 1].tag.startswith("NN"))
            group.append(t.text.lower())
        elif group and t.tag == "TO" and group[-1] in auxiliaries:
            continue  # "587 households had to be relocated": the verb after "had to be"
        elif group:
            break
        elif t.text in (",", ";") or t.text.lower() in s.clause_words or t.tag in ("WDT", "WP"):
            return None
    mains = [w for w in group if w not in auxiliaries and w != "been"]
    return mains[-1] if mains and (group[0] in auxiliaries or finite and len(group) == 1) else None


def _after_to(s: Sentence, pos: int) -> bool:
    """Whether the word right before the count at `pos` is "to": whom a giving verb gave to."""
    i = bisect_left(s.tokens, pos, key=lambda t: t.start)
    return i > 0 and s.tokens[i - 1].text.lower() == "to"


def _tagged_function_word(s: Sentence, pos: int) -> bool:
    """The analysis tags the capitalised word at `pos` as a preposition, determiner or adverb:
    a sentence's first word, not part of a name."""
    i = bisect_left(s.tokens, pos, key=lambda t: t.start)
    return i < len(s.tokens) and s.tokens[i].start == pos and s.tokens[i].tag in ("IN", "DT", "RB", "CC", "PDT")


_CAPACITY_REACH = 60  # how far before a count per day its capacity phrase may start
_EACH_REACH = 80  # how far after a count its clause may end on "daily" ("crossed Lao Bao border gate daily")
_POST_VERB = re.compile(r"[ \t]+(?:were[ \t]+|have[ \t]+been[ \t]+|had[ \t]+been[ \t]+)?(?:[a-z]{2,}ly[ \t]+)?([a-z]+)\b")


class CountExtractor:
    kind = "count"

    def __init__(self, lexicon: Lexicon, numbers: NumberFinder, periods: ReportingPeriods | None = None) -> None:
        self.phases = Phases(lexicon)
        self.periods = periods or ReportingPeriods.of(lexicon)  # shared by the extractors: read once a sentence
        self.settled = frozenset(lexicon.nouns.settled_counts)
        self.person_counts = frozenset(lexicon.names.person_counts)  # "57 of 59 votes": a person's tally out of all
        # "received the votes of 44 of the 45 deputies present": voters out of all, in a sentence
        # about votes, count the person's votes
        self.voters = frozenset(lexicon.names.voters)
        self.market_heads = frozenset(singular(w.lower()) for w in lexicon.places.market_nouns)
        self.reach_verb = lexicon.places.market_reach_verb
        self.goods = Goods(lexicon)
        self.nations = {fold(k): v for k, v in lexicon.names.nationalities.items()}
        self.succession = frozenset(w.lower() for w in lexicon.offices.succession_verbs)
        self.appointment_nouns = frozenset(w.lower() for w in lexicon.offices.appointment_nouns)
        self.honorifics = frozenset(w.lower().rstrip(".") for w in lexicon.names.honorifics)
        # the noun each vote word counts: "votes" -> vote, "voting" -> vote
        self.vote_nouns = {**{n.lower(): n for n in lexicon.names.person_counts},
                           **{v.lower(): n for v, n in lexicon.names.person_count_verbs.items()}}
        self.vote_words = re.compile(r"\b(?:" + alternation([*lexicon.names.person_counts, *lexicon.names.person_count_verbs])
                                     + r")s?\b", re.IGNORECASE)
        self.others = OtherThing(lexicon.entities)
        self.operating = re.compile(r"[ \t]+(?:" + alternation(lexicon.entities.operating_markers) + r"|(?:"
                                    + alternation(lexicon.entities.operating_adverbs) + r")[ \t]+[a-z]+ing)\b",
                                    re.IGNORECASE)
        self.unfinished = re.compile(r"[ \t]+(?:" + alternation(lexicon.entities.unfinished_markers) + r")\b", re.IGNORECASE)
        nouns = lexicon.nouns
        self.numbers = numbers
        quantifiers = alternation(lexicon.nouns.count_verbs.quantifiers)
        self.capacity = re.compile(rf"\b(?:{alternation(lexicon.nouns.count_capacity_phrases)})[ \t]+"
                                   rf"(?:(?:{quantifiers})[ \t]+)?$", re.IGNORECASE)
        self.plans = PlanMarkers(lexicon.events.plan_markers, lexicon.events.estimate_markers,
                                 lexicon.events.fact_openers, lexicon.events.ahead_openers, lexicon.events.ahead_adverbs)
        self.revisions = Revisions(lexicon.events, lexicon.hedges.hedges)
        self.increments = Increments(lexicon.events, lexicon.hedges.hedges)
        self.places = PlaceOwners(lexicon)
        self.parts = PartMarkers(lexicon.entities, lexicon.nouns.figure_links.verbs)
        self.irregular = dict(nouns.irregular)
        self.not_plural = frozenset(nouns.not_plural)
        self.synonyms = dict(nouns.count_synonyms)
        self.person_nouns = frozenset(nouns.person_nouns)
        self.person_outcomes = dict(nouns.person_outcomes)
        self.daily_tallies = frozenset(nouns.daily_tallies)
        self.held_tallies = frozenset(nouns.held_tallies)
        # "eight classrooms each,": a word of each one's count ending the phrase (not "each year")
        self.distributive = re.compile(r"[ \t]+(?:" + alternation(nouns.distributive_words) + r")\b(?![ \t]+[A-Za-z])")
        self.toll_part = re.compile(r"[ \t]+(?:" + alternation(nouns.toll_parts) + r")\b", re.IGNORECASE)
        self.lemmas = dict(nouns.verb_lemmas)
        self.features = frozenset(nouns.feature_nouns)
        self.feature_verbs = frozenset(nouns.feature_verbs)
        # "The mill's six silos", "its 24 berths": a count its owner's possessive opens
        self.possessed = re.compile(r"(?:['\u2019]s|\b(?:" + alternation(nouns.possessives) + r"))[ \t]+$", re.IGNORECASE)
        v = nouns.count_verbs
        self.auxiliaries = frozenset(v.auxiliaries)  # "is", "has", "will": not what a count is the object of
        self.passive = frozenset(v.passive)
        self.received_as = dict(v.received_as)
        some = rf"(?:(?:{alternation(v.quantifiers)})[ \t]+)?"
        aux = alternation(v.auxiliaries)
        self.agent = re.compile(rf"\b((?:{aux})[ \t]+(?:\w+[ \t]+)?(?:{alternation(v.done)})|(?:{alternation(v.doing)}))[ \t]+{some}$",
                                re.IGNORECASE)
        self.thing_heads = frozenset(fold(h) for h in lexicon.entities.heads)
        self.irregular_plurals = frozenset(fold(w) for w in lexicon.nouns.irregular)
        self.object_kind_verbs = frozenset(fold(w) for w in lexicon.nouns.object_kind_verbs)
        # "60 scholarships a year", "45 scholarships annually": a number each period, a standing rate
        units = lexicon.units
        denominators = {**units.period_denominators, **units.count_denominators}
        self.each_period = {**{fold(k): v for k, v in denominators.items()},
                            **{fold(k): v for k, v in units.period_adverbs.items()}}
        self.each_period_after = re.compile(r"[ \t]+(?:(?:a|an|per|each|every)[ \t]+(" + alternation(denominators)
                                            + r")|(" + alternation(units.period_adverbs) + r"))\b(?![ \t]+(?:"
                                            + alternation(lexicon.spans.offset_words) + r")\b)", re.IGNORECASE)
        # "shrimp of 40 pieces per kilo", "two cows per household", "two lanes in each direction": a
        # ratio, a grade or a density, no tally
        ratios = [d for d in units.denominators if fold(d) not in self.each_period]
        self.per_other = re.compile(r"[ \t]+(?:a|an|per|(?:in[ \t]+)?each)[ \t]+(?:" + alternation(ratios) + r")\b",
                                    re.IGNORECASE)
        # ... told at the clause's end ("crossed the gate daily,"), never an adjective ("for daily use")
        self.each_period_late = re.compile(self.each_period_after.pattern + r"(?=[ \t]*(?:[,.;:)]|$))", re.IGNORECASE)
        self.floor_nouns = frozenset(lexicon.nouns.floor_nouns)
        # "13 floors, including two basements": a count of floors with those below ground
        self.below_included = re.compile(r"[ \t]*,?[ \t]*(?:" + alternation(lexicon.entities.part_markers_before)
                                         + r")\b[^,;.]{0,24}?\b(?:" + alternation(lexicon.nouns.below_ground_words) + r")\b",
                                         re.IGNORECASE)
        self.having = re.compile(rf"\b({alternation(v.having)})[ \t]+{some}$", re.IGNORECASE)
        # "a workforce of (about) 1,380": the group noun and its "of" right before the figure
        self.collective_generic = frozenset(nouns.collective_generic)
        self.collective_nouns = {" ".join(fold(k).split()): v for k, v in nouns.collective_counts.items()}
        self.collective = re.compile(rf"\b({alternation(nouns.collective_counts)})[ \t]+of[ \t]+{some}$", re.IGNORECASE)
        self.having_words = frozenset(w.lower() for w in v.having if " " not in w)  # the verbs a count's object has
        self.have_forms = self.having_words & self.auxiliaries  # "has", "have", "had"
        # "63 houses were completely destroyed": an -ly adverb may stand before the participle
        self.tally = re.compile(rf"[ \t]+(?:(?:{aux})(?:[ \t]+been)?)?[ \t]*(?:(?:[a-z]{{2,}}ly|{alternation(v.tally_states)})[ \t]+){{0,2}}"
                                rf"({alternation(v.tally_after)})\b", re.IGNORECASE)
        self.tally_stems = frozenset(_STEMMER.stem(w.split()[0]) for w in v.tally_after + v.tally_before)
        self.elided = re.compile(rf"(?:[ \t]+(?:{alternation(v.elided)})\b)?", re.IGNORECASE)
        self.conditions = {" ".join(p.lower().split()): state for state, phrases in v.tally_conditions.items() for p in phrases}
        self.tally_stems |= {_STEMMER.stem(state) for state in v.tally_conditions}  # a state's tally grows by the day
        self.tally_before = frozenset(w.lower() for w in v.tally_before)  # "drought had left 3,840 households"
        self.condition = re.compile(r"\b(?:" + alternation(self.conditions) + r")\b", re.IGNORECASE)
        self.pre_tally = re.compile(rf"\b({alternation(v.tally_before)})[ \t]+{some}$", re.IGNORECASE)
        self.not_counted = frozenset(nouns.not_counted)
        self.not_claimed = frozenset(nouns.not_claimed)
        self.measures = frozenset(nouns.count_measures)
        self.of_them = re.compile(r"[ \t]+of[ \t]+(?:" + alternation(nouns.partitive_pronouns) + r")\b", re.IGNORECASE)
        self.tolls = {" ".join(k.lower().split()): v for k, v in nouns.toll_nouns.items()}
        self.subject_links = frozenset(fold(w) for w in nouns.count_subject_links)
        self.change_openers = frozenset(fold(w) for w in nouns.count_change_openers)
        self.toll_words = re.compile(r"\b(" + alternation(self.tolls) + r")\b", re.IGNORECASE)
        self.links = link_pattern(nouns.figure_links, list(lexicon.numbers.percent_signs), nouns.subject_adverbs)
        self.adverbs_before = re.compile(r"(?:\b(?:" + alternation(nouns.subject_adverbs) + r")[ \t]+)+$", re.IGNORECASE)
        self.period_counts = frozenset(nouns.period_counts)
        self.descriptors = frozenset(nouns.count_descriptors)
        self.number_words = frozenset(lexicon.numbers.units) | frozenset(lexicon.numbers.tens)
        self.kind_synonyms = {k.lower(): v for k, v in nouns.count_kind_synonyms.items()}
        self.kinded = frozenset(singular(fold(w)) for w in lexicon.nouns.kinded_things)  # "cases of dengue fever"
        self.time_nouns = frozenset(lexicon.entities.time_nouns)  # "cases of dengue fever this year": no kind
        self.time_names = frozenset(w.lower() for w in [*lexicon.calendar.months, *lexicon.calendar.weekdays])
        self.noun_verbs = {noun: {_STEMMER.stem(v): to for v, to in verbs.items()} for noun, verbs in nouns.count_noun_verbs.items()}
        self.nominal_verbs = {fold(k): v for k, v in nouns.count_verbs.nominal.items()}
        self.nominal_before = re.compile(r"\b(" + alternation(nouns.count_verbs.nominal) + r")[ \t]+of[ \t]+(?:[a-z]+[ \t]+){0,3}$",
                                         re.IGNORECASE)
        self.units = frozenset(u.lower() for u in lexicon.units.units)
        self.currency_words = frozenset(w.lower() for w in lexicon.currencies.suffix)
        # compiled once: each count's noun is tried against every form, in the data's order
        self.multiword = [(re.compile(r"[ \t]+(?:[a-z-]+[ \t]+)?" + re.escape(form) + r"\b"), canon)
                          for canon, forms in nouns.multiword.items() for form in forms]
        self.counter_of = re.compile(r"[ \t]+(?:" + alternation(nouns.count_counters) + r")[ \t]+of(?=[ \t])", re.IGNORECASE)
        self.stops = frozenset(lexicon.aliases.stops) | {"in", "on", "at"}
        self.place_kinds = frozenset(fold(k) for k in lexicon.places.kinds)
        self.modifier_joiners = frozenset(nouns.modifier_joiners)
        self.party_nouns = frozenset(nouns.party_nouns)
        # "41,200 visitors from Laos": the visitors one country sends, some of all the visitors
        self.sent = frozenset(nouns.sent_counts)
        self.dispatch_verbs = frozenset(nouns.dispatch_verbs)
        self.doer_nouns = frozenset(fold(w) for w in nouns.doer_nouns)
        self.in_place = re.compile(r"[ \t]+in[ \t]+(?:the[ \t]+)?([A-Z][\w'-]*(?:[ \t]+[A-Z][\w'-]*){0,2})[ \t]+(?:"
                                   + alternation(lexicon.places.kinds) + r")\b")
        # "Luang Prabang city alone received 902,500 visitors": that place's part of the whole
        self.place_alone = re.compile(r"\b([A-Z][\w'-]*(?:[ \t]+[A-Z][\w'-]*){0,2}[ \t]+(?:"
                                      + alternation(lexicon.places.kinds) + r"))[ \t]+(?:"
                                      + alternation(lexicon.places.opening_closers) + r")\b")
        self.reporting = re.compile(rf"\b(?:{alternation(lexicon.offices.reporting_verbs)})\b", re.IGNORECASE)
        self.wider_area = WiderArea(lexicon.places)

    def extract(self, s: Sentence) -> list[Claim]:
        """The counts worth checking: every count but the parties of diplomatic news."""
        return [c.model_copy(update={"scope": {k: v for k, v in c.scope.items() if k != "written"}})
                for c in self.values(s) if c.value.noun not in self.not_claimed]

    @staticmethod
    def _finite_verb(s: Sentence, pos: int) -> bool:
        """Whether the word at `pos` is a finite verb, the analysis says ("has"), not a
        preposition ("..., with four lanes")."""
        return any(t.start == pos and t.tag in ("VBZ", "VBP", "VBD") for t in s.tokens)

    def _object_kind(self, s: Sentence, end: int) -> str | None:
        """The words that say which kind of object the verb right after a counted subject takes
        ("5,860 students received bachelor's degrees": bachelor's), so the count is of those
        who got that kind, not of all who got one ("6,420 students received degrees"); None
        when the object has no such words or the count is no verb's subject."""
        toks = s.tokens[bisect_left(s.tokens, end, key=lambda t: t.start):]  # (the sentence's, from the count on)
        i = 0
        if not toks or not toks[0].is_verb:
            return None
        while i < len(toks) and (toks[i].is_verb or toks[i].tag.startswith("RB")):
            i += 1
        if fold(toks[i - 1].text) not in self.object_kind_verbs:
            return None  # ("350 booths occupying exhibition space": what they take up, no kind of them)
        while i < len(toks) and toks[i].tag in ("DT", "PRP$"):
            i += 1
        words = []
        while i < len(toks) and (toks[i].tag.startswith(("JJ", "NN")) or toks[i].tag == "POS"):
            words.append(toks[i])
            i += 1
        # an adjective or a possessive says which kind ("bachelor's"); a compound's nouns name
        # the thing itself ("were granted investment registration certificates")
        kinds = [fold(t.text) for k, t in enumerate(words[:-1])
                 if t.tag.startswith("JJ") or t.tag != "POS" and words[k + 1].tag == "POS"]
        return " ".join(kinds) or None

    def _object_before(self, s: Sentence, having: re.Match[str]) -> tuple[int, int] | None:
        """The built thing a verb takes as its object right before "with" ("Thanh Hoa General
        Hospital opened a new oncology centre with 350 beds": the centre's beds, not the
        hospital's), when a determiner opens it and its head is a thing's (entities.yaml heads)."""
        if fold(having.group(1)) != "with" or not s.tokens:
            return None
        toks = s.tokens[:bisect_right(s.tokens, having.start(), key=lambda t: t.end)]
        k = len(toks)
        while k > 0 and (toks[k - 1].is_noun or toks[k - 1].tag.startswith("JJ")):
            k -= 1
        if k < 2 or k == len(toks) or toks[k - 1].tag not in ("DT", "PRP$") or not toks[k - 2].is_verb \
                or fold(toks[-1].text) not in self.thing_heads:
            return None
        return toks[k - 1].start, toks[-1].end

    def _reported(self, view: str, lo: int, pos: int) -> int:
        """Where the clause of a verb at `pos` starts when a reporting verb stands before it
        ("Local authorities said the province has"): after that verb; else `lo`."""
        found = None
        for m in self.reporting.finditer(view, lo, pos):
            found = m
        return found.end() if found is not None and view[found.end():pos].strip() else lo

    def _elided(self, s: Sentence, pos: int, claims: list[Claim]) -> tuple[str, list[str], int] | None:
        """The people of the sentence's toll before a bare number that a toll verb follows
        ("Eight people were killed and 21 others injured", "Nine passengers died and 19 were
        injured"): the same noun, so the verb makes it a toll of its own."""
        gap = self.elided.match(s.view, pos, s.end)
        earlier = next((c for c in reversed(claims) if c.start >= s.start), None)
        if earlier is None or not self.tally.match(s.view, gap.end(), s.end):
            return None
        written = earlier.scope.get("written", earlier.value.noun)
        return (written, [], gap.end()) if written in self.person_nouns else None

    def _aside_of_subject(self, s: Sentence, pos: int) -> tuple[int, int] | None:
        """The sentence's subject when all that stands before the aside at `pos` is that
        subject and its comma ("The building, with 560 beds, is ..."), else None ("On June 17,
        at its ninth session, with 136 votes", "was built to a higher standard, with four lanes")."""
        view = s.view
        span = sentence_subject(view, s.start, pos, self.stops)
        if span is None or view[s.start:span[0]].strip() or view[span[1]:pos].strip() != ",":
            return None
        return span

    def _doers_place(self, subject: str) -> str | None:
        """The place of a subject that names only who does the work there ("Livestock officers
        in Xieng Khouang province", "Health workers in Dien Bien"): its head before "in" is a
        doer noun (nouns.yaml doer_nouns) and a known place follows; else None."""
        words = subject.split()
        at = next((i for i, w in enumerate(words) if w.lower() == "in"), 0)
        if not at or singular(fold(words[at - 1])) not in self.doer_nouns:
            return None
        return self.places.place_in(" ".join(words[at + 1:]))

    def _sent_to(self, s: Sentence, end: int) -> str | None:
        """The known place a clause sends the counted things to, after the count ("cattle had
        been exported to Vietnam since January"), in lower case; None without one."""
        at = bisect_left(s.tokens, end, key=lambda t: t.start)
        for k in range(at, min(len(s.tokens) - 1, at + _DESTINATION_REACH)):
            if s.tokens[k].text in (",", ";", "."):
                return None
            if s.tokens[k].text.lower() == "to":
                k += 1 + (s.tokens[k + 1].text.lower() == "the")
                names = [t.text for t in takewhile(lambda t: t.text[:1].isupper(), s.tokens[k:k + 3])]
                place = self.places.place_in(" ".join(names)) if names else None
                return fold(place) if place else None
        return None

    def _owner_after(self, s: Sentence, end: int) -> str | None:
        """The built thing "of the" names right after a counted noun ("Workers install conductors
        on one of the 264 towers of the Savannakhet - Quang Tri line"), when its phrase ends in a
        thing's head noun (entities.yaml heads); None otherwise."""
        at = bisect_left(s.tokens, end, key=lambda t: t.start)
        if [t.text.lower() for t in s.tokens[at:at + 2]] != ["of", "the"] or at + 2 >= len(s.tokens):
            return None
        span = phrase_after(s.view, s.tokens[at + 2].start, s.end, self.stops)
        owner = s.doc.text[span[0]:span[1]] if span else ""
        return owner if fold(owner).split()[-1:] in ([h] for h in self.thing_heads) else None

    def _given_object(self, s: Sentence, end: int) -> bool:
        """Whether the verb group right after a counted subject is passive ("have been granted")
        and an object of its own follows it ("... sea area allocation decisions"): the counted
        things are the receivers, not the things given ("500 houses were handed over to")."""
        i = bisect_left(s.tokens, end, key=lambda t: t.start)
        j = i
        while j < len(s.tokens) and (s.tokens[j].is_verb or s.tokens[j].tag == "RB"):
            j += 1
        words = [t.text.lower() for t in s.tokens[i:j] if t.tag != "RB"]
        return len(words) >= 2 and words[-2] in self.passive and s.tokens[j - 1].tag == "VBN" \
            and j < len(s.tokens) and s.tokens[j].tag in ("DT", "JJ", "NN", "NNS", "PRP$", "CD")

    def _used_for(self, s: Sentence, start: int, end: int) -> str | None:
        """The use "for" names right after a counted noun when "and" then another number for
        another use follows ("four lanes for cars and two for mixed traffic"), folded, from the
        analysis: a breakdown by use, whose items are some of all. A use alone describes all
        ("480 beds for students", "408 stalls for handicrafts"): None."""
        at = bisect_left(s.tokens, end, key=lambda t: t.start)
        if at + 1 >= len(s.tokens) or s.tokens[at].text.lower() != "for":
            return None
        span = noun_phrase_at(s.tokens, s.tokens[at + 1].start, self.time_nouns)
        if span is None:
            return None
        after = bisect_left(s.tokens, span[1], key=lambda t: t.start)
        nxt = [t.text.lower() if t.tag != "CD" else "#" for t in s.tokens[after:after + 4]]
        first = bisect_left(s.tokens, start, key=lambda t: t.start)
        before = [t.text.lower() for t in s.tokens[max(0, first - 5):first]]
        listed = nxt[:3] == ["and", "#", "for"] or nxt[:2] == ["and", "#"] and nxt[3:4] == ["for"] \
            or before[-1:] == ["and"] and "for" in before  # ("four lanes for cars and two lanes for motorbikes")
        return " ".join(fold(s.doc.text[span[0]:span[1]]).split()) if listed else None

    def _counted_with(self, s: Sentence, end: int) -> str | None:
        """A second noun "and" joins to the counted one with no number of its own ("about
        420,000 cattle and buffalo", "1,200 doctors and nurses"): the count is of both, in
        the singular, from the analysis; None otherwise ("cattle and 80,000 buffalo")."""
        at = bisect_left(s.tokens, end, key=lambda t: t.start)
        toks = s.tokens[at:at + 3]
        if len(toks) < 2 or toks[0].text.lower() not in ("and", "or", "&") \
                or not (toks[1].tag == "NNS" or fold(toks[1].text) in self.irregular_plurals):
            return None  # ("505 beds and equipment": a mass noun, no things counted with them)
        if len(toks) == 3 and (toks[2].is_noun or toks[2].tag in ("DT", "PRP$", "CD") or toks[2].text.lower() == "of"):
            # "cases and deaths tolls", "houses and stretches of road": another phrase; "150
            # beds and houses the ...": a verb the tagger read as a noun
            return None
        return singular(fold(toks[1].text))

    def _counted_owner(self, s: Sentence, pos: int) -> str | None:
        """The counted noun phrase right before ", with" at `pos` ("3 ethnic boarding schools"),
        in lower case, from the analysis: a figure, then adjectives and nouns up to the comma."""
        toks = [t for t in s.tokens if t.end <= pos]
        if len(toks) < 3 or toks[-1].text != ",":
            return None
        k = len(toks) - 1
        while k > 0 and (toks[k - 1].is_noun or toks[k - 1].tag.startswith(("JJ", "VBG"))):
            k -= 1
        if k == len(toks) - 1 or k == 0 or toks[k - 1].tag != "CD":
            return None
        if toks[-2].text.lower() in self.units:
            return None  # "a floor area of 6,800 square metres, with 32 classrooms": a measure, no things counted
        return " ".join(t.text.lower() for t in toks[k - 1:-1])

    def values(self, s: Sentence) -> list[Claim]:
        """Every count the sentence states ("15 countries" too), as claims; a count whose noun
        was merged with its synonyms ("firms registered" counts enterprises) keeps the noun as
        written in its scope's "written", which the claims drop."""
        view, text = s.view, s.doc.text
        claims = []
        shares = [(x.start, x.end) for x in self.numbers.shares(view, s.start, s.end)]
        totals: set[int] = set()  # "57 of 59 votes": the 59 is what the 57 is out of, no count of its own
        for n in self.numbers.find(view, s.start, s.end):
            if n.number_start in totals:
                continue
            if any(a <= n.number_start < b for a, b in shares) and not self.numbers.whole_of_share(view, n, s.start) \
                    and self._votes_out_of(view, n.end, s.end) is None:
                continue  # "one in five residents": a share, not five residents ("55 out of 59 votes" counts 55)
            if self.numbers.currency_before(view, max(s.start, n.number_start - 5), n.number_start):
                continue  # "the VND15.48 trillion crossing": an amount of money, no things counted
            abbreviated = self.numbers.count_scale(view, n, s.end)
            if abbreviated:
                value, low, high = self.numbers.abbreviated(n, abbreviated[0])  # "3.5m paying subscribers"
                n = replace(n, value=value, low=low, high=high, end=abbreviated[1], written=view[n.number_start:abbreviated[1]])
            if not float(n.value).is_integer() or n.written.lower() == "one":  # "the one made by him" is a pronoun
                continue  # "4.3 million passengers" counts; "2.5 ha" does not
            if n.written.isdigit() and len(n.written) == 4 and 1900 <= n.value <= 2100:
                continue  # "the 2023 memorandum of understanding": a year; a count that large has a comma
            name = _NAME_BEFORE.search(view, max(s.start, n.start - 30), n.start)
            if name and (name.group(1) == "No." or name.group(1) not in _DETERMINERS
                         and not _tagged_function_word(s, name.start(1))):
                continue  # "Hieu Giang 2 bridge", "Phase 1": a number inside a name; not "Between 40 and 50"
            if self.numbers.mass_after(view, n, s.start, s.end):
                continue  # "weighed 330 pounds": a mass, not a count of pounds
            noun = self._noun(view, n.end, s.end, int(n.value))
            partitive = self.of_them.match(view, n.end, s.end) if noun is None else None
            earlier = antecedent = next((c for c in reversed(claims) if c.start >= s.start), None) if partitive else None
            if earlier is not None:
                # "146 houses had been damaged, 23 of them collapsed completely": 23 houses
                noun = (earlier.value.noun, [], partitive.end())
            if noun is None and partitive is None:
                noun = self._elided(s, n.end, claims)
            out_of = self._votes_out_of(view, n.end, s.end) if noun is None and partitive is None else None
            if out_of is not None and int(n.value) <= out_of[1]:
                # "Vinh won 57 of 59 votes", "he received 55 out of 59 votes": 57 votes, out of all
                # cast (a person's tally; "27 out of 40 stations" counts the 40 stations too)
                noun = out_of[2]
                totals.add(out_of[0])
            copula = _COPULA_AFTER.match(view, n.end, s.end) if noun is None and partitive is None and out_of is None else None
            if copula:
                # "Of the total, 486,300 were international visitors": the noun the number is
                noun = self._noun(view, copula.end() - 1, s.end, int(n.value))  # the space before the noun
            bare = noun is None
            noun = noun or self._toll(s, n.start, n.end)
            tolled = bare and noun is not None
            noun = noun or (self._counted_subject(s, n.start, n.end) if bare else None)
            generic = noun is not None and not noun[1] and noun[0] in self.collective_generic
            collective = self.collective.search(view, max(s.start, n.start - _COLLECTIVE_REACH), n.start) \
                if bare and noun is None or generic else None
            if collective:
                # "a workforce of 1,380", "a workforce of 1,380 people": 1,380 workers
                noun = (self.collective_nouns[" ".join(fold(collective.group(1)).split())], [], noun[2] if generic else n.end)
            if noun is None:
                continue
            opener = fold(view[max(s.start, n.start - _OPENER_REACH):n.start]).split()[-1:]
            changed = bare and n.low != n.high and bool(opener) and opener[0] in self.change_openers
            if changed:
                n = replace(n, value=n.high, low=n.high)  # "lanes from six to 14": now 14
            head, modifiers, end = noun
            described = _DESCRIBED.match(view, end, s.end) if view[n.end:n.end + 1] == "-" else None
            scope: dict[str, str] = {}
            if singular(head) in self.floor_nouns and (self.below_included.match(view, end, s.end) or described
                                                       and self.below_included.match(view, described.end(), s.end)):
                # not the storeys above ground another article counts ("The 16-floor building,
                # including a basement": after the noun the count describes)
                scope["below_ground"] = "included"
            kinds = [m for m in modifiers if not m.endswith("-level") and m not in self.descriptors and not self._sized(m)]
            of_kind = _OF.match(view, end, s.end) if not kinds and singular(head) in self.kinded else None
            named = noun_phrase_at(s.tokens, of_kind.end(), self.time_nouns) if of_kind else None
            if named:
                kinds = fold(text[named[0]:named[1]]).split()  # "1,846 cases of dengue fever": dengue fever cases
            if kinds:
                joined = " ".join(kinds)
                scope["kind"] = self.kind_synonyms.get(joined) or " ".join(self.kind_synonyms.get(k, k) for k in kinds)
            together = self._counted_with(s, end)
            if together:
                scope["with"] = together  # "about 420,000 cattle and buffalo": both, not the cattle alone
            levels = [m[:-6] for m in modifiers if m.endswith("-level")]
            parties = _PARTIES.match(view, end, s.end)
            if parties and parties.group().strip().lower() == "with" and head not in self.party_nouns:
                parties = None  # "facilities with GACC-approved codes": what they have, not a party
            if parties and not view[parties.end():parties.end() + 1].isdigit():  # not "households with 5,630 people"
                span = phrase_after(view, parties.end(), s.end, self.stops - {"and"})
                if span:
                    scope["parties"] = text[span[0]:span[1]]
            where = self.in_place.match(view, end, s.end)
            wider = self.wider_area.in_clause(s, n.start) or self.wider_area.after(view, end, s.end)
            named = self.wider_area.named_after(view, end, s.end) if not where else None
            alone = None if where or named else self.place_alone.search(view, clause_start(view, s.start, n.start, s.clause_words), n.start)
            if alone:  # "Luang Prabang city alone received": the city's part, even where it names the province too
                named = " ".join(alone.group(1).lower().split())
                scope["part"] = "yes"
            sender = FROM_NAME.match(view, end, s.end) if singular(head) in self.sent else None
            if sender:
                scope["from"] = " ".join(fold(sender.group(1)).split())
            if where:  # "130 growing area codes in Luc Ngan district alone": that district's, not the province's
                scope["in"] = " ".join(where.group(1).lower().split())
            elif named:  # "the 5,300 households in Gia Lai that were without water": Gia Lai's
                scope["in"] = named
            elif wider:  # "Across the northern region, the rain killed 15 people": the region's
                scope["in"] = wider
            if self.parts.is_part(s, n.start, end) and "kind" not in scope:
                # "including 150 ...", "of which 24 ...": a part of another count; a part of a kind
                # ("including 2.6 million foreign visitors") is all of that kind
                scope["part"] = "yes"
            # ("with three berths in the first phase": the phase right after the counted noun)
            phase = self.phases.of(view, predicate_start(s, n.start), n.start) or self.phases.right_after(view, end, s.end)
            if phase:
                # "The first phase, with 500 beds": the phase's beds, not the whole's ("the first
                # phase cost USD 41 million, and it has 8 tracks": the yard's, in a clause of its own)
                scope["phase"] = phase
            level = _LEVEL.search(view, max(s.start, n.start - 200), n.start)
            if levels:
                scope["level"] = levels[0]
            elif level and level.group(1):
                scope["level"] = level.group(1).lower()
            agent = self.agent.search(view, max(s.start, n.start - 40), n.start)
            tally = self.tally.match(view, end, s.end)
            # "with five people still unaccounted for": a tally's state, not what something has
            having = None if agent or tally else self.having.search(view, max(s.start, n.start - 40), n.start)
            subject = None
            time = state_time(s)
            if agent or having:
                verb = agent or having
                # (adverbs between the subject and its verb end the subject: "The cooperative,
                # founded in 2019, now counts 212 households", "which now has eight lanes")
                at = self._before_adverbs(view, s.start, verb.start())
                lo = self._reported(view, s.start, at)
                span = np_before(view, lo, at, self.stops) if agent else \
                    self._object_before(s, verb) or phrase_before(view, lo, at, self.stops)
                if span is not None and agent and _PREPOSITION_BEFORE.search(view, max(lo, span[0] - 8), span[0]):
                    # "Nong Khiaw district in the north of the province received 46,800 visitors":
                    # the noun phrase before the verb is a preposition's; the subject is the clause's
                    span = self._subject_head(s, verb.end()) or span
                if having and span is None:
                    # "approved by the provincial People's Council, which has 53 members": the
                    # phrase the relative clause hangs from; "the market's two covered halls, which
                    # house 1,080 stalls": the counted things, a part of the market
                    span = antecedent_before(view, lo, at, self.stops) or relative_antecedent(view, s.start, at, self.stops)
                elif agent and span is None:
                    # "Laos has 21 special economic zones, which have attracted more than 800
                    # companies": the named or counted things the relative clause hangs from
                    span = relative_antecedent(view, s.start, at, self.stops)
                    place = antecedent_before(view, lo, at, self.stops) if span is None else None
                    if place and (fold(text[place[0]:place[1]]).split() or [""])[-1] in self.place_kinds:
                        span = place  # "The province, which welcomed 3.2 million tourists": the province's
                if span is None and view[lo:at].rstrip().endswith(",") and self._finite_verb(s, verb.start()):
                    # "The elevated stretch, running 8,500 metres from Nhon, has eight stations":
                    # the sentence's subject, before its aside
                    span = sentence_subject(view, s.start, at, self.stops)
                elif span is None and having and fold(having.group(1)) == "with":
                    # "The building, with 560 beds, is the largest": the sentence's subject, when
                    # the aside follows it right away
                    span = self._aside_of_subject(s, verb.start())
                if span and _FINITE.search(view, span[0], span[1]):
                    # "The wind farm, located ..., has a capacity of 600 MW and will have 133 turbines":
                    # a second verb of the sentence's subject, named before its first comma or verb,
                    # or after a participle's phrase ("Built at a cost of US$68 million, the yard").
                    span = subject_after_opener(s.tokens, at) \
                        or sentence_subject(view, s.start, at, self.stops)
                counted = self._counted_owner(s, at) if span is None and having else None
                if counted:
                    # "Sekong has 3 ethnic boarding schools, with more than 1,100 students": the
                    # students of those three schools, not of any one school the story is about
                    scope["among"] = counted
                elif span is None and having:
                    after = re.match(r"[^,.;]{0,60},[ \t]*", view[end:s.end])
                    span = phrase_after(view, end + after.end(), s.end, self.stops) if after else None
                elif span is not None:
                    span = without_adverbs(s.tokens, *span)
                subject = text[span[0]:span[1]] if span else None
                if having:
                    scope["verb"] = "has"
                    time = None  # what a thing has or is built with does not change by the day
                else:
                    scope["verb"] = " ".join(verb.group(1).lower().split()[-1:])
            elif tally:
                # "23 houses had been swept away", "32 houses in Son La were swept away": the verb
                # of the tally, its particle aside, as a verb read further on gives it
                told = " ".join(tally.group(1).lower().split())
                scope["verb"] = told if told in self.lemmas else told.split()[0]  # ("unaccounted for": missing)
                if self.toll_part.match(view, tally.end(), s.end):
                    scope["part"] = "yes"  # "Eight passengers died at the scene and another died ...": some of the dead
            else:
                pre = self.pre_tally.search(view, max(s.start, n.start - 20), n.start)
                post = _POST_VERB.match(view, end, s.end)
                if pre:
                    scope["verb"] = pre.group(1).lower()
                    # "Storm No. 4, which hit it in mid-September and killed two people": the
                    # named phrase the relative clause hangs from, not the story's storm
                    named = relative_antecedent(view, s.start, pre.start(), self.stops)
                    if named is None and s.tokens:
                        # "In September, Typhoon Yagi killed 15 people": a named subject's toll
                        named = verb_subject(s.tokens, n.start, s.clause_words)
                        named = named if named and _named(s.tokens, *named) else None
                    subject = text[named[0]:named[1]] if named else None
                elif post and post.group(1) in self.lemmas:
                    scope["verb"] = post.group(1)  # "the 24 projects attracted so far"
            after = None
            if "verb" not in scope and s.tokens:
                # any other verb whose object the count is ("it will supply 52,000 households",
                # "provide clean water for 58,000 households"), read from the analysis
                verb = governing_verb(s.tokens, n.start, s.clause_words)
                if verb is not None and s.tokens[verb].tag == "VBG" and any(
                        t.text == "," and s.tokens[verb].end <= t.start < n.start for t in s.tokens):
                    verb = None  # "In neighbouring Dien Bien Province, 12,600 households grow coffee": an opener's word
                holds = verb is not None and s.tokens[verb].text.lower() in self.having_words
                if verb is not None and (holds or s.tokens[verb].text.lower() not in self.auxiliaries):
                    # "the terminal will have a floor space of 48,000 sq.m and 10 air bridges":
                    # a later object of what a thing has is what it has too
                    phrasal = " ".join(t.text.lower() for t in s.tokens[verb:verb + 2])
                    # ("looks after 31 elephants": a verb with its particle, when read as one)
                    scope["verb"] = "has" if holds else phrasal if phrasal in self.lemmas else s.tokens[verb].text.lower()
                    time = None if holds else time
                    if subject is None and not self._given_to(s, verb, n.start):
                        span = clause_subject(s.tokens, n.start, s.clause_words)
                        words = without_adverbs(s.tokens, s.tokens[span[0]].start, s.tokens[span[1] - 1].end) if span else None
                        subject = text[words[0]:words[1]] if words else None
                elif verb is None:
                    # "1,240 households with 5,630 people in two districts have been evacuated": the
                    # count is its clause's subject, and the verb after it is what happened to them
                    after = _verb_after(s, end, self.auxiliaries)
                    if after:
                        scope["verb"] = after
            condition = self._condition(s, end)
            if condition and (scope.get("verb") is None or scope["verb"] in self.tally_before or scope["verb"] == after):
                # "27,600 households in Ben Tre lacked fresh water", "drought had left 3,840
                # households ... without enough water": one tally of that state, however told
                scope["verb"] = condition
            earlier = claims[-1] if claims else None
            if subject is None and "verb" not in scope and earlier is not None and "verb" in earlier.scope \
                    and partitive is None and self._coordinated(s, earlier.end, n.start):
                # "the province had recorded 1,846 suspected cases, ..., and three deaths": the
                # second object of the same verb, with its subject and its day
                subject, time = earlier.subject_text, earlier.time
                scope["verb"] = earlier.scope["verb"]
            if scope.get("verb") == "has" and earlier is not None and earlier.scope.get("verb") not in (None, "has") \
                    and s.view[earlier.end:n.start].strip().lower() == "with":
                # "received 38 cruise calls with 52,400 passengers": what came with the counted
                # things, by the same verb, in the same period
                subject, time = earlier.subject_text, earlier.time
                scope["verb"] = earlier.scope["verb"]
                if "period" in earlier.scope:
                    scope.setdefault("period", earlier.scope["period"])
            if "verb" not in scope and head in self.features:
                scope["verb"], time = "has", None  # "With its 18 classrooms": what the school has
            nominal = self.nominal_before.search(view, max(s.start, n.start - _NOMINAL_REACH), n.start)
            if nominal:
                # "required the relocation of 1,260 families": what was done to them, whatever the verb
                scope["verb"] = self.nominal_verbs[fold(nominal.group(1))]
            kind = self._object_kind(s, end) if "verb" in scope and s.tokens else None
            if kind:
                scope["object"] = kind  # "5,860 students received bachelor's degrees": not all the degrees
            grows = False  # a tally that grows by the day, so it holds on its own day only
            if "verb" in scope:
                if head in self.features and (scope["verb"] in self.feature_verbs or changed
                                              or self.possessed.search(view, max(s.start, n.start - _POSSESSIVE_REACH), n.start)):
                    # "a dormitory providing 480 beds", "The mill's six silos are linked by
                    # conveyors", "raised the number of lanes from six to 14": what it has (now),
                    # as "has 540 beds", whatever the verb says of them
                    scope["verb"], time = "has", None
                scope["verb"] = self.lemmas.get(scope["verb"], scope["verb"])
                if scope["verb"] in self.received_as and (self._given_object(s, end) or _after_to(s, n.start)):
                    # "1,870 households have been granted decisions", "granted certificates to 38 new
                    # projects": the receivers, as "1,780 households had received" counts them
                    scope["verb"] = self.received_as[scope["verb"]]
                # "damaged", "killed", "As of 10am on April 16, 246 workers had been admitted"
                grows = _STEMMER.stem(scope["verb"]) in self.tally_stems or s.as_of is not None
                merged = self.synonyms.get(f"{head} {scope['verb']}") \
                    or (self.person_outcomes.get(scope["verb"]) if head in self.person_nouns else None) \
                    or self.synonyms.get(head)
                if merged:
                    scope["written"] = head  # the value layer shows the noun as written ("firms")
                    head = merged
                    grows = grows or head in self.daily_tallies
                    held = head in self.held_tallies
                    # what a thing has stays so, but a workforce it "has" is one it holds that day
                    scope["verb"] = "has" if scope["verb"] == "has" and not held else "tally"
                    time = state_time(s) if held else time
                elif scope["verb"] == "has" and _HAS in self.noun_verbs.get(head, {}) and self._had(s, n.start):
                    # "As of March 9, Hanoi had 1,248 measles cases": the tally reported that day
                    scope["verb"], time = self.noun_verbs[head][_HAS], state_time(s)
                elif scope["verb"] == "has" and s.as_of is not None and self._had(s, n.start):
                    # "As of the end of September, Binh Duong had 4,280 valid FDI projects": what
                    # a place had on that day, a running tally a later day's count may exceed
                    time = s.as_of
                    scope["as_of"] = time.start.isoformat()
                elif scope["verb"] != "has":
                    scope["verb"] = _STEMMER.stem(scope["verb"])  # "supplies", "supplied": one verb
                    # "attracted 87 projects", "licensed 78 projects": one figure of the noun
                    scope["verb"] = self.noun_verbs.get(head, {}).get(scope["verb"], scope["verb"])
                if head in self.settled:
                    # "received 146 votes", "With 139 votes, Bounpheng ...": one election's tally,
                    # which no later day changes
                    verb = _HAS if scope["verb"] == "has" else scope["verb"]
                    scope["verb"], time = self.noun_verbs.get(head, {}).get(verb, scope["verb"]), None
                    scope.pop("in", None)  # "In Vietnam's Quang Ninh province, Hung was elected with 46 votes": his, wherever told
                    scope.pop("part", None)  # "146 votes of the 152 members present": her whole tally, out of all
            if antecedent is not None and scope.get("verb") == antecedent.scope.get("verb") and "kind" not in scope:
                # "The terminal has 12 berths, four of them reserved for high-speed craft": some of
                # the 12, as the verb they share tells (not "146 houses had been damaged, 23 of them
                # collapsed": all the houses that collapsed)
                scope["part"] = "yes"
            period = self.periods.period(view, s.start, s.end, n.start, s.published, s.tokens) \
                if time is not None or scope.get("verb") == "has" else None
            # a span of its own, so no period from earlier sentences: a total to date ("Since the
            # railway opened, it has handled") or an occasion's ("Ha Giang welcomed 321,500 visitors
            # during the festival")
            occasion = self.periods.occasional(view, s.start, s.end, n.start, s.published)
            own_span = occasion or self.periods.running(view, s.start, n.start)
            if period is None and time is not None and head in self.period_counts and "as_of" not in scope \
                    and not own_span and not _ANY_YEAR.search(view, s.start, s.end):
                # "In the first nine months, ... Container throughput hit 182,400 TEUs"; a sentence
                # naming a year of its own ("during Visit Laos Year 2018, when ...") keeps to it
                period = s.context_period
            if period is None and time is not None and not own_span and self.periods.continues(view, s.start, s.end):
                period = s.context_period or s.referred_period  # "Of the total, 35 new projects were granted certificates"
            if time is None and period and not period.endswith(("-end", " year")) \
                    and (period not in (self.periods.right_after(view, s.start, s.end, end, s.published),
                                        self.periods.right_after(view, s.start, s.end, s.start, s.published))
                         or s.published.start is not None and period == str(s.published.start.year)):
                # a stock a thing has is timeless unless dated ("7,600 rooms at the end of 2022", "in
                # the 2023-2024 school year", "compared with 1,680 households in 2022", "250 booths
                # last year", "In 2022, the village had"); this year's stock is the one it has now
                period = None
            if period and s.as_of is not None and period in (f"{s.as_of.start.year}-M{s.as_of.start.month:02d}",
                                                             str(s.as_of.start.year)):
                # "By the end of September 2023, there were 79 enterprises": a count on that day;
                # "As of March 9, Hanoi had 1,248 cases ... this year": the year's tally that day
                period = None
            if tolled:
                period = None  # "the death toll this year stands at four": a tally on the day, this year's all along
            if period:
                scope["period"] = period
                time = None  # "1,160 scholarships in 2024": the figure for a stated period
            elif time is not None and time.is_day and (scope.get("verb") in self.tally_stems
                                                       or scope.get("verb") == "tally" and grows) and not occasion:
                # "The storm damaged 1,830 houses": a disaster's tally grows by the day, so it holds
                # for its own day only, never for reports a day or two apart; an occasion's
                # tally ("during the festival") is told once it is over
                scope["as_of"] = time.start.isoformat()
            low = int(n.low) if n.low is not None else None
            high = int(n.high) if n.high is not None else None
            if described:
                # "the seven-storey building": a count that describes the noun after it.
                subject, time = text[described.start(1):described.end(1)], None
                scope["verb"] = "has"
                where = _IN_PLACE.match(view, described.end(1), s.end)
                place = self.places.place_in(where.group(1)) if where else None
                if place:
                    # "the 200-bed friendship hospital opened in Xieng Khouang": that place's hospital
                    subject = f"{subject} in {place}"
            ordinal = self.parts.ordinal_before(s, n.start, end)
            if ordinal:
                scope["which"] = ordinal  # "the first two berths": some of them
            used_for = self._used_for(s, n.start, end)
            if used_for and "which" not in scope:
                scope["which"] = f"for {used_for}"  # "four lanes for cars and two for mixed traffic": some of them
            settled = head in self.settled  # a vote's tally: no plan, no other thing of the story
            if not settled and (self.plans.in_clause(s, n.start, scope.get("period"), end)
                                or scope.get("verb") not in (None, "has") and s.tokens and self.plans.put_ahead(s, n.start)):
                scope["status"] = "plan"  # "is designed to carry 480,000 passengers a day", "will employ 3,500 workers"
            if not settled and self.revisions.in_clause(s, n.start, scope.get("status") == "plan"):
                scope["revised"] = "yes"  # "has raised its 2024 target to 8.7 million visitors": not the target it replaces
            if not settled and self.revisions.superseded(s, n.start):
                scope["as_of"] = "earlier"  # "was initially estimated at VND540 billion": the first estimate
            if not settled and self.increments.before_figure(s, n.start, end):
                scope["added"] = "yes"  # "adding 200 beds": not the beds the hospital has
            # ("The appointment, proposed by the Prime Minister, was endorsed ... with 139 of the 144
            # members present voting in favour"; "Khamsouk, a former deputy minister, won 147 votes")
            other = None if settled else self.others.in_clause(s, n.start, end, subject)
            if other:
                scope["which"] = other  # "650 beds on its old campus": not the new building's beds
            elif self.operating.match(view, end, s.end):
                scope["which"] = "operating"  # "eight container berths in exploitation": those working now
            elif self.unfinished.match(view, end, s.end):
                scope["which"] = "unfinished"  # "9 industrial parks under construction or expansion": some of them
            if subject and subject.lower().split()[-1] in self.measures or bare:
                # "Container throughput hit 182,400 TEUs": the measure, not its owner ("Foreign
                # visitors numbered 43,800": the counted things, not their owner)
                subject = None
            destination = self._sent_to(s, end) if scope.get("verb") in self.dispatch_verbs and "to" not in scope else None
            if destination:
                scope["to"] = destination  # "12,510 head of cattle had been exported to Vietnam": that market's part
            if settled:
                elected = self._elected(s, n.start)
                if elected:
                    # "the Executive Committee elected comrade Hoang Minh Tuan ..., with 49 votes":
                    # the tally of the one the verb elects, not a group the clause counts among nor
                    # the body that voted ("The National Assembly approved the appointment of ...")
                    subject = elected
                    scope.pop("among", None)
            if head in self.market_heads and s.tokens:
                reach = self._markets_reached(s, n.start)
                if reach:
                    # "Vietnamese seafood was shipped to 150 markets", "Vietnamese seafood products
                    # reached 170 markets worldwide": how far a country's good sells, however told
                    subject, scope["of"], scope["verb"] = reach[0], reach[1], self.reach_verb
            whole = self._owner_after(s, end) if not settled else None
            if whole:
                # "Workers install conductors on one of the 264 towers of the Savannakhet - Quang
                # Tri line": the towers the thing after "of" has, not the clause subject's
                subject, time = whole, None
                scope["verb"] = "has"
            opener = opening_phrase(s.tokens, self.time_names) if subject is None else None
            if opener and opener[1] < n.start and not any(t.start < opener[1] and opener[0] < t.end for t in s.timexes) \
                    and self.places.place_in(text[opener[0]:opener[1]]) is None:
                # "On the Provincial Road 422 widening alone, 540 households": that road's (a place
                # opening the sentence, "In Gia Lai,", is the count's place, kept as its scope)
                subject = text[opener[0]:opener[1]]
            served = self._doers_place(subject) if subject and "verb" in scope and scope["verb"] != "has" else None
            if served:
                # "Livestock officers in Xieng Khouang province had vaccinated 126,500 cattle": the
                # place's tally, as "Xieng Khouang had vaccinated" is, not the officers'
                subject = served
            if subject is None and "in" not in scope and scope.get("verb") != "has":
                placed = self.wider_area.subject_place(s, n.start)
                if placed:
                    scope["in"] = placed  # "..., while neighbouring Cao Bang has reported five dead": Cao Bang's
            possessor = POSSESSOR_BEFORE.search(view, max(s.start, n.start - 40), n.start) if subject is None else None
            if possessor:
                subject = text[possessor.start(1):possessor.end(1)]  # "the country's 2,640 enterprises": the country's
            if self.per_other.match(view, end, s.end):
                continue
            if self.distributive.match(view, end, s.end):
                scope["per"] = "each"  # "two buildings with eight classrooms each": one building's
            each = self.each_period_after.match(view, end, s.end) if "period" not in scope else None
            if each:
                # "Dien Bien currently grants 60 scholarships a year": a rate that holds whatever
                # the day it is told, never a tally of that day
                scope["per"] = self.each_period[fold(each.group(1) or each.group(2))]
                scope.pop("as_of", None)
                time = None
            else:
                reach = min(s.end, end + _EACH_REACH)
                comma = view.find(",", end, reach)
                each = self.each_period_late.search(view, end, comma if comma >= 0 else reach)
                if each and not _ANY_DIGIT.search(view, end, each.start()):
                    # (not another figure's: "the plant's 420 workers average 3.5 million kip a month")
                    # "In the first eight months, an average of 3,140 people crossed the gate
                    # daily": a day's number, never the period's total
                    scope["per"] = self.each_period[fold(each.group(1) or each.group(2))]
            if "per" in scope and (capacity := self.capacity.search(view, max(s.start, n.start - _CAPACITY_REACH), n.start)):
                # "is designed to handle 600 vehicles a day", "has a design capacity of 800
                # vehicles daily": one design capacity, whatever the verb; the design word in the
                # phrase makes no plan of it (another plan word in the clause still does)
                scope["verb"] = "capacity"
                phase = self.phases.later(view, end, s.end) if "phase" not in scope else None
                if phase:
                    scope["phase"] = phase  # "6 million passengers a year in its first phase", as a size's is
                if scope.get("status") == "plan" and not any(
                        m.end() <= capacity.start() or m.start() >= capacity.end()
                        for m in self.plans.pattern.finditer(view, clause_start(view, s.start, n.start, s.clause_words), n.start)):
                    del scope["status"]
            claims.append(make_claim(s, "count", "count", CountValue(low=low, high=high, noun=head), n.start, end,
                                     subject_text=subject, scope=scope, time=time))
        return claims

    def _sized(self, modifier: str) -> bool:
        """A modifier that gives each counted thing's size ("226 ten-seat cabins", "120 four-bed
        rooms", "60-seat boats"): a description of every one, no kind of them."""
        size, _, unit = modifier.partition("-")
        return bool(unit) and (size.isdigit() or size in self.number_words)

    def _before_adverbs(self, view: str, lo: int, pos: int) -> int:
        """Where the adverbs right before a verb at `pos` start (nouns.yaml subject_adverbs), else `pos`."""
        m = self.adverbs_before.search(view, max(lo, pos - 40), pos)
        return m.start() if m else pos

    def _condition(self, s: Sentence, end: int) -> str | None:
        """The state a tally counts, written after the counted noun and where it is (nouns.yaml
        tally_conditions): "4,380 households in the province were short of water", "3,840
        households in Song Ma, Sop Cop and Yen Chau districts without enough water"; no verb
        but an auxiliary between them."""
        found = self.condition.search(s.view, end, min(s.end, end + _CONDITION_REACH))
        if found is None or ";" in s.view[end:found.start()] or any(
                t.is_verb and t.text.lower() not in self.auxiliaries for t in s.tokens if end <= t.start and t.end <= found.start()):
            return None
        return self.conditions[" ".join(found.group().lower().split())]

    @staticmethod
    def _coordinated(s: Sentence, end: int, start: int) -> bool:
        """The count at `start` is joined to the one ending at `end` by "and" with no finite
        verb between them, or by a comma alone ("four interchanges, 27 bridges and 2 rest
        stops"): another object of that count's verb."""
        between = [t for t in s.tokens if end <= t.start and t.end <= start]
        if [t.text for t in between] == [","]:
            return True
        return bool(between) and between[-1].text.lower() == "and" and not any(
            t.tag in ("VB", "VBD", "VBZ", "VBP", "MD") or t.text in (";", ":") for t in between)

    def _elected(self, s: Sentence, pos: int) -> str | None:
        """The name right after the last verb of succession before `pos` ("elected comrade Hoang
        Minh Tuan to hold the position", "approved the appointment of Dr Khamsing Vongphachanh"),
        past honorifics: who a vote tally is of."""
        toks = [t for t in s.tokens if t.end <= pos]
        k = None
        for i in range(len(toks) - 1, -1, -1):
            word = toks[i].text.lower()
            if word in self.appointment_nouns and i + 1 < len(toks) and toks[i + 1].text.lower() == "of":
                k = i + 2  # "adopted the resolution on the appointment of Dr Khamsing"
                break
            if word in self.succession:
                k = i + 1
                break
        if k is None:  # (a verb's "the appointment of" is found first, being later: "approved the appointment of")
            return None
        while k < len(toks) and toks[k].text.lower().rstrip(".") in self.honorifics:
            k += 1
        end = k
        while end < len(toks) and toks[end].tag == "NNP" and toks[end].text.isalpha():
            end += 1
        return s.doc.text[toks[k].start:toks[end - 1].end] if end - k >= 2 else None

    def _markets_reached(self, s: Sentence, pos: int) -> tuple[str, str] | None:
        """(the country, the good) when the clause's subject is a country's good ("Vietnamese
        seafood", "Lao coffee"): whose markets a count of markets counts."""
        span = clause_subject(s.tokens, pos, s.clause_words)
        if span is None:
            return None
        phrase = s.doc.text[s.tokens[span[0]].start:s.tokens[span[1] - 1].end]
        good = self.goods.canonical(phrase)
        country = next((self.nations[w] for w in fold(phrase).split() if w in self.nations), None)
        return (country, good) if good and country else None

    def _votes_out_of(self, view: str, pos: int, hi: int) -> tuple[int, int, tuple] | None:
        """"of 59 votes", "out of 59 votes" after a figure, of a person's tally noun (names.yaml
        person_counts): (where the total is, the total, its noun)."""
        m = _OUT_OF.match(view, pos, hi)
        if m is None:
            return None
        noun = self._noun(view, m.end(1), hi, _number(m.group(1)))
        voters = noun is not None and noun[0] in self.voters
        # "voted for him, 82 of the 84 deputies"; "with 82 of the 84 deputies present voting in favour"
        vote = (self.vote_words.search(view, max(0, pos - _VOTE_REACH), pos)
                or self.vote_words.search(view, noun[2], min(hi, noun[2] + _VOTER_REACH))) if voters else None
        if vote:
            word = vote.group().lower()
            counted = self.vote_nouns.get(word) or self.vote_nouns.get(word[:-1])  # "votes": vote
            return m.start(1), _number(m.group(1)), (counted, [], noun[2])
        return (m.start(1), _number(m.group(1)), noun) if noun is not None and noun[0] in self.person_counts else None

    @staticmethod
    def _subject_head(s: Sentence, pos: int) -> tuple[int, int] | None:
        """The subject of the clause whose verb ends at `pos`, up to its first preposition: "Nong
        Khiaw district"."""
        span = clause_subject(s.tokens, pos, s.clause_words) if s.tokens else None
        if span is None:
            return None
        cut = next((k for k in range(span[0] + 1, span[1]) if s.tokens[k].tag == "IN"), span[1])
        return s.tokens[span[0]].start, s.tokens[cut - 1].end

    @staticmethod
    def _given_to(s: Sentence, verb: int, pos: int) -> bool:
        """"new investment certificates were granted to 89 projects": the subject of a passive
        verb of giving is what was given, not the owner of the count it went to."""
        toks = s.tokens
        before = [t for t in toks[verb + 1:] if t.end <= pos]
        return toks[verb].tag == "VBN" and len(before) == 1 and before[0].text.lower() == "to"

    def _had(self, s: Sentence, pos: int) -> bool:
        """Whether the verb before the count is "have" itself ("Hanoi had 1,248 measles cases"),
        not a preposition read as having ("compared with 2,140 cases")."""
        i = governing_verb(s.tokens, pos, s.clause_words) if s.tokens else None
        return i is not None and s.tokens[i].text.lower() in self.have_forms

    def _toll(self, s: Sentence, start: int, end: int) -> tuple[str, list[str], int] | None:
        """A bare number that a toll before it counts ("the capital's death toll from measles this
        year stands at four"): (the counted noun, no modifiers, end)."""
        lo = clause_start(s.view, max(s.start, start - _TOLL_REACH), start, s.clause_words)
        toll = None
        for toll in self.toll_words.finditer(s.view, lo, start):
            pass
        if toll is None or "," in s.view[toll.end():start]:
            return None
        link = self.links.search(s.view, toll.end(), start)
        if link is None or link.end() != start:
            return None
        return self.tolls[" ".join(toll.group(1).lower().split())], [], end

    def _counted_subject(self, s: Sentence, start: int, end: int) -> tuple[str, list[str], int] | None:
        """A bare number that a linking verb ties to a plural subject right before it ("Foreign
        visitors numbered 43,800", "the number of tourists reached 126,500"): (the subject's
        head noun, its modifiers, end). Only a plural noun the analysis tags as one, so "Exports
        reached 1,200" (a singular mass) and "Vietnam hit 35" are no count."""
        toks = s.tokens
        i = bisect_left(toks, start, key=lambda t: t.start)
        after = bisect_left(toks, end, key=lambda t: t.start)
        if i >= len(toks) or toks[i].start != start or after < len(toks) and toks[after].tag.startswith("NN"):
            return None  # "Exports reached 1,200 tonnes": a measure ("reached 1.05 million in", "totalled 428,300 last year" count)
        k = i
        for size in (2, 1):
            if k - size > 0 and fold(" ".join(t.text for t in toks[k - size:k])) in self.subject_links:
                k -= size
                break
        else:
            if not (k > 1 and fold(toks[k - 1].text) in self.change_openers and start < end and " " in s.view[start:end]):
                return None
            k -= 1  # "the number of vehicle inspection lanes from six to 14": a change to 14 lanes
        head = toks[k - 1]
        if head.tag != "NNS" or not head.text.islower() or fold(singular(head.text)) in self.not_counted:
            return None
        j = k - 1
        # (a sentence's first word is capitalised by its place: "International arrivals")
        while j > 0 and k - 1 - j < 2 and (toks[j - 1].tag in ("JJ", "NN") or j == 1 and toks[0].tag == "NNP"):
            j -= 1
        return fold(singular(head.text)), [fold(t.text) for t in toks[j:k - 1]], end

    def _noun(self, view: str, pos: int, hi: int, value: int) -> tuple[str, list[str], int] | None:
        """(singular head noun, modifiers, end) of the noun phrase after a number.

        "seven-storey building", "a four-lane road": a hyphenated unit counts that unit."""
        hyphen = _HYPHEN_UNIT.match(view, pos, hi)
        if hyphen and hyphen.group(1).lower() not in self.not_counted and hyphen.group(1).lower() not in self.units:
            return hyphen.group(1).lower(), [], hyphen.end()
        counter = self.counter_of.match(view, pos, hi)
        if counter:
            return self._noun(view, counter.end(), hi, value)  # "38,650 head of cattle": cattle
        low = view[pos:min(hi, pos + 60)].lower()
        for form, canon in self.multiword:
            m = form.match(low)
            if m:
                return canon, [], pos + m.end()
        words: list[tuple[str, int]] = []
        at, joined = pos, 0
        while len(words) <= _MAX_MODIFIERS + joined:
            aside = _BRACKETED_ACRONYM.match(view, at, hi) if words else None
            if aside:
                at = aside.end()  # "21 new foreign direct investment (FDI) projects": the acronym of the words before
                continue
            m = _NOUN_WORD.match(view, at, hi)
            if m and words and m.group(1).lower() in self.modifier_joiners and not joined:
                joined = 1  # "2,000 small and medium-sized enterprises": two modifiers joined count as one
            elif not m or m.group(1).lower() in self.not_counted or m.group(1).lower() in self.units \
                    or m.group(1).lower() in self.currency_words:
                break
            words.append((m.group(1), m.end()))
            at = m.end()
        # The head is the first plural-looking word ("9 bidders submitted proposals": bidders),
        # or the last word for "one"; a name ("ten ASEAN countries", "100 Irrawaddy dolphins") is
        # a modifier, never the head.
        order = range(len(words) - 1, -1, -1) if value == 1 else range(len(words))
        for i in order:
            word, end = words[i]
            if word.lower().endswith("ed") or word[:1].isupper() and not _ACRONYM_PLURAL.fullmatch(word):
                continue  # a name is a modifier; "182,400 TEUs", "300 SMEs" count what the acronym names
            singular = word[:-1].lower() if _ACRONYM_PLURAL.fullmatch(word) else self._singular(word.lower(), value)
            if singular and singular == word.lower() and value != 1 and i + 1 < len(words) \
                    and self._singular(words[i + 1][0].lower(), value) not in (None, *self.not_counted):
                continue  # a plural without an ending describes the next ("14 aircraft stands", "20 fish ponds")
            if singular and singular not in self.not_counted:
                return singular, [w.lower() for w, _ in words[:i]], end
        return None

    def _singular(self, word: str, value: int) -> str | None:
        """The counted noun's singular; None when the word cannot be a plural head."""
        if word in self.irregular:
            return self.irregular[word]
        if word in self.not_plural:
            return None  # "suspected measles cases": measles describes the cases
        if value == 1:
            return word if not word.endswith("ing") and not word.endswith("ly") else None
        one = singular(word)
        return one if one != word else None


def _named(toks: Tokens, start: int, end: int) -> bool:
    """Whether the words between file offsets `start` and `end` hold a name ("Typhoon Yagi",
    "the floods in Hue"), not only a sentence's capitalised first word ("The floods", "Floods")."""
    # (the span's words only, found by search: no scan of the sentence for each figure)
    last = bisect_right(toks, end, key=lambda t: t.end)
    return any(t.tag.startswith("NNP") or t.text[:1].isupper() and k > 0
               for k in range(bisect_left(toks, start, key=lambda t: t.start), last)
               if (t := toks[k]).tag not in ("DT", "PRP$"))
