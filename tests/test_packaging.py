"""claimcheck as a newsroom installs it: the wheel (built once per session by the
`installed` fixture, see install_support.py) in a fresh virtual environment, run from a
folder of articles that holds no rules/ of its own."""

from __future__ import annotations

import shutil
import zipfile
from pathlib import Path

import pytest

from checker.lexicon import default_rules_dir
from conftest import REPO, SEEDS_DIR
from install_support import Installed, run


@pytest.fixture(scope="module")
def work(tmp_path_factory) -> Path:
    """A newsroom folder of articles, outside the project."""
    work = tmp_path_factory.mktemp("packaging") / "newsroom"
    shutil.copytree(SEEDS_DIR, work / "articles")
    return work


def test_the_wheel_holds_every_module_and_the_default_rules(installed: Installed) -> None:
    names = set(zipfile.ZipFile(installed.wheel).namelist())
    modules = {p.relative_to(REPO).as_posix() for p in (REPO / "checker").rglob("*.py")}
    assert modules <= names, sorted(modules - names)
    rules = {"checker/" + p.relative_to(REPO).as_posix() for p in (REPO / "rules").rglob("*") if p.is_file()}
    assert rules and rules <= names, sorted(rules - names)


def test_installed_check_runs_from_a_folder_without_rules(installed: Installed, work: Path) -> None:
    result = installed.claimcheck("check", "articles", cwd=work)
    assert result.returncode == 1, result.stderr
    assert "date.event-dates" in result.stdout and "role.exclusive-offices" in result.stdout
    assert (work / "reports" / "report.json").is_file()
    where = run([str(installed.bin / "python"), "-c", "import checker; print(checker.__file__)"], cwd=work)
    assert Path(where.stdout.strip()).is_relative_to(installed.venv), where.stdout


def test_installed_rules_lists_the_shipped_rules(installed: Installed, work: Path) -> None:
    result = installed.claimcheck("rules", cwd=work)
    assert result.returncode == 0, result.stderr
    assert "date.event-dates" in result.stdout and "money.fixed-amounts" in result.stdout


def test_installed_check_takes_a_newsrooms_own_rules(installed: Installed, work: Path, tmp_path: Path) -> None:
    own = tmp_path / "our-rules"  # layered over the shipped rules: its own copy of the role rules, one rule off
    shutil.copytree(REPO / "rules" / "role", own / "role")
    (own / "claimcheck-rules.yaml").write_text("disabled: [date.event-dates]\n", encoding="utf-8")
    result = installed.claimcheck("--rules", str(own), "check", "articles", "--reports-dir", str(tmp_path / "out"),
                                  cwd=work)
    assert result.returncode == 1, result.stderr
    assert "role.exclusive-offices" in result.stdout and "date.event-dates" not in result.stdout


def test_default_rules_are_the_shipped_ones_whatever_the_working_folder(tmp_path: Path, monkeypatch) -> None:
    (tmp_path / "rules" / "data").mkdir(parents=True)  # a newsroom folder that happens to be called rules/
    monkeypatch.chdir(tmp_path)
    assert default_rules_dir() == REPO / "rules"
