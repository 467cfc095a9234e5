"""What a server sends is data in the window, never markup or control (issue 10, points 1 and 4).

Qt renders a label or tooltip as HTML when its text merely looks like HTML: a 20-byte error page
``<img src="/dev/zero">`` made the window read /dev/zero until it died. Here the hostile server
sends markup (an image, bold, a link) and terminal escapes in a token answer's ``appName``, an
error page, an ``error_description`` and a token type; the window signs in, fails a background
refresh (a tray notification), fails a sign-in and runs a check, and then every label, tooltip,
table cell, the tray's tooltip and every notification are searched for anything Qt would render
as markup, and for any control or bidi character. The image payload names a file that does not
exist, so a failing test loads nothing. The real ``<img src="/dev/zero">`` is tried by hand,
under a memory limit: ``python -m tests.hostile markup`` serves it; sign in to its URL in
``msauth-gui`` started with ``prlimit --as=3000000000``; the status line must show the tag.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterator
from typing import Any

import pytest
from PySide6.QtCore import QAbstractItemModel, QModelIndex, Qt
from PySide6.QtGui import QGuiApplication
from PySide6.QtGui import Qt as GuiQt
from PySide6.QtWidgets import QLabel, QMessageBox, QPushButton, QTableWidget, QWidget

from msauth_gui.core.visible import is_visible
from msauth_gui.gui.check.dialog import CheckDialog
from msauth_gui.gui.profiles.dialogs import ProfileNameDialog
from msauth_gui.gui.prompts import question_box
from msauth_gui.gui.session.keeper import KeeperState, TokenKeeper
from msauth_gui.gui.session.worker import job_pool
from msauth_gui.gui.window.about import about_text, open_about
from msauth_gui.gui.window.main import MainWindow

from .conftest import FakeClock
from .hostile import ESCAPES, HostileServer, Reply, json_reply
from .test_window import click, fill
from .window_text import widget_texts

S = KeeperState
TIMEOUT = 10_000
IMAGE = '<img src="file:///nonexistent/msauth-test.png">'
MARKUP = f'{IMAGE}<b>bold</b><a href="https://example.invalid/">link</a>'
#: the tags Qt.convertFromPlainText writes around escaped text: a paragraph and line breaks
PLAIN_TAGS = {"p", "/p", "br"}


def renders_markup(text: str, text_format: Qt.TextFormat = Qt.TextFormat.AutoText) -> bool:
    """Whether Qt would render ``text`` as rich text with markup of the server's in it."""
    if text_format == Qt.TextFormat.PlainText:
        return False
    if text_format == Qt.TextFormat.AutoText and not GuiQt.mightBeRichText(text):
        return False
    tags = {tag.lower() for tag in re.findall(r"<\s*(/?[A-Za-z][A-Za-z0-9]*)", text)}
    return not tags <= PLAIN_TAGS


def _tooltips(model: QAbstractItemModel) -> Iterator[str]:
    for row in range(model.rowCount()):
        for column in range(model.columnCount()):
            tip = model.data(model.index(row, column, QModelIndex()), Qt.ItemDataRole.ToolTipRole)
            if tip:
                yield str(tip)


def rendered_markup(root: QWidget) -> list[str]:
    """Every label, tooltip, status tip and "What's this" under ``root`` (table cells too)
    that Qt would render as markup."""
    found = []
    for widget in [root, *root.findChildren(QWidget)]:
        if isinstance(widget, QLabel) and renders_markup(widget.text(), widget.textFormat()):
            found.append(f"label {widget.objectName() or '?'}: {widget.text()!r}")
        for kind, text in (
            ("tooltip", widget.toolTip()),
            ("status tip", widget.statusTip()),
            ("what's this", widget.whatsThis()),
        ):
            if renders_markup(text):
                found.append(f"{kind} of {widget.objectName() or type(widget).__name__}: {text!r}")
        if isinstance(widget, QTableWidget):
            tips = _tooltips(widget.model())
            found += [f"cell tooltip: {tip!r}" for tip in tips if renders_markup(tip)]
    return found


def _window(qtbot: Any, clock: FakeClock) -> MainWindow:
    keeper = TokenKeeper(clock=clock, tick_ms=20)
    window = MainWindow(clock=clock, keeper=keeper)
    keeper.setParent(window)
    qtbot.addWidget(window)
    window.show()
    qtbot.waitExposed(window)
    return window


def _base_info_and_token() -> Reply:
    """BaseInfo and a token in one answer (every path gets it): appName and version are markup."""
    data = {
        "access_token": "tok-valid-12345",
        "token_type": "bearer",
        "expires_in": 100,
        "appName": MARKUP + ESCAPES,
        "serverVersion": MARKUP,
    }
    return json_reply(200, data)


