"""Accessibility of the window and its dialogs: names, keyboard order, mnemonics, announcements
and 200% scaling, through the real widgets against the demo server on loopback."""

from __future__ import annotations

import json
import os
import re
import subprocess
import sys
import tempfile
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import Any

import pytest
from PySide6.QtCore import QStandardPaths, Qt, QTimer
from PySide6.QtGui import QAccessible, QAccessibleEvent, QKeySequence
from PySide6.QtTest import QTest
from PySide6.QtWidgets import (
    QAbstractButton,
    QAbstractItemView,
    QAbstractSpinBox,
    QApplication,
    QComboBox,
    QDialog,
    QFileDialog,
    QHeaderView,
    QLabel,
    QLineEdit,
    QMessageBox,
    QPlainTextEdit,
    QTextEdit,
    QWidget,
)

from msauth_gui.core.secrets import SecretStore
from msauth_gui.devserver import DemoServer
from msauth_gui.gui.check.dialog import CheckDialog
from msauth_gui.gui.fmt import STATE_LOOK
from msauth_gui.gui.profiles.dialogs import ConfirmDialog, ProfileFileDialog, ProfileNameDialog
from msauth_gui.gui.session.keeper import KeeperState, TokenKeeper
from msauth_gui.gui.window.main import MainWindow
from tests.memkeyring import MemoryKeyring
from tests.test_window import CONTRACT_NAMES, TIMEOUT, click, fill, sign_in

QStandardPaths.setTestModeEnabled(True)

ROOT = Path(__file__).resolve().parent.parent
INTERACTIVE = (
    QAbstractButton,
    QLineEdit,
    QComboBox,
    QAbstractSpinBox,
    QPlainTextEdit,
    QTextEdit,
    QAbstractItemView,
)
PROFILE_BAR = [
    "profileCombo", "newProfileButton", "renameProfileButton", "duplicateProfileButton",
    "deleteProfileButton",
]  # fmt: skip
FORM = ["serverEdit", "loginEdit", "passwordEdit", "showPasswordCheck", "methodCombo",
        "rememberPasswordCheck", "staySignedInCheck", "advancedToggle"]  # fmt: skip
ADVANCED = [
    "clientIdEdit", "clientSecretEdit", "tokenUrlEdit", "basicEncodingCombo", "probePathEdit",
    "caBundleEdit", "caBundleButton", "verifyTlsCheck", "timeoutSpin",
]  # fmt: skip
LOG = ["clearLogButton", "copyLogButton", "logView"]
TOKEN_ACTIONS = ["refreshButton", "probeButton", "tokenDetailsButton", "copyTokenButton",
                 "copyHeaderButton", "copyCurlButton", "proxyButton"]  # fmt: skip


# -- helpers -----------------------------------------------------------------------------------
def owner(widget: QWidget) -> QWidget:
    """The control a focused widget belongs to (a spin box's or combo box's own line edit)."""
    parent = widget.parentWidget()
    if isinstance(widget, QLineEdit) and isinstance(parent, (QAbstractSpinBox, QComboBox)):
        return parent
    return widget


def controls(root: QWidget) -> list[QWidget]:
    """The visible controls of ``root`` a user can reach: buttons, fields, lists, tables, and
    labels that take focus by Tab. Parts of another control (a spin box's field, a table's
    header) count as that control."""
    found = []
    for widget in [root, *root.findChildren(QWidget)]:
        if not widget.isVisible() or owner(widget) is not widget:
            continue
        if isinstance(widget, QHeaderView):
            continue
        tab_label = isinstance(widget, QLabel) and bool(
            widget.focusPolicy() & Qt.FocusPolicy.TabFocus
        )
        if isinstance(widget, INTERACTIVE) or tab_label:
            found.append(widget)
    return found


def describe(widget: QWidget) -> str:
    text = widget.text() if isinstance(widget, (QAbstractButton, QLineEdit, QLabel)) else ""
    return f"{type(widget).__name__} {widget.objectName()!r} {text!r}".rstrip()


