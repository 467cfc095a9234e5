"""Profiles, the keyring and the Settings dialog, through the real window and the demo server.

Settings go to an INI file in the test's directory and secrets to an in-memory keyring; a
"restart" is a new window over the same INI file and the same keyring backend.
"""

from __future__ import annotations

import json
import os
import secrets
import tempfile
import threading
import time
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import Any

import pytest
from PySide6.QtCore import QCoreApplication, QSettings, Qt
from PySide6.QtGui import QAction, QGuiApplication
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QLabel,
    QLineEdit,
    QSpinBox,
)
from shiboken6 import isValid

from msauth_gui.app import build_window
from msauth_gui.core.secrets import SERVICE, SecretStore
from msauth_gui.devserver import DemoServer
from msauth_gui.gui.profiles import dialogs as profiles_ui
from msauth_gui.gui.session.keeper import KeeperState, TokenKeeper
from msauth_gui.gui.window.main import MainWindow
from tests.conftest import FakeClock
from tests.memkeyring import LockedKeyring, MemoryKeyring, WaitingKeyring
from tests.test_window import TIMEOUT, child, click, fill, sign_in, status, token_field

S = KeeperState
PASSWORD = "p@ss wörd"


class Env:
    """One operator's machine: a settings file and a keyring that outlive the windows."""

    def __init__(self, qtbot: Any, clock: FakeClock, root: Path) -> None:
        self.qtbot, self.clock = qtbot, clock
        self.ini = root / "config" / "msauth.ini"
        self.backend: Any = MemoryKeyring()
        self.windows: list[MainWindow] = []

    def settled(self) -> dict[tuple[str, str], str]:
        """What the keyring holds once every window's writes were answered (they run on the
        keyring's thread, after the click or sign-in that asked for them returned)."""
        for window in self.windows:
            if isValid(window):
                secrets = window.profiles.secrets
                self.qtbot.waitUntil(lambda s=secrets: s.writing == 0, timeout=TIMEOUT)
        entries: dict[tuple[str, str], str] = self.backend.entries
        return entries

    def entry(self, kind: str, profile: str = "Default") -> str | None:
        return self.settled().get((SERVICE, f"{kind}:{profile}"))

    def window(
        self, store: SecretStore | None = None, *, ready: bool = True, **keeper_args: Any
    ) -> MainWindow:
        settings = QSettings(str(self.ini), QSettings.Format.IniFormat)
        keeper = TokenKeeper(clock=self.clock, **{"tick_ms": 20, **keeper_args})
        window = MainWindow(
            clock=self.clock,
            keeper=keeper,
            settings=settings,
            secrets=store or SecretStore(self.backend),
        )
        keeper.setParent(window)
        self.qtbot.addWidget(window)
        window.show()
        self.qtbot.waitExposed(window)
        if ready:
            self.qtbot.waitUntil(lambda: window.profiles.ready, timeout=TIMEOUT)
        self.windows.append(window)
        return window

    def restart(self, old: MainWindow, **keeper_args: Any) -> MainWindow:
        old.close()
        return self.window(**keeper_args)


@pytest.fixture
def env(qtbot: Any, clock: FakeClock, tmp_path: Path) -> Env:
    return Env(qtbot, clock, tmp_path)


def check(window: MainWindow, name: str) -> QCheckBox:
    return child(window, QCheckBox, name)


def log_text(window: MainWindow) -> str:
    return window.log.text()


def answer_names(monkeypatch: pytest.MonkeyPatch, *names: str | None) -> None:
    """The profile-name dialog answers these, in order."""
    queue = list(names)
    monkeypatch.setattr(
        profiles_ui.ProfileNameDialog, "ask", classmethod(lambda cls, p, t, d: queue.pop(0))
    )


def share_through(monkeypatch: pytest.MonkeyPatch, path: Path) -> None:
    """The export and import file dialogs both answer ``path``."""
    dialogs = profiles_ui.ProfileFileDialog
    monkeypatch.setattr(dialogs, "save_path", classmethod(lambda cls, p, d: str(path)))
    monkeypatch.setattr(dialogs, "open_path", classmethod(lambda cls, p: str(path)))


