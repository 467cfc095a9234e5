"""Attacks on the window that broke a promise: no traceback, nothing a shared file can do to it.
The real window (offscreen), real files; pytest-qt fails a test on any exception in a slot."""

from __future__ import annotations

import json
import shlex
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
