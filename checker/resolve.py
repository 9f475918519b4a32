"""Stage 5: subject resolution. Turns the words a claim used into a canonical key.

- A subject that names something specific ("the headquarters of the Vientiane
  Department of Justice") gets a global key, so articles can be compared.
- A generic or missing subject ("the bridge", "it", "Construction began in 2021") is
  resolved inside its article: to the article's named entity with the same head noun
  ("the Hieu Giang 2 bridge"), else to the article's main entity (its topic: the named
  entity the headline and text mention most).
- What stays generic ("the Cooperation Agreement") is local to its article (`doc#key`):
  two articles' "the Cooperation Agreement" need not be the same agreement.
Organisations without a place ("the provincial People's Committee") take the place of
the same body named elsewhere in the article.
"""

from __future__ import annotations

import re
import sys
from array import array
from bisect import bisect_left
from collections import Counter, defaultdict
from collections.abc import Callable, Iterator
from itertools import combinations
from dataclasses import dataclass, field
from functools import lru_cache

from checker.aliases import AliasTable, bare
from checker.analyse import Analysis, common_word
from checker.extract.base import DETERMINERS
from checker.extract.figures import Goods, Phases
from checker.extract.figures import UNNAMED_GOOD
from checker.extract.reporting import ReportingPeriods
from checker.lexicon import Lexicon
from checker.models import Claim, Segment
from checker.occasions import OccasionLinker
from checker.text import DESIGNATOR, alternation, compile_spellings, english_word, fold, fold_words, match_view, name_skeleton, singular

_SPECIFIC = re.compile(r"(?<![.!?]\s)\b[A-Z\u00C0-\u024F][\w'\u2019-]*")
_GENERIC_CAPITALS = frozenset({"The", "A", "An", "This", "That", "These", "Those", "Its", "Their", "It", "They"})
_TOKEN = re.compile(r"[^\W_][\w'\u2019.-]*[\w]|[^\W_]", re.UNICODE)
# "metro line No. 2 (Ben Thanh - Tham Luong)": a name of capitalised words in brackets right after a name
_BRACKETED_NAME = re.compile(r"[ \t]*\(([A-Z][\w'.]*(?:[ \t]+(?:-|of|and|[A-Z][\w'.]*)){0,6})\)")
_NAME_PART = re.compile(r"^(?:[A-Z\u00C0-\u024F](?![A-Z]+$)[\w'\u2019.-]*|\d+[A-Za-z]?)$")
_CONNECTORS = frozenset({"of", "and", "-", "&"})
_REFERENT_REACH = 400  # characters before a sentence in which a possessive's person may be named
_FUNCTION_WORDS = frozenset({"by", "to", "from", "in", "on", "at", "for", "with", "the", "a", "an", "as", "into",
                             "over", "under", "via", "through", "and", "or", "its", "their", "is", "was", "will",
                             "are", "were", "has", "have", "had", "be", "been"})
_ARTICLE_REGIONS = frozenset({"headline", "body", "caption"})
_TOPIC_KINDS = frozenset({"date", "money", "quantity", "count", "percent", "period", "duration"})
_FIGURE_KINDS = frozenset({"money", "quantity", "count", "percent"})
_HEADLINE_WEIGHT = 3
_HEADLINE_WORD = re.compile(r"[^\W_][\w'’-]*")
_STORY_THING_MENTIONS = 4  # a story's fallback names a thing only when its articles mention it this often
_JOINED_NAME = 5  # letters a name word needs before two words joined may be taken for it ("Nong Ping" / "Nongping", "La Lay" / "Lalay")
_SECTION_WORDS = frozenset({"section", "stretch", "segment"})
# "of the Vientiane-Hanoi expressway": a capitalised name, then its lower-case head noun
_OF_NAMED = re.compile(r"[ \t]+of[ \t]+(?:the[ \t]+)?([A-Z\u00C0-\u024F][\w'\u2019-]*(?:[ \t]+[A-Z\u00C0-\u024F][\w'\u2019-]*){0,5})"
                       r"(?:[ \t]+([a-z]+))?")
_PHRASE_PREPOSITIONS = frozenset({"for", "of", "with", "to", "in", "at", "on", "from", "between", "by"})
_A_OR_AN = re.compile(r"^an?\s")
_OPENING_CHARS = 40  # characters of a sentence's opening phrase that may place its clause ("In Vang Vieng,")
_RECOUNT_REACH = 1500  # characters after a count within which "the" and its number may take it up again
_DESCRIBING = re.compile(r"[\d,.]+-")  # "the 330-seat Nam Du Star 02": a count that describes a thing
# "in Sekong province", "located on the hills of Sepon district", "at the foot of ...": where a thing is.
_LOCATED = re.compile(r",?[ \t]+(?:located[ \t]+|situated[ \t]+|based[ \t]+)?(?:in|on|at|near)[ \t]+"
                      r"(?:the[ \t]+[a-z]+(?:[ \t]+[a-z]+)?[ \t]+of[ \t]+)?"
                      r"([^,.;()]{1,60}?(?:[Pp]rovince|[Dd]istrict|[Cc]ity)(?:[ \t]+of[ \t]+[A-Z][\w'-]*(?:[ \t]+[A-Z][\w'-]*)?)?)")
# "..., Binh Dinh province" or "..., the south-central province of Binh Dinh" after the first place:
# the larger place that holds it
_LOCATED_WIDER = re.compile(r",[ \t]+([^,.;()]{1,60}?(?:[Pp]rovince|[Dd]istrict|[Cc]ity)"
                            r"(?:[ \t]+of[ \t]+[A-Z][\w'-]*(?:[ \t]+[A-Z][\w'-]*)?)?)")


class Capitals:
    """An article's capitalised words and their offsets, kept compact (an array of offsets and
    interned words): a corpus of 10,000 articles holds about a million of them."""

    __slots__ = ("at", "words")

    def __init__(self, at: array | None = None, words: list[str] | None = None) -> None:
        self.at = at if at is not None else array("I")
        self.words = words if words is not None else []

    def add(self, at: int, word: str) -> None:
        self.at.append(at)
        self.words.append(sys.intern(word))

    def before(self, pos: int) -> Iterator[tuple[int, str]]:
        """The words before `pos`, nearest first."""
        for i in range(bisect_left(self.at, pos) - 1, -1, -1):
            yield self.at[i], self.words[i]

    def __eq__(self, other: object) -> bool:
        return isinstance(other, Capitals) and self.at == other.at and self.words == other.words

    def __repr__(self) -> str:
        return f"Capitals({len(self.words)} words)"


@dataclass
class DocEntities:
    """Named entities of one article: keys by weight, and by head noun."""

    weights: Counter = field(default_factory=Counter)
    by_head: dict[str, Counter] = field(default_factory=lambda: defaultdict(Counter))
    first_seen: dict[str, int] = field(default_factory=dict)
    titled: set[str] = field(default_factory=set)  # written as a name in running text: "the Laos-China Railway"
    located: dict[str, set[str]] = field(default_factory=lambda: defaultdict(set))  # place + head -> named keys
    # the name in brackets after a named thing -> the thing's keys: "metro line No. 2 (Ben Thanh - Tham Luong)"
    bracketed: dict[str, set[str]] = field(default_factory=lambda: defaultdict(set))
    in_lead: set[str] = field(default_factory=set)  # named in the headline or the first two sentences
    as_subject: set[str] = field(default_factory=set)  # named at least once other than as a venue ("at X")
    # capitalised words of the article with their offsets: who a pronoun may point back to
    capitals: Capitals = field(default_factory=Capitals)
    headline_heads: set[str] = field(default_factory=set)  # "typhoon-hit Quang Binh": the story is about a typhoon
    # the headline's heads but those that say where its thing stands ("market beside Houayxay bridge": market)
    headline_things: set[str] = field(default_factory=set)
    main_country: str | None = None  # the country the article names most: what "the country" means
    # named only after a word that sets it apart ("the old T1 building"): never what a bare
    # "the building" in that article means
    others: set[str] = field(default_factory=set)

    def best(self, counter: Counter) -> str | None:
        if not counter:
            return None
        return min(counter, key=lambda k: (-counter[k], self.first_seen[k]))

    topic: str | None = None
    fallback: str | None = None
    fallback_place: str | None = None  # the place of the fallback: where the lead says the story is
    things: Counter = field(default_factory=Counter)  # head nouns of built things, by mentions
    main_place: str | None = None  # the place the article names clearly most often
    # another place (no country) the article names at least half as often: "the provincial Party
    # Committee" in news of a Thanh Hoa delegation in Houaphanh may be either province's
    rival_place: str | None = None
    event_topic: bool = False  # the topic is an unnamed disaster its headline names, in its place

    def merged(self, canon: dict[str, str], identity, named_in: Counter | None = None,
               events: frozenset[str] = frozenset(), venues: frozenset[str] = frozenset()) -> "DocEntities":
        """The same entities under corpus-wide canonical keys, with the topic chosen: mentions
        weighed by how much the key identifies (`identity`, 1 to 3, counted squared), so the
        "Xe Khampho plant" named twice outweighs a "Lao hydropower plant" in the headline, and a
        "Savannakhet wind farm" said six times outweighs a border gate named twice."""
        out = DocEntities(titled={canon.get(k, k) for k in self.titled}, main_place=self.main_place,
                          others={canon.get(k, k) for k in self.others}, main_country=self.main_country,
                          capitals=self.capitals,
                          rival_place=self.rival_place,
                          fallback=self.fallback, fallback_place=self.fallback_place, things=self.things)
        for key, weight in self.weights.items():
            c = canon.get(key, key)
            out.weights[c] += weight
            out.first_seen[c] = min(out.first_seen.get(c, self.first_seen[key]), self.first_seen[key])
        for head, counter in self.by_head.items():
            for key, weight in counter.items():
                out.by_head[head][canon.get(key, key)] += weight
        # A headline that names only the kind of thing ("aid to typhoon-hit Quang Binh") points
        # at the article's named thing of that kind ("Typhoon Nari").
        for head in self.headline_heads:
            for key in out.by_head.get(head, ()):
                out.weights[key] += _HEADLINE_WEIGHT
        # The story is about something its lead names or it keeps naming, not a road mentioned once.
        lead = {canon.get(k, k) for k in self.in_lead}
        named_in = named_in or Counter()
        # A thing the corpus names only as a venue ("patients share beds at Khanh Hoa General
        # Hospital") is where stories happen, however many articles cite it, unless the lead names it.
        prominent = Counter({k: w for k, w in out.weights.items()
                             if k in lead or (w >= 2 or named_in[k] >= 2) and k not in venues})
        # named by other articles too: a story's thing, not this article's aside
        prominent = Counter({k: w * min(max(named_in[k], 1), 3) for k, w in prominent.items()})
        out.topic = out.best(out.scored(prominent, identity)) or self.fallback or out.best(out.scored(out.weights, identity))
        if self.fallback and any(h in events and not out.by_head.get(h) for h in self.headline_heads):
            # "Yen Bai counts heavy losses after storm-triggered floods": a disaster its headline
            # names but nobody named is the story, in its place, not a weather station it cites
            out.topic, out.event_topic = self.fallback, True
        return out

    def scored(self, counter: Counter, identity) -> Counter:
        return Counter({k: w * identity(k, k in self.titled) ** 2 for k, w in counter.items()})


