"""Light and dark palettes that follow the system, the state icons, and the tray icon."""

from __future__ import annotations

import os
import re
import subprocess
import sys
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import Any
from urllib.parse import urlsplit

import pytest
from PySide6.QtCore import QPoint, QRect, Qt
from PySide6.QtGui import QGuiApplication, QPalette
from PySide6.QtWidgets import (
    QAbstractButton,
    QAbstractSpinBox,
    QApplication,
    QCheckBox,
    QComboBox,
    QLabel,
    QLineEdit,
    QScrollArea,
    QWidget,
)

from msauth_gui.core.redact import register_secret
from msauth_gui.devserver import DemoServer
from msauth_gui.gui import fmt, theme
from msauth_gui.gui.icons import STATE_ICON_FILES, app_icon, state_icon
from msauth_gui.gui.session.keeper import KeeperState, TokenKeeper
from msauth_gui.gui.window.main import MainWindow
from tests.conftest import FakeClock
from tests.test_window import child, click, fill, sign_in

S = KeeperState
TIMEOUT = 5000
WindowFactory = Callable[..., MainWindow]
_COLOUR = re.compile(r"(?<![-\w])color:\s*(#[0-9a-fA-F]{6})")


@pytest.fixture
def themed(qapp: QApplication) -> Iterator[QApplication]:
    """The application; its palette and theme are put back to light afterwards."""
    saved = qapp.palette()
    yield qapp
    theme.apply_theme(qapp, "light")
    qapp.setPalette(saved)


@pytest.fixture
def make_window(qtbot: Any, clock: FakeClock) -> WindowFactory:
    def make(**keeper_args: Any) -> MainWindow:
        keeper = TokenKeeper(clock=clock, **{"tick_ms": 20, **keeper_args})
        window = MainWindow(clock=clock, keeper=keeper)
        keeper.setParent(window)
        qtbot.addWidget(window)
        window.show()
        qtbot.waitExposed(window)
        return window

    return make


def text_colour(label: QLabel) -> str:
    found = _COLOUR.search(label.styleSheet())
    assert found is not None, label.styleSheet()
    return found.group(1)


def is_dark(app: QApplication) -> bool:
    return app.palette().color(QPalette.ColorRole.Window).lightness() < 100


# -- theme -------------------------------------------------------------------------------------
def test_system_theme_follows_the_scheme_and_a_forced_one_stays(themed: QApplication) -> None:
    hints = QGuiApplication.styleHints()
    theme.apply_theme(themed, "system")
    hints.colorSchemeChanged.emit(Qt.ColorScheme.Dark)  # the desktop switches to dark
    assert theme.is_dark() and is_dark(themed)
    assert themed.style().name().lower() == "fusion"
    hints.colorSchemeChanged.emit(Qt.ColorScheme.Light)
    assert not theme.is_dark() and not is_dark(themed)
    assert theme.apply_theme(themed, "dark") == "dark" and is_dark(themed)
    hints.colorSchemeChanged.emit(Qt.ColorScheme.Light)  # forced: the system is not followed
    assert is_dark(themed)
    with pytest.raises(ValueError):
        theme.apply_theme(themed, "purple")


@pytest.mark.parametrize("scheme", ["light", "dark"])
def test_tls_warning_and_state_colours_are_readable(
    themed: QApplication, make_window: WindowFactory, scheme: str
) -> None:
    theme.apply_theme(themed, scheme)
    window = make_window()
    window.form.options.verify_tls.setChecked(False)
    warning = child(window, QLabel, "tlsWarningLabel")
    assert warning.isVisible()
    palette = themed.palette()
    backgrounds = [palette.color(r) for r in (QPalette.ColorRole.Window, QPalette.ColorRole.Base)]
    for background in backgrounds:
        assert theme.contrast_ratio(text_colour(warning), background) >= 4.5
        for colour in (fmt.GREEN, fmt.BLUE, fmt.ORANGE, fmt.RED, fmt.GREY, fmt.PURPLE):
            assert theme.contrast_ratio(theme.colour(colour), background) >= 4.5, colour
        text = palette.color(QPalette.ColorRole.WindowText)
        assert theme.contrast_ratio(text, background) >= 7
    state = child(window, QLabel, "stateLabel")
    assert theme.contrast_ratio(text_colour(state), backgrounds[0]) >= 4.5


