"""What every command shares: exit codes and file writing."""

from __future__ import annotations

import sys
from pathlib import Path

from checker.models import Report

EXIT_OK, EXIT_CONFLICTS, EXIT_INPUT = 0, 1, 2


def print_problems(report: Report) -> None:
    """Input errors and warnings on stderr, one line each, naming the file (and line)."""
    for error in report.errors:
        print(f"claimcheck: {error.render()}", file=sys.stderr)
    for warning in report.warnings:
        print(f"claimcheck: warning: {warning.render()}", file=sys.stderr)


def write(path: Path, text: str) -> None:
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(text, encoding="utf-8")
