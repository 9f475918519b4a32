"""Every report format shows hostile article text and file names as text: no HTML tag,
event attribute or javascript: link reaches a page, no Markdown link is made, and no
control character (the start of an ANSI escape) reaches a terminal or a CI log."""

from __future__ import annotations

import json
import re
from pathlib import Path

import pytest

from checker.models import Report
from checker.pipeline import run_check
from checker.report import REPORTERS

from conftest import RULES_DIR

NAME_A = "<img src=x onerror=alert(1)>.txt"
NAME_B = "b [evil](javascript:alert(4)) `x`.txt"
ARTICLE_A = ("---\ntitle: <script>alert('t')</script>\npublished: 2024-03-14\n---\n"
             "<b onmouseover=alert(1)>Bridge</b> news\n\n"
             "The Hieu Giang bridge has been completed <img src=x onerror=alert(2)> [click](javascript:alert(3)) "
             "\x1b[31m\x1b]0;pwned\x07 in Dong Ha.\n")
ARTICLE_B = ("---\npublished: 2024-06-01\n---\nBridge\n\n"
             "The Hieu Giang bridge was completed in April 2024 <script>alert(5)</script> \x1b[2J | *x* in Dong Ha.\n")
BROKEN = "---\ntitle: [<script>alert(6)</script>\n---\nNothing here.\n"


@pytest.fixture(scope="module")
def hostile(tmp_path_factory) -> Report:
    folder = tmp_path_factory.mktemp("hostile")
    (folder / NAME_A).write_text(ARTICLE_A, encoding="utf-8")
    (folder / NAME_B).write_text(ARTICLE_B, encoding="utf-8")
    (folder / "c\x1b[31m<i>.txt").write_text(BROKEN, encoding="utf-8")  # a warning naming a hostile file
    (folder / "d<u>.txt").write_text("---\npublished: 2024-13-45 <script>\n---\nx\n", encoding="utf-8")  # an error
    report = run_check([folder], RULES_DIR)
    assert len(report.conflicts) == 1 and report.errors and report.warnings  # every part is exercised
    return report


@pytest.mark.parametrize("fmt", sorted(REPORTERS))
def test_no_control_characters_in_any_format(hostile: Report, fmt: str) -> None:
    out = REPORTERS[fmt](hostile)
    if fmt == "html":  # a page shows them as nothing; they cannot reach a terminal
        return
    assert not re.search(r"[\x00-\x08\x0b-\x1f\x7f-\x9f]", out), fmt


def test_html_keeps_every_tag_as_text(hostile: Report) -> None:
    out = REPORTERS["html"](hostile)
    for raw in ("<img src=x", "<script>alert", "<b onmouseover", "<i>", "<u>", 'href="javascript', "href='javascript"):
        assert raw not in out, raw
    assert "&lt;img src=x onerror=alert(2)&gt;" in out  # shown, escaped


def test_markdown_renders_no_html_and_no_link(hostile: Report) -> None:
    out = REPORTERS["markdown"](hostile)
    assert not re.search(r"<(?:img|script|b|i|u)\b", out)
    assert not re.search(r"(?<!\\)\]\((?:javascript:|x\))", out)  # no [text](url) link can form
    assert "\\[click\\]\\(javascript:alert\\(3\\)\\)" in out
    assert "&lt;img src=x onerror=alert\\(1\\)&gt;" in out  # the file name too
    assert "\\`x\\`" in out  # a backtick cannot open a code span
    rows = [line for line in out.splitlines() if line.startswith("| ")]
    assert all(len(re.findall(r"(?<!\\)\|", row)) in (4, 5) for row in rows)  # a | in text cannot add a column


@pytest.mark.parametrize("fmt", ["json", "sarif"])
def test_json_formats_carry_the_text_as_data(hostile: Report, fmt: str) -> None:
    data = json.loads(REPORTERS[fmt](hostile))
    found = json.dumps(data, ensure_ascii=False)
    assert "<img src=x onerror=alert(1)>" in found  # the file name, as a string value
    if fmt == "json":
        assert "<img src=x onerror=alert(2)>" in found  # the sentence, exactly
    else:  # plain-text messages, brackets escaped so no embedded link forms (SARIF 3.11.6)
        texts = [r["message"]["text"] for r in data["runs"][0]["results"]]
        texts += [loc["message"]["text"] for r in data["runs"][0]["results"] for loc in r["locations"]]
        assert any("b \\[evil\\](javascript:alert(4))" in t for t in texts)
        assert not any(re.search(r"(?<!\\)\[[^\]]*(?<!\\)\]\(", t) for t in texts)
        assert all("markdown" not in r["message"] for r in data["runs"][0]["results"])


def test_github_annotations_cannot_start_a_command(hostile: Report) -> None:
    out = REPORTERS["github"](hostile)
    assert all(line.startswith(("::error ", "::warning ", "::notice ")) for line in out.splitlines())


def test_terminal_text_has_no_escape(hostile: Report) -> None:
    out = REPORTERS["text"](hostile)
    assert "\x1b" not in out and "\x07" not in out
    assert "[31m" in out  # the rest of the text is still shown
