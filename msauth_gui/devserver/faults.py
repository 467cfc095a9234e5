"""Misbehaviour on demand: the ways real servers and networks fail a sign-in."""

from __future__ import annotations

import json
from collections.abc import Mapping
from io import BufferedIOBase
from typing import Protocol

from .site import Site

HANG_LIMIT = 120.0
OVERSIZED_BYTES = 10 * 1024 * 1024
_CHUNK = 64 * 1024

FAULTS = (
    "delay",
    "hang",
    "reset",
    "html500",
    "malformed",
    "empty",
    "notjson",
    "noaccess",
    "truncated",
    "oversized",
    "redirect",
    "ratelimit",
    "unauthorized",
)

_HTML500 = (
    b"<html><head><title>500 Internal Server Error</title></head><body>"
    b"<h1>500 Internal Server Error</h1><p>The demo server was told to fail.</p></body></html>"
)
_CANNED: dict[str, tuple[int, str, bytes]] = {
    "html500": (500, "text/html; charset=utf-8", _HTML500),
    "malformed": (200, "application/json; charset=utf-8", b'{"access_token": "abc", '),
    "empty": (200, "application/json; charset=utf-8", b""),
    "notjson": (200, "text/plain; charset=utf-8", b"Hello"),
    "noaccess": (
        200,
        "application/json; charset=utf-8",
        b'{"token_type":"bearer","expires_in":60}',
    ),
}


class Exchange(Protocol):
    """What a fault does with one request (:class:`.handler.DemoHandler` is the one in use)."""

    demo: Site
    wfile: BufferedIOBase
    close_connection: bool
    reset_connection: bool

    def respond(
        self, status: int, body: bytes, content_type: str, headers: Mapping[str, str] | None = None
    ) -> None: ...
    def respond_json(
        self, status: int, data: object, headers: Mapping[str, str] | None = None
    ) -> None: ...
    def challenge(self, error: str | None = None) -> dict[str, str]: ...
    def send_response(self, code: int, message: str | None = None) -> None: ...
    def send_header(self, keyword: str, value: str) -> None: ...
    def end_headers(self) -> None: ...


def apply_fault(handler: Exchange, name: str) -> bool:
    """Misbehave as ``name`` says; True when that was the whole answer, False to answer normally."""
    stop = handler.demo.stop_event
    config = handler.demo.config
    if name == "delay":
        stop.wait(max(0.0, config.delay))
        return False
    if name == "hang":
        stop.wait(HANG_LIMIT)
        handler.close_connection = True
    elif name == "reset":
        handler.reset_connection = True
        handler.close_connection = True
    elif name in _CANNED:
        status, content_type, body = _CANNED[name]
        handler.respond(status, body, content_type)
    elif name == "truncated":
        _truncated(handler)
    elif name == "oversized":
        _oversized(handler)
    elif name == "redirect":
        handler.respond(302, b"", "text/plain; charset=utf-8", {"Location": config.redirect_to})
    elif name == "ratelimit":
        data = {"error": "too_many_requests", "error_description": "Slow down."}
        handler.respond_json(429, data, {"Retry-After": "7"})
    elif name == "unauthorized":
        data = {"error": "invalid_token", "error_description": "The server was restarted."}
        handler.respond_json(401, data, handler.challenge("invalid_token"))
    else:
        data = {"error": "server_error", "error_description": f"unknown demo fault {name!r}"}
        handler.respond_json(500, data)
    return True


def _truncated(handler: Exchange) -> None:
    """Promise 1000 bytes, send 20, hang up."""
    handler.send_response(200)
    handler.send_header("Content-Type", "application/json; charset=utf-8")
    handler.send_header("Content-Length", "1000")
    handler.end_headers()
    handler.wfile.write(json.dumps({"access_token": "abcdefghijkl"}).encode()[:20])
    handler.wfile.flush()
    handler.close_connection = True


def _oversized(handler: Exchange) -> None:
    """A 10 MB JSON answer, streamed, for clients that must cap what they read."""
    head, tail = b'{"access_token":"', b'"}'
    filler = OVERSIZED_BYTES - len(head) - len(tail)
    handler.send_response(200)
    handler.send_header("Content-Type", "application/json; charset=utf-8")
    handler.send_header("Content-Length", str(OVERSIZED_BYTES))
    handler.end_headers()
    handler.close_connection = True  # the client may stop reading half-way
    try:
        handler.wfile.write(head)
        chunk = b"a" * _CHUNK
        while filler > 0 and not handler.demo.stop_event.is_set():
            handler.wfile.write(chunk[: min(filler, _CHUNK)])
            filler -= _CHUNK
        handler.wfile.write(tail)
        handler.wfile.flush()
    except OSError:
        pass  # the client hung up, as it should
