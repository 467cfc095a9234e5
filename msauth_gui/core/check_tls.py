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

from .certificate import Certificate, fetch_certificate, parse_certificate
from .check_common import CheckContext, Stopwatch, fix_for, http_for, human_seconds
from .errors import (
    AuthError,
    CannotConnect,
    ConnectionLost,
    PlainHttpServer,
    RedirectRefused,
    RequestTimeout,
    TlsNotTrusted,
    UnreadableAnswer,
)
from .http import Answer
from .report import CheckRow

MAX_SKEW = 60.0
TLS_ACTION = (
    "Add the company CA certificate: --ca-bundle FILE (in the window: CA bundle). "
    "For a test server only, turn TLS verification off (--insecure)."
)


@dataclass(frozen=True)
class Reach:
    ok: bool
    blocked: str = ""  #: why later steps cannot run
    date: str | None = None  #: the server's Date header
    local_time: float | None = None  #: the local clock when that answer arrived


def _connect(host: str, port: int, timeout: float) -> tuple[str, float]:
    """DNS and a TCP connect: the address used and the connect time in ms; raises CannotConnect."""
    where = f"{host}:{port}"
    try:
        infos = socket.getaddrinfo(host, port, type=socket.SOCK_STREAM)
    except (OSError, UnicodeError):
        raise CannotConnect(host=where, detail="the host name is not known (DNS)") from None
    address = str(infos[0][4][0])
    watch = Stopwatch()
    try:
        with socket.create_connection((host, port), timeout=timeout):
            pass
    except ConnectionRefusedError:
        detail = "the connection was refused (nothing listens there)"
        raise CannotConnect(host=where, detail=detail) from None
    except TimeoutError:
        raise CannotConnect(host=where, detail="the connection timed out") from None
    except OSError as exc:
        raise CannotConnect(host=where, detail=exc.strerror or str(exc)) from None
    return address, watch.ms


def check_reach(ctx: CheckContext) -> Reach:
    """Row "tls": DNS, connect, the TLS handshake and certificate, and the client's own view."""
    watch = Stopwatch()
    ep, settings = ctx.endpoints, ctx.settings
    parts = urlsplit(ep.origin)
    host = parts.hostname or ""
    port = parts.port or (443 if ep.is_https else 80)
    title = "Reachability and TLS" if ep.is_https else "Reachability (HTTP)"
    steps = "DNS, TCP connect, TLS handshake" if ep.is_https else "DNS, TCP connect"
    tried = f"{steps} to {host}:{port}; GET {ep.origin}/"
    happened: list[str] = []
    cert: Certificate | None = None

    def fail(error: AuthError, meaning: str, action: str) -> Reach:
        why = error.message.split(". ", 1)[0]
        text = "; ".join([*happened, why[:1].lower() + why[1:]])
        ctx.emit(
            CheckRow("tls", title, "fail", tried, text, meaning, action, watch.ms), fix_for(error)
        )
        return Reach(
            False,
            "skipped: server not reachable"
            if error.kind != "tls_untrusted"
            else "skipped: the certificate is not trusted",
        )

    try:
        address, connect_ms = _connect(host, port, settings.timeout)
        shown = f"{host} is {address}; " if address != host else ""
        happened.append(f"{shown}connected in {connect_ms:.0f} ms")
        if ep.is_https:
            der, version = fetch_certificate(host, port, settings.timeout)
            cert = parse_certificate(der, host)
            happened.append(f"{version}; {cert.describe(ctx.clock())}")
    except PlainHttpServer as exc:
        return fail(
            exc, f"Port {port} speaks plain HTTP, not HTTPS.", f"Use {exc.params['suggestion']}"
        )
    except AuthError as exc:
        return fail(exc, exc.message, "Check the address and port, and that the server runs.")

    http = http_for(settings, [])
    answer: Answer | None = None
    try:
        answer = http.request("GET", ep.origin + "/")
    except (RedirectRefused, UnreadableAnswer):
        pass  # an answer all the same: the server speaks HTTP(S) and is trusted
    except TlsNotTrusted as exc:
        return fail(
            exc, f"Clients refuse the connection: {exc.params['detail']}.", _tls_action(cert)
        )
    except (ConnectionLost, CannotConnect, RequestTimeout) as exc:
        if not ep.is_https and _speaks_tls(host, port, settings.timeout):
            suggestion = "https://" + ep.host
            happened.append("a TLS handshake succeeds on this port")
            row = CheckRow(
                "tls",
                title,
                "fail",
                tried,
                "; ".join(happened),
                f"Port {port} speaks HTTPS, not plain HTTP.",
                f"Use {suggestion}",
                watch.ms,
            )
            ctx.emit(row, f"the server speaks HTTPS, not plain HTTP — use {suggestion}")
            return Reach(False, "skipped: server not reachable")
        return fail(exc, exc.message, "Check the server, the port and any proxy between.")
    except AuthError as exc:
        return fail(exc, exc.message, "")
    finally:
        http.close()
    local = ctx.clock()
    status_text = f"HTTP {answer.status}" if answer else "a redirect or an unreadable answer"
    happened.append(f"the server answers HTTP ({status_text} for /)")
    status, meaning, action = _verdict(cert, settings.verify_tls, host, ctx.clock())
    ctx.emit(
        CheckRow("tls", title, status, tried, "; ".join(happened), meaning, action, watch.ms), ""
    )
    return Reach(True, "", answer.headers.get("date") if answer else None, local)


