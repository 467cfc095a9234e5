"""Server check, steps 1 and 7: can the server be reached (DNS, connect, TLS), and its clock.

The certificate is fetched over an unverified handshake so that it can be described even when
it is not trusted; whether it is trusted is then judged by a real request through :class:`Http`,
with exactly the TLS options the client would use.
"""

from __future__ import annotations

import datetime as dt
import email.utils
import ipaddress
import socket
from dataclasses import dataclass
from urllib.parse import urlsplit

from ..endpoints import ascii_host
from ..errors import (
    AuthError,
    CannotConnect,
    ConnectionLost,
    HttpsServer,
    PlainHttpServer,
    RedirectRefused,
    RequestTimeout,
    TlsNotTrusted,
    UnreadableAnswer,
)
from ..failures import connection_error
from ..handshake import fetch_certificate, speaks_tls
from ..http import Answer
from ..translate import QT_TRANSLATE_NOOP, number, plurals, translate
from .budget import Budget
from .certificate import Certificate, parse_certificate
from .common import CheckContext, Stopwatch, fix_for, http_for, human_seconds
from .report import CheckRow

MAX_SKEW = 60.0
TLS_ACTION = QT_TRANSLATE_NOOP(
    "check",
    "Add the company CA certificate: --ca-bundle FILE (in the window: CA bundle). "
    "For a test server only, turn TLS verification off (--insecure).",
)
NOT_REACHABLE = QT_TRANSLATE_NOOP("check", "skipped: server not reachable")
#: the server answered, in the other protocol than the address says
WRONG_SCHEME = QT_TRANSLATE_NOOP("check", "skipped: the address needs {scheme}:// (first row)")


@dataclass(frozen=True)
class Reach:
    ok: bool
    blocked: str = ""  #: why later steps cannot run
    date: str | None = None  #: the server's Date header
    local_time: float | None = None  #: the local clock when that answer arrived


def _connect(host: str, port: int, timeout: float, budget: Budget) -> tuple[str, float]:
    """DNS and a TCP connect, each within the budget: the address used and the connect time in
    ms; raises the core's connection error (a resolver that never answers is a timeout)."""
    where = f"{host}:{port}"
    try:
        infos = budget.resolve(host, port, timeout)
        watch = Stopwatch()  # the TCP connect alone: looked up once, above
        with budget.connect((host, port), timeout, infos):
            pass
    except UnicodeError:  # a name no DNS can hold
        raise connection_error(socket.gaierror(socket.EAI_NONAME, host), where) from None
    except OSError as exc:
        raise connection_error(exc, where) from None
    return str(infos[0][4][0]), watch.ms


