"""A newsroom's rules folder layered over the shipped rules: a new rule is added, a shipped id is
replaced, `disabled` removes one, a data file extends the shipped table; errors name the
newsroom's file and line; worker processes and the cache key see the same layers."""

from __future__ import annotations

import json
import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest
from test_rule_examples import ExampleCase, rule_example_cases, test_rule_example as check_example

from checker.cache import extraction_version
from checker.documents import parse_document
from checker.engine.loader import load_rules, load_ruleset
from checker.lexicon import Currencies, Entities, Lexicon, Offices
from checker.models import MoneyValue
from checker.pipeline import Toolkit
from checker.ruleset import RuleSet, load_layered, merge
from checker.yamlio import ConfigError

from conftest import REPO, RULES_DIR

# "taka" is not among the shipped currency words: a Bangladeshi newsroom adds it.
TAKA = "# taka, as Bangladeshi news writes it\nsuffix:\n  taka: BDT\n"

NEW_RULE = """\
id: local.bridge-costs
title: A bridge's cost stated differently
severity: warning
rationale: >
  Our desk reports the cost of each bridge it covers; two costs for one bridge that
  cannot meet are flagged for the editor.
extends: interval_overlap
select:
  kind: money
  attributes: [cost]
group_by: [subject, attribute, scope, currency]
compare: across
message: "{subject}: {attribute} given as {values}"
examples:
  fire:
    - name: one bridge, two costs in taka
      why: the Padma bridge was built once; 12 billion and 15 billion taka cannot both be its cost
      documents:
        - id: a
          published: "2024-03-01"
          text: "Padma bridge opens\\n\\nThe Padma bridge in Dhaka cost 12 billion taka to build, the operator said on Friday."
        - id: b
          published: "2024-03-05"
          text: "Padma bridge draws traffic\\n\\nThe Padma bridge in Dhaka cost 15 billion taka to build, the operator said."
  silent:
    - name: one bridge, one cost told twice
      why: 12 billion taka and 12,000 million taka are one figure
      documents:
        - id: a
          published: "2024-03-01"
          text: "Padma bridge opens\\n\\nThe Padma bridge in Dhaka cost 12 billion taka to build, the operator said on Friday."
        - id: b
          published: "2024-03-05"
          text: "Padma bridge draws traffic\\n\\nThe Padma bridge in Dhaka cost 12,000 million taka to build, the operator said."
"""

ARTICLES = {
    "a.md": "---\npublished: 2024-03-01\n---\nPadma bridge opens\n\n"
            "The Padma bridge in Dhaka cost 12 billion taka to build, the operator said on Friday.\n",
    "b.md": "---\npublished: 2024-03-05\n---\nPadma bridge draws traffic\n\n"
            "Traffic on the Padma bridge in Dhaka has grown since it opened. The bridge cost 15 billion taka "
            "to build, the operator said.\n",
}


def _write(path: Path, text: str) -> Path:
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(text, encoding="utf-8")
    return path


@pytest.fixture
def own(tmp_path: Path) -> Path:
    """A newsroom folder with one new rule and one data file extending a shipped table."""
    folder = tmp_path / "our-rules"
    _write(folder / "local" / "bridge-costs.yaml", NEW_RULE)
    _write(folder / "data" / "currencies.yaml", TAKA)
    return folder


def _ids(rules: RuleSet) -> list[str]:
    loaded, errors = load_ruleset(rules)
    assert not errors, [e.render() for e in errors]
    return [r.id for r in loaded]


def _shipped_ids() -> list[str]:
    return [r.id for r in load_rules(RULES_DIR)[0]]


def test_a_new_rule_runs_with_every_shipped_rule(own: Path) -> None:
    assert _ids(RuleSet.layered(RULES_DIR, [own])) == _shipped_ids() + ["local.bridge-costs"]


@pytest.mark.parametrize("verdict", ["fire", "silent"])
def test_the_new_rules_own_examples_hold_over_the_layered_tables(own: Path, verdict: str) -> None:
    cases = [p.values[0] for p in rule_example_cases(RuleSet.layered(RULES_DIR, [own]))]
    mine: list[ExampleCase] = [c for c in cases if c.rule.id == "local.bridge-costs" and c.verdict == verdict]
    assert len(mine) == 1
    check_example(mine[0])


def test_a_shipped_id_is_replaced_in_its_place(own: Path) -> None:
    shipped = RULES_DIR / "date" / "event-dates.yaml"
    text = shipped.read_text(encoding="utf-8").replace("severity: error", "severity: warning", 1)
    _write(own / "date" / "event-dates.yaml", text)
    rules = RuleSet.layered(RULES_DIR, [own])
    loaded, errors = load_ruleset(rules)
    assert not errors
    assert [r.id for r in loaded] == _shipped_ids() + ["local.bridge-costs"]  # same place, no duplicate
    rule = next(r for r in loaded if r.id == "date.event-dates")
    assert rule.severity == "warning" and rules.origin(rule.path) == str(own)