class Resolver:
    def __init__(self, lexicon: Lexicon, aliases: AliasTable) -> None:
        self.phases = Phases(lexicon)
        self.aliases = aliases
        body_words = {w for forms in lexicon.offices.bodies.values() for f in forms for w in fold(f).split()}
        title_words = {w for t in lexicon.offices.titles.values() for f in t.forms for w in fold(f).split()}
        places = {w for canon, forms in lexicon.aliases.aliases.items() for f in forms + [canon] for w in fold(f).split()}
        self.organisational = frozenset(body_words | title_words | {"ministry", "minister"}) - places - {
            fold(w) for w in lexicon.aliases.noise} - {"national", "central"}
        # a body's own words before a head make the phrase the body's name ("Ministry of Energy
        # and Mines"); a title's words do not ("Vinh Regional General Hospital")
        self.body_words = self.organisational - (title_words - body_words - {"ministry"})
        self.venue_words = frozenset(fold(w) for w in lexicon.entities.venue_words)
        self.locator_words = frozenset(tuple(fold(w).split()) for w in lexicon.entities.locator_words)
        # the bodies aliases.yaml names ("edl", "adb"), and the bodies that stand on their own
        self.named_bodies = frozenset(fold(c) for c in lexicon.aliases.aliases) - frozenset(fold(p) for p in lexicon.places.places)
        self.own_bodies = frozenset(fold(b) for b in lexicon.offices.own_bodies)
        self.recount_before = re.compile(r"(?:^|[^\w'])(?:" + alternation(lexicon.nouns.recount_determiners) + r")[ \t]+$",
                                         re.IGNORECASE)
        self.recount_opener = re.compile(r"[ \t]*(?:" + alternation(lexicon.nouns.recount_openers) + r")[ \t]+$", re.IGNORECASE)
        self.recount_after = re.compile(r"[ \t]+(?:" + alternation(lexicon.nouns.recount_verbs) + r")\b")
        self.series_ordinals = frozenset(fold(w) for pair in lexicon.entities.series_ordinals.items() for w in pair)
        self.number_signs = frozenset(fold(w) for w in lexicon.entities.number_signs)
        self.plan_nouns = frozenset(lexicon.nouns.plan_nouns)
        self.thing_spellings = compile_spellings(lexicon.names.thing_spelling_variants)
        self.person_spellings = compile_spellings(lexicon.names.spelling_variants)
        self.person_events = frozenset(lexicon.names.person_events)
        self.unnamed_person_events = frozenset(lexicon.names.unnamed_person_events)
        self.person_pronouns = frozenset(p.lower() for p in lexicon.names.person_pronouns)
        self.person_counts = frozenset(lexicon.names.person_counts)
        self.place_counts = frozenset(lexicon.nouns.place_counts)
        self.market_nouns = frozenset(fold(w) for w in lexicon.places.market_nouns)
        self.distal = frozenset(fold(w) for w in lexicon.nouns.distal_determiners)
        self.distal_heads = re.compile(rf"\b(?:{alternation(lexicon.nouns.distal_determiners)})[ \t]+(\w+)", re.IGNORECASE)
        self.office_titles = frozenset(lexicon.offices.titles) | {""}
        self.honorifics = frozenset(fold(h) for h in lexicon.names.honorifics)
        # "The appointment, proposed by ..., was endorsed": an appointment no name follows
        self.appointment = re.compile(r"\b(?:" + alternation(lexicon.offices.appointment_nouns) + r")\b(?![ \t]+of\b)",
                                      re.IGNORECASE)
        self.family_names = frozenset(fold(w) for w in lexicon.names.family_names)
        self.building_heads = frozenset(lexicon.entities.building_heads)
        self.edition_heads = frozenset(fold(w).split()[-1] for w in lexicon.events.edition_heads)
        self.period_flows = frozenset(lexicon.nouns.period_flows)
        self.building_parts = frozenset(lexicon.entities.building_parts)
        self.apart_words = frozenset(lexicon.entities.apart_words)
        self.scales = frozenset(lexicon.numbers.scales)
        self.other_markers = frozenset(fold(w) for w in lexicon.entities.other_markers if " " not in w)
        self.other_editions = tuple(fold(w) + " " for w in lexicon.entities.other_editions)
        self.executive_bodies = tuple(fold(b) for b in lexicon.places.executive_bodies)
        number_words = sorted({*lexicon.numbers.units, *lexicon.numbers.tens}, key=len, reverse=True)
        # "two-lane", "16-classroom": a count joined to the noun it counts
        self.counted_modifier = re.compile(r"\b(?:\d[\d.,]*|" + "|".join(number_words) + r")-[a-z]+\b")
        # "the three-storey dormitory", "the 200-bed hospital": a feature describing the thing,
        # which names no other one ("two-way trade" is no feature)
        features = sorted((w for w in lexicon.nouns.feature_nouns if " " not in w), key=len, reverse=True)
        self.described = re.compile(r"\b(?:\d[\d.,]*|" + "|".join(number_words) + r")-(?:"
                                    + "|".join(map(re.escape, features)) + r")s?\b[ \t]*", re.IGNORECASE)
        self.trailing_adverbs = re.compile(r"(?:[ \t,]+(?:" + alternation(lexicon.nouns.subject_adverbs) + r"))+[ \t,]*$",
                                           re.IGNORECASE)
        self.noise = frozenset(fold(w) for w in lexicon.aliases.noise)  # "projects": a wrapper, no thing of its own
        # "In Vang Vieng, a 90-metre footbridge ...": the phrase that places a clause (places.yaml area_openers)
        self.opening_place = re.compile(rf"(?:{alternation(lexicon.places.area_openers)})[ \t]+([^,]{{1,{_OPENING_CHARS}}}),",
                                        re.IGNORECASE)
        self.generic = self.plan_nouns | frozenset(lexicon.aliases.noise) | {
            w.lower() for w in _GENERIC_CAPITALS} | self.organisational
        heads = sorted((fold(h) for h in lexicon.entities.heads), key=lambda h: -len(h.split()))
        self.heads = heads
        self.head_words = {tuple(h.split()): h for h in heads}
        self.head_tokens = frozenset(w for h in heads for w in h.split())
        self.single_heads = frozenset(h for h in heads if " " not in h)
        self.kin_groups = tuple(frozenset(w for h in group for w in h.split()) for group in lexicon.entities.same_thing)
        self.anaphora = frozenset(fold(a) for a in lexicon.entities.anaphora)
        # "... a 1,000-bed cancer hospital in Gia Lam": the capitalised place after a preposition
        self.placed_after = re.compile(r"[ \t]+(?:" + alternation(lexicon.events.occasion_venues)
                                       + r")[ \t]+((?:[A-Z\u00C0-\u024F][\w'\u2019-]*[ \t]*){1,4})")
        self.whole_before = re.compile(r"\b(?:" + alternation(lexicon.entities.whole_after) + r")s?[ \t]+of[ \t]+(?:the|its)[ \t]+$",
                                       re.IGNORECASE)
        self.same_thing: dict[str, list[frozenset[str]]] = {}  # head -> the words of each name of its thing
        self.one_name: dict[str, str] = {}  # head -> the first name of its group
        for group in lexicon.entities.same_thing:
            for head in group:
                self.same_thing[fold(head)] = [frozenset(fold(h).split()) for h in group]
                self.one_name[fold(head)] = fold(group[0])
        self.topic_names: dict[str, list[frozenset[str]]] = {
            fold(head): [frozenset(fold(h).split()) for h in group] for group in lexicon.entities.topic_names for head in group}
        self.compound_names = tuple(names for names in (tuple(frozenset(fold(h).split()) for h in group if " " in h)
                                                        for group in lexicon.entities.same_thing) if len(names) > 1)
        self.lodging_nouns = frozenset(fold(w) for w in lexicon.nouns.lodging_nouns)
        self.lodging_links = frozenset(fold(w) for w in lexicon.nouns.lodging_links)
        # "its upgraded ", right before a figure: the clause subject's thing (events.yaml owner_determiners)
        self.its_before = re.compile(r"\b(?:" + alternation(lexicon.events.owner_determiners) + r")[ \t]+(?:[\w-]+[ \t]+){0,2}$")
        self.thing_events = frozenset(lexicon.entities.thing_events)
        self.thing_attributes = frozenset(lexicon.entities.thing_attributes)
        self.place_money = frozenset(lexicon.nouns.place_money)
        self.money_words = frozenset(w for surface in lexicon.nouns.money_attributes for w in fold(surface).split())
        self.owner_nouns = frozenset(fold(w) for w in lexicon.entities.owner_nouns)
        self.part_sections = frozenset(fold(w) for w in lexicon.entities.part_sections)
        self.event_heads = frozenset(fold(w) for w in lexicon.entities.event_heads)
        self.indicator_rates = frozenset(lexicon.nouns.indicator_rates)
        self.part_nouns = frozenset(fold(w) for w in lexicon.entities.part_of_nouns)
        self.daily_tallies = frozenset(lexicon.nouns.daily_tallies)  # visitors, deaths: a period's tally
        self.thing_only_attributes = frozenset(lexicon.entities.thing_only_attributes)
        self.occasion_money = frozenset(lexicon.nouns.occasion_money)
        self.lender_money = frozenset(lexicon.nouns.lender_money)
        self.national_bodies = frozenset(lexicon.nouns.national_bodies)
        self.parts = {tuple(p.split()): p for p in lexicon.entities.parts}
        self.qualifiers = frozenset(lexicon.entities.qualifiers)
        self.countries = frozenset(fold(c) for c in lexicon.places.countries)
        self.local_bodies = frozenset(lexicon.offices.local_bodies)
        self.local_adjectives = frozenset(fold(w) for w in lexicon.places.local_adjectives)
        self.place_kinds = frozenset(fold(w) for w in lexicon.places.main_place_kinds)
        self.nation_kinds = frozenset(fold(w) for w in lexicon.places.nation_kinds)
        self.name_after_heads = frozenset(fold(h) for h in lexicon.entities.name_after_heads)
        self.governing_nouns = frozenset(fold(w) for w in lexicon.places.governing_nouns)
        self.city_provinces = {fold(c): fold(p) for c, p in lexicon.places.city_provinces.items()}

        # "At Hoa Binh hydropower plant, the reservoir stood at 82.4 metres": a named thing a
        # sentence opens with, before its comma (bounded: no backtracking past 60 characters)
        self.fronted = re.compile(r"\s*(?i:" + alternation(lexicon.places.area_openers) + r")[ \t]+(?:the[ \t]+)?"
                                  r"([A-Z\u00C0-\u024F][^,;:]{2,60}),[ \t]")
        # words that name a kind of body or place, not one body: "district", "company", "department"
        self.generic_bodies = frozenset(fold(w) for w in lexicon.places.kinds + lexicon.offices.unnamed_bodies)
        self.all_place_kinds = frozenset(fold(w) for w in lexicon.places.kinds)
        self.body_names = sorted(lexicon.offices.bodies, key=len, reverse=True)
        self.nation_words = self.countries | frozenset(fold(n) for n in lexicon.places.nationalities) | frozenset(
            t for n in lexicon.places.nationalities for t in (self.aliases.key(n) or "").split())
        self.family_names = frozenset(fold(n) for n in lexicon.names.family_names)
        self.family_country = fold(lexicon.names.family_names_country)
        # the words of a government's portfolios: "Minister of Health" names a country's ministry
        self.portfolio_words = frozenset(w for p in lexicon.offices.portfolios for w in fold(p).split()) - {"and"}
        # a country or nationality word -> its country's key ("lao" -> "laos")
        self.nation_of = {fold(w): self.aliases.key(w) or fold(w)
                          for w in lexicon.places.countries + lexicon.places.nationalities}
        # and a country's other names of several words ("Việt Nam", "Lao PDR"), aliases.yaml's forms
        countries = set(self.nation_of.values())
        self.nation_of.update({fold(f): canon for canon, forms in lexicon.aliases.aliases.items() if canon in countries
                               for f in forms})
        self.nation_name_len = max(len(w.split()) for w in self.nation_of)  # the longest such name, in words
        self.company_forms = frozenset(fold(f) for f in lexicon.offices.bodies.get("company", ()))
        self.ranks: dict[str, frozenset[str]] = defaultdict(frozenset)  # office -> offices of the same body's ladder
        for pair in lexicon.offices.exclusive.same_body:
            for office in pair:
                self.ranks[office] |= frozenset(pair)
        self.anaphora_heads = frozenset(a.split()[-1] for a in self.anaphora if a.startswith("the "))
        self.max_head = max(len(k) for k in self.head_words)
        self.occasions = OccasionLinker(lexicon, aliases)
        self.goods = Goods(lexicon)
        self.trade_attributes = frozenset(lexicon.entities.trade_attributes)
        self.place_keys = tuple(sorted({k for k in (aliases.key(p) for p in lexicon.places.places) if k}))
        self.other_of_heads = frozenset(fold(w) for w in lexicon.entities.other_of_heads)
        self.task_nouns = frozenset(tuple(fold(w).split()) for w in lexicon.entities.task_nouns)
        self.max_task = max((len(t) for t in self.task_nouns), default=0)
        self.other_kinds = frozenset(fold(w) for w in lexicon.entities.other_kind_modifiers)
        self.kinded = frozenset(singular(fold(w)) for w in lexicon.nouns.kinded_things)
        self.sent_counts = frozenset(lexicon.nouns.sent_counts)
        self.case_grades = frozenset(fold(w) for w in lexicon.nouns.kinded_grades)
        # the words a trader's phrase may hold besides places: "Local firms", "enterprises in the province"
        self.trade_words = self.goods.not_kinds - self.goods.heads | self.goods.measures | frozenset(self.goods.flows) \
            | frozenset(w for g in self.goods.goods for w in g) | {"s"}
        # ... and the period it is for ("seafood exports in the first six months"): the reporting
        # periods' own words (calendar.yaml)
        self.period_words = ReportingPeriods.of(lexicon).words
        self.compass = frozenset(fold(w) for w in lexicon.places.compass_words)
        self.bilateral_things = frozenset(self.aliases.key(p) for p in lexicon.places.bilateral_things) - {None}
        self.bilateral = re.compile(r"\b(?:" + alternation(lexicon.places.bilateral_phrases) + r")\b", re.IGNORECASE)
        # subject phrases recur across a corpus; the tables never change once built, so each
        # phrase's answer is worked out once
        self._specific = lru_cache(maxsize=65536)(self._is_specific)
        self._head_of = lru_cache(maxsize=65536)(self._phrase_head)

    # --- documents --------------------------------------------------------------

    def entities(self, doc_text: str, segments: list[Segment], analysis: Analysis | None = None) -> DocEntities:
        """Named mentions with a head noun: capitalised words, then up to two modifiers, then the head.
        With the article's analysis, a head noun that describes the common noun after it ("factory
        jobs") is no thing of the story."""
        found = DocEntities()
        view = match_view(doc_text)
        heads: Counter = Counter()
        places: Counter = Counter()
        all_places: Counter = Counter()
        lead = 0  # the headline and the first two sentences say where the story is
        given: set[str] = set()  # given names of the people named so far
        plain: set[str] = set()  # keys named at least once without a word that sets them apart
        nations: Counter = Counter()  # the countries the article names, by mentions
        # "Laos' New Transport Minister Puts Vietnam Expressway, Railway at Top of Agenda": in a
        # headline in title case, capitals name nothing, so a name counts only if the text repeats it
        told = fold(" ".join(seg.text for seg in segments if seg.region in ("body", "caption")))
        for seg in segments:
            if seg.region not in _ARTICLE_REGIONS:
                continue
            toks = [(m.group(), m.start()) for m in _TOKEN.finditer(view, seg.start, seg.end)]
            for t, at in toks:
                if t[:1].isupper() and t.isalpha():
                    found.capitals.add(at, fold(t))
            weight = _HEADLINE_WEIGHT if seg.region == "headline" else 1
            capitals_say_nothing = seg.region == "headline" and _title_case(seg.text)
            if seg.region == "headline":  # words of compounds too: "typhoon-hit"
                found.headline_heads |= {self.head_words[(singular(w),)] for w in fold_words(seg.text)
                                         if (singular(w),) in self.head_words}
                found.headline_things |= self._headline_own_heads(seg.text)
            lead += 1
            in_segment = self.aliases.places_in(self._without_people(seg.text, given))
            nations.update(p for p in in_segment if p in self.countries)
            named_places = [p for p in in_segment if p not in self.countries]
            all_places.update(named_places)
            if lead <= 3:
                places.update(named_places)
            for i in range(len(toks)):
                head = self._head_at(toks, i)
                if head is None:
                    continue
                last = i + len(head.split()) - 1
                if last + 1 < len(toks) and fold(toks[last + 1][0]) in self.other_of_heads:
                    continue  # "Hanoi Traffic Construction Investment Project Management Board": a board, no project
                start = self._name_start(view, toks, i, seg.region == "headline")
                if start is None and self._opens_a_name(toks, last):
                    continue  # "Dam Doi District", "Mines Bounthong Vilaysack": no dam, no mine
                # (only a lowercase word of content after the head can be a noun it describes: the
                # sentence is tagged for that word alone, so most sentences are never tagged here)
                nxt = toks[last + 1][0] if last + 1 < len(toks) else ""
                if analysis is None or not (nxt.isalpha() and nxt.islower() and nxt not in _FUNCTION_WORDS) \
                        or not self._describes_a_noun(analysis, seg.start, toks[last][1] + len(toks[last][0])):
                    heads[head] += weight
                written = fold(toks[last][0])
                if start is not None and singular(written) != written \
                        and any(t.replace(",", "").isdigit() for t, _ in toks[start:i]):
                    continue  # "EDL's 150 service centres": a count of things, no thing named
                if start is not None:
                    phrase = doc_text[toks[start][1]:toks[last][1] + len(toks[last][0])]
                else:
                    end = self._name_after(toks, last)  # "the provincial hospital of Savannakhet"
                    if end is None:
                        continue
                    start = i
                    phrase = doc_text[toks[i][1]:toks[end][1] + len(toks[end][0])]
                key = self.aliases.key(phrase)
                if capitals_say_nothing and fold(phrase) not in told:
                    continue
                if key is None or not self.is_specific(phrase, skip_first=start == 0) \
                        or self._only_nations(key, head) and not toks[last][0][:1].isupper() \
                        or any(fold(t) in self.body_words for t, _ in toks[start:i]) \
                        or fold(toks[start][0]) in self.organisational:
                    continue  # "Ministry of Energy and Mines" is an organisation, not a mine
                if head in self.aliases.noise and not any(
                        t[:1].isupper() and fold(t) not in self.aliases.place_words for t, _ in toks[start:i]):
                    continue  # "the Attapeu bauxite project" names a place, not a project: the story's fallback does
                found.weights[key] += weight
                if start > 0 and fold(toks[start - 1][0]) in self.other_markers:
                    found.others.add(key)
                else:
                    plain.add(key)
                if lead <= 3:
                    found.in_lead.add(key)
                if not self._as_venue(toks, start):
                    found.as_subject.add(key)
                found.by_head[head][key] += weight
                if " " in head:  # "the park" refers to the industrial park
                    found.by_head[head.split()[-1]][key] += weight
                found.first_seen.setdefault(key, toks[start][1])
                if seg.region != "headline" and toks[last][0][:1].isupper():
                    found.titled.add(key)
                end_at = doc_text.find(phrase, toks[start][1]) + len(phrase)
                bracket = _BRACKETED_NAME.match(view, end_at, seg.end)
                if bracket:
                    also = self.aliases.key(bracket.group(1))
                    if also and also != key and also not in self.aliases.places and also not in self.countries:
                        found.bracketed[also].add(key)
                for where in self._located_in(view, toks[last][1] + len(toks[last][0]), seg.end):
                    if where not in key.split():
                        # "the Sepon wind farm in Savannakhet province" is also Savannakhet's wind farm
                        found.located[self.aliases.key(f"{where} {head}")].add(key)
        found.others -= plain
        top = nations.most_common(2)
        if top and (len(top) == 1 or top[0][1] > top[1][1]):
            found.main_country = top[0][0]
        ranked = all_places.most_common(2)
        if ranked and (len(ranked) == 1 or ranked[0][1] > ranked[1][1]):
            found.main_place = ranked[0][0]
            rivals = [p for p, n in all_places.most_common() if p != found.main_place and p not in self.countries
                      and 2 * n >= ranked[0][1]]
            found.rival_place = rivals[0] if rivals else None
        if places:
            # No name, but a story about "the campaign" in Attapeu: the place and the thing.
            things = Counter()
            for h, n in heads.items():
                if h not in self.aliases.noise:  # "project" says nothing of what the thing is
                    # "the storm" counts for the typhoon the article names; a water "plant" in an
                    # article that never says "hydropower plant" stays a plant
                    one = self.one_name.get(h, h)
                    things[one if one in heads else h] += n
            built = Counter({h: n for h, n in things.items() if h not in self.plan_nouns})
            things = built or things  # the mine the agreement is about, not the agreement
            place = min(places, key=lambda p: (-places[p], p))
            head = min(things, key=lambda h: (-things[h], h)) if things else None
            found.fallback = self.aliases.key(f"{place} {head}" if head else place)
            found.fallback_place, found.things = place, things
        return found

    def _headline_own_heads(self, headline: str) -> set[str]:
        """The head nouns a headline names as its story's things, not where they stand: a head
        whose name follows a locator word (entities.yaml locator_words) is a place ("Bokeo opens
        border market beside Houayxay bridge": the market; "plant in Khanh An Industrial Park"),
        but not one a time or another word parts from it ("tourism boom in H1 as railway")."""
        tokens = _HEADLINE_WORD.findall(headline)
        words = [fold(t) for t in tokens]
        out = set()
        for i, w in enumerate(words):
            if (singular(w),) not in self.head_words:
                continue
            # the words before the whole head: "in Khanh An Industrial Park"
            start = i - 1 if i and (words[i - 1], singular(w)) in self.head_words else i
            located = False
            for j in range(start - 1, max(-1, start - 5), -1):
                if any(tuple(words[k:j + 1]) in self.locator_words for k in (j, j - 1) if k >= 0):
                    located = True
                    break
                if not (tokens[j][:1].isupper() or words[j] in DETERMINERS):
                    break  # (only a name or "the" may stand between a locator and its head)
            if not located:
                out.add(self.head_words[(singular(w),)])
        return out

    def _describes_a_noun(self, analysis: Analysis, sentence: int, end: int) -> bool:
        """Whether the head noun ending at `end` stands before a common noun it describes
        ("young people have left for factory jobs"): the thing then is the jobs, not a factory. A
        word that names nothing ("the wind farm project") leaves the head the thing."""
        toks = analysis.tokens_at(sentence)
        i = bisect_left(toks, end, key=lambda t: t.start)
        nxt = toks[i] if i < len(toks) else None
        return nxt is not None and nxt.start == end + 1 and nxt.tag in ("NN", "NNS") \
            and singular(fold(nxt.text)) not in self.aliases.noise

    def _located_in(self, view: str, pos: int, hi: int) -> list[str]:
        """The province or district right after a name: "..., located in Sepon district",
        "in the southern Lao province of Savannakhet"; and the province holding it that a comma
        adds ("in Quy Nhon city, Binh Dinh province"), known even when the first is not."""
        m = _LOCATED.match(view, pos, min(hi, pos + 80))
        if not m:
            return []
        places = [p for p in self.aliases.places_in(m.group(1)) if p not in self.countries][:1]
        wider = _LOCATED_WIDER.match(view, m.end(), min(hi, m.end() + 80))
        more = [p for p in self.aliases.places_in(wider.group(1)) if p not in self.countries] if wider else []
        return places + more[:1]

    def _head_at(self, toks: list[tuple[str, int]], i: int) -> str | None:
        for n in range(min(self.max_head, len(toks) - i), 0, -1):
            words = tuple(singular(bare(fold(t))) for t, _ in toks[i:i + n])
            if words in self.head_words:
                return self.head_words[words]
        return None

    def _name_start(self, view: str, toks: list[tuple[str, int]], i: int, headline: bool) -> int | None:
        """Index of the first word of the name before a head noun, or None when unnamed. A
        headline's lowercase words may be its verb ("Quang Tri counts flood damage"), so there
        only head nouns modify ("Savannakhet's hospital block"); running text lends any
        ("the Attapeu bauxite mine"), but never a figure's scale ("The VND2,235 billion terminal
        T2" names T2, not "VND2,235 billion")."""
        j = i
        modifiers = 0
        # (no comma or bracket stands between a name's words: "from January to May, when reservoirs" names nothing)
        while j > 0 and _adjacent(view, toks, j - 1) and toks[j - 1][0].islower() and modifiers < 2 and toks[j - 1][0] not in _FUNCTION_WORDS \
                and fold(toks[j - 1][0]) not in self.generic and toks[j - 1][0] not in self.scales \
                and (not headline or singular(fold(toks[j - 1][0])) in self.head_tokens):
            j -= 1
            modifiers += 1
        k = j
        # a connector joins two name words, never a name and the head ("the Centre for Rural Clean
        # Water and Environmental Sanitation and programme director": no programme is named)
        while k > 0 and _adjacent(view, toks, k - 1) and (_NAME_PART.match(toks[k - 1][0]) or (toks[k - 1][0] in _CONNECTORS and k - 1 > 0 and k < j
                                                                and _NAME_PART.match(toks[k - 2][0])
                                                                and not self._coordinated(toks, k - 1))):
            if toks[k - 1][0] in _GENERIC_CAPITALS and not (
                    k > 1 and _NAME_PART.match(toks[k - 2][0]) and toks[k - 2][0] not in _GENERIC_CAPITALS):
                break  # "The Hieu Giang bridge" starts after "The"; "Nghe An" keeps its "An"
            k -= 1
        if k == j:
            # A capitalised head ("Savannakhet Provincial Hospital") may carry the name itself.
            return None
        if k > 0 and fold(toks[k - 1][0]) in self.series_ordinals:
            k -= 1  # "the fifth Lao-Thai Friendship Bridge": one of a series, told apart by its number
        return k

    def _as_venue(self, toks: list[tuple[str, int]], start: int) -> bool:
        """A name after a venue word ("patients share beds at Khanh Hoa General Hospital"), or
        opening with one at the start of a sentence ("At Khanh Hoa General Hospital, ..."). A
        thing's part at it ("a new teaching complex at the Houaphan Technical and Vocational
        College") makes it the thing the part belongs to, no venue."""
        if fold(toks[start][0]) in self.venue_words:
            return True
        before = start - 1 if start > 0 and fold(toks[start - 1][0]) in DETERMINERS else start
        return before > 0 and fold(toks[before - 1][0]) in self.venue_words \
            and not (before > 1 and singular(bare(fold(toks[before - 2][0]))) in self.head_tokens)

    def _coordinated(self, toks: list[tuple[str, int]], i: int) -> bool:
        """An "and" right after a head noun joins two named things ("Dong Thap General Hospital
        and Tu Du Hospital"), not two words of one name ("Bank for Agriculture and Rural Development")."""
        return toks[i][0] in ("and", "&") and singular(bare(fold(toks[i - 1][0]))) in self.head_tokens

    def _without_people(self, text: str, given: set[str]) -> str:
        """The text with people's names blanked after their family name, and their given names
        (`given`, filled as they are met) standing alone: "VITAS Chairman Tran Quang Vinh ...
        Vinh warned" names no city of Vinh ("Ho Chi Minh City" opens with a place, and stays)."""
        def blank(m: re.Match) -> str:
            run = m.group()
            if m.group(2) is None:
                return " " * len(run) if run in given else run
            # "VITAS Chairman Tran Quang Vinh": the name from its family name on
            at = next((w.start() for w in _WORD.finditer(run) if fold(w.group()) in self.family_names), None)
            if at is None or " " not in run[at:].strip() or self.aliases.opens_with_place(run[at:]):
                return run
            family = _WORD.match(run, at).end()
            given.add(run.split()[-1])
            return run[:family] + " " * (len(run) - family)
        return _CAPITAL_RUN.sub(blank, text)

    def _opens_a_name(self, toks: list[tuple[str, int]], last: int) -> bool:
        """A capitalised head word with a name right after it that is no title ("Dam Doi", not
        "Typhoon Nari"): the first word of another name."""
        return toks[last][0][:1].isupper() and fold(toks[last][0]) not in self.name_after_heads \
            and last + 1 < len(toks) and toks[last + 1][0][:1].isupper() and _NAME_PART.match(toks[last + 1][0]) is not None \
            and fold(toks[last + 1][0]) not in self.generic and fold(toks[last + 1][0]) not in self.head_tokens

    def _name_after(self, toks: list[tuple[str, int]], last: int) -> int | None:
        """Index of the last word of "of <Name>" after a head noun (a name opens with a capital),
        or of the name right after a head written as a title ("Typhoon Nari", "Route 9"), or None."""
        if toks[last][0][:1].isupper() and last + 1 < len(toks) and _NAME_PART.match(toks[last + 1][0]) \
                and fold(toks[last + 1][0]) not in self.generic and fold(toks[last + 1][0]) not in self.head_tokens:
            k = last + 1
            while k + 1 < len(toks) and k - last < 3 and _NAME_PART.match(toks[k + 1][0]) \
                    and fold(toks[k + 1][0]) not in self.generic and fold(toks[k + 1][0]) not in self.head_tokens:
                k += 1
            return k
        numbered = self._numbered(toks, last + 1)
        if numbered is not None:
            return numbered  # "metro line No. 2": the number tells the one line apart
        if last + 2 >= len(toks) or toks[last + 1][0] != "of" or not toks[last + 2][0][:1].isupper():
            return None  # (not a figure: "an approach road of 2 km" is no "road of 2")
        k = last + 2
        while k < len(toks) and k - last <= 5 and _NAME_PART.match(toks[k][0]) and not toks[k][0].isupper():
            k += 1
        return k - 1 if k > last + 2 else None

    def _titled_number(self, toks: list[tuple[str, int]], i: int) -> bool:
        """A head noun written as a title with its number after it ("Road 422", "Route 9")."""
        return i + 1 < len(toks) and toks[i][0][:1].isupper() and singular(fold(toks[i][0])) in self.head_tokens \
            and toks[i + 1][0][:1].isdigit() and len(toks[i + 1][0]) <= 4 and toks[i + 1][0].rstrip("ABCDabcd").isdigit()

    def _numbered(self, toks: list[tuple[str, int]], i: int) -> int | None:
        """Index of the number a number sign at `i` opens ("No. 2", "No.2", "number 3"), or None."""
        if i >= len(toks):
            return None
        word = fold(toks[i][0])
        if word in self.number_signs and i + 1 < len(toks) and toks[i + 1][0][:1].isdigit() and len(toks[i + 1][0]) <= 4:
            return i + 1
        sign, dot, figure = word.partition(".")
        return i if dot and sign in self.number_signs and figure[:1].isdigit() and len(figure) <= 3 else None

    def is_specific(self, text: str, skip_first: bool = False) -> bool:
        """Names something particular: a known place or a capitalised word that is not a common noun."""
        return self._specific(text, skip_first)

    def _is_specific(self, text: str, skip_first: bool) -> bool:
        words = [w.removesuffix("'s").removesuffix("\u2019s") for w in _SPECIFIC.findall(text)]
        if skip_first and words and text.startswith(words[0]) and not _ACRONYM.fullmatch(words[0]) \
                and not any(ch.isupper() for ch in words[0][1:]):
            # capitalised for opening the sentence ("Heavy rain began"), not as a name; an
            # acronym or a capital inside a word is written so anywhere ("LCR's revenue in the
            # first half reached", "LaoNet holds 35 percent")
            words = words[1:]
        if any(w.lower() not in self.generic and w.lower().rstrip("s") not in self.heads for w in words):
            return True
        if DESIGNATOR.search(text):
            return True  # "Component project 1", "berth No. 3": a number that tells one of several apart
        toks = [(m.group(), m.start()) for m in _TOKEN.finditer(text)]
        if any(self._numbered(toks, i) is not None or self._titled_number(toks, i) for i in range(len(toks))):
            return True  # "line No.2", "Provincial Road 422"
        return any(t in self.aliases.forms.values() for t in self.aliases.canonical_tokens(text)) \
            or bool(self.aliases.places_in(text))

    # --- claims -----------------------------------------------------------------

    def resolve(self, claims: list[Claim], entities: dict[str, DocEntities],
                stories: dict[str, str] | None = None) -> list[Claim]:
        places = _places_by_body(claims, self.body_names, self.aliases.places - self.countries)
        # the same, per office-holder in an article: the bodies each person's titles name in full
        holders = _places_by_body(claims, self.body_names, self.aliases.places - self.countries, _holder)
        # "EDL Managing Director" in one article is "Managing Director of Electricite du Laos (EDL)"
        # in another: an acronym bracketed after one body is that body's, across the corpus
        acronyms = _bracketed_bodies(claims)
        places = {doc: {**acronyms, **bodies} for doc, bodies in places.items()}
        ladders = self._orgs_by_rank(claims)
        keys = {k for ents in entities.values() for k in ents.weights}
        keys |= {self.aliases.key(c.subject_text) for c in claims
                 if c.kind != "role" and c.subject_text and self.is_specific(c.subject_text)} - {None}
        canon = self.canonical_map(keys)
        canon.update(self._located_aliases(entities, canon))
        canon.update(self._bracketed_aliases(entities, canon, keys))
        # How many articles name each thing: a thing several articles name is more likely a
        # story's main thing than one only this article mentions.
        named_in: Counter = Counter(k for ents in entities.values() for k in {canon.get(x, x) for x in ents.weights})
        subjects = {canon.get(k, k) for ents in entities.values() for k in ents.as_subject}
        venues = frozenset(k for k in named_in if k not in subjects)
        merged = {doc: ents.merged(canon, self._identity, named_in, self.event_heads, venues)
                  for doc, ents in entities.items()}
        self._headline_things(merged, entities)
        self._headline_over_aside(merged, entities, canon)
        self._story_places(merged, stories or {})
        self._story_events(merged, stories or {})
        self._story_fallbacks(merged, stories or {})
        story_heads = self._story_heads(merged, stories or {})  # (no pass changes what articles name)
        self._story_named_things(merged, stories or {}, story_heads)
        # (a story's topic is a key like any other: "Attapeu mine", the one the corpus places there, is the Phou Ngoy mine)
        story_topics = {doc: canon.get(key, key) for doc, key in self._story_topics(merged, stories or {}).items()}
        told = {stories[d] for d in story_topics}  # (a story with a topic of its own keeps it)
        story_topics.update({doc: key for doc, key in self._story_headline_thing(merged, entities, stories or {},
                                                                                 story_heads).items()
                             if stories[doc] not in told})
        nations = self._nations_named(claims)  # resolution keeps each claim's document and sentence: made once
        traders = self._lead_traders(claims)
        story_labels = self._story_labels(merged, stories or {}, nations, traders)
        story_pairs = self._story_pairs(stories or {}, nations)
        kinds = self._kinds_told(claims)
        count_kinds = self._count_kinds_told(claims, stories or {})
        people, main_people, voters, appointees = self._people(claims, stories or {})
        story_bodies = self._story_bodies(claims, stories or {})
        held = self._offices_held(claims)
        out = []
        for c in claims:
            ents = merged.get(c.document)
            if ents is None:  # (made only when missing: an empty one per claim cost more than resolving it)
                ents = DocEntities()
            story = (stories or {}).get(c.document)
            r = self._resolve(c, ents, places.get(c.document, acronyms), ladders.get(c.document, {}),
                              story_heads.get(story), story_bodies.get(story), holders.get(_holder(c)))
            if r.kind == "percent" and ents.main_country and set(r.scope.get("of", "").split()) & self.nation_kinds:
                r = self._of_main_country(r, ents.main_country)
            if c.kind == "period" and c.attribute == "term" and c.subject_text is None and "holder" in c.scope:
                named = self._referent(c, ents.capitals, people.get(story or c.document, set())) \
                    if c.scope["holder"] in self.person_pronouns else None
                r = self._holder_term(c, r, held.get(c.document, {}), named or main_people.get(c.document), ents,
                                      story_heads.get(story) or {})
            if r.kind == "period" and "holder" in r.scope and r.scope["holder"] not in self.person_pronouns:
                r = self._holder_named(r, people.get(story or c.document, set()))
            if c.document in traders and r.subject == ents.main_place and self._traded(c, c.subject_text) \
                    and not self.aliases.places_in(c.subject_text or "") and (
                        c.region == "headline" or self._national_lead(c, traders[c.document], ents.main_place)):
                # "Rice export value exceeds 5 billion USD" over a lead on Vietnam's rice exports:
                # the lead's trader, not a province the body names more often; so is "Cassava
                # exports totalled 1.24 million tonnes" after a lead on Laos's exports
                r = r.model_copy(update={"subject": traders[c.document]})
            if r.subject in canon:
                r = r.model_copy(update={"subject": canon[r.subject]})
            if self._personal(c):
                # "Thinh was born on May 14, 1968", "Mai won 46 votes": the person's, within the
                # story; a span in an office of a named place ("vice mayor bokeo") is one
                # person's whichever story tells it
                placed = c.scope.get("office", "") not in self.office_titles
                referent = (self._referent(c, ents.capitals, people.get(story or c.document, set()))
                            if c.attribute in self.unnamed_person_events or self._pronoun(c) else None) \
                    or main_people.get(c.document)
                # "The appointment was endorsed with 142 votes": an appointment names no person
                unnamed = not c.subject_text or c.kind == "count" and self.appointment.search(c.subject_text) is not None
                subject = None if unnamed and c.subject_text else \
                    self._person(c, None if placed else story, people.get(story or c.document, set()), referent, anywhere=placed)
                if subject is None and c.kind == "count" and unnamed:
                    # "Somsanouk was elected to chair the committee ..., with 147 votes": the tally
                    # of the one person its sentence names and opens with; none when it names
                    # several, or opens with someone else
                    holder = self._share_holder(c, voters, people.get(story or c.document, set()), None)
                    first = _TOKEN.search(c.sentence)
                    opens = holder is not None and first is not None and bool(set(self._name_words(first.group())) & set(holder))
                    subject = self._person_key(holder, None if placed else story, c.document, anywhere=placed) if opens else None
                    appointee = appointees.get(story or c.document, set())
                    if subject is None and len(appointee) == 1 and self.appointment.search(c.sentence):
                        # "The appointment, proposed by Prime Minister Khampheng Sayavong, was endorsed
                        # ..., with 139 of the 144 members present voting in favour": the tally of the
                        # story's one appointee
                        subject = self._person_key(next(iter(appointee)), None if placed else story, c.document,
                                                   anywhere=placed)
                r = r.model_copy(update={"subject": subject})
            elif self._person_share(r):
                # "Phuoc was elected Chairman with 92.3 percent of the votes", "51 voted for Phuoc,
                # accounting for 98.08%": the share of the one person its sentence's roles name,
                # else of the article's person, within the story; of a sentence naming several, nobody's
                holder = self._share_holder(c, voters, people.get(story or c.document, set()), main_people.get(c.document))
                r = r.model_copy(update={"subject": None if holder is None else self._person_key(holder, story, c.document)})
            if self._kinded(r) and len(kinds.get((r.document, self._kinded(r)), ())) < 2:
                # "dengue fever cases ... up 46 per cent" in an article of one disease: its cases,
                # as "infections rose by 57 percent" are; the kind tells two apart only where
                # an article tells of two ("1,240 HFMD cases, up 38 per cent", "612 dengue cases")
                r = r.model_copy(update={"scope": {**r.scope, "of": self._kinded(r)}})
            if self._count_kind(r) and len(count_kinds.get(((stories or {}).get(c.document, c.document), r.value.noun), ())) < 2:
                # "9,184 dengue cases" and "8,914 cases" in a story of one disease: its cases; the
                # kind tells two tallies apart only where the story tells of two. A grade stays:
                # "severe dengue cases" are some of them.
                grades = [w for w in r.scope["kind"].split() if w in self.case_grades]
                scope = {k: v for k, v in r.scope.items() if k != "kind"}
                r = r.model_copy(update={"scope": {**scope, "kind": " ".join(grades)} if grades else scope})
            if r.kind == "count" and r.scope.get("kind") and r.subject \
                    and set(fold(r.scope["kind"]).split()) <= set(r.subject.split()):
                # "The terminal has 40 bus bays" in a story keyed by the bus terminal: its bays, the
                # kind only the thing's own name ("has 48 bays")
                r = r.model_copy(update={"scope": {k: v for k, v in r.scope.items() if k != "kind"}})
            if c.document in story_pairs and self._bilateral(c):
                # "two-way trade reached US$1.63 billion in 2022, up 12.5 per cent": the trade of
                # the two countries the story is about, not of its thing
                r = r.model_copy(update={"subject": story_pairs[c.document]})
            elif c.document in story_pairs and c.subject_text and self.aliases.key(c.subject_text) in self.bilateral_things:
                # "whose diplomatic relations were established on September 15, 1962": the two countries'
                r = r.model_copy(update={"subject": f"{story_pairs[c.document]} | {self.aliases.key(c.subject_text)}"})
            if r.attribute == "fare" and r.subject and r.subject in (ents.topic, story_topics.get(c.document)):
                # "Entry fees at the Tad Fane waterfall" in an article about that waterfall: the
                # story's fare, as one that names no site is (the fees at another site stay its own)
                r = r.model_copy(update={"subject": None})
            if r.subject is None and c.document in story_labels and self._story_indicator(r) and not self._person_share(r):
                # a figure that names no owner ("exported 248,000 tonnes of coffee in 2023") is
                # the story's: compared with the story's figures of the same indicator and time
                r = r.model_copy(update={"subject": story_labels[c.document], "link": "story"})
            else:
                r = self._in_story(r, ents.topic, story_topics.get(c.document))
            if r.kind == "count" and r.value.noun in self.sent_counts and r.subject and story is not None \
                    and set(r.subject.split()) <= self.nation_words:
                # "The Republic of Korea remained the largest source market with 1.21 million
                # visitors": Koreans visiting this story's place, not Korea's visitors anywhere
                r = r.model_copy(update={"subject": f"{r.subject} | story {story}"})
            if (r.kind == "money" and r.attribute in self.occasion_money or r.kind == "quantity" and "of" in r.scope) \
                    and r.subject:
                place = self._executive_place(r.subject)
                if place:  # "the Dong Thap People's Committee allocated", "released 4.5 tonnes of disinfectant": Dong Thap's
                    r = r.model_copy(update={"subject": place})
            if r.kind == "money" and r.attribute in self.occasion_money and r.subject \
                    and r.subject.startswith(f"{c.document}#") and set(r.subject.split("#", 1)[1].split()) <= self.national_bodies:
                # "the Government has allocated a total of VND 280 billion": the one government the
                # story's articles tell of, not this article's own
                r = r.model_copy(update={"subject": r.subject.split("#", 1)[1]})
            if r.kind == "money" and (r.attribute in self.occasion_money or r.attribute in self.lender_money) \
                    and r.subject and story is not None and r.link is None:
                # "Laos has provided US$300,000": a giver's aid is for its story's occasion; the same
                # giver's aid after another disaster is another gift, and a lender's loan to
                # another project another loan
                r = r.model_copy(update={"subject": f"{r.subject} | story {story}"})
            if r.link is None and r.subject and self._unnamed_figure(c, ents):
                r = r.model_copy(update={"link": "context"})
            if r.kind == "money" and r.attribute in self.period_flows and "period" not in r.scope and r.time is not None \
                    and r.time.start is not None and r.subject and self.edition_heads & set(r.subject.split(" | ")[0].split()):
                # "Tourism revenue in the town during the festival was estimated at": a yearly
                # event's earnings are its edition's, the article's year's, as "the festival
                # brought in VND215 billion this year" is
                r = r.model_copy(update={"scope": {**r.scope, "period": str(r.time.start.year)}, "time": None})
            out.append(r)
        out = self._recounts(self._parts_named_elsewhere(
            self._buildings_as_their_thing(_goods_named(self._shared_local_things(out, stories or {})), stories or {}),
            stories or {}))
        out = self._editions_of_the_year(out, stories or {})
        out = self._holders_bodies(out, stories or {})
        return self.occasions.link(self._national_organisations(self._bodies_placed(out), nations), stories or {},
                                   {doc: ents.main_place for doc, ents in merged.items()})

    def _holders_bodies(self, claims: list[Claim], stories: dict[str, str]) -> list[Claim]:
        """"Vice Chairman of the district People's Committee Giang A Tong" in one article and
        "Giang A Tong, Chairman of Mu Cang Chai District People's Committee" in another: a body
        an office-holder's title names by fewer words (honorifics aside) is the one body of the
        same person its story names by all of them and more, so his two titles are of one body."""
        bodies: dict[tuple[str, tuple[str, ...]], set[str]] = defaultdict(set)
        for c in claims:
            if c.kind == "role" and c.value.organisation and c.document in stories:
                bodies[(stories[c.document], self._name_words(c.value.person))].add(c.value.organisation)
        fuller: dict[tuple[str, tuple[str, ...], str], str] = {}
        for key, orgs in bodies.items():
            words = {org: frozenset(org.split()) - self.honorifics for org in orgs}
            for org in orgs:
                # (or by the same words and an honorific stuck in it: "Vientiane Mr Public Works ...")
                wider = [o for o in orgs if o != org and (words[org] < words[o]
                                                          or words[org] == words[o] and len(org) > len(o))]
                # (a body's words, not a place's alone: the Prime Minister "of Laos" is no minister of
                # "the Laos National Assembly" the same person may chair)
                if len(wider) == 1 and words[org] - self.aliases.place_words:
                    fuller[(*key, org)] = wider[0]
        if not fuller:
            return claims
        out = []
        for c in claims:
            if c.kind == "role" and c.value.organisation and c.document in stories:
                org = fuller.get((stories[c.document], self._name_words(c.value.person), c.value.organisation))
                if org:
                    c = c.model_copy(update={"value": c.value.model_copy(update={"organisation": org}),
                                             "subject": f"{c.value.office} @ {org}"})
            out.append(c)
        return out

    def _unnamed_figure(self, c: Claim, ents: DocEntities) -> bool:
        """A figure whose own words name nothing it is of ("covers 5.2ha", "about 80,000 MW",
        "hundreds of kilns are crumbling"): its subject is its article's by default, which is
        evidence against other articles but not against its article's other figures, news being
        a list of figures about different things. A tally as of a day or a figure for a period
        is pinned by its time and indicator instead ("Four people died", "up 23 percent in the
        first nine months"); a place it names is its own word ("In Cao Bang, 120 houses"), and
        so is the whole a share names ("98% of the land needed"). A figure told as known ("Of
        the 1,520ha of crops damaged", "the $21 million in contracts") is one its article told
        before, and so is compared with it; a disaster's damaged crop area is its disaster's."""
        if c.kind not in _FIGURE_KINDS or c.subject_text or "period" in c.scope or "as_of" in c.scope \
                or self._crop_toll(c, ents):
            return False
        return not (c.scope.get("in") or c.kind == "count" and c.scope.get("parties")
                    or c.kind == "percent" and c.scope.get("of")
                    or self.recount_before.search(c.sentence, 0, c.start - c.sentence_start))

    def _of_main_country(self, c: Claim, country: str) -> Claim:
        """"more than 80 percent of the country's captive elephants": of Laos's, the country the
        article names most, as "of Laos' captive elephants" is (and so is a share named by its whole)."""
        before = c.scope["of"]
        whole = " ".join(sorted({country if w in self.nation_kinds else w for w in before.split()}))
        subject = f"share of {whole}" if c.subject == f"share of {before}" else c.subject
        return c.model_copy(update={"scope": {**c.scope, "of": whole}, "subject": subject})

    @staticmethod
    def _editions_of_the_year(claims: list[Claim], stories: dict[str, str]) -> list[Claim]:
        """"The 2025 Sa Dec Flower Festival" in an article published in 2025 is the festival other
        articles of its story call "the Sa Dec Flower Festival": its own year's edition, named with
        its year. Another year's ("the 2024 festival" told in 2025) stays apart."""
        years = {c.document: str(c.value.start.year) for c in claims
                 if c.kind == "date" and c.attribute == "published" and c.value.start is not None}
        told: dict[str, set[str]] = defaultdict(set)
        for c in claims:
            if c.subject and c.document in stories:
                told[stories[c.document]].add(c.subject)
        out = []
        for c in claims:
            year = years.get(c.document)
            words = c.subject.split(" ") if c.subject and year and c.document in stories else []
            if year in words:
                bare = " ".join(w for w in words if w != year)
                if bare in told[stories[c.document]]:
                    c = c.model_copy(update={"subject": bare})
            out.append(c)
        return out

    def _shared_local_things(self, claims: list[Claim], stories: dict[str, str]) -> list[Claim]:
        """A thing an article names by words of its own, with no name the resolver knows ("the
        three pilot restoration kilns"), is one thing with the thing two or more articles of its
        story name by the same words: the story's, not each article's apart. Words of a kind alone
        ("the wharf", "the Cooperation Agreement") may be any of the story's things of that kind,
        a place's kind ("the province's total export turnover") a different place in each article,
        and words with no "the" ("imported goods and products worth") no thing told as known: all
        stay their article's. A dated event's thing is the exception: "The harvest began on
        February 20" and "The harvest, which started on January 20" in two articles of one story
        tell one event of one thing, whatever its kind."""
        def shared(c: Claim) -> str | None:
            local = _local_key(c.subject)
            words = set(fold_words(c.subject_text or ""))
            placed = words & self.place_kinds or "the" not in words  # (a thing told as known: "the ...")
            named = local is not None and " " in local and bool(self._name_words_of(local))  # not "the cooperation agreement"
            dated = local is not None and c.kind == "date" and c.attribute not in ("event", "published", "held")
            return local if (named or dated) and not placed and c.document in stories else None

        docs: dict[tuple[str, str], set[str]] = defaultdict(set)
        for c in claims:
            if local := shared(c):
                docs[(stories[c.document], local)].add(c.document)
        if not any(len(d) > 1 for d in docs.values()):
            return claims
        out = []
        for c in claims:
            local = shared(c)
            if local and len(docs[(stories[c.document], local)]) > 1:
                c = c.model_copy(update={"subject": f"story {stories[c.document]}#{local}"})
            out.append(c)
        return out

    def _buildings_as_their_thing(self, claims: list[Claim], stories: dict[str, str]) -> list[Claim]:
        """"The building has a floor area of 7,200 square metres" in one article and "the
        floor area of 6,800 m2" with no owner in another: in a story whose articles give a figure
        of one attribute to a thing's building (entities.yaml building_heads) or to the thing by
        default, never to the thing by name, and no article both, the building is the story's thing
        (not when one sets the building apart: "The dormitory alone cost")."""
        forms: dict[tuple[str, str, str, str], dict[str, set[str]]] = defaultdict(lambda: defaultdict(set))
        for c in claims:
            story = stories.get(c.document)
            if story is None or not c.subject:
                continue
            thing, _, part = c.subject.partition(" | ")
            if part in self.building_heads:
                # ("The dormitory alone cost": a share of the whole, told apart from it)
                apart = bool(set(fold_words(c.subject_text or "")) & self.apart_words)
                forms[(story, thing, c.kind, self._measured(c))][c.document].add("apart" if apart else "building")
            elif not part:
                # a figure given to the thing by name may be the whole's ("Prey Veng Referral
                # Hospital has 20,000 square metres"); one given to it by default may be the building's
                named = c.subject_text is not None and self.is_specific(c.subject_text)
                forms[(story, thing, c.kind, self._measured(c))][c.document].add("named" if named else "unnamed")
        merge = {key for key, by_doc in forms.items()
                 if set().union(*by_doc.values()) == {"building", "unnamed"} and all(len(f) == 1 for f in by_doc.values())}
        out = []
        for c in claims:
            story = stories.get(c.document)
            thing, _, part = (c.subject or "").partition(" | ")
            if part in self.building_heads and (story, thing, c.kind, self._measured(c)) in merge:
                c = c.model_copy(update={"subject": thing})
            out.append(c)
        return out

    @staticmethod
    def _measured(c: Claim) -> str:
        """What a figure measures: its attribute, and for a count the things counted too ("The
        building has 1,480 beds" says nothing of how its rooms are told)."""
        return f"{c.attribute} {singular(c.value.noun)}" if c.kind == "count" else c.attribute

    def _parts_named_elsewhere(self, claims: list[Claim], stories: dict[str, str]) -> list[Claim]:
        """"the national measles and rubella elimination plan for 2022-2025", read as a plan of its
        article's thing, is the "National Measles and Rubella Elimination Plan 2021-2025" another
        article of its story names in full: a part the resolver gave the topic whose words (three
        or more) are a named thing's key elsewhere in the story is that thing."""
        named: dict[str, set[str]] = defaultdict(set)
        for c in claims:
            story = stories.get(c.document)
            if story and c.subject and " | " not in c.subject and c.kind != "role" \
                    and c.subject_text and self.is_specific(c.subject_text):
                named[story].add(c.subject)
        out = []
        for c in claims:
            story = stories.get(c.document)
            part = (c.subject or "").partition(" | ")[2]
            if story and part and len(part.split()) >= 3 and part in named[story] and c.kind != "role":
                c = c.model_copy(update={"subject": part})
            out.append(c)
        return out

    def _recounts(self, claims: list[Claim]) -> list[Claim]:
        """"The 36,850 cattle were held ..." after "exported 38,650 head of cattle": a count told
        again with a determiner (nouns.yaml recount_determiners) as the subject of a verb
        (recount_verbs) is the article's last count of that noun, within a few paragraphs: it
        takes that count's subject, scope and time. A count with words of its own ("the 15
        schools in the district", "the 330-seat vessel") is some other set, and so may be one
        in an object ("aid to schools in the two provinces.", "to run all 1,000 beds,")."""
        last: dict[tuple[str, str], Claim] = {}
        taken: dict[str, Claim] = {}
        for c in sorted((c for c in claims if c.kind == "count"), key=lambda c: (c.document, c.start)):
            before = last.get((c.document, c.value.noun))
            last[(c.document, c.value.noun)] = c
            # (a place after the verb is where the things were, no set of its own: "were held ... at
            # the quarantine zones in Nale"; a kind before the noun must be the earlier count's)
            told = self._told_again(c) if before is not None else None
            # (a place after the verb is where the things were, no set of its own: "were held ... at
            # the quarantine zones in Nale"; one in an opener is: "Of the 15 schools in the district")
            own = set(c.scope) - ({"verb", "in", "kind"} if told == "subject" else {"verb", "kind"})
            if told is None or c.start - before.end > _RECOUNT_REACH or own or "part" in before.scope \
                    or c.scope.get("kind", before.scope.get("kind")) != before.scope.get("kind"):
                continue
            taken[c.id] = c.model_copy(update={"subject": before.subject, "scope": before.scope, "time": before.time,
                                               "link": "recount"})
        return [taken.get(c.id, c) for c in claims]

    def _told_again(self, c: Claim) -> str | None:
        """Whether a count is written as one told before: a determiner right before its number,
        and a verb right after its noun ("The 36,850 cattle were held", "all 290 booths had been
        booked"): "subject"; or an opener of its sentence ("Of the 4,800 additional workers ...,
        about 60 per cent"): "opener"; else None."""
        head = c.sentence[:c.start - c.sentence_start]
        tail = c.sentence[c.end - c.sentence_start:]
        if _DESCRIBING.match(c.text):
            return None
        if self.recount_opener.fullmatch(head):
            return "opener"  # a whole split up
        return "subject" if self.recount_before.search(head) and self.recount_after.match(tail) else None

    def _executive_place(self, key: str) -> str | None:
        """The place whose executive body a key names ("dong thap people's committee" ->
        "dong thap"), when it names one."""
        for body in self.executive_bodies:
            if key.endswith(" " + body):
                place = key[:-len(body) - 1]
                return place if place in self.aliases.places else None
        return None

    def _bodies_placed(self, claims: list[Claim]) -> list[Claim]:
        """A body named bare in an article where resolution placed it ("Deputy director Tran Dinh
        Khiem" beside "director of the provincial Department of Planning and Investment", now
        Quang Tri's) is that one placed body."""
        orgs: dict[str, set[str]] = defaultdict(set)
        for c in claims:
            if c.kind == "role" and c.value.organisation:
                orgs[c.document].add(c.value.organisation)
        placed: dict[str, dict[str, str]] = defaultdict(dict)
        for doc, names in orgs.items():
            for bare_org in names:
                fuller = {o for o in names if o.endswith(" " + bare_org)
                          and set(o[:-len(bare_org)].split()) <= self.aliases.place_words}
                if len(fuller) == 1:
                    placed[doc][bare_org] = next(iter(fuller))
        out = []
        for c in claims:
            full = placed.get(c.document, {}).get(c.value.organisation) if c.kind == "role" and c.value.organisation else None
            if full and full != c.value.organisation and not self._other_country(c, full):
                value = c.value.model_copy(update={"organisation": full})
                c = c.model_copy(update={"value": value, "subject": f"{value.office} @ {full}"})
            out.append(c)
        return out

    def _in_story(self, c: Claim, topic: str | None, story: str | None) -> Claim:
        """A claim about its article's main thing ("The bridge was opened on August 13") is
        about its story's main thing, when most of the story's articles name that thing and
        this article named it otherwise ("the Pakkading Mekong Bridge"). A place the claim's
        own words name stays: "the province of Long An earned US$6.31 billion from exports" is
        Long An's, not that of the Long An Port its story names."""
        if not (story and topic and c.subject and c.kind != "role") or story == topic:
            return c
        if story in self.aliases.places and topic not in self.aliases.places and c.subject_text \
                and self.is_specific(c.subject_text):
            # "The Thi Nai International Container Terminal received its first ship" in a story
            # about Quy Nhon's ports: the terminal named in full is no other name of the city
            return c
        if topic in self.aliases.places and c.subject_text and self.aliases.key(c.subject_text) == topic:
            return c
        if c.subject_text and self.is_specific(c.subject_text) and not self._kin_heads(topic, story):
            # "The China-Laos Railway, which opened in December 2021" in a story about a freight
            # yard on it: a thing of another kind named in full, not the yard named otherwise
            return c
        if c.subject_text and _A_OR_AN.match(fold(c.subject_text)) and not self._kin_heads(topic, story) \
                and not set(_words(fold(c.subject_text))) & self.plan_nouns:
            # "launched a campaign called ..." in an article about the campaign, in a story about the
            # Laos-China Railway: a thing the article introduces, of another kind than the story's
            # (but "signed a cooperation agreement for 2024-2030" is the story's agreement)
            return c
        if c.subject == topic or c.subject.startswith(topic + " | "):
            return c.model_copy(update={"subject": self._own_head(story + c.subject[len(topic):], story)})
        named, whole = set(c.subject.split()), set(story.split())
        if len(named) >= 2 and named < whole and whole - named <= self.single_heads and c.subject not in self.aliases.places:
            # "Vat Phou welcomed 14% more visitors" in a story keyed by the Vat Phou temple: the
            # story's thing named without its head noun
            return c.model_copy(update={"subject": story})
        return c

    def _topic_of_kin_head(self, head: str, ents: DocEntities) -> bool:
        """Whether the article names its topic by another head its story uses for one thing
        with `head` (entities.yaml same_thing: "route" and "expressway")."""
        kind = self.one_name.get(head, head)
        return any(h != head and self.one_name.get(h, h) == kind and ents.topic in counter
                   for h, counter in ents.by_head.items())

    def _kin_heads(self, a: str, b: str) -> bool:
        """Whether two keys' head nouns may name one thing: a head in common, one of them
        without a head, or heads a story uses for one thing ("railway" and "line")."""
        heads_a, heads_b = set(a.split()) & self.single_heads, set(b.split()) & self.single_heads
        if not heads_a or not heads_b or heads_a & heads_b:
            return True
        return any(heads_a & group and heads_b & group for group in self.kin_groups)

    def _story_indicator(self, c: Claim) -> bool:
        """A figure that names no owner says enough of what it measures to be the story's: a
        measure or share of something ("tonnes of coffee"), money of a kind for a stated period
        ("trade turnover in 2023"), the price of a good ("Thieu lychee sold at VND25,000 per kg").
        A bare amount, measure, count, date or period may be about anything."""
        if c.attribute in ("fare", "discount") and ("for" in c.scope or "grade" in c.scope):
            # "A one-way ticket for an adult costs VND250,000", "A second-class seat costs 231,000
            # kip": the story's service's fare for that class of passenger or of seat
            return True
        if c.kind == "money":  # "two-way trade reached $10.1 billion in 2023": the story's trade
            return c.attribute not in ("amount", "value") and ("period" in c.scope or {"per", "of"} <= set(c.scope))
        if c.kind == "percent" and c.attribute in self.indicator_rates and "period" in c.scope:
            return True  # "the inflation in May stood at 22.6%": the story's country's rate that month
        if c.kind == "count" and "period" in c.scope and "kind" in c.scope and "status" not in c.scope \
                and c.value.noun in self.daily_tallies:
            # "Of the total, 58,300 were foreign visitors": a period's tally of one kind of
            # visitors, which in a story that names no owner for it is the story's
            return True
        # a good given ("20 tonnes of rice sent") is its giver's gift, named or not: no story's figure
        return c.kind in ("quantity", "percent") and "of" in c.scope and c.scope.get("flow") != "given"

    def _story_topics(self, merged: dict[str, DocEntities], stories: dict[str, str]) -> dict[str, str]:
        """Each article's story topic, when most of the articles of its story with its main
        place have one topic: the thing a claim about its article's topic is about. An article
        whose own topic another article of the group shares keeps it: two articles naming the
        Xe Khampho plant are about it, even in a story grouped with three about another plant."""
        by_story: dict[tuple[str, str | None], Counter] = defaultdict(Counter)
        named: dict[tuple[str, str | None], Counter] = defaultdict(Counter)
        for doc, ents in merged.items():
            if ents.topic and doc in stories:
                by_story[(stories[doc], ents.main_place)][ents.topic] += 1
                named[(stories[doc], ents.main_place)].update({k: 1 for k in ents.weights})
        best = {}
        for key, topics in by_story.items():
            top = _most_common(topics)
            if topics[top] * 2 > sum(topics.values()):  # most of the story's articles are about it
                best[key] = top
            else:
                # no topic most articles share: the one of their topics every article names
                shared = [t for t in topics if named[key][t] == sum(topics.values())]
                if len(shared) == 1:
                    best[key] = shared[0]
                elif not any(self._is_proper(t) for t in topics) \
                        and frozenset.intersection(*(frozenset(t.split()) & self.head_tokens for t in topics)):
                    # "the teacher training college in Savannakhet" and "the Vietnam-funded college
                    # building": a story's articles that describe, without a name, a thing of one
                    # kind are about one thing
                    best[key] = top
        return {doc: best[(story, merged[doc].main_place)] for doc, story in stories.items()
                if (story, merged[doc].main_place) in best
                and by_story[(story, merged[doc].main_place)][merged[doc].topic] < 2}

    @staticmethod
    def _story_heads(merged: dict[str, DocEntities], stories: dict[str, str]) -> dict[str, dict[str, set[str]]]:
        """Per story, the named things of each head noun its articles name: a story whose
        articles name one irrigation system has one "irrigation system" (not "the old T1
        building", which no article means by "the building")."""
        out: dict[str, dict[str, set[str]]] = defaultdict(lambda: defaultdict(set))
        for doc, story in stories.items():
            for head, keys in merged[doc].by_head.items() if doc in merged else ():
                out[story][head].update(k for k in keys if k not in merged[doc].others)
        return out

    def _story_bodies(self, claims: list[Claim], stories: dict[str, str]) -> dict[str, dict[str, set[str]]]:
        """Per story, the named organisations of each bare body word its role claims name:
        "Chairman of Lao-Yunnan Expressway Development Company" makes the story's "the
        company" that company."""
        out: dict[str, dict[str, set[str]]] = defaultdict(lambda: defaultdict(set))
        for c in claims:
            org = c.value.organisation if c.kind == "role" else None
            if org and c.document in stories:
                words = set(org.split())
                for body in words & self.generic_bodies:
                    if not words <= self.generic_bodies:
                        out[stories[c.document]][body].add(org)
        return out

    @staticmethod
    def _story_labels(merged: dict[str, DocEntities], stories: dict[str, str],
                      nations: dict[str, set[str]], traders: dict[str, str]) -> dict[str, str]:
        """One name per story for the figures that name no owner: the topic its articles have
        most often (ties: the first key); else the one country every article of the story
        names (a story of Lao inflation is Laos's), else the one trader its articles lead with
        (a story of Vietnam's wood exports to the US, Japan and China is Vietnam's); else the
        story's first article."""
        by_story: dict[str, Counter] = defaultdict(Counter)
        members: dict[str, list[str]] = defaultdict(list)
        for doc, story in stories.items():
            members[story].append(doc)
            by_story[story][merged[doc].topic if doc in merged and merged[doc].topic else f"story {story}"] += 1
        best = {story: _most_common(names) for story, names in by_story.items()}
        for story, label in best.items():
            if label == f"story {story}":
                shared = set.intersection(*(nations.get(d, set()) for d in members[story]))
                leads = {traders[d] for d in members[story] if d in traders}
                if len(shared) != 1 and len(leads) == 1:
                    shared = leads
                if len(shared) == 1:
                    best[story] = next(iter(shared))
        return {doc: best[story] for doc, story in stories.items()}

    def _kinded(self, c: Claim) -> str | None:
        """The growing thing of a growth rate whose "of" names a kind of it ("case hfmd": case)."""
        if c.kind != "percent" or c.attribute != "change":
            return None
        words = [singular(w) for w in (c.scope.get("of") or "").split()]
        thing = next((w for w in words if w in self.kinded), None)
        return thing if thing and len(words) > 1 else None

    def _kinds_told(self, claims: list[Claim]) -> dict[tuple[str, str], set[str]]:
        """(document, kinded thing) -> the kinds of it the document's growth rates name."""
        out: dict[tuple[str, str], set[str]] = defaultdict(set)
        for c in claims:
            thing = self._kinded(c)
            if thing:
                out[(c.document, thing)].add(" ".join(sorted(singular(w) for w in c.scope["of"].split())))
        return out

    def _count_kind(self, c: Claim) -> str | None:
        """The kind a count of a kinded thing names, less its grades ("9,184 dengue cases":
        dengue; "186 severe cases": none, some cases of whichever kind)."""
        if c.kind != "count" or "kind" not in c.scope or singular(c.value.noun) not in self.kinded:
            return None
        return " ".join(w for w in c.scope["kind"].split() if w not in self.case_grades) or None

    def _count_kinds_told(self, claims: list[Claim], stories: dict[str, str]) -> dict[tuple[str, str], set[str]]:
        """(story, or document outside one; counted thing) -> the kinds of it its counts name."""
        out: dict[tuple[str, str], set[str]] = defaultdict(set)
        for c in claims:
            kind = self._count_kind(c)
            if kind:
                out[(stories.get(c.document, c.document), c.value.noun)].add(kind)
        return out

    def _story_pairs(self, stories: dict[str, str], nations: dict[str, set[str]]) -> dict[str, str]:
        """The two countries every article of a story names, as a pair's key, where there are two."""
        members: dict[str, list[str]] = defaultdict(list)
        for doc, story in stories.items():
            members[story].append(doc)
        out = {}
        for story, docs in members.items():
            shared = set.intersection(*(nations.get(d, set()) for d in docs))
            if len(shared) == 2:
                key = self.aliases.key(" and ".join(sorted(shared)))
                out.update({d: key for d in docs if key})
        return out

    def _bilateral(self, c: Claim) -> bool:
        """Trade the sentence calls bilateral or two-way, with no owner named."""
        if c.subject_text is not None or not self.bilateral.search(c.sentence):
            return False
        return c.kind == "money" and c.attribute == "turnover" \
            or c.kind == "percent" and c.attribute == "change" and c.scope.get("of") == "turnover"

    @staticmethod
    def _story_places(merged: dict[str, DocEntities], stories: dict[str, str]) -> None:
        """An article that never names its place ("the province" throughout, its name only in
        the portal's banner) is set where the rest of its story is, when that is one place."""
        places: dict[str, set[str]] = defaultdict(set)
        for doc, story in stories.items():
            if doc in merged and merged[doc].main_place:
                places[story].add(merged[doc].main_place)
        for doc, story in stories.items():
            ents = merged.get(doc)
            if ents is not None and ents.main_place is None and len(places[story]) == 1:
                ents.main_place = next(iter(places[story]))

    @staticmethod
    def _story_events(merged: dict[str, DocEntities], stories: dict[str, str]) -> None:
        """A story one of whose articles is about an unnamed disaster in a place (its headline
        says "storm-triggered floods") is about it in every article set in that place."""
        events: dict[tuple[str, str | None], str] = {}
        for doc in sorted(merged):
            ents = merged[doc]
            if doc in stories and ents.event_topic and ents.topic:
                events.setdefault((stories[doc], ents.fallback_place), ents.topic)
        for doc, story in stories.items():
            ents = merged.get(doc)
            if ents is not None and (story, ents.fallback_place) in events:
                ents.topic = events[(story, ents.fallback_place)]

    def _headline_things(self, merged: dict[str, DocEntities], entities: dict[str, DocEntities]) -> None:
        """An article whose headline names its thing only by a head noun nobody names, and its
        topic as where that thing stands ("Ca Mau opens shrimp plant in Khanh An Industrial Park",
        "Bokeo opens border market beside Houayxay bridge"), is about an unnamed thing of that
        kind in its place, not the park or the bridge. A building or a part of one at a named
        thing ("new terminal at Tho Xuan Airport", "new wing at Champasak Provincial Hospital")
        is that thing's, as the resolver reads its figures."""
        for doc in sorted(merged):
            ents, own = merged[doc], entities[doc]
            built = {h for h in own.headline_things
                     if h not in self.event_heads and h not in self.aliases.noise and h not in self.plan_nouns
                     and h not in self.building_heads and h not in self.building_parts}
            kinds = {self.one_name.get(h, h) for h in built}
            where = own.headline_heads - own.headline_things
            if not built or not ents.fallback_place or ents.topic is None \
                    or not any(ents.topic in ents.by_head.get(h, ()) for h in where) or any(
                    counter and self.one_name.get(h, h) in kinds for h, counter in ents.by_head.items()):
                continue
            head = min(built, key=lambda h: (-ents.things.get(h, 0), h))
            ents.topic = ents.fallback = self.aliases.key(f"{ents.fallback_place} {head}")

    def _headline_over_aside(self, merged: dict[str, DocEntities], entities: dict[str, DocEntities],
                             canon: dict[str, str]) -> None:
        """An article whose headline names its thing by a head noun ("New footbridge over Nam
        Song opens in Vang Vieng") and whose topic is a thing of another kind it names once, out
        of its lead, because other articles name it too ("since the Laos-China Railway opened")
        is about the headline's unnamed thing in its place, not the aside."""
        # things some article names more than once: what that article, and its story, is about
        repeated = {canon.get(k, k) for e in entities.values() for k, w in e.weights.items() if w >= 2}
        for doc in sorted(merged):
            ents, own = merged[doc], entities[doc]
            topic = ents.topic
            if topic is None or not ents.fallback or topic == ents.fallback or topic in repeated \
                    or topic in {canon.get(k, k) for k in own.in_lead}:
                continue
            built = {self.one_name.get(h, h) for h in own.headline_things
                     if h not in self.event_heads and h not in self.aliases.noise and h not in self.plan_nouns}
            kinds = {self.one_name.get(h, h) for h, counter in ents.by_head.items() if topic in counter}
            # (the fallback names the headline's kind: "Tay Ninh line" is no "station")
            if built and not built & kinds and built & {self.one_name.get(w, w) for w in ents.fallback.split()}:
                ents.topic = ents.fallback

    def _story_fallbacks(self, merged: dict[str, DocEntities], stories: dict[str, str]) -> None:
        """Articles of one story that name no main thing fall back to their place and the
        thing each mentions most, which differ by chance ("Ben Tre canal", "Ben Tre
        pipeline" in three reports of one drought). They share one: the story's place, with
        the thing the story's articles together mention most when one clearly leads."""
        members: dict[tuple[str, str], list[str]] = defaultdict(list)
        for doc in sorted(merged):
            ents = merged[doc]
            if doc in stories and ents.topic is not None and ents.topic == ents.fallback and ents.fallback_place:
                members[(stories[doc], ents.fallback_place)].append(doc)
        for (_, place), docs in sorted(members.items()):
            if len(docs) < 2 or len({merged[d].topic for d in docs}) == 1:
                continue
            things: Counter = Counter()
            for d in docs:
                things.update(merged[d].things)
            # heads a story uses for one thing count together ("the mill", "the factory"), and
            # the thing takes the one its articles use most
            kin: Counter = Counter()
            for h, n in things.items():
                kin[self.one_name.get(h, h)] += n
            ranked = sorted(kin.items(), key=lambda kv: (-kv[1], kv[0]))[:2]
            leads = ranked and ranked[0][1] >= _STORY_THING_MENTIONS and (len(ranked) == 1 or ranked[0][1] >= 2 * ranked[1][1])
            head = min((h for h in things if self.one_name.get(h, h) == ranked[0][0]), key=lambda h: (-things[h], h)) \
                if leads else None
            key = self.aliases.key(f"{place} {head}" if head else place)
            for d in docs:
                merged[d].topic = key

    def _story_headline_thing(self, merged: dict[str, DocEntities], entities: dict[str, DocEntities],
                              stories: dict[str, str], heads: dict[str, dict[str, set[str]]]) -> dict[str, str]:
        """Articles of one story whose headlines all name one kind of thing, in one place, are
        about one thing of that kind however each article's topic came out: "Thakhek's new bus
        terminal opens" keyed by the road it stands on, "New Thakhek Bus Terminal Opens" by
        its title-cased words, "bus terminal opens in Lao province of Khammouane" by its
        province. An article whose topic does not name the thing, and no other article holds,
        is about the thing its story holds: its story topic is the story's key for the thing
        (as topic, or else as fallback: the one most articles hold, then a name, then one with
        a place), when the story's articles stand in one place and name no two things of the
        kind by name (`heads`: each story's named things by head noun)."""
        groups: dict[str, list[str]] = defaultdict(list)
        for doc in sorted(merged):
            if doc in stories and merged[doc].topic:
                groups[stories[doc]].append(doc)
        out: dict[str, str] = {}
        for docs in groups.values():
            if len(docs) < 2 or len({merged[d].topic for d in docs}) == 1 \
                    or len({merged[d].main_place for d in docs} | {None}) != 2:
                continue
            kinds = set.intersection(*({self.one_name.get(h, h) for h in entities[d].headline_things} for d in docs))
            if len(kinds) != 1:
                continue
            kind = next(iter(kinds))

            def names_kind(key: str | None) -> bool:
                return key is not None and any(self.one_name.get(w, w) == kind for w in key.split())

            def named(key: str) -> bool:
                """A name's word (no English word, no place) or a number besides the kind:
                "Saythany freight yard", "Road No. 1", not "bus terminal" or "Thakhek terminal"."""
                return any(w.isdigit() or not common_word(w) and w not in self.aliases.place_words
                           for w in key.split() if self.one_name.get(w, w) != kind)
            # each article's own key for the thing: its topic when that names the kind, else its
            # fallback (its place and the kind it mentions most) when that does
            held = Counter(next((k for k in (merged[d].topic, merged[d].fallback) if names_kind(k)), None) for d in docs)
            held.pop(None, None)
            names = {k for h, keys in heads[stories[docs[0]]].items() if self.one_name.get(h, h) == kind
                     for k in keys if named(k)} | {k for k in held if named(k)}
            if not held or len(names) > 1:
                continue  # (two names of the kind: which one an unnamed mention means is not known)
            # (the key most articles hold, then a name, then a key with a place: "bus terminal"
            # alone would be every story's)
            key = min(held, key=lambda t: (-held[t], not named(t), not set(t.split()) & self.aliases.place_words,
                                           -len(t.split()), t))
            topics = Counter(merged[d].topic for d in docs)
            written = Counter(k for d in docs for k in merged[d].weights)  # (how many articles write each key)
            for d in docs:
                topic = merged[d].topic
                # an article that names the thing keeps its name, and so does one whose key for
                # it another article writes too ("the China-funded indoor sports hall"); a topic
                # two articles hold stays (the shipyard of a story of its new dock)
                if names_kind(topic) and (named(topic) or written[topic] > (topic in merged[d].weights)) \
                        or topics[topic] > 1:
                    continue
                out[d] = key
        return out

    def _story_named_things(self, merged: dict[str, DocEntities], stories: dict[str, str],
                            heads: dict[str, dict[str, set[str]]]) -> None:
        """An article that names no thing and falls back to its place and head noun ("Hoi An
        embankment", from "an anti-erosion embankment along the Thu Bon River in ... Hoi An") is
        about the one thing of that head its story names ("the Thu Bon embankment"), when the
        story names only one, another of its articles is about it, and the article writes that
        name's words too (`heads`: each story's named things by head noun)."""
        topics: dict[str, set[str]] = defaultdict(set)  # what each story's articles are about
        for doc, story in stories.items():
            if doc in merged and merged[doc].topic:
                topics[story].add(merged[doc].topic)
        for doc in sorted(merged):
            ents, story = merged[doc], stories.get(doc)
            if story is None or ents.topic is None or ents.topic != ents.fallback or not ents.things:
                continue
            head = min(ents.things, key=lambda h: (-ents.things[h], h))
            named = heads[story].get(head, set())
            if len(named) != 1 or not set(head.split()) <= set(ents.topic.split()):
                continue
            key = next(iter(named))
            if key not in topics[story]:
                continue  # (a hospital the story names only as where patients are is no article's thing)
            words = set(key.split()) - set(head.split())
            if words and words <= set(ents.capitals.words) and not self._elsewhere(key, ents):
                ents.topic = key

    def _located_aliases(self, entities: dict[str, DocEntities], canon: dict[str, str]) -> dict[str, str]:
        """A place-named thing ("the Savannakhet wind farm") is the one named thing the corpus
        places there ("the Sepon wind farm in Savannakhet province"), when only one is; not when
        an article writes it as a name of its own ("the 1,200MW Lai Chau Hydropower Plant" beside
        "the Nam Lum Hydropower Plant in Lai Chau" is another plant)."""
        named: dict[str, set[str]] = defaultdict(set)
        titled: dict[str, list[frozenset[str]]] = defaultdict(list)  # a word -> the titled names holding it
        for ents in entities.values():
            for key in ents.titled:
                words = frozenset(key.split())
                for w in words:
                    titled[w].append(words)
            for alias, keys in ents.located.items():
                named[alias] |= {canon.get(k, k) for k in keys}

        def a_name(alias: str) -> bool:
            """Whether an article writes the alias's words as (part of) a name of its own."""
            words = alias.split()
            rarest = min(words, key=lambda w: len(titled.get(w, ())))
            return any(set(words) <= name for name in titled.get(rarest, ()))
        return {alias: next(iter(keys)) for alias, keys in named.items()
                if alias and len(keys) == 1 and not self._is_proper(alias) and alias not in keys
                and not a_name(alias)}

    def _bracketed_aliases(self, entities: dict[str, DocEntities], canon: dict[str, str],
                           keys: set[str]) -> dict[str, str]:
        """A name an article gives in brackets after a named thing ("metro line No. 2 (Ben Thanh
        - Tham Luong)") is that thing's, across the corpus, with every key naming it by those
        name words and a head noun ("the Ben Thanh - Tham Luong metro line", "the Ben Thanh -
        Tham Luong section"); never when the corpus brackets the name after two things."""
        named: dict[str, set[str]] = defaultdict(set)
        for ents in entities.values():
            for alias, owners in ents.bracketed.items():
                named[alias] |= {canon.get(k, k) for k in owners}
        out: dict[str, str] = {}
        by_names: dict[frozenset[str], list[str]] = defaultdict(list)
        for key in keys:
            words = self._name_words_of(key)
            if words and any(t in self.head_tokens for t in key.split()):
                by_names[words].append(key)
        for alias, owners in sorted(named.items()):
            if len(owners) != 1:
                continue
            owner = next(iter(owners))
            words = self._name_words_of(alias)
            for key in [alias, *by_names.get(words, ())] if words else [alias]:
                if key != owner:
                    out[key] = owner
        return out

    def _name_words_of(self, key: str) -> frozenset[str]:
        """A key's own name words: neither head nouns, generic words nor numbers."""
        return frozenset(t for t in key.split() if t not in self.head_tokens and t not in self.generic
                         and not t[0].isdigit())

    def _orgs_by_rank(self, claims: list[Claim]) -> dict[str, dict[str, str]]:
        """Per article: an office -> the one organisation named for its ladder ("Governor of
        Savannakhet" makes the article's bare "Vice Governor" Savannakhet's); "person|office"
        -> the one organisation the same person is named with on that ladder."""
        seen: dict[str, dict[str, set[str]]] = defaultdict(lambda: defaultdict(set))
        for c in claims:
            if c.kind == "role" and c.value.organisation:
                # a country's office does not pass to another person's bare title: news of a
                # visit names both countries' prime ministers and ministers
                words = set(c.value.organisation.split())
                national = bool(self.countries & words) or words <= self.generic_bodies
                for office in self.ranks.get(c.value.office, ()):
                    if not national:
                        seen[c.document][office].add(c.value.organisation)
                    # the holder's own ladder: "Deputy Minister Vilayvong" after "Minister of ... Vilayvong"
                    seen[c.document][f"{c.value.person}|{office}"].add(c.value.organisation)
        return {doc: {office: next(iter(orgs)) for office, orgs in offices.items() if len(orgs) == 1}
                for doc, offices in seen.items()}

    def _national_organisations(self, claims: list[Claim], nations: dict[str, set[str]]) -> list[Claim]:
        """"Minister of Energy and Mines" is the corpus's one "Lao Minister of Energy and Mines"
        when no other country's ministry of that name is mentioned; a part of a portfolio
        ("forestry minister") is the one office of that title whose organisation holds it. `nations`
        are the countries each article names (`_nations_named`)."""
        variants: dict[frozenset[str], set[str]] = defaultdict(set)
        for c in claims:
            if c.kind == "role" and c.value.organisation:
                tokens = c.value.organisation.split()
                rest = frozenset(t for t in tokens if t not in self.countries)
                if len(rest) < len(tokens) and rest:
                    variants[rest].add(c.value.organisation)
        by_office: dict[str, set[str]] = defaultdict(set)
        for c in claims:
            if c.kind == "role" and c.value.organisation:
                by_office[c.value.office].add(c.value.organisation)
        out = []
        for c in claims:
            org = c.value.organisation if c.kind == "role" else None
            if org:
                words = frozenset(org.split())
                if not self.countries & words and len(variants.get(words, ())) == 1:
                    national = next(iter(variants[words]))
                else:
                    # "forestry minister" is the corpus's one "Minister of Agriculture and Forestry";
                    # a bare "Lao minister" names no ministry, and a place's kind makes another body
                    # ("Governor of Phongsaly Province" is not the Phongsaly district's governor)
                    # (a body named by its letters is no company that carries them: "EDL" is not
                    # "EDL-Generation Public Company", but "EVN Chairman" chairs EVN's Members' Council)
                    wider = {o for o in by_office[c.value.office] if words < frozenset(o.split())
                             and not frozenset(o.split()) - words <= self.all_place_kinds
                             and not (org in self.named_bodies and frozenset(o.split()) & self.own_bodies)} \
                        if words - self.countries else set()
                    national = next(iter(wider)) if len(wider) == 1 else None
                if national and self._other_country(c, national) and (
                        len(nations.get(c.document, ())) > 1 or self.family_country in national.split()):
                    # "Minister of Health Le Thi Minh Chau" beside Laos's minister: Vietnam's, not Laos's;
                    # "Health Minister Mam Bunheng" beside a visiting Vietnamese minister: not Vietnam's
                    national = None
                if national is None and not self.countries & words and not self.aliases.places_in(org):
                    national = self._holder_country(c, words)
                if national:
                    c = c.model_copy(update={"value": c.value.model_copy(update={"organisation": national}),
                                             "subject": f"{c.value.office} @ {national}"})
            out.append(c)
        return out

    def _holder_country(self, c: Claim, words: frozenset[str]) -> str | None:
        """A ministry named with no country (its words all a portfolio's, offices.yaml) and held by a
        name of names.yaml family_names_country ("Minister of Health Phan Duc Thinh"): that
        country's ministry, never
        the same-named ministry of a neighbour ("Minister of Health Dr. Phouthone Sisavath",
        whose name is no Vietnamese one, stays as told)."""
        first = (c.value.person or "").split()[:1]
        if not first or first[0] not in self.family_names or not words <= self.portfolio_words:
            return None
        return " ".join(sorted(words | {self.family_country}))

    def _other_country(self, c: Claim, national: str) -> bool:
        """The holder's name is of another country than the national office's: a family name of
        names.yaml family_names_country for another country's office, or a name that opens with
        none of them for that country's ("Health Minister Sok Vannarith" is not Vietnam's)."""
        first = (c.value.person or "").split()[:1]
        countries = self.countries & set(national.split())
        if not first or not countries:
            return False
        return (first[0] in self.family_names) != (self.family_country in countries)

    def _nations_named(self, claims: list[Claim]) -> dict[str, set[str]]:
        """The countries each article names in the sentences its claims come from (or their
        nationalities: "Lao", "Vietnamese")."""
        seen: dict[str, set[str]] = defaultdict(set)
        done: set[tuple[str, int]] = set()
        for c in claims:
            if (c.document, c.sentence_start) in done:
                continue
            done.add((c.document, c.sentence_start))
            words = fold(c.sentence).replace("-", " ").split()
            names = {" ".join(words[i:i + n]) for n in range(1, self.nation_name_len + 1) for i in range(len(words) - n + 1)}
            seen[c.document] |= {self.nation_of[w] for w in names if w in self.nation_of}
        return seen

    def canonical_map(self, keys: set[str]) -> dict[str, str]:
        """Map a named entity's key to the shortest named key it contains, across the corpus
        (and short forms of one full name to it, `_short_forms`):
        "hospital savannakhet vietnam" -> "hospital savannakhet". Never across a number:
        "2 bridge giang hieu" stays apart from "bridge giang hieu" (bridge 1 is another bridge);
        never when two different shorter keys fit: "the Lao Bao - Densavan border gate" pair is
        neither the "Lao Bao border gate" nor the "Densavan gate" alone."""
        known = {frozenset(k.split()): k for k in keys}
        out: dict[str, str] = {}
        partial: dict[str, set[str]] = defaultdict(set)  # a short form -> the full names it is a part of
        for key in keys:
            tokens = key.split()
            if len(tokens) > 8:
                continue
            fits = {frozenset(combo) for size in range(2, len(tokens)) for combo in combinations(tokens, size)
                    if frozenset(combo) in known and self._is_proper_key(known[frozenset(combo)])
                    and not any(t[0].isdigit() for t in set(tokens) - set(combo))
                    # "the first 21.3km stretch of the X expressway": a stretch of X, not X
                    and not (set(tokens) - set(combo)) & self.part_sections}
            # "the Hoa Binh - Moc Chau expressway section" is the Hoa Binh - Moc Chau expressway
            same_road = [f for f in fits if set(tokens) - f <= _SECTION_WORDS]
            if len(same_road) == 1:
                out[key] = known[same_road[0]]
                continue
            smallest = [f for f in fits if not any(other < f for other in fits)]
            if len(smallest) > 1:  # "the Dak Cheung wind farm in Sekong": the name, not the place
                smallest = [f for f in smallest if self._is_proper(known[f])]
            if len(smallest) == 1:
                out[key] = known[smallest[0]]
            elif len(smallest) > 1 and self._short_forms(smallest):
                for f in smallest:
                    partial[known[f]].add(key)
        for short, full in partial.items():
            if len(full) == 1 and short not in out:
                out[short] = out.get(next(iter(full)), next(iter(full)))
        out.update(self._same_names(keys - set(out)))
        out.update(self._bare_names(keys - set(out), known))
        out.update(self._spelled_alike(keys - set(out)))
        return out

    def _person(self, c: Claim, story: str | None, people: set[tuple[str, ...]],
                main: tuple[str, ...] | None, anywhere: bool = False) -> str | None:
        """A person's key for an event of theirs: the last word of the name, without
        honorifics, in its romanisation skeleton, within the story (or the article). A name the
        story's office-holders' full names hold one of is that full name's ("Bounthavy" in a
        story of "Bounthavy Sisouphanh"); no name at all is the article's person's for a span
        of office ("He served as Vice Governor of Bokeo province from 2015 to 2020")."""
        words = self._name_words(c.subject_text or "")
        if words and (c.subject_text or "")[:1].isupper() and self.aliases.key(c.subject_text) is not None:
            full = _fullest({p for p in people if words[-1] in p})
            person = _titled_name(words, people) or (next(iter(full)) if len(full) == 1 else words)
        elif (c.attribute in self.unnamed_person_events or self._pronoun(c)) and main is not None:
            person = main  # "He served as Vice Governor", "he received 55 out of 59 votes"
        else:
            return None  # "He was born in 1966": whose, the claim does not say
        return self._person_key(person, story, c.document, anywhere)

    @staticmethod
    def _person_key(person: tuple[str, ...], story: str | None, document: str, anywhere: bool = False) -> str:
        """A person's key: a full name is one person's in any story ("Phan Duc Thinh" in two stories
        of his appointment); a single name ("Thinh") only within its story, or article."""
        if len(person) > 1:
            return f"person {' '.join(person)}"
        name = person[-1]
        if anywhere:
            return f"person {name}"
        return f"person {name} | story {story}" if story else f"{document}#person {name}"

    def _people(self, claims: list[Claim], stories: dict[str, str]) -> tuple[dict[str, set[tuple[str, ...]]],
                                                                             dict[str, tuple[str, ...]],
                                                                             dict[tuple[str, int], set[tuple[str, ...]]],
                                                                             dict[str, set[tuple[str, ...]]]]:
        """The full names of each story's office-holders (their romanisation skeletons), each
        article's person (the one its roles name most, when one does), the people each
        sentence's roles name (by document and sentence start), and each story's appointees
        (the people its roles put in a new office)."""
        people: dict[str, set[tuple[str, ...]]] = defaultdict(set)
        named: dict[str, Counter] = defaultdict(Counter)
        in_sentence: dict[tuple[str, int], set[tuple[str, ...]]] = defaultdict(set)
        appointees: dict[str, set[tuple[str, ...]]] = defaultdict(set)
        for c in claims:
            if c.kind == "role":
                words = self._name_words(c.value.person)
                if words:
                    people[stories.get(c.document, c.document)].add(words)
                    named[c.document][words] += 1
                    in_sentence[(c.document, c.sentence_start)].add(words)
                    if c.scope.get("change") == "new office":
                        appointees[stories.get(c.document, c.document)].add(words)
        for c in claims:
            # a name, not a description ("The new minister was sworn in the same day")
            if self._personal(c) and c.subject_text and all(w[:1].isupper() for w in c.subject_text.split(",")[0].split()):
                # "Mr Vilaysack Phommachanh, who governed the province in 2018-2025": a full name
                # too, unless it is an office-holder's name after their title ("Vietnamese
                # Ambassador to Cambodia Nguyen Minh Khoa presented his credentials")
                words = self._name_words(c.subject_text)
                known = people[stories.get(c.document, c.document)]
                if len(words) > 1 and _titled_name(words, known) is None:
                    known.add(words)
        main = {}
        for doc, counts in named.items():
            ranked = counts.most_common(2)
            if len(ranked) == 1 or ranked[0][1] > ranked[1][1]:
                main[doc] = ranked[0][0]
        return people, main, in_sentence, appointees

    def _pronoun(self, c: Claim) -> bool:
        return (c.subject_text or "").strip().lower() in self.person_pronouns

    def _personal(self, c: Claim) -> bool:
        """An event or a count of a person's ("born", a tenure, votes won), keyed by the person."""
        return c.attribute in self.person_events or c.kind == "count" and c.value.noun in self.person_counts

    def _referent(self, c: Claim, capitals: Capitals, people: set[tuple[str, ...]]) -> tuple[str, ...] | None:
        """Whose "his 2020-2024 tenure" is: the office-holder of the story named last before it, in
        its sentence or the few before ("Thanh was appointed Deputy Minister ... Reviewing his
        2020-2024 tenure as chairman"); None when nobody is named near."""
        for at, word in capitals.before(c.start):
            if c.sentence_start - at > _REFERENT_REACH:
                break
            words = self._name_words(word)
            full = [p for p in people if words and words[-1] in p]
            if len(full) == 1:
                return full[0]
        return None

    def _person_share(self, c: Claim) -> bool:
        """A share of a person's count ("92.3 percent of the votes"): the person's, as the count is."""
        return c.kind == "percent" and c.attribute == "share" and singular(c.scope.get("of", "")) in self.person_counts

    def _share_holder(self, c: Claim, voters: dict[tuple[str, int], set[tuple[str, ...]]], people: set[tuple[str, ...]],
                      main: tuple[str, ...] | None) -> tuple[str, ...] | None:
        """Whose share of votes a claim is: the one person its sentence's roles name, else the one
        of its story's office-holders its sentence names ("Mr Thinh was elected with 96.9 percent",
        "51 voted for Phuoc"), else the article's person when the sentence names nobody."""
        named = voters.get((c.document, c.sentence_start), set())
        if not named:
            words = {w for word in _TOKEN.findall(c.sentence) if word[:1].isupper()
                     for w in self._name_words(word)}
            # "Phuoc" for Nguyen Huu Phuoc; a two-word (Lao) name by its first: "Vilayvanh"
            named = _fullest({p for p in people if p and (p[-1] in words or len(p) == 2 and p[0] in words)})
        if len(named) == 1:
            return next(iter(named))
        return main if not named and main else None

    def _name_words(self, name: str) -> tuple[str, ...]:
        """A person's name words without honorifics, in their romanisation skeletons; an aside
        after a comma is no part of it ("Khamsouk, 54, a former deputy minister of finance")."""
        return name_skeleton(" ".join(w for w in fold(name.split(",")[0]).replace(".", " ").split() if w not in self.honorifics),
                             self.person_spellings)

    def _spelled_alike(self, keys: set[str]) -> dict[str, str]:
        """Keys of one named thing romanised two ways ("Xaythany freight yard" and "Saythany
        Freight Yard", "Nong Ping school" and "Nongping school") map to the first of them, so
        the articles that name it count together."""
        alike: dict[tuple[str, ...], list[str]] = defaultdict(list)
        proper = [key for key in keys if self._is_proper(key)]
        # a name word one outlet writes as two ("Nong Ping" / "Nongping"): the pair is the word
        # the other keys write whole, in either order (a key's words are sorted)
        whole = {w for key in proper for w in key.split() if len(w) >= _JOINED_NAME}
        for key in proper:
            words = key.split()
            for a, b in combinations(list(words), 2):
                joined = a + b if a + b in whole else b + a if b + a in whole else None
                if joined and a in words and b in words:
                    words.remove(a)
                    words.remove(b)
                    words.append(joined)
            alike[tuple(sorted(name_skeleton(" ".join(words), self.thing_spellings)))].append(key)
        return {key: first for group in alike.values() if len(group) > 1 for first in (min(group),)
                for key in group if key != first}

    def _bare_names(self, keys: set[str], known: dict[frozenset[str], str]) -> dict[str, str]:
        """A name written without its kind ("Phu Ninh 2 has reached an occupancy rate of 68%")
        is the one named thing whose key is that name and head words only ("Phu Ninh 2
        Industrial Park"); never when two such things are named ("Lao Ngam" the plant and
        "Lao Ngam" the district)."""
        out: dict[str, str] = {}
        for key in keys:
            words = frozenset(key.split())
            if words & self.head_tokens or not self._is_proper(key):
                continue
            fits = [k for f, k in known.items() if words < f and f - words <= self.head_tokens]
            if len(fits) == 1:
                out[key] = fits[0]
        return out

    def _same_names(self, keys: set[str]) -> dict[str, str]:
        """A second, looser sieve: keys whose name words agree though their head nouns are
        written differently ("Hiep Phuoc metro line" and "Ben Thanh - Hiep Phuoc metro"). A key
        maps to the one key whose name words are the fewest and all inside its own, when their
        head nouns share a word or one is a section of the same name words ("the Paksan - Lak
        Sao section" of the "Paksan - Lak Sao expressway", not "the Cam Lac - Ky Anh section" of
        "the Ky Anh interchange"); never across a number, never when two such keys fit."""
        def names(key: str) -> frozenset[str]:
            return frozenset(t for t in key.split() if t not in self.head_tokens and t not in self.generic)

        def heads(key: str) -> frozenset[str]:
            return frozenset(t for t in key.split() if t in self.head_tokens)

        named = {k: names(k) for k in keys if self._is_proper(k) and heads(k)}
        out: dict[str, str] = {}
        for key, own in named.items():
            fits = [k for k, other in named.items() if k != key and other and (other < own or other == own and k < key)
                    and (heads(k) & heads(key) or self._named_alike(k, key)
                         or other == own and (heads(k) <= _SECTION_WORDS or heads(key) <= _SECTION_WORDS))
                    and not any(t[0].isdigit() for t in own ^ other)
                    and not set(key.split()) - set(k.split()) & self.part_sections
                    and any(t not in self.aliases.place_words for t in other)]
            smallest = [k for k in fits if not any(named[o] < named[k] for o in fits)]
            if len(smallest) == 1:
                out[key] = smallest[0]
        return out

    def _named_alike(self, a: str, b: str) -> bool:
        """Whether two keys name their thing by two names of one (entities.yaml same_thing), each
        whole in its key: "Na Hang solar farm" and "Na Hang solar power plant". Only names of
        more than one word: a bare "plant" or "mill" in a name says too little of its kind."""
        ta, tb = set(a.split()), set(b.split())
        return any(any(n <= ta for n in names) and any(n <= tb for n in names)
                   for names in self.compound_names)

    def _is_proper(self, key: str) -> bool:
        """Has a name word that is neither part of a head noun nor a known place ("xe khampho")."""
        return any(t not in self.head_tokens and t not in self.aliases.forms.values() and t not in self.generic
                   and t not in self.aliases.place_words for t in key.split())

    def _identity(self, key: str, titled: bool) -> int:
        """How much a key says which thing it is: a name word or a head written as a name (3),
        a province or city (2), else a country or nothing at all (1)."""
        if titled or self._is_proper(key):
            return 3
        tokens = key.split()
        return 2 if any(t in self.aliases.place_words and t not in self.countries for t in tokens) else 1

    def _short_forms(self, fits: list[frozenset[str]]) -> bool:
        """"Fifth Friendship Bridge" and "the fifth Lao-Thai bridge": short forms of one full
        name, sharing a name word of their own, with places in at most one ("the Houaphanh -
        Vietnam Friendship Hospital" and "the Vietnam - Laos Friendship Hospital" are two)."""
        shared = frozenset.intersection(*fits)
        placed = [f for f in fits if (f - shared) & self.aliases.place_words]
        return self._is_proper(" ".join(sorted(shared - self.head_tokens))) and len(placed) <= 1

    def _is_proper_key(self, key: str) -> bool:
        """A head noun with a word of its own: "hospital savannakhet", not "economic zone" (a
        two-word head alone names no zone in particular)."""
        tokens = key.split()
        return len(tokens) >= 2 and any(t in self.head_tokens for t in tokens) \
            and any(t not in self.head_tokens and t not in self.generic for t in tokens)

    def _resolve(self, claim: Claim, ents: DocEntities, places: dict[str, str], ladders: dict[str, str],
                 story_heads: dict[str, set[str]] | None = None,
                 story_bodies: dict[str, set[str]] | None = None, held: dict[str, str] | None = None) -> Claim:
        scope = {k: (self.aliases.key(v) or v.lower()) if k in ("of", "parties") else v for k, v in claim.scope.items()}
        if "of" in scope:
            # "thieu lychee prices averaged VND18,000 per kg": a price of thieu lychee, as "the
            # price of thieu lychee" is; the attribute's own word names no other thing
            own = set(claim.attribute.split())
            rest = " ".join(w for w in scope["of"].split() if w not in own)
            scope["of"] = rest or scope["of"]
        if "of" in scope and "period" in scope:
            # "52.9 percent of its 2024 public investment plan" and "of its public investment capital
            # plan for 2024": the year is the period's, no word of what the share is of
            yearless = " ".join(w for w in scope["of"].split() if not _YEAR.fullmatch(w))
            scope["of"] = (self.aliases.key(yearless) or yearless) if yearless else scope["of"]
        if "in" in scope and ents.main_place and self.aliases.key(scope["in"]) == ents.main_place:
            del scope["in"]  # "In Cao Bang, 120 houses were damaged" in an article about Cao Bang: its own
        if "by" in scope and scope["by"] == ents.main_place:
            del scope["by"]  # "Ha Giang began the campaign" in an article about Ha Giang: its own, as "the province" is
        update: dict = {"scope": scope}
        if claim.kind == "role":
            held = held or {}
            value = claim.value
            org = value.organisation
            if org in places and ents.rival_place is not None and self._local_unnamed(claim.subject_text or "", org):
                # two provinces in one article: "the Provincial Party Committee" is the one its
                # sentence names, whichever one the article names in full elsewhere
                place = self._body_place(claim, ents)
                org = f"{place} {org}" if place else held.get(org)
            elif org in places and not self._other_country(claim, places[org]):
                org = places[org]  # "the provincial People's Committee" named in full elsewhere
                # (but "Health Minister Sok Vannarith" beside "Vietnamese Health Minister ..." is not Vietnam's)
            elif org in self.local_bodies and ents.main_place:
                place = self._body_place(claim, ents)
                org = f"{place} {org}" if place else None  # ... or only bare, in an article about Ninh Thuan
            elif org and ents.main_place and self._local_unnamed(claim.subject_text or "", org):
                place = self._body_place(claim, ents)
                # "the provincial Department of Health": this province's; in an article of two
                # provinces, the one its holder's other title names ("Vinh, Vice Chairman of the Ben
                # Tre Provincial People's Committee" ... "Chairman of the provincial People's Committee Vinh")
                org = f"{place} {org}" if place else held.get(org)
            elif org is None and not _INDEFINITE_BODY.match(claim.sentence, claim.end - claim.sentence_start):
                # (not "general director of a travel company": some body the article does not name)
                org = ladders.get(f"{value.person}|{value.office}") or ladders.get(value.office)
                if org and self._fronted_elsewhere(claim, org):
                    org = None  # "In Luang Namtha, ... talks with Governor Viengxay": not the Phongsaly governor named before
                if org is None and ents.main_place and self._local_title(claim.subject_text or ""):
                    # "chaired by Provincial Governor Mr Bounthanh Phommaly", in an article that names
                    # no body for the office: the article's province's governor, as "the provincial
                    # Department of Health" is its department
                    org = self._body_place(claim, ents)
            if org and set(org.split()) <= self.generic_bodies:
                # "District Chairman X", "the company's director": which district, which company?
                # The one its story names, when it names one.
                # Not a body of another place than the article's own: "Director of the department"
                # in a Luang Prabang article is not the Da Nang department a sister article names.
                named = {o for o in (story_bodies or {}).get(org, set())
                         if not ents.main_place or all(p == ents.main_place or p in self.countries
                                                       for p in self.aliases.places_in(o))}
                org = next(iter(named)) if len(named) == 1 else None
            if org != value.organisation:
                value = value.model_copy(update={"organisation": org})
                update["value"] = value
            update["subject"] = f"{value.office} @ {org}" if org else None
        elif claim.attribute == "published":
            update["subject"] = None
        else:
            text = claim.subject_text
            if claim.kind == "count" and not text:
                text = claim.scope.get("parties")
            if text and "phase" in claim.scope:
                text = self.phases.without(text) or None  # "its second phase": its, in phase 2
                # ("The 120 MW first phase": its size names no thing either)
                bare = " ".join(self.aliases.measure.sub(" ", fold(text)).split()) if text else None
                if text and (not bare or bare in DETERMINERS) and fold(text) not in self.anaphora:
                    text = None  # "the first phase": a phase of the article's thing, no thing of its own
            place = self._occurrence_place(claim, text, ents)
            if place:
                scope.pop("in", None)
                update["subject"] = place
            else:
                update["subject"] = self._own_head(self._subject_key(claim, text, ents, story_heads or {}), ents.topic)
                if "in" in scope and update["subject"] and self.aliases.key(scope["in"]) == update["subject"]:
                    del scope["in"]  # "In Gia Lai, 7,140 households": Gia Lai's, as "households in Gia Lai" are
            if "of" in scope and update["subject"] and not update["subject"].startswith("share of "):
                # "Vietnam-Laos trade ... up 14.2 percent": the growth of the two countries' trade,
                # as "a rise of 9.6 per cent" in "Viet Nam-Laos trade reached" is; the owner's
                # places say nothing more of what grew (a share keyed by its whole keeps it whole)
                owner = set(update["subject"].split()) & (self.aliases.place_words | self.nation_words)
                rest = [w for w in scope["of"].split() if w not in owner]
                if rest:
                    scope["of"] = " ".join(rest)
        return claim.model_copy(update=update)

    def _occurrence_place(self, claim: Claim, text: str | None, ents: DocEntities) -> str | None:
        """Cases, deaths, households growing coffee belong to a place: with no owner of their own
        ("2,936 dengue cases were recorded in the province, including 7 deaths"; "In neighbouring
        Dien Bien Province, 12,600 households grow coffee"), they are the place's that the clause
        names, else the article's, never the hospital the story is about. A disaster's story
        keeps its dead where no place is named ("Four people died": the flood's); a disaster's
        toll in a named place is that place's, and so is the crop area it damaged there
        ("2,150ha of rice was inundated" after "In Thai Nguyen,"). None when "in" names no
        place of ours ("nationwide" stays a scope)."""
        disaster = self._disaster(ents)
        if not self._crop_toll(claim, ents) and (claim.kind != "count" or claim.value.noun not in self.place_counts):
            return None
        words = {singular(w) for w in fold(text).split()} if text else set()
        if text and not self._the_place(text) and not words & self.place_counts and not words & self.event_heads:
            return None  # "Champasak Provincial Hospital treated 1,200 patients": the hospital's
        if text and words & self.event_heads and self.is_specific(text):
            return None  # "Typhoon Noru, which hit the city in 2022 and killed eight people": that typhoon's
        if "in" not in claim.scope and disaster:
            return None  # "Typhoon Yinxing left 12 people dead": the typhoon's dead, wherever
        if "in" in claim.scope:
            # "Floods and landslides have claimed the lives of nine people in Thai Nguyen
            # province": the disaster's dead in a place are that place's, as its cases are
            # "In neighbouring Champasak province, 3,184 cases": Champasak's; "nationwide" is
            # no place of the article's, and stays a scope
            where = self.aliases.places_in(claim.scope["in"])
            if not where and self._the_place(claim.scope["in"]):
                # "12,760 households in the province": the article's; "According to the Thai
                # Nguyen provincial People's Committee, 3,480 hectares of rice were damaged in
                # the province": the one province its sentence names before
                before = [p for p in self.aliases.places_in(claim.sentence[:claim.start - claim.sentence_start])
                          if p not in self.countries]
                return before[0] if len(set(before)) == 1 else ents.main_place
            return where[0] if where else None
        return ents.main_place  # "the province", or no place at all: the article's

    def _disaster(self, ents: DocEntities) -> bool:
        return bool(ents.topic and set(ents.topic.split()) & self.event_heads)

    def _crop_toll(self, claim: Claim, ents: DocEntities) -> bool:
        """A crop area in an article about a disaster: the area the disaster damaged."""
        return self._disaster(ents) and claim.kind == "quantity" and claim.attribute == "area" and "of" in claim.scope

    def _body_place(self, claim: Claim, ents: DocEntities) -> str | None:
        """The province an unnamed provincial body belongs to: the article's main place, unless
        it names another province nearly as often; then the one its sentence names before the
        title ("a delegation of Thanh Hoa province led by ..., Secretary of the Provincial Party
        Committee"), else none (the caption's "Secretary of the Provincial Party Committee"). A
        city inside the province is no rival for a provincial body (Hoi An in a Quang Nam article)."""
        if ents.rival_place is None or self.city_provinces.get(ents.rival_place) == ents.main_place:
            return ents.main_place
        if self.city_provinces.get(ents.main_place) == ents.rival_place \
                and "provincial" in fold(claim.subject_text or "").split():
            return ents.rival_place  # "DA LAT - ... the provincial People's Committee": Lam Dong's
        before = claim.sentence[:claim.start - claim.sentence_start]
        named = [p for p in (ents.main_place, ents.rival_place) if p in self.aliases.places_in(before)]
        return named[0] if len(named) == 1 else None

    def _local_unnamed(self, mention: str, org: str) -> bool:
        """A body called "provincial" or "municipal" whose own words name no place or country."""
        words = set(fold(mention).split())
        own = set(org.split())
        return bool(words & self.local_adjectives) and not self.aliases.places_in(org) \
            and not own & self.nation_words and not own <= self.generic_bodies

    def _local_title(self, title: str) -> bool:
        """A title made local by its own words and naming no place: "Provincial Governor"."""
        return bool(set(fold(title).split()) & self.local_adjectives) and not self.aliases.places_in(title)

    def _plural_head(self, words: list[str]) -> bool:
        """The phrase's head noun, before its first preposition, is a thing's head in the plural
        ("first agreements to buy power from ..."), not a wrapper ("Hanoi's development assistance
        projects to build the headquarters" are the headquarters' works)."""
        cut = next((i for i, w in enumerate(words) if w in _PHRASE_PREPOSITIONS and i > 0), len(words))
        return any(w != singular(w) and singular(w) in self.single_heads and w not in self.noise
                   for w in words[:cut])

    def _introduced_elsewhere(self, claim: Claim, text: str, ents: DocEntities) -> bool:
        """The words right after the claim's thing, told before its figure or event ("A 150-bed
        hospital in Houaphan province was handed over"), or the phrase that opens its sentence
        ("In Vang Vieng, a 90-metre footbridge") name places, none of them the article's own (nor
        the province its city is in)."""
        if ents.main_place is None:
            return False
        at = claim.sentence.find(text)
        if at < 0 or at + len(text) > claim.start - claim.sentence_start:
            return False  # (the thing stands before its figure or event: "declared an emergency" has a declarer)
        where = claim.sentence[at:at + len(text) + _NEAR]
        opening = self.opening_place.match(claim.sentence)
        if opening:
            where += " " + opening.group(1)
        named = set(self.aliases.places_in(where)) - self.countries
        own = {ents.main_place, self.city_provinces.get(ents.main_place, ents.main_place)}
        return bool(named) and not named & own and not any(self.city_provinces.get(p) in own for p in named)

    def _the_place(self, text: str) -> bool:
        """"the province", "the city", "the provincial administration", "local authorities": a
        place named only by its kind, or its government named only by a local word."""
        words = fold(text).split()
        if words[:1] == ["the"]:
            words = words[1:]
        if len(words) == 1 and words[0] in self.place_kinds:
            return True
        return 1 < len(words) <= 3 and words[-1] in self.governing_nouns and all(w in self.local_adjectives for w in words[:-1])

    def _subject_key(self, claim: Claim, text: str | None, ents: DocEntities,
                     story_heads: dict[str, set[str]]) -> str | None:
        if text:
            text = self.trailing_adverbs.sub("", text) or text  # "The province currently": the province
            # "The province's tapped area stood at": a possessor whose head the phrase left out
            # (a participle before it) is the owner the figure is of
            text = _BARE_POSSESSIVE.sub("", text) or text
            text = self._without_nationality(text)
            text = self.aliases.without_amount(text) or text  # "The VND285 billion facility": the facility
            if self._distal(claim, text):
                # "That bridge, which opened in November 2011": the one named before, not the story's
                return f"{claim.document}#{self.aliases.key(text) or fold(text)}"
            words = fold(text).split()
            if "period" not in claim.scope and (" ".join(words) + " ").startswith(self.other_editions):
                # "Last year's school campaign began on May 20, 2024": last year's, not the story's
                # ("Last year's rice exports", with its year read, are the country's that year)
                return f"{claim.document}#{self.aliases.key(text) or fold(text)}"
            if _A_OR_AN.match(words[0] + " ") and "of" in words[1:] and words[words.index("of", 1) - 1] in self.part_nouns:
                # "a 19.6km part of the expressway costing VND6.2 trillion": some part of the
                # thing (entities.yaml part_of_nouns), never the whole
                return f"{claim.document}#{' '.join(words)}"
            if len(words) == 2 and words[1] in self.place_kinds and _A_OR_AN.match(words[0] + " "):
                # "said a province with 254km of coastline could not rely on ...": some place of the
                # kind, not the story's thing
                return f"{claim.document}#{' '.join(words)}"
            if claim.kind == "date" and _A_OR_AN.match(words[0] + " ") and self._introduced_elsewhere(claim, text, ents):
                # "A 150-bed hospital in Houaphan province was handed over in 2023", "In Vang Vieng,
                # a 90-metre footbridge was opened in 2024": some thing of the kind in another
                # place, not the story's, whose events are its own (a figure's thing "in
                # Savannakhet" may be the story's, told from another province)
                return f"{claim.document}#{self.aliases.key(text) or fold(text)}"
            if claim.kind == "date" and self._plural_head(words):
                # "EVN's first agreements to buy power ... were signed in 2019": several things of
                # the kind, none of them the story's one agreement, which is signed once
                return f"{claim.document}#{self.aliases.key(text) or fold(text)}"
            if len(words) >= 2 and words[0] in DETERMINERS and words[1] in self.other_markers \
                    and not self.is_specific(text):
                # "signed a similar agreement with Phongsaly for 2024-2028", "the old bridge": another
                # thing of the kind, not the story's ("The existing Nghe An Oncology Hospital" keeps its name)
                return f"{claim.document}#{self.aliases.key(text) or fold(text)}"
        if self._traded(claim, text):
            # "Seafood exports brought in ...", "Local firms shipped 412,000 tonnes of rice": the
            # trade of the place the phrase names, else of the one the sentence names before the
            # figure ("Lychee exports from Bac Giang have earned"), else of the article's place;
            # never of its thing
            named = self.aliases.places_in(text) if text else []
            if named:
                return named[0]
            before = set(self.aliases.places_in(claim.sentence[:claim.start - claim.sentence_start]))
            if not before or ents.main_place in before:
                return ents.main_place
            return next(iter(before)) if len(before) == 1 else None
        if text and ents.main_place and claim.kind == "money" and claim.attribute in _TRADE_FLOWS \
                and self._flow_words_only(text, claim.attribute):
            # "export turnover in the first six months reached 768 million USD": no owner but the
            # flow itself and its period, which is the article's place's
            return ents.main_place
        if text and ents.main_country and fold(text).split()[-1:] in ([k] for k in self.nation_kinds) \
                and fold(text).split()[0] in ("the", *self.nation_kinds):
            return ents.main_country  # "the country's 2,640 enterprises": the country the article names most
        if text is None and ents.main_place and claim.kind == "money" and claim.attribute in self.place_money:
            return ents.main_place  # "approved a 2025 state budget revenue estimate of": the place's
        if text and ents.main_place and claim.kind == "percent" and self._lodging(text):
            # "Hotels, homestays and resorts across the city reported an average room occupancy
            # rate of 81 per cent": the rate of the place's lodging, the place it names or the article's
            named = [p for p in self.aliases.places_in(text) if p not in self.countries]
            return named[0] if len(named) == 1 else ents.main_place
        if text and ents.main_place and self._the_place(text):
            # "said the province has 186 packing facilities": the article's province; in an
            # article about a city, "the province" is the one the city is in
            if "province" in fold(text).split() and ents.main_place in self.city_provinces:
                return self.city_provinces[ents.main_place]
            return ents.main_place
        if text:
            text = self.described.sub("", text).strip() or text
        key = self.aliases.key(text) if text else None
        market = self._market(text, key) if key and claim.kind == "percent" else None
        if market:
            return market  # "The EU market accounts for 48 percent": the EU's share, as "The European Union takes"
        located = self._qualified_place(text, key) if key else None
        if located:
            return located  # "Vietnam's south-central Khanh Hoa province": Khanh Hoa
        if key and set(key.split()) & _SECTION_WORDS:
            owner = self._possessor_place(text, ents)
            if owner:
                return f"{owner} section"  # "The city's 58.2km section": the Hanoi section, as another article calls it
        owner = self._its_place(claim, ents) if key and claim.kind in _FIGURE_KINDS and not self.is_specific(text) else None
        if owner:
            # "On the Lao side, Phongsaly province opened its upgraded 24km road" in an article about
            # Dien Bien's road to the border: the other place's own road, not the story's
            return f"{owner} | {self._last_head(text) or key}"
        if key and ents.main_place and (key in self.local_bodies or self._local_unnamed(text, key)):
            # "The Provincial People's Committee allocated VND 5.4 billion" in an article about Dong
            # Thap: Dong Thap's committee, as its office-holders are
            return f"{ents.main_place} {key}"
        if key and claim.attribute in self.thing_only_attributes and set(key.split()) <= self.nation_words:
            text, key = None, None  # "Vietnam has committed a budget of ...": the giver, not the thing
        head = self._last_head(text) if text else None
        if text and key and self.is_specific(text, skip_first=claim.sentence.lstrip().startswith(text)) \
                and not (head and ents.by_head.get(head) and self._only_nations(key, head)
                         and head.split()[-1] in text.split()):
            words = set(key.split())
            if ents.topic and words & _SECTION_WORDS and words - _SECTION_WORDS <= self.nation_words:
                # "The Vietnamese section": a section of the story's thing, or of the thing named
                # after it ("the Lao section of the Vientiane-Hanoi expressway runs 442 km")
                return f"{self._section_of(claim, text) or ents.topic} | {key}"
            if not (head and ents.topic and self._only_story_places(text, ents.topic)):
                owned = self._part_before_name(text, key) or self._part_after_possessive(text, key)
                # "the new runway at Luang Prabang International Airport", "Phan Thiet Airport's
                # 3,500-metre runway": the airport's runway
                return f"{owned[0]} | {owned[1]}" if owned else key
            # "the concession agreement for the Attapeu bauxite project" in a story about the
            # Attapeu mine names nothing but the story's place: it is the story's agreement.
        if key and head and any(_YEAR.fullmatch(w) for w in key.split()):
            return key  # "the floods of August 2017": a thing of its own year, not the story's one
        if key and ents.topic and set(key.split()) & _SECTION_WORDS and set(key.split()) - _SECTION_WORDS:
            # "The elevated stretch", "the elevated section": one part of the story's thing,
            # however the outlet calls a part ("The section" alone may be the whole thing)
            return f"{ents.topic} | {' '.join(sorted(set(key.split()) - _SECTION_WORDS | {'section'}))}"
        if head and self._plural(text, head):
            # "The province's power plants now have a combined capacity of 1,300 MW": many
            # things of the kind, never the one the article names; all of a place's ("trade
            # through Tay Ninh's border gates", "the province's border gates") are that place's set
            owner = self._possessor_place(text, ents)
            if owner:
                return f"{owner} | {head}s"
            return f"{claim.document}#{key}" if key else None
        if head and key and ents.topic and self._another_of_series(key, ents.topic):
            # "The city's first metro line" in an article about metro line No. 2: another of
            # the series, which the number tells apart however the head noun matches
            return f"{claim.document}#{key}"
        fronted = self._fronted_thing(claim, text) if head and (key is None or not self.is_specific(text)) else None
        if fronted:
            # "At Hoa Binh hydropower plant, the reservoir stood at 82.4 metres": that plant's
            # reservoir, not the one the article names most
            return fronted if head in fronted.split() else f"{fronted} | {head}"
        kind = self._kind_before(text, head) if text and head else []
        if kind and not self.is_specific(text):
            # "a tour route of nearly 1 km", "the 4.6-km access road": another of the kind beside
            # the thing of that head the article names
            return f"{ents.topic} | {' '.join(kind)} {head}" if ents.topic else f"{claim.document}#{key}"
        elsewhere = self._placed_elsewhere(claim, text, ents) if head and key and self._indefinite(claim, text, True) else None
        if elsewhere:
            # "Hanoi is building ... a 1,000-bed cancer hospital in Gia Lam": another thing of the
            # kind, introduced with "a" and placed where the article's own is not
            return f"{claim.document}#{key} in {elsewhere}"
        candidates = Counter({k: w for k, w in ents.by_head.get(head, {}).items() if k not in ents.others}) \
            if head else None
        kin_topic = bool(candidates) and ents.topic is not None and ents.topic not in candidates \
            and self._topic_of_kin_head(head, ents)
        if kin_topic:
            # "the 110.85km route" in an article about the Can Tho - Ca Mau expressway that also
            # names the North-South route once: the article's own thing may be meant too
            candidates[ents.topic] = ents.weights.get(ents.topic, 0)
        if candidates and ents.topic in candidates and self._whole_of_subject(claim, ents):
            # "The section is the first part of the 85.1km expressway": the whole the story's
            # thing is part of, another the article names with that head, or one of its own
            del candidates[ents.topic]
            if not candidates:
                return f"{claim.document}#{key}"
        if candidates:
            best = ents.best(ents.scored(candidates, self._identity))
            named = [k for k in candidates if self._is_proper(k)]
            if best is not None and best not in ents.titled and not self._is_proper(best) and len(named) == 1 \
                    and not (kin_topic and best == ents.topic) and ents.first_seen.get(named[0], claim.start) < claim.start:
                # "the road" in an article headed "Phongsaly road" that names one road, the Pang
                # Hok - Khoa road: that road, not a place and a head noun never written as a name
                # (the "Laos-China Railway" is one); a road named only later in the article is no
                # road "the" points back to ("the 144MW farm", before "the 50MW Cat Thanh farm")
                return named[0]
            owned = self._part_after_possessive(text, key) if best and text and key else None
            # "The wind farm's 14 first-phase turbines": the part of the thing the possessive names
            return f"{best} | {owned[1]}" if owned else best
        if head and len(story_heads.get(head, ())) == 1 and not self._indefinite(claim, text) \
                and not self._elsewhere(next(iter(story_heads[head])), ents):
            # "the irrigation system" in an article that names none: the one its story names
            # ("a 66 km transmission line" introduces a line of its own)
            return next(iter(story_heads[head]))
        # "it", "the project", "the plant": the article's main entity. A claim with no subject
        # words at all only takes the topic when it is an event of a thing ("Construction began
        # in 2021"): a bare figure ("about 10 km") may be about anything.
        refers_back = text is not None and (fold(text).strip() in self.anaphora or head is not None)
        unnamed_event = text is None and (
            claim.kind == "date" and claim.attribute in self.thing_events
            or claim.kind == "count" and "verb" in claim.scope
            or claim.kind in ("money", "quantity", "period", "percent", "duration") and claim.attribute in self.thing_attributes)
        # ("Built at a cost of ..., the work is": the main clause's subject, read without its
        # article; not an event's "Work started on Saturday", which may be any works')
        anaphoric = text is not None and (fold(text).strip() in self.anaphora or head in self.anaphora_heads
                                          or claim.kind != "date" and fold(text).strip() in self.anaphora_heads)
        if unnamed_event and claim.kind == "percent" and claim.attribute == "change" and ents.main_place \
                and ents.topic == ents.fallback:
            # "Total foreign investment ... was 38.2 percent higher": in a story about a place
            # that names no thing of its own (its topic is only the place and a head noun), a
            # growth with no owner is the place's
            return ents.main_place
        if (anaphoric and claim.kind in _TOPIC_KINDS or unnamed_event) and ents.topic:
            # "Construction on the Thai side was 99.2 percent complete": the work's part too
            opening = _SENTENCE_SUBJECT.match(claim.sentence).group(1)
            part = self._part_in(opening) if unnamed_event or anaphoric and text and fold(text) in fold(opening) else None
            if part and not (claim.kind == "count" and part == singular(claim.value.noun)):
                # (not the counted things themselves: "The whole project comprises 36 turbines")  # "The first 40 turbines of the farm, with a capacity of 180 MW": the turbines' figure
                return f"{ents.topic} | {part}"
            return ents.topic
        if text is None and claim.kind == "percent" and claim.attribute == "share" and claim.scope.get("of"):
            # "95% of Lao students ... graduated": a share is about the whole it names.
            return f"share of {self.aliases.key(claim.scope['of']) or fold(claim.scope['of'])}"
        if key and ents.topic and claim.kind == "money" and claim.attribute in self.thing_attributes and head is None:
            part = self._part_in(text)
            if part:  # "the apron and taxiways at a cost of ...": a part of the story's thing, not all of it
                return f"{ents.topic} | {part}"
            if self._owner_words_only(key):
                return ents.topic  # "the Government's emergency allocation of VND 3 billion": the story's relief
            # "Textiles and garments brought in US$742 million": goods of their own, not the story's thing
        # "signed a memorandum ... for the 2025-2030 period": a plan noun introduced with "a" is
        # the story's plan as a thing's head noun is its thing
        plan_head = fold(text).split()[-1] if text and claim.kind == "period" else None
        plan_head = plan_head if plan_head in self.plan_nouns else None
        first_mention = key is None and (head or plan_head) is not None and _A_OR_AN.match(fold(text or ""))
        if (key or first_mention) and ents.topic and claim.kind in _TOPIC_KINDS \
                and (refers_back or claim.kind == "period"):
            # "signed a new cooperation agreement for 2023-2027": news introduces its main things
            # with "a"; the story's agreement is the one the article is about.
            # "the building" in an article about Savannakhet hospital: that article's building,
            # named by its head noun so "the new inpatient building" is the same one.
            if head and self._names_topic(head, ents.topic):
                return ents.topic  # "the storm" in an article about Typhoon Nari
            # "an access road", introduced with "a" and so without a key, is as much another road
            kind = sorted(set(_words(fold(text))) & self.other_kinds) if text and head else []
            if kind:
                return f"{ents.topic} | {' '.join(kind)} {head}"  # "the 4.6-km access road": another road of the story's
            part = self._part_in(text) if head else None
            if part and part != head and part.split()[-1] == head:
                return f"{ents.topic} | {part}"  # "a car park of 1.2 hectares": a part, not another park
            return f"{ents.topic} | {self.one_name.get(head, head) if head else key or plan_head}"
        part = self._part_in(text) if key and ents.topic and claim.kind in _TOPIC_KINDS else None
        if part and set(key.split()) <= set(part.split()):
            # "The dormitory has 60 rooms", "The upgraded runway is 54 metres wide": the story's thing's
            return f"{ents.topic} | {part}"
        named = self._named_without_head(text, key, ents) if key else None
        if named:
            return named  # "Sanvu, which made landfall on August 25": Typhoon Sanvu
        return f"{claim.document}#{key}" if key else None

    def _without_nationality(self, text: str) -> str:
        """"Vietnam's Truong Son Logistics JSC", "Japan's Kizuna Energy": the company other
        articles name without its country. A country's possessive before a name of its own (a
        word of no English, nor a place's) says where the company is from, not which it is; not
        before a body, of which each country has its own ("Vietnam's Ministry of Health",
        "Vietnam's Trade Office")."""
        m = _POSSESSOR.match(text)
        if not m or fold(m.group(1)) not in self.nation_of:
            return text
        rest = text[m.end():].lstrip()
        if not rest[:1].isupper():
            return text
        words = fold(rest).split()
        if len(words) == 1 and rest.isupper():
            return text  # "Vietnam's NA": letters that may stand for one of its bodies
        if any(w in self.organisational and w not in self.company_forms for w in words) \
                or not any(w.isalpha() and not english_word(w) and w not in self.aliases.place_words for w in words):
            return text
        return rest

    def _kind_before(self, text: str, head: str) -> list[str]:
        """The kind words (entities.yaml other_kind_modifiers) in the two words right before the
        head noun's last mention: "a tour route" -> [tour]; "the park's technical infrastructure"
        names no kind of the park."""
        words = _words(fold(text))
        if head not in words:
            return []
        at = len(words) - 1 - words[::-1].index(head)
        return [w for w in words[max(0, at - 2):at] if w in self.other_kinds]

    def _section_of(self, claim: Claim, text: str) -> str | None:
        """The key of the named thing after "of" that a section phrase belongs to, when it ends
        with a head noun ("of the Vientiane-Hanoi expressway")."""
        at = claim.sentence.find(text)
        m = _OF_NAMED.match(claim.sentence, at + len(text)) if at >= 0 else None
        if m is None:
            return None
        # "of the Vientiane-Hanoi expressway runs": the head after the name; "of the Laos-China
        # Railway carried": the name's own
        name = f"{m.group(1)} {m.group(2)}" if m.group(2) and m.group(2) in self.head_tokens else m.group(1)
        key = self.aliases.key(name)
        return key if key and self._last_head(name) and self.is_specific(name) else None

    def _fronted_elsewhere(self, claim: Claim, org: str) -> bool:
        """The claim's sentence opens with a phrase of place ("In Luang Namtha, ...") naming
        places, none of them the organisation's."""
        m = self.fronted.match(claim.sentence)
        if m is None or m.end() > claim.start - claim.sentence_start:
            return False
        named = set(self.aliases.places_in(m.group(1))) - self.countries
        return bool(named) and not named & set(self.aliases.places_in(org))

    def _fronted_thing(self, claim: Claim, text: str) -> str | None:
        """The key of the named thing (not a place, not a time) that the claim's sentence opens
        with in a phrase of place before the claim's subject: "At Hoa Binh hydropower plant, the
        reservoir ...", "In the Lai Chau plant, the reservoir ..."."""
        m = self.fronted.match(claim.sentence)
        if m is None or m.end() > claim.sentence.find(text, m.end()) or not self.is_specific(m.group(1)):
            return None
        key = self.aliases.key(m.group(1))
        rest = set(key.split()) - self.aliases.place_words if key else set()
        return key if rest & self.head_tokens else None

    def _named_without_head(self, text: str, key: str, ents: DocEntities) -> str | None:
        """A bare name ("Sanvu", "Tu Lien") is the one named thing of the article whose key
        is that name and a head noun ("Typhoon Sanvu", "the Tu Lien bridge")."""
        if not all(w[:1].isupper() for w in text.split()):
            return None
        words = set(key.split())
        found = [k for k in ents.weights if words < set(k.split()) and set(k.split()) - words <= self.head_tokens]
        return found[0] if len(found) == 1 else None

    def _another_of_series(self, key: str, topic: str) -> bool:
        """A phrase numbering its thing in a series ("the first metro line", "the second
        bridge") the article's topic does not carry the number of."""
        numbered = set(key.split()) & self.series_ordinals
        return bool(numbered) and not numbered & set(topic.split())

    def _distal(self, claim: Claim, text: str) -> bool:
        """A bare head noun the sentence gives a distal determiner ("That bridge", "That wooden
        block, built in 1985"), however much of the phrase the extractor kept; never a name the
        determiner's word opens ("That Luang market")."""
        words = fold(text).split()
        if words[:1] and words[0] in self.distal:
            return len(words) >= 2 and not self.is_specific(text)
        if len(words) == 1:
            return any(m.group(1).lower() == words[0] for m in self.distal_heads.finditer(claim.sentence))
        # the kept words right after the determiner ("That wooden block": "wooden block"), not a
        # phrase of its own after "that" the conjunction ("said that the waterfall had welcomed")
        return words[0] not in DETERMINERS and not self.is_specific(text) and any(
            claim.sentence.startswith(text, m.start(1)) for m in self.distal_heads.finditer(claim.sentence))

    def _market(self, text: str, key: str) -> str | None:
        """The place a market phrase names and nothing else ("the EU market", "the Chinese
        market"): a buyer's share is the place's, however the outlet calls it."""
        words = set(key.split())
        if not words & self.market_nouns:
            return None
        named = set(self.aliases.places_in(text))
        if len(named) != 1:
            return None
        place = next(iter(named))
        return place if words - self.market_nouns <= set(place.split()) else None

    def _elsewhere(self, key: str, ents: DocEntities) -> bool:
        """A story's thing that names a place other than the article's own ("the Tra Vinh salinity
        emergency" in a story that also holds Ben Tre's articles) is not the article's."""
        words = set(key.split())
        return ents.main_place is not None and any(
            place != ents.main_place and place not in self.countries and set(place.split()) <= words
            for place in self.place_keys)

    def _possessor_place(self, text: str, ents: DocEntities) -> str | None:
        """The place whose things a phrase counts: "Tay Ninh's border gates", "the province's
        border gates" (the article's place)."""
        owner = _POSSESSOR.search(text)
        if owner is None:
            return None
        if self._the_place(owner.group(1)):
            return ents.main_place
        named = [p for p in self.aliases.places_in(owner.group(1)) if p not in self.countries]
        return named[0] if len(named) == 1 else None

    def _lodging(self, text: str) -> bool:
        """Whether a phrase names only a place's lodging, of no name ("Hotels and homestays around
        Phong Nha town", "the city's hotels"): nouns.yaml lodging_nouns, places and small words."""
        if self.is_specific(text) and not self._only_places(text):
            return False
        words = [w for w in _words(fold(text)) if w not in DETERMINERS and w not in self.lodging_links
                 and w not in self.aliases.place_words and w not in self.place_kinds]
        return bool(words) and all(w in self.lodging_nouns for w in words)

    def _only_places(self, text: str) -> bool:
        """Whether a phrase's capitalised words are all places' ("Phong Nha", "Hue")."""
        names = [fold(w) for w in _SPECIFIC.findall(text) if w not in _GENERIC_CAPITALS]
        return all(n in self.aliases.place_words for n in names)

    def _its_place(self, claim: Claim, ents: DocEntities) -> str | None:
        """The place a figure's "its" or "their" stands for when the clause's subject is a place
        other than the article's own and its thing's: "Phongsaly province opened its upgraded
        24km road" (the phrase before the possessive, back to a comma, names that one place)."""
        before = claim.sentence[max(0, claim.start - claim.sentence_start - _ITS_REACH):claim.start - claim.sentence_start]
        its = self.its_before.search(before)
        if its is None:
            return None
        clause = before[:its.start()]
        clause = clause[clause.rfind(",") + 1:]
        named = [p for p in self.aliases.places_in(clause) if p not in self.countries]
        if len(named) != 1 or named[0] == ents.main_place \
                or ents.topic and set(named[0].split()) <= set(ents.topic.split()):
            return None
        return named[0]

    def _qualified_place(self, text: str, key: str) -> str | None:
        """The one province or city a phrase names when its other words only say in which
        country and which part of it ("Khanh Hoa province in south-central Vietnam")."""
        named = [p for p in self.aliases.places_in(text) if p not in self.countries]
        if len(named) != 1 or _JOINED.search(text):
            return None  # "Nghe An and Laos": two places, the pair's
        rest = set(key.split()) - set(named[0].split())
        return named[0] if rest and rest <= self.nation_words | self.compass else None

    def _offices_held(self, claims: list[Claim]) -> dict[str, dict[tuple[str, ...], Claim]]:
        """Each article's office-holders (their name words) and the role claim of the office
        it gives each, a new office first ("was elected Chairman of ..."): the office whose term
        "he will serve"."""
        out: dict[str, dict[tuple[str, ...], Claim]] = defaultdict(dict)
        for c in claims:
            if c.kind == "role" and c.subject_text:
                words = self._name_words(c.value.person)
                known = out[c.document].get(words)
                if words and (known is None or c.scope.get("change") == "new office" and known.scope.get("change") != "new office"):
                    out[c.document][words] = c
        return out

    def _holder_term(self, c: Claim, r: Claim, held: dict[tuple[str, ...], Claim], main: tuple[str, ...] | None,
                     ents: DocEntities, story_heads: dict[str, set[str]]) -> Claim:
        """A term told of its holder alone ("He will serve for the 2026-2031 tenure", "Khoa, who
        will serve ... for the 2025-2028 term"): the term of the office the article gives that
        holder (a pronoun's is `main`, the office-holder named last before it or the article's
        person), keyed as a term told with the office's title is; no office, no subject."""
        holder = c.scope["holder"]
        if holder in self.person_pronouns:
            person = main
        else:
            word = self._name_words(holder)
            person = next((p for p in held if word and word[-1] in p), None)
        role = held.get(person) if person else None
        if role is None:
            return r.model_copy(update={"subject": None})
        subject = self._subject_key(c, role.subject_text, ents, story_heads)
        return r.model_copy(update={"subject": subject, "scope": {**r.scope, "holder": fold(role.value.person.split()[-1])}})

    def _holder_named(self, r: Claim, people: set[tuple[str, ...]]) -> Claim:
        """A term's holder by the story's fullest name that has the word the sentence gave
        ("Mr Vilaysack" in one article, "Mr Vilaysack Phommarath" in another): one holder."""
        word = self._name_words(r.scope["holder"])
        full = _fullest({p for p in people if word and word[-1] in p})
        if len(full) != 1:
            return r
        return r.model_copy(update={"scope": {**r.scope, "holder": " ".join(next(iter(full)))}})

    def _national_lead(self, claim: Claim, trader: str, place: str | None) -> bool:
        """The article's lead trader is a country, its main place is not, and the claim (an
        amount, not a growth rate, whose owner other outlets often leave to the story) names no
        place before its figure, not even by its kind ("the province")."""
        before = claim.sentence[:claim.start - claim.sentence_start]
        return claim.kind != "percent" and trader in self.countries and place not in self.countries \
            and not self.aliases.places_in(before) \
            and not set(fold_words(before)) & self.place_kinds  # ("the province exported")

    def _lead_traders(self, claims: list[Claim]) -> dict[str, str]:
        """Each article's first trade figure in its body whose own words name the trader
        ("Vietnam's rice exports in the first 11 months reached"): who its headline's trade
        figures are about."""
        out: dict[str, str] = {}
        for c in claims:
            if c.region == "body" and c.document not in out and c.subject_text and self._traded(c, c.subject_text):
                named = self.aliases.places_in(c.subject_text)
                if named:
                    out[c.document] = named[0]
        return out

    def _traded(self, claim: Claim, text: str | None) -> bool:
        """A figure of a place's exports or imports of a good, whose owner words name only who
        trades, where, and the good itself."""
        good = claim.scope.get("of")
        if not good or self.goods.canonical(good) is None:
            return False
        if claim.kind == "percent":
            # "Lychee exports ... up 23 per cent": the growth of the place's exports of lychee
            found = self.goods.in_phrase(good)
            if claim.attribute != "change" or found is None or found[1] is None:
                return False
        elif claim.kind not in ("money", "quantity") or claim.attribute not in self.trade_attributes:
            return False
        elif claim.scope.get("flow") not in _TRADE_FLOWS and claim.attribute not in _TRADE_FLOWS:
            return False  # what farmers harvested or roasters processed is no trade of the place
        # a phrase about goods ("wooden products exports", the subject of a clause before) names no other owner
        return text is None or all(singular(w) in self.trade_words or self.period_words.fullmatch(w)
                                   for w in fold_words(text)) \
            or self.goods.in_phrase(text) is not None and not self.aliases.places_in(text) and not _NAME_WORD.search(text[1:])

    def _flow_words_only(self, text: str, flow: str) -> bool:
        """Words that name only one flow and its period ("export turnover in the first six
        months"): no other flow ("import-export turnover" is all trade), no good, no owner."""
        words = fold_words(text)
        named = {self.goods.flows.get(w) or self.goods.flows.get(singular(w)) for w in words} - {None}
        return named == {flow} and all(w in self.goods.flows or singular(w) in self.goods.flows
                                       or singular(w) in self.goods.measures or self.period_words.fullmatch(w)
                                       for w in words)

    def _owner_words_only(self, key: str) -> bool:
        """A key of nothing but who gives or owns and what kind of money it is ("government",
        "provincial authorities", "Vietnam", "its developer", "compensation"): words that name no
        thing of their own (entities.yaml owner_nouns)."""
        return all(w in self.generic or w in self.aliases.place_words or w in self.nation_words or w in self.money_words
                   or w in self.owner_nouns for w in key.split())

    @staticmethod
    def _plural(text: str | None, head: str) -> bool:
        """The phrase names its head noun in the plural ("power plants", "the two bridges")."""
        last = head.split()[-1]
        return any(w != last and singular(w) == last for w in fold_words(text or ""))

    def _whole_of_subject(self, claim: Claim, ents: DocEntities) -> bool:
        """The figure sizes the thing after "part of the" (entities.yaml whole_after) and the
        sentence's subject is the story's thing ("It", "The section" where the article's section is it)."""
        pos = claim.start - claim.sentence_start
        part_of = self.whole_before.search(claim.sentence, max(0, pos - 40), pos)
        if part_of is None:
            return False
        words = [w for w in fold(claim.sentence[:part_of.start()]).split() if not any(ch.isdigit() for ch in w)]
        if words[:1] and words[0] in self.anaphora:
            return True  # "It forms part of ..."
        if len(words) < 2 or words[0] not in ("the", "this"):
            return False
        named = ents.by_head.get(words[1])  # "The section is ...", "The 36.2km section is ...": the article's section
        return bool(named) and ents.best(ents.scored(named, self._identity)) == ents.topic

    @staticmethod
    def _indefinite(claim: Claim, text: str | None, described: bool = False) -> bool:
        """The claim's thing is introduced with "a" or "an": before its words, or before the
        figure that modifies them ("a 66 km transmission line"); `described`, also with one word
        between ("a new 200ha park", told with the place it is in: another of the kind)."""
        before = [fold(w) for w in claim.sentence[:claim.start - claim.sentence_start].split()[-2:]]
        return bool(_A_OR_AN.match(fold(text or ""))) or before[-1:] in (["a"], ["an"]) \
            or described and len(before) == 2 and before[0] in ("a", "an") and before[1].isalpha()

    def _placed_elsewhere(self, claim: Claim, text: str, ents: DocEntities) -> str | None:
        """The place the words right after the claim's thing put it in ("in Gia Lam"), when it is
        neither the article's place nor a place of its thing's name."""
        pos = claim.start - claim.sentence_start  # (the thing's words stand near the figure: no scan of a long sentence)
        at = claim.sentence.find(text, max(0, pos - len(text) - _NEAR), pos + len(claim.text) + len(text) + _NEAR)
        where = self.placed_after.match(claim.sentence, at + len(text), at + len(text) + _NEAR) if at >= 0 else None
        if where is None:
            return None
        named = self.aliases.places_in(where.group(1)) or [fold(where.group(1)).strip()]  # (a district the data may lack)
        topic = set((ents.topic or "").split())
        # "The Thuong Son park in Do Luong is expected to ..." before "launched construction of a
        # 320-hectare industrial park in Do Luong District": a place the article's opening
        # words already name is where its own thing stands
        early = {fold(w) for at, w in zip(ents.capitals.at[:_LEAD_CAPITALS], ents.capitals.words[:_LEAD_CAPITALS])
                 if at < claim.sentence_start}
        return " ".join(named) if all(p != ents.main_place and not set(p.split()) <= topic
                                      and p.split()[0] not in early for p in named) else None

    def _only_story_places(self, text: str, topic: str) -> bool:
        """The phrase's capitalised words are only places the story's topic already has."""
        topic_tokens = set(topic.split())
        names = [fold(w) for w in _SPECIFIC.findall(text) if w not in _GENERIC_CAPITALS]
        return bool(names) and all(n in self.aliases.place_words and n in topic_tokens for n in names) \
            and not self._is_proper(topic)

    def _own_head(self, subject: str | None, topic: str | None) -> str | None:
        """The story's thing itself where a key makes its own head noun a part of it: "the
        market" in an article about Thongkhankham Market is that market, not a market of it."""
        if topic and subject and subject.startswith(topic + " | "):
            head = subject[len(topic) + 3:]
            if self._names_topic(self.one_name.get(head, head), topic):
                return topic
        return subject

    def _names_topic(self, head: str, topic: str) -> bool:
        tokens = set(topic.split())
        return set(head.split()) <= tokens or any(words <= tokens for words in self.same_thing.get(head, ())) \
            or any(words <= tokens for words in self.topic_names.get(head, ()))

    def _last_head(self, text: str) -> str | None:
        """The head noun of a phrase: the last one before its first preposition ("the concession
        agreement for the Attapeu bauxite project" is an agreement), else the last one at all."""
        return self._head_of(text)

    def _phrase_head(self, text: str) -> str | None:
        words = _words(self.aliases.with_synonyms(text))
        cut = next((i for i, w in enumerate(words) if w in _PHRASE_PREPOSITIONS and i > 0), len(words))
        head = self._head_in(words[:cut])
        span = words[:cut]
        if head is None and not self._names_task(words[:cut]):
            # "Construction of the bridge": the head past a preposition; not "Site clearance for
            # the terminal", work done for it (entities.yaml task_nouns)
            span, head = words, self._head_in(words)
        if head is not None and self._modifies_another(span, head):
            return None  # "a canal network": a network, not a canal; "a course for the building's staff"
        return head

    def _names_task(self, words: list[str]) -> bool:
        """Whether the words name work done for a thing (entities.yaml task_nouns)."""
        return any(tuple(words[i:i + n]) in self.task_nouns for i in range(len(words)) for n in range(1, self.max_task + 1))

    def _modifies_another(self, words: list[str], head: str) -> bool:
        """The head noun is followed in its phrase by a noun that names another thing of it
        (entities.yaml other_of_heads: "canal network", "school year", "plant operator")."""
        last = len(words) - 1 - next(i for i, w in enumerate(reversed(words)) if w == head.split()[-1])
        return last + 1 < len(words) and words[last + 1] in self.other_of_heads

    def _only_nations(self, key: str, head: str) -> bool:
        """"the Lao-Thai bridge": besides its head, the name says only which countries. (Written
        as a title, "the Laos-China Railway" is a name: callers check the head's capital.)"""
        rest = [t for t in key.split() if t not in head.split()]
        return bool(rest) and all(t in self.nation_words for t in rest)

    def _part_in(self, text: str | None) -> str | None:
        """The first part noun ("apron", "approach road") a phrase names, or the qualifier that
        opens it ("Domestic investors", not the "domestic" inside "gross regional domestic
        product"), if any."""
        # "The two-lane road", "a 16-classroom block": a count that describes the thing names no part
        words = _words(self.counted_modifier.sub(" ", fold(text or "")))
        at = next((i for i, w in enumerate(words) if w not in ("the", "a", "an", "its", "their")), None)
        opening = words[at] if at is not None else None
        both = at is not None and words[at + 1:at + 2] in (["and"], ["or"]) and words[at + 2:at + 3] \
            and words[at + 2] in self.qualifiers  # "Domestic and foreign companies": all of them
        if opening in self.qualifiers and not both:
            return opening
        for i in range(len(words)):
            for n in (2, 1):
                if tuple(words[i:i + n]) in self.parts:
                    return self.parts[tuple(words[i:i + n])]
        return None

    def _part_before_name(self, text: str, key: str) -> tuple[str, str] | None:
        """A part noun (entities.yaml parts), in lower case, the phrase names before the name its key holds, and
        the name's key without it: "the new runway at Luang Prabang International Airport", "the
        apron of Noi Bai airport" (the key takes every noun, the part's too)."""
        words, named = _words(fold(text)), key.split()
        for i in range(len(words)):
            if words[i] in named and not any(words[i] in p for p in self.parts):
                return None  # the name starts before any part
            for n in (2, 1):
                part = self.parts.get(tuple(words[i:i + n]))
                rest = [w for w in named if w not in part.split()] if part else []
                if part and rest and any(w in rest for w in words[i + n:]) \
                        and f" {part} " in f" {text} ":  # in lower case: not "The Runway Hotel"
                    return " ".join(rest), part
        return None

    def _part_after_possessive(self, text: str, key: str) -> tuple[str, str] | None:
        """A part noun (entities.yaml parts) that ends a phrase after a name's possessive, and the
        name's key without it: "Phan Thiet Airport's 3,500-metre runway"."""
        m = _POSSESSED.match(fold(text))
        if m is None:
            return None
        after = _words(m.group(1))
        for n in (2, 1):
            part = self.parts.get(tuple(after[-n:])) if len(after) >= n else None
            # (the possessed phrase's own words, as its count in "The wind farm's 14 turbines", are not the name's)
            rest = [w for w in key.split() if w not in part.split() and w not in after] if part else []
            if rest:
                return " ".join(rest), part
        return None

    def _head_in(self, words: list[str]) -> str | None:
        for i in range(len(words) - 1, -1, -1):
            for n in range(self.max_head, 0, -1):
                if i - n + 1 >= 0 and tuple(words[i - n + 1:i + 1]) in self.head_words:
                    return self.head_words[tuple(words[i - n + 1:i + 1])]
        return None


