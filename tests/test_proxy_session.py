"""The proxy keeps the session alive as the window does: the Qt-free keeper refreshes at the
refresh point, recovers from a restarted server with one renewal, and the proxy says 503 when
it has nothing to send. Real sockets and the demo server; injected clocks where time matters."""

from __future__ import annotations

import os
import threading
import time
from collections import Counter
from collections.abc import Callable
from dataclasses import replace
from pathlib import Path

import pytest
import requests

from msauth_gui.core.proxy.access import AccessRecord
from msauth_gui.core.proxy.server import ProxyServer
from msauth_gui.core.session.renewal import Renewal
from msauth_gui.core.token import Token
from msauth_gui.devserver import DemoConfig, DemoServer

from .conftest import FakeClock
from .proxy_helpers import LOGIN, PASSWORD, Events, proxied
from .tls import Minted


def test_two_second_tokens_are_renewed_across_ten_seconds_with_no_401(
    demo_factory: Callable[..., DemoServer],
) -> None:
    """The real clock here: the demo server judges expiry by its own."""
    demo = demo_factory(access_lifetime=2.0)
    statuses: Counter[int] = Counter()
    with proxied(demo) as (proxy, _keeper):
        session = requests.Session()
        end = time.monotonic() + 10.0
        while time.monotonic() < end:
            statuses[session.get(proxy.url + "/api/v1/DocTypes", timeout=10).status_code] += 1
    assert set(statuses) == {200}, statuses
    assert statuses[200] > 100
    assert demo.counts["refresh"] >= 5  # every 1.6 s


def test_a_restarted_server_costs_the_next_request_one_renewal(
    demo_factory: Callable[..., DemoServer],
) -> None:
    demo = demo_factory()
    events = Events()
    with proxied(demo, events=events) as (proxy, _keeper):
        session = requests.Session()
        assert session.get(proxy.url + "/api/v1/DocTypes", timeout=10).status_code == 200
        demo.stop()  # every token forgotten, every kept-alive connection closed
        fresh = DemoServer(DemoConfig(users={LOGIN: PASSWORD}), port=demo.port).start()
        try:
            answer = session.get(proxy.url + "/api/v1/DocTypes", timeout=10)
        finally:
            fresh.stop()
    assert answer.status_code == 200
    # the request got a 401; the refresh token was refused too; the password signed in again;
    # the request was sent once more
    assert fresh.counts == Counter({"probe": 2, "refresh": 1, "token": 1})
    [event] = events.wait_for(1)
    assert event.renewal is Renewal.SIGN_IN and event.creds is not None


def test_requests_that_get_401_together_share_one_renewal(
    demo_factory: Callable[..., DemoServer],
) -> None:
    demo = demo_factory()
    with proxied(demo) as (proxy, _keeper):
        demo.revoke_all()
        statuses: list[int] = []
        start = threading.Barrier(8)

        def one() -> None:
            start.wait()
            statuses.append(requests.get(proxy.url + "/api/v1/DocTypes", timeout=10).status_code)

        threads = [threading.Thread(target=one) for _ in range(8)]
        for thread in threads:
            thread.start()
        for thread in threads:
            thread.join()
    assert statuses == [200] * 8
    # one renewal for all: its refresh (refused: revoked) and its sign-in, after the first one
    assert (demo.counts["refresh"], demo.counts["token"]) == (1, 2)


def test_a_401_for_a_fresh_token_is_passed_on_after_one_renewal(
    demo_factory: Callable[..., DemoServer],
) -> None:
    demo = demo_factory()
    records: list[AccessRecord] = []
    with proxied(demo, records=records) as (proxy, _keeper):
        demo.config.fault, demo.config.fault_on = "unauthorized", frozenset({"echo"})
        answer = requests.get(proxy.url + "/api/v1/echo", timeout=10)
    assert answer.status_code == 401
    assert "restarted" in answer.json()["error_description"]  # the server's own answer
    assert demo.counts["echo"] == 2 and demo.counts["refresh"] == 1  # one renewal, one replay
    assert "the renewed ones too" in records[-1].failure


