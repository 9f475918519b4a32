"""Rule files: one YAML file per rule under `rules/<theme>/<name>.yaml`, id `<theme>.<name>`.

A rule says which claims it selects, how it groups them, which check kind compares
them, how severe a hit is, and carries examples that must fire and must stay silent.
A broken file is reported as `rules/x.yaml:7: unknown key 'levl'`; other rules still load.
"""

from __future__ import annotations

from functools import lru_cache
from pathlib import Path
from typing import Literal

from pydantic import BaseModel, ConfigDict, Field, model_validator

from checker.engine.checks import CHECKS
from checker.models import Kind, Severity
from checker.ruleset import SETTINGS, FolderSettings, RuleSet
from checker.yamlio import ConfigError, read_yaml, validate

Strict = ConfigDict(extra="forbid", frozen=True)
GroupField = Literal["subject", "attribute", "scope", "time", "document", "sentence", "noun", "unit", "currency",
                     "person"]


class Select(BaseModel):
    model_config = Strict
    # One kind, or several for a check that compares claims of different kinds (a duration
    # against the dates of its span).
    kind: Kind | list[Kind]
    attributes: list[str] | None = None
    exclude_attributes: list[str] = Field(default_factory=list)
    tense: list[Literal["past", "present", "future"]] | None = None
    exclude_tense: list[Literal["past", "present", "future"]] = Field(default_factory=list)
    # Only claims whose subject was found this way (models.Claim.link): a meeting's date is
    # compared only when resolution linked it to its story's one meeting.
    link: list[Literal["story", "occasion", "recount"]] | None = None

    @property
    def kinds(self) -> frozenset[str]:
        return frozenset(self.kind) if isinstance(self.kind, list) else frozenset({self.kind})


class ExampleDoc(BaseModel):
    model_config = Strict
    id: str
    text: str
    published: str | None = None


class Example(BaseModel):
    model_config = Strict
    name: str
    why: str
    documents: list[ExampleDoc]


class Examples(BaseModel):
    model_config = Strict
    fire: list[Example] = Field(min_length=1)
    silent: list[Example] = Field(min_length=1)


class Rule(BaseModel):
    """The schema of a rule file."""

    model_config = Strict
    id: str
    title: str
    rationale: str
    severity: Severity
    extends: str
    select: Select
    group_by: list[GroupField] = Field(default_factory=lambda: ["subject", "attribute", "scope"])
    compare: Literal["across", "within", "both"] = "both"
    same_time: bool = False
    # With same_time: facts told on days at most this far apart are of one time (an office
    # named at one event in articles published a day or two apart).
    same_time_within_days: int = Field(default=0, ge=0, le=31)
    # Facts whose time is their article's (a plan as it stands: "is scheduled to open in June
    # 2027") are compared only between articles published at most this many days apart; a
    # plan told months later may have slipped.
    published_within_days: int | None = Field(default=None, ge=0, le=31)
    # Two figures of one sentence are items of one list ("the 82 MW Nam Sane 2 and 45 MW Nam
    # Phao 1 plants", "cashew exports rose 31%, while rubber exports rose 13%"), not two
    # accounts of one fact, unless the rule says a sentence can contradict itself.
    same_sentence: bool = False
    # Scope keys that part two claims only when both state them and differ: allocations for two
    # works ("to upgrade dykes", "for new canals") are two, while one that names no purpose may
    # be either and is compared with both.
    veto_scopes: list[str] = Field(default_factory=list)
    tolerance: float = Field(default=0.0, ge=0.0, le=1.0)
    # Of two figures written to different decimals, the coarser may be the finer rounded ("up
    # 18 percent" for "up 18.4 per cent"): they agree when the finer rounds into the coarser.
    # Figures written alike are compared as written (18 and 19 percent, 12.4 and 12.5).
    rounding: bool = False
    # Two figures one of which is more than this many times the other are of two things (a
    # part and its whole, one farm and the province's crop), not two accounts of one, unless
    # they share their digits (a slip of the keyboard or the decimal point: 320 and 3,200 ha).
    scale_gap: float | None = Field(default=None, gt=1.0)
    # done_then_pending: work done this many days or fewer before a later article is the work that
    # article still plans; one done years before is an older thing (the old dam against its
    # expansion, a road against its upgrade).
    recent_within_days: int = Field(default=366, ge=1, le=3660)
    # Attributes whose successive editions meet at a year (one_span): a 2019-2024 agreement and
    # the 2024-2029 one signed to follow it share only that year and are two editions, while one
    # election's term told as 2021-2026 and as 2026-2031 is one term told twice.
    editions: list[str] = Field(default_factory=list)
    # Attributes that name one figure, grouped as one: a project's total cost is its total
    # investment ("a total investment of VND 4,750 billion", "will cost VND 5.2 trillion").
    indicators: list[list[str]] = Field(default_factory=list)
    message: str
    examples: Examples
    path: str = ""

    @model_validator(mode="after")
    def _known_check(self) -> "Rule":
        if self.extends not in CHECKS:
            raise ValueError(f"unknown check kind '{self.extends}' (known: {', '.join(sorted(CHECKS))})")
        seen = [a for names in self.indicators for a in names]
        if len(seen) != len(set(seen)):
            raise ValueError("an attribute is in two indicators")
        return self

    @property
    def indicator_of(self) -> dict[str, str]:
        """attribute -> the first attribute of its indicator, the name it is grouped by."""
        return _indicator_map(tuple(tuple(names) for names in self.indicators))


