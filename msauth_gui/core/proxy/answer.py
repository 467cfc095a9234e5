"""The server's answer to a forwarded request: its head read whole, its body read as it comes.

Read here rather than by ``http.client``, whose head parsing (the ``email`` package) cost the
proxy as much as the rest of a request together. The body's framing follows RFC 9112 6.3: none
for HEAD, 1xx, 204 and 304; chunked when the last transfer coding is chunked; else the
``Content-Length``; else everything until the server closes. A head that is not HTTP, or a
length that cannot be trusted, is an error (the proxy answers 502).
"""

from __future__ import annotations

from .wire import MAX_HEADERS, MAX_LINE, TOKEN, Reader

PIECE = 64 * 1024


class NotHttp(Exception):
    """The server's answer cannot be read as HTTP/1.x."""


class Closed(Exception):
    """The connection ended before an answer began (a kept-alive one the server had closed)."""


class Answer:
    """One answer: :attr:`status`, :attr:`reason`, :attr:`headers`; the body by :meth:`read1`."""

    def __init__(self, rfile: Reader, method: str) -> None:
        self._rfile = rfile
        while True:  # 1xx heads (100 Continue, 103 Early Hints) come before the real one
            self.version, self.status, self.reason = _status_line(rfile)
            self.headers = _headers(rfile)
            if not 100 <= self.status < 200:
                break
        names: dict[str, str] = {}
        for name, value in self.headers:  # repeated headers as one comma-separated list
            key = name.lower()
            names[key] = f"{names[key]}, {value}" if key in names else value
        tokens = _tokens(names.get("connection", ""))
        self.will_close = "close" in tokens or (
            self.version == "HTTP/1.0" and "keep-alive" not in tokens
        )
        codings = [t for t in _tokens(names.get("transfer-encoding", "")) if t != "identity"]
        self.chunked = bool(codings)
        self.length: int | None = None  #: bytes of body still to come; None: chunked or to EOF
        if method == "HEAD" or self.status in (204, 304):
            self.length = 0
        elif codings:
            if codings[-1] != "chunked":
                raise NotHttp("a transfer coding other than chunked")
        elif "content-length" in names:
            lengths = {v.strip() for v in names["content-length"].split(",")}
            text = lengths.pop() if len(lengths) == 1 else ""
            if not (text.isascii() and text.isdigit()):  # "²" is a digit too
                raise NotHttp("a bad Content-Length")
            self.length = int(text)
        else:
            self.will_close = True  # the body ends when the connection does
        self._chunk_left = 0
        self.done = self.length == 0

    @property
    def sized(self) -> bool:
        """The body's length is known (it may be 0)."""
        return not self.chunked and self.length is not None

    def read1(self, size: int = PIECE) -> bytes:
        """Some of the body as soon as it arrives; b"" at its end."""
        if self.done:
            return b""
        if self.chunked:
            return self._read1_chunked(size)
        want = size if self.length is None else min(size, self.length)
        data = self._rfile.read1(want)
        if self.length is not None:
            if not data:
                raise ConnectionError("the server closed the connection inside the body")
            self.length -= len(data)
            self.done = self.length == 0
        elif not data:
            self.done = True
        return data

    def read(self) -> bytes:
        """The rest of the body."""
        pieces = []
        while not self.done:
            pieces.append(self.read1())
        return b"".join(pieces)

    def _read1_chunked(self, size: int) -> bytes:
        if self._chunk_left == 0:
            line = self._rfile.readline(MAX_LINE + 1)
            text = line.split(b";", 1)[0].strip()
            if not line.endswith(b"\n") or not text or len(text) > 16:
                raise NotHttp("a malformed chunk")
            try:
                self._chunk_left = int(text, 16)
            except ValueError:
                raise NotHttp("a malformed chunk") from None
            if self._chunk_left == 0:
                for _ in range(MAX_HEADERS):  # trailers, up to the empty line
                    if self._rfile.readline(MAX_LINE + 1) in (b"\r\n", b"\n", b""):
                        break
                self.done = True
                return b""
        data = self._rfile.read1(min(size, self._chunk_left))
        if not data:
            raise ConnectionError("the server closed the connection inside a chunk")
        self._chunk_left -= len(data)
        if self._chunk_left == 0 and self._rfile.readline(3) not in (b"\r\n", b"\n"):
            raise NotHttp("a malformed chunk")
        return data


def _status_line(rfile: Reader) -> tuple[str, int, str]:
    line = rfile.readline(MAX_LINE + 1)
    if not line:
        raise Closed
    parts = line.rstrip(b"\r\n").split(b" ", 2)
    version = parts[0].decode("latin-1")
    if len(parts) < 2 or version not in ("HTTP/1.1", "HTTP/1.0") or not parts[1].isdigit():
        raise NotHttp("not an HTTP status line")
    status = int(parts[1])
    if not 100 <= status <= 999:
        raise NotHttp("not an HTTP status")
    reason = parts[2].decode("latin-1") if len(parts) > 2 else ""
    return version, status, reason


def _headers(rfile: Reader) -> list[tuple[str, str]]:
    headers: list[tuple[str, str]] = []
    for _ in range(MAX_HEADERS):
        line = rfile.readline(MAX_LINE + 1)
        if line in (b"\r\n", b"\n"):
            return headers
        if not line.endswith(b"\n"):
            raise NotHttp("a header line too long, or the connection closed in the head")
        if line[:1] in (b" ", b"\t") and headers:  # obsolete folding: one line, as RFC 9112
            folded, before = headers[-1]
            headers[-1] = (folded, before + " " + line.strip().decode("latin-1"))
            continue
        name, colon, value = line.partition(b":")
        if not colon or not TOKEN.fullmatch(name):  # a CR in a name ends a line for some clients
            raise NotHttp("a malformed header line")
        headers.append((name.decode("latin-1"), value.strip().decode("latin-1")))
    raise NotHttp("too many header lines")


def _tokens(value: str) -> list[str]:
    return [t.strip().lower() for t in value.split(",") if t.strip()]
