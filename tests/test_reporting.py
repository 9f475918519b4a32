"""Reporting periods: one label for one period however it is written, different labels for
different periods, and no period for the base of a comparison."""

from __future__ import annotations

import datetime as dt

import pytest
from hypothesis import given, strategies as st

from checker.extract.reporting import ReportingPeriods
from checker.models import DateRange

from conftest import load_toolkit

PERIODS = ReportingPeriods.of(load_toolkit().lexicon)

JAN_2025 = DateRange(start=dt.date(2025, 1, 9), end=dt.date(2025, 1, 9))
NOV_2024 = DateRange(start=dt.date(2024, 11, 7), end=dt.date(2024, 11, 7))
UNKNOWN_YEAR = DateRange(start=dt.date(2022, 12, 12), end=dt.date(2025, 12, 12))


def period(sentence: str, figure: str, published: DateRange = JAN_2025, before: str = "") -> str | None:
    text = before + sentence
    return PERIODS.period(text, len(before), len(text), text.index(figure), published)


@pytest.mark.parametrize("sentence, figure, label", [
    ("The line carried 3.4 million passengers in 2024.", "3.4", "2024"),
    # the calendar data's abbreviations name months too
    ("Exports reached $120 million in Dec. 2024, the office said.", "$120", "2024-M12"),
    ("The railway's freight revenue reached 142 million USD last year, the company said.", "142", "2024"),
    # "a year ago", "two years ago": the calendar year that many before the article's
    ("Farmers were getting 7,800 kip per kilo a year ago, he said.", "7,800", "2024"),
    # a period past a semicolon is the next clause's
    ("Tourism revenue in 2023 was US$112 million; the 2024 figure is still being finalised.", "US$112", "2023"),
    ("The plant exported 12,000 tonnes two years ago.", "12,000", "2023"),
    ("Freight revenue in 2024 reached US$124 million.", "124", "2024"),
    ("In the whole of 2023, the association sold 94 tonnes of GI pepper.", "94", "2023"),
    # a whole year named with or without an article, "full" or "whole", "of" or none
    ("In whole year 2023, the province exported 79,500 tonnes of coffee.", "79,500", "2023"),
    ("For the full year of 2023, revenue came to 254 million USD.", "254", "2023"),
    # "the 11-month IIP growth": the year's first eleven months
    ("With the 11-month IIP growth of 7.4%, the province can meet its targets.", "7.4", "2025-M01-M11"),
    # a span of months told with "from ... to" or "between ... and"
    ("From January to August, the province exported 180,000 tonnes of durian.", "180,000", "2024-M01-M08"),
    ("Between January and June 2024, arrivals reached 1.2 million.", "1.2", "2024-H1"),
    # two months running joined by "and", after "in" or "over": one span of both (not two months apart)
    ("Hotel occupancy averaged 91% over July and August, the association said.", "91%", "2024-M07-M08"),
    ("Occupancy reached 78 percent in July and August 2024.", "78", "2024-M07-M08"),
    ("Exports in January and August rose 5 percent.", "5 percent", "2025-M01"),
    # the same figure in brackets after it is a conversion, not another figure before the period
    ("Ticket sales brought in VND231.5 billion (US$9.3 million) between January and August.", "VND231.5",
     "2024-M01-M08"),
    # with no year, the last such span before the article (of 9 January 2025), across a new year too
    ("Rainfall from November to December was 65 percent lower than average.", "65", "2024-M11-M12"),
    ("Rainfall from December to February was 65 percent lower than average.", "65", "2023-M12/2024-M02"),
    # a month with its year told relative to the article's (of 9 January 2025)
    ("Exports reached $120 million in December this year, the office said.", "$120", "2025-M12"),
    # a week to a day is that week's figure, whichever way the day is written (the last such
    # week before the article of 9 January 2025)
    ("In the week to August 11 alone, the city reported 612 cases.", "612", "2024-week-to-08-11"),
    ("The city logged 540 cases in the week ending 4 August, the centre said.", "540", "2024-week-to-08-04"),
    ("In the week to January 5, the city reported 210 cases.", "210", "2025-week-to-01-05"),
    # "the 2022 epidemic, when ...": the year of the clause after "when"
    ("It is far below the 2022 epidemic, when the city recorded more than 70,000 cases.", "70,000", "2022"),
    ("In full-year 2023 the port handled 1.2 million TEUs.", "1.2", "2023"),
    ("Exports rose to $2 billion in the first half of 2025.", "$2", "2025-H1"),
    ("Exports rose to $2 billion in the first six months of 2025.", "$2", "2025-H1"),
    ("Exports reached $900 million in the first quarter of last year.", "$900", "2024-Q1"),
    ("Revenue reached $3 billion in the first nine months of 2024.", "$3", "2024-M01-M09"),
    # "the six months" of a report are its first half, labelled as "the first half" is
    ("Royalties reached 52 million USD in the six months, the report said.", "52", "2025-H1"),
    ("Revenue reached $3 billion in the nine months, the report said.", "$3", "2025-M01-M09"),
    ("Arrivals reached 40,000 in March 2024.", "40,000", "2024-M03"),
    ("Imports were $5 million this year.", "$5", "2025"),
    # a month with no year is the last one before the article (of 9 January 2025)
    ("Inflation slowed to 24.8 percent in December, the bureau said.", "24.8", "2024-M12"),
    ("Inflation eased to 6.1 percent in January, the bureau said.", "6.1", "2025-M01"),
    ("The school has 285 trainees in the school year 2023-2024.", "285", "2023-24 school year"),
    ("The province had some 7,600 rooms at the end of 2022.", "7,600", "2022-end"),
])
def test_one_label_per_period(sentence: str, figure: str, label: str) -> None:
    assert period(sentence, figure) == label


