"""Attacks on ``msauth`` and the Qt-free core that broke a promise: documented exit codes only,
no traceback, renewal that goes on, secrets never shown in part. Real sockets: the hostile
server of tests/hostile.py, driven through the real CLI or the proxy's keeper."""

from __future__ import annotations

import contextlib
import json
import threading
from collections.abc import Iterator
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from typing import Any

import pytest

from msauth_gui.core.client import AuthClient, ConnectionSettings
from msauth_gui.core.errors import (
    EXIT_OK,
    EXIT_UNUSABLE,
    EXIT_USAGE,
    ServerError,
    TooManyRequests,
)
from msauth_gui.core.records import RequestRecord
from msauth_gui.core.redact import redact_start, register_secret
from msauth_gui.core.session.keeper import Keeper

from .cli_run import run_msauth
from .conftest import FakeClock
from .hostile import HostileServer, Reply, json_reply, token_json
from .proxy_helpers import Events
from .test_hostile_cli import msauth

#: a raw 0xB2 byte ("²", a digit to str.isdigit, not to int) in a header, as a server sends it
SUPERSCRIPT_TWO = "\udcb2"


def test_a_content_length_of_superscript_digits_is_no_unexpected_error() -> None:
    headers = (("Content-Type", "application/json"), ("Content-Length", SUPERSCRIPT_TWO))
    reply = Reply(body=token_json(expires_in=60), headers=headers, content_length=False)
    with HostileServer(reply) as server:
        code, out, err = msauth(server, "--token-url", "/oauth/token")
    assert (code, out, err) == (EXIT_OK, "tok-valid-12345\n", "")


@contextlib.contextmanager
def _rate_limited(clock: FakeClock, retry_after: str) -> Iterator[tuple[Any, HostileServer, Any]]:
    """A keeper signed in whose first renewal got a 429 with ``retry_after``: the event, the
    server (answering that 429 until told otherwise) and the keeper's events."""
    events = Events()
    with HostileServer(Reply(body=ANSWER)) as server:
        settings = ConnectionSettings(server=server.url, token_url="/oauth/token", timeout=5)
        keeper = Keeper(settings, clock=clock, on_event=events)
        try:
            keeper.sign_in("admin", "secret-pw-1")
            limited = json_reply(429, {"error": "slow_down"})
            server.set(limited, headers=(*limited.headers, ("Retry-After", retry_after)))
            clock.advance(90)  # past the refresh point
            keeper.wake()
            [event] = events.wait_for(1)
            assert isinstance(event.error, TooManyRequests)
            yield event, server, (keeper, events)
        finally:
            keeper.close()


ANSWER = token_json(expires_in=100, refresh_token="ref-valid-12345")


def test_a_retry_after_of_superscript_digits_backs_off_and_renewal_goes_on(
    clock: FakeClock,
) -> None:
    """The keeper's thread used to die on float("²"): no event, no renewal ever again."""
    with _rate_limited(clock, SUPERSCRIPT_TWO) as (event, server, (keeper, events)):
        assert event.retry_at == pytest.approx(clock.now + 5)  # the usual first backoff
        server.set(Reply(body=ANSWER))
        clock.advance(5)
        keeper.wake()
        second = events.wait_for(2)[1]
    assert second.error is None and second.creds is not None


@pytest.mark.parametrize("timeout", ["nan", "inf", "1e20", "3601", "0", "-1"])
def test_a_timeout_without_a_deadline_is_a_usage_error(timeout: str) -> None:
    """inf and 1e20 crashed the deadline's watchdog thread (a traceback, exit 1); nan meant
    no deadline at all (a stalled server hung msauth for ever)."""
    with HostileServer("stall") as server:
        code, out, err = msauth(server, f"--timeout={timeout}")
    assert (code, out) == (EXIT_USAGE, "")
    assert err == "msauth: --timeout must be a positive number of seconds, at most 3,600\n"
    assert server.requests == []


