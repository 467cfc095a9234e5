"""The core's one door to translation, without Qt.

Every text the core shows an operator goes through :func:`translate` with a context and an
English source text, exactly as ``QCoreApplication.translate`` takes them, so
``pyside6-lupdate`` extracts them from the source (it recognises calls named ``translate`` and
``QT_TRANSLATE_NOOP`` lexically). Without a translator installed the English text comes back.
The window installs one backed by ``QCoreApplication.translate``; ``msauth --lang ru`` one
backed by a ``QTranslator`` (:mod:`msauth_gui.i18n`).

Source texts are ``str.format`` templates: translate first, then fill in (never an f-string
inside ``translate``: the extracted text would not be the text looked up).
"""

from __future__ import annotations

import contextlib
import threading
from collections.abc import Callable, Iterator

#: (context, source text, disambiguation, n) -> translated text; "%n" is already filled in
Translator = Callable[[str, str, str, int], str]

_lock = threading.Lock()
_translator: Translator | None = None


def QT_TRANSLATE_NOOP(context: str, text: str) -> str:  # the name lupdate knows
    """Mark ``text`` for extraction where it is defined; :func:`translate` it where it is shown."""
    return text


def translate(context: str, text: str, disambiguation: str = "", n: int = -1) -> str:
    """``text`` in the current language; with ``n`` >= 0, the plural form for ``n`` ("%n")."""
    translator = _translator
    if translator is not None:
        translated = translator(context, text, disambiguation, n)
        if translated:
            return translated
    return text.replace("%n", str(n)) if n >= 0 else text


def set_translator(translator: Translator | None) -> Translator | None:
    """Install ``translator`` (None: English source texts); returns the one it replaces."""
    global _translator
    with _lock:
        previous, _translator = _translator, translator
    return previous


@contextlib.contextmanager
def translating(translator: Translator | None) -> Iterator[None]:
    """Use ``translator`` for the duration of a ``with`` block (the CLI's one run)."""
    previous = set_translator(translator)
    try:
        yield
    finally:
        set_translator(previous)
