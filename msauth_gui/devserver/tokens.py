"""The demo server's settings, its token book-keeping and the token object in three styles."""

from __future__ import annotations

import base64
import binascii
import hashlib
import hmac
import json
import secrets
import threading
from dataclasses import dataclass, field

DEMO_USERS: dict[str, str] = {"admin": "admin", "operator": "p@ss wörd", "norights": "norights"}

TOKEN_STYLES = ("documentation", "rfc6749", "camelCase")
_KEYS = {
    "documentation": ("Access_token", "Token_type", "Expires_in", "Refresh_token"),
    "rfc6749": ("access_token", "token_type", "expires_in", "refresh_token"),
    "camelCase": ("accessToken", "tokenType", "expiresIn", "refreshToken"),
}
BASIC_ENCODINGS = ("any", "base64", "raw")


@dataclass
class DemoConfig:
    """How the demo server behaves; mutable while it runs (tests flip ``fault`` and friends)."""

    users: dict[str, str] = field(default_factory=lambda: dict(DEMO_USERS))  #: login -> password
    no_rights: set[str] = field(default_factory=lambda: {"norights"})  #: sign in, 403 on data
    client_id: str = "123"
    client_secret: str = "user"
    token_style: str = "documentation"  #: "documentation" | "rfc6749" | "camelCase"
    prefix: str = ""  #: "" or "/MobileSMARTS" or "/<guid>"
    access_lifetime: float = 86400.0
    refresh_lifetime: float | None = None  #: None: refresh tokens never expire
    rotate_refresh: bool = True
    refresh_returns_refresh_token: bool = True
    omit_expires_in: bool = False
    jwt: bool = False
    auth_enabled: bool = True
    date_skew: float = 0.0
    fault: str | None = None
    fault_on: frozenset[str] = frozenset({"session", "token", "refresh", "probe"})
    delay: float = 0.0
    redirect_to: str = "http://127.0.0.2:9/elsewhere"
    openid: bool = False
    expires_in_value: object = None  #: sent literally as expires_in when not None
    #: where the password grant lives (absolute paths; ``{prefix}`` and ``{api}`` are filled
    #: in); None: ``{prefix}/oauth/token``, and ``{prefix}/connect/token`` with ``openid``
    token_paths: tuple[str, ...] | None = None
    #: the discovery document's token_endpoint (may name another origin); None: this server's
    openid_token_endpoint: str | None = None
    basic_encoding: str = "any"  #: Basic spellings accepted: "any" | "base64" | "raw"

    def __post_init__(self) -> None:
        if self.token_style not in TOKEN_STYLES:
            raise ValueError(f"token_style must be one of {', '.join(TOKEN_STYLES)}")
        if self.basic_encoding not in BASIC_ENCODINGS:
            raise ValueError(f"basic_encoding must be one of {', '.join(BASIC_ENCODINGS)}")

    def check_password(self, login: str, password: str) -> bool:
        return login in self.users and self.users[login] == password

    def check_client(self, client_id: str | None, client_secret: str | None) -> bool:
        return client_id == self.client_id and client_secret == self.client_secret


def normalise_prefix(prefix: str) -> str:
    """``MobileSMARTS/`` -> ``/MobileSMARTS``; ``/`` -> ``""``."""
    prefix = prefix.strip().strip("/")
    return "/" + prefix if prefix else ""


def number(value: float) -> int | float:
    """An int when the value is whole (``86400``), else the float (``0.5``)."""
    return int(value) if float(value).is_integer() else float(value)


@dataclass(frozen=True)
class Issued:
    """One answer's worth of tokens."""

    access_token: str
    refresh_token: str | None
    lifetime: float


