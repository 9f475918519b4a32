"""Money amounts: figure, scale and ISO 4217 currency, with what the money is for."""

from __future__ import annotations

import re
from bisect import bisect_left, bisect_right

from checker.analyse import Tokens, clause_subject, governing_verb, noun_phrase_at, subject_words, verb_subject
from checker.extract.base import DETERMINERS, INDEFINITE_BEFORE, Sentence, make_claim, renamed_before, state_time, tidy_subject
from checker.extract.figures import (part_of_pattern, Buyers, before_place, EstimatedAt, Fares, Goods, OtherThing, WholeOpener, PartMarkers, PlaceOwners, PlanMarkers, Revisions, Increments, WiderArea, clause_pattern, clause_start, link_pattern,
                                     modified_noun, opening_participle_subject, owner_of, Phases, same_verb)
from checker.extract.numbers import NumberFinder
from checker.extract.reporting import ReportingPeriods
from checker.lexicon import Lexicon
from checker.text import alternation, fold, singular
from checker.models import Claim, MoneyValue


# "were cleared through Moc Bai International Border Gate": the named place goods went through,
# before the clause ends
_GLOSS = re.compile(r"[ \t]*\([^()]{1,40}\)")  # a name's gloss in brackets: "(ADB)"
_THROUGH_NAME = re.compile(r"[^,;.]{0,40}?\b(?:through|via)[ \t]+(?:the[ \t]+)?([A-Z][\w'-]*(?:[ \t]+[A-Z][\w'-]*){0,5})")
_THEN_REACH = 60  # characters before a figure searched for the "when" that opens its clause
_THEN_WORDS = 40  # characters before that "when" read for the moment it hangs from (its last four words)
_FOR_ALL = re.compile(r"[ \t]+for[ \t]+(?:all|both)[ \t]+(?:the[ \t]+)?(?:\w+[ \t]+)?([a-z]+)\b", re.IGNORECASE)  # "for all three phases"
_IN_WHAT = re.compile(r"[ \t]+in[ \t]+((?:[A-Za-z-]+[ \t]+){0,2}[a-z-]+)\b")  # "US$412 million in export revenue", "in State budget revenue"
# characters before a figure within which its good is named ("exported 38,650 head of cattle to
# China through Boten international border checkpoint from January to September, bringing in")
_WORTH_REACH = 160
_HEDGE_REACH = 24  # characters before an amount read for ", with (about)"
_PAID_TO_REACH = 64  # characters after an amount read for "(in taxes and fees) to the state budget"
_PREDICATE_WORDS = 4  # words of the noun phrase after "is": "a non-refundable emergency aid grant"
# what money was spent on, past a bracket that gives the amount again ("US$85 million (about 1.86 trillion kip) on roads")
_SPENT_ON = re.compile(r"(?:[ \t]*\([^()]{0,60}\))?[ \t]+on[ \t]+((?:(?!(?:and|or)\b)[a-z-]+[ \t]+){0,2}(?!(?:and|or)\b)[a-z-]+)\b")
_PREPOSITION_BEFORE = re.compile(r"\bfor[ \t]+$", re.IGNORECASE)  # "the package for <the bridge>"
_EARLIER_REACH = 20  # characters before a figure within which a word marks it as an earlier level
_FROM_BEFORE = re.compile(r",?[ \t]+(?:up[ \t]+|down[ \t]+)?from[ \t]+", re.IGNORECASE)  # between a new level and the old
_FROM = re.compile(r"[ \t]+from[ \t]+((?:[a-z-]+[ \t]*){1,3})", re.IGNORECASE)


# "from the central budget reserve to Quang Ninh": the one place an amount goes to, named after it
_TO_PLACE = re.compile(r"\b(?:to|for)[ \t]+([A-Z][\w'-]*(?:[ \t]+[A-Z][\w'-]*){0,2})")
_AND_NAME = re.compile(r"[ \t]+and[ \t]+([A-Z][\w'-]*(?:[ \t]+[A-Z][\w'-]*){0,2})")
_BRACKETED = re.compile(r"[ \t]*\([^()\n]{0,60}\)")
def _name_start(tokens: Tokens, k: int) -> int:
    """Where the run of capitalised words ending before token k starts (k when there is none)."""
    while k > 0 and tokens[k - 1].text[:1].isupper() and tokens[k - 1].text.isalpha():
        k -= 1
    return k


_THE_PROVINCE = "the province"  # what the resolver reads as the article's own province
_AUXILIARIES = frozenset({"has", "have", "had", "was", "were", "is", "are", "be", "been"})
_RECIPIENT_REACH = 90  # characters after an amount within which the place it goes to is named
_DIGIT = re.compile(r"\d")
_SHARED_REACH = 20  # words after an amount within which "for five provinces" says whom it is for
_FINITE = frozenset({"VBD", "VBZ", "VBP", "MD"})  # a verb that opens a clause of its own
_PURPOSE_REACH = 8  # words after an amount within which "for" or "to <verb>" says what it is for
_PURPOSE_WORDS = 5  # words of that phrase read for its first noun


