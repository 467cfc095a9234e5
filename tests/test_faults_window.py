"""The window against every server fault (see :mod:`tests.fault_matrix`), at sign-in, at the
background refresh and at "Test token".

Each fault must put its clear message in the status line (and the activity log), show no
traceback anywhere, leave the window usable, and — for refresh and probe — keep the previous
valid token in the token field and in the keeper. Servers and keeper share one fake clock: the
background refresh is reached by moving the clock past 80 % of the token's 100 s lifetime.
"""

from __future__ import annotations

import dataclasses
import logging
from collections.abc import Callable, Iterator
from typing import Any

import pytest
from PySide6.QtCore import Qt, QTimer
from PySide6.QtWidgets import QLabel, QLineEdit, QPlainTextEdit, QPushButton

from msauth_gui.core.errors import AuthError
from msauth_gui.core.token import Token
from msauth_gui.devserver import DemoServer
from msauth_gui.gui.fmt import RED
from msauth_gui.gui.session.keeper import KeeperState, TokenKeeper
from msauth_gui.gui.session.worker import UnexpectedFailure
from msauth_gui.gui.window.main import MainWindow

from .conftest import FakeClock
from .fault_matrix import (
    REFRESH,
    SIGN_IN,
    TRACEBACK_MARKS,
    Certs,
    Fault,
    cases,
    mint_certs,
    start_server,
)
from .window_text import all_text

S = KeeperState
TIMEOUT = 5000
LIFETIME = 100


@pytest.fixture(scope="module")
def certs(tmp_path_factory: pytest.TempPathFactory) -> Certs:
    return mint_certs(tmp_path_factory.mktemp("faults-window"))


@pytest.fixture
def server_for(certs: Certs, clock: FakeClock) -> Iterator[Callable[[Fault], DemoServer]]:
    started: list[DemoServer] = []

    def start(fault: Fault) -> DemoServer:
        server = start_server(fault, certs, access_lifetime=LIFETIME)
        server.clock = clock
        started.append(server)
        return server

    yield start
    for server in started:
        server.stop()


@pytest.fixture
def window(qtbot: Any, clock: FakeClock) -> MainWindow:
    keeper = TokenKeeper(clock=clock, tick_ms=20)
    win = MainWindow(clock=clock, keeper=keeper)
    keeper.setParent(win)
    qtbot.addWidget(win)
    win.show()
    qtbot.waitExposed(win)
    return win


def widget(window: MainWindow, cls: type, name: str) -> Any:
    found = window.findChild(cls, name)
    assert found is not None, name
    return found


def fill_form(window: MainWindow, server: DemoServer, fault: Fault, certs: Certs) -> None:
    window.form.fill(server=server.url, login="admin", password="admin", method="oauth")
    if fault.https:
        window.form.ca_bundle_edit.setText(certs.ca.ca_file)
    # the form's timeout is whole seconds (1 s at least); the hang case waits 0.3 s
    form_settings = window.form.settings
    window.form.settings = lambda: dataclasses.replace(  # type: ignore[method-assign]
        form_settings(), timeout=fault.timeout
    )
    assert window.form.is_valid()


def click(qtbot: Any, window: MainWindow, name: str) -> None:
    button = widget(window, QPushButton, name)
    assert button.isEnabled(), f"{name} is disabled"
    qtbot.mouseClick(button, Qt.MouseButton.LeftButton)


def sign_in_ok(qtbot: Any, window: MainWindow) -> Token:
    with qtbot.waitSignal(window.keeper.credentialsChanged, timeout=TIMEOUT):
        click(qtbot, window, "signInButton")
    qtbot.waitUntil(lambda: window.keeper.state is S.VALID and not window.keeper.busy)
    creds = window.keeper.credentials
    assert isinstance(creds, Token)
    return creds


class TickCounter:
    """A 10 ms timer on the GUI thread: it only fires while the event loop turns."""

    def __init__(self) -> None:
        self.ticks = 0
        self.timer = QTimer()
        self.timer.timeout.connect(self._tick)
        self.timer.start(10)

    def _tick(self) -> None:
        self.ticks += 1

    def stop(self) -> None:
        self.timer.stop()