# -- remember password -------------------------------------------------------------------------
def test_remember_password_after_a_good_sign_in_and_forget_on_untick(
    qtbot: Any, env: Env, demo: DemoServer
) -> None:
    window = env.window()
    click(qtbot, window, "rememberPasswordCheck")
    fill(qtbot, window, demo.url, login="operator", password="wrong")
    sign_in(qtbot, window, expect=S.ERROR)
    assert env.entry("password") is None  # a rejected password is never saved
    fill(qtbot, window, demo.url, login="operator", password=PASSWORD)
    sign_in(qtbot, window)
    assert env.entry("password") == PASSWORD

    window = env.restart(window)
    assert check(window, "rememberPasswordCheck").isChecked()
    assert child(window, QLineEdit, "passwordEdit").text() == PASSWORD
    assert child(window, QComboBox, "serverEdit").currentText() == demo.url
    assert window.keeper.state is S.SIGNED_OUT  # remembering a password does not sign in
    click(qtbot, window, "rememberPasswordCheck")
    assert env.entry("password") is None
    window = env.restart(window)
    assert child(window, QLineEdit, "passwordEdit").text() == ""
    assert not check(window, "rememberPasswordCheck").isChecked()


# -- stay signed in ----------------------------------------------------------------------------
def test_stay_signed_in_resumes_after_restart_with_one_refresh_and_no_password(
    qtbot: Any, env: Env, demo: DemoServer
) -> None:
    window = env.window()
    fill(qtbot, window, demo.url, login="operator", password=PASSWORD)
    click(qtbot, window, "staySignedInCheck")
    sign_in(qtbot, window)
    first_refresh = env.entry("refresh_token")
    assert first_refresh and first_refresh == window.keeper.credentials.refresh_token  # type: ignore[union-attr]
    assert env.entry("password") is None
    tokens = demo.counts["token"]

    window = env.restart(window)  # closing keeps the saved session
    qtbot.waitUntil(lambda: window.keeper.state is S.VALID, timeout=TIMEOUT)
    assert demo.counts["refresh"] == 1
    assert demo.counts["token"] == tokens  # no password sign-in
    assert child(window, QLineEdit, "passwordEdit").text() == ""
    assert demo.tokens.login_for(token_field(window).text(), time.time()) == "operator"
    assert "Resuming the saved session" in log_text(window)
    rotated = window.keeper.credentials.refresh_token  # type: ignore[union-attr]
    assert rotated != first_refresh and env.entry("refresh_token") == rotated


def test_rotation_replaces_the_saved_refresh_token(qtbot: Any, env: Env, demo: DemoServer) -> None:
    window = env.window(min_attempt_gap=0)
    fill(qtbot, window, demo.url)
    click(qtbot, window, "staySignedInCheck")
    sign_in(qtbot, window)
    first = env.entry("refresh_token")
    click(qtbot, window, "refreshButton")
    qtbot.waitUntil(lambda: demo.counts["refresh"] == 1, timeout=TIMEOUT)
    qtbot.waitUntil(lambda: env.entry("refresh_token") != first, timeout=TIMEOUT)
    assert env.entry("refresh_token") == window.keeper.credentials.refresh_token  # type: ignore[union-attr]


def test_dead_saved_session_at_start_says_so_and_is_removed(
    qtbot: Any, env: Env, demo: DemoServer
) -> None:
    window = env.window()
    fill(qtbot, window, demo.url)
    click(qtbot, window, "staySignedInCheck")
    sign_in(qtbot, window)
    assert env.entry("refresh_token")
    tokens = demo.counts["token"]
    window.close()
    demo.revoke_all()  # the server forgot every token (restart, reset, expiry)
    window = env.window()
    qtbot.waitUntil(lambda: window.keeper.state is S.SIGN_IN_AGAIN, timeout=TIMEOUT)
    assert "The saved session has ended; sign in again" in status(window)
    assert env.entry("refresh_token") is None
    assert demo.counts["token"] == tokens and window.keeper.credentials is None
    assert check(window, "staySignedInCheck").isChecked()  # the choice stays for next time


def test_sign_out_removes_the_saved_session_not_the_password(
    qtbot: Any, env: Env, demo: DemoServer
) -> None:
    window = env.window()
    fill(qtbot, window, demo.url)
    click(qtbot, window, "rememberPasswordCheck")
    click(qtbot, window, "staySignedInCheck")
    sign_in(qtbot, window)
    assert env.entry("refresh_token") and env.entry("password") == "admin"
    click(qtbot, window, "signOutButton")
    assert env.entry("refresh_token") is None
    assert env.entry("password") == "admin"
    window = env.restart(window)
    assert window.keeper.state is S.SIGNED_OUT and demo.counts["refresh"] == 0


def test_unticking_stay_signed_in_removes_the_saved_session(
    qtbot: Any, env: Env, demo: DemoServer
) -> None:
    window = env.window()
    fill(qtbot, window, demo.url)
    click(qtbot, window, "staySignedInCheck")
    sign_in(qtbot, window)
    assert env.entry("refresh_token")
    click(qtbot, window, "staySignedInCheck")
    assert env.entry("refresh_token") is None
    click(qtbot, window, "staySignedInCheck")  # ticked while signed in: saved at once
    assert env.entry("refresh_token") == window.keeper.credentials.refresh_token  # type: ignore[union-attr]


