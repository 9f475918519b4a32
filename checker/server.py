"""The local review page: an editor pastes or uploads a draft and sees the review.

Standard library only (`http.server`). The corpus is analysed once at start-up by a
`Reviewer`; each request analyses only the draft. Every bad request gets a short page
saying what to do, with a 4xx status, never a stack trace. Pages run no script at all.
"""

from __future__ import annotations

import sys
from email.parser import BytesParser
from email.policy import HTTP
from http import HTTPStatus
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from urllib.parse import parse_qs

from checker.report.htmlkit import esc, page
from checker.report.review_html import sections
from checker.review import Reviewer

MAX_BODY = 1024 * 1024
_DRAIN_LIMIT = 16 * MAX_BODY  # read and drop an oversized body up to this, so the client sees our answer
_HEADERS = {
    "Content-Security-Policy": "default-src 'none'; style-src 'unsafe-inline'; img-src data:; script-src 'none'; "
                               "form-action 'self'; base-uri 'none'; frame-ancestors 'none'",
    "X-Content-Type-Options": "nosniff",
    "Referrer-Policy": "no-referrer",
    "Cache-Control": "no-store",
}


class RequestError(Exception):
    """A request we refuse, with the status and the sentence the editor sees."""

    def __init__(self, status: HTTPStatus, message: str) -> None:
        super().__init__(message)
        self.status = status
        self.message = message


def decode_draft(raw: bytes) -> str:
    """Uploaded bytes as text, or a RequestError an editor can act on."""
    try:
        text = raw.decode("utf-8-sig")
    except UnicodeDecodeError as exc:
        raise RequestError(HTTPStatus.UNSUPPORTED_MEDIA_TYPE,
                           f"The draft is not UTF-8 text (undecodable byte at position {exc.start}). "
                           "Save it as plain text (.txt) and try again.") from None
    if "\x00" in text:
        raise RequestError(HTTPStatus.UNSUPPORTED_MEDIA_TYPE,
                           "The upload looks like a binary file (it contains NUL bytes). "
                           "Save the draft as plain text (.txt) and try again.")
    if not text.strip():
        raise RequestError(HTTPStatus.BAD_REQUEST, "The draft is empty: paste the article text or choose a file.")
    return text.replace("\r\n", "\n")


def draft_bytes(content_type: str, body: bytes) -> bytes:
    """The draft from a form post (pasted text or uploaded file) or a plain-text body."""
    kind = content_type.split(";")[0].strip().lower()
    if kind == "multipart/form-data":
        fields = _multipart(content_type, body)
        return fields.get("file") or fields.get("text") or b""
    if kind == "application/x-www-form-urlencoded":
        try:
            form = parse_qs(body.decode("ascii"), encoding="utf-8", errors="strict")
        except UnicodeDecodeError:
            raise RequestError(HTTPStatus.BAD_REQUEST, "The form could not be read: it is not valid UTF-8.") from None
        return "".join(form.get("text", [])).encode("utf-8")
    if kind in ("", "text/plain"):
        return body
    raise RequestError(HTTPStatus.UNSUPPORTED_MEDIA_TYPE,
                       f"Cannot read a body of type {kind!r}: send the form, or plain text.")


def _multipart(content_type: str, body: bytes) -> dict[str, bytes]:
    head = f"Content-Type: {content_type}\r\nMIME-Version: 1.0\r\n\r\n".encode("latin-1", "replace")
    message = BytesParser(policy=HTTP).parsebytes(head + body)
    if not message.is_multipart():
        raise RequestError(HTTPStatus.BAD_REQUEST, "The form could not be read: it has no parts.")
    fields: dict[str, bytes] = {}
    for part in message.iter_parts():
        name = part.get_param("name", header="content-disposition")
        payload = part.get_payload(decode=True)
        if isinstance(name, str) and isinstance(payload, bytes):
            fields[name] = payload
    return fields


def form_page(reviewer: Reviewer, text: str = "", result_html: str = "") -> str:
    """The paste/upload form, with the previous draft kept in it and its review below."""
    count = len(reviewer.documents)
    body = (
        "<h1>claimcheck: review a draft</h1>"
        f'<p class="lead">Paste a draft article (or choose a .txt file) and claimcheck compares its claims '
        f"with the {count} published articles loaded at start-up. Conflicts show the draft's words beside "
        "the published passage they disagree with.</p>"
        '<form method="post" action="/review" enctype="multipart/form-data">'
        f'<div class="row"><label for="text">Draft text</label><textarea id="text" name="text">{esc(text)}</textarea></div>'
        '<div class="row"><label for="file">or upload a file</label> '
        '<input type="file" id="file" name="file" accept=".txt,.md,text/plain,text/markdown"></div>'
        '<div class="row"><button type="submit" id="submit">Check draft</button></div>'
        "</form>"
        + result_html
    )
    return page("claimcheck: review a draft", body)


