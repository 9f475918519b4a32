"""Physical quantities, converted by pint to base units ("2.5ha" = 25,000 meter ** 2)."""

from __future__ import annotations

import re
from bisect import bisect_left
from dataclasses import replace
from functools import lru_cache

import pint

from checker.analyse import Tokens, coordinated_end, governing_verb, noun_phrase_at, subject_words
from checker.extract.base import Sentence, make_claim, np_before, renamed_before
from checker.extract.figures import (part_of_pattern, POSSESSOR_BEFORE, UNNAMED_GOOD, same_verb, Buyers, EstimatedAt, WORD_AFTER, Goods, OtherThing, WholeOpener, PartMarkers, PlaceOwners, PlanMarkers, Revisions, Resized, Increments, WiderArea,
                                     clause_start, link_pattern, noun_after, opening_participle_subject, owner_of, Phases,
                                     trailing_participle_subject)
from checker.extract.numbers import NumberFinder
from checker.extract.reporting import ReportingPeriods
from checker.lexicon import Lexicon
from checker.models import Claim, QuantityValue
from checker.timex import resolve
from checker.text import alternation, fold, fold_words, singular


_OF_WHAT = re.compile(r"[ \t]+of[ \t]+([a-z][a-z-]{2,24}(?:[ \t]+[a-z][a-z-]{2,24})?)\b(?![ \t]+of\b)")
_RESTRICTED = re.compile(r"[ \t]+of[ \t]+(?:[a-z-]+[ \t]+){0,3}[a-z-]+[ \t]+(?:which|that)[ \t]+(?:are|is|were|was|have|has)"
                         r"[ \t]+(?:been[ \t]+|being[ \t]+|now[ \t]+|already[ \t]+)?([a-z]+ed|[a-z]+en)\b")
_OF_NAMED = re.compile(r"[ \t]+of[ \t]+((?:[A-Z][\w'-]*[ \t]+){1,3}[a-z][a-z-]{2,24}(?:[ \t]+[a-z][a-z-]{2,24})?)\b")  # "of Bac Giang lychee"
_OF_GOOD = re.compile(r"[ \t]+of[ \t]+([a-z][a-z-]{1,24})(?:[ \t]+([a-z][a-z-]{1,24}))?(?:[ \t]+([a-z][a-z-]{1,24}))?")


_POSSESSOR = re.compile(r"(.+?)['\u2019]s\b")
_BY_YEAR = re.compile(r"\bby[ \t]+(?:the[ \t]+end[ \t]+of[ \t]+)?((?:19|20)\d\d)\b")  # "when completed by 2030"
_BREAKDOWN_REACH = 50  # characters after a capacity read for the list of its parts (", including")
_PLANTED_REACH = 50  # characters before an area read for "planted durian on"
_SUM_REACH = 40  # how far before a figure its sum word stands ("with a combined capacity of about")
_WITH_ITS_PARTS = re.compile(r"\b(?:and|with)[ \t]+(?:its|their)[ \t]+[a-z]", re.IGNORECASE)
_OF_BEFORE = re.compile(r"[ \t]+of[ \t]+$")


# a list of goods: "rice and maize", "rice, maize, tea and fruit trees" (first item, then the last)
_GOODS_LIST = re.compile(r"([a-z][a-z-]*)(?:[ \t]*,[ \t]*[a-z][a-z-]*(?:[ \t]+[a-z][a-z-]*)?){0,6},?[ \t]+(?:and|or)[ \t]+([a-z][a-z-]*)",
                         re.IGNORECASE)

_JOINED_ADJECTIVE = re.compile(r"(?:-|[ \t]+)([a-z]{3,5})(?=[ \t]+[a-z])", re.IGNORECASE)  # "208m-long berth", "the 102 m long bridge"
_AND_DIMENSION = re.compile(r"[ \t]+[a-z]{3,5}[ \t]+and[ \t]+", re.IGNORECASE)  # "3,000 metres| long and |45 m wide"
_APPOSED = re.compile(r",[ \t]*$")  # a comma right before a figure that an apposition opens
_ANOTHER_SIZE = re.compile(r"[ \t]+\d[\d.,]*[ \t]?[A-Za-z]{1,4}(?=[ \t]+[a-z])")  # "220kV" in "the 76.4km 220kV line"
# ... or after a comma, when "a" or "the" opens the figure: "a 22km, 220kV line"
_LISTED_SIZE = re.compile(r",[ \t]+\d[\d.,]*[ \t]?[A-Za-z]{1,4}(?=[ \t]+[a-z])")
_ARTICLE_BEFORE = re.compile(r"\b(?:a|an|the)[ \t]+$", re.IGNORECASE)


