"""Extraction on real sentences: each case names the exact words a claim must quote and
the exact value it must carry, in the report's shapes (`model_dump(mode="json")`).

Sentences come from the seeds or are written like regional news. Values are sets: a date
is the interval its wording allows, a rounded figure widens to its rounding, hedges
("about", "nearly", "over", "at least") widen it as rules/data/hedges.yaml says.
"""

from __future__ import annotations

from dataclasses import dataclass, field

import pytest

from checker.documents import read_corpus
from checker.models import Claim
from checker.values import disjoint, interval

from conftest import SEEDS_DIR, analyse_text, check_texts, load_toolkit

POWER = "kilogram * meter ** 2 / second ** 3"


@dataclass(frozen=True)
class Case:
    id: str
    sentence: str
    kind: str
    text: str
    value: dict
    attribute: str | None = None
    published: str | None = None
    scope: dict = field(default_factory=dict)  # keys that must be present with these values


def find(claims: list[Claim], kind: str, text: str) -> Claim:
    matching = [c for c in claims if c.kind == kind and c.text == text]
    assert matching, f"no {kind} claim quoting {text!r}; got {[(c.kind, c.text) for c in claims]}"
    assert len(matching) == 1, matching
    return matching[0]


CASES = [
    # --- dates ---------------------------------------------------------------------
    Case("completed-in-month",
         "H\u00e0 N\u1ed9i\u2019s development assistance projects to build the headquarters of the Vientiane Department "
         "of Justice and the Vientiane People\u2019s Procuracy, completed in April 2024, were highlighted as a symbol "
         "of the enduring friendship between the two capitals.",
         "date", "completed in April 2024", {"start": "2024-04-01", "end": "2024-04-30"}, "completed",
         published="2025-12-03"),
    Case("has-been-completed",
         "Especially, just over a year after commencement, the construction project of the headquarters of the "
         "Department of Justice and People's Procuracy of Vientiane Capital supported by Hanoi with a construction "
         "budget of 3 million USD has been completed.",
         "date", "has been completed", {"start": None, "end": "2024-03-14"}, "completed", published="2024-03-14"),
    Case("two-days-one-year",
         "The working visit to Laos on March 11 and 12, 2024 by the high-level delegation from Hanoi led by "
         "Mr. Dinh Tien Dung set a model for the relationship between Hanoi and Vientiane.",
         "date", "working visit to Laos on March 11 and 12, 2024", {"start": "2024-03-11", "end": "2024-03-12"},
         "visited", published="2024-03-20"),
    Case("will-be-completed",
         "The Hieu Giang 2 bridge in Dong Ha will be completed, the provincial transport department said.",
         "date", "will be completed", {"start": "2024-03-14", "end": None}, "completed", published="2024-03-14"),
    Case("inaugurated-on-day",
         "The Hieu Giang Bridge was inaugurated on March 5, 2024.",
         "date", "was inaugurated on March 5, 2024", {"start": "2024-03-05", "end": "2024-03-05"}, "inaugurated"),
    Case("weekday-with-its-date-in-brackets",
         "The terminal received its first vessel, the 12,200-TEU MV Sea Lotus, on Saturday (March 15), two days "
         "ahead of the ceremony.",
         "date", "received its first vessel, the 12,200-TEU MV Sea Lotus, on Saturday (March 15",
         {"start": "2025-03-15", "end": "2025-03-15"}, "commissioned", published="2025-03-18"),
    Case("fed-power-into-the-grid",
         "The project's investor said the plant first fed electricity into the national grid on September 5 after "
         "nearly two months of trial runs.",
         "date", "fed electricity into the national grid on September 5", {"start": "2024-09-05", "end": "2024-09-05"},
         "energised", published="2024-09-13"),
    Case("began-feeding-power",
         "The plant, which costs VND2.61 trillion, began feeding power to the national grid last Saturday.",
         "date", "began feeding power to the national grid last Saturday", {"start": "2024-09-07", "end": "2024-09-07"},
         "energised", published="2024-09-13"),
    Case("late-month-at-sentence-end",
         "The Hieu Giang Bridge was opened to traffic in late March.",
         "date", "was opened to traffic in late March", {"start": "2024-03-21", "end": "2024-03-31"}, "inaugurated",
         published="2024-06-10"),
    Case("yearless-day-with-publication",
         "The Quang Tri investment conference was held on August 10, the organisers said.",
         "date", "was held on August 10", {"start": "2022-08-10", "end": "2022-08-10"}, "held", published="2022-08-20"),
    # a yearless date told in the past, months after its December article: last March, not next
    Case("yearless-past-day-months-ahead",
         "The second phase of the Phuoc Minh solar farm was connected to the national grid on March 9.",
         "date", "was connected to the national grid on March 9", {"start": "2024-03-09", "end": "2024-03-09"},
         "energised", published="2024-12-11"),
    # 2024-04-24 is a Wednesday: "on Monday" is the 22nd before it, "on Friday" the 26th after it.
    Case("weekday-before-publication",
         "The power purchase agreement was signed on Monday at a ceremony in Vientiane.",
         "date", "was signed on Monday", {"start": "2024-04-22", "end": "2024-04-22"}, "signed",
         published="2024-04-24"),
    Case("weekday-future",
         "The Xe Khampho hydropower plant will be inaugurated on Friday, the developer said.",
         "date", "will be inaugurated on Friday", {"start": "2024-04-26", "end": "2024-04-26"}, "inaugurated",
         published="2024-04-24"),
    Case("weekday-beside-full-date",
         "The concession agreement was signed on Monday, January 22, 2024 in Vientiane.",
         "date", "was signed on Monday, January 22, 2024", {"start": "2024-01-22", "end": "2024-01-22"}, "signed",
         published="2024-01-25"),
    # --- money ---------------------------------------------------------------------
    Case("usd-prefix-decimal-million",
         "During the first six months of 2022, Hanoi\u2019s exports to Laos stood at $75.8 million, or 0.9% of the "
         "city\u2019s total export turnover, and imported goods and products worth $99 million, accounting for 0.48% "
         "of its imports.",
         "money", "$75.8 million", {"low": 75_750_000, "high": 75_850_000, "currency": "USD"}, "exports"),
    Case("imports-worth",
         "During the first six months of 2022, Hanoi\u2019s exports to Laos stood at $75.8 million, or 0.9% of the "
         "city\u2019s total export turnover, and imported goods and products worth $99 million, accounting for 0.48% "
         "of its imports.",
         "money", "$99 million", {"low": 98_500_000, "high": 99_500_000, "currency": "USD"}, "imports"),
    Case("usd-suffix-budget",
         "The project was supported by Hanoi with a construction budget of 3 million USD.",
         "money", "3 million USD", {"low": 2_500_000, "high": 3_500_000, "currency": "USD"}, "cost"),
    Case("us-dollar-sign-billion",
         "Bilateral trade rose to US$1.06 billion in the first ten months of the year.",
         "money", "US$1.06 billion", {"low": 1_055_000_000, "high": 1_065_000_000, "currency": "USD"}, "turnover"),
    Case("vnd-trillion",
         "The Hoa Binh - Moc Chau expressway has a total investment of VND 1.2 trillion.",
         "money", "VND 1.2 trillion", {"low": 1_150_000_000_000, "high": 1_250_000_000_000, "currency": "VND"},
         "investment"),
    Case("words-and-us-dollars",
         "Vietnam provided a grant of three million US dollars to the Lao Red Cross.",
         "money", "three million US dollars", {"low": 2_500_000, "high": 3_500_000, "currency": "USD"}, "grant"),
    Case("cost-as-verb",
         "The Savannakhet Provincial Hospital building cost $3 million.",
         "money", "$3 million", {"low": 2_500_000, "high": 3_500_000, "currency": "USD"}, "cost"),
    Case("plain-figure-is-exact",
         "The Lao Red Cross received a donation of $250,000 from the Vietnamese community.",
         "money", "$250,000", {"low": 250_000, "high": 250_000, "currency": "USD"}, "aid"),
    Case("hyphenated-us-dollar-adjective",
         "The 76.8-million-U.S.-dollar project was financed by a loan from China.",
         "money", "76.8-million-U.S.-dollar", {"low": 76_750_000, "high": 76_850_000, "currency": "USD"}, "cost"),
    Case("vnd-glued-tril",
         "A high-tech pig farming complex with total investment of VND2.4tril was inaugurated on Tuesday.",
         "money", "VND2.4tril", {"low": 2_350_000_000_000, "high": 2_450_000_000_000, "currency": "VND"},
         "investment"),
    Case("vnd-glued-bil",
         "The road linking the port has a total investment of VND500bil.",
         "money", "VND500bil", {"low": 499_500_000_000, "high": 500_500_000_000, "currency": "VND"}, "investment"),
    # --- quantities ----------------------------------------------------------------
    Case("hectares-glued",
         "It covers a 2.5ha area, consisting of 2 office buildings and 1 modern conference hall.",
         "quantity", "2.5ha", {"low": 25000, "high": 25000, "unit": "meter ** 2"}, "area"),
    Case("square-metres",
         "The Dong Ha logistics centre covers an area of 25,000 square metres.",
         "quantity", "25,000 square metres", {"low": 25000, "high": 25000, "unit": "meter ** 2"}, "area"),
    Case("length-before-another-size",
         "The recently energised 76.4km 220kV line connects Quang Binh with Khammouane province.",
         "quantity", "76.4km", {"low": 76400, "high": 76400, "unit": "meter"}, "length"),
    Case("kilometres",
         "The Hoa Binh - Moc Chau expressway section is 45 km long.",
         "quantity", "45 km", {"low": 45000, "high": 45000, "unit": "meter"}, "length"),
    Case("megawatts",
         "The Xe Kaman 4 hydropower plant has a capacity of 600 MW.",
         "quantity", "600 MW", {"low": 600_000_000, "high": 600_000_000, "unit": POWER}, "capacity"),
    Case("gigawatts",
         "The Xe Kaman 4 hydropower plant has a capacity of 1.2 GW.",
         "quantity", "1.2 GW", {"low": 1_200_000_000, "high": 1_200_000_000, "unit": POWER}, "capacity"),
    Case("tonnes",
         "Vietnam sent 500 tonnes of rice to Attapeu Province.",
         "quantity", "500 tonnes", {"low": 500_000, "high": 500_000, "unit": "kilogram"}),
    # --- counts --------------------------------------------------------------------
    Case("head-of-cattle",
         "Luang Namtha province exported 38,650 head of cattle to China through Boten from January to September.",
         "count", "38,650 head of cattle", {"low": 38650, "high": 38650, "noun": "cattle"}, "count"),
    # an animal counted with no plural ending (nouns.yaml irregular)
    Case("zero-plural-animals",
         "The hatchery began trial production with 6,000 broodstock imported from Hawaii.",
         "count", "6,000 broodstock", {"low": 6000, "high": 6000, "noun": "broodstock"}, "count"),
    # ... which describes the plural noun after it, if one follows
    Case("zero-plural-modifier",
         "The apron extension has given the airport 14 aircraft stands, allowing it to park wide-body jets.",
         "count", "14 aircraft stands", {"low": 14, "high": 14, "noun": "stand"}, "count"),
    Case("zero-plural-modifier-of-zero-plural",
         "The company has imported 9,000 broodstock shrimp for its first production cycles.",
         "count", "9,000 broodstock shrimp", {"low": 9000, "high": 9000, "noun": "shrimp"}, "count"),
    Case("zero-plural-fish",
         "The fishery department released 20,000 fish into the Nam Ngum reservoir on Friday.",
         "count", "20,000 fish", {"low": 20000, "high": 20000, "noun": "fish"}, "count"),
    Case("digits-with-modifier",
         "At the local level, agencies, units, organizations from both sides have signed 8 cooperation "
         "agreements and been implementing them effectively.",
         "count", "8 cooperation agreements", {"low": 8, "high": 8, "noun": "agreement"}, "count"),
    Case("level-in-scope",
         "Strategic cooperation has been advanced through two city-level agreements and eight agreements between "
         "departments and agencies, covering Party building, economic collaboration and investment.",
         "count", "two city-level agreements", {"low": 2, "high": 2, "noun": "agreement"}, "count",
         scope={"level": "city"}),
    Case("words-with-parties",
         "Strategic cooperation has been advanced through two city-level agreements and eight agreements between "
         "departments and agencies, covering Party building, economic collaboration and investment.",
         "count", "eight agreements", {"low": 8, "high": 8, "noun": "agreement"}, "count"),
    Case("memoranda",
         "He also expressed his delight at the signing of four memoranda of understanding between Hanoi and "
         "Vientiane on August 9.",
         "count", "four memoranda of understanding", {"low": 4, "high": 4, "noun": "memorandum of understanding"},
         "count"),
    Case("office-buildings",
         "It covers a 2.5ha area, consisting of 2 office buildings and 1 modern conference hall.",
         "count", "2 office buildings", {"low": 2, "high": 2, "noun": "building"}, "count"),
    Case("disease-named-in-s",
         "As of March 12, the province had recorded 1,846 suspected measles cases, according to the health department.",
         "count", "1,846 suspected measles cases", {"low": 1846, "high": 1846, "noun": "case"}, "count"),
    Case("stalls-are-booths",
         "The trade fair this year had a total of 1,850 stalls from the whole country.",
         "count", "1,850 stalls", {"low": 1850, "high": 1850, "noun": "booth"}, "count"),
    Case("imports-came-to",
         "Vietnam's imports of rubber from Cambodia came to $312 million in the nine months, down 14.6 per cent.",
         "money", "$312 million", {"low": 311500000.0, "high": 312500000.0, "currency": "USD"}, "imports"),
    Case("fare-is-a-price",
         "The lowest one-way fare, including taxes and fees, is VND1.99 million.",
         "money", "VND1.99 million", {"low": 1985000.0, "high": 1995000.0, "currency": "VND"}, "price"),
    Case("registered-fdi",
         "In the six months, the province licensed 24 new FDI projects, with total registered FDI of US$1.26 billion.",
         "money", "US$1.26 billion", {"low": 1255000000.0, "high": 1265000000.0, "currency": "USD"}, "registered capital"),
    # --- percentages ---------------------------------------------------------------
    Case("share-of-whole",
         "During the first six months of 2022, Hanoi\u2019s exports to Laos stood at $75.8 million, or 0.9% of the "
         "city\u2019s total export turnover.",
         "percent", "0.9%", {"low": 0.9, "high": 0.9}, "share"),
    Case("over-percent",
         "Talking with Prime Minister Pham Minh Chinh, two leaders highlighted the over 30% year-on-year increase "
         "in bilateral trade to $1.06 billion in the 10-month period.",
         "percent", "over 30%", {"low": 30, "high": None}, "change"),
    Case("nearly-percent",
         "Coverage in Sanxay District reached nearly 95% of children aged 9 months to 14 years.",
         "percent", "nearly 95%", {"low": 85.5, "high": 95}, "share"),
    # --- periods -------------------------------------------------------------------
    Case("the-period",
         "They will better implement the Cooperation Agreement for the 2022-2025 period.",
         "period", "the 2022-2025 period", {"start": 2022, "end": 2025}, "period"),
    Case("from-to",
         "The programme on training Lao officials runs from 2023 to 2025.",
         "period", "from 2023 to 2025", {"start": 2023, "end": 2025}, "period"),
    Case("en-dash",
         "The province approved its socio-economic development strategy for 2021\u20132030.",
         "period", "2021\u20132030", {"start": 2021, "end": 2030}, "period"),
    # --- roles ---------------------------------------------------------------------
    Case("title-before-name",
         "Vice Chairman of the Hanoi People's Committee Nguyen Manh Quyen stressed the view during the conference.",
         "role", "Vice Chairman of the Hanoi People's Committee Nguyen Manh Quyen",
         {"person": "nguyen manh quyen", "office": "vice chair", "organisation": "hanoi people's committee"},
         "holds_office"),
    Case("name-before-title-diacritics",
         "The consensus was reached on December 2 during the talks between Nguy\u1ec5n Duy Ng\u1ecdc, Secretary of "
         "the H\u00e0 N\u1ed9i Party Committee, and Anouphap Tounalom.",
         "role", "Nguy\u1ec5n Duy Ng\u1ecdc, Secretary of the H\u00e0 N\u1ed9i Party Committee",
         {"person": "nguyen duy ngoc", "office": "secretary", "organisation": "hanoi party committee"},
         "holds_office"),
    # --- hedges --------------------------------------------------------------------
    Case("about", "Floods damaged about 300 households in Huong Khe District.",
         "count", "about 300 households", {"low": 270, "high": 330, "noun": "household"}, "count"),
    Case("nearly", "Floods damaged nearly 300 households in Huong Khe District.",
         "count", "nearly 300 households", {"low": 270, "high": 300, "noun": "household"}, "count"),
    Case("over", "Floods damaged over 300 households in Huong Khe District.",
         "count", "over 300 households", {"low": 300, "high": None, "noun": "household"}, "count"),
    Case("at-least", "Floods damaged at least 300 households in Huong Khe District.",
         "count", "at least 300 households", {"low": 300, "high": None, "noun": "household"}, "count"),
    # a bound said by denying its other side: "no less than" is "at least", not "less than"
    Case("no-less-than", "The company will buy fresh latex at no less than 8,000 kip per kg.",
         "money", "no less than 8,000 kip", {"low": 8000.0, "high": None, "currency": "LAK"}),
    Case("no-fewer-than", "No fewer than 300 households were moved to the new village.",
         "count", "No fewer than 300 households", {"low": 300, "high": None, "noun": "household"}),
    Case("not-more-than", "Each boat may carry not more than 300 passengers.",
         "count", "not more than 300 passengers", {"low": 0, "high": 300, "noun": "passenger"}),
]