def _tls_action(cert: Certificate | None) -> str:
    if cert is None:
        return TLS_ACTION
    if not cert.host_matches:
        return (
            "Connect with a host name the certificate names, or have the certificate reissued "
            "for this host name."
        )
    if cert.self_signed:
        return (
            "The certificate is self-signed: save it as a PEM file and pass it with --ca-bundle "
            "FILE (check its SHA-256 fingerprint with the server's administrator first)."
        )
    return TLS_ACTION


def _verdict(cert: Certificate | None, verify: bool, host: str, now: float) -> tuple[str, str, str]:
    if cert is None:
        if _is_loopback(host):
            return "pass", "The server answers over plain HTTP (on this computer).", ""
        return (
            "warn",
            "The server answers, but over plain HTTP: the password and tokens cross the network "
            "unencrypted.",
            "Use HTTPS outside a trusted network (switch it on for the database).",
        )
    if not verify:
        return (
            "warn",
            "TLS verification is off (--insecure): the connection is encrypted, but anyone in "
            "between could pose as the server.",
            "Use --ca-bundle with the company CA instead, outside a test set-up.",
        )
    days = 999
    if cert.not_after is not None:
        days = (cert.not_after - dt.datetime.fromtimestamp(now, dt.timezone.utc)).days
    if days < 30:
        return (
            "warn",
            f"The certificate is trusted but expires in {days} days.",
            "Renew the server's certificate soon.",
        )
    return "pass", "The server is reachable and its certificate is trusted.", ""


def _is_loopback(host: str) -> bool:
    if host.lower() == "localhost":
        return True
    try:
        return ipaddress.ip_address(host).is_loopback
    except ValueError:
        return False


def _speaks_tls(host: str, port: int, timeout: float) -> bool:
    try:
        fetch_certificate(host, port, timeout)
    except AuthError:
        return False
    return True


def check_clock(ctx: CheckContext, reach: Reach) -> None:
    """Row "clock": the server's Date header against the local clock."""
    watch = Stopwatch()
    title = "Server clock"
    tried = "compare the Date header of the server's answer with this computer's clock"
    if not reach.ok or reach.local_time is None:
        ctx.emit(CheckRow("clock", title, "skip", tried, reach.blocked or "skipped", "", ""), "")
        return
    try:
        parsed = email.utils.parsedate_to_datetime(reach.date) if reach.date else None
    except (TypeError, ValueError):
        parsed = None
    if parsed is None or parsed.tzinfo is None:
        ctx.emit(
            CheckRow(
                "clock", title, "skip", tried, "skipped: the server sent no usable Date header"
            ),
            "",
        )
        return
    # Date counts whole seconds (truncated): on average it is half a second behind
    skew = parsed.timestamp() + 0.5 - reach.local_time
    local = email.utils.formatdate(reach.local_time, usegmt=True)
    happened = f"server Date {reach.date}; local clock {local}; difference {round(skew):+d} s"
    if abs(skew) <= MAX_SKEW:
        meaning, status, action = "The clocks agree within a minute.", "pass", ""
    else:
        side = "ahead of" if skew > 0 else "behind"
        meaning = (
            f"The server's clock is {human_seconds(skew)} {side} this computer's. That breaks "
            "expiry maths: times the server writes into tokens (a JWT's exp) are off by as much, "
            "so tokens look expired too early or too late."
        )
        status, action = "warn", "Set the clock right (NTP) on the server or on this computer."
    ctx.emit(CheckRow("clock", title, status, tried, happened, meaning, action, watch.ms), "")
