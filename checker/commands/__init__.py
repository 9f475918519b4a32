"""Subcommands of `claimcheck`: each module registers its parser and a `run` function."""

from checker.commands import accept, baseline, check, claims, docs, eval, rules

COMMANDS = [check, claims, rules, eval, baseline, accept, docs]
