"""Durations linked to the span of work they measure (rules/data/spans.yaml): each row is a
sentence, the duration's words, and the span, link words, plan status and subject words it
must carry; the must-give-nothing rows are durations of no span, of a part, or offsets in time."""

from __future__ import annotations

import pytest

from conftest import analyse_text

PUBLISHED = "2024-12-20"
HEADLINE = "Nam Khan Friendship Bridge opens in Luang Prabang\n\n"

# sentence, duration words, attribute, link words, plan, subject words (None: the claim names none)
LINKED = [
    ("Construction took nearly 38 months.", "nearly 38 months", "construction", "Construction took", False, None),
    ("Construction of the bridge took nearly 38 months.", "nearly 38 months", "construction",
     "Construction of the bridge took", False, "the bridge"),
    ("The 18-month construction was funded by China.", "18-month", "construction", "construction", False, None),
    ("The 18-month construction of the bridge was funded by China.", "18-month", "construction", "construction",
     False, "the bridge"),
    ("After 26 months of construction, the bridge was opened.", "26 months", "construction", "construction",
     False, None),
    ("The works lasted two years.", "two years", "works", "works lasted", False, None),
    ("The Nam Khan Friendship Bridge was built over 30 months.", "over 30 months", "construction", "built", False,
     "Nam Khan Friendship Bridge"),
    ("The bridge was completed in 30 months.", "30 months", "construction", "completed", False, "bridge"),
    ("The bridge took 30 months to build.", "30 months", "construction", "build", False, "bridge"),
    ("The bridge will take 24 months to build.", "24 months", "construction", "build", True, "bridge"),
    ("The bridge is expected to be completed in 30 months.", "30 months", "construction", "completed", True, "bridge"),
    ("The 18-month study was funded by Germany.", "18-month", "study", "study", False, "study"),
    ("The study lasted 18 months.", "18 months", "study", "study lasted", False, "study"),
]


@pytest.mark.parametrize("sentence, words, attribute, link, plan, subject", LINKED, ids=[r[0] for r in LINKED])
def test_a_duration_links_to_the_span_its_words_name(sentence: str, words: str, attribute: str, link: str,
                                                     plan: bool, subject: str | None) -> None:
    claims = [c for c in analyse_text(HEADLINE + sentence, PUBLISHED) if c.kind == "duration" and c.text == words]
    assert len(claims) == 1, claims
    claim = claims[0]
    assert (claim.attribute, claim.scope.get("span"), claim.scope.get("status") == "plan") == (attribute, link, plan)
    assert claim.subject_text == subject


NOT_LINKED = [
    "The first phase of construction took 18 months.",  # a part's duration
    "The bridge was completed 18 months ahead of schedule.",  # an offset, not a length
    "Construction workers were paid for 18 months.",  # the noun is about something else
    "The company has a 25-year concession for the bridge.",  # a term, not a span of work
    "The bridge was opened two years after construction began.",
]


@pytest.mark.parametrize("sentence", NOT_LINKED)
def test_a_duration_of_no_span_stays_unlinked(sentence: str) -> None:
    durations = [c for c in analyse_text(HEADLINE + sentence, PUBLISHED) if c.kind == "duration"]
    assert durations and all("span" not in c.scope for c in durations), durations