class MoneyExtractor:
    kind = "money"

    def __init__(self, lexicon: Lexicon, numbers: NumberFinder, periods: ReportingPeriods | None = None) -> None:
        self.phases = Phases(lexicon)
        self.anaphora = frozenset(fold(w) for w in lexicon.entities.anaphora)  # "the project", "the plant"
        self.from_source = re.compile(r"[ \t]+from[ \t]+(?:the[ \t]+|its[ \t]+|their[ \t]+)?((?:[a-z-]+[ \t]+){0,2}(?:"
                                      + alternation(lexicon.nouns.funding_sources) + r"))\b", re.IGNORECASE)
        self.periods = periods or ReportingPeriods.of(lexicon)  # shared by the extractors: read once a sentence
        self.owners = PlaceOwners(lexicon)
        self.goods = Goods(lexicon)
        self.whole = WholeOpener(lexicon.entities.whole_words, lexicon.entities.whole_clause_links)
        self.wider_area = WiderArea(lexicon.places)
        self.place_kinds = frozenset(fold(k) for k in lexicon.places.kinds)
        self.cargo_words = frozenset(fold(w) for w in lexicon.nouns.cargo_words)
        # "41,200 tonnes of coffee worth US$102.5 million", "180,000 tonnes of fresh and frozen
        # durian, worth US$820 million", "182,000 tonnes of durian in the first eight months,
        # earning 760 million U.S. dollars": the good's value (a period or a place may stand between)
        # "786,000 tonnes of potash were shipped abroad, earning": the good, then how it went (flow words)
        traded = alternation(w for w, flow in lexicon.nouns.flow_words.items() if flow in ("exports", "imports"))
        self.good_worth = re.compile(r"\bof[ \t]+((?:[a-z-]+[ \t]+){0,3}?[a-z-]+)(?:[ \t]+(?:in|to|from|during)[ \t]+[^,;]{0,100})?"
                                     r"(?:[ \t]+(?:were|was)[ \t]+(?:" + traded + r")(?:[ \t]+(?:" + traded + r"))?)?"
                                     r"[ \t]*,?[ \t]+(?:" + alternation(lexicon.nouns.good_value_links) + r")[ \t]+(?:"
                                     + alternation(lexicon.hedges.hedges) + r")?[ \t]*$", re.IGNORECASE)
        # "The US bought US$295 million worth of Vietnamese pepper": the good after its value
        self.worth_of = re.compile(r"[ \t]+(?:" + alternation(lexicon.nouns.good_value_links)
                                   + r")[ \t]+of[ \t]+((?:[a-z-]+[ \t]+){0,3}[a-z-]+)\b", re.IGNORECASE)
        # "Vietnam's rice exports ... totaled 6.16 million tonnes, bringing in US$3.68 billion":
        # the value of a volume told with no good of its own, the good its clause's subject trades
        self.volume_worth = re.compile(r"\d[\w.,]*(?:[ \t]+[a-z]+){1,2}[ \t]*,[ \t]*(?:" + alternation(lexicon.nouns.good_value_links)
                                       + r")[ \t]+(?:" + alternation(lexicon.hedges.hedges) + r")?[ \t]*$", re.IGNORECASE)
        self.plans = PlanMarkers(lexicon.events.plan_markers, lexicon.events.estimate_markers,
                                 lexicon.events.fact_openers)
        self.revisions = Revisions(lexicon.events, lexicon.hedges.hedges)
        self.increments = Increments(lexicon.events, lexicon.hedges.hedges)
        self.parts = PartMarkers(lexicon.entities, lexicon.nouns.figure_links.verbs)
        self.estimated = EstimatedAt(lexicon.nouns)
        self.others = OtherThing(lexicon.entities)
        self.fares = Fares(lexicon)
        self.earlier_level = re.compile(r"\b(?:" + alternation(lexicon.nouns.earlier_level_words) + r")[ \t]+$", re.IGNORECASE)
        # a figure inside a clause of another moment: ", when traders paid" (nouns.yaml then_openers)
        self.then_before = re.compile(r",[ \t]+(?:" + alternation(lexicon.nouns.then_openers) + r")[ \t][^,.;]*$", re.IGNORECASE)
        cur = lexicon.currencies
        self.numbers = numbers
        self.suffix = {k.lower(): v for k, v in cur.suffix.items()}
        self.attributes = dict(lexicon.nouns.money_attributes)
        self.source_part = re.compile(r",[ \t]*(?:" + alternation(lexicon.nouns.source_part_openers) + r")[ \t]+(?:[a-z]+[ \t]+)?$",
                                      re.IGNORECASE)
        self.whole_amount = re.compile(r"\b(?:" + alternation(lexicon.nouns.whole_amount_words)
                                       + r")[ \t]+(?:[A-Za-z-]+[ \t]+){0,3}?of[ \t]+$", re.IGNORECASE)
        # "to the (Lao) state budget": up to two words between "the" and the payee
        self.paid_to_attributes = {" ".join(k.lower().split()): v for k, v in lexicon.nouns.paid_to_attributes.items()}
        self.paid_to = re.compile(r"[ \t]+to[ \t]+the[ \t]+(?:[A-Za-z'-]+[ \t]+){0,2}?("
                                  + alternation(lexicon.nouns.paid_to_attributes) + r")\b", re.IGNORECASE)
        self.links = link_pattern(lexicon.nouns.figure_links, list(lexicon.numbers.percent_signs), lexicon.nouns.subject_adverbs)
        self.settings = frozenset(lexicon.nouns.setting_prepositions)
        self.object_verbs = frozenset(lexicon.nouns.object_money_verbs)
        self.period_flows = frozenset(lexicon.nouns.period_flows)
        self.undated = frozenset(lexicon.nouns.undated_money)
        self.lender_money = frozenset(lexicon.nouns.lender_money)
        self.predicate_links = frozenset(lexicon.nouns.predicate_links)
        self.part_owned = frozenset(lexicon.entities.thing_only_attributes)  # a thing's cost: its or its part's
        self.thing_heads = frozenset(fold(h) for h in lexicon.entities.heads if " " not in h)
        self.phase_heads = frozenset(fold(p) for p in lexicon.entities.position_phase_nouns)
        self.phase_numerals = frozenset(fold(n) for n in lexicon.entities.phase_numerals)
        self.part_nouns = frozenset(fold(p) for p in [*lexicon.entities.parts, *lexicon.entities.part_sections,
                                                      *lexicon.spans.part_words] if " " not in p)
        self.occasion_money = frozenset(lexicon.nouns.occasion_money)
        self.edition_heads = frozenset(fold(w).split()[-1] for w in lexicon.events.edition_heads)
        self.purpose_money = frozenset(lexicon.nouns.purpose_money)
        # words that end what an allocation is for ("in Tri Hai", "this year") or say nothing of it
        self.purpose_stops = frozenset(fold(w) for w in [*lexicon.nouns.purpose_stops, *lexicon.entities.time_nouns])
        # a district, commune or town an allocation goes to: "approved VND 1.2 billion for Chu Prong
        # district" is that district's share of a province's response, not the response
        self.local_recipient = re.compile(r"\b(?:to|for)[ \t]+((?:[A-Z][\w'-]*[ \t]+){1,3}(?:"
                                          + alternation(lexicon.places.local_kinds) + r"))s?\b")
        # "spent VND15 billion building a 6-km road": what it was spent doing, as "on roads" says
        self.spent_doing = re.compile(r"(?:[ \t]*\([^()]{0,60}\))?[ \t]+((?:" + alternation(lexicon.nouns.spending_gerunds)
                                      + r")[ \t]+(?:[\w-]+[ \t]+){0,2}[a-z-]+)\b", re.IGNORECASE)
        self.receiving_verbs = frozenset(w.lower() for w in lexicon.nouns.receiving_verbs)
        self.stops = frozenset(lexicon.aliases.stops)
        self.part_of = part_of_pattern(lexicon)  # "The Lao section of the project cost": the section's
        self.generic_investors = frozenset(fold(w) for w in lexicon.nouns.generic_investors)
        self.national_bodies = frozenset(lexicon.nouns.national_bodies)
        self.placing = frozenset(lexicon.events.occasion_venues)  # "The Lao Women's Union in Champasak has donated"
        self.instrument_nouns = frozenset(fold(w) for w in lexicon.nouns.instrument_nouns)
        self.relief_source = re.compile(r"\b(?:" + alternation(lexicon.nouns.relief_sources) + r")\b", re.IGNORECASE)
        self.added_amount = re.compile(r"\b(?:" + alternation(lexicon.nouns.added_amount_links) + r")\b", re.IGNORECASE)
        # "a loan of US$45 million extended by Korea's Economic Development Cooperation Fund": the lender's name
        self.from_lender = re.compile(r"\b(?:" + alternation(lexicon.nouns.lender_links) + r")[ \t]+(?:the[ \t]+)?"
                                      r"([A-Z][\w'-]*(?:[ \t]+(?:of[ \t]+)?[A-Z][\w'-]*){0,7})")
        # between an amount and its "from": nothing, or a short noun phrase with no comma ("in non-refundable aid")
        self.aid_gap = re.compile(r"(?:[ \t]+(?:" + alternation(lexicon.nouns.aid_phrase_links) + r")(?:[ \t]+[a-z-]+){1,3})?[ \t]+")
        self.lender_nations = {fold(form): nation for nation, forms in lexicon.nouns.national_lenders.items() for form in forms}
        self.government_givers = re.compile(r"\b(?:" + alternation(lexicon.nouns.government_givers) + r")\b")
        self.nations = {**{fold(c): fold(c) for c in lexicon.places.countries},
                        **{fold(k): fold(v) for k, v in lexicon.names.nationalities.items()}}
        suf = sorted(self.suffix, key=len, reverse=True)
        self.suffix_re = re.compile(r"[ \t-]?(" + "|".join(re.escape(x) for x in suf) + r")\b", re.IGNORECASE)  # "12.4-billion-baht"
        percents = [k for k, v in lexicon.numbers.percent_signs.items() if v == "percent"]
        self.growth = re.compile(r"\b(?:" + alternation(lexicon.nouns.change_verbs) + r")(?:[ \t]+by)?[ \t]+(?:"
                                 + alternation(lexicon.hedges.hedges) + r")?[ \t]*\d[\d.,]*[ \t]?(?:" + alternation(percents)
                                 + r")(?![\w])", re.IGNORECASE)
        self.buyers = Buyers(lexicon)
        self.subunits = {k.lower(): v for k, v in cur.subunits.items()}
        self.tolerance = cur.conversion_tolerance
        self.subunit_re = re.compile(r"[ \t]?(" + "|".join(
            re.escape(x) for x in sorted(self.subunits, key=len, reverse=True)) + r")\b", re.IGNORECASE)

    def extract(self, s: Sentence) -> list[Claim]:
        return self._conversions(s, self.values(s))

    def values(self, s: Sentence) -> list[Claim]:
        """Every amount as written, before a conversion in brackets is linked to the amount it
        converts: what the value layer shows."""
        view = s.view
        claims: list[Claim] = []
        last_part: Claim | None = None  # the sentence's last amount that is a part (kept, not searched for)
        # a breakdown by source names two or more ("... the rest from the hospital's fund"); a
        # whole cost paid from one source ("cost VND1.6 trillion from the state budget") stays the cost
        by_sources = len(self.from_source.findall(view, s.start, s.end)) > 1
        for n in self.numbers.find(view, s.start, s.end):
            start, end, currency = n.start, n.end, None
            low, high, value = n.low, n.high, n.value
            pm = self.numbers.currency_before(view, max(s.start, n.number_start - 5), n.number_start)
            abbreviated = self.numbers.money_scale(view, end) if n.written.replace(",", "").replace(".", "").isdigit() else None
            if abbreviated:  # "$5m", "1.2bn USD": a scale only money is written with
                factor, scaled_end = abbreviated
                if pm or self.suffix_re.match(view, scaled_end, s.end):
                    end = scaled_end
                    value, low, high = self.numbers.abbreviated(n, factor)
            if pm:
                currency, prefix_start = pm
                if n.hedge is None:
                    start = prefix_start
            else:
                sm = self.suffix_re.match(view, end, s.end)
                if sm:
                    currency = self.suffix[sm.group(1).lower()]
                    end = sm.end()
            if currency is None and not abbreviated:
                um = self.subunit_re.match(view, end, s.end)
                if um:  # "6.4 US cents": a hundredth of a dollar
                    currency, factor = self.subunits[um.group(1).lower()]
                    low, high, value = _scaled(low, factor), _scaled(high, factor), value * factor
                    end = um.end()
            if currency is None:
                continue
            if n.hedge is None and pm:
                # "nearly VND 500 billion": the hedge stands before the currency.
                hedged = self.numbers.hedge_at(view, max(s.start, start - 24), start)
                if hedged:
                    hedge, start = hedged
                    half = (high - low) / 2 if low is not None and high is not None else 0
                    wide = self.numbers.widen(value, half, hedge)
                    low, high = (None if x is None else float(x) for x in wide)
            estimated, object_start = self.estimated.clause(view, s.start, start)
            owner = owner_of(estimated, s.doc.text, object_start, s.end, start, end, self.attributes, self.stops, s.published,
                             s.clause_words, self.periods, self.links, s.tokens, self.settings, self.object_verbs,
                             self.part_of)
            attribute, subject_text = owner.attribute, owner.subject_text
            if attribute == "cost" and subject_text and s.tokens:
                # "Compensation, support and resettlement for the project cost VND1.96 trillion":
                # the compensation the clause's subject names, not the project's whole cost
                attribute, subject_text = self._listed_for(s, start, subject_text) or (attribute, subject_text)
            if attribute == "value" and subject_text:
                words = fold(subject_text).split()
                at = s.doc.text.rfind(subject_text, s.start, start)
                object_of = at > s.start and _PREPOSITION_BEFORE.search(view, max(s.start, at - 6), at) is not None
                own = before_place(words)  # "The 190-metre bridge in Nong Khiaw town, worth": the bridge's
                if own and (own[-1] in self.thing_heads or self._phase_head(own) or " ".join(own) in self.anaphora) \
                        and not {"for", "of"} & set(words) and not object_of:
                    # "A coffee processing plant worth US$24.6 million", "Its first phase, worth US$420
                    # million", "Worth VND 2,400 billion, it was built by": what it cost, as "a US$24.6
                    # million plant" (not "the package for the main bridge, worth": the package's)
                    attribute = "cost"
                subject_text = tidy_subject(s, subject_text, start, end)  # "signed": the clause's subject
                named = _FOR_WHAT.match(subject_text or "")
                kind = self._attribute_of(named.group(1)) if named else None
                if kind in self.undated:
                    # "The contract for the terminal, signed in August 2023 with a value of VND
                    # 38.4 trillion": the terminal's contract value
                    attribute, subject_text = kind, named.group(2)
            # (past a conversion in brackets: "collected VND30.2 trillion (US$1.19 billion) in State
            # budget revenue"; a verb's "revenue" too gives way to the noun that names it)
            converted = _BRACKETED.match(view, end, s.end)
            past_conversion = converted.end() if converted and any(ch.isdigit() for ch in converted.group()) else end
            named_after = _IN_WHAT.match(view, past_conversion, s.end) if attribute in (None, "amount", "revenue") else None
            if named_after:
                # "fetched US$412 million in export revenue", "1.31 billion USD in registered
                # capital": the noun after the figure names what it is
                phrase = " ".join(named_after.group(1).lower().split())
                attribute = self.attributes.get(phrase) or self._attribute_of(phrase) or attribute
                flow = next((self.goods.flows[w] for w in phrase.split() if w in self.goods.flows), None)
                attribute = flow if flow and attribute == "revenue" else attribute  # "in export revenue": exports
            # (up to the clause's next comma: "the VND8.9 trillion the company remitted to the
            # state budget last year", not a payment another clause tells of)
            paid_hi = min(s.end, past_conversion + _PAID_TO_REACH)
            paid_hi = min([paid_hi, *(i for i in (view.find(",", past_conversion, paid_hi), view.find(";", past_conversion, paid_hi)) if i >= 0)])
            paid_to = self.paid_to.search(view, past_conversion, paid_hi) if attribute in (None, "amount", "tax") else None
            if paid_to:
                # "contributed 1,780 billion kip to the Lao state budget": the payer's taxes
                attribute = self.paid_to_attributes[" ".join(paid_to.group(1).lower().split())]
            predicate = self._predicate_noun(s, past_conversion) if attribute in (None, "amount") and not named_after else None
            if predicate:
                attribute = predicate  # "US$9.8 million is a loan from the Asian Development Bank": a loan
            in_what = named_after or _IN_WHAT.match(view, end, s.end)
            kinds = _listed_kinds(s, in_what.start(1)) if in_what and s.tokens else None
            if kinds and (not self._attribute_of(kinds.split()[0]) or paid_to):
                # ("paid LAK 1,320 billion in taxes and fees to the state budget": all it paid)
                kinds = None  # "invested VND 3.2 trillion in roads, power supply and ...": where it went, one investment
            source = _FROM.match(view, end, s.end)
            good = None
            if attribute == "revenue" and source and self._attribute_of(source.group(1)):
                attribute = self._attribute_of(source.group(1))  # "earned US$6.31 billion from exports": exports
                words = source.group(1).lower().split()
                at = next((i for i, w in enumerate(words) if self.attributes.get(w) == attribute), 0)
                good = " ".join(words[:at]) or None  # "from electricity exports": of electricity
            if good is None and attribute == "revenue" and source and self.goods.canonical(source.group(1)):
                good = source.group(1)  # "earned 231.4 million USD from aquatic products": the seafood's
            sold = self.goods.flows.get(source.group(1).split()[0].lower()) if source and attribute == "revenue" else None
            if good is None and sold:
                # "earned 1.02 billion USD from exporting 196,500 tonnes of pepper": the pepper's exports
                attribute = sold
                stop = view.find(", ", source.end(1), s.end)
                good = self.goods.canonical(view[source.end(1):stop if stop >= 0 else s.end])
            worth = self.good_worth.search(view, max(s.start, start - _WORTH_REACH), start)
            if worth and self.goods.canonical(worth.group(1)):
                good = worth.group(1).lower()  # "41,200 tonnes of coffee worth US$102.5 million": the coffee's value
                flow = self.goods.flow_before(view, s.start, worth.start())
                if flow in ("exports", "imports") and attribute in (None, "value", "revenue", "amount"):
                    attribute = flow  # "exported 182,000 tonnes of durian ..., earning": the exports' value
            worth_of = self.worth_of.match(view, end, s.end) if good is None else None
            if worth_of:  # the longest run of its words that names a good ("cashew nuts", not "... to China")
                words = worth_of.group(1).split()
                good = next((" ".join(words[:n]).lower() for n in range(len(words), 0, -1)
                             if self.goods.canonical(" ".join(words[:n]))), None)
            volume = self.volume_worth.search(view, max(s.start, start - _WORTH_REACH), start) \
                if good is None and s.tokens else None
            span = clause_subject(s.tokens, volume.start(), s.clause_words) if volume else \
                clause_subject(s.tokens, start, s.clause_words) if good is None and s.tokens \
                and attribute in (None, "value", "amount", "revenue") else None
            if span and not volume and "," in view[s.tokens[span[1] - 1].end:start]:
                span = None  # "..., putting the sector within reach of the 10-billion-USD mark": not the subject's own
            phrase = s.doc.text[s.tokens[span[0]].start:s.tokens[span[1] - 1].end] if span else None
            traded = self.goods.in_phrase(phrase) if phrase else None
            if traded and traded[1]:
                # "Vietnam's rice exports in the first eight months totaled 6.16 million tonnes,
                # bringing in US$3.68 billion": the value of the subject's exports of that good;
                # "Lotus exports from Dong Thap earned US$11.8 million": what they "earned" too
                good, attribute, subject_text = traded[0], traded[1], phrase
            if good is None and attribute in ("exports", "imports") and s.tokens \
                    and not self.whole_amount.search(view, max(s.start, start - _WORTH_REACH), start):
                # (not "Coffee ..., accounting for 61 per cent of Dak Lak's total export turnover of
                # $1.08 billion": the whole, of every good)
                # "Coconut products from ... Ben Tre fetched US$412 million in export revenue",
                # "Coconut exports from Tra Vinh reached": the good the clause's subject names
                span = clause_subject(s.tokens, start, s.clause_words)
                subject_good = self.goods.canonical(s.doc.text[s.tokens[span[0]].start:s.tokens[span[1] - 1].end]) if span else None
                good = subject_good or good
            traded = self.goods.in_phrase(subject_text) if good is None and subject_text else None
            if traded and (traded[1] or attribute in self.period_flows):
                # "seafood exports brought in 213.4 million USD": the place's exports of seafood
                good = traded[0]
                if traded[1] and attribute in (None, "revenue", "value", "amount"):
                    attribute = traded[1]
            if good:
                good = self.goods.canonical(good) or good
                if attribute == "revenue" and self.goods.canonical(good):
                    # what a good "earned" or "brought in" is what it sold for abroad, unless the
                    # sentence says imports: "Seafood exports brought in" / "earned ... from aquatic products"
                    attribute = self.goods.flow_before(view, s.start, start) or "exports"
            # "The VND11.8 trillion (US$465 million) project": the noun after a conversion in brackets
            after = past_conversion if attribute is None else end
            modified = modified_noun(view, s.start, start, after, s.end, self.phases, s.tokens, 3) if attribute is None else None
            if attribute is not None and attribute != "amount":
                # "Vietnam handed over a US$2.5 million grant": the noun the amount sizes names it
                # more closely than the verb before it
                noun = modified_noun(view, s.start, start, after, s.end, self.phases, s.tokens, 3)
                attribute = (self._attribute_of(s.doc.text[noun[0]:noun[1]]) if noun else None) or attribute
            if modified:
                # "a VND680 billion apron expansion", "a $5 million loan": the amount of the noun after it
                subject_text = s.doc.text[modified[0]:modified[1]]
                attribute = self._attribute_of(subject_text) or "cost"
                renamed = renamed_before(view, s.start, start, self.stops, s.tokens)
                if renamed:
                    # "... the Dongbang Water Supply Plant in Xaythany district, a 78 million USD
                    # project": the amount of the thing the apposition renames
                    subject_text = s.doc.text[renamed[0]:renamed[1]]
                elif INDEFINITE_BEFORE.search(view, max(s.start, start - 4), start):
                    # "Everwin Textile registered a US$45 million project": a thing of the named
                    # investor's own, not the article's main one
                    subject_text = self.owners.named_of_clause(s, start) or subject_text
            if attribute in (None, "amount") and claims and claims[-1].attribute not in (None, "amount") \
                    and same_verb(s, self.periods, claims[-1].end, start):
                # "Two-way trade hit 2.2 billion USD in 2024 and 1.05 billion USD in the first five
                # months": the second amount is the first one's verb's, of the same thing
                attribute, subject_text = claims[-1].attribute, claims[-1].subject_text
            shared = self._shared(s, end)
            given_to = None
            central = attribute in (None, "amount", "relief", "funding", "aid") and self._from_reserve(s, start, end)
            recipient = self._recipient(s, start, end) if central and not shared else None
            if central and not shared:
                # "VND 200 billion went to Quang Ninh", "The central government's VND 30 billion ...
                # has been transferred to the province": the central reserve's relief to that place
                # (the article's province when it names none), whoever signed it
                attribute, subject_text = "relief", recipient or _THE_PROVINCE
            elif attribute in ("aid", "grant"):
                # (a grant is given as aid is: "The Vietnamese Government has provided a US$5.5
                # million grant" is Vietnam's; "upgraded with an aid package of US$5.8 million
                # from the Vietnamese Government" too)
                giver = self._national_source(s, end) or self._giver(s, start)
                lender = None if giver else self._lender(s, end)
                subject_text = giver or (self._country(lender) if lender else None) or subject_text
                given_to = self._named_recipient(s, end)
            elif attribute in self.occasion_money and subject_text is not None \
                    and fold(subject_text).split()[-1:] in ([w] for w in self.instrument_nouns):
                subject_text = self._giver(s, start)  # "signed a decision allocating": the signer's
            elif attribute in self.occasion_money and subject_text is None and not self._received(s, start):
                # "The district ... has allocated VND 500 million from its budget for relief":
                # the district's relief, not the central reserve's ("The province has received
                # VND 15 billion from the central budget reserve": the province gave nothing)
                subject_text = self._giver(s, start)
            if given_to is None and attribute in self.occasion_money:
                local = self.local_recipient.search(view, end, min(s.end, end + _RECIPIENT_REACH))
                if local and not _DIGIT.search(view, end, local.start()):
                    given_to = s.doc.text[local.start(1):local.end(1)]
            buyer = self.buyers.of(s, start, end) if attribute in (None, "value", "amount", "imports") and s.tokens else None
            if buyer:
                # "The US remained the largest single buyer, with US$298 million", "the EU bought
                # US$3.4 billion worth of Vietnamese apparel": the exports to that buyer
                attribute, subject_text = "exports", buyer
            if attribute in (None, "value", "amount") and s.tokens:
                # "Vietnamese goods shipped to Laos were worth US$724 million": what goods a
                # place sent or bought is worth is its exports or imports
                span = clause_subject(s.tokens, start, s.clause_words)
                if span and any(t.text.lower() in self.cargo_words for t in s.tokens[span[0]:span[1]]):
                    attribute = self.goods.flow_before(view, s.tokens[span[0]].start, start) or attribute
            last_word = fold(subject_text).split()[-1:] if subject_text else []
            if last_word and last_word[0] in self.cargo_words:
                # "goods worth 1.12 billion USD were cleared through Moc Bai International Border
                # Gate": the trade of the named gate the goods went through
                gate = _THROUGH_NAME.search(view, end, s.end)
                if gate:
                    subject_text = s.doc.text[gate.start(1):gate.end(1)]
                    attribute = "turnover" if attribute in (None, "value", "amount") else attribute
            if subject_text is not None and fold(subject_text).strip() in self.generic_investors:
                # "Investors registered capital of USD 268 million in the Savan-Seno SEZ": the
                # named place of investment after the figure, else no owner of their own
                into = _IN_NAME.match(view, end, s.end)
                subject_text = s.doc.text[into.start(1):into.end(1)] if into else None
            opened = None
            if attribute is not None:
                # "Built with a grant of 1.1 billion yuan ..., the hospital is", "Funded by a CNY
                # 1.35 billion grant ..., the 1,000-bed hospital": the main clause's subject
                opened = opening_participle_subject(s, end, ("VBN",))
                subject_text = opened or subject_text
            opened_phase = self.phases.of(opened, 0, len(opened), len(opened)) if opened else None
            if opened_phase:
                # "Built at a cost of 6.9 trillion VND, the first phase of the terminal is": the
                # terminal's first phase, as "The first phase of the terminal cost" is
                of = opened.lower().find(" of ")
                subject_text = opened[of + 4:] if of >= 0 and self.phases.of(opened, 0, of, of) else None
            if subject_text is not None and attribute in self.lender_money \
                    and (INDEFINITE_BEFORE.search(subject_text.split(maxsplit=1)[0] + " ")
                         or not opened and INDEFINITE_BEFORE.search(view, max(s.start, start - 4), start)):
                # "funded through a soft loan of Bt 1.83 billion from NEDA", "financed by a US$72.5
                # million loan from the Asian Development Bank": the phrase names the loan itself,
                # introduced with "a", no owner; the lender's loan
                lender = self._lender(s, end)  # ("a grant from the Vietnamese government": Vietnam's)
                subject_text = self._country(lender) if lender else subject_text
                if not lender and not opened and not self._received(s, start):
                    # "The Vietnamese Government is providing a concessional loan of VND1.5
                    # trillion": the lender is the subject of the verb that gives it
                    subject_text = self._giver(s, start) or subject_text
            elif opened and attribute in self.lender_money:
                lender = self._lender(s, end)
                # "Funded by a 50 million USD loan from the Asian Development Bank, the project
                # was": the bank's loan, as "a loan from the ADB" is wherever it stands
                subject_text = self._country(lender) if lender else subject_text
            if subject_text is None and attribute in self.lender_money:
                lender = self._lender(s, end)  # "US$95 million comes as a concessional loan from the EDCF"
                subject_text = self._country(lender) if lender else None
                if subject_text is None and not self._received(s, start):
                    subject_text = self._giver(s, start)  # "The Vietnamese Government is providing a loan of"
            if subject_text is None and attribute is not None:
                # "Dong Thap earned US$141 million from rice"; "The three plants were built ...,
                # bringing the total cost to": their sum
                subject_text = self.owners.of_clause(s, start) or self.owners.several_of_clause(s, start)
            if subject_text is None and attribute in self.part_owned and s.tokens:
                # "The Vietnamese section, 72 km long, was built ... at a cost of 2,950 billion VND":
                # the cost of a part of the story's thing, the sentence's subject
                span = subject_words(s.tokens, start, s.clause_words)
                words = set(fold(s.doc.text[span[0]:span[1]]).split()) if span else set()
                subject_text = s.doc.text[span[0]:span[1]] if words & self.part_nouns else None
            # "earned 1.02 billion USD from exporting 196,500 tonnes of pepper in the first nine
            # months": the period of the goods sold is the money's too
            period = owner.period or (self.periods.period(view, s.start, s.end, source.end(1), s.published, s.tokens)
                                      if sold and good else None) \
                or (None if self.periods.running(view, s.start, start)  # "Since 2021, it has earned"
                    or self.periods.occasional(view, s.start, s.end, start, s.published)
                    else (s.context_period if attribute in self.period_flows else None)
                    or (s.context_period or s.referred_period if self.periods.continues(view, s.start, s.end) else None))
            if period is None and attribute in self.period_flows and self._grown(s, start, end):
                # "tuna exports rose 18 percent to US$960 million": a flow compared with a year
                # before is one for a period, the one its growth rate takes (the lead's, told none)
                period = s.lead_period
            if attribute in self.undated:
                period = None  # "a contract signed in August 2023": the day of signing is no period of the amount
            elif modified and period and not self._period_before_verb(s, start, modified[1]):
                # "Construction of the VND24 billion wharf began in April": the amount sizes the
                # noun it stands before; a period past the clause's verb is the verb's event's
                period = None
            if attribute in self.occasion_money and s.published.start is not None and period == str(s.published.start.year):
                period = None  # "allocated VND 5.4 billion for the fight against HFMD in 2023": this year's occasion
            if attribute in self.period_flows and subject_text and self.edition_heads & set(fold(subject_text).split()) \
                    and s.published.start is not None \
                    and self.periods.period(view, s.start, s.end, start, s.published, s.tokens) is None:
                # "the festival earned 45 billion kip", "Tourism revenue in the town during the
                # festival": an event held every year earns per edition, the article's year's (its
                # sentence naming no other), as "generated 38 billion kip in revenue this year"
                # says; not the period its article's context reports on
                period = str(s.published.start.year)
            scope = {"period": period} if period else {}
            # ("The project received VND4.2 billion from the provincial budget": that source's share)
            source = self.from_source.match(view, end, s.end) \
                if (by_sources or s.tokens and self._received(s, start)) and not central else None
            if central:
                scope["from"] = "central reserve"
            elif source:
                scope["from"] = " ".join(fold(source.group(1)).split())  # "VND520 billion from the provincial budget": that source's share
            if given_to:
                # "Dien Bien handed over VND5 billion to Phongsaly" and "VND2 billion to Oudomxay":
                # one giver's aid to two places is two gifts
                scope["to"] = fold(given_to)
            if shared:
                scope["among"] = shared  # "VND 280 billion ... for five Central Highlands provinces": no one province's
            if good:
                scope["of"] = good
            rate_at = end
            per = self.numbers.rate_after(view, end, s.end)
            if per is None and past_conversion != end:
                # "VND1.25 million (US$49) per tonne": the rate after a conversion in brackets
                rate_at, per = past_conversion, self.numbers.rate_after(view, past_conversion, s.end)
            rate_end = self.numbers.rate.match(view, rate_at, s.end).end() if per else end
            if per:  # "VND5 million per month" is a rate: compared only with rates per the same thing
                scope["per"] = per
                attribute = attribute or "price"  # "EVN will pay 6.4 US cents per kWh": what one unit costs
            if per and subject_text is None and s.tokens:
                # "Thieu lychee sold at 22,000-26,000 VND per kg": the price of a good, the
                # clause's subject, which is what is priced rather than who owns the figure;
                # "Traders are buying white salt ... for 1,580 VND per kg": the object of a trade
                traded_good = self.owners.traded_good(s, start, s.clause_words)
                span = None if traded_good else subject_words(s.tokens, start, s.clause_words)
                # (but "traders in Gia Lai Province paid VND 125,000 a kilogram": who pays, no good)
                if traded_good:
                    scope["of"] = traded_good
                elif span and not self.owners.traders_only(s.doc.text[span[0]:span[1]]):
                    scope["of"] = fold(s.doc.text[span[0]:span[1]])
            of_at = _OF.match(view, rate_end, s.end) if per and s.tokens else None
            priced = _noun_phrase_after_of(s.tokens, of_at.end()) if of_at else None
            if priced:
                scope["of"] = fold(s.doc.text[priced[0]:priced[1]])  # "VND38,000 per kilogram of live pig": that good's price
            elif per and s.tokens and "of" not in scope and (for_at := _FOR.match(view, rate_end, s.end)):
                # "traders are paying 60,000 kip per kg for fresh leaves": what the price buys (a
                # good of goods named so stays the story's, as "Pepper prices ... climbed to" is)
                bought = _noun_phrase_after_of(s.tokens, for_at.end())
                if bought and not self.owners.traders_only(s.doc.text[bought[0]:bought[1]]) \
                        and not self.goods.canonical(s.doc.text[bought[0]:bought[1]]) \
                        and not self.fares.class_words.search(view, bought[0], bought[1]):
                    scope["of"] = fold(s.doc.text[bought[0]:bought[1]])
            if self.numbers.is_difference(view, rate_end, s.end):
                scope["measure"] = "difference"  # "fetched 5,000 VND per kg more": above the others' price
            for_all = self._for_all_phases(view, end, s.end)
            phase = None if for_all else self.phases.of(view, s.start, start) or self.phases.of_subject(s, start) or opened_phase
            if phase:
                scope["phase"] = phase
            if kinds:
                scope["kinds"] = kinds  # "paid 312 billion kip in royalties, taxes and fees": their sum, not the royalties
            sourced = bool(claims) and self.source_part.search(view, max(s.start, start - _HEDGE_REACH), start) is not None \
                and _FROM.match(view, end, s.end) is not None
            if recipient is None and (self.parts.is_part(s, start, end) or sourced
                                      or last_part is not None and view[last_part.end:start].split()[-1:] == ["and"]):
                # ("The project cost VND 45 billion, with VND 30 billion from the Blue Shore
                # Foundation": the money one source gave, a part of the amount before it)
                # "the 420 km line, 60 km of it in Vietnam"; "of which US$48 million came from a
                # loan ... and US$14 million from the Lao government budget": each a part (a place's
                # share of an allocation is that place's whole relief)
                scope["part"] = "yes"
            if self.whole.opens(s, start) or subject_text and self.whole.names(subject_text):
                # "The wider port, estimated to cost about US$560 million"; "The investment for the
                # whole line is estimated at VND 71 trillion"
                scope["whole"] = "yes"
            wider = self.wider_area.in_clause(s, start)
            if wider:
                scope["in"] = wider  # "Nationwide, durian exports reached US$2.6 billion": the country's
            purpose = self._purpose(s, end) if attribute in self.purpose_money and not given_to and s.tokens else None
            if purpose:
                # "set aside VND12 billion this year to upgrade dykes" and "earmarked VND4.5 billion
                # for new canals": one giver's allocations for two works are two allocations
                scope["for"] = purpose
            spent_on = _SPENT_ON.match(view, end, s.end) or self.spent_doing.match(view, end, s.end)
            if spent_on and spent_on.group(1).lower() not in DETERMINERS \
                    and not self._names_itself(spent_on.group(1)):  # not "on a 195-hectare site", "on the phase"
                # "foreign investors spent $260 million on capital contributions and share
                # purchases": money for that, not a thing's investment
                scope["on"] = " ".join(spent_on.group(1).lower().split())
            if not period and s.published.start is not None and self.periods.running(view, s.start, start):
                # "Since 2015, Thanh Hoa has provided Houaphan with more than 120 billion dong in
                # aid": a total to the day it was told, no one gift
                scope["as_of"] = s.published.start.isoformat()
            if s.as_of is not None and s.as_of.start is not None and not period:
                # "As of June 30, VND7.2 trillion had been paid": that day's total (a stated
                # period is the figure's own time, whatever day its report came out)
                scope["as_of"] = s.as_of.start.isoformat()
            then = self.then_before.search(s.view, max(s.start, start - _THEN_REACH), start) \
                if "as_of" not in scope and not period else None
            if then:
                # "more than 50% above the start of the year, when traders paid 98,000-100,000 VND per
                # kg": the price of the moment the clause hangs from ("start of the year"), not the
                # article's day
                scope["as_of"] = " ".join(fold(s.view[max(s.start, then.start() - _THEN_WORDS):then.start()]).split()[-4:])
            if self.plans.in_clause(s, start, scope.get("period"), end):
                scope["status"] = "plan"  # "the second phase is estimated to cost VND680 billion"
            if self.revisions.in_clause(s, start, scope.get("status") == "plan"):
                scope["revised"] = "yes"  # "now estimated at 6.4 billion": it replaces an earlier figure
            if self.revisions.superseded(s, start):
                scope["as_of"] = "earlier"  # "was initially estimated at VND540 billion": the first estimate
            if self.increments.before_figure(s, start, end):
                scope["added"] = "yes"  # "a further VND2.3 billion": a top-up, not the whole sum
            phrase = subject_text
            if phrase is None and s.tokens:
                # "..., while the old T1 building, in use since 2008, would be renovated at a
                # cost of VND180 billion": another thing as the clause's subject, however far back
                span = clause_subject(s.tokens, start, s.clause_words)
                phrase = s.doc.text[s.tokens[span[0]].start:s.tokens[span[1] - 1].end] if span else None
            other = None if owner.described else self.others.in_clause(s, start, end, phrase)
            if other:
                scope["which"] = other  # "650 beds on its old campus": not the new building's beds
            fare = self.fares.scope(s, start, end) if attribute in (None, "amount", "cost", "price") else None
            if fare:
                # "A one-way ticket for an adult costs VND250,000": the story's service's fare for that class
                attribute, subject_text = "fare", self.fares.paid_at_place(s, start)
                scope.update(fare)
                if self.fares.ahead(s):
                    scope["status"] = "plan"  # "From January 1, 2025, an adult ticket will rise to": a fare to come
            if claims and _FROM_BEFORE.fullmatch(view, claims[-1].end, start) \
                    or self.earlier_level.search(view, max(s.start, start - _EARLIER_REACH), start):
                # "will rise to 25,000 kip from 15,000 kip", "double the previous 5,000 kip": the level it leaves
                scope["level"] = "earlier"
            claims.append(make_claim(
                s, "money", attribute or "amount",
                MoneyValue(low=_num(low), high=_num(high), currency=currency), start, end,
                subject_text=subject_text, scope=scope,
                time=None if period else state_time(s)))  # "in 2023": the figure for a stated period
            if claims[-1].scope.get("part"):
                last_part = claims[-1]
        return claims

    def _conversions(self, s: Sentence, claims: list[Claim]) -> list[Claim]:
        """"VND8.6 trillion (US$350 million)": the amount in brackets is the one before it in
        another currency. It takes that amount's attribute, owner, scope and time, and a rate of
        the day's leeway (currencies.yaml conversion_tolerance), so it is compared with amounts
        written in its own currency."""
        out: list[Claim] = []
        for c in claims:
            first = out[-1] if out else None
            if first is not None and first.value.currency != c.value.currency \
                    and _BRACKET.fullmatch(s.view, first.end, c.start):
                # (whatever words near it the bracketed figure was read with: "ticket sales bringing
                # in VND198 billion (nearly US$8 million)" is no fare in dollars)
                low = None if c.value.low is None else _num(c.value.low * (1 - self.tolerance))
                high = None if c.value.high is None else _num(c.value.high * (1 + self.tolerance))
                c = c.model_copy(update={"attribute": first.attribute, "subject_text": first.subject_text,
                                         "scope": first.scope, "time": first.time, "converts": first.id,
                                         "value": c.value.model_copy(update={"low": low, "high": high})})
            out.append(c)
        return out

    def _from_reserve(self, s: Sentence, start: int, end: int) -> bool:
        """The central reserve is named right after the amount ("VND 30 billion from the central
        reserve"), or before it in its clause with no other amount or added one between ("Of the
        Government's support from the central reserve, Quang Binh received VND 45 billion")."""
        view = s.view
        bracket = _BRACKETED.match(view, end, s.end)
        end = bracket.end() if bracket else end  # "VND230 billion (US$9.2 million) from the central budget reserve"
        after = self.relief_source.search(view, end, min(s.end, end + _RECIPIENT_REACH))
        if after and not _DIGIT.search(view, end, after.start()):
            return True
        before = None
        lo = clause_start(view, s.start, start, s.clause_words)
        for before in self.relief_source.finditer(view, lo, start):
            pass
        # ("earmarked VND80 billion from the central reserve ..., in addition to VND25 billion
        # that the province has spent": another amount, not the reserve's)
        return before is not None and not _DIGIT.search(view, before.end(), start) \
            and not self.added_amount.search(view, before.end(), start)

    def _recipient(self, s: Sentence, start: int, end: int) -> str | None:
        """The one listed place an allocation goes to: the subject of a receiving verb before it
        ("Son La will receive VND 50 billion"), or "to Quang Ninh", "for Quang Binh" after it
        (before any other figure; an amount in brackets is the same one)."""
        view = s.view
        i = governing_verb(s.tokens, start, s.clause_words) if s.tokens else None
        if i is not None and s.tokens[i].text.lower() in self.receiving_verbs:
            # the capitalised words right before the verb and its auxiliaries ("Son La will receive"),
            # or right before the amount when the verb is not repeated ("and Dien Bien VND 20 billion")
            k = bisect_right(s.tokens, start, key=lambda t: t.end)
            first = _name_start(s.tokens, k)
            if 0 < first < k and s.tokens[first - 1].text.lower() == "and" \
                    and self._place(gapped := s.doc.text[s.tokens[first].start:s.tokens[k - 1].end]):
                return gapped
            k = i
            while k > 0 and (s.tokens[k - 1].tag in ("MD", "RB") or s.tokens[k - 1].text.lower() in _AUXILIARIES):
                k -= 1
            first = _name_start(s.tokens, k)
            name = s.doc.text[s.tokens[first].start:s.tokens[k - 1].end] if first < k else None
            return name if name and self._place(name) else None
        return self._named_recipient(s, end)

    def _named_recipient(self, s: Sentence, end: int) -> str | None:
        """"to Quang Ninh", "for Quang Binh" after an amount ending at `end`, before any other
        figure (an amount in brackets is the same one): the one listed place it goes to."""
        view = s.view
        bracket = _BRACKETED.match(view, end, s.end)
        end = bracket.end() if bracket else end  # "150 billion VND (about 5.7 million U.S. dollars) ... to Quang Ninh"
        to = _TO_PLACE.search(view, end, min(s.end, end + _RECIPIENT_REACH))
        if to and not _DIGIT.search(view, end, to.start()):
            name = s.doc.text[to.start(1):to.end(1)]
            also = _AND_NAME.match(view, to.end(1), s.end)
            if self._place(name) and not (also and self._place(also.group(1))):
                return name
        return None

    def _purpose(self, s: Sentence, end: int) -> str | None:
        """What an allocation is for, when the first common noun of the "for ..." or "to <verb> ..."
        phrase after the amount in its clause names a thing (entities.yaml heads): "VND12 billion
        this year to upgrade dykes, sluice gates and field roads" -> "dyke"; "for new canals" ->
        "canal"; None for "for outbreak response", which names no work."""
        toks = s.tokens
        at = bisect_left(toks, end, key=lambda t: t.start)
        opener = None
        for k in range(at, min(len(toks), at + _PURPOSE_REACH)):
            t = toks[k]
            if t.text in (".", ";", ",") or t.tag in _FINITE:
                return None
            if t.text.lower() == "for" or t.text.lower() == "to" and k + 1 < len(toks) and toks[k + 1].tag == "VB":
                opener = k + (2 if t.text.lower() == "to" else 1)
                break
        if opener is None:
            return None
        for t in toks[opener:opener + _PURPOSE_WORDS]:
            if t.text in (".", ";", ",") or t.tag in _FINITE or fold(t.text) in self.purpose_stops:
                return None
            if t.tag in ("NN", "NNS"):
                noun = singular(fold(t.text))
                return noun if noun in self.thing_heads else None  # ("for outbreak response": no work)
        return None

    def _place(self, name: str) -> bool:
        return fold(name) in self.wider_area.places

    def _for_all_phases(self, view: str, end: int, hi: int) -> bool:
        """Whether the amount is said to be for all of a thing's phases ("a total investment of
        VND17.2 trillion for all three phases", "for both phases"): the whole's, not a phase's."""
        m = _FOR_ALL.match(view, end, hi)
        return m is not None and self.phases.is_noun(singular(fold(m.group(1))))

    def _shared(self, s: Sentence, end: int) -> str | None:
        """"for five Central Highlands provinces" after an amount, in its clause: the places it is
        shared among, as "five provinces"."""
        at = bisect_left(s.tokens, end, key=lambda t: t.start)
        after = s.tokens[at:at + _SHARED_REACH]
        for i, t in enumerate(after[:-2]):
            if t.text in (".", ";") or t.tag in _FINITE:
                return None
            if t.text.lower() not in ("for", "to", "among", "between"):
                continue
            j = i + 2 if after[i + 1].text.lower() == "the" and after[i + 2].tag == "CD" else i + 1  # "to the two localities"
            if after[j].tag == "CD" or after[j].text[:1].isupper():
                # "for five Central Highlands provinces", "to Lao Cai and Yen Bai provinces", "to Ben
                # Tre, Tra Vinh, Soc Trang and Kien Giang provinces"
                joined = False
                for k, u in enumerate(after[j + 1:j + 15], j + 1):
                    low = u.text.lower()
                    if singular(low) != low and singular(low) in self.place_kinds:
                        return " ".join(w.text.lower() for w in after[j:k + 1]).replace(" ,", ",") \
                            if after[j].tag == "CD" or joined else None
                    joined = joined or low in ("and", ",")
                    if not (u.text[:1].isupper() or u.tag.startswith("JJ") or low in ("and", ",")):
                        break
        return None

    def _giver(self, s: Sentence, start: int) -> str | None:
        """Who gave an aid amount: the possessor ("The Lao Government's aid of 200,000 USD"), else
        the subject of the verb that governs it ("The Vietnamese Government has provided
        emergency aid of US$200,000"), not the place after it ("The Lao Women's Union in Champasak
        has donated"); a possessive subject ("Vietnam's neighbouring Ha Tinh
        province") names no giver."""
        possessor = _POSSESSOR.search(s.view, max(s.start, start - 60), start)
        if possessor:
            return self._country(s.doc.text[possessor.start(1):possessor.end(1)])
        giver = verb_subject(s.tokens, start, s.clause_words, self.placing) if s.tokens else None
        if giver is None and s.tokens and _coordinated(s.tokens, start, s.clause_words):
            # "The district has provided rice and blankets, and has allocated VND 500 million":
            # the second verb's giver is its clause's subject
            span = clause_subject(s.tokens, start, s.clause_words)
            giver = (s.tokens[span[0]].start, s.tokens[span[1] - 1].end) if span else None
        if giver is not None and fold(s.doc.text[giver[0]:giver[1]]).split()[-1:] in ([w] for w in self.instrument_nouns):
            giver = None  # "a decision allocating VND230 billion" gives on its signer's behalf
        if giver is None and s.tokens:
            # "Deputy Prime Minister Hoang Trung Kien signed a decision allocating VND230 billion":
            # the one who signed the decision
            i = governing_verb(s.tokens, start, s.clause_words)
            if i is not None and i > 0 and s.tokens[i].tag == "VBG" and s.tokens[i - 1].is_noun:
                span = clause_subject(s.tokens, s.tokens[i - 1].start, s.clause_words)
                giver = (s.tokens[span[0]].start, s.tokens[span[1] - 1].end) if span else None
        words = s.doc.text[giver[0]:giver[1]] if giver and giver[1] <= start else ""
        if words and self.government_givers.search(fold(words)):
            return "Government"
        if words and not words.endswith(("'s", "\u2019s")):
            return self._country(words)
        return None

    def _names_itself(self, phrase: str) -> bool:
        """"spent VND3.9 trillion on the phase", "on the project": the thing the story is about
        (entities.yaml anaphora), or a phase of it, not another object of the spending."""
        words = fold(phrase).split()
        return " ".join(words) in self.anaphora or (len(words) == 2 and words[0] in DETERMINERS and self.phases.is_noun(words[1]))

    def _lender(self, s: Sentence, end: int) -> str | None:
        """The named lender after a loan or grant, in its clause: "from the Economic Development
        Cooperation Fund (EDCF) of the Republic of Korea" -> the fund's name, before its brackets."""
        m = self.from_lender.search(s.view, end, _clause_end(s, end))
        return s.doc.text[m.start(1):m.end(1)] if m else None

    def _national_source(self, s: Sentence, end: int) -> str | None:
        """The country an aid amount comes "from" in its own phrase ("built with non-refundable aid
        of VND62 billion from the Vietnamese Government", "US$14.5 million in non-refundable aid
        from Vietnam"): its giver, whatever the verb's subject is (the thing built with it)."""
        m = self.from_lender.search(s.view, end, _clause_end(s, end))
        if m is None or not self.aid_gap.fullmatch(s.view, end, m.start()):
            return None
        country = self._country(s.doc.text[m.start(1):m.end(1)])
        return country if fold(country) in self.nations else None

    def _period_before_verb(self, s: Sentence, start: int, noun_end: int) -> bool:
        """Whether the figure at `start`, sizing the noun that ends at `noun_end`, has a period
        before the first finite verb past that noun: one after the verb dates the verb's event."""
        verb = next((t for t in s.tokens if t.start >= noun_end and t.tag in _FINITE), None)
        hi = verb.start if verb is not None else s.end
        return self.periods.period(s.view, s.start, hi, start, s.published, s.tokens) is not None

    def _grown(self, s: Sentence, start: int, end: int) -> bool:
        """Whether a growth rate stands in the amount's own clause, before it ("rose 18 percent
        to") or after it ("US$900 million, up 18%")."""
        lo = clause_start(s.view, s.start, start, s.clause_words)
        return self.growth.search(s.view, lo, _clause_end(s, end)) is not None

    def _received(self, s: Sentence, start: int) -> bool:
        i = governing_verb(s.tokens, start, s.clause_words) if s.tokens else None
        return i is not None and s.tokens[i].text.lower() in self.receiving_verbs

    def _country(self, giver: str) -> str:
        """"The Vietnamese Government", "the State of Vietnam", "the Economic Development
        Cooperation Fund" (nouns.yaml national_lenders): the country, as a giver."""
        giver = _GLOSS.sub("", giver)  # "The Vietnamese Government (GOV)": its gloss names it again
        lender = " ".join(w for w in fold(giver).split() if w not in DETERMINERS)
        own = _NATION_OWNED.match(lender)  # "Korea's Economic Development Cooperation Fund": its own agency
        if own and self.lender_nations.get(own.group(2)) == self.nations.get(own.group(1)):
            lender = own.group(2)
        if lender in self.lender_nations:
            return self.lender_nations[lender].title()
        words = [w for w in fold(giver).replace("'s", "").split() if w not in self.national_bodies and w != "of"]
        if len(words) == 1 and words[0] in self.nations:
            return self.nations[words[0]].title()
        return giver

    def _phase_head(self, words: list[str]) -> bool:
        """Whether folded words end in a phase of a thing built ("its first phase", "Phase 2",
        "Phase II"): the phase is a part of the thing, and what it is worth is what it costs."""
        while words and (words[-1].isdigit() or words[-1] in self.phase_numerals):
            words = words[:-1]
        return bool(words) and words[-1] in self.phase_heads

    def _listed_for(self, s: Sentence, start: int, subject_text: str) -> tuple[str, str] | None:
        """(attribute, owner) when the clause before the amount opens with another money noun, alone
        or in a list, "for" or "of" its owner ("Compensation, support and resettlement for the
        project cost"), and the owner words read so far are that owner's; else None."""
        phrase = s.doc.text[clause_start(s.view, s.start, start, s.clause_words):start].strip()
        m = _LISTED_FOR.match(phrase)
        kind = self.attributes.get(fold(m.group(1))) if m else None
        if kind is None or kind == "cost" or fold(subject_text) not in fold(m.group(2)):
            return None
        return kind, m.group(2)

    def _predicate_noun(self, s: Sentence, end: int) -> str | None:
        """The money attribute of the noun phrase a form of "be" right after the amount ends in
        ("US$9.8 million is a loan from ...", "VND30 billion was emergency relief"), if any."""
        i = bisect_left(s.tokens, end, key=lambda t: t.start)
        if i >= len(s.tokens) or s.tokens[i].text.lower() not in self.predicate_links:
            return None
        i += 1
        if i < len(s.tokens) and s.tokens[i].tag == "DT":
            i += 1
        first = i
        while i < len(s.tokens) and i - first < _PREDICATE_WORDS and (s.tokens[i].is_noun or s.tokens[i].tag.startswith("JJ")):
            i += 1
        if i == first or not s.tokens[i - 1].is_noun or i < len(s.tokens) and s.tokens[i].text.lower() == "of":
            return None  # ("is the cost of the road": the road's, which this does not read)
        return self._attribute_of(s.tokens[i - 1].text)

    def _attribute_of(self, phrase: str) -> str | None:
        """The money attribute a noun names ("loan", "grant"), read from its last word back."""
        words = phrase.lower().split()
        return next((self.attributes[w] for w in reversed(words) if w in self.attributes), None)


