"""The main window, driven through its real widgets against the demo server on loopback."""

from __future__ import annotations

import base64
import shlex
import time
from collections.abc import Callable
from pathlib import Path
from typing import Any, TypeVar

import pytest
import requests
from PySide6.QtCore import QEvent, QObject, QSettings, QStandardPaths, Qt, QTimer
from PySide6.QtGui import QGuiApplication, QKeyEvent, QKeySequence
from PySide6.QtTest import QTest
from PySide6.QtWidgets import (
    QAbstractButton,
    QApplication,
    QCheckBox,
    QComboBox,
    QLabel,
    QLineEdit,
    QPlainTextEdit,
    QPushButton,
    QWidget,
)

from msauth_gui.app import build_window
from msauth_gui.devserver import DemoConfig, DemoServer
from msauth_gui.gui.clipboard import SECRET_HINT_FORMAT
from msauth_gui.gui.fmt import RED
from msauth_gui.gui.session.keeper import KeeperState, TokenKeeper
from msauth_gui.gui.session.worker import job_pool
from msauth_gui.gui.window import options
from msauth_gui.gui.window.main import MainWindow
from tests.conftest import FakeClock
from tests.tls import mint

# QSettings (recent servers) go to a throw-away test location, never the operator's config
QStandardPaths.setTestModeEnabled(True)

S = KeeperState
TIMEOUT = 5000
W = TypeVar("W", bound=QObject)
WindowFactory = Callable[..., MainWindow]


#: the window's interface contract: tests and scripts find these widgets by their object names;
#: screen readers say their accessible names, the words a person hears (an earlier issue asked
#: for accessible names equal to the object names, and readers said "serverEdit": issue 12)
CONTRACT_NAMES: dict[str, str] = {
    "serverEdit": "Server", "loginEdit": "Login", "passwordEdit": "Password",
    "methodCombo": "Sign-in method", "clientIdEdit": "Client id",
    "clientSecretEdit": "Client secret", "signInButton": "Sign in", "signOutButton": "Sign out",
    "refreshButton": "Refresh now", "copyTokenButton": "Copy token",
    "copyHeaderButton": "Copy header", "accessTokenField": "Access token",
    "expiryLabel": "Expires", "statusLabel": "Token status", "logView": "Activity log",
}  # fmt: skip


def child(window: QObject, cls: type[W], name: str) -> W:
    """The widget with this object name; a contract widget is heard by words, not that name."""
    found = window.findChild(cls, name)
    assert found is not None, f"no {cls.__name__} named {name!r}"
    if name in CONTRACT_NAMES:
        spoken = found.accessibleName()  # type: ignore[attr-defined]
        assert spoken and spoken != name, spoken
    return found


@pytest.fixture
def make_window(qtbot: Any, clock: FakeClock) -> WindowFactory:
    def make(
        *,
        clear_ms: int = 30_000,
        real_clock: bool = False,
        settings: QSettings | None = None,
        **keeper_args: Any,
    ) -> MainWindow:
        now = time.time if real_clock else clock
        keeper = TokenKeeper(clock=now, **{"tick_ms": 20, **keeper_args})
        window = MainWindow(
            clock=now, keeper=keeper, clipboard_clear_ms=clear_ms, settings=settings
        )
        keeper.setParent(window)
        qtbot.addWidget(window)
        window.show()
        qtbot.waitExposed(window)
        return window

    return make


def type_text(qtbot: Any, widget: QWidget, text: str) -> None:
    """Key presses for ``text``; QTest only knows ASCII keys, so others come as text events."""
    for char in text:
        if char.isascii():
            qtbot.keyClicks(widget, char)
            continue
        for kind in (QEvent.Type.KeyPress, QEvent.Type.KeyRelease):
            event = QKeyEvent(kind, Qt.Key.Key_unknown, Qt.KeyboardModifier.NoModifier, char)
            QApplication.sendEvent(widget, event)


