"""Subcommands of `claimcheck`: each module registers its parser and a `run` function."""

from checker.commands import check, claims, review, rules, serve

COMMANDS = [check, claims, rules, review, serve]
