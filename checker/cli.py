"""The `claimcheck` command: a thin layer that dispatches to `checker.commands`.

Exit codes: 0 no conflicts, 1 conflicts found, 2 usage or input error (an input error
wins even when conflicts were also found).
"""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

from checker.commands import COMMANDS
from checker.commands.common import EXIT_INPUT, OutputError
from checker.lexicon import default_rules_dir


class _Parser(argparse.ArgumentParser):
    def error(self, message: str) -> None:
        self.print_usage(sys.stderr)
        print(f"claimcheck: error: {message}", file=sys.stderr)
        raise SystemExit(EXIT_INPUT)


def build_parser() -> argparse.ArgumentParser:
    parser = _Parser(prog="claimcheck", description="Find claims in news articles that cannot all be true.")
    parser.add_argument("--rules", type=Path, default=None, help="rules directory (default: ./rules)")
    sub = parser.add_subparsers(dest="command", required=True, parser_class=_Parser)
    for command in COMMANDS:
        command.register(sub)
    return parser


def main(argv: list[str] | None = None) -> int:
    args = build_parser().parse_args(argv)
    try:
        return args.run(args, args.rules or default_rules_dir())
    except OutputError as exc:
        print(f"claimcheck: {exc}", file=sys.stderr)
        return EXIT_INPUT
