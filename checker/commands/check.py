"""`claimcheck check`: run the pipeline on a corpus, decide which conflicts count, write reports/, exit 0/1/2."""

from __future__ import annotations

import argparse
import contextlib
import os
import sys
from collections.abc import Iterator
from pathlib import Path

from checker.baseline import load_baseline
from checker.changes import ChangesError, changed_documents, changed_files
from checker.commands.common import EXIT_CONFLICTS, EXIT_INPUT, EXIT_OK, add_speed_options, cache_dir, jobs, \
    print_problems, write, write_all
from checker.decide import FAIL_LEVELS, Decisions, FailLevel, decide, failing
from checker.models import Report
from checker.pipeline import Engine, EngineError, run_check
from checker.progress import ProgressBar, wanted
from checker.report import REPORTERS
from checker.config import Config
from checker.reviewed import Review, load_reviewed
from checker.yamlio import ConfigError
from checker.ruleset import RuleSet


def register(sub: argparse._SubParsersAction) -> None:
    p = sub.add_parser("check", help="check articles and write reports/")
    p.add_argument("paths", nargs="*", type=Path, default=None,
                   help="articles and folders of articles (default: `paths` in the configuration, else seeds/)")
    p.add_argument("--format", choices=sorted(REPORTERS), default="text",
                   help="what is printed, or written to --output (default: text)")
    p.add_argument("--output", type=Path, help="write the report in --format here instead of reports/")
    p.add_argument("--reports-dir", type=Path, default=Path("reports"), help="where reports are written (default: reports/)")
    p.add_argument("--baseline", type=Path, help="fail only on conflicts not in this baseline (see `claimcheck baseline`)")
    p.add_argument("--reviewed", type=Path, help="accepted findings (default: `reviewed` in the configuration, else reviewed.yaml, when present)")
    p.add_argument("--changed-since", metavar="REF", help="report and fail only on conflicts involving files changed since this git ref")
    p.add_argument("--quiet", action="store_true", help="no progress bar")
    add_speed_options(p, "REPORTS_DIR/.cache")
    p.add_argument("--engine", choices=["local", "dask"], default="local",
                   help="where articles are analysed and rules run: this machine (default), or a Dask cluster")
    p.add_argument("--scheduler", metavar="ADDRESS",
                   help="with --engine dask: the scheduler's address (tcp://HOST:8786) or scheduler file; "
                        "default: a local cluster of --jobs worker processes")
    add_fail_level(p)
    p.set_defaults(run=run)


def run(args: argparse.Namespace, rules: RuleSet) -> int:
    config: Config = args.config
    paths = args.paths or list(config.paths)
    try:
        baseline = load_baseline(args.baseline) if args.baseline else frozenset()
        reviewed = _reviewed(args.reviewed, config.reviewed)
        changed = changed_files(args.changed_since, paths) if args.changed_since else None
    except (ConfigError, ChangesError) as exc:
        print(f"claimcheck: {exc}", file=sys.stderr)
        return EXIT_INPUT
    if args.scheduler is not None and args.engine != "dask":
        print("claimcheck: --scheduler needs --engine dask", file=sys.stderr)
        return EXIT_INPUT
    bar = ProgressBar(sys.stderr) if wanted(sys.stderr, os.environ, args.quiet) else None
    try:
        with _engine(args) as engine:
            report = run_check(paths, rules, progress=bar, walk=config.selection.files,
                               cache_dir=cache_dir(args, args.reports_dir / ".cache"), jobs=jobs(args), engine=engine)
    except EngineError as exc:
        print(f"claimcheck: {exc}", file=sys.stderr)
        return EXIT_INPUT
    finally:
        if bar:
            bar.close()
    print_problems(report)
    in_scope = changed_documents(report.documents, changed) if changed is not None else None
    decisions = decide(report, baseline, reviewed, in_scope)
    rendered = REPORTERS[args.format](report, decisions)
    if report.errors and not report.documents:
        # Nothing was checked: an empty report would read as a clean corpus, so the previous one stays.
        print(f"claimcheck: no report written ({args.output or args.reports_dir} left as it was): "
              "no article could be checked", file=sys.stderr)
    elif args.output:
        write(args.output, rendered)
    else:
        write_all({args.reports_dir / f"report.{ext}": REPORTERS[fmt](report, decisions)
                   for ext, fmt in (("json", "json"), ("md", "markdown"), ("html", "html"))})
    if not args.output:
        sys.stdout.write(rendered)
    elif args.format != "text":
        sys.stdout.write(REPORTERS["text"](report, decisions))
    return exit_code(report, decisions, args.fail_level or config.fail_level)


@contextlib.contextmanager
def _engine(args: argparse.Namespace) -> Iterator[Engine | None]:
    """The engine asked for: None is the local one; a Dask engine is closed (and its local
    cluster stopped) when the check is done. Dask is imported only when asked for: it takes
    a second to import."""
    if args.engine != "dask":
        yield None
        return
    from checker.cluster import DaskEngine
    with DaskEngine.start(args.scheduler, jobs(args)) as engine:
        yield engine


def add_fail_level(p: argparse.ArgumentParser) -> None:
    p.add_argument("--fail-level", choices=FAIL_LEVELS, default=None,
                   help="exit 1 only for new conflicts of this severity or above; `none`: conflicts never fail "
                        "(default: `fail-level` in the configuration, else error)")


def _reviewed(path: Path | None, configured: Path) -> list[Review]:
    """The accepted findings: the given file, else the configured one when there is one."""
    if path is None:
        return load_reviewed(configured) if configured.is_file() else []
    return load_reviewed(path)


def exit_code(report: Report, decisions: Decisions | None = None, level: FailLevel = "error") -> int:
    if report.errors:
        return EXIT_INPUT
    return EXIT_CONFLICTS if failing(report, decisions, level) else EXIT_OK
