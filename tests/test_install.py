"""The built wheel, installed into a fresh venv, starts the window offscreen with its resources.

The wheel is built from a copy of the checkout (no stale ``build/`` folder can leak into it) and
installed with ``--no-deps --no-index`` into a fresh venv. That venv sees the packages of the
Python running the tests (PySide6, requests...) through a ``.pth`` file listing the folders it
imports them from, so nothing is downloaded, whether the tests run on a system Python, in a
venv (whose ``--system-site-packages`` would be the *base* Python's, without PySide6) or in a
pipx-style environment without pip. Every check runs from a directory outside the checkout, so
only the installed package can be imported. About 15-30 s.
"""

from __future__ import annotations

import importlib.util
import json
import os
import re
import shutil
import subprocess
import sys
import sysconfig
import textwrap
import venv
import zipfile
from collections.abc import Iterator
from dataclasses import dataclass
from importlib.metadata import PackageNotFoundError, version
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
STATE_ICONS = (
    "state-signed-out.svg", "state-busy.svg", "state-valid.svg", "state-expiring.svg",
    "state-expired.svg", "state-error.svg", "state-sign-in-again.svg", "state-no-rights.svg",
    "state-unconfirmed.svg",
)  # fmt: skip
TIMEOUT_S = 180

pytestmark = pytest.mark.install


@dataclass
class Installed:
    wheel: Path
    venv: Path
    python: Path
    scripts: Path
    work: Path  #: an empty directory outside the checkout to run things in

    def run(self, *args: str | Path, **env: str) -> subprocess.CompletedProcess[str]:
        environment = {k: v for k, v in os.environ.items() if k != "PYTHONPATH"}
        environment.update(
            QT_QPA_PLATFORM="offscreen",
            PYTHONNOUSERSITE="1",
            XDG_CONFIG_HOME=str(self.work / "config"),  # not the operator's settings
            **env,
        )
        environment.pop("MSAUTH_LANG", None)
        return subprocess.run(
            [str(a) for a in args],
            cwd=self.work,
            env=environment,
            capture_output=True,
            text=True,
            timeout=TIMEOUT_S,
            check=False,
        )


def _setuptools_is_new_enough() -> bool:
    try:
        return int(version("setuptools").split(".")[0]) >= 68
    except (PackageNotFoundError, ValueError):
        return False


def _build_wheel(tmp: Path, pip: list[str]) -> Path:
    src = tmp / "src"
    shutil.copytree(
        ROOT,
        src,
        ignore=shutil.ignore_patterns(
            ".git", "build", "dist", "*.egg-info", "__pycache__", ".venv", "*cache*", "docs"
        ),
    )
    out = tmp / "wheels"
    command = [*pip, "wheel", str(src), "--no-deps", "-w", str(out), "-q"]
    if _setuptools_is_new_enough():  # offline and faster; else pip fetches setuptools>=68
        command.append("--no-build-isolation")
    result = subprocess.run(command, capture_output=True, text=True, timeout=TIMEOUT_S, check=False)
    assert result.returncode == 0, result.stdout + result.stderr
    (wheel,) = out.glob("msauth_gui-*.whl")
    return wheel


def _import_folders() -> list[str]:
    """The folders the running Python imports installed packages from, in order: its
    site-packages (a venv's, a system's, the user's), pipx's shared libraries... Not the standard
    library (the venv has its own; pip's build isolation would strip it) nor the checkout. A
    msauth-gui installed there too is harmless: the venv's own site-packages comes first."""
    skip = {sysconfig.get_path("stdlib"), sysconfig.get_path("platstdlib")}
    skip |= {os.path.join(folder, "lib-dynload") for folder in skip}
    skip |= {os.path.join(sys.base_prefix, "DLLs"), str(ROOT)}  # DLLs: Windows
    skipped = {os.path.normcase(os.path.realpath(folder)) for folder in skip}
    return [
        entry
        for entry in dict.fromkeys(sys.path)
        if entry
        and os.path.isdir(entry)
        and os.path.normcase(os.path.realpath(entry)) not in skipped
    ]


