"""Server check: where the token endpoint is, and which spelling of Basic the server takes.

* Row "method.oauth" and after it one row per URL the sign-in's search asked ("method.oauth.1",
  "method.oauth.2"…, see :func:`rank_in`): what each answered, the one that answered named as
  the URL to use, a token endpoint on another server named as not tried.
* Row "method.oauth_connect": the token endpoint a discovery document names, signed in at when
  the search above did not already ask it (a token URL was typed, or an earlier one answered).
* Row "method.basic": base64 (RFC 7617) first and, only if that is refused, the raw form the
  vendor page prints; the row (and the verdict) say which one the server accepts. Sign-in never
  tries both (two failed logins would lock an account twice as fast): the check may.
"""

from __future__ import annotations

from dataclasses import replace

from ..discovery import WELL_KNOWN, Attempt, Candidate, document_steps, same_place
from ..errors import AuthError, CredentialsRejected, NoRights
from ..http import RequestRecord
from ..translate import QT_TRANSLATE_NOOP, translate
from .api import ApiFound
from .common import CheckContext, Stopwatch, http_for, tried_text
from .methods import (
    TITLES,
    MethodResult,
    attempt_sign_in,
    check_method,
    report_sign_in,
    sign_in_row,
)
from .report import CheckRow

CANDIDATE_TITLE = QT_TRANSLATE_NOOP("check", "Token URL candidate {n}")
RAW_ONLY = QT_TRANSLATE_NOOP(
    "check",
    "The server refuses the standard base64 form and accepts only the raw one, "
    "login:password as the vendor page prints it. ",
)
BOTH_REFUSED = QT_TRANSLATE_NOOP(
    "check", "Both spellings were tried: base64 (RFC 7617) and raw login:password. "
)
# (no text here puts a login:password right after the word Basic: redaction masks that shape)


def rank_in(key: str, order: tuple[str, ...]) -> tuple[int, int]:
    """Where a row goes: its place in ``order``; "method.oauth.3" right after "method.oauth"."""
    if key in order:
        return order.index(key), 0
    parent, _, n = key.rpartition(".")
    if parent in order and n.isdigit():
        return order.index(parent), int(n)
    return len(order), 0


# -- OAuth: a row per candidate ------------------------------------------------------------------
def check_oauth(ctx: CheckContext, api: ApiFound) -> MethodResult:
    """Row "method.oauth", then one row per candidate its search asked."""
    result = check_method(ctx, api, "oauth")
    for n, attempt in enumerate(result.attempts, 1):
        ctx.emit(candidate_row(n, attempt, result.token_url), "")
    return result


def candidate_row(n: int, attempt: Attempt, used: str | None) -> CheckRow:
    """What one candidate answered and what that means for the search."""
    key = f"method.oauth.{n}"
    title = translate("check", CANDIDATE_TITLE).format(n=n)
    tried = f"{attempt.method} {attempt.url}"
    answer = attempt.note if attempt.outcome == "skipped" else f"HTTP {attempt.status}"
    if attempt.outcome == "answered" and attempt.method == "GET" and attempt.note:
        answer += ", " + attempt.note  # a discovery document: what it names
    happened = f"{tried}: {answer}"
    status, meaning = _candidate_meaning(attempt, used)
    return CheckRow(key, title, status, tried, happened, meaning)


