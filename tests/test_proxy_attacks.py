"""The local proxy under attack: what a client or a server of its own can make it do.

Real sockets: the demo server, or a strict upstream of our own below (standard library) that
reads request bodies by their framing, as a real server does, and records every request it
saw on a connection: a request whose body the proxy framed wrongly shows up as a second,
garbled request on the same connection.
"""

from __future__ import annotations

import contextlib
import hashlib
import json
import select
import socket
import threading
import time
from collections.abc import Callable, Iterator
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer

import pytest
import requests

from msauth_gui.core.client import ConnectionSettings
from msauth_gui.core.proxy import server as proxy_server
from msauth_gui.core.proxy.access import AccessRecord
from msauth_gui.core.proxy.server import ProxyServer
from msauth_gui.core.session.shared import SECOND_CHANCE
from msauth_gui.core.token import Credentials, Token
from msauth_gui.devserver import DemoServer

from .conftest import FakeClock
from .hostile import HostileServer, Reply
from .proxy_helpers import get, proxied, raw


class _Strict(BaseHTTPRequestHandler):
    """Reads a body by ``Transfer-Encoding: chunked`` or ``Content-Length`` (none: no body) and
    answers what it read; keeps the connection for the next request."""

    protocol_version = "HTTP/1.1"
    server: _StrictServer

    def log_message(self, format: str, *args: object) -> None:
        pass

    def send_error(self, code: int, message: str | None = None, explain: str | None = None) -> None:
        self.server.seen.append(("garbled", self.raw_requestline[:40].decode("latin-1")))
        super().send_error(code, message, explain)

    def do_POST(self) -> None:
        if self.headers.get("Transfer-Encoding", "").lower() == "chunked":
            framing, body = "chunked", self._chunked()
        else:
            framing, length = "length", int(self.headers.get("Content-Length") or 0)
            body = self.rfile.read(length)
        self.server.seen.append((self.command, self.path))
        data = {"framing": framing, "length": len(body), "sha256": hashlib.sha256(body).hexdigest()}
        answer = json.dumps(data).encode()
        self.send_response(200)
        self.send_header("Content-Type", "application/json")
        self.send_header("Content-Length", str(len(answer)))
        self.end_headers()
        self.wfile.write(answer)

    do_GET = do_PUT = do_POST

    def _chunked(self) -> bytes:
        pieces = []
        while size := int(self.rfile.readline().split(b";")[0], 16):
            pieces.append(self.rfile.read(size))
            self.rfile.readline()
        while self.rfile.readline() not in (b"\r\n", b"\n", b""):
            pass
        return b"".join(pieces)


class _StrictServer(ThreadingHTTPServer):
    daemon_threads = True

    def __init__(self) -> None:
        super().__init__(("127.0.0.1", 0), _Strict)
        self.seen: list[tuple[str, str]] = []

    @property
    def url(self) -> str:
        return f"http://127.0.0.1:{self.server_address[1]}"


@pytest.fixture
def strict() -> Iterator[_StrictServer]:
    server = _StrictServer()
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    yield server
    server.shutdown()
    server.server_close()
    thread.join(5)


class _Fixed:
    """A session that never changes (a :class:`CredentialSource`): one token, no renewal."""

    def current(self, wait: float) -> Credentials:
        return Token(access_token="tok-fixed-123456", obtained_at=time.time())

    def renewed(self, used: Credentials, sent_at: float, wait: float) -> Credentials | None:
        return None


@contextlib.contextmanager
def serving(url: str) -> Iterator[ProxyServer]:
    """A proxy in front of ``url`` with a fixed token."""
    with ProxyServer(ConnectionSettings(server=url, timeout=5), _Fixed(), port=0) as proxy:
        yield proxy


def test_a_large_chunked_upload_reaches_the_server_as_one_chunked_request(
    strict: _StrictServer,
) -> None:
    """Above the replay limit a chunked body streams on: it must say so (Transfer-Encoding),
    or the server reads a body of 0 bytes and then the chunks as the next request: the
    upload is lost and the next tool on that kept-alive connection gets a stray answer."""
    body = b"x" * 1000 + b"POST /smuggled HTTP/1.1\r\nContent-Length: 0\r\n\r\n" + b"y" * 1000
    with serving(strict.url) as proxy:
        proxy.forwarder.replay_limit = 1000  # larger bodies stream through
        pieces = [body[:700], body[700:1500], body[1500:]]
        answer = requests.post(proxy.url + "/api/v1/upload", data=iter(pieces), timeout=10)
        after = requests.post(proxy.url + "/api/v1/next", data=b"small", timeout=10)
    assert answer.status_code == 200
    assert answer.json() == {
        "framing": "chunked",
        "length": len(body),
        "sha256": hashlib.sha256(body).hexdigest(),
    }
    assert after.json()["length"] == 5
    assert strict.seen == [("POST", "/api/v1/upload"), ("POST", "/api/v1/next")]