def test_switching_theme_recolours_what_is_on_screen(
    themed: QApplication, make_window: WindowFactory
) -> None:
    theme.apply_theme(themed, "light")
    window = make_window()
    window.form.options.verify_tls.setChecked(False)
    warning = child(window, QLabel, "tlsWarningLabel")
    assert text_colour(warning) == fmt.RED
    theme.apply_theme(themed, "dark")
    assert text_colour(warning) == theme.DARK_VARIANTS[fmt.RED]
    assert text_colour(child(window, QLabel, "stateLabel")) == theme.DARK_VARIANTS[fmt.GREY]
    theme.apply_theme(themed, "light")
    assert text_colour(warning) == fmt.RED


def test_every_state_has_its_own_icon_and_the_panel_shows_it(
    qtbot: Any, make_window: WindowFactory, demo: DemoServer
) -> None:
    assert not app_icon().pixmap(32).isNull() and not app_icon().pixmap(256).isNull()
    images = {}
    for state in S:
        assert state.value in STATE_ICON_FILES
        pixmap = state_icon(state).pixmap(32)
        assert not pixmap.isNull(), state
        images[STATE_ICON_FILES[state.value]] = pixmap.toImage()
    distinct = list(images.values())
    assert all(a != b for i, a in enumerate(distinct) for b in distinct[i + 1 :])
    window = make_window()
    icon_label = window.panel.state_icon
    signed_out = icon_label.pixmap().toImage()
    fill(qtbot, window, demo.url)
    sign_in(qtbot, window)
    assert icon_label.pixmap().toImage() != signed_out
    assert "Valid" in (icon_label.accessibleName(), icon_label.accessibleDescription())


# -- tray --------------------------------------------------------------------------------------
def test_tray_tooltip_shows_server_state_and_expiry(
    qtbot: Any,
    make_window: WindowFactory,
    demo_factory: Callable[..., DemoServer],
    clock: FakeClock,
) -> None:
    srv = demo_factory(access_lifetime=600)
    srv.clock = clock
    window = make_window()
    tray = window.tray
    assert not tray.is_shown() or tray.available  # never shown where there is no tray
    assert tray.icon.toolTip().splitlines() == ["msauth-gui", "Signed out"]
    fill(qtbot, window, srv.url)
    sign_in(qtbot, window)
    lines = tray.icon.toolTip().splitlines()
    assert lines[1] == f"{urlsplit(srv.url).netloc}: Valid"
    assert lines[2].startswith("Expires: 10 min 0 s left — at ")
    assert not tray.icon.icon().isNull()
    clock.advance(95)
    qtbot.waitUntil(lambda: "8 min 25 s left" in tray.icon.toolTip(), timeout=TIMEOUT)


def test_tray_menu_copies_and_refreshes_like_the_window_buttons(
    qtbot: Any, make_window: WindowFactory, demo: DemoServer
) -> None:
    window = make_window(min_attempt_gap=0)
    tray = window.tray
    texts = [action.text() for action in tray.menu.actions() if not action.isSeparator()]
    assert texts == ["&Show window", "Copy &token", "&Refresh now", "&Quit"]
    assert not tray.copy_token_action.isEnabled() and not tray.refresh_action.isEnabled()
    fill(qtbot, window, demo.url)
    sign_in(qtbot, window)
    assert tray.copy_token_action.isEnabled() and tray.refresh_action.isEnabled()
    clipboard = QGuiApplication.clipboard()
    click(qtbot, window, "copyTokenButton")
    from_button = clipboard.text()
    clipboard.clear()
    tray.copy_token_action.trigger()
    assert clipboard.text() == from_button == window.keeper.credentials.access_token
    assert window.statusBar().currentMessage().startswith("Token copied")
    assert window.keeper.last_refresh_at is None
    tray.refresh_action.trigger()
    assert window.keeper.state is S.REFRESHING
    qtbot.waitUntil(lambda: window.keeper.last_refresh_at is not None, timeout=TIMEOUT)
    qtbot.waitUntil(lambda: not window.keeper.busy, timeout=TIMEOUT)  # the new token's probe
    assert window.keeper.state is S.VALID and tray.notifications == []
    window.hide()
    tray.show_action.trigger()
    assert window.isVisible()