def fill(
    qtbot: Any,
    window: MainWindow,
    server: str,
    login: str = "admin",
    password: str = "admin",
    method: str = "oauth",
) -> None:
    """Type into the form as an operator would."""
    server_edit = child(window, QComboBox, "serverEdit").lineEdit()
    for edit, text in (
        (server_edit, server),
        (child(window, QLineEdit, "loginEdit"), login),
        (child(window, QLineEdit, "passwordEdit"), password),
    ):
        edit.selectAll()
        QTest.keyClick(edit, Qt.Key.Key_Backspace)
        type_text(qtbot, edit, text)
    combo = child(window, QComboBox, "methodCombo")
    combo.setCurrentIndex(combo.findData(method))


def click(qtbot: Any, window: MainWindow, name: str) -> None:
    button = child(window, QAbstractButton, name)
    assert button.isEnabled(), f"{name} is disabled"
    qtbot.mouseClick(button, Qt.MouseButton.LeftButton)


def sign_in(qtbot: Any, window: MainWindow, expect: KeeperState = S.VALID) -> None:
    click(qtbot, window, "signInButton")
    assert window.keeper.state is S.SIGNING_IN
    qtbot.waitUntil(lambda: window.keeper.state is expect, timeout=TIMEOUT)


def status(window: MainWindow) -> str:
    return child(window, QLabel, "statusLabel").text()


def token_field(window: MainWindow) -> QLineEdit:
    return child(window, QLineEdit, "accessTokenField")


def clipboard_hint() -> bytes:
    mime = QGuiApplication.clipboard().mimeData()
    return bytes(mime.data(SECRET_HINT_FORMAT).data()) if mime is not None else b""


def expand_advanced(qtbot: Any, window: MainWindow) -> None:
    box = child(window, QObject, "advancedBox")
    if not box.is_expanded():  # type: ignore[attr-defined]
        qtbot.mouseClick(box.button, Qt.MouseButton.LeftButton)  # type: ignore[attr-defined]
    assert child(window, QLineEdit, "caBundleEdit").isVisible()


# -- sign-in by each method --------------------------------------------------------------------
@pytest.mark.parametrize("method", ["oauth", "session"])
def test_token_sign_in_shows_masked_token_revealed_on_demand(
    qtbot: Any, make_window: WindowFactory, demo: DemoServer, method: str
) -> None:
    window = make_window()
    fill(qtbot, window, demo.url, method=method)
    sign_in(qtbot, window)
    field = token_field(window)
    assert demo.tokens.login_for(field.text(), time.time()) == "admin"  # the whole, real token
    assert demo.counts["session" if method == "session" else "token"] == 1
    assert field.isReadOnly()
    assert field.echoMode() is QLineEdit.EchoMode.Password
    click(qtbot, window, "revealTokenButton")
    assert field.echoMode() is QLineEdit.EchoMode.Normal
    click(qtbot, window, "revealTokenButton")
    assert field.echoMode() is QLineEdit.EchoMode.Password
    assert child(window, QLabel, "tokenTypeLabel").text() == "bearer"
    assert child(window, QLabel, "refreshTokenLabel").text() == "present"
    assert "24 h 0 min" in child(window, QLabel, "expiryLabel").text()
    assert "Valid" in child(window, QLabel, "stateLabel").text()
    assert "Valid" in window.windowTitle() and "127.0.0.1" in window.windowTitle()


def test_basic_sign_in_shows_credentials_verified_and_header(
    qtbot: Any, make_window: WindowFactory, demo: DemoServer
) -> None:
    window = make_window()
    fill(qtbot, window, demo.url, method="basic")
    sign_in(qtbot, window)
    assert "credentials verified" in status(window).lower()
    assert "credentials verified" in child(window, QLabel, "stateLabel").text().lower()
    expected = "Basic " + base64.b64encode(b"admin:admin").decode()
    assert token_field(window).text() == expected
    assert demo.counts["probe"] == 1 and demo.counts["token"] == 0
    click(qtbot, window, "copyHeaderButton")
    assert QGuiApplication.clipboard().text() == "Authorization: " + expected