def _venv_seeing_our_packages(env_dir: Path, *, with_pip: bool) -> Path:
    """A fresh venv (no system site-packages) that imports the running Python's packages after
    its own, through a ``.pth`` of plain folder lines (so the ``.pth`` files in those folders,
    an editable msauth-gui's among them, are not run). Returns the venv's Python."""
    venv.EnvBuilder(with_pip=with_pip).create(env_dir)
    python = env_dir / ("Scripts/python.exe" if os.name == "nt" else "bin/python")
    where = subprocess.run(  # its own site-packages: the venv knows its layout best
        [str(python), "-I", "-c", "import sysconfig; print(sysconfig.get_path('purelib'))"],
        capture_output=True, text=True, timeout=TIMEOUT_S, check=True,
    )  # fmt: skip
    pth = Path(where.stdout.strip()) / "_msauth_test_outer.pth"
    pth.write_text("".join(folder + "\n" for folder in _import_folders()), encoding="utf-8")
    return python


@pytest.fixture(scope="module")
def installed(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Installed]:
    tmp = tmp_path_factory.mktemp("install")
    env_dir = tmp / "venv"
    # pip of the running Python installs into the venv (a venv without pip builds faster); a
    # Python without pip (pipx- or uv-style isolation) gets the venv's own
    has_pip = importlib.util.find_spec("pip") is not None
    python = _venv_seeing_our_packages(env_dir, with_pip=not has_pip)
    scripts = python.parent
    pip = [sys.executable, "-m", "pip", "--python", str(python)]
    if not has_pip:
        pip = [str(python), "-m", "pip"]
    wheel = _build_wheel(tmp, pip)
    work = tmp / "work"
    work.mkdir()
    # --ignore-installed: a msauth-gui the running Python has must not satisfy it
    result = subprocess.run(
        [*pip, "install", "--no-deps", "--no-index", "--ignore-installed",
         "--no-warn-script-location", "-q", str(wheel)],
        capture_output=True, text=True, timeout=TIMEOUT_S, check=False,
    )  # fmt: skip
    assert result.returncode == 0, result.stdout + result.stderr
    yield Installed(wheel, env_dir, python, scripts, work)


def _names(wheel: Path) -> set[str]:
    with zipfile.ZipFile(wheel) as archive:
        return set(archive.namelist())


def test_wheel_carries_every_module_icons_and_the_desktop_entry(installed: Installed) -> None:
    names = _names(installed.wheel)
    modules = {
        path.relative_to(ROOT).as_posix()
        for path in (ROOT / "msauth_gui").rglob("*.py")
        if "__pycache__" not in path.parts
    }
    assert modules - names == set(), "modules missing from the wheel (pyproject's packages)"
    resources = "msauth_gui/resources/"
    for icon in ("app.svg", *STATE_ICONS):
        assert f"{resources}icons/{icon}" in names
    assert f"{resources}msauth-gui.desktop" in names


def test_wheel_carries_the_translations(installed: Installed) -> None:
    sources = sorted((ROOT / "resources" / "i18n").glob("*.qm"))
    if not sources:
        pytest.skip("no compiled translation (resources/i18n/*.qm) in the checkout yet")
    names = _names(installed.wheel)
    for qm in sources:
        assert f"msauth_gui/resources/i18n/{qm.name}" in names