@lru_cache(maxsize=64)
def _indicator_map(indicators: tuple[tuple[str, ...], ...]) -> dict[str, str]:
    return {a: names[0] for names in indicators for a in names}


def rule_id_for(path: Path, root: Path) -> str:
    rel = path.relative_to(root).with_suffix("")
    return ".".join(rel.parts)


def rule_files(root: Path) -> list[Path]:
    """Every rule file under root, sorted; `data/` holds tables and claimcheck-rules.yaml settings, not rules."""
    return sorted(p for p in root.rglob("*.yaml")
                  if "data" not in p.relative_to(root).parts[:1] and p.relative_to(root) != Path(SETTINGS))


def load_rules(root: Path) -> tuple[list[Rule], list[ConfigError]]:
    """The rules of one complete folder, standing alone."""
    return load_ruleset(RuleSet(root))


def load_ruleset(rules: RuleSet) -> tuple[list[Rule], list[ConfigError]]:
    """The shipped rules with each newsroom folder over them: a rule of a new id is added after
    the shipped ones, a rule of a shipped id takes its place, and an id in the folder's
    `disabled` list is removed. A broken file is an error; the other rules still load."""
    by_id: dict[str, Rule] = {}
    errors: list[ConfigError] = []
    for root in (rules.shipped, *rules.newsroom):
        if not root.is_dir():
            errors.append(ConfigError(root, "rules directory not found"))
            continue
        for path in rule_files(root):
            try:
                rule = load_rule(path, root)
            except ConfigError as exc:
                errors.append(exc)
                by_id.pop(rule_id_for(path, root), None)  # a broken override leaves no stale rule behind
            else:
                by_id[rule.id] = rule
        errors.extend(_disable(root, by_id) if root != rules.shipped else [])
    if not by_id and not errors:
        errors.append(ConfigError(rules.shipped, "no rule files found"))
    return list(by_id.values()), errors


def folder_settings(root: Path) -> tuple[FolderSettings, dict[str, int]]:
    """A newsroom folder's claimcheck-rules.yaml (defaults when it has none), and the line of
    each disabled id, so an error can point at it."""
    path = root / SETTINGS
    if not path.is_file():
        return FolderSettings(), {}
    data, node = read_yaml(path)
    settings = validate(path, data or {}, node, FolderSettings)
    lines: dict[str, int] = {}
    for key, value in getattr(node, "value", []):
        if key.value == "disabled":
            lines = {item.value: item.start_mark.line + 1 for item in getattr(value, "value", [])}
    return settings, lines


def _disable(root: Path, by_id: dict[str, Rule]) -> list[ConfigError]:
    """Remove the rules a newsroom folder disables; an id that names no rule is an error (a typo)."""
    try:
        settings, lines = folder_settings(root)
    except ConfigError as exc:
        return [exc]
    errors = []
    for rule_id in settings.disabled:
        if by_id.pop(rule_id, None) is None:
            errors.append(ConfigError(root / SETTINGS, f"disabled: no rule '{rule_id}'", lines.get(rule_id)))
    return errors


def load_rule(path: Path, root: Path) -> Rule:
    data, node = read_yaml(path)
    if not isinstance(data, dict):
        raise ConfigError(path, "a rule file must be a mapping of keys", 1)
    rule = validate(path, data, node, Rule)
    expected = rule_id_for(path, root)
    if rule.id != expected:
        line = next((k.start_mark.line + 1 for k, _ in node.value if k.value == "id"), None)
        raise ConfigError(path, f"id '{rule.id}' does not match its path (expected '{expected}')", line)
    return rule.model_copy(update={"path": str(path)})
