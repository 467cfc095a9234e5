"""Discovery in the core: credentials stay on the origin typed, a remembered URL is reused and
re-found when it goes stale, GET session uses the same machinery. Real sockets throughout."""

from __future__ import annotations

import json
import threading
from collections.abc import Callable, Iterator
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from typing import Any

import pytest

from msauth_gui.core.client import AuthClient, ConnectionSettings
from msauth_gui.core.discovery import DiscoveryFailed
from msauth_gui.core.errors import (
    CredentialsRejected,
    EndpointNotFound,
    RedirectRefused,
    ServerError,
)
from msauth_gui.core.records import RequestRecord
from msauth_gui.core.token import Token
from msauth_gui.devserver import DemoServer

Start = Callable[..., DemoServer]


class Recorder:
    """Another host: a listener that keeps every byte it is sent and answers 404."""

    def __init__(self) -> None:
        self.received: list[bytes] = []
        recorder = self

        class Handler(BaseHTTPRequestHandler):
            def do_POST(self) -> None:
                length = int(self.headers.get("Content-Length") or 0)
                body = self.rfile.read(length) if length else b""
                recorder.received.append(self.requestline.encode() + bytes(self.headers) + body)
                self.send_response(404)
                self.send_header("Content-Length", "0")
                self.end_headers()

            do_GET = do_POST

            def log_message(self, format: str, *args: Any) -> None:
                pass

        self.httpd = ThreadingHTTPServer(("127.0.0.1", 0), Handler)
        self.url = f"http://127.0.0.1:{self.httpd.server_address[1]}"
        self.thread = threading.Thread(target=self.httpd.serve_forever, daemon=True)

    def __enter__(self) -> Recorder:
        self.thread.start()
        return self

    def __exit__(self, *exc: object) -> None:
        self.httpd.shutdown()
        self.httpd.server_close()


@pytest.fixture
def recorder() -> Iterator[Recorder]:
    with Recorder() as listener:
        yield listener


def client(server: str, log: list[RequestRecord] | None = None, **settings: Any) -> AuthClient:
    on_request = log.append if log is not None else None
    return AuthClient(ConnectionSettings(server=server, **settings), on_request=on_request)


# --- never the password to another origin --------------------------------------------------
def test_a_discovery_document_naming_another_host_gets_no_password(
    make_server: Start, recorder: Recorder
) -> None:
    server = make_server(token_paths=(), openid_token_endpoint=recorder.url + "/connect/token")
    server.config.openid = True
    with pytest.raises(EndpointNotFound) as caught:
        client(server.url).sign_in("admin", "s3cret-pass")
    assert recorder.received == []  # not a request, let alone the password
    message = caught.value.message
    assert f"POST {recorder.url}/connect/token (not tried: it is on another server" in message
    assert "s3cret-pass" not in message
    assert "GET " + server.url + "/.well-known/openid-configuration (HTTP 200)" not in message


def test_another_origin_by_name_alone_is_skipped_and_the_search_goes_on(
    make_server: Start,
) -> None:
    # "localhost" is this very server, but not the origin typed: it is not sent the password
    server = make_server(token_paths=("/connect/token",), openid=True)
    port = server.url.rsplit(":", 1)[1]
    server.config.openid_token_endpoint = f"http://localhost:{port}/connect/token"
    c = client(server.url)
    assert isinstance(c.sign_in("admin", "admin"), Token)
    assert c.token_url == server.url + "/connect/token"  # the last candidate, same origin
    skipped = [a for a in c.token_finder.attempts if a.outcome == "skipped"]
    assert [a.url for a in skipped] == [f"http://localhost:{port}/connect/token"]
    assert list(server.requests).count("POST /connect/token") == 1


def test_the_discovery_document_is_fetched_without_credentials(
    make_server: Start, recorder: Recorder
) -> None:
    # the document itself lives on the recorder's origin only when typed as the server
    c = client(recorder.url)
    with pytest.raises(EndpointNotFound):
        c.sign_in("admin", "s3cret-pass")
    documents = [r for r in recorder.received if r.startswith(b"GET ")]
    assert documents and all(b"s3cret" not in r and b"Authorization" not in r for r in documents)


def test_a_redirecting_candidate_is_not_followed(make_server: Start, recorder: Recorder) -> None:
    server = make_server(
        token_paths=("/connect/token",),
        fault="redirect",
        fault_on=frozenset({"token"}),
        redirect_to=recorder.url + "/oauth/token",
    )
    with pytest.raises(RedirectRefused) as caught:
        client(server.url).sign_in("admin", "admin")
    assert isinstance(caught.value, DiscoveryFailed)  # and it says what was tried
    assert recorder.received == []


