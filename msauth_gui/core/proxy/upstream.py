"""The proxy's side towards the server: kept-alive connections in a pool, one exchange each.

Speed. ``python -m benchmarks --only proxy`` measures one request with ``requests``, urllib3 and
``http.client``: ``requests`` costs about four times ``http.client``, urllib3 twice. The proxy
needs none of what they add (redirects, cookies, decoding), so it takes ``http.client``'s
connections (TCP, an ``HTTPS_PROXY`` tunnel, TLS) and writes each request and reads each answer
itself (:mod:`.answer`): ``http.client``'s own head parsing was a third of the proxy's time.

Deadlines. Connecting (name lookup, TCP, a tunnel, the TLS handshake) and waiting for the
answer's head each fit in the connection settings' timeout, as a total, however slowly a server
trickles bytes (a :class:`~..transport.Call` each, cancellable). An upload and the answer's
body have no total deadline: a large download or a long stream must not be cut at 15 s.
Instead every read and write there fails after the same number of seconds without progress.

TLS uses the connection settings (verification on with the CA bundle, or requests' own CA list;
off when the operator turned it off), and ``HTTPS_PROXY``/``HTTP_PROXY``/``NO_PROXY`` are read
as ``requests`` reads them for the token calls, so both go the same way.
"""

from __future__ import annotations

import base64
import http.client
import io
import socket
import ssl
import threading
import time
from collections.abc import Callable, Iterable
from typing import Any, TypeVar
from urllib.parse import unquote, urlsplit

from urllib3.util.wait import wait_for_read

from ..client import ConnectionSettings
from ..endpoints import ascii_host
from ..errors import (
    AuthError,
    ConnectionLost,
    InvalidInput,
    RequestCancelled,
    RequestTimeout,
    UnreadableAnswer,
)
from ..failures import bundle_without_certificates, connection_error, tls_error, unusable_bundle
from ..records import TlsOptions
from ..translate import QT_TRANSLATE_NOOP, translate
from ..transport import CANCELLED, EXPIRED, Call, create_connection, current_call
from .answer import Answer, Closed, NotHttp
from .wire import LAST_CHUNK, chunk

T = TypeVar("T")
POOL_SIZE = 64  #: idle connections kept
SMALL_BODY = 64 * 1024  #: sent in one write with the head
#: how a kept-alive connection that the server had closed shows: send the request once more
_STALE = (Closed, BrokenPipeError, ConnectionResetError, ConnectionAbortedError)
Body = bytes | Iterable[bytes] | None


class Link:
    """One connection to the server (through ``http.client`` for TCP, tunnel and TLS), made
    by ``make`` when it is opened, inside its request's deadline."""

    def __init__(self, make: Callable[[], http.client.HTTPConnection]) -> None:
        self._make = make
        self._conn: http.client.HTTPConnection | None = None
        self.sock: socket.socket | None = None
        self.rfile: io.BufferedReader | None = None

    def open(self) -> None:
        self._conn = self._make()
        self._conn.connect()
        self.sock = self._conn.sock
        assert self.sock is not None
        self.rfile = io.BufferedReader(socket.SocketIO(self.sock, "rb"), SMALL_BODY)

    def close(self) -> None:
        if self.rfile is not None:
            self.rfile.close()
        if self._conn is not None:
            self._conn.close()
        self.sock = None


class _Connection(http.client.HTTPConnection):
    def __init__(self, host: str, port: int, timeout: float) -> None:
        super().__init__(host, port, timeout=timeout)
        self._create_connection = create_connection  # name lookup and connect under the call


class _TlsConnection(http.client.HTTPSConnection):
    def __init__(self, host: str, port: int, timeout: float, context: ssl.SSLContext) -> None:
        super().__init__(host, port, timeout=timeout, context=context)
        self._create_connection = create_connection


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
    except OSError as exc:  # ssl.SSLError too
        if tls.ca_bundle and bundle_without_certificates(exc):
            raise unusable_bundle(tls.ca_bundle) from None
        detail = translate("errors", "cannot read {path} ({error})")
        raise InvalidInput(
            field=QT_TRANSLATE_NOOP("errors", "CA bundle"),
            detail=detail.format(path=tls.ca_bundle, error=getattr(exc, "strerror", "") or exc),
        ) from None


