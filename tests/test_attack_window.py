"""Attacks on the window that broke a promise: no traceback, nothing a shared file can do to it.
The real window (offscreen), real files; pytest-qt fails a test on any exception in a slot."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest
from PySide6.QtGui import QAction
from PySide6.QtWidgets import QComboBox, QSpinBox

from .conftest import FakeClock
from .test_profiles_window import Env, share_through
from .test_window import child


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
