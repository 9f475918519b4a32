"""`claimcheck check`: run the pipeline on a corpus, write reports/, exit 0/1/2."""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

from checker.commands.common import EXIT_CONFLICTS, EXIT_INPUT, EXIT_OK, write
from checker.models import Report
from checker.pipeline import run_check
from checker.report import REPORTERS


def register(sub: argparse._SubParsersAction) -> None:
    p = sub.add_parser("check", help="check articles and write reports/")
    p.add_argument("paths", nargs="*", type=Path, default=[Path("seeds")])
    p.add_argument("--format", choices=sorted(REPORTERS), default="text")
    p.add_argument("--output", type=Path, help="write the report in --format here instead of reports/")
    p.add_argument("--reports-dir", type=Path, default=Path("reports"), help="where reports are written (default: reports/)")
    p.set_defaults(run=run)


def run(args: argparse.Namespace, rules_dir: Path) -> int:
    report = run_check(args.paths, rules_dir)
    for error in report.errors:
        print(f"claimcheck: {error.render()}", file=sys.stderr)
    rendered = REPORTERS[args.format](report)
    if args.output:
        write(args.output, rendered)
        if args.format != "text":
            sys.stdout.write(REPORTERS["text"](report))
    else:
        args.reports_dir.mkdir(parents=True, exist_ok=True)
        write(args.reports_dir / "report.json", REPORTERS["json"](report))
        write(args.reports_dir / "report.md", REPORTERS["markdown"](report))
        write(args.reports_dir / "report.html", REPORTERS["html"](report))
        sys.stdout.write(rendered)
    return exit_code(report)


def exit_code(report: Report) -> int:
    if report.errors:
        return EXIT_INPUT
    return EXIT_CONFLICTS if report.conflicts else EXIT_OK
