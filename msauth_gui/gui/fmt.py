"""Texts the window shows, as plain functions: no Qt, so they are unit-tested on their own.

Countdowns (``23 h 59 min``, ``4 min 10 s``, ``12 s``), local times, the activity-log line and
the words and colours of each token state. "Copy as curl" is written by :mod:`..core.curl`.
"""

from __future__ import annotations

import contextlib
import json
import math
import time
from collections.abc import Mapping
from datetime import datetime, timezone
from typing import Any

from ..core.curl import header_line as header_line  # the window copies it; curl builds on it
from ..core.errors import NoRights
from ..core.records import RequestRecord
from ..core.redact import redact
from ..core.session.renewal import KeeperState
from ..core.translate import QT_TRANSLATE_NOOP, number, translate

#: colours of the state line; red is also used for the TLS warning and field errors
GREEN = "#1b7f2a"
BLUE = "#1f5fbf"
ORANGE = "#a15c00"
RED = "#c62828"
GREY = "#5f6368"
PURPLE = "#7b2fa8"  #: signed in without rights: not an error of the program, not valid either

S = KeeperState
#: state -> (words, colour, icon kind); the words are English source texts, translated by
#: :func:`state_look`
STATE_LOOK: dict[KeeperState, tuple[str, str, str]] = {
    S.SIGNED_OUT: (QT_TRANSLATE_NOOP("fmt", "Signed out"), GREY, "info"),
    S.SIGNING_IN: (QT_TRANSLATE_NOOP("fmt", "Signing in…"), BLUE, "busy"),
    S.CHECKING: (QT_TRANSLATE_NOOP("fmt", "Signed in — checking…"), BLUE, "busy"),
    S.VALID: (QT_TRANSLATE_NOOP("fmt", "Valid"), GREEN, "ok"),
    S.NO_RIGHTS: (QT_TRANSLATE_NOOP("fmt", "Signed in — no rights"), PURPLE, "no_rights"),
    S.UNCONFIRMED: (QT_TRANSLATE_NOOP("fmt", "Signed in — not confirmed"), ORANGE, "warning"),
    S.REFRESHING: (QT_TRANSLATE_NOOP("fmt", "Refreshing…"), BLUE, "busy"),
    S.EXPIRING_SOON: (QT_TRANSLATE_NOOP("fmt", "Expiring soon"), ORANGE, "warning"),
    S.EXPIRED: (QT_TRANSLATE_NOOP("fmt", "Expired"), RED, "error"),
    S.ERROR: (QT_TRANSLATE_NOOP("fmt", "Error"), RED, "error"),
    S.SIGN_IN_AGAIN: (QT_TRANSLATE_NOOP("fmt", "Sign in again"), RED, "error"),
}
#: Basic has no token: a valid Basic sign-in reads like this instead of "Valid"
BASIC_VERIFIED = QT_TRANSLATE_NOOP("fmt", "Credentials verified")

IDLE_HINT = QT_TRANSLATE_NOOP("fmt", "Enter the server and the account, then sign in (Enter).")
CLAIM_TIMES = ("exp", "iat", "nbf", "auth_time")


def state_look(state: KeeperState | str, *, basic: bool = False) -> tuple[str, str, str]:
    """Words, colour and icon kind for a keeper state (the enum or its value)."""
    try:
        words, colour, icon = STATE_LOOK[KeeperState(state)]
    except ValueError:  # a state this version does not know: its name, in grey
        words, colour, icon = str(state).replace("_", " ").capitalize(), GREY, "info"
    if basic and state == S.VALID:
        words = BASIC_VERIFIED
    return translate("fmt", words), colour, icon


def countdown(seconds: float) -> str:
    """``23 h 59 min`` from an hour up, ``4 min 10 s`` from a minute up, else ``12 s``."""
    if not math.isfinite(seconds) or seconds <= 0:
        return translate("fmt", "{seconds} s").format(seconds=0)
    total = math.floor(seconds)
    hours, rest = divmod(total, 3600)
    minutes, secs = divmod(rest, 60)
    if hours:
        return translate("fmt", "{hours} h {minutes} min").format(hours=hours, minutes=minutes)
    if minutes:
        return translate("fmt", "{minutes} min {seconds} s").format(minutes=minutes, seconds=secs)
    return translate("fmt", "{seconds} s").format(seconds=secs)


def local_time(epoch: float, now: float | None = None) -> str:
    """``14:03:12`` for today (judged against ``now``), ``2024-05-01 14:03:12`` otherwise."""
    moment = time.localtime(epoch)
    if now is not None and time.localtime(now)[:3] == moment[:3]:
        return time.strftime("%H:%M:%S", moment)
    return time.strftime("%Y-%m-%d %H:%M:%S", moment)


def iso_time(epoch: float) -> str:
    """ISO 8601 in local time with its UTC offset, to the second: ``2024-05-01T14:03:12+03:00``."""
    moment = datetime.fromtimestamp(epoch, timezone.utc).astimezone()
    return moment.isoformat(timespec="seconds")


def clock_time(epoch: float) -> str:
    """``HH:MM:SS`` in local time: the activity log's time stamp."""
    return time.strftime("%H:%M:%S", time.localtime(epoch))