PASSWORD = "Pr0xy-s3cret!"


def _pieces(secret: str) -> list[str]:
    """Every beginning of ``secret`` long enough to give it away."""
    return [secret[:n] for n in range(4, len(secret) + 1)]


@pytest.mark.parametrize("at", [190, 195, 199, 390, 395])
def test_an_error_page_cut_through_the_password_shows_none_of_it(at: int) -> None:
    """The start of an error page was cut at 200 characters, then redacted: a password the cut
    went through was no longer the registered value, and its first half was shown."""
    body = ("E" * at + " " + PASSWORD + " tail").encode()
    seen: list[RequestRecord] = []
    reply = Reply(500, body, (("Content-Type", "text/plain"),), "Oops")
    with HostileServer(reply) as server:
        code, _out, err = msauth(server, "--token-url", "/oauth/token", stdin=PASSWORD + "\n")
        settings = ConnectionSettings(server=server.url, token_url="/oauth/token", timeout=5)
        client = AuthClient(settings, on_request=seen.append)
        with pytest.raises(ServerError) as raised:
            client.sign_in("admin", PASSWORD)
        client.close()
    assert code == EXIT_UNUSABLE and "E" * 100 in err
    for shown in (err, raised.value.message, seen[0].error):
        assert not any(piece in shown for piece in _pieces(PASSWORD)), shown


def test_masks_that_shorten_the_start_never_bring_a_cut_secret_into_view() -> None:
    register_secret(PASSWORD)
    for pad in range(80):  # the cut of the window read goes through every part of it
        text = (PASSWORD + " ") * 29 + "E" * pad + PASSWORD + " tail"
        shown = redact_start(text, 200)
        assert shown.startswith("*** *** ***")
        assert not any(piece in shown for piece in _pieces(PASSWORD)), (pad, shown)


@pytest.mark.parametrize(
    "option",
    [
        ["--method", "basic", "--probe-path", "{evil}/api/v1/DocTypes"],
        ["--method", "oauth", "--probe-path", "{evil}/api/v1/DocTypes"],
        ["--method", "basic", "--probe-path", "{server}@{evil_host}/api/v1/DocTypes"],
        ["--method", "oauth", "--token-url", "{server}@{evil_host}/oauth/token"],
    ],
)
def test_credentials_never_go_to_another_server_by_the_probe_path_or_userinfo(
    option: list[str],
) -> None:
    """The probe path is kept in profiles, which are shared as files: an absolute probe URL on
    another server got the Basic credentials or the token with every sign-in. A token URL
    spelled https://wms:9000@evil/ looks like the server and goes to evil."""
    with HostileServer("token") as server, HostileServer("token") as evil:
        names = {"server": server.url, "evil": evil.url, "evil_host": evil.url.split("//")[1]}
        code, out, err = msauth(server, *[part.format(**names) for part in option])
    assert (code, out) == (EXIT_USAGE, "")
    assert "must not contain a login" in err or "must be on the server" in err
    assert evil.requests == [] and server.requests == []


class _ForwardProxy(BaseHTTPRequestHandler):
    """An HTTP proxy in front of every server (HTTP_PROXY): it records the absolute URL of each
    request, so the host a client really sends to shows, DNS or not. The discovery document
    names the token endpoint it is given; everything else is 404."""

    server: _ProxyServer

    def log_message(self, format: str, *args: object) -> None:
        pass

    def do_GET(self) -> None:
        self.server.targets.append(self.path)
        if self.path.endswith("/.well-known/openid-configuration"):
            body = json.dumps({"token_endpoint": self.server.endpoint}).encode()
            self.send_response(200)
        else:
            body = b'{"error": "not here"}'
            self.send_response(404)
        self.send_header("Content-Type", "application/json")
        self.send_header("Content-Length", str(len(body)))
        self.end_headers()
        self.wfile.write(body)

    do_POST = do_GET


