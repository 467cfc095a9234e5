"""Server check, steps 2 and 3: where the API is (and its BaseInfo), and whether auth is on."""

from __future__ import annotations

import json
from dataclasses import dataclass, replace

from ..client import ConnectionSettings, error_for
from ..endpoints import API_SUFFIX
from ..errors import AuthError
from ..http import Answer, RequestRecord
from ..token import snippet
from ..translate import QT_TRANSLATE_NOOP, translate
from .common import (
    CheckContext,
    Stopwatch,
    answers_text,
    error_texts,
    fix_for,
    http_for,
    tried_text,
)
from .report import CheckRow
from .tls import Reach

#: where the API may live, relative to the origin, besides the prefix the operator typed
API_PREFIXES = ("", "/MobileSMARTS")
_ANSWERS = (200, 401, 403)  # the API is there (it may want credentials)
API_TITLE = QT_TRANSLATE_NOOP("check", "Where the API is")
BASEINFO_TITLE = QT_TRANSLATE_NOOP("check", "Application and version")
AUTH_ON_TITLE = QT_TRANSLATE_NOOP("check", "Authorization on?")


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
        _skip(ctx, "api", translate("check", API_TITLE), reach.blocked)
        _skip(ctx, "baseinfo", translate("check", BASEINFO_TITLE), reach.blocked)
        return ApiFound(False, reach.blocked)
    watch = Stopwatch()
    ep = ctx.endpoints
    prefixes = [ep.prefix] + [p for p in API_PREFIXES if p.lower() != ep.prefix.lower()]
    records: list[RequestRecord] = []
    http = http_for(ctx, ctx.settings, records)
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
    title = translate("check", API_TITLE)
    if found is None:
        if error is not None:
            meaning, action = error_texts(error)
            happened = happened or error.message.split(". ")[0]
            fix = fix_for(error)
        else:
            urls = translate("check", " or ").join(ep.origin + p + API_SUFFIX for p in prefixes)
            meaning = translate("check", "No Mobile SMARTS API answers at {urls}").format(urls=urls)
            action = translate(
                "check",
                "Check the server URL: use the database's port, or add the database's path "
                "(/MobileSMARTS or /<database GUID>).",
            )
            fix = translate(
                "check",
                "no API answers at {url} — check the server URL (port, /MobileSMARTS or GUID)",
            ).format(url=typed)
        ctx.emit(CheckRow("api", title, "fail", tried, happened, meaning, action, watch.ms), fix)
        blocked = translate("check", "skipped: no API found")
        _skip(ctx, "baseinfo", translate("check", BASEINFO_TITLE), blocked)
        return ApiFound(False, blocked)
    base, answer = found
    if base.lower() == typed.lower():
        status, action = "pass", ""
        meaning = translate("check", "The API answers at {url}.").format(url=base)
    else:
        status = "warn"
        meaning = translate(
            "check",
            "The address typed leads to no API ({typed}); it answers at {url}. "
            "The checks below use that address.",
        ).format(typed=typed, url=base)
        action = translate("check", "Use {url} as the server URL.").format(url=base)
    ctx.emit(CheckRow("api", title, status, tried, happened, meaning, action, watch.ms), "")
    _emit_base_info(ctx, base, answer)
    return ApiFound(True, "", replace(ctx.settings, server=base))


def _emit_base_info(ctx: CheckContext, base: str, answer: Answer) -> None:
    title = translate("check", BASEINFO_TITLE)
    tried = f"GET {base}/BaseInfo"
    if answer.status == 404:
        meaning = translate("check", "This server has no BaseInfo.")
        row = CheckRow("baseinfo", title, "info", tried, "HTTP 404", meaning)
    elif answer.status != 200:
        row = CheckRow(
            "baseinfo",
            title,
            "info",
            tried,
            f"HTTP {answer.status}",
            translate("check", "BaseInfo needs sign-in on this server; its version is not known."),
        )
    else:
        try:
            data = json.loads(answer.text)
        except (ValueError, RecursionError):
            data = None
        fields = {str(k).lower(): v for k, v in data.items()} if isinstance(data, dict) else {}
        app, version = fields.get("appname"), fields.get("serverversion")
        if app is None and version is None:
            happened = translate("check", "HTTP 200, but no appName or serverVersion in {text}")
            happened = happened.format(text=snippet(answer.text, 80))
            meaning = translate("check", "The version is not known.")
            row = CheckRow("baseinfo", title, "info", tried, happened, meaning)
        else:
            happened = f"HTTP 200: appName {app!s}, serverVersion {version!s}"
            meaning = translate("check", "The server is {app}, version {version}.").format(
                app=app or translate("check", "an unnamed application"), version=version or "?"
            )
            row = CheckRow("baseinfo", title, "info", tried, happened, meaning)
    ctx.emit(row, "")


def check_auth_on(ctx: CheckContext, api: ApiFound) -> bool | None:
    """Row "auth_on": the probe without credentials. True: on; False: off; None: not known."""
    title = translate("check", AUTH_ON_TITLE)
    if not api.ok or api.settings is None:
        _skip(ctx, "auth_on", title, api.blocked)
        return None
    watch = Stopwatch()
    url = api.settings.endpoints().probe_url
    records: list[RequestRecord] = []
    http = http_for(ctx, api.settings, records)
    tried = translate("check", "GET {url} without credentials").format(url=url)
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
        meaning = translate(
            "check",
            "Authorization is off for this database: the probe answers without credentials. "
            "Tokens are not needed — requests work without one.",
        )
        row = CheckRow("auth_on", title, "info", tried, happened, meaning, "", watch.ms)
        ctx.emit(row, "")
        return False
    if answer.status in (401, 403):
        meaning = translate(
            "check", "Authorization is on: the probe needs credentials (HTTP {status})."
        ).format(status=answer.status)
        ctx.emit(CheckRow("auth_on", title, "pass", tried, happened, meaning, "", watch.ms), "")
        return True
    error = error_for(answer, refresh=False)
    meaning, action = error_texts(error)
    if answer.status == 404:
        action = translate(
            "check", "Set a protected path that exists (--probe-path), e.g. /DocTypes?$top=1."
        )
    row = CheckRow("auth_on", title, "fail", tried, happened, meaning, action, watch.ms)
    ctx.emit(row, fix_for(error))
    return None
