"""The built wheel, installed into a fresh venv, starts the window offscreen with its resources.

The wheel is built from a copy of the checkout (no stale ``build/`` folder can leak into it),
installed with ``--no-deps --no-index`` into a venv made with ``--system-site-packages`` (so
PySide6 and requests need no download), and every check runs from a directory outside the
checkout, so only the installed package can be imported. About 15-30 s.
"""

from __future__ import annotations

import json
import os
import re
import shutil
import subprocess
import sys
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


def _build_wheel(tmp: Path) -> Path:
    src = tmp / "src"
    shutil.copytree(
        ROOT,
        src,
        ignore=shutil.ignore_patterns(
            ".git", "build", "dist", "*.egg-info", "__pycache__", ".venv", "*cache*", "docs"
        ),
    )
    out = tmp / "wheels"
    command = [sys.executable, "-m", "pip", "wheel", str(src), "--no-deps", "-w", str(out), "-q"]
    if _setuptools_is_new_enough():  # offline and faster; else pip fetches setuptools>=68
        command.append("--no-build-isolation")
    result = subprocess.run(command, capture_output=True, text=True, timeout=TIMEOUT_S, check=False)
    assert result.returncode == 0, result.stdout + result.stderr
    (wheel,) = out.glob("msauth_gui-*.whl")
    return wheel


@pytest.fixture(scope="module")
def installed(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Installed]:
    tmp = tmp_path_factory.mktemp("install")
    wheel = _build_wheel(tmp)
    env_dir = tmp / "venv"
    venv.EnvBuilder(system_site_packages=True, with_pip=False).create(env_dir)
    scripts = env_dir / ("Scripts" if os.name == "nt" else "bin")
    python = scripts / ("python.exe" if os.name == "nt" else "python")
    work = tmp / "work"
    work.mkdir()
    # pip of the outer interpreter installs into the venv (a venv without pip builds faster);
    # --ignore-installed: a msauth-gui in the system site-packages must not satisfy it
    result = subprocess.run(
        [sys.executable, "-m", "pip", "--python", str(python), "install", "--no-deps",
         "--no-index", "--ignore-installed", "--no-warn-script-location", "-q", str(wheel)],
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
