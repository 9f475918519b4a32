"""What every command shares: exit codes and file writing."""

from __future__ import annotations

from pathlib import Path

EXIT_OK, EXIT_CONFLICTS, EXIT_INPUT = 0, 1, 2


def write(path: Path, text: str) -> None:
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(text, encoding="utf-8")