# -- profiles ----------------------------------------------------------------------------------
def test_profiles_switch_fill_the_form_and_the_last_used_opens_at_start(
    qtbot: Any, env: Env, demo: DemoServer, monkeypatch: pytest.MonkeyPatch
) -> None:
    window = env.window()
    combo = child(window, QComboBox, "profileCombo")
    fill(qtbot, window, demo.url, login="operator", method="session")
    answer_names(monkeypatch, "Склад 2", "Склад 2 copy")
    click(qtbot, window, "newProfileButton")
    assert combo.currentText() == "Склад 2"
    assert child(window, QComboBox, "serverEdit").currentText() == ""  # a new profile is empty
    fill(qtbot, window, "http://wms-test:9706", login="petr", method="basic")
    combo.setCurrentText("Default")
    assert child(window, QComboBox, "serverEdit").currentText() == demo.url
    assert child(window, QLineEdit, "loginEdit").text() == "operator"
    assert child(window, QComboBox, "methodCombo").currentData() == "session"
    combo.setCurrentText("Склад 2")
    assert child(window, QLineEdit, "loginEdit").text() == "petr"
    click(qtbot, window, "duplicateProfileButton")
    assert combo.currentText() == "Склад 2 copy"
    assert [combo.itemText(i) for i in range(combo.count())] == [
        "Default",
        "Склад 2",
        "Склад 2 copy",
    ]

    window = env.restart(window)
    combo = child(window, QComboBox, "profileCombo")
    assert combo.currentText() == "Склад 2 copy"
    assert child(window, QComboBox, "serverEdit").currentText() == "http://wms-test:9706"
    assert child(window, QComboBox, "methodCombo").currentData() == "basic"
    assert combo.count() == 3


def test_a_sign_in_that_changes_no_profile_leaves_the_settings_file_alone(
    qtbot: Any, env: Env, demo: DemoServer
) -> None:
    """Each sign-in rewrote every profile (and synced the file) on the GUI thread, even with
    nothing changed, over what another window had saved meanwhile."""
    window = env.window()
    fill(qtbot, window, demo.url)
    sign_in(qtbot, window)  # the profile takes the form's server and login: written
    click(qtbot, window, "signOutButton")
    text = env.ini.read_text(encoding="utf-8")
    assert "login=admin" in text
    env.ini.write_text(text.replace("login=admin", "login=edited-elsewhere"), encoding="utf-8")
    sign_in(qtbot, window)  # the same form again: nothing to write
    assert "login=edited-elsewhere" in env.ini.read_text(encoding="utf-8")


def test_sign_ins_and_refreshes_to_the_first_recent_server_do_not_write_the_settings_file(
    qtbot: Any, env: Env, demo: DemoServer
) -> None:
    """The recent-server list was set on every sign-in and background refresh, changed or not,
    and QSettings then wrote its file on the GUI thread in the answer's turn (2-5 ms)."""
    window = env.window(min_attempt_gap=0)
    fill(qtbot, window, demo.url)
    sign_in(qtbot, window)
    QCoreApplication.sendPostedEvents()  # QSettings writes on an event it posts to itself
    assert demo.url in env.ini.read_text(encoding="utf-8")  # remembered for the next start
    written = env.ini.stat().st_mtime_ns
    refreshes = demo.counts["refresh"]
    click(qtbot, window, "refreshButton")
    qtbot.waitUntil(lambda: demo.counts["refresh"] > refreshes, timeout=TIMEOUT)
    qtbot.waitUntil(lambda: window.keeper.state is S.VALID, timeout=TIMEOUT)
    click(qtbot, window, "signOutButton")
    sign_in(qtbot, window)
    QCoreApplication.sendPostedEvents()
    assert env.ini.stat().st_mtime_ns == written


