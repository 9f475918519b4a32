"""`claimcheck accept`: record that a person reviewed a conflict and accepts it, and why.

The reviewed-findings file (reviewed.yaml by default) is meant to be committed; `check`
then shows the conflict as accepted until either side's words change.
"""

from __future__ import annotations

import argparse
import datetime as dt
import os
import subprocess
import sys
from pathlib import Path

from checker.commands.common import EXIT_INPUT, EXIT_OK, write
from checker.fingerprint import fingerprints
from checker.pipeline import run_check
from checker.reviewed import dump_reviewed, load_reviewed, review, upsert
from checker.yamlio import ConfigError
from checker.ruleset import RuleSet


def register(sub: argparse._SubParsersAction) -> None:
    p = sub.add_parser("accept", help="accept a reviewed conflict so it no longer fails the check")
    p.add_argument("conflict_id", help="conflict id (k-...) or fingerprint, as shown by `claimcheck check`")
    p.add_argument("paths", nargs="*", type=Path, default=None,
                   help="the corpus the conflict was found in (default: `paths` in the configuration, else seeds/)")
    p.add_argument("--reason", required=True, help="why the conflict is acceptable")
    p.add_argument("--by", help="who reviewed it (default: git config user.name, else $USER)")
    p.add_argument("--file", type=Path, default=None,
                   help="reviewed-findings file (default: `reviewed` in the configuration, else reviewed.yaml)")
    p.set_defaults(run=run)


def run(args: argparse.Namespace, rules: RuleSet) -> int:
    if not args.reason.strip():
        print("claimcheck: --reason must say why the conflict is acceptable", file=sys.stderr)
        return EXIT_INPUT
    file = args.file or args.config.reviewed
    paths = args.paths or list(args.config.paths)
    try:
        reviews = load_reviewed(file) if file.is_file() else []
    except ConfigError as exc:
        print(f"claimcheck: {exc}", file=sys.stderr)
        return EXIT_INPUT
    report = run_check(paths, rules, walk=args.config.selection.files)
    for error in report.errors:
        print(f"claimcheck: {error.render()}", file=sys.stderr)
    prints = fingerprints(report)
    conflict = next((k for k in report.conflicts if args.conflict_id in (k.id, prints[k.id])), None)
    if conflict is None:
        print(f"claimcheck: no conflict '{args.conflict_id}' in {', '.join(map(str, paths))}", file=sys.stderr)
        return EXIT_INPUT
    today = dt.datetime.now(dt.timezone.utc).date()
    entry = review(report, conflict, " ".join(args.reason.split()), args.by or reviewer(), today)
    write(file, dump_reviewed(upsert(reviews, entry)))
    print(f"claimcheck: accepted {conflict.id} ({conflict.rule}) in {file}")
    return EXIT_OK


def reviewer() -> str:
    """git config user.name, else the login name."""
    try:
        done = subprocess.run(["git", "config", "user.name"], capture_output=True, text=True, check=False)
        name = done.stdout.strip() if done.returncode == 0 else ""
    except OSError:
        name = ""
    return name or os.environ.get("USER") or "unknown"
