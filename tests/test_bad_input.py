"""Bad input from the operator, typed or pasted into the real form: a message next to the field
or a clear error after sign-in, never a crash.

pytest-qt fails a test on any exception raised in a slot or virtual method (exception capture
stays on), so "never a crash" is checked by every test here, not only by its asserts.
"""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any

import pytest
import requests
from hypothesis import HealthCheck, example, given, settings
from hypothesis import strategies as st
from PySide6.QtCore import Qt
from PySide6.QtGui import QGuiApplication
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QComboBox, QLabel, QLineEdit, QPushButton

from msauth_gui.core.endpoints import build_endpoints
from msauth_gui.devserver import DemoConfig, DemoServer
from msauth_gui.gui.session.keeper import KeeperState, TokenKeeper
from msauth_gui.gui.window.main import MainWindow

from .conftest import FakeClock
from .fault_matrix import TRACEBACK_MARKS
from .window_text import all_text

S = KeeperState
TIMEOUT = 5000
LONG = 10_000


@pytest.fixture
def window(qtbot: Any, clock: FakeClock) -> MainWindow:
    keeper = TokenKeeper(clock=clock, tick_ms=50)
    win = MainWindow(clock=clock, keeper=keeper)
    keeper.setParent(win)
    qtbot.addWidget(win)
    win.show()
    qtbot.waitExposed(win)
    win.form.advanced.set_expanded(True)
    return win


@pytest.fixture
def demo() -> Iterator[DemoServer]:
    with DemoServer(DemoConfig()) as server:
        yield server


def edit(window: MainWindow, name: str) -> QLineEdit:
    if name == "serverEdit":
        combo = window.findChild(QComboBox, name)
        assert combo is not None
        return combo.lineEdit()
    found = window.findChild(QLineEdit, name)
    assert found is not None, name
    return found


def label(window: MainWindow, name: str) -> QLabel:
    found = window.findChild(QLabel, name)
    assert found is not None, name
    return found


def enter(qtbot: Any, field: QLineEdit, text: str) -> None:
    """Replace the field's text as an operator would: typed when ASCII, else pasted."""
    field.setFocus()
    field.selectAll()
    QTest.keyClick(field, Qt.Key.Key_Backspace)
    if text.isascii() and len(text) < 200:
        qtbot.keyClicks(field, text)
    else:
        QGuiApplication.clipboard().setText(text)
        QTest.keyClick(field, Qt.Key.Key_V, Qt.KeyboardModifier.ControlModifier)
    assert field.text() == text


def sign_in_enabled(window: MainWindow) -> bool:
    button = window.findChild(QPushButton, "signInButton")
    assert button is not None
    return button.isEnabled() and window.sign_in_action.isEnabled()


def no_traceback(window: MainWindow) -> None:
    shown = all_text(window, skip=("accessTokenField", "passwordEdit"))
    assert not any(mark in shown for mark in TRACEBACK_MARKS)


def fill_valid(qtbot: Any, window: MainWindow, server: str) -> None:
    enter(qtbot, edit(window, "serverEdit"), server)
    enter(qtbot, edit(window, "loginEdit"), "admin")
    enter(qtbot, edit(window, "passwordEdit"), "admin")
    assert sign_in_enabled(window)


# -- the server field --------------------------------------------------------------------------
@pytest.mark.parametrize(
    ("typed", "says"),
    [
        ("http://my server:9000", "must not contain spaces"),
        ("https://wms.example:9000/Mobile SMARTS/api/v1", "must not contain spaces"),
        ("https://wms.example:0", "port must be a number from 1 to 65535"),
        ("https://wms.example:65536", "port must be a number from 1 to 65535"),
        ("wms.example:99999", "port must be a number from 1 to 65535"),
        ("wms.example:-1", "port must be a number from 1 to 65535"),
        ("javascript:alert(document.cookie)", "use an http:// or https:// address, not javascript"),
        ("JavaScript:alert(1)", "not javascript"),
        ("file:///etc/passwd", "use an http:// or https:// address, not file"),
        ("ftp://wms.example/", "not ftp"),
        ("data:text/html,<b>hi</b>", "not data"),
        ("http://[::1", "check the brackets"),
        ("[", "check the brackets"),
        ("https://admin:secret@wms.example:9000", "must not contain a login or password"),
        ("http://ywĿ.example:9000", "is not a valid host name"),
        ("https://" + "a" * (LONG - 8), "too long (10,000 characters"),
    ],
    ids=lambda v: v[:40] if isinstance(v, str) else v,
)
def test_bad_server_url_is_explained_next_to_the_field(
    qtbot: Any, window: MainWindow, typed: str, says: str
) -> None:
    fill_valid(qtbot, window, "https://wms.example:9000")
    server_error = label(window, "serverError")
    assert server_error.isHidden()

    enter(qtbot, edit(window, "serverEdit"), typed)

    assert server_error.isVisible() and says.lower() in server_error.text().lower()
    assert len(server_error.text()) < 300  # a 10,000-character URL is not repeated back
    assert not sign_in_enabled(window)
    QTest.keyClick(edit(window, "passwordEdit"), Qt.Key.Key_Return)  # Enter does not send it
    assert window.keeper.state is S.SIGNED_OUT
    assert "marked in red" in window.statusBar().currentMessage()
    no_traceback(window)

    enter(qtbot, edit(window, "serverEdit"), "https://wms.example:9000")  # fixing it clears it
    assert server_error.isHidden() and sign_in_enabled(window)


