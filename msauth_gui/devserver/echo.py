"""Two protected endpoints for trying the local proxy (and any HTTP tool) against the demo:

- ``/api/v1/echo``, any method: answers what it received, as JSON (method, path, query, headers,
  the body as text, its length and SHA-256). The ``Authorization`` header is shown as its scheme
  only: an echo must not hand a token back.
- ``GET /api/v1/stream?size=N``: ``N`` bytes (default 1 MiB, at most 1 GiB) of a repeating
  pattern, chunked; with ``&length=1`` sent with a ``Content-Length`` instead.
"""

from __future__ import annotations

import hashlib
import json
from collections.abc import Mapping
from email.message import Message
from typing import Protocol
from urllib.parse import parse_qs

MAX_STREAM = 1024**3
PATTERN = bytes(range(256)) * 256  #: 64 KiB


class Exchange(Protocol):
    """What these endpoints use of a request (:class:`.handler.DemoHandler` is the one)."""

    command: str
    path: str
    query: str
    body: bytes
    headers: Message
    close_connection: bool

    def respond(
        self, status: int, body: bytes, content_type: str, headers: Mapping[str, str] | None = None
    ) -> None: ...
    def send_response(self, code: int, message: str | None = None) -> None: ...
    def send_header(self, keyword: str, value: str) -> None: ...
    def end_headers(self) -> None: ...
    def write(self, data: bytes) -> None: ...


def echo(exchange: Exchange) -> None:
    headers: dict[str, list[str]] = {}
    for name, value in exchange.headers.items():
        if name.lower() == "authorization":
            value = value.split(" ", 1)[0] + " (hidden)"
        headers.setdefault(name.lower(), []).append(value)
    data = {
        "method": exchange.command,
        "path": exchange.path.split("?", 1)[0],
        "query": exchange.query,
        "args": parse_qs(exchange.query, keep_blank_values=True),
        "headers": headers,
        "body": exchange.body.decode("utf-8", "replace"),
        "body_length": len(exchange.body),
        "body_sha256": hashlib.sha256(exchange.body).hexdigest(),
    }
    body = json.dumps(data, ensure_ascii=False).encode()
    exchange.respond(200, body, "application/json; charset=utf-8")


def stream(exchange: Exchange) -> None:
    args = parse_qs(exchange.query)
    try:
        size = min(max(int(args.get("size", ["1048576"])[0]), 0), MAX_STREAM)
    except ValueError:
        exchange.respond(400, b'{"error": "size must be a number"}', "application/json")
        return
    with_length = args.get("length", ["0"])[0] == "1"
    exchange.send_response(200)
    exchange.send_header("Content-Type", "application/octet-stream")
    if with_length:
        exchange.send_header("Content-Length", str(size))
    else:
        exchange.send_header("Transfer-Encoding", "chunked")
    exchange.end_headers()
    left = size
    while left > 0:
        piece = PATTERN[: min(left, len(PATTERN))]
        left -= len(piece)
        exchange.write(piece if with_length else b"%x\r\n%b\r\n" % (len(piece), piece))
    if not with_length:
        exchange.write(b"0\r\n\r\n")
