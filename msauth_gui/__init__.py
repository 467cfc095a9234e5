"""msauth-gui: sign in to Mobile SMARTS servers and keep the token fresh.

The version has one home, ``pyproject.toml``: an installed package reads it from its metadata;
a checkout that was never installed reads ``pyproject.toml`` itself. ``__version__`` and
``USER_AGENT`` are worked out on first use (``importlib.metadata`` is slow to load, and
``requests``, which the first request loads, brings it in anyway).
"""

from __future__ import annotations

import argparse
import re
import sys
from collections.abc import Sequence
from functools import cache
from pathlib import Path
from typing import Any

DISTRIBUTION = "msauth-gui"
_PYPROJECT = Path(__file__).resolve().parent.parent / "pyproject.toml"


@cache
def version() -> str:
    from importlib.metadata import PackageNotFoundError
    from importlib.metadata import version as installed_version

    try:
        return installed_version(DISTRIBUTION)
    except PackageNotFoundError:  # a checkout, run in place
        text = _PYPROJECT.read_text(encoding="utf-8") if _PYPROJECT.is_file() else ""
        found = re.search(r'^version\s*=\s*"([^"]+)"', text, re.MULTILINE)
        return found.group(1) if found else "0+unknown"


class VersionAction(argparse.Action):
    """``--version`` for ``msauth`` and ``msauth-gui``: prints "PROG VERSION" and exits; the
    version is looked up only when asked for."""

    def __init__(self, option_strings: Sequence[str], dest: str, **kwargs: Any) -> None:
        kwargs.update(nargs=0, default=argparse.SUPPRESS)
        kwargs.setdefault("help", "print the version and exit")
        super().__init__(option_strings, dest, **kwargs)

    def __call__(self, parser: argparse.ArgumentParser, *_args: object, **_kwargs: object) -> None:
        print(f"{parser.prog} {version()}", file=sys.stdout)
        parser.exit()


def __getattr__(name: str) -> str:
    if name == "__version__":
        return version()
    if name == "USER_AGENT":
        return f"{DISTRIBUTION}/{version()}"
    raise AttributeError(f"module {__name__!r} has no attribute {name!r}")
