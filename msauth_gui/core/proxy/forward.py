"""One request through the proxy: checked, given the session's credentials, sent to the server,
and its answer streamed back.

``{proxy}/PATH?QUERY`` goes to ``{origin}{prefix}/PATH?QUERY``, any method, with the client's
headers except the hop-by-hop ones, ``Host`` (the server's) and ``Authorization`` (the
session's). Bodies up to :data:`REPLAY_LIMIT` are read first, so that a 401 for a token that
should live can be answered by one renewal and one replay; larger ones stream through (with
their ``Content-Length``, or chunked) and a 401 for them is passed on while the session renews.
The answer streams back as it arrives: small ones in one write, others piece by piece, with
their length or chunked. Credentials never follow a redirect: a ``Location`` is passed on, made
to point at the proxy when it points into the server's API.
"""

from __future__ import annotations

import itertools
import re
import socket
import time
from collections.abc import Callable, Iterable

from ..errors import AuthError, ConnectionLost, RequestTimeout
from ..session.shared import CredentialSource, Unavailable
from ..token import Credentials
from ..translate import QT_TRANSLATE_NOOP, translate
from .access import AccessRecord
from .answer import Answer, NotHttp
from .safety import Policy, check, cors_headers, preflight
from .upstream import Link, Upstream
from .wire import (
    HOP_BY_HOP,
    LAST_CHUNK,
    BadRequest,
    Reader,
    RequestHead,
    body_length,
    chunk,
    end_to_end,
    head_bytes,
    plain_answer,
    read_chunked,
    read_exactly,
)

REPLAY_LIMIT = 1024 * 1024  #: bodies up to this size are kept to be sent again after a 401
SMALL = 64 * 1024  #: answers up to this size are read whole and written with their head
#: request headers the proxy sets itself
_OURS = HOP_BY_HOP | {"host", "authorization", "content-length", "expect"}
_NO_BODY = frozenset({204, 304})
_NOT_ASCII = re.compile(r"[^\x21-\x7e]")

Body = bytes | Iterable[bytes] | None
REFUSED = QT_TRANSLATE_NOOP("proxy", "The server refused the session's credentials (HTTP 401).")
STILL_REFUSED = QT_TRANSLATE_NOOP(
    "proxy", "The server refused the session's credentials (HTTP 401), the renewed ones too."
)
TOO_LARGE = QT_TRANSLATE_NOOP(
    "proxy",
    "The server refused the credentials (HTTP 401); the body is too large to send again, so "
    "the 401 is passed on while the session renews: repeat the request.",
)