class QuantityExtractor:
    kind = "quantity"

    def __init__(self, lexicon: Lexicon, numbers: NumberFinder, periods: ReportingPeriods | None = None) -> None:
        self.phases = Phases(lexicon)
        self.periods = periods or ReportingPeriods.of(lexicon)  # shared by the extractors: read once a sentence
        self.away = re.compile(r"[ \t]+(?:" + alternation(lexicon.units.distance_words) + r")\b", re.IGNORECASE)
        self.owners = PlaceOwners(lexicon)
        self.goods = Goods(lexicon)
        self.buyers = Buyers(lexicon)
        self.whole = WholeOpener(lexicon.entities.whole_words, lexicon.entities.whole_clause_links)
        # "12 hydropower plants ..., with a combined capacity of": several things' sum
        self.sum_word = re.compile(r"\b(?:" + alternation(lexicon.entities.sum_words) + r")\b", re.IGNORECASE)
        self.heads = frozenset(fold(h) for h in lexicon.entities.heads)
        # "9 industrial parks under construction or expansion, with a combined area of about 4,000
        # ha": the size of some of the kind, as their count is some of them
        self.unfinished_marker = re.compile(r"\b(?:" + alternation(lexicon.entities.unfinished_markers) + r")\b", re.IGNORECASE)
        self.own_ground = frozenset(lexicon.nouns.own_ground)
        self.wider_area = WiderArea(lexicon.places)
        self.others = OtherThing(lexicon.entities)
        self.plans = PlanMarkers(lexicon.events.plan_markers, lexicon.events.estimate_markers,
                                 lexicon.events.fact_openers)
        self.revisions = Revisions(lexicon.events, lexicon.hedges.hedges)
        self.increments = Increments(lexicon.events, lexicon.hedges.hedges)
        self.resized = Resized(lexicon.events, lexicon.hedges.hedges, lexicon.calendar.future_modals,
                               lexicon.nouns.count_verbs.passive, lexicon.nouns.possessives)
        self.parts = PartMarkers(lexicon.entities, lexicon.nouns.figure_links.verbs)
        self.estimated = EstimatedAt(lexicon.nouns)
        self.section_words = frozenset(fold(w) for w in lexicon.entities.whole_after)  # "section", "stretch"
        self.numbers = numbers
        self.units = dict(lexicon.units.units)
        self.time_denominators = {k.lower(): v for k, v in lexicon.units.time_denominators.items()}
        self.period_denominators = {k.lower(): v for k, v in lexicon.units.period_denominators.items()}
        self.period_adverbs = {fold(k): v for k, v in lexicon.units.period_adverbs.items()}
        # "2.6 million tonnes of cement annually": an amount each year, past the good it is of
        self.period_adverb = re.compile(r"(?:[ \t]+of(?:[ \t]+[A-Za-z-]+){1,3}?)?[ \t]+(" + alternation(self.period_adverbs)
                                        + r")\b", re.IGNORECASE)
        # "an annual capacity of", "a daily design capacity of about": a period's amount, told before it
        self.period_adjectives = {fold(k): v for k, v in lexicon.units.period_adjectives.items()}
        self.period_adjective = re.compile(r"\b(" + alternation(self.period_adjectives) + r")[ \t]+(?:[a-z-]+[ \t]+){0,2}?"
                                           r"of[ \t]+(?:[a-z]+[ \t]+){0,2}$", re.IGNORECASE)
        # "can grind", "is able to handle", "can turn out": a modal and one verb (with its
        # particle) right before the figure
        self.capacity_modal = re.compile(r"\b(?:" + alternation(lexicon.units.capacity_modals) + r")[ \t]+[a-z]+[ \t]+"
                                         r"(?:(?:" + alternation(lexicon.nouns.estimate_particles) + r")[ \t]+)?"
                                         r"(?:up[ \t]+to[ \t]+)?$", re.IGNORECASE)
        # "is designed to handle", "was built to process": a design phrase and one verb right before the figure
        self.design = re.compile(r"\b(?:" + alternation(lexicon.units.design_openers) + r")[ \t]+[a-z]+[ \t]+"
                                 r"(?:up[ \t]+to[ \t]+)?$", re.IGNORECASE)
        self.design_dimensions = frozenset(lexicon.units.design_dimensions)
        self.design_plans = frozenset(" ".join(fold(w).split()) for w in lexicon.units.design_plan_markers)
        self.ahead = re.compile(r"\b(?:" + alternation(lexicon.events.ahead_openers) + r")\b", re.IGNORECASE)
        # "1.6 million tonnes of products a year, including 450,000 tonnes of polypropylene": a sum of parts
        self.breakdown = re.compile(r",[ \t]*(?:" + alternation(lexicon.entities.part_markers_before) + r")\b", re.IGNORECASE)
        self.other_marker = re.compile(r"\b(?:" + alternation(lexicon.entities.other_markers) + r")\b", re.IGNORECASE)
        self.unit_attributes = dict(lexicon.units.unit_attributes)
        self.readings = dict(lexicon.units.readings)
        self.reading_attributes = frozenset(lexicon.units.reading_attributes)
        self.rain_words = re.compile(r"\b(?:" + alternation(lexicon.units.rain_words) + r")\b", re.IGNORECASE)
        self.number_words = {w.lower(): str(v) for w, v in lexicon.numbers.units.items() if " " not in w}
        counts = "|".join(sorted(self.number_words, key=len, reverse=True))
        self.rain_place_verbs = frozenset(lexicon.units.rain_place_verbs)
        self.rain_place_links = frozenset(lexicon.units.rain_place_links)
        self.window_span = re.compile(r"\b(\d{1,3}|" + counts + r")[ \t-](" + alternation(lexicon.units.window_units)
                                      + r")\b", re.IGNORECASE)
        self.negative = re.compile(r"\b(?:" + alternation(lexicon.numbers.negative_words) + r")[ \t]+$", re.IGNORECASE)
        self.registry = _registry(str(lexicon.pint_definitions))
        self.attributes_by_unit = dict(lexicon.nouns.quantity_attributes)
        self.adjectives = {fold(w): a for w, a in lexicon.nouns.quantity_adjectives.items()}
        self.need_words = frozenset(w.lower() for w in lexicon.nouns.need_words)
        # a verb of need right before the figure, a hedge between: "requires about 806 hectares"
        self.need_before = re.compile(r"\b(?:" + alternation(lexicon.nouns.need_words) + r")(?:[ \t]+(?:"
                                      + alternation(lexicon.hedges.hedges) + r"))?[ \t]+$", re.IGNORECASE)
        self.implied_goods = dict(lexicon.units.implied_goods)
        # a noun's number after its sign (entities.yaml number_signs): "berth No. 1", "berth No.2"
        self.numbered = re.compile(r"[ \t]+(?:" + alternation(lexicon.entities.number_signs)
                                   + r")\.?[ \t]*\d{1,2}\b(?![.,:]?\d)", re.IGNORECASE)
        self.generation_verbs = frozenset(lexicon.units.generation_verbs)
        self.stops = frozenset(lexicon.aliases.stops)
        self.part_of = part_of_pattern(lexicon)  # "The Lao section of the project cost": the section's
        # "a total of 212 hectares": a quantifier before "of", no owner
        self.quantifier = re.compile(r"\b(?:" + alternation(q for q in lexicon.nouns.count_verbs.quantifiers if q.endswith(" of"))
                                     + r")$", re.IGNORECASE)
        forms = sorted(self.units, key=len, reverse=True)
        self.unit_re = re.compile(r"[ \t]?-?(" + "|".join(re.escape(u) for u in forms) + r")(?![\w²³])")
        self.owner_words = dict(lexicon.nouns.quantity_owners)
        self.links = link_pattern(lexicon.nouns.figure_links, list(lexicon.numbers.percent_signs), lexicon.nouns.subject_adverbs)
        self.settings = frozenset(lexicon.nouns.setting_prepositions)
        self.time_nouns = frozenset(lexicon.entities.time_nouns)
        self.flows = dict(lexicon.nouns.flow_words)
        self.months = frozenset(m.lower() for m in lexicon.calendar.months)
        verbs = lexicon.nouns.count_verbs
        self.tally_verbs = frozenset(w.lower() for w in verbs.tally_after + verbs.tally_before + verbs.tally_doing)
        self.classifiers = frozenset(lexicon.nouns.classifiers)
        self.cargo_words = frozenset(lexicon.nouns.cargo_words)
        self.building_units = frozenset(lexicon.units.building_area_units)
        self.building_heads = frozenset(lexicon.entities.building_heads)
        self.things = frozenset(w for h in lexicon.entities.heads + lexicon.entities.parts for w in fold(h).split())
        # "rice and other crops": a noun, a widening coordination, the wider class
        self.mixed_area_class = lexicon.nouns.mixed_area_class
        # "crop area", "rice area": the attribute's own owner noun (quantity_owners) and the word before it
        areas = [w for w, a in lexicon.nouns.quantity_owners.items() if w == a == "area"]
        # "has planted durian on (about) 850 hectares": the crop between the verb and its "on"
        self.planted = re.compile(rf"\b(?:{alternation(lexicon.nouns.planting_verbs)})[ \t]+([a-z][a-z-]*(?:[ \t]+[a-z][a-z-]*)?)"
                                  r"[ \t]+on[ \t]+$", re.IGNORECASE)
        # the sizes of a place that no unit of the other measures ("Long An has 68,900 ha": no length)
        self.dimensions = frozenset({"length", "area"} & set(self.attributes_by_unit.values()))
        self.under_crop = re.compile(rf"[ \t]+(?:{alternation(lexicon.nouns.crop_area_links)})[ \t]+([a-z][a-z-]*(?:[ \t]+[a-z][a-z-]*)?)\b",
                                     re.IGNORECASE)
        self.area_noun = re.compile(r"\b([a-z][a-z-]*)[ \t]+(?:" + alternation(areas) + r")\b")
        self.wider = re.compile(r"[a-z][a-z-]{1,24}[ \t]+(" + alternation(lexicon.nouns.wider_coordinations)
                                + r")[ \t]+([a-z][a-z-]{1,24})\b", re.IGNORECASE)

    def _area_of(self, s: Sentence, pos: int) -> str | None:
        """The good or crops an area word names in the figure's clause before it ("the damaged
        crop area at 780 hectares", "the rice area reached"): what the area is of."""
        found = None
        for found in self.area_noun.finditer(s.view, clause_start(s.view, s.start, pos, s.clause_words), pos):
            pass
        if found is None:
            return None
        word = singular(found.group(1).lower())
        return self.mixed_area_class if word == self.mixed_area_class else self.goods.canonical(word)

    def _several_goods(self, view: str, pos: int, hi: int) -> bool:
        """Whether a list of two goods or more starts at `pos` ("rice and maize", "rice, maize,
        tea and fruit trees"): its first and last items are goods."""
        m = _GOODS_LIST.match(view, pos, hi)
        return m is not None and self.goods.canonical(m.group(1)) is not None and self.goods.canonical(m.group(2)) is not None

    def _is_thing(self, phrase: str) -> bool:
        """A phrase that names a thing with a size ("plant", "road", "stretch", a name), not a
        good that is measured ("rice", "coffee")."""
        words = fold(phrase).split()
        return any(w[:1].isupper() for w in phrase.split()) or any(
            singular(w) in self.things for w in words)

    def _flow(self, s: Sentence, pos: int, end: int) -> str | None:
        """The way goods flow, by the last flow word before `pos` in its clause, else the first
        after the figure in it ("30 tonnes of rice have been distributed")."""
        lo = clause_start(s.view, s.start, pos, s.clause_words)
        words = [self.flows[t.text.lower()] for t in s.tokens if lo <= t.start and t.end <= pos
                 and t.text.lower() in self.flows]
        if words:
            return words[-1]
        for t in s.tokens:
            if t.start < end:
                continue
            if t.text in (",", ";") or t.text.lower() in s.clause_words:
                break
            if t.text.lower() in self.flows:
                return self.flows[t.text.lower()]
        return None

    def extract(self, s: Sentence) -> list[Claim]:
        view = s.view
        claims = []
        unfinished = self._first_unfinished(s)
        for n in self.numbers.find(view, s.start, s.end):
            um = self.unit_re.match(view, n.end, s.end)
            mass = None if um else self.numbers.mass_after(view, n, s.start, s.end)
            if not (um or mass) or self.numbers.currency_before(view, max(s.start, n.number_start - 5), n.number_start):
                continue  # "$5m" is money
            if um and um.start(1) == n.end and self.numbers.count_scale(view, n, s.end):
                continue  # "3.5m paying subscribers" is a count of millions
            written, (expression, end) = (um.group(1), (self.units[um.group(1)], um.end())) if um else (None, mass)
            per = self.numbers.rate_after(view, end, s.end)
            good = None if per else self._good_per_time(view, end, s.end)
            if good and (good[0] in self.time_denominators or good[0] not in self.period_denominators):
                # "2,500 cubic metres of water per second": a flow of the good; "1.1 tonnes of
                # green beans per hectare": a yield, no amount of anything
                per, end = good
            each_period = self.period_denominators.get((per or (good or ("",))[0]).lower())
            adverb = self.period_adverb.match(view, end, s.end) if not per and not each_period else None
            each_period = self.period_adverbs[fold(adverb.group(1))] if adverb else each_period
            if per and not each_period:
                if per not in self.time_denominators:
                    continue  # "6.2 tonnes per hectare": a rate, not a size
                # "118-133 km per hour": a speed; "2,500 cubic metres per second": a flow
                expression = f"({expression}) / {self.time_denominators[per]}"
                end = self.numbers.rate.match(view, end, s.end).end()
            sign = -1 if view[max(s.start, n.number_start - 1):n.number_start] == "-" \
                and view[max(s.start, n.number_start - 2):n.number_start - 1] in (" ", "(", "") \
                or self.negative.search(view, max(s.start, n.start - 10), n.start) else 1
            low_base, high_base, unit = self._base(expression, n.low, n.high, sign)
            estimated, object_start = self.estimated.clause(view, s.start, n.start)
            owner = owner_of(estimated, s.doc.text, object_start, s.end, n.start, end, self.owner_words, self.stops, s.published,
                             s.clause_words, self.periods, self.links, s.tokens, self.settings, part_of=self.part_of)
            dimension = self.unit_attributes.get(written) or self.attributes_by_unit.get(unit, "quantity")
            if owner.attribute in self.dimensions and owner.attribute != dimension:
                # "Long An has 68,900 ha of rice": a word of another dimension ("long") names no
                # attribute of an area
                owner = replace(owner, attribute=None, subject_text=None)
            # "Since its launch, the railway has carried", "has so far covered"
            running = self.periods.running(view, s.start, n.start) or self.periods.so_far(view, s.start, n.start)
            period = owner.period or (s.context_period or s.referred_period
                                      if not running and self.periods.continues(view, s.start, s.end) else None)
            scope = {"period": period} if period else {}  # "shipped 86,400 tonnes ... in the quarter": the one named before
            if running and period is None and s.published.start is not None:
                scope["as_of"] = s.published.start.isoformat()  # a total to date: the day it was told
            if each_period:
                scope["per"] = each_period  # "6,000 cubic metres per day": a day's amount, kept apart from a year's
            # (a figure a possessive owns is its owner's: "The second phase ... was connected,
            # bringing the plant's total capacity to 250 MWp")
            phase = self.phases.of(view, s.start, n.start) or (
                self.phases.of_subject(s, n.start) if not _POSSESSOR.search(owner.subject_text or "") else None) \
                or self.phases.later(view, end, s.end)
            if phase:
                scope["phase"] = phase
            subject = owner.subject_text
            if subject is None and owner.attribute is None:
                # "The plant's first phase of 120 MW began operation": the phase the figure sizes
                # (a thing's, not "the recovery of 412.5ha of land")
                of = _OF_BEFORE.search(view, max(s.start, n.start - 12), n.start)
                span = np_before(view, s.start, of.start(), self.stops) if of else None
                if span and not self.quantifier.search(view[span[0]:of.end()].rstrip()) \
                        and any(singular(w) in self.things for w in fold_words(s.doc.text[span[0]:span[1]])):
                    subject = s.doc.text[span[0]:span[1]]
                    scope.pop("period", None)  # a size, which the month of its opening does not date
            if subject is None and owner.attribute is None:
                resized = self.resized.owner(s, n.start, s.clause_words)
                if resized:
                    # "lengthened its runway to 3,300 m": the size the verb sets its object at
                    (lo, hi), planned = resized
                    subject = s.doc.text[lo:hi]
                    scope.pop("period", None)
                    if planned:
                        scope["status"] = "plan"  # "will extend the berth to 460 metres"
            # "the 76.4km 220kV line": past another size of the same noun to the noun itself
            also = _ANOTHER_SIZE.match(view, end, s.end) or (
                _LISTED_SIZE.match(view, end, s.end) if _ARTICLE_BEFORE.search(view, max(s.start, n.start - 5), n.start) else None)
            # "The 208m-long berth No. 1": past the dimension the figure is joined to, to its noun
            joined = _JOINED_ADJECTIVE.match(view, end, s.end)
            joined = joined if joined and joined.group(1).lower() in self.adjectives else None
            noun = noun_after(view, joined.end() if joined else also.end() if also else end, s.end, self.phases, s.tokens)
            numbered = self.numbered.match(view, noun[1], s.end) if noun else None
            if numbered:
                noun = (noun[0], numbered.end())  # "the 208m-long berth No. 1": that berth
            if noun and self.parts.is_whole(view, noun[1], s.end):
                # "The 6.8-km project, including the bridge": not the bridge's length; "within a 4,200
                # square metres site that includes its courtyard": all of the site, not the palace
                scope["whole"] = "yes"
            renamed = renamed_before(view, s.start, n.start, self.stops, s.tokens) \
                if noun and subject is None and not owner.attribute else None
            if renamed:
                # "the Tan Chau bridge, a 1.9-kilometer structure": the size of the thing the
                # apposition renames, not of the story's thing; "Its main span, a 210m section":
                # the size the renamed words name
                subject, noun = s.doc.text[renamed[0]:renamed[1]], None
                scope.pop("period", None)
                named = self._attribute_named(subject)
                if named:
                    subject, owner = None, replace(owner, attribute=named)
            if noun and owner.attribute and fold(s.doc.text[noun[0]:noun[1]]).split()[-1] in self.own_ground:
                noun = None  # "The hospital stands on a 4.2-hectare site": the ground the owner stands on
            if noun and not self._is_thing(s.doc.text[noun[0]:noun[1]]) and not owner.attribute:
                # "the 286,000 tonnes rice exported": a good, what is measured, not whose measure
                words = noun_phrase_at(s.tokens, noun[0], self.time_nouns)
                if words:
                    scope["of"] = s.doc.text[words[0]:words[1]].lower()
                    qualifier = next((t for t in reversed(s.tokens) if t.end <= n.start), None)
                    if qualifier is not None and qualifier.tag in ("JJ", "JJS", "VBG") and qualifier.end + 1 >= n.start:
                        # "the first 21.3km stretch", "the remaining 17.3km stretch": two stretches
                        scope["of"] = f"{qualifier.text.lower()} {scope['of']}"
                    after = next((t for t in s.tokens if t.start > words[1]), None)
                    if after is not None and after.text.lower() in self.flows:  # "rice exported"
                        scope["flow"] = self.flows[after.text.lower()]
                noun = None
            if noun:
                # "the 240 MW plant", "a 12 km stretch": the noun after the figure is what it measures,
                # a size no year named later in the sentence ("broke ground in 2019") dates.
                subject = s.doc.text[noun[0]:noun[1]]
                possessor = POSSESSOR_BEFORE.search(view, max(s.start, n.start - 40), n.start)
                if possessor and set(fold(subject).split()) & self.section_words:
                    # "The city's 58.2km section": the city's section of the thing, not the thing
                    subject = f"{possessor.group(1)}'s {subject}"
                if not owner.attribute:
                    scope.pop("period", None)
            elif self.away.match(view, end, s.end):
                subject = None  # "about 10 km from the city" is a distance, not a size
            if "of" not in scope and not owner.attribute and dimension in self.implied_goods and s.tokens \
                    and (verb := governing_verb(s.tokens, n.start, s.clause_words)) is not None \
                    and s.tokens[verb].text.lower() in self.generation_verbs:
                scope["of"] = self.implied_goods[dimension]  # "expected to generate 408 million kWh": electricity
            # What it measures: the owner word ("capacity"), else the unit's dimension when the
            # figure has a subject, else a bare "measure" that is never compared to a topic.
            attribute = owner.attribute or (dimension if subject or "of" in scope else "measure")
            designed = self.design.search(view, max(s.start, n.start - 40), n.start) \
                if each_period and dimension in self.design_dimensions else None
            if each_period and not owner.attribute and (
                    designed or self.capacity_modal.search(view, max(s.start, n.start - 30), n.start)):
                # "The new line can grind 2.6 million tonnes of cement annually", "is designed to
                # handle 300 tonnes of seafood per day"
                attribute = "capacity"
            if attribute == "capacity" and "per" not in scope \
                    and (yearly := self.period_adjective.search(view, max(s.start, n.start - 50), n.start)):
                scope["per"] = self.period_adjectives[fold(yearly.group(1))]  # "an annual capacity of 250,000 tonnes"
            adjective = joined or WORD_AFTER.match(view, end, s.end)
            # the dimension an adjective after the figure names ("45 metres wide"), for an owner-less figure
            sized = self.adjectives.get(adjective.group(1).lower()) if adjective and not owner.attribute else None
            if sized and subject is None and (comma := _APPOSED.search(view, max(s.start, n.start - 4), n.start)):
                # "Its runway, 2.8 km long, can take": the size an apposition gives the phrase before it
                # (not a preposition's object: "the second bridge ..., after the Cao Lanh bridge, about 2 km long")
                span = np_before(view, s.start, comma.start(), self.stops)
                before = next((t for t in reversed(s.tokens) if span and t.end <= span[0]), None)
                subject = s.doc.text[span[0]:span[1]] if span and not (before and before.tag in ("IN", "TO")) else None
            if sized and subject is None and claims and _AND_DIMENSION.fullmatch(view, claims[-1].end, n.start):
                # "The runway is now 3,000 metres long and 45 m wide": the second size is the same thing's
                subject = claims[-1].subject_text
            if sized and subject:
                attribute = sized  # "The runway will be 45 metres wide"
            if sized and self.parts.is_whole(view, adjective.end(), s.end):
                scope["whole"] = "yes"  # "The bridge is 1.56km long including its approach sections": all of it
            if written in self.unit_attributes and owner.attribute == self.attributes_by_unit.get(unit):
                attribute = self.unit_attributes[written]  # "a capacity of 50 MWp": the peak capacity
            if attribute == "area" and written in self.building_units and subject \
                    and singular(fold(subject).split(" of ")[0].split()[-1]) in self.building_heads:
                attribute = "floor area"  # "The terminal covers around 45,000 square metres": its floor area
            # "1,200 hectares of rice", "The province has about 10,000ha of tea": what it measures
            of = _OF_WHAT.match(view, end, s.end) if attribute == "measure" or attribute == dimension and not owner.attribute else None
            of_end: int | None = None
            if of is None and owner.attribute:
                # "Nearly 200MW of wind capacity in Gia Lai": an amount of a kind of capacity,
                # however many things hold it, not one thing's capacity
                of = _OF_WHAT.match(view, end, s.end)
                words = noun_phrase_at(s.tokens, of.start(1), self.time_nouns) if of and s.tokens else None
                if words is None or owner.attribute not in fold(s.doc.text[words[0]:words[1]]).split():
                    of = None
            if of and noun_after(view, of.start(1) - 1, s.end, self.phases, s.tokens):
                # "1,200 hectares of rice": an area of rice, in whatever the article is about
                words = noun_phrase_at(s.tokens, of.start(1), self.time_nouns)  # "of coffee abroad": of coffee
                scope["of"] = (s.doc.text[words[0]:words[1]] if words else of.group(1)).lower()
                of_end = words[1] if words else None
                wider = self.wider.match(view, of.start(1))
                if wider:  # "1,250 ha of rice and other crops": of crops, not of rice
                    scope["of"] = f"{wider.group(1)} {wider.group(2)}".lower()
                elif dimension == "area" and self._several_goods(view, of.start(1), s.end):
                    scope["of"] = self.mixed_area_class  # "1,250ha of rice and maize": the crop area
                elif words and (last := coordinated_end(s.tokens, words[1], self.time_nouns)):
                    # "6,000 hectares of crops and fish ponds": all together, not the crops alone
                    scope["of"] = s.doc.text[words[0]:last].lower()
                place = self.wider_area.named_after(view, words[1] if words else of.end(1), s.end)
                if place and "in" not in scope:
                    scope["in"] = place  # "420 hectares of rice and corn in Yen Bai": Yen Bai's
                attribute = dimension
            phase_named = self.phases.of(scope["of"], 0, len(scope["of"])) if "of" in scope else None
            if phase_named:
                scope.pop("of")  # "The 150MW first phase of the plant": the size of a phase, not of a good
                scope["phase"] = phase_named
            if "of" in scope:
                words = scope["of"].split()
                if len(words) > 1 and words[-1] in self.classifiers:
                    scope["of"] = " ".join(words[:-1])  # "cinnamon trees": cinnamon
            planted = self.planted.search(view, max(s.start, n.start - _PLANTED_REACH), n.start) \
                if attribute == "measure" and dimension == "area" and "of" not in scope else None
            under = self.under_crop.match(view, end, s.end) \
                if not planted and attribute in ("measure", "area") and dimension == "area" and "of" not in scope else None
            crop = self.goods.canonical((planted or under).group(1)) if planted or under else None
            if crop:
                # ("The province now has 2,340ha under lotus": the lotus area, as planted on it)
                # "The company has planted durian on 850 hectares": the crop's area, the planter's
                scope["of"], attribute = crop, "area"
                subject = subject or self.owners.of_clause(s, n.start) or self.owners.named_of_clause(s, n.start)
            if attribute == "area" and "of" not in scope:
                named = self._area_of(s, n.start)
                if named:
                    scope["of"] = named  # "put the damaged crop area at 780 hectares": the crop area
            flow = self._flow(s, n.start, end)
            if flow:
                scope["flow"] = flow  # exports and imports of one good are two figures
            opening = opening_participle_subject(s, end, with_phrase=True) or trailing_participle_subject(s, n.start) \
                if subject is None else None
            if opening:
                # "Spanning some 38,000 sq m, the terminal will have ...": the main clause's subject
                subject = opening
                attribute = dimension if attribute == "measure" else attribute
            if subject is None and (attribute != "measure" or "flow" in scope):
                # "Dong Thap exported 268,000 tonnes of rice", "Da Nang Port handled 8.3 million tonnes";
                # "Yen Bai Cinnamon Export JSC (Yecinex), the province's largest exporter, shipped
                # 3,200 tonnes": the named shipper's, not a place inside its name
                subject = self.owners.of_clause(s, n.start) or self.owners.named_of_clause(s, n.start) \
                    or self.owners.several_of_clause(s, n.start)
            if subject and owner.attribute and self._attribute_named(subject):
                # "proven reserves of 580 million tonnes": the attribute, not its owner; "The
                # province's total capacity reached 1,500 MW": the possessor's
                possessor = _POSSESSOR.match(subject)
                subject = possessor.group(1) if possessor else None
            wider_area = self.wider_area.in_clause(s, n.start) \
                or ("in" not in scope and self.wider_area.after(view, end, s.end, several="of" in scope))
            if wider_area:
                # "seaports nationwide handled 572 million tonnes", "damaged about 55,000 hectares
                # of crops nationwide": the country's
                scope["in"] = wider_area
            if self.plans.in_clause(s, n.start, scope.get("period"), end) and not (
                    attribute == "capacity" and "per" in scope and dimension in self.design_dimensions
                    and self._designed_only(s, n.start, end)):
                scope["status"] = "plan"  # "aims to raise the share to 30%", "can be expanded to 1,200 MW"
            if self.revisions.in_clause(s, n.start, scope.get("status") == "plan"):
                scope["revised"] = "yes"  # "capacity was raised to 1,200 MW": not the figure it replaces
            if self.revisions.superseded(s, n.start):
                scope["as_of"] = "earlier"  # "was initially estimated at VND540 billion": the first estimate
            if self.increments.before_figure(s, n.start, end):
                scope["added"] = "yes"  # "will add 40,000 square metres of floor space": not the size it reaches
            if self.parts.is_part(s, n.start, end):
                scope["part"] = "yes"  # "the 420 km line, 60 km of it in Vietnam"
            if self.whole.opens(s, n.start) or subject and _WITH_ITS_PARTS.search(subject):
                # "The whole My Thuy port area covers 685 hectares"; "the Tu Lien bridge and its
                # approach roads have a total length of 5.06km": more than the bridge alone
                scope["whole"] = "yes"
            if unfinished is not None and unfinished < n.start:
                scope["which"] = "unfinished"
            elif summed := self._summed(s, n.start):
                scope["which"] = f"several {summed}"  # "12 hydropower plants ..., with a combined capacity of"
            restricted = _RESTRICTED.match(view, end, s.end)
            if restricted:
                # "38,000 hectares of rubber plantations which are being tapped": only those of
                # the whole the relative clause picks out
                scope["which"] = restricted.group(1).lower()
            elif "of" in scope and of_end is not None and s.tokens:
                reduced = _reduced_relative(s.tokens, of_end)
                if reduced:
                    # "4,200 hectares of lychee grown to VietGAP standards": the part a participle
                    # and its phrase pick out, not all the province's lychee
                    scope["which"] = "needed" if reduced in self.need_words else reduced
            if "which" not in scope and dimension == "area" \
                    and self.need_before.search(view, max(s.start, n.start - _NEED_REACH), n.start):
                scope["which"] = "needed"  # "requires 806.4 hectares of land", as "842 ha of land needed"
            ordinal = self.parts.ordinal_before(s, n.start, end)
            if ordinal and "which" not in scope:
                scope["which"] = ordinal  # "with the first 63 MW of its capacity online": some of it
            other = self.others.in_clause(s, n.start, end, subject)
            if other:
                scope["which"] = other  # "650 beds on its old campus": not the new building's beds
            ends = _endpoints(view, s.start, n.start, end, s.end)
            if ends and set(ends.split(" - ")) <= self.months:
                ends = None  # "handled 152.3 million tonnes between January and October": a period, no stretch
            if ends:
                scope["between"] = ends  # "the 422 km railway between Boten and Vientiane": that stretch
            named_good = _OF_NAMED.match(view, end, s.end) if "of" not in scope and dimension == "mass" else None
            named_words = named_good.group(1) if named_good else ""
            traded = self.goods.in_phrase(named_words) or self.goods.in_phrase(named_words.rsplit(" ", 1)[0]) \
                if named_good else None
            if traded:
                # "54,600 tonnes of Bac Giang lychee", "68.5 tonnes of GI Kampot pepper": the good,
                # and the place its name carries, whose trade it is
                scope["of"] = traded[0]
                place = self.owners.place_in(named_good.group(1))
                subject = subject or place
                attribute = dimension if attribute == "measure" else attribute
            said = subject if subject and owner.subject_text == subject else None
            if said is None and subject is None and (owner.attribute or dimension == "mass") and s.tokens:
                # "The rice export volume is estimated at 438,000 tonnes": the attribute's own phrase
                span = subject_words(s.tokens, n.start, s.clause_words)
                said = s.doc.text[span[0]:span[1]] if span else None
            traded = self.goods.in_phrase(said) if said and "of" not in scope else None
            if traded and dimension == "mass" and (traded[1] or attribute in ("mass", "volume")):
                # "The rice export volume is estimated at 438,000 tonnes": the place's trade in rice
                scope["of"] = traded[0]
                attribute = dimension if attribute == "measure" else attribute
                if traded[1]:
                    scope.setdefault("flow", traded[1])
            if dimension == "area" and "of" not in scope and subject and self.goods.canonical(subject) is not None:
                # "In neighbouring Dien Bien province, coffee covers 4,350 ha": the area of the crop,
                # the place's the clause names (else no owner named)
                scope["of"], subject = subject, scope.pop("in", None)
            elif dimension == "area" and subject and (grown := self.goods.in_phrase(subject)) and not grown[1] \
                    and (place := self.owners.place_in(subject)) and scope.get("of", grown[0]) == grown[0]:
                # "The coffee area in Dak Lak province stands at 210,000 hectares": the place's
                # area of the crop, not a thing called "coffee Dak Lak"
                scope["of"], subject = grown[0], place
            if "of" in scope:
                scope["of"] = self.goods.canonical(scope["of"]) or scope["of"]
                if scope["of"] in self.cargo_words:
                    scope["of"] = "cargo"  # "tonnes of goods", "tonnes of cargo": what was carried
            if scope.get("of") in self.own_ground and attribute == "area":
                scope.pop("of")  # "stands on a 4.2-hectare site": the thing's own area
            elif scope.get("of") in self.owner_words and dimension == "area":
                attribute = self.owner_words[scope.pop("of")]  # "16,800 square metres of floor space": floor area
            elif "of" not in scope and dimension == "area" and attribute == dimension:
                named_as = _OF_WHAT.match(view, end, s.end)
                if named_as and named_as.group(1).lower() in self.owner_words:
                    attribute = self.owner_words[named_as.group(1).lower()]  # "It has 16,800 square metres of floor space"
            if attribute == "volume" and dimension == "mass":
                attribute = dimension  # a "volume" in tonnes is the weight of what was shipped
            window = self._window(s) if dimension == "depth" and self.rain_words.search(view, s.start, s.end) else None
            reading = self._window(s) if (dimension in self.readings or attribute in self.reading_attributes) \
                and not window else None
            if reading:
                # "On Monday, salinity at the Son Doc station was measured at 7.6 grams per litre",
                # "The water level at the Pakse station was 9.8 metres on Sunday": a reading of that
                # place over that window, compared only over the same window
                attribute = self.readings.get(dimension, attribute)
                scope = {k: v for k, v in scope.items() if k not in ("of", "period")}
                scope["window"] = reading
                subject = self._reading_place(s, n.start)  # read where: never the sentence's other things
            elif window:
                # "The Mu Cang Chai station measured 358 mm of rainfall in those three days": the
                # rain a place got over one window, compared only over the same window
                attribute = "rainfall"
                scope = {k: v for k, v in scope.items() if k not in ("of", "period")}
                scope["window"] = window  # the days it covers, whether or not read as a period
                if subject is None and s.tokens:
                    span = subject_words(s.tokens, n.start, s.clause_words)
                    span = self._place_name(s, span) if span else None
                    subject = s.doc.text[span[0]:span[1]] if span else None
                if (subject is None or self.rain_words.search(subject)) and s.tokens:
                    subject = self._rain_place_after(s, end) or subject
            buyer = self.buyers.of(s, n.start, end) if dimension == "mass" and scope.get("flow") != "exports" \
                and s.tokens else None
            if buyer:
                # "The Philippines continued to be the largest buyer with 2.78 million tonnes",
                # "followed by Indonesia with 900,000 tonnes": what the buyer bought, as "The
                # Philippines bought 2.87 million tonnes of Vietnamese rice" is
                subject, scope["flow"] = buyer, "imports"
                scope.setdefault("of", UNNAMED_GOOD)  # the article's one traded good, named in resolution
                if "period" not in scope and s.context_period and not running:
                    scope["period"] = s.context_period
            if attribute == "measure" and dimension == "mass" and "flow" in scope and "of" not in scope:
                # "the neighbouring An Giang province exported 128,700 tonnes in the same period": a
                # trade in a good it does not name, the article's one traded good (resolution names
                # it, or leaves the figure uncompared), in the period named before it
                attribute, scope["of"] = dimension, UNNAMED_GOOD
                subject = subject or self.owners.of_clause(s, n.start)
                if "period" not in scope and s.context_period and not running:
                    scope["period"] = s.context_period
            if attribute == "measure" and claims and claims[-1].attribute != "measure" and claims[-1].value.unit == unit \
                    and same_verb(s, self.periods, claims[-1].end, n.start, claims[-1].scope.get("of", "")):
                # "handled 7.1 million tonnes of cargo in 2024 and 3.9 million tonnes in the first
                # half": the second measure is the first one's verb's, of the same thing
                attribute, subject = claims[-1].attribute, claims[-1].subject_text
                scope.update({k: v for k, v in claims[-1].scope.items() if k in ("of", "flow") and k not in scope})
            if s.as_of is not None and self._tallied(s, n.start):
                # "As of April 14, nine fires had burnt 68 ha of forest": a tally of that day, which
                # grows by the day ("By the evening of April 17, ... burning a total of 212 hectares")
                scope["as_of"] = s.as_of.start.isoformat()
            claims.append(make_claim(
                s, "quantity", attribute,
                QuantityValue(low=low_base, high=high_base, unit=unit), n.start if sign > 0 else n.start - 1, end,
                subject_text=subject, scope=scope))
        return claims

    def _designed_only(self, s: Sentence, pos: int, end: int) -> bool:
        """Whether a capacity's plan words only tell what its thing is built for (units.yaml
        design_plan_markers): "is designed to handle 300 tonnes a day" and "has a design capacity
        of 2.3 million tonnes a year" are capacities. Still a plan when a word puts it ahead
        (events.yaml ahead_openers: "the port will have a design capacity of"), when the sentence
        names another thing of the kind before it (entities.yaml other_markers: "A similar plant
        ..., designed to produce"), when the list of its parts follows it ("1.6 million tonnes of
        products a year, including 450,000 tonnes of polypropylene": several products' designs
        summed) or "by" a later year than its article's ("when both phases are completed by 2030")."""
        lo = clause_start(s.view, s.start, pos, s.clause_words)
        if self.ahead.search(s.view, lo, pos) or self.other_marker.search(s.view, s.start, pos) \
                or self.breakdown.search(s.view, end, min(s.end, end + _BREAKDOWN_REACH)) \
                or s.published.start is not None and any(
                int(y.group(1)) > s.published.start.year for y in _BY_YEAR.finditer(s.view, end, s.end)):
            return False
        return all(" ".join(m.group().lower().split()) in self.design_plans
                   for m in self.plans.pattern.finditer(s.view, lo, pos))

    def _attribute_named(self, phrase: str) -> str | None:
        """The size a phrase ends by naming ("Its cable-stayed main span": the main span), if any."""
        words = fold(phrase).split()
        return self.owner_words.get(" ".join(words[-2:])) or self.owner_words.get(words[-1]) if words else None

    def _rain_place_after(self, s: Sentence, end: int) -> str | None:
        """The named place a rainfall figure was recorded at, after it ("The highest rainfall,
        480 mm, was recorded in Truong Thuy commune"); None when no recording verb and link
        follow the figure, or no name follows them."""
        toks = s.tokens
        after = [i for i, t in enumerate(toks) if t.start >= end]
        for i in after[:-2]:
            if toks[i].text.lower() in self.rain_place_verbs and toks[i + 1].text.lower() in self.rain_place_links:
                break
        else:
            return None
        if not toks[i + 2].text[:1].isupper():
            return None
        span = noun_phrase_at(toks, toks[i + 2].start, self.time_nouns)
        return s.doc.text[span[0]:span[1]] if span else None

    def _reading_place(self, s: Sentence, pos: int) -> str | None:
        """The named place a reading was taken at, in its clause before it ("salinity at the Son
        Doc station on the Ham Luong River was measured at 7.6 grams per litre": the Son Doc
        station); None when the clause names none ("the 4 g/l salinity boundary")."""
        lo = clause_start(s.view, s.start, pos, s.clause_words)
        toks = [t for t in s.tokens if lo <= t.start and t.end <= pos]
        for i in range(len(toks) - 1, -1, -1):
            if toks[i].text.lower() == "and" and i and toks[i - 1].text == ",":
                return None  # "..., and the 4‰ salinity boundary": a clause of its own
            if toks[i].text.lower() in self.rain_place_links:
                k = i + 1 + (i + 1 < len(toks) and toks[i + 1].text.lower() == "the")
                if k < len(toks) and toks[k].text[:1].isupper():
                    span = noun_phrase_at(s.tokens, toks[k].start, self.time_nouns)
                    return s.doc.text[slice(*self._place_name(s, span))] if span else None
        return None

    @staticmethod
    def _place_name(s: Sentence, span: tuple[int, int]) -> tuple[int, int]:
        """A place's own name, before the wider place it lies in: "Truong Thuy commune in Le
        Thuy district" -> "Truong Thuy commune", as a name after the figure is read."""
        cut = next((t.start for t in s.tokens if span[0] < t.start < span[1] and t.tag == "IN"), None)
        if cut is None:
            return span
        last = max((t for t in s.tokens if span[0] <= t.start and t.end <= cut), key=lambda t: t.end, default=None)
        return (span[0], last.end) if last is not None and last.is_noun else span

    def _window(self, s: Sentence) -> str | None:
        """The window a rainfall figure or a reading covers, from its sentence: the days it names ("From
        August 22 to the morning of August 24") and the hours or days it counts ("in the 48 hours
        to 7am on September 11", "over the three days"); None when it names neither."""
        days = set()
        for t in s.timexes:
            when = resolve(t, s.published, tuple(s.doc.reference_years), "past", s.anchor)
            if when is not None and when.start is not None and when.end is not None \
                    and (when.end - when.start).days < _WINDOW_DAYS:  # not "this year's highest reading"
                days.add(when.start.isoformat() if when.is_day else f"{when.start.isoformat()}/{when.end.isoformat()}")
        spans = set()
        for m in self.window_span.finditer(s.view, s.start, s.end):
            count = m.group(1).lower()
            spans.add(f"{self.number_words.get(count, count)} {singular(m.group(2).lower())}")
        return ", ".join(sorted(days) + sorted(spans)) or None

    def _tallied(self, s: Sentence, pos: int) -> bool:
        """Whether a disaster's verb governs the figure ("had burnt", "flooded", "destroyed")."""
        i = governing_verb(s.tokens, pos, s.clause_words) if s.tokens else None
        return i is not None and s.tokens[i].text.lower() in self.tally_verbs

    def _summed(self, s: Sentence, pos: int) -> str | None:
        """The things summed when a sum word stands shortly before `pos` after a count of things
        of a kind the story may be about ("12 hydropower plants in operation ..., with a combined
        capacity of" -> "12 plant"), or of any things the sum is told of ("three ships carrying
        a combined 81,500 tonnes" -> "three ship"; not a thing's own parts beside its sum: "began
        operating with 12 pumps and a combined capacity of 60 m3/s" is the thing's capacity),
        nearest first: 18 projects in a plan and 11 farms in operation are two sets, and so are
        their sums. None without such a count."""
        word = self.sum_word.search(s.view, max(s.start, pos - _SUM_REACH), pos)
        if word is None:
            return None
        toks = s.tokens[:bisect_left(s.tokens, word.start(), key=lambda t: t.start)]
        for i in range(len(toks) - 1, -1, -1):
            if toks[i].tag != "CD":
                continue
            for k in range(i + 1, min(i + 4, len(toks))):
                thing = singular(fold(toks[k].text))
                if toks[k].tag == "NNS" and (thing in self.heads or fold(toks[k].text) not in self.time_nouns
                                             and not any(t.text.lower() == "and" for t in toks[k + 1:])):
                    return f"{toks[i].text.lower()} {thing}"
        return None

    def _first_unfinished(self, s: Sentence) -> int | None:
        """Where the sentence first names plural things still being built ("9 industrial parks
        under construction or expansion, with a combined area of"), not one thing ("The
        hospital is being built on a site of 8.6ha"); read once per sentence."""
        for m in self.unfinished_marker.finditer(s.view, s.start, s.end):
            i = bisect_left(s.tokens, m.start(), key=lambda t: t.start)
            if i > 0 and s.tokens[i - 1].tag == "NNS":
                return m.start()
        return None

    def _good_per_time(self, view: str, pos: int, end: int) -> tuple[str, int] | None:
        """A good of one to three words between a unit and a rate ("cubic metres of water per
        second", "tonnes of raw cashew nuts a year"): (what it is per, where its rate starts),
        so the figure is read as a flow, an amount each period or a yield."""
        of = _OF_GOOD.match(view, pos, end)
        if of is None:
            return None
        for at in (of.end(g) for g in (1, 2, 3) if of.group(g)):
            per = self.numbers.rate_after(view, at, end)
            if per:
                return per, at
        return None

    def _base(self, expression: str, low: float | None, high: float | None,
              sign: int) -> tuple[float | None, float | None, str]:
        """The bounds in base units. Most units scale ("2.5 ha" = 25,000 m²); a temperature
        has an offset too ("30°C" = 303.15 K, "-2°C" = 271.15 K), so each bound is converted."""
        factor, unit = _conversion(self.registry, expression)
        offset = _offset(self.registry, expression)
        ends = [None if x is None else _through(self.registry, expression, sign * x) if offset else _mul(x, sign * factor)
                for x in (low, high)]
        if sign < 0:
            ends.reverse()  # "minus 2 to 5": the low end is the larger figure
        return ends[0], ends[1], unit


