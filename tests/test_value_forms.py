"""The value layer as a parser: each row is a sentence, the exact words a claim must quote,
and the value it must carry; the must-give-nothing rows name words that are no value of
that kind. Sentences are written for these tests, apart from the corpus."""

from __future__ import annotations

import pytest

from conftest import analyse_text

POWER = "kilogram * meter ** 2 / second ** 3"

FORMS = [
    # a currency's hundredth, as a rate per unit
    ("EVN will pay 6.4 US cents per kWh for the power.", "money", "6.4 US cents",
     {"low": 0.064, "high": 0.064, "currency": "USD"}),
    ("The plant sells power at 9.35 cents per kWh.", "money", "9.35 cents",
     {"low": 0.0935, "high": 0.0935, "currency": "USD"}),
    # currency codes and symbols glued to the figure, before or after it
    ("The Vinh Long bypass cost VND42 billion.", "money", "VND42 billion",
     {"low": 41.5e9, "high": 42.5e9, "currency": "VND"}),
    ("The Dien Bien clinic cost VNĐ680 billion.", "money", "VNĐ680 billion",
     {"low": 679.5e9, "high": 680.5e9, "currency": "VND"}),
    ("The Cao Bang road cost VN\u00d01.2 trillion.", "money", "VN\u00d01.2 trillion",
     {"low": 1.15e12, "high": 1.25e12, "currency": "VND"}),
    ("The Udomxay market cost kip 10 billion.", "money", "kip 10 billion",
     {"low": 9.5e9, "high": 10.5e9, "currency": "LAK"}),
    ("The Nong Khai pier cost THB300 million.", "money", "THB300 million",
     {"low": 299.5e6, "high": 300.5e6, "currency": "THB"}),
    ("The Phnom Penh terminal cost 1.2bn USD.", "money", "1.2bn USD",
     {"low": 1.15e9, "high": 1.25e9, "currency": "USD"}),
    ("The Kep harbour cost US$3.5mln.", "money", "US$3.5mln",
     {"low": 3.45e6, "high": 3.55e6, "currency": "USD"}),
    # an amount before the noun it measures
    ("Work on a VNĐ450 billion runway extension began in May.", "money", "VNĐ450 billion",
     {"low": 449.5e9, "high": 450.5e9, "currency": "VND"}),
    # glued and spelled units, compound adjectives
    ("The Ban Hat warehouse covers 12,500sq.m of land.", "quantity", "12,500sq.m",
     {"low": 12_500, "high": 12_500, "unit": "meter ** 2"}),
    ("The Pakse depot covers 6,400 sq. m of land.", "quantity", "6,400 sq. m",
     {"low": 6_400, "high": 6_400, "unit": "meter ** 2"}),
    ("A 120-megawatt plant was opened in Kon Tum.", "quantity", "120-megawatt",
     {"low": 120e6, "high": 120e6, "unit": POWER}),
    ("The Tay Ninh farm has 45 MWp of panels.", "quantity", "45 MWp",
     {"low": 45e6, "high": 45e6, "unit": POWER}),
    ("The Dau Tieng lake holds 1.5 billion m³ of water.", "quantity", "1.5 billion m³",
     {"low": 1.45e9, "high": 1.55e9, "unit": "meter ** 3"}),
]


@pytest.mark.parametrize("sentence, kind, text, value", FORMS, ids=[f[2] for f in FORMS])
def test_reads(sentence: str, kind: str, text: str, value: dict) -> None:
    found = [c for c in analyse_text(sentence) if c.kind == kind and c.text == text]
    assert len(found) == 1, [(c.kind, c.text) for c in analyse_text(sentence)]
    assert found[0].value.model_dump(mode="json") == pytest.approx(value)


PERIODS = [
    ("The deferral covers loan repayments covering 2024 to 2028.", "2024 to 2028", 2024, 2028, "period"),
    ("The project was carried out between 2021 and 2024.", "between 2021 and 2024", 2021, 2024, "works"),
    ("Construction will run from 2024 to 2027, the investor said.", "from 2024 to 2027", 2024, 2027, "works"),
    ("The terminal will be built in 2024-2026.", "2024-2026", 2024, 2026, "works"),
]


def test_two_years_joined_by_and_are_no_period() -> None:
    assert [c for c in analyse_text("Exports rose in 2023 and 2024.") if c.kind == "period"] == []


@pytest.mark.parametrize("sentence, text, start, end, attribute", PERIODS, ids=[p[1] for p in PERIODS])
def test_reads_periods(sentence: str, text: str, start: int, end: int, attribute: str) -> None:
    found = [c for c in analyse_text(sentence) if c.kind == "period" and c.text == text]
    assert [(c.value.start, c.value.end, c.attribute) for c in found] == [(start, end, attribute)]


