"""Server check, steps 4 to 6: each sign-in method, the probe with each token, and one refresh.

Where the token endpoint was found (a row per candidate), the endpoint a discovery document
names and Basic's two spellings are in :mod:`.discovery`, which builds on the rows made here.
"""

from __future__ import annotations

from dataclasses import dataclass

from ..client import AuthClient, ConnectionSettings
from ..discovery import Attempt
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
    tried_text,
)
from .report import CheckRow

#: method -> its name in sentences; English source texts: pass them through :func:`label`
LABELS = {
    "basic": QT_TRANSLATE_NOOP("check", "Basic"),
    "session": QT_TRANSLATE_NOOP("check", "Session (GET)"),
    "oauth": QT_TRANSLATE_NOOP("check", "OAuth password grant"),
    "oauth_connect": QT_TRANSLATE_NOOP("check", "OAuth password grant at /connect/token"),
}
TITLES = {
    # not "Basic (login:password)": redaction masks a login:password after the word Basic
    "basic": QT_TRANSLATE_NOOP("check", "Basic (login and password)"),
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
    #: what the sign-in used, with what it found remembered: later rows go straight there
    settings: ConnectionSettings | None = None
    token_url: str | None = None  #: where the token came from (typed or found); None: unknown
    attempts: tuple[Attempt, ...] = ()  #: the candidates the token endpoint's search tried

    @property
    def token(self) -> Token | None:
        return self.credentials if isinstance(self.credentials, Token) else None


def check_method(ctx: CheckContext, api: ApiFound, method: str) -> MethodResult:
    """Row "method.<method>" for basic, session and oauth."""
    key, title = f"method.{method}", translate("check", TITLES[method])
    if not api.ok or api.settings is None:
        ctx.emit(CheckRow(key, title, "skip", "", api.blocked), "")
        return MethodResult(method)
    return sign_in_row(ctx, api.settings, method, method)


def sign_in_row(
    ctx: CheckContext,
    settings: ConnectionSettings,
    method: str,
    name: str,
    records: list[RequestRecord] | None = None,
) -> MethodResult:
    """Sign in with ``method`` and report row "method.<name>"."""
    watch = Stopwatch()
    records = [] if records is None else records
    result = attempt_sign_in(ctx, settings, method, name, records)
    report_sign_in(ctx, result, method, records, watch)
    return result


def attempt_sign_in(
    ctx: CheckContext,
    settings: ConnectionSettings,
    method: str,
    name: str,
    records: list[RequestRecord],
) -> MethodResult:
    """One sign-in, no row: its credentials or error, and where its token came from."""
    client = client_for(ctx, settings, records)
    credentials: Credentials | None = None
    error: AuthError | None = None
    try:
        credentials = client.sign_in(ctx.login, ctx.password, method)  # type: ignore[arg-type]
    except AuthError as exc:
        error = exc
    finally:
        client.close()
    attempts = client.token_finder.attempts if method == "oauth" else ()
    return MethodResult(name, credentials, error, client.remembered(), client.token_url, attempts)


def report_sign_in(
    ctx: CheckContext,
    result: MethodResult,
    method: str,
    records: list[RequestRecord],
    watch: Stopwatch,
    meaning_first: str = "",
) -> None:
    """Row "method.<name>" for ``result``; ``meaning_first`` goes before what it means."""
    name, credentials, error = result.method, result.credentials, result.error
    key, title = f"method.{name}", translate("check", TITLES[name])
    tried, happened = tried_text(records), answers_text(records)
    if len(result.attempts) > 1 and result.token_url:  # found: each answer is in its own row
        happened = answers_text(records[-1:])
    if method == "oauth" and tried:
        tried += translate("check", " with grant_type=password")
    if method == "oauth" and result.token_url and credentials is not None:
        typed = result.settings is not None and bool(result.settings.token_url)
        where = (
            translate("check", "token URL {url} (as entered)")
            if typed
            else translate("check", "token URL {url} (found automatically)")
        )
        happened += "; " + where.format(url=result.token_url)
    if error is None and isinstance(credentials, Token):
        happened += "; " + describe_token(credentials)
        meaning = translate(
            "check", "The server issues a token; a row below says whether data can be read with it."
        )
        row = CheckRow(key, title, "pass", tried, happened, meaning_first + meaning, "", watch.ms)
        ctx.emit(row, "")
    elif error is None:
        meaning = translate(
            "check", "The server accepts the login and password sent with each request."
        )
        row = CheckRow(key, title, "pass", tried, happened, meaning_first + meaning, "", watch.ms)
        ctx.emit(row, "")
    elif isinstance(error, EndpointNotFound) and method != "basic":  # Basic: the probe's 404
        meaning = translate("check", "This server does not offer {method} there (HTTP 404).")
        if result.attempts:
            meaning = translate(
                "check",
                "No candidate answers like the token endpoint of {method} (the rows below): "
                "this server may not offer it.",
            )
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
        row = CheckRow(
            key, title, "fail", tried, happened, meaning_first + meaning, action, watch.ms
        )
        ctx.emit(row, fix_for(error))


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
    try:
        new = client.refresh(old)
    except AuthError as exc:
        tried = _refresh_tried(client)
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
    tried = _refresh_tried(client)
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


def _refresh_tried(client: AuthClient) -> str:
    """Where the refresh went: the token URL the sign-in used (or the refresh found)."""
    url = client.token_url or client.endpoints.token_url
    return translate("check", "POST {url} with grant_type=refresh_token").format(url=url)