# -- errors ------------------------------------------------------------------------------------
def test_wrong_password_says_login_or_password_rejected(
    qtbot: Any, make_window: WindowFactory, demo: DemoServer
) -> None:
    window = make_window()
    fill(qtbot, window, demo.url, password="wrong")
    sign_in(qtbot, window, expect=S.ERROR)
    assert "rejected the login or password" in status(window)
    assert RED in child(window, QLabel, "statusLabel").styleSheet()
    assert token_field(window).text() == ""
    assert "Error" in window.windowTitle()


def test_server_down_says_cannot_connect(
    qtbot: Any, make_window: WindowFactory, demo_factory: Callable[..., DemoServer]
) -> None:
    gone = demo_factory()
    url = gone.url
    gone.stop()  # nothing listens on that port any more
    window = make_window()
    fill(qtbot, window, url)
    sign_in(qtbot, window, expect=S.ERROR)
    assert "Cannot connect" in status(window)


def test_untrusted_tls_then_trusted_through_ca_file(
    qtbot: Any, make_window: WindowFactory, tmp_path: Path
) -> None:
    certs = mint(tmp_path)
    with DemoServer(DemoConfig(), certfile=certs.good) as tls_server:
        window = make_window()
        fill(qtbot, window, tls_server.url)
        sign_in(qtbot, window, expect=S.ERROR)
        assert "not trusted" in status(window)
        expand_advanced(qtbot, window)
        qtbot.keyClicks(child(window, QLineEdit, "caBundleEdit"), certs.ca_file)
        sign_in(qtbot, window)
        assert token_field(window).text()
        click(qtbot, window, "copyCurlButton")
        assert f"--cacert {certs.ca_file}" in QGuiApplication.clipboard().text()


def test_verify_tls_off_shows_red_warning_and_curl_uses_k(
    qtbot: Any, make_window: WindowFactory, tmp_path: Path
) -> None:
    certs = mint(tmp_path)
    with DemoServer(DemoConfig(), certfile=certs.good) as tls_server:
        window = make_window()
        warning = child(window, QLabel, "tlsWarningLabel")
        assert warning.isHidden()
        fill(qtbot, window, tls_server.url)
        expand_advanced(qtbot, window)
        click(qtbot, window, "verifyTlsCheck")
        assert not child(window, QCheckBox, "verifyTlsCheck").isChecked()
        assert warning.isVisible()
        assert RED in warning.styleSheet()
        click(qtbot, window, "signInButton")
        qtbot.waitUntil(lambda: window.keeper.state is S.VALID, timeout=TIMEOUT)
        qtbot.mouseClick(window.form.advanced.button, Qt.MouseButton.LeftButton)  # collapse
        assert warning.isVisible()  # the warning stays visible with Advanced collapsed
        click(qtbot, window, "copyCurlButton")
        assert shlex.split(QGuiApplication.clipboard().text())[:3] == ["curl", "-sS", "-k"]


def test_validation_as_you_type(qtbot: Any, make_window: WindowFactory, demo: DemoServer) -> None:
    window = make_window()
    fill(qtbot, window, demo.url)
    sign_in_button = child(window, QPushButton, "signInButton")
    login_error = child(window, QLabel, "loginError")
    server_error = child(window, QLabel, "serverError")
    assert sign_in_button.isEnabled() and login_error.isHidden() and server_error.isHidden()

    login = child(window, QLineEdit, "loginEdit")
    login.selectAll()
    QTest.keyClick(login, Qt.Key.Key_Backspace)
    assert login_error.isVisible() and "login" in login_error.text().lower()
    assert not sign_in_button.isEnabled()
    qtbot.keyClicks(login, "admin")
    assert login_error.isHidden() and sign_in_button.isEnabled()

    server = child(window, QComboBox, "serverEdit").lineEdit()
    server.selectAll()
    qtbot.keyClicks(server, "javascript:alert(1)")
    assert server_error.isVisible() and "http" in server_error.text()
    assert not sign_in_button.isEnabled()
    QTest.keyClick(child(window, QLineEdit, "passwordEdit"), Qt.Key.Key_Return)
    assert window.keeper.state is S.SIGNED_OUT  # Enter does not send an invalid form

    server.selectAll()
    qtbot.keyClicks(server, "host:99999")
    assert "port" in server_error.text()
    server.selectAll()
    qtbot.keyClicks(server, demo.url)
    assert server_error.isHidden() and sign_in_button.isEnabled()


