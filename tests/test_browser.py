"""The pages in a real headless Chromium: evidence visible, filters work, hostile text runs nothing.

Needs Debian's `chromium` and Playwright for Python (the browser is never downloaded);
skips with the reason when either is missing.
"""

from __future__ import annotations

import shutil
import tempfile
import threading
from collections.abc import Iterator
from pathlib import Path

import pytest

from checker.pipeline import run_check
from checker.report import REPORTERS
from checker.review import Reviewer
from checker.server import ReviewServer

CHROMIUM = shutil.which("chromium")
if CHROMIUM is None:
    pytest.skip("no browser: `chromium` is not on PATH (apt-get install chromium)", allow_module_level=True)
sync_api = pytest.importorskip("playwright.sync_api", reason="no browser driver: Playwright for Python is not installed")

ROOT = Path(__file__).resolve().parent.parent
SEEDS = ROOT / "seeds"
RULES = ROOT / "rules"
SUBJECT = "The construction project of the headquarters of the Department of Justice and People's Procuracy of Vientiane Capital"
CONFLICTING = f"Hanoi gift handed over\n\n{SUBJECT} was completed in June 2023.\n"
HOSTILE = ('<script>window.__pwned=1</script>\n\n<img src=x onerror="window.__pwned=1"> '
           '<a id="evil" href="javascript:window.__pwned=1">click</a>\n\n'
           f"{SUBJECT} was completed in June 2023, <script>window.__pwned=1</script> officials said.\n")
FLAGS = ["--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run", "--disable-background-networking",
         "--disable-component-update", "--disable-sync"]


@pytest.fixture(scope="module")
def browser() -> Iterator[object]:
    with sync_api.sync_playwright() as p:
        instance = p.chromium.launch(executable_path=CHROMIUM, headless=True, args=FLAGS)
        yield instance
        instance.close()


@pytest.fixture()
def page(browser) -> Iterator[object]:
    """A fresh page that records console errors (a blocked script shows up there)."""
    context = browser.new_context(viewport={"width": 1280, "height": 900})
    context.set_default_timeout(5000)
    tab = context.new_page()
    tab.console_errors = []
    tab.on("console", lambda m: tab.console_errors.append(m.text) if m.type == "error" else None)
    tab.on("pageerror", lambda e: tab.console_errors.append(str(e)))
    yield tab
    context.close()


@pytest.fixture(scope="module")
def seed_page_file() -> Iterator[Path]:
    with tempfile.TemporaryDirectory() as tmp:
        path = Path(tmp) / "report.html"
        path.write_text(REPORTERS["html"](run_check([SEEDS], RULES)), encoding="utf-8")
        yield path


@pytest.fixture(scope="module")
def server() -> Iterator[str]:
    srv = ReviewServer(("127.0.0.1", 0), Reviewer.load([SEEDS], RULES), log=None)
    thread = threading.Thread(target=srv.serve_forever, daemon=True)
    thread.start()
    yield f"http://127.0.0.1:{srv.server_address[1]}/"
    srv.shutdown()
    srv.server_close()
    thread.join(timeout=5)


def test_conflicts_render_with_every_quote(page, seed_page_file: Path) -> None:
    page.goto(seed_page_file.as_uri())
    cards = page.locator(".conflict")
    assert cards.count() == 2
    # one mark per piece of evidence: the office conflict quotes the person three times
    for rule, quotes in {"date.event-dates": 2, "role.exclusive-offices": 3}.items():
        marks = page.locator(f'.conflict[data-rule="{rule}"] .side blockquote mark')
        assert marks.count() == quotes
        assert all(marks.nth(j).is_visible() for j in range(quotes))
    date_card = page.locator('.conflict[data-rule="date.event-dates"]')
    assert date_card.locator("mark").all_inner_texts() == ["has been completed", "completed in April 2024"]
    assert page.inner_text("#f-count") == "2 of 2 conflicts shown"  # our own script ran under the CSP
    assert page.console_errors == []
    (ROOT / "reports").mkdir(exist_ok=True)
    page.locator("#conflicts").scroll_into_view_if_needed()
    page.screenshot(path=str(ROOT / "reports" / "report-screenshot.png"))


def test_filters_hide_what_they_should(page, seed_page_file: Path) -> None:
    page.goto(seed_page_file.as_uri())
    date_card = page.locator('.conflict[data-rule="date.event-dates"]')
    role_card = page.locator('.conflict[data-rule="role.exclusive-offices"]')
    page.select_option("#f-rule", "date.event-dates")
    assert date_card.is_visible() and role_card.is_hidden()
    assert page.inner_text("#f-count") == "1 of 2 conflicts shown"
    page.select_option("#f-rule", "")
    page.select_option("#f-doc", label="003_deda07d31d5d09d9")
    assert role_card.is_visible() and date_card.is_hidden()
    assert page.locator(".article:not([hidden])").count() == 1
    page.select_option("#f-rule", "date.event-dates")
    assert page.inner_text("#f-count") == "0 of 2 conflicts shown"
    page.select_option("#f-doc", "")
    page.select_option("#f-severity", "error")
    assert page.inner_text("#f-count") == "1 of 2 conflicts shown"


def test_link_from_a_conflict_opens_the_article_at_the_claim(page, seed_page_file: Path) -> None:
    page.goto(seed_page_file.as_uri())
    page.locator('.conflict[data-rule="date.event-dates"] .side a:text("show in the article")').first.click()
    target = page.locator(".article[open] mark.disputed", has_text="has been completed")
    assert target.is_visible()


