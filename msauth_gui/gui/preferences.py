"""The application's preferences: one model, kept in QSettings, that its users listen to.

Clipboard clearing delay (or off), the refresh point as a share of the token's lifetime,
signing in again with the password in memory when a refresh token is refused, the activity
log's size, the tray icon, the language ("" follows the system; a new choice takes effect at
the next start, for the window and ``msauth`` alike), the shell "Copy as curl" writes for
("" follows the platform: PowerShell on Windows, bash elsewhere), and the local proxy's port
and read-only mode.

:class:`Preferences` holds the values and emits :attr:`Preferences.changed`; the keeper, the
clipboard, the tray and the log each take them through :meth:`Preferences.subscribe`, and only
the Settings dialog (:mod:`.window.settings`) changes them. Values missing from the store keep
the defaults the window was built with.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, replace
from typing import Any

from PySide6.QtCore import QObject, QSettings, Signal

from ..core.curl import SHELLS
from ..core.translate import QT_TRANSLATE_NOOP

GROUP = "settings"
#: (label, code): "" follows the system; the languages are named in their own words
LANGUAGES: tuple[tuple[str, str], ...] = (
    (QT_TRANSLATE_NOOP("SettingsDialog", "System language"), ""),
    ("English", "en"),
    ("Русский", "ru"),
)


@dataclass(frozen=True)
class AppSettings:
    clipboard_clear_ms: int = 30_000  #: 0: never cleared by time (still on sign-out and quit)
    refresh_fraction: float = 0.8
    allow_resign: bool = True  #: sign in again with the password when a refresh is refused
    log_lines: int = 5000
    language: str = ""  #: "" (the system's), "en" or "ru"
    show_tray: bool = True  #: a tray icon, where the desktop has a tray
    curl_shell: str = ""  #: "" (the platform's), "posix", "cmd" or "powershell": Copy as curl
    proxy_port: int = 8001  #: the local proxy's port (0: any free port)
    proxy_read_only: bool = False  #: the local proxy refuses POST, PUT, PATCH and DELETE


#: attribute -> (QSettings key, stored type, stored value -> attribute, attribute -> stored)
_KEYS: dict[str, tuple[str, type, Any, Any]] = {
    "clipboard_clear_ms": ("clipboardClearSeconds", int, lambda s: s * 1000, lambda v: v // 1000),
    "refresh_fraction": ("refreshPercent", int, lambda p: p / 100, lambda v: round(v * 100)),
    "allow_resign": ("signInAgain", bool, None, None),
    "log_lines": ("logLines", int, None, None),
    "language": ("language", str, None, None),
    "show_tray": ("showTrayIcon", bool, None, None),
    "curl_shell": ("curlShell", str, None, None),
    "proxy_port": ("proxyPort", int, None, None),
    "proxy_read_only": ("proxyReadOnly", bool, None, None),
}


def load_settings(store: QSettings, defaults: AppSettings) -> AppSettings:
    """The stored preferences; a missing or unreadable value keeps the default."""
    values: dict[str, Any] = {}
    store.beginGroup(GROUP)
    for attr, (key, kind, to_value, _to_stored) in _KEYS.items():
        if store.contains(key):
            try:
                stored = kind(store.value(key, None, kind))
            except (TypeError, ValueError):
                continue
            values[attr] = to_value(stored) if to_value else stored
    store.endGroup()
    loaded = clamped(replace(defaults, **values))  # only what was stored is brought in range
    return replace(defaults, **{attr: getattr(loaded, attr) for attr in values})


def save_settings(store: QSettings, settings: AppSettings) -> None:
    store.beginGroup(GROUP)
    for attr, (key, _kind, _to_value, to_stored) in _KEYS.items():
        value = getattr(settings, attr)
        store.setValue(key, to_stored(value) if to_stored else value)
    store.endGroup()
    store.sync()


def clamped(s: AppSettings) -> AppSettings:
    """``s`` within the ranges the Settings dialog offers."""
    return replace(
        s,
        clipboard_clear_ms=min(max(s.clipboard_clear_ms, 0), 3_600_000),
        refresh_fraction=min(max(s.refresh_fraction, 0.10), 0.95),
        log_lines=min(max(s.log_lines, 100), 100_000),
        proxy_port=min(max(s.proxy_port, 0), 65535),
        language=s.language if s.language in [code for _label, code in LANGUAGES] else "",
        curl_shell=s.curl_shell if s.curl_shell in SHELLS else "",
    )


class Preferences(QObject):
    """The current preferences; ``changed`` carries the new :class:`AppSettings`."""

    changed = Signal(object)  # AppSettings

    def __init__(
        self,
        store: QSettings | None,
        defaults: AppSettings | None = None,
        parent: QObject | None = None,
    ) -> None:
        super().__init__(parent)
        self._store = store
        defaults = defaults or AppSettings()
        self._current = defaults if store is None else load_settings(store, defaults)

    @property
    def current(self) -> AppSettings:
        return self._current

    def subscribe(self, apply: Callable[[AppSettings], object]) -> None:
        """Call ``apply`` with the current values now and with the new ones on every change."""
        apply(self._current)
        self.changed.connect(apply)

    def change(self, values: AppSettings) -> None:
        """Take ``values`` (kept within range), store them and tell every listener."""
        values = clamped(values)
        if values == self._current:
            return
        self._current = values
        if self._store is not None:
            save_settings(self._store, values)
        self.changed.emit(values)

    def update(self, **changes: Any) -> None:
        """Change some values: ``preferences.update(allow_resign=False)``."""
        self.change(replace(self._current, **changes))
