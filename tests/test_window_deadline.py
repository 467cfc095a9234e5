"""Deadline and cancel in the window (issue 10, point 2), against the hostile server.

Sign-out, a new sign-in, closing the check dialog and quitting cancel what is in flight: the
worker is free at once, whatever the server does. Each test waits on conditions (the pool's
active thread count, the server seeing the client hang up), never on a sleep; a test that
measures time prints it and asserts on behaviour.
"""

from __future__ import annotations

import os
import subprocess
import sys
import textwrap
import time
from collections.abc import Callable
from pathlib import Path
from typing import Any

from PySide6.QtWidgets import QLabel, QPlainTextEdit

from msauth_gui.gui.session.keeper import KeeperState, TokenKeeper
from msauth_gui.gui.session.worker import job_pool
from msauth_gui.gui.window.main import MainWindow

from .hostile import HostileServer
from .test_window import child, click, fill

S = KeeperState
TIMEOUT = 5000
#: the most a test waits for a process that should be gone at once
HANG = 60


def _window(qtbot: Any, timeout_s: int = 600) -> MainWindow:
    """A window on the real clock whose requests may each take ``timeout_s`` (600: the most)."""
    keeper = TokenKeeper(tick_ms=20)
    window = MainWindow(keeper=keeper)
    keeper.setParent(window)
    qtbot.addWidget(window)
    window.show()
    qtbot.waitExposed(window)
    window.form.timeout_spin.setValue(timeout_s)
    return window


def _pool_idle() -> bool:
    return job_pool().activeThreadCount() == 0


def test_eight_sign_in_sign_out_cycles_against_a_stall_leave_the_pool_free(
    qtbot: Any, hostile: Callable[..., HostileServer]
) -> None:
    server = hostile("stall")
    window = _window(qtbot)
    fill(qtbot, window, server.url)
    for n in range(1, 9):
        click(qtbot, window, "signInButton")
        assert server.wait_for(requests=n)  # in flight; the answer would take 600 s
        click(qtbot, window, "signOutButton")
        qtbot.waitUntil(_pool_idle, timeout=TIMEOUT)  # cancelled: the worker is free at once
        assert server.wait_for(hangups=n)  # and the connection closed, not left to the server
    server.set("token")  # the server answers now: a ninth sign-in still finds a free worker
    click(qtbot, window, "signInButton")
    qtbot.waitUntil(lambda: window.keeper.state is S.VALID, timeout=TIMEOUT)


def test_a_new_sign_in_cancels_the_one_in_flight(
    qtbot: Any, hostile: Callable[..., HostileServer]
) -> None:
    stalled, answering = hostile("stall"), hostile("token")
    window = _window(qtbot)
    fill(qtbot, window, stalled.url)
    click(qtbot, window, "signInButton")
    assert stalled.wait_for(requests=1)
    click(qtbot, window, "signOutButton")
    fill(qtbot, window, answering.url)
    click(qtbot, window, "signInButton")
    qtbot.waitUntil(lambda: window.keeper.state is S.VALID, timeout=TIMEOUT)
    assert stalled.wait_for(hangups=1)
    qtbot.waitUntil(_pool_idle, timeout=TIMEOUT)


def test_no_complete_answer_within_the_timeout_reaches_status_line_and_log(
    qtbot: Any, hostile: Callable[..., HostileServer]
) -> None:
    server = hostile("slow_body")  # one byte a second, for ever: no read ever times out
    window = _window(qtbot, timeout_s=1)
    fill(qtbot, window, server.url)
    click(qtbot, window, "signInButton")
    qtbot.waitUntil(lambda: window.keeper.state is S.ERROR, timeout=TIMEOUT)
    said = "no complete answer within 1 s"
    assert said in child(window, QLabel, "statusLabel").text()
    assert said in child(window, QPlainTextEdit, "logView").toPlainText()
    assert server.wait_for(hangups=1)


