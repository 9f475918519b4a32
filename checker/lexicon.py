"""Word lists and tables from `rules/data/`, validated and loaded once.

Every list the extractors use lives in a data file that says its own format; this
module only reads and checks them, so a broken file is reported as `file:line: why`.
"""

from __future__ import annotations

import re
from importlib import resources
from functools import cached_property
from typing import Literal
from pathlib import Path

from pydantic import BaseModel, Field, ConfigDict, field_validator, model_validator, ValidationInfo

from checker.models import TimeUnit
from checker.ruleset import RuleSet, load_layered
from checker.yamlio import ConfigError

Strict = ConfigDict(extra="forbid", frozen=True)


class Numbers(BaseModel):
    model_config = Strict
    units: dict[str, int]
    tens: dict[str, int]
    scales: dict[str, int]
    money_scales: dict[str, int]
    count_scales: dict[str, int]
    count_scale_not_before: list[str]
    range_between: list[str]
    range_repeats: list[str]
    negative_words: list[str]
    comparatives: dict[str, Literal["up", "down"]]
    base_links: list[str]
    percent_signs: dict[str, Literal["percent", "points", "basis points"]]
    change_words: list[str]
    difference_after: list[str]
    number_joiners: list[str]
    number_articles: list[str]
    number_fractions: dict[str, float]
    number_and_fractions: dict[str, float]
    vague_plurals: dict[str, int]
    share_fractions: dict[str, float]
    share_fractions_not_after: list[str]
    share_joiners: list[str]
    share_whole_joiners: list[str]
    share_rate_bases: list[int]


class Calendar(BaseModel):
    model_config = Strict
    months: dict[str, int]
    parts: dict[str, tuple[int, int]]
    month_parts: dict[str, tuple[int, int]]
    weekdays: dict[str, int]
    contrast_words: list[str]
    period_ordinals: dict[str, int]
    named_years: list[str]
    season_words: list[str]
    previous_words: list[str]
    when_words: list[str]
    previous_seasons: list[str]
    first_spans: dict[str, str]
    span_openers: list[str]
    span_joiners: list[str]
    day_times: list[str]
    anniversary_words: list[str]
    holiday_words: list[str]
    clock_suffixes: list[str]
    state_times: list[str]
    period_prepositions: list[str]
    span_ends: list[str]
    clause_openers: list[str]
    to_date_openers: list[str]
    to_date_adverbs: list[str]
    to_date_period_words: list[str]
    same_period_openers: list[str]
    same_period_mentions: list[str]
    future_modals: list[str]
    part_codes: dict[str, tuple[int, int]]
    month_counts: dict[str, int]
    as_of_verbs: list[str]
    release_verbs: list[str]
    release_openers: list[str]
    earlier_openers: list[str]
    durations: dict[str, tuple[TimeUnit, int]]
    duration_leads: list[str]
    duration_modifiers: list[str]
    duration_companions: list[str]
    duration_not_after: list[str]
    period_report_days: int = Field(ge=0, le=366)
    over_occasions: list[str]


class Currencies(BaseModel):
    model_config = Strict
    prefix: dict[str, str]
    suffix: dict[str, str]
    prefix_with_scale: dict[str, str]
    subunits: dict[str, tuple[str, float]]
    conversion_tolerance: float = Field(ge=0, le=0.5)


class Units(BaseModel):
    model_config = Strict
    units: dict[str, str]
    per: list[str]
    denominators: list[str]
    denominator_forms: dict[str, str]
    time_denominators: dict[str, str]
    distance_words: list[str]
    period_denominators: dict[str, str]
    count_denominators: dict[str, str]
    period_adjectives: dict[str, str]
    period_adverbs: dict[str, str]
    capacity_modals: list[str]
    design_openers: list[str]
    design_dimensions: list[str]
    design_plan_markers: list[str]
    unit_attributes: dict[str, str]
    building_area_units: list[str]
    rain_words: list[str]
    readings: dict[str, str]
    reading_attributes: list[str]
    window_units: list[str]
    rain_place_verbs: list[str]
    rain_place_links: list[str]
    currency_or_mass: dict[str, str]
    weight_words: list[str]
    weight_links: list[str]
    implied_goods: dict[str, str]
    generation_verbs: list[str]


class Hedge(BaseModel):
    model_config = Strict
    low: float | None
    high: float | None


class Hedges(BaseModel):
    model_config = Strict
    hedges: dict[str, Hedge]
    particle_hedges: list[str]
    particle_verbs: list[str]


