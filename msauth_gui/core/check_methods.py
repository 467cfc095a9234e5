"""Server check, steps 4 to 6: each sign-in method, the probe with each token, and one refresh."""

from __future__ import annotations

import json
from dataclasses import dataclass, replace
from urllib.parse import urlsplit

from .check_api import ApiFound
from .check_common import (
    CheckContext,
    Stopwatch,
    answers_text,
    client_for,
    describe_token,
    error_texts,
    fix_for,
    http_for,
    tried_text,
)
from .client import AuthClient, ConnectionSettings
from .errors import (
    AuthError,
    CredentialsRejected,
    EndpointNotFound,
    NoRights,
    RefreshTokenRejected,
)
from .http import RequestRecord
from .report import CheckRow
from .token import Credentials, Token

WELL_KNOWN = "/.well-known/openid-configuration"
LABELS = {
    "basic": "Basic",
    "session": "Session (GET)",
    "oauth": "OAuth password grant",
    "oauth_connect": "OAuth password grant at /connect/token",
}
TITLES = {
    "basic": "Basic (login:password)",
    "session": "Session (GET)",
    "oauth": "OAuth password grant",
    "oauth_connect": "OAuth at /connect/token",
}
PROBE_TITLES = {
    "session": "Probe: Session token",
    "oauth": "Probe: OAuth token",
    "oauth_connect": "Probe: /connect/token token",
}


@dataclass(frozen=True)
class MethodResult:
    method: str  #: "basic", "session", "oauth", "oauth_connect"
    credentials: Credentials | None = None
    error: AuthError | None = None
    settings: ConnectionSettings | None = None  #: what the sign-in used (its token URL)

    @property
    def token(self) -> Token | None:
        return self.credentials if isinstance(self.credentials, Token) else None


def check_method(ctx: CheckContext, api: ApiFound, method: str) -> MethodResult:
    """Row "method.<method>" for basic, session and oauth."""
    key, title = f"method.{method}", TITLES[method]
    if not api.ok or api.settings is None:
        ctx.emit(CheckRow(key, title, "skip", "", api.blocked), "")
        return MethodResult(method)
    return _sign_in(ctx, api.settings, method, method)


def _sign_in(
    ctx: CheckContext,
    settings: ConnectionSettings,
    method: str,
    name: str,
    records: list[RequestRecord] | None = None,
) -> MethodResult:
    key, title = f"method.{name}", TITLES[name]
    watch = Stopwatch()
    records = [] if records is None else records
    client = client_for(ctx, settings, records)
    try:
        credentials = client.sign_in(ctx.login, ctx.password, method)  # type: ignore[arg-type]
    except AuthError as exc:
        error: AuthError | None = exc
        credentials = None
    else:
        error = None
    finally:
        client.close()
    tried, happened = tried_text(records), answers_text(records)
    if method == "oauth" and tried:
        tried += " with grant_type=password"
    if error is None and isinstance(credentials, Token):
        happened += "; " + describe_token(credentials)
        meaning = "The server issues a token (whether it works is the probe's row)."
        row = CheckRow(key, title, "pass", tried, happened, meaning, "", watch.ms)
        ctx.emit(row, "")
    elif error is None:
        meaning = "The server accepts the login and password sent with each request."
        row = CheckRow(key, title, "pass", tried, happened, meaning, "", watch.ms)
        ctx.emit(row, "")
    elif isinstance(error, EndpointNotFound) and method != "basic":  # Basic: the probe's 404
        meaning = f"This server does not offer {LABELS[name]} there (HTTP 404)."
        action = "Set the token URL if the server has it elsewhere (--token-url)."
        action = action if method == "oauth" else ""
        ctx.emit(CheckRow(key, title, "warn", tried, happened, meaning, action, watch.ms), "")
    else:
        meaning, action = error_texts(error)
        if method == "basic" and isinstance(error, CredentialsRejected):
            meaning = "The server refuses this login and password, or Basic is off on this server."
        if not records:  # failed before any request (an unreadable CA bundle…)
            happened = error.message.split(". ")[0]
        ctx.emit(
            CheckRow(key, title, "fail", tried, happened, meaning, action, watch.ms), fix_for(error)
        )
    return MethodResult(name, credentials, error, settings)


