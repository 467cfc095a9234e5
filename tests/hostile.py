"""A hostile HTTP(S) server for tests: the answers a broken or malicious server can give.

Every request, whatever its path, gets the current :class:`Reply`. A reply is plain data
(status, headers, body, pacing), so a test can build any answer; :data:`ATTACKS` names the ones
the hardening issue lists (slowloris on headers or body, a stall, markup, terminal escapes, CR/LF
in tokens, a 1 MB loose-JSON5 body, absurd numbers, a nonsense charset, a Date in year 99999…).

    with HostileServer("slow_body") as server:      # or HostileServer(Reply(...)), certfile=…
        run_msauth(["token", "--server", server.url, ...])
        server.reply = ATTACKS["stall"]              # switch between requests

Standard library only, real sockets, one thread per connection. :meth:`stop` closes every open
connection and joins every thread it started, so a stalled answer never outlives the test. Run
it alone for manual trials: ``python -m tests.hostile slow_body`` prints its URL.
"""

from __future__ import annotations

import base64
import contextlib
import json
import socket
import ssl
import sys
import threading
from collections.abc import Iterator
from dataclasses import dataclass, field, replace
from typing import Any

#: seconds between the bytes of a paced ("slowloris") answer
PACE = 1.0


@dataclass(frozen=True)
class Reply:
    """One answer. ``pace`` sends ``paced`` ("headers" or "body") one byte every ``pace``
    seconds, forever when ``endless``; ``stall`` reads the request and never answers; ``close``
    drops the connection without a byte."""

    status: int = 200
    body: bytes = b""
    headers: tuple[tuple[str, str], ...] = (("Content-Type", "application/json"),)
    reason: str = "OK"
    pace: float | None = None
    paced: str = "body"
    endless: bool = False
    stall: bool = False
    close: bool = False
    content_length: bool = True
    keep_alive: bool = False

    def head(self) -> bytes:
        lines = [f"HTTP/1.1 {self.status} {self.reason}"]
        lines += [f"{name}: {value}" for name, value in self.headers]
        if self.content_length:
            size = 100_000 if self.endless and self.paced == "body" else len(self.body)
            lines.append(f"Content-Length: {size}")
        if not self.keep_alive:
            lines.append("Connection: close")
        return ("\r\n".join(lines) + "\r\n\r\n").encode("utf-8", "surrogateescape")


def token_json(**fields: Any) -> bytes:
    """A token answer: ``access_token`` "tok-valid-12345" and bearer unless given."""
    data = {"access_token": "tok-valid-12345", "token_type": "bearer", **fields}
    return json.dumps(data).encode()


def jwt(claims: dict[str, Any] | str) -> str:
    """An unsigned JWT with these claims (a dict, or raw JSON text for numbers JSON cannot hold)."""

    def part(raw: bytes) -> str:
        return base64.urlsafe_b64encode(raw).rstrip(b"=").decode("ascii")

    payload = claims if isinstance(claims, str) else json.dumps(claims)
    return part(b'{"alg":"none"}') + "." + part(payload.encode()) + ".c2ln"


def json_reply(status: int, data: dict[str, Any] | str, **extra: Any) -> Reply:
    body = (data if isinstance(data, str) else json.dumps(data, ensure_ascii=False)).encode()
    return Reply(status=status, body=body, **extra)


