"""The pipeline's stages import only earlier stages and shared libraries, never later ones.

Data flows one way (documents -> segment -> dating -> analyse -> extract -> resolve -> engine ->
findings -> report); a stage reaching into a later one would make that flow a tangle.
"""

from __future__ import annotations

import ast
from pathlib import Path

import pytest

PACKAGE = Path(__file__).resolve().parents[1] / "checker"

# Shared libraries: any stage may use them; they use no stage.
LIBRARIES = ["models", "text", "yamlio", "ruleset", "lexicon", "timex", "aliases", "values"]
STAGES = ["documents", "segment", "dating", "analyse", "extract", "stories", "resolve", "engine", "findings", "report"]


def _unit(module: str) -> str:
    """checker.extract.dates -> extract; checker.models -> models."""
    parts = module.split(".")
    return parts[1] if len(parts) > 1 else ""


def _imports(path: Path) -> set[str]:
    tree = ast.parse(path.read_text(encoding="utf-8"))
    found = set()
    for node in ast.walk(tree):
        if isinstance(node, ast.ImportFrom) and node.module and node.module.startswith("checker"):
            found.add(_unit(node.module) if node.module != "checker" else "")
            if node.module == "checker":
                found.update(alias.name for alias in node.names)
        elif isinstance(node, ast.Import):
            found.update(_unit(a.name) for a in node.names if a.name.startswith("checker."))
    return found - {""}


def _files(unit: str) -> list[Path]:
    single = PACKAGE / f"{unit}.py"
    return [single] if single.exists() else sorted((PACKAGE / unit).rglob("*.py"))


@pytest.mark.parametrize("unit", LIBRARIES + STAGES)
def test_a_unit_imports_no_later_stage(unit: str) -> None:
    rank = {name: i for i, name in enumerate(STAGES)}
    allowed = set(LIBRARIES) | ({s for s in STAGES if rank[s] <= rank[unit]} if unit in rank else set())
    if unit in LIBRARIES:
        allowed = set(LIBRARIES)
    for path in _files(unit):
        bad = {u for u in _imports(path) if u in rank or u in LIBRARIES} - allowed
        assert not bad, f"{path.relative_to(PACKAGE.parent)} imports {sorted(bad)}, a later stage"