def test_a_401_for_a_body_too_large_to_keep_is_passed_on_while_the_session_renews(
    demo_factory: Callable[..., DemoServer],
) -> None:
    demo = demo_factory()
    events = Events()
    records: list[AccessRecord] = []
    with proxied(demo, events=events, records=records) as (proxy, _keeper):
        proxy.forwarder.replay_limit = 1000  # the demo server takes at most 1 MB
        demo.revoke_all()
        body = b"x" * 5000
        refused = requests.put(proxy.url + "/api/v1/echo", data=body, timeout=10)
        events.wait_for(1)
        again = requests.put(proxy.url + "/api/v1/echo", data=body, timeout=10)
    assert refused.status_code == 401
    assert again.status_code == 200 and again.json()["body_length"] == 5000
    assert "repeat the request" in records[0].failure and not records[1].failed


def test_signed_out_answers_503_and_the_server_sees_nothing(demo: DemoServer) -> None:
    with proxied(demo) as (proxy, keeper):
        keeper.stop()
        before = Counter(demo.counts)
        answer = requests.get(proxy.url + "/api/v1/DocTypes", timeout=10)
        assert demo.counts == before
    assert answer.status_code == 503
    assert answer.headers["Content-Type"] == "text/plain; charset=utf-8"
    assert answer.text == "Signed out.\n"


def test_the_keeper_refreshes_at_the_refresh_point_of_an_injected_clock(
    demo_factory: Callable[..., DemoServer], clock: FakeClock
) -> None:
    demo = demo_factory(access_lifetime=100.0)
    events = Events()
    with proxied(demo, clock=clock, events=events) as (proxy, keeper):
        first = keeper.credentials
        clock.advance(81)  # past 80 % of the lifetime
        keeper.wake()
        [event] = events.wait_for(1)
        assert event.renewal is Renewal.REFRESH and isinstance(event.creds, Token)
        assert keeper.shared.snapshot.creds is event.creds is not first
        assert requests.get(proxy.url + "/api/v1/DocTypes", timeout=10).status_code == 200
    assert demo.counts["refresh"] == 1


def test_a_refused_refresh_token_signs_in_again_with_the_password_in_memory(
    demo_factory: Callable[..., DemoServer], clock: FakeClock
) -> None:
    demo = demo_factory(access_lifetime=100.0)
    events = Events()
    with proxied(demo, clock=clock, events=events) as (_proxy, keeper):
        demo.revoke_all()
        clock.advance(81)
        keeper.wake()
        [event] = events.wait_for(1)
    assert event.renewal is Renewal.SIGN_IN and event.creds is not None
    assert (demo.counts["refresh"], demo.counts["token"]) == (1, 2)


def test_an_expired_token_that_could_not_be_renewed_gives_503_with_the_reason(
    demo_factory: Callable[..., DemoServer], clock: FakeClock
) -> None:
    demo = demo_factory(access_lifetime=100.0)
    events = Events()
    with proxied(demo, clock=clock, events=events) as (proxy, keeper):
        demo.config.fault, demo.config.fault_on = "html500", frozenset({"refresh"})
        clock.advance(81)
        keeper.wake()
        [event] = events.wait_for(1)
        assert event.error is not None and event.retry_at == clock.now + 5  # backing off
        clock.advance(19.5)  # expired; the retry is not due yet
        before = Counter(demo.counts)
        answer = requests.get(proxy.url + "/api/v1/DocTypes", timeout=10)
        assert demo.counts == before
    assert answer.status_code == 503
    assert "expired" in answer.text and "HTTP 500" in answer.text


