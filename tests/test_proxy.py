"""The local proxy forwards what a tool sends, adds the session, streams the answer back, and
refuses what could let someone else act as the user. Real sockets, the demo server."""

from __future__ import annotations

import hashlib
import json
import tracemalloc
from collections.abc import Callable

import pytest
import requests

from msauth_gui.core.proxy.access import AccessRecord, access_line
from msauth_gui.devserver import DemoServer
from msauth_gui.devserver.echo import PATTERN

from .proxy_helpers import PASSWORD, get, proxied, raw


@pytest.fixture
def upstream(demo_factory: Callable[..., DemoServer]) -> DemoServer:
    """The demo server under a prefix: the proxy must find /api/v1 whatever the URL form."""
    return demo_factory(prefix="/MobileSMARTS")


@pytest.mark.parametrize("method", ["GET", "POST", "PUT", "PATCH", "DELETE", "OPTIONS"])
def test_methods_queries_bodies_and_headers_pass_through(upstream: DemoServer, method: str) -> None:
    body = "строка\x00 with bytes".encode() * 100 if method != "GET" else b""
    with proxied(upstream) as (proxy, _keeper):
        answer = requests.request(
            method,
            proxy.url + "/api/v1/echo?a=1&b=%D0%B9&b=2&empty=",
            data=body,
            headers={
                "Authorization": "Bearer what-the-tool-had",  # replaced by the session's
                "X-Custom": "kept as is",
                "Connection": "keep-alive, X-Hop",
                "X-Hop": "named by Connection: dropped",
                "Proxy-Authorization": "Basic c2VjcmV0OnNlY3JldA==",
            },
            timeout=10,
        )
    assert answer.status_code == 200, answer.text
    seen = answer.json()
    assert seen["method"] == method
    assert seen["path"] == "/MobileSMARTS/api/v1/echo"
    assert seen["query"] == "a=1&b=%D0%B9&b=2&empty="
    assert seen["body_sha256"] == hashlib.sha256(body).hexdigest()
    headers = seen["headers"]
    assert headers["authorization"] == ["Bearer (hidden)"]
    assert headers["x-custom"] == ["kept as is"]
    assert headers["host"] == [upstream.url.split("//", 1)[1]]
    assert "x-hop" not in headers and "proxy-authorization" not in headers
    assert answer.headers["Server"] == "MobileSMARTS-demo"  # the server's headers come back
    assert answer.headers["Content-Type"] == "application/json; charset=utf-8"


def test_head_keeps_the_length_and_sends_no_body(upstream: DemoServer) -> None:
    with proxied(upstream) as (proxy, _keeper):
        session = requests.Session()
        head = session.head(proxy.url + "/api/v1/echo", timeout=10)
        after = session.get(proxy.url + "/api/v1/echo", timeout=10)  # same connection
    assert head.status_code == 200 and head.content == b""
    assert int(head.headers["Content-Length"]) > 0
    assert after.json()["method"] == "GET"


def test_a_chunked_upload_reaches_a_server_that_wants_a_length(upstream: DemoServer) -> None:
    """requests sends a generator chunked; the demo server (as many) answers 411 to that."""
    pieces = [b"x" * 1000, "й".encode() * 500, b"end"]
    with proxied(upstream) as (proxy, _keeper):
        answer = requests.post(proxy.url + "/api/v1/echo", data=iter(pieces), timeout=10)
    assert answer.status_code == 200
    assert answer.json()["body_sha256"] == hashlib.sha256(b"".join(pieces)).hexdigest()


@pytest.mark.parametrize("framing", ["chunked", "length"])
def test_large_answers_stream_through_without_being_held(
    upstream: DemoServer, framing: str
) -> None:
    size = 48 * 1024 * 1024
    query = f"size={size}" + ("&length=1" if framing == "length" else "")
    digest, expected, received = hashlib.sha256(), hashlib.sha256(), 0
    left = size
    while left:
        piece = PATTERN[: min(left, len(PATTERN))]
        expected.update(piece)
        left -= len(piece)
    with proxied(upstream) as (proxy, _keeper):
        tracemalloc.start()
        try:
            with requests.get(proxy.url + "/api/v1/stream?" + query, stream=True, timeout=30) as r:
                assert r.status_code == 200
                assert (r.headers.get("Transfer-Encoding") == "chunked") == (framing == "chunked")
                for piece in r.iter_content(256 * 1024):
                    digest.update(piece)
                    received += len(piece)
            peak = tracemalloc.get_traced_memory()[1]
        finally:
            tracemalloc.stop()
    assert received == size and digest.hexdigest() == expected.hexdigest()
    # client, proxy and server all live in this process: all of them held little at a time
    assert peak < 8 * 1024 * 1024, f"{peak:,} bytes held at once"