# "Compensation, support and resettlement for the project": a money noun opening a list, then its owner
_LISTED_FOR = re.compile(r"^(?:(?:the|its)[ \t]+)?([\w-]+)(?:[ \t]*,[ \t]*[\w-]+)*(?:,?[ \t]+and[ \t]+[\w-]+)?"
                         r"[ \t]+(?:for|of)[ \t]+(.+)$", re.IGNORECASE)
_FOR_WHAT = re.compile(r"^((?:the|a|an|its)?[ \t]*[\w-]+)[ \t]+(?:for|of)[ \t]+(.+)$", re.IGNORECASE)
# between an amount and its conversion: "VND1.99 million (about US$82)"; the hedge is the conversion's own
# "... in the Savan-Seno Special Economic Zone (SEZ)": a capitalised name after "in"
_IN_NAME = re.compile(r"[ \t]+in[ \t]+(?:the[ \t]+)?([A-Z][\w'-]*(?:[ \t]+(?:of[ \t]+)?[A-Z][\w'-]*){0,6})")
_NATION_OWNED = re.compile(r"([a-z]+)['\u2019]s[ \t]+(.+)")
_BRACKET = re.compile(r"[ \t]*\([ \t]*", re.IGNORECASE)
_OF = re.compile(r"[ \t]+of[ \t]+")
_FOR = re.compile(r"[ \t]*\bfor[ \t]+")
_POSSESSOR = re.compile(r"((?:[A-Z][\w-]*[ \t]+){0,3}[A-Z][\w-]*)['\u2019]s[ \t]+(?:[\w-]+[ \t]+){1,3}$")