def test_closing_the_window_during_a_stalled_sign_in_and_check_frees_every_worker(
    qtbot: Any, hostile: Callable[..., HostileServer], capsys: Any
) -> None:
    server = hostile("stall")
    window = _window(qtbot)
    fill(qtbot, window, server.url)
    click(qtbot, window, "signInButton")
    click(qtbot, window, "checkServerButton")
    dialog = window.check_dialog
    qtbot.waitUntil(lambda: dialog is not None and dialog.check_started, timeout=TIMEOUT)
    assert server.wait_for(requests=2)  # the sign-in's and the check's requests, both stalled
    assert job_pool().activeThreadCount() == 2
    started = time.monotonic()
    window.close()
    qtbot.waitUntil(_pool_idle, timeout=TIMEOUT)
    took = time.monotonic() - started
    assert server.wait_for(hangups=2)
    assert window.check_dialog is not None and not window.check_dialog.isVisible()
    with capsys.disabled():
        print(f"\nclose during a stalled sign-in and check: workers free in {took * 1000:.0f} ms")


#: the real msauth-gui, started by its main(): sign in and check against URL, close the window
#: when a line arrives on stdin; prints what the process set for itself
DRIVER = textwrap.dedent("""
    import resource, sys
    from PySide6.QtCore import QSocketNotifier, QTimer
    from msauth_gui import app
    from msauth_gui.process import dumpable

    real_build = app.build_window

    def build(argv, **kwargs):
        window = real_build(argv, **kwargs)

        def start():
            window.form.fill(password="pw-1234")
            window.form.timeout_spin.setValue(600)
            window.on_sign_in()
            window.on_check_server()
            core = resource.getrlimit(resource.RLIMIT_CORE)
            print("STARTED", "core", core[0], core[1], "dumpable", dumpable(), flush=True)

        QTimer.singleShot(0, start)
        closer = QSocketNotifier(sys.stdin.fileno(), QSocketNotifier.Type.Read, window)
        closer.activated.connect(window.close)
        return window

    app.build_window = build
    sys.argv = ["msauth-gui", "--server", sys.argv[1], "--login", "admin"]
    code = app.main()
    print("LOOP EXITED", code, flush=True)
    sys.exit(code)
""")


def test_msauth_gui_quits_at_once_during_a_stalled_sign_in_and_check(
    hostile: Callable[..., HostileServer], tmp_path: Path, capsys: Any
) -> None:
    """The whole process: main() turns core dumps off, and closing the window ends the event
    loop and the process while a sign-in and a check wait on a server that never answers."""
    server = hostile("stall")
    env = {
        **os.environ,
        "QT_QPA_PLATFORM": "offscreen",
        "XDG_CONFIG_HOME": str(tmp_path / "config"),  # no settings of the machine's user
        "PYTHON_KEYRING_BACKEND": "keyring.backends.fail.Keyring",  # no keyring asked
        "PYTHONPATH": str(Path(__file__).resolve().parent.parent),
    }
    gui = subprocess.Popen(
        [sys.executable, "-c", DRIVER, server.url],
        stdin=subprocess.PIPE,
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
        env=env,
    )
    try:
        assert gui.stdout is not None and gui.stdin is not None
        started = gui.stdout.readline().split()
        assert started[:1] == ["STARTED"], [*started, gui.stderr.read() if gui.stderr else ""]
        assert started[1:4] == ["core", "0", "0"]  # no core file, soft or hard limit
        if sys.platform.startswith("linux"):
            assert started[4:] == ["dumpable", "0"]
        assert server.wait_for(requests=2)  # both stalled
        began = time.monotonic()
        gui.stdin.write("close\n")
        gui.stdin.flush()
        out, err = gui.communicate(timeout=HANG)
        took = time.monotonic() - began
    finally:
        if gui.poll() is None:
            gui.kill()
            gui.wait()
    assert "LOOP EXITED 0" in out, err
    assert gui.returncode == 0, err
    assert "Traceback" not in err and "unexpectedly" not in err  # every job ended cleanly
    assert server.wait_for(hangups=2)
    with capsys.disabled():
        print(f"\nmsauth-gui quit during a stalled sign-in and check in {took * 1000:.0f} ms")
