"""Keyboard and layout (issue 12, points 9 to 11): Enter signs in at first start, the log wraps
and keeps its lines, and the window has a minimum size at which nothing is cut off or scrolled
twice. Real windows on the offscreen platform, in English and Russian, against the demo server.
"""

from __future__ import annotations

from collections.abc import Callable, Iterator
from pathlib import Path
from typing import Any

import pytest
from PySide6.QtCore import QSettings, QStandardPaths, Qt
from PySide6.QtTest import QTest
from PySide6.QtWidgets import (
    QAbstractButton,
    QAbstractScrollArea,
    QApplication,
    QComboBox,
    QLabel,
    QPlainTextEdit,
    QScrollArea,
    QWidget,
)

from msauth_gui.app import build_window
from msauth_gui.core.secrets import SecretStore
from msauth_gui.devserver import DemoServer
from msauth_gui.gui.session.keeper import KeeperState
from msauth_gui.gui.window import layout
from msauth_gui.gui.window.main import MainWindow
from tests.memkeyring import MemoryKeyring
from tests.test_window import TIMEOUT, WindowFactory, fill, make_window, sign_in, type_text

QStandardPaths.setTestModeEnabled(True)
S = KeeperState
__all__ = ["make_window"]  # the window tests' fixture, used here too


@pytest.fixture(params=["en", "ru"])
def language(request: pytest.FixtureRequest) -> Iterator[str]:
    from msauth_gui.gui.i18n import install_language

    app = QApplication.instance()
    assert install_language(app, request.param) == request.param
    yield request.param
    install_language(app, "en")


def settle() -> None:
    """Let the deferred layout steps (the top area's fitting, the log's scrolling) run."""
    for _ in range(10):
        QApplication.processEvents()


# -- point 9: Enter at first start ---------------------------------------------------------------
@pytest.fixture
def start(qtbot: Any, tmp_path: Path) -> Callable[..., MainWindow]:
    """``msauth-gui ARGS`` on a fresh machine: no saved profiles, an empty keyring."""

    def run(*args: str) -> MainWindow:
        settings = QSettings(str(tmp_path / "msauth.ini"), QSettings.Format.IniFormat)
        window = build_window(list(args), settings=settings, secrets=SecretStore(MemoryKeyring()))
        assert isinstance(window, MainWindow)
        qtbot.addWidget(window)
        window.show()
        qtbot.waitExposed(window)
        window.activateWindow()
        qtbot.waitUntil(lambda: QApplication.focusWidget() is not None, timeout=TIMEOUT)
        return window

    return run


def focused(window: MainWindow) -> str:
    widget = QApplication.focusWidget()
    assert widget is not None and window.isAncestorOf(widget)
    if isinstance(widget.parentWidget(), QComboBox):  # the server box's own line edit
        widget = widget.parentWidget()
    return widget.objectName()


def test_typing_the_password_and_enter_signs_in_at_first_start(
    qtbot: Any, start: Callable[..., MainWindow], demo: DemoServer
) -> None:
    window = start("--server", demo.url, "--login", "admin")
    assert focused(window) == "passwordEdit"  # not the profile combo
    type_text(qtbot, QApplication.focusWidget(), "admin")
    QTest.keyClick(QApplication.focusWidget(), Qt.Key.Key_Return)
    assert window.keeper.state is S.SIGNING_IN
    qtbot.waitUntil(lambda: window.keeper.state is S.VALID, timeout=TIMEOUT)


@pytest.mark.parametrize(
    ("args", "first_empty"),
    [((), "serverEdit"), (("--server", "https://wms:9000"), "loginEdit")],
)
def test_the_focus_starts_in_the_first_empty_field(
    start: Callable[..., MainWindow], args: tuple[str, ...], first_empty: str
) -> None:
    assert focused(start(*args)) == first_empty


# -- point 10: the log ---------------------------------------------------------------------------
def test_the_log_wraps_keeps_its_lines_and_shows_the_newest(
    qtbot: Any, make_window: WindowFactory, demo_factory: Callable[..., DemoServer]
) -> None:
    window = make_window()
    window.resize(800, 600)
    srv = demo_factory(jwt=True)
    fill(qtbot, window, srv.url)
    sign_in(qtbot, window)
    window.form.advanced.set_expanded(True)  # both open: the top row is as tall as it gets
    window.panel.claims_box.set_expanded(True)
    view: QPlainTextEdit = window.log.view
    assert view.lineWrapMode() is QPlainTextEdit.LineWrapMode.WidgetWidth
    long_line = "error_description: " + "the server says why, at length; " * 12
    for n in range(40):
        window.note(f"{n} {long_line}")
    window.log.flush()
    settle()
    lines = view.height() // view.fontMetrics().lineSpacing()
    assert lines >= layout.LOG_LINES  # the form did not squeeze the log to 2-3 lines
    assert not view.horizontalScrollBar().isVisible()  # nothing hides to the right

    def newest_in_view() -> bool:
        end = view.cursorRect(view.textCursor())  # the cursor sits at the very end
        last = view.document().lastBlock()
        return (
            view.textCursor().atEnd()
            and view.viewport().rect().contains(end)
            and last.text().split()[1] == "39"  # ... of the newest entry (after its time)
        )

    qtbot.waitUntil(newest_in_view)  # the log scrolls on its own, once laid out
    window.resize(700, 560)  # lines wrap anew: still the newest in view
    settle()
    qtbot.waitUntil(newest_in_view)