class _ProxyServer(ThreadingHTTPServer):
    daemon_threads = True

    def __init__(self, endpoint: str) -> None:
        super().__init__(("127.0.0.1", 0), _ForwardProxy)
        self.endpoint, self.targets = endpoint, []


@pytest.mark.parametrize(
    ("server", "endpoint", "other"),
    [
        # Python's "idna" codec is IDNA 2003, where "ß" is "ss": one origin to it, two hosts
        # to requests (IDNA 2008: xn--strae-oqa.example), which one may own and the other not
        ("http://strasse.example", "http://straße.example/sso/token", "xn--strae-oqa"),
        ("http://straße.example", "http://strasse.example/sso/token", "//strasse.example"),
        ("http://σας.example", "http://σασ.example/sso/token", "xn--mxa9ab"),
    ],
)
def test_a_discovery_document_naming_a_look_alike_host_gets_no_password(
    server: str, endpoint: str, other: str, monkeypatch: pytest.MonkeyPatch
) -> None:
    proxy = _ProxyServer(endpoint)
    thread = threading.Thread(target=proxy.serve_forever, daemon=True)
    thread.start()
    for name in ("NO_PROXY", "no_proxy", "HTTPS_PROXY", "https_proxy", "ALL_PROXY"):
        monkeypatch.delenv(name, raising=False)
    monkeypatch.setenv("HTTP_PROXY", f"http://127.0.0.1:{proxy.server_address[1]}")
    try:
        code, _out, err = run_msauth(
            ["token", "--server", server, "--login", "admin", "--password-stdin"], PASSWORD + "\n"
        )
    finally:
        proxy.shutdown()
        proxy.server_close()
    assert not any(other in target for target in proxy.targets), proxy.targets
    assert len(proxy.targets) == 5  # three candidates, the document, /connect/token
    assert code != EXIT_OK and "not tried: it is on another server" in err


def test_a_megabyte_error_description_is_shown_cut_not_whole() -> None:
    """One such label kept the window's thread busy for seconds at every resize; a terminal
    scrolled a megabyte away the line that said what failed."""
    description = "bad password " + "x" * 1_000_000 + " END"
    with HostileServer(
        json_reply(400, {"error": "invalid_scope", "error_description": description})
    ) as server:
        code, out, err = msauth(server, "--token-url", "/oauth/token")
    assert code != EXIT_OK and out == ""
    assert "bad password" in err and "END" not in err
    assert len(err) < 3000


def test_an_absurd_retry_after_delays_renewal_an_hour_at_most(clock: FakeClock) -> None:
    """A 429 with Retry-After: 99999999999999999 stopped renewal for good ("retrying in
    277777777777777 h")."""
    with _rate_limited(clock, "9" * 17) as (event, _server, _keeper):
        assert event.retry_at == pytest.approx(clock.now + 3600)


def test_a_netrc_entry_for_the_server_never_replaces_or_adds_credentials(
    tmp_path: Any, monkeypatch: pytest.MonkeyPatch
) -> None:
    """A curl user's ~/.netrc names the server: requests added its login to every request
    without auth of its own, replacing the Authorization the probe set (so it tested the netrc
    user, not the token) and sending the token request a password nobody typed here."""
    netrc = tmp_path / "netrc"
    netrc.write_text("machine 127.0.0.1\nlogin curl-user\npassword curl-secret-1\n")
    netrc.chmod(0o600)
    monkeypatch.setenv("NETRC", str(netrc))  # requests' first place to look
    with HostileServer(Reply(body=token_json(expires_in=60))) as server:
        client = AuthClient(
            ConnectionSettings(server=server.url, method="oauth", token_url="/oauth/token")
        )
        token = client.sign_in("admin", "secret-pw-1")
        client.probe(token)
        seen = [(request.path, request.headers.get("authorization")) for request in server.requests]
    assert seen == [
        ("/oauth/token", None),
        ("/api/v1/DocTypes?$top=1", "Bearer tok-valid-12345"),
    ], seen
