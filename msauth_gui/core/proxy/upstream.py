"""The proxy's side towards the server: ``http.client`` connections, kept alive in a pool.

``http.client`` rather than ``requests`` or urllib3: per request it costs a quarter of
``requests``' time and half of urllib3's (``python -m benchmarks --only proxy`` measures all
three), and the proxy needs none of what they add (redirects, cookies, decoding).

Deadlines. Connecting (name lookup, TCP, a proxy tunnel, the TLS handshake) and waiting for the
answer's head each fit in the connection settings' timeout, as a total, however slowly a server
trickles bytes (a :class:`~..transport.Call` each). An upload and the answer's body have no
total deadline: a large download or a long stream must not be cut at 15 s. Instead every read
and write there fails after the same number of seconds without progress.

TLS uses the connection settings (verification on with the CA bundle, or requests' own CA list;
off when the operator turned it off), and ``HTTPS_PROXY``/``HTTP_PROXY``/``NO_PROXY`` are read
as ``requests`` reads them for the token calls, so both go the same way.
"""

from __future__ import annotations

import base64
import http.client
import ssl
import threading
import time
from collections.abc import Callable, Iterable
from typing import Any, TypeVar
from urllib.parse import unquote, urlsplit

from urllib3.util.wait import wait_for_read

from ..client import ConnectionSettings
from ..errors import AuthError, InvalidInput, RequestCancelled, RequestTimeout, UnreadableAnswer
from ..failures import connection_error, tls_error
from ..records import TlsOptions
from ..translate import QT_TRANSLATE_NOOP, translate
from ..transport import CANCELLED, EXPIRED, Call, create_connection, watch
from .wire import LAST_CHUNK, chunk

T = TypeVar("T")
POOL_SIZE = 64  #: idle connections kept
#: a kept-alive connection that the server had closed shows it like this: send once more
_STALE = (
    BrokenPipeError,
    ConnectionResetError,
    ConnectionAbortedError,
    http.client.RemoteDisconnected,
)


class _Connection(http.client.HTTPConnection):
    def __init__(self, host: str, port: int, timeout: float) -> None:
        super().__init__(host, port, timeout=timeout)
        self._create_connection = create_connection  # name lookup and connect under the call


class _TlsConnection(http.client.HTTPSConnection):
    def __init__(self, host: str, port: int, timeout: float, context: ssl.SSLContext) -> None:
        super().__init__(host, port, timeout=timeout, context=context)
        self._create_connection = create_connection


Connection = http.client.HTTPConnection
Answer = http.client.HTTPResponse


def tls_context(tls: TlsOptions) -> ssl.SSLContext:
    """The context the token calls use too: the CA bundle, requests' CA list, or none."""
    if not tls.verify:
        context = ssl.SSLContext(ssl.PROTOCOL_TLS_CLIENT)
        context.check_hostname = False
        context.verify_mode = ssl.CERT_NONE
        return context
    from requests.certs import where

    try:
        return ssl.create_default_context(cafile=tls.ca_bundle or where())
    except (OSError, ssl.SSLError) as exc:
        detail = translate("errors", "cannot read {path} ({error})")
        raise InvalidInput(
            field=QT_TRANSLATE_NOOP("errors", "CA bundle"),
            detail=detail.format(path=tls.ca_bundle, error=getattr(exc, "strerror", "") or exc),
        ) from None


