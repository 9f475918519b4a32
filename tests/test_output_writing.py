"""Writing reports: atomically (a temporary file in the same folder, renamed), as a set
(renamed only when all are written), with one-line errors and exit 2 when a path cannot be
written, and never an empty report in place of the last good one when nothing was checked."""

from __future__ import annotations

import json
import os
import signal
import subprocess
import sys
import tempfile
import time
from pathlib import Path

import pytest

from checker.commands.common import OutputError, write, write_all

from conftest import REPO, SEEDS_DIR

IS_ROOT = hasattr(os, "geteuid") and os.geteuid() == 0


def run(*args: str) -> subprocess.CompletedProcess:
    return subprocess.run([sys.executable, "-m", "checker", *args], cwd=REPO, capture_output=True, text=True,
                          timeout=120)


def _previous(folder: Path) -> dict[str, str]:
    folder.mkdir(parents=True, exist_ok=True)
    old = {name: f"previous {name}\n" for name in ("report.json", "report.md", "report.html")}
    for name, text in old.items():
        (folder / name).write_text(text, encoding="utf-8")
    return old


def _contents(folder: Path) -> dict[str, str]:
    return {p.name: p.read_text(encoding="utf-8") for p in sorted(folder.iterdir())}


def test_a_writer_failing_midway_leaves_every_previous_report_intact(tmp_path: Path) -> None:
    old = _previous(tmp_path)
    with pytest.raises(UnicodeEncodeError):  # the second file cannot be encoded: fails after the first is written
        write_all({tmp_path / "report.json": "new json", tmp_path / "report.md": "bad \ud800",
                   tmp_path / "report.html": "new html"})
    assert _contents(tmp_path) == old  # nothing renamed, no temporary file left behind


def test_a_failed_rename_target_leaves_the_others_untouched(tmp_path: Path) -> None:
    old = _previous(tmp_path / "r")
    (tmp_path / "r" / "report.html").unlink()
    (tmp_path / "r" / "report.html").mkdir()
    with pytest.raises(OutputError, match="report.html: is a folder"):
        write_all({tmp_path / "r" / "report.json": "new", tmp_path / "r" / "report.html": "new"})
    assert (tmp_path / "r" / "report.json").read_text(encoding="utf-8") == old["report.json"]
    assert sorted(p.name for p in (tmp_path / "r").iterdir()) == ["report.html", "report.json", "report.md"]


def test_write_replaces_whole_files_with_normal_permissions(tmp_path: Path) -> None:
    target = tmp_path / "sub" / "out.txt"
    write(target, "one\r\ntwo\n")
    assert target.read_bytes() == b"one\r\ntwo\n"
    mask = os.umask(0)
    os.umask(mask)
    assert target.stat().st_mode & 0o777 == 0o666 & ~mask
    assert [p.name for p in target.parent.iterdir()] == ["out.txt"]