def assert_named(root: QWidget, *, descriptions: bool) -> list[QWidget]:
    """Every control of ``root`` has an accessible name (and, with ``descriptions``, each of
    our own named ones a description); the failure lists them all."""
    found = controls(root)
    assert found, f"no controls found in {root.objectName()!r}"
    unnamed = [describe(w) for w in found if not w.accessibleName().strip()]
    assert not unnamed, f"{len(unnamed)} control(s) without an accessible name:\n" + "\n".join(
        unnamed
    )
    if descriptions:
        ours = [w for w in found if w.objectName() and not w.objectName().startswith("qt_")]
        bare = [describe(w) for w in ours if not w.accessibleDescription().strip()]
        assert not bare, f"{len(bare)} control(s) without a description:\n" + "\n".join(bare)
    return found


def focus_name() -> str:
    widget = QApplication.focusWidget()
    assert widget is not None, "nothing has the focus"
    return owner(widget).objectName()


def tab_through(steps: int, key: Qt.Key = Qt.Key.Key_Tab) -> list[str]:
    """Press Tab ``steps`` times on whatever has the focus; the object names visited."""
    seen = [focus_name()]
    for _ in range(steps):
        QTest.keyClick(QApplication.focusWidget(), key)
        seen.append(focus_name())
    return seen


def activate(qtbot: Any, window: QWidget) -> None:
    window.activateWindow()
    qtbot.waitUntil(lambda: QApplication.activeWindow() is window, timeout=TIMEOUT)


@pytest.fixture
def make_window(qtbot: Any) -> Callable[..., MainWindow]:
    """A shown window with a usable (in-memory) keyring, so every option is enabled."""

    def make() -> MainWindow:
        keeper = TokenKeeper(tick_ms=20)
        window = MainWindow(keeper=keeper, secrets=SecretStore(MemoryKeyring()))
        keeper.setParent(window)
        qtbot.addWidget(window)
        window.show()
        qtbot.waitExposed(window)
        qtbot.waitUntil(lambda: window.profiles.ready, timeout=TIMEOUT)
        return window

    return make


@pytest.fixture
def jwt_demo(demo_factory: Callable[..., DemoServer]) -> DemoServer:
    return demo_factory(jwt=True)


@pytest.fixture
def signed_in(
    qtbot: Any, make_window: Callable[..., MainWindow], jwt_demo: DemoServer
) -> MainWindow:
    """Signed in with a JWT, Advanced and the claims expanded: every control is on screen."""
    window = make_window()
    fill(qtbot, window, jwt_demo.url)
    sign_in(qtbot, window)
    window.form.advanced.set_expanded(True)
    window.panel.claims_box.set_expanded(True)
    return window


# -- (1) and (2): names ------------------------------------------------------------------------
def test_every_control_of_the_main_window_has_a_name_and_a_description(
    signed_in: MainWindow,
) -> None:
    found = {w.objectName() for w in assert_named(signed_in, descriptions=True)}
    # the walk really saw the whole window, hidden sections included
    expected = set(PROFILE_BAR + FORM + ADVANCED + LOG + TOKEN_ACTIONS)
    expected |= {"claimsToggle", "claimsView", "revealTokenButton", "accessTokenField"}
    expected |= {"proxyUrlField", "copyProxyUrlButton"}  # disabled while the proxy is off
    assert expected <= found, sorted(expected - found)


def test_contract_widgets_are_heard_by_their_words_not_their_object_names(
    signed_in: MainWindow,
) -> None:
    """Issue 12 reverses the earlier rule (accessible name = object name): readers said
    "serverEdit". Object names stay the contract for tests; people hear "Server"."""
    for object_name, words in sorted(CONTRACT_NAMES.items()):
        widget = signed_in.findChild(QWidget, object_name)
        assert widget is not None, object_name
        assert widget.accessibleName() == words
        if not isinstance(widget, QComboBox):  # on Linux Qt names a combo box by its value
            heard = QAccessible.queryAccessibleInterface(widget).text(QAccessible.Text.Name)
            assert heard == words, object_name  # what assistive technology is given
        assert widget.accessibleDescription().strip(), f"{object_name} has no description"
    # the labels' descriptions carry what they show, for readers that only see the name
    status = signed_in.findChild(QLabel, "statusLabel")
    assert status.accessibleDescription() == status.text()
    expiry = signed_in.findChild(QLabel, "expiryLabel")
    assert expiry.text() in expiry.accessibleDescription()


