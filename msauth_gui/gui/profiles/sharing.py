"""Sharing profiles as a file: File → Export profiles… and Import profiles….

The file holds no secret (:func:`~msauth_gui.core.profiles.export_profiles`). A profile with a
client secret of its own is marked in it, so that after the import it says that the secret must
be entered again — at the import, and each time it is shown until one is entered.

The dialogs (:mod:`.dialogs`) are loaded when one is first opened: none is on the first screen.
"""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

from PySide6.QtCore import QCoreApplication
from PySide6.QtWidgets import QWidget

from ...core.profiles import Imported, Profile
from ...core.translate import plurals
from .store import ProfileFileError, read_profile_file, write_profile_file

EXPORT_NAME = "msauth-profiles.json"
Say = Callable[[str], None]


def import_from_file(parent: QWidget, taken: set[str], say: Say) -> tuple[list[Imported], str]:
    """Ask for a file and read its profiles (renamed where ``taken``), with the file's name,
    and say what came in; nothing when cancelled or unreadable (which is said)."""
    from .dialogs import ProfileFileDialog

    path = ProfileFileDialog.open_path(parent)
    if path is None:
        return [], ""
    try:
        imported = read_profile_file(path, taken)
    except ProfileFileError as exc:
        say(exc.message)
        return [], ""
    file = Path(path).name
    text = plurals.tr("Imported %n profile(s) from {file}.", "", len(imported))
    for line in [text.format(file=file), *import_notes(imported)]:
        say(line)
    return imported, file


def export_to_file(
    parent: QWidget, profiles: list[Profile], own_client_secret: set[str], say: Say
) -> str | None:
    """Ask where, and write ``profiles`` there without secrets; the path written, or None."""
    from .dialogs import ProfileFileDialog

    path = ProfileFileDialog.save_path(parent, EXPORT_NAME)
    if path is None:
        return None
    try:
        write_profile_file(path, profiles, own_client_secret)
    except ProfileFileError as exc:
        say(exc.message)
        return None
    return path


def ask_name(parent: QWidget, title: str, default: str) -> str | None:
    """A profile name from the operator (None: cancelled)."""
    from .dialogs import ProfileNameDialog

    return ProfileNameDialog.ask(parent, title, default)


def confirm(parent: QWidget, title: str, question: str) -> bool:
    from .dialogs import ConfirmDialog

    return ConfirmDialog.ask(parent, title, question)


def client_secret_hint(name: str) -> str:
    """What a profile imported without its own client secret says."""
    text = QCoreApplication.translate(
        "ProfileController",
        "“{name}” has a client secret of its own, which is never exported: enter it again "
        "under Advanced → Client secret.",
    )
    return text.format(name=name)


def import_notes(imported: list[Imported]) -> list[str]:
    """What the operator is told after an import besides its count: client secrets to enter
    again, token URLs on another server left out."""
    needed = sorted(entry.profile.name for entry in imported if entry.own_client_secret)
    warnings = [entry.warning() for entry in imported]
    return [*map(client_secret_hint, needed), *filter(None, warnings)]
