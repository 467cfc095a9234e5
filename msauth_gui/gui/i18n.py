"""The window's language: Qt translators on the application, and the core's texts through them.

:func:`install_language` runs before any widget is built (``app.build_window``). English loads
``resources/i18n/msauth_en.qm``, which holds only plural forms ("%n profile(s)" -> "1 profile",
"2 profiles"). Russian loads
``resources/i18n/msauth_ru.qm`` and Qt's own ``qtbase_ru.qm`` (standard buttons and dialogs:
"OK", "Cancel", the file dialog) when Qt ships it, and routes the core's
:func:`~msauth_gui.core.translate.translate` through ``QCoreApplication.translate``, which is
thread-safe: the server check builds its rows on worker threads. A language chosen in the
settings takes effect at the next start.
"""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication, QLibraryInfo, QLocale, QTranslator

from ..core.translate import QT_TRANSLATE_NOOP, set_translator
from ..i18n import ENGLISH, qm_path

#: texts of Qt's own dialogs that Qt's Russian translation lacks in this Qt version (6.11 added
#: mnemonics to them); our translation, searched first, fills the gap
QT_GAPS = (
    QT_TRANSLATE_NOOP("QFileDialog", "&Look in:"),
    QT_TRANSLATE_NOOP("QFileDialog", "Files of &type:"),
)

#: the translators installed by :func:`install_language`, so a second call can remove them
_installed: list[QTranslator] = []
_language = ENGLISH
#: QLocale's default before the first call (the system's), restored for English
_initial_locale: QLocale | None = None


def _qt_translate(context: str, text: str, disambiguation: str, n: int) -> str:
    return QCoreApplication.translate(context, text, disambiguation or None, n)


def install_language(app: QCoreApplication, language: str) -> str:
    """Speak ``language`` ("en" or "ru") from now on; returns the language in effect.

    English removes every other translator installed here and keeps only the English plural
    forms. A missing .qm file leaves English.
    """
    global _language, _initial_locale
    if _initial_locale is None:
        _initial_locale = QLocale()
    for translator in _installed:
        app.removeTranslator(translator)
    _installed.clear()
    _language = ENGLISH
    set_translator(None)
    QLocale.setDefault(_initial_locale)
    ours = QTranslator(app)
    if language == ENGLISH or not ours.load(str(qm_path(language))):
        _install_english_plurals(app)
        return ENGLISH
    qt_dir = QLibraryInfo.path(QLibraryInfo.LibraryPath.TranslationsPath)
    for name in ("qtbase",):  # Qt's own texts: standard buttons, file and input dialogs
        qt = QTranslator(app)
        if qt.load(f"{name}_{language}", qt_dir):
            app.installTranslator(qt)
            _installed.append(qt)
    app.installTranslator(ours)  # installed last: searched first
    _installed.append(ours)
    set_translator(_qt_translate, language)
    QLocale.setDefault(QLocale(language))
    _language = language
    return language


def _install_english_plurals(app: QCoreApplication) -> None:
    plurals = QTranslator(app)
    if plurals.load(str(qm_path(ENGLISH))):
        app.installTranslator(plurals)
        _installed.append(plurals)


def current_language() -> str:
    """The language :func:`install_language` put in effect (English until it is called)."""
    return _language