# -- copy and the clipboard --------------------------------------------------------------------
def test_each_copy_action_puts_a_secret_on_the_clipboard(
    qtbot: Any, make_window: WindowFactory, demo: DemoServer
) -> None:
    window = make_window()
    fill(qtbot, window, demo.url)
    sign_in(qtbot, window)
    token = token_field(window).text()
    clipboard = QGuiApplication.clipboard()

    click(qtbot, window, "copyTokenButton")
    assert clipboard.text() == token
    assert clipboard_hint() == b"secret"

    click(qtbot, window, "copyHeaderButton")
    assert clipboard.text() == f"Authorization: Bearer {token}"
    assert clipboard_hint() == b"secret"

    click(qtbot, window, "copyCurlButton")
    command = shlex.split(clipboard.text())
    assert clipboard_hint() == b"secret"
    assert command[0] == "curl" and command[-1] == demo.url + "/api/v1/DocTypes?$top=1"
    headers = dict(command[i + 1].split(": ", 1) for i, a in enumerate(command) if a == "-H")
    assert headers["Authorization"] == f"Bearer {token}"
    # the command is ready to run: the same request answers 200
    assert requests.get(command[-1], headers=headers, timeout=5).status_code == 200


def test_copy_shortcuts(qtbot: Any, make_window: WindowFactory, demo: DemoServer) -> None:
    window = make_window()
    fill(qtbot, window, demo.url)
    sign_in(qtbot, window)
    token = token_field(window).text()
    window.activateWindow()
    qtbot.waitUntil(lambda: QApplication.activeWindow() is window, timeout=TIMEOUT)
    ctrl_shift = Qt.KeyboardModifier.ControlModifier | Qt.KeyboardModifier.ShiftModifier
    QTest.keyClick(window, Qt.Key.Key_T, ctrl_shift)
    assert QGuiApplication.clipboard().text() == token
    QTest.keyClick(window, Qt.Key.Key_C, ctrl_shift)
    assert QGuiApplication.clipboard().text() == f"Authorization: Bearer {token}"


def test_clipboard_cleared_after_delay(
    qtbot: Any, make_window: WindowFactory, demo: DemoServer
) -> None:
    window = make_window(clear_ms=50)
    fill(qtbot, window, demo.url)
    sign_in(qtbot, window)
    click(qtbot, window, "copyTokenButton")
    assert QGuiApplication.clipboard().text() == token_field(window).text()
    qtbot.waitUntil(lambda: QGuiApplication.clipboard().text() == "", timeout=TIMEOUT)


def test_clipboard_not_cleared_when_user_copied_something_else(
    qtbot: Any, make_window: WindowFactory, demo: DemoServer
) -> None:
    window = make_window(clear_ms=50)
    fill(qtbot, window, demo.url)
    sign_in(qtbot, window)
    click(qtbot, window, "copyTokenButton")
    assert window.clipboard.timer.isActive()
    QGuiApplication.clipboard().setText("the operator's own text")
    qtbot.waitUntil(lambda: not window.clipboard.timer.isActive(), timeout=TIMEOUT)
    assert QGuiApplication.clipboard().text() == "the operator's own text"
    click(qtbot, window, "signOutButton")  # sign-out clears only our own secret, too
    assert QGuiApplication.clipboard().text() == "the operator's own text"


def test_closing_the_window_clears_our_secret(
    qtbot: Any, make_window: WindowFactory, demo: DemoServer
) -> None:
    window = make_window()
    fill(qtbot, window, demo.url)
    sign_in(qtbot, window)
    click(qtbot, window, "copyHeaderButton")
    assert QGuiApplication.clipboard().text().startswith("Authorization: Bearer ")
    window.close()
    assert QGuiApplication.clipboard().text() == ""
    assert window.keeper.state is S.SIGNED_OUT and window.keeper.active_timers() == []