_WINDOW_DAYS = 14  # a rain window is days long; a month or a year named beside it is no window


_NEED_REACH = 40  # characters before a figure within which a verb of need stands


def _reduced_relative(toks: Tokens, after: int) -> str | None:
    """The participle right after a noun phrase ending at offset `after` that opens a phrase of
    its own ("lychee grown to VietGAP standards", "rice planted in the winter-spring crop"):
    a reduced relative clause that picks out some of what the phrase names."""
    k = bisect_left(toks, after, key=lambda t: t.start)
    if k + 1 < len(toks) and toks[k].tag == "VBN" and toks[k + 1].tag in ("IN", "TO"):
        return toks[k].text.lower()
    return None


@lru_cache(maxsize=4)
def _registry(definitions: str) -> pint.UnitRegistry:
    registry = pint.UnitRegistry()
    registry.load_definitions(definitions)
    return registry


@lru_cache(maxsize=256)
def _conversion(registry: pint.UnitRegistry, expression: str) -> tuple[float, str]:
    """(factor to base units, base unit name) for a unit expression from units.yaml."""
    base = registry.Quantity(1, expression).to_base_units()
    return float(base.magnitude), str(base.units)


@lru_cache(maxsize=256)
def _offset(registry: pint.UnitRegistry, expression: str) -> bool:
    """Whether the unit's zero is not the base unit's zero (degrees Celsius)."""
    return registry.Quantity(0, expression).to_base_units().magnitude != 0


