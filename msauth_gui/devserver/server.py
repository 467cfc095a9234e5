"""The demo server: a threaded HTTP(S) server on loopback that answers like Mobile SMARTS."""

from __future__ import annotations

import contextlib
import socket
import ssl
import sys
import threading
import time
from collections import Counter, deque
from collections.abc import Callable
from http.server import ThreadingHTTPServer
from socketserver import TCPServer
from types import TracebackType
from typing import Any

from .handler import DemoHandler
from .token_paths import token_url
from .tokens import DemoConfig, TokenStore, normalise_prefix

HANDSHAKE_TIMEOUT = 10.0


class _HTTPServer(ThreadingHTTPServer):
    """Handler threads are daemons, TLS handshakes happen in them, and open sockets are tracked."""

    daemon_threads = True
    block_on_close = False  # stop() must not wait for idle keep-alive connections

    def __init__(self, address: tuple[str, int], demo: DemoServer) -> None:
        self.demo = demo
        self.connections: set[socket.socket] = set()
        self._connections_lock = threading.Lock()
        if ":" in address[0]:
            self.address_family = socket.AF_INET6
        super().__init__(address, DemoHandler)

    def server_bind(self) -> None:
        # HTTPServer.server_bind would look the host name up (getfqdn): slow, and not needed.
        TCPServer.server_bind(self)
        self.server_name, self.server_port = str(self.server_address[0]), self.server_address[1]

    def server_activate(self) -> None:
        super().server_activate()
        if self.demo.ssl_context is not None:
            self.socket = self.demo.ssl_context.wrap_socket(
                self.socket, server_side=True, do_handshake_on_connect=False
            )

    def finish_request(self, request: Any, client_address: Any) -> None:
        with self._connections_lock:
            self.connections.add(request)
        try:
            if isinstance(request, ssl.SSLSocket):
                request.settimeout(HANDSHAKE_TIMEOUT)
                try:
                    request.do_handshake()
                except OSError:  # plain HTTP, an untrusting client, a port scanner: drop it
                    return
            super().finish_request(request, client_address)
        finally:
            with self._connections_lock:
                self.connections.discard(request)

    def handle_error(self, request: Any, client_address: Any) -> None:
        if self.demo.verbose:
            error = sys.exc_info()[1]
            print(f"{client_address[0]} connection error: {error!r}", file=sys.stderr)

    def close_connections(self) -> None:
        """Wake every handler blocked on its socket (idle keep-alive, a stalled write)."""
        with self._connections_lock:
            open_sockets = list(self.connections)
        for sock in open_sockets:
            # the plain socket's shutdown: SSLSocket's own would drop its TLS state under the
            # handler thread's feet
            with contextlib.suppress(OSError):
                socket.socket.shutdown(sock, socket.SHUT_RDWR)


class DemoServer:
    """A stand-in Mobile SMARTS server, for tests, the GUI's demo mode and the command line."""

    def __init__(
        self,
        config: DemoConfig | None = None,
        host: str = "127.0.0.1",
        port: int = 0,
        certfile: str | None = None,
        keyfile: str | None = None,
        clock: Callable[[], float] = time.time,
        *,
        verbose: bool = False,
    ) -> None:
        self.config = config if config is not None else DemoConfig()
        self.host = host
        self.port = port  #: the requested port until start(), then the bound one
        self.clock = clock
        self.verbose = verbose
        self.counts: Counter[str] = Counter()
        #: "METHOD /path" of the latest requests (never a query: it may hold a password)
        self.requests: deque[str] = deque(maxlen=1000)
        self.tokens = TokenStore()
        self.stop_event = threading.Event()
        self.ssl_context: ssl.SSLContext | None = None
        if certfile:
            self.ssl_context = ssl.SSLContext(ssl.PROTOCOL_TLS_SERVER)
            self.ssl_context.load_cert_chain(certfile, keyfile or None)
        self._counts_lock = threading.Lock()
        self._httpd: _HTTPServer | None = None
        self._thread: threading.Thread | None = None

    # --- addresses -------------------------------------------------------------------------
    @property
    def address(self) -> tuple[str, int]:
        """The address the listening socket is bound to."""
        if self._httpd is None:
            raise RuntimeError("the demo server is not running; call start() first")
        host, port = self._httpd.server_address[:2]
        return str(host), int(port)

    @property
    def url(self) -> str:
        """``http(s)://127.0.0.1:PORT``: the origin, without the prefix."""
        host, port = self.address
        if host in ("", "0.0.0.0", "localhost"):
            host = "127.0.0.1"
        elif host == "::":
            host = "::1"
        if ":" in host:
            host = f"[{host}]"
        scheme = "https" if self.ssl_context is not None else "http"
        return f"{scheme}://{host}:{port}"

    @property
    def api_url(self) -> str:
        return self.url + normalise_prefix(self.config.prefix) + "/api/v1"

    @property
    def token_url(self) -> str:
        return token_url(self.config, self.url)

    @property
    def running(self) -> bool:
        return self._thread is not None and self._thread.is_alive()

    # --- life cycle ------------------------------------------------------------------------
    def start(self) -> DemoServer:
        """Bind and serve in a daemon thread. After stop(), start() binds the same port again."""
        if self.running:
            return self
        self.stop_event.clear()
        self._httpd = _HTTPServer((self.host, self.port), self)
        self.port = self.address[1]
        self._thread = threading.Thread(
            target=self._httpd.serve_forever,
            kwargs={"poll_interval": 0.05},
            name=f"demo-server-{self.port}",
            daemon=True,
        )
        self._thread.start()
        return self

    def stop(self) -> None:
        """Stop promptly: hanging and delayed answers are released, open connections closed."""
        self.stop_event.set()
        httpd, thread = self._httpd, self._thread
        if httpd is None:
            return
        if thread is not None and thread.is_alive():
            httpd.shutdown()
        httpd.close_connections()
        httpd.server_close()
        if thread is not None:
            thread.join(timeout=5)
        self._thread = None

    def __enter__(self) -> DemoServer:
        return self.start()

    def __exit__(
        self,
        exc_type: type[BaseException] | None,
        exc: BaseException | None,
        tb: TracebackType | None,
    ) -> None:
        self.stop()

    # --- state -----------------------------------------------------------------------------
    def count(self, kind: str, request: str = "") -> None:
        with self._counts_lock:
            self.counts[kind] += 1
            if request:
                self.requests.append(request)

    def revoke_all(self) -> None:
        """Forget every issued access and refresh token, as a restarted server would."""
        self.tokens.revoke_all()