def test_failed_refresh_then_expiry_notify(
    qtbot: Any,
    make_window: WindowFactory,
    demo_factory: Callable[..., DemoServer],
    clock: FakeClock,
) -> None:
    srv = demo_factory(access_lifetime=100, fault="html500", fault_on=frozenset({"refresh"}))
    srv.clock = clock
    window = make_window()
    tray = window.tray
    fill(qtbot, window, srv.url)
    sign_in(qtbot, window)
    with qtbot.waitSignal(tray.notified, timeout=TIMEOUT) as failed:
        clock.advance(81)  # past 80 %: the refresh starts on the next tick and fails
    title, message = failed.args
    assert title == "Token refresh failed"
    assert message.startswith("Retrying in 5 s.\nThe server failed with HTTP 500")
    assert len(message) <= 240  # the server's whole page is in the log, not in a pop-up
    with qtbot.waitSignal(tray.notified, timeout=TIMEOUT) as ended:
        clock.advance(20)  # the token runs out while the refresh keeps failing
    assert ended.args[0] == "Session ended"
    host = urlsplit(srv.url).netloc
    assert ended.args[1].startswith(f"The token for {host} has expired. Sign in again.")
    assert window.keeper.state is S.EXPIRED
    assert [t for t, _m in tray.notifications] == ["Token refresh failed", "Session ended"]
    assert "Expired" in tray.icon.toolTip()


def test_refused_refresh_token_notifies_once_that_the_session_ended(
    qtbot: Any,
    make_window: WindowFactory,
    demo_factory: Callable[..., DemoServer],
    clock: FakeClock,
) -> None:
    srv = demo_factory(access_lifetime=100)
    srv.clock = clock
    window = make_window(allow_resign=False)
    tray = window.tray
    fill(qtbot, window, srv.url)
    sign_in(qtbot, window)
    srv.revoke_all()  # the server forgot every token: only a new sign-in helps
    clock.advance(81)
    qtbot.waitUntil(lambda: window.keeper.state is S.SIGN_IN_AGAIN, timeout=TIMEOUT)
    qtbot.wait(50)
    assert [t for t, _m in tray.notifications] == ["Session ended"]
    assert "has ended" in tray.notifications[0][1]


def test_sign_in_errors_and_sign_out_do_not_notify(
    qtbot: Any, make_window: WindowFactory, demo: DemoServer
) -> None:
    window = make_window()
    fill(qtbot, window, demo.url, password="wrong")
    sign_in(qtbot, window, S.ERROR)
    fill(qtbot, window, demo.url)
    sign_in(qtbot, window)
    click(qtbot, window, "signOutButton")
    assert window.tray.notifications == []


def test_settings_toggle_the_tray_icon(qtbot: Any, make_window: WindowFactory) -> None:
    window = make_window()
    assert window.tray.enabled
    dialog = window.open_settings()
    check = dialog.findChild(QCheckBox, "showTrayCheck")
    assert check.isChecked()
    check.setChecked(False)
    dialog.accept()
    assert not window.tray.enabled and not window.tray.is_shown()
    assert window.preferences.current.show_tray is False


def test_notification_text_is_redacted(make_window: WindowFactory) -> None:
    window = make_window()
    secret = "eyJhbGciOiJIUzI1NiJ9.eyJzdWIiOiJ4In0.c2lnbmF0dXJlc2lnbmF0dXJl"
    register_secret(secret)
    window.tray.notify("Session ended", f"token {secret} died; Bearer abc.123.xyz was sent")
    assert secret not in window.tray.notifications[-1][1]
    assert "abc.123.xyz" not in window.tray.notifications[-1][1]


# -- layout ---------------------------------------------------------------------------------
FONT_SCRIPT = """
from PySide6.QtGui import QFontDatabase, QFontInfo
from PySide6.QtWidgets import QApplication
app = QApplication([])
print(QFontInfo(app.font()).family())
print(QFontInfo(QFontDatabase.systemFont(QFontDatabase.SystemFont.FixedFont)).family())
"""
SERIF_EVERYWHERE = """<?xml version="1.0"?>
<!DOCTYPE fontconfig SYSTEM "urn:fontconfig:fonts.dtd">
<fontconfig>{}</fontconfig>
""".format(
    "".join(
        f"<alias binding='strong'><family>{name}</family>"
        "<prefer><family>DejaVu Serif</family></prefer></alias>"
        for name in ("Sans Serif", "sans-serif", "monospace")
    )
)