def test_the_session_is_never_handed_to_a_web_page_request_without_an_origin(
    demo: DemoServer,
) -> None:
    """A page's <img src>, a link or a form GET carries no Origin, but a browser says where it
    comes from (Sec-Fetch-Site, Referer): another site's request is refused like one with an
    Origin. A tool (curl, Postman) sends neither; the operator's own address bar says "none"."""
    with proxied(demo, allow_origins=["https://tool.example"]) as (proxy, _keeper):
        host = f"127.0.0.1:{proxy.port}"

        def status(*headers: str) -> int:
            return raw(proxy.port, get(proxy.port, "/api/v1/echo", host, *headers))[0]

        refused = [
            status("Sec-Fetch-Site: cross-site", "Sec-Fetch-Mode: no-cors"),
            status("Sec-Fetch-Site: same-site"),
            status("Referer: https://evil.example/page"),
            status(f"Origin: http://{host}", "Origin: https://evil.example"),
        ]
        served = [
            status(),
            status("Sec-Fetch-Site: none", "Sec-Fetch-Mode: navigate"),
            status("Sec-Fetch-Site: same-origin", f"Referer: http://{host}/api/v1/"),
            status("Sec-Fetch-Site: cross-site", "Origin: https://tool.example"),
            status("Referer: https://tool.example/app"),
        ]
    assert refused == [403] * 4
    assert served == [200] * 5
    assert demo.counts["echo"] == 5


@pytest.mark.parametrize("length", ["\u00b2", "\u00b3\u00b9", "+5", "5 5"])
def test_a_content_length_that_is_not_ascii_digits_gets_400(demo: DemoServer, length: str) -> None:
    """ "²".isdigit() is True and int("²") raises: the connection used to end with no answer
    and no line in the access log."""
    records: list[object] = []
    with proxied(demo, records=records) as (proxy, _keeper):
        request = (
            f"POST /api/v1/echo HTTP/1.1\r\nHost: 127.0.0.1:{proxy.port}\r\n"
            f"Content-Length: {length}\r\n\r\nabcde"
        ).encode("latin-1")
        status = raw(proxy.port, request)[0]
    assert status == 400
    assert len(records) == 1 and demo.counts["echo"] == 0


def test_a_path_that_always_answers_401_costs_one_renewal_a_minute_not_one_a_request(
    demo: DemoServer, clock: FakeClock
) -> None:
    """A server that refuses even the renewed token (or a path that always says 401) made
    every request through the proxy sign in again: a tool polling it was a renewal storm."""
    records: list[AccessRecord] = []
    with proxied(demo, clock=clock, records=records) as (proxy, _keeper):
        demo.config.fault, demo.config.fault_on = "unauthorized", frozenset({"echo"})
        session = requests.Session()
        statuses = [session.get(proxy.url + "/api/v1/echo", timeout=10).status_code]
        statuses += [
            session.get(proxy.url + "/api/v1/echo", timeout=10).status_code for _ in range(5)
        ]
        renewals = demo.counts["refresh"] + demo.counts["token"] - 1
        clock.advance(SECOND_CHANCE + 1)  # a minute on: the server may have been fixed
        session.get(proxy.url + "/api/v1/echo", timeout=10)
        later = demo.counts["refresh"] + demo.counts["token"] - 1
        demo.config.fault = None
        served = session.get(proxy.url + "/api/v1/echo", timeout=10).status_code
    assert statuses == [401] * 6 and served == 200
    assert renewals == 1 and later == 2
    assert "the renewed ones too" in records[0].failure
    assert all("refused the session's credentials" in r.failure for r in records[1:7])


class _Recorder(BaseHTTPRequestHandler):
    """An HTTP proxy (HTTP_PROXY) that records the absolute target of each request and the
    Authorization it carries, and answers 200."""

    server: _RecordingServer

    def log_message(self, format: str, *args: object) -> None:
        pass

    def do_GET(self) -> None:
        self.server.seen.append(
            (self.path, self.headers.get("Host", ""), self.headers.get("Authorization", ""))
        )
        self.send_response(200)
        self.send_header("Content-Length", "2")
        self.end_headers()
        self.wfile.write(b"ok")