def trigger(qtbot: Any, window: MainWindow, op: str, clock: FakeClock, *, fails: bool) -> Any:
    """Start ``op`` and wait for its outcome: the error, or the new credentials."""
    keeper = window.keeper
    signal = keeper.errorRaised if fails else keeper.credentialsChanged
    with qtbot.waitSignal(signal, timeout=TIMEOUT, check_params_cb=lambda x: x is not None) as got:
        if op == SIGN_IN:
            click(qtbot, window, "signInButton")
        elif op == REFRESH:
            clock.advance(0.81 * LIFETIME)  # past the refresh point: the keeper's tick renews
        else:
            click(qtbot, window, "probeButton")
    return got.args[0]


@pytest.mark.parametrize(("fault", "op"), cases())
def test_fault_gives_clear_message_and_keeps_the_valid_token(
    qtbot: Any,
    window: MainWindow,
    server_for: Callable[[Fault], DemoServer],
    certs: Certs,
    clock: FakeClock,
    caplog: pytest.LogCaptureFixture,
    fault: Fault,
    op: str,
) -> None:
    caplog.set_level(logging.DEBUG, logger="msauth_gui")
    server = server_for(fault)
    url = server.url
    fill_form(window, server, fault, certs)
    keeper = window.keeper
    before = None if op == SIGN_IN else sign_in_ok(qtbot, window)
    token_field = widget(window, QLineEdit, "accessTokenField")
    status = widget(window, QLabel, "statusLabel")
    log_view = widget(window, QPlainTextEdit, "logView")

    fault.arm(server, op, certs)
    ticks = TickCounter()
    try:
        outcome = trigger(qtbot, window, op, clock, fails=fault.exit_code != 0)
    finally:
        ticks.stop()
    qtbot.waitUntil(lambda: not keeper.busy, timeout=TIMEOUT)

    expected = fault.expected(url)
    if fault.exit_code != 0:
        assert isinstance(outcome, AuthError) and not isinstance(outcome, UnexpectedFailure)
        for part in expected:
            assert part in outcome.message
            assert part in status.text()  # the status line says what failed
        assert RED in status.styleSheet()
        assert expected[0] in log_view.toPlainText()
    else:  # an unbelievable expires_in: the token is used, its expiry unknown, and we say so
        assert isinstance(outcome, Token) and outcome.expires_at is None
        assert token_field.text() == outcome.access_token
        assert widget(window, QLabel, "expiryLabel").text().startswith("unknown")
        assert expected[0] in token_field.toolTip()
        assert expected[0] in log_view.toPlainText()
        assert keeper.state is S.VALID

    if before is not None and fault.exit_code != 0:  # the previous valid token is kept
        creds = keeper.credentials
        assert isinstance(creds, Token)
        assert creds.access_token == before.access_token == token_field.text()
        assert creds.refresh_token == before.refresh_token
        assert server.tokens.login_for(before.access_token, clock()) == "admin"
        assert keeper.state is not S.SIGNED_OUT
    if op == REFRESH and fault.id == "429":  # the retry waits as long as the server asked
        assert keeper.retry_at is not None and keeper.retry_at - clock() == pytest.approx(7)
        assert status.text().startswith("Refresh failed, retrying in 7 s: ")
    if op == SIGN_IN and fault.exit_code != 0:
        assert keeper.state is S.ERROR and keeper.credentials is None
        assert token_field.text() == ""

    # no traceback anywhere: window, log, Python logging
    shown = all_text(window, skip=("accessTokenField", "passwordEdit"))
    assert not any(mark in shown for mark in TRACEBACK_MARKS)
    assert not any(mark in caplog.text for mark in TRACEBACK_MARKS)
    assert not any(record.exc_info for record in caplog.records)
    # the window stays usable: the event loop turned while waiting, and the actions answer
    if fault.id == "hang":
        assert ticks.ticks >= 5  # the GUI thread never waited on the hanging server
    assert widget(window, QPushButton, "signInButton").isEnabled()
    if keeper.credentials is not None:
        reveal = widget(window, QPushButton, "revealTokenButton")
        click(qtbot, window, "revealTokenButton")
        assert token_field.echoMode() is QLineEdit.EchoMode.Normal and reveal.isChecked()
        assert widget(window, QPushButton, "refreshButton").isEnabled()
        assert widget(window, QPushButton, "copyTokenButton").isEnabled()
