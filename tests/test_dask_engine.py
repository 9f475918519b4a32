"""The Dask engine (`check --engine dask`): extraction mapped over documents and the rules
grouped by their keys on a LocalCluster of worker processes give byte for byte the reports
of the local engine; a cluster that cannot be reached is one line and exit 2."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import dask
import pytest
from distributed import LocalCluster

from checker.cli import main
from checker.cluster import DaskEngine, _worker_extraction
from checker.engine import run_rules
from checker.models import Report
from checker.ruleset import RuleSet
from checker.pipeline import EngineError, run_check
from checker.report import REPORTERS

from conftest import REPO, RULES_DIR, SEEDS_DIR, load_toolkit

# Eight story clusters of the labelled corpus and the seeds: conflicts across articles,
# within articles and against publication dates, in a corpus small enough to stay fast.
CORPUS = sorted(p for p in (REPO / "tests" / "corpus").iterdir() if p.is_dir())[:8] + [SEEDS_DIR]


@pytest.fixture(scope="module")
def cluster() -> Iterator[LocalCluster]:
    """A LocalCluster of 2 worker processes, started as `check --engine dask --jobs 2` starts it."""
    with DaskEngine.start(None, workers=2) as engine:
        assert engine.cluster is not None
        yield engine.cluster


@pytest.fixture(scope="module")
def local() -> Report:
    report = run_check(CORPUS, RULES_DIR)
    assert report.conflicts and not report.errors
    return report


def test_a_two_worker_cluster_writes_the_local_engines_reports_byte_for_byte(cluster: LocalCluster,
                                                                              local: Report) -> None:
    with DaskEngine.start(cluster.scheduler_address, workers=0) as engine:
        distributed = run_check(CORPUS, RULES_DIR, engine=engine)
        loaded = engine.client.run(lambda: sorted(__import__("checker.cluster").cluster._EXTRACTIONS))
    assert len(loaded) == 2 and all(loaded.values()), "both workers analysed articles"
    for name, reporter in sorted(REPORTERS.items()):
        assert reporter(distributed, None) == reporter(local, None), name


def test_the_group_by_gives_every_rules_hits_in_the_local_engines_order(cluster: LocalCluster,
                                                                        local: Report) -> None:
    toolkit = load_toolkit()
    ctx = toolkit.context({d.id: d.published_range for d in local.documents},
                          {c.document: c for c in local.claims if c.attribute == "published"})
    with DaskEngine.start(cluster.scheduler_address, workers=0) as engine:
        hits = engine.judge(toolkit.rules, local.claims, ctx)
    expected = run_rules(toolkit.rules, local.claims, ctx)
    assert len(expected) > 10
    assert [(h.rule.id, h.hit) for h in hits] == [(h.rule.id, h.hit) for h in expected]


def test_check_engine_dask_with_a_scheduler_writes_the_same_reports(
        cluster: LocalCluster, tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture) -> None:
    monkeypatch.chdir(REPO)
    runs = {}
    dask_options = ["--engine", "dask", "--scheduler", cluster.scheduler_address]
    for name, options in (("local", ["--jobs", "1"]), ("dask", dask_options)):
        code = main(["check", "seeds/", "--no-cache", "--quiet", "--reports-dir", str(tmp_path / name), *options])
        runs[name] = (code, *capsys.readouterr())
    assert runs["dask"] == runs["local"] and runs["local"][0] == 1 and runs["local"][2] == ""
    for name in ("report.json", "report.md", "report.html"):
        assert (tmp_path / "dask" / name).read_bytes() == (tmp_path / "local" / name).read_bytes(), name


@pytest.mark.parametrize("address", ["tcp://127.0.0.1:1", "no-such-scheme://x"])
def test_a_scheduler_that_cannot_be_reached_is_one_line_and_exit_2(
        address: str, tmp_path: Path, capsys: pytest.CaptureFixture) -> None:
    with dask.config.set({"distributed.comm.timeouts.connect": "1s"}):
        code = main(["check", str(SEEDS_DIR), "--quiet", "--engine", "dask", "--scheduler", address,
                     "--reports-dir", str(tmp_path)])
    err = capsys.readouterr().err
    assert code == 2
    assert err.startswith(f"claimcheck: cannot connect to the Dask scheduler at {address}: ")
    assert err.count("\n") == 1 and "Traceback" not in err
    assert not any(tmp_path.iterdir()), "no report written"


def test_a_scheduler_without_workers_is_refused_not_waited_on_for_ever() -> None:
    with LocalCluster(n_workers=0, processes=False, dashboard_address=None,
                      scheduler_kwargs={"dashboard_address": ":0"}) as empty, \
            dask.config.set({"distributed.comm.timeouts.connect": "1s"}):
        with pytest.raises(EngineError, match=f"^the Dask scheduler at {empty.scheduler_address} has no workers$"):
            DaskEngine.start(empty.scheduler_address, workers=0)


def test_scheduler_without_the_dask_engine_is_a_usage_error(capsys: pytest.CaptureFixture) -> None:
    assert main(["check", str(SEEDS_DIR), "--scheduler", "tcp://127.0.0.1:8786"]) == 2
    assert capsys.readouterr().err == "claimcheck: --scheduler needs --engine dask\n"


def test_a_worker_with_other_data_tables_refuses_to_analyse(tmp_path: Path) -> None:
    with pytest.raises(EngineError, match="another version"):
        _worker_extraction(RuleSet(RULES_DIR), "not-this-version")
    with pytest.raises(EngineError, match="no rules folder"):
        _worker_extraction(RuleSet(RULES_DIR, (tmp_path / "rules",)), "any")
