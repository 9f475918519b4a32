"""`--fail-level`: warnings are listed but fail the run only when asked; `none` never fails on conflicts."""

from __future__ import annotations

from pathlib import Path

import pytest
from ci_support import SEEDS, cli

# Two totals of one province's hospitals: counts.yaml, a warning.
WARNING_ONLY = ("Attapeu Province has built 12 district hospitals. "
                "Officials said Attapeu Province has built 15 district hospitals.\n")


@pytest.fixture
def warned(tmp_path: Path) -> Path:
    (tmp_path / "articles").mkdir()
    (tmp_path / "articles" / "hospitals.txt").write_text(WARNING_ONLY, encoding="utf-8")
    return tmp_path


def _check(capsys, folder: Path, *args: str) -> tuple[int, str]:
    code, out, _ = cli(capsys, "check", str(folder), "--reports-dir", str(folder.parent / "reports"), *args)
    return code, out


def test_a_warning_is_listed_but_does_not_fail_by_default(capsys, warned: Path) -> None:
    code, out = _check(capsys, warned / "articles")
    assert "WARNING count.counts" in out
    assert code == 0


def test_fail_level_warning_fails_on_a_warning(capsys, warned: Path) -> None:
    code, out = _check(capsys, warned / "articles", "--fail-level", "warning")
    assert "WARNING count.counts" in out
    assert code == 1


def test_errors_fail_at_the_default_level_and_not_at_none(capsys, tmp_path: Path) -> None:
    code, out = _check(capsys, SEEDS)
    assert code == 1 and "ERROR date.event-dates" in out
    code, out = _check(capsys, SEEDS, "--fail-level", "none")
    assert code == 0 and "ERROR date.event-dates" in out


def test_review_takes_the_fail_level(capsys, warned: Path) -> None:
    draft = warned / "draft.txt"
    draft.write_text(WARNING_ONLY, encoding="utf-8")
    code, _, _ = cli(capsys, "review", str(draft), "--corpus", str(warned / "articles"))
    assert code == 0
    code, _, _ = cli(capsys, "review", str(draft), "--corpus", str(warned / "articles"), "--fail-level", "warning")
    assert code == 1
