"""The review server over real HTTP on a free local port: reviews, and polite refusals."""

from __future__ import annotations

import datetime as dt
import http.client
import os
import subprocess
import sys
import threading
from collections.abc import Iterator
from pathlib import Path

import pytest

from checker.cli import main
from checker.review import Reviewer
from checker.server import MAX_BODY, RequestError, ReviewServer, decode_draft, submission

ROOT = Path(__file__).resolve().parent.parent
SUBJECT = "The construction project of the headquarters of the Department of Justice and People's Procuracy of Vientiane Capital"
CONFLICTING = f"Hanoi gift handed over\n\n{SUBJECT} was completed in June 2023.\n"
BOUNDARY = "----claimcheck-test"
STARTED = dt.date(2024, 5, 1)  # the day the test server was "started": its date field's default
PUBLISHED_ID = "002_7da5c40dab457da2"  # the seed that says the project was completed in April 2024
# An event told as done on March 20, in a draft that states no date of its own.
OPENED = "Hieu Giang bridge opens\n\nThe Hieu Giang Bridge was opened to traffic on March 20, 2023.\n"


@pytest.fixture(scope="module")
def server() -> Iterator[ReviewServer]:
    srv = ReviewServer(("127.0.0.1", 0), Reviewer.load([ROOT / "seeds"], ROOT / "rules"), log=None,
                       default_day=STARTED)
    thread = threading.Thread(target=srv.serve_forever, daemon=True)
    thread.start()
    yield srv
    srv.shutdown()
    srv.server_close()
    thread.join(timeout=5)


def request(server: ReviewServer, method: str, path: str, body: bytes | None = None,
            content_type: str | None = None) -> tuple[int, dict[str, str], str]:
    conn = http.client.HTTPConnection(*server.server_address[:2], timeout=20)
    headers = {"Content-Type": content_type} if content_type else {}
    conn.request(method, path, body=body, headers=headers)
    response = conn.getresponse()
    text = response.read().decode("utf-8")
    conn.close()
    return response.status, dict(response.getheaders()), text


def multipart(**fields: tuple[str | None, bytes]) -> tuple[bytes, str]:
    """A multipart/form-data body; each field is (filename or None, content)."""
    parts = []
    for name, (filename, content) in fields.items():
        disposition = f'form-data; name="{name}"' + (f'; filename="{filename}"' if filename else "")
        parts.append(f"--{BOUNDARY}\r\nContent-Disposition: {disposition}\r\n\r\n".encode() + content + b"\r\n")
    return b"".join(parts) + f"--{BOUNDARY}--\r\n".encode(), f"multipart/form-data; boundary={BOUNDARY}"


def test_form_page(server: ReviewServer) -> None:
    status, headers, page = request(server, "GET", "/")
    assert status == 200
    assert '<form method="post" action="/review" enctype="multipart/form-data">' in page
    assert "script-src 'none'" in headers["Content-Security-Policy"]


def test_pasted_conflicting_draft_is_flagged(server: ReviewServer) -> None:
    body, ctype = multipart(text=(None, CONFLICTING.encode()), file=("", b""))
    status, _, page = request(server, "POST", "/review", body, ctype)
    assert status == 200
    assert 'data-conflicts="1"' in page
    assert ">was completed in June 2023</mark>" in page and ">completed in April 2024</mark>" in page
    assert "published 2025-12-03" in page
    assert f"{SUBJECT.replace(chr(39), '&#x27;')} was completed in June 2023." in page  # kept in the form


def test_uploaded_file_wins_over_the_text_box(server: ReviewServer) -> None:
    body, ctype = multipart(text=(None, b"Nothing here."), file=("draft.txt", CONFLICTING.encode()))
    assert 'data-conflicts="1"' in request(server, "POST", "/review", body, ctype)[2]