def check_reach(ctx: CheckContext) -> Reach:
    """Row "tls": DNS, connect, the TLS handshake and certificate, and the client's own view."""
    watch = Stopwatch()
    ep, settings = ctx.endpoints, ctx.settings
    parts = urlsplit(ep.origin)
    host = ascii_host(parts.hostname or "") or ""  # as requests sends it: IDNA 2008
    port = parts.port or (443 if ep.is_https else 80)
    if ep.is_https:
        title = translate("check", "Reachability and TLS")
        steps = translate("check", "DNS, TCP connect, TLS handshake to {where}")
    else:
        title = translate("check", "Reachability (HTTP)")
        steps = translate("check", "DNS, TCP connect to {where}")
    tried = steps.format(where=f"{host}:{port}") + f"; GET {ep.origin}/"
    happened: list[str] = []
    cert: Certificate | None = None

    def fail(error: AuthError, meaning: str, action: str, blocked: str = "") -> Reach:
        why = error.message.split(". ", 1)[0]
        text = "; ".join([*happened, why[:1].lower() + why[1:]])
        ctx.emit(
            CheckRow("tls", title, "fail", tried, text, meaning, action, watch.ms), fix_for(error)
        )
        if not blocked:
            blocked = (
                translate("check", NOT_REACHABLE)
                if error.kind != "tls_untrusted"
                else translate("check", "skipped: the certificate is not trusted")
            )
        return Reach(False, blocked)

    try:
        address, connect_ms = _connect(host, port, settings.timeout, ctx.budget)
        if address != host:
            shown = translate("check", "{host} is {address}")
            happened.append(shown.format(host=host, address=address))
        happened.append(
            translate("check", "connected in {ms} ms").format(ms=number(round(connect_ms)))
        )
        if ep.is_https:
            der, version = _certificate(host, port, settings.timeout, ctx.budget)
            cert = parse_certificate(der, host)
            happened.append(f"{version}; {cert.describe(ctx.clock())}")
    except PlainHttpServer as exc:
        return fail(
            exc,
            translate("check", "Port {port} speaks plain HTTP, not HTTPS.").format(port=port),
            translate("check", "Use {url}").format(url=exc.params["suggestion"]),
            translate("check", WRONG_SCHEME).format(scheme="http"),
        )
    except AuthError as exc:
        action = translate("check", "Check the address and port, and that the server runs.")
        exc = ctx.budget.cut(exc)
        return fail(exc, exc.message, action)

    http = http_for(ctx, settings, [])
    answer: Answer | None = None
    try:
        answer = http.request("GET", ep.origin + "/")
    except (RedirectRefused, UnreadableAnswer):
        pass  # an answer all the same: the server speaks HTTP(S) and is trusted
    except TlsNotTrusted as exc:
        meaning = translate("check", "Clients refuse the connection: {reason}.")
        return fail(exc, meaning.format(reason=exc.params["detail"]), _tls_action(cert))
    except (ConnectionLost, CannotConnect, RequestTimeout, HttpsServer) as exc:
        if isinstance(exc, HttpsServer) or (
            not ep.is_https and _speaks_tls(host, port, settings.timeout, ctx.budget)
        ):
            suggestion = "https://" + ep.host
            happened.append(translate("check", "a TLS handshake succeeds on this port"))
            row = CheckRow(
                "tls",
                title,
                "fail",
                tried,
                "; ".join(happened),
                translate("check", "Port {port} speaks HTTPS, not plain HTTP.").format(port=port),
                translate("check", "Use {url}").format(url=suggestion),
                watch.ms,
            )
            fix = translate("check", "the server speaks HTTPS, not plain HTTP — use {url}")
            ctx.emit(row, fix.format(url=suggestion))
            return Reach(False, translate("check", WRONG_SCHEME).format(scheme="https"))
        action = translate("check", "Check the server, the port and any proxy between.")
        return fail(exc, exc.message, action)
    except AuthError as exc:
        return fail(exc, exc.message, "")
    finally:
        http.close()
    local = ctx.clock()
    status_text = (
        f"HTTP {answer.status}"
        if answer
        else translate("check", "a redirect or an unreadable answer")
    )
    happened.append(
        translate("check", "the server answers HTTP ({status} for /)").format(status=status_text)
    )
    status, meaning, action = _verdict(cert, settings.verify_tls, host, ctx.clock())
    ctx.emit(
        CheckRow("tls", title, status, tried, "; ".join(happened), meaning, action, watch.ms), ""
    )
    return Reach(True, "", answer.headers.get("date") if answer else None, local)


def _tls_action(cert: Certificate | None) -> str:
    if cert is None:
        return translate("check", TLS_ACTION)
    if not cert.host_matches:
        return translate(
            "check",
            "Connect with a host name the certificate names, or have the certificate reissued "
            "for this host name.",
        )
    if cert.self_signed:
        return translate(
            "check",
            "The certificate is self-signed: save it as a PEM file and pass it with --ca-bundle "
            "FILE (check its SHA-256 fingerprint with the server's administrator first).",
        )
    return translate("check", TLS_ACTION)


