"""`claimcheck docs`: regenerate docs/rules.md from the rule files."""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

from checker.commands.common import EXIT_INPUT, EXIT_OK, write
from checker.docs import render_rules_doc
from checker.engine.loader import load_rules
from checker.ruleset import RuleSet


def register(sub: argparse._SubParsersAction) -> None:
    p = sub.add_parser("docs", help="write the rules documentation (docs/rules.md) from the shipped rule files",
                       description="Write docs/rules.md from the rule files shipped with claimcheck; a newsroom's "
                                   "own folders (--rules) are not documented there (see `claimcheck rules`).")
    p.add_argument("--output", type=Path, default=Path("docs/rules.md"), help="where to write (default: docs/rules.md; - for stdout)")
    p.set_defaults(run=run)


def run(args: argparse.Namespace, ruleset: RuleSet) -> int:
    rules, errors = load_rules(ruleset.shipped)
    for error in errors:
        print(f"claimcheck: {error.render()}", file=sys.stderr)
    if errors:
        return EXIT_INPUT
    text = render_rules_doc(rules)
    if str(args.output) == "-":
        sys.stdout.write(text)
    else:
        write(args.output, text)
        print(f"claimcheck: wrote {args.output} ({len(rules)} rules)")
    return EXIT_OK