def test_disabled_rules_are_removed_and_an_unknown_id_is_named_on_its_line(own: Path) -> None:
    _write(own / "claimcheck-rules.yaml", "disabled:\n  - date.event-after-publication\n  - date.no-such-rule\n")
    loaded, errors = load_ruleset(RuleSet.layered(RULES_DIR, [own]))
    assert "date.event-after-publication" not in {r.id for r in loaded}
    assert "date.event-dates" in {r.id for r in loaded}
    assert [e.render() for e in errors] == [f"{own / 'claimcheck-rules.yaml'}:3: disabled: no rule 'date.no-such-rule'"]


def test_the_settings_file_is_not_a_rule_and_its_keys_are_checked(own: Path) -> None:
    _write(own / "claimcheck-rules.yaml", "# ours\ndisable: [date.event-dates]\n")
    _, errors = load_ruleset(RuleSet.layered(RULES_DIR, [own]))
    assert [e.render() for e in errors] == [f"{own / 'claimcheck-rules.yaml'}:2: unknown key 'disable'"]


def test_a_data_file_extending_a_word_list_changes_extraction(own: Path) -> None:
    doc = parse_document("a", "a.md", ARTICLES["a.md"])
    currencies = {v.value.currency for v in Toolkit.load(RULES_DIR).values(doc) if isinstance(v.value, MoneyValue)}
    layered = Toolkit.load(RuleSet.layered(RULES_DIR, [own]))
    assert not layered.errors
    money = [v.value for v in layered.values(doc) if isinstance(v.value, MoneyValue)]
    assert "BDT" not in currencies and [m.currency for m in money] == ["BDT"]
    assert layered.lexicon.currencies.suffix["kyat"] == "MMK"  # the shipped words stay


def test_lists_append_without_duplicates_maps_merge_and_replace_replaces() -> None:
    below = {"heads": ["bridge", "road"], "parts": ["span"]}
    assert merge(below, {"heads": ["road", "port"]}, Entities)["heads"] == ["bridge", "road", "port"]
    assert merge(below, {"heads": ["port"], "replace": ["heads"]}, Entities)["heads"] == ["port"]
    assert merge({"prefix": {"$": "USD", "Tk": "X"}}, {"prefix": {"Tk": "BDT"}}, Currencies)["prefix"] == \
        {"$": "USD", "Tk": "BDT"}
    # a table with fixed keys merges key by key; an entry of a free-key table is replaced whole
    offices = {"exclusive": {"same_body": [["a", "b"]], "across_bodies": []}, "titles": {"mayor": {"forms": ["x"]}}}
    merged = merge(offices, {"exclusive": {"same_body": [["c", "d"]]}, "titles": {"mayor": {"forms": ["y"]}}}, Offices)
    assert merged["exclusive"] == {"same_body": [["a", "b"], ["c", "d"]], "across_bodies": []}
    assert merged["titles"] == {"mayor": {"forms": ["y"]}}


def test_a_single_value_is_replaced_and_the_shipped_file_is_read_alone_without_layers(tmp_path: Path) -> None:
    shipped = RULES_DIR / "data" / "currencies.yaml"
    over = _write(tmp_path / "currencies.yaml", "conversion_tolerance: 0.1\n")
    assert load_layered(shipped, [over], Currencies).conversion_tolerance == 0.1
    assert load_layered(shipped, [], Currencies) == Lexicon(RULES_DIR / "data").currencies


@pytest.mark.parametrize("name, text, line, message", [
    ("data/currencies.yaml", "suffix:\n  taka: BDT\nsufix:\n  tk: BDT\n", 3, "unknown key 'sufix'"),
    ("data/currencies.yaml", "replace: [suffixes]\n", 1, "replace.0:"),
    ("data/hedges.yaml", "hedges:\n  give or take: {low: 0.9}\n", 2, "missing key 'hedges.give or take.high'"),
    ("data/place.yaml", "places: [Dhaka]\n", None, "not a data file claimcheck reads"),
    ("data/places.yaml", "places: [dhaka]\ncity_provinces:\n  dhaka: sylhet\n", 2, "'sylhet' is not in places"),
    ("data/events.yaml", "events:\n  energised:\n    passive: [connected to *]\n    active: []\n    nominal: []\n", 3,
     "a star must stand once, between words"),
])
def test_a_bad_newsroom_data_file_is_named_with_its_line(own: Path, name: str, text: str, line: int | None,
                                                          message: str) -> None:
    path = _write(own / name, text)
    toolkit = Toolkit.load(RuleSet.layered(RULES_DIR, [own]))
    assert [(e.path, e.line) for e in toolkit.errors] == [(str(path), line)]
    assert message in toolkit.errors[0].message


def test_a_bad_newsroom_rule_is_named_with_its_line_and_the_others_load(own: Path) -> None:
    path = own / "local" / "bridge-costs.yaml"
    path.write_text(NEW_RULE.replace("severity: warning\n", "severity: warning\nlevl: 1\n"), encoding="utf-8")
    loaded, errors = load_ruleset(RuleSet.layered(RULES_DIR, [own]))
    assert [e.render() for e in errors] == [f"{path}:4: unknown key 'levl'"]
    assert [r.id for r in loaded] == _shipped_ids()


