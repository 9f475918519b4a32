"""Every example of every rule file, run through the whole pipeline with only that rule.

A `fire` example must produce at least one conflict of its rule, a `silent` one none.
Test ids read `<rule id>/<fire|silent>/<example name>`.

To test your own rules the same way, over the shipped rules and tables as they run, in a
test module of your project:

    from checker.lexicon import default_rules_dir
    from checker.ruleset import RuleSet
    from tests.test_rule_examples import rule_example_cases, test_rule_example as check_example

    @pytest.mark.parametrize("case", rule_example_cases(RuleSet.layered(default_rules_dir(), [Path("my_rules")])))
    def test_my_rules(case):
        check_example(case)
"""

from __future__ import annotations

from dataclasses import dataclass, replace
from pathlib import Path

import pytest

from checker.documents import parse_document
from checker.engine.loader import Example, Rule, load_rules, rule_id_for
from checker.models import Conflict
from checker.pipeline import Toolkit
from checker.ruleset import RuleSet

RULES_DIR = Path(__file__).resolve().parent.parent / "rules"


@dataclass(frozen=True)
class ExampleCase:
    toolkit: Toolkit
    rule: Rule
    verdict: str  # "fire" or "silent"
    example: Example


def rule_example_cases(rules_dir: RuleSet | Path) -> list:
    """One `pytest.param` per example of every rule of `rules_dir` (a folder, or the shipped rules
    with newsroom folders over them), id `<rule>/<verdict>/<name>`.

    Each case carries a Toolkit holding only its rule, so other rules cannot make a
    silent example fire or a fire example pass by accident. A rule directory that does
    not load raises, naming the broken files.
    """
    toolkit = Toolkit.load(rules_dir)
    if toolkit.errors:
        raise ValueError("rules do not load: " + "; ".join(e.render() for e in toolkit.errors))
    cases = []
    for rule in toolkit.rules:
        alone = replace(toolkit, rules=[rule])
        for verdict in ("fire", "silent"):
            for example in getattr(rule.examples, verdict):
                cases.append(pytest.param(ExampleCase(alone, rule, verdict, example),
                                          id=f"{rule.id}/{verdict}/{example.name}"))
    return cases


def run_example(case: ExampleCase) -> list[Conflict]:
    """The conflicts the pipeline reports on an example's documents."""
    docs = []
    for d in case.example.documents:
        text = f"---\npublished: {d.published}\n---\n{d.text}" if d.published else d.text
        docs.append(parse_document(d.id, f"{d.id}.txt", text))
    _, _, conflicts, errors = case.toolkit.check(docs)
    assert not errors, [e.render() for e in errors]
    return conflicts


CASES = rule_example_cases(RULES_DIR)


@pytest.mark.parametrize("case", CASES)
def test_rule_example(case: ExampleCase) -> None:
    found = [c for c in run_example(case) if c.rule == case.rule.id]
    if case.verdict == "fire":
        assert found, f"{case.example.why}: expected a {case.rule.id} conflict, got none"
    else:
        assert not found, f"{case.example.why}: expected silence, got {[c.message for c in found]}"


def test_every_rule_has_fire_and_silent_examples() -> None:
    rules, errors = load_rules(RULES_DIR)
    assert not errors
    assert len(rules) >= 9
    for rule in rules:
        assert rule.examples.fire and rule.examples.silent, rule.id
    ids = {c.id.split("/")[0] for c in CASES}
    assert ids == {r.id for r in rules}


def test_rule_ids_match_their_paths() -> None:
    rules, _ = load_rules(RULES_DIR)
    for rule in rules:
        assert rule.id == rule_id_for(Path(rule.path), RULES_DIR)
        assert Path(rule.path).relative_to(RULES_DIR).with_suffix("").as_posix() == rule.id.replace(".", "/")


def test_example_names_are_unique_per_rule() -> None:
    ids = [c.id for c in CASES]
    assert len(ids) == len(set(ids))
