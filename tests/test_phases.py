"""The phase a figure belongs to: phase nouns, their numbers, numerals and ordinals are data
(entities.yaml `phase_nouns`, `phase_numerals`, `series_ordinals`, numbers.yaml `units`)."""

from __future__ import annotations

import pytest

from checker.extract.figures import Phases

from conftest import load_toolkit


@pytest.fixture(scope="module")
def phases() -> Phases:
    return Phases(load_toolkit().lexicon)


@pytest.mark.parametrize("text, phase", [
    ("Phase 1, with an investment of $540 million,", "1"),
    ("Phase II of the project will cost", "2"),
    ("the second phase, of 120 MW,", "2"),
    ("The plant's first line, which came on stream in 2019, turns out", "1"),
    ("the third production line will add", "3"),
    ("Stage two of the works covers", "2"),
    ("The project, which has 300 beds,", None),       # no phase named
    ("the railway line carried", None),               # a line with no number is no phase
    ("in the first half of the year, output", None),  # an ordinal of no phase noun
])
def test_phase_named_before_a_figure(phases: Phases, text: str, phase: str | None) -> None:
    assert phases.of(text, 0, len(text)) == phase


def test_the_phase_is_dropped_from_the_owner_words(phases: Phases) -> None:
    assert phases.without("its second phase") == "its"
    assert phases.without("the plant's first line") == "the plant's"
