"""Basic's two spellings: RFC 7617 base64 (the default) and the raw ``login:password`` that the
vendor page prints (``Authorization: Basic {login}:{password}``; base64 is only "allowed").

The client never switches spelling by itself: a second failed login per attempt would lock an
account twice as fast. ``msauth check`` is the place that tries both.
"""

from __future__ import annotations

from typing import Literal

from .errors import InvalidInput
from .redact import register_secret
from .token import BasicCredentials, basic_credentials
from .translate import QT_TRANSLATE_NOOP, translate

BasicEncoding = Literal["base64", "raw"]
BASIC_ENCODINGS: tuple[BasicEncoding, ...] = ("base64", "raw")


def make_basic(
    login: str, password: str, now: float, encoding: BasicEncoding = "base64"
) -> BasicCredentials:
    """The Basic credentials in the chosen spelling (anything but "raw" is base64)."""
    if encoding != "raw":
        return basic_credentials(login, password, now)
    pair = f"{login}:{password}"
    if any(ord(ch) < 32 or ord(ch) == 127 for ch in pair):
        field = QT_TRANSLATE_NOOP("errors", "Password")
        detail = translate(
            "errors", "the raw Basic form cannot carry control characters; use base64"
        )
        raise InvalidInput(field=field, detail=detail)
    value = "Basic " + pair
    register_secret(password, value, pair)
    return BasicCredentials(login=login, header_value=value, obtained_at=now)


def wire(value: str) -> str:
    """A header value as HTTP sends it: UTF-8 bytes (``http.client`` writes ISO-8859-1, so the
    UTF-8 bytes are handed over as the characters of that code page). ASCII is unchanged."""
    return value if value.isascii() else value.encode("utf-8").decode("latin-1")