def _same_origin(url: str, origin: str) -> bool:
    a, b = urlsplit(url), urlsplit(origin)
    return (a.scheme.lower(), a.netloc.lower()) == (b.scheme.lower(), b.netloc.lower())


def check_oauth_connect(ctx: CheckContext, api: ApiFound) -> MethodResult:
    """Row "method.oauth_connect": the token endpoint that OpenID discovery names, if any."""
    key, title = "method.oauth_connect", TITLES["oauth_connect"]
    if not api.ok or api.settings is None:
        ctx.emit(CheckRow(key, title, "skip", "", api.blocked), "")
        return MethodResult("oauth_connect")
    watch = Stopwatch()
    ep = api.settings.endpoints()
    urls = list(dict.fromkeys([ep.origin + ep.prefix + WELL_KNOWN, ep.origin + WELL_KNOWN]))
    records: list[RequestRecord] = []
    http = http_for(api.settings, records)
    endpoint: object = None
    why = "skipped: the server publishes no " + WELL_KNOWN
    try:
        for url in urls:
            answer = http.request("GET", url)
            if answer.status == 200:
                try:
                    data = json.loads(answer.text)
                except ValueError:
                    data = None
                endpoint = data.get("token_endpoint") if isinstance(data, dict) else None
                why = f"skipped: {url} names no token_endpoint"
                break
    except AuthError as exc:
        why = f"skipped: OpenID discovery failed ({exc.message.split('. ')[0]})"
    finally:
        http.close()

    def skip(text: str, status: str = "skip", meaning: str = "") -> MethodResult:
        row = CheckRow(key, title, status, tried_text(records), text, meaning, "", watch.ms)
        ctx.emit(row, "")
        return MethodResult("oauth_connect")

    if not isinstance(endpoint, str) or not endpoint.startswith(("http://", "https://")):
        return skip(why)
    if not _same_origin(endpoint, ep.origin):
        meaning = (
            f"Discovery names a token endpoint on another address ({endpoint}); it was not tried: "
            "the password is only sent to the server you typed."
        )
        return skip(f"token_endpoint {endpoint}", "warn", meaning)
    if endpoint.rstrip("/").lower() == ep.token_url.rstrip("/").lower():
        return skip("skipped: discovery names the configured token URL, checked above")
    return _sign_in(ctx, replace(api.settings, token_url=endpoint), "oauth", key[7:], records)


def check_probe(ctx: CheckContext, result: MethodResult, auth_on: bool | None) -> bool:
    """Row "probe.<method>": does the server accept the token? True when it does."""
    key = f"probe.{result.method}"
    title = PROBE_TITLES[result.method]
    token, settings = result.token, result.settings
    if token is None or settings is None:
        why = f"skipped: no token from {LABELS[result.method]}"
        ctx.emit(CheckRow(key, title, "skip", "", why), "")
        return False
    watch = Stopwatch()
    records: list[RequestRecord] = []
    client = client_for(ctx, settings, records)
    tried = f"GET {client.endpoints.probe_url} with the token"
    try:
        client.probe(token)
    except AuthError as exc:
        meaning, action = error_texts(exc)
        if isinstance(exc, CredentialsRejected):
            meaning = "The server issued this token but does not accept it (HTTP 401)."
            action = (
                "The token URL may belong to another database or service: check the token URL "
                "and the server URL."
            )
        happened = answers_text(records) or exc.message.split(". ")[0]
        ctx.emit(
            CheckRow(key, title, "fail", tried, happened, meaning, action, watch.ms), fix_for(exc)
        )
        return False
    finally:
        client.close()
    happened = answers_text(records)
    if auth_on is False:
        meaning = "Accepted, but authorization is off: this says nothing about the token."
        ctx.emit(CheckRow(key, title, "info", tried, happened, meaning, "", watch.ms), "")
    else:
        meaning = "The server accepts the token, so data can be read with it."
        ctx.emit(CheckRow(key, title, "pass", tried, happened, meaning, "", watch.ms), "")
    return True