class _RecordingServer(ThreadingHTTPServer):
    daemon_threads = True

    def __init__(self) -> None:
        super().__init__(("127.0.0.1", 0), _Recorder)
        self.seen: list[tuple[str, str, str]] = []


def test_the_session_goes_to_the_idna_2008_host_the_token_came_from(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    """http.client and the socket module encode a non-ASCII name as IDNA 2003: the proxy of
    http://straße.example (whose token requests got from xn--strae-oqa.example) would have
    sent the token to strasse.example, another host."""
    recorder = _RecordingServer()
    thread = threading.Thread(target=recorder.serve_forever, daemon=True)
    thread.start()
    for name in ("NO_PROXY", "no_proxy", "ALL_PROXY"):
        monkeypatch.delenv(name, raising=False)
    monkeypatch.setenv("HTTP_PROXY", f"http://127.0.0.1:{recorder.server_address[1]}")
    try:
        with serving("http://straße.example:9000") as proxy, requests.Session() as tool:
            tool.trust_env = False  # the tool reaches the proxy directly
            answer = tool.get(proxy.url + "/api/v1/DocTypes", timeout=10)
    finally:
        recorder.shutdown()
        recorder.server_close()
    assert answer.status_code == 200
    assert recorder.seen == [
        (
            "http://xn--strae-oqa.example:9000/api/v1/DocTypes",
            "xn--strae-oqa.example:9000",
            "Bearer tok-fixed-123456",
        )
    ]


def _until(condition: Callable[[], bool], timeout: float = 10.0) -> None:
    deadline = time.monotonic() + timeout
    while not condition():
        assert time.monotonic() < deadline, "the condition never held"
        time.sleep(0.005)


def test_slowloris_connections_make_way_for_a_real_request(
    demo: DemoServer, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Connections that send a request's head byte by byte (or nothing) used to hold every
    place for as long as they liked: anyone on the machine could shut the proxy for all."""
    monkeypatch.setattr(proxy_server, "MAX_CONNECTIONS", 16)
    with proxied(demo) as (proxy, _keeper):
        slow = [socket.create_connection(("127.0.0.1", proxy.port)) for _ in range(16)]
        try:
            for sock in slow[:12]:
                sock.sendall(b"GET /api/v1/echo HTTP/1.1\r\nX-Trickle: a")  # and never more
            _until(lambda: len(proxy._connections) == 16)  # all accepted
            answers = [requests.get(proxy.url + "/api/v1/echo", timeout=10) for _ in range(3)]
            assert [a.status_code for a in answers] == [200, 200, 200]
            # three waiters were closed to make way (they read EOF); the others wait on
            _until(lambda: len(select.select(slow, [], [], 0)[0]) == 3)
            closed = select.select(slow, [], [], 0)[0]
            assert [sock.recv(100) for sock in closed] == [b"", b"", b""]
        finally:
            for sock in slow:
                sock.close()


@pytest.mark.parametrize("name", ["X\rAccess-Control-Allow-Origin", "X\x00Y", "Set Cookie"])
def test_a_server_header_name_that_is_not_a_token_is_a_502(name: str) -> None:
    """Values had CR and LF cleaned, names not: a bare CR in a name is a line end to some
    clients, so a server could add headers the proxy keeps for itself (CORS)."""
    headers = (("Content-Type", "text/plain"), (name, "*"))
    with HostileServer(Reply(200, b"ok", headers)) as server, serving(server.url) as proxy:
        status, _headers, body = raw(proxy.port, get(proxy.port, "/x", f"127.0.0.1:{proxy.port}"))
    assert status == 502 and b"malformed header line" in body


def test_an_http_1_0_client_gets_no_100_continue(demo: DemoServer) -> None:
    """RFC 9110 15.2: no 1xx to an HTTP/1.0 client, which takes the first status line for the
    answer. The proxy sent "100 Continue" to one that asked for it, so the client read an
    empty 100 and lost the server's 200."""
    with proxied(demo) as (proxy, _keeper):
        head = f"POST /api/v1/echo HTTP/1.0\r\nHost: 127.0.0.1:{proxy.port}\r\n"
        request = head + "Expect: 100-continue\r\nContent-Length: 3\r\n\r\nabc"
        status, _headers, body = raw(proxy.port, request.encode())
    assert status == 200 and b"100 Continue" not in body
    assert json.loads(body)["method"] == "POST"