# -- point 11: sizes -----------------------------------------------------------------------------
def clipped(root: QWidget) -> list[str]:
    """Visible words cut off: buttons and combo boxes narrower than their text needs,
    one-line labels narrower than theirs ("Defau", "Duplicate..")."""
    found = []
    for w in root.findChildren(QWidget):
        if not w.isVisible() or w.width() <= 0:
            continue
        if isinstance(w, QAbstractButton) and w.text() and w.sizeHint().width() > w.width():
            found.append(f"{w.objectName()} {w.text()!r}")
        if isinstance(w, QComboBox) and w.minimumSizeHint().width() > w.width():
            found.append(f"{w.objectName()} {w.currentText()!r}")
        one_line = isinstance(w, QLabel) and w.text() and not w.wordWrap() and w.pixmap().isNull()
        if one_line and w.minimumSizeHint().width() > w.width():
            found.append(f"{w.objectName()} {w.text()!r}")  # type: ignore[attr-defined]
    return found


def nested_scroll_bars(root: QWidget) -> list[str]:
    """Scroll areas showing a scroll bar inside another one that shows a scroll bar."""

    def scrolls(area: QAbstractScrollArea) -> bool:
        return area.verticalScrollBar().isVisible() or area.horizontalScrollBar().isVisible()

    found = []
    for area in root.findChildren(QAbstractScrollArea):
        if not area.isVisible() or not scrolls(area):
            continue
        outer = area.parentWidget()
        while outer is not None and outer is not root:
            if isinstance(outer, QAbstractScrollArea) and scrolls(outer):
                found.append(f"{area.objectName() or type(area).__name__} in {outer.objectName()}")
            outer = outer.parentWidget()
    return found


def open_everything(qtbot: Any, window: MainWindow, srv: DemoServer) -> None:
    fill(qtbot, window, srv.url)
    sign_in(qtbot, window)
    window.form.advanced.set_expanded(True)
    window.panel.claims_box.set_expanded(True)


def test_the_window_has_a_minimum_size_with_nothing_cut_off_or_scrolled_twice(
    language: str,
    qtbot: Any,
    make_window: WindowFactory,
    demo_factory: Callable[..., DemoServer],
) -> None:
    window = make_window()
    minimum = window.minimumSize()
    assert 0 < minimum.width() <= 800 and 0 < minimum.height() <= 600
    open_everything(qtbot, window, demo_factory(jwt=True))
    window.resize(400, 300)  # a tiny window: it stops at its minimum
    settle()
    assert window.size() == minimum
    assert nested_scroll_bars(window) == []
    assert clipped(window) == []
    top = window.findChild(QScrollArea, "topScrollArea")
    assert not top.horizontalScrollBar().isVisible()  # up and down only


def test_at_800_by_600_every_button_is_whole_and_the_panel_beside_the_form(
    language: str,
    qtbot: Any,
    make_window: WindowFactory,
    demo_factory: Callable[..., DemoServer],
) -> None:
    window = make_window()
    window.resize(800, 600)
    fill(qtbot, window, demo_factory().url)
    sign_in(qtbot, window)
    settle()
    top = window.findChild(QScrollArea, "topScrollArea")
    assert not top.horizontalScrollBar().isVisible() and not top.verticalScrollBar().isVisible()
    assert clipped(window) == []
    viewport = top.viewport()
    for button in top.findChildren(QAbstractButton):
        if button.isVisible():  # every one of them on screen, whole
            corner = button.mapTo(viewport, button.rect().bottomRight())
            assert viewport.rect().contains(corner), button.objectName()
    form_box, token_box = window.form.parentWidget(), window.panel.parentWidget()
    assert token_box.x() > form_box.x() + form_box.width() - 1  # side by side


def test_a_new_profile_shows_no_message_before_anything_is_typed(
    qtbot: Any, make_window: WindowFactory, monkeypatch: pytest.MonkeyPatch
) -> None:
    from msauth_gui.gui.profiles import dialogs as profile_widgets

    window = make_window()
    window.resize(800, 600)
    form = window.form
    edit = form.server_edit.lineEdit()
    type_text(qtbot, edit, "https://")  # touched, and wrong: its message shows
    edit.clear()
    type_text(qtbot, form.login_edit, "x")
    form.login_edit.clear()
    assert form.server_error.isVisible() and form.login_error.isVisible()
    monkeypatch.setattr(
        profile_widgets.ProfileNameDialog, "ask", classmethod(lambda cls, p, t, d: "Fresh")
    )
    window.profiles.on_new()
    assert window.profiles.bar.combo.currentText() == "Fresh"
    errors = [form.server_error, form.login_error, form.token_url_error, form.ca_bundle_error]
    assert not any(label.isVisible() for label in errors)
    type_text(qtbot, edit, "h")  # typing brings the field's message back
    edit.clear()
    assert form.server_error.isVisible()


def test_a_field_message_takes_the_whole_width_of_the_form(
    language: str, qtbot: Any, make_window: WindowFactory
) -> None:
    window = make_window()
    window.resize(800, 600)
    form = window.form
    type_text(qtbot, form.server_edit.lineEdit(), "https://bad host:9000/")
    settle()
    message = form.server_error
    assert message.isVisible() and message.text()
    assert message.x() < form.server_edit.x()  # not in the field's column alone
    lines = message.height() / message.fontMetrics().lineSpacing()
    assert lines < 3, message.text()  # not squeezed into a narrow column of 3 and more lines