def _loose_json5(size: int) -> bytes:
    """A loose JSON5 token answer of about ``size`` bytes: the cost is in the many small items."""
    item = "{a:'x',b:0x1F,/*c*/c:[1,2,],},"
    return ("{Access_token:'tok-json5-12345',junk:[" + item * (size // len(item)) + "],}").encode()


ESCAPES = "\x1b]52;c;aGFja2Vk\x07\x1b]0;pwned\x07\x1b[2K\u202eevil\u202c\u2066x\u2069\u200b"
CRLF_TOKEN = "tok-valid-12345\r\nX-Injected: 1"

ATTACKS: dict[str, Reply] = {
    "token": Reply(body=token_json(expires_in=3600, refresh_token="ref-valid-12345")),
    "slow_headers": Reply(body=token_json(), pace=PACE, paced="headers", endless=True),
    "slow_body": Reply(body=token_json(), pace=PACE, paced="body", endless=True),
    "stall": Reply(stall=True),
    "close": Reply(close=True),
    "markup": Reply(
        500, b'<img src="/dev/zero">', (("Content-Type", "text/html"),), "Internal Server Error"
    ),
    "markup_description": json_reply(
        400, {"error": "invalid_request", "error_description": '<img src="/dev/zero">'}
    ),
    "escapes_body": Reply(500, ESCAPES.encode(), (("Content-Type", "text/plain"),), "Oops"),
    "escapes_description": json_reply(
        400, {"error": "invalid_request", "error_description": ESCAPES}
    ),
    "escapes_location": Reply(302, b"", (("Location", "http://x/" + ESCAPES),), "Found"),
    "escapes_token": json_reply(200, {"access_token": "tok" + ESCAPES, "token_type": "bearer"}),
    "escapes_token_type": json_reply(200, {"access_token": "tok-valid-1", "token_type": ESCAPES}),
    "crlf_token": json_reply(200, {"access_token": CRLF_TOKEN, "token_type": "bearer"}),
    "crlf_token_type": json_reply(
        200, {"access_token": "tok-valid-12345", "token_type": "Bearer\r\nX-Injected: 1"}
    ),
    "crlf_refresh": json_reply(
        200, {"access_token": "tok-valid-12345", "refresh_token": CRLF_TOKEN}
    ),
    "long_token": json_reply(200, {"access_token": "a" * 100_000}),
    "json5_1mb": Reply(body=_loose_json5(1_000_000)),
    "huge_expires_in": json_reply(200, '{"access_token": "tok-valid-12345", "expires_in": 1'
                                  + "0" * 400 + "}"),
    "huge_exp": json_reply(200, {"access_token": jwt('{"exp": 1' + "0" * 400 + "}")}),
    # nested beyond Python's recursion limit: json.loads raises RecursionError, not ValueError
    "deep_json_error": Reply(status=400, body=b'{"error":' * 50_000),
    "deep_json_401": Reply(status=401, body=b"[" * 100_000),
    # beyond Python's 4,300-digit limit for int(): json.loads raises instead of reading it
    "digits_expires_in": json_reply(200, '{"access_token": "tok-valid-12345", "expires_in": 1'
                                    + "0" * 5000 + "}"),
    "digits_exp": json_reply(200, {"access_token": jwt('{"exp": -1' + "0" * 5000 + "}")}),
    "exp_1e300": json_reply(200, {"access_token": jwt({"exp": 1e300})}),
    "exp_year_3000000": json_reply(200, {"access_token": jwt({"exp": 94_600_000_000_000})}),
    "exp_past_9999": json_reply(200, {"access_token": jwt({"exp": 253_402_300_800})}),
    "charset_nonsense": Reply(
        body=token_json(expires_in=60),
        headers=(("Content-Type", "application/json; charset=nonsense"),),
    ),
    "date_99999": Reply(
        body=token_json(expires_in=60),
        headers=(("Content-Type", "application/json"), ("Date", "Fri, 01 Jan 99999 00:00:00 GMT")),
    ),
    "date_overflow": Reply(
        body=token_json(expires_in=60),
        headers=(
            ("Content-Type", "application/json"),
            ("Date", "Fri, 01 Jan 99999999999999999999 00:00:00 GMT"),
        ),
    ),
}  # fmt: skip


@dataclass
class Seen:
    """One request the server read."""

    method: str
    path: str
    headers: dict[str, str] = field(default_factory=dict)
    body: bytes = b""


class HostileServer:
    """Serves :attr:`reply` (a :class:`Reply` or the name of an attack) on 127.0.0.1."""

    def __init__(
        self,
        reply: Reply | str = "token",
        *,
        certfile: str | None = None,
        keyfile: str | None = None,
    ) -> None:
        self.reply = ATTACKS[reply] if isinstance(reply, str) else reply
        self.requests: list[Seen] = []
        self.hangups = 0  #: answers the client gave up on (it closed the connection)
        self._tls: ssl.SSLContext | None = None
        if certfile:
            self._tls = ssl.SSLContext(ssl.PROTOCOL_TLS_SERVER)
            self._tls.load_cert_chain(certfile, keyfile)
        self._listener = socket.create_server(("127.0.0.1", 0))
        self.port: int = self._listener.getsockname()[1]
        self._stop = threading.Event()
        self._lock = threading.Lock()
        self._changed = threading.Condition(self._lock)
        self._open: set[socket.socket] = set()
        self._threads: list[threading.Thread] = []
        self._acceptor: threading.Thread | None = None

    @property
    def url(self) -> str:
        return f"{'https' if self._tls else 'http'}://127.0.0.1:{self.port}"

    def set(self, reply: Reply | str, **changes: Any) -> None:
        """Serve another reply from the next request on (``changes`` as for ``replace``)."""
        base = ATTACKS[reply] if isinstance(reply, str) else reply
        self.reply = replace(base, **changes) if changes else base

    # -- life cycle ------------------------------------------------------------------------
    def start(self) -> HostileServer:
        self._acceptor = threading.Thread(target=self._accept, name="hostile-accept", daemon=True)
        self._acceptor.start()
        return self

    def stop(self) -> None:
        """Close the listener and every connection, and join every thread started."""
        self._stop.set()
        with contextlib.suppress(OSError):  # wake the blocked accept(): a connection to itself
            socket.create_connection(("127.0.0.1", self.port), timeout=1).close()
        self._listener.close()
        with self._lock:
            for conn in self._open:
                _shut(conn)
        if self._acceptor is not None:
            self._acceptor.join(5)
        for thread in list(self._threads):
            thread.join(5)

    def __enter__(self) -> HostileServer:
        return self.start()

    def __exit__(self, *exc: object) -> None:
        self.stop()

    def wait_for(self, *, requests: int = 0, hangups: int = 0, timeout: float = 30.0) -> bool:
        """Wait until this many requests were read and answers given up on."""
        with self._changed:
            return self._changed.wait_for(
                lambda: len(self.requests) >= requests and self.hangups >= hangups, timeout
            )

    @property
    def threads_alive(self) -> int:
        alive = [t for t in (self._acceptor, *self._threads) if t is not None and t.is_alive()]
        return len(alive)

    # -- serving ---------------------------------------------------------------------------
    def _accept(self) -> None:
        while not self._stop.is_set():
            try:
                conn, _ = self._listener.accept()
            except OSError:  # the listener was closed: stop() was called
                return
            with self._lock:
                if self._stop.is_set():
                    conn.close()
                    return
                self._open.add(conn)
                thread = threading.Thread(target=self._serve, args=(conn,), name="hostile-conn")
                self._threads = [t for t in self._threads if t.is_alive()] + [thread]
            thread.start()

    def _serve(self, raw: socket.socket) -> None:
        conn = raw
        try:
            if self._tls is not None:
                conn = self._tls.wrap_socket(raw, server_side=True)
                with self._lock:
                    self._open.add(conn)
            reader = conn.makefile("rb")
            while True:  # more than one request only while the replies keep the connection
                seen = _read_request(reader)
                if seen is None:
                    return
                with self._changed:
                    self.requests.append(seen)
                    self._changed.notify_all()
                reply = self.reply
                self._answer(conn, reply)
                if not reply.keep_alive:
                    return
        except (OSError, ValueError):  # the client went away, or stop() closed the socket
            if not self._stop.is_set():
                with self._changed:
                    self.hangups += 1
                    self._changed.notify_all()
        finally:
            with self._lock:
                self._open.discard(raw)
                self._open.discard(conn)
            _shut(conn)
            conn.close()

    def _answer(self, conn: socket.socket, reply: Reply) -> None:
        if reply.close:
            return
        if reply.stall:  # read until the client hangs up (or stop() shuts the socket)
            while conn.recv(4096):
                pass
            raise ConnectionAbortedError("the client hung up")
        head, body = reply.head(), reply.body
        if reply.pace is None:
            conn.sendall(head + body)
            return
        if reply.paced == "body":
            conn.sendall(head)
            head = b""
        for byte in _paced_bytes(head + body, reply.endless):
            if self._stop.wait(reply.pace):
                return
            conn.sendall(byte)  # raises once the client has hung up


def _paced_bytes(data: bytes, endless: bool) -> Iterator[bytes]:
    for i in range(len(data)):
        yield data[i : i + 1]
    while endless:
        yield b" "


def _read_request(reader: Any) -> Seen | None:
    line = reader.readline(65536)
    if not line:
        return None
    parts = line.decode("latin-1").split()
    seen = Seen(parts[0] if parts else "", parts[1] if len(parts) > 1 else "")
    while True:
        header = reader.readline(65536)
        if header in (b"\r\n", b"\n", b""):
            break
        name, _, value = header.decode("latin-1").partition(":")
        seen.headers[name.strip().lower()] = value.strip()
    length = seen.headers.get("content-length", "0")
    if length.isdigit() and int(length) > 0:
        seen.body = reader.read(min(int(length), 1 << 20))
    return seen


def _shut(conn: socket.socket) -> None:
    with contextlib.suppress(OSError):
        conn.shutdown(socket.SHUT_RDWR)


def main(argv: list[str]) -> int:
    """``python -m tests.hostile ATTACK [CERTFILE]``: serve until stdin closes."""
    name = argv[0] if argv else "token"
    if name not in ATTACKS:
        print(f"unknown attack {name!r}; choose from: {', '.join(ATTACKS)}", file=sys.stderr)
        return 2
    certfile = argv[1] if len(argv) > 1 else None
    with HostileServer(name, certfile=certfile) as server:
        print("URL", server.url, flush=True)
        sys.stdin.read()
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
