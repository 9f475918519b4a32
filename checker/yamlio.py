"""YAML reading that keeps line numbers, so a bad key is reported as `file:line: why`."""

from __future__ import annotations

import re
from pathlib import Path
from typing import Any, TypeVar

import yaml
from pydantic import BaseModel, ValidationError

M = TypeVar("M", bound=BaseModel)


class Loader(yaml.SafeLoader):
    """SafeLoader with YAML 1.2 booleans: word lists may hold "on", "no", "yes"."""


class _FastLoader(getattr(yaml, "CSafeLoader", yaml.SafeLoader)):  # type: ignore[misc]
    """Loader on libyaml's parser, where PyYAML was built with it: the rules and data tables
    are read on every run, and the pure-Python parser was most of a warm run's start."""


def _yaml12_booleans(loader: type) -> None:
    loader.yaml_implicit_resolvers = {
        first: [(tag, rx) for tag, rx in resolvers if tag != "tag:yaml.org,2002:bool"]
        for first, resolvers in yaml.SafeLoader.yaml_implicit_resolvers.items()
    }
    loader.add_implicit_resolver(
        "tag:yaml.org,2002:bool", re.compile(r"^(?:true|True|TRUE|false|False|FALSE)$"), list("tTfF"))


_yaml12_booleans(Loader)
_yaml12_booleans(_FastLoader)


class ConfigError(Exception):
    """A data, rule or gold file that cannot be used; names the file and line."""

    def __init__(self, path: Path | str, message: str, line: int | None = None) -> None:
        self.path = str(path)
        self.line = line
        self.message = message
        super().__init__(self.render())

    def render(self) -> str:
        where = f"{self.path}:{self.line}" if self.line else self.path
        return f"{where}: {self.message}"


def _line_of(node: yaml.Node | None, loc: tuple[Any, ...]) -> int | None:
    """Walk a composed YAML node along a pydantic error location; return a 1-based line."""
    line = node.start_mark.line + 1 if node is not None else None
    for part in loc:
        if isinstance(node, yaml.MappingNode):
            nxt = None
            for key, value in node.value:
                if key.value == part:
                    nxt = value
                    line = key.start_mark.line + 1
                    break
            node = nxt
        elif isinstance(node, yaml.SequenceNode) and isinstance(part, int) and part < len(node.value):
            node = node.value[part]
            line = node.start_mark.line + 1
        else:
            break
    return line


def read_yaml(path: Path) -> tuple[Any, yaml.Node | None]:
    """Parse a YAML file; syntax errors become ConfigError with the line."""
    try:
        text = path.read_text(encoding="utf-8")
    except (OSError, UnicodeDecodeError) as exc:
        raise ConfigError(path, f"cannot read: {exc}") from None
    try:
        parsed = _parsed(text, _FastLoader)
    except yaml.YAMLError:
        try:  # said as the pure-Python parser says it, with its line
            parsed = _parsed(text, Loader)
        except yaml.YAMLError as exc:
            mark = getattr(exc, "problem_mark", None)
            problem = getattr(exc, "problem", None) or str(exc)
            raise ConfigError(path, f"invalid YAML: {problem}", mark.line + 1 if mark else None) from None
    _unique_keys(path, parsed[1])
    return parsed


def _unique_keys(path: Path, root: yaml.Node | None) -> None:
    """A key given twice in one mapping is an error: YAML would keep the second silently, and
    a table added under a name already taken would replace the first."""
    stack = [root] if root is not None else []
    while stack:
        node = stack.pop()
        if isinstance(node, yaml.MappingNode):
            seen: dict[object, int] = {}
            for key, value in node.value:
                if isinstance(key, yaml.ScalarNode) and key.value != "<<":
                    if key.value in seen:
                        raise ConfigError(path, f"duplicate key '{key.value}' (first at line {seen[key.value]})",
                                          key.start_mark.line + 1)
                    seen[key.value] = key.start_mark.line + 1
                stack.append(value)
        elif isinstance(node, yaml.SequenceNode):
            stack.extend(node.value)


def _parsed(text: str, loader_class: type) -> tuple[Any, yaml.Node | None]:
    """The document and its node, parsed once: the data is built from the node, as `yaml.load`
    builds it, unless a merge key (`<<`) would rewrite the node that line numbers are read from."""
    node = yaml.compose(text, Loader=loader_class)
    if "<<" in text:
        return yaml.load(text, Loader=loader_class), node  # noqa: S506 - a SafeLoader
    loader = loader_class("")
    try:
        return (loader.construct_document(node) if node is not None else None), node
    finally:
        loader.dispose()


def validate(path: Path, data: Any, node: yaml.Node | None, model: type[M]) -> M:
    """Validate parsed YAML against a model; the first error names its key and line."""
    try:
        return model.model_validate(data)
    except ValidationError as exc:
        errors = exc.errors()
        # A misspelt key shows as both "unknown" and "missing": name the line of the unknown one.
        errors.sort(key=lambda e: e["type"] != "extra_forbidden")
        err = errors[0]
        loc = tuple(err["loc"])
        key = ".".join(str(p) for p in loc) or "(top level)"
        if err["type"] == "extra_forbidden":
            message = f"unknown key '{loc[-1]}'"
            missing = [".".join(str(p) for p in e["loc"]) for e in errors if e["type"] == "missing"]
            if missing:
                message += f" (missing: {', '.join(missing)})"
        elif err["type"] == "missing":
            message = f"missing key '{key}'"
        else:
            message = f"{key}: {err['msg']}"
        raise ConfigError(path, message, _line_of(node, loc)) from None


def load_model(path: Path, model: type[M]) -> M:
    data, node = read_yaml(path)
    return validate(path, data, node, model)
