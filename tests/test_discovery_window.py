"""The window finds the token endpoint, refreshes there, remembers it across starts, and looks
again when it moves: the real window, an INI file, an in-memory keyring and the demo server.

The demo server records every request it receives, so each test says exactly which URLs were
asked and how often: no candidate twice, and nothing asked again once found. Probes of the
token (GET …/DocTypes) are left out of those lists: they are not where a token comes from.
"""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest
from PySide6.QtCore import QSettings, Qt
from PySide6.QtWidgets import QComboBox, QLabel, QLineEdit

from msauth_gui.devserver import DemoServer
from msauth_gui.gui.session.keeper import KeeperState
from msauth_gui.gui.window.main import MainWindow
from tests.conftest import FakeClock
from tests.test_discovery_cli import LAYOUTS, Layout
from tests.test_profiles_window import Env
from tests.test_window import TIMEOUT, child, click, expand_advanced, fill, sign_in, token_field

S = KeeperState
PREFIX = "/MobileSMARTS"


@pytest.fixture
def env(qtbot: Any, clock: FakeClock, tmp_path: Path) -> Env:
    return Env(qtbot, clock, tmp_path)


def asked(server: DemoServer) -> list[str]:
    """What the server was asked, in order, without the probes of a token."""
    return [r for r in server.requests if not r.lower().endswith(("/doctypes", "/$metadata"))]


def endpoint_line(window: MainWindow) -> str:
    return child(window, QLabel, "tokenUrlLabel").text()


def log(window: MainWindow) -> str:
    return window.log.text()


def stored(env: Env, key: str) -> str:
    """A field of the first stored profile, as the next start will read it."""
    settings = QSettings(str(env.ini), QSettings.Format.IniFormat)
    settings.beginReadArray("profiles")
    settings.setArrayIndex(0)
    value = str(settings.value(key, "", str))
    settings.endArray()
    return value


def signed_in(qtbot: Any, env: Env, server: str, **fill_args: Any) -> MainWindow:
    """A window of ``env``, signed in to ``server`` as admin (by OAuth unless told)."""
    window = env.window()
    fill(qtbot, window, server, **fill_args)
    sign_in(qtbot, window)
    return window


def wait_refreshes(qtbot: Any, server: DemoServer, n: int) -> None:
    qtbot.waitUntil(lambda: server.counts["refresh"] == n, timeout=TIMEOUT)


# -- first sign-in on each layout --------------------------------------------------------------
@pytest.mark.parametrize("prefix", ["", PREFIX], ids=["host:port", "MobileSMARTS"])
@pytest.mark.parametrize("layout", LAYOUTS, ids=[layout.id for layout in LAYOUTS])
def test_oauth_sign_in_finds_the_token_endpoint_on_every_layout(
    qtbot: Any, env: Env, make_server: Callable[..., DemoServer], layout: Layout, prefix: str
) -> None:
    server = make_server(prefix=prefix, token_paths=layout.paths, openid=layout.openid)
    window = signed_in(qtbot, env, server.url + prefix + ("/api/v1" if prefix else ""))

    found = server.url + layout.found.replace("{api}", "{prefix}/api/v1").format(prefix=prefix)
    requests = asked(server)
    # the same requests as msauth's first sign-in on this layout (tests/test_discovery_cli.py)
    assert len(requests) == layout.requests[bool(prefix)], requests
    assert len(set(requests)) == len(requests)  # no candidate twice
    assert endpoint_line(window) == f"{found} (found automatically)"
    tried = f"URLs tried: {len(requests)})"  # every request of the search, documents too
    assert f"Token endpoint found automatically at {found} ({tried}." in log(window)
    assert stored(env, "remembered_token_url") == found  # for the next start