@pytest.mark.parametrize("case", CASES, ids=[c.id for c in CASES])
def test_extracts(case: Case) -> None:
    claims = analyse_text(case.sentence, case.published)
    claim = find(claims, case.kind, case.text)
    assert claim.value.model_dump(mode="json") == pytest.approx(case.value)
    if case.attribute is not None:
        assert claim.attribute == case.attribute
    for key, want in case.scope.items():
        assert claim.scope.get(key) == want


def test_hedge_before_the_currency_widens_the_figure() -> None:
    # "nearly" stands before "VND", not right before the number; it still hedges it (0.9x..1x).
    sentence = "The Hieu Giang 2 bridge has a total investment of nearly VND 500 billion."
    at = sentence.index("VND 500 billion")
    money = [c for c in analyse_text(sentence) if c.kind == "money" and c.start <= at < c.end]
    assert len(money) == 1
    assert money[0].text in ("VND 500 billion", "nearly VND 500 billion")
    assert money[0].value.model_dump(mode="json") == pytest.approx(
        {"low": 450_000_000_000, "high": 500_000_000_000, "currency": "VND"})
    assert money[0].attribute == "investment"


def test_two_offices_of_one_person_are_two_claims() -> None:
    claims = analyse_text(
        "The consensus was reached during the talks between Nguy\u1ec5n Duy Ng\u1ecdc and Anouphap Tounalom, "
        "Secretary of the Vientiane Party Committee and Chairman of the Vientiane People\u2019s Council.")
    values = [c.value.model_dump(mode="json") for c in claims if c.kind == "role" and "tounalom" in c.value.person]
    assert sorted(values, key=lambda v: v["office"]) == [
        {"person": "anouphap tounalom", "office": "chair", "organisation": "vientiane people's council"},
        {"person": "anouphap tounalom", "office": "secretary", "organisation": "vientiane party committee"},
    ]


@pytest.mark.parametrize("sentence, started", [
    ("Only one LNG power plant, in Dong Nai Province, has started generating so far.", False),
    ("The plant has started producing cement for export.", False),
    ("Construction of the LNG power plant has started, the investor said.", True),
])
def test_a_verb_before_a_gerund_dates_no_start_of_works(sentence: str, started: bool) -> None:
    # "has started generating": what started is the generating, not the plant's construction
    claims = analyse_text(sentence, "2025-05-06")
    assert any(c.attribute == "construction_started" for c in claims) == started


@pytest.mark.parametrize("sentence, closed", [
    ("The festival ended with book sales of VND28.5 billion, up 18 per cent compared with last year's event.", None),
    ("The fair closed with 80,000 visitors, more than in 2023.", None),
    ("The fair closed with 80,000 visitors on Sunday.", "2024-04-21"),
])
def test_a_date_a_figure_is_set_against_dates_no_event(sentence: str, closed: str | None) -> None:
    # "up 18 per cent compared with last year's event": last year is the baseline, not the closing
    claims = analyse_text(sentence, "2024-04-22")
    assert [c.value.start.isoformat() for c in claims if c.attribute == "closed"] == ([closed] if closed else [])