def _title_case(text: str) -> bool:
    """Whether a headline capitalises its words (four or more of at least four letters, nearly
    all capitalised), so that its capitals say nothing of names."""
    words = [w for w in _WORD.findall(text) if len(w) >= 4]
    return len(words) >= 4 and sum(w[0].isupper() for w in words) >= 0.8 * len(words)


_ACRONYM = re.compile(r"[A-Z]{2,}[0-9]?")  # "LCR", "EVN", "VN30"
_BRACKETED_ACRONYM = re.compile(r"\(([A-Z]{2,6})\)")  # "Electricite du Laos (EDL)"
_BRACKETED_AFTER_BODY = re.compile(r"(?:,?[ \t]+(?:[A-Z][\w.&'-]*|of|and)){0,6}[ \t]*\(((?:[A-Z][\w'-]*[ \t]?){1,4})\)")
_WORD = re.compile(r"[^\W\d_]+")
_CAPITAL_RUN = re.compile(r"\b([A-Z][^\W\d_]*)((?:[ \t]+[A-Z][^\W\d_]*)+)?")  # "Tran Quang Vinh", "Vinh"
_BARE_POSSESSIVE = re.compile(r"['\u2019]s?$")
_POSSESSOR = re.compile(r"((?:the[ \t]+)?[A-Za-z][\w-]*(?:[ \t]+[A-Z][\w-]*){0,3})['\u2019]s\b")  # "Tay Ninh's", "the province's"
_LEAD_CAPITALS = 60  # an article's first capitalised words: its headline and opening lines
_ITS_REACH = 80  # characters before a figure read for its possessive and the clause's subject
_NAME_WORD = re.compile(r"\b[A-Z][a-z]")  # a capitalised word past the first letter: a name of an owner
_JOINED = re.compile(r"\band\b|[A-Za-z][ \t]?[-\u2013][ \t]?[A-Z]")  # "Nghe An and Laos", "Vietnam-Laos"
_TRADE_FLOWS = ("exports", "imports")  # the flow values of nouns.yaml flow_words a place trades in