# -- token panel, timers, log ------------------------------------------------------------------
def test_countdown_follows_the_clock(
    qtbot: Any,
    make_window: WindowFactory,
    demo_factory: Callable[..., DemoServer],
    clock: FakeClock,
) -> None:
    srv = demo_factory(access_lifetime=600)
    srv.clock = clock
    window = make_window()
    fill(qtbot, window, srv.url)
    sign_in(qtbot, window)
    expiry = child(window, QLabel, "expiryLabel")
    assert expiry.text().startswith("10 min 0 s left")
    clock.advance(350)
    qtbot.waitUntil(lambda: expiry.text().startswith("4 min 10 s left"), timeout=TIMEOUT)
    next_refresh = child(window, QLabel, "nextRefreshLabel").text()
    assert next_refresh.startswith("in 2 min 10 s")  # 80 % of 600 s = 480 s after sign-in


def test_failed_refresh_shows_retry_countdown(
    qtbot: Any,
    make_window: WindowFactory,
    demo_factory: Callable[..., DemoServer],
    clock: FakeClock,
) -> None:
    srv = demo_factory(access_lifetime=100, fault="html500", fault_on=frozenset({"refresh"}))
    srv.clock = clock
    window = make_window()
    fill(qtbot, window, srv.url)
    sign_in(qtbot, window)
    token = token_field(window).text()
    next_refresh = child(window, QLabel, "nextRefreshLabel")
    clock.advance(81)  # past 80 % of the lifetime: the tick starts the refresh, which fails
    qtbot.waitUntil(
        lambda: next_refresh.text() == "refresh failed, retrying in 5 s", timeout=TIMEOUT
    )
    assert status(window).startswith("Refresh failed, retrying in 5 s: The server failed")
    assert token_field(window).text() == token  # the token that still lives is kept
    clock.advance(2)
    qtbot.waitUntil(
        lambda: next_refresh.text() == "refresh failed, retrying in 3 s", timeout=TIMEOUT
    )


def test_jwt_claims_shown_in_collapsible_view(
    qtbot: Any, make_window: WindowFactory, demo_factory: Callable[..., DemoServer]
) -> None:
    srv = demo_factory(jwt=True, omit_expires_in=True)
    window = make_window()
    box = child(window, QObject, "claimsBox")
    assert box.isHidden()
    fill(qtbot, window, srv.url, login="operator", password="p@ss wörd")
    sign_in(qtbot, window)
    assert box.isVisible()
    view = child(window, QPlainTextEdit, "claimsView")
    assert view.isHidden()  # collapsed until asked
    qtbot.mouseClick(box.button, Qt.MouseButton.LeftButton)  # type: ignore[attr-defined]
    assert view.isVisible()
    assert '"sub": "operator"' in view.toPlainText()
    assert '"exp": ' in view.toPlainText()
    # no expires_in: the expiry comes from the JWT's exp claim
    assert "left — at" in child(window, QLabel, "expiryLabel").text()


def test_test_token_button_probes(qtbot: Any, make_window: WindowFactory, demo: DemoServer) -> None:
    window = make_window()
    fill(qtbot, window, demo.url)
    sign_in(qtbot, window)
    with qtbot.waitSignal(window.keeper.probeFinished, timeout=TIMEOUT):
        click(qtbot, window, "probeButton")
    assert demo.counts["probe"] == 2  # the sign-in's own probe, and this one
    assert "The token works" in window.statusBar().currentMessage()


def test_ca_bundle_button_fills_the_field(
    qtbot: Any, make_window: WindowFactory, monkeypatch: pytest.MonkeyPatch, tmp_path: Path
) -> None:
    ca_file = tmp_path / "company-ca.pem"
    ca_file.write_text("not checked here")
    monkeypatch.setattr(options, "ask_ca_file", lambda parent, start: str(ca_file))
    window = make_window()
    expand_advanced(qtbot, window)
    click(qtbot, window, "caBundleButton")
    assert child(window, QLineEdit, "caBundleEdit").text() == str(ca_file)
    assert child(window, QLabel, "caBundleError").isHidden()
    edit = child(window, QLineEdit, "caBundleEdit")
    type_text(qtbot, edit, ".missing")
    assert "No such file" in child(window, QLabel, "caBundleError").text()


