"""Acronyms an article spells out in brackets: the name the role extractor reads for them."""

from __future__ import annotations

import pytest

from checker.extract.base import spelled_out


@pytest.mark.parametrize("text, acronym, name", [
    ("according to the Laos-China Railway Company Limited (LCRC). The General Director of LCRC said",
     "LCRC", "Laos-China Railway Company Limited"),
    ("the Bank for Investment and Development of Vietnam (BIDV) said", "BIDV",
     "Bank for Investment and Development of Vietnam"),
    ("a loan from the Asian Development Bank (ADB)", "ADB", "Asian Development Bank"),
])
def test_an_acronym_is_the_name_whose_initials_it_holds(text: str, acronym: str, name: str) -> None:
    assert spelled_out(text, acronym) == name


@pytest.mark.parametrize("text, acronym", [
    ("Song Huong Water Supply Joint Stock Company (SHWACO) organised it", "SHWACO"),  # syllables, not initials
    ("The General Director of LCRC said", "LCRC"),                                       # defined nowhere
    ("the company said on Monday (EVN)", "EVN"),                                        # words that do not spell it
])
def test_no_name_without_a_spelled_out_definition(text: str, acronym: str) -> None:
    assert spelled_out(text, acronym) is None
