"""Where the shipped resources (icons, translations, desktop entry) are.

In a source checkout they sit in the top-level ``resources/`` folder; in an installed wheel
the same folder is packaged as ``msauth_gui.resources`` (see ``pyproject.toml``).
"""

from __future__ import annotations

from functools import cache
from pathlib import Path


@cache
def resources_dir() -> Path:
    packaged = Path(__file__).resolve().parent / "resources"
    if packaged.is_dir():
        return packaged
    return Path(__file__).resolve().parent.parent / "resources"


def resource(*parts: str) -> Path:
    return resources_dir().joinpath(*parts)
