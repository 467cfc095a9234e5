"""Check a server's auth set-up: "why can't my client sign in?", answered row by row.

:func:`run_check` runs the checks of issue 5 — reachability and TLS, where the API is, whether
auth is on, each sign-in method, the probe with each token, one refresh, the server's clock —
concurrently where they do not depend on each other, and returns a :class:`CheckReport` with a
verdict: the method to use, or the first thing to fix. Blocking; the window runs it in a worker.
"""

from __future__ import annotations

import threading
import time
from collections.abc import Callable
from concurrent.futures import FIRST_COMPLETED, Future, ThreadPoolExecutor, wait
from dataclasses import dataclass
from typing import Any

from ..client import ConnectionSettings
from ..errors import (
    EXIT_OK,
    EXIT_REJECTED,
    EXIT_UNREACHABLE,
    EXIT_UNUSABLE,
    ClientRejected,
    CredentialsRejected,
)
from ..redact import redact, register_secret
from ..token import Clock
from ..translate import translate
from .api import ApiFound, check_api, check_auth_on
from .budget import Budget
from .common import CheckContext, Stopwatch, human_seconds
from .discovery import check_basic, check_oauth, check_oauth_connect, rank_in
from .methods import (
    MethodResult,
    RefreshResult,
    check_method,
    check_probe,
    check_refresh,
    label,
)
from .report import CheckReport, CheckRow
from .tls import Reach, check_clock, check_reach

__all__ = ["ORDER", "CheckReport", "CheckRow", "row_rank", "run_check"]

#: the rows of every report, in this order; "method.oauth.<n>" (one per candidate URL the
#: search for the token endpoint asked) come right after "method.oauth"
ORDER = (
    "tls",
    "api",
    "baseinfo",
    "auth_on",
    "method.basic",
    "method.session",
    "method.oauth",
    "method.oauth_connect",
    "probe.session",
    "probe.oauth",
    "probe.oauth_connect",
    "refresh",
    "clock",
)
#: which working method the verdict recommends first
PREFERENCE = ("oauth", "oauth_connect", "session", "basic")
TOKEN_METHODS = ("session", "oauth", "oauth_connect")


def row_rank(key: str) -> tuple[int, int]:
    """Where the row ``key`` goes in a report (and in the check dialog's table)."""
    return rank_in(key, ORDER)


@dataclass(frozen=True)
class _Task:
    deps: tuple[str, ...]
    run: Callable[[dict[str, Any]], Any]
    fallback: Any  #: the result when the task itself crashed
    rows: tuple[str, ...]  #: the rows it owns


def _tasks(ctx: CheckContext) -> dict[str, _Task]:
    tasks = {
        "reach": _Task((), lambda r: check_reach(ctx), Reach(False, "skipped"), ("tls",)),
        "clock": _Task(("reach",), lambda r: check_clock(ctx, r["reach"]), None, ("clock",)),
        "api": _Task(
            ("reach",), lambda r: check_api(ctx, r["reach"]), ApiFound(False, "skipped"),
            ("api", "baseinfo"),
        ),
        "auth_on": _Task(("api",), lambda r: check_auth_on(ctx, r["api"]), None, ("auth_on",)),
        "oauth_connect": _Task(  # after OAuth: is the document's endpoint one it did not ask?
            ("api", "oauth"), lambda r: check_oauth_connect(ctx, r["api"], r["oauth"]),
            MethodResult("oauth_connect"), ("method.oauth_connect",),
        ),
        "refresh": _Task(
            tuple(TOKEN_METHODS) + tuple(f"probe.{m}" for m in TOKEN_METHODS),
            lambda r: check_refresh(ctx, {m: r[m] for m in TOKEN_METHODS}),
            RefreshResult(False), ("refresh",),
        ),
    }  # fmt: skip

    def sign_in_with(m: str) -> Callable[[dict[str, Any]], Any]:
        special = {"basic": check_basic, "oauth": check_oauth}.get(m)  # both spellings; candidates
        if special is not None:
            return lambda r: special(ctx, r["api"])
        return lambda r: check_method(ctx, r["api"], m)

    def probe_of(m: str) -> Callable[[dict[str, Any]], Any]:
        return lambda r: check_probe(ctx, r[m], r["auth_on"])

    for method in ("basic", "session", "oauth"):
        tasks[method] = _Task(
            ("api",), sign_in_with(method), MethodResult(method), (f"method.{method}",)
        )
    for method in TOKEN_METHODS:
        # the refresh waits for these: a server may revoke an access token once it is refreshed
        tasks[f"probe.{method}"] = _Task(
            (method, "auth_on"), probe_of(method), False, (f"probe.{method}",)
        )
    return tasks


def _run_graph(
    tasks: dict[str, _Task], max_workers: int, on_crash: Callable[[_Task, Exception], None]
) -> dict[str, Any]:
    """Run each task once its dependencies are done; independent tasks run side by side."""
    results: dict[str, Any] = {}
    pending = dict(tasks)
    running: dict[Future[Any], str] = {}
    with ThreadPoolExecutor(max(1, max_workers), thread_name_prefix="msauth-check") as pool:
        while pending or running:
            for name, task in list(pending.items()):
                if all(dep in results for dep in task.deps):
                    given = {dep: results[dep] for dep in task.deps}
                    running[pool.submit(task.run, given)] = name
                    del pending[name]
            done, _ = wait(running, return_when=FIRST_COMPLETED)
            for future in done:
                name = running.pop(future)
                try:
                    results[name] = future.result()
                except Exception as exc:  # a bug in a step must not lose the other rows
                    on_crash(tasks[name], exc)
                    results[name] = tasks[name].fallback
    return results


