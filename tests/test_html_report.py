"""The HTML audit report: evidence from every side, escaping of hostile text, determinism."""

from __future__ import annotations

import base64
import hashlib
import re
import shutil
from pathlib import Path

import pytest

from checker.cli import main
from checker.models import Report
from checker.pipeline import run_check
from checker.report import REPORTERS
from checker.report.html import SCRIPT
from checker.report.htmlkit import Span, esc, highlight

ROOT = Path(__file__).resolve().parent.parent
SEEDS = ROOT / "seeds"
RULES = ROOT / "rules"

# An article that tries every way of getting markup or script into the page; its second
# sentence also carries a claim that conflicts with seed 002, so it is quoted in a conflict.
HOSTILE = """Hostile article <script>window.__pwned=1</script>

Published 2024-05-02

<img src=x onerror="window.__pwned=1"> See <a href="javascript:window.__pwned=1">this</a> & "that".

The construction project of the headquarters of the Department of Justice and People's Procuracy of Vientiane Capital was completed in June 2023, <script>window.__pwned=1</script> said <img src=x onerror="window.__pwned=1">.
"""


def hostile_corpus(folder: Path) -> Path:
    """Two seeds plus the hostile article, as a corpus folder."""
    folder.mkdir(parents=True, exist_ok=True)
    for name in ("001_d80f09471b6c6da1.txt", "002_7da5c40dab457da2.txt"):
        shutil.copy(SEEDS / name, folder / name)
    (folder / "zz_hostile.txt").write_text(HOSTILE, encoding="utf-8")
    return folder


@pytest.fixture(scope="module")
def seed_report() -> Report:
    return run_check([SEEDS], RULES)


@pytest.fixture(scope="module")
def seed_html(seed_report: Report) -> str:
    return REPORTERS["html"](seed_report)


def test_every_conflict_shows_each_side_quoted_with_the_claim_marked(seed_report: Report, seed_html: str) -> None:
    claims = {c.id: c for c in seed_report.claims}
    assert seed_report.conflicts, "the seeds are expected to hold conflicts"
    for conflict in seed_report.conflicts:
        card = re.search(rf'<article class="conflict [^"]*" id="conflict-{conflict.id}".*?</article>', seed_html, re.S)
        assert card, conflict.id
        for cid in conflict.claims:
            claim = claims[cid]
            assert f">{esc(claim.text)}</mark>" in card.group(0)
            before = claim.sentence[: claim.start - claim.sentence_start]
            assert esc(before) in card.group(0)
            assert f'href="#claim-{cid}"' in card.group(0)
            assert f'id="claim-{cid}"' in seed_html


def test_summary_counts_documents_kinds_and_rules(seed_report: Report, seed_html: str) -> None:
    assert f'<th>Articles</th><td class="num">{len(seed_report.documents)}</td>' in seed_html
    assert f'<th>Conflicts</th><td class="num">{len(seed_report.conflicts)}</td>' in seed_html
    for rule in seed_report.rules:
        assert f"<code>{esc(rule['id'])}</code>" in seed_html
    assert "One-off event dated differently" in seed_html
    assert "published 2024-03-14 (stated in the article)" in seed_html


def test_rationale_and_values_are_shown(seed_report: Report, seed_html: str) -> None:
    assert "About this rule:" in seed_html
    assert '<span class="value" title="on or before 2024-03-14">on or before 2024-03-14</span>' in seed_html
    assert '<span class="value" title="2024-04-01 to 2024-04-30">2024-04-01 to 2024-04-30</span>' in seed_html


def test_page_is_self_contained_and_only_its_own_script_may_run(seed_html: str) -> None:
    assert not re.search(r"""(src|href)=["']?(https?:)?//""", seed_html)
    assert "@import" not in seed_html and "url(" not in seed_html
    assert seed_html.count("<script>") == 1
    digest = base64.b64encode(hashlib.sha256(SCRIPT.encode()).digest()).decode()
    assert esc(f"script-src 'sha256-{digest}'") in seed_html


def test_hostile_article_is_shown_as_text(tmp_path: Path) -> None:
    report = run_check([hostile_corpus(tmp_path / "corpus")], RULES)
    assert any("zz_hostile" in k.documents for k in report.conflicts), "the hostile claim should be in a conflict"
    page = REPORTERS["html"](report)
    assert page.count("<script>") == 1, "only the report's own script"
    assert "<img" not in page
    assert "onerror=" not in page.replace("onerror=&quot;", "")
    assert 'href="javascript:' not in page
    assert "&lt;script&gt;window.__pwned=1&lt;/script&gt;" in page
    assert "&lt;img src=x onerror=&quot;window.__pwned=1&quot;&gt;" in page


def test_same_input_gives_the_same_bytes(seed_html: str) -> None:
    assert REPORTERS["html"](run_check([SEEDS], RULES)) == seed_html


def test_check_writes_report_html(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    status = main(["--rules", str(RULES), "check", str(SEEDS), "--reports-dir", str(tmp_path)])
    capsys.readouterr()
    assert status == 1
    written = (tmp_path / "report.html").read_text(encoding="utf-8")
    assert written == REPORTERS["html"](run_check([SEEDS], RULES))


def test_format_html_prints_the_page(capsys: pytest.CaptureFixture[str], tmp_path: Path) -> None:
    main(["--rules", str(RULES), "check", str(SEEDS), "--format", "html", "--reports-dir", str(tmp_path)])
    assert capsys.readouterr().out.startswith("<!DOCTYPE html>")


def test_overlapping_highlights_keep_markup_balanced() -> None:
    text = "<b>Mr Ha, vice chair</b> said"
    spans = [Span(0, 23, ("k-role",), "role", "claim-a"), Span(3, 8, ("k-date",), "inner", "claim-b")]
    out = highlight(text, 0, spans)
    assert out.count("<mark") == out.count("</mark>") == 3
    assert re.sub(r"<[^>]+>", "", out) == esc(text)
    assert '<a class="anchor" id="claim-a"></a>' in out and '<a class="anchor" id="claim-b"></a>' in out
    assert '<mark class="k-date overlap" title="inner; role">Mr Ha</mark>' in out


def test_spans_outside_the_text_are_ignored() -> None:
    assert highlight("abc", 10, [Span(0, 2, ("x",)), Span(11, 12, ("y",))]) == 'a<mark class="y" title="">b</mark>c'
