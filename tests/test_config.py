"""The configuration file: found walking up from the working folder, its include and
exclude globs choose the articles, its settings hold until a flag overrides them, and a
bad key is named with its file."""

from __future__ import annotations

import json
import shutil
from pathlib import Path

import pytest
from ci_support import SEEDS, cli

from checker.config import Selection, find_config, load_config
from checker.yamlio import ConfigError

WARNING_ONLY = ("Attapeu Province has built 12 district hospitals. "
                "Officials said Attapeu Province has built 15 district hospitals.\n")


def _read(capsys, *args: str) -> tuple[int, list[str], str]:
    """Run check with a JSON report; exit code, the paths of the documents read, stderr."""
    code, _, err = cli(capsys, "check", *args, "--format", "json", "--output", "out.json")
    data = json.loads(Path("out.json").read_text(encoding="utf-8"))
    return code, sorted(Path(d["path"]).as_posix() for d in data["documents"]), err


@pytest.fixture
def newsroom(tmp_path: Path, monkeypatch) -> Path:
    """A repository with its articles beside a README, docs, old reports and a virtual environment."""
    shutil.copytree(SEEDS, tmp_path / "articles")
    (tmp_path / "README.md").write_text("# Our articles\n\nThe bridge was opened on March 2, 2024.\n", encoding="utf-8")
    for folder in ("docs", "reports", ".venv/lib", "venv/lib", ".git"):
        (tmp_path / folder).mkdir(parents=True)
        (tmp_path / folder / "notes.md").write_text("The bridge was opened on June 5, 2023.\n", encoding="utf-8")
    monkeypatch.chdir(tmp_path)
    return tmp_path


def test_check_dot_reads_the_articles_and_not_the_readme_reports_docs_or_venvs(capsys, newsroom: Path) -> None:
    code, read, err = _read(capsys, ".")
    assert read == sorted(f"articles/{p.name}" for p in SEEDS.iterdir()), err
    assert code == 1


def test_the_configuration_is_found_walking_up_and_its_paths_are_its_folders(capsys, newsroom: Path,
                                                                             monkeypatch) -> None:
    (newsroom / "pyproject.toml").write_text(
        '[project]\nname = "ours"\n\n[tool.claimcheck]\npaths = ["articles"]\nexclude = ["004_*"]\n', encoding="utf-8")
    (newsroom / "sub").mkdir()
    monkeypatch.chdir(newsroom / "sub")
    code, read, err = _read(capsys)
    assert [Path(p).name for p in read] == sorted(p.name for p in SEEDS.iterdir() if not p.name.startswith("004_"))
    assert all(Path(p).is_absolute() for p in read), read  # outside the working folder: shown in full


def test_claimcheck_toml_wins_over_pyproject_in_the_same_folder(newsroom: Path) -> None:
    (newsroom / "pyproject.toml").write_text('[tool.claimcheck]\npaths = ["a"]\n', encoding="utf-8")
    (newsroom / "claimcheck.toml").write_text('paths = ["b"]\n', encoding="utf-8")
    assert find_config(newsroom / "articles") == newsroom / "claimcheck.toml"
    assert load_config(newsroom).paths == (Path("b"),)


def test_a_pyproject_without_the_table_is_passed_over(newsroom: Path) -> None:
    (newsroom / "claimcheck.toml").write_text('paths = ["b"]\n', encoding="utf-8")
    (newsroom / "articles" / "pyproject.toml").write_text('[project]\nname = "ours"\n', encoding="utf-8")
    assert find_config(newsroom / "articles") == newsroom / "claimcheck.toml"


def test_fail_level_from_the_file_and_the_flag_overrides_it(capsys, newsroom: Path) -> None:
    (newsroom / "warned").mkdir()
    (newsroom / "warned" / "hospitals.txt").write_text(WARNING_ONLY, encoding="utf-8")
    (newsroom / "claimcheck.toml").write_text('paths = ["warned"]\nfail-level = "warning"\n', encoding="utf-8")
    assert _read(capsys)[0] == 1
    assert _read(capsys, "--fail-level", "error")[0] == 0


def test_rules_and_reviewed_file_from_the_configuration(capsys, newsroom: Path) -> None:
    own = newsroom / "our-rules"  # layered over the shipped rules: its own copy of the role rules, one rule off
    shutil.copytree(SEEDS.parent / "rules" / "role", own / "role")
    (own / "claimcheck-rules.yaml").write_text("disabled: [date.event-dates]\n", encoding="utf-8")
    (newsroom / "claimcheck.toml").write_text('paths = ["articles"]\nrules = "our-rules"\nreviewed = "decisions.yaml"\n',
                                              encoding="utf-8")
    (newsroom / "decisions.yaml").write_text("accepted: [\n", encoding="utf-8")
    from checker.cli import main  # without ci_support's --rules, so the file's rules are the ones read
    code = main(["check"])
    out, err = capsys.readouterr()
    assert code == 2 and "decisions.yaml" in err  # the configured reviewed file is the one read
    (newsroom / "decisions.yaml").unlink()
    code = main(["check"])
    out, err = capsys.readouterr()
    assert code == 1, err
    assert "role.exclusive-offices" in out and "date.event-dates" not in out


def test_an_unknown_key_is_an_error_naming_the_file_line_and_key(capsys, newsroom: Path) -> None:
    (newsroom / "pyproject.toml").write_text(
        '[project]\nname = "ours"\nexlude = 1\n\n[tool.claimcheck]\npaths = ["articles"]\nexlude = ["drafts/"]\n',
        encoding="utf-8")
    code, out, err = cli(capsys, "check")
    assert code == 2
    assert f"{newsroom / 'pyproject.toml'}:7: [tool.claimcheck]: unknown key 'exlude'" in err
    with pytest.raises(ConfigError, match=r"claimcheck\.toml:2: top level: fail-level"):
        (newsroom / "claimcheck.toml").write_text('# ours\n"fail-level" = "loud"\n[extra]\n', encoding="utf-8")
        load_config(newsroom)


def test_invalid_toml_names_the_file_and_line(newsroom: Path) -> None:
    (newsroom / "claimcheck.toml").write_text('paths = ["a"]\nfail-level =\n', encoding="utf-8")
    with pytest.raises(ConfigError, match=r"claimcheck\.toml: invalid TOML: .*line"):
        load_config(newsroom)


def test_config_command_shows_the_file_and_the_settings(capsys, newsroom: Path) -> None:
    (newsroom / "claimcheck.toml").write_text('paths = ["articles"]\nfail-level = "none"\n', encoding="utf-8")
    code, out, _ = cli(capsys, "config")
    assert code == 0
    assert out.splitlines()[0] == f"# {newsroom / 'claimcheck.toml'}"
    assert 'paths = ["articles"]' in out and 'fail-level = "none"' in out and '"README*"' in out


def test_globs_match_from_the_right_and_a_slash_means_folders_only(tmp_path: Path) -> None:
    for name in ("a.md", "README.md", "sub/README.txt", "sub/b.txt", "drafts/c.txt", "x/drafts/d.txt",
                 "notes/drafts", "e.csv"):
        (tmp_path / name).parent.mkdir(parents=True, exist_ok=True)
        (tmp_path / name).write_text("text\n", encoding="utf-8")
    found = Selection(include=("*.txt", "*.md", "drafts"), exclude=("README*", "drafts/")).files(tmp_path)
    assert [p.relative_to(tmp_path).as_posix() for p in found] == ["a.md", "notes/drafts", "sub/b.txt"]