def _through(registry: pint.UnitRegistry, expression: str, x: float) -> float:
    v = round(float(registry.Quantity(x, expression).to_base_units().magnitude), 6)
    return int(v) if v.is_integer() else v


def _mul(x: float | None, factor: float) -> float | None:
    if x is None:
        return None
    v = round(x * factor, 6)
    return int(v) if v.is_integer() else v


# "between the Boten border gate and Vientiane", "from Mu Gia to Vung Ang port": the two named
# ends of the stretch a length measures.
_ENDPOINTS = re.compile(
    r"\b(?:between|from)[ \t]+(?:the[ \t]+)?([A-Z][\w'-]*)(?:[ \t]+[\w'-]+){0,4}?"
    r"[ \t]+(?:and|to)[ \t]+(?:the[ \t]+)?([A-Z][\w'-]*)")


def _endpoints(view: str, lo: int, start: int, end: int, hi: int) -> str | None:
    """The named ends of the stretch a figure measures, right after it ("the 422 km railway
    between Boten and Vientiane") or in an aside before it ("The section, from Mu Gia to Vung
    Ang, is 102 km long"), in a fixed order; None when the clause names none."""
    after = _ENDPOINTS.search(view, end, min(hi, end + 60))
    if after and not re.search(r"[,;]", view[end:after.start()]):
        found = after
    else:
        found = None
        for m in _ENDPOINTS.finditer(view, max(lo, start - 120), start):
            found = m
    if found is None:
        return None
    return " - ".join(sorted((found.group(1).lower(), found.group(2).lower())))

