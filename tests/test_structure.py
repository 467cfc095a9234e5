"""The package's shape: no import circles, a Qt-free core, files of a few hundred lines, and the
version in one place. Cheap to run; a change that breaks the shape fails here, not in review."""

from __future__ import annotations

import importlib.metadata
import os
import re
import subprocess
import sys
from pathlib import Path

import grimp
import pytest

ROOT = Path(__file__).resolve().parent.parent
PACKAGE = "msauth_gui"
MAX_LINES = 400


@pytest.fixture(scope="module")
def graph() -> grimp.ImportGraph:
    sys.path.insert(0, str(ROOT))  # this checkout's package, whatever is installed
    try:
        return grimp.build_graph(PACKAGE, include_external_packages=True, cache_dir=None)
    finally:
        sys.path.remove(str(ROOT))


def test_no_import_circles(graph: grimp.ImportGraph) -> None:
    """Every import counts, TYPE_CHECKING and function-level ones too."""
    ours = sorted(m for m in graph.modules if m.startswith(PACKAGE + "."))
    circles = [
        f"{importer} -> {imported} -> … -> {importer}"
        for importer in ours
        for imported in sorted(graph.find_modules_directly_imported_by(importer))
        if imported.startswith(PACKAGE + ".")
        and graph.chain_exists(importer=imported, imported=importer)
    ]
    assert circles == [], "\n".join(circles)


def test_the_core_imports_no_qt(graph: grimp.ImportGraph) -> None:
    core = {m for m in graph.modules if m.startswith(f"{PACKAGE}.core")}
    qt_users = graph.find_modules_that_directly_import("PySide6") & core
    assert qt_users == set()
    for module in sorted(core):  # nor through another module of ours
        assert not graph.chain_exists(importer=module, imported="PySide6"), module


def test_files_stay_small() -> None:
    sizes = {
        str(path.relative_to(ROOT)): len(path.read_text(encoding="utf-8").splitlines())
        for path in (ROOT / PACKAGE).rglob("*.py")
    }
    assert {path: n for path, n in sizes.items() if n > MAX_LINES} == {}


#: loaded when first used, never to show the first screen (each costs start-up time: PySide6
#: builds the enums of every Qt class a module imports)
NOT_AT_START = (
    "msauth_gui.gui.profiles.dialogs",
    "msauth_gui.gui.prompts",
    "msauth_gui.gui.window.about",
    "msauth_gui.gui.window.settings",
    "msauth_gui.gui.check.dialog",
    "requests",
    "keyring",
)


def test_the_first_screen_loads_no_dialog_and_no_network_code(tmp_path: Path) -> None:
    """The window is built (as ``msauth-gui`` builds it) without the modules of its dialogs,
    the network or the keyring; opening a dialog loads its module then."""
    script = (
        "import sys\n"
        "from msauth_gui.app import build_window\n"
        "window = build_window([])\n"
        "print(' '.join(m for m in NOT_AT_START if m in sys.modules))\n"
        "window.open_settings()\n"
        "print('settings' if 'msauth_gui.gui.window.settings' in sys.modules else '')\n"
    ).replace("NOT_AT_START", repr(NOT_AT_START))
    env = {**os.environ, "QT_QPA_PLATFORM": "offscreen", "XDG_CONFIG_HOME": str(tmp_path)}
    done = subprocess.run(
        [sys.executable, "-c", script], cwd=ROOT, env=env, capture_output=True, text=True,
        timeout=120,
    )  # fmt: skip
    assert done.returncode == 0, done.stderr
    loaded, opened = (done.stdout + "\n").split("\n")[:2]
    assert loaded == ""
    assert opened == "settings"


def _pyproject_version() -> str:
    text = (ROOT / "pyproject.toml").read_text(encoding="utf-8")
    found = re.search(r'^version\s*=\s*"([^"]+)"', text, re.MULTILINE)
    assert found is not None
    return found.group(1)


def test_the_version_has_one_home(monkeypatch: pytest.MonkeyPatch) -> None:
    import msauth_gui

    assert msauth_gui.__version__ == _pyproject_version()
    user_agent = msauth_gui.USER_AGENT
    assert user_agent == f"msauth-gui/{_pyproject_version()}"

    def not_installed(name: str) -> str:
        raise importlib.metadata.PackageNotFoundError(name)

    monkeypatch.setattr(importlib.metadata, "version", not_installed)
    msauth_gui.version.cache_clear()
    try:
        assert msauth_gui.__version__ == _pyproject_version()  # a checkout run in place
    finally:
        monkeypatch.undo()
        msauth_gui.version.cache_clear()
