"""A total deadline for each request, and a way to abandon it from another thread.

``requests`` only has a per-read timeout: a server that sends one byte a second keeps a request
alive for ever, and nothing in ``requests`` can abort one. So each request runs as a
:class:`Call`: a short-lived worker thread does the work while the caller waits for at most
the deadline. Whenever a call opens or reuses a connection made through :class:`TrackingAdapter`,
it takes a duplicate of the connection's socket (closed when the call ends). At the deadline, or on
:meth:`Call.cancel` from any thread, the call shuts those sockets down (which wakes the worker
from its blocked read or TLS handshake at once) and the caller returns. Name resolution cannot
be interrupted, but the caller never waits for it past the deadline: the worker is a daemon and
ends on its own.
"""

from __future__ import annotations

import contextlib
import socket
import threading
import time
from collections.abc import Callable
from typing import Any, Generic, TypeVar

from requests.adapters import HTTPAdapter
from urllib3 import HTTPConnectionPool, HTTPSConnectionPool
from urllib3.connection import HTTPConnection, HTTPSConnection
from urllib3.poolmanager import ProxyManager

T = TypeVar("T")
_local = threading.local()

RUNNING, DONE, EXPIRED, CANCELLED = "running", "done", "expired", "cancelled"


class Call(Generic[T]):
    """One piece of network work with a wall-clock deadline (``time.monotonic()`` seconds)."""

    def __init__(self, deadline: float) -> None:
        self.deadline = deadline
        self.state = RUNNING
        self.result: T | None = None
        self.error: BaseException | None = None
        self.thread: threading.Thread | None = None
        self.status: int | None = None  #: the HTTP status, once an answer's head arrived
        self.note = ""  #: for the log: the start of an error answer
        self._lock = threading.Lock()
        self._handles: list[socket.socket] = []
        self._settled = threading.Event()

    @property
    def remaining(self) -> float:
        return self.deadline - time.monotonic()

    def run(self, work: Callable[[], T]) -> str:
        """Do ``work`` in a worker thread; return how the call ended (done, expired, cancelled).
        On ``done``, :attr:`result` or :attr:`error` holds the outcome."""

        def worker() -> None:
            _local.call = self
            try:
                self.result = work()
            except BaseException as exc:  # handed to the caller, which decides what it means
                self.error = exc
            finally:
                _local.call = None
                self._end(DONE)

        self.thread = threading.Thread(target=worker, name="msauth-http", daemon=True)
        self.thread.start()
        try:
            self._settled.wait(max(0.0, self.remaining))
        except BaseException:  # Ctrl+C while waiting: abandon the work too
            self.cancel()
            raise
        self._end(EXPIRED)  # a no-op when the work is already done or was cancelled
        return self.state

    def cancel(self) -> bool:
        """Abandon the call from any thread: its sockets are shut down, its caller returns."""
        return self._end(CANCELLED)

    def watch(self, handle: socket.socket) -> None:
        """Take ``handle`` (a duplicate socket): shut its connection down if this call expires
        or is cancelled; close it when the call ends."""
        with self._lock:
            if self.state == RUNNING:
                self._handles.append(handle)
                return
            late = self.state != DONE
        if late:  # already over: stop the late connection at once
            _shut(handle)
        handle.close()

    def _end(self, state: str) -> bool:
        with self._lock:
            if self.state != RUNNING:
                return False
            self.state = state
            handles, self._handles = self._handles, []
        for handle in handles:
            if state != DONE:
                _shut(handle)
            handle.close()
        self._settled.set()
        return True


def current_call() -> Call[Any] | None:
    """The call the current thread works for, if it is a call's worker."""
    return getattr(_local, "call", None)


def _shut(handle: socket.socket) -> None:
    with contextlib.suppress(OSError):  # already closed: nothing left to stop
        handle.shutdown(socket.SHUT_RDWR)


def _watch(sock: socket.socket) -> None:
    """Let the current call shut ``sock``'s connection down: through a duplicate of the
    socket, which the call owns and closes when it ends (the connection may outlive it)."""
    call = current_call()
    if call is None:
        return
    try:  # socket.dup() refuses SSLSocket; fromfd duplicates the descriptor underneath
        handle = socket.fromfd(sock.fileno(), sock.family, sock.type, sock.proto)
    except OSError:  # already closed
        return
    call.watch(handle)


class _Tracked:
    """Mixed into urllib3's connections: the call that opens one watches its socket, from
    right after the TCP connect (before any TLS handshake, so a stalled handshake can be
    stopped too)."""

    def _new_conn(self) -> socket.socket:
        sock: socket.socket = super()._new_conn()  # type: ignore[misc]
        _watch(sock)
        return sock


class _TrackedHTTPConnection(_Tracked, HTTPConnection):
    pass


class _TrackedHTTPSConnection(_Tracked, HTTPSConnection):
    pass


class _PoolMixin:
    def _get_conn(self, timeout: float | None = None) -> Any:
        conn = super()._get_conn(timeout)  # type: ignore[misc]
        if conn.sock is not None:  # a kept-alive connection, reused by this call
            _watch(conn.sock)
        return conn


class _HTTPPool(_PoolMixin, HTTPConnectionPool):
    ConnectionCls = _TrackedHTTPConnection


class _HTTPSPool(_PoolMixin, HTTPSConnectionPool):
    ConnectionCls = _TrackedHTTPSConnection


_POOLS = {"http": _HTTPPool, "https": _HTTPSPool}


class TrackingAdapter(HTTPAdapter):
    """An ``HTTPAdapter`` whose connections a :class:`Call` can shut down."""

    def init_poolmanager(self, *args: Any, **kwargs: Any) -> None:
        super().init_poolmanager(*args, **kwargs)
        self.poolmanager.pool_classes_by_scheme = _POOLS

    def proxy_manager_for(self, proxy: str, **proxy_kwargs: Any) -> Any:
        manager = super().proxy_manager_for(proxy, **proxy_kwargs)
        if isinstance(manager, ProxyManager):  # not SOCKS, which has pool classes of its own
            manager.pool_classes_by_scheme = _POOLS
        return manager
