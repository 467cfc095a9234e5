"""Attacks on the window that broke a promise: no traceback, nothing a shared file can do to it.
The real window (offscreen), real files; pytest-qt fails a test on any exception in a slot."""

from __future__ import annotations

import json
import os
import shlex
import subprocess
import sys
from pathlib import Path
from typing import Any

import pytest
from PySide6.QtGui import QAction, QGuiApplication
from PySide6.QtWidgets import QComboBox, QSpinBox

from msauth_gui.devserver import DemoServer

from .conftest import FakeClock
from .shells import cmd_argv, powershell_call
from .test_profiles_window import Env, share_through
from .test_window import child, fill, sign_in


@pytest.fixture
def env(qtbot: Any, clock: FakeClock, tmp_path: Path) -> Env:
    return Env(qtbot, clock, tmp_path)


@pytest.mark.parametrize("timeout", ["1e20", "Infinity", "3601", "NaN"])
def test_an_imported_profile_with_an_absurd_timeout_is_refused_with_a_message(
    qtbot: Any, env: Env, monkeypatch: pytest.MonkeyPatch, tmp_path: Path, timeout: str
) -> None:
    """A profiles file anyone can hand over: "timeout": 1e20 raised OverflowError in the slot
    that shows a profile (a traceback on the terminal, the form half filled)."""
    shared = tmp_path / "team.json"
    shared.write_text(
        '{"format": "msauth-gui profiles", "version": 1, "profiles": '
        f'[{{"name": "Shared", "server": "http://127.0.0.1:9", "timeout": {timeout}}}]}}',
        encoding="utf-8",
    )
    share_through(monkeypatch, shared)
    window = env.window()
    window.findChild(QAction, "importProfilesAction").trigger()
    combo = child(window, QComboBox, "profileCombo")
    assert [combo.itemText(i) for i in range(combo.count())] == ["Default"]
    assert "timeout has a wrong value" in window.statusBar().currentMessage()
    assert child(window, QSpinBox, "timeoutSpin").value() == 15


#: a shared profile's probe path that ends the copied command and starts another one
PROBE_THEN_COMMAND = "/DocTypes?$top=1\r\ncalc.exe\r\n"


@pytest.mark.parametrize("shell", ["Cmd", "PowerShell", "Posix"])
def test_a_shared_profile_cannot_add_a_command_to_copy_as_curl(
    qtbot: Any,
    env: Env,
    demo: DemoServer,
    monkeypatch: pytest.MonkeyPatch,
    tmp_path: Path,
    shell: str,
) -> None:
    """A profiles file anyone can hand over: a line break in its probe path went into "Copy
    as curl" as it stood (the sign-in works: requests percent-encodes the probe URL), so pasting
    the command into cmd ran ``calc.exe`` after curl. The command is one line, for the URL the
    probe asked for."""
    profile = {"name": "Shared", "server": demo.url, "probe_path": PROBE_THEN_COMMAND}
    shared = tmp_path / "team.json"
    document = {"format": "msauth-gui profiles", "version": 1, "profiles": [profile]}
    shared.write_text(json.dumps(document), encoding="utf-8")
    share_through(monkeypatch, shared)
    window = env.window()
    window.findChild(QAction, "importProfilesAction").trigger()
    child(window, QComboBox, "profileCombo").setCurrentText("Shared")
    fill(qtbot, window, demo.url)
    sign_in(qtbot, window)
    probed = demo.url + "/api/v1/DocTypes?$top=1%0D%0Acalc.exe"  # what requests sent

    child(window, QAction, f"curlShell{shell}").trigger()
    command = QGuiApplication.clipboard().text()
    assert "\r" not in command and "\n" not in command
    if shell == "Cmd":
        argv = cmd_argv(command, {})  # Broken at a line break
        assert argv[-1] == probed and "calc.exe" not in argv[:-1]
    elif shell == "PowerShell":
        call = powershell_call(command)  # Broken unless one call
        assert call.command == "Invoke-RestMethod" and call.params["-Uri"] == probed
    else:
        argv = shlex.split(command)
        assert argv[0] == "curl" and argv[-1] == probed


#: a window process where a bug raises in a Qt slot, in a thread and in ``__del__``, each
#: exception carrying a secret (a registered token; a session URL with the password in it)
CRASHING = """
import threading
from PySide6.QtCore import QTimer
from PySide6.QtWidgets import QApplication
from msauth_gui.app import prepare_process
from msauth_gui.core.redact import register_secret

prepare_process()
app = QApplication([])
register_secret("tok-Z9y8X7w6V5u4")

def slot():
    raise KeyError("Bearer tok-Z9y8X7w6V5u4")

class Leaky:
    def __del__(self):
        raise ValueError("/api/v1/session?username=op&password=Hunter2-Secret \\x1b]52;c;x\\x07")

def thread():
    raise OSError("GET https://wms/api/v1/session?username=op&password=Hunter2-Secret")

QTimer.singleShot(0, slot)
QTimer.singleShot(0, lambda: Leaky() and None)
QTimer.singleShot(0, lambda: threading.Thread(target=thread).start())
QTimer.singleShot(300, app.quit)
print("went on", app.exec())
"""


def test_a_bug_in_the_window_process_writes_one_redacted_line_not_a_traceback() -> None:
    """Nothing replaced Python's traceback printing in the window's process: an exception in
    a slot or a thread printed a traceback with the exception's text (a token, a session URL
    with the password) to the terminal, and an escape sequence as it was."""
    env = {**os.environ, "QT_QPA_PLATFORM": "offscreen"}
    done = subprocess.run(
        [sys.executable, "-c", CRASHING], capture_output=True, text=True, env=env, timeout=60
    )
    assert done.returncode == 0 and "went on 0" in done.stdout  # the window goes on
    lines = done.stderr.splitlines()
    assert "Traceback" not in done.stderr and "\x1b" not in done.stderr
    for secret in ("tok-Z9y8X7w6V5u4", "Hunter2-Secret"):
        assert secret not in done.stderr
    said = sorted(line.split(")")[0] for line in lines if "unexpected error" in line)
    assert said == [
        f"msauth-gui: unexpected error ({kind}" for kind in ("KeyError", "OSError", "ValueError")
    ]


@pytest.mark.parametrize(
    "text",
    [
        "[" * 100_000,  # nested past Python's recursion limit
        '{"format": "msauth-gui profiles", "version": 1, "profiles": '
        '[{"name": "Shared", "timeout": 1' + "0" * 5000 + "}]}",  # past int()'s 4,300 digits
    ],
    ids=["deep", "digits"],
)
def test_an_unreadable_profiles_file_is_a_message_not_a_traceback(
    qtbot: Any, env: Env, monkeypatch: pytest.MonkeyPatch, tmp_path: Path, text: str
) -> None:
    """Only json.JSONDecodeError was caught: a file nested too deep (RecursionError) or with a
    5,000-digit number (ValueError) raised in the import slot, a traceback and no word."""
    shared = tmp_path / "team.json"
    shared.write_text(text, encoding="utf-8")
    share_through(monkeypatch, shared)
    window = env.window()
    window.findChild(QAction, "importProfilesAction").trigger()
    assert "not an msauth-gui profiles export" in window.statusBar().currentMessage()
    combo = child(window, QComboBox, "profileCombo")
    assert [combo.itemText(i) for i in range(combo.count())] == ["Default"]