class TokenStore:
    """Every access and refresh token the server has issued and not forgotten (thread-safe)."""

    def __init__(self) -> None:
        self._lock = threading.Lock()
        self._access: dict[str, tuple[str, float]] = {}  # token -> (login, expires_at)
        self._refresh: dict[str, tuple[str, float | None]] = {}  # token -> (login, expires_at)
        self._jwt_key = secrets.token_bytes(32)

    def issue(self, login: str, now: float, config: DemoConfig) -> Issued:
        """New access and refresh tokens for ``login``."""
        access = self._new_access(login, now, config)
        refresh = secrets.token_urlsafe(24)
        until = None if config.refresh_lifetime is None else now + config.refresh_lifetime
        with self._lock:
            self._refresh[refresh] = (login, until)
        return Issued(access, refresh, config.access_lifetime)

    def refresh(self, refresh: str, now: float, config: DemoConfig) -> Issued | None:
        """A new access token for a live refresh token, rotated as configured; None if dead."""
        with self._lock:
            entry = self._refresh.get(refresh)
            if entry is None or (entry[1] is not None and now >= entry[1]):
                self._refresh.pop(refresh, None)
                return None
            # an answer without a refresh token means "keep the old one": it must stay alive
            rotate = config.rotate_refresh and config.refresh_returns_refresh_token
            if rotate:
                del self._refresh[refresh]
        login = entry[0]
        if rotate:
            return self.issue(login, now, config)
        access = self._new_access(login, now, config)
        kept = refresh if config.refresh_returns_refresh_token else None
        return Issued(access, kept, config.access_lifetime)

    def login_for(self, access: str, now: float) -> str | None:
        """The login an access token belongs to, or None when unknown or expired."""
        with self._lock:
            entry = self._access.get(access)
            if entry is None or now >= entry[1]:
                return None
            return entry[0]

    def revoke_all(self) -> None:
        with self._lock:
            self._access.clear()
            self._refresh.clear()

    def _new_access(self, login: str, now: float, config: DemoConfig) -> str:
        expires_at = now + config.access_lifetime
        token = self._jwt(login, now, expires_at) if config.jwt else secrets.token_urlsafe(32)
        with self._lock:
            self._access[token] = (login, expires_at)
        return token

    def _jwt(self, login: str, now: float, expires_at: float) -> str:
        def part(data: dict[str, object]) -> str:
            raw = json.dumps(data, separators=(",", ":")).encode()
            return base64.urlsafe_b64encode(raw).rstrip(b"=").decode("ascii")

        claims = {
            "iss": "MobileSMARTS-demo",
            "sub": login,
            "iat": int(now),
            "exp": number(expires_at),
            "jti": secrets.token_hex(8),
        }
        body = part({"alg": "HS256", "typ": "JWT"}) + "." + part(claims)
        sig = hmac.new(self._jwt_key, body.encode("ascii"), hashlib.sha256).digest()
        return body + "." + base64.urlsafe_b64encode(sig).rstrip(b"=").decode("ascii")


def render_token(issued: Issued, config: DemoConfig) -> bytes:
    """The token object in ``config.token_style``; "documentation" is the vendor page's non-JSON."""
    keys = _KEYS.get(config.token_style, _KEYS["rfc6749"])
    expires = config.expires_in_value
    if expires is None:
        expires = number(issued.lifetime)
    pairs: list[tuple[str, object]] = [(keys[0], issued.access_token), (keys[1], "bearer")]
    if not config.omit_expires_in:
        pairs.append((keys[2], expires))
    if issued.refresh_token is not None:
        pairs.append((keys[3], issued.refresh_token))
    if config.token_style == "documentation":
        lines = [f"  {key}:{json.dumps(value, ensure_ascii=False)}," for key, value in pairs]
        return ("{\n" + "\n".join(lines) + "\n}").encode()
    return json.dumps(dict(pairs), ensure_ascii=False).encode()


def decode_basic(value: str, encoding: str = "any") -> tuple[str, str] | None:
    """``login:password`` from a Basic credential: base64 (RFC 7617) or raw as the vendor prints
    it, or only the one ``encoding`` names ("base64", "raw")."""
    value = value.strip()
    text = ""
    if encoding != "raw":
        try:
            text = base64.b64decode(value, validate=True).decode("utf-8")
        except (binascii.Error, UnicodeDecodeError, ValueError):
            text = ""
    if ":" not in text and encoding != "base64":
        # the vendor page's raw "Basic login:password"; the header arrived as ISO-8859-1
        # characters, and the client sent UTF-8 bytes
        try:
            text = value.encode("latin-1").decode("utf-8")
        except (UnicodeEncodeError, UnicodeDecodeError):
            text = value
    if ":" not in text:
        return None
    login, _, password = text.partition(":")
    return login, password
