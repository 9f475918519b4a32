"""`claimcheck baseline`: record the conflicts of a corpus so later checks fail only on new ones."""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

from checker.baseline import dump_baseline
from checker.commands.common import EXIT_INPUT, EXIT_OK, write
from checker.pipeline import run_check
from checker.text import counted
from checker.ruleset import RuleSet


def register(sub: argparse._SubParsersAction) -> None:
    p = sub.add_parser("baseline", help="write the current conflicts to a baseline file")
    p.add_argument("paths", nargs="*", type=Path, default=None,
                   help="articles and folders of articles (default: `paths` in the configuration, else seeds/)")
    p.add_argument("--output", type=Path, default=Path("reports/baseline.json"),
                   help="baseline file to write (default: reports/baseline.json)")
    p.set_defaults(run=run)


def run(args: argparse.Namespace, rules: RuleSet) -> int:
    report = run_check(args.paths or list(args.config.paths), rules, walk=args.config.selection.files)
    for error in report.errors:
        print(f"claimcheck: {error.render()}", file=sys.stderr)
    if report.errors:
        print("claimcheck: baseline not written: fix the input errors first", file=sys.stderr)
        return EXIT_INPUT
    write(args.output, dump_baseline(report))
    print(f"claimcheck: {counted(len(report.conflicts), 'conflict')} written to {args.output}")
    return EXIT_OK