def test_no_control_is_heard_by_its_object_name(
    language: str, qtbot: Any, make_window: Callable[..., MainWindow], demo: DemoServer
) -> None:
    """In either language every control is heard by words of that language, never by an
    identifier such as "serverEdit"; the object names stay what tests find widgets by."""
    window = make_window()
    fill(qtbot, window, demo.url)
    sign_in(qtbot, window)
    window.form.advanced.set_expanded(True)
    found = controls(window)
    heard_as_id = [describe(w) for w in found if w.accessibleName() == w.objectName()]
    assert heard_as_id == []
    identifiers = [
        describe(w) for w in found if re.fullmatch(r"[a-z]+[A-Z]\w*", w.accessibleName())
    ]
    assert identifiers == []
    if language == "ru":  # translated with the rest of the window
        for object_name in CONTRACT_NAMES:
            spoken = window.findChild(QWidget, object_name).accessibleName()
            assert re.search("[а-яА-Я]", spoken), (object_name, spoken)
        assert window.form.server_edit.accessibleName() == "Сервер"


def _settings(window: MainWindow, qtbot: Any) -> QDialog:
    return window.open_settings()


def _check(window: MainWindow, qtbot: Any) -> QDialog:
    click(qtbot, window, "checkServerButton")
    dialog = window.findChild(CheckDialog, "checkDialog")
    assert dialog is not None
    qtbot.waitUntil(lambda: dialog.report is not None, timeout=TIMEOUT)
    assert dialog.table.rowCount() > 0
    return dialog


def _profile_name(window: MainWindow, qtbot: Any) -> QDialog:
    return ProfileNameDialog(window, "New profile", "New server")


def _confirm_delete(window: MainWindow, qtbot: Any) -> QDialog:
    return ConfirmDialog.build(window, "Delete profile", "Delete the profile “Default”?")


def _import(window: MainWindow, qtbot: Any) -> QDialog:
    return ProfileFileDialog.build(window, save=False)


def _export(window: MainWindow, qtbot: Any) -> QDialog:
    return ProfileFileDialog.build(window, save=True, default="msauth-profiles.json")


def _details(window: MainWindow, qtbot: Any) -> QDialog:
    return window.tools.open_details()


DIALOGS: dict[str, tuple[Callable[[MainWindow, Any], QDialog], bool]] = {
    # name: (how to open it without blocking, whether every control is ours to describe)
    "settings": (_settings, True),
    "check server": (_check, True),
    "profile name": (_profile_name, True),
    "confirm delete": (_confirm_delete, False),
    "import profiles": (_import, False),
    "export profiles": (_export, False),
    "token details": (_details, True),
}


@pytest.mark.parametrize("which", list(DIALOGS))
def test_every_control_of_each_dialog_has_a_name(
    qtbot: Any, make_window: Callable[..., MainWindow], demo: DemoServer, which: str
) -> None:
    window = make_window()
    fill(qtbot, window, demo.url)
    opener, ours = DIALOGS[which]
    dialog = opener(window, qtbot)
    if isinstance(dialog, QFileDialog):
        dialog.setOption(QFileDialog.Option.DontUseNativeDialog)  # Qt's own: no platform one
    if not dialog.isVisible():
        dialog.show()  # not exec(): the test goes on while it is open
    qtbot.waitExposed(dialog)
    try:
        assert_named(dialog, descriptions=ours)
        if which != "check server":  # its Esc stops the check; the others only close
            assert dialog.windowTitle()
    finally:
        dialog.close()


def test_profile_name_dialog_gives_the_typed_name_and_blocks_a_blank_one(qtbot: Any) -> None:
    dialog = ProfileNameDialog(None, "New profile", "  Lab server ")
    qtbot.addWidget(dialog)
    ok = next(b for b in dialog.findChildren(QAbstractButton) if b.accessibleName() == "OK")
    assert ok.isEnabled() and dialog.profile_name() == "Lab server"
    dialog.edit.setText("   ")
    assert not ok.isEnabled() and dialog.profile_name() is None


