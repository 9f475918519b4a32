"""SARIF output validates against the official 2.1.0 schema and points at the quoted words."""

from __future__ import annotations

import json
from pathlib import Path

import jsonschema
import pytest
from ci_support import CONFLICTING, SEEDS, cli, copy_seeds, seed_conflict_id

from checker.report.sarif import rule_name

SCHEMA = json.loads((Path(__file__).parent / "schemas" / "sarif-schema-2.1.0.json").read_text(encoding="utf-8"))


def sarif_of(capsys, tmp_path: Path, *paths: Path) -> dict:
    out = tmp_path / "claimcheck.sarif"
    code, _, _ = cli(capsys, "check", *map(str, paths), "--format", "sarif", "--output", str(out))
    assert code == 1
    return json.loads(out.read_text(encoding="utf-8"))


def test_seeds_validate_against_schema(capsys, tmp_path, monkeypatch):
    monkeypatch.chdir(SEEDS.parent)
    sarif = sarif_of(capsys, tmp_path, Path("seeds"))
    jsonschema.validate(sarif, SCHEMA)
    run = sarif["runs"][0]
    assert run["columnKind"] == "unicodeCodePoints"
    assert len(run["results"]) == 2


def test_locations_quote_the_claim(capsys, tmp_path, monkeypatch):
    monkeypatch.chdir(SEEDS.parent)
    sarif = sarif_of(capsys, tmp_path, Path("seeds"))
    result = next(r for r in sarif["runs"][0]["results"] if r["ruleId"] == "date.event-dates")
    assert result["level"] == "error"
    every = result["locations"] + result["relatedLocations"]
    uris = sorted(loc["physicalLocation"]["artifactLocation"]["uri"] for loc in every)
    assert uris == ["seeds/001_d80f09471b6c6da1.txt", "seeds/002_7da5c40dab457da2.txt"]
    for loc in every:
        uri, region = loc["physicalLocation"]["artifactLocation"]["uri"], loc["physicalLocation"]["region"]
        text = (SEEDS.parent / uri).read_text(encoding="utf-8")
        quoted = text[region["charOffset"]:region["charOffset"] + region["charLength"]]
        assert quoted == region["snippet"]["text"]
        line = text.splitlines()[region["startLine"] - 1]
        assert line[region["startColumn"] - 1:region["endColumn"] - 1] == quoted
    assert result["partialFingerprints"]["claimcheck/v1"]


def test_rules_carry_metadata_from_rule_files(capsys, tmp_path, monkeypatch):
    monkeypatch.chdir(SEEDS.parent)
    rules = sarif_of(capsys, tmp_path, Path("seeds"))["runs"][0]["tool"]["driver"]["rules"]
    by_id = {r["id"]: r for r in rules}
    rule = by_id["date.event-dates"]
    assert rule["name"] == "DateEventDates"
    assert rule["shortDescription"]["text"] == "One-off event dated differently"
    assert rule["fullDescription"]["text"].startswith("A building is completed once")
    assert rule["defaultConfiguration"]["level"] == "error"
    assert by_id["count.counts"]["defaultConfiguration"]["level"] == "warning"
    results = sarif_of(capsys, tmp_path, Path("seeds"))["runs"][0]["results"]
    assert all(rules[r["ruleIndex"]]["id"] == r["ruleId"] for r in results)


def test_synthetic_corpus_validates_and_is_deterministic(capsys, tmp_path, monkeypatch):
    corpus = tmp_path / "corpus"
    corpus.mkdir()
    (corpus / "a.txt").write_text(CONFLICTING, encoding="utf-8")
    (corpus / "b.md").write_text((SEEDS / "002_7da5c40dab457da2.txt").read_text(encoding="utf-8"), encoding="utf-8")
    monkeypatch.chdir(tmp_path)
    first = sarif_of(capsys, tmp_path, Path("corpus"))
    jsonschema.validate(first, SCHEMA)
    assert {r["ruleId"] for r in first["runs"][0]["results"]} == {"date.event-dates"}
    assert sarif_of(capsys, tmp_path, Path("corpus")) == first