class Upstream:
    """Sends requests to ``{origin}{prefix}`` of one server; thread-safe."""

    def __init__(self, settings: ConnectionSettings, pool_size: int = POOL_SIZE) -> None:
        endpoints = settings.endpoints()
        parts = urlsplit(endpoints.origin)
        self.origin, self.prefix = endpoints.origin, endpoints.prefix
        self.netloc = parts.netloc  #: the Host header
        self.host = parts.hostname or ""
        self.port = parts.port or (443 if parts.scheme == "https" else 80)
        self.timeout = settings.timeout
        self.https = parts.scheme == "https"
        tls = TlsOptions(settings.verify_tls, settings.ca_bundle or None)
        self._context = tls_context(tls) if self.https else None
        self._proxy = _environ_proxy(endpoints.origin)
        self._pool_size = pool_size
        self._idle: list[Connection] = []
        self._calls: set[Call[Any]] = set()
        self._lock = threading.Lock()
        self._closed = False

    # -- connections -----------------------------------------------------------------------
    def _new(self) -> Connection:
        host, port, tunnel = self.host, self.port, None
        if self._proxy is not None:
            host, port, auth = self._proxy
            tunnel = {"Proxy-Authorization": auth} if auth else {}
        if self._context is not None:
            conn: Connection = _TlsConnection(host, port, self.timeout, self._context)
            if tunnel is not None:
                conn.set_tunnel(self.host, self.port, tunnel)
            return conn
        return _Connection(host, port, self.timeout)

    def _take(self) -> Connection:
        """An idle connection the server has not closed meanwhile, or a new one."""
        with self._lock:
            while self._idle:
                conn = self._idle.pop()
                if conn.sock is not None and not wait_for_read(conn.sock, timeout=0.0):
                    return conn
                conn.close()  # closed by the server (readable means EOF, or garbage)
        return self._new()

    def release(self, conn: Connection) -> None:
        """Take back a connection whose answer was read to the end."""
        with self._lock:
            if conn.sock is not None and not self._closed and len(self._idle) < self._pool_size:
                self._idle.append(conn)
                return
        conn.close()

    def cancel(self) -> None:
        """Abandon every request waiting for a connection or an answer's head (any thread)."""
        with self._lock:
            calls = list(self._calls)
        for call in calls:
            call.cancel()

    def close(self) -> None:
        """Cancel what is in flight and close the idle connections."""
        with self._lock:
            self._closed = True
            idle, self._idle = self._idle, []
        self.cancel()
        for conn in idle:
            conn.close()

    # -- one exchange ----------------------------------------------------------------------
    def send(
        self,
        method: str,
        path: str,
        headers: list[tuple[str, str]],
        body: bytes | Iterable[bytes] | None,
    ) -> tuple[Connection, Answer]:
        """Send a request for ``{prefix}{path}``; its connection and its answer, whose body is
        still to be read (then :meth:`release` the connection, or close it). ``body`` is bytes,
        None, or pieces: sent as they are when ``headers`` has a ``Content-Length``, else
        chunked. Raises :class:`~..errors.AuthError`."""
        for attempt in (1, 2):
            conn = self._take()
            try:
                return conn, self._exchange(conn, method, path, headers, body)
            except _Stale:
                conn.close()
                if attempt == 2 or not isinstance(body, (bytes, type(None))):
                    raise connection_error(ConnectionResetError(), self.netloc) from None
            except BaseException:
                conn.close()
                raise
        raise AssertionError("unreachable")

    def _exchange(
        self,
        conn: Connection,
        method: str,
        path: str,
        headers: list[tuple[str, str]],
        body: bytes | Iterable[bytes] | None,
    ) -> Answer:
        reused = conn.sock is not None
        target = self.prefix + path
        if self._proxy is not None and not self.https:
            target = self.origin + target  # absolute-form, to the HTTP proxy
        if not reused:
            self._within_deadline(conn, conn.connect)

        def send_head(data: bytes | None) -> None:
            conn.putrequest(method, target, skip_host=True, skip_accept_encoding=True)
            for name, value in headers:
                conn.putheader(name, value)
            conn.endheaders(data)  # head and a small body in one write

        try:
            if body is None or isinstance(body, bytes):

                def whole() -> Answer:
                    send_head(body)
                    return conn.getresponse()

                return self._within_deadline(conn, whole, stale_if=reused)
            send_head(None)  # an upload: no total deadline, a timeout per write
            chunked = not any(name.lower() == "content-length" for name, _ in headers)
            for piece in body:
                if piece:
                    conn.send(chunk(piece) if chunked else piece)
            if chunked:
                conn.send(LAST_CHUNK)
        except (OSError, http.client.HTTPException) as exc:
            if reused and isinstance(exc, _STALE):
                raise _Stale from exc
            raise self._error(exc) from None
        return self._within_deadline(conn, conn.getresponse)

    def _within_deadline(
        self, conn: Connection, work: Callable[[], T], *, stale_if: bool = False
    ) -> T:
        """``work()`` under a total deadline; cancellable by :meth:`cancel`."""
        call: Call[T] = Call(time.monotonic() + self.timeout)
        with self._lock:
            self._calls.add(call)

        def watched() -> T:
            if conn.sock is not None:
                watch(conn.sock)
            return work()

        try:
            ended = call.run(watched)
        finally:
            with self._lock:
                self._calls.discard(call)
        if ended == EXPIRED:
            raise RequestTimeout(host=self.netloc, seconds=self.timeout)
        if ended == CANCELLED:
            raise RequestCancelled(host=self.netloc)
        error, result, call.result = call.error, call.result, None  # the watchdog may keep it
        if error is None:
            return result  # type: ignore[return-value]
        if stale_if and isinstance(error, _STALE):
            raise _Stale from error
        if isinstance(error, (OSError, http.client.HTTPException)):
            raise self._error(error) from None
        raise error

    def _error(self, exc: BaseException) -> AuthError:
        if isinstance(exc, ssl.SSLError):
            return tls_error(exc, self.origin, self.netloc)
        if isinstance(exc, http.client.HTTPException) and not isinstance(exc, _STALE):
            detail = translate("proxy", "not HTTP ({error})").format(error=type(exc).__name__)
            return UnreadableAnswer(url=self.origin, detail=detail, snippet="")
        return connection_error(exc, self.netloc)


class _Stale(Exception):
    """A kept-alive connection turned out closed before any answer: try a new one."""


def _environ_proxy(origin: str) -> tuple[str, int, str] | None:
    """The HTTP proxy ``requests`` would use for ``origin`` (host, port, Proxy-Authorization);
    None to connect directly (no proxy set, ``NO_PROXY``, or a kind we cannot speak)."""
    from requests.utils import get_environ_proxies, select_proxy

    proxy = select_proxy(origin, get_environ_proxies(origin))
    if not proxy:
        return None
    parts = urlsplit(proxy if "://" in proxy else "http://" + proxy)
    if parts.scheme != "http" or not parts.hostname:
        return None
    auth = ""
    if parts.username is not None:
        pair = f"{unquote(parts.username)}:{unquote(parts.password or '')}"
        auth = "Basic " + base64.b64encode(pair.encode()).decode("ascii")
    return parts.hostname, parts.port or 80, auth