def test_the_prompts_run_modally_and_give_the_answer(qtbot: Any, tmp_path: Path) -> None:
    """The builders the walk above shows are the dialogs the window really runs."""

    def answer(action: Callable[[Any], object]) -> None:  # once the modal loop runs
        QTimer.singleShot(0, lambda: action(QApplication.activeModalWidget()))

    answer(lambda dialog: (dialog.edit.setText("  Lab "), dialog.accept()))
    assert ProfileNameDialog.ask(None, "New profile", "New server") == "Lab"
    answer(lambda dialog: dialog.reject())
    assert ProfileNameDialog.ask(None, "New profile", "New server") is None
    answer(lambda box: box.button(QMessageBox.StandardButton.Yes).click())
    assert ConfirmDialog.ask(None, "Delete profile", "Delete it?") is True
    answer(lambda box: box.button(QMessageBox.StandardButton.No).click())
    assert ConfirmDialog.ask(None, "Delete profile", "Delete it?") is False
    existing = tmp_path / "profiles.json"
    existing.write_text("[]", encoding="utf-8")
    answer(lambda dialog: (dialog.selectFile(str(existing)), dialog.accept()))
    assert ProfileFileDialog.open_path(None) == str(existing)
    answer(lambda dialog: dialog.reject())
    assert ProfileFileDialog.save_path(None, str(tmp_path / "out.json")) is None


# -- (3): keyboard order ------------------------------------------------------------------------
@pytest.mark.parametrize("expanded", [False, True], ids=["collapsed", "expanded"])
def test_tab_order_of_the_signed_out_window(
    qtbot: Any, make_window: Callable[..., MainWindow], demo: DemoServer, expanded: bool
) -> None:
    window = make_window()
    fill(qtbot, window, demo.url)  # a valid form: Check server and Sign in are enabled
    window.form.advanced.set_expanded(expanded)
    activate(qtbot, window)
    window.form.server_edit.setFocus()
    # Sign out, Reveal and the token actions are disabled while signed out: Tab skips them
    chain = (
        FORM[:-1]
        + ["advancedToggle"]
        + (ADVANCED if expanded else [])
        + ["checkServerButton", "signInButton", "accessTokenField"]
        + LOG
        + PROFILE_BAR
        + ["serverEdit"]  # round again
    )
    assert tab_through(len(chain) - 1) == chain
    # Shift+Tab walks the same way back
    assert tab_through(len(chain) - 1, Qt.Key.Key_Backtab) == chain[::-1]


def test_tab_order_of_the_signed_in_window(signed_in: MainWindow, qtbot: Any) -> None:
    activate(qtbot, signed_in)
    signed_in.form.server_edit.setFocus()
    chain = (
        FORM
        + ADVANCED
        + ["checkServerButton", "signOutButton", "signInButton"]
        + ["accessTokenField", "revealTokenButton", "claimsToggle", "claimsView"]
        + TOKEN_ACTIONS
        + LOG
        + PROFILE_BAR
        + ["serverEdit"]
    )
    assert tab_through(len(chain) - 1) == chain


def test_the_log_and_the_claims_do_not_trap_tab(signed_in: MainWindow, qtbot: Any) -> None:
    activate(qtbot, signed_in)
    for view_name, after in (("logView", "profileCombo"), ("claimsView", "refreshButton")):
        view = signed_in.findChild(QPlainTextEdit, view_name)
        view.setFocus()
        before = view.toPlainText()
        QTest.keyClick(view, Qt.Key.Key_Tab)
        assert focus_name() == after
        assert view.toPlainText() == before


def test_the_section_toggles_show_the_keyboard_focus(
    qtbot: Any, make_window: Callable[..., MainWindow]
) -> None:
    """The flat "Advanced" toggle draws a frame while it has the focus (Tab lands on it)."""
    window = make_window()
    activate(qtbot, window)
    toggle = window.form.advanced.button
    window.form.login_edit.setFocus()
    unfocused = toggle.grab().toImage()
    toggle.setFocus()
    assert toggle.hasFocus()
    assert toggle.grab().toImage() != unfocused


