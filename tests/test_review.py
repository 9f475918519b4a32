"""Reviewing a draft against the corpus: the library, the terminal output and the command."""

from __future__ import annotations

from pathlib import Path

import pytest

from checker.cli import main
from checker.report import review_html, review_text
from checker.review import Reviewer, review

ROOT = Path(__file__).resolve().parent.parent
SEEDS = ROOT / "seeds"
RULES = ROOT / "rules"
SUBJECT = "The construction project of the headquarters of the Department of Justice and People's Procuracy of Vientiane Capital"
CONFLICTING = f"Hanoi gift handed over\n\n{SUBJECT} was completed in June 2023.\n"
# A subject the corpus does not mention, so the draft contradicts only itself.
SELF_CONTRADICTING = ("Stadium opened\n\nThe Pakse provincial stadium was completed in June 2023. "
                      "The Pakse provincial stadium was completed in April 2024.\n")
CLEAN = "Weather\n\nThe weather in Vientiane was pleasant on Sunday, residents said.\n"


@pytest.fixture(scope="module")
def reviewer() -> Reviewer:
    return Reviewer.load([SEEDS], RULES)


def test_draft_conflicting_with_a_published_article_is_flagged(reviewer: Reviewer) -> None:
    result = reviewer.review(CONFLICTING, "draft")
    assert [k.rule for k in result.with_corpus] == ["date.event-dates"]
    assert result.inside_draft == []
    conflict = result.with_corpus[0]
    assert conflict.documents == ["002_7da5c40dab457da2", "draft"]
    published = next(d for d in result.report.documents if d.id == "002_7da5c40dab457da2")
    assert published.published.isoformat() == "2025-12-03"
    texts = {c.document: c.text for c in result.report.claims if c.id in conflict.claims}
    assert texts == {"draft": "was completed in June 2023", "002_7da5c40dab457da2": "completed in April 2024"}


def test_clean_draft_has_no_conflicts(reviewer: Reviewer) -> None:
    result = reviewer.review(CLEAN, "draft")
    assert result.report.conflicts == [] and result.report.errors == []
    assert [d.id for d in result.report.documents] == ["draft"]
    assert result.corpus_size == 5


def test_conflicts_inside_the_draft_are_reported(reviewer: Reviewer) -> None:
    result = reviewer.review(SELF_CONTRADICTING, "draft")
    assert len(result.inside_draft) == 1
    assert result.inside_draft[0].documents == ["draft"]


def test_a_draft_replaces_the_published_article_with_its_id(reviewer: Reviewer) -> None:
    text = (SEEDS / "002_7da5c40dab457da2.txt").read_text(encoding="utf-8")
    result = reviewer.review(text, "002_7da5c40dab457da2")
    assert result.corpus_size == 4
    assert [k.documents for k in result.report.conflicts] == [["001_d80f09471b6c6da1", "002_7da5c40dab457da2"]]


def test_review_function_reads_the_corpus_itself() -> None:
    assert len(review(CONFLICTING, "draft", [SEEDS], RULES).report.conflicts) == 1


def test_text_marks_disputed_words_plainly_or_in_colour(reviewer: Reviewer) -> None:
    result = reviewer.review(CONFLICTING, "draft")
    plain = review_text.render(result)
    assert "»was completed in June 2023«" in plain and "\x1b[" not in plain
    assert "published article 002_7da5c40dab457da2" in plain
    assert "published 2025-12-03 (stated in the article)" in plain
    coloured = review_text.render(result, color=True)
    assert f"{review_text.ANSI_ON}was completed in June 2023{review_text.ANSI_OFF}" in coloured


def test_terminal_control_characters_in_a_draft_are_neutralised(reviewer: Reviewer) -> None:
    result = reviewer.review(CONFLICTING.replace("June", "\x1b[2J June"), "draft")
    assert "\x1b" not in review_text.render(result)


def test_html_review_escapes_the_draft(reviewer: Reviewer) -> None:
    hostile = CONFLICTING.replace("Hanoi gift", "<script>window.__pwned=1</script> Hanoi gift")
    page = review_html.render(reviewer.review(hostile, "draft"))
    assert "<script" not in page
    assert "&lt;script&gt;window.__pwned=1&lt;/script&gt;" in page
    assert "script-src &#x27;none&#x27;" in page
    assert 'data-conflicts="1"' in page


def test_review_command_exit_codes_and_output(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    draft, clean = tmp_path / "draft.txt", tmp_path / "clean.txt"
    draft.write_text(CONFLICTING, encoding="utf-8")
    clean.write_text(CLEAN, encoding="utf-8")
    assert main(["--rules", str(RULES), "review", str(draft), "--corpus", str(SEEDS)]) == 1
    out = capsys.readouterr().out
    assert "»was completed in June 2023«" in out and "002_7da5c40dab457da2" in out
    assert main(["--rules", str(RULES), "review", str(clean), "--corpus", str(SEEDS)]) == 0
    assert "No conflicts" in capsys.readouterr().out
    page = tmp_path / "review.html"
    assert main(["--rules", str(RULES), "review", str(draft), "--corpus", str(SEEDS),
                 "--format", "html", "--output", str(page)]) == 1
    assert 'data-conflicts="1"' in page.read_text(encoding="utf-8")
    assert main(["--rules", str(RULES), "review", str(tmp_path / "missing.txt"), "--corpus", str(SEEDS)]) == 2
    assert "missing.txt" in capsys.readouterr().err
