"""Layered rules: the rules and data shipped with claimcheck, with a newsroom's own folders over them.

A newsroom folder is laid out like the shipped one, and holds only what it changes:

    our-rules/
      claimcheck-rules.yaml    optional: `disabled: [date.event-after-publication]`
      local/mayors.yaml        a rule with a new id (local.mayors) is added
      date/event-dates.yaml    a rule with a shipped id replaces the shipped rule
      data/places.yaml         a data file with a shipped name extends the shipped table

Folders apply in order over the shipped rules, each over the ones before it. A newsroom
data file holds any of its shipped file's keys, each merged into the table below it:

- a list is appended to, skipping items already there;
- a table with free keys (`months`, `titles`, `hedges`) gains the newsroom's entries, and
  an entry of a key already there is replaced whole by the newsroom's;
- a table with fixed keys (`nouns.count_verbs`, `offices.exclusive`) is merged key by key
  by these same rules;
- a single value (`currencies.conversion_tolerance`) is replaced.

A top-level `replace: [key, ...]` in a newsroom data file makes those keys replace the
table below them whole instead. Every file is checked on its own first, so an error names
the newsroom file and line (`our-rules/data/places.yaml:3: unknown key 'contries'`).
"""

from __future__ import annotations

from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path
from typing import Any, Literal, TypeVar

from pydantic import BaseModel, ConfigDict, ValidationError, create_model

from checker.yamlio import ConfigError, read_yaml, validate

M = TypeVar("M", bound=BaseModel)

SETTINGS = "claimcheck-rules.yaml"  # a newsroom folder's own settings, beside its rules
REPLACE = "replace"  # the key of a newsroom data file naming the keys it replaces whole


@dataclass(frozen=True)
class RuleSet:
    """Where the rules of a run come from: the shipped folder, then the newsroom folders over it.

    Frozen and made of paths, so worker processes receive it as it is and compare it."""

    shipped: Path
    newsroom: tuple[Path, ...] = ()

    @classmethod
    def of(cls, rules: "RuleSet | Path") -> "RuleSet":
        """A RuleSet as it is; a bare folder stands alone, as a complete set of rules and data."""
        return rules if isinstance(rules, RuleSet) else cls(rules)

    @classmethod
    def layered(cls, shipped: Path, folders: list[Path] | tuple[Path, ...]) -> "RuleSet":
        """The shipped rules with `folders` over them; naming the shipped folder itself adds nothing."""
        own = tuple(dict.fromkeys(f for f in folders if f.resolve() != shipped.resolve()))
        return cls(shipped, own)

    @property
    def data_layers(self) -> tuple[Path, ...]:
        """The newsroom folders' data folders, in the order they apply."""
        return tuple(f / "data" for f in self.newsroom if (f / "data").is_dir())

    def origin(self, path: Path | str) -> str:
        """Where a rule file comes from: `shipped`, or the newsroom folder that holds it."""
        for folder in reversed(self.newsroom):
            if Path(path).is_relative_to(folder):
                return str(folder)
        return "shipped"


class FolderSettings(BaseModel):
    """The schema of a newsroom folder's claimcheck-rules.yaml."""

    model_config = ConfigDict(extra="forbid", frozen=True)
    disabled: list[str] = []


def load_layered(shipped: Path, layers: list[Path], model: type[M]) -> M:
    """The table in `shipped` with each file of `layers` merged over it (see the module's doc)."""
    data, node = read_yaml(shipped)
    if not layers or not isinstance(data, dict):  # a shipped file that is no table names its own problem
        return validate(shipped, data, node, model)
    for layer in layers:
        data = merge(data, _read_layer(layer, model), model)
    try:
        return model.model_validate(data)
    except ValidationError as exc:  # a check across a whole key (a pattern that does not compile)
        err = exc.errors()[0]
        key = str(err["loc"][0]) if err["loc"] else ""
        blamed = next((p for p in reversed(layers) if key in _read_layer(p, model)), shipped)
        raise ConfigError(blamed, f"{key}: {err['msg']}", _key_line(blamed, key)) from None


def _key_line(path: Path, key: str) -> int | None:
    """The 1-based line where the top-level `key` of a YAML file is set."""
    _, node = read_yaml(path)
    return next((k.start_mark.line + 1 for k, _ in getattr(node, "value", []) if k.value == key), None)


def _read_layer(path: Path, model: type[BaseModel]) -> dict[str, Any]:
    """A newsroom data file checked against its table's keys; its `replace` list stays in it."""
    data, node = read_yaml(path)
    if data is None:
        return {}
    if not isinstance(data, dict):
        raise ConfigError(path, "a data file must be a mapping of keys", 1)
    validate(path, data, node, _partial(model))
    return data


def merge(below: dict[str, Any], over: dict[str, Any], model: type[BaseModel]) -> dict[str, Any]:
    """`over` merged into `below`, key by key, as `model` types them."""
    merged = dict(below)
    replaced = set(over.get(REPLACE) or ())
    for key, value in over.items():
        if key == REPLACE:
            continue
        old = merged.get(key)
        kind = model.model_fields[key].annotation
        if key in replaced or old is None:
            merged[key] = value
        elif isinstance(kind, type) and issubclass(kind, BaseModel) and isinstance(old, dict):
            merged[key] = merge(old, value, kind)
        elif isinstance(old, list) and isinstance(value, list):
            merged[key] = _appended(old, value)
        elif isinstance(old, dict) and isinstance(value, dict):
            merged[key] = {**old, **value}
        else:
            merged[key] = value
    return merged


def _appended(old: list, new: list) -> list:
    """`old` followed by the items of `new` it does not hold yet, in their order."""
    result, seen = list(old), {_frozen(item) for item in old}
    for item in new:
        if _frozen(item) not in seen:
            seen.add(_frozen(item))
            result.append(item)
    return result


def _frozen(item: Any) -> Any:
    """A list item as a set member (items may be pairs, lists of words or small tables)."""
    if isinstance(item, dict):
        return tuple(sorted((k, _frozen(v)) for k, v in item.items()))
    return tuple(_frozen(i) for i in item) if isinstance(item, list | tuple) else item


@lru_cache(maxsize=None)
def _partial(model: type[BaseModel], top: bool = True) -> type[BaseModel]:
    """`model` with every key optional, as a newsroom file may hold any of them; a table with
    fixed keys is partial too, an entry of a free-key table stays whole (it replaces one)."""
    fields: dict[str, Any] = {}
    for name, info in model.model_fields.items():
        kind = info.annotation
        if isinstance(kind, type) and issubclass(kind, BaseModel):
            kind = _partial(kind, top=False)
        fields[name] = (kind | None, None)
    if top:
        fields[REPLACE] = (list[Literal[tuple(model.model_fields)]] | None, None)
    return create_model(f"Partial{model.__name__}", __config__=ConfigDict(extra="forbid"), **fields)

