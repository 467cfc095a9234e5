"""The server check against a hostile server (issue 10): one overall deadline, a stop switch,
a Date header no clock has, and reports whose cells are data, never markup.

A check chains requests (reach, then the API, then each method, the probe, the refresh), and
each had its own timeout: ``msauth check --timeout 2`` against a stalling server took 4-8 s.
Now the whole check ends within its budget (the timeout by default), and the row a request was
cut short in says so.
"""

from __future__ import annotations

import json
import time

import pytest

from msauth_gui.core.check import Budget, CheckReport, CheckRow, run_check
from msauth_gui.core.client import ConnectionSettings
from msauth_gui.core.errors import EXIT_UNREACHABLE
from msauth_gui.core.visible import is_visible
from tests.cli_run import run_msauth
from tests.hostile import ESCAPES, HostileServer
from tests.test_deadline import _in_thread

#: far beyond any budget used here: a check still running then has none
HANG = 60.0


def _check(server: HostileServer, budget: Budget, timeout: float = HANG) -> CheckReport:
    settings = ConnectionSettings(server.url, timeout=timeout)
    start = time.monotonic()
    thread, outcome = _in_thread(lambda: run_check(settings, "admin", "pw-1234", budget=budget))
    thread.join(HANG)
    assert not thread.is_alive(), f"the check still runs {HANG:g} s later"
    print(f"check: {time.monotonic() - start:.2f} s", end=" ")
    report = outcome.get("result")
    assert isinstance(report, CheckReport), outcome
    return report


@pytest.mark.parametrize("attack", ["stall", "slow_headers", "slow_body"])
def test_the_whole_check_ends_within_its_budget(hostile, attack: str) -> None:
    server = hostile(attack)
    # each request may take a minute; the check as a whole has 1 s
    report = _check(server, Budget(1.0))
    tls = report.row("tls")
    assert tls.status == "fail"
    assert "The check's 1 s ran out" in tls.happened + tls.meaning, tls
    assert "does not answer within 1 s" in report.verdict
    assert report.exit_code == EXIT_UNREACHABLE
    assert server.wait_for(hangups=1)  # the request was cut off, not left to the server


def test_msauth_check_ends_within_its_timeout(hostile) -> None:
    server = hostile("slow_headers")
    argv = ["check", "--server", server.url, "--login", "admin", "--password-stdin"]
    thread, outcome = _in_thread(lambda: run_msauth([*argv, "--timeout", "2"], "pw-1234\n"))
    thread.join(HANG)
    assert not thread.is_alive(), "msauth check outlives its 2 s by far"
    code, out, _err = outcome["result"]
    assert code == EXIT_UNREACHABLE
    assert "no complete answer within 2 s" in out


def test_cancel_stops_the_check_at_once_from_another_thread(hostile) -> None:
    server = hostile("stall")
    budget = Budget(HANG)
    thread, outcome = _in_thread(
        lambda: run_check(ConnectionSettings(server.url, timeout=HANG), "a", "pw-1", budget=budget)
    )
    assert server.wait_for(requests=1)  # the check's first request is in flight, stalled
    budget.cancel()
    thread.join(HANG / 2)
    assert not thread.is_alive()
    report = outcome["result"]
    assert "cancelled" in report.row("tls").happened
    assert server.wait_for(hangups=1)
    assert len(server.requests) == 1  # nothing after the cancel went out


def test_a_date_header_beyond_any_clock_is_no_usable_date(hostile) -> None:
    server = hostile("date_overflow")  # year 99999999999999999999: OverflowError, not ValueError
    row = _check(server, Budget(30), timeout=10).row("clock")
    assert row.status == "skip" and "no usable Date header" in row.happened, row
    assert "the check itself failed" not in row.happened


# -- reports: what a server sent is data in Markdown and JSON too --------------------------------
MARKUP = '<img src="file:///nonexistent"> [x](javascript:alert(1)) `code` a|b \\<'


def _hostile_report() -> CheckReport:
    row = CheckRow(
        "baseinfo", "Application and version", "info", "GET http://h/BaseInfo",
        f"appName {MARKUP}{ESCAPES}", "line one\nline two",
    )  # fmt: skip
    return CheckReport("http://h", (row,), f"Fix first: {MARKUP}", 5, None)


def test_markdown_cells_escape_what_markdown_would_render() -> None:
    markdown = _hostile_report().to_markdown()
    row = next(line for line in markdown.splitlines() if line.startswith("| ℹ"))
    assert (
        'appName \\<img src="file:///nonexistent"\\> \\[x\\]\\(javascript:alert\\(1\\)\\) '
        "\\`code\\` a\\|b \\\\\\<" in row
    )
    assert row.count(" | ") == 6  # the server's | split no column
    assert "line one<br>line two" in row  # our line break, the only tag
    assert "\\\\x1b\\]52;c;aGFja2Vk\\\\x07" in row and "\\\\u202e" in row  # escapes, visible
    assert is_visible(markdown.replace("\n", ""))
    assert "**Verdict:** Fix first: \\<img" in markdown


def test_json_report_is_valid_and_carries_no_control_characters() -> None:
    report = _hostile_report()
    text = report.to_json()
    assert is_visible(text.replace("\n", ""))  # ESC, BEL, bidi: all \\u escapes
    data = json.loads(text)
    assert data["rows"][0]["happened"] == f"appName {MARKUP}{ESCAPES}"  # the data is unchanged
    assert data["verdict"] == f"Fix first: {MARKUP}"
