"""Percentages: a share of a whole ("0.9% of total exports") or a change ("30% increase")."""

from __future__ import annotations

import re
from bisect import bisect_left

from checker.extract.base import DETERMINERS, Sentence, make_claim, np_before, phrase_after, phrase_before, sentence_subject, state_time, tidy_subject
from checker.extract.figures import (FROM_NAME, Fares, clause_pattern, same_verb, subject_cut, Goods, OtherThing, Phases, PlaceOwners, PlanMarkers, WiderArea, attribute_before, attribute_of_named,
                                     clause_start, of_name, relative_antecedent, share_of_group)
from checker.extract.numbers import NumberFinder
from checker.extract.reporting import ReportingPeriods
from checker.analyse import Token, Tokens, clause_subject, governing_verb, head_compound, subject_words, verb_subject
from checker.lexicon import Lexicon
from checker.text import alternation, fold, singular
from checker.models import Claim, PercentValue

_NOUN_AFTER = re.compile(r"[ \t]+([a-z]+(?:[ \t]+[a-z]+)?)")
_THING_REACH = 160  # characters before a growth rate searched for what grew
_AND = re.compile(r",?[ \t]+and[ \t]+")  # "up 10.2% in volume and 23.4% in value"
_PART_REACH = 160  # characters after a share within which its clause tells where its part goes
_PART_END = re.compile(r"[,;]|[ \t]and[ \t]")  # "60% of its output was sold in Vietnam and the remainder ..."
_RELATIVE_BEFORE = re.compile(r",[ \t]*which[ \t]*$")  # "..., which covered 90 percent"
_FUNDING_REACH = 60  # characters before such a relative searched for the money it stands for ("a grant of ...")
_MORE_BUYERS = re.compile(r"(?:,|[ \t]+and)[ \t]+[A-Z]")  # "to Japan and Korea", "to Japan, Korea"
_DONE_REACH = 40  # characters after a share's whole read for the word that says it is done
_SHARE_OF = re.compile(r"^[ \t]+of[ \t]+", re.IGNORECASE)


_ADJECTIVES = frozenset({"JJ", "JJR", "JJS"})
_STAKE_REACH = 12  # characters before a percentage searched for the verb of holding ("owns")
_BASE_WORDS = 4  # words after a growth's base link that name its base ("on the previous crop")
_BASE_REACH = 60  # characters after the link those words are read from
_SENT_REACH = 40  # characters past a share's whole within which "went to <buyer>" is read

_WITH_A = re.compile(r",[ \t]*with[ \t]+(?:a|an)[ \t]+$", re.IGNORECASE)  # "the Chinese market, with a 32% increase"