def test_input_errors_become_notifications(capsys, tmp_path, monkeypatch):
    corpus = copy_seeds(tmp_path)
    (corpus / "broken.txt").write_bytes(b"\xff\xfe not utf-8")
    monkeypatch.chdir(tmp_path)
    out = tmp_path / "x.sarif"
    code, _, _ = cli(capsys, "check", "seeds", "--format", "sarif", "--output", str(out))
    assert code == 2
    sarif = json.loads(out.read_text(encoding="utf-8"))
    jsonschema.validate(sarif, SCHEMA)
    invocation = sarif["runs"][0]["invocations"][0]
    assert invocation["executionSuccessful"] is False
    assert "not valid UTF-8" in invocation["toolExecutionNotifications"][0]["message"]["text"]


@pytest.mark.parametrize(("rule_id", "name"), [("date.event-dates", "DateEventDates"), ("role.single-holder", "RoleSingleHolder")])
def test_rule_name(rule_id, name):
    assert rule_name(rule_id) == name


def test_known_conflicts_are_marked_not_dropped(capsys, tmp_path, monkeypatch):
    copy_seeds(tmp_path)
    monkeypatch.chdir(tmp_path)
    cli(capsys, "baseline", "seeds")
    cli(capsys, "accept", seed_conflict_id("role.exclusive-offices"), "seeds", "--reason", "caption error, reported", "--by", "Tester")
    out = tmp_path / "x.sarif"
    code, _, _ = cli(capsys, "check", "seeds", "--baseline", "reports/baseline.json", "--format", "sarif", "--output", str(out))
    assert code == 0
    sarif = json.loads(out.read_text(encoding="utf-8"))
    jsonschema.validate(sarif, SCHEMA)
    by_rule = {r["ruleId"]: r for r in sarif["runs"][0]["results"]}
    assert by_rule["date.event-dates"]["baselineState"] == "unchanged"
    accepted = by_rule["role.exclusive-offices"]
    assert accepted["properties"]["status"] == "accepted"
    assert accepted["suppressions"][0]["kind"] == "external"
    assert "caption error, reported" in accepted["suppressions"][0]["justification"]


def _uri(location: dict) -> str:
    return location["physicalLocation"]["artifactLocation"]["uri"]


def test_first_location_is_the_changed_file_even_when_it_sorts_last(capsys, tmp_path, monkeypatch):
    """GitHub code scanning shows a result only at its first location: it must be the changed file."""
    from test_changed_since import git
    copy_seeds(tmp_path)
    git(tmp_path, "init", "-q")
    git(tmp_path, "add", "seeds")
    git(tmp_path, "commit", "-qm", "seeds")
    (tmp_path / "seeds" / "zz_new.txt").write_text(CONFLICTING, encoding="utf-8")  # older date, sorts last
    monkeypatch.chdir(tmp_path)
    out = tmp_path / "c.sarif"
    code, _, _ = cli(capsys, "check", "seeds", "--changed-since", "HEAD", "--format", "sarif", "--output", str(out))
    assert code == 1
    sarif = json.loads(out.read_text(encoding="utf-8"))
    jsonschema.validate(sarif, SCHEMA)
    results = sarif["runs"][0]["results"]
    assert results
    for result in results:
        assert [_uri(loc) for loc in result["locations"]] == ["seeds/zz_new.txt"]
        related = result["relatedLocations"]
        assert related and all(_uri(loc) != "seeds/zz_new.txt" for loc in related)
        assert [loc["id"] for loc in related] == list(range(1, len(related) + 1))
    texts = [loc["message"]["text"] for r in results for loc in r["relatedLocations"]]
    assert any(t.startswith("Other side: 002_7da5c40dab457da2, published 2025-12-03") for t in texts), texts


def test_without_changed_files_the_newest_article_comes_first(capsys, tmp_path, monkeypatch):
    monkeypatch.chdir(SEEDS.parent)
    sarif = sarif_of(capsys, tmp_path, Path("seeds"))
    result = next(r for r in sarif["runs"][0]["results"] if r["ruleId"] == "date.event-dates")
    assert [_uri(loc) for loc in result["locations"]] == ["seeds/002_7da5c40dab457da2.txt"]
    assert [_uri(loc) for loc in result["relatedLocations"]] == ["seeds/001_d80f09471b6c6da1.txt"]
    assert "published 2024-03-14" in result["relatedLocations"][0]["message"]["text"]