def _verdict(cert: Certificate | None, verify: bool, host: str, now: float) -> tuple[str, str, str]:
    if cert is None:
        if _is_loopback(host):
            meaning = translate("check", "The server answers over plain HTTP (on this computer).")
            return "pass", meaning, ""
        return (
            "warn",
            translate(
                "check",
                "The server answers, but over plain HTTP: the password and tokens cross the "
                "network unencrypted.",
            ),
            translate(
                "check", "Use HTTPS outside a trusted network (switch it on for the database)."
            ),
        )
    if not verify:
        return (
            "warn",
            translate(
                "check",
                "TLS verification is off (--insecure): the connection is encrypted, but anyone in "
                "between could pose as the server.",
            ),
            translate(
                "check", "Use --ca-bundle with the company CA instead, outside a test set-up."
            ),
        )
    days = 999
    if cert.not_after is not None:
        days = (cert.not_after - dt.datetime.fromtimestamp(now, dt.timezone.utc)).days
    if days < 30:
        return (
            "warn",
            plurals.tr(
                "The certificate is trusted but expires in {days} day(s).", "", abs(days)
            ).format(days=number(days)),
            translate("check", "Renew the server's certificate soon."),
        )
    return "pass", translate("check", "The server is reachable and its certificate is trusted."), ""


def _is_loopback(host: str) -> bool:
    if host.lower() == "localhost":
        return True
    try:
        return ipaddress.ip_address(host).is_loopback
    except ValueError:
        return False


def _certificate(host: str, port: int, timeout: float, budget: Budget) -> tuple[bytes, str]:
    return fetch_certificate(host, port, budget.clip(timeout), connect=budget.connect)


def _speaks_tls(host: str, port: int, timeout: float, budget: Budget) -> bool:
    return speaks_tls(host, port, budget.clip(timeout), connect=budget.connect)


def check_clock(ctx: CheckContext, reach: Reach) -> None:
    """Row "clock": the server's Date header against the local clock."""
    watch = Stopwatch()
    title = translate("check", "Server clock")
    tried = translate(
        "check", "compare the Date header of the server's answer with this computer's clock"
    )
    if not reach.ok or reach.local_time is None:
        blocked = reach.blocked or translate("check", "skipped")
        ctx.emit(CheckRow("clock", title, "skip", tried, blocked, "", ""), "")
        return
    try:
        parsed = email.utils.parsedate_to_datetime(reach.date) if reach.date else None
    except (TypeError, ValueError, OverflowError):  # a Date in year 99999999999999999999
        parsed = None
    if parsed is None or parsed.tzinfo is None:
        why = translate("check", "skipped: the server sent no usable Date header")
        ctx.emit(CheckRow("clock", title, "skip", tried, why), "")
        return
    # Date counts whole seconds (truncated): on average it is half a second behind
    skew = parsed.timestamp() + 0.5 - reach.local_time
    local = email.utils.formatdate(reach.local_time, usegmt=True)
    seconds = round(skew)
    happened = translate(
        "check", "server Date {date}; local clock {local}; difference {skew} s"
    ).format(
        date=reach.date, local=local, skew=("-" if seconds < 0 else "+") + number(abs(seconds))
    )
    if abs(skew) <= MAX_SKEW:
        meaning = translate("check", "The clocks agree within a minute.")
        status, action = "pass", ""
    else:
        meaning = translate(
            "check",
            "The server's clock is {time} ahead of this computer's. That breaks expiry maths: "
            "times the server writes into tokens (a JWT's exp) are off by as much, so tokens "
            "look expired too early or too late.",
        )
        if skew < 0:
            meaning = translate(
                "check",
                "The server's clock is {time} behind this computer's. That breaks expiry maths: "
                "times the server writes into tokens (a JWT's exp) are off by as much, so tokens "
                "look expired too early or too late.",
            )
        meaning = meaning.format(time=human_seconds(skew))
        status = "warn"
        action = translate("check", "Set the clock right (NTP) on the server or on this computer.")
    ctx.emit(CheckRow("clock", title, status, tried, happened, meaning, action, watch.ms), "")
