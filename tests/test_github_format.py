"""GitHub workflow-command annotations: one parseable line per conflict side, escaped as documented."""

from __future__ import annotations

import re

from ci_support import SEEDS, cli, copy_seeds, seed_conflict_id

from checker.report.github import escape_data, escape_property

LINE = re.compile(r"^::(error|warning|notice) ((?:[A-Za-z]+=[^,:]*)(?:,[A-Za-z]+=[^,:]*)*)::(.*)$")


def parse(line: str) -> tuple[str, dict[str, str], str]:
    m = LINE.match(line)
    assert m, f"not a workflow command: {line!r}"
    props = dict(p.split("=", 1) for p in m.group(2).split(","))
    return m.group(1), props, m.group(3)


def test_one_line_per_side(capsys, monkeypatch):
    monkeypatch.chdir(SEEDS.parent)
    code, out, _ = cli(capsys, "check", "seeds", "--format", "github")
    assert code == 1
    lines = out.splitlines()
    assert len(lines) == 5  # the date conflict's two sides, the office conflict's three
    parsed = [parse(line) for line in lines]
    assert {p[0] for p in parsed} == {"error"}
    command, props, message = parsed[0]
    assert props["file"] == "seeds/001_d80f09471b6c6da1.txt"
    assert props["title"] == "date.event-dates"
    assert {"line", "col", "endLine", "endColumn"} <= set(props)
    text = (SEEDS / "001_d80f09471b6c6da1.txt").read_text(encoding="utf-8").splitlines()[int(props["line"]) - 1]
    assert text[int(props["col"]) - 1:int(props["endColumn"]) - 1] == "has been completed"
    assert "seeds/002_7da5c40dab457da2.txt:27:145" in message


def test_escaping():
    assert escape_data("50% done\r\nnext") == "50%25 done%0D%0Anext"
    assert escape_property("a:b,c%") == "a%3Ab%2Cc%25"


def test_accepted_conflicts_are_notices(capsys, tmp_path, monkeypatch):
    copy_seeds(tmp_path)
    monkeypatch.chdir(tmp_path)
    cli(capsys, "accept", seed_conflict_id("role.exclusive-offices"), "seeds", "--reason", "caption error", "--by", "Tester")
    code, out, _ = cli(capsys, "check", "seeds", "--format", "github")
    assert code == 1
    parsed = [parse(line) for line in out.splitlines()]
    notices = [p for p in parsed if p[0] == "notice"]
    assert len(notices) == 3 and all(p[1]["title"] == "role.exclusive-offices (accepted)" for p in notices)
