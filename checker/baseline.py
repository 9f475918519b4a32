"""Baseline files: the conflicts a project already knows about, by fingerprint.

`claimcheck baseline` writes one; `claimcheck check --baseline FILE` then fails only on
conflicts whose fingerprint is not in it.
"""

from __future__ import annotations

import json
from pathlib import Path

from checker.fingerprint import fingerprints
from checker.models import Report
from checker.yamlio import ConfigError

FORMAT = "claimcheck-baseline/1"


def dump_baseline(report: Report) -> str:
    """The baseline of a report as JSON, sorted by fingerprint so it diffs cleanly."""
    prints = fingerprints(report)
    entries = sorted(
        ({"fingerprint": prints[k.id], "rule": k.rule, "id": k.id, "documents": k.documents, "message": k.message}
         for k in report.conflicts),
        key=lambda e: (e["fingerprint"], e["id"]),
    )
    return json.dumps({"format": FORMAT, "conflicts": entries}, ensure_ascii=False, indent=2) + "\n"


def load_baseline(path: Path) -> frozenset[str]:
    """The fingerprints in a baseline file; a missing or malformed file is a ConfigError."""
    try:
        data = json.loads(path.read_text(encoding="utf-8"))
    except OSError as exc:
        raise ConfigError(path, f"cannot read baseline: {exc.strerror or exc}") from None
    except (UnicodeDecodeError, json.JSONDecodeError) as exc:
        raise ConfigError(path, f"not a baseline file (invalid JSON: {exc})") from None
    if not isinstance(data, dict) or data.get("format") != FORMAT or not isinstance(data.get("conflicts"), list):
        raise ConfigError(path, f"not a baseline file (expected format '{FORMAT}'; write one with `claimcheck baseline`)")
    found = set()
    for i, entry in enumerate(data["conflicts"]):
        if not isinstance(entry, dict) or not isinstance(entry.get("fingerprint"), str):
            raise ConfigError(path, f"conflicts[{i}]: missing 'fingerprint'")
        found.add(entry["fingerprint"])
    return frozenset(found)