def _candidate_meaning(attempt: Attempt, used: str | None) -> tuple[str, str]:
    document = attempt.method == "GET"
    code = attempt.status
    if attempt.outcome == "skipped":
        return "skip", ""
    if attempt.outcome == "answered" and document:
        return "info", translate("check", "The server's discovery document.")
    if attempt.outcome == "answered" and used is not None and attempt.url == used:
        if code == 200:
            text = translate("check", "The token endpoint is here: this is the URL to use.")
        else:
            text = translate(
                "check",
                "The token endpoint is here (its OAuth error answer is the sign-in row's "
                "business): this is the URL to use.",
            )
        return "pass", text
    if attempt.outcome == "missing" and document:
        return "info", translate("check", "No discovery document here.")
    if attempt.outcome == "missing" and code == 405:
        return "info", translate(
            "check", "Not a token endpoint: it does not take this request (HTTP 405)."
        )
    if attempt.outcome == "missing":
        return "info", translate("check", "Nothing here (HTTP {status}).").format(status=code)
    if code == 429:
        return "warn", translate(
            "check", "The server limits requests (HTTP 429): the search stops here."
        )
    if code is not None and 300 <= code < 400:
        return "warn", translate(
            "check",
            "A redirect, not followed: credentials never follow one.",
        )
    return "warn", translate(
        "check", "Not an OAuth answer (HTTP {status}): not the token endpoint."
    ).format(status=code)


# -- OAuth at the endpoint a discovery document names --------------------------------------------
def check_oauth_connect(ctx: CheckContext, api: ApiFound, oauth: MethodResult) -> MethodResult:
    """Row "method.oauth_connect": the discovery document's token endpoint, if it is news."""
    key, title = "method.oauth_connect", translate("check", TITLES["oauth_connect"])
    if not api.ok or api.settings is None:
        ctx.emit(CheckRow(key, title, "skip", "", api.blocked), "")
        return MethodResult("oauth_connect")
    watch = Stopwatch()
    records: list[RequestRecord] = []
    http = http_for(ctx, api.settings, records)
    found: Candidate | Attempt | None = None
    why = translate("check", "skipped: the server publishes no {path}").format(path=WELL_KNOWN)
    try:
        for step in document_steps(api.settings.endpoints(), lambda url: http.request("GET", url)):
            if isinstance(step, Candidate) or step.outcome == "skipped":
                found = step
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

    if isinstance(found, Attempt) and found.method == "POST":  # on another server
        meaning = translate(
            "check",
            "Discovery names a token endpoint on another address ({url}); it was not tried: "
            "the password is only sent to the server you typed.",
        ).format(url=found.url)
        return skip(f"token_endpoint {found.url}", "warn", meaning)
    if isinstance(found, Attempt):
        return skip(
            translate("check", "skipped: {url} names no token_endpoint").format(url=found.url)
        )
    if found is None:
        return skip(why)
    if oauth.token_url is not None and same_place(found.url) == same_place(oauth.token_url):
        return skip(translate("check", "skipped: discovery names the token URL checked above"))
    if any(same_place(found.url) == same_place(a.url) for a in oauth.attempts):
        return skip(translate("check", "skipped: discovery names a URL the search above asked"))
    settings = replace(api.settings, token_url=found.url)
    return sign_in_row(ctx, settings, "oauth", "oauth_connect", records)


# -- Basic: base64, then raw -------------------------------------------------------------------
def check_basic(ctx: CheckContext, api: ApiFound) -> MethodResult:
    """Row "method.basic": base64, and raw only if base64 is refused; says which one works."""
    if not api.ok or api.settings is None:
        return check_method(ctx, api, "basic")  # its skipped row
    watch = Stopwatch()
    records: list[RequestRecord] = []
    base64 = replace(api.settings, basic_encoding="base64")
    result = attempt_sign_in(ctx, base64, "basic", "basic", records)
    if not isinstance(result.error, CredentialsRejected):
        report_sign_in(ctx, result, "basic", records, watch)
        return result
    raw_settings = replace(base64, basic_encoding="raw")
    raw = attempt_sign_in(ctx, raw_settings, "basic", "basic", records)
    if raw.error is None or isinstance(raw.error, NoRights):  # the raw form is the one it knows
        report_sign_in(ctx, raw, "basic", records, watch, translate("check", RAW_ONLY))
        return raw
    both = isinstance(raw.error, CredentialsRejected)
    report_sign_in(
        ctx, result, "basic", records, watch, translate("check", BOTH_REFUSED) if both else ""
    )
    return result
