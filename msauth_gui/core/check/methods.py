"""Server check, steps 4 to 6: each sign-in method, the probe with each token, and one refresh."""

from __future__ import annotations

import json
from dataclasses import dataclass, replace
from urllib.parse import urlsplit

from ..client import AuthClient, ConnectionSettings
from ..errors import (
    AuthError,
    CredentialsRejected,
    EndpointNotFound,
    NoRights,
    RefreshTokenRejected,
)
from ..http import RequestRecord
from ..token import Credentials, Token
from ..translate import QT_TRANSLATE_NOOP, translate
from .api import ApiFound
from .common import (
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
from .report import CheckRow

WELL_KNOWN = "/.well-known/openid-configuration"
#: method -> its name in sentences; English source texts: pass them through :func:`label`
LABELS = {
    "basic": QT_TRANSLATE_NOOP("check", "Basic"),
    "session": QT_TRANSLATE_NOOP("check", "Session (GET)"),
    "oauth": QT_TRANSLATE_NOOP("check", "OAuth password grant"),
    "oauth_connect": QT_TRANSLATE_NOOP("check", "OAuth password grant at /connect/token"),
}
TITLES = {
    "basic": QT_TRANSLATE_NOOP("check", "Basic (login:password)"),
    "session": QT_TRANSLATE_NOOP("check", "Session (GET)"),
    "oauth": QT_TRANSLATE_NOOP("check", "OAuth password grant"),
    "oauth_connect": QT_TRANSLATE_NOOP("check", "OAuth at /connect/token"),
}
#: the rows that read data with each method's token
PROBE_TITLES = {
    "session": QT_TRANSLATE_NOOP("check", "Data with the Session (GET) token"),
    "oauth": QT_TRANSLATE_NOOP("check", "Data with the OAuth token"),
    "oauth_connect": QT_TRANSLATE_NOOP("check", "Data with the token from /connect/token"),
}


def label(method: str) -> str:
    """The method's name in the current language."""
    return translate("check", LABELS[method])


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
    key, title = f"method.{method}", translate("check", TITLES[method])
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
    key, title = f"method.{name}", translate("check", TITLES[name])
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
        tried += translate("check", " with grant_type=password")
    if error is None and isinstance(credentials, Token):
        happened += "; " + describe_token(credentials)
        meaning = translate(
            "check", "The server issues a token; a row below says whether data can be read with it."
        )
        row = CheckRow(key, title, "pass", tried, happened, meaning, "", watch.ms)
        ctx.emit(row, "")
    elif error is None:
        meaning = translate(
            "check", "The server accepts the login and password sent with each request."
        )
        row = CheckRow(key, title, "pass", tried, happened, meaning, "", watch.ms)
        ctx.emit(row, "")
    elif isinstance(error, EndpointNotFound) and method != "basic":  # Basic: the probe's 404
        meaning = translate("check", "This server does not offer {method} there (HTTP 404).")
        meaning = meaning.format(method=label(name))
        action = translate(
            "check", "Set the token URL if the server has it elsewhere (--token-url)."
        )
        action = action if method == "oauth" else ""
        ctx.emit(CheckRow(key, title, "warn", tried, happened, meaning, action, watch.ms), "")
    else:
        meaning, action = error_texts(error)
        if method == "basic" and isinstance(error, CredentialsRejected):
            meaning = translate(
                "check",
                "The server refuses this login and password, or Basic is off on this server.",
            )
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
    key, title = "method.oauth_connect", translate("check", TITLES["oauth_connect"])
    if not api.ok or api.settings is None:
        ctx.emit(CheckRow(key, title, "skip", "", api.blocked), "")
        return MethodResult("oauth_connect")
    watch = Stopwatch()
    ep = api.settings.endpoints()
    urls = list(dict.fromkeys([ep.origin + ep.prefix + WELL_KNOWN, ep.origin + WELL_KNOWN]))
    records: list[RequestRecord] = []
    http = http_for(api.settings, records)
    endpoint: object = None
    why = translate("check", "skipped: the server publishes no {path}").format(path=WELL_KNOWN)
    try:
        for url in urls:
            answer = http.request("GET", url)
            if answer.status == 200:
                try:
                    data = json.loads(answer.text)
                except ValueError:
                    data = None
                endpoint = data.get("token_endpoint") if isinstance(data, dict) else None
                why = translate("check", "skipped: {url} names no token_endpoint").format(url=url)
                break
    except AuthError as exc:
        why = translate("check", "skipped: OpenID discovery failed ({error})")
        why = why.format(error=exc.message.split(". ")[0])
    finally:
        http.close()

    def skip(text: str, status: str = "skip", meaning: str = "") -> MethodResult:
        row = CheckRow(key, title, status, tried_text(records), text, meaning, "", watch.ms)
        ctx.emit(row, "")
        return MethodResult("oauth_connect")

    if not isinstance(endpoint, str) or not endpoint.startswith(("http://", "https://")):
        return skip(why)
    if not _same_origin(endpoint, ep.origin):
        meaning = translate(
            "check",
            "Discovery names a token endpoint on another address ({url}); it was not tried: "
            "the password is only sent to the server you typed.",
        ).format(url=endpoint)
        return skip(f"token_endpoint {endpoint}", "warn", meaning)
    if endpoint.rstrip("/").lower() == ep.token_url.rstrip("/").lower():
        return skip(
            translate("check", "skipped: discovery names the configured token URL, checked above")
        )
    return _sign_in(ctx, replace(api.settings, token_url=endpoint), "oauth", key[7:], records)


def check_probe(ctx: CheckContext, result: MethodResult, auth_on: bool | None) -> bool:
    """Row "probe.<method>": does the server accept the token? True when it does."""
    key = f"probe.{result.method}"
    title = translate("check", PROBE_TITLES[result.method])
    token, settings = result.token, result.settings
    if token is None or settings is None:
        why = translate("check", "skipped: no token from {method}").format(
            method=label(result.method)
        )
        ctx.emit(CheckRow(key, title, "skip", "", why), "")
        return False
    watch = Stopwatch()
    records: list[RequestRecord] = []
    client = client_for(ctx, settings, records)
    tried = translate("check", "GET {url} with the token").format(url=client.endpoints.probe_url)
    try:
        client.probe(token)
    except AuthError as exc:
        meaning, action = error_texts(exc)
        if isinstance(exc, CredentialsRejected):
            meaning = translate(
                "check", "The server issued this token but does not accept it (HTTP 401)."
            )
            action = translate(
                "check",
                "The token URL may belong to another database or service: check the token URL "
                "and the server URL.",
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
        meaning = translate(
            "check", "Accepted, but authorization is off: this says nothing about the token."
        )
        ctx.emit(CheckRow(key, title, "info", tried, happened, meaning, "", watch.ms), "")
    else:
        meaning = translate("check", "The server accepts the token, so data can be read with it.")
        ctx.emit(CheckRow(key, title, "pass", tried, happened, meaning, "", watch.ms), "")
    return True


@dataclass(frozen=True)
class RefreshResult:
    ran: bool
    works: bool = False
    source: str | None = None  #: the method whose refresh token was used


def check_refresh(ctx: CheckContext, methods: dict[str, MethodResult]) -> RefreshResult:
    """Row "refresh": one refresh; is the refresh token rotated; does the old one still work."""
    key, title = "refresh", translate("check", "Refresh")
    sources = [methods[m] for m in ("oauth", "oauth_connect", "session") if m in methods]
    with_token = [m for m in sources if m.token is not None]
    source = next((m for m in with_token if m.token and m.token.refresh_token), None)
    if source is None or source.token is None or source.settings is None:
        why = (
            translate("check", "skipped: no refresh token (the sign-in answers carried none)")
            if with_token
            else translate("check", "skipped: no token to refresh")
        )
        ctx.emit(CheckRow(key, title, "skip", "", why), "")
        return RefreshResult(False)
    title = translate("check", "Refresh of the {method} token").format(method=label(source.method))
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
    tried = translate("check", "POST {url} with grant_type=refresh_token").format(
        url=client.endpoints.token_url
    )
    try:
        new = client.refresh(old)
    except AuthError as exc:
        meaning, action = error_texts(exc)
        if isinstance(exc, RefreshTokenRejected):
            meaning = translate(
                "check", "The server does not accept the refresh token it has just issued."
            )
            action = translate(
                "check", "Clients will have to sign in again when the token expires."
            )
        happened = answers_text(records) or exc.message.split(". ")[0]
        ctx.emit(CheckRow(key, title, "fail", tried, happened, meaning, action, watch.ms), "")
        return RefreshResult(True, False, source.method)
    new_token = translate("check", "the new token is {description}")
    parts = [answers_text(records), new_token.format(description=describe_token(new))]
    refusal: AuthError | None = None
    try:
        client.probe(new)
        parts.append(translate("check", "the probe accepts the new access token"))
    except AuthError as exc:
        refusal = exc
        refused = translate("check", "the probe refuses the new access token ({error})")
        parts.append(refused.format(error=exc.message.split(". ")[0]))
    rotated = bool(new.refresh_token) and new.refresh_token != old
    parts.append(
        translate("check", "the refresh token is rotated")
        if rotated
        else translate("check", "the refresh token is not rotated")
    )
    try:
        client.refresh(old)
        old_works: bool | None = True
    except (RefreshTokenRejected, CredentialsRejected):
        old_works = False
    except AuthError:
        old_works = None
    if old_works is None:
        parts.append(translate("check", "whether the old one still works is not known"))
    elif old_works:
        parts.append(translate("check", "the old refresh token still works"))
    else:
        parts.append(translate("check", "the old one no longer works"))
    if rotated and old_works is False:
        meaning = translate(
            "check", "Refresh works. The refresh token is rotated: keep the new one each time."
        )
    elif rotated:
        meaning = translate(
            "check", "Refresh works. The refresh token is rotated, but the old one still works too."
        )
    else:
        meaning = translate(
            "check", "Refresh works. The refresh token is not rotated: the same one stays valid."
        )
    status, action = "pass", ""
    if isinstance(refusal, NoRights):  # the same 403 as the first token: rights, not refresh
        meaning += translate(
            "check", " The new token meets the same lack of rights (see the “Data with” rows)."
        )
    elif refusal is not None:
        status = "warn"
        meaning = translate(
            "check", "Refresh gives a new token, but the server does not accept it."
        )
        action = translate(
            "check", "Check the token URL: it may belong to another database or service."
        )
    tried += translate("check", "; the probe with the new token; the old refresh token again")
    ctx.emit(CheckRow(key, title, status, tried, "; ".join(parts), meaning, action, watch.ms), "")
    return RefreshResult(True, refusal is None, source.method)