def test_plain_text_and_urlencoded_bodies(server: ReviewServer) -> None:
    assert 'data-conflicts="1"' in request(server, "POST", "/review", CONFLICTING.encode(), "text/plain")[2]
    assert 'data-conflicts="0"' in request(server, "POST", "/review", b"text=A+quiet+day+in+Vientiane.",
                                            "application/x-www-form-urlencoded")[2]


def test_pasted_script_is_shown_as_text(server: ReviewServer) -> None:
    status, _, page = request(server, "POST", "/review", b"<script>window.__pwned=1</script> hello", "text/plain")
    assert status == 200
    assert "<script" not in page and "&lt;script&gt;window.__pwned=1&lt;/script&gt;" in page


@pytest.mark.parametrize(("body", "ctype", "status", "words"), [
    (b"", "text/plain", 400, "empty"),
    (b"   \n\t ", "text/plain", 400, "empty"),
    (b"x" * (MAX_BODY + 1), "text/plain", 413, "too large"),
    (b"\xff\xfe\x00\x01\x89PNG", "text/plain", 415, "not UTF-8"),
    (b"text\x00with\x00nul", "text/plain", 415, "binary"),
    (b"{}", "application/json", 415, "Cannot read"),
])
def test_bad_bodies_get_a_message_and_a_4xx(server: ReviewServer, body: bytes, ctype: str, status: int, words: str) -> None:
    got, _, page = request(server, "POST", "/review", body, ctype)
    assert got == status
    assert words in page and "Traceback" not in page


def test_binary_upload_is_refused(server: ReviewServer) -> None:
    body, ctype = multipart(text=(None, b""), file=("photo.jpg", b"\xff\xd8\xff\xe0\x00\x10JFIF\x00"))
    status, _, page = request(server, "POST", "/review", body, ctype)
    assert status == 415 and "plain text" in page


@pytest.mark.parametrize(("method", "path", "status"), [
    ("GET", "/nowhere", 404), ("GET", "/review", 405), ("POST", "/", 405), ("POST", "/elsewhere", 404),
    ("DELETE", "/", 405), ("PUT", "/review", 405),
])
def test_wrong_method_or_path(server: ReviewServer, method: str, path: str, status: int) -> None:
    got, headers, page = request(server, method, path, b"x" if method in ("POST", "PUT") else None)
    assert got == status
    assert 'id="error"' in page and "Traceback" not in page
    if status == 405:
        assert headers["Allow"] == "GET, POST"


def test_missing_content_length_is_refused(server: ReviewServer) -> None:
    conn = http.client.HTTPConnection(*server.server_address[:2], timeout=20)
    conn.putrequest("POST", "/review")
    conn.endheaders()
    response = conn.getresponse()
    assert response.status == 411 and b"Content-Length" in response.read()
    conn.close()


def test_draft_decoding_rules() -> None:
    assert decode_draft("\ufeffLine one\r\nLine two".encode()) == "Line one\nLine two"
    with pytest.raises(RequestError):
        decode_draft(b"\xc3\x28")
    assert submission("text/plain; charset=utf-8", b"abc").draft == b"abc"


def conflicts_in(page: str) -> int:
    return int(page.split('data-conflicts="', 1)[1].split('"', 1)[0])


def test_the_date_field_starts_at_the_day_the_server_was_given(server: ReviewServer) -> None:
    page = request(server, "GET", "/")[2]
    assert '<input type="date" id="published" name="published" value="2024-05-01">' in page


@pytest.mark.parametrize(("published", "fires"), [("2023-03-10", True), ("2023-03-25", False), ("", False)])
def test_the_date_field_dates_a_draft_that_states_none(server: ReviewServer, published: str, fires: bool) -> None:
    body, ctype = multipart(text=(None, OPENED.encode()), file=("", b""), published=(None, published.encode()))
    status, _, page = request(server, "POST", "/review", body, ctype)
    assert status == 200
    assert ("date.event-after-publication" in page) is fires and conflicts_in(page) == int(fires)
    if published:
        assert f"reviewed as published {published} (the date given on this page)" in page
        assert f'name="published" value="{published}"' in page  # kept in the form


