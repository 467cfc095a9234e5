"""Keyring writes never hold the GUI thread: a sign-in that remembers the password, a tick, an
untick return at once, the keyring's answer comes later, in the order asked, and a failure
unticks the choice of the profile it was for, whichever profile is shown by then.

The keyring here is an in-memory backend whose writes wait on a gate (as Secret Service over
D-Bus may, or a keyring waiting for its unlock prompt); the window is the real one, signing in
to the demo server over loopback.
"""

from __future__ import annotations

import os
import subprocess
import sys
import textwrap
import threading
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
from PySide6.QtCore import QTimer
from PySide6.QtWidgets import QComboBox

from msauth_gui.devserver import DemoServer
from msauth_gui.gui.profiles import dialogs as profiles_ui
from msauth_gui.gui.session.keeper import KeeperState
from tests.conftest import FakeClock
from tests.memkeyring import WaitingWrites
from tests.test_profiles_window import Env, answer_names, check, log_text
from tests.test_window import TIMEOUT, child, click, fill, sign_in

S = KeeperState
ROOT = Path(__file__).resolve().parent.parent


@pytest.fixture
def env(qtbot: Any, clock: FakeClock, tmp_path: Path) -> Env:
    return Env(qtbot, clock, tmp_path)


@pytest.fixture
def held(env: Env) -> Iterator[WaitingWrites]:
    """The window's keyring, holding every write until ``gate`` is set (set at the end)."""
    env.backend = backend = WaitingWrites()
    yield backend
    backend.gate.set()


def _remembering_sign_in(qtbot: Any, env: Env, demo: DemoServer, held: WaitingWrites) -> Any:
    """A window signed in with "Remember password", its save waiting in the keyring."""
    window = env.window()
    fill(qtbot, window, demo.url)
    click(qtbot, window, "rememberPasswordCheck")
    sign_in(qtbot, window)  # the answer asks the keyring to save the password
    qtbot.waitUntil(held.asked.is_set, timeout=TIMEOUT)
    return window


def test_a_sign_in_that_remembers_the_password_does_not_wait_for_the_keyring(
    qtbot: Any, env: Env, demo: DemoServer, held: WaitingWrites
) -> None:
    window = _remembering_sign_in(qtbot, env, demo, held)
    ticks: list[bool] = []
    QTimer.singleShot(0, lambda: ticks.append(True))  # the window goes on meanwhile
    qtbot.waitUntil(lambda: bool(ticks), timeout=TIMEOUT)
    assert held.entries == {}  # not saved yet: the keyring still holds the write
    assert window.keeper.state is S.VALID
    assert check(window, "rememberPasswordCheck").isChecked()
    held.gate.set()
    assert env.entry("password") == "admin"  # saved once the keyring let it through
    assert held.threads and threading.main_thread() not in held.threads


def test_keyring_writes_keep_their_order_forgetting_after_saving_stays_after_it(
    qtbot: Any, env: Env, demo: DemoServer, held: WaitingWrites
) -> None:
    window = _remembering_sign_in(qtbot, env, demo, held)
    click(qtbot, window, "rememberPasswordCheck")  # unticked while the save still waits
    assert not check(window, "rememberPasswordCheck").isChecked()
    held.gate.set()
    assert env.entry("password") is None  # the forget ran after the save, not before it
    assert held.done == [("set", "password:Default"), ("delete", "password:Default")]
    assert threading.main_thread() not in held.threads