def test_share_names_its_whole() -> None:
    claims = analyse_text(_case("usd-prefix-decimal-million").sentence)
    share = find(claims, "percent", "0.9%")
    assert "export" in share.scope["of"] and "turnover" in share.scope["of"]
    other = find(claims, "percent", "0.48%")
    assert other.scope["of"] != share.scope["of"]


@pytest.mark.parametrize("sentence, text, whole", [
    # the whole ends at the modal that opens the clause's verb
    ("The director said 85% of production would be set aside for export.", "85%", "output"),
    ("About 30 percent of the rice could be sold abroad, traders said.", "About 30 percent", "rice"),
    ("The company exports 70 percent of its output.", "70 percent", "output"),
])
def test_a_shares_whole_ends_before_its_clauses_modal(sentence: str, text: str, whole: str) -> None:
    share = find(analyse_text("Exports\n\n" + sentence, "2024-06-14"), "percent", text)
    assert share.scope["of"] == whole


@pytest.mark.parametrize("sentence, text, per", [
    ("In the first eight months, an average of 3,140 people crossed the gate daily.", "3,140 people", "day"),
    # the month is the wage's, a figure between them
    ("Wages for the plant's 420 workers average 3.5 million kip a month, well above farm income.", "420 workers", None),
])
def test_a_count_takes_a_rate_after_it_only_past_no_other_figure(sentence: str, text: str, per: str | None) -> None:
    assert find(analyse_text(sentence, "2025-10-15"), "count", text).scope.get("per") == per


def test_counts_in_different_scopes_differ() -> None:
    claims = analyse_text(_case("level-in-scope").sentence)
    city = find(claims, "count", "two city-level agreements")
    departments = find(claims, "count", "eight agreements")
    assert (city.subject, city.scope) != (departments.subject, departments.scope)


def test_million_written_two_ways_intersect() -> None:
    a = find(analyse_text("The Vientiane Logistics Park project has a total cost of $1,200 million."), "money",
             "$1,200 million")
    b = find(analyse_text("The Vientiane Logistics Park project has a total cost of $1.2 billion."), "money",
             "$1.2 billion")
    assert a.value.currency == b.value.currency == "USD"
    assert not disjoint(interval(a.value), interval(b.value))
    assert check_texts(["The Vientiane Logistics Park project has a total cost of $1,200 million.",
                        "The Vientiane Logistics Park project has a total cost of $1.2 billion."]) == []


@pytest.fixture(scope="module")
def seed_claims() -> dict[str, list[Claim]]:
    corpus = read_corpus([SEEDS_DIR])
    _, claims, _ = load_toolkit().analyse(corpus.documents)
    out: dict[str, list[Claim]] = {}
    for c in claims:
        out.setdefault(c.document[:3], []).append(c)
    return out


def test_yearless_dates_in_seed_000_resolve_to_2022(seed_claims) -> None:
    # seed 000 has no publication date; the only year it mentions is 2022
    claims = seed_claims["000"]
    signed = find(claims, "date", "signing of four memoranda of understanding between Hanoi and Vientiane on August 9")
    assert signed.value.model_dump(mode="json") == {"start": "2022-08-09", "end": "2022-08-09"}
    conference = [c for c in claims if c.kind == "date" and "August 10" in c.text]
    assert [c.value.model_dump(mode="json") for c in conference] == [{"start": "2022-08-10", "end": "2022-08-10"}]


@pytest.mark.parametrize("seed, kind, text, value", [
    ("001", "date", "has been completed", {"start": None, "end": "2024-03-14"}),
    ("001", "money", "3 million USD", {"low": 2_500_000, "high": 3_500_000, "currency": "USD"}),
    ("001", "quantity", "2.5ha", {"low": 25000, "high": 25000, "unit": "meter ** 2"}),
    ("001", "count", "8 cooperation agreements", {"low": 8, "high": 8, "noun": "agreement"}),
    ("001", "date", "working visit to Laos on March 11 and 12, 2024", {"start": "2024-03-11", "end": "2024-03-12"}),
    ("002", "date", "completed in April 2024", {"start": "2024-04-01", "end": "2024-04-30"}),
    ("002", "count", "two city-level agreements", {"low": 2, "high": 2, "noun": "agreement"}),
    ("002", "period", "2026\u20132030", {"start": 2026, "end": 2030}),
    ("000", "money", "$75.8 million", {"low": 75_750_000, "high": 75_850_000, "currency": "USD"}),
    ("000", "percent", "0.9%", {"low": 0.9, "high": 0.9}),
    ("004", "money", "$1.06 billion", {"low": 1_055_000_000, "high": 1_065_000_000, "currency": "USD"}),
    ("004", "percent", "over 30%", {"low": 30, "high": None}),
    ("004", "period", "the 2021-2030 period", {"start": 2021, "end": 2030}),
    ("003", "period", "the period from 2023 to 2025", {"start": 2023, "end": 2025}),
])
def test_seed_claims(seed_claims, seed: str, kind: str, text: str, value: dict) -> None:
    assert find(seed_claims[seed], kind, text).value.model_dump(mode="json") == pytest.approx(value)


def test_seed_roles(seed_claims) -> None:
    def roles(seed: str) -> set[tuple[str, str, str | None]]:
        return {(c.value.person, c.value.office, c.value.organisation) for c in seed_claims[seed] if c.kind == "role"}

    assert ("nguyen manh quyen", "vice chair", "hanoi people's committee") in roles("000")
    assert ("dinh tien dung", "secretary", "hanoi party committee") in roles("001")
    assert ("nguyen duy ngoc", "secretary", "hanoi party committee") in roles("002")
    assert ("anouphap tounalom", "chair", "vientiane people's council") in roles("002")
    assert ("to lam", "general secretary", "communist party of vietnam") in roles("002")
    assert ("phung thi hong ha", "vice chair", "hanoi people's council") in roles("003")
    assert ("phung thi hong ha", "vice chair", "hanoi people's committee") in roles("003")
    assert ("nguyen phu trong", "general secretary", "communist party of vietnam") in roles("004")


def _case(case_id: str) -> Case:
    return next(c for c in CASES if c.id == case_id)


def test_covers_an_area_of_names_its_owner() -> None:
    # Without an owner the claim can never be compared, so an area conflict would be missed.
    claim = find(analyse_text("The Dong Ha logistics centre covers an area of 25,000 square metres."),
                 "quantity", "25,000 square metres")
    assert claim.subject is not None and "dong ha" in claim.subject


@pytest.mark.parametrize("sentence, number, thing", [
    ("A 120-hectare banana plantation in Pakkading district was inspected.", "120-hectare", "banana plantation"),
    ("The company runs a 600-hectare rubber plantation near the border.", "600-hectare", "rubber plantation"),
])
def test_a_size_before_a_plantation_is_the_plantation_s(sentence: str, number: str, thing: str) -> None:
    # One plantation's size, not an amount of plantation land: were it read as a crop area
    # ("of": banana plantation), it would take the province's key and clash with its total.
    claim = find(analyse_text(sentence), "quantity", number)
    assert claim.subject_text is not None and claim.subject_text.lower().endswith(thing)
    assert "of" not in claim.scope


@pytest.mark.parametrize("sentence, number", [
    ("Banana plantations currently cover 12,400 hectares in the province.", "12,400 hectares"),
    ("The flooded fields covered 300 hectares, officials said.", "300 hectares"),
])
def test_cover_in_any_form_gives_an_area(sentence: str, number: str) -> None:
    # "covers" gave an area, "cover" and "covered" a bare measure no area rule compares
    assert find(analyse_text(sentence), "quantity", number).attribute == "area"


def test_a_number_inside_a_name_is_not_a_count() -> None:
    claims = analyse_text("The Tinh Phong 2 industrial park covers an area of 150 ha.")
    assert [c.text for c in claims if c.kind == "count"] == []
    assert find(claims, "quantity", "150 ha").value.model_dump(mode="json") == {
        "low": 1_500_000, "high": 1_500_000, "unit": "meter ** 2"}


@pytest.mark.parametrize("sentence, number, owner", [
    ("The Tinh Phong 2 industrial park in the central province of Quang Ngai has attracted 42 projects.",
     "42 projects", "The Tinh Phong 2 industrial park"),
    ("The Sepon wind farm in Savannakhet province has received 40 turbines.", "40 turbines", "The Sepon wind farm"),
    ("A new dormitory at the Savannakhet Provincial Hospital has received 120 patients.",
     "120 patients", "A new dormitory at the Savannakhet Provincial Hospital"),
    ("Schools in the mountainous district of Muong Lat have received 300 computers.",
     "300 computers", "Schools in the mountainous district of Muong Lat"),
])
def test_a_place_after_the_subject_is_not_the_subject(sentence: str, number: str, owner: str) -> None:
    # "<thing> in <place> has attracted": the thing acted; the place only says where it is.
    # A generic thing ("Schools") keeps its place: without it nothing says which schools.
    assert find(analyse_text(sentence), "count", number).subject_text == owner


@pytest.mark.parametrize("sentence, money, attribute, owner", [
    ("Trade through the Cau Treo border gate was worth US$410 million in 2022, the department said.",
     "US$410 million", "turnover", "the Cau Treo border gate"),
    ("Trade turnover through the Cha Lo border gate in Quang Binh province reached $95 million in 2023.",
     "$95 million", "turnover", "the Cha Lo border gate"),
    ("The ministry presented the school with laboratory equipment worth VND 2 billion.",
     "VND 2 billion", "value", "laboratory equipment"),
    # an attribute that is a verb: its subject owns the figure, without the verb
    ("Tax revenue rose 31 percent, while the Customs Department collected 5,970 billion kip.",
     "5,970 billion kip", "revenue", "the Customs Department"),
    ("In the first half, the provincial tax office collected VND1.2 trillion.",
     "VND1.2 trillion", "revenue", "the provincial tax office"),
])
def test_money_owner_behind_a_linking_word(sentence: str, money: str, attribute: str, owner: str) -> None:
    # "<owner> was worth X", "<attribute> through <owner> reached X": what the figure is of.
    claim = find(analyse_text(sentence), "money", money)
    assert (claim.attribute, claim.subject_text) == (attribute, owner)