def test_permission_denied_is_one_line(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    def denied(*args: object, **kwargs: object) -> tuple[int, str]:
        raise PermissionError(13, "Permission denied", str(tmp_path))

    monkeypatch.setattr(tempfile, "mkstemp", denied)
    with pytest.raises(OutputError) as caught:
        write(tmp_path / "report.json", "x")
    assert str(caught.value) == f"cannot write {tmp_path / 'report.json'}: {tmp_path} Permission denied"


WRITER = """
import sys
from pathlib import Path
from checker.commands.common import write_all
folder, n = Path(sys.argv[1]), 0
print("ready", flush=True)
while True:
    n += 1
    body = (str(n) + "\\n") * 200_000
    write_all({folder / name: f"{name} {n}\\n{body}end\\n" for name in ("report.json", "report.md", "report.html")})
"""


def test_a_writer_killed_at_any_moment_leaves_only_whole_reports(tmp_path: Path) -> None:
    folder = tmp_path / "reports"
    folder.mkdir()
    env = {**os.environ, "PYTHONPATH": str(REPO)}
    for attempt in range(12):
        proc = subprocess.Popen([sys.executable, "-c", WRITER, str(folder)], stdout=subprocess.PIPE, env=env)
        assert proc.stdout is not None and proc.stdout.readline() == b"ready\n"
        time.sleep(0.05 + 0.037 * attempt)  # a different moment each time: writing, syncing or renaming
        proc.send_signal(signal.SIGKILL)
        proc.wait()
        proc.stdout.close()
        for path in folder.glob("report.*"):
            text = path.read_text(encoding="utf-8")
            head, _, rest = text.partition("\n")
            name, n = head.split()
            assert name == path.name and rest == (n + "\n") * 200_000 + "end\n", f"{path} is torn"


@pytest.mark.parametrize("setup, args, line", [
    ("reports-is-a-file", ["--reports-dir", "{tmp}/reports"],
     "cannot write {tmp}/reports/report.json: {tmp}/reports is a file, not a folder"),
    ("json-is-a-folder", ["--reports-dir", "{tmp}/reports"], "cannot write {tmp}/reports/report.json: is a folder, not a file"),
    ("output-is-a-folder", ["--format", "sarif", "--output", "{tmp}/out"], "cannot write {tmp}/out: is a folder, not a file"),
])
def test_unwritable_output_is_one_line_and_exit_2(tmp_path: Path, setup: str, args: list[str], line: str) -> None:
    if setup == "reports-is-a-file":
        (tmp_path / "reports").write_text("not a folder", encoding="utf-8")
    elif setup == "json-is-a-folder":
        (tmp_path / "reports" / "report.json").mkdir(parents=True)
    else:
        (tmp_path / "out").mkdir()
    result = run("check", str(SEEDS_DIR), *[a.format(tmp=tmp_path) for a in args])
    assert result.returncode == 2
    assert result.stderr.strip().splitlines() == ["claimcheck: " + line.format(tmp=tmp_path)]


@pytest.mark.skipif(IS_ROOT, reason="root can write into a read-only folder")
def test_read_only_reports_folder_is_one_line_and_exit_2(tmp_path: Path) -> None:
    folder = tmp_path / "reports"
    old = _previous(folder)
    folder.chmod(0o555)
    try:
        result = run("check", str(SEEDS_DIR), "--reports-dir", str(folder))
    finally:
        folder.chmod(0o755)
    assert result.returncode == 2 and "Traceback" not in result.stderr
    assert "Permission denied" in result.stderr
    assert _contents(folder) == old


@pytest.mark.parametrize("what", ["missing-path", "empty-folder", "only-bad-articles"])
def test_a_run_that_checked_nothing_keeps_the_previous_reports(tmp_path: Path, what: str) -> None:
    reports = tmp_path / "reports"
    old = _previous(reports)
    corpus = tmp_path / "corpus"
    if what != "missing-path":
        corpus.mkdir()
    if what == "only-bad-articles":
        (corpus / "a.md").write_text("---\npublished: 2024-13-45\n---\nThe bridge opened.\n", encoding="utf-8")
    result = run("check", str(corpus), "--reports-dir", str(reports))
    assert result.returncode == 2
    assert "no report written" in result.stderr
    assert _contents(reports) == old
    sarif = tmp_path / "out.sarif"
    result = run("check", str(corpus), "--format", "sarif", "--output", str(sarif))
    assert result.returncode == 2 and not sarif.exists()


def test_a_run_with_some_bad_articles_says_it_is_incomplete(tmp_path: Path) -> None:
    corpus = tmp_path / "corpus"
    corpus.mkdir()
    for seed in SEEDS_DIR.glob("*.txt"):
        (corpus / seed.name).write_bytes(seed.read_bytes())
    (corpus / "bad.md").write_text("---\npublished: 2024-13-45\n---\nThe bridge opened.\n", encoding="utf-8")
    result = run("check", str(corpus), "--reports-dir", str(tmp_path / "reports"))
    assert result.returncode == 2
    data = json.loads((tmp_path / "reports" / "report.json").read_text(encoding="utf-8"))
    assert [e["path"] for e in data["errors"]] == [str(corpus / "bad.md")] and data["documents"]
    assert "**Incomplete: 1 inputs could not be checked" in (tmp_path / "reports" / "report.md").read_text(encoding="utf-8")
    assert "Incomplete: 1 inputs could not be checked" in (tmp_path / "reports" / "report.html").read_text(encoding="utf-8")
