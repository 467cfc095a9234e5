"""``msauth-gui --install-desktop-entry``: put the Linux menu entry and icon in the user's data.

Copies ``resources/msauth-gui.desktop`` to ``$XDG_DATA_HOME/applications`` and the application
icon to ``$XDG_DATA_HOME/icons/hicolor/scalable/apps/msauth-gui.svg`` (``XDG_DATA_HOME``
defaults to ``~/.local/share``). The entry's ``Exec`` names the ``msauth-gui`` that is running
when it can be found, so the menu works even if pipx's ``~/.local/bin`` is not on the menu's
``PATH``. No Qt here.
"""

from __future__ import annotations

import os
import re
import shutil
import sys
from pathlib import Path

from .paths import resource

APP_ID = "msauth-gui"


def data_home() -> Path:
    value = os.environ.get("XDG_DATA_HOME", "")
    return Path(value) if os.path.isabs(value) else Path.home() / ".local" / "share"


def _executable() -> str:
    """The absolute path of the running ``msauth-gui`` script, else the bare name."""
    argv0 = Path(sys.argv[0]) if sys.argv and sys.argv[0] else None
    if argv0 is not None and argv0.name.startswith(APP_ID) and argv0.is_file():
        return str(argv0.resolve())
    return shutil.which(APP_ID) or APP_ID


def exec_quote(path: str) -> str:
    """``path`` as one argument of a desktop entry's ``Exec`` key (the spec's double quotes)."""
    if not re.search(r"[\s\"'\\><~|&;$*?#()`=%]", path):
        return path
    quoted = '"' + re.sub(r'(["`$\\])', r"\\\1", path) + '"'
    return quoted.replace("\\", "\\\\")  # the key file escapes backslashes once more


def desktop_entry_text(executable: str | None = None) -> str:
    """The shipped entry with ``Exec`` pointing at ``executable`` (default: the running one)."""
    text = resource(f"{APP_ID}.desktop").read_text(encoding="utf-8")
    command = exec_quote(executable or _executable())
    return "".join(
        f"Exec={command}\n" if line.startswith("Exec=") else line
        for line in text.splitlines(keepends=True)
    )


def install_desktop_entry(target: Path | None = None, executable: str | None = None) -> list[Path]:
    """Write the entry and the icon under ``target`` (default: the XDG data home)."""
    base = target or data_home()
    entry = base / "applications" / f"{APP_ID}.desktop"
    icon = base / "icons" / "hicolor" / "scalable" / "apps" / f"{APP_ID}.svg"
    entry.parent.mkdir(parents=True, exist_ok=True)
    icon.parent.mkdir(parents=True, exist_ok=True)
    entry.write_text(desktop_entry_text(executable), encoding="utf-8")
    shutil.copyfile(resource("icons", "app.svg"), icon)
    return [entry, icon]
