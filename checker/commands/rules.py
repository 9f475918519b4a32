"""`claimcheck rules [ID]`: list the rules, or show one with its examples."""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

from checker.commands.common import EXIT_INPUT, EXIT_OK
from checker.engine.loader import folder_settings, load_ruleset
from checker.ruleset import RuleSet
from checker.yamlio import ConfigError


def register(sub: argparse._SubParsersAction) -> None:
    p = sub.add_parser("rules", help="list the rules in force and where each comes from, or show one with its examples",
                       description="List the rules in force: the shipped ones with the --rules folders over them. "
                                   "Each line reads: id, severity, where the rule comes from (shipped, or the "
                                   "newsroom folder), title.")
    p.add_argument("rule_id", nargs="?", help="a rule id, such as date.event-dates (default: list every rule)")
    p.set_defaults(run=run)


def run(args: argparse.Namespace, ruleset: RuleSet) -> int:
    rules, errors = load_ruleset(ruleset)
    for error in errors:
        print(f"claimcheck: {error.render()}", file=sys.stderr)
    status = EXIT_INPUT if errors else EXIT_OK
    if not args.rule_id:
        for rule in rules:
            print(f"{rule.id}\t{rule.severity}\t{ruleset.origin(rule.path)}\t{rule.title}\n"
                  f"    {' '.join(rule.rationale.split())}")
        for folder, rule_id in _disabled(ruleset):
            print(f"{rule_id}\tdisabled\t{folder}")
        return status
    rule = next((r for r in rules if r.id == args.rule_id), None)
    if rule is None:
        print(f"claimcheck: no rule '{args.rule_id}'", file=sys.stderr)
        return EXIT_INPUT
    print(f"{rule.id} ({rule.severity}, {ruleset.origin(rule.path)}): {rule.title}\n\n{' '.join(rule.rationale.split())}\n")
    for verdict, examples in (("fires", rule.examples.fire), ("silent", rule.examples.silent)):
        for ex in examples:
            print(f"[{verdict}] {ex.name}: {ex.why}")
            for doc in ex.documents:
                when = f" (published {doc.published})" if doc.published else ""
                print(f"    {doc.id}{when}: {doc.text.strip()}")
    return status


def _disabled(ruleset: RuleSet) -> list[tuple[Path, str]]:
    """(folder, rule id) of every rule a newsroom folder disables (a broken settings file is
    already among the load errors)."""
    found = []
    for folder in ruleset.newsroom:
        try:
            found.extend((folder, rule_id) for rule_id in folder_settings(folder)[0].disabled)
        except ConfigError:
            continue
    return found