# -- refresh -----------------------------------------------------------------------------------
def test_background_refresh_goes_to_the_found_url_and_follows_it_when_it_moves(
    qtbot: Any, env: Env, make_server: Callable[..., DemoServer], clock: FakeClock
) -> None:
    # the API under /MobileSMARTS, the token endpoint at the root: the case of issue 11
    server = make_server(prefix=PREFIX, token_paths=("/oauth/token",), access_lifetime=100)
    window = env.window(min_attempt_gap=0)
    fill(qtbot, window, server.url + PREFIX + "/api/v1")
    sign_in(qtbot, window)
    assert asked(server) == [f"POST {PREFIX}/oauth/token", "POST /oauth/token"]

    for n in (1, 2, 3):  # three short lifetimes: each refresh at 80 % of 100 s
        token = token_field(window).text()
        clock.advance(81)
        wait_refreshes(qtbot, server, n)
        qtbot.waitUntil(lambda t=token: token_field(window).text() != t, timeout=TIMEOUT)
    assert asked(server)[2:] == ["POST /oauth/token"] * 3  # straight there, every time
    assert log(window).count("Token endpoint found") == 1

    # the server moves its endpoint: the next refresh gets a 404 there, looks again, finds it
    server.config.token_paths, server.config.openid = ("/connect/token",), True
    clock.advance(81)
    wait_refreshes(qtbot, server, 4)
    qtbot.waitUntil(lambda: "/connect/token (found" in endpoint_line(window), timeout=TIMEOUT)
    assert asked(server)[5:] == [
        "POST /oauth/token",  # the remembered URL: 404, dropped (and not asked again below)
        f"POST {PREFIX}/oauth/token",
        f"POST {PREFIX}/api/v1/session",
        f"POST {PREFIX}/api/session",
        f"GET {PREFIX}/.well-known/openid-configuration",
        "POST /connect/token",
    ]
    qtbot.waitUntil(lambda: window.keeper.state is S.VALID, timeout=TIMEOUT)
    text = log(window)
    assert f"The remembered token URL {server.url}/oauth/token answered HTTP 404" in text
    assert f"Token endpoint found automatically at {server.url}/connect/token" in text
    assert stored(env, "remembered_token_url") == server.url + "/connect/token"

    clock.advance(81)
    wait_refreshes(qtbot, server, 5)
    assert asked(server)[-1] == "POST /connect/token"


# -- the next start ----------------------------------------------------------------------------
def test_stay_signed_in_resumes_straight_at_the_remembered_url_then_finds_a_moved_one(
    qtbot: Any, env: Env, make_server: Callable[..., DemoServer]
) -> None:
    # the farthest layout: /connect/token, named by the discovery document (6 requests)
    server = make_server(prefix=PREFIX, token_paths=("/connect/token",), openid=True)
    window = env.window()
    fill(qtbot, window, server.url + PREFIX + "/api/v1")
    click(qtbot, window, "staySignedInCheck")
    sign_in(qtbot, window)
    first = asked(server)
    assert len(first) == 6 and first[-1] == "POST /connect/token"

    window = env.restart(window)
    qtbot.waitUntil(lambda: window.keeper.state is S.VALID, timeout=TIMEOUT)
    assert asked(server)[6:] == ["POST /connect/token"]  # one refresh, no candidate again
    assert endpoint_line(window) == f"{server.url}/connect/token (found automatically)"
    assert "Token endpoint found" not in log(window)

    # the server restarts with its token endpoint elsewhere; the saved session still holds
    window.close()
    server.stop()
    server.config.token_paths, server.config.openid = ("{prefix}/oauth/token",), False
    server.start()
    window = env.window()
    qtbot.waitUntil(lambda: window.keeper.state is S.VALID, timeout=TIMEOUT)
    assert asked(server)[7:] == ["POST /connect/token", f"POST {PREFIX}/oauth/token"]
    found = server.url + PREFIX + "/oauth/token"
    assert f"The remembered token URL {server.url}/connect/token answered HTTP 404" in log(window)
    assert f"Token endpoint found automatically at {found}" in log(window)
    assert endpoint_line(window) == f"{found} (found automatically)"
    assert stored(env, "remembered_token_url") == found

    window = env.restart(window)
    qtbot.waitUntil(lambda: window.keeper.state is S.VALID, timeout=TIMEOUT)
    assert asked(server)[9:] == [f"POST {PREFIX}/oauth/token"]
    assert server.counts["token"] == 1  # the password was sent once, at the first sign-in