NOTHING = [
    ("The Lao Cai park cost $5m in all.", "quantity", "5m"),  # money, not five metres
    ("Patients with COVID19 were moved.", "money", "19"),  # letters before digits are no currency
    ("Sales in H1 rose.", "count", "1"),
]


@pytest.mark.parametrize("sentence, kind, words", NOTHING, ids=[n[2] for n in NOTHING])
def test_gives_nothing(sentence: str, kind: str, words: str) -> None:
    assert not [c for c in analyse_text(sentence) if c.kind == kind and words in c.text]


@pytest.mark.parametrize("sentence, amount, per", [
    ("Workers at the Vung Ang plant earn VND8 million per month.", "VND8 million", "month"),
    ("Farmers sold the rice at $520 a tonne.", "$520", "tonne"),
])
def test_a_rate_is_kept_apart_from_an_amount(sentence: str, amount: str, per: str) -> None:
    money = [c for c in analyse_text(sentence) if c.kind == "money" and c.text == amount]
    assert len(money) == 1 and money[0].scope.get("per") == per


def test_an_amount_before_its_noun_names_that_noun() -> None:
    claim = next(c for c in analyse_text("The ministry signed a $5 million loan with the bank.") if c.kind == "money")
    assert (claim.attribute, claim.subject_text) == ("loan", "loan")


# Relative dates against a fixed publication day: Tuesday 14 November 2023.
PUBLISHED = "2023-11-14"
DATES = [
    ("The Nam Theun bridge was completed last Friday.", "was completed last Friday", "2023-11-10", "2023-11-10"),
    ("The Nam Theun bridge was completed last Tuesday.", "was completed last Tuesday", "2023-11-07", "2023-11-07"),
    ("The Nam Theun bridge was completed on Monday.", "was completed on Monday", "2023-11-13", "2023-11-13"),
    ("The Nam Theun bridge was inaugurated on Thursday (November 9).",
     "was inaugurated on Thursday (November 9", "2023-11-09", "2023-11-09"),
    ("The Nam Theun bridge was completed last week.", "was completed last week", "2023-11-06", "2023-11-12"),
    ("The Nam Theun bridge was completed last month.", "was completed last month", "2023-10-01", "2023-10-31"),
    ("The Nam Theun bridge was completed earlier this month.", "was completed earlier this month",
     "2023-11-01", "2023-11-14"),
    ("The Nam Theun bridge was opened to traffic yesterday.", "was opened to traffic yesterday",
     "2023-11-13", "2023-11-13"),
]


@pytest.mark.parametrize("sentence, text, start, end", DATES, ids=[d[1] for d in DATES])
def test_relative_dates_resolve_against_the_publication_day(sentence: str, text: str, start: str, end: str) -> None:
    found = [c for c in analyse_text(sentence, PUBLISHED) if c.kind == "date" and c.text == text]
    assert len(found) == 1, [(c.kind, c.text) for c in analyse_text(sentence, PUBLISHED)]
    assert found[0].value.model_dump(mode="json") == {"start": start, "end": end}


def test_a_plan_told_in_the_past_is_no_event_date() -> None:
    claims = analyse_text("The Nam Theun bridge was originally scheduled to be finished in December 2022.", PUBLISHED)
    assert not [c for c in claims if c.kind == "date" and "December 2022" in c.text]


@pytest.mark.parametrize("sentence, figure, period", [
    ("Trade between Laos and Thailand reached $4.1 billion in the first ten months of 2023, up 4.6% from the "
     "same period last year.", "4.6%", "2023-M01-M10"),
    ("Exports reached $2 billion in the first 11 months of 2023, up 3% over the same month last year.", "3%",
     "2023-M01-M11"),
    ("Rice exports rose 12% in 5 months, the department said.", "12%", "2023-M01-M05"),
    ("Enrolment grew 4% in the 2023-2024 school year.", "4%", "2023-24 school year"),
    ("Traffic on the bridge rose 15% in its first week.", "15%", "first-week"),
    ("Traffic on the bridge rose 15% in its first seven days.", "15%", "first-week"),
    ("Laos exported goods worth US$881 million in the January-October period, an increase of 8.9 percent compared "
     "to the same period of last year.", "8.9 percent", "2023-M01-M10"),
    ("Exports in January-June 2024 rose 5%.", "5%", "2024-H1"),
])
def test_the_base_of_a_comparison_is_not_the_figures_period(sentence: str, figure: str, period: str) -> None:
    claim = next(c for c in analyse_text(sentence, PUBLISHED) if c.kind == "percent" and c.text == figure)
    assert claim.scope.get("period") == period