def error_page(status: HTTPStatus, message: str) -> str:
    body = (f"<h1>{status.value} {esc(status.phrase)}</h1>"
            f'<p class="notice bad" id="error">{esc(message)}</p><p><a href="/">Back to the review form</a></p>')
    return page(f"claimcheck: {status.phrase}", body)


class ReviewHandler(BaseHTTPRequestHandler):
    """GET / shows the form; POST /review reviews the draft; everything else is refused politely."""

    server: "ReviewServer"
    server_version = "claimcheck"
    timeout = 30

    def do_GET(self) -> None:
        if self._path() == "/review":
            self._fail(HTTPStatus.METHOD_NOT_ALLOWED, "Drafts are sent to /review with the form at /.")
            return
        if self._path() != "/":
            self._fail(HTTPStatus.NOT_FOUND, "There is no such page here. The review form is at /.")
            return
        self._send(HTTPStatus.OK, form_page(self.server.reviewer))

    def do_POST(self) -> None:
        if self._path() != "/review":
            self._fail(HTTPStatus.NOT_FOUND if self._path() != "/" else HTTPStatus.METHOD_NOT_ALLOWED,
                       "Drafts are sent to /review with the form at /.")
            return
        try:
            text = decode_draft(draft_bytes(self.headers.get("Content-Type", ""), self._body()))
            result = self.server.reviewer.review(text)
        except RequestError as exc:
            self._fail(exc.status, exc.message)
            return
        except Exception as exc:  # noqa: BLE001 - the editor gets a sentence, the console the detail
            self.log_error("review failed: %s: %s", type(exc).__name__, exc)
            self._fail(HTTPStatus.INTERNAL_SERVER_ERROR, "The draft could not be reviewed because of an internal error.")
            return
        status = HTTPStatus.OK if result.draft is not None else HTTPStatus.UNPROCESSABLE_ENTITY
        self._send(status, form_page(self.server.reviewer, text, sections(result)))

    def _not_allowed(self) -> None:
        self._fail(HTTPStatus.METHOD_NOT_ALLOWED, f"{self.command} is not supported: open / and use the form.")

    do_PUT = do_DELETE = do_PATCH = do_OPTIONS = _not_allowed

    def _path(self) -> str:
        return self.path.split("?", 1)[0].split("#", 1)[0]

    def _body(self) -> bytes:
        raw = self.headers.get("Content-Length")
        if raw is None:
            raise RequestError(HTTPStatus.LENGTH_REQUIRED, "The request has no Content-Length; send the form from /.")
        if not raw.strip().isdigit():
            raise RequestError(HTTPStatus.BAD_REQUEST, "The request's Content-Length is not a number.")
        length = int(raw)
        if length > MAX_BODY:
            self._drain(length)
            raise RequestError(HTTPStatus.REQUEST_ENTITY_TOO_LARGE,
                               f"The draft is too large ({length:,} bytes); the limit is {MAX_BODY:,} bytes (1 MB).")
        return self.rfile.read(length)

    def _drain(self, length: int) -> None:
        """Read and drop an oversized body so the client can read the refusal; past a limit, hang up."""
        self.close_connection = True
        if length > _DRAIN_LIMIT:
            return
        while length > 0:
            chunk = self.rfile.read(min(length, 65536))
            if not chunk:
                return
            length -= len(chunk)

    def _fail(self, status: HTTPStatus, message: str) -> None:
        self._send(status, error_page(status, message), {"Allow": "GET, POST"} if status == HTTPStatus.METHOD_NOT_ALLOWED else {})

    def _send(self, status: HTTPStatus, html_text: str, extra: dict[str, str] | None = None) -> None:
        data = html_text.encode("utf-8")
        self.send_response(status)
        self.send_header("Content-Type", "text/html; charset=utf-8")
        self.send_header("Content-Length", str(len(data)))
        for name, value in {**_HEADERS, **(extra or {})}.items():
            self.send_header(name, value)
        self.end_headers()
        self.wfile.write(data)

    def log_message(self, format: str, *args: object) -> None:  # noqa: A002 - the base class's name
        if not self.server.quiet:
            sys.stderr.write(f"claimcheck serve: {self.address_string()} {format % args}\n")


class ReviewServer(ThreadingHTTPServer):
    """A threading HTTP server that carries the loaded corpus to its handlers."""

    daemon_threads = True

    def __init__(self, address: tuple[str, int], reviewer: Reviewer, quiet: bool = False) -> None:
        self.reviewer = reviewer
        self.quiet = quiet
        super().__init__(address, ReviewHandler)