def test_a_redirect_into_the_api_points_back_at_the_proxy(upstream: DemoServer) -> None:
    upstream.config.fault, upstream.config.fault_on = "redirect", frozenset({"echo"})
    upstream.config.redirect_to = upstream.api_url + "/DocTypes"
    with proxied(upstream) as (proxy, _keeper):
        answer = requests.get(proxy.url + "/api/v1/echo", allow_redirects=False, timeout=10)
    assert answer.status_code == 302
    assert answer.headers["Location"] == proxy.url + "/api/v1/DocTypes"


# -- safe by default ---------------------------------------------------------------------------
@pytest.mark.parametrize(
    "host",
    ["evil.example:{port}", "evil.example", "127.0.0.1", "127.0.0.1:1", "localhost.evil:{port}"],
)
def test_a_wrong_host_gets_403_and_the_server_sees_nothing(upstream: DemoServer, host: str) -> None:
    with proxied(upstream) as (proxy, _keeper):
        before = dict(upstream.counts)
        status, _headers, body = raw(
            proxy.port, get(proxy.port, "/api/v1/echo", host.format(port=proxy.port))
        )
        assert status == 403
        assert b"DNS rebinding" in body
        assert dict(upstream.counts) == before


@pytest.mark.parametrize("host", ["localhost:{port}", "127.0.0.1:{port}", "LOCALHOST:{port}"])
def test_the_proxys_own_names_are_accepted(upstream: DemoServer, host: str) -> None:
    with proxied(upstream) as (proxy, _keeper):
        request = get(proxy.port, "/api/v1/echo", host.format(port=proxy.port))
        status, _headers, body = raw(proxy.port, request)
    assert status == 200, body


def test_ipv6_loopback_is_served_when_bound_there(upstream: DemoServer) -> None:
    with proxied(upstream, address="::1") as (proxy, _keeper):
        assert proxy.url == f"http://[::1]:{proxy.port}"
        status, _h, _b = raw(
            proxy.port, get(proxy.port, "/api/v1/echo", f"[::1]:{proxy.port}"), "::1"
        )
    assert status == 200


def test_absolute_form_to_another_host_gets_400(upstream: DemoServer) -> None:
    with proxied(upstream) as (proxy, _keeper):
        before = dict(upstream.counts)
        request = get(proxy.port, "http://example.com/api/v1/echo", f"127.0.0.1:{proxy.port}")
        status, _headers, _body = raw(proxy.port, request)
        assert status == 400
        assert dict(upstream.counts) == before
        own = f"http://127.0.0.1:{proxy.port}/api/v1/echo?x=1"  # to the proxy itself: fine
        status, _headers, body = raw(proxy.port, get(proxy.port, own, f"127.0.0.1:{proxy.port}"))
    assert status == 200 and json.loads(body)["query"] == "x=1"


@pytest.mark.parametrize(
    ("line", "status"),
    [
        ("CONNECT example.com:443 HTTP/1.1", 400),  # authority form: not its own server
        ("CONNECT /api/v1/echo HTTP/1.1", 405),
        ("TRACE /api/v1/echo HTTP/1.1", 405),
    ],
)
def test_connect_and_trace_are_refused(upstream: DemoServer, line: str, status: int) -> None:
    with proxied(upstream) as (proxy, _keeper):
        request = f"{line}\r\nHost: 127.0.0.1:{proxy.port}\r\n\r\n".encode()
        assert raw(proxy.port, request)[0] == status
        assert upstream.counts["echo"] == 0


def test_upgrade_is_refused(upstream: DemoServer) -> None:
    with proxied(upstream) as (proxy, _keeper):
        request = get(proxy.port, "/api/v1/echo", f"127.0.0.1:{proxy.port}", "Upgrade: websocket")
        assert raw(proxy.port, request)[0] == 400
    assert upstream.counts["echo"] == 0


def test_curl_http2_upgrade_is_ignored_and_answered_in_http_1_1(upstream: DemoServer) -> None:
    """curl --http2 on http:// sends these three headers; refusing them broke curl users."""
    h2c = ("Connection: Upgrade, HTTP2-Settings", "Upgrade: h2c", "HTTP2-Settings: AAMAAABkAAQ")
    with proxied(upstream) as (proxy, _keeper):
        answer = raw(proxy.port, get(proxy.port, "/api/v1/echo", f"127.0.0.1:{proxy.port}", *h2c))
    assert answer[0] == 200
    assert upstream.counts["echo"] == 1
    seen = json.loads(answer[-1])["headers"]
    assert not {"upgrade", "http2-settings"} & {name.lower() for name in seen}


