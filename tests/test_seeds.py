"""End to end on `seeds/`: exactly the expected conflicts, and the look-alikes that must
not be flagged, each with the reason it is not a conflict."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import pytest

from checker.models import Claim, Conflict, Report
from checker.pipeline import run_check

from conftest import REPO, RULES_DIR, SEEDS_DIR

S000, S001, S002, S003, S004 = (p.stem for p in sorted(SEEDS_DIR.glob("*.txt")))


@pytest.fixture(scope="module")
def report() -> Report:
    return run_check([SEEDS_DIR], RULES_DIR)


@pytest.fixture(scope="module")
def texts(report: Report) -> dict[str, str]:
    return {d.id: (SEEDS_DIR / f"{d.id}.txt").read_text(encoding="utf-8") for d in report.documents}


def claims_at(report: Report, texts: dict[str, str], doc: str, quote: str, kind: str | None = None) -> list[Claim]:
    """Claims of `doc` overlapping any occurrence of `quote`."""
    text = texts[doc]
    spans, at = [], text.find(quote)
    assert at >= 0, f"{quote!r} not in {doc}"
    while at >= 0:
        spans.append((at, at + len(quote)))
        at = text.find(quote, at + 1)
    return [c for c in report.claims if c.document == doc and (kind is None or c.kind == kind)
            and any(c.start < e and s < c.end for s, e in spans)]


def conflicts_between(report: Report, a: list[Claim], b: list[Claim]) -> list[Conflict]:
    ida, idb = {c.id for c in a}, {c.id for c in b}
    return [k for k in report.conflicts if set(k.claims) & ida and set(k.claims) & idb]


# --- the conflicts -------------------------------------------------------------------


def test_exactly_the_two_expected_conflicts(report: Report) -> None:
    assert report.errors == []
    assert sorted((k.rule, tuple(k.documents)) for k in report.conflicts) == [
        ("date.event-dates", (S001, S002)),
        ("role.exclusive-offices", (S003,)),
    ]


def test_completion_dates_conflict(report: Report, texts) -> None:
    (conflict,) = [k for k in report.conflicts if k.rule == "date.event-dates"]
    claims = {c.id: c for c in report.claims}
    sides = sorted((claims[i].document, claims[i].text, claims[i].value.model_dump(mode="json")) for i in conflict.claims)
    assert sides == [
        (S001, "has been completed", {"start": None, "end": "2024-03-14"}),
        (S002, "completed in April 2024", {"start": "2024-04-01", "end": "2024-04-30"}),
    ]
    assert conflict.severity == "error"
    assert conflict.attribute == "completed"


def test_offices_conflict_inside_003(report: Report) -> None:
    (conflict,) = [k for k in report.conflicts if k.rule == "role.exclusive-offices"]
    claims = {c.id: c for c in report.claims}
    sides = sorted((claims[i].text, claims[i].value.model_dump(mode="json")["organisation"]) for i in conflict.claims)
    assert sides == [
        ("Hanoi People's Council Vice Chairwoman Phung Thi Hong Ha", "hanoi people's council"),
        # named by one word later, "Vice Chairwoman Ha": the one name of the article with that word
        ("Hanoi People\u2019s Council\xa0\xa0Vice Chairwoman Ha", "hanoi people's council"),
        ("Vice Chairwoman of Hanoi People's Committee Phung Thi Hong Ha", "hanoi people's committee"),
    ]
    assert {claims[i].value.person for i in conflict.claims} == {"phung thi hong ha"}


# --- the look-alikes -----------------------------------------------------------------

NOT_CONFLICTS = [
    pytest.param((S001, "8 cooperation agreements"), (S002, "eight agreements between departments"), "count",
                 "agencies' agreements in 2024 vs departmental agreements in 2025: other scope and time",
                 id="8-agreements-vs-eight-departmental"),
    pytest.param((S001, "8 cooperation agreements"), (S002, "two city-level agreements"), "count",
                 "local agreements vs city-level agreements, two years apart",
                 id="8-agreements-vs-two-city-level"),
    pytest.param((S002, "two city-level agreements"), (S002, "eight agreements between departments"), "count",
                 "one sentence counts two different kinds of agreement",
                 id="city-level-vs-departmental"),
    pytest.param((S001, "Secretary of the Hanoi Party Committee, Dinh Tien Dung"),
                 (S002, "Nguyễn Duy Ngọc, Secretary of the Hà Nội Party Committee"), "role",
                 "the office changed hands between articles of 2024 and 2025",
                 id="hanoi-secretary-2024-vs-2025"),
    pytest.param((S001, "General Secretary Nguyen Phu Trong"),
                 (S002, "General Secretary of the Communist Party of Việt Nam Tô Lâm"), "role",
                 "different times: Trong in early 2024, To Lam in December 2025",
                 id="general-secretary-2024-vs-2025"),
    pytest.param((S004, "General Secretary of the CPV of Vietnam Nguyen Phu Trong"),
                 (S002, "General Secretary of the Communist Party of Việt Nam Tô Lâm"), "role",
                 "different times: Trong in 2022, To Lam in 2025",
                 id="general-secretary-2022-vs-2025"),
    pytest.param((S001, "the 2022-2025 period"), (S003, "the period from 2023 to 2025"), "period",
                 "the cities' 2022-2025 agreement and the councils' 2023-2025 one are different agreements",
                 id="city-agreement-vs-councils-agreement"),
    pytest.param((S002, "2022–2025"), (S003, "the period from 2023 to 2025"), "period",
                 "the 2022-2025 memorandum is not the councils' 2023-2025 agreement",
                 id="memorandum-vs-councils-agreement"),
    pytest.param((S004, "the 2021-2030 period"), (S004, "Cooperation Agreement 2021-2025"), "period",
                 "the 2021-2030 strategy and the 2021-2025 agreement are different plans",
                 id="strategy-vs-agreement"),
    pytest.param((S000, "$75.8 million"), (S000, "$99 million"), "money",
                 "exports and imports are different attributes",
                 id="exports-vs-imports"),
    pytest.param((S000, "0.9%"), (S000, "0.48%"), "percent",
                 "shares of exports and of imports are shares of different wholes",
                 id="export-share-vs-import-share"),
]


@pytest.mark.parametrize("left, right, kind, why", NOT_CONFLICTS)
def test_look_alikes_are_not_flagged(report: Report, texts, left, right, kind: str, why: str) -> None:
    a = claims_at(report, texts, *left, kind=kind)
    b = claims_at(report, texts, *right, kind=kind)
    assert a and b, "both sides must be extracted, or this test proves nothing"
    assert conflicts_between(report, a, b) == [], why


@pytest.mark.parametrize("doc, quote", [
    (S004, "(2025-2030)"),
    (S000, "680 million people"),
    (S000, "Resolutions 71, 72, 79 and 80"),
    (S003, "three-decade partnership"),
])
def test_teasers_are_never_evidence(report: Report, texts, doc: str, quote: str) -> None:
    assert claims_at(report, texts, doc, quote) == []
    teaser_start = texts[doc].index("\nRelated news\n")
    claims = {c.id: c for c in report.claims}
    for k in report.conflicts:
        assert all(not (claims[i].document == doc and claims[i].start > teaser_start) for i in k.claims)


# --- the report ------------------------------------------------------------------------


def test_every_conflict_claim_is_listed(report: Report) -> None:
    ids = {c.id for c in report.claims}
    assert len(ids) == len(report.claims)
    for k in report.conflicts:
        assert len(k.claims) >= 2
        assert set(k.claims) <= ids
        assert set(k.documents) == {c.document for c in report.claims if c.id in k.claims}


SHAPES = {
    "date": {"start", "end"}, "money": {"low", "high", "currency"}, "quantity": {"low", "high", "unit"},
    "count": {"low", "high", "noun"}, "percent": {"low", "high"}, "period": {"start", "end"},
    "duration": {"low", "high", "unit"}, "role": {"person", "office", "organisation"},
}


@pytest.fixture(scope="module")
def json_report(tmp_path_factory) -> dict:
    out = tmp_path_factory.mktemp("json") / "report.json"
    subprocess.run([sys.executable, "-m", "checker", "check", str(SEEDS_DIR), "--format", "json", "--output", str(out)],
                   cwd=REPO, capture_output=True, timeout=120)
    return json.loads(out.read_text(encoding="utf-8"))


def test_json_report_keys_and_value_shapes(json_report: dict) -> None:
    assert {"documents", "claims", "conflicts", "errors"} <= set(json_report)
    assert json_report["errors"] == []
    assert len(json_report["documents"]) == 5
    assert all("text" not in d for d in json_report["documents"])
    doc = next(d for d in json_report["documents"] if d["id"] == S001)
    assert (doc["published"], doc["published_source"]) == ("2024-03-14", "stated")
    kinds = set()
    for c in json_report["claims"]:
        kinds.add(c["kind"])
        assert set(c["value"]) == SHAPES[c["kind"]], c
        for key in ("id", "document", "kind", "attribute", "text", "start", "end", "sentence", "subject", "scope"):
            assert key in c
    assert kinds == set(SHAPES)
    for k in json_report["conflicts"]:
        for key in ("id", "rule", "severity", "message", "claims", "documents"):
            assert key in k


def test_two_runs_give_byte_identical_reports(tmp_path: Path) -> None:
    outputs = []
    for run in ("one", "two"):
        result = subprocess.run([sys.executable, "-m", "checker", "check", "seeds", "--reports-dir", str(tmp_path / run)],
                                cwd=REPO, capture_output=True, text=True, timeout=120)
        assert result.returncode == 1, result.stderr
        outputs.append(((tmp_path / run / "report.json").read_bytes(), (tmp_path / run / "report.md").read_bytes()))
    assert outputs[0] == outputs[1]
    assert outputs[0][0] and outputs[0][1]


def test_seeds_gold_file_scores_perfectly_on_conflicts() -> None:
    result = subprocess.run([sys.executable, "-m", "checker", "eval", "tests/corpus/seeds.gold.yaml", "--corpus", ".",
                             "--format", "json"], cwd=REPO, capture_output=True, text=True, timeout=120)
    assert result.returncode == 0, result.stderr
    summary = json.loads(result.stdout)["summary"]
    assert (summary["precision"], summary["recall"], summary["gold"]) == (1.0, 1.0, 2)
    assert summary["traps"] >= 11 and summary["traps_hit"] == []
