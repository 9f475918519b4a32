"""Properties of the value layer (issue 10): a figure reads the same however it is written, a
hedge never narrows it, and every value's words are the file's words at its offsets."""

from __future__ import annotations

from hypothesis import assume, given, settings
from hypothesis import strategies as st

from tests.conftest import load_toolkit, make_document

HEADLINE = "Flood relief\n\n"


def _values(body: str, kind: str):
    doc = make_document(HEADLINE + body)
    return doc, [v for v in load_toolkit().values(doc) if v.kind == kind]


def _count(body: str) -> tuple[float | None, float | None]:
    _, found = _values(body, "count")
    assert len(found) == 1, [(v.text, v.value) for v in found]
    return found[0].value.low, found[0].value.high


@settings(max_examples=40, deadline=None)
@given(st.integers(min_value=1000, max_value=999_999_999))
def test_separators_do_not_change_a_figure(n: int) -> None:
    """"12,500", "12 500" and "1.250.000"-style groups read as the plain digits do (a plain
    "1900" to "2100" is a year, not a count)."""
    assume(not 1900 <= n <= 2100)
    plain = _count(f"Officials said {n} households were evacuated.")
    assert _count(f"Officials said {n:,} households were evacuated.") == plain
    assert _count(f"Officials said {n:,}".replace(",", " ") + " households were evacuated.") == plain
    if n >= 1_000_000:
        assert _count(f"Officials said {n:,}".replace(",", ".") + " households were evacuated.") == plain


@settings(max_examples=40, deadline=None)
@given(st.integers(min_value=1, max_value=999), st.sampled_from([("thousand", 1_000), ("million", 1_000_000)]))
def test_a_scale_word_covers_its_digits(n: int, scale: tuple[str, int]) -> None:
    """"3 million" is a rounding that holds 3,000,000."""
    word, factor = scale
    low, high = _count(f"Officials said {n} {word} households were evacuated.")
    assert low <= n * factor <= high


@settings(max_examples=40, deadline=None)
@given(st.integers(min_value=2, max_value=50_000),
       st.sampled_from(["about", "around", "nearly", "almost", "more than", "over", "at least", "up to", "some"]))
def test_a_hedge_never_narrows_a_figure(n: int, hedge: str) -> None:
    low, high = _count(f"Officials said {n:,} households were evacuated.")
    h_low, h_high = _count(f"Officials said {hedge} {n:,} households were evacuated.")
    assert (h_low is None or h_low <= low) and (h_high is None or h_high >= high)


@settings(max_examples=60, deadline=None)
@given(st.lists(st.sampled_from([
    "The bridge cost VND42 billion", "It covers 12,500sq.m", "about 30 percent of the fields",
    "on March 14, 2024", "a 25-year concession", "the 2021-2025 period", "1,850 households",
    "nearly 38 months", "US$1.2bn", "two hundred and fifty workers", "118-133km per hour",
    "a quarter of the budget", "Q3 2024", "by the end of 2025", "minus 5°C", "Hà Nội", "\u00a0",
    "—", "“quoted”", ",", "and", "said", "\n"]), min_size=1, max_size=12))
def test_every_value_is_its_own_words(parts: list[str]) -> None:
    doc, _ = _values(" ".join(parts) + ".", "date")
    for v in load_toolkit().values(doc):
        assert doc.text[v.start:v.end] == v.text