def _noun_phrase_after_of(toks: Tokens, pos: int) -> tuple[int, int] | None:
    """The noun phrase at `pos`, right after "of" or "for": no verb stands there, so a base verb
    before a noun is the tagger's slip for an adjective ("per kilogramme of live pig"), and a
    verb in -s after an adjective its slip for a plural noun ("per kg for fresh leaves")."""
    at = bisect_left(toks, pos, key=lambda t: t.start)
    if at + 1 < len(toks) and toks[at].start == pos and toks[at].tag in ("VB", "VBP") and toks[at + 1].is_noun:
        tail = noun_phrase_at(toks, toks[at + 1].start)
        return (pos, tail[1]) if tail else None
    if at + 1 < len(toks) and toks[at].start == pos and toks[at].tag == "JJ" and toks[at + 1].tag == "VBZ":
        return pos, toks[at + 1].end  # "for fresh leaves": a plural noun the tagger read as a verb after its adjective
    return noun_phrase_at(toks, pos)


def _clause_end(s: Sentence, pos: int) -> int:
    """Where the clause holding `pos` ends: the next clause's opening (the data's conjunctions,
    a semicolon), else the sentence's end."""
    m = clause_pattern(s.clause_words).search(s.view, pos, s.end)
    return m.start() if m else s.end


