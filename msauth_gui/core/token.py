"""Tokens: what the server gave, when it was obtained and when it expires.

The vendor's page prints the token object with capitalised, unquoted keys and a trailing
comma; real servers also send RFC 6749 JSON or camelCase. :func:`parse_token_response`
accepts all of them: strict JSON first, then JSON5, keys matched without regard to case,
``_``/``-`` or style.

Parse only what a token can be. Strict JSON is read for any answer the HTTP layer accepted (at
most 1 MB; C speed, a few milliseconds). JSON5 is pure Python (about 25 µs a character), so it
is tried only for answers of at most :data:`JSON5_LIMIT` characters with at most
:data:`JSON5_MAX_ITEMS` separators (a token object has a handful of fields); anything else that
is not strict JSON is unreadable. Access and refresh tokens must be RFC 6750 ``b64token``s of at
most :data:`MAX_TOKEN_LENGTH` characters and the token type a plain word, so that nothing a
server sends can add a header line to ``Authorization: Bearer …`` or a curl command. An ``exp``
or ``expires_in`` more than :data:`MAX_LIFETIME` away is not believed (expiry unknown, with a
warning), however large the number.
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
from .redact import hold_secrets, redact_start, register_secret
from .translate import QT_TRANSLATE_NOOP, number, plurals, translate

Clock = Callable[[], float]
#: expiries beyond this are not believed (10 years)
MAX_LIFETIME = 10 * 365 * 24 * 3600.0
#: the longest answer read as JSON5 (characters); longer ones must be strict JSON
JSON5_LIMIT = 32 * 1024
#: the most separators (``,`` ``:`` ``[`` ``{``) an answer read as JSON5 may have
JSON5_MAX_ITEMS = 256
#: the longest access or refresh token accepted (characters)
MAX_TOKEN_LENGTH = 16 * 1024
#: RFC 6750 section 2.1 ``b64token``: what may follow ``Bearer`` in a header
B64TOKEN = re.compile(r"[A-Za-z0-9\-._~+/]+=*")
#: a token type is one plain word (bearer, MAC, DPoP)
TOKEN_TYPE = re.compile(r"[A-Za-z][A-Za-z0-9_\-]{0,31}")

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

    def __post_init__(self) -> None:
        # the tokens are masked while this object lives; a replaced token stops costing time
        hold_secrets(self, self.access_token, self.refresh_token)

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

    def __post_init__(self) -> None:
        hold_secrets(self, self.header_value, self.header_value.partition(" ")[2])

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
    register_secret(password)
    return BasicCredentials(login=login, header_value=value, obtained_at=now)


def _integer(digits: str, base: int = 10) -> int | float:
    """A JSON (or JSON5 hexadecimal) integer; a decimal one beyond ``int()``'s digit limit
    (4,300) is ±inf, as a float would be, rather than making the whole answer unreadable."""
    try:
        return int(digits, base)
    except ValueError:
        return float(digits)  # only base 10 has the limit: anything else raises again


def _json(text: str | bytes) -> Any:
    return json.loads(text, parse_int=_integer)


def jwt_claims(token: str) -> dict[str, Any] | None:
    parts = token.split(".")
    if len(parts) != 3:
        return None
    payload = parts[1] + "=" * (-len(parts[1]) % 4)
    try:
        data = _json(base64.urlsafe_b64decode(payload.encode("ascii")))
    except (ValueError, binascii.Error, UnicodeError, RecursionError):
        return None
    return data if isinstance(data, dict) else None


def _load(text: str) -> tuple[Any, bool]:
    """``(data, strict)``; ``data`` is None when the text is neither JSON nor a small JSON5."""
    try:
        return _json(text), True
    except (ValueError, RecursionError):
        pass
    if len(text) > JSON5_LIMIT or sum(map(text.count, ",:[{")) > JSON5_MAX_ITEMS:
        return None, False  # not a token object; and JSON5 would cost seconds of CPU
    import json5  # imported on first non-JSON answer only: keeps start-up light

    try:
        return json5.loads(text, parse_int=_integer), False
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


def _number(value: Any) -> float | None:
    """A JSON number or numeric string as a float (±inf when too large), else None."""
    if isinstance(value, bool):
        return None
    try:
        if isinstance(value, (int, float)):
            return float(value)
        if isinstance(value, str):
            return float(value.strip())
    except OverflowError:  # an integer of hundreds of digits
        return math.inf if value > 0 else -math.inf
    except ValueError:
        return None
    return None


def _shown(value: Any) -> str:
    """A short, printable form of a value from the answer, for a warning."""
    try:
        text = str(value)
    except ValueError:  # an integer beyond the digits limit of str()
        return type(value).__name__
    return repr(text[:40] + ("…" if len(text) > 40 else ""))


def _checked(value: str, what: str, unreadable: Callable[[str], UnreadableAnswer]) -> str:
    """``value`` stripped, if it is a b64token of a sane length; else raise."""
    token = value.strip()
    if len(token) > MAX_TOKEN_LENGTH:
        detail = plurals.tr(
            "the {what} is too long ({length} character(s); at most {most})", "", len(token)
        )
        raise unreadable(
            detail.format(
                what=translate("errors", what),
                length=number(len(token)),
                most=number(MAX_TOKEN_LENGTH),
            )
        )
    if not B64TOKEN.fullmatch(token):
        detail = translate(
            "errors",
            "the {what} has characters no token has (RFC 6750 allows letters, digits and -._~+/=)",
        )
        raise unreadable(detail.format(what=translate("errors", what)))
    return token


_ACCESS = QT_TRANSLATE_NOOP("errors", "access token")
_REFRESH = QT_TRANSLATE_NOOP("errors", "refresh token")


def _expiry(fields: dict[str, Any], access: str, now: float, warnings: list[str]) -> float | None:
    """When the token expires, from ``expires_in`` or else the JWT's ``exp``; None: unknown."""
    raw_expiry = fields.get("expiresin")
    seconds = _number(raw_expiry)
    if raw_expiry is not None and (seconds is None or math.isnan(seconds)):
        warning = translate("errors", "expires_in {value} is not a number; expiry unknown")
        warnings.append(warning.format(value=_shown(raw_expiry)))
    elif seconds is not None and not 0 < seconds <= MAX_LIFETIME:
        warning = translate("errors", "expires_in {seconds:g} s is not believable; expiry unknown")
        warnings.append(warning.format(seconds=seconds))
    elif seconds is not None:
        return now + seconds
    raw_exp = (jwt_claims(access) or {}).get("exp")
    exp = _number(raw_exp) if isinstance(raw_exp, (int, float)) else None
    if exp is None or math.isnan(exp):
        return None
    if abs(exp - now) > MAX_LIFETIME:  # 1e300, year 3,000,000, 1970: not this token's expiry
        warning = translate("errors", "the token's exp {value} is not believable; expiry unknown")
        warnings.append(warning.format(value=f"{exp:g}"))
        return None
    return exp


