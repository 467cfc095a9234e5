"""What the proxy tests share: a signed-in proxy in front of a demo server, raw HTTP requests."""

from __future__ import annotations

import contextlib
import socket
import threading
import time
from collections.abc import Callable, Iterator
from typing import Any

from msauth_gui.core.client import ConnectionSettings
from msauth_gui.core.proxy.access import AccessRecord
from msauth_gui.core.proxy.server import ProxyServer
from msauth_gui.core.session.keeper import Keeper, KeeperEvent
from msauth_gui.devserver import DemoServer

PASSWORD = "Pr0xy-s3cret!"  #: long and mixed enough to be masked wherever it appears
LOGIN = "integrator"


class Events:
    """The keeper's events, and a way to wait for the next ones without sleeping."""

    def __init__(self) -> None:
        self.items: list[KeeperEvent] = []
        self._cond = threading.Condition()

    def __call__(self, event: KeeperEvent) -> None:
        with self._cond:
            self.items.append(event)
            self._cond.notify_all()

    def wait_for(self, count: int, timeout: float = 10.0) -> list[KeeperEvent]:
        with self._cond:
            assert self._cond.wait_for(lambda: len(self.items) >= count, timeout), self.items
            return list(self.items)


@contextlib.contextmanager
def proxied(
    demo: DemoServer,
    *,
    method: str = "oauth",
    clock: Callable[[], float] = time.time,
    records: list[AccessRecord] | None = None,
    events: Events | None = None,
    timeout: float = 5.0,
    ca_bundle: str | None = None,
    verify_tls: bool = True,
    **options: Any,
) -> Iterator[tuple[ProxyServer, Keeper]]:
    """A keeper signed in to ``demo`` (through its API URL) and a proxy serving it on a free
    port; both stopped afterwards."""
    demo.config.users[LOGIN] = PASSWORD
    settings = ConnectionSettings(
        server=demo.api_url,
        method=method,  # type: ignore[arg-type]
        timeout=timeout,
        ca_bundle=ca_bundle,
        verify_tls=verify_tls,
    )
    keeper = Keeper(settings, clock=clock, on_event=events)
    keeper.sign_in(LOGIN, PASSWORD)
    on_access = records.append if records is not None else None
    server = ProxyServer(
        settings, keeper.shared, port=0, on_access=on_access, clock=clock, **options
    )
    server.start()
    try:
        yield server, keeper
    finally:
        server.stop()
        keeper.close()
        server.join(5)


def raw(port: int, request: bytes, host: str = "127.0.0.1") -> tuple[int, dict[str, str], bytes]:
    """Send ``request`` as is; the status, headers and body of the answer (read to the close)."""
    family = socket.AF_INET6 if ":" in host else socket.AF_INET
    with socket.socket(family, socket.SOCK_STREAM) as sock:
        sock.settimeout(10)
        sock.connect((host, port))
        sock.sendall(request)
        data = b""
        while piece := sock.recv(65536):
            data += piece
    head, _, body = data.partition(b"\r\n\r\n")
    lines = head.decode("latin-1").split("\r\n")
    headers = {}
    for line in lines[1:]:
        name, _, value = line.partition(":")
        headers[name.strip().lower()] = value.strip()
    return int(lines[0].split(" ", 2)[1]), headers, body


def get(port: int, path: str, host: str, *extra: str) -> bytes:
    """A raw GET with the given Host and headers, asking to close afterwards."""
    lines = [f"GET {path} HTTP/1.1", f"Host: {host}", *extra, "Connection: close", "", ""]
    return "\r\n".join(lines).encode("latin-1")
