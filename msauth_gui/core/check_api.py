"""Server check, steps 2 and 3: where the API is (and its BaseInfo), and whether auth is on."""

from __future__ import annotations

import json
from dataclasses import dataclass, replace

from .check_common import (
    CheckContext,
    Stopwatch,
    answers_text,
    error_texts,
    fix_for,
    http_for,
    tried_text,
)
from .check_tls import Reach
from .client import ConnectionSettings, error_for
from .endpoints import API_SUFFIX
from .errors import AuthError
from .http import Answer, RequestRecord
from .report import CheckRow
from .token import snippet

#: where the API may live, relative to the origin, besides the prefix the operator typed
API_PREFIXES = ("", "/MobileSMARTS")
_ANSWERS = (200, 401, 403)  # the API is there (it may want credentials)


@dataclass(frozen=True)
class ApiFound:
    ok: bool
    blocked: str = ""  #: why later steps cannot run
    settings: ConnectionSettings | None = None  #: the typed settings, pointed at the API found


def _skip(ctx: CheckContext, key: str, title: str, why: str) -> None:
    ctx.emit(CheckRow(key, title, "skip", "", why), "")


def check_api(ctx: CheckContext, reach: Reach) -> ApiFound:
    """Rows "api" and "baseinfo"."""
    if not reach.ok:
        _skip(ctx, "api", "Where the API is", reach.blocked)
        _skip(ctx, "baseinfo", "Application and version", reach.blocked)
        return ApiFound(False, reach.blocked)
    watch = Stopwatch()
    ep = ctx.endpoints
    prefixes = [ep.prefix] + [p for p in API_PREFIXES if p.lower() != ep.prefix.lower()]
    records: list[RequestRecord] = []
    http = http_for(ctx.settings, records)
    found: tuple[str, Answer] | None = None
    error: AuthError | None = None
    try:
        for prefix in prefixes:
            base = ep.origin + prefix + API_SUFFIX
            answer = http.request("GET", base + "/BaseInfo")
            if answer.status == 404:  # BaseInfo is not everywhere; $metadata is
                if http.request("GET", base + "/$metadata").status in _ANSWERS:
                    found = (base, answer)
            elif answer.status in _ANSWERS:
                found = (base, answer)
            if found:
                break
    except AuthError as exc:
        error = exc
    finally:
        http.close()
    tried, happened = tried_text(records), answers_text(records)
    typed = ep.api_base
    title = "Where the API is"
    if found is None:
        if error is not None:
            meaning, action = error_texts(error)
            happened = happened or error.message.split(". ")[0]
            fix = fix_for(error)
        else:
            meaning = "No Mobile SMARTS API answers at " + " or ".join(
                ep.origin + p + API_SUFFIX for p in prefixes
            )
            action = (
                "Check the server URL: use the database's port, or add the database's path "
                "(/MobileSMARTS or /<database GUID>)."
            )
            fix = f"no API answers at {typed} — check the server URL (port, /MobileSMARTS or GUID)"
        ctx.emit(CheckRow("api", title, "fail", tried, happened, meaning, action, watch.ms), fix)
        _skip(ctx, "baseinfo", "Application and version", "skipped: no API found")
        return ApiFound(False, "skipped: no API found")
    base, answer = found
    if base.lower() == typed.lower():
        status, meaning, action = "pass", f"The API answers at {base}.", ""
    else:
        status = "warn"
        meaning = (
            f"The address typed leads to no API ({typed}); it answers at {base}. "
            "The checks below use that address."
        )
        action = f"Use {base} as the server URL."
    ctx.emit(CheckRow("api", title, status, tried, happened, meaning, action, watch.ms), "")
    _emit_base_info(ctx, base, answer)
    return ApiFound(True, "", replace(ctx.settings, server=base))


def _emit_base_info(ctx: CheckContext, base: str, answer: Answer) -> None:
    title = "Application and version"
    tried = f"GET {base}/BaseInfo"
    if answer.status == 404:
        row = CheckRow("baseinfo", title, "info", tried, "HTTP 404", "This server has no BaseInfo.")
    elif answer.status != 200:
        row = CheckRow(
            "baseinfo",
            title,
            "info",
            tried,
            f"HTTP {answer.status}",
            "BaseInfo needs sign-in on this server; its version is not known.",
        )
    else:
        try:
            data = json.loads(answer.text)
        except ValueError:
            data = None
        fields = {str(k).lower(): v for k, v in data.items()} if isinstance(data, dict) else {}
        app, version = fields.get("appname"), fields.get("serverversion")
        if app is None and version is None:
            happened = "HTTP 200, but no appName or serverVersion in " + snippet(answer.text, 80)
            row = CheckRow("baseinfo", title, "info", tried, happened, "The version is not known.")
        else:
            happened = f"HTTP 200: appName {app!s}, serverVersion {version!s}"
            meaning = f"The server is {app or 'an unnamed application'}, version {version or '?'}."
            row = CheckRow("baseinfo", title, "info", tried, happened, meaning)
    ctx.emit(row, "")


def check_auth_on(ctx: CheckContext, api: ApiFound) -> bool | None:
    """Row "auth_on": the probe without credentials. True: on; False: off; None: not known."""
    title = "Authorization on?"
    if not api.ok or api.settings is None:
        _skip(ctx, "auth_on", title, api.blocked)
        return None
    watch = Stopwatch()
    url = api.settings.endpoints().probe_url
    records: list[RequestRecord] = []
    http = http_for(api.settings, records)
    tried = f"GET {url} without credentials"
    try:
        answer = http.request("GET", url)
    except AuthError as exc:
        meaning, action = error_texts(exc)
        happened = answers_text(records) or exc.message.split(". ")[0]
        ctx.emit(
            CheckRow("auth_on", title, "fail", tried, happened, meaning, action, watch.ms),
            fix_for(exc),
        )
        return None
    finally:
        http.close()
    happened = answers_text(records)
    if 200 <= answer.status < 300:
        meaning = (
            "Authorization is off for this database: the probe answers without credentials. "
            "Tokens are not needed — requests work without one."
        )
        row = CheckRow("auth_on", title, "info", tried, happened, meaning, "", watch.ms)
        ctx.emit(row, "")
        return False
    if answer.status in (401, 403):
        meaning = f"Authorization is on: the probe needs credentials (HTTP {answer.status})."
        ctx.emit(CheckRow("auth_on", title, "pass", tried, happened, meaning, "", watch.ms), "")
        return True
    error = error_for(answer, refresh=False)
    meaning, action = error_texts(error)
    if answer.status == 404:
        action = "Set a protected path that exists (--probe-path), e.g. /DocTypes?$top=1."
    row = CheckRow("auth_on", title, "fail", tried, happened, meaning, action, watch.ms)
    ctx.emit(row, fix_for(error))
    return None