def parse_token_response(text: str, now: float, url: str = "") -> Token:
    """Read a token object; raise :class:`UnreadableAnswer` when there is no token in it."""

    def unreadable(detail: str) -> UnreadableAnswer:
        where = url or translate("errors", "the server")
        return UnreadableAnswer(url=where, detail=detail, snippet=snippet(text))

    if not text.strip():
        raise unreadable(translate("errors", "the answer was empty"))
    data, strict = _load(text)
    if data is None and len(text) > JSON5_LIMIT:
        detail = plurals.tr(
            "it is not JSON, and too large for a token object ({size} character(s))", "", len(text)
        )
        raise unreadable(detail.format(size=number(len(text))))
    if not isinstance(data, dict):
        raise unreadable(translate("errors", "it is not a token object (JSON)"))
    fields = {_norm(str(k)): v for k, v in data.items()}
    access = fields.get("accesstoken")
    if not isinstance(access, str) or not access.strip():
        raise unreadable(translate("errors", "it has no access token"))
    access = _checked(access, _ACCESS, unreadable)
    refresh = fields.get("refreshtoken")
    if isinstance(refresh, str) and refresh.strip():
        refresh = _checked(refresh, _REFRESH, unreadable)
    else:
        refresh = None
    token_type = fields.get("tokentype")
    token_type = token_type.strip() if isinstance(token_type, str) else ""
    if token_type and not TOKEN_TYPE.fullmatch(token_type):
        detail = translate("errors", "the token type {value} is not one plain word")
        raise unreadable(detail.format(value=_shown(token_type)))
    warnings: list[str] = []
    return Token(
        access_token=access,
        token_type=token_type or "bearer",
        obtained_at=now,
        expires_at=_expiry(fields, access, now, warnings),
        refresh_token=refresh,
        style=_style([str(k) for k in data]),
        strict_json=strict,
        warnings=tuple(warnings),
        raw=text,
    )


def snippet(text: str, limit: int = 200) -> str:
    """The first ``limit`` characters of an answer, on one line, redacted before the cut (the
    error redacts it again: a secret cut in two would have shown its first half)."""
    flat = " ".join(redact_start(text, limit * 2).split())
    return (flat[:limit] + "…") if len(flat) > limit else (flat or translate("errors", "(empty)"))
