"""HTTP/1.1 on the proxy's own side: reading a request's head and body, writing an answer.

Strict where lenience would let a request mean two things (request smuggling): a
``Transfer-Encoding`` other than ``chunked``, both it and ``Content-Length``, differing
lengths, folded header lines and control characters in values are refused with 400. Header
bytes are kept as ISO-8859-1 text, so what is passed on is what came in.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from dataclasses import dataclass, field
from typing import Protocol

MAX_LINE = 64 * 1024  #: one request line or header line
MAX_HEAD = 256 * 1024  #: the whole head
MAX_HEADERS = 200
#: hop-by-hop: about one connection, never passed on (RFC 9110 7.6.1)
HOP_BY_HOP = frozenset(
    {
        "connection",
        "keep-alive",
        "proxy-authenticate",
        "proxy-authorization",
        "proxy-connection",
        "te",
        "trailer",
        "transfer-encoding",
        "upgrade",
    }
)
TOKEN = re.compile(rb"[!#$%&'*+\-.^_`|~0-9A-Za-z]+")
_BAD_VALUE = re.compile(r"[\x00-\x08\x0a-\x1f\x7f]")
#: header lines: a token, a colon, a value without controls (tabs allowed), CRLF or LF
_HEADER_LINES = re.compile(rb"(?:[!#$%&'*+\-.^_`|~0-9A-Za-z]+:[^\x00-\x08\x0a-\x1f\x7f]*\r?\n)*")
REASONS = {
    100: "Continue",
    200: "OK",
    204: "No Content",
    400: "Bad Request",
    403: "Forbidden",
    405: "Method Not Allowed",
    411: "Length Required",
    413: "Content Too Large",
    414: "URI Too Long",
    431: "Request Header Fields Too Large",
    501: "Not Implemented",
    502: "Bad Gateway",
    503: "Service Unavailable",
    504: "Gateway Timeout",
}


class Reader(Protocol):
    """A buffered byte stream (``Reader`` over a socket)."""

    def readline(self, size: int | None = -1, /) -> bytes: ...
    def read1(self, size: int = -1, /) -> bytes: ...


class BadRequest(Exception):
    """A request that cannot be read: answered with ``status`` and the connection closed."""

    def __init__(self, status: int, reason: str) -> None:
        super().__init__(reason)
        self.status = status
        self.reason = reason


@dataclass
class RequestHead:
    method: str
    target: str
    version: str
    headers: list[tuple[str, str]] = field(default_factory=list)
    #: lower-case name -> values, in order (looked up many times a request)
    index: dict[str, list[str]] = field(default_factory=dict, repr=False)

    def add(self, name: str, value: str) -> None:
        self.headers.append((name, value))
        self.index.setdefault(name.lower(), []).append(value)

    def get(self, name: str) -> str | None:
        """The first value of header ``name`` (lower case), or None."""
        values = self.index.get(name)
        return values[0] if values else None

    def values(self, name: str) -> list[str]:
        """Every value of header ``name`` (lower case)."""
        return self.index.get(name, [])

    def tokens(self, name: str) -> set[str]:
        """The comma-separated tokens of every ``name`` header, lower case."""
        return {t.strip().lower() for v in self.values(name) for t in v.split(",") if t.strip()}

    @property
    def keep_alive(self) -> bool:
        """HTTP/1.1 unless ``Connection: close``; HTTP/1.0 connections end after one answer."""
        if self.version != "HTTP/1.1":
            return False
        return "connection" not in self.index or "close" not in self.tokens("connection")


def read_head(rfile: Reader) -> RequestHead | None:
    """The next request's head; None when the client closed the connection between requests."""
    line = rfile.readline(MAX_LINE + 1)
    while line in (b"\r\n", b"\n"):  # RFC 9112 2.2: ignore empty lines before a request
        line = rfile.readline(MAX_LINE + 1)
    if not line:
        return None
    if len(line) > MAX_LINE:
        raise BadRequest(414, "The request line is too long.")
    parts = line.rstrip(b"\r\n").split(b" ")
    if len(parts) != 3 or not TOKEN.fullmatch(parts[0]) or not parts[1]:
        raise BadRequest(400, "Malformed request line.")
    version = parts[2].decode("latin-1")
    if version not in ("HTTP/1.1", "HTTP/1.0"):
        raise BadRequest(400, "Only HTTP/1.1 and HTTP/1.0 are spoken here.")
    target = parts[1].decode("latin-1")
    if _BAD_VALUE.search(target):
        raise BadRequest(400, "Control characters in the request target.")
    head = RequestHead(parts[0].decode("ascii"), target, version)
    lines: list[bytes] = []
    size = len(line)
    while True:
        line = rfile.readline(MAX_LINE + 1)
        size += len(line)
        if not line:
            raise BadRequest(400, "The connection closed inside the request head.")
        if size > MAX_HEAD or len(line) > MAX_LINE or len(lines) >= MAX_HEADERS:
            raise BadRequest(431, "The request head is too large.")
        if line in (b"\r\n", b"\n"):
            break
        lines.append(line)
    if not _HEADER_LINES.fullmatch(b"".join(lines)):  # one look at them all: the usual case
        raise BadRequest(400, _what_is_wrong(lines))
    for line in lines:
        name, _colon, value = line.partition(b":")
        head.add(name.decode("ascii"), value.strip(b" \t\r\n").decode("latin-1"))
    return head