def run_check(
    settings: ConnectionSettings,
    login: str,
    password: str,
    *,
    on_row: Callable[[CheckRow], None] | None = None,
    clock: Clock = time.time,
    max_workers: int = 6,
    budget: Budget | None = None,
) -> CheckReport:
    """Check ``settings.server`` with these credentials. Raises InvalidInput for a bad URL only.

    ``on_row`` is called from worker threads as each row completes; the report's rows come in
    the stable order of :data:`ORDER`. The whole check ends within ``budget`` (by default
    ``settings.timeout`` seconds from now); a caller that keeps the budget can stop the check
    from another thread with :meth:`Budget.cancel`.
    """
    budget = budget or Budget(settings.timeout)
    register_secret(password)
    endpoints = settings.endpoints()
    watch = Stopwatch()
    rows: dict[str, CheckRow] = {}
    fixes: dict[str, str] = {}
    lock = threading.Lock()

    def emit(row: CheckRow, fix: str) -> None:
        with lock:
            rows[row.key] = row
            fixes[row.key] = fix
        if on_row is not None:
            on_row(row)

    def on_crash(task: _Task, exc: Exception) -> None:
        text = redact(f"{type(exc).__name__}: {exc}")
        for key in task.rows:
            if key not in rows:
                failed = translate("check", "the check itself failed ({error})")
                emit(CheckRow(key, key, "fail", "", failed.format(error=text)), "")

    ctx = CheckContext(settings, endpoints, login, password, clock, emit, budget)
    results = _run_graph(_tasks(ctx), max_workers, on_crash)
    ordered = tuple(sorted(rows.values(), key=lambda row: row_rank(row.key)))
    verdict, code, best = _conclude(results, ordered, fixes)
    return CheckReport(settings.server, ordered, verdict, code, best, watch.ms)


def _accepted(results: dict[str, Any]) -> dict[str, bool]:
    basic: MethodResult = results["basic"]
    accepted = {"basic": basic.credentials is not None}
    accepted.update({m: bool(results[f"probe.{m}"]) for m in TOKEN_METHODS})
    return accepted


def _conclude(
    results: dict[str, Any], rows: tuple[CheckRow, ...], fixes: dict[str, str]
) -> tuple[str, int, str | None]:
    """The verdict line, the exit code and the method to use."""
    accepted = _accepted(results)
    best = next((m for m in PREFERENCE if accepted[m]), None)
    if best is not None:
        return _use(best, results, rows), EXIT_OK, best
    methods: list[MethodResult] = [results[m] for m in ("basic", *TOKEN_METHODS)]
    errors = [m.error for m in methods if m.error is not None]
    signed_in = any(m.credentials is not None for m in methods)
    first_fix = next(
        (fixes[row.key] for row in rows if row.status == "fail" and fixes.get(row.key)), ""
    )
    if not results["reach"].ok:
        code = EXIT_UNREACHABLE
    elif not signed_in and any(
        isinstance(e, (CredentialsRejected, ClientRejected)) for e in errors
    ):
        code = EXIT_REJECTED
        if all(isinstance(e, ClientRejected) for e in errors):
            first_fix = translate(
                "check", "the client id or secret is rejected — check them (default 123 / user)"
            )
        else:
            first_fix = translate(
                "check", "the login or password is rejected by every sign-in method — check them"
            )
    elif errors and all(e.exit_code == EXIT_UNREACHABLE for e in errors):
        code = EXIT_UNREACHABLE
    else:
        code = EXIT_UNUSABLE
    first_fix = first_fix or translate(
        "check", "no sign-in method gives credentials the server accepts"
    )
    return translate("check", "Fix first: {fix}.").format(fix=first_fix), code, None


def _use(best: str, results: dict[str, Any], rows: tuple[CheckRow, ...]) -> str:
    result: MethodResult = results[best]
    token = result.token
    if token is None and result.settings is not None and result.settings.basic_encoding == "raw":
        text = translate(
            "check",
            "Use Basic in its raw spelling (--basic-encoding raw; in the window, Basic spelling "
            "in Advanced): the server accepts only login:password as the vendor page prints "
            "it, not base64 (there is no token to expire or refresh).",
        )
    elif token is None:
        text = translate(
            "check",
            "Use Basic: the server accepts the login and password on each request "
            "(there is no token to expire or refresh).",
        )
    else:
        details = [
            translate("check", "lifetime unknown")
            if token.lifetime is None
            else translate("check", "lifetime {time}").format(time=human_seconds(token.lifetime))
        ]
        refresh: RefreshResult = results["refresh"]
        if refresh.ran and refresh.source == best:
            details.append(
                translate("check", "refresh works")
                if refresh.works
                else translate("check", "refresh fails")
            )
        elif not token.refresh_token:
            details.append(translate("check", "no refresh token, so sign in again when it expires"))
        name = label(best)
        if best in ("oauth", "oauth_connect") and result.token_url:  # the one to use
            name += translate("check", " (token URL {url})").format(url=result.token_url)
        text = translate("check", "Use {method}: it gives a token the server accepts ({details}).")
        text = text.format(method=name, details=", ".join(details))
    api: ApiFound = results["api"]
    by_key = {row.key: row for row in rows}
    if api.settings is not None and by_key.get("api") and by_key["api"].status == "warn":
        text += translate("check", " Use the server URL {url}.").format(url=api.settings.server)
    if results["auth_on"] is False:
        text = translate("check", "No token needed: authorization is off for this database.") + (
            " " + text
        )
    clock = by_key.get("clock")
    if clock is not None and clock.status == "warn":
        first = clock.meaning.split(". ")[0]
        note = translate("check", " Note: {text}.")
        text += note.format(text=first[:1].lower() + first[1:])
    return text
