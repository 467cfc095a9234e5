"""Text from the network, a file or the clipboard, made safe to show: controls become visible.

A server's error page, ``error_description``, ``Location`` header or token can carry terminal
escape sequences (OSC 52 writes the clipboard, OSC 0 the window title, CSI erases lines), bidi
overrides that reorder what the operator reads, and zero-width characters that hide text.
:func:`visible` writes each such character as an escape (``\\x1b``, ``\\u202e``), so the text
reads as plain data in a terminal, a log or a window; everything else (Cyrillic, CJK, emoji,
tabs only when asked) is left alone. The window and ``msauth`` both use it.

Made visible: C0 and C1 controls and DEL (Unicode category Cc), every format character (Cf:
bidi embeddings, overrides and isolates, LRM/RLM/ALM, zero-width space and joiners, the BOM, soft
hyphen, tag characters…), line and paragraph separators (Zl, Zp), lone surrogates (Cs) and the
Hangul fillers, which are letters that print as nothing.
"""

from __future__ import annotations

import re

_INVISIBLE = (
    "\x00-\x1f\x7f-\x9f\xad\u0600-\u0605\u061c\u06dd\u070f\u0890\u0891\u08e2\u115f\u1160"
    "\u180e\u200b-\u200f\u2028-\u202e\u2060-\u2064\u2066-\u206f\u3164\ud800-\udfff\ufeff"
    "\uffa0\ufff9-\ufffb\U000110bd\U000110cd\U00013430-\U0001343f\U0001bca0-\U0001bca3"
    "\U0001d173-\U0001d17a\U000e0001\U000e0020-\U000e007f"
)
_PATTERN = re.compile(f"[{_INVISIBLE}]")


def _escape(match: re.Match[str]) -> str:
    code = ord(match.group())
    if code < 0x100:
        return f"\\x{code:02x}"
    if code < 0x10000:
        return f"\\u{code:04x}"
    return f"\\U{code:08x}"


def _escape_json(match: re.Match[str]) -> str:
    code = ord(match.group())
    if match.group() in "\t\n\r":  # raw in json.dumps output only as whitespace between items
        return match.group()
    if code < 0x10000:
        return f"\\u{code:04x}"
    code -= 0x10000  # a UTF-16 surrogate pair, as JSON spells characters beyond the BMP
    return f"\\u{0xD800 + (code >> 10):04x}\\u{0xDC00 + (code & 0x3FF):04x}"


def visible(text: object, keep: str = "") -> str:
    """``text`` with every control, bidi and invisible character written as an escape.

    ``keep`` lists characters to leave as they are (``"\\n"`` for a multi-line report).
    """
    out = text if isinstance(text, str) else str(text)
    if _PATTERN.search(out) is None:  # the common case costs one scan
        return out
    if not keep:
        return _PATTERN.sub(_escape, out)
    return _PATTERN.sub(lambda m: m.group() if m.group() in keep else _escape(m), out)


def visible_json(text: str) -> str:
    """JSON text (from ``json.dumps(..., ensure_ascii=False)``) with the same characters
    escaped as JSON ``\\uXXXX`` escapes: the data stays equal, the bytes stay inert. Raw tabs
    and newlines are left: ``json.dumps`` escapes them inside strings, so these are layout."""
    return _PATTERN.sub(_escape_json, text)


def is_visible(text: str) -> bool:
    """Whether ``text`` has nothing :func:`visible` would escape."""
    return _PATTERN.search(text) is None
