"""The review server under load and abuse, over real sockets with client threads: a full
queue answers 503 with Retry-After, a burst waits in the listen backlog, bad or stalled
bodies get a 4xx quickly, and the log stays one escaped line per event."""

from __future__ import annotations

import io
import socket
import struct
import threading
import time
from collections.abc import Iterator
from pathlib import Path

import pytest

from checker.review import Reviewer, ReviewResult
from checker.server import ReviewServer

ROOT = Path(__file__).resolve().parent.parent
DRAFT = b"Weather\n\nThe weather in Vientiane was pleasant on Sunday, residents said.\n" * 20


class Gate:
    """The seeds' reviewer, holding every review until the test opens the gate, so which
    requests are in the queue is decided by the test, not by timing."""

    def __init__(self, reviewer: Reviewer) -> None:
        self.reviewer = reviewer
        self.documents = reviewer.documents
        self.opened = threading.Event()
        self.entered = threading.Semaphore(0)

    def review(self, *args: object) -> ReviewResult:
        self.entered.release()
        assert self.opened.wait(20)
        return self.reviewer.review(*args)


@pytest.fixture(scope="module")
def reviewer() -> Reviewer:
    return Reviewer.load([ROOT / "seeds"], ROOT / "rules")


class Served:
    def __init__(self, server: ReviewServer, log: io.StringIO) -> None:
        self.server = server
        self.log = log
        self.thread = threading.Thread(target=server.serve_forever, daemon=True)

    @property
    def address(self) -> tuple[str, int]:
        return self.server.server_address[:2]

    def lines(self) -> list[str]:
        return self.log.getvalue().splitlines()


@pytest.fixture
def serve(reviewer: Reviewer) -> Iterator:
    started: list[Served] = []

    def make(front: object = None, start: bool = True, **options: object) -> Served:
        log = io.StringIO()
        served = Served(ReviewServer(("127.0.0.1", 0), front or reviewer, log=log, **options), log)
        if start:
            served.thread.start()
        started.append(served)
        return served

    yield make
    for served in started:
        if served.thread.is_alive():
            served.server.shutdown()
        served.server.server_close()


def post(body: bytes = DRAFT) -> bytes:
    return (b"POST /review HTTP/1.1\r\nHost: x\r\nContent-Type: text/plain\r\n"
            + f"Content-Length: {len(body)}\r\n\r\n".encode() + body)


def answer(sock: socket.socket) -> tuple[int, dict[str, str], bytes]:
    """Status, headers and body of the response, read to the end of the connection."""
    data = b""
    while chunk := sock.recv(65536):
        data += chunk
    head, _, body = data.partition(b"\r\n\r\n")
    lines = head.decode("latin-1").split("\r\n")
    headers = dict(line.split(": ", 1) for line in lines[1:])
    return int(lines[0].split()[1]), headers, body


def exchange(address: tuple[str, int], raw: bytes, half_close: bool = False) -> tuple[int, dict[str, str], bytes]:
    with socket.create_connection(address, timeout=10) as sock:
        sock.sendall(raw)
        if half_close:
            sock.shutdown(socket.SHUT_WR)
        return answer(sock)


def test_a_full_queue_answers_503_with_retry_after_never_a_reset(serve, reviewer: Reviewer) -> None:
    gate = Gate(reviewer)
    served = serve(gate, max_queue=2)
    results: list[tuple[int, dict[str, str]] | BaseException] = []
    done = threading.Semaphore(0)

    def client() -> None:
        try:
            status, headers, _ = exchange(served.address, post())
            results.append((status, headers))
        except BaseException as exc:  # noqa: BLE001 - a reset is what the test is looking for
            results.append(exc)
        done.release()

    threads = [threading.Thread(target=client) for _ in range(12)]
    for t in threads:
        t.start()
    assert gate.entered.acquire(timeout=20) and gate.entered.acquire(timeout=20)  # two drafts hold the queue
    for _ in range(10):  # every other client is answered while the queue is full
        assert done.acquire(timeout=20)
    gate.opened.set()
    for t in threads:
        t.join(timeout=30)
    assert not [r for r in results if isinstance(r, BaseException)]
    statuses = sorted(status for status, _ in results)
    assert statuses == [200] * 2 + [503] * 10
    assert all(headers["Retry-After"] == "5" for status, headers in results if status == 503)
    assert sum('"POST /review HTTP/1.1" 503' in line for line in served.lines()) == 10