def test_an_unreachable_server_gives_502_and_a_silent_one_504(
    demo_factory: Callable[..., DemoServer],
) -> None:
    demo = demo_factory()
    records: list[AccessRecord] = []
    with proxied(demo, records=records, timeout=1.0) as (proxy, _keeper):
        session = requests.Session()
        assert session.get(proxy.url + "/api/v1/echo", timeout=10).status_code == 200
        demo.config.fault, demo.config.fault_on = "hang", frozenset({"echo"})
        silent = session.get(proxy.url + "/api/v1/echo", timeout=10)  # a kept-alive connection
        demo.stop()
        down = requests.get(proxy.url + "/api/v1/echo", timeout=10)
    assert silent.status_code == 504 and "within 1 s" in silent.text
    assert down.status_code == 502 and "Cannot connect" in down.text
    assert [r.status for r in records] == [200, 504, 502]
    assert [r.failed for r in records] == [False, True, True]


@pytest.mark.parametrize(("method", "scheme"), [("basic", "Basic"), ("session", "Bearer")])
def test_every_sign_in_method_is_served(demo: DemoServer, method: str, scheme: str) -> None:
    with proxied(demo, method=method) as (proxy, _keeper):
        answer = requests.get(proxy.url + "/api/v1/echo", timeout=10)
    assert answer.json()["headers"]["authorization"] == [f"{scheme} (hidden)"]


def test_stopping_abandons_a_request_waiting_on_a_silent_server(
    demo_factory: Callable[..., DemoServer],
) -> None:
    """Sign-out and quit never wait on the network: stop() cancels the wait for the head."""
    demo = demo_factory()
    outcome: list[object] = []
    with proxied(demo, timeout=60.0) as (proxy, _keeper):
        session = requests.Session()
        assert session.get(proxy.url + "/api/v1/echo", timeout=10).status_code == 200
        demo.config.fault, demo.config.fault_on = "hang", frozenset({"echo"})

        def ask() -> None:
            try:
                outcome.append(session.get(proxy.url + "/api/v1/echo", timeout=60).status_code)
            except requests.RequestException as exc:
                outcome.append(exc)

        client = threading.Thread(target=ask)
        client.start()
        while demo.counts["echo"] < 2:  # until the request reached the silent server
            client.join(0.01)
        proxy.stop()
        client.join(30)
        serving = [t for t in threading.enumerate() if t.name == "msauth-proxy-conn"]
        for thread in serving:
            thread.join(30)
    assert not client.is_alive() and isinstance(outcome[0], requests.RequestException)
    assert not any(thread.is_alive() for thread in serving)  # well before the 60 s timeout


def test_https_servers_are_reached_with_the_sessions_tls_settings(
    demo_factory: Callable[..., DemoServer], certs: Minted
) -> None:
    trusted = demo_factory(certfile=certs.good)
    with proxied(trusted, ca_bundle=certs.ca_file) as (proxy, _keeper):
        assert proxy.url.startswith("http://")  # the proxy itself speaks plain HTTP on loopback
        assert requests.get(proxy.url + "/api/v1/DocTypes", timeout=10).status_code == 200
    expired = demo_factory(certfile=certs.expired)  # verification off: a test server
    with proxied(expired, verify_tls=False) as (proxy, _keeper):
        assert requests.get(proxy.url + "/api/v1/DocTypes", timeout=10).status_code == 200


def _feed(pipe: Path, data: bytes) -> threading.Thread:
    """Write ``data`` into the named pipe once someone opens it to read."""

    def write() -> None:
        with open(pipe, "wb") as writer:
            writer.write(data)

    thread = threading.Thread(target=write, daemon=True)
    thread.start()
    return thread


