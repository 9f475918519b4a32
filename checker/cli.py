"""The `claimcheck` command: a thin layer that dispatches to `checker.commands`.

Exit codes: 0 no conflicts, 1 conflicts found, 2 usage or input error (an input error
wins even when conflicts were also found).
"""

from __future__ import annotations

import argparse
import os
import signal
import sys
from pathlib import Path

from checker.commands import COMMANDS
from checker import __version__
from checker.commands.common import EXIT_INPUT, OutputError
from checker.config import load_config
from checker.lexicon import default_rules_dir
from checker.ruleset import RuleSet
from checker.yamlio import ConfigError


class _Parser(argparse.ArgumentParser):
    def error(self, message: str) -> None:
        self.print_usage(sys.stderr)
        print(f"claimcheck: error: {message}", file=sys.stderr)
        raise SystemExit(EXIT_INPUT)


class _CommandParser(_Parser):
    """A subcommand's parser: options and positionals in any order (`accept ID --reason WHY PATH`
    as well as `accept ID PATH --reason WHY`), and a word it does not know is an error shown
    with this subcommand's usage, not the top-level one."""

    _mixing = False

    def parse_known_args(self, args=None, namespace=None):  # type: ignore[override]
        if self._mixing:  # the inner passes of parse_known_intermixed_args
            return super().parse_known_args(args, namespace)
        self._mixing = True
        try:
            namespace, extras = self.parse_known_intermixed_args(args, namespace)
        finally:
            self._mixing = False
        if extras:
            self.error(f"unrecognized arguments: {' '.join(extras)}")
        return namespace, extras


def build_parser() -> argparse.ArgumentParser:
    parser = _Parser(prog="claimcheck", description="Find claims in news articles that cannot all be true.")
    parser.add_argument("--rules", type=Path, action="append", default=None, metavar="DIR",
                        help="a newsroom's rules folder, layered over the rules shipped with claimcheck: new rules "
                             "are added, a shipped id is replaced, data files extend the shipped ones; repeat to "
                             "layer several, in order (default: `rules` in the configuration, else the shipped "
                             "rules alone)")
    parser.add_argument("--version", action="version", version=f"claimcheck {__version__}")
    sub = parser.add_subparsers(dest="command", required=True, parser_class=_CommandParser, metavar="COMMAND")
    for command in COMMANDS:
        command.register(sub)
    return parser


def main(argv: list[str] | None = None) -> int:
    args = build_parser().parse_args(argv)
    try:
        args.config = load_config(Path.cwd())
    except ConfigError as exc:
        print(f"claimcheck: {exc}", file=sys.stderr)
        return EXIT_INPUT
    try:
        rules = RuleSet.layered(default_rules_dir(), args.rules or args.config.rules)
        return args.run(args, rules)
    except OutputError as exc:
        print(f"claimcheck: {exc}", file=sys.stderr)
        return EXIT_INPUT
    except BrokenPipeError:
        # The reader went away (`claimcheck rules | head -1`): stop quietly, and keep Python
        # from failing again when it flushes stdout at exit.
        os.dup2(os.open(os.devnull, os.O_WRONLY), sys.stdout.fileno())
        return 128 + signal.SIGPIPE  # as a shell reports a command ended by a closed pipe