@pytest.mark.parametrize("sentence, kind, figure, attribute, owner", [
    ("Green Energy JSC, the investor, puts the total investment of the project at VND7.2 trillion (US$283 million).",
     "money", "VND7.2 trillion", "investment", "the project"),
    ("The organisers put the cost of the festival at VND12 billion.", "money", "VND12 billion", "cost", "the festival"),
    # the last phrase before the "at" is the object, however many "at"s it holds
    ("The survey put the limestone reserves at the site at 117.6 million tonnes.",
     "quantity", "117.6 million tonnes", "reserves", "the limestone reserves at the site"),
    # the verb nearest the figure
    ("The ministry said it would put the area at risk at 40,000 ha.", "quantity", "40,000 ha", "area", "the area at risk"),
])
def test_an_estimate_verb_gives_its_object_the_figure_after_at(sentence: str, kind: str, figure: str, attribute: str,
                                                                 owner: str) -> None:
    # "puts the total investment of the project at X" tells what "The total investment of the project is X" does
    claim = find(analyse_text(sentence), kind, figure)
    assert (claim.attribute, claim.subject_text) == (attribute, owner)


@pytest.mark.parametrize("sentence, money, attribute", [
    ("Of this, US$95 million comes as a concessional loan from the fund.", "US$95 million", "loan"),
    ("Of the total, VND40 billion came as a grant from the Japanese government.", "VND40 billion", "grant"),
    # where it comes from is no name of what it is: a part of the cost, told as a bare amount
    ("Of the final amount, VND1.6 trillion came from the central budget.", "VND1.6 trillion", "amount"),
])
def test_what_a_figure_comes_as_is_what_it_is(sentence: str, money: str, attribute: str) -> None:
    assert find(analyse_text(sentence), "money", money).attribute == attribute


@pytest.mark.parametrize("sentence, number, owner", [
    ("The wind farm, located on the hills of Sepon district, has a capacity of 600 MW and will have 133 turbines.",
     "133 turbines", "The wind farm"),
    ("The project, which is 85 percent complete, will have 113 turbines when it is finished.",
     "113 turbines", "The project"),
    # an adverb before the verb is not part of its subject
    ("It now serves more than 2,600 households in the area.", "more than 2,600 households", "It"),
    ("It currently receives around 450 trucks a day.", "around 450 trucks", "It"),
])
def test_a_second_verb_keeps_the_sentence_subject(sentence: str, number: str, owner: str) -> None:
    assert find(analyse_text(sentence), "count", number).subject_text == owner


@pytest.mark.parametrize("sentence, kind, figure", [
    ("According to the Thai Nguyen provincial People's Committee, 3,480 hectares of rice were damaged in the "
     "province, and 86 houses collapsed.", "quantity", "3,480 hectares"),
    ("Officials in Cao Bang said 2,900 hectares of corn were flattened, and 40 houses were swept away.",
     "quantity", "2,900 hectares"),
])
def test_a_figures_own_words_are_not_its_owner(sentence: str, kind: str, figure: str) -> None:
    assert find(analyse_text(sentence), kind, figure).subject_text is None


@pytest.mark.parametrize("sentence, words, person, office, organisation", [
    ("The ceremony was attended by Minister of Health Dao Hong Lan.", "Minister of Health Dao Hong Lan",
     "dao hong lan", "minister", "health"),
    ("Lao Minister of Public Works and Transport Vilayvong Bouddakham and Thai Transport Minister Suriya "
     "Jungrungreangkit cut the ribbon.", "Thai Transport Minister Suriya Jungrungreangkit",
     "suriya jungrungreangkit", "minister", "thailand transport"),
    ("Forestry minister Linthong Sayavong spoke.", "Forestry minister Linthong Sayavong",
     "linthong sayavong", "minister", "forestry"),
    # capitals joined by "and" after "the provincial" name the body; the holder is before the title
    ("Khamsone Vilaysack, head of the provincial Disaster Prevention and Control Committee, thanked Vietnam.",
     "Khamsone Vilaysack, head of the provincial Disaster Prevention and Control Committee",
     "khamsone vilaysack", "head", "control disaster prevention"),
    ("Hanoi's health director Nguyen Van Tuan said the city was ready.", "Hanoi's health director Nguyen Van Tuan",
     "nguyen van tuan", "director", "hanoi health"),
    ("Dr Tran Thi Ngoc Lan, Director of the Khanh Hoa CDC, today (July 12) inspected spraying teams.",
     "Dr Tran Thi Ngoc Lan, Director of the Khanh Hoa CDC", "tran thi ngoc lan", "director", "khanh hoa cdc"),
    # a military or police rank before the name is not the person's (names.yaml ranks)
    ("Attending were Colonel Nguyen Duc Hoang, Commander of the Provincial Border Guard Command; and others.",
     "Nguyen Duc Hoang, Commander of the Provincial Border Guard Command", "nguyen duc hoang", "commander",
     "border guard command"),
    ("Deputy Commander of the Provincial Military Command, Lieutenant Colonel Vo Trong Hai said the drill went well.",
     "Deputy Commander of the Provincial Military Command, Lieutenant Colonel Vo Trong Hai", "vo trong hai",
     "deputy commander", "military command"),
    ("Police Colonel Le Van Tam, Director of the Ha Tinh Provincial Police, spoke.",
     "Le Van Tam, Director of the Ha Tinh Provincial Police", "le van tam", "director", "ha tinh police"),
    # abbreviated ranks, with or without their stops
    ("Director of the Vientiane Capital Traffic Police Department, Col. Khamsone Phetdavong, told reporters.",
     "Director of the Vientiane Capital Traffic Police Department, Col. Khamsone Phetdavong", "khamsone phetdavong",
     "director", "vientiane department traffic police"),
    ("Deputy Director of the Traffic Police Department, Lt Col Daovone Keomany, said fines rose.",
     "Deputy Director of the Traffic Police Department, Lt Col Daovone Keomany", "daovone keomany",
     "deputy director", "department traffic police"),
    ("Maj. Gen. To Van Hue, Director of the Hanoi police, spoke.",
     "To Van Hue, Director of the Hanoi police", "to van hue", "director", "hanoi police"),
    # a lowercase title after a reporting verb, its organisation after "of" and its holder after that
    ("\"We will expand it,\" said deputy director general of the Tax Department Souksakhone Manivanh.",
     "deputy director general of the Tax Department Souksakhone Manivanh", "souksakhone manivanh",
     "deputy director", "tax department"),
    # after a comma, a rank or an honorific opens the holder's name ("..., Mr Souksakhone Manivanh, said")
    ("Director General of the Tax Department, Mr Souksakhone Manivanh said tax revenue rose.",
     "Director General of the Tax Department, Mr Souksakhone Manivanh", "souksakhone manivanh", "director",
     "tax department"),
    # "General" names a hospital here, not a rank
    ("Major General Tran Van Bay, Director of Song Lam General Hospital, attended.",
     "Tran Van Bay, Director of Song Lam General Hospital", "tran van bay", "director", "general hospital lam song"),
    # the holder of an office just elected or appointed to, before its verb or right after it
    ("Nguyen Huu Phuoc was elected Chairman of the Can Tho City People's Committee on November 12.",
     "Nguyen Huu Phuoc was elected Chairman of the Can Tho City People's Committee", "nguyen huu phuoc", "chair",
     "can tho people's committee"),
    ("The city People's Council on Tuesday elected Nguyen Huu Phuoc Chairman of the Can Tho City People's Committee.",
     "Nguyen Huu Phuoc Chairman of the Can Tho City People's Committee", "nguyen huu phuoc", "chair",
     "can tho people's committee"),
    # (a ministry named with no country, held by a Vietnamese name: Vietnam's, once resolved)
    ("The assembly approved the proposal to appoint Phan Duc Thinh as Minister of Health on Friday.",
     "Phan Duc Thinh as Minister of Health", "phan duc thinh", "minister", "health vietnam"),
    # a holder named before the verb: the whole run after "of" is the body, with the fields its
    # name lists after a comma
    ("Ms. Luong Thi Hoa was appointed as Director of the Department of Culture, Sports and Tourism.",
     "Luong Thi Hoa was appointed as Director of the Department of Culture, Sports and Tourism", "luong thi hoa",
     "director", "culture sports tourism department"),
    # "the appointment of X, <old office>, as <new office>": the new office is claimed
    ("The assembly approved the appointment of Vilayvanh Sihalath, Governor of the Bank of the Lao PDR, as the "
     "country's new Minister of Finance.", "Vilayvanh Sihalath, Governor of the Bank of the Lao PDR, as the country's "
     "new Minister of Finance", "vilayvanh sihalath", "minister", "finance"),
    ("Mr Sengphachanh Outhachak was named as Governor of the Bank of the Lao PDR.",
     "Mr Sengphachanh Outhachak was named as Governor of the Bank of the Lao PDR", "sengphachanh outhachak",
     "mayor", "laos bank"),  # offices.yaml files governors under "mayor"
    # the appointee after "the appointment of" and the title held until then, portfolio and all
    ("The National Assembly approved the appointment of former Deputy Minister of Finance Souphanh Keomixay as the "
     "new Governor of the Bank of the Lao PDR.", "Souphanh Keomixay as the new Governor of the Bank of the Lao PDR",
     "souphanh keomixay", "mayor", "laos bank"),
    ("The National Assembly on June 19 approved the appointment of Mr. Bounthavy Sisouphanh as Minister of Industry "
     "and Commerce.", "Bounthavy Sisouphanh as Minister of Industry and Commerce", "bounthavy sisouphanh", "minister",
     "commerce industry"),
    # a body's name is no person's ("President of the State Audit Organisation" named "audit organisation")
    ("President of the State Audit Organisation Viengthong Siphandone attended the session.",
     "President of the State Audit Organisation Viengthong Siphandone", "viengthong siphandone", "president",
     "state audit organisation"),
    ("Dr Khamsing Vongphachanh has become the Minister of Education and Sports.",
     "Dr Khamsing Vongphachanh has become the Minister of Education and Sports", "khamsing vongphachanh", "minister",
     "education sports"),
])
def test_roles_with_portfolios_and_lowercase_titles(sentence: str, words: str, person: str, office: str,
                                                    organisation: str) -> None:
    role = find(analyse_text(sentence), "role", words)
    assert role.value.model_dump() == {"person": person, "office": office, "organisation": organisation}


def test_the_old_office_before_as_is_not_claimed() -> None:
    claims = analyse_text("The assembly approved the appointment of Vilayvanh Sihalath, Governor of the Bank of the "
                          "Lao PDR, as the country's new Minister of Finance.")
    assert [(c.value.office, c.scope) for c in claims if c.kind == "role"] == [("minister", {"change": "new office"})]