class Boilerplate(BaseModel):
    model_config = Strict
    lines: list[str]
    teaser_starts: list[str]
    teaser_headings: list[str]
    label_starts: list[str]
    credits: list[str]
    breadcrumb_separators: list[str]
    mastheads: list[str]


class EventForms(BaseModel):
    model_config = Strict
    passive: list[str]
    active: list[str]
    nominal: list[str]
    clause: list[str] = []
    occasion: list[str] = []
    split: list[str] = []  # "put * into operation": the object stands where the star is
    purpose: list[str] = []  # "a ceremony to open the bridge": the occasion is this event of its object
    doer: bool = False  # "Khoa presented his credentials to the King": the event of the active verb's subject
    # words that open the recipient after an active form's object ("transferred the first 40
    # billion kip to the five provincial treasuries": the money's handover, not the treasuries')
    recipient: list[str] = []

    @field_validator("passive", "active", "nominal", "split")
    @classmethod
    def _one_star_between_words(cls, forms: list[str]) -> list[str]:
        """A star ("connected to * grid") stands for words between two others, once."""
        for form in forms:
            parts = form.split("*")
            if len(parts) > 2 or len(parts) == 2 and not all(p.strip() for p in parts):
                raise ValueError(f"{form!r}: a star must stand once, between words")
        return forms


class Events(BaseModel):
    model_config = Strict
    events: dict[str, EventForms]
    tense: dict[str, list[str]]
    condition_openers: list[str]
    plan_markers: list[str]
    planning_verbs: list[str]
    given_up_plan_words: list[str]
    estimate_markers: list[str]
    fact_openers: list[str]
    revision_markers: list[str]
    superseded_markers: list[str]
    increment_words: list[str]
    level_verbs: list[str]
    resize_verbs: list[str]
    irregular_pasts: list[str]
    launch_forms: list[str]
    launch_heads: list[str]
    edition_heads: list[str]
    ahead_openers: list[str]
    ahead_adverbs: list[str]
    auxiliary_adverbs: list[str]
    owner_determiners: list[str]
    future_occasions: list[str]
    baseline_words: list[str]
    reference_words: list[str]
    occasion_qualifiers: list[str]
    occasion_venues: list[str]
    spanning_occasions: list[str]
    spanning_bounds: list[str]
    occasion_report_days: int = Field(ge=0, le=31)
    occasion_span_units: list[TimeUnit]

    @model_validator(mode="after")
    def _bounds_are_events(self) -> "Events":
        unknown = [a for a in self.spanning_bounds if a not in self.events]
        if unknown:
            raise ValueError(f"spanning_bounds: {', '.join(unknown)} is no event of events:")
        return self


class Aliases(BaseModel):
    model_config = Strict
    aliases: dict[str, list[str]]
    capitals_only: list[str]
    synonyms: dict[str, list[str]]
    american_endings: dict[str, str]
    noise: list[str]
    named_noise: list[str]
    stops: list[str]


class CountVerbs(BaseModel):
    model_config = Strict
    auxiliaries: list[str]
    passive: list[str]
    received_as: dict[str, str]
    elided: list[str]
    done: list[str]
    doing: list[str]
    having: list[str]
    tally_after: list[str]
    tally_conditions: dict[str, list[str]]
    tally_states: list[str]
    tally_before: list[str]
    tally_doing: list[str]
    quantifiers: list[str]
    nominal: dict[str, str]


class FigureLinks(BaseModel):
    model_config = Strict
    verbs: list[str]
    fillers: list[str]


