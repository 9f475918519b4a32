"""Inputs that are not plain articles: empty files are skipped with a warning; broken or
looping symbolic links, FIFOs and missing paths are errors that say which, whether met in
a folder or named on the command line, and a FIFO is never opened (it would block)."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest

from checker.documents import read_corpus, read_document
from checker.models import InputError

from conftest import REPO

GOOD = "Bridge opens in Dong Ha city\nJune 5, 2023\n\nThe Hieu Giang bridge was opened to traffic on June 4.\n"
needs_fifo = pytest.mark.skipif(not hasattr(os, "mkfifo"), reason="no FIFOs on this system")


@pytest.fixture
def odd_folder(tmp_path: Path) -> Path:
    folder = tmp_path / "corpus"
    folder.mkdir()
    (folder / "a-good.txt").write_text(GOOD, encoding="utf-8")
    (folder / "b-empty.txt").write_text("", encoding="utf-8")
    (folder / "c-blank.md").write_text(" \n\r\n\t\n", encoding="utf-8")
    (folder / "d-dangling.txt").symlink_to("nowhere.txt")
    (folder / "e-loop.txt").symlink_to("e-loop.txt")
    if hasattr(os, "mkfifo"):
        os.mkfifo(folder / "f-pipe.txt")
    return folder


def test_a_folder_lists_every_odd_file_with_its_reason(odd_folder: Path) -> None:
    corpus = read_corpus([odd_folder])
    assert [d.id for d in corpus.documents] == ["a-good"]
    errors = {Path(e.path).name: e.message for e in corpus.errors}
    assert errors["d-dangling.txt"] == "broken symbolic link (points to nowhere.txt, which does not exist)"
    assert errors["e-loop.txt"] == "symbolic link loop"
    if hasattr(os, "mkfifo"):
        assert errors["f-pipe.txt"] == "not a regular file: a FIFO (named pipe)"
    assert [(Path(w.path).name, w.message) for w in corpus.warnings] == [
        ("b-empty.txt", "empty file: nothing to check"), ("c-blank.md", "empty file: nothing to check")]


@pytest.mark.parametrize("name, message", [
    pytest.param("f-pipe.txt", "not a regular file: a FIFO (named pipe)", marks=needs_fifo, id="fifo"),
    ("e-loop.txt", "symbolic link loop"),
    ("d-dangling.txt", "broken symbolic link (points to nowhere.txt, which does not exist)"),
    ("missing.txt", "no such file or directory"),
])
def test_a_named_path_says_what_it_is(odd_folder: Path, name: str, message: str) -> None:
    corpus = read_corpus([odd_folder / name])
    assert corpus.documents == []
    assert [e.render() for e in corpus.errors] == [f"{odd_folder / name}: {message}"]
    got = read_document(odd_folder / name)  # the path `review` reads its draft by: a FIFO must not block it
    assert isinstance(got, InputError) and got.message == message


@needs_fifo
def test_cli_lists_them_and_exits_2_without_blocking(odd_folder: Path, tmp_path: Path) -> None:
    result = subprocess.run([sys.executable, "-m", "checker", "check", str(odd_folder), str(odd_folder / "f-pipe.txt"),
                             "--reports-dir", str(tmp_path / "r")], cwd=REPO, capture_output=True, text=True, timeout=120)
    assert result.returncode == 2
    lines = result.stderr.splitlines()
    assert f"claimcheck: {odd_folder / 'f-pipe.txt'}: not a regular file: a FIFO (named pipe)" in lines
    assert f"claimcheck: {odd_folder / 'e-loop.txt'}: symbolic link loop" in lines
    assert f"claimcheck: warning: {odd_folder / 'b-empty.txt'}: empty file: nothing to check" in lines
    assert "warning: " + str(odd_folder / "b-empty.txt") in result.stdout  # the report lists it too
