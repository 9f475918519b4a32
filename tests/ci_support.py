"""Helpers shared by the CI-feature tests: a copy of seeds/ to edit, a conflicting article, and the CLI in-process."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest

from checker.cli import main
from checker.pipeline import run_check

ROOT = Path(__file__).resolve().parent.parent
SEEDS = ROOT / "seeds"
RULES = ROOT / "rules"

# Conflicts with seeds/002 ("completed in April 2024") and seeds/001 ("has been completed" on 14 March 2024).
CONFLICTING = (
    "Vientiane headquarters inaugurated\n"
    "Publish date 01/02/2024 | 10:00 AM\n\n"
    "The headquarters of the Vientiane Department of Justice and the Vientiane People's Procuracy, "
    "completed in June 2023, was inaugurated.\n"
)


def copy_seeds(tmp_path: Path) -> Path:
    """An editable copy of the seed corpus under tmp_path/seeds."""
    target = tmp_path / "seeds"
    shutil.copytree(SEEDS, target)
    return target


def cli(capsys: pytest.CaptureFixture[str], *args: str) -> tuple[int, str, str]:
    """Run `claimcheck --rules rules/ ARGS...`; exit code, stdout, stderr."""
    code = main(["--rules", str(RULES), *args])
    out, err = capsys.readouterr()
    return code, out, err


def seed_conflict_id(rule: str) -> str:
    """The id of the seeds' conflict under `rule`, so tests do not hard-code offsets-based ids."""
    return next(k.id for k in run_check([SEEDS], RULES).conflicts if k.rule == rule)