def test_a_hostile_sign_in_refresh_and_check_show_no_markup_anywhere(
    qtbot: Any, hostile: Callable[..., HostileServer], clock: FakeClock
) -> None:
    server = hostile(_base_info_and_token())
    window = _window(qtbot, clock)
    fill(qtbot, window, server.url, password="pw-plain-1")
    click(qtbot, window, "signInButton")
    qtbot.waitUntil(lambda: window.keeper.state is S.VALID, timeout=TIMEOUT)

    # a background refresh meets an error page of markup and escapes: the tray says so
    server.set(Reply(500, (MARKUP + ESCAPES).encode(), (("Content-Type", "text/html"),)))
    with qtbot.waitSignal(window.tray.notified, timeout=TIMEOUT):
        clock.advance(81)  # past 80 % of the 100 s token
    _title, message = window.tray.notifications[-1]
    assert "&lt;img src=" in message and "<" not in message, message  # Linux: markup escaped
    assert is_visible(message.replace("\n", ""))  # cut at 240 characters, before the ESC
    assert "Its answer began: <img" in window.log.text() and "\\x1b]52;c;" in window.log.text()

    # the check: appName and serverVersion in the rows, their cells and tooltips
    server.set(_base_info_and_token())
    click(qtbot, window, "checkServerButton")
    dialog = window.findChild(CheckDialog, "checkDialog")
    assert dialog is not None
    qtbot.waitUntil(lambda: dialog.report is not None, timeout=TIMEOUT)
    cell = dialog.table.cell_text("baseinfo", 2)
    assert IMAGE in cell and "\\x1b]52;c;" in cell  # shown as the characters they are

    # a refused sign-in whose error_description is markup; then a token type that is markup
    server.set(json_reply(400, {"error": "invalid_request", "error_description": MARKUP}))
    click(qtbot, window, "signInButton")
    qtbot.waitUntil(lambda: window.keeper.state is S.ERROR, timeout=TIMEOUT)
    status = window.panel.status_label.text()
    assert IMAGE in status, status
    shown = rendered_markup(window) + rendered_markup(dialog)
    tray_tip = window.tray.icon.toolTip()
    if renders_markup(tray_tip):
        shown.append(f"tray tooltip: {tray_tip!r}")
    assert shown == []

    server.set(json_reply(200, {"access_token": "tok-valid-12345", "token_type": MARKUP}))
    click(qtbot, window, "signInButton")
    qtbot.waitUntil(lambda: window.keeper.state is S.ERROR and window.keeper.busy is False)
    assert "token type" in window.panel.status_label.text()
    assert rendered_markup(window) == []
    texts = [*widget_texts(window), *widget_texts(dialog), window.tray.icon.toolTip()]
    texts += [text for note in window.tray.notifications for text in note]
    texts.append(window.statusBar().currentMessage())
    hidden = [text for text in texts if not is_visible(text.replace("\n", ""))]
    assert hidden == []  # no ESC, BEL, bidi override or zero-width character anywhere
    qtbot.waitUntil(lambda: job_pool().activeThreadCount() == 0, timeout=TIMEOUT)


def test_every_label_of_every_window_and_dialog_is_plain_text(qtbot: Any, clock: FakeClock) -> None:
    """The second guard: not one QLabel the window, its dialogs or its message boxes make is
    left to guess (AutoText), so none can ever render what it is given."""
    window = _window(qtbot, clock)
    window.on_check_server()  # the form is empty: the dialog opens and says what to fix
    settings = window.open_settings()
    dialogs: list[QWidget] = [window, settings, ProfileNameDialog(window, "Name", "x")]
    dialogs.append(question_box(window, "Delete?", f"Delete the profile {MARKUP}?"))
    dialogs += [*window.findChildren(CheckDialog), window.tools.open_details()]
    dialogs.append(open_about(window))
    auto = [
        f"{type(root).__name__}: {label.objectName() or label.text()!r}"
        for root in dialogs
        for label in root.findChildren(QLabel)
        # the one exception: About's own words and links, every value in them escaped
        if label.textFormat() != Qt.TextFormat.PlainText and label.objectName() != "aboutText"
    ]
    assert auto == []
    assert "&lt;img" in about_text(IMAGE, [(IMAGE, "")]) and "<img" not in about_text(IMAGE, [])
    boxes = [box for box in dialogs if isinstance(box, QMessageBox)]
    assert boxes and all(box.textFormat() == Qt.TextFormat.PlainText for box in boxes)
    settings.reject()


@pytest.mark.parametrize(
    ("text", "rich"),
    [
        ("plain words", False),
        (IMAGE, True),
        ("Error: <b>x</b>", True),
        ("<p>escaped &lt;b&gt;</p>", False),  # what plain.tip makes of markup
        ("<qt><a href='x'>y</a></qt>", True),
    ],
)
def test_the_markup_detector_itself(text: str, rich: bool) -> None:
    assert renders_markup(text) is rich


@pytest.mark.parametrize("attack", ["crlf_token", "crlf_token_type", "crlf_refresh"])
def test_a_token_with_a_line_break_is_refused_and_nothing_can_be_copied(
    qtbot: Any, hostile: Callable[..., HostileServer], clock: FakeClock, attack: str
) -> None:
    """A token (or type) with CR/LF would make "Copy as curl" and "Copy header" inject a
    header: the sign-in fails with a clear message, and there is nothing to copy."""
    server = hostile(attack)
    window = _window(qtbot, clock)
    clipboard = QGuiApplication.clipboard()
    clipboard.setText("the operator's own text")
    fill(qtbot, window, server.url, password="pw-plain-1")
    click(qtbot, window, "signInButton")
    qtbot.waitUntil(lambda: window.keeper.state is S.ERROR, timeout=TIMEOUT)
    status = window.panel.status_label.text()
    assert "characters no token has" in status or "not one plain word" in status, status
    assert "\r" not in status
    assert window.keeper.credentials is None
    for name in ("copyTokenButton", "copyHeaderButton", "copyCurlButton"):
        button = window.findChild(QPushButton, name)
        assert button is not None and not button.isEnabled(), name
    for copy in (window.on_copy_token, window.on_copy_header, window.on_copy_curl):
        copy()  # the shortcuts and menu entries reach these even when a button is off
    assert clipboard.text() == "the operator's own text"


def test_a_question_naming_a_profile_from_a_file_shows_its_bidi_and_controls_as_escapes(
    qtbot: Any,
) -> None:
    """A profile name from a shared file with U+202E reversed the delete question it names."""
    from msauth_gui.gui.prompts import question_box

    box = question_box(None, "Delete", "Delete “Prod\u202eevil\x1b[2J”?")
    qtbot.addWidget(box)
    assert box.text() == "Delete “Prod\\u202eevil\\x1b[2J”?"
