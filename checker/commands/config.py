"""`claimcheck config`: the settings in force here and the file they come from, as TOML
that can be pasted into claimcheck.toml."""

from __future__ import annotations

import argparse
import json

from checker.commands.common import EXIT_OK
from checker.config import Config
from checker.ruleset import RuleSet


def register(sub: argparse._SubParsersAction) -> None:
    p = sub.add_parser("config", help="show the settings in force and the file they come from",
                       description="Show the settings in force and the file they come from: claimcheck.toml or "
                                   "[tool.claimcheck] in pyproject.toml, the nearest walking up from here.")
    p.set_defaults(run=run)


def run(args: argparse.Namespace, rules: RuleSet) -> int:
    config: Config = args.config
    print(f"# {config.table}")
    print(f"# shipped rules: {rules.shipped}")
    for key, value in (
        ("paths", [str(p) for p in config.paths]),
        ("include", list(config.selection.include)),
        ("exclude", list(config.selection.exclude)),
        ("rules", [str(p) for p in rules.newsroom]),
        ("reviewed", str(config.reviewed)),
        ("fail-level", config.fail_level),
    ):
        print(f"{key} = {json.dumps(value, ensure_ascii=False)}")
    return EXIT_OK
