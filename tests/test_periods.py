"""The period labels' last days and the linking of undated figures to their story's period."""

from __future__ import annotations

import datetime as dt

import pytest

from checker.extract.reporting import label_end


@pytest.mark.parametrize("label, end", [
    ("2024", dt.date(2024, 12, 31)),
    ("2024-end", dt.date(2024, 12, 31)),
    ("2024-H1", dt.date(2024, 6, 30)),
    ("2024-H2", dt.date(2024, 12, 31)),
    ("2024-Q1", dt.date(2024, 3, 31)),
    ("2024-M02", dt.date(2024, 2, 29)),
    ("2023-M02", dt.date(2023, 2, 28)),
    ("2024-M01-M09", dt.date(2024, 9, 30)),
    ("2023-M12/2024-M02", dt.date(2024, 2, 29)),
    ("2025-01-26/02-03", dt.date(2025, 2, 3)),
    ("2024-week-to-08-11", dt.date(2024, 8, 11)),
    ("first-week", None),
    ("2024-25 school year", None),
    ("2024-M13", None),
])
def test_a_period_labels_last_day(label: str, end: dt.date | None) -> None:
    assert label_end(label) == end


def test_undated_figures_of_a_story_take_its_period_together_or_not_at_all() -> None:
    """Two undated totals of one story were compared as one time; when one of them cannot take
    the story's period (its own article states another period ending that day), neither does."""
    from conftest import load_toolkit, make_document
    docs = [make_document(text, published, doc_id) for doc_id, published, text in [
        ("a", "2025-06-05", "Ninh Binh tourism grows\n\nNinh Binh's tourism revenue reached VND1.9 trillion, the "
         "provincial Department of Tourism said.\n\nIn the first five months of 2025, the province welcomed 4.1 "
         "million visitors, up 12 percent."),
        ("b", "2025-06-06", "Ninh Binh tourism revenue rises\n\nNinh Binh's tourism revenue reached VND2.3 trillion, "
         "the provincial Department of Tourism said."),
        ("c", "2025-06-06", "Ninh Binh busy in May\n\nIn May alone, Ninh Binh's tourism revenue reached VND1.6 "
         "trillion, the provincial Department of Tourism said."),
    ]]
    _, claims, conflicts, errors = load_toolkit().check(docs)
    assert not errors
    undated = [c for c in claims if c.kind == "money" and c.document in ("a", "b")]
    assert len(undated) == 2 and all(c.period_link is None and "period" not in c.scope for c in undated)
    # a's and b's totals are still one time's, and disagree
    assert [sorted(c.documents) for c in conflicts if c.rule == "money.running-totals"] == [["a", "b"]]


def test_an_undated_figure_takes_the_one_period_its_story_states() -> None:
    from conftest import load_toolkit, make_document
    docs = [make_document(text, published, doc_id) for doc_id, published, text in [
        ("a", "2025-02-03", "Quang Ninh draws Tet crowds\n\nQuang Ninh welcomed 612,000 visitors during the nine-day "
         "Tet holiday, the provincial Department of Tourism said."),
        ("b", "2025-02-05", "Tet tourism booms in Quang Ninh\n\nQuang Ninh received 621,000 visitors over the Tet "
         "holiday, from January 25 to February 2, the provincial Department of Tourism said."),
    ]]
    _, claims, conflicts, _ = load_toolkit().check(docs)
    linked = [c for c in claims if c.document == "a" and c.kind == "count"]
    assert [(c.scope.get("period"), c.period_link, c.time) for c in linked] == [("2025-01-25/02-02", "story", None)]
    assert any("the one period its story states" in c.reason for c in conflicts)