def test_a_date_the_draft_states_wins_over_the_field(server: ReviewServer) -> None:
    stated = "Publish date 25/03/2023 | 09:00 AM\n\n" + OPENED
    body, ctype = multipart(text=(None, stated.encode()), published=(None, b"2023-03-10"))
    page = request(server, "POST", "/review", body, ctype)[2]
    assert conflicts_in(page) == 0 and "reviewed as published 2023-03-25 (stated in the article)" in page


def test_review_command_takes_the_same_date(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    draft = tmp_path / "bridge.txt"
    draft.write_text(OPENED, encoding="utf-8")
    args = ["--rules", str(ROOT / "rules"), "review", str(draft), "--corpus", str(ROOT / "seeds")]
    assert main(args) == 0
    assert main([*args, "--published", "2023-03-10"]) == 1
    assert "date.event-after-publication" in capsys.readouterr().out


@pytest.mark.parametrize(("filename", "conflicts"), [(f"{PUBLISHED_ID}.txt", 0), ("other.txt", 1)])
def test_an_upload_named_like_a_published_article_replaces_it_as_in_the_cli(
        server: ReviewServer, tmp_path: Path, filename: str, conflicts: int) -> None:
    body, ctype = multipart(text=(None, b""), file=(filename, CONFLICTING.encode()))
    page = request(server, "POST", "/review", body, ctype)[2]
    assert conflicts_in(page) == conflicts
    draft = tmp_path / filename
    draft.write_text(CONFLICTING, encoding="utf-8")
    assert main(["--rules", str(ROOT / "rules"), "review", str(draft), "--corpus", str(ROOT / "seeds")]) == conflicts


@pytest.mark.parametrize(("fields", "message"), [
    ({"text": (None, b""), "file": ("", b"")}, "The draft is empty"),
    ({"text": (None, OPENED.encode()), "published": (None, b"2023-02-30")}, "is not a date"),
])
def test_a_submission_the_editor_can_fix_is_answered_on_the_form(
        server: ReviewServer, fields: dict[str, tuple[str | None, bytes]], message: str) -> None:
    body, ctype = multipart(**fields)
    status, _, page = request(server, "POST", "/review", body, ctype)
    assert status == 400
    assert '<form method="post" action="/review"' in page and 'id="error"' in page and message in page
    assert f'<textarea id="text" name="text">{fields["text"][1].decode()}</textarea>' in page.replace("&#x27;", "'")


def run_serve(*args: str) -> subprocess.CompletedProcess:
    env = {**os.environ, "PYTHONPATH": str(ROOT)}
    return subprocess.run([sys.executable, "-m", "checker", "--rules", str(ROOT / "rules"), "serve", "--port", "0", *args],
                          capture_output=True, text=True, timeout=60, env=env, cwd=ROOT)


def test_serve_refuses_a_corpus_it_cannot_read(tmp_path: Path) -> None:
    (tmp_path / "empty").mkdir()
    (tmp_path / "blank").mkdir()
    (tmp_path / "blank" / "a.txt").write_text("  \n", encoding="utf-8")
    for corpus in (tmp_path / "nosuch", tmp_path / "empty", tmp_path / "blank"):
        done = run_serve("--corpus", str(corpus))
        assert done.returncode == 2, done.stderr
        assert "no published article to review against" in done.stderr and "not serving" in done.stderr
        assert "reviewing drafts" not in done.stdout
    done = run_serve("--corpus", str(ROOT / "seeds"), str(tmp_path / "nosuch"))
    assert done.returncode == 2 and f"{tmp_path / 'nosuch'}: no such file or directory" in done.stderr


def test_review_command_refuses_an_empty_corpus(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    draft = tmp_path / "draft.txt"
    draft.write_text(CONFLICTING, encoding="utf-8")
    (tmp_path / "empty").mkdir()
    assert main(["--rules", str(ROOT / "rules"), "review", str(draft), "--corpus", str(tmp_path / "empty")]) == 2
    assert "no published article to review against" in capsys.readouterr().err
