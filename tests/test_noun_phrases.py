"""The noun phrase before a figure's verb: a name's own words are never taken for an article."""

from __future__ import annotations

import pytest

from checker.extract.base import np_before
from checker.text import match_view


@pytest.mark.parametrize("sentence, verb, phrase", [
    # "An" inside a place's name is the name's word ("Nghe An", "Hoi An")
    ("The nearest facility, Nghe An Oncology Hospital, which has 1,000 beds", ", which", "Nghe An Oncology Hospital"),
    ("Hoi An Ancient Town received 4 million visitors", " received", "Hoi An Ancient Town"),
    # a lowercase article still opens the phrase
    ("Officials said an investor registered 5 projects", " registered", "an investor"),
])
def test_the_phrase_before_a_verb(sentence: str, verb: str, phrase: str) -> None:
    view = match_view(sentence)
    span = np_before(view, 0, sentence.index(verb), frozenset({"said", "which"}))
    assert span is not None and sentence[span[0]:span[1]] == phrase
