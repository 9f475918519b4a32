"""Broken rule and data files give one clear `file:line: message` error each; the other
rules still load; `claimcheck check` exits 2 naming the file."""

from __future__ import annotations

import re
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

from checker.engine.loader import load_rules
from checker.pipeline import Toolkit

from conftest import REPO, RULES_DIR, SEEDS_DIR

RULE = Path("date") / "event-dates.yaml"


@pytest.fixture
def rules(tmp_path: Path) -> Path:
    """A private copy of the repository's rules to break."""
    dest = tmp_path / "rules"
    shutil.copytree(RULES_DIR, dest)
    return dest


def _edit(path: Path, old: str, new: str) -> None:
    text = path.read_text(encoding="utf-8")
    assert old in text, f"{old!r} not in {path}"
    path.write_text(text.replace(old, new, 1), encoding="utf-8")


def _line_of(path: Path, needle: str) -> int:
    for i, line in enumerate(path.read_text(encoding="utf-8").splitlines(), 1):
        if needle in line:
            return i
    raise AssertionError(f"{needle!r} not in {path}")


def _single_error(rules: Path):
    loaded, errors = load_rules(rules)
    assert len(errors) == 1, [e.render() for e in errors]
    return loaded, errors[0]


def _all_rule_count() -> int:
    loaded, errors = load_rules(RULES_DIR)
    assert not errors
    return len(loaded)


def test_repository_rules_load_cleanly() -> None:
    loaded, errors = load_rules(RULES_DIR)
    assert errors == []
    assert {r.id for r in loaded} >= {"date.event-dates", "role.exclusive-offices", "money.fixed-amounts"}


def test_unknown_key_added_is_named_with_its_line(rules: Path) -> None:
    path = rules / RULE
    _edit(path, "severity: error\n", "severity: error\nlevl: error\n")
    loaded, err = _single_error(rules)
    assert err.path == str(path)
    assert err.line == _line_of(path, "levl:")
    assert err.render() == f"{path}:{err.line}: unknown key 'levl'"
    assert len(loaded) == _all_rule_count() - 1
    assert "date.event-dates" not in {r.id for r in loaded}


def test_misspelt_key_is_reported_as_the_unknown_key_on_its_line(rules: Path) -> None:
    # The typo is the cause; "missing key 'severity'" alone would not point at line 4.
    path = rules / RULE
    _edit(path, "severity: error\n", "levl: error\n")
    _, err = _single_error(rules)
    assert "levl" in err.message
    assert err.line == _line_of(path, "levl:")


def test_missing_key_is_named(rules: Path) -> None:
    path = rules / RULE
    _edit(path, "title: One-off event dated differently\n", "")
    loaded, err = _single_error(rules)
    assert err.path == str(path)
    assert err.message == "missing key 'title'"
    assert re.fullmatch(rf"{re.escape(str(path))}(:\d+)?: missing key 'title'", err.render())
    assert len(loaded) == _all_rule_count() - 1


def test_invalid_yaml_is_reported_with_its_line(rules: Path) -> None:
    path = rules / RULE
    _edit(path, "compare: both\n", "compare: [both\n")
    loaded, err = _single_error(rules)
    assert err.path == str(path)
    assert err.message.startswith("invalid YAML")
    assert err.line is not None and abs(err.line - _line_of(path, "compare: [both")) <= 2
    assert err.render().startswith(f"{path}:{err.line}: invalid YAML")
    assert len(loaded) == _all_rule_count() - 1


def test_unknown_check_kind_is_named(rules: Path) -> None:
    path = rules / RULE
    _edit(path, "extends: interval_overlap\n", "extends: interval_overlaps\n")
    loaded, err = _single_error(rules)
    assert "unknown check kind 'interval_overlaps'" in err.message
    assert "interval_overlap" in err.message.split("known:")[1]
    assert err.render().startswith(f"{path}:")
    assert len(loaded) == _all_rule_count() - 1


def test_id_not_matching_path_is_reported_on_the_id_line(rules: Path) -> None:
    path = rules / RULE
    _edit(path, "id: date.event-dates\n", "id: date.event-date\n")
    loaded, err = _single_error(rules)
    assert err.line == _line_of(path, "id: date.event-date")
    assert err.message == "id 'date.event-date' does not match its path (expected 'date.event-dates')"
    assert len(loaded) == _all_rule_count() - 1


def test_broken_data_file_is_reported_with_file_and_line(rules: Path) -> None:
    path = rules / "data" / "hedges.yaml"
    _edit(path, "  about: {low: 0.9, high: 1.1}\n", "  about: {low: 0.9, high: 1.1\n")
    toolkit = Toolkit.load(rules)
    assert len(toolkit.errors) == 1
    err = toolkit.errors[0]
    assert err.path == str(path)
    assert err.line is not None
    assert err.render().startswith(f"{path}:{err.line}: invalid YAML")
    # the rule files do not depend on the tables: they all still load
    loaded, errors = load_rules(rules)
    assert errors == [] and len(loaded) == _all_rule_count()


@pytest.mark.parametrize("name, old, new, key, line", [
    ("hedges.yaml", "hedges:\n", "hedgse:\n", "hedgse", "hedgse:"),
    # a key inside one span of spans.yaml is named on its own line
    ("spans.yaml", "  study:\n    nouns:", "  study:\n    noun:", "noun", "    noun:"),
])
def test_unknown_key_in_a_data_file_is_named_on_its_line(rules: Path, name: str, old: str, new: str, key: str,
                                                          line: str) -> None:
    path = rules / "data" / name
    _edit(path, old, new)
    toolkit = Toolkit.load(rules)
    assert [e.path for e in toolkit.errors] == [str(path)]
    assert key in toolkit.errors[0].message
    assert toolkit.errors[0].line == _line_of(path, line)


def _cli(rules: Path, cwd: Path, *args: str) -> subprocess.CompletedProcess:
    return subprocess.run([sys.executable, "-m", "checker", "--rules", str(rules), "check", *args,
                           "--reports-dir", str(cwd / "reports")],
                          cwd=cwd, capture_output=True, text=True, timeout=120)


def test_cli_exits_2_naming_a_broken_rule_file(rules: Path, tmp_path: Path) -> None:
    path = rules / RULE
    _edit(path, "severity: error\n", "severity: error\nlevl: error\n")
    result = _cli(rules, tmp_path, str(SEEDS_DIR))
    assert result.returncode == 2, result.stderr
    assert f"{path}:{_line_of(path, 'levl:')}: unknown key 'levl'" in result.stderr
    assert "Traceback" not in result.stderr
    # the other rules still ran: the seeds' role conflict is still reported
    assert "role.exclusive-offices" in result.stdout


def test_cli_exits_2_naming_a_broken_data_file(rules: Path, tmp_path: Path) -> None:
    path = rules / "data" / "calendar.yaml"
    _edit(path, "  january: 1\n", "  january: [1\n")
    result = _cli(rules, tmp_path, str(SEEDS_DIR))
    assert result.returncode == 2, result.stderr[-2000:]
    assert str(path) in result.stderr
    assert "Traceback" not in result.stderr


def test_cli_rules_command_reports_broken_file(rules: Path, tmp_path: Path) -> None:
    path = rules / RULE
    _edit(path, "id: date.event-dates\n", "id: date.other\n")
    result = subprocess.run([sys.executable, "-m", "checker", "--rules", str(rules), "rules"],
                            cwd=REPO, capture_output=True, text=True, timeout=60)
    assert result.returncode == 2
    assert str(path) in result.stderr
    assert "role.exclusive-offices" in result.stdout