def test_sign_in_with_the_password_also_starts_at_the_remembered_url(
    qtbot: Any, env: Env, make_server: Callable[..., DemoServer]
) -> None:
    server = make_server(prefix=PREFIX, token_paths=("{api}/session",))
    window = signed_in(qtbot, env, server.url + PREFIX + "/api/v1")
    assert len(asked(server)) == 3
    window = env.restart(window)
    fill(qtbot, window, server.url + PREFIX + "/api/v1")  # the password is not remembered
    sign_in(qtbot, window)
    assert asked(server)[3:] == [f"POST {PREFIX}/api/v1/session"]


def test_a_new_server_url_forgets_the_urls_found_on_the_old_one(
    qtbot: Any, env: Env, make_server: Callable[..., DemoServer]
) -> None:
    server = make_server(token_paths=("/connect/token",))
    window = signed_in(qtbot, env, server.url)
    assert len(asked(server)) == 5
    assert stored(env, "remembered_token_url") == server.url + "/connect/token"

    # another database on the same host would share the origin, not the token endpoint
    fill(qtbot, window, server.url + "/api/v1")
    sign_in(qtbot, window)
    assert len(asked(server)) == 10  # looked for from the first candidate again
    assert stored(env, "server") == server.url + "/api/v1"
    assert stored(env, "remembered_token_url") == server.url + "/connect/token"  # found anew

    fill(qtbot, window, server.url + "/api/v1/")
    window.profiles.save_current()  # leaving the profile keeps the new server, not the URL
    assert stored(env, "remembered_token_url") == ""


def test_a_typed_token_url_turns_discovery_off(
    qtbot: Any, env: Env, make_server: Callable[..., DemoServer]
) -> None:
    server = make_server(prefix=PREFIX, token_paths=("/oauth/token",))
    window = env.window()
    fill(qtbot, window, server.url + PREFIX + "/api/v1")
    expand_advanced(qtbot, window)
    token_url = child(window, QLineEdit, "tokenUrlEdit")
    assert token_url.placeholderText() == "found automatically"
    token_url.setText(server.url + "/oauth/token")
    sign_in(qtbot, window)
    assert asked(server) == ["POST /oauth/token"]
    assert endpoint_line(window) == f"{server.url}/oauth/token (as entered)"
    assert "Token endpoint found" not in log(window)
    assert stored(env, "remembered_token_url") == ""


def test_session_get_url_is_shown_and_remembered(
    qtbot: Any, env: Env, make_server: Callable[..., DemoServer]
) -> None:
    server = make_server(prefix=PREFIX)
    window = env.window()
    api = server.url + PREFIX + "/api/v1"
    fill(qtbot, window, api, method="session")
    sign_in(qtbot, window)
    caption = window.panel.endpoint_caption.text()
    assert (caption, endpoint_line(window)) == (
        "Session URL:",
        f"{api}/session (found automatically)",
    )
    assert stored(env, "remembered_session_url") == api + "/session"
    assert f"Session URL found automatically at {api}/session (URLs tried: 1)." in log(window)
    click(qtbot, window, "signOutButton")
    assert endpoint_line(window) == "—"


# -- Basic's spelling --------------------------------------------------------------------------
def test_basic_spelling_raw_signs_in_to_a_raw_only_server_and_is_saved(
    qtbot: Any, env: Env, make_server: Callable[..., DemoServer]
) -> None:
    server = make_server(basic_encoding="raw")
    window = env.window()
    fill(qtbot, window, server.url, method="basic")
    sign_in(qtbot, window, expect=S.ERROR)  # base64, the default: refused
    assert server.counts["probe"] == 1  # one request: sign-in never tries the other form

    expand_advanced(qtbot, window)
    combo = child(window, QComboBox, "basicEncodingCombo")
    qtbot.keyClick(combo, Qt.Key.Key_Down)  # the second spelling: raw
    assert combo.currentData() == "raw"
    sign_in(qtbot, window)
    assert token_field(window).text() == "Basic admin:admin"
    assert not window.panel.endpoint_label.isVisible()  # Basic has no token URL

    window = env.restart(window)
    assert child(window, QComboBox, "basicEncodingCombo").currentData() == "raw"
    assert stored(env, "basic_encoding") == "raw"
