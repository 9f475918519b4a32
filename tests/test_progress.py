"""The progress bar: drawn on a terminal for long runs, never in CI, in pipes or with --quiet."""

from __future__ import annotations

import io
import shutil
import sys
from pathlib import Path

import pytest
from ci_support import RULES, SEEDS, cli

from checker.cli import main
from checker.progress import ProgressBar, wanted


class FakeTTY(io.StringIO):
    def isatty(self) -> bool:
        return True


def test_wanted_only_on_a_terminal_outside_ci():
    assert wanted(FakeTTY(), {}, quiet=False)
    assert not wanted(io.StringIO(), {}, quiet=False)
    assert not wanted(FakeTTY(), {"CI": "true"}, quiet=False)
    assert not wanted(FakeTTY(), {}, quiet=True)


def test_bar_skips_small_runs_and_erases_itself():
    stream = FakeTTY()
    bar = ProgressBar(stream)
    for i in range(1, 6):
        bar(i, 5)
    bar.close()
    assert stream.getvalue() == ""
    for i in range(1, 26):
        bar(i, 25)
    assert "25/25 articles" in stream.getvalue()
    bar.close()
    assert stream.getvalue().endswith("\r\033[K")


@pytest.fixture
def big_corpus(tmp_path: Path) -> Path:
    """25 articles: the seeds five times over under different names."""
    corpus = tmp_path / "big"
    corpus.mkdir()
    for n in range(5):
        for seed in sorted(SEEDS.glob("*.txt")):
            shutil.copy(seed, corpus / f"{n}-{seed.name}")
    return corpus


def test_no_output_when_stderr_is_not_a_tty(capsys, big_corpus, monkeypatch):
    monkeypatch.delenv("CI", raising=False)
    cli(capsys, "check", str(big_corpus), "--format", "json", "--output", str(big_corpus.parent / "r.json"))
    # capsys's stderr is not a terminal
    assert capsys.readouterr().err == ""


@pytest.mark.parametrize(("args", "env", "drawn"), [((), {}, True), (("--quiet",), {}, False), ((), {"CI": "1"}, False)])
def test_terminal_quiet_and_ci(big_corpus, monkeypatch, args, env, drawn):
    monkeypatch.delenv("CI", raising=False)
    for key, value in env.items():
        monkeypatch.setenv(key, value)
    stderr = FakeTTY()
    monkeypatch.setattr(sys, "stderr", stderr)
    monkeypatch.setattr(sys, "stdout", io.StringIO())
    main(["--rules", str(RULES), "check", str(big_corpus), "--format", "json", "--output", str(big_corpus.parent / "r.json"), *args])
    assert ("25/25 articles" in stderr.getvalue()) is drawn