class PercentExtractor:
    kind = "percent"

    def __init__(self, lexicon: Lexicon, numbers: NumberFinder, periods: ReportingPeriods | None = None) -> None:
        self.periods = periods or ReportingPeriods.of(lexicon)  # shared by the extractors: read once a sentence
        self.others = OtherThing(lexicon.entities)
        self.fares = Fares(lexicon)
        self.phases = Phases(lexicon)
        self.wider_area = WiderArea(lexicon.places)
        self.place_kinds = frozenset(fold(w) for w in lexicon.places.main_place_kinds)
        self.area_openers = frozenset(w.lower() for w in lexicon.places.area_openers)
        self.plans = PlanMarkers(lexicon.events.plan_markers, lexicon.events.estimate_markers,
                                 lexicon.events.fact_openers)
        self.numbers = numbers
        self.attributes = dict(lexicon.nouns.percent_attributes)
        self.signs = {" ".join(k.lower().split()): v for k, v in lexicon.numbers.percent_signs.items()}
        words = [k for k in self.signs if k[-1:].isalpha()]
        symbols = [k for k in self.signs if not k[-1:].isalpha()]
        self.sign = re.compile(r"[ \t]?(?:(?:" + alternation(words) + r")\b|" + alternation(symbols) + ")", re.IGNORECASE)
        percents = [k for k, v in self.signs.items() if v == "percent"]
        self.sign_anywhere = re.compile(r"\d[ \t]?(?:" + alternation(percents) + r")", re.IGNORECASE)
        self.part_link = re.compile(r"(?:,?[ \t]*(?:" + alternation(lexicon.nouns.part_links) + r"))[ \t]+$", re.IGNORECASE)
        self.progress_wholes = frozenset(w.lower() for w in lexicon.nouns.progress_wholes)
        self.complete_words = frozenset(w.lower() for w in lexicon.nouns.complete_words)
        self.progress_subjects = frozenset(fold(w) for w in lexicon.nouns.progress_subjects)
        self.progress_verbs = frozenset(" ".join(w.lower().split()) for w in lexicon.nouns.progress_verbs)
        self.past_progress = re.compile(r"\b(?:" + alternation(lexicon.nouns.past_progress_verbs) + r")[ \t]+(?:(?:"
                                        + alternation(lexicon.hedges.hedges) + r")[ \t]+)?$", re.IGNORECASE)
        self.then_clause = re.compile(r"[^.;]*?\b(?:" + alternation(lexicon.nouns.then_openers) + r")\b", re.IGNORECASE)
        self.complete = re.compile(r"^[ \t]+(?:" + alternation(lexicon.nouns.complete_words) + r")\b", re.IGNORECASE)
        self.whole_synonyms = {fold(k): v for k, v in lexicon.nouns.share_whole_synonyms.items()}
        self.whole_pronouns = frozenset(fold(w) for w in lexicon.nouns.whole_pronouns)
        # "1.12 million visitors": a number, its scale word and the noun it counts
        self.counted_noun = re.compile(r"\d[\d,.]*(?:[ \t]+(?:" + alternation(lexicon.numbers.scales) + r"))?[ \t]+([a-z][a-z-]+)")
        self.funding_nouns = frozenset(fold(w) for w in lexicon.nouns.funding_nouns)
        self.funding_wholes = frozenset(fold(w) for w in lexicon.nouns.funding_wholes)
        self.funding_link = re.compile(r"(?:,?[ \t]*(?:" + alternation(lexicon.nouns.funding_links) + r"))[ \t]+$",
                                       re.IGNORECASE)
        self.funding_noun = re.compile(r"\b(?:" + alternation(lexicon.nouns.funding_nouns) + r")\b", re.IGNORECASE)
        self.destinations = {" ".join(w.lower().split()): where for where, words in lexicon.nouns.share_destinations.items()
                             for w in words}
        self.destination = re.compile(r"\b(?:" + alternation(self.destinations) + r")\b", re.IGNORECASE)
        self.share_nouns = re.compile(r"\b(?:" + alternation(lexicon.nouns.share_nouns) + r")\b", re.IGNORECASE)
        self.attribute_words = re.compile(r"\b(?:" + alternation(self.attributes) + r")\b", re.IGNORECASE)
        self.of_name = of_name(lexicon.entities.heads)
        self.static = frozenset(lexicon.nouns.static_percent_attributes)
        # ("holds 60 percent of", "holds a 70 percent stake in")
        self.stake_verb = re.compile(r"\b(?:" + alternation(lexicon.nouns.stake_verbs) + r")[ \t]+(?:an?[ \t]+)?$", re.IGNORECASE)
        self.stake_wholes = frozenset(fold(w) for w in lexicon.nouns.stake_wholes)
        # ("has taken a 40% share")
        self.stake_taker = re.compile(r"\b(?:" + alternation(lexicon.nouns.stake_taking_verbs) + r")[ \t]+an?[ \t]+$",
                                      re.IGNORECASE)
        self.auxiliaries = frozenset(lexicon.nouns.count_verbs.auxiliaries)
        self.stake_share = re.compile(r"[ \t]+(?:" + alternation(lexicon.nouns.stake_shares) + r")\b", re.IGNORECASE)
        self.placing = frozenset(lexicon.events.occasion_venues)
        self.things = dict(lexicon.nouns.growing_things)
        self.number_nouns = frozenset(fold(w) for w in lexicon.nouns.number_nouns)
        # "Luang Prabang earned US$187 million from tourism in 2023, up 45 percent": a verb
        # that says what the figure before the growth is (nouns.yaml money_attributes)
        self.revenue_verbs = frozenset(w for w, a in lexicon.nouns.money_attributes.items() if a == "revenue" and " " not in w)
        # "Rubber growers harvested 187,500 tonnes of latex, up 2.8 per cent": the latex output's growth
        self.output_verbs = frozenset(w.split()[0] for w in lexicon.nouns.output_verbs)
        self.thing_words = frozenset(singular(k) for k in self.things if " " not in k)
        self.kinds = {k.lower(): v for k, v in lexicon.nouns.origin_kinds.items()}  # "foreign", "international"
        self.origin_kinded = frozenset(lexicon.nouns.origin_kinded_things)
        self.sent = frozenset(lexicon.nouns.sent_counts)
        measures = sorted(lexicon.nouns.growth_measures, key=len, reverse=True)
        self.measure_after = re.compile(r"[ \t]+in[ \t]+(" + "|".join(re.escape(m) for m in measures) + r")\b",
                                        re.IGNORECASE)
        self.owners = PlaceOwners(lexicon)
        counted = lexicon.names.person_count_verbs
        self.count_verbs = re.compile(r"\b(" + alternation(counted) + r")\b", re.IGNORECASE)
        self.counted = {k.lower(): v for k, v in counted.items()}
        # "143 of the 149 members present, or 95.97 percent, voting in favor": the verb after the share
        self.count_verb_after = re.compile(r"[ \t]*,?[ \t]*(" + alternation(counted) + r")\b", re.IGNORECASE)
        self.voters = frozenset(lexicon.names.voters)
        self.vote_nouns = {k.lower(): v for k, v in lexicon.names.vote_nouns.items()}
        self.vote_noun = re.compile(r"[ \t]+(" + alternation(lexicon.names.vote_nouns) + r")\b", re.IGNORECASE)
        self.goods = Goods(lexicon)
        self.market_nouns = frozenset(w.lower() for w in lexicon.places.market_nouns)
        self.period_prepositions = frozenset(w.lower() for w in lexicon.calendar.period_prepositions)
        self.market_flow = next(w for w, flow in lexicon.nouns.flow_words.items() if flow == "exports" and w in self.things)
        self.share_measures = {fold(k): v for k, v in lexicon.nouns.share_measures.items()}
        self.kinded = frozenset(lexicon.nouns.kinded_things)
        self.trade_values = frozenset(fold(w) for w in lexicon.entities.trade_value_words)
        verbs, nouns = lexicon.nouns.change_verbs, lexicon.nouns.change_nouns
        self.direction = {**lexicon.numbers.comparatives, **verbs, **nouns}
        # "a 30% increase in exports": a change told by the noun after the figure
        self.change_after = re.compile(r"^[ \t]*(?:year-on-year[ \t]+|annual[ \t]+|y/y[ \t]+)?(" + alternation(nouns)
                                       + r")\b[ \t]*(?:in|of)?[ \t]*", re.IGNORECASE)
        # "up 28 percent", "rising 36%", "down by 5%", "a growth of 5%": told by the words before it
        self.rise_before = re.compile(r"\b(" + alternation(verbs) + r"|(?:an?|the)[ \t]+(?:" + alternation(nouns)
                                      + r")[ \t]+of)(?:[ \t]+by)?(?:[ \t]+(?:" + alternation(lexicon.nouns.change_focus_words)
                                      + r"))?[ \t]+$", re.IGNORECASE)
        # "32 per cent higher than", "40% less rain than": a word for what changed may stand between
        # ("14% more visitors in 2023 than a year earlier": a period may stand before "than")
        self.comparative = re.compile(r"^[ \t]+(" + alternation(lexicon.numbers.comparatives) + r")(?:[ \t]+([a-z]+))?"
                                      r"(?:[ \t]+(?:" + alternation(lexicon.calendar.period_prepositions) + r")[ \t]+[\w-]+"
                                      r"(?:[ \t]+[\w-]+){0,3}?)?[ \t]+(?P<than>than)\b", re.IGNORECASE)
        self.base_link = re.compile(r"[ \t]+(?:" + alternation(lexicon.numbers.base_links) + r")[ \t]+", re.IGNORECASE)
        # a named owner inside a share's whole, or the place by its kind: "of the industrial land
        # at Site C", "of infected children in the province"
        self.at_name = re.compile(r"[ \t]+(?:at|in)[ \t]+(?:the[ \t]+)?([A-Z][\w'-]*(?:[ \t]+[A-Z0-9][\w'-]*){0,5}|"
                                  rf"(?i:the[ \t]+(?:{alternation(lexicon.places.kinds)})))\b")
        self.possessive = re.compile(r"(?:" + alternation(lexicon.nouns.possessives) + r")\b", re.IGNORECASE)
        # "71 percent of the export volume went to Thailand": the buyer the share went to
        self.sent_to = re.compile(r"[ \t]+(?:" + alternation(lexicon.places.destination_verbs)
                                  + r")[ \t]+(?:the[ \t]+)?([A-Z][\w'-]*(?:[ \t]+[A-Z][\w'-]*){0,3})")
        self.destination_aux = re.compile(r"[ \t]+(?:" + alternation(lexicon.places.destination_auxiliaries) + r")$",
                                          re.IGNORECASE)
        self.place_words = frozenset(fold(w) for w in lexicon.places.places + lexicon.places.countries
                                     + lexicon.places.nationalities)
        self.nationalities = frozenset(fold(w) for w in lexicon.places.nationalities)
        self.things_re = re.compile(r"\b(" + "|".join(re.escape(t) for t in sorted(self.things, key=len, reverse=True))
                                    + r")\b", re.IGNORECASE)
        self.stops = frozenset(lexicon.aliases.stops) | {"in", "on", "at", "compared", "over", "stood", "stand",
                                                          "reached", "totalled", "amounted", "rose", "fell"}

    def extract(self, s: Sentence) -> list[Claim]:
        view, text = s.view, s.doc.text
        claims = []
        grown: tuple[str, str | None, str, int] | None = None  # the last growth told by the words before it
        for n in self.numbers.find(view, s.start, s.end):
            sign = self.sign.match(view, n.end, s.end)
            if not sign:
                continue
            end = sign.end()
            after = view[end:s.end]
            attribute, scope, subject = "share", {}, None
            low, high = n.low, n.high
            measured = self.signs.get(" ".join(sign.group().lower().split()), "percent")
            if measured != "percent":
                scope["measure"] = "points"  # "up 2.5 percentage points": a difference of shares, not a rate
                if measured == "basis points":  # "25 basis points" = 0.25 points
                    low, high = (None if x is None else round(x / 100, 6) for x in (n.low, n.high))
            compared = 0  # for a comparative, where its "than" stands
            change = self.change_after.match(after)
            rise = None if change or self.part_link.search(view, max(s.start, n.start - 30), n.start) \
                else self.rise_before.search(view, max(s.start, n.start - 24), n.start)  # "made up 62.5%" is a share
            thing, owner = self._what_grew(s, rise.end()) if rise else (None, None)
            # (or "rose 5 percent in 2024 and 7 percent in the first half": the same verb's, with a period between)
            coordinated = grown is not None and not rise and not change \
                and (_AND.fullmatch(view, grown[3], n.start) or same_verb(s, self.periods, grown[3], n.start))
            if rise and thing or coordinated:
                # "5.2 million tonnes of freight in 2024, up 28 percent": a change of the freight;
                # "up 10.2% in volume and 23.4% in value": the same growth told in another measure
                attribute = "change"
                thing, owner, direction = (thing, owner, rise.group(1)) if rise else grown[:3]
                measure = self.measure_after.match(view, end, s.end)
                measured = measure.group(1).lower().split()[-1] if measure else None
                # "up 10.4 percent in volume": the volume's growth; "in value" is what a bare
                # growth of a good's trade is ("Tea export value rose 21.6%" = "up 12.6 per cent
                # in value"); a trade of no named good keeps it ("exports ..., up 46 per cent in value")
                named_good = len(thing.split()) > 1
                scope["of"] = thing if measured is None or named_good and self.share_measures.get(measured) == "value" \
                    else f"{thing} {measured}"
                subject = owner
                scope["direction"] = self._direction(direction)
                grown = (thing, owner, direction, measure.end() if measure else end)
            elif change:
                attribute = "change"
                span = phrase_after(view, end + change.end(), s.end, self.stops)
                # "a 30% increase in exports", "passenger numbers posted a 27% increase last year"
                thing = (self._growing_thing(view, span[0], span[1]) if span else None) \
                    or self._growing_thing(view, s.start, n.start)
                traded = self.goods.in_phrase(text[span[0]:span[1]]) if span and thing else None
                if traded and traded[1]:
                    # "the 21.4% increase in cashew export earnings": the good's trade, as
                    # "Cashew export earnings rose 21.4%" is
                    thing = f"{traded[0]} {traded[1]}"
                if span and view[span[0]:span[1]].split()[0].lower() in self.period_prepositions:
                    span = None  # "with a 32% increase over the 11 months": a period, no owner
                volume = next((w for w in fold(view[span[0]:span[1]]).split() if self.share_measures.get(w) == "volume"),
                              None) if span and thing else None
                if volume and volume not in thing.split():
                    # "the 15.8 per cent rise in export volume": the volume's growth, as "up 15.8
                    # percent in volume" is, not the value's a bare export growth tells
                    thing = f"{thing} {volume}"
                if thing:
                    scope["of"] = thing
                    if span is None:
                        # "The airport served nearly 160,000 passengers last year, a 31% jump over
                        # 2023": the growth of what its clause's subject served, as "up 31%" is
                        subject = self._what_grew(s, n.start)[1]
                else:
                    subject = text[span[0]:span[1]] if span else self._with_owner(s, n.start)
                    if span is None and subject and subject.lower().split()[-1] in self.market_nouns:
                        # "the Chinese market, with a 32% increase": the growth of what it bought, the exports to it
                        scope["of"] = self.things[self.market_flow]
                scope["direction"] = self._direction(change.group(1))
            elif comparative := self.comparative.match(after):
                # "32 per cent higher than in the same period last year": a change, whose base
                # period is no period of the figure
                attribute = "change"
                scope["direction"] = self._direction(comparative.group(1))
                thing, owner = self._what_grew(s, n.start)
                if owner is None and s.tokens and (clause := clause_subject(s.tokens, n.start, s.clause_words)):
                    owner = self.owners.named_subject(s, clause)  # "Vat Phou welcomed 14% more visitors": Vat Phou's
                named = self.things.get((comparative.group(2) or "").lower())
                thing = named or thing or self._growing_thing(view, s.start, n.start)
                if thing:
                    scope["of"] = thing
                    subject = owner
                compared = end + comparative.start("than")  # (a period before "than" is the figure's)
            elif self.complete.match(after):
                attribute = "progress"
                span = phrase_before(view, s.start, n.start, self.stops | {"is", "was", "are", "were", "reached", "had"})
                subject = text[span[0]:span[1]] if span else None
            elif held := self._stake(s, n.start, end):
                attribute, subject = "stake", held[0]  # "Truong Son, which holds 60 percent of the project company"
            elif group := share_of_group(view, s.start, n.start, self.share_nouns):
                # "the rate of rural population using clean water reached 68.5%": a share of the group
                scope["of"] = _group_head(s, *group) or _head_phrase(text[group[0]:group[1]])
            elif _SHARE_OF.match(after):
                whole, subject = self._share(s, n.start, end)
                if whole and self._work_done(s, n.start, end):
                    # "the contractor had completed 22 per cent of the total work volume", "80
                    # percent of the dredging work had been completed": the work's progress
                    attribute, subject = "progress", None
                elif whole and whole.lower() in self.progress_wholes:
                    # "Component project 1 has reached about 48 per cent of the workload": its progress
                    attribute = "progress"
                    span = phrase_before(view, s.start, n.start, self.stops | {"is", "was", "are", "were", "reached",
                                                                               "had", "has", "have", "about", "nearly"})
                    subject = subject or (text[span[0]:span[1]] if span else None)
                elif whole:
                    scope["of"] = whole
                    funder = self._funder(subject) if subject else None
                    if funder and whole.lower().split()[-1] in self.funding_wholes:
                        # "Viet Nam's grant accounted for 85 per cent of the funding": Viet Nam's share of the cost
                        subject, scope["of"] = funder, "cost"
            elif (opened := self._opening_whole(s, n.start)) is not None:
                scope["of"] = opened  # "Of the factory's current output, 58 percent is exported"
            elif not _SHARE_OF.match(after) and (work := self._work_progress(s, n.start)) is not None:
                attribute, subject = "progress", work  # "The construction of the bridge has reached 78.5 percent"
            counted = self._share_counted(s, n.start, end, scope.get("of")) if attribute == "share" else None
            if counted:
                scope["of"] = counted
            named = self._named_attribute(view, text, s, n.start, end) if attribute != "stake" else None
            if named is not None:
                attribute, subject = named
                if subject and subject.lower() in scope.get("of", "").lower():
                    scope.pop("of")  # "the occupancy rate of the Hoang Long industrial park": its owner, no group
            if attribute == "share" and "of" in scope:
                # "95% of the site" and "95 percent of the land": one whole named two ways
                scope["of"] = " ".join(self.whole_synonyms.get(singular(w.lower()), w) for w in scope["of"].split())
            if attribute == "share" and "of" in scope and (goes := self._destination(s, n.start, end)):
                scope["to"] = goes  # "40 per cent of its output was exported": the exported part
            discount = self.fares.discount_scope(s, n.start, end) if attribute == "share" and not scope else None
            if discount:
                # "Residents of Kien Hai get 35% off": the story's service's discount for that class
                attribute, subject = "discount", None
                scope.update(discount)
            based, link, year = False, None, None
            if attribute == "change" and not compared \
                    and (link := self.base_link.match(view, end + len(change.group().rstrip()) if change else end, s.end)):
                # "rose 9 percent from last year", "compared with the same period last year", "a
                # 31% jump over 2023": the year after the link is the growth's base, not its period
                # (which is the one its sentence names before it, else its context's)
                year = self.periods.period(view, link.start(), s.end, link.start(), s.published, s.tokens)
                based = year is not None and year.isdigit()
            time = None if attribute in self.static else state_time(s)
            if attribute == "progress" and self._progress_then(s, n.start, end):
                scope["as_of"] = "earlier"  # "was 90 percent complete when work stopped in late 2020"
            period = self.periods.period(view, s.start, compared or (n.start if based else s.end), n.start, s.published, s.tokens) \
                if time is not None else None
            base = None
            if period is None and compared and time is not None:
                # "11.2 percent higher than in 2023", said in 2024 or 2025: the growth of the year
                # after the base (said later, any later year's)
                base = self.periods.period(view, end, s.end, end, s.published, s.tokens)
                if base is not None and base.isdigit() and s.published.start is not None \
                        and s.published.start.year - 1 <= int(base) + 1 <= s.published.start.year:
                    period = str(int(base) + 1)
            if period is None and attribute in ("change", "growth") and time is not None and base is None \
                    and not self.periods.running(view, s.start, n.start):  # "has grown 40% since 2021"
                # "In the first nine months, exports rose 12%. Imports grew 8%."; a growth rate far
                # from any period is for the one the lead's figure names, also one compared with
                # "the same period last year" (not with a year it names); and so is a growth named
                # as such ("the year-on-year growth of 22.8% was driven by furniture orders")
                period = s.context_period or s.lead_period
            if based and period in (None, year) and s.published.start is not None \
                    and s.published.start.year - 1 <= int(year) + 1 <= s.published.start.year:
                # "attendance was up 18 percent compared with the same event last year", said in
                # 2024: the growth of the year after its base (which no other period names)
                period = str(int(year) + 1)
            if period:
                scope["period"] = period
                time = None  # "up 18 percent in 2023": the figure for a stated period
            if self.plans.in_clause(s, n.start, scope.get("period"), end):
                scope["status"] = "plan"  # "aims to raise the share to 30%", "can be expanded to 1,200 MW"
            other = self.others.in_clause(s, n.start, end)
            if other and link and other in " ".join(fold(view[link.end():min(s.end, link.end() + _BASE_REACH)]).split()[:_BASE_WORDS]):
                other = None  # the growth's base: "up 3.1 per cent on the previous crop" names no other thing
            if other:
                scope["which"] = other  # "650 beds on its old campus": not the new building's beds
            whole_place = self.wider_area.whole_place(s, n.start) if subject is None and not counted else None
            if whole_place:
                subject = whole_place  # "tourists visiting Champasak as a whole rose 18 percent": the province's
            wider = self.wider_area.in_clause(s, n.start) if not counted else None
            if wider:  # (a share of a person's votes is theirs wherever the vote was told: "In Vientiane, ...")
                scope["in"] = wider  # "At the national level, coverage reached 82 percent": the country's
            tidied = tidy_subject(s, subject, n.start, end) if subject else None
            phase = self.phases.bare(tidied) if tidied else None
            if phase:
                # "The first phase, home to nearly 50 tenants, has an occupancy rate of 82 per
                # cent": the story's thing's first phase's rate
                scope["phase"], subject = phase, None
            claims.append(make_claim(s, "percent", attribute, PercentValue(low=low, high=high), n.start, end,
                                     subject_text=subject, scope=scope, time=time))
        for n in self.numbers.shares(view, s.start, s.end):
            # "a quarter of the province's rice fields": a share of the whole after "of"
            whole, subject = self._share(s, n.start, n.end)
            scope = {"of": whole} if whole else {}
            if self.plans.in_clause(s, n.start):
                scope["status"] = "plan"
            claims.append(make_claim(s, "percent", "share", PercentValue(low=n.low, high=n.high), n.start, n.end,
                                     subject_text=subject, scope=scope, time=state_time(s)))
        return claims

    def _destination(self, s: Sentence, start: int, end: int) -> str | None:
        """Where the part a share counts goes (nouns.yaml share_destinations), told in the
        share's own clause: from the clause's start to the next comma, semicolon or clause word
        after the figure ("60% of its output was sold in Vietnam and the remainder shipped
        abroad" says nothing of the 60 percent going abroad)."""
        lo = clause_start(s.view, s.start, start, s.clause_words)
        reach = min(s.end, end + _PART_REACH)  # (a bounded look: many shares in one sentence stay linear)
        ends = (_PART_END.search(s.view, end, reach), clause_pattern(s.clause_words).search(s.view, end, reach))
        hi = min((m.start() for m in ends if m), default=reach)
        found = {self.destinations[" ".join(m.group().lower().split())] for m in self.destination.finditer(s.view, lo, hi)}
        return found.pop() if len(found) == 1 else None

    def _progress_then(self, s: Sentence, start: int, end: int) -> bool:
        """Progress told in the past with a clause of its own moment after it (nouns.yaml
        past_progress_verbs, then_openers): the progress of that earlier moment."""
        return self.past_progress.search(s.view, max(s.start, start - 24), start) is not None \
            and self.then_clause.match(s.view, end, s.end) is not None

    def _with_owner(self, s: Sentence, pos: int) -> str | None:
        """The phrase an aside "with a 32% increase" follows, before its comma ("the Chinese
        market, with a 32% increase over the 11 months, has overtaken"): whose the change is."""
        aside = _WITH_A.search(s.view, max(s.start, pos - 12), pos)
        if aside is None:
            return None
        span = np_before(s.view, s.start, aside.start(), self.stops)
        return s.doc.text[span[0]:span[1]] if span else None

    def _stake(self, s: Sentence, start: int, end: int) -> tuple[str | None] | None:
        """(whose stake) when the percentage at [start, end) follows a verb of holding and is of
        no whole or of a company's ("Truong Son, which holds 60 percent of the project company":
        Truong Son's stake, the relative clause's antecedent), else None ("holds 30 percent of
        the market" is a share of the market)."""
        view = s.view
        verb = self.stake_verb.search(view, max(s.start, start - _STAKE_REACH), start)
        if verb is None:
            verb = self.stake_taker.search(view, max(s.start, start - _STAKE_REACH), start)
            share = self.stake_share.match(view, end, s.end) if verb else None
            if share is None:
                return None
            end = share.end()  # "a 40% share of the market" is no stake: its whole is read after "share"
        of = _SHARE_OF.match(view[end:s.end])
        if of:
            whole = phrase_after(view, end + of.end(), s.end, self.stops)
            words = fold(s.doc.text[whole[0]:whole[1]]).split() if whole else []
            if whole and s.tokens:
                # its noun phrase's words only: "of the joint operating company set up to manage the link"
                k = bisect_left(s.tokens, whole[0], key=lambda t: t.start)
                if k < len(s.tokens) and s.tokens[k].tag in ("DT", "PRP$"):
                    k += 1
                run = []
                while k < len(s.tokens) and s.tokens[k].end <= whole[1] \
                        and (s.tokens[k].tag.startswith(("NN", "JJ")) or s.tokens[k].tag == "VBG"):
                    run.append(fold(s.tokens[k].text))  # ("operating" modifies, though tagged as a verb)
                    k += 1
                words = run or words
            if not any(" ".join(words[k:]) in self.stake_wholes for k in range(len(words))):
                return None
        span = verb_subject(s.tokens, start, s.clause_words) if s.tokens else None
        span = span or relative_antecedent(view, s.start, verb.start(), self.stops)
        before = view[s.start:verb.start()].split()
        while before and before[-1].lower() in self.auxiliaries:
            before.pop()
        if span is None and before and before[-1].endswith(","):
            # "Hong Linh Energy, based in Ha Tinh, holds 56% of the project", "Kestrel Gas Holdings,
            # the Singaporean partner, has taken a 40% share": the subject before the aside
            span = sentence_subject(view, s.start, verb.start(), self.stops)
        return (s.doc.text[span[0]:span[1]] if span else None,)

    def _share_counted(self, s: Sentence, start: int, end: int, whole: str | None) -> str | None:
        """The count of people's choices a share at [start, end) is of, when it is one: "51 voted
        for Phuoc, accounting for 98.08%", "garnering 93.6 percent approval", "with 441 deputies
        voting in favour, equal to 92.07 percent of all deputies", "with 143 of the 149 members
        present, or 95.97 percent, voting in favor" are shares of the votes."""
        view = s.view
        if whole is None:
            counted = self._counted(view, clause_start(view, s.start, start, s.clause_words), start) \
                if self.part_link.search(view, max(s.start, start - 30), start) else None
            noun = self.vote_noun.match(view, end, s.end) if counted is None else None
            after = self.count_verb_after.match(view, end, s.end) if counted is None and noun is None else None
            if after:
                return self.counted[after.group(1).lower()]
            return self.vote_nouns[noun.group(1).lower()] if noun else counted
        if set(singular(w) for w in whole.split()) & self.voters:
            return self._counted(view, s.start, start)
        return None

    def _counted(self, view: str, lo: int, pos: int) -> str | None:
        """The noun the verb of a person's count nearest before `pos` counts ("voted": votes), or None."""
        verb = None
        for verb in self.count_verbs.finditer(view, lo, pos):
            pass  # the nearest before the figure
        return self.counted[verb.group(1).lower()] if verb is not None else None

    def _direction(self, words: str) -> str:
        """"down" when a change word of the words falls ("fell", "a decline of"), else "up"."""
        return "down" if any(self.direction.get(w) == "down" for w in words.lower().split()) else "up"

    def _work_progress(self, s: Sentence, pos: int) -> str | None:
        """The work a percentage with no whole is the progress of: the clause's subject, when a
        noun of work opens it and a verb of reaching (nouns.yaml progress_verbs) joins it to the
        figure ("The construction of the fifth Lao-Thai Friendship Bridge has reached 78.5 percent")."""
        span = subject_words(s.tokens, pos, s.clause_words) if s.tokens else None
        if span is None or " ".join(s.view[span[1]:pos].lower().split()) not in self.progress_verbs:
            return None
        phrase = s.doc.text[span[0]:span[1]]
        if phrase.startswith("(") and ")" in phrase:
            phrase = phrase[phrase.index(")") + 1:].lstrip()  # "(KPL) The construction of": past the agency's mark
        phrase = phrase.split("(")[0].rstrip()  # "the fifth Lao-Thai Friendship Bridge (Pakxan - Bueng Kan)": the name, not its aside
        first = next((w for w in fold(phrase).split() if w not in DETERMINERS), None)
        return phrase if first in self.progress_subjects else None

    def _work_done(self, s: Sentence, start: int, end: int) -> bool:
        """Whether the whole after a share's "of" is a work (nouns.yaml progress_wholes, or a
        work noun of progress_subjects) and a word of completion (complete_words) tells in its
        clause how much of it is done: "had completed 22 per cent of the total work volume"."""
        of = _SHARE_OF.match(s.view[end:s.end])
        span = phrase_after(s.view, end + of.end(), s.end, self.stops) if of else None
        words = fold(s.view[span[0]:span[1]]).split() if span else []
        while words and words[-1] in self.complete_words:
            words.pop()  # "with 87 percent of the work done": the work, and the word that says it is done
        if not words or not (" ".join(words[-2:]) in self.progress_wholes or words[-1] in self.progress_wholes
                             or words[-1] in self.progress_subjects):
            return False
        lo = clause_start(s.view, s.start, start, s.clause_words)
        hi = min(s.end, span[1] + _DONE_REACH)
        return any(t.text.lower() in self.complete_words for t in s.tokens if lo <= t.start and t.end <= hi)

    def _share(self, s: Sentence, start: int, end: int) -> tuple[str | None, str | None]:
        """(the whole a share is of, whose share it is) for a share at [start, end) followed by
        "of". Whose: the part before "accounting for", "made up" ("the cross-border cargo ...,
        accounting for 64 percent of all freight"), else the clause's subject when the whole is
        its own ("some provinces collected less than 45 percent of their plans"), else nobody
        named (the share is the whole's)."""
        view, text = s.view, s.doc.text
        of = _SHARE_OF.match(view[end:s.end])
        whole = phrase_after(view, end + of.end(), s.end, self.stops) if of else None
        if whole is not None and s.tokens:
            whole = _before_clause(s.tokens, whole)
        link = self.part_link.search(view, max(s.start, start - 30), start)
        part = phrase_before(view, s.start, link.start(), self.stops) if link else None
        paid = self.funding_link.search(view, max(s.start, start - 30), start) if link is None else None
        if paid:
            # "The ADB loan covers 85 percent of the cost", "a grant of US$4.5 million from
            # Vietnam, which covered 90 percent of the cost": a giver's money, the part
            which = _RELATIVE_BEFORE.search(view, s.start, paid.start())
            given = None
            if which:
                for given in self.funding_noun.finditer(view, max(s.start, which.start() - _FUNDING_REACH), which.start()):
                    pass
            money = (given.start(), which.start()) if which and given else phrase_before(view, s.start, paid.start(), self.stops)
            if money and self._funder(text[money[0]:money[1]]):
                link, part = paid, money
        if part is None and s.tokens and (link or of and self.possessive.match(view, end + of.end())):
            part = subject_words(s.tokens, start, s.clause_words)
        sent = self.sent_to.search(view, whole[0], min(s.end, whole[1] + _SENT_REACH)) \
            if whole is not None and part is None else None
        if sent and _MORE_BUYERS.match(view, sent.end(1), s.end):
            sent = None  # "is exported to Japan and Korea": the share of both, no one buyer's
        if sent:
            # (the whole ends before the verb's auxiliaries: "the factory's output is expected to be sold to")
            aux = self.destination_aux.search(view, whole[0], sent.start())
            whole = _before_clause(s.tokens, (whole[0], aux.start() if aux else sent.start()))
            part = (sent.start(1), sent.end(1))
        if part is None and whole is not None:
            # "78 percent of the industrial land at Site C has been leased": Site C's land
            at = self.at_name.match(view, whole[1], s.end)
            part = (at.start(1), at.end(1)) if at else None
        told = self._whole(text[whole[0]:whole[1]]) if whole else None
        if told and told.split()[0].lower() in self.whole_pronouns:
            # "1.12 million visitors last year, 14 per cent of them foreigners": of the visitors,
            # the things the sentence counted last before the share
            counted = None
            for counted in self.counted_noun.finditer(view, s.start, start):
                pass
            if counted:
                told = " ".join([counted.group(1).lower(), *told.split()[1:]])
        return told, (text[part[0]:part[1]] if part else None)

    def _funder(self, part: str) -> str | None:
        """Who gives the money a part names by a funding noun (nouns.yaml funding_nouns): "Viet
        Nam's grant" -> "Viet Nam", "The ADB loan" -> "ADB", "Vietnamese non-refundable aid" ->
        "Vietnamese" (the one run of capitalised words before the noun), "a grant of US$4.5
        million from Vietnam" -> "Vietnam" (the run its "from" ends with); else None."""
        words = part.split()
        noun = next((k for k, w in enumerate(words) if fold(w) in self.funding_nouns), None)
        if noun is None:
            return None
        if noun == len(words) - 1:
            named = [k for k in range(noun) if words[k][:1].isupper() and fold(words[k]) not in DETERMINERS]
        elif "from" in words[noun:]:
            named = [k for k in range(words.index("from", noun) + 1, len(words)) if words[k][:1].isupper()]
            if named and named[-1] != len(words) - 1:
                return None
        else:
            return None
        if not named or named[-1] - named[0] + 1 != len(named):
            return None
        return " ".join(words[named[0]:named[-1] + 1]).removesuffix("'s").removesuffix("\u2019s")

    def _opening_whole(self, s: Sentence, start: int) -> str | None:
        """The whole a sentence opens with before a share in its main clause ("Of the factory's
        current output, 58 percent is exported": a share of that output, as "58 percent of the
        factory's output" is); None when the share stands before the comma or there is none."""
        toks = s.tokens
        if len(toks) < 3 or toks[0].text.lower() != "of":
            return None
        comma = next((k for k, t in enumerate(toks) if t.text == ","), None)
        if comma is None or comma < 2 or toks[comma].start > start or any(t.is_verb for t in toks[1:comma]) \
                or not any(t.is_noun for t in toks[1:comma]):
            return None  # (not "Of these, 83% had not been vaccinated": the whole is told before)
        # its words but adjectives ("current"): the whole itself, as "of the factory's output" names it
        text, words, at = s.doc.text, [], toks[1].start
        for t in toks[1:comma]:
            if t.tag in _ADJECTIVES:
                words.append(text[at:t.start])
                at = t.end + (text[t.end:t.end + 1] == " ")
        words.append(text[at:toks[comma - 1].end])
        return self._whole("".join(words))

    def _whole(self, phrase: str) -> str:
        """A share's whole: a good's trade and what it is measured in ("the province's coffee
        export value", "Son La's coffee export turnover": coffee exports value), else its head phrase."""
        traded = self.goods.in_phrase(phrase)
        if traded is None or traded[1] is None:
            return _head_phrase(phrase)
        measures = {self.share_measures[w] for w in fold(phrase).split() if w in self.share_measures}
        return " ".join([traded[0], traded[1], *sorted(measures)])

    def _what_grew(self, s: Sentence, pos: int) -> tuple[str | None, str | None]:
        """What a growth rate told by the words before it ("..., up 3.1%") is a growth of, and
        whose growth it is: a place `_grown` finds, else the thing named in capitals its clause
        is about ("Nam Du received about 52,000 visitors, up 31 percent", "LMT's revenue reached
        2.8 trillion kip, up 9 percent": not the growth of the story's thing)."""
        thing, owner = self._grown(s, pos)
        if thing is not None and owner is None and s.tokens:
            # (the subject of the figure's own verb: not "Minister Chan Sothea told a briefing
            # that bilateral trade amounted to ..., up 15.4 percent")
            span = self._figure_verb_subject(s, pos)
            owner = (self.owners.named_subject(s, span) or self._definite_subject(s, span)) if span else None
        return thing, owner

    def _definite_subject(self, s: Sentence, span: tuple[int, int]) -> str | None:
        """A subject that is "the" and a common noun, when no name owns the figure: "the island
        received 38,600 visitors last year, up 31 percent" is the island's growth, not the
        province's the article is set in ("the number of" names no owner)."""
        toks = s.tokens
        i, j = span
        i = i - 1 if i > 0 and toks[i - 1].text.lower() == "the" else i  # (the subject's span starts past it)
        cut = subject_cut(toks, i, j)
        words = [t.text.lower() for t in toks[i:cut]]
        if len(words) < 2 or words[0] != "the" or not toks[cut - 1].tag.startswith("NN") \
                or any(t.tag in ("PRP", "PRP$", "CD") for t in toks[i:cut]) or words[-1] in self.number_nouns:
            return None
        return s.doc.text[toks[i].start:toks[cut - 1].end]

    def _grown(self, s: Sentence, pos: int) -> tuple[str | None, str | None]:
        """What a growth rate told by the words before it ("..., up 3.1%") is a growth of.

        With the sentence analysed: the clause's subject when its head names a growing thing
        ("Vietnam's exports to Laos were valued at ..., up 3.1%"; "Electricity imports
        reached ..., up 27.5%" is a growth of electricity imports, not of all imports); else a
        growing thing named after the subject as a noun of its own ("served 1.1 million
        passengers in 2023, up 12%"). A growing word used as a modifier ("the biggest export
        earner") or outside the clause ("On the import side, rubber led ...") names nothing,
        so different goods in one trade report are never one figure. Also returns the place
        whose growth it is, when the clause's subject names one."""
        toks = s.tokens
        if not toks:
            return self._growing_thing(s.view, s.start, pos), None
        subject = self._figure_subject(s, pos) or clause_subject(toks, pos, s.clause_words)
        owner = (self.owners.of_subject(s, subject) or self.owners.the_kind(s, subject)) if subject else None
        if subject is not None:
            compound = head_compound(toks, subject)
            counted = len(compound) > 1 and compound[-1].text.lower() in self.number_nouns
            if counted:
                compound = compound[:-1]  # "visitor numbers": the visitors
            words = [t.text.lower() for t in compound]
            if counted and words[-1] not in self.things and f"{words[-1]}s" in self.things:
                words[-1] = f"{words[-1]}s"  # the noun describing "numbers" is singular
            # the longest growing thing the compound ends with: "trade turnover", then "turnover"
            k = next((k for k in range(len(words)) if " ".join(words[k:]) in self.things), None)
            if k is not None:
                modifiers = [w for w in words[:k] if w not in self.place_words]
                # "foreign arrivals hit nearly 2.9 million, up 41.5%": one kind of the thing
                first = next(i for i, t in enumerate(toks) if t is compound[0])
                thing = self.things[" ".join(words[k:])]
                kinds = [self._origin(toks[i].text, thing) for i in range(subject[0], first)]
                kinds = [kind for kind in kinds if kind]
                # ("International passenger numbers": the compound's own origin word, foreign)
                modifiers = kinds + [self._origin(w, thing) or w for w in modifiers if w not in kinds]
                nation = next((t.text for t in compound[:k] if t.text.lower() in self.nationalities), None)
                if owner is None and nation and singular(thing) not in self.sent:
                    # "1.84 million tonnes of Lao goods ..., up 27 per cent": Laos's, not the port's
                    # ("Chinese arrivals", by contrast, are visitors from China to the place)
                    owner = nation
                goods = _goods_after(toks, compound, subject[1], self.place_kinds)
                if " ".join(w for w in goods[1:] if w not in self.place_kinds) in self.place_words:
                    goods = []  # "the GRDP of Quang Nam province": the place's growth, not of a good
                return " ".join(modifiers + [self.things[" ".join(words[k:])]] + goods), owner
            traded = self.goods.in_phrase(s.doc.text[compound[0].start:compound[-1].end]) if compound else None
            if traded is None and compound and singular(words[-1]) in self.trade_values:
                # "the value of rubber exports rose 18 percent": the good after the measure's "of"
                traded = self.goods.in_phrase(s.doc.text[toks[subject[0]].start:toks[subject[1] - 1].end])
                traded = traded if traded and traded[1] else None
                words = [w for w in words if w not in ("the", "its")]
            if traded and all(singular(w) in self.trade_values or w in self.place_words or w in self.goods.flows
                              for w in words if w not in traded[0].split()):
                # "Coffee earnings rose 31.4%", "Coffee brought in US$462.7 million, up 38.6 percent":
                # the growth of what the good sold for abroad
                return f"{traded[0]} {traded[1] or 'exports'}", owner
        after = toks[subject[0]].start if subject else s.start  # "The value of exports rose 23 percent"
        word = self._growing_thing(s.view, after, pos)
        if word is None:
            verb = self._figure_verb(s, pos)
            if verb is not None and verb.text.lower() in self.output_verbs:
                # "Rubber growers in Binh Duong harvested 187,500 tonnes of latex ..., up 2.8 per
                # cent": the place's output of the good its figure measures (the story's, when
                # the subject names no place: "Fishing boats landed 45,000 tonnes of seafood")
                good = self.goods.after_of(s.doc.text[verb.end:pos])
                return (f"{good} {self.things['output']}", owner) if good else (None, None)
            # "Luang Prabang earned US$187 million from tourism in 2023, up 45 percent": what it earned
            # (a place's, never a good's: "Wood and wood products earned $5.4 billion, up 19.8 per cent")
            return ("revenue", owner) if owner is not None and verb is not None \
                and verb.text.lower() in self.revenue_verbs else (None, None)
        at = next((i for i, t in enumerate(toks) if t.start >= after and t.text.lower() in self.things
                   and self.things[t.text.lower()] == word and t.end <= pos), None)
        if at is not None and at + 1 < len(toks) and toks[at + 1].is_noun and toks[at + 1].text.lower() not in self.direction \
                and toks[at + 1].text.lower() not in self.number_nouns \
                and f"{toks[at].text} {toks[at + 1].text}".lower() not in self.things:  # ("import-export value")
            # "export earner": the growing word modifies another noun (not "exports jump 23%",
            # a headline's verb the tagger reads as a noun)
            return None, None
        if at is not None and at > 0 and self._origin(toks[at - 1].text, word):
            word = f"{self._origin(toks[at - 1].text, word)} {word}"  # "International arrivals": foreign visitors
        elif at is not None and at > 0 and toks[at - 1].text.lower() in self.things:
            word = self.things[toks[at - 1].text.lower()]  # "exported goods": the exports
        elif at is not None and at > 0 and word in self.kinded and toks[at - 1].tag.startswith("NN"):
            word = f"{toks[at - 1].text.lower()} {word}"  # "1,240 HFMD cases, up 38 per cent": HFMD's
        sender = FROM_NAME.match(s.view, toks[at].end, pos) if at is not None and singular(word) in self.sent else None
        if sender:  # "41,200 visitors from Laos ..., up 8.4 percent": the growth of those one country sends
            word = f"{word} from {' '.join(fold(sender.group(1)).split())}"
        if at is not None:  # "with Viet Nam's rice shipments ... up 14.1%": the possessor's growth
            owner = self.owners.possessor(s, at) or owner
        if at is not None and at > 0 and owner is None and toks[at - 1].text.lower() in self.nationalities \
                and singular(word) not in self.sent:
            owner = toks[at - 1].text  # "..., 1.2 million tonnes of Lao goods were handled at Cua Lo port, up 22%"
        return word, owner

    def _origin(self, word: str, thing: str) -> str | None:
        """The origin a word gives a growing thing that has origins ("foreign" arrivals,
        "international" passengers: foreign), else None (nouns.yaml origin_kinds)."""
        return self.kinds.get(word.lower()) if thing in self.origin_kinded else None

    def _figure_verb_subject(self, s: Sentence, pos: int) -> tuple[int, int] | None:
        """Token indexes of the subject of the verb before the figure a growth rate follows."""
        toks = s.tokens
        figure = _figure_before(toks, pos)
        span = verb_subject(toks, toks[figure].start, s.clause_words, self.placing) if figure is not None else None
        inside = [i for i, t in enumerate(toks) if span[0] <= t.start and t.end <= span[1]] if span else []
        if not inside and figure is not None:
            # "Tad Lo, in Lao Ngam district about 85 km north-east of Pakse, received": an aside
            # closes before the verb; the subject is the clause's, before the aside
            clause = clause_subject(toks, toks[figure].start, s.clause_words)
            return clause if clause and clause[1] < len(toks) and toks[clause[1]].text == "," else None
        return (inside[0], inside[-1] + 1) if inside else None

    def _figure_verb(self, s: Sentence, pos: int) -> Token | None:
        """The verb whose object is the figure a growth rate follows ("earned US$187 million ...,
        up 45 percent": earned)."""
        figure = _figure_before(s.tokens, pos)
        verb = governing_verb(s.tokens, s.tokens[figure].start, s.clause_words) if figure is not None else None
        return s.tokens[verb] if verb is not None else None

    def _figure_subject(self, s: Sentence, pos: int) -> tuple[int, int] | None:
        """Token indexes of the subject of the verb before the figure a growth rate follows,
        when it names a growing thing: "..., and foreign arrivals hit nearly 2.9 million, up
        41.5%" is a growth of foreign arrivals, not of the visitors the sentence opened with."""
        span = self._figure_verb_subject(s, pos)
        if span is None or not any(singular(s.tokens[i].text.lower()) in self.thing_words for i in range(*span)):
            return None
        return span

    def _growing_thing(self, view: str, lo: int, pos: int) -> str | None:
        """The nearest word before a growth rate that names what grew, canonical. A word
        that another percentage follows first is that figure's ("exports rose 3.1%, rubber
        (... up 11.2%)"), and a figure in brackets after a list item is the item's: in both
        cases what grew is not named by a growing word, so nothing is returned."""
        best, best_start, best_end = None, pos, pos
        for m in self.things_re.finditer(view, max(lo, pos - _THING_REACH), pos):
            best, best_start, best_end = self.things[m.group(1).lower()], m.start(1), m.end()
        if best is None:
            return None
        between = view[best_end:pos]
        if self.sign_anywhere.search(between) or between.count("(") > between.count(")"):
            return None
        before = _WORD_BEFORE.search(view, max(lo, best_start - 20), best_start)
        origin = self._origin(before.group(1), best) if before else None
        return f"{origin} {best}" if origin else best  # "a 38% rise in foreign arrivals": foreign visitors

    def _named_attribute(self, view: str, text: str, s: Sentence, start: int, end: int) -> tuple[str, str | None] | None:
        """"occupancy rate has reached 65%", "a 20 percent stake": the attribute word, and the
        owner before it ("The Lao Government holds a 20 percent stake")."""
        before = attribute_before(view, s.start, start, self.attributes)
        named = attribute_of_named(view, s.start, start, self.attribute_words, self.of_name) if before is None else None
        if named is not None:  # "the graduation rate of Nghe An reached 98.71%": the rate of the name after "of"
            word, name_start, name_end = named
            return self.attributes[" ".join(word.split())], text[name_start:name_end]
        if before is None:
            after = _NOUN_AFTER.match(view, end, s.end)
            words = after.group(1).lower() if after else ""
            word = next((w for w in (words, words.split(" ")[0]) if w in self.attributes), None)
            if word is None:
                return None if _OF_WHOLE.match(view, end) else self._subject_attribute(s, start)
            attribute, owner_end = self.attributes[word], start
        else:
            attribute, owner_end, _ = before
        return attribute, self._owner_before(s, owner_end)

    def _owner_before(self, s: Sentence, pos: int) -> str | None:
        span = phrase_before(s.view, s.start, pos, self.stops | {"holds", "hold", "held", "has", "have", "had",
                                                                 "reached", "stands", "stood", "of", "a", "an"})
        owner = s.doc.text[span[0]:span[1]] if span else None
        if owner is not None and owner.lower() == "where":
            # "Tan Phu Regional General Hospital, one of the city's busiest, where bed occupancy has
            # reached 135 per cent": the place the relative clause hangs from
            span = relative_antecedent(s.view, s.start, pos, self.stops)
            inside = [t for t in s.tokens if span[0] <= t.start < span[1]] if span else []
            placed = next((k + 1 for k in range(len(inside) - 1)
                           if inside[k].text.lower() in self.placing and inside[k + 1].text[:1].isupper()), None)
            span = (inside[placed].start, span[1]) if placed else span  # "a daily sight at Cho Ray Hospital": the hospital
            owner = s.doc.text[span[0]:span[1]] if span else None
        if owner is not None and owner.lower() in ("the", "its", "their", "this"):
            owner = None  # "the inflation in May stood at 22.6%": no owner named
        if owner is not None and all(t.tag in ("DT", "JJ", "PRP$") for t in s.tokens if span[0] <= t.start < span[1]):
            owner = None  # "The average hotel occupancy in Siem Reap": how it is reckoned, not whose
        if owner is not None:
            inside = [t for t in s.tokens if span[0] <= t.start < span[1]]
            if inside and (inside[-1].tag == "POS" or inside[-1].text.endswith(("'", "\u2019"))) \
                    and any(t.is_verb for t in inside):
                # "Soaring rice prices drove Laos' headline inflation up to 26.2 percent": the
                # possessor after the verb, not the clause's subject
                k = len(inside) - 1
                while k > 0 and not inside[k - 1].is_verb:
                    k -= 1
                return s.doc.text[inside[k].start:span[1]]
            k = len(inside)
            while k > 1 and inside[k - 1].tag == "JJ" and "-" in inside[k - 1].text:
                k -= 1  # "Laos' year-on-year inflation": Laos', the adjective says how it is reckoned
            if 0 < k < len(inside):
                owner = s.doc.text[span[0]:inside[k - 1].end]
        return owner

    def _subject_attribute(self, s: Sentence, start: int) -> tuple[str, str | None] | None:
        """The attribute its clause's subject names, far from the figure: "Gia Lai's coverage
        of the first dose of measles vaccine among infants reached 78.6 per cent" is Gia Lai's
        coverage, its owner the words before the head."""
        span = clause_subject(s.tokens, start, s.clause_words) if s.tokens else None
        if span is None or not self._right_after(s, span[1], start):
            return None
        compound = head_compound(s.tokens, span)
        words = " ".join(t.text.lower() for t in compound)
        word = next((w for w in (words, words.rsplit(" ", 1)[-1]) if w in self.attributes), None)
        if word is None:
            return None
        return self.attributes[word], self._owner_before(s, compound[0].start) or self._place_in(s, span)

    def _place_in(self, s: Sentence, span: tuple[int, int]) -> str | None:
        """The place an indicator's subject ends "in": "the coverage ... for children under one
        year old in the province" is the province's, "... in Oudomxay" Oudomxay's; so is one it
        ends "across" or "at" ("Room occupancy across Da Nang", places.yaml area_openers)."""
        toks = s.tokens
        i, j = span
        at = next((k for k in range(j - 2, i - 1, -1) if toks[k].text.lower() in self.area_openers), None)
        if at is None:
            return None
        words = s.doc.text[toks[at + 1].start:toks[j - 1].end]
        kind = fold(words).removeprefix("the ")
        if kind in self.place_kinds:
            return words
        for mark in ("'s ", "’s "):
            cut = words.find(mark)
            if cut > 0 and fold(words[:cut]).removeprefix("the ") in self.place_kinds:
                return words[:cut]  # "at the city's hotels": the city's
        return self.owners.of_subject(s, (at + 1, j))

    @staticmethod
    def _right_after(s: Sentence, verb: int, start: int) -> bool:
        """Whether the figure at `start` is what the clause's verb (token `verb`) states, a few
        words after it with no comma or other figure between: "was 71 percent", not "..., well
        below the 95 percent needed" nor the third figure of a list."""
        between = [t for t in s.tokens[verb + 1:] if t.end <= start]
        return len(between) <= _VERB_TO_FIGURE and not any(t.text == "," or t.tag == "CD" for t in between)