def _most_common(counter: Counter) -> str:
    """The key counted most; ties go to the first key, so the choice never depends on order."""
    return min(counter, key=lambda k: (-counter[k], k))


def _words(folded: str) -> list[str]:
    """A folded phrase's words, singular and without possessives."""
    return [singular(w.removesuffix("'s")) for w in re.findall(r"[a-z0-9']+", folded)]


_INDEFINITE_BODY = re.compile(r"[ \t]+(?:of|at|with)[ \t]+(?:an?|one|another)[ \t]", re.IGNORECASE)
_YEAR = re.compile(r"(?:19|20)\d\d")
# A sentence's subject, roughly: its words up to the first preposition, comma or verb of being.
_POSSESSED = re.compile(r"^[^']*[a-z0-9]'s[ \t]+(.+)$")  # "phan thiet airport's 3,500-metre runway": what the name owns
_SENTENCE_SUBJECT = re.compile(r"\s*((?:(?!\b(?:of|with|has|have|had|is|are|was|were|will|from|to|into|between|across|through|along|via|by|for|at)\b)[^,;:])*)")


def _titled_name(words: tuple[str, ...], people: set[tuple[str, ...]]) -> tuple[str, ...] | None:
    """The one known full name a longer run of words ends with: a title before an office-holder's
    name ("vietnamese ambassador to cambodia nguyen minh khoa" is Nguyen Minh Khoa)."""
    found = {p for p in people if 1 < len(p) < len(words) and words[-len(p):] == p}
    return next(iter(found)) if len(found) == 1 else None


