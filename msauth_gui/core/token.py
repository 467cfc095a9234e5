"""Tokens: what the server gave, when it was obtained and when it expires.

The vendor's page prints the token object with capitalised, unquoted keys and a trailing
comma; real servers also send RFC 6749 JSON or camelCase. :func:`parse_token_response`
accepts all of them: strict JSON first, then JSON5, keys matched without regard to case,
``_``/``-`` or style.
"""

from __future__ import annotations

import base64
import binascii
import json
import math
import re
from collections.abc import Callable
from dataclasses import dataclass, field, replace
from typing import Any

from .errors import UnreadableAnswer
from .redact import register_secret
from .translate import translate

Clock = Callable[[], float]
#: expiries beyond this are not believed (10 years)
MAX_LIFETIME = 10 * 365 * 24 * 3600.0

STYLE_DOCUMENTATION = "documentation"  # Access_token, unquoted keys, trailing comma
STYLE_RFC6749 = "rfc6749"  # access_token
STYLE_CAMEL = "camelCase"  # accessToken
STYLE_OTHER = "other"


def _norm(key: str) -> str:
    return re.sub(r"[_\-\s]", "", key).lower()


@dataclass(frozen=True)
class Token:
    """An access token with its metadata. Secrets never appear in ``repr``."""

    access_token: str = field(repr=False)
    token_type: str = "bearer"
    obtained_at: float = 0.0  #: epoch seconds, from the injected clock
    expires_at: float | None = None  #: epoch seconds; None means unknown, never "never"
    refresh_token: str | None = field(default=None, repr=False)
    style: str = STYLE_OTHER
    strict_json: bool = True
    warnings: tuple[str, ...] = ()
    raw: str = field(default="", repr=False, compare=False)  #: the answer as read; memory only

    @property
    def authorization(self) -> str:
        kind = "Bearer" if self.token_type.lower() == "bearer" else self.token_type
        return f"{kind} {self.access_token}"

    @property
    def lifetime(self) -> float | None:
        return None if self.expires_at is None else self.expires_at - self.obtained_at

    def remaining(self, now: float) -> float | None:
        return None if self.expires_at is None else self.expires_at - now

    def is_expired(self, now: float) -> bool:
        return self.expires_at is not None and now >= self.expires_at

    def refreshed_by(self, newer: Token) -> Token:
        """``newer``, keeping this token's refresh token when the answer carried none."""
        if newer.refresh_token:
            return newer
        return replace(newer, refresh_token=self.refresh_token)

    def claims(self) -> dict[str, Any] | None:
        """Decoded JWT payload, or None when the access token is not a JWT."""
        return jwt_claims(self.access_token)


@dataclass(frozen=True)
class BasicCredentials:
    """Basic sign-in: no token, the header itself is the credential."""

    login: str
    header_value: str = field(repr=False)  #: ``Basic base64(login:password)``
    obtained_at: float = 0.0

    @property
    def authorization(self) -> str:
        return self.header_value

    @property
    def refresh_token(self) -> None:
        return None

    @property
    def expires_at(self) -> None:
        return None


Credentials = Token | BasicCredentials


def basic_credentials(login: str, password: str, now: float = 0.0) -> BasicCredentials:
    raw = f"{login}:{password}".encode()
    value = "Basic " + base64.b64encode(raw).decode("ascii")
    register_secret(password, value, value.split(" ", 1)[1])
    return BasicCredentials(login=login, header_value=value, obtained_at=now)


def jwt_claims(token: str) -> dict[str, Any] | None:
    parts = token.split(".")
    if len(parts) != 3:
        return None
    payload = parts[1] + "=" * (-len(parts[1]) % 4)
    try:
        data = json.loads(base64.urlsafe_b64decode(payload.encode("ascii")))
    except (ValueError, binascii.Error, UnicodeError, RecursionError):
        return None
    return data if isinstance(data, dict) else None


def _load(text: str) -> tuple[Any, bool]:
    try:
        return json.loads(text), True
    except (ValueError, RecursionError):
        pass
    import json5  # imported on first non-JSON answer only: keeps start-up light

    try:
        return json5.loads(text), False
    except Exception:  # json5 raises several types for bad input
        return None, False


def _style(keys: list[str]) -> str:
    for key in keys:
        if _norm(key) == "accesstoken":
            if key == "access_token":
                return STYLE_RFC6749
            if key == "accessToken":
                return STYLE_CAMEL
            if re.fullmatch(r"[A-Z][a-z]+_[a-z]+", key):
                return STYLE_DOCUMENTATION
    return STYLE_OTHER


def _expires_in(value: Any) -> float | None:
    if isinstance(value, bool):
        return None
    if isinstance(value, (int, float)):
        seconds = float(value)
    elif isinstance(value, str):
        try:
            seconds = float(value.strip())
        except ValueError:
            return None
    else:
        return None
    return seconds if math.isfinite(seconds) else None


def parse_token_response(text: str, now: float, url: str = "") -> Token:
    """Read a token object; raise :class:`UnreadableAnswer` when there is no token in it."""

    def unreadable(detail: str) -> UnreadableAnswer:
        where = url or translate("errors", "the server")
        return UnreadableAnswer(url=where, detail=detail, snippet=snippet(text))

    if not text.strip():
        raise unreadable(translate("errors", "the answer was empty"))
    data, strict = _load(text)
    if not isinstance(data, dict):
        raise unreadable(translate("errors", "it is not a token object (JSON)"))
    fields = {_norm(str(k)): v for k, v in data.items()}
    access = fields.get("accesstoken")
    if not isinstance(access, str) or not access.strip():
        raise unreadable(translate("errors", "it has no access token"))
    refresh = fields.get("refreshtoken")
    refresh = refresh if isinstance(refresh, str) and refresh.strip() else None
    token_type = fields.get("tokentype")
    token_type = token_type if isinstance(token_type, str) and token_type.strip() else "bearer"
    register_secret(access, refresh)

    warnings: list[str] = []
    expires_at: float | None = None
    raw_expiry = fields.get("expiresin")
    seconds = _expires_in(raw_expiry)
    if raw_expiry is not None and seconds is None:
        warning = translate("errors", "expires_in {value} is not a number; expiry unknown")
        warnings.append(warning.format(value=repr(str(raw_expiry)[:40])))
    elif seconds is not None and not 0 < seconds <= MAX_LIFETIME:
        warning = translate("errors", "expires_in {seconds:g} s is not believable; expiry unknown")
        warnings.append(warning.format(seconds=seconds))
        seconds = None
    if seconds is not None:
        expires_at = now + seconds
    else:
        exp = (jwt_claims(access) or {}).get("exp")
        if isinstance(exp, (int, float)) and not isinstance(exp, bool) and math.isfinite(exp):
            expires_at = float(exp)
    return Token(
        access_token=access.strip(),
        token_type=token_type.strip(),
        obtained_at=now,
        expires_at=expires_at,
        refresh_token=refresh.strip() if refresh else None,
        style=_style([str(k) for k in data]),
        strict_json=strict,
        warnings=tuple(warnings),
        raw=text,
    )


def snippet(text: str, limit: int = 200) -> str:
    """The first ``limit`` characters of an answer, on one line, redacted by the error."""
    flat = " ".join(text[: limit * 2].split())
    return (flat[:limit] + "…") if len(flat) > limit else (flat or translate("errors", "(empty)"))
