"""Subcommands of `claimcheck`: each module registers its parser and a `run` function."""

from checker.commands import check, claims, eval, rules

COMMANDS = [check, claims, rules, eval]