@pytest.mark.skipif(not sys.platform.startswith("linux"), reason="fontconfig picks Linux fonts")
def test_the_tests_render_in_dejavu_whatever_font_the_machine_prefers(tmp_path: Path) -> None:
    """The layout tests below measure pixels, so they must not depend on the fonts a machine
    happens to prefer (a taller Noto Sans made the 1366×768 form scroll): the suite renders in
    DejaVu Sans and DejaVu Sans Mono (README's fonts-dejavu-core) even where the user's own
    fontconfig asks for another font (here DejaVu Serif, which the same package installs)."""
    preferences = tmp_path / "fontconfig" / "fonts.conf"
    preferences.parent.mkdir()
    preferences.write_text(SERIF_EVERYWHERE, encoding="utf-8")

    def families(env: dict[str, str]) -> list[str]:
        done = subprocess.run(
            [sys.executable, "-c", FONT_SCRIPT],
            env={**env, "XDG_CONFIG_HOME": str(tmp_path), "QT_QPA_PLATFORM": "offscreen"},
            capture_output=True,
            text=True,
            timeout=60,
        )
        assert done.returncode == 0, done.stderr
        return done.stdout.split("\n")[:2]

    machine = {k: v for k, v in os.environ.items() if k != "FONTCONFIG_FILE"}
    assert families(machine) == ["DejaVu Serif", "DejaVu Serif"]  # the preference is real
    pinned = families(dict(os.environ))  # what the tests (and their subprocesses) get
    assert pinned == ["DejaVu Sans", "DejaVu Sans Mono"], "install fonts-dejavu-core (README)"


@pytest.mark.parametrize("size", [(1366, 697), (1280, 650)])
def test_window_fits_small_laptop_screens_without_squeezing(
    qtbot: Any, make_window: WindowFactory, demo: DemoServer, size: tuple[int, int]
) -> None:
    """1366×768 and 1280×720 less a task bar and a title bar, the tallest form showing: at
    1366×768 all of it fits; at 1280×720 the form scrolls, and no control is squeezed."""
    window = make_window()
    window.form.advanced.set_expanded(True)
    window.form.options.verify_tls.setChecked(False)  # the red warning shows too
    fill(qtbot, window, demo.url)
    sign_in(qtbot, window)
    window.resize(*size)
    qtbot.waitUntil(lambda: (window.width(), window.height()) == size, timeout=TIMEOUT)
    area = window.findChild(QScrollArea, "topScrollArea")
    row = area.widget()
    fits = size[0] >= 1366
    qtbot.waitUntil(lambda: area.verticalScrollBar().isVisible() is not fits, timeout=TIMEOUT)
    controls = (QAbstractButton, QLabel, QLineEdit, QComboBox, QAbstractSpinBox)
    checked = 0
    for widget in window.findChildren(QWidget):
        if not isinstance(widget, controls) or not widget.isVisibleTo(window):
            continue
        if isinstance(widget.parentWidget(), (QComboBox, QAbstractSpinBox)):
            continue  # the editor inside a combo box or spin box is the box's business
        where = f"{type(widget).__name__} {widget.objectName()!r}"
        scrolls = row.isAncestorOf(widget) and not fits
        frame = row if scrolls else window  # what scrolls must fit in the scrolled row
        box = QRect(widget.mapTo(frame, QPoint(0, 0)), widget.size())
        assert frame.rect().contains(box), f"{where} is cut off: {box}"
        hint = widget.minimumSizeHint()
        if isinstance(widget, QLabel) and widget.wordWrap():
            assert widget.height() >= widget.heightForWidth(widget.width()), where
        elif not (isinstance(widget, QLabel) and not widget.pixmap().isNull()):
            assert widget.width() >= hint.width(), f"{where} squeezed: {widget.size()}"
            assert widget.height() >= hint.height(), f"{where} squeezed: {widget.size()}"
        checked += 1
    assert checked > 40


def test_the_form_gets_its_room_back_when_advanced_opens(
    qtbot: Any, make_window: WindowFactory
) -> None:
    window = make_window()
    window.resize(1100, 660)
    area = window.findChild(QScrollArea, "topScrollArea")
    closed = area.height()
    window.form.advanced.set_expanded(True)
    # the area grows first; its scroll bar follows at the next layout pass: wait for both
    qtbot.waitUntil(
        lambda: area.height() > closed + 100 and not area.verticalScrollBar().isVisible(),
        timeout=TIMEOUT,
    )
    window.form.advanced.set_expanded(False)
    qtbot.waitUntil(lambda: area.height() == closed, timeout=TIMEOUT)