def _scaled(x: float | None, factor: int) -> float | None:
    return None if x is None else x * factor


def _num(x: float | None) -> float | None:
    if x is None:
        return None
    return int(x) if float(x).is_integer() else round(x, 6)


def _coordinated(toks: Tokens, pos: int, clause_words: frozenset[str]) -> bool:
    """Whether the verb governing the words at `pos` follows "and", past its auxiliaries: a
    second predicate of the clause's subject ("..., and has allocated")."""
    i = governing_verb(toks, pos, clause_words)
    while i is not None and i > 0 and toks[i - 1].is_verb:
        i -= 1
    return i is not None and i > 0 and toks[i - 1].text.lower() == "and"


def _listed_kinds(s: Sentence, pos: int) -> str | None:
    """The words of a list of kinds an amount is in, when the noun after "in" at `pos` is its
    first item ("in royalties, taxes and fees" -> "royalties taxes fees"): the amount is the
    sum of them all. Each item is adjectives then nouns; the list ends with the item after
    "and". None for one kind, or when the list goes on with another figure ("in royalties and
    154 billion kip in profit tax")."""
    toks = s.tokens
    i = bisect_left(toks, pos, key=lambda t: t.start)
    words: list[str] = []
    listed = last = False
    while i < len(toks) and toks[i].start < s.end:
        t = toks[i]
        nouns_before = bool(words) and toks[i - 1].tag in ("NN", "NNS")
        if t.tag in ("NN", "NNS") or t.tag == "JJ" and not nouns_before:
            words.append(t.text.lower())
        elif t.text in (",", "and") and not last and nouns_before and i + 1 < len(toks) \
                and toks[i + 1].tag in ("NN", "NNS", "JJ"):
            listed, last = True, t.text == "and"
        else:
            break
        i += 1
    return " ".join(words) if listed else None