def test_a_burst_waits_in_the_backlog_until_the_server_accepts(serve) -> None:
    served = serve(start=False, max_queue=64)
    socks = []
    try:
        for _ in range(50):  # a listen backlog of 5 drops the SYNs past the sixth: these connects time out
            sock = socket.create_connection(served.address, timeout=2)
            sock.sendall(post(DRAFT[:200]))
            socks.append(sock)
        served.thread.start()
        statuses = [answer(sock)[0] for sock in socks]
    finally:
        for sock in socks:
            sock.close()
    assert statuses == [200] * 50


def test_a_body_shorter_than_announced_is_400_at_once(serve) -> None:
    served = serve(request_timeout=10)
    began = time.monotonic()
    status, _, body = exchange(served.address, post(DRAFT)[:-100], half_close=True)
    assert status == 400 and b"ended after" in body
    assert time.monotonic() - began < 5


def test_a_body_that_stalls_is_408_after_the_timeout(serve) -> None:
    served = serve(request_timeout=0.5)
    began = time.monotonic()
    status, _, body = exchange(served.address, post(DRAFT)[:-100])
    assert status == 408 and b"stopped arriving" in body
    assert time.monotonic() - began < 5
    assert not any("Traceback" in line for line in served.lines())


@pytest.mark.parametrize(("headers", "status"), [
    (b"Content-Length: -1\r\n", 400),
    (b"Content-Length: +5\r\n", 400),
    (b"Content-Length: 1e3\r\n", 400),
    (b"Content-Length: 0x10\r\n", 400),
    (b"Content-Length: 5 5\r\n", 400),
    (b"Content-Length: \xb2\r\n", 400),  # a superscript two: str.isdigit() says yes, int() says no
    (b"Content-Length: 5\r\nContent-Length: 6\r\n", 400),
    (b"Content-Length: 5\r\nTransfer-Encoding: chunked\r\n", 400),
    (b"Transfer-Encoding: chunked\r\n", 411),
    (b"Content-Length: 99999999999999999999999999\r\n", 413),
])
def test_an_odd_content_length_is_refused_with_a_4xx(serve, headers: bytes, status: int) -> None:
    served = serve(request_timeout=5)
    raw = b"POST /review HTTP/1.1\r\nHost: x\r\nContent-Type: text/plain\r\n" + headers + b"\r\nhello"
    began = time.monotonic()
    got, _, body = exchange(served.address, raw, half_close=True)
    assert got == status and b'id="error"' in body
    assert time.monotonic() - began < 3


def test_the_log_escapes_control_characters(serve) -> None:
    served = serve()
    status, _, _ = exchange(served.address, b"GET /\x1b[31mred\x07 HTTP/1.0\r\n\r\n")
    assert status == 404
    line = next(line for line in served.lines() if "red" in line)
    assert "/\\x1b[31mred\\x07" in line
    assert not any(ch in served.log.getvalue() for ch in "\x1b\x07")


def test_a_client_that_goes_away_is_one_log_line(serve, reviewer: Reviewer) -> None:
    gate = Gate(reviewer)
    served = serve(gate)
    sock = socket.create_connection(served.address, timeout=10)
    sock.sendall(post())
    assert gate.entered.acquire(timeout=20)
    sock.setsockopt(socket.SOL_SOCKET, socket.SO_LINGER, struct.pack("ii", 1, 0))
    sock.close()  # a reset: the review's answer has nowhere to go
    gate.opened.set()
    for _ in range(100):
        if any("connection dropped" in line for line in served.lines()):
            break
        time.sleep(0.05)
    dropped = [line for line in served.lines() if "connection dropped" in line]
    assert len(dropped) == 1 and ("ConnectionResetError" in dropped[0] or "BrokenPipeError" in dropped[0])
    assert "Traceback" not in served.log.getvalue()