def test_a_keyring_write_failing_later_unticks_only_the_choice_of_its_own_profile(
    qtbot: Any, env: Env, demo: DemoServer, monkeypatch: pytest.MonkeyPatch
) -> None:
    env.backend = backend = WaitingWrites()
    window = env.window()
    try:
        answer_names(monkeypatch, "Склад 2")
        click(qtbot, window, "newProfileButton")
        click(qtbot, window, "rememberPasswordCheck")  # saved with its next sign-in
        combo = child(window, QComboBox, "profileCombo")
        combo.setCurrentText("Default")
        fill(qtbot, window, demo.url)
        click(qtbot, window, "rememberPasswordCheck")
        backend.fail = True  # the keyring locks before the password is saved
        sign_in(qtbot, window)
        qtbot.waitUntil(backend.asked.is_set, timeout=TIMEOUT)
        remember = check(window, "rememberPasswordCheck")
        assert remember.isChecked() and "could not save" not in log_text(window)  # not known yet
        combo.setCurrentText("Склад 2")  # the operator moves on before the keyring answers
        backend.gate.set()
        qtbot.waitUntil(lambda: "could not save a secret" in log_text(window), timeout=TIMEOUT)
        assert "locked" in window.statusBar().currentMessage()
        assert not remember.isChecked() and not remember.isEnabled()
        assert "locked" in remember.toolTip()
        assert combo.currentText() == "Склад 2" and window.keeper.state is S.VALID
        window = env.restart(window)  # the keyring works again at the next start:
        remember = check(window, "rememberPasswordCheck")
        assert remember.isEnabled() and remember.isChecked()  # Склад 2's choice was kept...
        child(window, QComboBox, "profileCombo").setCurrentText("Default")
        assert not remember.isChecked()  # ...the one that could not be kept was not
    finally:
        backend.gate.set()


def test_renaming_and_deleting_a_profile_return_before_the_keyring_answers(
    qtbot: Any, env: Env, demo: DemoServer, monkeypatch: pytest.MonkeyPatch
) -> None:
    env.backend = backend = WaitingWrites()
    backend.gate.set()  # the sign-in's save goes through at once
    window = env.window()
    try:
        fill(qtbot, window, demo.url)
        click(qtbot, window, "rememberPasswordCheck")
        sign_in(qtbot, window)
        assert env.entry("password") == "admin"
        backend.gate.clear()
        backend.done.clear()
        backend.threads.clear()
        answer_names(monkeypatch, "Склад 1")
        click(qtbot, window, "renameProfileButton")  # returns while the keyring holds the move
        combo = child(window, QComboBox, "profileCombo")
        assert combo.currentText() == "Склад 1" and backend.done == []
        monkeypatch.setattr(
            profiles_ui.ConfirmDialog, "ask", classmethod(lambda cls, p, t, q: True)
        )
        click(qtbot, window, "deleteProfileButton")  # so does the delete, queued after it
        assert combo.currentText() == "Default" and backend.done == []
        backend.gate.set()
        assert env.settled() == {}  # moved, then removed: nothing left behind
        assert backend.done == [
            ("set", "password:Склад 1"),
            ("delete", "password:Default"),
            ("delete", "password:Склад 1"),
        ]
        assert threading.main_thread() not in backend.threads
    finally:
        backend.gate.set()


#: a window whose keyring never answers (an unlock prompt left open), closed and quit
HUNG_QUIT = """
    import sys, threading
    from PySide6.QtCore import QSettings, QTimer
    from PySide6.QtWidgets import QApplication
    from msauth_gui.app import build_window
    from msauth_gui.core.secrets import SecretStore
    from tests.memkeyring import MemoryKeyring

    asked = threading.Event()

    class Hung(MemoryKeyring):
        def get_password(self, service, username):
            asked.set()
            threading.Event().wait()

    settings = QSettings(sys.argv[1], QSettings.Format.IniFormat)
    window = build_window([], settings=settings, secrets=SecretStore(Hung()))
    window.show()

    def quit_once_asked():
        if asked.is_set():
            window.close()
            QApplication.quit()
        else:
            QTimer.singleShot(10, quit_once_asked)

    quit_once_asked()
    QApplication.instance().exec()
    print("quit")
"""


def test_quitting_does_not_wait_for_a_keyring_that_never_answers(tmp_path: Path) -> None:
    env = {**os.environ, "QT_QPA_PLATFORM": "offscreen", "PYTHONPATH": str(ROOT)}
    script = textwrap.dedent(HUNG_QUIT)
    ini = str(tmp_path / "msauth.ini")
    try:  # the timeout only stops a process that hangs; it is minutes, never a measure
        done = subprocess.run(
            [sys.executable, "-c", script, ini], env=env, cwd=ROOT, capture_output=True,
            text=True, timeout=60,
        )  # fmt: skip
    except subprocess.TimeoutExpired:
        pytest.fail("the program did not end: quitting waited for the keyring")
    assert done.returncode == 0, done.stderr
    assert done.stdout.strip() == "quit"