@pytest.mark.skipif(not hasattr(os, "mkfifo"), reason="named pipes are POSIX")
def test_starting_a_proxy_for_https_does_not_wait_for_its_ca_bundle(
    demo_factory: Callable[..., DemoServer], certs: Minted, tmp_path: Path
) -> None:
    """The window starts its proxy on the GUI thread, where reading the CA list (~30 ms) would
    freeze a frame. A named pipe as the bundle shows who waits for it: a start that read it
    would wait for a writer; the first request waits for it and gets through."""
    trusted = demo_factory(certfile=certs.good)
    pipe = tmp_path / "ca.pem"
    os.mkfifo(pipe)
    ca = Path(certs.ca_file).read_bytes()
    with proxied(trusted, ca_bundle=certs.ca_file) as (signed_in, keeper):
        settings = replace(signed_in.settings, ca_bundle=str(pipe))
        started = threading.Event()
        proxies: list[ProxyServer] = []

        def start() -> None:
            proxies.append(ProxyServer(settings, keeper.shared, port=0).start())
            started.set()

        threading.Thread(target=start, daemon=True).start()
        if not started.wait(10):
            _feed(pipe, ca).join(10)  # let the stuck start go
            pytest.fail("starting the proxy read the CA bundle")
        [proxy] = proxies
        try:
            feeder = _feed(pipe, ca)
            answer = requests.get(proxy.url + "/api/v1/DocTypes", timeout=10)
            feeder.join(10)
        finally:
            proxy.stop()
            proxy.join(5)
    assert answer.status_code == 200
    assert not feeder.is_alive()  # the bundle was read, after the start had returned


def test_an_unreadable_ca_bundle_fails_the_request_with_its_name_and_a_fixed_one_serves_the_next(
    demo_factory: Callable[..., DemoServer], certs: Minted, tmp_path: Path
) -> None:
    trusted = demo_factory(certfile=certs.good)
    bundle = tmp_path / "company-ca.pem"
    bundle.write_text("not a certificate\n")
    with proxied(trusted, ca_bundle=certs.ca_file) as (signed_in, keeper):
        settings = replace(signed_in.settings, ca_bundle=str(bundle))
        proxy = ProxyServer(settings, keeper.shared, port=0).start()
        try:
            first = requests.get(proxy.url + "/api/v1/DocTypes", timeout=10)
            bundle.write_bytes(Path(certs.ca_file).read_bytes())
            second = requests.get(proxy.url + "/api/v1/DocTypes", timeout=10)
        finally:
            proxy.stop()
            proxy.join(5)
    assert first.status_code == 502
    assert "CA bundle" in first.text and "company-ca.pem" in first.text
    assert "no certificate in PEM form" in first.text  # what sign-in says of the same file
    assert second.status_code == 200


@pytest.mark.skipif(not hasattr(os, "mkfifo"), reason="named pipes are POSIX")
def test_a_ca_bundle_that_never_answers_costs_each_request_its_timeout_and_no_more(
    demo_factory: Callable[..., DemoServer], certs: Minted, tmp_path: Path
) -> None:
    """A bundle on a share that stopped answering: every request waits for it at most its own
    timeout (a 504), none waits behind another, and the proxy still stops."""
    trusted = demo_factory(certfile=certs.good)
    pipe = tmp_path / "ca.pem"
    os.mkfifo(pipe)
    with proxied(trusted, ca_bundle=certs.ca_file) as (signed_in, keeper):
        settings = replace(signed_in.settings, ca_bundle=str(pipe), timeout=1.0)
        proxy = ProxyServer(settings, keeper.shared, port=0).start()
        statuses: list[int] = []

        def one() -> None:
            answer = requests.get(proxy.url + "/api/v1/DocTypes", timeout=30)
            statuses.append(answer.status_code)

        threads = [threading.Thread(target=one) for _ in range(3)]
        try:
            for thread in threads:
                thread.start()
            for thread in threads:
                thread.join(30)
        finally:
            proxy.stop()
            proxy.join(5)
            _feed(pipe, b"").join(10)  # the reading helper gets an empty bundle and ends
    assert statuses == [504, 504, 504]
    assert not proxy.running
