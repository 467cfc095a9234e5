"""What every step of the server check shares: its context, timing, and errors in plain words."""

from __future__ import annotations

import math
import time
from collections.abc import Callable
from dataclasses import dataclass, field

from ..client import AuthClient, ConnectionSettings
from ..endpoints import Endpoints
from ..errors import AuthError
from ..http import Http, RequestRecord, TlsOptions
from ..token import Clock, Token
from ..translate import QT_TRANSLATE_NOOP, number, translate
from .budget import Budget
from .report import CheckRow

NO_RIGHTS_ROLES = QT_TRANSLATE_NOOP(
    "check", "«Внешнее подключение» (external connection) or «Администратор»"
)

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
    #: the check's overall time and stop switch: every request is made through it
    budget: Budget = field(default_factory=lambda: Budget(math.inf))


def http_for(ctx: CheckContext, settings: ConnectionSettings, records: list[RequestRecord]) -> Http:
    """An :class:`Http` with the settings' TLS options, under the check's budget, that logs
    each request into ``records``."""
    tls = TlsOptions(settings.verify_tls, settings.ca_bundle or None)
    return ctx.budget.http(tls, settings.timeout, records)


def client_for(
    ctx: CheckContext, settings: ConnectionSettings, records: list[RequestRecord]
) -> AuthClient:
    return AuthClient(settings, clock=ctx.clock, http=http_for(ctx, settings, records))


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
        if minutes:
            text = translate("check", "{hours} h {minutes} min")
            return text.format(hours=hours, minutes=minutes)
        return translate("check", "{hours} h").format(hours=hours)
    if seconds >= 60:
        minutes, rest = divmod(seconds, 60)
        if rest:
            return translate("check", "{minutes} min {seconds} s").format(
                minutes=minutes, seconds=rest
            )
        return translate("check", "{minutes} min").format(minutes=minutes)
    return translate("check", "{seconds} s").format(seconds=seconds)


STYLE_WORDS = {
    "documentation": QT_TRANSLATE_NOOP(
        "check", "documentation style (Access_token…, as the vendor page prints it)"
    ),
    "rfc6749": QT_TRANSLATE_NOOP("check", "RFC 6749 style (access_token…)"),
    "camelCase": QT_TRANSLATE_NOOP("check", "camelCase style (accessToken…)"),
}


def describe_token(token: Token) -> str:
    """Style, JSON strictness, lifetime and refresh token of a token, in one phrase."""
    style = STYLE_WORDS.get(token.style)
    parts = [translate("check", style) if style else translate("check", "an unusual key style")]
    parts.append(
        translate("check", "strict JSON")
        if token.strict_json
        else translate("check", "not strict JSON (read as JSON5)")
    )
    lifetime = token.lifetime
    if lifetime is None:
        parts.append(translate("check", "lifetime unknown (no expires_in and not a JWT with exp)"))
    else:
        parts.append(translate("check", "lifetime {time}").format(time=human_seconds(lifetime)))
    if token.claims() is not None:
        parts.append(translate("check", "a JWT"))
    parts.append(
        translate("check", "with a refresh token")
        if token.refresh_token
        else translate("check", "no refresh token")
    )
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
        ms = number(round(r.duration_ms))
        if r.status is None:
            why = r.error.split(". ")[0] or translate("check", "no answer")
            text = translate("check", "{why} ({method} {url}, {ms} ms)")
            parts.append(text.format(why=why, method=r.method, url=where, ms=ms))
        else:
            text = translate("check", "HTTP {status} from {url} in {ms} ms")
            parts.append(text.format(status=r.status, url=where, ms=ms))
    return "; ".join(parts)


def fix_for(error: AuthError) -> str:
    """The short "Fix first: …" phrase for an error that blocks everything after it."""
    phrase = _FIX_PHRASES.get(error.kind)
    if phrase is None:
        return error.message
    p = error.params
    return translate("check", phrase).format(
        seconds=number(p.get("seconds", 0)),
        host=p.get("host"),
        detail=p.get("detail"),
        suggestion=p.get("suggestion"),
        roles=translate("check", NO_RIGHTS_ROLES),
        status=p.get("status"),
        url=p.get("url"),
    )


_FIX_PHRASES = {
    "timeout": QT_TRANSLATE_NOOP(
        "check",
        "the server does not answer within {seconds} s — check that it runs, or raise the "
        "timeout (--timeout)",
    ),
    "cannot_connect": QT_TRANSLATE_NOOP(
        "check", "cannot connect to {host}: {detail} — check the address and port"
    ),
    "connection_lost": QT_TRANSLATE_NOOP(
        "check", "{host} closes the connection — check the server, the port and any proxy between"
    ),
    "tls_untrusted": QT_TRANSLATE_NOOP(
        "check", "the certificate is not trusted ({detail}) — add the company CA (--ca-bundle)"
    ),
    "plain_http": QT_TRANSLATE_NOOP(
        "check", "the server speaks plain HTTP, not HTTPS — use {suggestion}"
    ),
    "no_rights": QT_TRANSLATE_NOOP(
        "check", "the user has no rights — give the user's group the role {roles}"
    ),
    "credentials_rejected": QT_TRANSLATE_NOOP(
        "check", "the login or password is rejected — check them"
    ),
    "client_rejected": QT_TRANSLATE_NOOP(
        "check",
        "the client id or secret is rejected — check them (the vendor's default is 123 / user)",
    ),
    "server_error": QT_TRANSLATE_NOOP(
        "check", "the server fails with HTTP {status} — check the server's log"
    ),
    "not_found": QT_TRANSLATE_NOOP(
        "check",
        "nothing answers at {url} — check the server URL, the token URL and the probe path",
    ),
}


def no_rights_text() -> tuple[str, str]:
    """(meaning, action) for a 403."""
    return (
        translate(
            "check",
            "Signed in, but the user's group lacks the role needed to read data (a rights "
            "problem, not a wrong password).",
        ),
        translate("check", "In Mobile SMARTS, give the user's group the role {roles}.").format(
            roles=translate("check", NO_RIGHTS_ROLES)
        ),
    )


def error_texts(error: AuthError) -> tuple[str, str]:
    """(meaning, action) for a failed request, from the error's kind."""
    kind = error.kind
    if kind == "no_rights":
        return no_rights_text()
    if kind == "credentials_rejected":
        return (
            translate("check", "The server does not accept this login and password here."),
            translate("check", "Check the login and password (and the keyboard layout)."),
        )
    if kind == "client_rejected":
        return (
            translate(
                "check",
                "The server rejects the OAuth client id or secret, before looking at the password.",
            ),
            translate(
                "check",
                "Check --client-id and --client-secret (the vendor's default is 123 / user).",
            ),
        )
    if kind == "timeout":
        return (
            translate("check", "The server did not answer within {seconds} s.").format(
                seconds=number(error.params.get("seconds", 0))
            ),
            translate(
                "check",
                "Check that the server runs and is not overloaded, or raise the timeout "
                "(--timeout).",
            ),
        )
    if kind == "server_error":
        return (
            translate(
                "check",
                "The server failed while answering (an error on its side, not in the credentials).",
            ),
            translate("check", "Look at the server's log; try again later."),
        )
    return error.message, ""
