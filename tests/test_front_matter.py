"""Front matter as untrusted input: a bad value refuses that one article with its file and
line (exit 2, the others still checked), broken YAML is ignored with a warning, a BOM or
CRLF line ends do not hide it, and YAML bombs are refused before they expand."""

from __future__ import annotations

import datetime as dt
import json
import subprocess
import sys
import time
from pathlib import Path

import pytest

from checker.documents import MAX_DEPTH, MAX_FRONT_MATTER, parse_document, read_corpus
from checker.models import Document, InputError

from conftest import REPO, SEEDS_DIR

GOOD = "Bridge opens in Dong Ha city\n\nThe Hieu Giang bridge was opened to traffic on June 4, 2023.\n"
BOMB = ("---\na: &a [x,x,x,x,x,x,x,x,x]\nb: &b [*a,*a,*a,*a,*a,*a,*a,*a,*a]\nc: &c [*b,*b,*b,*b,*b,*b,*b,*b,*b]\n"
        "d: &d [*c,*c,*c,*c,*c,*c,*c,*c,*c]\ne: &e [*d,*d,*d,*d,*d,*d,*d,*d,*d]\nf: &f [*e,*e,*e,*e,*e,*e,*e,*e,*e]\n"
        "g: &g [*f,*f,*f,*f,*f,*f,*f,*f,*f]\nh: &h [*g,*g,*g,*g,*g,*g,*g,*g,*g]\ni: &i [*h,*h,*h,*h,*h,*h,*h,*h,*h]\n"
        "---\n" + GOOD)

REFUSED = [
    pytest.param("---\ntitle: Bridge\npublished: 2024-13-45\n---\n" + GOOD, 3, "2024-13-45", id="month-13"),
    pytest.param("---\npublished: 2024-02-30\n---\n" + GOOD, 2, "2024-02-30", id="february-30"),
    pytest.param("---\npublished: 2024-02-03 25:00:00\n---\n" + GOOD, 2, "25:00", id="hour-25"),
    pytest.param("---\npublished: !!timestamp 2024-13-01\n---\n" + GOOD, 2, "2024-13-01", id="explicit-tag"),
    pytest.param("---\ndate: yesterday\n---\n" + GOOD, 2, "yesterday", id="not-a-date"),
    pytest.param("---\ntitle: " + "[" * 5000 + "]" * 5000 + "\n---\n" + GOOD, 2, "nested deeper", id="deep-nesting"),
    pytest.param("---\n" + "a:\n" + "".join("  " * i + " b:\n" for i in range(1, 60)) + "---\n" + GOOD, None,
                 "nested deeper", id="deep-block-nesting"),
    pytest.param(BOMB, 2, "anchors and aliases", id="alias-bomb"),
    pytest.param("---\nx: &a 1\n---\n" + GOOD, 2, "anchors and aliases", id="anchor"),
    pytest.param("---\nnote: " + "x" * (MAX_FRONT_MATTER + 1) + "\n---\n" + GOOD, 1, "limit", id="too-large"),
    pytest.param("---\ncount: !!int nine\n---\n" + GOOD, 1, "invalid value", id="bad-explicit-int"),
]


@pytest.mark.parametrize("text, line, words", REFUSED)
def test_bad_front_matter_refuses_the_article_naming_the_line(text: str, line: int | None, words: str) -> None:
    started = time.perf_counter()
    got = parse_document("x", "x.md", text)
    # the bomb is refused, not expanded (expanded, it took 93 s and 3 GB); a loose bound, so a
    # busy machine does not fail it
    assert time.perf_counter() - started < 30
    assert isinstance(got, InputError), got
    assert words in got.message
    if line is not None:
        assert got.line == line
    assert got.render().startswith("x.md:")