class _ContextBuild:
    """:func:`tls_context` on a helper thread: reading the CA list takes ~30 ms (the window
    starts its proxy on the GUI thread), and a bundle on a share that stops answering must not
    hold a request past its deadline, nor other requests at all."""

    def __init__(self, tls: TlsOptions) -> None:
        self.done = threading.Event()
        self.context: ssl.SSLContext | None = None
        self.error: InvalidInput | None = None
        threading.Thread(
            target=self._run, args=(tls,), name="msauth-proxy-tls", daemon=True
        ).start()

    def _run(self, tls: TlsOptions) -> None:
        try:
            self.context = tls_context(tls)
        except InvalidInput as exc:
            self.error = exc
        finally:
            self.done.set()

    @property
    def failed(self) -> bool:
        return self.done.is_set() and self.context is None


class Upstream:
    """Sends requests to ``{origin}{prefix}`` of one server; thread-safe."""

    def __init__(self, settings: ConnectionSettings, pool_size: int = POOL_SIZE) -> None:
        endpoints = settings.endpoints()
        parts = urlsplit(endpoints.origin)
        self.origin, self.prefix = endpoints.origin, endpoints.prefix
        # the name as requests sends it (IDNA 2008): http.client and the socket module would
        # encode a non-ASCII one as IDNA 2003, where "straße" is another host, "strasse"
        self.host = host = ascii_host(parts.hostname or "") or ""
        port = f":{parts.port}" if parts.port else ""
        self.netloc = (f"[{host}]" if ":" in host else host) + port  #: the Host header
        self.port = parts.port or (443 if parts.scheme == "https" else 80)
        self.timeout = settings.timeout
        self.https = parts.scheme == "https"
        self._tls = TlsOptions(settings.verify_tls, settings.ca_bundle or None)
        self._build = _ContextBuild(self._tls) if self.https else None
        self._proxy = _environ_proxy(endpoints.origin)
        self._pool_size = pool_size
        self._idle: list[Link] = []
        self._calls: set[Call[Any]] = set()
        self._lock = threading.Lock()
        self._closed = False

    # -- connections -----------------------------------------------------------------------
    def _new(self) -> Link:
        host, port, tunnel = self.host, self.port, None
        if self._proxy is not None:
            host, port, auth = self._proxy
            tunnel = {"Proxy-Authorization": auth} if auth else {}
        if not self.https:
            return Link(lambda: _Connection(host, port, self.timeout))

        def make() -> http.client.HTTPConnection:
            conn = _TlsConnection(host, port, self.timeout, self._tls_context())
            if tunnel is not None:
                conn.set_tunnel(self.host, self.port, tunnel)
            return conn

        return Link(make)

    def _tls_context(self) -> ssl.SSLContext:
        """The context being made since the proxy was built, waited for under the current
        request's deadline (and its cancel). A bundle that could not be read fails that
        request (:class:`~..errors.InvalidInput`); the next one reads it again."""
        with self._lock:
            build = self._build
            if build is None or build.failed:
                build = self._build = _ContextBuild(self._tls)
        call = current_call()
        if call is not None:
            call.wait(build.done)
        if build.error is not None:
            raise build.error  # the next request starts another (``failed``) and reads it again
        if build.context is None:  # the deadline came, or a cancel: the call says which
            raise TimeoutError("the CA list was not read in time")
        return build.context

    def _take(self) -> Link:
        """An idle connection the server has not closed meanwhile, or a new one."""
        with self._lock:
            while self._idle:
                link = self._idle.pop()
                if link.sock is not None and not wait_for_read(link.sock, timeout=0.0):
                    return link
                link.close()  # closed by the server (readable means EOF, or garbage)
        return self._new()

    def release(self, link: Link, answer: Answer) -> None:
        """Take back a connection whose answer was read to the end."""
        with self._lock:
            reusable = link.sock is not None and answer.done and not answer.will_close
            if reusable and not self._closed and len(self._idle) < self._pool_size:
                self._idle.append(link)
                return
        link.close()

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
        for link in idle:
            link.close()

    # -- one exchange ----------------------------------------------------------------------
    def send(
        self, method: str, path: str, headers: list[tuple[str, str]], body: Body
    ) -> tuple[Link, Answer]:
        """Send a request for ``{prefix}{path}``; its connection and its answer, whose body is
        still to be read (then :meth:`release` the connection, or close it). ``body`` is bytes,
        None, or pieces: sent as they are when ``headers`` has a ``Content-Length``, else
        chunked. Raises :class:`~..errors.AuthError`."""
        replayable = body is None or isinstance(body, bytes)
        for attempt in (1, 2):
            link = self._take()
            try:
                return link, self._exchange(link, method, path, headers, body)
            except _Stale:
                link.close()
                if attempt == 2 or not replayable:
                    raise ConnectionLost(host=self.netloc) from None
            except BaseException:
                link.close()
                raise
        raise AssertionError("unreachable")

    def _exchange(
        self, link: Link, method: str, path: str, headers: list[tuple[str, str]], body: Body
    ) -> Answer:
        reused = link.sock is not None
        if not reused:
            self._within_deadline(link, link.open)
        target = self.prefix + path
        if self._proxy is not None and not self.https:
            target = f"http://{self.netloc}{target}"  # absolute-form, to the HTTP proxy
        streamed = not (body is None or isinstance(body, bytes))
        sized = any(name.lower() == "content-length" for name, _ in headers)
        if streamed and not sized:  # said, or the server reads the chunks as the next request
            headers = [*headers, ("Transfer-Encoding", "chunked")]
        lines = [f"{method} {target} HTTP/1.1", *(f"{k}: {v}" for k, v in headers), "", ""]
        head = "\r\n".join(lines).encode("latin-1")
        sock, rfile = link.sock, link.rfile
        assert sock is not None and rfile is not None
        if body is None or isinstance(body, bytes):

            def whole() -> Answer:
                sock.sendall(head + body if body and len(body) <= SMALL_BODY else head)
                if body and len(body) > SMALL_BODY:
                    sock.sendall(body)
                return Answer(rfile, method)

            return self._within_deadline(link, whole, stale_if=reused)
        try:  # an upload: no total deadline, a timeout per write
            sock.sendall(head)
            for piece in body:
                if piece:
                    sock.sendall(piece if sized else chunk(piece))
            if not sized:
                sock.sendall(LAST_CHUNK)
        except OSError as exc:
            if reused and isinstance(exc, _STALE):
                raise _Stale from exc
            raise self._error(exc) from None
        return self._within_deadline(link, lambda: Answer(rfile, method))

    def _within_deadline(self, link: Link, work: Callable[[], T], *, stale_if: bool = False) -> T:
        """``work()`` under a total deadline; cancellable by :meth:`cancel`."""
        call: Call[T] = Call(time.monotonic() + self.timeout)
        with self._lock:
            if self._closed:  # stopped: nothing more reaches the server
                raise RequestCancelled(host=self.netloc)
            self._calls.add(call)

        def watched() -> T:
            if link.sock is not None:  # a new one is watched from its connect on
                call.guard(link.sock)
            return work()

        try:
            ended = call.run(watched)
        finally:
            with self._lock:
                self._calls.discard(call)
        if ended == CANCELLED:
            raise RequestCancelled(host=self.netloc)
        if ended == EXPIRED or isinstance(call.error, TimeoutError):  # the socket's own timeout
            raise RequestTimeout(host=self.netloc, seconds=self.timeout)
        error, result, call.result = call.error, call.result, None  # the watchdog may keep it
        if error is None:
            return result  # type: ignore[return-value]
        if stale_if and isinstance(error, _STALE):
            raise _Stale from error
        if isinstance(error, (OSError, http.client.HTTPException, NotHttp, Closed)):
            raise self._error(error) from None
        raise error

    def _error(self, exc: BaseException) -> AuthError:
        if isinstance(exc, ssl.SSLError):
            return tls_error(exc, self.origin, self.netloc)
        if isinstance(exc, NotHttp):
            detail = translate("proxy", "not HTTP ({error})").format(error=exc)
            return UnreadableAnswer(url=self.origin, detail=detail, snippet="")
        if isinstance(exc, Closed):
            return ConnectionLost(host=self.netloc)
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