# -- (4): mnemonics ---------------------------------------------------------------------------
def test_alt_letters_jump_to_the_fields(qtbot: Any, make_window: Callable[..., MainWindow]) -> None:
    window = make_window()
    activate(qtbot, window)
    window.panel.findChild(QWidget, "accessTokenField").setFocus()
    alt = Qt.KeyboardModifier.AltModifier
    keys = {Qt.Key.Key_S: "serverEdit", Qt.Key.Key_L: "loginEdit", Qt.Key.Key_P: "passwordEdit",
            Qt.Key.Key_M: "methodCombo", Qt.Key.Key_R: "profileCombo"}  # fmt: skip
    for key, target in keys.items():
        QTest.keyClick(window, key, alt)
        assert focus_name() == target, f"Alt+{key.name}"
    # Alt+A opens "Advanced"; its fields have letters of their own
    assert not window.form.advanced.is_expanded()
    QTest.keyClick(window, Qt.Key.Key_A, alt)  # an animated click: it lands a moment later
    qtbot.waitUntil(window.form.advanced.is_expanded, timeout=TIMEOUT)
    keys = {Qt.Key.Key_I: "clientIdEdit", Qt.Key.Key_E: "clientSecretEdit",
            Qt.Key.Key_U: "tokenUrlEdit", Qt.Key.Key_B: "probePathEdit",
            Qt.Key.Key_D: "caBundleEdit", Qt.Key.Key_O: "timeoutSpin"}  # fmt: skip
    for key, target in keys.items():
        QTest.keyClick(window, key, alt)
        assert focus_name() == target, f"Alt+{key.name}"


@pytest.fixture(params=["en", "ru"])
def language(request: pytest.FixtureRequest) -> Iterator[str]:
    """The window's language for one test; English again afterwards."""
    from msauth_gui.gui.i18n import install_language

    app = QApplication.instance()
    if install_language(app, request.param) != request.param:
        pytest.skip(f"no {request.param} translation in this checkout")
    yield request.param
    install_language(app, "en")


def test_no_two_mnemonics_of_the_window_clash(
    language: str, qtbot: Any, make_window: Callable[..., MainWindow]
) -> None:
    """A letter used twice (a label and a menu, say) makes Alt+letter cycle between them."""
    signed_in = make_window()
    signed_in.form.advanced.set_expanded(True)
    texts = [action.text() for action in signed_in.menuBar().actions()]
    for widget in signed_in.findChildren(QWidget):
        if widget.isVisible() and isinstance(widget, (QLabel, QAbstractButton)):
            texts.append(widget.text())
    letters: dict[str, list[str]] = {}
    for text in texts:
        key = QKeySequence.mnemonic(text).toString()
        if key:
            letters.setdefault(key, []).append(text)
    clashes = {key: found for key, found in letters.items() if len(found) > 1}
    assert not clashes
    fields = ("serverEdit", "loginEdit", "passwordEdit", "methodCombo", "clientIdEdit")
    with_letters = {
        label.buddy().objectName()
        for label in signed_in.findChildren(QLabel)
        if label.buddy() is not None and QKeySequence.mnemonic(label.text()).toString()
    }
    assert set(fields) <= with_letters, sorted(set(fields) - with_letters)


@pytest.mark.parametrize("which", ["settings", "check server"])
def test_the_dialogs_have_letters_and_none_clash(
    language: str, qtbot: Any, make_window: Callable[..., MainWindow], demo: DemoServer, which: str
) -> None:
    """Settings and Check server (issue 16): every field with a label and every button or box
    of ours has an Alt+letter, and no letter is used twice in the dialog. Qt's own OK and
    Cancel have none: Enter and Esc are theirs."""
    window = make_window()
    fill(qtbot, window, demo.url)
    dialog = DIALOGS[which][0](window, qtbot)
    if not dialog.isVisible():
        dialog.show()
    qtbot.waitExposed(dialog)
    try:
        controls = [
            w for w in dialog.findChildren(QWidget)
            if w.isVisible()
            and ((isinstance(w, QLabel) and w.buddy() is not None)
                 or (isinstance(w, QAbstractButton) and w.objectName() and w.text()))
        ]  # fmt: skip
        assert len(controls) >= 4
        letters: dict[str, list[str]] = {}
        for widget in controls:
            key = QKeySequence.mnemonic(widget.text()).toString()
            assert key, f"{widget.objectName() or widget.text()!r} has no Alt+letter"
            letters.setdefault(key, []).append(widget.text())
        assert {k: v for k, v in letters.items() if len(v) > 1} == {}
    finally:
        dialog.close()


