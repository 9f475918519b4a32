"""Occasion linking: the words that say which meeting or ceremony a phrase names, and which
dates of one story are dates of one occasion."""

from __future__ import annotations

import pytest

from checker.aliases import AliasTable
from checker.occasions import OccasionLinker

from conftest import analyse_text, load_toolkit


def _linker() -> OccasionLinker:
    lexicon = load_toolkit().lexicon
    return OccasionLinker(lexicon, AliasTable(lexicon))


@pytest.mark.parametrize("phrase, noun, words", [
    ("monthly socio-economic review meeting", "meeting", {"monthly", "socio", "economic", "review"}),
    ("the provincial People's Committee's monthly review meeting", "meeting", {"monthly", "review"}),
    ("official welcome ceremony", "ceremony", {"official", "welcome"}),
    ("meeting with Lao Prime Minister Sonexay Siphandone in Vientiane", "meeting",
     {"lao", "prime", "minister", "sonexay", "siphandone"}),
    ("a conference on tourism", "conference", {"tourism"}),
    ("The meeting", "meeting", set()),
    ("two-day forum", "forum", {"day"}),  # "two" is noise; "day" makes it span days
])
def test_an_occasion_phrase_names_its_noun_and_its_words(phrase: str, noun: str, words: set[str]) -> None:
    assert _linker().mention(phrase) == (noun, frozenset(words))


@pytest.mark.parametrize("phrase", ["the Hoa Phuong block", "the province's exports", ""])
def test_a_phrase_that_names_no_occasion_is_none(phrase: str) -> None:
    assert _linker().mention(phrase) is None


def test_an_occasion_date_carries_the_occasion_s_words() -> None:
    claims = analyse_text("Officials said at the provincial People's Committee's monthly review meeting on "
                          "Saturday that exports rose.", "2024-11-04")
    held = [c for c in claims if c.attribute == "held"]
    assert [(c.text, c.subject_text, str(c.value.start)) for c in held] == [
        ("meeting on Saturday", "provincial People's Committee's monthly review meeting", "2024-11-02")]
