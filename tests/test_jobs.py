"""Parallel extraction: `--jobs N` analyses articles on N processes, and what it finds is
byte for byte what one process finds."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import pytest

import checker.pipeline as pipeline
from checker.pipeline import run_check

from conftest import REPO, RULES_DIR, SAMPLE_CLUSTERS

CLUSTERS = SAMPLE_CLUSTERS[:8]


def cli(*args: str) -> subprocess.CompletedProcess:
    return subprocess.run([sys.executable, "-m", "checker", *args], cwd=REPO, capture_output=True, text=True,
                          timeout=300)


def test_jobs_2_writes_the_same_reports_as_jobs_1_on_the_seeds(tmp_path: Path) -> None:
    one = cli("check", "seeds/", "--no-cache", "--jobs", "1", "--reports-dir", str(tmp_path / "one"))
    two = cli("check", "seeds/", "--no-cache", "--jobs", "2", "--reports-dir", str(tmp_path / "two"))
    assert one.returncode == two.returncode == 1, one.stderr + two.stderr
    assert one.stdout == two.stdout
    for name in ("report.json", "report.md", "report.html"):
        assert (tmp_path / "one" / name).read_bytes() == (tmp_path / "two" / name).read_bytes(), name


def test_jobs_2_finds_the_same_on_a_corpus_folder_using_worker_processes(monkeypatch: pytest.MonkeyPatch) -> None:
    pools = []

    class Recording(pipeline.ProcessPoolExecutor):
        def __init__(self, *args, **kwargs) -> None:
            pools.append(args)
            super().__init__(*args, **kwargs)

    monkeypatch.setattr(pipeline, "ProcessPoolExecutor", Recording)
    serial = run_check(CLUSTERS, RULES_DIR, jobs=1)
    assert not pools
    parallel = run_check(CLUSTERS, RULES_DIR, jobs=2)
    assert pools == [(2,)]
    assert parallel.model_dump_json() == serial.model_dump_json()


def test_a_worker_that_was_not_forked_loads_the_tables_itself(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(pipeline.multiprocessing, "get_all_start_methods", lambda: ["spawn"])
    seeds = [REPO / "seeds"]
    assert run_check(seeds, RULES_DIR, jobs=2).model_dump_json() == run_check(seeds, RULES_DIR).model_dump_json()


@pytest.mark.parametrize("bad", ["0", "-1", "two"])
def test_jobs_must_be_a_positive_whole_number(bad: str) -> None:
    result = cli("check", "seeds/", "--jobs", bad)
    assert result.returncode == 2 and "--jobs" in result.stderr