def test_a_remembered_url_on_another_origin_is_ignored(
    make_server: Start, recorder: Recorder
) -> None:
    server = make_server()
    c = client(server.url, remembered_token_url=recorder.url + "/oauth/token")
    assert c.token_url is None
    c.sign_in("admin", "admin")
    assert recorder.received == [] and c.token_url == server.url + "/oauth/token"


# --- remember and reuse --------------------------------------------------------------------
def test_the_found_url_serves_refresh_and_the_next_client(make_server: Start) -> None:
    server = make_server(prefix="/MobileSMARTS", token_paths=("/connect/token",), openid=True)
    first = client(server.url + "/MobileSMARTS/api/v1")
    token = first.sign_in("admin", "admin")
    assert isinstance(token, Token) and token.refresh_token
    assert first.token_url == server.url + "/connect/token" and first.token_url_automatic
    assert len(server.requests) == 6
    first.refresh(token.refresh_token)
    assert server.requests[-1] == "POST /connect/token" and len(server.requests) == 7

    remembered = first.remembered()
    assert remembered.remembered_token_url == server.url + "/connect/token"
    assert remembered.token_url is None  # still automatic: a 404 will start a new search
    again = AuthClient(remembered)
    again.sign_in("admin", "admin")  # the next start goes straight there
    assert server.requests[-1] == "POST /connect/token" and len(server.requests) == 8


def test_a_stale_remembered_url_is_dropped_and_found_again(make_server: Start) -> None:
    server = make_server(prefix="/MobileSMARTS", token_paths=("{prefix}/oauth/token",))
    api = server.url + "/MobileSMARTS/api/v1"
    settings = client(api).remembered()
    c = AuthClient(settings)
    token = c.sign_in("admin", "admin")
    assert isinstance(token, Token) and token.refresh_token
    old = c.token_url
    assert old == server.url + "/MobileSMARTS/oauth/token"

    server.config.token_paths = ("/oauth/token",)  # the server moves its endpoint to the root
    server.requests.clear()
    fresh = c.refresh(token.refresh_token)
    assert c.token_url == server.url + "/oauth/token"
    # the stale one once (404), then the search, which does not ask it a second time
    assert list(server.requests) == ["POST /MobileSMARTS/oauth/token", "POST /oauth/token"]
    assert c.token_finder.attempts[0].status == 404
    assert c.remembered().remembered_token_url == server.url + "/oauth/token"

    server.config.token_paths = ("{api}/session",)  # and again, to POST {api}/session
    next_client = AuthClient(c.remembered())
    assert fresh.refresh_token
    next_client.refresh(fresh.refresh_token)
    assert next_client.token_url == api + "/session"


def test_a_failing_remembered_url_is_kept(make_server: Start) -> None:
    server = make_server(fault="html500", fault_on=frozenset({"token"}))
    remembered = server.url + "/oauth/token"
    c = client(server.url, remembered_token_url=remembered)
    with pytest.raises(ServerError):
        c.sign_in("admin", "admin")
    assert c.token_url == remembered  # a server having a bad moment does not lose its URL
    assert len(server.requests) == 1


def test_a_stale_url_with_nothing_else_found_is_forgotten(make_server: Start) -> None:
    server = make_server(token_paths=())
    c = client(server.url, remembered_token_url=server.url + "/oauth/token")
    with pytest.raises(EndpointNotFound):
        c.sign_in("admin", "admin")
    assert c.token_url is None and c.remembered().remembered_token_url is None
    assert len(server.requests) == len(set(server.requests))  # no candidate twice


def test_an_operator_url_is_never_replaced(make_server: Start) -> None:
    server = make_server(token_paths=("/connect/token",))
    c = client(server.url, token_url="/oauth/token", remembered_token_url=server.url + "/x")
    with pytest.raises(EndpointNotFound) as caught:
        c.sign_in("admin", "admin")
    assert not isinstance(caught.value, DiscoveryFailed)
    assert c.token_url == server.url + "/oauth/token" and not c.token_url_automatic
    assert c.remembered().remembered_token_url is None
    assert list(server.requests) == ["POST /oauth/token"]


