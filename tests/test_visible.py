"""Control, bidi and invisible characters are shown as escapes; ordinary text is left alone."""

from __future__ import annotations

import json
import sys
import unicodedata

import pytest
from hypothesis import given
from hypothesis import strategies as st

from msauth_gui.core.visible import is_visible, visible, visible_json


@pytest.mark.parametrize(
    ("text", "shown"),
    [
        ("\x1b]52;c;aGk=\x07", "\\x1b]52;c;aGk=\\x07"),  # OSC 52: write the clipboard
        ("\x1b]0;title\x07", "\\x1b]0;title\\x07"),  # OSC 0: set the window title
        ("\x1b[2K\r", "\\x1b[2K\\x0d"),  # erase the line, back to its start
        ("a\u202eevil\u202c", "a\\u202eevil\\u202c"),  # right-to-left override
        ("\u2066x\u2069\u200e\u200f\u061c", "\\u2066x\\u2069\\u200e\\u200f\\u061c"),
        ("zero\u200bwidth\ufeff", "zero\\u200bwidth\\ufeff"),
        ("\x7f\x85\x9b", "\\x7f\\x85\\x9b"),  # DEL and C1 controls (0x9b is CSI)
        ("line\nbreak\ttab", "line\\x0abreak\\x09tab"),
        ("tag\U000e0041", "tag\\U000e0041"),
    ],
)
def test_controls_become_escapes(text: str, shown: str) -> None:
    assert visible(text) == shown
    assert is_visible(visible(text))


@pytest.mark.parametrize(
    "text", ["Склад №1 — «Администратор»", "東京 ✅ ⚠️ 👍🏽", "café naïve", "a\\x1b literal", ""]
)
def test_ordinary_text_is_unchanged(text: str) -> None:
    assert visible(text) == text and is_visible(text)


def test_keep_leaves_chosen_characters() -> None:
    assert visible("a\nb\x1bc", keep="\n") == "a\nb\\x1bc"


def test_every_control_format_and_separator_character_is_covered() -> None:
    missed = [
        hex(code)
        for code in range(sys.maxunicode + 1)
        if unicodedata.category(chr(code)) in ("Cc", "Cf", "Cs", "Zl", "Zp")
        and is_visible(chr(code))
    ]
    assert missed == []


def test_json_stays_valid_and_equal() -> None:
    data = {"a": "\x85\u202e\U000e0041\x1b ok", "b": [1, "Привет"]}
    text = json.dumps(data, ensure_ascii=False, indent=2)
    safe = visible_json(text)
    assert is_visible(safe.replace("\n", "")) and json.loads(safe) == data


@given(st.text())
def test_the_output_is_always_visible(text: str) -> None:
    assert is_visible(visible(text))
