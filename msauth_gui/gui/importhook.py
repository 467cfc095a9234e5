"""A lighter PySide6 import hook: the same answer, without reading each module through ``inspect``.

Once PySide6 is imported, shiboken's ``__import__`` asks, for every module imported later,
whether its source mentions "PySide6" (for ``from __feature__ import snake_case``): it calls
``inspect.getsource``, which decodes and tokenizes the file and keeps every line in
``linecache``. For the ~110 modules the window imports before its first paint that cost
25-45 ms and ~3.6 MiB on this project's benchmark machine. :func:`lighten` keeps the question
and its answer and only changes how the file is read: its bytes, searched for ``b"PySide6"``.
Built-in and compiled modules have no source (shiboken's answer is False); the rare rest
(zipped, bytecode only) still go to shiboken's own check.

Shiboken's helper is internal: when it is not where this expects it, nothing changes.
"""

from __future__ import annotations

import sys
from collections.abc import Callable
from importlib.machinery import EXTENSION_SUFFIXES as _SUFFIXES
from types import ModuleType

#: where shiboken keeps its ``__feature__`` helper once PySide6 is imported
FEATURE_MODULE = "shibokensupport.feature"
_CHECK = "_mod_uses_pyside"
EXTENSION_SUFFIXES = tuple(_SUFFIXES)


def lighten() -> bool:
    """Replace shiboken's source check by a byte search of the module's file; True if done."""
    feature = sys.modules.get(FEATURE_MODULE)
    original = getattr(feature, _CHECK, None)
    if feature is None or not callable(original):
        return False
    if getattr(original, "lightened", False):
        return True
    setattr(feature, _CHECK, _light(original))
    return True


def _light(original: Callable[[ModuleType], bool]) -> Callable[[ModuleType], bool]:
    def uses_pyside(module: ModuleType) -> bool:
        path = getattr(module, "__file__", None)
        if not isinstance(path, str):
            return False  # built in (sys, _locale): shiboken's check answers False too
        if path.endswith(EXTENSION_SUFFIXES):
            return False  # compiled (PySide6.QtCore, _json): no source, False too
        if path.endswith(".py"):
            try:
                with open(path, "rb") as handle:
                    return b"PySide6" in handle.read()
            except (OSError, ValueError):  # in a zip file, say, or a NUL in the name:
                pass  # shiboken's check reads it through the loader
        return bool(original(module))

    uses_pyside.lightened = True  # type: ignore[attr-defined]
    return uses_pyside
