"""`claimcheck rules [ID]`: list the rules, or show one with its examples."""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

from checker.commands.common import EXIT_INPUT, EXIT_OK
from checker.engine.loader import load_rules


def register(sub: argparse._SubParsersAction) -> None:
    p = sub.add_parser("rules", help="list the rules, or show one with its examples")
    p.add_argument("rule_id", nargs="?", help="a rule id, such as date.event-dates (default: list every rule)")
    p.set_defaults(run=run)


def run(args: argparse.Namespace, rules_dir: Path) -> int:
    rules, errors = load_rules(rules_dir)
    for error in errors:
        print(f"claimcheck: {error.render()}", file=sys.stderr)
    status = EXIT_INPUT if errors else EXIT_OK
    if not args.rule_id:
        for rule in rules:
            print(f"{rule.id}\t{rule.severity}\t{rule.title}\n    {' '.join(rule.rationale.split())}")
        return status
    rule = next((r for r in rules if r.id == args.rule_id), None)
    if rule is None:
        print(f"claimcheck: no rule '{args.rule_id}'", file=sys.stderr)
        return EXIT_INPUT
    print(f"{rule.id} ({rule.severity}): {rule.title}\n\n{' '.join(rule.rationale.split())}\n")
    for verdict, examples in (("fires", rule.examples.fire), ("silent", rule.examples.silent)):
        for ex in examples:
            print(f"[{verdict}] {ex.name}: {ex.why}")
            for doc in ex.documents:
                when = f" (published {doc.published})" if doc.published else ""
                print(f"    {doc.id}{when}: {doc.text.strip()}")
    return status