def test_sign_out_clears_token_and_stops_timers(
    qtbot: Any, make_window: WindowFactory, demo: DemoServer
) -> None:
    window = make_window()
    fill(qtbot, window, demo.url)
    sign_in(qtbot, window)
    click(qtbot, window, "copyTokenButton")
    assert window.keeper.active_timers()
    click(qtbot, window, "signOutButton")
    assert window.keeper.state is S.SIGNED_OUT
    assert token_field(window).text() == ""
    assert window.keeper.active_timers() == []
    assert child(window, QLabel, "expiryLabel").text() == "—"
    assert QGuiApplication.clipboard().text() == ""  # our secret left with the session
    assert not child(window, QPushButton, "copyTokenButton").isEnabled()
    assert not child(window, QPushButton, "signOutButton").isEnabled()


def test_activity_log_shows_requests_never_the_password_or_token(
    qtbot: Any, make_window: WindowFactory, demo: DemoServer
) -> None:
    window = make_window()
    log_view = child(window, QPlainTextEdit, "logView")
    fill(qtbot, window, demo.url, login="operator", password="wrong")
    sign_in(qtbot, window, expect=S.ERROR)
    fill(qtbot, window, demo.url, login="operator", password="p@ss wörd")
    sign_in(qtbot, window)
    click(qtbot, window, "probeButton")
    qtbot.waitUntil(lambda: "DocTypes" in log_view.toPlainText(), timeout=TIMEOUT)
    text = log_view.toPlainText()
    assert f"POST {demo.url}/oauth/token → 400" in text
    assert f"POST {demo.url}/oauth/token → 200" in text
    assert f"GET {demo.url}/api/v1/DocTypes?$top=1 → 200" in text
    assert " ms)" in text
    token = token_field(window).text()
    assert "p@ss wörd" not in text and "p@ss" not in text
    assert token not in text
    click(qtbot, window, "copyLogButton")
    assert QGuiApplication.clipboard().text() == text


# -- command line and keyboard -----------------------------------------------------------------
def test_build_window_demo_fills_form_and_signs_in(qtbot: Any) -> None:
    window = build_window(["--demo"])
    assert isinstance(window, MainWindow)
    qtbot.addWidget(window)
    server: DemoServer = window.demo_server  # type: ignore[attr-defined]
    try:
        window.show()
        assert child(window, QComboBox, "serverEdit").currentText() == server.url
        assert child(window, QLineEdit, "loginEdit").text() == "operator"
        assert child(window, QLineEdit, "passwordEdit").text() == "p@ss wörd"
        assert child(window, QComboBox, "methodCombo").currentData() == "oauth"
        sign_in(qtbot, window)
        assert server.tokens.login_for(token_field(window).text(), time.time()) == "operator"
        window.close()
        assert not server.running  # closing the window stops the demo server
    finally:
        server.stop()


def test_build_window_prefills_from_arguments(qtbot: Any) -> None:
    url = "https://msk-store.example:9000"
    window = build_window(["--server", url, "--login", "x", "--method", "basic"])
    qtbot.addWidget(window)
    assert child(window, QComboBox, "serverEdit").currentText() == url
    assert child(window, QLineEdit, "loginEdit").text() == "x"
    assert child(window, QComboBox, "methodCombo").currentData() == "basic"
    assert child(window, QLineEdit, "passwordEdit").text() == ""


def test_enter_in_password_field_signs_in(
    qtbot: Any, make_window: WindowFactory, demo: DemoServer
) -> None:
    window = make_window()
    fill(qtbot, window, demo.url)
    QTest.keyClick(child(window, QLineEdit, "passwordEdit"), Qt.Key.Key_Return)
    assert window.keeper.state is S.SIGNING_IN
    qtbot.waitUntil(lambda: window.keeper.state is S.VALID, timeout=TIMEOUT)


