"""The core's one door to translation, without Qt.

Every text the core shows an operator goes through :func:`translate` with a context and an
English source text, exactly as ``QCoreApplication.translate`` takes them, so
``pyside6-lupdate`` extracts them from the source (it recognises calls named ``translate`` and
``QT_TRANSLATE_NOOP`` lexically). Without a translator installed the English text comes back.
The window installs one backed by ``QCoreApplication.translate``; ``msauth --lang ru`` one
backed by a ``QTranslator`` (:mod:`msauth_gui.i18n`).

Source texts are ``str.format`` templates: translate first, then fill in (never an f-string
inside ``translate``: the extracted text would not be the text looked up). Numbers are filled in
with :func:`number`, which writes them as the active language does ("10,485,760" and "2.5" in
English, "10 485 760" and "2,5" in Russian). A text whose words depend on a count goes through
:meth:`plurals.tr` (the name lupdate knows for texts with plural forms).
"""

from __future__ import annotations

import contextlib
import threading
from collections.abc import Callable, Iterator

#: (context, source text, disambiguation, n) -> translated text; "%n" is already filled in
Translator = Callable[[str, str, str, int], str]

ENGLISH = "en"
#: language -> (digit group separator, decimal mark, fewest integer digits that get grouped);
#: Russian groups with a no-break space (U+00A0: the one Windows' Cyrillic code pages and
#: Qt's Russian locale have) and, by Russian typesetting, leaves four-digit numbers whole
NUMBER_STYLE = {ENGLISH: (",", ".", 4), "ru": ("\u00a0", ",", 5)}

#: a language, or a function that decides it on first need (``msauth``: deciding may load Qt)
Language = str | Callable[[], str]

_lock = threading.Lock()
_translator: Translator | None = None
_language: Language = ENGLISH


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
    if n < 0:
        return text
    return text.replace("%n", str(n)).replace("(s)", "" if n == 1 else "s")  # English forms


class plurals:  # lower case: lupdate takes the name before ".tr" for the context
    """Texts with plural forms, for the Qt-free core: ``plurals.tr(text, "", n)``.

    lupdate extracts ``plurals.tr(...)`` calls with their plural forms (it does not for
    ``translate``), so a Russian text gets three forms, picked by ``n``; the English source
    writes "byte(s)", and without a translator "(s)" becomes "s" unless ``n`` is 1. The count
    need not be in the text as "%n": ``{size} byte(s)`` filled in with :func:`number`.
    """

    @staticmethod
    def tr(text: str, disambiguation: str = "", n: int = -1) -> str:
        return translate("plurals", text, disambiguation, n)


def number(value: float) -> str:
    """``value`` written as the active language writes numbers: its digit groups and decimal
    mark; a fraction to at most six places, without trailing zeros (``2.5``, ``0.25``)."""
    group, point, fewest = NUMBER_STYLE.get(active_language(), NUMBER_STYLE[ENGLISH])
    if isinstance(value, float) and not value.is_integer():
        text = f"{value:,.6f}".rstrip("0").rstrip(".")
    else:
        text = f"{int(value):,}"
    whole = text.split(".")[0].lstrip("-")
    if len(whole.replace(",", "")) < fewest:
        text = text.replace(",", "")
    return text.translate({ord(","): group, ord("."): point})


def active_language() -> str:
    """The language texts and numbers are written in now (a deferred choice is made here)."""
    language = _language
    return language() if callable(language) else language


def set_translator(
    translator: Translator | None, language: Language = ENGLISH
) -> Translator | None:
    """Install ``translator`` for ``language`` (None: English source texts, English numbers);
    returns the translator it replaces."""
    global _translator, _language
    with _lock:
        previous, _translator = _translator, translator
        _language = language if translator is not None else ENGLISH
    return previous


@contextlib.contextmanager
def translating(translator: Translator | None, language: Language = ENGLISH) -> Iterator[None]:
    """Use ``translator`` for ``language`` for the duration of a ``with`` block (the CLI's run)."""
    with _lock:
        before = _language
    previous = set_translator(translator, language)
    try:
        yield
    finally:
        set_translator(previous, before)
