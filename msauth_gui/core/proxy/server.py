"""ProxyServer: listens on loopback and forwards each request with the session's credentials.

One thread accepts; each connection gets a thread of its own that answers its requests one
after another (HTTP/1.1 keep-alive) through the :class:`~.forward.Forwarder`. At
:data:`MAX_CONNECTIONS` a newcomer takes the place of the connection that has waited longest for
a request's head (idle, or sending it byte by byte: "slowloris"); only when every connection is
busy with a request is it turned away. :meth:`stop`
closes the listening socket and every connection and cancels what waits on the server; it
never waits on the network itself, so the window can call it on its GUI thread.
"""

from __future__ import annotations

import contextlib
import io
import socket
import threading
import time
from collections.abc import Callable, Iterable
from types import TracebackType

from ..client import ConnectionSettings
from ..session.shared import CredentialSource
from . import DEFAULT_ADDRESS, DEFAULT_PORT
from .access import AccessRecord
from .forward import Forwarder
from .safety import Policy, host_name
from .upstream import Upstream
from .wire import BadRequest, plain_answer, read_head

IDLE_TIMEOUT = 120.0  #: an idle keep-alive connection is closed after this many seconds
MAX_CONNECTIONS = 256


class ProxyServer:
    """Forwards ``http://{address}:{port}/PATH`` to ``{origin}{prefix}/PATH`` of ``settings``."""

    def __init__(
        self,
        settings: ConnectionSettings,
        source: CredentialSource,
        *,
        address: str = DEFAULT_ADDRESS,
        port: int = DEFAULT_PORT,
        accept_hosts: Iterable[str] = (),
        allow_origins: Iterable[str] = (),
        reject_methods: Iterable[str] = (),
        on_access: Callable[[AccessRecord], None] | None = None,
        clock: Callable[[], float] = time.time,
        idle_timeout: float = IDLE_TIMEOUT,
    ) -> None:
        self.settings = settings
        self.address = address
        self.port = port  #: the port asked for until start(), then the one bound
        self._accept_hosts = tuple(accept_hosts)
        self._allow_origins = tuple(allow_origins)
        self._reject_methods = frozenset(m.upper() for m in reject_methods)
        self.on_access = on_access
        self.idle_timeout = idle_timeout
        self.upstream = Upstream(settings)
        self._policy = Policy.make(address, port)
        self.forwarder = Forwarder(self.upstream, source, self.policy, lambda: self.url, clock)
        self._listener: socket.socket | None = None
        self._thread: threading.Thread | None = None
        self._connections: set[socket.socket] = set()
        self._serving: set[threading.Thread] = set()  #: one per connection, until it ends
        #: connections waiting for (the rest of) a request's head, and since when
        self._waiting: dict[socket.socket, float] = {}
        self._lock = threading.Lock()
        self._stopping = threading.Event()

    # -- settings --------------------------------------------------------------------------
    def policy(self) -> Policy:
        return self._policy

    @property
    def reject_methods(self) -> frozenset[str]:
        return self._reject_methods

    @reject_methods.setter
    def reject_methods(self, methods: Iterable[str]) -> None:
        """Change the refused methods while running (the window's "read-only")."""
        self._reject_methods = frozenset(m.upper() for m in methods)
        self._make_policy()

    def _make_policy(self) -> None:
        self._policy = Policy.make(
            self.address,
            self.port,
            accept_hosts=self._accept_hosts,
            allow_origins=self._allow_origins,
            reject_methods=self._reject_methods,
        )

    @property
    def url(self) -> str:
        """``http://127.0.0.1:8001``: the base URL to give to tools (loopback for 0.0.0.0)."""
        address = {"0.0.0.0": "127.0.0.1", "::": "::1", "": "127.0.0.1"}.get(
            self.address, self.address
        )
        return f"http://{host_name(address)}:{self.port}"

    @property
    def running(self) -> bool:
        return self._thread is not None and self._thread.is_alive()

    # -- life cycle ------------------------------------------------------------------------
    def start(self) -> ProxyServer:
        """Bind and serve in the background; raises OSError when the port is taken."""
        family = socket.AF_INET6 if ":" in self.address else socket.AF_INET
        listener = socket.create_server((self.address.strip("[]"), self.port), family=family)
        self._listener = listener
        self.port = listener.getsockname()[1]
        self._make_policy()
        self._stopping.clear()
        self._thread = threading.Thread(
            target=self._accept, args=(listener,), name=f"msauth-proxy-{self.port}", daemon=True
        )
        self._thread.start()
        return self

    def stop(self) -> None:
        """Stop listening, close every connection, cancel what waits on the server."""
        self._stopping.set()
        listener, self._listener = self._listener, None
        if listener is not None:
            with contextlib.suppress(OSError):
                listener.shutdown(socket.SHUT_RDWR)  # wakes the accepting thread (Linux)
            listener.close()
        with self._lock:
            connections = list(self._connections)
        for conn in connections:
            with contextlib.suppress(OSError):
                conn.shutdown(socket.SHUT_RDWR)
        self.upstream.close()

    def join(self, timeout: float | None = None) -> None:
        """Wait for the accepting thread and the connections' threads to end (tests; the CLI on
        its way out, so that a request answered just before Ctrl+C still gets its log line)."""
        deadline = None if timeout is None else time.monotonic() + timeout
        with self._lock:
            threads = list(self._serving)
        for thread in [self._thread, *threads]:
            if thread is not None:
                left = None if deadline is None else max(0.0, deadline - time.monotonic())
                thread.join(left)

    def __enter__(self) -> ProxyServer:
        return self.start()

    def __exit__(
        self,
        exc_type: type[BaseException] | None,
        exc: BaseException | None,
        tb: TracebackType | None,
    ) -> None:
        self.stop()

    # -- threads ---------------------------------------------------------------------------
    def _accept(self, listener: socket.socket) -> None:
        while not self._stopping.is_set():
            try:
                conn, _peer = listener.accept()
            except OSError:  # closed by stop()
                return
            with self._lock:
                crowded = len(self._connections) - len(self._waiting) >= MAX_CONNECTIONS
                evicted = None
                if not crowded and len(self._connections) >= MAX_CONNECTIONS:
                    evicted = min(self._waiting, key=self._waiting.__getitem__)
                    del self._waiting[evicted]
                    self._connections.discard(evicted)
                if not crowded:
                    self._connections.add(conn)
            if evicted is not None:  # it gets EOF; its thread ends
                with contextlib.suppress(OSError):
                    evicted.shutdown(socket.SHUT_RDWR)
            if crowded:
                self._turn_away(conn)
                continue
            thread = threading.Thread(
                target=self._serve, args=(conn,), name="msauth-proxy-conn", daemon=True
            )
            with self._lock:
                self._serving.add(thread)
            thread.start()

    def _turn_away(self, conn: socket.socket) -> None:
        with contextlib.suppress(OSError):
            conn.settimeout(1.0)
            conn.sendall(plain_answer(503, "Too many connections.", [("Connection", "close")]))
        conn.close()

    def _serve(self, conn: socket.socket) -> None:
        """Answer the requests of one connection until it ends."""
        rfile = None
        try:
            conn.setsockopt(socket.IPPROTO_TCP, socket.TCP_NODELAY, 1)
            conn.settimeout(self.idle_timeout)
            rfile = io.BufferedReader(socket.SocketIO(conn, "rb"), 64 * 1024)
            while not self._stopping.is_set():
                try:
                    with self._lock:
                        self._waiting[conn] = time.monotonic()
                    try:
                        head = read_head(rfile)
                    finally:
                        with self._lock:
                            self._waiting.pop(conn, None)
                    if head is None:
                        return
                    record, keep = self.forwarder.handle(head, rfile, conn)
                except BadRequest as exc:
                    conn.sendall(plain_answer(exc.status, exc.reason, [("Connection", "close")]))
                    record = AccessRecord("-", "-", exc.status, 0.0, exc.reason)
                    keep = False
                if self.on_access is not None:
                    self.on_access(record)
                if not keep:
                    return
        except (OSError, ValueError):  # the client went away, or stop() closed the socket
            return
        except Exception as exc:  # a bug: one plain line for the client and the log, no trace
            reason = f"internal error ({type(exc).__name__})"
            with contextlib.suppress(OSError):
                conn.sendall(plain_answer(500, reason, [("Connection", "close")]))
            if self.on_access is not None:
                self.on_access(AccessRecord("-", "-", 500, 0.0, reason))
        finally:
            with self._lock:
                self._connections.discard(conn)
                self._waiting.pop(conn, None)
                self._serving.discard(threading.current_thread())
            if rfile is not None:
                rfile.close()
            conn.close()
