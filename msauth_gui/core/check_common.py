"""What every step of the server check shares: its context, timing, and errors in plain words."""

from __future__ import annotations

import time
from collections.abc import Callable
from dataclasses import dataclass

from .client import AuthClient, ConnectionSettings
from .endpoints import Endpoints
from .errors import AuthError
from .http import Http, RequestRecord, TlsOptions
from .report import CheckRow
from .token import Clock, Token

NO_RIGHTS_ROLES = "«Внешнее подключение» (external connection) or «Администратор»"

#: called with a finished row and its "Fix first" phrase ("" when the row blocks nothing)
Emit = Callable[[CheckRow, str], None]


@dataclass(frozen=True)
class CheckContext:
    settings: ConnectionSettings  #: as the operator typed them
    endpoints: Endpoints  #: built from those settings
    login: str
    password: str
    clock: Clock
    emit: Emit


def http_for(settings: ConnectionSettings, records: list[RequestRecord]) -> Http:
    """An :class:`Http` with the settings' TLS options that logs each request into ``records``."""
    tls = TlsOptions(settings.verify_tls, settings.ca_bundle or None)
    return Http(tls, settings.timeout, records.append)


def client_for(
    ctx: CheckContext, settings: ConnectionSettings, records: list[RequestRecord]
) -> AuthClient:
    return AuthClient(settings, clock=ctx.clock, http=http_for(settings, records))


class Stopwatch:
    def __init__(self) -> None:
        self.start = time.perf_counter()

    @property
    def ms(self) -> float:
        return (time.perf_counter() - self.start) * 1000


def human_seconds(seconds: float) -> str:
    """``86400`` -> ``24 h``; ``5400`` -> ``1 h 30 min``; ``300`` -> ``5 min``."""
    seconds = abs(round(seconds))
    if seconds >= 3600:
        hours, rest = divmod(seconds, 3600)
        minutes = rest // 60
        return f"{hours} h" + (f" {minutes} min" if minutes else "")
    if seconds >= 60:
        minutes, rest = divmod(seconds, 60)
        return f"{minutes} min" + (f" {rest} s" if rest else "")
    return f"{seconds} s"


STYLE_WORDS = {
    "documentation": "documentation style (Access_token…, as the vendor page prints it)",
    "rfc6749": "RFC 6749 style (access_token…)",
    "camelCase": "camelCase style (accessToken…)",
}


def describe_token(token: Token) -> str:
    """Style, JSON strictness, lifetime and refresh token of a token, in one phrase."""
    parts = [STYLE_WORDS.get(token.style, "an unusual key style")]
    parts.append("strict JSON" if token.strict_json else "not strict JSON (read as JSON5)")
    lifetime = token.lifetime
    if lifetime is None:
        parts.append("lifetime unknown (no expires_in and not a JWT with exp)")
    else:
        parts.append(f"lifetime {human_seconds(lifetime)}")
    if token.claims() is not None:
        parts.append("a JWT")
    parts.append("with a refresh token" if token.refresh_token else "no refresh token")
    parts += token.warnings
    return ", ".join(parts)


def tried_text(records: list[RequestRecord], fallback: str = "") -> str:
    """``GET url; POST url`` from the requests a step made (URLs are already redacted)."""
    return "; ".join(f"{r.method} {r.url}" for r in records) or fallback


def answers_text(records: list[RequestRecord]) -> str:
    """``HTTP 200 in 3 ms`` for each request that got an answer, or how it failed."""
    parts = []
    for r in records:
        where = r.url.split("?", 1)[0]
        if r.status is None:
            why = r.error.split(". ")[0] or "no answer"
            parts.append(f"{why} ({r.method} {where}, {r.duration_ms:.0f} ms)")
        else:
            parts.append(f"HTTP {r.status} from {where} in {r.duration_ms:.0f} ms")
    return "; ".join(parts)


def fix_for(error: AuthError) -> str:
    """The short "Fix first: …" phrase for an error that blocks everything after it."""
    p = error.params
    phrases = {
        "timeout": f"the server does not answer within {p.get('seconds', 0):g} s — check that it "
        "runs, or raise the timeout (--timeout)",
        "cannot_connect": f"cannot connect to {p.get('host')}: {p.get('detail')} — check the "
        "address and port",
        "connection_lost": f"{p.get('host')} closes the connection — check the server, the port "
        "and any proxy between",
        "tls_untrusted": f"the certificate is not trusted ({p.get('detail')}) — add the company CA "
        "(--ca-bundle)",
        "plain_http": f"the server speaks plain HTTP, not HTTPS — use {p.get('suggestion')}",
        "no_rights": f"the user has no rights — give the user's group the role {NO_RIGHTS_ROLES}",
        "credentials_rejected": "the login or password is rejected — check them",
        "client_rejected": "the client id or secret is rejected — check them (the vendor's default "
        "is 123 / user)",
        "server_error": f"the server fails with HTTP {p.get('status')} — check the server's log",
        "not_found": f"nothing answers at {p.get('url')} — check the server URL, the token URL "
        "and the probe path",
    }
    return phrases.get(error.kind, error.message)


def no_rights_text() -> tuple[str, str]:
    """(meaning, action) for a 403."""
    return (
        "Signed in, but the user's group lacks the role needed to read data (a rights problem, "
        "not a wrong password).",
        f"In Mobile SMARTS, give the user's group the role {NO_RIGHTS_ROLES}.",
    )


def error_texts(error: AuthError) -> tuple[str, str]:
    """(meaning, action) for a failed request, from the error's kind."""
    kind = error.kind
    if kind == "no_rights":
        return no_rights_text()
    if kind == "credentials_rejected":
        return (
            "The server does not accept this login and password here.",
            "Check the login and password (and the keyboard layout).",
        )
    if kind == "client_rejected":
        return (
            "The server rejects the OAuth client id or secret, before looking at the password.",
            "Check --client-id and --client-secret (the vendor's default is 123 / user).",
        )
    if kind == "timeout":
        return (
            f"The server did not answer within {error.params.get('seconds', 0):g} s.",
            "Check that the server runs and is not overloaded, or raise the timeout (--timeout).",
        )
    if kind == "server_error":
        return (
            "The server failed while answering (an error on its side, not in the credentials).",
            "Look at the server's log; try again later.",
        )
    return error.message, ""