@pytest.mark.parametrize("sentence, figure, label", [
    # the base of a year-on-year change is that part of the year before: the figure's is the next
    ("Arrivals rose 31.2 percent compared with the first 10 months of last year.", "31.2", "2024-M01-M10"),
    ("Exports reached $5 million, up 8 percent over the first nine months of 2023.", "8", "2024-M01-M09"),
    ("Revenue was 12% higher than in the first quarter of 2023.", "12", "2024-Q1"),
    ("Imports grew 6% against the first half of last year.", "6", "2024-H1"),
    # "over" with no change figure before it is the span itself
    ("Exports grew over the first nine months of 2024, reaching $5 million.", "$5", "2024-M01-M09"),
])
def test_a_comparison_base_names_the_span_after_it(sentence: str, figure: str, label: str) -> None:
    assert period(sentence, figure, published=NOV_2024) == label


def test_during_the_year_takes_the_year_named_before() -> None:
    before = "The railway transported 5.2 million tonnes of freight in 2024, up 28 percent from 2023. "
    assert period("The railway also carried 4.3 million passengers during the year.", "4.3", before=before) == "2024"


@pytest.mark.parametrize("sentence, figure", [
    ("Trade reached $870 million, up 25 percent over last year.", "25"),   # "over last year": a comparison base
    ("Prices are up 20 percent from a year ago.", "20"),                     # "from a year ago": a base too
    # a tally up to a day, no period of a year: its day is its time
    ("The province recorded 4,286 cases from the beginning of this year to July 14.", "4,286"),
    ("The plant has a capacity of 240 MW.", "240"),                         # no period at all
    ("The line will run from 2026-2050 under the agreement.", "2026"),       # a term, not a reporting period
    ("88% of the trainees who joined the course in 2023 passed the exam.", "88"),  # the year of the joining
    ("98% of the land has been handed over and the rest will be cleared in January.", "98"),  # which January?
    ("Average room occupancy was 68 percent, compared with less than 50 percent in 2023.", "68"),  # the other figure's year
])
def test_no_reporting_period(sentence: str, figure: str) -> None:
    assert period(sentence, figure) is None


def test_relative_year_needs_a_known_year() -> None:
    assert period("Revenue reached $5 million last year.", "$5", published=UNKNOWN_YEAR) is None


def test_a_period_past_a_clause_opener_is_the_next_clauses() -> None:
    sentence = ("Between January 1 and September 15, the city recorded 16,430 HFMD cases, while dengue cases "
                "so far this year have passed 21,000.")
    assert period(sentence, "16,430", published=NOV_2024) == "2024-01-01/09-15"


def test_the_nearest_period_belongs_to_the_figure() -> None:
    sentence = "Exports were $1.1 billion in 2023 and $1.4 billion in 2024."
    assert (period(sentence, "$1.1"), period(sentence, "$1.4")) == ("2023", "2024")


@given(st.text(max_size=300), st.integers(min_value=0, max_value=300))
def test_never_raises(text: str, anchor: int) -> None:
    label = PERIODS.period(text, 0, len(text), min(anchor, len(text)), JAN_2025)
    assert label is None or isinstance(label, str)


def test_a_month_of_last_year_is_not_the_last_such_month() -> None:
    # said on 7 November 2024: last March was March 2024, "March last year" March 2023
    assert period("In March last year, a similar crash killed five people.", "five", NOV_2024) == "2023-M03"
    assert period("In March, a similar crash killed five people.", "five", NOV_2024) == "2024-M03"
