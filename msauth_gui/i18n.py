"""Which language to speak, for the window and for ``msauth`` alike.

The first of these that names a language wins: ``--lang`` on the command line, the
``MSAUTH_LANG`` environment variable, the language chosen in the window's settings, the system
locale; English otherwise. Only English and Russian exist; anything else means English.

Deciding needs no Qt, except to read the saved choice (:func:`saved_language`, through
QSettings). The translations themselves are Qt's: ``resources/i18n/msauth_ru.qm``. The window
installs them on its QApplication (:mod:`msauth_gui.gui.i18n`); the command line loads the same
file into a bare ``QTranslator`` only when it speaks Russian (:func:`cli_translator`), and
decides only when a text is first translated (:func:`deferred_cli_translator`): a run that
prints nothing translatable (a token) never loads Qt.
"""

from __future__ import annotations

import locale
import os
import sys
import threading
from collections.abc import Callable, Mapping
from pathlib import Path

from .core.translate import Translator
from .paths import resource

ENGLISH = "en"
LANGUAGES = ("en", "ru")
ENV_VAR = "MSAUTH_LANG"
#: where the window keeps the choice (QSettings group "settings", key "language")
APP_NAME = "msauth-gui"
SETTINGS_GROUP, SETTINGS_KEY = "settings", "language"


def normalize(value: str | None) -> str | None:
    """``ru_RU.UTF-8`` -> ``ru``; ``C``/``POSIX`` -> ``en``; unknown or empty -> None."""
    text = (value or "").strip()
    if not text:
        return None
    if text.upper() in ("C", "POSIX") or text.upper().startswith(("C.", "POSIX.")):
        return ENGLISH
    code = text.replace("-", "_").split("_")[0].split(".")[0].split("@")[0].lower()
    if code in ("russian",):  # Windows names locales in words ("Russian_Russia.1251")
        return "ru"
    if code in ("english",):
        return ENGLISH
    return code if code in LANGUAGES else None


def _windows_ui_language() -> str | None:
    try:
        import ctypes

        lang_id = ctypes.windll.kernel32.GetUserDefaultUILanguage()  # type: ignore[attr-defined]
    except (AttributeError, OSError):
        return None
    return locale.windows_locale.get(lang_id)


def system_language(env: Mapping[str, str] | None = None) -> str | None:
    """The language of the system locale, if it is one we speak (``en`` for ``C``)."""
    env = os.environ if env is None else env
    if sys.platform == "win32":
        found = normalize(_windows_ui_language())
        if found:
            return found
    for var in ("LC_ALL", "LC_MESSAGES", "LANG"):
        value = env.get(var, "")
        if value:  # the first one set decides, as in POSIX
            found = normalize(value)
            if found == ENGLISH and value.upper().startswith(("C", "POSIX")):
                return ENGLISH  # the C locale: no translation, whatever LANGUAGE says
            # GNU gettext: LANGUAGE ("ru:en"), when set, orders the languages for messages
            for choice in env.get("LANGUAGE", "").split(":"):
                if normalize(choice):
                    return normalize(choice)
            return found or ENGLISH
    if env is os.environ:
        try:
            code = locale.getlocale()[0]  # LC_CTYPE, which Python sets from the user's locale
        except (ValueError, TypeError):
            code = None
        return normalize(code)
    return None


def saved_language(env: Mapping[str, str] | None = None) -> str | None:
    """The language chosen in the window's settings, read through QSettings (for ``msauth``).

    QSettings knows where the window keeps it on each system (an INI file, the registry, a
    plist). It loads Qt's core library, so it is not read when ``MSAUTH_LANG`` decides anyway.
    """
    env = os.environ if env is None else env
    if normalize(env.get(ENV_VAR)):
        return None
    try:
        from PySide6.QtCore import QSettings
    except ImportError:  # PySide6 is a dependency; a broken install still gets its answer
        return None
    value = QSettings(APP_NAME, APP_NAME).value(f"{SETTINGS_GROUP}/{SETTINGS_KEY}", "", str)
    return normalize(str(value or ""))


def resolve_language(
    requested: str | None = None,
    saved: str | Callable[[], str | None] | None = None,
    env: Mapping[str, str] | None = None,
) -> str:
    """``--lang`` (``requested``), then MSAUTH_LANG, then ``saved``, then the system; else en.

    ``saved`` may be a function (:func:`saved_language`): it is called only when ``--lang``
    and MSAUTH_LANG left the choice open, so a run that names its language never loads Qt.
    """
    env = os.environ if env is None else env
    for candidate in (requested, env.get(ENV_VAR), saved):
        found = normalize(candidate() if callable(candidate) else candidate)
        if found:
            return found
    return system_language(env) or ENGLISH


def qm_path(language: str) -> Path:
    return resource("i18n", f"msauth_{language}.qm")


def cli_translator(language: str) -> Translator | None:
    """A translator over the shipped .qm for ``language``; None for English or a missing file.

    Loads ``PySide6.QtCore`` (only then: an English ``msauth`` never pays for Qt).
    """
    if language == ENGLISH or not qm_path(language).is_file():
        return None
    from PySide6.QtCore import QTranslator

    qt = QTranslator()
    if not qt.load(str(qm_path(language))):
        return None

    def lookup(context: str, text: str, disambiguation: str, n: int) -> str:
        found = qt.translate(context, text, disambiguation or None, n) or ""
        return found.replace("%n", str(n)) if n >= 0 else found

    return lookup


class DeferredLanguage:
    """The command line's language, decided (:func:`resolve_language` with
    :func:`saved_language`) and its .qm loaded on the first text or number that needs it.

    Reading the saved choice loads Qt's core library (~150 ms); ``msauth token`` that succeeds
    translates nothing and so never pays for it. Use it as both halves of
    ``translating(chosen, chosen.language)``. Thread-safe (the proxy translates from its
    threads); the English source text comes back as "" (no translation), as from Qt.
    """

    def __init__(self, requested: str | None) -> None:
        self._requested = requested
        self._lock = threading.Lock()
        self._chosen: tuple[str, Translator | None] | None = None

    def _choose(self) -> tuple[str, Translator | None]:
        with self._lock:
            if self._chosen is None:
                language = resolve_language(self._requested, saved_language)
                self._chosen = (language, cli_translator(language))
            return self._chosen

    def language(self) -> str:
        return self._choose()[0]

    def __call__(self, context: str, text: str, disambiguation: str, n: int) -> str:
        translator = self._choose()[1]
        return translator(context, text, disambiguation, n) if translator else ""