class Nouns(BaseModel):
    model_config = Strict
    irregular: dict[str, str]
    not_plural: list[str]
    count_measures: list[str]
    toll_nouns: dict[str, str]
    count_subject_links: list[str]
    count_capacity_phrases: list[str]
    count_change_openers: list[str]
    partitive_pronouns: list[str]
    feature_nouns: list[str]
    kinded_things: list[str]
    kinded_grades: list[str]
    origin_kinded_things: list[str]
    sent_counts: list[str]
    dispatch_verbs: list[str]
    doer_nouns: list[str]
    origin_kinds: dict[str, str]
    own_ground: list[str]
    progress_wholes: list[str]
    progress_subjects: list[str]
    progress_verbs: list[str]
    past_progress_verbs: list[str]
    several_words: list[str]
    then_openers: list[str]
    period_counts: list[str]
    place_counts: list[str]
    subject_adverbs: list[str]
    distal_determiners: list[str]
    share_measures: dict[str, str]
    generic_investors: list[str]
    multiword: dict[str, list[str]]
    count_counters: list[str]
    recount_determiners: list[str]
    recount_openers: list[str]
    recount_verbs: list[str]
    count_synonyms: dict[str, str]
    person_nouns: list[str]
    person_outcomes: dict[str, str]
    daily_tallies: list[str]
    held_tallies: list[str]
    distributive_words: list[str]
    collective_counts: dict[str, str]
    collective_generic: list[str]
    planting_verbs: list[str]
    crop_area_links: list[str]
    paid_to_attributes: dict[str, str]
    whole_amount_words: list[str]
    source_part_openers: list[str]
    feature_verbs: list[str]
    toll_parts: list[str]
    count_kind_synonyms: dict[str, str]
    count_noun_verbs: dict[str, dict[str, str]]
    settled_counts: list[str]
    modifier_joiners: list[str]
    party_nouns: list[str]
    count_verbs: CountVerbs
    verb_lemmas: dict[str, str]
    not_counted: list[str]
    not_claimed: list[str]
    possessives: list[str]
    fare_nouns: list[str]
    fare_classes: dict[str, str]
    fare_verbs: list[str]
    fare_effective: list[str]
    earlier_level_words: list[str]
    fare_trips: dict[str, str]
    fare_grades: dict[str, str]
    discount_words: list[str]
    fare_offers: list[str]
    count_descriptors: list[str]
    change_verbs: dict[str, Literal["up", "down"]]
    change_focus_words: list[str]
    change_nouns: dict[str, Literal["up", "down"]]
    occasion_money: list[str]
    purpose_money: list[str]
    purpose_stops: list[str]
    object_kind_verbs: list[str]
    floor_nouns: list[str]
    below_ground_words: list[str]
    receiving_verbs: list[str]
    national_bodies: list[str]
    government_givers: list[str]
    relief_sources: list[str]
    added_amount_links: list[str]
    instrument_nouns: list[str]
    plan_nouns: list[str]
    generic_terms: list[str]
    extension_words: list[str]
    term_nouns: list[str]
    term_kinds: dict[str, str]
    qualified_terms: list[str]
    term_verbs: dict[str, str | None]
    operating_verbs: list[str]
    operated_objects: list[str]
    period_link_verbs: list[str]
    period_links: list[str]
    office_terms: list[str]
    office_term_links: list[str]
    static_percent_attributes: list[str]
    stake_verbs: list[str]
    stake_wholes: list[str]
    stake_taking_verbs: list[str]
    stake_shares: list[str]
    share_whole_synonyms: dict[str, str]
    share_destinations: dict[str, list[str]]
    money_attributes: dict[str, str]
    quantity_owners: dict[str, str]
    quantity_adjectives: dict[str, str]
    need_words: list[str]
    percent_attributes: dict[str, str]
    share_nouns: list[str]
    complete_words: list[str]
    part_links: list[str]
    whole_pronouns: list[str]
    funding_nouns: list[str]
    funding_wholes: list[str]
    funding_links: list[str]
    number_nouns: list[str]
    growing_things: dict[str, str]
    output_verbs: list[str]
    growth_measures: list[str]
    clause_conjunctions: list[str]
    subordinators: list[str]
    quantity_attributes: dict[str, str]
    wider_coordinations: list[str]
    mixed_area_class: str
    flow_words: dict[str, str]
    classifiers: list[str]
    cargo_words: list[str]
    period_events: dict[str, str]
    figure_links: FigureLinks
    estimate_verbs: list[str]
    estimate_particles: list[str]
    period_flows: list[str]
    good_value_links: list[str]
    undated_money: list[str]
    lender_money: list[str]
    lender_links: list[str]
    aid_phrase_links: list[str]
    national_lenders: dict[str, list[str]]
    predicate_links: list[str]
    setting_prepositions: list[str]
    object_money_verbs: list[str]
    funding_sources: list[str]
    spending_gerunds: list[str]
    place_money: list[str]
    indicator_rates: list[str]
    lodging_nouns: list[str]
    lodging_links: list[str]