@pytest.mark.parametrize("sentence", ["The board named him Chairman of", "Ticket prices set by the Director to"])
def test_a_title_cut_off_after_of_or_to_names_no_body_and_breaks_nothing(sentence: str) -> None:
    # (a teaser cut mid-sentence once made the whole article fail: "could not be analysed: IndexError")
    assert not [c for c in analyse_text(sentence) if c.kind == "role"]


def test_an_election_verb_with_no_name_before_it_names_no_holder() -> None:
    claims = analyse_text("The council elected Chairman of the People's Committee at its session.")
    assert not [c for c in claims if c.kind == "role"]


def test_ministers_of_different_portfolios_stay_apart() -> None:
    claims = analyse_text("Chanthavong Saenamath, Minister of Education and Sports, and Nguyen Kim Son, Minister "
                          "of Education and Training, signed the deal.")
    # (Nguyen, a Vietnamese name: Vietnam's ministry once resolved; the Lao minister's stays as told)
    assert {c.value.organisation for c in claims if c.kind == "role"} == {"education sports", "education training vietnam"}



def test_an_honorific_opens_the_name_and_a_bare_body_is_the_articles_named_one() -> None:
    from conftest import check_texts
    text = ("Airport terminal opens\n\nDirector of Luang Prabang International Airport Mr Somphone Keovilay welcomed "
            "the guests. \"We are ready,\" said Deputy Director of the airport Somphone Keovilay.")
    roles = [c for c in analyse_text(text) if c.kind == "role"]
    assert {(c.value.office, c.value.organisation) for c in roles} == {
        ("director", "luang prabang airport"), ("deputy director", "luang prabang airport")}
    assert [c.rule for c in check_texts([text])] == ["role.exclusive-offices"]


def test_one_name_romanised_two_ways_is_one_person() -> None:
    from conftest import check_texts
    a = ("Landslide aid\n\nPhonesavanh Keomanivong, Lao Ambassador to Viet Nam, handed over the aid.", "2023-08-10")
    b = ("Laos sends aid\n\nLao Ambassador to Viet Nam Phonsavanh Keomanyvong handed over the aid.", "2023-08-10")
    assert check_texts([a, b]) == []


def test_a_date_after_a_second_event_verb_is_that_events() -> None:
    # "approved ..., the plant is to be handed over in December 2023": the handover's date,
    # not the approval's, and a plan, not a past event
    claims = analyse_text("Hue water plant\n\nUnder the schedule approved by the provincial People's Committee, "
                          "the plant is to be handed over for official operation in December 2023.", "2023-10-03")
    assert [(c.attribute, c.tense) for c in claims if c.kind == "date" and c.attribute != "published"] == [("handed_over", "future")]


@pytest.mark.parametrize("sentence, dated", [
    # an event verb's base form after a word that puts it ahead (events.yaml ahead_openers)
    ("The bridge is expected to open on December 5.", ("inaugurated", "2023-12-05", "future")),
    ("The plant will start operating next month.", ("commissioned", "2023-12-01", "future")),
    ("The factory is scheduled to begin trial runs in January.", ("trial_operation", "2024-01-01", "future")),
    ("Construction will begin on December 3.", ("construction_started", "2023-12-03", "future")),
    ("Work on the ring road is expected to start in early 2024.", ("construction_started", "2024-01-01", "future")),
    ("The storm is likely to make landfall in Quang Binh on Saturday.", ("landfall", "2023-11-25", "future")),
    ("The museum will officially open to visitors on December 9.", ("inaugurated", "2023-12-09", "future")),
    # past forms that go into operation
    ("The crab plant went into operation last week.", ("commissioned", "2023-11-13", "past")),
    ("The plant began trial operation on November 2.", ("trial_operation", "2023-11-02", "past")),
])
def test_events_ahead_and_into_operation(sentence: str, dated: tuple[str, str, str]) -> None:
    claims = analyse_text("Works news\n\n" + sentence, "2023-11-20")
    assert dated in [(c.attribute, c.value.start.isoformat(), c.tense) for c in claims if c.kind == "date" and c.value.start]


def test_an_amount_of_money_counts_nothing() -> None:
    # "the VND15.48 trillion crossing gets under way": an amount of money, never a count of "gets"
    claims = analyse_text("Bridge\n\nWork on the VND15.48 trillion crossing gets under way.", "2025-08-21")
    assert [c.kind for c in claims if c.attribute != "published"] == ["money"]


@pytest.mark.parametrize("sentence", [
    # a plan told in the past is no event still to come; a bare "to" is a purpose, not a plan
    "Construction had originally been due to start in October 2023.",
    "The terminal was scheduled to open in December.",
    "The project had once been expected to finish in 2022.",
])
def test_a_plan_told_in_the_past_is_no_event_ahead(sentence: str) -> None:
    claims = analyse_text("Works news\n\n" + sentence, "2023-11-20")
    assert [c for c in claims if c.kind == "date" and c.tense == "future"] == []


@pytest.mark.parametrize("sentence, dated", [
    # after a relative clause closes, the verb is the main verb: its date comes after its object
    ("The team, which started work on November 12, wrapped up its mission on Saturday.", ("closed", "2023-11-18")),
    ("The delegation, who arrived on Monday, signed the agreement on Wednesday.", ("signed", "2023-11-15")),
    # a participle right after a comma is a reduced passive: the date follows it directly
    ("The bridge, completed on November 2, links two provinces.", ("completed", "2023-11-02")),
])
def test_the_verb_after_a_relative_clause_is_the_main_verb(sentence: str, dated: tuple[str, str]) -> None:
    claims = analyse_text("Mission ends\n\n" + sentence, "2023-11-20")
    got = [(c.attribute, c.value.start.isoformat()) for c in claims if c.kind == "date" and c.attribute not in ("published", "event")]
    assert dated in got


@pytest.mark.parametrize("sentence, dated", [
    # a time of day between a passive event and its date (calendar.yaml day_times, or a clock time)
    ("The bridge was completed at around 4pm on August 7.", ("completed", "2023-08-07")),
    ("The bridge was opened before dawn on August 8.", ("inaugurated", "2023-08-08")),
    ("The bridge was handed over on the night of August 9.", ("handed_over", "2023-08-09")),
    ("The tunnel was completed at 10 a.m. on Tuesday.", ("completed", "2023-11-14")),
    # ... and before a date that opens the sentence
    ("At 8am on November 17, the two sides signed the contract.", ("signed", "2023-11-17")),
    # any -ly adverb between an auxiliary and its verb; a fronted date before a perfect
    ("The bridge was formally handed over on November 3.", ("handed_over", "2023-11-03")),
    ("On November 12, the hospital has solemnly held the ceremony.", ("held", "2023-11-12")),
])
def test_a_time_of_day_between_an_event_and_its_date(sentence: str, dated: tuple[str, str]) -> None:
    claims = analyse_text("Works news\n\n" + sentence, "2023-11-20")
    assert dated in [(c.attribute, c.value.start.isoformat()) for c in claims if c.kind == "date" and c.value.start]


@pytest.mark.parametrize("sentence, dated", [
    # "a year ago", "two years ago": the whole calendar year that many before the article's
    ("The bridge was opened a year ago.", ("inaugurated", "2022-01-01", "2022-12-31")),
    ("The plant was completed two years ago.", ("completed", "2021-01-01", "2021-12-31")),
])
def test_years_ago_date_the_year_that_many_before(sentence: str, dated: tuple[str, str, str]) -> None:
    claims = analyse_text("Works news\n\n" + sentence, "2023-11-20")
    assert dated in [(c.attribute, c.value.start.isoformat(), c.value.end.isoformat())
                     for c in claims if c.kind == "date" and c.value.start]


def test_an_occasion_noun_between_a_verb_and_its_date_does_not_take_it() -> None:
    claims = analyse_text("Fair opens\n\nThe trade fair opened at the Lao-ITECC exhibition centre in Vientiane "
                          "on December 6.", "2023-12-07")
    assert [c.attribute for c in claims if c.kind == "date" and c.attribute != "published"] == ["inaugurated"]


@pytest.mark.parametrize("sentence, dated, words", [
    # what a meeting heard is dated, not the meeting
    ("The meeting also heard that the Mekong at Vientiane rose to 12.4 metres on Aug 28, just below the alarm level.",
     [], None),
    # a weekday dated in brackets is the meeting's day, and no word of which meeting it was
    ("The deputy governor told a meeting with the contractor, Daehan Marine Construction Co., Ltd., on Tuesday "
     "(Oct 8) that floods had slowed progress.",
     [("held", "2024-10-08")], "meeting with the contractor, Daehan Marine Construction Co., Ltd."),
])
def test_an_occasions_date_is_its_own(sentence: str, dated: list[tuple[str, str]], words: str | None) -> None:
    dates = [c for c in analyse_text("Riverbank works\n\n" + sentence, "2024-10-09")
             if c.kind == "date" and c.attribute != "published"]
    assert [(c.attribute, c.value.start.isoformat()) for c in dates] == dated
    assert [c.subject_text for c in dates] == ([words] if dated else [])


def test_an_adverb_closing_a_subject_is_no_part_of_its_name() -> None:
    claims = analyse_text("Can Tho waste plant opens\n\nThe Thoi Lai 2 waste-to-energy plant was inaugurated on Thursday. "
                          "Its investor, Can Tho Green Energy JSC, said the plant first fed electricity into the national "
                          "grid on September 5.", "2024-09-13")
    dates = {c.attribute: c.subject for c in claims if c.kind == "date" and c.attribute != "published"}
    assert dates["energised"] == dates["inaugurated"] is not None


def test_an_opening_word_and_its_comma_are_not_the_owner() -> None:
    claims = analyse_text("Coffee exports\n\nNationwide, Viet Nam exported 1.62 million tonnes of coffee in 2023.",
                          "2024-03-01")
    quantity = next(c for c in claims if c.kind == "quantity")
    assert (quantity.subject, quantity.scope.get("of")) == ("vietnam", "coffee")


@pytest.mark.parametrize("sentence, flow", [
    ("Vietnam imported 118,500 tonnes of coffee last year.", "imports"),
    ("Dak Lak shipped 271,000 tonnes of coffee abroad last year.", "exports"),
    ("Laos exported 41,200 tonnes of coffee in 2023.", "exports"),
    ("Dak Lak harvested 560,000 tonnes of coffee in 2023.", None),
])
def test_a_quantity_of_goods_keeps_its_flow(sentence: str, flow: str | None) -> None:
    quantity = next(c for c in analyse_text("Coffee\n\n" + sentence, "2024-03-01") if c.kind == "quantity")
    assert quantity.scope.get("flow") == flow


