"""Accepted findings: an accepted conflict stops failing until either side's words change."""

from __future__ import annotations

import datetime as dt
import json
from pathlib import Path

import yaml
from ci_support import RULES, SEEDS, cli, copy_seeds, seed_conflict_id

from checker.pipeline import run_check
from checker.reviewed import load_reviewed, review

DATE_CONFLICT = seed_conflict_id("date.event-dates")
ROLE_CONFLICT = seed_conflict_id("role.exclusive-offices")
SEED_002 = "002_7da5c40dab457da2.txt"


def statuses(capsys, tmp_path: Path) -> tuple[int, dict[str, str]]:
    out = tmp_path / "report.json"
    code, _, _ = cli(capsys, "check", "seeds", "--format", "json", "--output", str(out))
    data = json.loads(out.read_text(encoding="utf-8"))
    return code, {k["rule"]: k["status"] for k in data["conflicts"]}


def accept_both(capsys, tmp_path: Path, monkeypatch) -> None:
    copy_seeds(tmp_path)
    monkeypatch.chdir(tmp_path)
    for cid in (DATE_CONFLICT, ROLE_CONFLICT):
        code, out, _ = cli(capsys, "accept", cid, "seeds", "--reason", "checked with the editor", "--by", "Tester")
        assert code == 0, out


def edit(path: Path, old: str, new: str) -> None:
    text = path.read_text(encoding="utf-8")
    assert old in text
    path.write_text(text.replace(old, new, 1), encoding="utf-8")


def test_accepted_conflicts_no_longer_fail(capsys, tmp_path, monkeypatch):
    accept_both(capsys, tmp_path, monkeypatch)
    code, found = statuses(capsys, tmp_path)
    assert code == 0
    assert set(found.values()) == {"accepted"}
    _, out, _ = cli(capsys, "check", "seeds")
    assert "ACCEPTED date.event-dates" in out and "accepted by Tester" in out


def test_reviewed_file_records_who_when_why_and_quotes(capsys, tmp_path, monkeypatch):
    accept_both(capsys, tmp_path, monkeypatch)
    data = yaml.safe_load((tmp_path / "reviewed.yaml").read_text(encoding="utf-8"))
    entry = next(e for e in data["accepted"] if e["id"] == DATE_CONFLICT)
    assert entry["rule"] == "date.event-dates"
    assert entry["by"] == "Tester" and entry["reason"] == "checked with the editor"
    dt.date.fromisoformat(str(entry["date"]))
    assert [s["text"] for s in entry["sides"]] == ["has been completed", "completed in April 2024"]
    assert [s["document"] for s in entry["sides"]] == ["001_d80f09471b6c6da1", "002_7da5c40dab457da2"]
    assert len(load_reviewed(tmp_path / "reviewed.yaml")) == 2


def test_accepting_again_replaces_the_entry(capsys, tmp_path, monkeypatch):
    accept_both(capsys, tmp_path, monkeypatch)
    cli(capsys, "accept", DATE_CONFLICT, "seeds", "--reason", "second look", "--by", "Other")
    reviews = load_reviewed(tmp_path / "reviewed.yaml")
    assert len(reviews) == 2
    assert next(r for r in reviews if r.id == DATE_CONFLICT).reason == "second look"


def test_editing_quoted_text_makes_it_fail_again(capsys, tmp_path, monkeypatch):
    accept_both(capsys, tmp_path, monkeypatch)
    edit(tmp_path / "seeds" / SEED_002, "completed in April 2024", "completed in  late April 2024")
    code, found = statuses(capsys, tmp_path)
    assert code == 1
    assert found == {"date.event-dates": "new", "role.exclusive-offices": "accepted"}


def test_editing_the_sentence_around_a_claim_makes_it_fail_again(capsys, tmp_path, monkeypatch):
    accept_both(capsys, tmp_path, monkeypatch)
    edit(tmp_path / "seeds" / SEED_002, "were highlighted as a symbol", "were praised as a symbol")
    code, found = statuses(capsys, tmp_path)
    assert code == 1 and found["date.event-dates"] == "new"


def test_unknown_conflict_and_empty_reason_are_input_errors(capsys, tmp_path, monkeypatch):
    copy_seeds(tmp_path)
    monkeypatch.chdir(tmp_path)
    assert cli(capsys, "accept", "k-000000000000", "seeds", "--reason", "x")[0] == 2
    assert cli(capsys, "accept", DATE_CONFLICT, "seeds", "--reason", "  ")[0] == 2
    assert not (tmp_path / "reviewed.yaml").exists()


def test_broken_reviewed_file_names_file_and_key(capsys, tmp_path, monkeypatch):
    copy_seeds(tmp_path)
    monkeypatch.chdir(tmp_path)
    (tmp_path / "reviewed.yaml").write_text("accepted:\n  - id: x\n    reasn: typo\n", encoding="utf-8")
    code, _, err = cli(capsys, "check", "seeds")
    assert code == 2 and "reviewed.yaml" in err


def test_review_uses_the_date_passed_in():
    report = run_check([SEEDS], RULES)
    conflict = next(k for k in report.conflicts if k.id == DATE_CONFLICT)
    entry = review(report, conflict, "ok", "Tester", dt.date(2030, 1, 2))
    assert entry.date == dt.date(2030, 1, 2)
    assert entry == review(report, conflict, "ok", "Tester", dt.date(2030, 1, 2))