def expiry_text(expires_at: float | None, now: float, *, basic: bool = False) -> str:
    """The expiry line: countdown first, then the local time."""
    if basic:
        return translate("fmt", "does not expire (Basic sends the credentials with every request)")
    if expires_at is None:
        return translate("fmt", "unknown (the server did not say; no automatic refresh)")
    left = expires_at - now
    at = local_time(expires_at, now)
    if left <= 0:
        return translate("fmt", "expired at {time}").format(time=at)
    return translate("fmt", "{left} left — at {time}").format(left=countdown(left), time=at)


def next_refresh_text(
    next_at: float | None, retry_at: float | None, now: float, *, basic: bool = False
) -> str:
    if retry_at is not None:
        text = translate("fmt", "refresh failed, retrying in {time}")
        return text.format(time=countdown(max(retry_at - now, 0)))
    if basic:
        return translate("fmt", "none needed (Basic)")
    if next_at is None:
        return translate("fmt", "none scheduled")
    if next_at <= now:
        return translate("fmt", "due now")
    return translate("fmt", "in {left} — at {time}").format(
        left=countdown(next_at - now), time=local_time(next_at, now)
    )


def when_text(epoch: float | None, now: float, never: str | None = None) -> str:
    if epoch is None:
        return translate("fmt", "never") if never is None else never
    return local_time(epoch, now)


def log_line(record: RequestRecord, when: float) -> str:
    """``HH:MM:SS METHOD URL → STATUS (N ms)`` plus the redacted error text, on one line."""
    status = str(record.status) if record.status is not None else translate("fmt", "no answer")
    took = translate("fmt", "{ms} ms").format(ms=number(round(record.duration_ms)))
    line = f"{clock_time(when)} {record.method} {record.url} → {status} ({took})"
    if record.error:
        line += ": " + " ".join(record.error.split())
    return redact(line)


def note_line(text: str, when: float) -> str:
    """A log line that is not a request (errors, sign-out, dropped answers)."""
    return redact(f"{clock_time(when)} {' '.join(text.split())}")


def claims_text(claims: Mapping[str, Any] | None, now: float) -> str:
    """Decoded JWT claims as indented JSON; time claims get their local time as a comment."""
    if not claims:
        return translate("fmt", "(not a JWT: no claims to show)")
    lines = []
    for key, value in claims.items():
        line = f"{json.dumps(key, ensure_ascii=False)}: {json.dumps(value, ensure_ascii=False)}"
        if key in CLAIM_TIMES and isinstance(value, (int, float)) and not isinstance(value, bool):
            with contextlib.suppress(OverflowError, OSError, ValueError):
                line += f"    // {local_time(float(value), now)}"
        lines.append(line)
    return redact("\n".join(lines))


def status_message(
    state: KeeperState | str,
    *,
    host: str,
    method: str,
    error: str = "",
    retry_in: float | None = None,
    basic: bool = False,
) -> tuple[str, bool]:
    """The line under the state: what happened, or what is wrong. Returns (text, is_error)."""
    if state == S.SIGNED_OUT:
        return translate("fmt", IDLE_HINT), False
    if state == S.SIGNING_IN:
        return translate("fmt", "Signing in to {host} by {method}…").format(
            host=host, method=method
        ), False
    if error:
        if retry_in is not None:
            text = translate("fmt", "Refresh failed, retrying in {time}: {error}")
            return text.format(time=countdown(max(retry_in, 0)), error=error), True
        return error, True
    if state == S.REFRESHING:
        return translate("fmt", "Renewing the token in the background…"), False
    if state == S.EXPIRED:
        return translate("fmt", "The token has expired. Sign in again."), True
    if state == S.NO_RIGHTS:  # the roles to grant, also after a refresh cleared the error
        return NoRights(status=403).message, True
    if state == S.CHECKING:
        text = translate(
            "fmt", "Signed in to {host} by {method}; testing the token with a data request…"
        )
        return text.format(host=host, method=method), False
    if state == S.UNCONFIRMED:
        return translate(
            "fmt", "Signed in, but the token could not be tested: Test token tries again."
        ), True
    if basic:
        text = translate("fmt", "Credentials verified: the server accepted the Basic header.")
        return text, False
    return translate("fmt", "Signed in to {host} by {method}.").format(
        host=host, method=method
    ), False


def copy_warning(state: KeeperState | str, *, expired: bool) -> str:
    """Why a token just copied may not work, or "" when the last probe says it does."""
    if expired:
        return translate(
            "fmt", "The copied token has expired: the server will refuse it. Sign in again."
        )
    if state == S.NO_RIGHTS:
        return translate(
            "fmt", "The server serves no data for the copied token: the account has no rights."
        )
    if state in (S.CHECKING, S.UNCONFIRMED):
        return translate(
            "fmt", "The copied token is not confirmed yet: no data request has succeeded with it."
        )
    return ""


def title_text(server_host: str, state_words: str) -> str:
    parts = ["msauth-gui"]
    if server_host:
        parts.append(server_host)
    parts.append(state_words)
    return " — ".join(parts)