# -- (5): state changes are announced; colour is never the only signal --------------------------
@pytest.fixture
def announcements(monkeypatch: pytest.MonkeyPatch) -> Iterator[list[tuple[str, str, bool]]]:
    """Every announcement sent to assistive technology: (object name, message, assertive)."""
    heard: list[tuple[str, str, bool]] = []
    original = QAccessible.updateAccessibility

    def record(event: QAccessibleEvent) -> None:
        if event.type() == QAccessible.Event.Announcement:
            assertive = event.politeness() == QAccessible.AnnouncementPoliteness.Assertive
            source = event.object()
            who = source.objectName() or type(source).__name__
            heard.append((who, event.message(), assertive))
        original(event)

    monkeypatch.setattr(QAccessible, "updateAccessibility", staticmethod(record))
    yield heard


def test_state_changes_are_announced_through_the_status_label(
    qtbot: Any,
    make_window: Callable[..., MainWindow],
    demo: DemoServer,
    announcements: list[tuple[str, str, bool]],
) -> None:
    window = make_window()
    status = window.findChild(QLabel, "statusLabel")
    said: list[str] = []
    window.panel.stateAnnounced.connect(said.append)
    fill(qtbot, window, demo.url)
    idle = status.text()
    sign_in(qtbot, window)
    assert status.text() != idle and status.accessibleDescription() == status.text()
    from_status = [(msg, loud) for who, msg, loud in announcements if who == "statusLabel"]
    assert from_status[0][0].startswith("Signing in. ")
    last, assertive = from_status[-1]
    assert last.startswith("Valid. Signed in to ") and "Token valid for " in last
    assert not assertive
    assert said == [msg for msg, _ in from_status]  # the signal says what was announced
    # ticks do not repeat it: the countdown is there to read, not to be spoken every second
    ticks = len(announcements)
    qtbot.waitSignals([window.keeper.ticked] * 3, timeout=TIMEOUT)
    assert [a for a in announcements[ticks:] if a[0] == "statusLabel"] == []

    # an error interrupts (assertive), with its words
    click(qtbot, window, "signOutButton")
    fill(qtbot, window, demo.url, password="wrong")
    sign_in(qtbot, window, expect=KeeperState.ERROR)
    who, message, assertive = announcements[-1]
    assert who == "statusLabel" and assertive
    assert message.startswith("Error. ") and status.text() in message


def test_field_messages_are_announced_once_each(
    qtbot: Any,
    make_window: Callable[..., MainWindow],
    announcements: list[tuple[str, str, bool]],
) -> None:
    window = make_window()
    form = window.form
    edit = form.server_edit.lineEdit()
    edit.setFocus()
    QTest.keyClicks(edit, "https://bad host")  # wrong at every key after "https://"
    from_server = [msg for who, msg, _loud in announcements if who == "serverError"]
    # each message is said when it appears, not at every key while it stays
    assert from_server == ["Has no host name.", "Must not contain spaces."]
    assert form.server_error.text() == from_server[-1]
    QTest.keyClicks(form.login_edit, "x")
    form.login_edit.clear()
    assert ("loginError", "Enter the login.", False) in announcements


def test_copying_is_announced_from_the_status_bar(
    qtbot: Any,
    make_window: Callable[..., MainWindow],
    demo: DemoServer,
    announcements: list[tuple[str, str, bool]],
) -> None:
    window = make_window()
    fill(qtbot, window, demo.url)
    sign_in(qtbot, window)
    click(qtbot, window, "copyTokenButton")
    who, message, _ = announcements[-1]
    assert who == "QStatusBar" and message.startswith("Token copied")


@pytest.mark.parametrize("state", list(KeeperState))
def test_each_state_shows_words_and_an_icon_not_only_a_colour(
    make_window: Callable[..., MainWindow], state: KeeperState
) -> None:
    panel = make_window().panel
    words = panel.show_state(state, "a message")
    assert words == STATE_LOOK[state.value][0]
    assert panel.state_label.text() == words
    assert not panel.state_icon.pixmap().isNull()
    assert panel.state_icon.accessibleName() == words  # the icon is named by its words
    others = {look[0] for key, look in STATE_LOOK.items() if key != state.value}
    assert words not in others  # the words alone tell every state apart


