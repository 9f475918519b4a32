"""Baselines: known conflicts stop failing, and stay known through unrelated edits."""

from __future__ import annotations

import json
from pathlib import Path

from ci_support import CONFLICTING, RULES, SEEDS, cli, copy_seeds

from checker.decide import decide, failing
from checker.fingerprint import fingerprints
from checker.pipeline import run_check

SEED_001 = "001_d80f09471b6c6da1.txt"
SEED_002 = "002_7da5c40dab457da2.txt"


def check_json(capsys, tmp_path: Path, *args: str) -> tuple[int, list[dict]]:
    out = tmp_path / "report.json"
    code, _, _ = cli(capsys, "check", "seeds", "--format", "json", "--output", str(out), *args)
    return code, json.loads(out.read_text(encoding="utf-8"))["conflicts"]


def insert_before(path: Path, marker: str, text: str) -> None:
    body = path.read_text(encoding="utf-8")
    assert marker in body
    path.write_text(body.replace(marker, text + marker, 1), encoding="utf-8")


def make_baseline(capsys, tmp_path: Path, monkeypatch) -> Path:
    copy_seeds(tmp_path)
    monkeypatch.chdir(tmp_path)
    code, out, _ = cli(capsys, "baseline", "seeds")
    assert code == 0 and "2 conflicts" in out
    return tmp_path / "reports" / "baseline.json"


def test_check_against_own_baseline_passes(capsys, tmp_path, monkeypatch):
    baseline = make_baseline(capsys, tmp_path, monkeypatch)
    assert cli(capsys, "check", "seeds")[0] == 1
    code, conflicts = check_json(capsys, tmp_path, "--baseline", str(baseline))
    assert code == 0
    assert [k["status"] for k in conflicts] == ["baseline", "baseline"]
    code, out, _ = cli(capsys, "check", "seeds", "--baseline", str(baseline))
    assert "2 conflicts (2 baseline)" in out and "BASELINE date.event-dates" in out


def test_text_added_above_claims_keeps_fingerprints(capsys, tmp_path, monkeypatch):
    baseline = make_baseline(capsys, tmp_path, monkeypatch)
    _, before = check_json(capsys, tmp_path)
    insert_before(tmp_path / "seeds" / SEED_001, "Especially, just over a year",
                  "A new paragraph about   something else entirely.\n\n")
    insert_before(tmp_path / "seeds" / SEED_002, "Hà Nội’s development assistance",
                  "Officials also toured a school.\n\n")
    code, after = check_json(capsys, tmp_path, "--baseline", str(baseline))
    assert code == 0
    assert {k["id"] for k in after} != {k["id"] for k in before}  # offsets moved, so ids changed
    assert [k["fingerprint"] for k in after] == [k["fingerprint"] for k in before]


def test_other_articles_added_or_removed_keep_fingerprints(capsys, tmp_path, monkeypatch):
    baseline = make_baseline(capsys, tmp_path, monkeypatch)
    (tmp_path / "seeds" / "005_weather.txt").write_text(
        "Rain in Lao Cai\nPublish date 05/05/2024 | 09:00 AM\n\nIt rained in Lao Cai on Monday.\n", encoding="utf-8")
    (tmp_path / "seeds" / "000_011f662802d22c6e.txt").unlink()
    code, conflicts = check_json(capsys, tmp_path, "--baseline", str(baseline))
    assert code == 0
    assert {k["status"] for k in conflicts} == {"baseline"}


def test_new_conflicting_article_fails(capsys, tmp_path, monkeypatch):
    baseline = make_baseline(capsys, tmp_path, monkeypatch)
    (tmp_path / "seeds" / "005_new.txt").write_text(CONFLICTING, encoding="utf-8")
    code, conflicts = check_json(capsys, tmp_path, "--baseline", str(baseline))
    assert code == 1
    new = [k for k in conflicts if k["status"] == "new"]
    assert new and all("005_new" in k["documents"] for k in new)
    assert sum(k["status"] == "baseline" for k in conflicts) >= 1


def test_bad_baseline_is_an_input_error(capsys, tmp_path, monkeypatch):
    copy_seeds(tmp_path)
    monkeypatch.chdir(tmp_path)
    (tmp_path / "bad.json").write_text('{"conflicts": 3}', encoding="utf-8")
    code, _, err = cli(capsys, "check", "seeds", "--baseline", "bad.json")
    assert code == 2 and err.count("\n") == 1 and "bad.json" in err
    code, _, err = cli(capsys, "check", "seeds", "--baseline", "missing.json")
    assert code == 2 and "missing.json" in err


def test_baseline_file_is_deterministic(capsys, tmp_path, monkeypatch):
    baseline = make_baseline(capsys, tmp_path, monkeypatch)
    first = baseline.read_text(encoding="utf-8")
    cli(capsys, "baseline", "seeds")
    assert baseline.read_text(encoding="utf-8") == first


def test_decide_precedence_out_of_scope_then_baseline():
    report = run_check([SEEDS], RULES)
    known = frozenset(fingerprints(report).values())
    assert {d.status for d in decide(report).values()} == {"new"}
    assert {d.status for d in decide(report, baseline=known).values()} == {"baseline"}
    out = decide(report, baseline=known, changed_documents=frozenset({"004_8089038956edb9b3"}))
    assert {d.status for d in out.values()} == {"out_of_scope"}
    assert failing(report, out) == [] and len(failing(report, None)) == len(report.conflicts)