def test_f5_refreshes_now(qtbot: Any, make_window: WindowFactory, demo: DemoServer) -> None:
    window = make_window(min_attempt_gap=0)
    fill(qtbot, window, demo.url)
    sign_in(qtbot, window)
    first = token_field(window).text()
    assert child(window, QLabel, "lastRefreshLabel").text() == "never"
    window.activateWindow()
    qtbot.waitUntil(lambda: QApplication.activeWindow() is window, timeout=TIMEOUT)
    QTest.keyClick(window, Qt.Key.Key_F5)
    qtbot.waitUntil(lambda: demo.counts["refresh"] == 1, timeout=TIMEOUT)
    qtbot.waitUntil(lambda: token_field(window).text() != first, timeout=TIMEOUT)
    assert child(window, QLabel, "lastRefreshLabel").text() != "never"


def test_event_loop_keeps_turning_while_server_delays(
    qtbot: Any, make_window: WindowFactory, demo: DemoServer
) -> None:
    demo.config.fault = "delay"
    demo.config.delay = 3
    window = make_window(real_clock=True)
    fill(qtbot, window, demo.url)
    fired = [0]
    timer = QTimer()
    timer.timeout.connect(lambda: fired.__setitem__(0, fired[0] + 1))
    timer.start(10)
    try:
        click(qtbot, window, "signInButton")
        started = time.monotonic()
        qtbot.waitUntil(lambda: fired[0] >= 100, timeout=TIMEOUT)
        assert time.monotonic() - started < 3  # the answer is still on its way
        assert window.keeper.state is S.SIGNING_IN
        click(qtbot, window, "signOutButton")  # the window answers clicks meanwhile
        assert window.keeper.state is S.SIGNED_OUT
        log_view = child(window, QPlainTextEdit, "logView")
        # signing out cancelled the request (the log says so); its answer is dropped
        qtbot.waitUntil(lambda: "was cancelled" in log_view.toPlainText(), timeout=TIMEOUT)
        qtbot.waitUntil(lambda: job_pool().activeThreadCount() == 0, timeout=TIMEOUT)
        qtbot.wait(50)
        assert window.keeper.state is S.SIGNED_OUT
        assert window.keeper.credentials is None
        assert token_field(window).text() == ""
    finally:
        timer.stop()


def test_menus_hold_their_actions_in_order(make_window: WindowFactory) -> None:
    """File first (profiles, Settings and Quit), then Session, Copy, Tools and Help; every entry
    is the action the window's buttons and shortcuts trigger. Quit is in File, away from Sign
    out (issue 12: "Выйти" next to "Выход" in one menu)."""
    window = make_window()
    menus = [action.menu() for action in window.menuBar().actions()]
    titles = ["&File", "Sessio&n", "&Copy", "&Tools", "&Help"]
    assert [menu.title() for menu in menus] == titles

    def entries(menu: Any) -> list[str]:
        return [a.objectName() or a.text() if not a.isSeparator() else "—" for a in menu.actions()]

    assert entries(menus[0]) == [
        "importProfilesAction", "exportProfilesAction", "—", "settingsAction", "—", "quitAction",
    ]  # fmt: skip
    assert window.quit_action.shortcut() == QKeySequence(QKeySequence.StandardKey.Quit)
    assert menus[1].actions() == [window.sign_in_action, window.sign_out_action,
                                  window.refresh_action, window.probe_action]  # fmt: skip
    assert menus[2].actions()[0] is window.copy_token_action
    assert menus[3].actions() == [window.check_server_action]
    assert entries(menus[4]) == ["aboutAction"]


def test_sign_in_again_is_set_in_one_place_only(qtbot: Any, make_window: WindowFactory) -> None:
    """Issue 12, point 14: the option to sign in again with the remembered password is in
    Settings, not also under Advanced with other words."""
    window = make_window()
    window.form.advanced.set_expanded(True)
    boxes = [b.text() for b in window.findChildren(QCheckBox) if b.isVisible()]
    assert not [text for text in boxes if "sign in again" in text.lower()], boxes
    dialog = window.open_settings()
    qtbot.waitUntil(dialog.isVisible, timeout=TIMEOUT)
    found = [b for b in window.findChildren(QCheckBox) if "sign in again" in b.text().lower()]
    assert [b.objectName() for b in found] == ["signInAgainCheck"]
    assert dialog.isAncestorOf(found[0])
    dialog.close()