# -- (6): 200% scaling --------------------------------------------------------------------------
SCALED_SCRIPT = r"""
import json, sys
from PySide6.QtCore import QEventLoop, QTimer
from PySide6.QtWidgets import QAbstractButton, QApplication, QLabel, QScrollArea, QWidget
from msauth_gui.app import build_window

window = build_window(["--demo"])
app = QApplication.instance()
window.show()
loop = QEventLoop()
window.keeper.stateChanged.connect(lambda state: state.value == "valid" and loop.quit())
QTimer.singleShot(0, window.on_sign_in)
QTimer.singleShot(15000, loop.quit)
loop.exec()


def settle():
    # the layout fits the top row in deferred steps: run them until nothing changes
    for _ in range(20):
        app.processEvents()


top = window.findChild(QScrollArea, "topScrollArea")
settle()
scroll_collapsed = top.verticalScrollBar().maximum() if top is not None else 0
window.form.advanced.set_expanded(True)
settings = window.open_settings()
settle()
scroll_expanded = top.verticalScrollBar().maximum() if top is not None else 0


def clipped(root):
    # buttons narrower than their text, and one-line labels narrower than their text
    found = []
    for w in root.findChildren(QWidget):
        if not w.isVisible():
            continue
        if isinstance(w, QAbstractButton) and w.sizeHint().width() > w.width():
            found.append([w.objectName(), w.text(), w.sizeHint().width(), w.width()])
        if isinstance(w, QLabel) and w.text() and not w.wordWrap() and w.pixmap().isNull():
            if w.minimumSizeHint().width() > w.width():
                found.append([w.objectName(), w.text(), w.minimumSizeHint().width(), w.width()])
    return found


screen = window.screen()
hint = window.minimumSizeHint()
window.grab().save(sys.argv[1])
print(json.dumps({
    "state": window.keeper.state.value,
    "dpr": window.devicePixelRatio(),
    "screen": [screen.geometry().width(), screen.geometry().height()],
    "size": [window.width(), window.height()],
    "minimum": [hint.width(), hint.height()],
    "settings_minimum": [settings.minimumSizeHint().width(), settings.minimumSizeHint().height()],
    "clipped": clipped(window) + clipped(settings),
    "scroll": [scroll_collapsed, scroll_expanded],
    "shot": [window.grab().width(), window.grab().height()],
}))
"""
#: what is left of a 768-pixel-high screen under a title bar and a taskbar
USABLE_HEIGHT = 768 - 80


def test_the_window_works_at_200_percent_on_a_1366x768_logical_screen(tmp_path: Path) -> None:
    """2732×1536 device pixels at 200%: the window and Settings fit and no text is cut off."""
    config = tmp_path / "offscreen.json"
    screen = {"name": "wide", "x": 0, "y": 0, "width": 2732, "height": 1536,
              "logicalDpi": 96, "logicalBaseDpi": 96, "dpr": 1}  # fmt: skip
    config.write_text(json.dumps({"screens": [screen]}), encoding="utf-8")
    shot = Path(tempfile.gettempdir()) / "msauth-gui-200pct.png"
    env = {
        **os.environ,
        "QT_QPA_PLATFORM": f"offscreen:configfile={config}",
        "QT_SCALE_FACTOR": "2",
        "PYTHONPATH": str(ROOT),
        "XDG_CONFIG_HOME": str(tmp_path / "config"),  # never the operator's settings
    }
    env.pop("QT_SCREEN_SCALE_FACTORS", None)
    run = subprocess.run(
        [sys.executable, "-c", SCALED_SCRIPT, str(shot)],
        cwd=tmp_path,
        env=env,
        capture_output=True,
        text=True,
        timeout=120,
    )
    assert run.returncode == 0, run.stderr
    found = json.loads(run.stdout.strip().splitlines()[-1])
    assert found["state"] == "valid"
    assert found["dpr"] == 2.0 and found["screen"] == [1366, 768]
    assert found["minimum"][0] <= 1366 and found["minimum"][1] <= USABLE_HEIGHT, found
    assert found["size"][0] <= 1366 and found["size"][1] <= USABLE_HEIGHT, found
    assert found["settings_minimum"][0] <= 1366 and found["settings_minimum"][1] <= USABLE_HEIGHT
    assert found["clipped"] == [], found["clipped"]
    # the form and the token panel are whole on screen, Advanced open or not: nothing to scroll
    assert found["scroll"] == [0, 0]
    # the screenshot has device pixels: twice the logical size
    assert found["shot"] == [2 * found["size"][0], 2 * found["size"][1]]
    assert shot.is_file()