@dataclass(frozen=True)
class RefreshResult:
    ran: bool
    works: bool = False
    source: str | None = None  #: the method whose refresh token was used


def check_refresh(ctx: CheckContext, methods: dict[str, MethodResult]) -> RefreshResult:
    """Row "refresh": one refresh; is the refresh token rotated; does the old one still work."""
    key, title = "refresh", "Refresh"
    sources = [methods[m] for m in ("oauth", "oauth_connect", "session") if m in methods]
    with_token = [m for m in sources if m.token is not None]
    source = next((m for m in with_token if m.token and m.token.refresh_token), None)
    if source is None or source.token is None or source.settings is None:
        why = "skipped: no refresh token" if with_token else "skipped: no token to refresh"
        if with_token:
            why += " (the sign-in answers carried none)"
        ctx.emit(CheckRow(key, title, "skip", "", why), "")
        return RefreshResult(False)
    title = f"Refresh ({LABELS[source.method]} token)"
    watch = Stopwatch()
    old = source.token.refresh_token or ""
    records: list[RequestRecord] = []
    client = client_for(ctx, source.settings, records)
    try:
        return _refresh(ctx, client, source, old, records, title, watch)
    finally:
        client.close()


def _refresh(
    ctx: CheckContext,
    client: AuthClient,
    source: MethodResult,
    old: str,
    records: list[RequestRecord],
    title: str,
    watch: Stopwatch,
) -> RefreshResult:
    key = "refresh"
    tried = f"POST {client.endpoints.token_url} with grant_type=refresh_token"
    try:
        new = client.refresh(old)
    except AuthError as exc:
        meaning, action = error_texts(exc)
        if isinstance(exc, RefreshTokenRejected):
            meaning = "The server does not accept the refresh token it has just issued."
            action = "Clients will have to sign in again when the token expires."
        happened = answers_text(records) or exc.message.split(". ")[0]
        ctx.emit(CheckRow(key, title, "fail", tried, happened, meaning, action, watch.ms), "")
        return RefreshResult(True, False, source.method)
    parts = [answers_text(records), "the new token is " + describe_token(new)]
    refusal: AuthError | None = None
    try:
        client.probe(new)
        parts.append("the probe accepts the new access token")
    except AuthError as exc:
        refusal = exc
        parts.append(f"the probe refuses the new access token ({exc.message.split('. ')[0]})")
    rotated = bool(new.refresh_token) and new.refresh_token != old
    parts.append("the refresh token is rotated" if rotated else "the refresh token is not rotated")
    try:
        client.refresh(old)
        old_works: bool | None = True
    except (RefreshTokenRejected, CredentialsRejected):
        old_works = False
    except AuthError:
        old_works = None
    parts.append(
        {True: "the old refresh token still works", False: "the old one no longer works"}.get(
            old_works, "whether the old one still works is not known"
        )
    )
    if rotated and old_works is False:
        meaning = "Refresh works. The refresh token is rotated: keep the new one each time."
    elif rotated:
        meaning = "Refresh works. The refresh token is rotated, but the old one still works too."
    else:
        meaning = "Refresh works. The refresh token is not rotated: the same one stays valid."
    status, action = "pass", ""
    if isinstance(refusal, NoRights):  # the same 403 as the first token: rights, not refresh
        meaning += " The new token meets the same lack of rights (see the probe rows)."
    elif refusal is not None:
        status = "warn"
        meaning = "Refresh gives a new token, but the server does not accept it."
        action = "Check the token URL: it may belong to another database or service."
    tried += "; the probe with the new token; the old refresh token again"
    ctx.emit(CheckRow(key, title, status, tried, "; ".join(parts), meaning, action, watch.ms), "")
    return RefreshResult(True, refusal is None, source.method)