@pytest.mark.parametrize("sentence, person", [
    ("According to Deputy Minister of Foreign Affairs Do Hoai Nam, the two sides agreed.", "do hoai nam"),
    ("Informing the press, Do Hoai Nam, Minister of Foreign Affairs, said the visit was a success.", "do hoai nam"),
    ("General Secretary of the Communist Party of Viet Nam To Lam met the delegation.", "to lam"),
])
def test_a_given_name_that_is_also_part_of_a_place_stays_in_the_name(sentence: str, person: str) -> None:
    roles = [c for c in analyse_text("Visit\n\n" + sentence, "2024-12-07") if c.kind == "role"]
    assert [c.value.person for c in roles] == [person]


@pytest.mark.parametrize("sentence, tense", [
    ("The two leaders co-chaired the Vietnam \u2013 Cambodia Investment and Trade Promotion Forum on December 5.", "past"),
    ("Leaders attended a business forum on December 5.", "past"),
    ("The two leaders will attend the business forum on December 5.", "future"),
    # an aside that schedules it: yet to be held
    ("The business forum, scheduled for December 5, will gather 500 firms.", "future"),
])
def test_an_occasion_takes_the_tense_of_the_verb_it_is_the_object_of(sentence: str, tense: str | None) -> None:
    dates = [c for c in analyse_text("Forum\n\n" + sentence, "2024-12-04") if c.kind == "date" and c.attribute != "published"]
    assert [c.tense for c in dates] == [tense]


@pytest.mark.parametrize("sentence, verb", [
    ("When running at full capacity, it will supply 52,000 households in Huong Tra town.", "provid"),
    ("The plant was built to provide clean water for 58,000 households.", "provid"),
    ("The new line serves 14,300 households.", "serv"),
])
def test_a_count_takes_the_verb_it_is_the_object_of(sentence: str, verb: str) -> None:
    count = next(c for c in analyse_text("Water\n\n" + sentence, "2023-10-03") if c.kind == "count")
    assert count.scope.get("verb") == verb


@pytest.mark.parametrize("sentence, status", [
    # a verb put ahead by "will" or "would" tells what is to be; a verb of having a size
    ("At full capacity, the plant will employ 3,500 workers.", "plan"),
    ("The mill would create about 1,100 jobs once both lines were running, he said.", "plan"),
    ("The plant employs 650 workers, most of them women.", None),
    ("The marina will have 300 berths.", None),
])
def test_a_count_a_verb_puts_ahead_is_a_plan(sentence: str, status: str | None) -> None:
    count = next(c for c in analyse_text("Plant\n\n" + sentence, "2024-10-09") if c.kind == "count")
    assert count.scope.get("status") == status


@pytest.mark.parametrize("sentence, day_bound", [
    # a tally that grows by the day holds on its own day; a workforce is one in reports days apart
    ("Floods have damaged 1,830 houses in the province.", True),
    ("The storm killed 12 people in the province.", True),
    ("As of 10am on October 9, 246 workers had been admitted to hospital.", True),
    ("The factory has hired 530 workers.", False),
    ("The plant employs 350 workers.", False),
])
def test_only_a_tally_that_grows_by_the_day_is_bound_to_its_day(sentence: str, day_bound: bool) -> None:
    count = next(c for c in analyse_text("Report\n\n" + sentence, "2024-10-09") if c.kind == "count")
    assert ("as_of" in count.scope) == day_bound


@pytest.mark.parametrize("sentence, office", [
    ("Nguyen Anh Tuan, General Director of EVN, said the line was ready.", "general director"),
    ("Deputy General Director of EVN Tran Van Binh attended the ceremony.", "deputy general director"),
    # a department's head in Laos: its director, not a company's general director
    ("Director General of the Department of Energy Policy Chanthaboun Soukaloun spoke.", "director"),
])
def test_general_director_is_a_seat_of_its_own(sentence: str, office: str) -> None:
    roles = [c for c in analyse_text("Power\n\n" + sentence, "2024-10-09") if c.kind == "role"]
    assert [c.value.office for c in roles] == [office]


@pytest.mark.parametrize("sentence, person, office, organisation", [
    ("Tran Ngoc Lan, the Khanh Hoa CDC's deputy director, said cases rose.", "tran ngoc lan", "deputy director",
     "khanh hoa cdc"),
    # a bare company names no company of its own (offices.yaml unnamed_bodies)
    ("Ngo Thanh Liem, the company's general director, said the farm is ready.", "ngo thanh liem", "general director",
     None),
])
def test_a_lowercase_title_behind_its_bodys_possessive(sentence: str, person: str, office: str,
                                                       organisation: str | None) -> None:
    roles = [c for c in analyse_text("Report\n\n" + sentence, "2024-07-10") if c.kind == "role"]
    assert [(c.value.person, c.value.office, c.value.organisation) for c in roles] == [(person, office, organisation)]


@pytest.mark.parametrize("sentence, of, flow", [
    ("He noted that the 286,000 tonnes rice exported in 5 months is a good result.", "rice", "exports"),
    ("The 600 MW wind farm was energised.", None, None),
    ("The floods uprooted 3,200ha of cinnamon trees.", "cinnamon", None),
])
def test_a_good_after_a_measure_is_what_it_measures(sentence: str, of: str | None, flow: str | None) -> None:
    quantity = next(c for c in analyse_text("Rice\n\n" + sentence, "2024-06-10") if c.kind == "quantity")
    assert (quantity.scope.get("of"), quantity.scope.get("flow")) == (of, flow)


def test_a_ceremony_held_for_a_signing_is_the_signing() -> None:
    claims = analyse_text("Port lease signed\n\nOn 12 March, at Ky Anh town, the maritime administration and the port "
                          "company held the ceremony for signing of the contract to lease berths of Vung Ang port.",
                          "2024-03-15")
    dates = [c for c in claims if c.kind == "date" and c.attribute != "published"]
    assert [(c.attribute, c.value.start.isoformat()) for c in dates] == [("signed", "2024-03-12")]


def test_a_holder_named_before_the_title_leaves_the_words_after_of_to_the_body() -> None:
    roles = [c for c in analyse_text("Investors expand\n\nLee Dong-hyun, general director of Daesung Precision Vina, "
                                     "said the company would expand.", "2024-03-22") if c.kind == "role"]
    assert [(c.value.person, c.value.organisation) for c in roles] == [("lee dong hyun", "daesung precision vina")]


def test_a_verb_with_its_object_inside_the_event_form() -> None:
    # "put <object> into operation": the object is what went into operation, dated right after
    claims = analyse_text("Block opens\n\nHai Phong Children's Hospital put its new Hoa Phuong treatment block into "
                          "operation on Tuesday.", "2023-11-14")
    dates = [c for c in claims if c.kind == "date" and c.attribute != "published"]
    assert [(c.attribute, c.subject_text, c.value.start.isoformat()) for c in dates] == [
        ("commissioned", "its new Hoa Phuong treatment block", "2023-11-14")]


def test_a_plan_named_far_before_its_period_is_named_whole() -> None:
    """The plan noun a period hangs from, found in the words well before it, keeps its whole
    phrase: "a three-year supply contract", never a piece cut at the search window's edge."""
    claims = analyse_text("In April, the KPPA signed a three-year supply contract with German spice importer "
                          "Gewurzhaus Nord GmbH covering the period 2024-2026.", "2024-06-10")
    assert find(claims, "period", "2024-2026").subject_text == "a three-year supply contract"


_KIEN_GIANG = "Kien Giang exports climb\n\nKien Giang earned 743 million USD from exports in the first nine months of 2024. "


@pytest.mark.parametrize("sentence, kind, text, attribute, of", [
    ("Seafood exports brought in 213.4 million USD.", "money", "213.4 million USD", "exports", "seafood"),
    # "aquatic products" is seafood (entities.yaml goods_synonyms); what a good earned, it sold abroad
    ("The province also earned 231.4 million USD from aquatic products.", "money", "231.4 million USD", "exports",
     "seafood"),
    ("Export turnover of rice was 268.5 million USD.", "money", "268.5 million USD", "exports", "rice"),
    # a "volume" in tonnes is the weight shipped
    ("The rice export volume is estimated at 438,000 tonnes.", "quantity", "438,000 tonnes", "mass", "rice"),
    ("Local firms shipped 412,000 tonnes of rice abroad.", "quantity", "412,000 tonnes", "mass", "rice"),
    # the period after the good names no other owner
    ("Seafood exports in the first six months earned 547 million USD.", "money", "547 million USD", "exports",
     "seafood"),
])
def test_a_good_is_the_places_trade_in_it(sentence: str, kind: str, text: str, attribute: str, of: str) -> None:
    claim = find(analyse_text(_KIEN_GIANG + sentence, "2024-10-03"), kind, text)
    assert (claim.attribute, claim.scope.get("of"), claim.subject) == (attribute, of, "kien giang")


@pytest.mark.parametrize("sentence, kind, text, subject", [
    # another place named before the figure trades on its own account
    ("Lychee exports from Bac Giang have earned VND2.35 trillion so far this season.", "money", "VND2.35 trillion",
     "bac giang"),
    ("Vietnam's rice exports reached 5 million tonnes.", "quantity", "5 million tonnes", "vietnam"),
    # a named thing's figure stays the thing's, whatever it handled
    ("Chong Hon port handled 412,000 tonnes of rice.", "quantity", "412,000 tonnes", "chong hon port"),
    # a rice mill is a thing, not rice
    ("The Tan Hiep rice mill has a capacity of 1,000 tonnes.", "quantity", "1,000 tonnes", "hiep mill rice tan"),
])
def test_a_things_figure_is_not_a_places_trade(sentence: str, kind: str, text: str, subject: str) -> None:
    claim = find(analyse_text(_KIEN_GIANG + sentence, "2024-10-03"), kind, text)
    assert claim.subject == subject


@pytest.mark.parametrize("sentence, text, of", [
    ("Coffee earnings rose 31.4%.", "31.4%", "coffee export"),
    ("Coffee brought in US$462.7 million, up 38.6 percent from a year earlier.", "38.6 percent", "coffee export"),
    # a price growing is the price's growth, not that of what the good sold for
    ("Coffee prices rose 12%.", "12%", "coffee price"),
])
def test_a_goods_growth_is_its_exports(sentence: str, text: str, of: str | None) -> None:
    claim = find(analyse_text("Lam Dong exports\n\n" + sentence, "2024-07-04"), "percent", text)
    assert claim.scope.get("of") == of


