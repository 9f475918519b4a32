"""Subcommands of `claimcheck`: each module registers its parser and a `run` function."""

from checker.commands import accept, baseline, check, claims, config, docs, eval, review, rules, serve, values

COMMANDS = [check, claims, rules, eval, review, serve, baseline, accept, docs, values, config]
