"""The review server over real HTTP on a free local port: reviews, and polite refusals."""

from __future__ import annotations

import http.client
import threading
from collections.abc import Iterator
from pathlib import Path

import pytest

from checker.review import Reviewer
from checker.server import MAX_BODY, RequestError, ReviewServer, decode_draft, draft_bytes

ROOT = Path(__file__).resolve().parent.parent
SUBJECT = "The construction project of the headquarters of the Department of Justice and People's Procuracy of Vientiane Capital"
CONFLICTING = f"Hanoi gift handed over\n\n{SUBJECT} was completed in June 2023.\n"
BOUNDARY = "----claimcheck-test"


@pytest.fixture(scope="module")
def server() -> Iterator[ReviewServer]:
    srv = ReviewServer(("127.0.0.1", 0), Reviewer.load([ROOT / "seeds"], ROOT / "rules"), quiet=True)
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
    assert draft_bytes("text/plain; charset=utf-8", b"abc") == b"abc"
