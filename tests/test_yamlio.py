"""The rules and data tables read with libyaml's parser give what the pure-Python parser gives:
the same data, and every node at the same line (the lines errors name)."""

from __future__ import annotations

from pathlib import Path

import pytest
import yaml

from checker.yamlio import ConfigError, Loader, _FastLoader, read_yaml

from conftest import REPO, RULES_DIR


def _lines(node: yaml.Node | None) -> list:
    if node is None:
        return []
    out = [(type(node).__name__, node.tag, node.start_mark.line, node.start_mark.column)]
    if isinstance(node, yaml.MappingNode):
        for key, value in node.value:
            out += _lines(key) + _lines(value)
    elif isinstance(node, yaml.SequenceNode):
        for item in node.value:
            out += _lines(item)
    return out


@pytest.mark.parametrize("path", sorted(RULES_DIR.rglob("*.yaml")) + sorted((REPO / "tests" / "corpus").glob("*.yaml")),
                         ids=lambda p: p.name)
def test_a_file_reads_the_same_with_either_parser(path: Path) -> None:
    text = path.read_text(encoding="utf-8")
    data, node = read_yaml(path)
    assert data == yaml.load(text, Loader=Loader)  # noqa: S506 - a SafeLoader
    assert _lines(node) == _lines(yaml.compose(text, Loader=Loader))


def test_a_syntax_error_names_the_line_the_pure_python_parser_names(tmp_path: Path) -> None:
    bad = tmp_path / "bad.yaml"
    bad.write_text("words:\n  - one\n  - [two\nthree: 3\n", encoding="utf-8")
    with pytest.raises(ConfigError) as caught:
        read_yaml(bad)
    with pytest.raises(yaml.YAMLError) as pure:
        yaml.load(bad.read_text(encoding="utf-8"), Loader=Loader)  # noqa: S506 - a SafeLoader
    assert caught.value.line == pure.value.problem_mark.line + 1
    assert str(pure.value.problem) in caught.value.message
    assert _FastLoader is not Loader


def test_merge_keys_still_merge(tmp_path: Path) -> None:
    merged = tmp_path / "merged.yaml"
    merged.write_text("base: &b {x: 1}\nmore:\n  <<: *b\n  y: 2\n", encoding="utf-8")
    assert read_yaml(merged)[0] == {"base": {"x": 1}, "more": {"x": 1, "y": 2}}


def test_a_key_given_twice_names_both_lines(tmp_path: Path) -> None:
    # YAML keeps the second silently: a word table added under a name already taken would
    # replace the first table without a word
    bad = tmp_path / "dup.yaml"
    bad.write_text("growing_things:\n  gdp: economy\n  grdp: economy\n  gdp: gdp\nother: [a]\n", encoding="utf-8")
    with pytest.raises(ConfigError) as caught:
        read_yaml(bad)
    assert caught.value.render() == f"{bad}:4: duplicate key 'gdp' (first at line 2)"


def test_the_same_key_in_two_mappings_is_no_duplicate(tmp_path: Path) -> None:
    ok = tmp_path / "ok.yaml"
    ok.write_text("a:\n  word: 1\nb:\n  word: 2\n", encoding="utf-8")
    assert read_yaml(ok)[0] == {"a": {"word": 1}, "b": {"word": 2}}
