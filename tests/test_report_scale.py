"""The reports at scale and as an editor reads them (issue 11, item 10 and "go beyond"):
a large group is summarised by its distinct values, conflicts come first, titles are the
headlines, values are shown as written, headlines read as sentences, and report.html opens
on a summary (conflicts by severity, articles involved, a timeline of disputed dates)."""

from __future__ import annotations

import datetime as dt
import re
from pathlib import Path

import pytest

from checker.decide import decide
from checker.models import Claim, Conflict, DateRange, DateValue, Document, Report
from checker.pipeline import run_check
from checker.report import REPORTERS
from checker.report.evidence import SIDES_SHOWN  # noqa: E402
from checker.review import Reviewer
from checker.report import review_html
from ci_support import RULES, SEEDS
from conftest import make_document

SENTENCE = "It opened on March 3, 2024. "


def group_report(sides: int, path: str = "a.txt") -> Report:
    """One conflict of `sides` articles dating one opening on two days, half and half."""
    docs, claims = [], []
    for i in range(sides):
        day = dt.date(2024, 5, 1) - dt.timedelta(days=i)
        doc_id = f"art{i:03d}"
        docs.append(Document(id=doc_id, path=f"{path}/{doc_id}.txt", text=SENTENCE, published=day,
                             published_range=DateRange(start=day, end=day), published_source="front_matter"))
        opened = dt.date(2024, 3, 3 + i % 2)
        claims.append(Claim(id=f"c{i}", document=doc_id, kind="date", subject="bridge", attribute="opened",
                            value=DateValue(start=opened, end=opened), text="March 3, 2024", start=13, end=26,
                            sentence=SENTENCE.strip(), sentence_start=0))
    conflict = Conflict(id="k-group", rule="date.event-dates", severity="error", message="bridge: opened dated ...",
                        reason="r", claims=[c.id for c in claims], subject="bridge", attribute="opened",
                        documents=[d.id for d in docs])
    rule = {"id": "date.event-dates", "title": "t", "severity": "error", "rationale": "r", "extends": "interval_overlap"}
    return Report(documents=docs, claims=claims, conflicts=[conflict], errors=[], rules=[rule])


@pytest.mark.parametrize("fmt", ["text", "markdown", "html"])
def test_a_group_of_120_sides_shows_its_values_with_counts_and_folds_the_rest(fmt: str) -> None:
    out = REPORTERS[fmt](group_report(120))
    assert re.search(r"2024-03-03\D{1,40}60 sides", out) and re.search(r"2024-03-04\D{1,40}60 sides", out), out[:3000]
    assert f"{120 - SIDES_SHOWN} more sides" in out
    if fmt == "html":
        shown, folded = out.split('<details class="more-sides">', 1)
        side = re.compile(r'class="side[" ]')
        assert len(side.findall(shown)) == SIDES_SHOWN and len(side.findall(folded)) == 120 - SIDES_SHOWN
    else:
        assert out.count("March 3, 2024") == SIDES_SHOWN


def test_conflicts_come_before_the_article_table() -> None:
    html = REPORTERS["html"](run_check([SEEDS], RULES))
    assert html.index('id="conflicts"') < html.index('id="article-table"') < html.index('id="articles"')


def test_the_title_is_the_headline_when_front_matter_gives_none() -> None:
    report = run_check([SEEDS], RULES)
    titles = {d.id: d.title for d in report.documents}
    assert titles["001_d80f09471b6c6da1"] == "Cooperation between Hanoi and Vientiane to be Enhanced"
    # 002 opens on its dateline, with no headline line: its lead's first words, not the dateline
    assert titles["002_7da5c40dab457da2"] == (
        "Hà Nội and Vientiane have agreed to further consolidate their comprehensive cooperation…")
    assert all(titles.values())
    html = REPORTERS["html"](report)
    assert "<td>Hà Nội and Vientiane have agreed to further consolidate their comprehensive cooperation…</td>" in html


def test_a_short_lead_is_the_whole_title_and_front_matter_comes_first(toolkit) -> None:
    lead = "HANOI (VNA) – The bridge opened on Monday.\n\nIt cost 10 million USD.\n"
    docs = [make_document(lead, doc_id="a"), make_document("---\ntitle: Bridge opens\n---\n" + lead, doc_id="b")]
    assert docs[0].title is None  # the pipeline titles a document once it is segmented
    checked, _, _, errors = toolkit.check(docs)
    assert not errors
    assert {d.id: d.title for d in checked} == {"a": "The bridge opened on Monday.", "b": "Bridge opens"}


def test_values_are_shown_as_written_with_the_key_in_a_tooltip() -> None:
    html = REPORTERS["html"](run_check([SEEDS], RULES))
    assert ('<span class="value" title="phung thi hong ha: vice chair of hanoi people&#x27;s council">'
            "Hanoi People&#x27;s Council Vice Chairwoman Phung Thi Hong Ha</span>") in html


def test_headlines_read_as_sentences() -> None:
    report = run_check([SEEDS], RULES)
    message = next(k.message for k in report.conflicts if k.rule == "date.event-dates")
    assert "dated on or before" not in message
    assert message.endswith("completed on or before 2024-03-14 vs between 2024-04-01 and 2024-04-30")


def test_the_review_headline_names_the_drafts_value_first() -> None:
    reviewer = Reviewer.load([SEEDS], RULES)
    draft = ("Vientiane justice headquarters\n\nThe construction project of the headquarters of the Department of "
             "Justice and People's Procuracy of Vientiane Capital was completed in June 2023.\n")
    result = reviewer.review(draft, "draft")
    page = review_html.render(result)
    headline = re.search(r'<h3>.*?</span> (.*?)</h3>', page).group(1)
    assert "between 2023-06-01 and 2023-06-30" in headline
    assert headline.index("2023-06-01") < headline.index("2024-04-01")
    message = result.report.conflicts[0].message  # in document order: the published article first
    assert message.index("2024-04-01") < message.index("2023-06-01")


def test_report_opens_on_a_summary_with_severities_articles_and_a_timeline() -> None:
    report = run_check([SEEDS], RULES)
    html = REPORTERS["html"](report, decide(report))
    overview = html[html.index('id="overview"'):html.index('id="conflicts"')]
    assert re.search(r"2\s*</b>\s*errors?", overview) and "0</b> warnings" in overview
    assert "001_d80f09471b6c6da1" in overview and "003_deda07d31d5d09d9" in overview
    timeline = overview[overview.index('class="timeline"'):]
    assert "2024-03-14" in timeline and "2024-04-01" in timeline
    assert html.index('id="overview"') < html.index('id="conflicts"')
    assert 'href="#conflicts"' in html and "skip" in html.lower()  # a skip link for keyboard users


def test_the_page_fits_a_narrow_screen_and_shows_focus() -> None:
    html = REPORTERS["html"](group_report(3, path="x" * 300))
    assert "@media (max-width:" in html and ":focus-visible" in html
    assert "overflow-wrap:anywhere" in html.split(".side .meta", 1)[1][:80]