def test_hostile_article_runs_nothing(page, tmp_path: Path) -> None:
    corpus = tmp_path / "corpus"
    corpus.mkdir()
    shutil.copy(SEEDS / "002_7da5c40dab457da2.txt", corpus)
    (corpus / "evil.txt").write_text(HOSTILE, encoding="utf-8")
    report_file = tmp_path / "report.html"
    report_file.write_text(REPORTERS["html"](run_check([corpus], RULES)), encoding="utf-8")
    page.goto(report_file.as_uri())
    page.select_option("#f-doc", label="evil")
    article = page.locator(".article:not([hidden])")
    article.locator("summary").click()
    assert page.evaluate("typeof window.__pwned") == "undefined"
    assert page.locator("img").count() == 0 and page.locator("#evil").count() == 0
    assert "<script>window.__pwned=1</script>" in article.inner_text()
    assert page.locator(".conflict:not([hidden]) .side mark").all_inner_texts() == [
        "completed in April 2024", "was completed in June 2023"]
    assert page.console_errors == []


def test_serve_flags_a_pasted_conflict_beside_the_published_side(page, server: str) -> None:
    page.goto(server)
    page.fill("#text", CONFLICTING)
    page.click("#submit")
    assert page.get_attribute("#verdict", "data-conflicts") == "1"
    sides = page.locator(".conflict .side")
    assert sides.nth(0).locator("mark").inner_text() == "was completed in June 2023"
    assert sides.nth(1).locator("mark").inner_text() == "completed in April 2024"
    assert "published 2025-12-03" in sides.nth(1).inner_text()
    assert page.input_value("#text") == CONFLICTING


def test_serve_passes_a_clean_draft(page, server: str) -> None:
    page.goto(server)
    page.fill("#text", "A quiet day\n\nThe weather in Vientiane was pleasant on Sunday.\n")
    page.click("#submit")
    assert page.get_attribute("#verdict", "data-conflicts") == "0"
    assert page.locator(".conflict").count() == 0


def test_serve_upload(page, server: str, tmp_path: Path) -> None:
    draft = tmp_path / "draft.txt"
    draft.write_text(CONFLICTING, encoding="utf-8")
    page.goto(server)
    page.set_input_files("#file", str(draft))
    page.click("#submit")
    assert page.get_attribute("#verdict", "data-conflicts") == "1"


def test_serve_pasted_script_runs_nothing(page, server: str) -> None:
    page.goto(server)
    page.fill("#text", HOSTILE)
    page.click("#submit")
    assert page.get_attribute("#verdict", "data-conflicts") == "1"
    assert page.evaluate("typeof window.__pwned") == "undefined"
    assert page.locator("main img").count() == 0
    assert page.input_value("#text") == HOSTILE
    assert page.console_errors == []


def test_serve_error_page_is_readable(page, server: str) -> None:
    page.goto(server)
    page.click("#submit")
    assert "The draft is empty" in page.inner_text("#error")


@pytest.mark.parametrize("width", [1280, 375])
def test_long_paths_stay_inside_their_cards_on_wide_and_narrow_screens(browser, tmp_path: Path, width: int) -> None:
    corpus = tmp_path / ("newsroom-archive-" * 12) / ("section-" * 25)
    corpus.mkdir(parents=True)
    for name in ("001_d80f09471b6c6da1.txt", "002_7da5c40dab457da2.txt"):
        shutil.copy(SEEDS / name, corpus / name)
    report_file = tmp_path / "report.html"
    report_file.write_text(REPORTERS["html"](run_check([corpus], RULES)), encoding="utf-8")
    context = browser.new_context(viewport={"width": width, "height": 900})
    tab = context.new_page()
    tab.goto(report_file.as_uri())
    overflowing = tab.evaluate("""Array.from(document.querySelectorAll('.side, .conflict, #overview'))
        .filter(e => e.scrollWidth > e.clientWidth + 1).map(e => e.className || e.id)""")
    page_width = tab.evaluate("document.documentElement.scrollWidth")
    context.close()
    assert overflowing == []
    assert page_width <= width


def test_the_keyboard_reaches_the_conflicts_first(page, seed_page_file: Path) -> None:
    page.goto(seed_page_file.as_uri())
    page.keyboard.press("Tab")
    assert page.evaluate("document.activeElement.textContent") == "Skip to the conflicts"
    page.keyboard.press("Enter")
    assert page.evaluate("location.hash") == "#conflicts"


def test_the_review_page_works_from_the_keyboard_on_a_narrow_screen(browser, server: str) -> None:
    """The editor's path without an editor plugin: the form in tab order with a visible focus,
    sent with Enter, and the form and the review fitting a phone's width."""
    context = browser.new_context(viewport={"width": 375, "height": 800})
    context.set_default_timeout(5000)
    tab = context.new_page()
    tab.goto(server)
    assert tab.evaluate("document.documentElement.scrollWidth") <= 375
    focused = "[document.activeElement.id, getComputedStyle(document.activeElement).outlineWidth]"
    tab.keyboard.press("Tab")
    assert tab.evaluate(focused) == ["text", "3px"]
    tab.keyboard.insert_text(CONFLICTING)
    seen = []
    for _ in range(8):  # a date field takes a Tab per part (month, day, year)
        tab.keyboard.press("Tab")
        where = tab.evaluate(focused)
        if not seen or seen[-1] != where:
            seen.append(where)
        if where[0] == "submit":
            break
    assert seen == [["file", "3px"], ["published", "3px"], ["submit", "3px"]]
    with tab.expect_navigation():
        tab.keyboard.press("Enter")
    assert tab.get_attribute("#verdict", "data-conflicts") == "1"
    assert tab.evaluate("document.documentElement.scrollWidth") <= 375
    context.close()
