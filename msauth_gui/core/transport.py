"""A total deadline for each request, and a way to abandon it from another thread.

``requests`` only has a per-read timeout: a server that sends one byte a second keeps a request
alive for ever, and nothing in ``requests`` can abort one. So each request runs as a
:class:`Call`. Whenever the call opens or reuses a connection made through
:class:`TrackingAdapter`, it takes a duplicate of the connection's socket (closed when the call
ends). At the deadline (one process-wide watchdog thread keeps them all) or on
:meth:`Call.cancel` from any thread, the call shuts those sockets down: the blocked read, connect
or TLS handshake fails at once and the caller returns. Name resolution cannot be interrupted, so
a host name is resolved in a helper thread that the call stops waiting for (the helper ends on
its own); the connection then goes to the addresses found, in order.

The request itself runs in the caller's thread: no thread is started per request (that cost a
millisecond per sign-in on a busy machine).
"""

from __future__ import annotations

import contextlib
import heapq
import ipaddress
import itertools
import socket
import threading
import time
from collections.abc import Callable
from typing import Any, Generic, TypeVar

from requests.adapters import HTTPAdapter
from urllib3 import HTTPConnectionPool, HTTPSConnectionPool
from urllib3.connection import HTTPConnection, HTTPSConnection
from urllib3.exceptions import NameResolutionError, NewConnectionError
from urllib3.poolmanager import ProxyManager
from urllib3.util.connection import allowed_gai_family

from .failures import LookupTimedOut

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
        self.status: int | None = None  #: the HTTP status, once an answer's head arrived
        self.note = ""  #: for the log: the start of an error answer
        self._lock = threading.Lock()
        self._handles: list[socket.socket] = []
        self._guarded: list[socket.socket] = []
        self._waiters: list[threading.Event] = []

    @property
    def remaining(self) -> float:
        return self.deadline - time.monotonic()

    def run(self, work: Callable[[], T]) -> str:
        """Do ``work`` here, under the deadline; return how the call ended (done, expired,
        cancelled). :attr:`result` or :attr:`error` holds what the work gave; when the call
        expired or was cancelled, that is what broke off and means nothing."""
        outer, _local.call = current_call(), self
        _WATCHDOG.add(self)
        try:
            self.result = work()
        except BaseException as exc:  # handed to the caller, which decides what it means
            self.error = exc
        finally:
            _local.call = outer
            self._end(DONE)
        return self.state

    def cancel(self) -> bool:
        """Abandon the call from any thread: its sockets are shut down, its caller returns."""
        return self._end(CANCELLED)

    def expire(self) -> bool:
        return self._end(EXPIRED)

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

    def guard(self, sock: socket.socket) -> None:
        """Shut ``sock`` down if this call expires or is cancelled; leave it be when the call
        ends. No duplicate is taken: for a socket that only the calling thread closes (the
        local proxy's connections), where :meth:`watch` would cost two system calls a call."""
        with self._lock:
            if self.state == RUNNING:
                self._guarded.append(sock)
                return
            late = self.state != DONE
        if late:
            _shut(sock)

    def wait(self, wake: threading.Event) -> None:
        """Wait until ``wake`` is set, the call ends, or its deadline passes."""
        with self._lock:
            if self.state != RUNNING:
                return
            self._waiters.append(wake)
        try:
            wake.wait(max(0.0, self.remaining))
        finally:
            with self._lock, contextlib.suppress(ValueError):
                self._waiters.remove(wake)

    def _end(self, state: str) -> bool:
        with self._lock:
            if self.state != RUNNING:
                return False
            self.state = state
            handles, self._handles = self._handles, []
            guarded, self._guarded = self._guarded, []
            waiters, self._waiters = self._waiters, []
        for handle in handles:
            if state != DONE:
                _shut(handle)
            handle.close()
        if state != DONE:
            for sock in guarded:
                _shut(sock)
        for wake in waiters:
            wake.set()
        return True


class _Watchdog:
    """One thread for every call's deadline: it sleeps until the earliest and expires it.

    A call that ends leaves its entry behind until it reaches the top of the heap (at its
    deadline, or sooner); with thousands of short calls a second (the local proxy) those would
    pile up for a whole timeout, so the heap drops ended calls whenever it has grown past
    :attr:`COMPACT_AT` entries since the last time.
    """

    COMPACT_AT = 256

    def __init__(self) -> None:
        self._cond = threading.Condition()
        self._heap: list[tuple[float, int, Call[Any]]] = []
        self._order = itertools.count()
        self._thread: threading.Thread | None = None
        self._compact_at = self.COMPACT_AT

    def add(self, call: Call[Any]) -> None:
        with self._cond:
            if len(self._heap) >= self._compact_at:
                self._heap = [entry for entry in self._heap if entry[2].state == RUNNING]
                heapq.heapify(self._heap)
                self._compact_at = max(self.COMPACT_AT, 2 * len(self._heap))
            heapq.heappush(self._heap, (call.deadline, next(self._order), call))
            if self._thread is None:
                self._thread = threading.Thread(target=self._run, name="msauth-watchdog")
                self._thread.daemon = True
                self._thread.start()
            elif self._heap[0][2] is call:  # earlier than what the thread sleeps for
                self._cond.notify()

    def _run(self) -> None:
        while True:
            due: list[Call[Any]] = []
            with self._cond:
                now = time.monotonic()
                while self._heap and (self._heap[0][0] <= now or self._heap[0][2].state != RUNNING):
                    due.append(heapq.heappop(self._heap)[2])
                if not due:
                    self._cond.wait(self._heap[0][0] - now if self._heap else None)
            for call in due:
                call.expire()  # a no-op for calls already over