class Entities(BaseModel):
    model_config = Strict
    heads: list[str]
    same_thing: list[list[str]]
    topic_names: list[list[str]]
    name_after_heads: list[str]
    anaphora: list[str]
    thing_events: list[str]
    thing_attributes: list[str]
    thing_only_attributes: list[str]
    owner_nouns: list[str]
    part_sections: list[str]
    part_of_nouns: list[str]
    event_heads: list[str]
    parts: list[str]
    qualifiers: list[str]
    part_markers_before: list[str]
    part_markers_after: list[str]
    part_border_ends: list[str]
    part_location_links: list[str]
    part_locations: list[str]
    part_of_wholes: list[str]
    whole_after: list[str]
    part_ordinals: list[str]
    ordinal_pronouns: list[str]
    series_ordinals: dict[str, str]
    phase_nouns: list[str]
    phase_numerals: dict[str, int]
    phase_positions: dict[str, str]
    position_phase_nouns: list[str]
    number_signs: list[str]
    other_markers: list[str]
    other_editions: list[str]
    other_determiners: list[str]
    former_markers: list[str]
    former_after: list[str]
    former_after_times: list[str]
    replaced_markers: list[str]
    operating_markers: list[str]
    operating_adverbs: list[str]
    unfinished_markers: list[str]
    time_nouns: list[str]
    building_heads: list[str]
    building_parts: list[str]
    apart_words: list[str]
    goods: list[str]
    goods_synonyms: dict[str, str]
    trade_agents: list[str]
    price_trade_verbs: list[str]
    trade_measures: list[str]
    trade_value_words: list[str]
    other_of_heads: list[str]
    task_nouns: list[str]
    other_kind_modifiers: list[str]
    sum_words: list[str]
    whole_words: list[str]
    whole_clause_links: list[str]
    trade_attributes: list[str]
    venue_words: list[str]
    locator_words: list[str]


class Span(BaseModel):
    """One span of work a duration may measure, and the event dates that bound it."""

    model_config = Strict
    nouns: list[str]
    verbs: list[str]
    thing: bool
    starts: list[str]
    ends: list[str]
    ends_by: list[str]


class Spans(BaseModel):
    model_config = Strict
    lasting: list[str]
    between: list[str]
    plan_words: list[str]
    part_words: list[str]
    offset_words: list[str]
    spans: dict[str, Span]


class Places(BaseModel):
    model_config = Strict
    countries: list[str]
    nationalities: list[str]
    places: list[str]
    kinds: list[str]
    nation_kinds: list[str]
    main_place_kinds: list[str]
    local_kinds: list[str]
    local_adjectives: list[str]
    governing_nouns: list[str]
    executive_bodies: list[str]
    wider_areas: list[str]
    area_openers: list[str]
    wider_adverbs: list[str]
    whole_place_markers: list[str]
    several_place_counts: list[str]
    several_place_nouns: list[str]
    neighbour_words: list[str]
    channel_words: list[str]
    market_nouns: list[str]
    market_reach_verb: str
    buyer_nouns: list[str]
    purchase_verbs: list[str]
    buyer_list_openers: list[str]
    buyer_list_links: list[str]
    destination_verbs: list[str]
    destination_auxiliaries: list[str]
    opening_closers: list[str]
    place_relatives: list[str]
    compass_words: list[str]
    bilateral_phrases: list[str]
    bilateral_things: list[str]
    city_provinces: dict[str, str]
    renamed: dict[str, list[str]]

    @field_validator("city_provinces")
    @classmethod
    def _cities_are_places(cls, cities: dict[str, str], info: ValidationInfo) -> dict[str, str]:
        known = set(info.data.get("places", ()))
        for name in (n for pair in cities.items() for n in pair):
            if name not in known:
                raise ValueError(f"{name!r} is not in places")
        return cities


class Names(BaseModel):
    model_config = Strict
    family_names: list[str]
    family_names_country: str
    honorifics: list[str]
    name_particles: list[str]
    ranks: list[str]
    nationalities: dict[str, str]
    spelling_variants: list[tuple[str, str]]
    thing_spelling_variants: list[tuple[str, str]]
    person_events: list[str]
    unnamed_person_events: list[str]
    person_pronouns: list[str]
    person_counts: list[str]
    person_count_verbs: dict[str, str]
    voters: list[str]
    vote_nouns: dict[str, str]
    possessive_pronouns: list[str]

    @field_validator("spelling_variants", "thing_spelling_variants")
    @classmethod
    def _patterns_compile(cls, pairs: list[tuple[str, str]]) -> list[tuple[str, str]]:
        for pattern, _ in pairs:
            try:
                re.compile(pattern)
            except re.error as exc:
                raise ValueError(f"bad pattern {pattern!r}: {exc}") from None
        return pairs


class Title(BaseModel):
    model_config = Strict
    forms: list[str]
    seats: str


class AcrossBodies(BaseModel):
    model_config = Strict
    bodies: list[str]
    titles: list[str]