def test_each_probe_is_one_logged_request(make_server: Start) -> None:
    server = make_server(token_paths=("{api}/session",))
    log: list[RequestRecord] = []
    client(server.url, log).sign_in("admin", "admin")
    assert [(r.method, r.url, r.status) for r in log] == [
        ("POST", server.url + "/oauth/token", 404),
        ("POST", server.url + "/api/v1/session", 200),
    ]


# --- GET session through the same machinery ---------------------------------------------------
def test_session_remembers_where_it_answered_and_refinds_a_stale_one(make_server: Start) -> None:
    server = make_server(prefix="/MobileSMARTS")
    api = server.url + "/MobileSMARTS/api/v1"
    c = client(api, method="session")
    c.sign_in("admin", "admin")
    assert c.session_url == api + "/session"
    assert c.remembered().remembered_session_url == api + "/session"

    stale = server.url + "/Old/api/v1/session"
    c = client(api, method="session", remembered_session_url=stale)
    c.sign_in("admin", "admin")
    assert c.session_url == api + "/session"
    assert [(a.url, a.outcome) for a in c.session_finder.attempts] == [
        (stale, "missing"),
        (api + "/session", "answered"),
    ]


def test_session_with_a_wrong_password_is_found_and_rejected(make_server: Start) -> None:
    server = make_server()
    c = client(server.url, method="session")
    with pytest.raises(CredentialsRejected):
        c.sign_in("admin", "wrong")
    assert c.session_url == server.url + "/api/v1/session" and len(server.requests) == 1


def test_a_document_naming_a_candidate_already_asked_does_not_ask_it_again(
    make_server: Start,
) -> None:
    # the document names /oauth/token, asked first, with a trailing slash
    server = make_server(token_paths=("/connect/token",), openid=True)
    server.config.openid_token_endpoint = server.url + "/oauth/token/"
    client(server.url).sign_in("admin", "admin")
    assert list(server.requests) == [
        "POST /oauth/token",
        "POST /api/v1/session",
        "POST /api/session",
        "GET /.well-known/openid-configuration",
        "POST /connect/token",
    ]


def test_a_profile_keeps_what_was_found_and_hands_it_to_the_client(make_server: Start) -> None:
    from msauth_gui.core.errors import InvalidInput
    from msauth_gui.core.profiles import Profile, export_profiles, import_profiles

    server = make_server(token_paths=("/connect/token",))
    found = server.url + "/connect/token"
    profile = Profile(name="p", server=server.url, remembered_token_url=found)
    (imported,) = import_profiles(export_profiles([profile]))
    c = AuthClient(imported.settings())
    c.sign_in("admin", "admin")
    assert list(server.requests) == ["POST /connect/token"]  # straight there
    with pytest.raises(InvalidInput):
        Profile.from_dict({"name": "p", "basic_encoding": "rot13"})


def test_a_server_failing_everywhere_is_failing_not_missing_a_token_url(make_server: Start) -> None:
    """Told "No token endpoint was found … enter the token URL", operators typed URLs into a
    server that was simply down."""
    server = make_server(fault="html500")
    with pytest.raises(ServerError) as caught:
        client(server.url).sign_in("admin", "admin")
    message = caught.value.message
    assert "HTTP 500" in message and "Tried:" in message
    assert "No token endpoint was found" not in message and "--token-url" not in message


def test_a_shared_profile_cannot_send_the_password_to_another_server(make_server: Start) -> None:
    """A profiles file naming the real server with a token URL elsewhere sent the operator's
    password there at the first sign-in; a token URL the operator types may still point anywhere."""
    from msauth_gui.core.profiles import import_entries

    real, elsewhere = make_server(), make_server()
    shared = {
        "format": "msauth-gui profiles",
        "version": 1,
        "profiles": [
            {"name": "Prod", "server": real.url, "token_url": elsewhere.url + "/oauth/token"},
            {"name": "Same", "server": real.url, "token_url": real.url + "/oauth/token"},
        ],
    }
    prod, same = import_entries(json.dumps(shared))
    assert prod.profile.token_url == "" and prod.foreign_token_url == elsewhere.url + "/oauth/token"
    assert elsewhere.url in prod.warning() and "not imported" in prod.warning()
    assert same.profile.token_url == real.url + "/oauth/token" and same.warning() == ""
    AuthClient(prod.profile.settings()).sign_in("admin", "admin")
    assert list(elsewhere.requests) == []
    assert list(real.requests) == ["POST /oauth/token"]  # found automatically
