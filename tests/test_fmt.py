"""The window's texts, without Qt: countdowns, local times and log lines (curl: test_curl)."""

from __future__ import annotations

import time

import pytest

from msauth_gui.core.http import RequestRecord
from msauth_gui.core.redact import register_secret
from msauth_gui.gui import fmt


@pytest.mark.parametrize(
    ("seconds", "text"),
    [
        (86399.9, "23 h 59 min"),
        (86400, "24 h 0 min"),
        (3600, "1 h 0 min"),
        (3599, "59 min 59 s"),
        (250, "4 min 10 s"),
        (60, "1 min 0 s"),
        (59.99, "59 s"),
        (12, "12 s"),
        (0.4, "0 s"),
        (0, "0 s"),
        (-5, "0 s"),
        (float("inf"), "0 s"),
        (float("nan"), "0 s"),
    ],
)
def test_countdown(seconds: float, text: str) -> None:
    assert fmt.countdown(seconds) == text


def test_local_time_today_and_other_days() -> None:
    moment = time.mktime((2024, 5, 1, 14, 3, 12, 0, 0, -1))
    assert fmt.local_time(moment, moment + 60) == "14:03:12"
    assert fmt.local_time(moment, moment + 3 * 86400) == "2024-05-01 14:03:12"
    assert fmt.local_time(moment) == "2024-05-01 14:03:12"
    assert fmt.clock_time(moment) == "14:03:12"


def test_expiry_text() -> None:
    now = 1_000_000.0
    assert fmt.expiry_text(now + 250, now).startswith("4 min 10 s left — at ")
    assert fmt.expiry_text(now - 1, now).startswith("expired at ")
    assert fmt.expiry_text(None, now).startswith("unknown")
    assert "does not expire" in fmt.expiry_text(None, now, basic=True)


def test_next_refresh_text_says_when_a_retry_comes() -> None:
    now = 1_000_000.0
    assert fmt.next_refresh_text(now + 96, None, now).startswith("in 1 min 36 s — at ")
    assert fmt.next_refresh_text(now + 96, now + 15, now) == "refresh failed, retrying in 15 s"
    assert fmt.next_refresh_text(None, None, now) == "none scheduled"
    assert fmt.next_refresh_text(now - 1, None, now) == "due now"


def test_header_line() -> None:
    assert fmt.header_line("Basic YTpi") == "Authorization: Basic YTpi"


def test_log_line_has_method_url_status_duration_and_redacted_error() -> None:
    register_secret("s3cr3t-token-value")
    when = time.mktime((2024, 5, 1, 9, 5, 7, 0, 0, -1))
    record = RequestRecord(
        "POST", "http://h:1/oauth/token", 400, 12.4, '{"a": "s3cr3t-token-value"}'
    )
    line = fmt.log_line(record, when)
    assert line.startswith("09:05:07 POST http://h:1/oauth/token → 400 (12 ms): ")
    assert "s3cr3t-token-value" not in line
    failed = fmt.log_line(RequestRecord("GET", "http://h:1/x", None, 3.0, "Cannot\nconnect"), when)
    assert failed == "09:05:07 GET http://h:1/x → no answer (3 ms): Cannot connect"


def test_note_line_is_redacted() -> None:
    register_secret("hunter2-password")
    assert fmt.note_line("typed hunter2-password", 0).endswith("typed ***")


def test_state_look() -> None:
    assert fmt.state_look("valid") == ("Valid", fmt.GREEN, "ok")
    assert fmt.state_look("valid", basic=True)[0] == "Credentials verified"
    assert fmt.state_look("error")[1] == fmt.RED
    assert fmt.state_look("refreshing")[0] == "Refreshing…"
    assert fmt.state_look("something_new")[0] == "Something new"


def test_claims_text_annotates_times() -> None:
    exp = time.mktime((2024, 5, 1, 14, 3, 12, 0, 0, -1))
    text = fmt.claims_text({"sub": "claims-user", "exp": exp}, exp)
    assert '"sub": "claims-user"' in text
    assert "// 14:03:12" in text
    assert fmt.claims_text(None, 0).startswith("(not a JWT")


def test_title_text() -> None:
    assert fmt.title_text("h:9000", "Valid") == "msauth-gui — h:9000 — Valid"
    assert fmt.title_text("", "Signed out") == "msauth-gui — Signed out"


def test_status_message() -> None:
    look = {"host": "h:9000", "method": "OAuth password"}
    assert fmt.status_message("signed_out", **look) == (fmt.IDLE_HINT, False)
    assert fmt.status_message("signing_in", **look)[0] == "Signing in to h:9000 by OAuth password…"
    assert fmt.status_message("valid", **look) == ("Signed in to h:9000 by OAuth password.", False)
    assert fmt.status_message("valid", basic=True, **look)[0].startswith("Credentials verified")
    assert fmt.status_message("error", error="Boom.", **look) == ("Boom.", True)
    retry = fmt.status_message("valid", error="Boom.", retry_in=14.5, **look)
    assert retry == ("Refresh failed, retrying in 14 s: Boom.", True)
    assert fmt.status_message("expired", **look)[1] is True