def _what_is_wrong(lines: list[bytes]) -> str:
    for line in lines:
        if line[:1] in (b" ", b"\t"):
            return "Folded header lines are not accepted."
        if not _HEADER_LINES.fullmatch(line):
            name = line.partition(b":")[0]
            if b":" in line and TOKEN.fullmatch(name):
                return "Control characters in a header value."
    return "Malformed header line."


def body_length(head: RequestHead) -> int | None:
    """The body's length from ``Content-Length`` (0 without one); None for chunked."""
    if head.values("transfer-encoding"):
        if head.values("content-length"):
            raise BadRequest(400, "Both Transfer-Encoding and Content-Length.")
        if [t.strip().lower() for v in head.values("transfer-encoding") for t in v.split(",")] != [
            "chunked"
        ]:
            raise BadRequest(501, "Only the chunked transfer coding is accepted.")
        return None
    lengths = {v.strip() for value in head.values("content-length") for v in value.split(",")}
    if not lengths:
        return 0
    text = next(iter(lengths))
    if len(lengths) != 1 or not (text.isascii() and text.isdigit()):  # "²" is a digit too
        raise BadRequest(400, "Bad Content-Length.")
    return int(text)


def read_exactly(rfile: Reader, size: int, piece: int = 64 * 1024) -> Iterator[bytes]:
    """``size`` bytes of body, in pieces as they arrive; a short body is an error (the client
    went away)."""
    while size > 0:
        data = rfile.read1(min(piece, size))
        if not data:
            raise ConnectionError("the client closed the connection inside the body")
        size -= len(data)
        yield data


def read_chunked(rfile: Reader) -> Iterator[bytes]:
    """A chunked body's data, chunk by chunk; trailers are read and dropped."""
    while True:
        line = rfile.readline(MAX_LINE + 1)
        size_text = line.split(b";", 1)[0].strip()
        if not line.endswith(b"\n") or not re.fullmatch(rb"[0-9A-Fa-f]{1,16}", size_text):
            raise BadRequest(400, "Malformed chunk.")
        size = int(size_text, 16)
        if size == 0:
            break
        yield from read_exactly(rfile, size)
        if rfile.readline(3) not in (b"\r\n", b"\n"):
            raise BadRequest(400, "Malformed chunk.")
    for _ in range(MAX_HEADERS):  # trailers, up to the empty line
        line = rfile.readline(MAX_LINE + 1)
        if line in (b"\r\n", b"\n", b""):
            return
    raise BadRequest(431, "Too many trailer lines.")


def chunk(data: bytes) -> bytes:
    return b"%x\r\n%b\r\n" % (len(data), data)


LAST_CHUNK = b"0\r\n\r\n"


def head_bytes(status: int, reason: str, headers: list[tuple[str, str]]) -> bytes:
    """An answer's status line and headers; CR and LF in a value (from a server) become spaces."""
    lines = [f"HTTP/1.1 {status} {_clean(reason) or REASONS.get(status, '')}"]
    lines.extend(f"{name}: {_clean(value)}" for name, value in headers)
    return ("\r\n".join(lines) + "\r\n\r\n").encode("latin-1", "replace")


def _clean(value: str) -> str:
    return value.replace("\r", " ").replace("\n", " ")


def plain_answer(status: int, text: str, extra: list[tuple[str, str]] | None = None) -> bytes:
    """A whole answer the proxy makes itself: ``text`` as plain UTF-8, never HTML."""
    body = (text.rstrip("\n") + "\n").encode("utf-8")
    headers = [
        ("Content-Type", "text/plain; charset=utf-8"),
        ("Content-Length", str(len(body))),
        ("X-Content-Type-Options", "nosniff"),
        ("Cache-Control", "no-store"),
        *(extra or []),
    ]
    return head_bytes(status, REASONS.get(status, ""), headers) + body


def connection_tokens(headers: list[tuple[str, str]]) -> set[str]:
    """Header names a ``Connection`` header lists: hop-by-hop too."""
    return {
        t.strip().lower() for k, v in headers if k.lower() == "connection" for t in v.split(",")
    }


def end_to_end(headers: list[tuple[str, str]]) -> list[tuple[str, str]]:
    """``headers`` without the hop-by-hop ones (and those ``Connection`` names)."""
    drop = HOP_BY_HOP | connection_tokens(headers)
    return [(k, v) for k, v in headers if k.lower() not in drop]
