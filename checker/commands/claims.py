"""`claimcheck claims`: the extracted claims of some files, for inspection."""

from __future__ import annotations

import argparse
import json
import sys
from pathlib import Path

from checker.commands.common import EXIT_INPUT, EXIT_OK, print_problems
from checker.pipeline import run_check
from checker.report.json_report import as_dict
from checker.values import render
from checker.ruleset import RuleSet


def register(sub: argparse._SubParsersAction) -> None:
    p = sub.add_parser("claims", help="print the claims extracted from files")
    p.add_argument("paths", nargs="+", type=Path, help="articles and folders of articles")
    p.add_argument("--format", choices=["table", "json"], default="table", help="output format (default: table)")
    p.set_defaults(run=run)


def run(args: argparse.Namespace, rules: RuleSet) -> int:
    report = run_check(args.paths, rules, walk=args.config.selection.files)
    print_problems(report)
    if args.format == "json":
        data = as_dict(report)
        sys.stdout.write(json.dumps({"documents": data["documents"], "claims": data["claims"]},
                                    ensure_ascii=False, indent=2) + "\n")
    else:
        for c in report.claims:
            print(f"{c.document}\t{c.start}-{c.end}\t{c.kind}\t{c.attribute}\t{c.subject or '-'}\t{render(c.value)}\t{c.text!r}")
    return EXIT_INPUT if report.errors else EXIT_OK
