"""The lighter PySide6 import hook: shiboken's answer kept, the module's source not kept."""

from __future__ import annotations

import linecache
import sys
import uuid
from pathlib import Path

import pytest
from PySide6 import QtCore  # noqa: F401  (installs shiboken's import hook)

from msauth_gui.gui import importhook


def _feature_dict() -> dict[str, int]:
    return sys.modules[importhook.FEATURE_MODULE].pyside_feature_dict  # type: ignore[no-any-return]


def _fresh_module(folder: Path, source: str) -> tuple[str, Path]:
    name = f"hooked_{uuid.uuid4().hex}"
    path = folder / f"{name}.py"
    path.write_text(source, encoding="utf-8")
    return name, path


@pytest.mark.parametrize(
    ("source", "select_id"),
    [
        ("from PySide6.QtCore import QObject\n\nVALUE = 1\n", 0),  # uses PySide6: no features
        ("VALUE = 'plain Python'\n", -1),  # does not: shiboken ignores it
    ],
)
def test_a_module_imported_later_is_classified_as_before_and_its_source_is_not_kept(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, source: str, select_id: int
) -> None:
    assert importhook.lighten(), "shiboken's helper moved: the start-up pays ~30 ms again"
    monkeypatch.syspath_prepend(str(tmp_path))
    name, path = _fresh_module(tmp_path, source)
    linecache.clearcache()

    module = __import__(name)  # an import statement: through shiboken's __import__

    assert module.VALUE
    assert _feature_dict()[name] == select_id
    # shiboken's own check read the whole file through inspect into linecache (~3.6 MiB for
    # the window's modules); the lighter one reads its bytes and keeps nothing
    assert str(path) not in linecache.cache
    sys.modules.pop(name, None)


def test_lightening_twice_wraps_once() -> None:
    assert importhook.lighten() and importhook.lighten()
    check = sys.modules[importhook.FEATURE_MODULE]._mod_uses_pyside
    assert check.lightened
    assert check(sys) is False  # built in: no source, as shiboken answers
