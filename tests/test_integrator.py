"""What integrators copy from the window: curl for their shell, and the token details.

Real windows against the demo server on loopback; every copied command is read back by its
shell's rules (:mod:`tests.shells`) and then sent as it stands, and must be answered 200.
"""

from __future__ import annotations

import shlex
from datetime import datetime
from pathlib import Path
from typing import Any

import pytest
import requests
from PySide6.QtCore import QSettings
from PySide6.QtGui import QAction, QGuiApplication
from PySide6.QtWidgets import (
    QCheckBox,
    QLabel,
    QMenu,
    QPlainTextEdit,
    QPushButton,
    QToolButton,
)

from msauth_gui.core.curl import default_shell
from msauth_gui.core.token import Token
from msauth_gui.devserver import DemoServer
from msauth_gui.gui.session.keeper import KeeperState
from msauth_gui.gui.window.details import TokenDetailsDialog
from msauth_gui.gui.window.main import MainWindow
from tests import test_window
from tests.conftest import FakeClock
from tests.shells import cmd_argv, powershell_call
from tests.test_window import (
    TIMEOUT,
    WindowFactory,
    child,
    click,
    clipboard_hint,
    fill,
    sign_in,
    token_field,
)

make_window = test_window.make_window  # the shown-window fixture (with settings, for restarts)


@pytest.fixture
def settings(tmp_path: Path) -> QSettings:
    return QSettings(str(tmp_path / "msauth.ini"), QSettings.Format.IniFormat)


def clipboard() -> str:
    return QGuiApplication.clipboard().text()


def run(method: str, url: str, headers: dict[str, str]) -> int:
    """Send the request a command describes, as it stands."""
    assert method == "GET"
    return requests.get(url, headers=headers, timeout=5).status_code


def curl_request(argv: list[str]) -> tuple[str, dict[str, str]]:
    assert argv[:2] == ["curl", "-sS"]
    headers = dict(argv[i + 1].split(": ", 1) for i, arg in enumerate(argv) if arg == "-H")
    return argv[-1], headers


# -- 19: curl for bash, cmd and PowerShell -------------------------------------------------------
def test_copy_as_curl_for_the_chosen_shell_is_remembered(
    qtbot: Any, make_window: WindowFactory, settings: QSettings, demo: DemoServer
) -> None:
    window = make_window(settings=settings)
    fill(qtbot, window, demo.url)
    sign_in(qtbot, window)
    bearer = f"Bearer {token_field(window).text()}"
    probe = demo.url + "/api/v1/DocTypes?$top=1"
    assert window.tools.shell() == default_shell()  # nothing chosen: the platform's shell

    button = child(window, QToolButton, "curlShellButton")  # the small menu on the curl button
    menu = button.menu()
    assert menu is child(window, QMenu, "curlShellMenu")
    copy_menu = next(a.menu() for a in window.menuBar().actions() if a.text() == "&Copy")
    assert menu.menuAction() in copy_menu.actions()  # and the same choice in the Copy menu
    names = [action.objectName() for action in menu.actions()]
    assert names == ["curlShellPosix", "curlShellCmd", "curlShellPowerShell"]

    child(window, QAction, "curlShellCmd").trigger()  # choosing copies at once
    url, headers = curl_request(cmd_argv(clipboard(), {"PATH": r"C:\Windows"}))
    assert (url, headers["Authorization"]) == (probe, bearer)
    assert clipboard_hint() == b"secret"
    assert "curl command for cmd copied" in window.statusBar().currentMessage()
    assert run("GET", url, headers) == 200

    child(window, QAction, "curlShellPowerShell").trigger()
    call = powershell_call(clipboard())
    assert call.command == "Invoke-RestMethod" and call.params["-Uri"] == probe
    headers = call.params["-Headers"]
    assert isinstance(headers, dict) and headers["Authorization"] == bearer
    assert run("GET", probe, headers) == 200
    assert "PowerShell" in child(window, QPushButton, "copyCurlButton").toolTip()

    window.close()
    window = make_window(settings=settings)  # the choice outlives the window
    assert child(window, QAction, "curlShellPowerShell").isChecked()
    fill(qtbot, window, demo.url)
    sign_in(qtbot, window)
    click(qtbot, window, "copyCurlButton")
    assert powershell_call(clipboard()).params["-Uri"] == probe

    child(window, QAction, "curlShellPosix").trigger()
    url, headers = curl_request(shlex.split(clipboard()))
    assert run("GET", url, headers) == 200


# -- 20: token details -------------------------------------------------------------------------
def details(window: MainWindow) -> TokenDetailsDialog:
    dialog = window.findChild(TokenDetailsDialog, "tokenDetailsDialog")
    assert dialog is not None and dialog.isVisible()
    return dialog


