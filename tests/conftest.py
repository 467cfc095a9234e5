"""Shared fixtures: a fake clock, demo servers and hostile servers on loopback."""

from __future__ import annotations

import os

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
# one font for every machine: layout tests measure pixels (tests/fonts.conf says how)
if os.path.isfile("/etc/fonts/fonts.conf"):
    os.environ["FONTCONFIG_FILE"] = os.path.join(os.path.dirname(__file__), "fonts.conf")
# the suite speaks English whatever the machine's locale; the i18n tests ask for Russian
os.environ["MSAUTH_LANG"] = "en"

import time
from collections.abc import Callable, Iterator
from typing import Any

import pytest

from msauth_gui.core.redact import forget_secrets
from msauth_gui.devserver import DemoConfig, DemoServer

from .hostile import HostileServer, Reply
from .tls import Minted, mint


class FakeClock:
    """A clock that moves only when told: ``clock()`` gives epoch seconds, ``advance(s)`` jumps."""

    def __init__(self, now: float | None = None) -> None:
        self.now = time.time() if now is None else float(now)

    def __call__(self) -> float:
        return self.now

    def advance(self, seconds: float) -> float:
        self.now += seconds
        return self.now


@pytest.fixture
def clock() -> FakeClock:
    return FakeClock()


@pytest.fixture
def demo() -> Iterator[DemoServer]:
    """A running demo server with the default configuration."""
    with DemoServer(DemoConfig()) as server:
        yield server


@pytest.fixture
def demo_factory() -> Iterator[Callable[..., DemoServer]]:
    """``demo_factory(certfile=None, **DemoConfig kwargs)`` starts a server (HTTPS with a
    certfile holding key and chain); all are stopped at teardown."""
    servers: list[DemoServer] = []

    def start(certfile: str | None = None, **config: Any) -> DemoServer:
        server = DemoServer(DemoConfig(**config), certfile=certfile, keyfile=certfile).start()
        servers.append(server)
        return server

    yield start
    for server in servers:
        server.stop()


@pytest.fixture
def make_server(demo_factory: Callable[..., DemoServer]) -> Callable[..., DemoServer]:
    return demo_factory


@pytest.fixture
def hostile() -> Iterator[Callable[..., HostileServer]]:
    """``hostile(attack_or_reply="token", certfile=None)`` starts a :class:`HostileServer`
    (HTTPS with a certfile holding key and chain); all are stopped at teardown, and none may
    leave a thread behind."""
    servers: list[HostileServer] = []

    def start(reply: Reply | str = "token", certfile: str | None = None) -> HostileServer:
        server = HostileServer(reply, certfile=certfile, keyfile=certfile).start()
        servers.append(server)
        return server

    yield start
    for server in servers:
        server.stop()
    assert [server.threads_alive for server in servers] == [0] * len(servers)


@pytest.fixture(scope="module")
def certs(tmp_path_factory: pytest.TempPathFactory) -> Minted:
    """A minted CA and server certificates: good, expired, for another host."""
    return mint(tmp_path_factory.mktemp("tls"))


@pytest.fixture(autouse=True)
def _fresh_redaction_registry() -> Iterator[None]:
    """Secrets registered by one test (a password like "wrong") must not mask another's text."""
    yield
    forget_secrets()


@pytest.fixture
def russian() -> Iterator[None]:
    """The window speaks Russian for one test; English again afterwards."""
    from PySide6.QtWidgets import QApplication

    from msauth_gui.gui.i18n import install_language

    app = QApplication.instance()
    assert install_language(app, "ru") == "ru"
    yield
    install_language(app, "en")