def test_days_counted_from_the_day_the_article_named_last() -> None:
    text = ("Delegation visits Vientiane\n\nThe delegation arrived in Vientiane on November 8. The agreement was "
            "signed the next day. The bridge was inaugurated the same day. The dam was completed two days later. "
            "The school was inaugurated the previous day.")
    got = {c.text: c.value.model_dump(mode="json")["start"] for c in analyse_text(text, PUBLISHED) if c.kind == "date"
           and c.attribute != "published"}
    assert got == {"was signed the next day": "2023-11-09", "was inaugurated the same day": "2023-11-09",
                   "was completed two days later": "2023-11-11", "was inaugurated the previous day": "2023-11-10"}


def test_the_previous_day_with_no_day_named_before_gives_no_date() -> None:
    claims = analyse_text("School opens\n\nThe school was inaugurated the previous day.", PUBLISHED)
    assert not [c for c in claims if c.kind == "date" and "previous day" in c.text]


def test_a_recipient_between_a_passive_event_and_its_date() -> None:
    claims = analyse_text("Canal handed over\n\nThe canal was handed over to the southern Lao province of Champasak "
                          "on November 11.", PUBLISHED)
    date = next(c for c in claims if c.kind == "date" and c.attribute == "handed_over")
    assert date.value.model_dump(mode="json") == {"start": "2023-11-11", "end": "2023-11-11"}


def test_a_dateline_is_no_part_of_a_subject() -> None:
    claims = analyse_text("Canal handed over\n\nCHAMPASAK \u2014 An irrigation system was handed over on November 11.",
                          PUBLISHED)
    date = next(c for c in claims if c.kind == "date" and c.attribute == "handed_over")
    assert date.subject_text == "An irrigation system"


def test_an_increase_of_a_figure_is_a_change_of_what_the_clause_names() -> None:
    claims = analyse_text("Laos exported goods worth US$881 million in the January-October period, an increase of "
                          "8.9 percent compared to the same period of last year.", PUBLISHED)
    change = next(c for c in claims if c.kind == "percent")
    assert (change.attribute, change.scope.get("of"), change.scope.get("direction")) == ("change", "export", "up")


@pytest.mark.parametrize("sentence, start, end", [
    ("On October 7, the delegation visited the Lam Kinh relic site.", "2023-10-07", "2023-10-07"),
    ("In March 2023, the Nam Theun bridge was completed.", "2023-03-01", "2023-03-31"),
])
def test_a_date_opening_the_sentence_dates_its_event(sentence: str, start: str, end: str) -> None:
    dates = [c for c in analyse_text(sentence, PUBLISHED) if c.kind == "date" and c.attribute != "published"]
    assert [c.value.model_dump(mode="json") for c in dates] == [{"start": start, "end": end}]


def test_a_fronted_date_with_another_verb_before_the_event_dates_nothing() -> None:
    dates = [c for c in analyse_text("On Monday, the company announced it completed the dam.", PUBLISHED)
             if c.kind == "date" and c.attribute != "published"]
    assert all(c.value.model_dump(mode="json")["start"] != "2023-11-13" for c in dates)


@pytest.mark.parametrize("sentence, amount, attribute", [
    ("The expressway company collected 21.6 million USD in tolls in 2022.", "21.6 million USD", "revenue"),
    ("Ben Tre received VND95 billion from the central reserve.", "VND95 billion", "relief"),
    ("They signed 24 cooperation agreements with a combined value of US$2.3 billion.", "US$2.3 billion",
     "contract value"),
])
def test_what_an_amount_is_named_around_it(sentence: str, amount: str, attribute: str) -> None:
    money = next(c for c in analyse_text(sentence, PUBLISHED) if c.kind == "money" and c.text == amount)
    assert money.attribute == attribute


@pytest.mark.parametrize("sentence, words, owner", [
    ("Dong Thap exported 268,000 tonnes of rice in the first five months.", "268,000 tonnes", "Dong Thap"),
    ("Laos imported 1.2 million tonnes of fertiliser in 2023.", "1.2 million tonnes", "Laos"),
])
def test_a_place_that_is_the_clause_subject_owns_the_figure(sentence: str, words: str, owner: str) -> None:
    claim = next(c for c in analyse_text(sentence, PUBLISHED) if c.text == words)
    assert claim.subject_text == owner