def test_web_pages_are_refused_and_get_no_cors_unless_allowed(upstream: DemoServer) -> None:
    page = "https://tool.example"
    with proxied(upstream) as (proxy, _keeper):
        refused = requests.get(proxy.url + "/api/v1/echo", headers={"Origin": page}, timeout=10)
        plain = requests.get(proxy.url + "/api/v1/echo", timeout=10)
    assert refused.status_code == 403 and "--allow-origin" in refused.text
    assert not any(h.lower().startswith("access-control") for h in plain.headers)
    with proxied(upstream, allow_origins=[page]) as (proxy, _keeper):
        allowed = requests.get(proxy.url + "/api/v1/echo", headers={"Origin": page}, timeout=10)
        other = requests.get(proxy.url + "/api/v1/echo", headers={"Origin": "https://x.example"})
        preflight = requests.options(
            proxy.url + "/api/v1/echo",
            headers={"Origin": page, "Access-Control-Request-Method": "POST"},
            timeout=10,
        )
    assert allowed.status_code == 200 and allowed.headers["Access-Control-Allow-Origin"] == page
    assert other.status_code == 403
    assert preflight.status_code == 204
    assert preflight.headers["Access-Control-Allow-Methods"] == "POST"
    assert upstream.counts["echo"] == 2  # the preflight was answered by the proxy


def test_reject_methods_makes_a_read_only_proxy(upstream: DemoServer) -> None:
    with proxied(upstream, reject_methods=["POST", "PUT", "PATCH", "DELETE"]) as (proxy, _k):
        refused = requests.post(proxy.url + "/api/v1/echo", data=b"x", timeout=10)
        read = requests.get(proxy.url + "/api/v1/echo", timeout=10)
        proxy.reject_methods = []  # the window's "read-only" switched off while running
        written = requests.post(proxy.url + "/api/v1/echo", data=b"x", timeout=10)
    assert refused.status_code == 405 and "read-only" in refused.text
    assert read.status_code == 200 and written.status_code == 200
    assert upstream.counts["echo"] == 2


def test_control_characters_and_smuggling_are_refused(upstream: DemoServer) -> None:
    with proxied(upstream) as (proxy, _keeper):
        host = f"127.0.0.1:{proxy.port}"
        for request in (
            f"GET /api/v1/echo HTTP/1.1\r\nHost: {host}\r\nX: a\x1bb\r\n\r\n",
            f"POST /api/v1/echo HTTP/1.1\r\nHost: {host}\r\nContent-Length: 3\r\n"
            "Transfer-Encoding: chunked\r\n\r\n0\r\n\r\n",
            f"POST /api/v1/echo HTTP/1.1\r\nHost: {host}\r\nContent-Length: 3\r\n"
            "Content-Length: 4\r\n\r\nabcd",
            f"GET /api/v1/echo HTTP/1.1\r\nHost: {host}\r\nX: a\r\n folded\r\n\r\n",
        ):
            assert raw(proxy.port, request.encode("latin-1"))[0] == 400, request
    assert upstream.counts["echo"] == 0


def test_the_access_log_has_one_redacted_line_per_request(upstream: DemoServer) -> None:
    records: list[AccessRecord] = []
    with proxied(upstream, records=records) as (proxy, _keeper):
        requests.get(proxy.url + "/api/v1/echo?$top=1&password=" + PASSWORD, timeout=10)
        requests.get(proxy.url + "/api/v1/echo", headers={"Host": "evil.example"}, timeout=10)
        # a C1 control (CSI) as a raw byte in the target: it reaches the server percent-encoded
        target = "/api/v1/echo?\x9b31mred".encode("latin-1")
        request = b"GET " + target + f" HTTP/1.1\r\nHost: 127.0.0.1:{proxy.port}\r\n".encode()
        status, _headers, body = raw(proxy.port, request + b"Connection: close\r\n\r\n")
    assert status == 200 and json.loads(body)["query"] == "%9B31mred"
    lines = [access_line(r) for r in records]
    assert len(lines) == 3
    assert lines[0].startswith("GET /api/v1/echo?$top=1&password=*** 200 ")
    assert lines[1].startswith("GET /api/v1/echo 403 ") and "DNS rebinding" in lines[1]
    assert all(PASSWORD not in line for line in lines)
    assert "\x9b" not in lines[2] and "echo?\\x9b31mred 200 " in lines[2]


def test_a_broken_answer_becomes_a_502_and_one_cut_off_midway_is_cut_off(
    upstream: DemoServer,
) -> None:
    records: list[AccessRecord] = []
    with proxied(upstream, records=records) as (proxy, _keeper):
        upstream.config.fault, upstream.config.fault_on = "truncated", frozenset({"echo"})
        broken = requests.get(proxy.url + "/api/v1/echo", timeout=10)  # 20 of 1,000 bytes
        upstream.config.fault_on = frozenset({"stream"})
        upstream.config.fault = None
        with requests.get(proxy.url + "/api/v1/stream?size=500000000", stream=True) as long:
            assert long.status_code == 200
            pieces = long.iter_content(65536)
            first = next(pieces)
            upstream.stop()  # the server goes away in the middle of a long answer
            with pytest.raises(requests.exceptions.ChunkedEncodingError):
                for _piece in pieces:
                    pass
    assert broken.status_code == 502 and "closed before the answer was complete" in broken.text
    assert first and records[-1].status == 200 and "cut off midway" in records[-1].failure
