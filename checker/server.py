"""The local review page: an editor pastes or uploads a draft and sees the review.

Standard library only (`http.server`). The corpus is analysed once at start-up by a
`Reviewer`; each request analyses only the draft. Every bad request gets a short page
saying what to do, with a 4xx status, never a stack trace. Pages run no script at all.

Load: one thread per connection, up to `max_connections` (beyond that, connections wait in
the listen backlog rather than being refused); reviews run one at a time, and at most
`max_queue` drafts may be waiting or running: the next gets 503 with Retry-After, never a
reset. A body is always read (or drained) before the answer, so the client can read it.
The log is one line per event, control characters escaped.
"""

from __future__ import annotations

import datetime as dt
import re
import sys
import threading
from dataclasses import dataclass
from email.parser import BytesParser
from email.policy import HTTP
from http import HTTPStatus
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import PurePosixPath
from socket import socket
from typing import TextIO
from urllib.parse import parse_qs

from checker.report.evidence import published_words
from checker.report.htmlkit import esc, page
from checker.report.review_html import sections
from checker.review import Reviewer

MAX_BODY = 1024 * 1024
_DRAIN_LIMIT = 16 * MAX_BODY  # read and drop an oversized body up to this, so the client sees our answer
RETRY_AFTER = 5  # seconds a client is asked to wait when the review queue is full
_LENGTH = re.compile(r"[0-9]{1,15}")  # a Content-Length we read; more digits is too large
_DAY = re.compile(r"[0-9]{4}-[0-9]{2}-[0-9]{2}")
_LOG_ESCAPES = {c: f"\\x{c:02x}" for c in (*range(0x20), *range(0x7F, 0xA0))}
_HEADERS = {
    "Content-Security-Policy": "default-src 'none'; style-src 'unsafe-inline'; img-src data:; script-src 'none'; "
                               "form-action 'self'; base-uri 'none'; frame-ancestors 'none'",
    "X-Content-Type-Options": "nosniff",
    "Referrer-Policy": "no-referrer",
    "Cache-Control": "no-store",
}


class RequestError(Exception):
    """A request we refuse, with the status and the sentence the editor sees; `on_form`
    when the editor can fix it on the form (an empty or unreadable draft, a bad date)."""

    def __init__(self, status: HTTPStatus, message: str, on_form: bool = False) -> None:
        super().__init__(message)
        self.status = status
        self.message = message
        self.on_form = on_form


@dataclass(frozen=True)
class Submission:
    """What the form sent: the draft's bytes, the uploaded file's name (None when pasted)
    and the publication date field as typed."""

    draft: bytes
    filename: str | None = None
    published: str = ""

    @property
    def draft_id(self) -> str:
        """The id the CLI gives the same file (its name without the suffix), so an upload
        named like a published article replaces it, as `claimcheck review` does."""
        return PurePosixPath(self.filename).stem if self.filename else "draft"

    @property
    def draft_path(self) -> str:
        return PurePosixPath(self.filename).name if self.filename else "draft"

    def published_day(self) -> dt.date | None:
        """The date field as a day; empty means the draft's own date (or none)."""
        text = self.published.strip()
        if not text:
            return None
        try:
            if _DAY.fullmatch(text):
                return dt.date.fromisoformat(text)
        except ValueError:
            pass
        raise RequestError(HTTPStatus.BAD_REQUEST,
                           f"The publication date {text[:40]!r} is not a date: use YYYY-MM-DD, or leave it empty.",
                           on_form=True)


def decode_draft(raw: bytes) -> str:
    """Uploaded bytes as text, or a RequestError an editor can act on."""
    try:
        text = raw.decode("utf-8-sig")
    except UnicodeDecodeError as exc:
        raise RequestError(HTTPStatus.UNSUPPORTED_MEDIA_TYPE,
                           f"The draft is not UTF-8 text (undecodable byte at position {exc.start}). "
                           "Save it as plain text (.txt) and try again.", on_form=True) from None
    if "\x00" in text:
        raise RequestError(HTTPStatus.UNSUPPORTED_MEDIA_TYPE,
                           "The upload looks like a binary file (it contains NUL bytes). "
                           "Save the draft as plain text (.txt) and try again.", on_form=True)
    if not text.strip():
        raise RequestError(HTTPStatus.BAD_REQUEST, "The draft is empty: paste the article text or choose a file.",
                           on_form=True)
    return text.replace("\r\n", "\n")