@pytest.mark.parametrize("text, day", [
    ("---\npublished: 2024-02-29\n---\n", dt.date(2024, 2, 29)),
    ("---\npublished: 2024-2-9\n---\n", dt.date(2024, 2, 9)),
    ("---\npublished: 2024-03-14 10:11:00\n---\n", dt.date(2024, 3, 14)),
    ("---\npublished: 2024-03-14T10:11:00+07:00\n---\n", dt.date(2024, 3, 14)),
    ("---\npublished: '2024-03-14'\n---\n", dt.date(2024, 3, 14)),
    ("---\ndate: March 14, 2024\n---\n", dt.date(2024, 3, 14)),
])
def test_good_front_matter_dates_are_read(text: str, day: dt.date) -> None:
    doc = parse_document("x", "x.md", text + GOOD)
    assert isinstance(doc, Document)
    assert (doc.published, doc.published_source) == (day, "front_matter")
    assert doc.text[doc.published_span[0]:doc.published_span[1]] == doc.published_text


def test_crlf_front_matter_is_read_and_offsets_hold() -> None:
    text = "---\r\ntitle: Bridge opens\r\npublished: 2023-12-04\r\n---\r\n" + GOOD.replace("\n", "\r\n")
    doc = parse_document("x", "x.md", text)
    assert (doc.published, doc.title) == (dt.date(2023, 12, 4), "Bridge opens")
    assert doc.published_text == "2023-12-04"
    assert text[doc.published_span[0]:doc.published_span[1]] == "2023-12-04"
    assert text[doc.body_start:].lstrip("\r\n").startswith("Bridge opens in Dong Ha")


def test_bom_front_matter_is_read_and_offsets_hold(tmp_path: Path) -> None:
    (tmp_path / "a.md").write_bytes(b"\xef\xbb\xbf---\npublished: 2023-12-04\n---\n" + GOOD.encode())
    corpus = read_corpus([tmp_path])
    (doc,) = corpus.documents
    assert (doc.published, doc.published_source) == (dt.date(2023, 12, 4), "front_matter")
    assert doc.text == (tmp_path / "a.md").read_text(encoding="utf-8-sig")  # the BOM is encoding, not text
    assert doc.text[doc.published_span[0]:doc.published_span[1]] == "2023-12-04"
    assert parse_document("y", "y.md", "\ufeff---\npublished: 2023-12-04\n---\n" + GOOD).published == dt.date(2023, 12, 4)


def test_bom_and_crlf_claims_round_trip(tmp_path: Path) -> None:
    from conftest import load_toolkit

    (tmp_path / "a.md").write_bytes(("\ufeff---\r\npublished: 2024-03-14\r\n---\r\n"
                                     + GOOD.replace("\n", "\r\n")).encode())
    docs, claims, errors = load_toolkit().analyse(read_corpus([tmp_path]).documents)
    assert not errors and claims
    for c in claims:
        assert docs[0].text[c.start:c.end] == c.text


@pytest.mark.parametrize("text, line", [
    ("---\ntitle: [unclosed\npublished: 2023-12-04\n---\n", 3),
    ("---\ntitle: a\n  b: c\n---\n", 3),
    ("---\n- just\n- a list\n---\n", 2),
])
def test_broken_front_matter_is_ignored_with_a_warning(text: str, line: int) -> None:
    warnings: list[InputError] = []
    doc = parse_document("x", "x.md", text + GOOD, warnings)
    assert isinstance(doc, Document) and doc.body_start == 0
    (warning,) = warnings
    assert warning.path == "x.md" and warning.line == line and "front matter ignored" in warning.message


def test_one_bad_article_does_not_stop_the_corpus(tmp_path: Path) -> None:
    (tmp_path / "a.md").write_text("---\npublished: 2024-13-45\n---\n" + GOOD, encoding="utf-8")
    (tmp_path / "b.md").write_text("---\npublished: 2023-06-05\n---\n" + GOOD, encoding="utf-8")
    (tmp_path / "c.md").write_text("---\ntitle: [oops\n---\n" + GOOD, encoding="utf-8")
    corpus = read_corpus([tmp_path])
    assert [d.id for d in corpus.documents] == ["b", "c"]
    assert [e.render() for e in corpus.errors] == [f"{tmp_path / 'a.md'}:2: published: '2024-13-45' is not a valid date (use YYYY-MM-DD)"]
    assert [w.path for w in corpus.warnings] == [str(tmp_path / "c.md")]


