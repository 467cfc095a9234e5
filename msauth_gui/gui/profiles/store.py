"""Profiles in QSettings (the list, the last used one, which have a saved client secret) and
in the JSON files that share a server list.

Only non-secret fields are written here (the platform's usual settings place, or the INI file
a test passes in); passwords, refresh tokens and client secrets live in the keyring
(:class:`~msauth_gui.core.secrets.SecretStore`). Without a QSettings object (demo mode, test
windows) the profiles live in memory only.
"""

from __future__ import annotations

import logging
from dataclasses import fields, replace
from pathlib import Path
from typing import Any

from PySide6.QtCore import QSettings

from ...core.errors import InvalidInput
from ...core.profiles import Imported, Profile, export_profiles, import_entries, unique_name
from ...core.secrets import SecretStore
from ...core.translate import translate

log = logging.getLogger(__name__)

PROFILES_KEY = "profiles"
LAST_KEY = "lastProfile"
CLIENT_SECRET_FLAG = "clientSecretSaved"  #: per profile: a non-default secret is in the keyring
#: per profile: imported without its own client secret, which must be entered again
SECRET_NEEDED_FLAG = "clientSecretNeeded"
_FIELDS = [f.name for f in fields(Profile)]
#: the largest profiles file read (thousands of profiles are a few hundred KB)
MAX_PROFILE_FILE = 1 << 20


class NoSecretStore(SecretStore):
    """A store that saves nothing and says why (demo mode, windows built without a keyring)."""

    def __init__(self, reason: str) -> None:
        super().__init__(backend=None)
        self._resolved = True  # never look for a backend
        self._reason = reason


class ProfileStore:
    """Reads and writes the profile list; ``settings=None`` keeps everything in memory."""

    def __init__(self, settings: QSettings | None) -> None:
        self._settings = settings
        self._profiles: list[Profile] = []
        self._last: str | None = None
        self.client_secret_saved: set[str] = set()
        self.client_secret_needed: set[str] = set()
        self._written: object = None  #: what the settings hold now (see :meth:`save`)
        if settings is not None:
            self._read(settings)
            self._written = self._snapshot()

    @property
    def persistent(self) -> bool:
        return self._settings is not None

    def _read(self, settings: QSettings) -> None:
        count = settings.beginReadArray(PROFILES_KEY)
        for index in range(count):
            settings.setArrayIndex(index)
            data = {key: _typed(settings, key) for key in _FIELDS if settings.contains(key)}
            try:
                profile = Profile.from_dict(data)
            except InvalidInput as exc:  # hand-edited or from a newer version: skip, say so
                log.warning("skipped a stored profile: %s", exc.message)
                continue
            if any(p.name == profile.name for p in self._profiles):
                continue
            self._profiles.append(profile)
            if settings.value(CLIENT_SECRET_FLAG, False, bool):
                self.client_secret_saved.add(profile.name)
            if settings.value(SECRET_NEEDED_FLAG, False, bool):
                self.client_secret_needed.add(profile.name)
        settings.endArray()
        last = settings.value(LAST_KEY, "", str)
        self._last = str(last) if last else None

    def _snapshot(self) -> object:
        flags = (frozenset(self.client_secret_saved), frozenset(self.client_secret_needed))
        return tuple(self._profiles), self._last or "", flags

    def load(self) -> list[Profile]:
        return list(self._profiles)

    def last_used(self) -> str | None:
        return self._last

    def save(self, profiles: list[Profile], last_used: str | None) -> None:
        """Replace the stored list (and the last used name) with these."""
        self._profiles = list(profiles)
        self._last = last_used
        names = {p.name for p in profiles}
        self.client_secret_saved &= names
        self.client_secret_needed &= names
        settings = self._settings
        snapshot = self._snapshot()
        if settings is None or snapshot == self._written:
            return  # nothing changed (a sign-in with the form as saved): no write, no sync
        self._written = snapshot
        settings.remove(PROFILES_KEY)
        settings.beginWriteArray(PROFILES_KEY, len(profiles))
        for index, profile in enumerate(profiles):
            settings.setArrayIndex(index)
            for key, value in profile.to_dict().items():
                settings.setValue(key, value)
            settings.setValue(CLIENT_SECRET_FLAG, profile.name in self.client_secret_saved)
            settings.setValue(SECRET_NEEDED_FLAG, profile.name in self.client_secret_needed)
        settings.endArray()
        settings.setValue(LAST_KEY, last_used or "")
        settings.sync()  # another window (or the next start) reads the same file


def _typed(settings: QSettings, key: str) -> Any:
    """A stored value with the type of the Profile field (INI files store text)."""
    default = getattr(Profile(name="x"), key)
    if isinstance(default, bool):
        return settings.value(key, default, bool)
    if isinstance(default, float):
        try:
            return float(settings.value(key, default))  # type: ignore[arg-type]
        except (TypeError, ValueError):
            return default
    return str(settings.value(key, default, str))


class ProfileFileError(Exception):
    """A profiles file that cannot be read or written; ``message`` says why."""

    def __init__(self, message: str) -> None:
        super().__init__(message)
        self.message = message


def read_profile_file(path: str, taken: set[str]) -> list[Imported]:
    """The profiles of an export file, renamed (``Prod (2)``) where a name is taken."""
    try:
        with Path(path).open("rb") as file:
            data = file.read(MAX_PROFILE_FILE + 1)
        if len(data) > MAX_PROFILE_FILE:  # read on the GUI thread: a shared file, not a dump
            text = translate("errors", "{path} is too large for a profiles file (over {size} MiB)")
            raise ProfileFileError(text.format(path=path, size=MAX_PROFILE_FILE >> 20))
        imported = import_entries(data.decode("utf-8"))
    except OSError as exc:
        text = translate("errors", "Cannot read {path}: {error}")
        raise ProfileFileError(text.format(path=path, error=exc.strerror or exc)) from None
    except UnicodeDecodeError:
        text = translate("errors", "{path} is not a profiles file (not UTF-8 text)")
        raise ProfileFileError(text.format(path=path)) from None
    except InvalidInput as exc:
        raise ProfileFileError(exc.message) from None
    names = set(taken)
    result = []
    for entry in imported:
        name = unique_name(entry.profile.name, names)
        names.add(name)
        result.append(replace(entry, profile=replace(entry.profile, name=name)))
    return result


def write_profile_file(path: str, profiles: list[Profile], own_client_secret: set[str]) -> None:
    """Export ``profiles`` as JSON: no secrets, no per-user secret choices; the profiles named
    in ``own_client_secret`` are marked as needing theirs entered again."""
    try:
        Path(path).write_text(export_profiles(profiles, own_client_secret), encoding="utf-8")
    except OSError as exc:
        text = translate("errors", "Cannot write {path}: {error}")
        raise ProfileFileError(text.format(path=path, error=exc.strerror or exc)) from None