@pytest.mark.parametrize(
    "typed",
    [
        "https://склад.пример.рф:9000",
        "склад.пример.рф:9000",
        "http://bücher.example/MobileSMARTS/api/v1",
        "https://例え.テスト",
        "https://ПРИМЕР.РФ:9000/api/v1/",
    ],
)
def test_unicode_host_names_are_accepted(qtbot: Any, window: MainWindow, typed: str) -> None:
    fill_valid(qtbot, window, typed)
    assert label(window, "serverError").isHidden()
    endpoints = build_endpoints(window.form.server())
    assert not endpoints.host.isascii()
    requests.Request("POST", endpoints.token_url).prepare()  # the HTTP stack can send it


def test_fullwidth_host_name_is_normalised_and_signs_in(
    qtbot: Any, window: MainWindow, demo: DemoServer
) -> None:
    fill_valid(qtbot, window, f"http://ｌｏｃａｌｈｏｓｔ:{demo.port}")  # as an IME may type it
    qtbot.mouseClick(window.form.sign_in_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: window.keeper.state is S.VALID, timeout=TIMEOUT)
    assert demo.counts["token"] == 1


# -- 10,000 characters in every text field -----------------------------------------------------
FIELD_CASES = [
    # field, where the message appears ("" = after sign-in, in the status line), what it says
    ("serverEdit", "serverError", "too long"),
    ("tokenUrlEdit", "tokenUrlError", "too long"),
    ("caBundleEdit", "caBundleError", "No such file"),
    ("loginEdit", "", "rejected the login or password"),
    ("passwordEdit", "", "rejected the login or password"),
    ("clientIdEdit", "", "rejected the client id or secret"),
    ("clientSecretEdit", "", "rejected the client id or secret"),
    ("probePathEdit", "", "Nothing answers at"),
]


def long_value(field: str, demo: DemoServer) -> str:
    if field == "serverEdit":
        return demo.url + "/" + "s" * (LONG - len(demo.url) - 1)
    if field == "tokenUrlEdit":
        return demo.url + "/" + "t" * (LONG - len(demo.url) - 1)
    if field == "probePathEdit":
        return "/" + "p" * (LONG - 1)
    return "ж" * LONG  # not ASCII either: pasted, and UTF-8 on the wire


@pytest.mark.parametrize(("field", "error_label", "says"), FIELD_CASES)
def test_ten_thousand_characters_in_a_field(
    qtbot: Any, window: MainWindow, demo: DemoServer, field: str, error_label: str, says: str
) -> None:
    fill_valid(qtbot, window, demo.url)
    if field == "probePathEdit":  # only Basic sign-in calls the probe
        window.form.method_combo.setCurrentIndex(window.form.method_combo.findData("basic"))
    text = long_value(field, demo)
    assert len(text) == LONG

    enter(qtbot, edit(window, field), text)

    if error_label:
        shown = label(window, error_label)
        assert shown.isVisible() and says.lower() in shown.text().lower()
        assert len(shown.text()) < 300
        assert not sign_in_enabled(window)
        assert window.keeper.state is S.SIGNED_OUT
    else:  # nothing wrong with the form: the server judges, and the window says what it said
        assert sign_in_enabled(window)
        qtbot.mouseClick(window.form.sign_in_button, Qt.MouseButton.LeftButton)
        qtbot.waitUntil(lambda: window.keeper.state is S.ERROR, timeout=TIMEOUT)
        assert says in label(window, "statusLabel").text()
        assert sign_in_enabled(window)  # the operator can correct it and try again
    no_traceback(window)


# -- random text -------------------------------------------------------------------------------
def test_random_text_in_the_server_field_never_crashes(qtbot: Any, window: MainWindow) -> None:
    """Whatever is typed, the form either accepts a URL the HTTP stack can send, or shows why
    not next to the field with Sign in disabled."""
    fill_valid(qtbot, window, "https://wms.example:9000")
    server = edit(window, "serverEdit")
    server_error = label(window, "serverError")

    @settings(
        max_examples=50,
        deadline=None,
        suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow],
    )
    @given(st.text(max_size=120) | st.builds("https://{}:9000".format, st.text(max_size=30)))
    @example("[")
    @example("wms.example:-1")
    @example("http://ｗｍｓ.example:9000")
    @example("http://ywĿ:9000")
    @example("https://" + "x" * 3000)
    def check(text: str) -> None:
        server.setText(text)
        window.form.reveal_errors()
        if window.form.is_valid():
            assert server_error.isHidden() and sign_in_enabled(window)
            endpoints = build_endpoints(window.form.server())
            requests.Request("POST", endpoints.token_url).prepare()
        else:
            assert server_error.isVisible() and server_error.text()
            assert not sign_in_enabled(window)

    check()
    no_traceback(window)