def _run(*args: str) -> subprocess.CompletedProcess:
    return subprocess.run([sys.executable, "-m", "checker", *args], cwd=REPO, capture_output=True, text=True,
                          timeout=120)


@pytest.fixture(scope="module")
def bad_corpus(tmp_path_factory) -> Path:
    folder = tmp_path_factory.mktemp("bad")
    for seed in sorted(SEEDS_DIR.glob("*.txt")):
        (folder / seed.name).write_text(seed.read_text(encoding="utf-8"), encoding="utf-8")
    (folder / "zz-month.md").write_text("---\npublished: 2024-13-45\n---\n" + GOOD, encoding="utf-8")
    (folder / "zz-bomb.md").write_text(BOMB, encoding="utf-8")
    return folder


@pytest.mark.parametrize("command", ["check", "claims"])
def test_cli_names_the_file_and_line_exits_2_and_checks_the_rest(command: str, bad_corpus: Path, tmp_path: Path) -> None:
    extra = ["--reports-dir", str(tmp_path)] if command == "check" else ["--format", "json"]
    result = _run(command, str(bad_corpus), *extra)
    assert result.returncode == 2, result.stderr
    assert "Traceback" not in result.stderr
    assert f"{bad_corpus / 'zz-month.md'}:2: published: '2024-13-45' is not a valid date" in result.stderr
    assert f"{bad_corpus / 'zz-bomb.md'}:2: YAML anchors and aliases are not allowed" in result.stderr
    if command == "claims":
        ids = {d["id"] for d in json.loads(result.stdout)["documents"]}
        assert ids == {p.stem for p in SEEDS_DIR.glob("*.txt")}
    else:
        assert "role.exclusive-offices" in result.stdout  # the seeds' conflicts are still found


def test_review_of_a_draft_with_a_bad_date_exits_2(tmp_path: Path) -> None:
    draft = tmp_path / "draft.md"
    draft.write_text("---\npublished: 2024-02-30\n---\n" + GOOD, encoding="utf-8")
    result = _run("review", str(draft), "--corpus", str(SEEDS_DIR))
    assert result.returncode == 2
    assert "Traceback" not in result.stderr
    assert f"{draft}:2: published: '2024-02-30' is not a valid date" in result.stderr


def test_serve_answers_bad_front_matter_with_a_message_not_a_500() -> None:
    import http.client
    import threading

    from checker.review import Reviewer
    from checker.server import ReviewServer

    srv = ReviewServer(("127.0.0.1", 0), Reviewer.load([SEEDS_DIR], REPO / "rules"), log=None)
    thread = threading.Thread(target=srv.serve_forever, daemon=True)
    thread.start()
    try:
        for body, words in ((b"---\npublished: 2024-13-45\n---\n" + GOOD.encode(), "is not a valid date"),
                            (BOMB.encode(), "anchors and aliases")):
            conn = http.client.HTTPConnection(*srv.server_address[:2], timeout=20)
            conn.request("POST", "/review", body=body, headers={"Content-Type": "text/plain"})
            response = conn.getresponse()
            page = response.read().decode("utf-8")
            conn.close()
            assert response.status == 422
            assert words in page and "draft:2:" in page
    finally:
        srv.shutdown()
        srv.server_close()
        thread.join(timeout=5)


def test_depth_limit_allows_ordinary_nesting() -> None:
    nested = "---\nmeta: " + "[" * (MAX_DEPTH - 2) + "1" + "]" * (MAX_DEPTH - 2) + "\n---\n"
    assert isinstance(parse_document("x", "x.md", nested + GOOD), Document)


def test_a_control_character_in_front_matter_is_a_warning_not_a_crash() -> None:
    warnings: list = []
    doc = parse_document("t", "t.txt", "---\n\x1f\n---\nBody text.\n", warnings)
    assert isinstance(doc, Document) and doc.body_start == 0
    assert [w.line for w in warnings] == [2] and "front matter ignored" in warnings[0].message