@pytest.mark.parametrize("sentence, text, subject_text", [
    # a thing named in capitals whose figure the growth follows owns the growth
    ("In the first quarter, Nam Du received about 52,000 visitors, up 31 percent year-on-year.", "31 percent", "Nam Du"),
    ("Phu Quoc alone welcomed 1.4 million visitors in the first quarter, up 18 percent.", "18 percent", "Phu Quoc"),
    # not the speaker of a reported clause, and not a subject with no name
    ("Minister of Commerce Chan Sothea told a press briefing that bilateral trade amounted to 8.56 billion "
     "U.S. dollars in the first 10 months, up 15.4 percent year on year.", "15.4 percent", None),
    ("Total arrivals reached 1.4 million in the first quarter, up 18 percent.", "18 percent", None),
    # a possessor written as an acronym, and an amount given again in brackets
    ("Viet said LMT's revenue reached 2.8 trillion kip (nearly US$128 million) in the first nine months, up 9 "
     "percent year-on-year.", "9 percent", "LMT's revenue"),
])
def test_a_growth_after_a_named_things_figure_is_that_things(sentence: str, text: str, subject_text: str | None) -> None:
    claim = find(analyse_text("Boat route opens to islands\n\n" + sentence, "2025-04-10"), "percent", text)
    assert (claim.attribute, claim.subject_text) == ("change", subject_text)


def test_an_allocation_for_a_district_is_that_districts() -> None:
    claims = analyse_text("Gia Lai fights measles\n\nThe provincial People's Committee has allocated VND 4.5 billion for "
                          "outbreak response. It has also approved VND 1.2 billion for Chu Prong district to maintain "
                          "isolation areas.", "2024-09-20")
    money = {c.text: c.scope.get("to") for c in claims if c.kind == "money"}
    assert money == {"VND 4.5 billion": None, "VND 1.2 billion": "chu prong district"}


@pytest.mark.parametrize("headline, text, direction", [
    ("Vietnam wood exports jump 23% in 10 months", "23%", "up"),
    ("Lao coffee exports surge 40% as prices soar", "40%", "up"),
    ("Rice exports drop 12% in first quarter", "12%", "down"),
])
def test_a_headline_verb_in_the_present_tells_a_growth(headline: str, text: str, direction: str) -> None:
    # the tagger reads "jump" after "exports" as a noun; as a change verb it is the growth's
    claim = find(analyse_text(headline + "\n\nExporters expect a better year.", "2024-11-05"), "percent", text)
    assert (claim.attribute, claim.scope.get("direction")) == ("change", direction)


@pytest.mark.parametrize("sentence, text", [
    ("Coffee exports rose only 3.1% in the period.", "3.1%"),
    ("Rubber exports grew just 2 percent as prices stayed low.", "2 percent"),
])
def test_a_focus_word_between_a_change_verb_and_its_figure(sentence: str, text: str) -> None:
    claim = find(analyse_text("Lam Dong exports\n\n" + sentence, "2024-07-04"), "percent", text)
    assert (claim.attribute, claim.scope.get("direction")) == ("change", "up")


def test_flows_without_a_period_take_the_one_the_lead_names() -> None:
    text = ("Kien Giang exports climb\n\nExport earnings of Kien Giang reached 743 million USD in the first nine months "
            "of this year.\n\nRice shipments grew the fastest, up 36.1 per cent year on year.\n\n"
            "In 2023, the province exported goods to 40 markets.")
    claim = find(analyse_text(text, "2024-10-04"), "percent", "36.1 per cent")
    assert claim.scope.get("period") == "2024-M01-M09"


@pytest.mark.parametrize("sentence", [
    "Khanh Hoa province has recorded 4,286 dengue fever cases from the beginning of this year to July 14.",
    "As of July 14, the province had recorded 4,286 dengue fever cases since the start of the year.",
])
def test_a_tally_up_to_a_day_is_of_that_day(sentence: str) -> None:
    count = find(analyse_text("Khanh Hoa dengue\n\n" + sentence, "2024-07-18"), "count", "4,286 dengue fever cases")
    assert (count.scope.get("period"), count.time.start.isoformat()) == (None, "2024-07-14")


@pytest.mark.parametrize("sentence, text, subject", [
    ("Vietnam's south-central Khanh Hoa province has recorded 4,286 cases.", "4,286 cases", "khanh hoa"),
    ("Khanh Hoa province in south-central Vietnam has recorded 4,600 cases.", "4,600 cases", "khanh hoa"),
    # compass words that are a name's own stay in it
    ("The North-South Expressway has 12 bridges.", "12 bridges", "expressway north south"),
])
def test_a_place_qualified_by_its_country_and_region_is_the_place(sentence: str, text: str, subject: str) -> None:
    claim = find(analyse_text("Khanh Hoa dengue\n\n" + sentence, "2024-07-18"), "count", text)
    assert claim.subject == subject


@pytest.mark.parametrize("sentence, subject", [
    # the object after the date is what was launched, not who launched it
    ("The provincial health department launched on July 15 a campaign to spray insecticide.",
     "a campaign to spray insecticide"),
    ("The province kicked off on July 15 a campaign to spray insecticide.", "a campaign to spray insecticide"),
    # no object after the date: the subject before the verb is what opened
    ("The fair opened on July 15 in Vientiane.", "The fair"),
])
def test_an_object_after_the_date_is_what_the_event_is_of(sentence: str, subject: str) -> None:
    dates = [c for c in analyse_text("Dengue campaign\n\n" + sentence, "2024-07-18")
             if c.kind == "date" and c.attribute != "published"]
    assert [(c.subject_text, c.value.start.isoformat()) for c in dates] == [(subject, "2024-07-15")]


@pytest.mark.parametrize("sentence, owner", [
    # the plan noun that opens a long phrase owns the period its participle names
    ("The two sides witnessed the signing of the memorandum of understanding between the Ministry of Public Works "
     "and Transport of Laos and the People's Committee of Nghe An province on the transit of Lao goods through Cua "
     "Lo port, covering 2025-2029.", "the memorandum"),
    # a finite verb between them makes the period another clause's
    ("The two sides signed an agreement on trade last year and the province will invest in roads in 2024-2025.",
     None),
])
def test_a_period_far_after_its_plan_noun(sentence: str, owner: str | None) -> None:
    period = next(c for c in analyse_text("Visit\n\n" + sentence, "2025-03-24") if c.kind == "period")
    assert period.subject_text == owner


@pytest.mark.parametrize("sentence, owner", [
    # the subject of the verb that links the period, however far back
    ("The contract signed on April 18 between the Muang Sing Organic Tea Cooperative and a Yunnan-based tea "
     "processor runs from 2025 to 2030.", "The contract"),
    ("The scheme will run from 2025 to 2030.", "The scheme"),
    ("The power purchase agreement signed with EVN covers 2026-2045, when gas costs are passed on.",
     "The power purchase agreement"),
    ("The programme, funded by a heritage trust, ran from 2021 to 2024.", "The programme"),
    # a participle after a comma is no clause's verb: the term before it owns the period
    ("Its investment project has a 50-year term, running from 2008 to 2058.", None),
    # a superlative picks one of several plans, not the story's own
    ("The largest concession, held by a Chinese firm, runs from 2008 to 2038.", None),
    # a subject with no plan noun leaves the period unowned
    ("The restoration ran from 2023 to 2025.", None),
])
def test_a_period_its_linking_verb_gives_its_clause_subject(sentence: str, owner: str | None) -> None:
    period = next(c for c in analyse_text("Plans\n\n" + sentence, "2025-05-10") if c.kind == "period")
    assert period.subject_text == owner


@pytest.mark.parametrize("sentence, text, attribute, per", [
    ("Toll collections from January to November amounted to 412 billion kip.", "412 billion kip", "revenue", None),
    ("The project is budgeted at VND3.86 trillion.", "VND3.86 trillion", "cost", None),
    # a price per guest or participant is a price per person, as outlets write either
    ("The expedition is priced at VND 9.8 million per guest.", "VND 9.8 million", "price", "person"),
    ("The course costs VND 2 million per participant.", "VND 2 million", "cost", "person"),
    ("EVN will pay 7.4 US cents per kilowatt-hour.", "7.4 US cents", "price", "kWh"),
    ("Households pay VND 12,000 per cubic meter of clean water.", "VND 12,000", "price", "cubic metre"),
])
def test_money_attribute_words_and_rates(sentence: str, text: str, attribute: str, per: str | None) -> None:
    claim = find(analyse_text("Money\n\n" + sentence, "2025-03-19"), "money", text)
    assert (claim.attribute, claim.scope.get("per")) == (attribute, per)


@pytest.mark.parametrize("sentence, owner", [
    # a cost at which the clause's thing was built on a place: the thing's, not the place's
    ("The centre was built on a 5.2-ha site at a total cost of 1.6 trillion VND.", "centre"),
    # a verb's object keeps the cost it was enlarged at
    ("The corporation will also enlarge the apron and taxiways at a cost of VND 920 billion.",
     "the apron and taxiways at a cost"),
])
def test_a_cost_at_which_a_thing_was_built_on_a_place(sentence: str, owner: str) -> None:
    money = next(c for c in analyse_text("Costs\n\n" + sentence, "2025-03-29") if c.kind == "money")
    assert money.subject_text == owner


def test_two_way_is_no_count_and_a_pairs_trade_is_the_pairs() -> None:
    claims = analyse_text("Trade\n\nTwo-way trade between Nghe An and Laos reached 215 million USD last year, up 12% "
                          "from 2023.", "2025-03-21")
    assert not [c for c in claims if c.kind == "count"]
    assert find(claims, "percent", "12%").subject == "laos nghe an"


@pytest.mark.parametrize("sentence, text, day", [
    # a passive's agent stands between the verb and its date
    ("At a conference held by the provincial Department of Industry and Trade on June 7, officials spoke.",
     "held by the provincial Department of Industry and Trade on June 7", "2024-06-07"),
    ("The plant was inaugurated by the Prime Minister on June 3.", "was inaugurated by the Prime Minister on June 3",
     "2024-06-03"),
])
def test_a_passives_agent_before_its_date(sentence: str, text: str, day: str) -> None:
    claim = find(analyse_text("Cashew\n\n" + sentence, "2024-06-10"), "date", text)
    assert claim.value.start.isoformat() == day


