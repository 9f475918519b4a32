"""Reports cost time linear in the claims of an article, not quadratic (issue 12, item 6).

Counted, not timed: the number of comparisons `highlight` makes and the number of passes
reporters make over all the claims, which grow with n, not n², however fast the machine is.
"""

from __future__ import annotations

import datetime as dt

import pytest

from checker.decide import decide
from checker.models import Claim, Conflict, DateRange, DateValue, Document, Report
from checker.report import REPORTERS
from checker.report.htmlkit import Span, highlight


class CountingInt(int):
    """An offset that counts every comparison made with it."""

    count = 0

    def _cmp(self, other: object, op: str) -> bool:
        CountingInt.count += 1
        return getattr(int(self), op)(int(other))  # type: ignore[arg-type]

    def __lt__(self, other: object) -> bool: return self._cmp(other, "__lt__")
    def __le__(self, other: object) -> bool: return self._cmp(other, "__le__")
    def __gt__(self, other: object) -> bool: return self._cmp(other, "__gt__")
    def __ge__(self, other: object) -> bool: return self._cmp(other, "__ge__")
    __hash__ = int.__hash__


def comparisons(n: int) -> int:
    """Comparisons `highlight` makes for n claims of 4 characters, 10 characters apart, two of them overlapping."""
    text = "x" * (10 * n + 10)
    spans = [Span(CountingInt(10 * i), CountingInt(10 * i + 4), ("claim",), "t") for i in range(n)]
    spans.append(Span(CountingInt(2), CountingInt(13), ("claim",), "wide"))
    CountingInt.count = 0
    highlight(text, 0, spans)
    return CountingInt.count


def test_highlight_is_linear_in_the_spans() -> None:
    small, large = comparisons(400), comparisons(4000)
    # n log n sorting allowed; a rescan of every span at every cut makes this ratio about 100
    assert large < 15 * small


def test_highlight_output_unchanged_for_nested_spans() -> None:
    spans = [Span(0, 10, ("a",), "outer", "o"), Span(2, 5, ("b",), "inner", "i"), Span(7, 7, ("c",), "", "z")]
    assert highlight("0123456789<", 0, spans) == (
        '<a class="anchor" id="o"></a><mark class="a" title="outer">01</mark>'
        '<a class="anchor" id="i"></a><mark class="b overlap" title="inner; outer">234</mark>'
        '<mark class="a" title="outer">56</mark><a class="anchor" id="z"></a><mark class="a" title="outer">789</mark>'
        "&lt;")


class CountingList(list):
    """A list that counts how often it is walked from the start."""

    def __init__(self, items: list) -> None:
        super().__init__(items)
        self.walks = 0

    def __iter__(self):  # type: ignore[no-untyped-def]
        self.walks += 1
        return super().__iter__()


def dense_report(conflicts: int) -> tuple[Report, CountingList]:
    """One article with two claims per conflict, every pair disagreeing on a date."""
    sentence = "It opened on March 3, 2024. "
    text = sentence * (2 * conflicts)
    doc = Document(id="a", path="a.txt", text=text, published=dt.date(2024, 5, 1),
                   published_range=DateRange(start=dt.date(2024, 5, 1), end=dt.date(2024, 5, 1)),
                   published_source="front_matter")
    claims = []
    for i in range(2 * conflicts):
        start = i * len(sentence) + 13
        claims.append(Claim(id=f"c{i}", document="a", kind="date", subject=f"s{i // 2}", attribute="opened",
                            value=DateValue(start=dt.date(2024, 3, 3 + i % 2), end=dt.date(2024, 3, 3 + i % 2)),
                            text=text[start:start + 13], start=start, end=start + 13,
                            sentence=sentence.strip(), sentence_start=i * len(sentence)))
    found = [Conflict(id=f"k{j}", rule="date.event-dates", severity="error", message="m", reason="r",
                      claims=[f"c{2 * j}", f"c{2 * j + 1}"], subject=f"s{j}", attribute="opened", documents=["a"])
             for j in range(conflicts)]
    counted = CountingList(claims)
    rule = {"id": "date.event-dates", "title": "t", "severity": "error", "rationale": "r", "extends": "interval_overlap"}
    report = Report.model_construct(documents=[doc], claims=counted, conflicts=found, errors=[], rules=[rule], warnings=[])
    return report, counted


@pytest.mark.parametrize("fmt", sorted(REPORTERS))
def test_reporters_walk_the_claims_a_fixed_number_of_times(fmt: str) -> None:
    report, counted = dense_report(200)
    decisions = decide(report)
    counted.walks = 0
    REPORTERS[fmt](report, decisions)
    assert counted.walks <= 10, f"{fmt} walked all the claims {counted.walks} times for 200 conflicts"


def group_report(sides: int) -> Report:
    """One conflict whose sides are `sides` claims of one article (a group that disagrees)."""
    report, _ = dense_report(sides // 2)
    merged = Conflict(id="k", rule="date.event-dates", severity="error", message="m", reason="r",
                      claims=[c.id for c in report.claims], subject="s", attribute="opened", documents=["a"])
    return Report.model_construct(**{**dict(report), "claims": list(report.claims), "conflicts": [merged]})


@pytest.mark.parametrize("fmt", sorted(REPORTERS))
def test_a_large_group_costs_its_sides_not_their_pairs(fmt: str) -> None:
    small, large = (len(REPORTERS[fmt](group_report(n))) for n in (40, 400))
    assert large < 15 * small, f"{fmt}: {small} characters for 40 sides, {large} for 400"


def test_a_group_message_names_a_few_values_and_counts_the_rest() -> None:
    # Every line of every side of a group carries its message and reason: listing all its values
    # made the GitHub annotations of a table flattened into one sentence quadratic.
    import sys
    from pathlib import Path
    sys.path.insert(0, str(Path(__file__).resolve().parent.parent / "benchmarks"))
    from dense_bench import article
    from checker.documents import parse_document
    from conftest import load_toolkit
    sizes = []
    for size in (20_000, 80_000):
        doc = parse_document("dense", "dense.txt", article(size, one_sentence=True))
        docs, claims, conflicts, errors = load_toolkit().check([doc])
        report = Report(documents=docs, claims=claims, conflicts=conflicts, errors=errors)
        assert max(c.message.count(" vs ") for c in conflicts) <= 5
        assert any(c.message.endswith("other values") for c in conflicts)
        assert max(c.reason.count(", ") for c in conflicts) <= 6 and any(" others " in c.reason for c in conflicts)
        sizes.append(len(REPORTERS["github"](report, decide(report))))
    assert sizes[1] < 8 * sizes[0], f"github: {sizes[0]} characters at 20 kB, {sizes[1]} at 80 kB"