def test_a_missing_newsroom_folder_is_an_error(tmp_path: Path) -> None:
    _, errors = load_ruleset(RuleSet.layered(RULES_DIR, [tmp_path / "nosuch"]))
    assert [e.render() for e in errors] == [f"{tmp_path / 'nosuch'}: rules directory not found"]


def test_naming_the_shipped_folder_adds_no_layer() -> None:
    assert RuleSet.layered(RULES_DIR, [RULES_DIR]) == RuleSet(RULES_DIR)


def test_the_cache_key_follows_the_newsroom_data_not_its_rules(own: Path, tmp_path: Path) -> None:
    shipped = extraction_version(RULES_DIR)
    rules_only = tmp_path / "rules-only"
    shutil.copytree(own / "local", rules_only / "local")
    assert extraction_version(RuleSet.layered(RULES_DIR, [rules_only])) == shipped
    assert extraction_version(RuleSet.layered(RULES_DIR, [own])) != shipped


def _cli(cwd: Path, *args: str) -> subprocess.CompletedProcess:
    return subprocess.run([sys.executable, "-m", "checker", *args], cwd=cwd, capture_output=True, text=True,
                          timeout=300, env={**os.environ, "PYTHONPATH": str(REPO)})


def test_jobs_2_gives_the_report_of_jobs_1_with_layered_rules(own: Path, tmp_path: Path) -> None:
    for name, text in ARTICLES.items():
        _write(tmp_path / "articles" / name, text)
    reports = {}
    for jobs in ("1", "2"):
        result = _cli(tmp_path, "--rules", str(own), "check", "articles", "--jobs", jobs, "--no-cache",
                      "--reports-dir", f"out{jobs}")
        assert result.returncode == 1, result.stderr
        reports[jobs] = (tmp_path / f"out{jobs}" / "report.json").read_bytes()
    assert reports["1"] == reports["2"]
    rules = {c["rule"] for c in json.loads(reports["2"])["conflicts"]}
    assert rules == {"money.fixed-amounts", "local.bridge-costs"}  # taka read by the workers too


def test_rules_lists_where_each_rule_comes_from_and_docs_stays_shipped(own: Path, tmp_path: Path) -> None:
    _write(own / "claimcheck-rules.yaml", "disabled: [date.event-after-publication]\n")
    listed = _cli(tmp_path, "--rules", str(own), "rules")
    assert listed.returncode == 0, listed.stderr
    heads = [line.split("\t") for line in listed.stdout.splitlines() if line and not line.startswith(" ")]
    origins = {h[0]: h[2] for h in heads}
    assert origins["local.bridge-costs"] == str(own) and origins["date.event-dates"] == "shipped"
    assert ["date.event-after-publication", "disabled", str(own)] in heads
    docs = _cli(tmp_path, "--rules", str(own), "docs", "--output", "-")
    assert docs.returncode == 0, docs.stderr
    assert "local.bridge-costs" not in docs.stdout and "date.event-after-publication" in docs.stdout


def test_the_configuration_layers_a_list_of_folders_in_order(own: Path, tmp_path: Path) -> None:
    second = tmp_path / "desk-rules"
    _write(second / "claimcheck-rules.yaml", "disabled: [local.bridge-costs]\n")
    _write(tmp_path / "claimcheck.toml", f'rules = ["{own.name}", "{second.name}"]\n')
    config = _cli(tmp_path, "config")
    assert f'rules = ["{own.name}", "{second.name}"]' in config.stdout, config.stdout
    listed = _cli(tmp_path, "rules")
    assert "local.bridge-costs\tdisabled\tdesk-rules" in listed.stdout, listed.stderr


def test_a_broken_newsroom_data_file_stops_the_check_naming_it(own: Path, tmp_path: Path) -> None:
    _write(own / "data" / "currencies.yaml", "suffix:\n  taka: [BDT\n")
    _write(tmp_path / "articles" / "a.md", ARTICLES["a.md"])
    result = _cli(tmp_path, "--rules", str(own), "check", "articles", "--no-cache", "--reports-dir", "out")
    assert result.returncode == 2
    assert f"{own / 'data' / 'currencies.yaml'}:" in result.stderr and "invalid YAML" in result.stderr


def test_a_layered_error_is_a_config_error_not_a_crash(tmp_path: Path) -> None:
    over = _write(tmp_path / "names.yaml", "# ours\nspelling_variants:\n  - ['(unclosed', 'x']\n")
    from checker.lexicon import Names
    with pytest.raises(ConfigError) as caught:
        load_layered(RULES_DIR / "data" / "names.yaml", [over], Names)
    assert caught.value.path == str(over) and caught.value.line == 2 and "bad pattern" in caught.value.message


def test_a_spawned_worker_loads_the_layered_tables(own: Path, monkeypatch) -> None:
    from checker import pipeline
    monkeypatch.setattr(pipeline, "_WORKER", None)  # as in a process started without fork
    pipeline._start_worker(RuleSet.layered(RULES_DIR, [own]))
    assert pipeline._WORKER[1].lexicon.currencies.suffix["taka"] == "BDT"
