"""Every request has a total deadline and can be cancelled (issue 10, point 2).

A server that sends one byte a second never trips a per-read timeout; the deadline covers
connect, headers and body together, and closes the connection when it passes. Tests talk to
the hostile server over real sockets; a request that outlives its deadline shows as a client
thread still running long after it, and as a server that never saw the client hang up.
"""

from __future__ import annotations

import socket
import threading
from collections.abc import Callable
from dataclasses import replace
from typing import Any

import pytest

from msauth_gui.core.errors import EXIT_UNREACHABLE, RequestCancelled, RequestTimeout
from msauth_gui.core.http import Http
from msauth_gui.core.records import RequestRecord, TlsOptions
from tests.cli_run import run_msauth
from tests.hostile import ATTACKS, HostileServer

#: far beyond any deadline used here: a call still running then has none
HANG = 60.0


def _in_thread(work: Callable[[], Any]) -> tuple[threading.Thread, dict[str, Any]]:
    outcome: dict[str, Any] = {}

    def run() -> None:
        try:
            outcome["result"] = work()
        except BaseException as exc:  # handed to the test
            outcome["error"] = exc

    thread = threading.Thread(target=run, daemon=True)
    thread.start()
    return thread, outcome


def _calls_in_flight(http: Http) -> int:
    return len(http._calls)


def _msauth(server: HostileServer, command: str) -> tuple[int, str, str]:
    """``msauth token`` or ``refresh`` with ``--timeout 2``, failing if it outlives HANG."""
    if command == "token":
        argv = ["token", "--login", "admin", "--password-stdin"]
        stdin = "secret-pw-1\n"
    else:
        argv, stdin = ["refresh", "--refresh-token-stdin"], "ref-valid-12345\n"
    argv += ["--server", server.url, "--timeout", "2"]
    thread, outcome = _in_thread(lambda: run_msauth(argv, stdin))
    thread.join(HANG)
    assert not thread.is_alive(), f"msauth {command} still running {HANG:g} s after a 2 s deadline"
    return outcome["result"]


@pytest.mark.parametrize("attack", ["slow_headers", "slow_body"])
@pytest.mark.parametrize("command", ["token", "refresh"])
def test_a_slowloris_server_meets_the_deadline(hostile, attack: str, command: str) -> None:
    server = hostile(attack)
    code, out, err = _msauth(server, command)
    assert code == EXIT_UNREACHABLE
    assert "no complete answer within 2 s" in err
    assert out == ""
    assert server.wait_for(hangups=1)  # the client closed the connection; it did not linger


def test_the_deadline_covers_a_stalled_tls_handshake(hostile) -> None:
    server = hostile("stall")  # plain TCP that never answers: the TLS handshake never ends
    http = Http(TlsOptions(verify=False), timeout=0.5)
    url = server.url.replace("http://", "https://")
    with pytest.raises(RequestTimeout) as caught:
        http.request("GET", url)
    assert "no complete answer within 0.5 s" in caught.value.message
    assert server.wait_for(hangups=1)  # the handshake was cut off, not left to the server
    http.close()


def test_cancel_from_another_thread_returns_at_once(hostile) -> None:
    server = hostile("stall")
    records: list[RequestRecord] = []
    http = Http(timeout=HANG, on_request=records.append)
    thread, outcome = _in_thread(lambda: http.request("GET", server.url + "/api/v1/DocTypes"))
    assert server.wait_for(requests=1)  # the request is in flight, its answer never coming
    http.cancel()
    thread.join(HANG / 2)
    assert not thread.is_alive()
    assert isinstance(outcome.get("error"), RequestCancelled)
    assert server.wait_for(hangups=1)
    assert records and records[-1].status is None and "cancelled" in records[-1].error
    assert _calls_in_flight(http) == 0
    http.close()


