"""docs/rules.md is generated from the rule files; this test fails when it is stale."""

from __future__ import annotations

from ci_support import RULES, ROOT, cli

from checker.docs import render_rules_doc
from checker.engine.loader import load_rules

DOC = ROOT / "docs" / "rules.md"


def test_rules_doc_is_up_to_date():
    rules, errors = load_rules(RULES)
    assert not errors
    expected = render_rules_doc(rules)
    current = DOC.read_text(encoding="utf-8") if DOC.is_file() else ""
    assert current == expected, "docs/rules.md is stale: regenerate it with `claimcheck docs` and commit it"


def test_doc_covers_every_rule_and_example():
    rules, _ = load_rules(RULES)
    doc = render_rules_doc(rules)
    for rule in rules:
        assert f"## {rule.id}\n" in doc
        assert rule.title in doc
        for ex in [*rule.examples.fire, *rule.examples.silent]:
            assert " ".join(ex.name.split()) in doc


def test_docs_command_writes_the_same_text(capsys, tmp_path):
    out = tmp_path / "rules.md"
    code, _, _ = cli(capsys, "docs", "--output", str(out))
    assert code == 0
    rules, _ = load_rules(RULES)
    assert out.read_text(encoding="utf-8") == render_rules_doc(rules)