_OF_WHOLE = re.compile(r"[ \t]+of\b")  # "reached 95% of children aged 9 months to 14 years": a share of them
_VERB_TO_FIGURE = 3  # "reached only", "stood at", "rose to": the words a verb puts before its figure
_PARTICIPLE = re.compile(r"^[a-z]+ed$")


_WORD_BEFORE = re.compile(r"([A-Za-z-]+)[ \t]+$")


def _goods_after(toks: Tokens, compound: Tokens, end: int, place_kinds: frozenset[str]) -> list[str]:
    """The goods "of" names right after a growing noun inside its clause's subject ("Imports of
    machinery and equipment reached ..."): a growth of those imports, not of all imports."""
    if not compound:
        return []
    i = next((k for k, t in enumerate(toks) if t is compound[-1]), None)
    if i is None or i + 2 >= end or toks[i + 1].text.lower() != "of":
        return []
    if any(t.text.lower() in place_kinds for t in toks[i + 2:end]):
        return []  # "Shrimp exports of the Mekong Delta province of Ca Mau": a place's, no goods
    nouns = []
    for t in toks[i + 2:end]:
        if t.tag == "CD" or any(ch.isdigit() for ch in t.text):
            return []  # "the bilateral trade of 10.57 billion USD": an amount, not goods
        if t.tag in ("IN", "TO", ",", "VBD", "VBZ", "VBP", "MD"):
            break
        if t.is_noun:
            nouns.append(t.text.lower())
    return ["of", *nouns] if nouns else []


