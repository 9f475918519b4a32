"""A newsroom's settings, kept in its repository so every command reads the same corpus
the same way: `claimcheck.toml`, or `[tool.claimcheck]` in `pyproject.toml`, whichever
comes first walking up from the working folder (in one folder, claimcheck.toml wins).

Keys (all optional): `paths` (the corpus), `include` and `exclude` (globs choosing the
articles inside a folder), `rules` (a newsroom's rules folder, or a list of them, layered
over the shipped rules in order: see checker.ruleset), `reviewed` (the reviewed-findings
file), `fail-level`. Relative paths are relative to the file's folder; command-line
flags override the file.

Globs match a path inside a walked folder from its right end, as .gitignore does: `*.md`
is any Markdown file, `docs` any folder or file called docs, `drafts/*.txt` any text file
in a folder called drafts; a trailing `/` matches folders only. An excluded folder is not
entered, and a file named on the command line is always read.
"""

from __future__ import annotations

import os
import re
import tomllib
from dataclasses import dataclass, field
from pathlib import Path, PurePosixPath

from pydantic import BaseModel, ConfigDict, ValidationError

from checker.decide import FailLevel
from checker.yamlio import ConfigError

DEFAULT_PATHS = ("seeds",)
DEFAULT_INCLUDE = ("*.txt", "*.md")
DEFAULT_EXCLUDE = ("reports/", "README*", "docs/", ".*/", ".venv/", "venv/")
DEFAULT_REVIEWED = "reviewed.yaml"


class _Table(BaseModel):
    """The keys a configuration table may hold, as written in the file."""

    model_config = ConfigDict(extra="forbid", frozen=True, alias_generator=lambda name: name.replace("_", "-"))
    paths: list[str] = list(DEFAULT_PATHS)
    include: list[str] = list(DEFAULT_INCLUDE)
    exclude: list[str] = list(DEFAULT_EXCLUDE)
    rules: str | list[str] = []
    reviewed: str = DEFAULT_REVIEWED
    fail_level: FailLevel = "error"


@dataclass(frozen=True)
class Selection:
    """Which files of a walked folder are articles: included by a glob and excluded by none."""

    include: tuple[str, ...] = DEFAULT_INCLUDE
    exclude: tuple[str, ...] = DEFAULT_EXCLUDE

    def files(self, folder: Path) -> list[Path]:
        """The articles under `folder`, in sorted order; excluded folders are never entered."""
        found: list[Path] = []
        for root, dirs, names in os.walk(folder):
            here = Path(root)
            inside = PurePosixPath(here.relative_to(folder).as_posix())
            dirs[:] = sorted(d for d in dirs if not self._excluded(inside / d, folder=True))
            found.extend(here / n for n in names
                         if any((inside / n).match(g) for g in self.include)
                         and not self._excluded(inside / n, folder=False))
        return sorted(found)

    def _excluded(self, path: PurePosixPath, folder: bool) -> bool:
        for glob in self.exclude:
            if glob.endswith("/"):
                if folder and path.match(glob.rstrip("/")):
                    return True
            elif path.match(glob):
                return True
        return False


@dataclass(frozen=True)
class Config:
    """The settings in force: the file's (paths resolved against its folder), else the defaults."""

    source: Path | None = None
    paths: tuple[Path, ...] = tuple(Path(p) for p in DEFAULT_PATHS)
    selection: Selection = field(default_factory=Selection)
    rules: tuple[Path, ...] = ()  # newsroom folders over the shipped rules, in order
    reviewed: Path = Path(DEFAULT_REVIEWED)
    fail_level: FailLevel = "error"

    @property
    def table(self) -> str:
        """Where the settings were read: a file and its table, or the defaults."""
        if self.source is None:
            return "no claimcheck.toml or [tool.claimcheck] found: defaults"
        return f"{self.source}" + (" [tool.claimcheck]" if self.source.name == "pyproject.toml" else "")


def find_config(start: Path) -> Path | None:
    """The nearest claimcheck.toml, or pyproject.toml holding [tool.claimcheck], from `start` upwards."""
    for folder in (start, *start.parents):
        own = folder / "claimcheck.toml"
        if own.is_file():
            return own
        pyproject = folder / "pyproject.toml"
        if pyproject.is_file() and "claimcheck" in _read(pyproject).get("tool", {}):
            return pyproject
    return None


def load_config(start: Path) -> Config:
    """The configuration in force for a command run in the folder `start`; a bad file raises ConfigError."""
    path = find_config(start)
    if path is None:
        return Config()
    data = _read(path)
    table = data["tool"]["claimcheck"] if path.name == "pyproject.toml" else data
    where = "[tool.claimcheck]" if path.name == "pyproject.toml" else "top level"
    if not isinstance(table, dict):
        raise ConfigError(path, f"{where}: expected a table")
    try:
        settings = _Table.model_validate(table)
    except ValidationError as exc:
        err = exc.errors()[0]
        key = ".".join(str(p) for p in err["loc"])
        message = f"unknown key '{key}'" if err["type"] == "extra_forbidden" else f"{key}: {err['msg']}"
        section = "tool.claimcheck" if path.name == "pyproject.toml" else None
        raise ConfigError(path, f"{where}: {message}", _key_line(path, section, str(err["loc"][0]))) from None
    home = path.parent
    return Config(
        source=path,
        paths=tuple(_near(home, p, start) for p in settings.paths),
        selection=Selection(tuple(settings.include), tuple(settings.exclude)),
        rules=tuple(_near(home, p, start) for p in ([settings.rules] if isinstance(settings.rules, str)
                                                    else settings.rules)),
        reviewed=_near(home, settings.reviewed, start),
        fail_level=settings.fail_level,
    )


def _read(path: Path) -> dict:
    try:
        with path.open("rb") as f:
            return tomllib.load(f)
    except OSError as exc:
        raise ConfigError(path, f"cannot read: {exc.strerror or exc}") from None
    except tomllib.TOMLDecodeError as exc:
        raise ConfigError(path, f"invalid TOML: {exc}") from None


def _key_line(path: Path, section: str | None, key: str) -> int | None:
    """The 1-based line where `key` is set in the table `section` (None: the top level), so an
    error points at it; tomllib gives no positions. None when it is set another way (inline table)."""
    current: str | None = None
    for number, line in enumerate(path.read_text(encoding="utf-8").splitlines(), 1):
        header = re.match(r"\s*\[([^\[\]]+)\]\s*(#.*)?$", line)
        if header:
            current = "".join(header.group(1).split())
        elif current == section and re.match(rf"\s*(?:{re.escape(key)}|\"{re.escape(key)}\"|'{re.escape(key)}')\s*=", line):
            return number
    return None


def _near(home: Path, written: str, start: Path) -> Path:
    """A path written in the file, read from its folder, shown relative to `start` when inside it."""
    path = home / written
    try:
        return path.relative_to(start)
    except ValueError:
        return path