class Forwarder:
    """Handles the requests of every connection (thread-safe: it holds no per-request state)."""

    def __init__(
        self,
        upstream: Upstream,
        source: CredentialSource,
        policy: Callable[[], Policy],
        base_url: Callable[[], str],
        clock: Callable[[], float] = time.time,
    ) -> None:
        self.upstream = upstream
        self.source = source
        self._policy = policy
        self._base_url = base_url
        self._clock = clock
        self.wait = upstream.timeout  #: seconds to wait for a renewal
        self.replay_limit = REPLAY_LIMIT

    def handle(
        self, head: RequestHead, rfile: Reader, sock: socket.socket
    ) -> tuple[AccessRecord, bool]:
        """Answer one request: its record, and whether the connection can take the next."""
        start = time.perf_counter()
        status, failure, keep = self._answer(head, rfile, sock)
        took = (time.perf_counter() - start) * 1000
        return AccessRecord(head.method, head.target, status, took, failure), keep

    def _answer(
        self, head: RequestHead, rfile: Reader, sock: socket.socket
    ) -> tuple[int, str, bool]:
        policy = self._policy()
        path, refusal = check(head, policy)
        if refusal is not None:  # the body is not read: the connection ends with the answer
            close = [*refusal.headers, ("Connection", "close")]
            sock.sendall(plain_answer(refusal.status, refusal.reason, close))
            return refusal.status, refusal.reason, False
        cors = preflight(head, policy)
        if cors is not None:
            keep = head.keep_alive and body_length(head) == 0
            sock.sendall(head_bytes(204, "", cors + ([] if keep else [("Connection", "close")])))
            return 204, "", keep
        length = body_length(head)
        try:
            creds = self.source.current(self.wait)
        except Unavailable as exc:
            keep = head.keep_alive and length == 0
            extra = [("Retry-After", "5")] + ([] if keep else [("Connection", "close")])
            sock.sendall(plain_answer(503, exc.reason, extra))
            return 503, exc.reason, keep
        expects = "100-continue" in head.tokens("expect")
        if expects and length != 0 and head.version == "HTTP/1.1":  # no 1xx to HTTP/1.0
            sock.sendall(b"HTTP/1.1 100 Continue\r\n\r\n")
        declared = bool(head.values("content-length"))
        body, sized = _read_body(rfile, length, declared, self.replay_limit)
        path = _NOT_ASCII.sub(lambda m: f"%{ord(m.group()):02X}", path)  # bytes, as latin-1
        drop = _OURS | (head.tokens("connection") if "connection" in head.index else set())
        headers = [(k, v) for k, v in head.headers if k.lower() not in drop]
        headers.append(("Host", self.upstream.netloc))
        if sized is not None:
            headers.append(("Content-Length", str(sized)))
        return self._exchange(head, path, headers, body, creds, sock, policy)

    def _exchange(
        self,
        head: RequestHead,
        path: str,
        headers: list[tuple[str, str]],
        body: Body,
        creds: Credentials,
        sock: socket.socket,
        policy: Policy,
    ) -> tuple[int, str, bool]:
        replayable = body is None or isinstance(body, bytes)
        failure = ""
        try:
            sent_at = self._clock()
            link, answer = self.upstream.send(head.method, path, _with(headers, creds), body)
            if answer.status == 401 and not replayable:  # renew for the next one, pass it on
                self.source.renewed(creds, sent_at, 0)
                failure = translate("proxy", TOO_LARGE)
            elif answer.status == 401:
                newer = self.source.renewed(creds, sent_at, self.wait)
                if newer is not None:
                    self._drain(link, answer)
                    link, answer = self.upstream.send(
                        head.method, path, _with(headers, newer), body
                    )
                if answer.status == 401:
                    failure = translate("proxy", REFUSED if newer is None else STILL_REFUSED)
        except AuthError as exc:
            status = 504 if isinstance(exc, RequestTimeout) else 502
            keep = head.keep_alive and replayable  # an upload cut short leaves bytes behind
            extra = [] if keep else [("Connection", "close")]
            sock.sendall(plain_answer(status, exc.message, extra))
            return status, exc.message, keep
        status, keep, cut = self._stream_back(head, link, answer, sock, cors_headers(head, policy))
        return status, cut or failure, keep

    def _drain(self, link: Link, answer: Answer) -> None:
        """Read a small answer to the end so its connection can be used again."""
        size = 0
        try:
            while not answer.done and size <= SMALL and (answer.length or 0) <= SMALL:
                size += len(answer.read1())
        except (OSError, ValueError, NotHttp):
            pass
        self.upstream.release(link, answer)  # closes it unless read to the end

    def _stream_back(
        self,
        head: RequestHead,
        link: Link,
        answer: Answer,
        sock: socket.socket,
        cors: list[tuple[str, str]],
    ) -> tuple[int, bool, str]:
        """Write the answer to the client: the status it got, whether its connection can go
        on, and why not when the answer broke off."""
        no_body = head.method.upper() == "HEAD" or answer.status in _NO_BODY
        headers = self._answer_headers(answer.headers, keep_length=no_body) + cors
        length = answer.length if answer.sized else None
        keep = head.keep_alive
        if no_body:
            pass
        elif length is not None:
            headers.append(("Content-Length", str(length)))
        elif keep:
            headers.append(("Transfer-Encoding", "chunked"))
        if not keep:
            headers.append(("Connection", "close"))
        start = head_bytes(answer.status, answer.reason, headers)
        if not no_body and length is not None and length <= SMALL:
            try:  # read whole before anything is sent: a broken answer can still be a 502
                start += answer.read()
            except (OSError, ValueError, NotHttp):
                link.close()
                lost = ConnectionLost(host=self.upstream.netloc).message
                sock.sendall(plain_answer(502, lost, [("Connection", "close")]))
                return 502, False, lost
            no_body = True  # all of it is in ``start``
        try:
            if no_body:
                sock.sendall(start)
            else:
                sock.sendall(start)
                while piece := answer.read1():
                    sock.sendall(chunk(piece) if length is None and keep else piece)
                if length is None and keep:
                    sock.sendall(LAST_CHUNK)
        except (OSError, ValueError, NotHttp) as exc:  # the client or the server went away
            link.close()
            text = translate("proxy", "The answer was cut off midway ({error}).")
            return answer.status, False, text.format(error=type(exc).__name__)
        except BaseException:
            link.close()
            raise
        self.upstream.release(link, answer)
        return answer.status, keep, ""

    def _answer_headers(
        self, received: list[tuple[str, str]], *, keep_length: bool
    ) -> list[tuple[str, str]]:
        base = self.upstream.origin + self.upstream.prefix
        out = []
        for name, value in end_to_end(received):
            lower = name.lower()
            if lower.startswith("access-control-") or (
                lower == "content-length" and not keep_length
            ):
                continue  # CORS is the proxy's to say; the length is set from the framing
            if lower in ("location", "content-location") and value.startswith(base + "/"):
                value = self._base_url() + value[len(base) :]
            out.append((name, value))
        return out


def _with(headers: list[tuple[str, str]], creds: Credentials) -> list[tuple[str, str]]:
    return [*headers, ("Authorization", creds.authorization)]


def _read_body(
    rfile: Reader, length: int | None, declared: bool, limit: int
) -> tuple[Body, int | None]:
    """The request body, and the ``Content-Length`` to send it with (None: chunked or none).

    Up to ``limit`` bytes are read whole (a chunked body of that size then goes on with its
    length); a larger one streams on."""
    if length == 0:
        return (b"", 0) if declared else (None, None)
    if length is not None and length <= limit:
        data = b"".join(read_exactly(rfile, length))
        return data, length
    if length is not None:
        return read_exactly(rfile, length), length
    pieces = read_chunked(rfile)
    kept: list[bytes] = []
    size = 0
    for piece in pieces:
        kept.append(piece)
        size += len(piece)
        if size > limit:
            return itertools.chain(kept, pieces), None
    data = b"".join(kept)
    return data, len(data)


__all__ = ["REPLAY_LIMIT", "BadRequest", "Forwarder"]
