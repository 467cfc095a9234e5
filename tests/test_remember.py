"""What a client found travels on: to the next client, the activity log and the profile.

Real clients against the demo server; the profile rules are plain functions.
"""

from __future__ import annotations

from collections.abc import Callable

from msauth_gui.core.client import AuthClient, ConnectionSettings
from msauth_gui.core.profiles import Profile
from msauth_gui.core.session.remember import (
    learned_by,
    moved,
    notes,
    remember_in,
    with_remembered,
)
from msauth_gui.core.token import Token
from msauth_gui.devserver import DemoServer

Start = Callable[..., DemoServer]


def test_a_stale_session_url_is_dropped_found_again_and_said(make_server: Start) -> None:
    server = make_server(prefix="/MobileSMARTS")
    api = server.url + "/MobileSMARTS/api/v1"
    gone = server.url + "/MobileSMARTS/api/v0/session"  # where it answered once, say
    settings = ConnectionSettings(server=api, method="session", remembered_session_url=gone)
    client = AuthClient(settings)
    client.sign_in("admin", "admin")
    learned = learned_by(client)
    assert learned.news and learned.settings.remembered_session_url == api + "/session"
    assert notes(learned) == [
        f"The remembered session URL {gone} answered HTTP 404: it is forgotten and looked for "
        "again.",
        f"Session URL found automatically at {api}/session (URLs tried: 1).",
    ]
    assert list(server.requests) == [
        "GET /MobileSMARTS/api/v0/session",
        "GET /MobileSMARTS/api/v1/session",
    ]

    # the next client starts from it: one request, nothing to say
    again = AuthClient(learned.settings)
    again.sign_in("admin", "admin")
    assert not learned_by(again).news and notes(learned_by(again)) == []
    assert len(server.requests) == 3


def test_a_remembered_url_that_answers_says_nothing(make_server: Start) -> None:
    server = make_server()
    found = AuthClient(ConnectionSettings(server=server.url))
    token = found.sign_in("admin", "admin")
    assert isinstance(token, Token) and token.refresh_token
    first = learned_by(found)
    assert notes(first) == [
        f"Token endpoint found automatically at {server.url}/oauth/token (URLs tried: 1)."
    ]
    client = AuthClient(first.settings)
    client.refresh(token.refresh_token)
    assert not learned_by(client).news and list(server.requests) == ["POST /oauth/token"] * 2


def test_remembered_urls_belong_to_their_server() -> None:
    profile = Profile(
        name="Prod",
        server="https://host:9000/MobileSMARTS/api/v1",
        remembered_token_url="https://host:9000/oauth/token",
    )
    same = ConnectionSettings(server=profile.server)
    assert with_remembered(same, profile).remembered_token_url == "https://host:9000/oauth/token"
    # another database on the same host: the same origin, not the same token endpoint
    other = ConnectionSettings(server="https://host:9000/8e1fc2a4/api/v1")
    assert with_remembered(other, profile) == other
    assert (
        remember_in(profile, ConnectionSettings(server=other.server, remembered_token_url="x"))
        == profile
    )
    assert moved(
        profile, Profile(name="Prod", server=other.server, remembered_token_url="y")
    ) == Profile(name="Prod", server=other.server)
    assert moved(profile, profile) is profile
