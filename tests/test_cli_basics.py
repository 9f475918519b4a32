"""What any command-line tool owes its users: a version, help on everything, errors that
show the right usage, options in any order, quiet exit on a closed pipe, plain English."""

from __future__ import annotations

import argparse
import subprocess
import sys
from pathlib import Path

import pytest
from ci_support import SEEDS, cli, copy_seeds, seed_conflict_id

from checker import __version__
from checker.cli import build_parser
from conftest import REPO

WARNING_ONLY = ("Attapeu Province has built 12 district hospitals. "
                "Officials said Attapeu Province has built 15 district hospitals.\n")


def _subparsers(parser: argparse.ArgumentParser) -> dict[str, argparse.ArgumentParser]:
    action = next(a for a in parser._actions if isinstance(a, argparse._SubParsersAction))
    return dict(action.choices)


def _shell(command: str) -> subprocess.CompletedProcess:
    return subprocess.run(command, shell=True, cwd=REPO, capture_output=True, text=True, timeout=120)


def test_version(capsys) -> None:
    with pytest.raises(SystemExit) as done:
        build_parser().parse_args(["--version"])
    assert done.value.code == 0
    assert capsys.readouterr().out.strip() == f"claimcheck {__version__}"


def test_every_subcommand_and_argument_has_help_and_states_its_default() -> None:
    parser = build_parser()
    subs = _subparsers(parser)
    choices = next(a for a in parser._actions if isinstance(a, argparse._SubParsersAction))._choices_actions
    assert {c.dest for c in choices if c.help} == set(subs), "a subcommand without a help line"
    for name, sub in {"claimcheck": parser, **subs}.items():
        for action in sub._actions:
            if isinstance(action, (argparse._HelpAction, argparse._VersionAction, argparse._SubParsersAction)):
                continue
            assert action.help, f"{name} {action.dest}: no help"
            if action.default not in (None, False, argparse.SUPPRESS):
                assert "default" in action.help, f"{name} {action.dest}: default {action.default!r} not stated"


def test_a_mistyped_flag_shows_the_subcommands_usage(capsys) -> None:
    with pytest.raises(SystemExit) as done:
        build_parser().parse_args(["check", str(SEEDS), "--formt", "json"])
    err = capsys.readouterr().err
    assert done.value.code == 2
    assert err.startswith("usage: claimcheck check ")
    assert "unrecognized arguments: --formt" in err


def test_accept_takes_the_reason_before_or_after_the_paths(capsys, tmp_path: Path, monkeypatch) -> None:
    copy_seeds(tmp_path)
    monkeypatch.chdir(tmp_path)
    first = seed_conflict_id("date.event-dates")
    code, out, err = cli(capsys, "accept", first, "--reason", "corrected on the site", "seeds", "--by", "Tester")
    assert code == 0, err
    second = seed_conflict_id("role.exclusive-offices")
    code, out, err = cli(capsys, "accept", second, "seeds", "--reason", "corrected on the site", "--by", "Tester")
    assert code == 0, err
    assert cli(capsys, "check", "seeds")[0] == 0


def test_a_closed_pipe_ends_quietly() -> None:
    done = _shell(f"{sys.executable} -m checker rules | head -1")
    assert done.stdout.count("\n") == 1
    assert "Traceback" not in done.stderr and "BrokenPipeError" not in done.stderr, done.stderr


def test_counts_are_singular_for_one(capsys, tmp_path: Path) -> None:
    (tmp_path / "hospitals.txt").write_text(WARNING_ONLY, encoding="utf-8")
    (tmp_path / "broken.txt").write_bytes(b"\xff\xfe not text")
    _, out, _ = cli(capsys, "check", str(tmp_path), "--reports-dir", str(tmp_path / "reports"))
    summary = out.splitlines()[0]
    assert summary.startswith("claimcheck: 1 document, ") and summary.endswith(", 1 conflict, 1 error"), summary
    _, out, _ = cli(capsys, "check", str(SEEDS), "--reports-dir", str(tmp_path / "reports"))
    assert out.splitlines()[0].endswith(", 2 conflicts, 0 errors")


def test_an_empty_reviewed_file_is_no_decisions(capsys, tmp_path: Path, monkeypatch) -> None:
    monkeypatch.chdir(tmp_path)
    Path("reviewed.yaml").write_text("# nothing reviewed yet\n", encoding="utf-8")
    code, out, err = cli(capsys, "check", str(SEEDS), "--reports-dir", str(tmp_path / "reports"))
    assert code == 1 and "reviewed.yaml" not in err
    assert "ERROR date.event-dates" in out


def test_the_rules_default_is_stated_as_it_is() -> None:
    rules = next(a for a in build_parser()._actions if a.dest == "rules")
    assert "shipped with claimcheck" in rules.help and "./rules" not in rules.help
