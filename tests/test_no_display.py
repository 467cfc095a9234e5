"""Without a screen, ``msauth-gui`` says what to do and exits 2 instead of letting Qt abort.

Qt's xcb platform, finding no display (an SSH session, a console, a service), prints "could not
connect to display", "xcb-cursor0 or libxcb-cursor0 is needed..." and aborts with a core dump.
"""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
ADVICE_EN = (
    "msauth-gui: no display: run it on a desktop, or use msauth (the command line) / "
    "QT_QPA_PLATFORM=offscreen\n"
)
SCREEN_VARIABLES = ("DISPLAY", "WAYLAND_DISPLAY", "QT_QPA_PLATFORM")


def run_gui(tmp_path: Path, *args: str, **env: str) -> subprocess.CompletedProcess[str]:
    """``msauth-gui ARGS`` (this checkout's) in a session without any screen."""
    environment = {
        k: v
        for k, v in os.environ.items()
        if k not in SCREEN_VARIABLES and not k.startswith(("LC_", "LANG", "MSAUTH"))
    }
    environment.update({"XDG_CONFIG_HOME": str(tmp_path), "LANG": "C.UTF-8", **env})
    return subprocess.run(
        [sys.executable, "-m", "msauth_gui.app", *args],
        cwd=ROOT,
        env=environment,
        capture_output=True,
        text=True,
        timeout=60,
    )


@pytest.mark.skipif(not sys.platform.startswith("linux"), reason="a Linux desktop's display")
def test_no_display_says_what_to_do_and_exits_2(tmp_path: Path) -> None:
    done = run_gui(tmp_path, "--demo")
    assert (done.returncode, done.stdout, done.stderr) == (2, "", ADVICE_EN)
    # asking for X11 by name finds no display either
    done = run_gui(tmp_path, "--demo", QT_QPA_PLATFORM="xcb")
    assert (done.returncode, done.stderr) == (2, ADVICE_EN)


@pytest.mark.skipif(not sys.platform.startswith("linux"), reason="a Linux desktop's display")
def test_no_display_advice_is_in_the_operators_language(tmp_path: Path) -> None:
    done = run_gui(tmp_path, LANG="ru_RU.UTF-8")
    assert done.returncode == 2
    assert done.stderr.startswith("msauth-gui: нет дисплея: "), done.stderr
    assert "msauth" in done.stderr and "QT_QPA_PLATFORM=offscreen" in done.stderr
    assert run_gui(tmp_path, "--lang", "ru").stderr == done.stderr
    assert run_gui(tmp_path, "--lang", "en", LANG="ru_RU.UTF-8").stderr == ADVICE_EN


@pytest.mark.parametrize(
    ("env", "platform", "missing"),
    [
        ({}, "linux", True),
        ({"QT_QPA_PLATFORM": "xcb"}, "linux", True),
        ({"QT_QPA_PLATFORM": "wayland;xcb"}, "linux", True),
        ({"DISPLAY": ":0"}, "linux", False),
        ({"WAYLAND_DISPLAY": "wayland-0"}, "linux", False),
        ({"QT_QPA_PLATFORM": "offscreen"}, "linux", False),
        ({"QT_QPA_PLATFORM": "vnc:size=800x600"}, "freebsd14", False),
        ({}, "freebsd14", True),
        ({}, "win32", False),
        ({}, "darwin", False),
    ],
)
def test_which_sessions_lack_a_display(env: dict[str, str], platform: str, missing: bool) -> None:
    from msauth_gui.app import missing_display

    assert missing_display(env, platform) is missing