def _group_head(s: Sentence, start: int, end: int) -> str | None:
    """The group a share is of, from the analysis: its words up to the first verb form or
    preposition after a noun ("rural population using clean water meeting the standards" ->
    "rural population"; "households having hygienic latrines" -> "households")."""
    words: list[str] = []
    for t in s.tokens:
        if t.start < start or t.end > end:
            continue
        if words and (t.is_verb or t.tag in ("IN", "TO", "WDT", ",")):
            break
        if t.tag not in ("DT", "PRP$"):
            words.append(t.text)
    return " ".join(words).lower() or None


def _figure_before(toks: Tokens, pos: int) -> int | None:
    """Index of the last figure before offset `pos`, passing over one given again in brackets
    ("2.8 trillion kip (nearly US$128 million)"); a figure glued to its currency ("US$627") is
    tagged as a noun, so any token with a digit counts."""
    depth = 0
    for i in range(len(toks) - 1, -1, -1):
        if toks[i].end > pos:
            continue
        depth += (toks[i].text == ")") - (toks[i].text == "(")
        if depth <= 0 and (toks[i].tag == "CD" or any(ch.isdigit() for ch in toks[i].text)):
            return i
    return None


def _before_clause(toks: Tokens, span: tuple[int, int]) -> tuple[int, int]:
    """A whole's words before a relative clause with a subject of its own, a past participle
    that describes it or a modal that opens the clause's verb, from the analysis (as
    `_head_phrase` drops participles in -ed): "the value of the gold it sells" and "the value of
    gold sold" are both the value of gold, "85% of production would be set aside" a share of
    production. A verb that picks out a group ("candidates scoring below 5", "candidates pass") stays."""
    seen_noun, last = False, None
    for t in toks[bisect_left(toks, span[0], key=lambda t: t.start):]:  # a search, not a scan of the sentence
        if t.end > span[1]:
            break
        if seen_noun and last is not None and t.tag in ("PRP", "VBN", "VBD", "MD"):
            return span[0], last
        seen_noun = seen_noun or t.is_noun
        last = t.end
    return span


def _head_phrase(whole: str) -> str:
    """The whole without its participles: "the land needed for the project" and "the required
    land handed over" are both the land."""
    words = [w for w in whole.split() if w.lower() not in ("the", "a", "an", "its", "their")]
    kept: list[str] = []
    for word in words:
        participle = bool(_PARTICIPLE.match(word))
        if kept and (participle or word in ("for", "to", "in", "at", "on", "by", "from")):
            break
        if not participle:
            kept.append(word)
    return " ".join(kept) or whole
