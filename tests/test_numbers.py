"""Numbers and counted words in the active language, in the core (``msauth``) and the window:
"10 485 760" and "2,5" in Russian, "10,485,760" and "2.5" in English; "21 байт", "102 байта"."""

from __future__ import annotations

from typing import Any

import pytest
from PySide6.QtWidgets import QApplication

from msauth_gui.core.errors import RequestTimeout, TooManyRequests
from msauth_gui.core.translate import number, plurals, translating
from msauth_gui.gui.i18n import install_language
from msauth_gui.gui.preferences import AppSettings
from msauth_gui.gui.window.settings import SettingsDialog
from msauth_gui.i18n import cli_translator

NBSP = "\u00a0"


@pytest.mark.parametrize(
    ("value", "english", "russian"),
    [
        (5, "5", "5"),
        (1234, "1,234", "1234"),  # Russian leaves four digits whole
        (12345, "12,345", f"12{NBSP}345"),
        (10 * 1024 * 1024, "10,485,760", f"10{NBSP}485{NBSP}760"),
        (-1234567, "-1,234,567", f"-1{NBSP}234{NBSP}567"),
        (2.5, "2.5", "2,5"),
        (15.0, "15", "15"),
        (0.1 + 0.2, "0.3", "0,3"),
    ],
)
def test_numbers_are_written_as_the_language_writes_them(
    value: float, english: str, russian: str
) -> None:
    assert number(value) == english
    with translating(cli_translator("ru"), "ru"):
        assert number(value) == russian
    assert number(value) == english  # and English again after the run


def test_counted_words_take_the_right_plural_form() -> None:
    text = "the answer is too large ({size} byte(s))"
    english = {n: plurals.tr(text, "", n).format(size=number(n)) for n in (1, 2, 21)}
    assert english == {
        1: "the answer is too large (1 byte)",
        2: "the answer is too large (2 bytes)",
        21: "the answer is too large (21 bytes)",
    }
    with translating(cli_translator("ru"), "ru"):
        russian = [plurals.tr(text, "", n).format(size=number(n)) for n in (1, 3, 5, 21, 102, 111)]
    assert [r.split("(")[1] for r in russian] == [
        "1 байт)", "3 байта)", "5 байт)", "21 байт)", "102 байта)", "111 байт)",
    ]  # fmt: skip


def test_errors_fill_in_numbers_in_the_language_spoken() -> None:
    timeout = RequestTimeout(host="h:1", seconds=2.5)
    assert "within 2.5 s" in timeout.message
    with translating(cli_translator("ru"), "ru"):
        assert "за 2,5 с" in timeout.message
        assert TooManyRequests(retry_after=None).message.endswith("через несколько секунд.")
        assert TooManyRequests(retry_after=12345).message.endswith(f"через 12{NBSP}345 с.")
    assert TooManyRequests(retry_after=None).message.endswith("Try again in a few seconds.")


@pytest.mark.parametrize("language", ["en", "ru"])
def test_the_log_size_counts_its_lines(qtbot: Any, language: str) -> None:
    app = QApplication.instance()
    assert app is not None
    install_language(app, language)
    try:
        dialog = SettingsDialog(AppSettings())
        qtbot.addWidget(dialog)
        suffixes = []
        for lines in (1001, 1002, 1005, 1021):
            dialog.log_spin.setValue(lines)
            suffixes.append(dialog.log_spin.suffix())
    finally:
        install_language(app, "en")
    assert (
        suffixes
        == {
            "en": [" lines"] * 4,
            "ru": [" строку", " строки", " строк", " строку"],
        }[language]
    )