def _fullest(names: set[tuple[str, ...]]) -> set[tuple[str, ...]]:
    """The names none of the others holds all the words of: "Somsanouk", named alone in one
    article, is the "Somsanouk Phommavongsa" another names in full."""
    return {p for p in names if not any(set(p) < set(q) for q in names)}


def _holder(c: Claim) -> str:
    """A role claim's holder within its article, as a grouping key."""
    return f"{c.document}|{getattr(c.value, 'person', None)}"


def _places_by_body(claims: list[Claim], bodies: list[str], places: frozenset[str],
                    group: Callable[[Claim], str] = lambda c: c.document) -> dict[str, dict[str, str]]:
    """Per article (or other group of role claims): a bare body ("people's committee", "the
    airport") -> the one full name with a place (a province itself, "Champasak governor", is no
    bare body of "Nam Papa Champasak"; a country may be: "Lao PDR Governor" of "the Bank of the Lao PDR")."""
    full: dict[str, dict[str, set[str]]] = defaultdict(lambda: defaultdict(set))
    named: dict[str, set[str]] = defaultdict(set)
    for c in claims:
        # a posting ("vietnam to savannakhet": Vietnam's consulate there) is no body of the place
        if c.kind == "role" and c.value.organisation and "to" not in c.value.organisation.split():
            named[group(c)].add(c.value.organisation)
    for doc, orgs in named.items():
        # a body word from the data, or one written bare in the article ("the airport")
        for body in bodies:
            for org in orgs:
                if org.endswith(body) and org != body:
                    full[doc][body].add(org)
        words = {org: org.split() for org in orgs}
        for body in (o for o in orgs if " " not in o and o not in places):
            full[doc][body] |= {org for org in orgs if org != body and body in words[org]}
    return {doc: {body: next(iter(orgs)) for body, orgs in bodies.items() if len(orgs) == 1}
            for doc, bodies in full.items()}


