"""Texts the window shows, as plain functions: no Qt, so they are unit-tested on their own.

Countdowns (``23 h 59 min``, ``4 min 10 s``, ``12 s``), local times, the activity-log line,
the ``curl`` command for "Copy as curl" and the words and colours of each token state.
"""

from __future__ import annotations

import contextlib
import json
import math
import shlex
import time
from collections.abc import Mapping
from typing import Any

from ..core.records import RequestRecord
from ..core.redact import redact

#: colours of the state line; red is also used for the TLS warning and field errors
GREEN = "#1b7f2a"
BLUE = "#1f5fbf"
ORANGE = "#a15c00"
RED = "#c62828"
GREY = "#5f6368"

#: state value (KeeperState.value) -> (words, colour, icon kind)
STATE_LOOK: dict[str, tuple[str, str, str]] = {
    "signed_out": ("Signed out", GREY, "info"),
    "signing_in": ("Signing in…", BLUE, "busy"),
    "valid": ("Valid", GREEN, "ok"),
    "refreshing": ("Refreshing…", BLUE, "busy"),
    "expiring_soon": ("Expiring soon", ORANGE, "warning"),
    "expired": ("Expired", RED, "error"),
    "error": ("Error", RED, "error"),
    "sign_in_again": ("Sign in again", RED, "error"),
}
#: Basic has no token: a valid Basic sign-in reads like this instead of "Valid"
BASIC_VERIFIED = "Credentials verified"

IDLE_HINT = "Enter the server and the account, then sign in (Enter)."
CLAIM_TIMES = ("exp", "iat", "nbf", "auth_time")


def state_look(state: object, *, basic: bool = False) -> tuple[str, str, str]:
    """Words, colour and icon kind for a keeper state (the enum or its value)."""
    value = str(getattr(state, "value", state))
    words, colour, icon = STATE_LOOK.get(
        value, (value.replace("_", " ").capitalize(), GREY, "info")
    )
    if basic and value == "valid":
        words = BASIC_VERIFIED
    return words, colour, icon


def countdown(seconds: float) -> str:
    """``23 h 59 min`` from an hour up, ``4 min 10 s`` from a minute up, else ``12 s``."""
    if not math.isfinite(seconds) or seconds <= 0:
        return "0 s"
    total = math.floor(seconds)
    hours, rest = divmod(total, 3600)
    minutes, secs = divmod(rest, 60)
    if hours:
        return f"{hours} h {minutes} min"
    if minutes:
        return f"{minutes} min {secs} s"
    return f"{secs} s"


def local_time(epoch: float, now: float | None = None) -> str:
    """``14:03:12`` for today (judged against ``now``), ``2024-05-01 14:03:12`` otherwise."""
    moment = time.localtime(epoch)
    if now is not None and time.localtime(now)[:3] == moment[:3]:
        return time.strftime("%H:%M:%S", moment)
    return time.strftime("%Y-%m-%d %H:%M:%S", moment)


def clock_time(epoch: float) -> str:
    """``HH:MM:SS`` in local time: the activity log's time stamp."""
    return time.strftime("%H:%M:%S", time.localtime(epoch))


def expiry_text(expires_at: float | None, now: float, *, basic: bool = False) -> str:
    """The expiry line: countdown first, then the local time."""
    if basic:
        return "does not expire (Basic sends the credentials with every request)"
    if expires_at is None:
        return "unknown (the server did not say; no automatic refresh)"
    left = expires_at - now
    at = local_time(expires_at, now)
    if left <= 0:
        return f"expired at {at}"
    return f"{countdown(left)} left — at {at}"


def next_refresh_text(
    next_at: float | None, retry_at: float | None, now: float, *, basic: bool = False
) -> str:
    if retry_at is not None:
        return f"refresh failed, retrying in {countdown(max(retry_at - now, 0))}"
    if basic:
        return "none needed (Basic)"
    if next_at is None:
        return "none scheduled"
    if next_at <= now:
        return "due now"
    return f"in {countdown(next_at - now)} — at {local_time(next_at, now)}"


def when_text(epoch: float | None, now: float, never: str = "never") -> str:
    return never if epoch is None else local_time(epoch, now)


def header_line(authorization: str) -> str:
    """The whole HTTP header line, ready to paste into an API tool."""
    return f"Authorization: {authorization}"


def curl_command(
    url: str,
    authorization: str,
    *,
    verify_tls: bool = True,
    ca_bundle: str | None = None,
) -> str:
    """A POSIX shell command calling ``url`` with the header; ``-k``/``--cacert`` when relevant."""
    parts = ["curl", "-sS"]
    if not verify_tls:
        parts.append("-k")
    elif ca_bundle:
        parts += ["--cacert", shlex.quote(ca_bundle)]
    parts += [
        "-H",
        shlex.quote("Accept: application/json"),
        "-H",
        shlex.quote(header_line(authorization)),
        shlex.quote(url),
    ]
    return " ".join(parts)


def log_line(record: RequestRecord, when: float) -> str:
    """``HH:MM:SS METHOD URL → STATUS (N ms)`` plus the redacted error text, on one line."""
    status = str(record.status) if record.status is not None else "no answer"
    line = (
        f"{clock_time(when)} {record.method} {record.url} → {status} ({record.duration_ms:.0f} ms)"
    )
    if record.error:
        line += ": " + " ".join(record.error.split())
    return redact(line)


def note_line(text: str, when: float) -> str:
    """A log line that is not a request (errors, sign-out, dropped answers)."""
    return redact(f"{clock_time(when)} {' '.join(text.split())}")


def claims_text(claims: Mapping[str, Any] | None, now: float) -> str:
    """Decoded JWT claims as indented JSON; time claims get their local time as a comment."""
    if not claims:
        return "(not a JWT: no claims to show)"
    lines = []
    for key, value in claims.items():
        line = f"{json.dumps(key, ensure_ascii=False)}: {json.dumps(value, ensure_ascii=False)}"
        if key in CLAIM_TIMES and isinstance(value, (int, float)) and not isinstance(value, bool):
            with contextlib.suppress(OverflowError, OSError, ValueError):
                line += f"    // {local_time(float(value), now)}"
        lines.append(line)
    return redact("\n".join(lines))


def status_message(
    state: object,
    *,
    host: str,
    method: str,
    error: str = "",
    retry_in: float | None = None,
    basic: bool = False,
) -> tuple[str, bool]:
    """The line under the state: what happened, or what is wrong. Returns (text, is_error)."""
    value = str(getattr(state, "value", state))
    if value == "signed_out":
        return IDLE_HINT, False
    if value == "signing_in":
        return f"Signing in to {host} by {method}…", False
    if error:
        if retry_in is not None:
            return f"Refresh failed, retrying in {countdown(max(retry_in, 0))}: {error}", True
        return error, True
    if value == "refreshing":
        return "Renewing the token in the background…", False
    if value == "expired":
        return "The token has expired. Sign in again.", True
    if basic:
        return "Credentials verified: the server accepted the Basic header.", False
    return f"Signed in to {host} by {method}.", False


def title_text(server_host: str, state_words: str) -> str:
    parts = ["msauth-gui"]
    if server_host:
        parts.append(server_host)
    parts.append(state_words)
    return " — ".join(parts)