def submission(content_type: str, body: bytes) -> Submission:
    """The draft from a form post (pasted text or uploaded file, which wins) or a plain-text body."""
    kind = content_type.split(";")[0].strip().lower()
    if kind == "multipart/form-data":
        fields, filename = _multipart(content_type, body)
        published = fields.get("published", b"").decode("utf-8", "replace")
        if fields.get("file"):
            return Submission(fields["file"], filename, published)
        return Submission(fields.get("text", b""), None, published)
    if kind == "application/x-www-form-urlencoded":
        try:
            form = parse_qs(body.decode("ascii"), encoding="utf-8", errors="strict")
        except UnicodeDecodeError:
            raise RequestError(HTTPStatus.BAD_REQUEST, "The form could not be read: it is not valid UTF-8.") from None
        return Submission("".join(form.get("text", [])).encode("utf-8"), None, "".join(form.get("published", [])))
    if kind in ("", "text/plain"):
        return Submission(body)
    raise RequestError(HTTPStatus.UNSUPPORTED_MEDIA_TYPE,
                       f"Cannot read a body of type {kind!r}: send the form, or plain text.")


def _multipart(content_type: str, body: bytes) -> tuple[dict[str, bytes], str | None]:
    """The form's fields, and the uploaded file's name."""
    head = f"Content-Type: {content_type}\r\nMIME-Version: 1.0\r\n\r\n".encode("latin-1", "replace")
    message = BytesParser(policy=HTTP).parsebytes(head + body)
    if not message.is_multipart():
        raise RequestError(HTTPStatus.BAD_REQUEST, "The form could not be read: it has no parts.")
    fields: dict[str, bytes] = {}
    filename: str | None = None
    for part in message.iter_parts():
        name = part.get_param("name", header="content-disposition")
        payload = part.get_payload(decode=True)
        if isinstance(name, str) and isinstance(payload, bytes):
            fields[name] = payload
            if name == "file":
                filename = part.get_filename() or None
    return fields, filename


