"""`claimcheck claims`: the extracted claims of some files, for inspection, or as a Parquet
table for other engines and notebooks."""

from __future__ import annotations

import argparse
import json
import sys
from pathlib import Path

from checker.commands.common import EXIT_INPUT, EXIT_OK, print_problems, write
from checker.engine.loader import load_ruleset
from checker.pipeline import run_check
from checker.report.json_report import as_dict
from checker.values import render
from checker.ruleset import RuleSet


def register(sub: argparse._SubParsersAction) -> None:
    p = sub.add_parser("claims", help="print the claims extracted from files")
    p.add_argument("paths", nargs="+", type=Path, help="articles and folders of articles")
    p.add_argument("--format", choices=["table", "json", "parquet"], default="table",
                   help="output format (default: table; parquet needs --output)")
    p.add_argument("--output", type=Path, help="write the claims here instead of printing them")
    p.set_defaults(run=run)


def run(args: argparse.Namespace, rules: RuleSet) -> int:
    if args.format == "parquet" and args.output is None:
        print("claimcheck: --format parquet needs --output FILE", file=sys.stderr)
        return EXIT_INPUT
    report = run_check(args.paths, rules, walk=args.config.selection.files)
    print_problems(report)
    if args.format == "parquet":
        from checker.report import parquet  # pyarrow takes a moment to import: only when asked for
        out: str | bytes = parquet.render(report, load_ruleset(rules)[0])
    elif args.format == "json":
        data = as_dict(report)
        out = json.dumps({"documents": data["documents"], "claims": data["claims"]}, ensure_ascii=False, indent=2) + "\n"
    else:
        out = "".join(f"{c.document}\t{c.start}-{c.end}\t{c.kind}\t{c.attribute}\t{c.subject or '-'}\t"
                      f"{render(c.value)}\t{c.text!r}\n" for c in report.claims)
    if args.output is not None:
        write(args.output, out)
    else:
        sys.stdout.write(out)
    return EXIT_INPUT if report.errors else EXIT_OK