def test_rename_moves_the_secrets_and_delete_removes_them(
    qtbot: Any,
    env: Env,
    demo_factory: Callable[..., DemoServer],
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    srv = demo_factory(client_secret="team-client-secret")
    window = env.window()
    fill(qtbot, window, srv.url)
    client_secret = child(window, QLineEdit, "clientSecretEdit")
    client_secret.setText("team-client-secret")
    click(qtbot, window, "rememberPasswordCheck")
    click(qtbot, window, "staySignedInCheck")
    sign_in(qtbot, window)
    kinds = ("password", "refresh_token", "client_secret")
    assert all(env.entry(kind) for kind in kinds)
    assert "team-client-secret" not in env.ini.read_text(encoding="utf-8")

    answer_names(monkeypatch, "Склад 1")
    click(qtbot, window, "renameProfileButton")
    assert child(window, QComboBox, "profileCombo").currentText() == "Склад 1"
    assert all(env.entry(kind) is None for kind in kinds)
    assert env.entry("client_secret", "Склад 1") == "team-client-secret"
    assert env.entry("password", "Склад 1") == "admin"

    monkeypatch.setattr(profiles_ui.ConfirmDialog, "ask", classmethod(lambda cls, p, t, q: True))
    click(qtbot, window, "deleteProfileButton")
    assert env.settled() == {}
    combo = child(window, QComboBox, "profileCombo")
    assert [combo.itemText(i) for i in range(combo.count())] == ["Default"]
    assert client_secret.text() == "user"  # a fresh profile shows the default secret
    assert "Склад 1" not in env.ini.read_text(encoding="utf-8")


def test_deleting_the_profile_of_the_live_session_signs_out_first(
    qtbot: Any, env: Env, demo: DemoServer, monkeypatch: pytest.MonkeyPatch
) -> None:
    window = env.window()
    answer_names(monkeypatch, "Склад 2")
    click(qtbot, window, "newProfileButton")
    fill(qtbot, window, demo.url)
    click(qtbot, window, "staySignedInCheck")
    sign_in(qtbot, window)
    click(qtbot, window, "copyTokenButton")
    assert env.entry("refresh_token", "Склад 2") and window.keeper.active_timers()
    asked: list[str] = []
    monkeypatch.setattr(
        profiles_ui.ConfirmDialog, "ask", classmethod(lambda c, p, t, q: asked.append(q) or True)
    )
    combo = child(window, QComboBox, "profileCombo")
    click(qtbot, window, "deleteProfileButton")
    assert "signs you out" in asked[-1]  # the question says so
    assert window.keeper.state is S.SIGNED_OUT and window.keeper.credentials is None
    assert window.keeper.active_timers() == []  # nothing refreshes a deleted profile's token
    assert token_field(window).text() == "" and QGuiApplication.clipboard().text() == ""
    assert env.settled() == {}
    log = log_text(window)
    assert log.index("Signed out") < log.index("Profile “Склад 2” deleted")
    assert combo.currentText() == "Default"


def test_deleting_another_profile_keeps_the_session(
    qtbot: Any, env: Env, demo: DemoServer, monkeypatch: pytest.MonkeyPatch
) -> None:
    window = env.window()
    fill(qtbot, window, demo.url)
    sign_in(qtbot, window)
    answer_names(monkeypatch, "Склад 2")
    click(qtbot, window, "newProfileButton")  # the session stays Default's
    asked: list[str] = []
    monkeypatch.setattr(
        profiles_ui.ConfirmDialog, "ask", classmethod(lambda c, p, t, q: asked.append(q) or True)
    )
    click(qtbot, window, "deleteProfileButton")
    assert "signs you out" not in asked[-1]
    assert window.keeper.state is S.VALID and window.keeper.active_timers()


def test_command_line_server_gets_its_own_profile(qtbot: Any, env: Env, demo: DemoServer) -> None:
    settings = QSettings(str(env.ini), QSettings.Format.IniFormat)
    store = SecretStore(env.backend)
    args = ["--server", demo.url, "--login", "admin"]
    host = demo.url.split("//", 1)[1]  # 127.0.0.1:port names the new profile
    for _ in range(2):  # the second start finds the profile the first one made
        window = build_window(args, settings=settings, secrets=store)
        qtbot.addWidget(window)
        combo = child(window, QComboBox, "profileCombo")
        assert combo.currentText() == host
        assert [combo.itemText(i) for i in range(combo.count())] == ["Default", host]
        assert child(window, QComboBox, "serverEdit").currentText() == demo.url
        window.close()


# -- no keyring, locked keyring ----------------------------------------------------------------
def test_no_keyring_backend_disables_the_options_and_sign_in_works(
    qtbot: Any, env: Env, demo: DemoServer, monkeypatch: pytest.MonkeyPatch
) -> None:
    import keyring
    from keyring.backends import fail

    monkeypatch.setattr(keyring, "get_keyring", lambda: fail.Keyring())
    window = env.window(store=SecretStore())
    label = child(window, QLabel, "keyringStatusLabel")
    assert label.isVisible() and "no system keyring" in label.text()
    for name in ("rememberPasswordCheck", "staySignedInCheck"):
        box = check(window, name)
        assert not box.isEnabled()
        assert "Secret Service" in box.toolTip()
    fill(qtbot, window, demo.url)
    sign_in(qtbot, window)
    assert token_field(window).text()


def test_locked_keyring_disables_both_options_for_every_profile_before_sign_in(
    qtbot: Any, env: Env, demo: DemoServer, monkeypatch: pytest.MonkeyPatch
) -> None:
    env.backend = LockedKeyring()
    window = env.window()
    said = "The system keyring could not read a saved secret: KeyringLocked"
    answer_names(monkeypatch, "Склад 2")
    click(qtbot, window, "newProfileButton")
    combo = child(window, QComboBox, "profileCombo")
    for name in ["Default", "Склад 2", "Default", "Склад 2"]:
        combo.setCurrentText(name)
        for box in (check(window, "rememberPasswordCheck"), check(window, "staySignedInCheck")):
            assert not box.isEnabled() and not box.isChecked()
            assert "locked" in box.toolTip()
            qtbot.mouseClick(box, Qt.MouseButton.LeftButton)  # a click does nothing
            assert not box.isChecked()
        label = child(window, QLabel, "keyringStatusLabel")
        assert label.isVisible() and "cannot be saved" in label.text() and "locked" in label.text()
    fill(qtbot, window, demo.url)
    sign_in(qtbot, window)  # the sign-in itself is not hurt, and nothing complains after it
    assert window.keeper.state is S.VALID
    assert log_text(window).count(said) == 1  # said once, at start, not at each switch
    assert "could not save" not in log_text(window)
    assert env.backend.calls == 1  # probed once; nothing tried again
    window.close()
    stored = env.ini.read_text(encoding="utf-8")
    assert "remember_password=false" in stored and "remember_password=true" not in stored
    assert "stay_signed_in=true" not in stored


def test_keyring_is_looked_at_off_the_gui_thread_checking_meanwhile(
    qtbot: Any, env: Env, demo: DemoServer
) -> None:
    env.backend = backend = WaitingKeyring()
    window = env.window(ready=False)
    qtbot.waitUntil(backend.asked.is_set, timeout=TIMEOUT)  # the keyring is being read, and...
    checking = child(window, QLabel, "keyringStatusLabel")
    assert checking.isVisible() and checking.text() == "checking the keyring…"
    for name in ("rememberPasswordCheck", "staySignedInCheck"):
        assert not check(window, name).isEnabled()
        assert check(window, name).toolTip() == "checking the keyring…"
    fill(qtbot, window, demo.url)  # ...the window answers meanwhile: typing works
    assert child(window, QLineEdit, "loginEdit").text() == "admin"
    assert not window.profiles.ready
    backend.gate.set()
    qtbot.waitUntil(lambda: window.profiles.ready, timeout=TIMEOUT)
    assert not checking.isVisible() and check(window, "rememberPasswordCheck").isEnabled()
    assert not child(window, QLabel, "keyringStatusLabel").isVisible()
    assert backend.threads and threading.main_thread() not in backend.threads


def test_switching_profiles_reads_the_keyring_off_the_gui_thread_checking_meanwhile(
    qtbot: Any, env: Env, demo: DemoServer, monkeypatch: pytest.MonkeyPatch
) -> None:
    env.backend = backend = WaitingKeyring()
    backend.gate.set()  # answers at once, for now
    window = env.window()
    fill(qtbot, window, demo.url)
    click(qtbot, window, "rememberPasswordCheck")
    sign_in(qtbot, window)
    answer_names(monkeypatch, "Склад 2")
    click(qtbot, window, "newProfileButton")
    combo = child(window, QComboBox, "profileCombo")
    password = child(window, QLineEdit, "passwordEdit")
    label = child(window, QLabel, "keyringStatusLabel")
    backend.gate.clear()
    backend.threads.clear()
    try:
        combo.setCurrentText("Default")  # returns at once: the keyring is read elsewhere...
        assert label.isVisible() and label.text() == "checking the keyring…"
        assert not check(window, "rememberPasswordCheck").isEnabled()
        assert password.text() == ""
        backend.gate.set()  # ...and its answer fills the form
        qtbot.waitUntil(lambda: password.text() == "admin", timeout=TIMEOUT)
        assert not label.isVisible() and check(window, "rememberPasswordCheck").isEnabled()
        assert check(window, "rememberPasswordCheck").isChecked()
        assert backend.threads and threading.main_thread() not in backend.threads

        backend.gate.clear()  # an answer for a profile no longer shown fills nothing in
        combo.setCurrentText("Склад 2")
        combo.setCurrentText("Default")
        combo.setCurrentText("Склад 2")
        assert label.text() == "checking the keyring…"
        backend.gate.set()
        qtbot.waitUntil(lambda: not label.isVisible(), timeout=TIMEOUT)
        assert password.text() == "" and combo.currentText() == "Склад 2"
    finally:
        backend.gate.set()


def test_keyring_that_locks_later_unticks_the_choice_it_could_not_keep(
    qtbot: Any, env: Env, demo: DemoServer
) -> None:
    env.backend = backend = LockedKeyring()
    backend.locked = False  # unlocked at start...
    window = env.window()
    click(qtbot, window, "rememberPasswordCheck")
    backend.locked = True  # ...locked before the password is saved
    fill(qtbot, window, demo.url)
    sign_in(qtbot, window)
    qtbot.waitUntil(lambda: "could not save a secret" in log_text(window), timeout=TIMEOUT)
    assert "locked" in window.statusBar().currentMessage()
    remember = check(window, "rememberPasswordCheck")
    assert not remember.isEnabled() and not remember.isChecked() and "locked" in remember.toolTip()
    assert child(window, QLabel, "keyringStatusLabel").isVisible()
    assert window.keeper.state is S.VALID
    assert "remember_password=true" not in env.ini.read_text(encoding="utf-8")


def test_keyring_loading_error_at_start_is_a_message(
    qtbot: Any, env: Env, demo: DemoServer
) -> None:
    window = env.window()
    fill(qtbot, window, demo.url)
    click(qtbot, window, "rememberPasswordCheck")
    sign_in(qtbot, window)
    saved = env.backend
    env.backend = LockedKeyring()  # locked before the next start
    window = env.restart(window)
    assert "could not read a saved secret" in log_text(window)
    assert child(window, QLineEdit, "passwordEdit").text() == ""
    assert not check(window, "staySignedInCheck").isEnabled()
    assert not check(window, "rememberPasswordCheck").isChecked()  # it cannot be kept now...
    env.backend = saved  # ...but the choice is: unlocked again, the password is back
    window = env.restart(window)
    assert check(window, "rememberPasswordCheck").isChecked()
    assert child(window, QLineEdit, "passwordEdit").text() == "admin"


# -- import and export -------------------------------------------------------------------------
def test_export_has_no_secrets_and_imports_into_another_machine(
    qtbot: Any,
    env: Env,
    demo_factory: Callable[..., DemoServer],
    monkeypatch: pytest.MonkeyPatch,
    tmp_path: Path,
) -> None:
    srv = demo_factory(client_secret="team-client-secret")
    window = env.window()
    fill(qtbot, window, srv.url, login="operator", password=PASSWORD, method="oauth")
    child(window, QLineEdit, "clientSecretEdit").setText("team-client-secret")
    click(qtbot, window, "rememberPasswordCheck")
    click(qtbot, window, "staySignedInCheck")
    sign_in(qtbot, window)
    refresh_token = window.keeper.credentials.refresh_token  # type: ignore[union-attr]
    exported = tmp_path / "team.json"
    share_through(monkeypatch, exported)
    window.findChild(QAction, "exportProfilesAction").trigger()
    text = exported.read_text(encoding="utf-8")
    for secret in (PASSWORD, "team-client-secret", refresh_token, token_field(window).text()):
        assert secret not in text
    assert "remember_password" not in text and srv.url in text

    other = Env(qtbot, env.clock, tmp_path / "colleague")
    window2 = other.window()
    window2.findChild(QAction, "importProfilesAction").trigger()
    combo = child(window2, QComboBox, "profileCombo")
    assert [combo.itemText(i) for i in range(combo.count())] == ["Default", "Default (2)"]
    combo.setCurrentText("Default (2)")
    assert child(window2, QComboBox, "serverEdit").currentText() == srv.url
    assert child(window2, QLineEdit, "loginEdit").text() == "operator"
    assert child(window2, QLineEdit, "passwordEdit").text() == ""
    assert child(window2, QLineEdit, "clientSecretEdit").text() == "user"
    assert not check(window2, "rememberPasswordCheck").isChecked()


def test_imported_profile_with_its_own_client_secret_says_to_enter_it_again(
    qtbot: Any,
    env: Env,
    demo_factory: Callable[..., DemoServer],
    monkeypatch: pytest.MonkeyPatch,
    tmp_path: Path,
) -> None:
    team, plain = demo_factory(client_secret="team-client-secret"), demo_factory()
    window = env.window()
    fill(qtbot, window, team.url)
    child(window, QLineEdit, "clientSecretEdit").setText("team-client-secret")
    sign_in(qtbot, window)
    answer_names(monkeypatch, "Plain")
    click(qtbot, window, "newProfileButton")
    fill(qtbot, window, plain.url)  # the default client secret
    exported = tmp_path / "team.json"
    share_through(monkeypatch, exported)
    window.findChild(QAction, "exportProfilesAction").trigger()
    text = exported.read_text(encoding="utf-8")
    assert "team-client-secret" not in text and text.count('"own_client_secret": true') == 1

    other = Env(qtbot, env.clock, tmp_path / "colleague")
    window2 = other.window()
    window2.findChild(QAction, "importProfilesAction").trigger()
    hint = "“Default (2)” has a client secret of its own, which is never exported: enter it again"
    assert hint in log_text(window2) and hint in window2.statusBar().currentMessage()
    assert "“Plain” has a client secret" not in log_text(window2)
    combo = child(window2, QComboBox, "profileCombo")
    combo.setCurrentText("Plain")
    combo.setCurrentText("Default (2)")  # said again whenever it is shown...
    assert log_text(window2).count(hint) == 2
    assert child(window2, QLineEdit, "clientSecretEdit").text() == "user"
    child(window2, QLineEdit, "clientSecretEdit").setText("team-client-secret")
    fill(qtbot, window2, team.url)
    sign_in(qtbot, window2)
    window2 = other.restart(window2)  # ...until the secret is entered
    combo = child(window2, QComboBox, "profileCombo")
    assert combo.currentText() == "Default (2)" and hint not in log_text(window2)
    assert child(window2, QLineEdit, "clientSecretEdit").text() == "team-client-secret"


def test_importing_a_bad_file_is_a_message(
    qtbot: Any, env: Env, monkeypatch: pytest.MonkeyPatch, tmp_path: Path
) -> None:
    bad = tmp_path / "bad.json"
    bad.write_text("{not json", encoding="utf-8")
    monkeypatch.setattr(
        profiles_ui.ProfileFileDialog, "open_path", classmethod(lambda cls, p: str(bad))
    )
    window = env.window()
    window.findChild(QAction, "importProfilesAction").trigger()
    assert "not JSON" in window.statusBar().currentMessage()
    assert child(window, QComboBox, "profileCombo").count() == 1


# -- settings dialog ---------------------------------------------------------------------------
def test_settings_dialog_changes_and_keeps_the_preferences(
    qtbot: Any, env: Env, demo_factory: Callable[..., DemoServer]
) -> None:
    srv = demo_factory(access_lifetime=100)
    srv.clock = env.clock
    window = env.window()
    assert window.clipboard.clear_ms == 30_000 and window.keeper.refresh_fraction == 0.8
    window.findChild(QAction, "settingsAction").trigger()
    dialog = window.findChild(QDialog, "settingsDialog")
    qtbot.waitUntil(lambda: dialog.isVisible(), timeout=TIMEOUT)
    dialog.findChild(QCheckBox, "clipboardClearCheck").setChecked(False)
    dialog.findChild(QSpinBox, "refreshPercentSpin").setValue(50)
    dialog.findChild(QCheckBox, "signInAgainCheck").setChecked(False)
    dialog.findChild(QSpinBox, "logLinesSpin").setValue(200)
    assert dialog.findChild(QComboBox, "languageCombo").currentText() == "System language"
    buttons = dialog.findChild(QDialogButtonBox)
    ok = buttons.button(QDialogButtonBox.StandardButton.Ok)
    qtbot.mouseClick(ok, Qt.MouseButton.LeftButton)
    assert not dialog.isVisible()
    assert window.clipboard.clear_ms == 0
    assert window.keeper.refresh_fraction == 0.5
    assert window.keeper.allow_resign is False
    assert window.preferences.current.allow_resign is False  # the one place it is kept
    assert window.log.view.maximumBlockCount() == 200
    fill(qtbot, window, srv.url)
    sign_in(qtbot, window)
    assert window.keeper.next_refresh_at == pytest.approx(env.clock() + 50, abs=1)

    window = env.restart(window)
    assert window.clipboard.clear_ms == 0 and window.keeper.refresh_fraction == 0.5
    assert window.keeper.allow_resign is False and window.log.view.maximumBlockCount() == 200
    dialog = window.open_settings()
    dialog.findChild(QCheckBox, "clipboardClearCheck").setChecked(True)
    dialog.findChild(QSpinBox, "clipboardClearSpin").setValue(5)
    dialog.reject()  # Cancel changes nothing
    assert window.clipboard.clear_ms == 0
    dialog = window.open_settings()
    dialog.findChild(QCheckBox, "clipboardClearCheck").setChecked(True)
    dialog.findChild(QSpinBox, "clipboardClearSpin").setValue(5)
    dialog.accept()
    assert window.clipboard.clear_ms == 5000


# -- the audit ---------------------------------------------------------------------------------
def _files_changed_since(root: Path, since: float) -> Iterator[Path]:
    """Files under ``root`` changed since ``since``, on ``root``'s own file system only: another
    one mounted below (a chroot's /proc, say) holds nothing of ours, and reading /proc/kmsg
    would block."""
    device = root.stat().st_dev
    for folder, dirs, files in os.walk(root, onerror=lambda _e: None):
        dirs[:] = [d for d in dirs if _same_device(Path(folder, d), device)]
        for name in files:
            path = Path(folder, name)
            try:
                info = path.lstat()
            except OSError:
                continue
            if info.st_dev != device:
                continue
            if path.is_symlink() or not path.is_file() or info.st_size > 20_000_000:
                continue
            if info.st_mtime >= since:
                yield path


def _same_device(path: Path, device: int) -> bool:
    try:
        return path.lstat().st_dev == device
    except OSError:
        return False


def test_no_secret_lands_in_a_file(
    qtbot: Any, env: Env, demo_factory: Callable[..., DemoServer]
) -> None:
    started = time.time() - 1
    password = "audit-" + secrets.token_urlsafe(12)
    srv = demo_factory(users={"auditor": password})
    window = env.window()
    fill(qtbot, window, srv.url, login="auditor", password=password)
    click(qtbot, window, "rememberPasswordCheck")
    click(qtbot, window, "staySignedInCheck")
    sign_in(qtbot, window)
    creds = window.keeper.credentials
    assert creds is not None and creds.refresh_token
    needles = [password, creds.access_token, creds.refresh_token]  # type: ignore[union-attr]
    assert env.entry("password") == password  # they are saved: in the keyring
    window.close()  # the profile and settings are written (and synced) on close

    roots = [env.ini.parent, Path(tempfile.gettempdir())]
    searched = 0
    for root in roots:
        for path in _files_changed_since(root, started):
            try:
                data = path.read_bytes()
            except OSError:
                continue  # unreadable: not ours
            searched += 1
            for needle in needles:
                assert needle.encode() not in data, f"a secret is in {path}"
    assert searched >= 1 and env.ini.exists()


def test_client_secret_back_to_default_leaves_the_keyring(
    qtbot: Any, env: Env, demo_factory: Callable[..., DemoServer]
) -> None:
    srv = demo_factory(client_secret="team-client-secret")
    window = env.window()
    fill(qtbot, window, srv.url)
    secret_edit = child(window, QLineEdit, "clientSecretEdit")
    secret_edit.setText("team-client-secret")
    sign_in(qtbot, window)
    assert env.entry("client_secret") == "team-client-secret"
    window = env.restart(window)
    secret_edit = child(window, QLineEdit, "clientSecretEdit")
    assert secret_edit.text() == "team-client-secret"  # back from the keyring
    secret_edit.setText("user")
    window = env.restart(window)  # closing keeps the form in the profile
    assert env.entry("client_secret") is None
    assert child(window, QLineEdit, "clientSecretEdit").text() == "user"


def test_an_imported_token_url_on_another_server_is_left_out_and_said(
    qtbot: Any, env: Env, monkeypatch: pytest.MonkeyPatch, tmp_path: Path
) -> None:
    """A shared file must not send the operator's password to a host it names."""
    shared = tmp_path / "shared.json"
    shared.write_text(
        json.dumps(
            {
                "format": "msauth-gui profiles",
                "version": 1,
                "profiles": [
                    {
                        "name": "Prod",
                        "server": "https://wms.example:9000",
                        "token_url": "https://collector.example/oauth/token\x1b]0;x\x07",
                    }
                ],
            }
        ),
        encoding="utf-8",
    )
    share_through(monkeypatch, shared)
    window = env.window()
    window.findChild(QAction, "importProfilesAction").trigger()
    child(window, QComboBox, "profileCombo").setCurrentText("Prod")
    assert child(window, QLineEdit, "tokenUrlEdit").text() == ""
    log = window.log.text()
    assert "Imported 1 profile from shared.json." in log
    assert "https://collector.example/oauth/token\\x1b]0;x\\x07 is on another server" in log
    assert "\x1b" not in log


def test_a_huge_file_chosen_for_import_is_refused_unread(
    qtbot: Any, env: Env, monkeypatch: pytest.MonkeyPatch, tmp_path: Path
) -> None:
    """The import reads on the GUI thread: a log or a dump picked by mistake froze the window."""
    huge = tmp_path / "huge.json"
    huge.write_bytes(b'{"format": "msauth-gui profiles", "profiles": [' + b" " * (2 << 20) + b"]}")
    share_through(monkeypatch, huge)
    window = env.window()
    window.findChild(QAction, "importProfilesAction").trigger()
    assert f"{huge} is too large for a profiles file (over 1 MiB)" in window.log.text()
    combo = child(window, QComboBox, "profileCombo")
    assert [combo.itemText(i) for i in range(combo.count())] == ["Default"]