_WATCHDOG = _Watchdog()


def current_call() -> Call[Any] | None:
    """The call the current thread works for, if any."""
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


def _is_address(host: str) -> bool:
    try:
        ipaddress.ip_address(host.strip("[]"))
    except ValueError:
        return False
    return True


AddressInfo = tuple[Any, ...]  #: one entry of ``socket.getaddrinfo``


Resolver = Callable[..., list[AddressInfo]]  #: ``socket.getaddrinfo`` or a stand-in


def lookup(
    host: str,
    port: int,
    wait: Callable[[threading.Event], None],
    family: int = 0,
    resolver: Resolver = socket.getaddrinfo,
) -> list[AddressInfo]:
    """``resolver(host, port)`` (``socket.getaddrinfo``) for TCP, in a helper thread:
    ``wait(done)`` returns once ``done`` is set or its caller stops waiting (a deadline, a
    cancel), and then this raises :class:`~.failures.LookupTimedOut` (getaddrinfo cannot be
    interrupted; the helper ends on its own). The lookup's own error (``socket.gaierror``, a
    ``UnicodeError``) is raised as it is."""
    found: dict[str, Any] = {}
    done = threading.Event()

    def resolve() -> None:
        try:
            found["infos"] = resolver(host, port, family, socket.SOCK_STREAM)
        except (OSError, UnicodeError) as exc:  # UnicodeError: a name IDNA cannot encode
            found["error"] = exc
        finally:
            done.set()

    threading.Thread(target=resolve, name="msauth-dns", daemon=True).start()
    wait(done)
    if "error" in found:
        raise found["error"]
    if "infos" not in found:
        raise LookupTimedOut(f"no address for {host} before the deadline")
    return list(found["infos"])


def _resolve(call: Call[Any], host: str, port: int) -> list[str]:
    """The addresses of ``host``, looked up under the call's deadline (and its cancel)."""
    infos = lookup(host, port, call.wait, allowed_gai_family())
    return list(dict.fromkeys(str(info[4][0]) for info in infos))


def create_connection(
    address: tuple[str, int], timeout: float | None = None, source: Any = None
) -> socket.socket:
    """``socket.create_connection`` for the current call: the host name resolved under the
    call's deadline, the socket watched from right after the connect (so a stalled TLS
    handshake can be stopped too). For ``http.client`` connections (their
    ``_create_connection``), as :class:`TrackingAdapter` does it for urllib3's."""
    host, port = address
    call = current_call()
    if call is None or _is_address(host) or not host.isascii():
        sock = socket.create_connection(address, timeout, source)
    else:
        failure: OSError | None = None
        for found in _resolve(call, host, port):
            try:
                sock = socket.create_connection((found, port), timeout, source)
                break
            except OSError as exc:
                failure = exc
        else:
            raise failure or OSError(f"no address for {host}")
    _watch(sock)
    return sock


class _Tracked:
    """Mixed into urllib3's connections: the call that opens one resolves its host under the
    deadline and watches its socket from right after the TCP connect (before any TLS
    handshake, so a stalled handshake can be stopped too)."""

    _dns_host: str
    port: int

    def _new_conn(self) -> socket.socket:
        call, host = current_call(), self._dns_host
        if call is None or _is_address(host) or not host.isascii():
            sock: socket.socket = super()._new_conn()  # type: ignore[misc]
        else:
            sock = self._connect_resolved(call, host)
        _watch(sock)
        return sock

    def _connect_resolved(self, call: Call[Any], host: str) -> socket.socket:
        try:
            addresses = _resolve(call, host, self.port)
        except socket.gaierror as exc:
            raise NameResolutionError(host, self, exc) from exc  # type: ignore[arg-type]
        failure: Exception | None = None
        for address in addresses:  # as create_connection does: each in turn
            self._dns_host = address
            try:
                return super()._new_conn()  # type: ignore[misc]
            except NewConnectionError as exc:
                failure = exc
            finally:
                self._dns_host = host
        raise failure or OSError(f"no address for {host}")


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