def form_page(reviewer: Reviewer, default_day: dt.date | None, text: str = "", result_html: str = "",
              published: str | None = None, message: str = "") -> str:
    """The paste/upload form, with the previous draft and date kept in it, a message when the
    submission could not be reviewed, and the review below. The date field starts at the
    day the server was given (it never reads the clock)."""
    count = len(reviewer.documents)
    day = published if published is not None else (default_day.isoformat() if default_day else "")
    body = (
        "<h1>claimcheck: review a draft</h1>"
        f'<p class="lead">Paste a draft article (or choose a .txt file) and claimcheck compares its claims '
        f"with the {count} published articles loaded at start-up. Conflicts show the draft's words beside "
        "the published passage they disagree with. A file named like a published article replaces it.</p>"
        '<form method="post" action="/review" enctype="multipart/form-data">'
        f'<div class="row"><label for="text">Draft text</label><textarea id="text" name="text">{esc(text)}</textarea></div>'
        '<div class="row"><label for="file">or upload a file</label> '
        '<input type="file" id="file" name="file" accept=".txt,.md,text/plain,text/markdown"></div>'
        '<div class="row"><label for="published">Publication date</label> '
        f'<input type="date" id="published" name="published" value="{esc(day)}"> '
        "<small>used when the draft states no date of its own</small></div>"
        '<div class="row"><button type="submit" id="submit">Check draft</button></div>'
        "</form>"
        + (f'<p class="notice bad" id="error" role="alert">{esc(message)}</p>' if message else "")
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

    def setup(self) -> None:
        self.timeout = self.server.request_timeout  # every read and write on the socket; a stalled client gets 408
        self._body_read = False
        super().setup()

    def do_GET(self) -> None:
        if self._path() == "/review":
            self._fail(HTTPStatus.METHOD_NOT_ALLOWED, "Drafts are sent to /review with the form at /.")
            return
        if self._path() != "/":
            self._fail(HTTPStatus.NOT_FOUND, "There is no such page here. The review form is at /.")
            return
        self._send(HTTPStatus.OK, form_page(self.server.reviewer, self.server.default_day))

    def do_POST(self) -> None:
        if self._path() != "/review":
            self._fail(HTTPStatus.NOT_FOUND if self._path() != "/" else HTTPStatus.METHOD_NOT_ALLOWED,
                       "Drafts are sent to /review with the form at /.")
            return
        sent: Submission | None = None
        try:
            body = self._body()
            sent = submission(self.headers.get("Content-Type", ""), body)
            day = sent.published_day()
            text = decode_draft(sent.draft)
        except RequestError as exc:
            self._fail(exc.status, exc.message, sent=sent if exc.on_form else None, on_form=exc.on_form)
            return
        if not self.server.queue.acquire(blocking=False):
            self.close_connection = True
            self._fail(HTTPStatus.SERVICE_UNAVAILABLE,
                       f"The server is busy reviewing other drafts. Try again in {RETRY_AFTER} seconds.",
                       {"Retry-After": str(RETRY_AFTER)})
            return
        try:
            result = self.server.reviewer.review(text, sent.draft_id, sent.draft_path, day)
        except Exception as exc:  # noqa: BLE001 - the editor gets a sentence, the console the detail
            self.log_error("review failed: %s: %s", type(exc).__name__, exc)
            self._fail(HTTPStatus.INTERNAL_SERVER_ERROR, "The draft could not be reviewed because of an internal error.")
            return
        finally:
            self.server.queue.release()
        status = HTTPStatus.OK if result.draft is not None else HTTPStatus.UNPROCESSABLE_ENTITY
        when = (f"published {day.isoformat()} (the date given on this page)" if result.dated_by_caller and day
                else published_words(result.draft))
        dated = (f'<p class="notice" id="dated">The draft {esc(result.draft_id)} was reviewed as '
                 f"{esc(when)}.</p>") if result.draft is not None else ""
        self._send(status, form_page(self.server.reviewer, self.server.default_day, text,
                                     dated + sections(result), sent.published))

    def _not_allowed(self) -> None:
        self._fail(HTTPStatus.METHOD_NOT_ALLOWED, f"{self.command} is not supported: open / and use the form.")

    do_PUT = do_DELETE = do_PATCH = do_OPTIONS = _not_allowed

    def _path(self) -> str:
        return self.path.split("?", 1)[0].split("#", 1)[0]

    def _length(self) -> int:
        """The body's announced length; a missing, ambiguous or malformed one is refused."""
        if self.headers.get("Transfer-Encoding") is not None:
            raise RequestError(HTTPStatus.BAD_REQUEST if "Content-Length" in self.headers else HTTPStatus.LENGTH_REQUIRED,
                               "Chunked bodies are not accepted; send the form from /, with a Content-Length.")
        values = {v.strip() for v in self.headers.get_all("Content-Length", [])}
        if not values:
            raise RequestError(HTTPStatus.LENGTH_REQUIRED, "The request has no Content-Length; send the form from /.")
        if len(values) > 1:
            raise RequestError(HTTPStatus.BAD_REQUEST, "The request has several different Content-Length headers.")
        raw = values.pop()
        if _LENGTH.fullmatch(raw):
            return int(raw)
        if raw.isascii() and raw.isdigit():
            return _DRAIN_LIMIT + 1  # more digits than any body we would read
        raise RequestError(HTTPStatus.BAD_REQUEST, "The request's Content-Length is not a number of bytes.")

    def _body(self) -> bytes:
        """Exactly Content-Length bytes: a body that ends early is 400, one that stalls is 408."""
        self.close_connection = True  # whatever happens next, this connection carries one request
        self._body_read = True  # from here on, what is not read is not ours to drain
        length = self._length()
        if length > MAX_BODY:
            self._drain(length)
            raise RequestError(HTTPStatus.REQUEST_ENTITY_TOO_LARGE,
                               f"The draft is too large ({length:,} bytes); the limit is {MAX_BODY:,} bytes (1 MB).",
                               on_form=True)
        chunks: list[bytes] = []
        got = 0
        try:
            while got < length:
                chunk = self.rfile.read1(length - got)
                if not chunk:
                    raise RequestError(HTTPStatus.BAD_REQUEST,
                                       f"The request ended after {got:,} of the {length:,} bytes it announced.")
                chunks.append(chunk)
                got += len(chunk)
        except TimeoutError:
            raise RequestError(HTTPStatus.REQUEST_TIMEOUT,
                               f"The draft stopped arriving after {got:,} of {length:,} bytes.") from None
        return b"".join(chunks)

    def _drain(self, length: int) -> None:
        """Read and drop an oversized body so the client can read the refusal; past a limit, hang up."""
        self._body_read = True
        if length > _DRAIN_LIMIT:
            return
        try:
            while length > 0:
                chunk = self.rfile.read1(min(length, 65536))
                if not chunk:
                    return
                length -= len(chunk)
        except TimeoutError:
            return

    def _fail(self, status: HTTPStatus, message: str, extra: dict[str, str] | None = None,
              sent: Submission | None = None, on_form: bool = False) -> None:
        """The refusal as a page: the form with the message when the editor can fix it there."""
        if not self._body_read and self.command in ("POST", "PUT", "PATCH"):
            self.close_connection = True
            length = self.headers.get("Content-Length", "")
            self._drain(int(length) if _LENGTH.fullmatch(length.strip()) else 0)
        if status == HTTPStatus.METHOD_NOT_ALLOWED:
            extra = {**(extra or {}), "Allow": "GET, POST"}
        if on_form:
            html_text = form_page(self.server.reviewer, self.server.default_day,
                                  _as_text(sent.draft) if sent else "", "", sent.published if sent else None, message)
        else:
            html_text = error_page(status, message)
        self._send(status, html_text, extra)

    def _send(self, status: HTTPStatus, html_text: str, extra: dict[str, str] | None = None) -> None:
        data = html_text.encode("utf-8")
        self.send_response(status)
        self.send_header("Content-Type", "text/html; charset=utf-8")
        self.send_header("Content-Length", str(len(data)))
        for name, value in {**_HEADERS, **(extra or {})}.items():
            self.send_header(name, value)
        if self.close_connection:
            self.send_header("Connection", "close")
        self.end_headers()
        self.wfile.write(data)

    def send_error(self, code: int, message: str | None = None, explain: str | None = None) -> None:
        """http.server's own refusals (a malformed request line, headers too long) as our page."""
        self.close_connection = True
        status = HTTPStatus(code)
        self._send(status, error_page(status, message or status.description))

    def log_message(self, format: str, *args: object) -> None:  # noqa: A002 - the base class's name
        self.server.log(f"{self.address_string()} {format % args}")


def _as_text(raw: bytes) -> str:
    """A refused draft's bytes, to put back in the form when they are text."""
    try:
        return raw.decode("utf-8-sig").replace("\r\n", "\n") if b"\x00" not in raw else ""
    except UnicodeDecodeError:
        return ""


class ReviewServer(ThreadingHTTPServer):
    """A threading HTTP server that carries the loaded corpus to its handlers, with a real
    listen backlog, a cap on connection threads and a bounded queue of reviews."""

    daemon_threads = True

    def __init__(self, address: tuple[str, int], reviewer: Reviewer, *, log: TextIO | None = sys.stderr,
                 default_day: dt.date | None = None, max_queue: int = 16, max_connections: int = 64,
                 backlog: int = 128, request_timeout: float = 30.0) -> None:
        self.reviewer = reviewer
        self.default_day = default_day
        self.request_timeout = request_timeout
        self.request_queue_size = backlog
        self.queue = threading.BoundedSemaphore(max_queue)  # reviews waiting or running
        self._connections = threading.BoundedSemaphore(max_connections)
        self._log = log
        self._log_lock = threading.Lock()
        super().__init__(address, ReviewHandler)

    def log(self, line: str) -> None:
        """One line on the log, control characters escaped so a request cannot drive the terminal."""
        if self._log is not None:
            with self._log_lock:
                self._log.write(f"claimcheck serve: {line.translate(_LOG_ESCAPES)}\n")
                self._log.flush()

    def process_request(self, request: socket, client_address: tuple[str, int]) -> None:
        """At the cap, stop accepting: waiting connections queue in the backlog, none is reset."""
        self._connections.acquire()
        try:
            super().process_request(request, client_address)
        except BaseException:
            self._connections.release()
            raise

    def process_request_thread(self, request: socket, client_address: tuple[str, int]) -> None:
        try:
            super().process_request_thread(request, client_address)
        finally:
            self._connections.release()

    def handle_error(self, request: socket, client_address: tuple[str, int]) -> None:
        """One log line, never a traceback: a client that went away is routine."""
        exc = sys.exc_info()[1]
        host = client_address[0] if isinstance(client_address, tuple) else str(client_address)
        if isinstance(exc, (ConnectionError, TimeoutError)):
            self.log(f"{host} connection dropped: {type(exc).__name__}: {exc}")
        else:
            self.log(f"{host} internal error: {type(exc).__name__}: {exc}")
