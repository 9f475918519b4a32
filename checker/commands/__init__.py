"""Subcommands of `claimcheck`: each module registers its parser and a `run` function."""

from checker.commands import accept, baseline, check, claims, docs, rules

COMMANDS = [check, claims, rules, baseline, accept, docs]