def test_token_details_show_the_answer_redacted_and_copy_single_values(
    qtbot: Any, make_window: WindowFactory, clock: FakeClock, demo: DemoServer
) -> None:
    window = make_window(min_attempt_gap=0)
    assert window.tools.details is None  # nothing is built before it is asked for
    fill(qtbot, window, demo.url)
    sign_in(qtbot, window)
    token = window.keeper.credentials
    assert token is not None and token.refresh_token and token.expires_at is not None
    click(qtbot, window, "tokenDetailsButton")
    dialog = details(window)
    view = child(dialog, QPlainTextEdit, "tokenAnswerView")
    reveal = child(dialog, QCheckBox, "revealAnswerCheck")
    assert view.isReadOnly() and not reveal.isChecked()
    hidden = view.toPlainText()
    assert token.access_token not in hidden and token.refresh_token not in hidden
    assert "***" in hidden and "expires_in" in hidden.lower()  # the answer, redacted

    reveal.setChecked(True)
    assert view.toPlainText() == token.raw  # exactly what the server sent
    assert token.access_token in token.raw and token.refresh_token in token.raw

    click(qtbot, dialog, "copyRefreshTokenButton")
    assert clipboard() == token.refresh_token and clipboard_hint() == b"secret"
    assert "Refresh token copied" in window.statusBar().currentMessage()
    click(qtbot, dialog, "copyExpiresInButton")
    assert clipboard() == "86400"
    clock.advance(100.5)
    click(qtbot, dialog, "copyExpiresInButton")
    assert clipboard() == "86299"  # what is left now
    click(qtbot, dialog, "copyExpiryButton")
    moment = datetime.fromisoformat(clipboard())
    assert moment.utcoffset() is not None and moment.timestamp() == int(token.expires_at)
    assert clipboard() in child(dialog, QLabel, "expiryIsoLabel").text()
    click(qtbot, dialog, "copyBearerValueButton")
    assert clipboard() == f"Bearer {token.access_token}" and clipboard_hint() == b"secret"
    window.clipboard.timer.timeout.emit()  # the delay passes: the clipboard is cleared
    assert clipboard() == ""

    dialog.close()  # closed, the secrets are hidden again for the next look
    window.tools.details_action.trigger()
    assert details(window) is dialog and not reveal.isChecked()
    assert view.toPlainText() == hidden

    click(qtbot, window, "refreshButton")  # the view follows the keeper
    qtbot.waitUntil(lambda: window.keeper.credentials is not token, timeout=TIMEOUT)
    newer = window.keeper.credentials
    assert newer is not None and newer.raw and newer.access_token not in view.toPlainText()
    reveal.setChecked(True)
    assert view.toPlainText() == newer.raw

    click(qtbot, window, "signOutButton")
    assert window.keeper.state is KeeperState.SIGNED_OUT
    assert view.toPlainText() == "" and not reveal.isEnabled()
    assert not child(dialog, QCheckBox, "revealAnswerCheck").isChecked()
    for name in ("copyRefreshTokenButton", "copyExpiresInButton", "copyBearerValueButton"):
        assert not child(dialog, QPushButton, name).isEnabled()


def test_token_details_show_a_hostile_answer_as_inert_text(qtbot: Any, clock: FakeClock) -> None:
    """Markup stays text; bidi overrides and terminal escapes are written as escapes."""
    raw = '{"access_token": "abc123def456", "scope": "<b>x</b> \u202eevil \x1b]52;c;aGk=\x07"}'
    copied: list[tuple[str, str]] = []
    dialog = TokenDetailsDialog(lambda text, what: copied.append((text, what)), clock)
    qtbot.addWidget(dialog)
    dialog.show_credentials(Token("abc123def456", obtained_at=clock(), raw=raw))
    dialog.reveal_check.setChecked(True)
    shown = dialog.answer_view.toPlainText()
    assert "<b>x</b>" in shown and "\\u202eevil" in shown and "\\x1b]52" in shown
    assert "\u202e" not in shown and "\x1b" not in shown and "\x07" not in shown
    assert not dialog.copy_refresh_button.isEnabled()  # no refresh token, no expiry: nothing
    assert not dialog.copy_expires_in_button.isEnabled()
    dialog.copy_value_button.click()
    assert copied == [("Bearer abc123def456", "Authorization value")]


def test_token_details_show_the_start_of_a_megabyte_answer_and_its_size(
    qtbot: Any, clock: FakeClock
) -> None:
    """A megabyte in one line kept the window's thread busy for a second at every look."""
    raw = '{"access_token": "abc123def456", "junk": "' + "w" * 1_000_000 + '", "end": "END"}'
    dialog = TokenDetailsDialog(lambda text, what: None, clock)
    qtbot.addWidget(dialog)
    dialog.show_credentials(Token("abc123def456", obtained_at=clock(), raw=raw))
    shown = dialog.answer_view.toPlainText()
    assert shown.startswith('{"access_token": "') and "END" not in shown
    assert len(shown) < 20_000 and "1" in shown.rsplit("(", 1)[-1]  # the whole size is said