class Exclusive(BaseModel):
    model_config = Strict
    same_body: list[tuple[str, str]]
    across_bodies: list[AcrossBodies]


class Offices(BaseModel):
    model_config = Strict
    titles: dict[str, Title]
    bodies: dict[str, list[str]]
    exclusive: Exclusive
    past_markers: list[str]
    past_after_title: list[str]
    reporting_verbs: list[str]
    succession_verbs: list[str]
    appointment_nouns: list[str]
    tenure_verbs: list[str]
    term_serving_verbs: list[str]
    leading_verbs: list[str]
    leading_titles: dict[str, str]
    succession_auxiliaries: list[str]
    succession_links: list[str]
    new_office_adverbs: list[str]
    relative_links: list[str]
    relative_office_verbs: dict[str, str]
    local_bodies: list[str]
    unnamed_bodies: list[str]
    own_bodies: list[str]
    portfolios: list[str]


class Lexicon:
    """Lazy access to every data file under one directory, with newsroom data folders over it
    (`layers`, in order: see checker.ruleset for how a newsroom file extends a table)."""

    def __init__(self, data_dir: Path, layers: tuple[Path, ...] = ()) -> None:
        self.data_dir = data_dir
        self.layers = layers

    @classmethod
    def for_rules(cls, rules: RuleSet) -> "Lexicon":
        return cls(rules.shipped / "data", rules.data_layers)

    def _load(self, name: str, model: type[BaseModel]) -> BaseModel:
        return load_layered(self.data_dir / name, [d / name for d in self.layers if (d / name).is_file()], model)

    @cached_property
    def numbers(self) -> Numbers:
        return self._load("numbers.yaml", Numbers)

    @cached_property
    def calendar(self) -> Calendar:
        return self._load("calendar.yaml", Calendar)

    @cached_property
    def currencies(self) -> Currencies:
        return self._load("currencies.yaml", Currencies)

    @cached_property
    def units(self) -> Units:
        return self._load("units.yaml", Units)

    @cached_property
    def hedges(self) -> Hedges:
        return self._load("hedges.yaml", Hedges)

    @cached_property
    def boilerplate(self) -> Boilerplate:
        return self._load("boilerplate.yaml", Boilerplate)

    @cached_property
    def events(self) -> Events:
        return self._load("events.yaml", Events)

    @cached_property
    def aliases(self) -> Aliases:
        return self._load("aliases.yaml", Aliases)

    @cached_property
    def offices(self) -> Offices:
        return self._load("offices.yaml", Offices)

    @cached_property
    def nouns(self) -> Nouns:
        return self._load("nouns.yaml", Nouns)

    @cached_property
    def entities(self) -> Entities:
        return self._load("entities.yaml", Entities)

    @cached_property
    def spans(self) -> Spans:
        return self._load("spans.yaml", Spans)

    @cached_property
    def places(self) -> Places:
        return self._load("places.yaml", Places)

    @cached_property
    def names(self) -> Names:
        return self._load("names.yaml", Names)

    @property
    def pint_definitions(self) -> Path:
        """units.txt in pint's own grammar: a newsroom's replaces the shipped one whole (pint
        reads one file), so it starts from a copy of the shipped file."""
        return next((d / "units.txt" for d in reversed(self.layers) if (d / "units.txt").is_file()),
                    self.data_dir / "units.txt")

    def load_all(self) -> None:
        """Read every file now, so a broken one is reported before any article is read."""
        for name in _FILES.values():
            getattr(self, name)
        for layer in self.layers:
            for path in sorted(p for p in layer.iterdir() if p.suffix in (".yaml", ".yml", ".txt")):
                if path.name not in _FILES and path.name != "units.txt":
                    raise ConfigError(path, f"not a data file claimcheck reads (known: {', '.join(sorted(_FILES))})")


# Each data file and the Lexicon property that reads it.
_FILES = {f"{name}.yaml": name for name in (
    "numbers", "calendar", "currencies", "units", "hedges", "boilerplate", "events", "aliases", "offices",
    "nouns", "entities", "names", "places", "spans")}


def default_rules_dir() -> Path:
    """The rules shipped with claimcheck, wherever it runs from: an installed package holds
    them as `checker/rules`; a checkout (or an editable install) has the repository's `rules/`
    beside the package. The working folder plays no part, so a newsroom's own `rules/`
    folder is read only when named (`--rules`, or `rules` in the configuration)."""
    package = Path(str(resources.files("checker")))
    for candidate in (package / "rules", package.parent / "rules"):
        if (candidate / "data").is_dir():
            return candidate
    return package / "rules"