def test_cancel_reaches_a_reused_keep_alive_connection(hostile) -> None:
    """The first answer keeps its connection open and the second request reuses it;
    cancelling the second must still shut that connection down."""
    server = hostile(replace(ATTACKS["token"], keep_alive=True))
    http = Http(timeout=HANG)
    assert http.request("GET", server.url + "/api/v1/BaseInfo").status == 200
    server.set("stall")
    thread, outcome = _in_thread(lambda: http.request("GET", server.url + "/api/v1/DocTypes"))
    assert server.wait_for(requests=2)
    http.cancel()
    thread.join(HANG / 2)
    assert not thread.is_alive() and isinstance(outcome.get("error"), RequestCancelled)
    assert server.wait_for(hangups=1)
    http.close()


def test_a_request_after_cancel_runs_normally(demo) -> None:
    http = Http(timeout=5)
    http.cancel()  # nothing in flight: nothing to do, nothing refused later
    assert http.request("GET", demo.url + "/api/v1/BaseInfo").status == 200
    http.close()


def test_requests_start_no_thread_and_leave_none(hostile) -> None:
    server = hostile("slow_body")
    http = Http(timeout=0.5)
    with pytest.raises(RequestTimeout):
        http.request("GET", server.url)  # starts the one process-wide watchdog, if not yet
    before = {t.ident for t in threading.enumerate() if t.name.startswith("msauth")}
    for _ in range(3):
        with pytest.raises(RequestTimeout):
            http.request("GET", server.url)
    after = {t.ident for t in threading.enumerate() if t.name.startswith("msauth")}
    assert after == before and _calls_in_flight(http) == 0
    http.close()


def test_a_host_name_is_resolved_under_the_deadline_and_each_address_tried(demo) -> None:
    # "localhost" may resolve to ::1 first; the demo listens on 127.0.0.1 only
    http = Http(timeout=5)
    url = demo.url.replace("127.0.0.1", "localhost") + "/api/v1/BaseInfo"
    assert http.request("GET", url).status == 200
    http.close()


def test_abandon_cancels_what_runs_and_refuses_what_would_come_next(hostile) -> None:
    """A job that is abandoned (sign-out, a closed dialog) must not go on to its next step:
    the request in flight ends at once and every later one is refused, never sent."""
    server = hostile("stall")
    records: list[RequestRecord] = []
    http = Http(timeout=HANG, on_request=records.append)
    thread, outcome = _in_thread(lambda: http.request("GET", server.url + "/api/v1/DocTypes"))
    assert server.wait_for(requests=1)
    http.abandon()
    thread.join(HANG / 2)
    assert not thread.is_alive() and isinstance(outcome.get("error"), RequestCancelled)
    with pytest.raises(RequestCancelled):
        http.request("GET", server.url + "/api/v1/BaseInfo")  # the next step of the job
    assert server.wait_for(hangups=1)
    assert [seen.path for seen in server.requests] == ["/api/v1/DocTypes"]  # never sent
    assert len(records) == 1 and _calls_in_flight(http) == 0
    http.close()


def test_a_cancel_stops_the_https_probe_after_a_plain_request_broke() -> None:
    """A plain request that a server drops is followed by a TLS handshake ("it speaks
    HTTPS?"); that handshake ran outside the call, so sign-out waited up to 3 s for it."""
    listener = socket.create_server(("127.0.0.1", 0))
    probing, held = threading.Event(), []

    def serve() -> None:
        first, _ = listener.accept()
        first.recv(65536)
        first.close()  # drop the plain request without a word
        second, _ = listener.accept()
        held.append(second)  # the TLS probe: its ClientHello is never answered
        probing.set()

    threading.Thread(target=serve, daemon=True).start()
    http = Http(timeout=30)
    outcome: list[BaseException] = []

    def ask() -> None:
        try:
            http.request("GET", f"http://127.0.0.1:{listener.getsockname()[1]}/")
        except Exception as exc:
            outcome.append(exc)

    asking = threading.Thread(target=ask)
    asking.start()
    try:
        assert probing.wait(10)
        http.cancel()
        asking.join(2.5)  # the probe alone would wait 3 s
        assert not asking.is_alive()
        assert [type(e) for e in outcome] == [RequestCancelled]
    finally:
        asking.join(10)
        for sock in (*held, listener):
            sock.close()
