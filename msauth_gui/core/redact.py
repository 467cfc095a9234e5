"""The one redaction function every line of output passes through.

Two nets: known secrets (registered when the program learns them: passwords, tokens,
client secrets, Basic credentials) are removed wherever they stand, and patterns remove
anything that looks like a credential even if it was never registered (``password=…``,
``Authorization: Bearer …``, ``"refresh_token": "…"`` in any key spelling, URL userinfo).
"""

from __future__ import annotations

import re
import threading
from collections.abc import Iterable

MASK = "***"
_MIN_SECRET = 3

_lock = threading.Lock()
_secrets: set[str] = set()

_KEY = (
    r"(?:pass(?:word|wd)?|pwd|client[_\-]?secret|secret|"
    r"(?:access|refresh|id)[_\-]?token|token)"
)
_VALUE = r"(?:\"(?:[^\"\\]|\\.)*\"|'(?:[^'\\]|\\.)*')"  # a quoted string
_PATTERNS: tuple[tuple[re.Pattern[str], str], ...] = (
    # Authorization / Proxy-Authorization headers, in any quoting
    (
        re.compile(r"(?i)(authorization['\"]?\s*[:=]\s*['\"]?\s*)([A-Za-z]+\s+)?[^\s'\",}]+"),
        r"\1\2" + MASK,
    ),
    # "Bearer xyz" or "Basic xyz" anywhere else; a credential has a digit or a symbol in it, so
    # prose such as "Basic credentials" or 'Bearer realm="…"' stays readable
    (
        re.compile(
            r"(?i)\b(bearer|basic)\s+(?=[A-Za-z]*[0-9\-._~+/=:%])[A-Za-z0-9\-._~+/=:%]{6,}(?![\"'])"
        ),
        r"\1 " + MASK,
    ),
    # key=value in query strings and forms
    (re.compile(rf"(?i)(\b{_KEY}=)[^&\s'\"]*"), r"\1" + MASK),
    # "key": value (JSON) and key:"value" (JSON5), any case and spelling; an unquoted key with an
    # unquoted value is prose ("Refresh token: present") and stays
    (
        re.compile(rf"(?i)(['\"]\b{_KEY}['\"]\s*:\s*)({_VALUE}|[^\s,}}]+)"),
        r"\1" + '"' + MASK + '"',
    ),
    (re.compile(rf"(?i)(\b{_KEY}\s*:\s*){_VALUE}"), r"\1" + '"' + MASK + '"'),
    # userinfo in URLs: scheme://user:password@host
    (re.compile(r"(?i)\b([a-z][a-z0-9+.\-]*://[^/\s:@]*:)[^/\s@]*@"), r"\1" + MASK + "@"),
    # curl -u user:password
    (re.compile(r"(\s-u\s+['\"]?[^:\s'\"]*:)[^\s'\"]*"), r"\1" + MASK),
)


def register_secret(*values: str | None) -> None:
    """Remember values that must never be shown (too-short ones are ignored)."""
    with _lock:
        for value in values:
            if value and len(value) >= _MIN_SECRET:
                _secrets.add(value)


def forget_secrets() -> None:
    with _lock:
        _secrets.clear()


def redact(text: object, extra: Iterable[str] = ()) -> str:
    """Return ``text`` with every known secret and credential-looking value masked."""
    out = text if isinstance(text, str) else str(text)
    with _lock:
        known = set(_secrets)
    known.update(s for s in extra if s and len(s) >= _MIN_SECRET)
    # Patterns first: their masks cover whole values, so the literal pass has less to do.
    for pattern, replacement in _PATTERNS:
        out = pattern.sub(replacement, out)
    for secret in sorted(known, key=len, reverse=True):
        # Replacing can join two halves into a new occurrence; each pass removes at least one
        # character of the secret that is not a mask character, so the loop ends.
        while secret in out:
            replaced = out.replace(secret, MASK)
            if replaced == out or set(secret) <= set(MASK):
                break
            out = replaced
    return out