@pytest.mark.parametrize("sentence, text, subject, of", [
    # a good named with its place: the place's good
    ("By June 18, 54,600 tonnes of Bac Giang lychee had been shipped to China.", "54,600 tonnes", "bac giang",
     "lychee"),
    # a goods owner phrase before a linking verb
    ("Officials said the province's cashew kernel exports in the first five months of the year reached 96,400 tonnes.",
     "96,400 tonnes", "kien giang", "cashew kernel"),
])
def test_tonnes_of_a_good_are_a_places_trade(sentence: str, text: str, subject: str, of: str) -> None:
    claim = find(analyse_text(_KIEN_GIANG + sentence, "2024-06-21"), "quantity", text)
    assert (claim.attribute, claim.subject, claim.scope.get("of")) == ("mass", subject, of)


@pytest.mark.parametrize("sentence, attribute, subject", [
    # the noun's complement, cut from the subject, says what the work was on
    ("Work on the campus began in March 2023.", "construction_started", "the campus"),
    ("Construction of the campus started in November 2022.", "construction_started", "the campus"),
])
def test_work_on_a_thing_began_is_its_construction(sentence: str, attribute: str, subject: str) -> None:
    dates = [c for c in analyse_text("Campus\n\n" + sentence, "2024-06-21") if c.kind == "date" and c.attribute != "published"]
    assert [(c.attribute, c.subject_text) for c in dates] == [(attribute, subject)]


def test_a_list_of_names_each_with_its_title_after_it() -> None:
    claims = analyse_text("Dam handed over\n\nThe ceremony was attended by Mr Bounmy Xaysana, Governor of Xieng Khouang "
                          "province, Mr Hoang Minh Tuan, Vice Chairman of the Nghe An Provincial People's Committee, "
                          "and officials.", "2024-09-16")
    roles = [(c.value.person, c.value.office) for c in claims if c.kind == "role"]
    assert roles == [("bounmy xaysana", "mayor"), ("hoang minh tuan", "vice chair")]


def test_a_span_after_an_object_is_not_the_verbs_day() -> None:
    claims = analyse_text("Dong Nai exports\n\nExporters signed contracts for deliveries through the first quarter of "
                          "next year.", "2024-11-05")
    assert not [c for c in claims if c.kind == "date" and c.attribute == "signed"]


def test_a_goods_phrase_of_the_clause_before_names_no_other_owner() -> None:
    text = _KIEN_GIANG + "For the 10 months, wooden products exports reached 1.32 billion USD and coffee shipments totalled 131,000 tonnes."
    claim = find(analyse_text(text, "2024-11-05"), "quantity", "131,000 tonnes")
    assert (claim.subject, claim.scope.get("of")) == ("kien giang", "coffee")


@pytest.mark.parametrize("sentence", [
    "Two-way trade through Tay Ninh's border gates reached 1.52 billion USD in the first nine months of 2024.",
    "Two-way trade through the province's border gates in the first nine months totalled 1.52 billion USD.",
])
def test_a_places_things_in_the_plural_are_its_set(sentence: str) -> None:
    text = "Tay Ninh border trade grows\n\nTay Ninh province hosted the delegation. " + sentence
    claim = find(analyse_text(text, "2024-10-22"), "money", "1.52 billion USD")
    assert claim.subject == "tay ninh | border gates"


def test_a_time_a_state_holds_is_no_past_event() -> None:
    claims = analyse_text("Bridge opens\n\nPolice have arranged forces at both ends of the bridge during the April 30 "
                          "holiday.", "2024-04-27")
    assert not [c for c in claims if c.kind == "date" and c.attribute != "published"]


def test_money_spent_on_something_says_on_what() -> None:
    claims = analyse_text("FDI\n\nForeign investors spent $260 million on capital contributions and share purchases.",
                          "2024-07-05")
    assert find(claims, "money", "$260 million").scope.get("on") == "capital contributions"


def test_a_place_after_its_kind_and_of_before_a_relative_clause() -> None:
    claims = analyse_text("Rubber\n\nThe northern Lao province of Luang Namtha, which borders China's Yunnan province, "
                          "shipped 74,300 tonnes of rubber to China in 2024.", "2025-01-22")
    assert find(claims, "quantity", "74,300 tonnes").subject == "luang namtha"


def test_a_foreign_country_is_no_rival_province_for_an_unnamed_provincial_body() -> None:
    claims = analyse_text("Quang Tri builds berth\n\nWork started on a new berth at My Thuy port in Quang Tri. The berth is "
                          "developed by a Singapore-based group, Singapore's Strait Gateway Holdings. Speaking at the "
                          "ceremony, Chairman of the provincial People's Committee Le Minh Khai said Quang Tri exporters "
                          "had to truck their cargo to Da Nang.", "2025-05-18")
    role = next(c for c in claims if c.kind == "role")
    assert role.subject == "chair @ quang tri people's committee"


def test_square_metres_of_floor_space_are_a_floor_area() -> None:
    claims = analyse_text("Hospital opens\n\nIt has 16,800 square metres of floor space.", "2024-11-20")
    assert find(claims, "quantity", "16,800 square metres").attribute == "floor area"


def test_a_described_count_keeps_the_place_its_thing_is_in() -> None:
    claims = analyse_text("Oudomxay hospital opens\n\nThe new hospital opened in Oudomxay. It follows the 200-bed friendship "
                          "hospital opened in Xieng Khouang in May 2023.", "2024-11-20")
    assert find(claims, "count", "200-bed").subject_text == "friendship hospital in Xieng Khouang"


@pytest.mark.parametrize("sentence, figure", [
    ("The year-on-year growth of 22.8% was driven by furniture orders from the US.", "22.8%"),
    ("Exports grew 22.8% on strong furniture orders from the US.", "22.8%"),
])
def test_a_growth_far_from_a_period_takes_the_leads_span(sentence: str, figure: str) -> None:
    # A growth rate, told by a verb or named as "growth", in a paragraph after the lead's span is
    # a growth over that span; without it the rate is the day's, never compared with the lead's.
    text = ("Wood exports rise\n\nVietnam's exports of wood and wood products reached 10.5 billion USD in the "
            f"first eight months of 2024, the ministry said.\n\n{sentence}")
    claim = find(analyse_text(text, "2024-09-06"), "percent", figure)
    assert claim.scope.get("period") == "2024-M01-M08" and claim.time is None


@pytest.mark.parametrize("sentence, money, good", [
    ("The US bought US$295 million worth of Vietnamese pepper, the largest share.", "US$295 million", "pepper"),
    ("China imported US$120 million worth of cashew nuts from Cambodia.", "US$120 million", "cashew nut"),
    ("Japan bought US$12 million worth of goods.", "US$12 million", None),  # no good: none named
])
def test_money_names_the_good_after_its_value(sentence: str, money: str, good: str | None) -> None:
    # "US$295 million worth of pepper": the good's value, as "pepper worth US$295 million" is
    assert find(analyse_text(sentence), "money", money).scope.get("of") == good


@pytest.mark.parametrize("sentence, value, kind", [
    # an acronym in brackets after the words it stands for is no word of the counted noun
    ("Vinh Phuc attracted 21 new foreign direct investment (FDI) projects in four months.", 21, "foreign"),
    # four words may describe the counted noun
    ("The province licensed 24 new foreign direct investment projects in four months.", 24, "foreign"),
])
def test_a_count_reads_past_a_bracketed_acronym_and_long_modifiers(sentence: str, value: int, kind: str) -> None:
    count = next(c for c in analyse_text("FDI\n\n" + sentence, "2025-05-06") if c.kind == "count")
    assert (count.value.low, count.value.noun, count.scope.get("kind")) == (value, "project", kind)


@pytest.mark.parametrize("sentence, kind, text, owner", [
    ("The terminal of Ha Long Port has a total floor area of 15,200 square metres.", "quantity",
     "15,200 square metres", "The terminal of Ha Long Port"),
    ("Long Thanh International Airport will cost US$16 billion.", "money", "US$16 billion",
     "Long Thanh International Airport"),
])
def test_an_attribute_word_inside_a_name_stays_in_the_owner(sentence: str, kind: str, text: str, owner: str) -> None:
    """"long" names a length, but the capital "Long" of "Ha Long" is a word of the port's name:
    the owner phrase keeps it, or "Ha Port" would be another port."""
    assert find(analyse_text(sentence), kind, text).subject_text == owner


@pytest.mark.parametrize("sentence, kind, text, which", [
    ("The province had received fewer than 60,000 visitors a year before the inscription.", "count",
     "fewer than 60,000 visitors", "former"),
    ("The apron had only four aircraft stands before the upgrade.", "count", "four aircraft stands", "former"),
    ("The market will have 620 stalls before the end of the year.", "count", "620 stalls", None),
    ("The building was finished with 120 rooms before the time set out in the contract.", "count", "120 rooms", None),
    # a marker opening the sentence: its first clause's figures are former ones
    ("Until now the market has bought all its power from EDL at the commercial tariff of 1,540 kip per kWh.",
     "money", "1,540 kip", "former"),
    ("Previously, the hospital had 300 beds, but now it has 500 beds.", "count", "500 beds", None),
])
def test_a_figure_before_an_event_is_a_former_one(sentence: str, kind: str, text: str, which: str | None) -> None:
    """"before the inscription", "before the upgrade": what a thing had before an event
    (entities.yaml former_after); "before the end of the year" is a deadline, no event. "Until
    now" opening a sentence makes its first clause's figures what the thing had so far."""
    assert find(analyse_text(sentence), kind, text).scope.get("which") == which


@pytest.mark.parametrize("sentence, status", [
    ("The ministry has set completion for November 2025.", "plan"),
    ("Completion is scheduled for November 2025.", "plan"),
    ("The bridge reached completion in August 2025.", None),
])
def test_an_event_noun_a_plan_governs_is_planned(sentence: str, status: str | None) -> None:
    """An event noun a planning verb takes as its object, or one a plan word follows before its
    date (events.yaml planning_verbs, plan_markers), dates when it is meant to happen."""
    claims = analyse_text(sentence, "2025-10-07")
    date = next(c for c in claims if c.kind == "date" and c.attribute == "completed")
    assert date.scope.get("status") == status


@pytest.mark.parametrize("sentence", [
    "Work started in 2022, and the contract had set completion for November 2025.",
    "Completion had originally been planned for the end of 2024.",
])
def test_an_event_noun_once_planned_gives_no_date(sentence: str) -> None:
    """A plan told as one set before ("had set", "had originally been planned"): the date once
    meant, neither the event's date nor a date still to come."""
    assert not [c for c in analyse_text(sentence, "2025-10-07") if c.kind == "date" and c.attribute == "completed"]