WINDOW_SCRIPT = textwrap.dedent(
    """
    import json, sys
    from pathlib import Path
    import msauth_gui
    from msauth_gui.app import build_window
    from msauth_gui.gui.icons import state_icon
    from msauth_gui.paths import resources_dir
    from PySide6.QtCore import QTranslator
    from PySide6.QtWidgets import QApplication

    window = build_window(["--demo", "--lang", "en"])
    app = QApplication.instance()
    translations = sorted((resources_dir() / "i18n").glob("*.qm"))
    result = {
        "package": msauth_gui.__file__,
        "resources": str(resources_dir()),
        "window_icon": not window.windowIcon().isNull(),
        "app_icon": not app.windowIcon().pixmap(32).isNull(),
        "state_icons": {
            state: not state_icon(state).pixmap(32).isNull()
            for state in ("signed_out", "signing_in", "valid", "expiring_soon", "expired",
                          "error", "sign_in_again")
        },
        "server": window.form.server_edit.currentText(),
        "translations": {qm.name: QTranslator().load(str(qm)) for qm in translations},
        "sign_in_en": window.form.sign_in_button.text(),
    }
    window.close()
    if translations:
        russian = build_window(["--demo", "--lang", "ru"])
        result["sign_in_ru"] = russian.form.sign_in_button.text()
        russian.close()
    print(json.dumps(result))
    """
)


def test_installed_window_starts_offscreen_with_icons(installed: Installed) -> None:
    result = installed.run(installed.python, "-c", WINDOW_SCRIPT)
    assert result.returncode == 0, result.stderr
    info = json.loads(result.stdout.strip().splitlines()[-1])
    venv_dir = installed.venv.resolve()
    assert Path(info["package"]).resolve().is_relative_to(venv_dir), info["package"]
    assert Path(info["resources"]).resolve().is_relative_to(venv_dir), info["resources"]
    assert info["window_icon"] and info["app_icon"]
    assert all(info["state_icons"].values()), info["state_icons"]
    assert info["server"].startswith("http://127.0.0.1:")
    assert all(info["translations"].values()), info["translations"]  # every .qm loads
    assert info["sign_in_en"] == "Sign in"
    if any((ROOT / "resources" / "i18n").glob("*.qm")):
        assert info["translations"], "the installed package has no translations"
        assert re.search("[а-яА-Я]", info["sign_in_ru"]), info["sign_in_ru"]  # Russian loaded


def test_installed_console_scripts_run(installed: Installed) -> None:
    for script in ("msauth", "msauth-gui", "msauth-demo-server"):
        result = installed.run(installed.scripts / script, "--help")
        assert result.returncode == 0, result.stderr
        assert "usage:" in result.stdout


def test_install_desktop_entry_writes_the_entry_and_the_icon(installed: Installed) -> None:
    data = installed.work / "data"
    gui = installed.scripts / "msauth-gui"
    result = installed.run(gui, "--install-desktop-entry", XDG_DATA_HOME=str(data))
    assert result.returncode == 0, result.stderr
    entry = data / "applications" / "msauth-gui.desktop"
    icon = data / "icons" / "hicolor" / "scalable" / "apps" / "msauth-gui.svg"
    assert icon.read_bytes() == (ROOT / "resources" / "icons" / "app.svg").read_bytes()
    lines = entry.read_text(encoding="utf-8").splitlines()
    assert f"Exec={gui.resolve()}" in lines
    assert "Icon=msauth-gui" in lines and "Terminal=false" in lines
    assert any(line.startswith("Name[ru]=") for line in lines)


@pytest.mark.skipif(not sys.platform.startswith("linux"), reason="a Linux desktop's display")
def test_installed_gui_without_a_display_says_so_instead_of_aborting(installed: Installed) -> None:
    environment = {
        k: v
        for k, v in os.environ.items()
        if k not in ("DISPLAY", "WAYLAND_DISPLAY", "QT_QPA_PLATFORM", "PYTHONPATH", "MSAUTH_LANG")
    }
    environment.update(XDG_CONFIG_HOME=str(installed.work / "config"), LC_ALL="C.UTF-8")
    result = subprocess.run(
        [str(installed.scripts / "msauth-gui"), "--demo"],
        cwd=installed.work,
        env=environment,
        capture_output=True,
        text=True,
        timeout=TIMEOUT_S,
        check=False,
    )
    assert result.returncode == 2, result.stderr
    assert result.stderr.startswith("msauth-gui: no display: run it on a desktop"), result
    assert "qt.qpa" not in result.stderr and "xcb" not in result.stderr