_NEAR = 80  # characters around a figure within which its thing's words and their place are read


def _adjacent(view: str, toks: list[tuple[str, int]], k: int) -> bool:
    """Whether word `k` and the next have no comma, colon or bracket between them."""
    return not _NAME_BREAKS.intersection(view[toks[k][1] + len(toks[k][0]):toks[k + 1][1]])


_NAME_BREAKS = frozenset(",;:()[]|")


def _local_key(subject: str | None) -> str | None:
    """The words of an article's own key ("zs-01-vns#kiln pilot restoration three"), or None."""
    if not subject or "#" not in subject or " | " in subject:
        return None
    doc, _, key = subject.partition("#")
    return key if doc and not doc.startswith("story ") else None


def _bracketed_bodies(claims: list[Claim]) -> dict[str, str]:
    """An acronym bracketed after an office's body ("Managing Director of Electricite du Laos
    (EDL) Mr Chanthaboun") -> that body, when the corpus brackets it after one body only."""
    found: dict[str, set[str]] = defaultdict(set)
    for c in claims:
        if c.kind == "role" and c.value.organisation:
            for m in _BRACKETED_ACRONYM.finditer(c.text):
                found[m.group(1).lower()].add(c.value.organisation)
            # "General Director of Hanoi Railway One Member Co., Ltd. (Hanoi Metro)": the name
            # bracketed right after the rest of the body's name
            after = _BRACKETED_AFTER_BODY.match(c.sentence, c.end - c.sentence_start)
            if after:
                found[fold(after.group(1))].add(c.value.organisation)
    return {acronym: next(iter(orgs)) for acronym, orgs in found.items() if len(orgs) == 1 and acronym not in orgs}


def _goods_named(claims: list[Claim]) -> list[Claim]:
    """A trade figure that names no good ("An Giang exported 128,700 tonnes in the same period")
    is of the one good its article's other trade figures name; in an article of two goods or
    none it is a bare measure of no owner, never compared."""
    goods: dict[str, set[str]] = defaultdict(set)
    for c in claims:
        good = c.scope.get("of")
        if c.kind == "quantity" and good and good != UNNAMED_GOOD and "flow" in c.scope:
            goods[c.document].add(good)
    out = []
    for c in claims:
        if c.kind == "quantity" and c.scope.get("of") == UNNAMED_GOOD:
            named = goods.get(c.document, set())
            if len(named) == 1:
                c = c.model_copy(update={"scope": {**c.scope, "of": next(iter(named))}})
            else:
                c = c.model_copy(update={"attribute": "measure", "subject": None,
                                         "scope": {k: v for k, v in c.scope.items() if k != "of"}})
        out.append(c)
    return out

