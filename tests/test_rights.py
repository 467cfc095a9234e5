"""Honest state (issue 12, point 5): a token is "Valid" only when the server served data with it.

Every sign-in and refresh is followed by one probe (Basic's sign-in is one); a 403 is its own
state, NO_RIGHTS. Against the demo server on loopback, whose ``norights`` account signs in and
gets 403 on data; the keeper and the server share a fake clock.
"""

from __future__ import annotations

import logging
from collections.abc import Callable, Iterator
from typing import Any
from urllib.parse import urlsplit

import pytest

from msauth_gui.core.client import ConnectionSettings
from msauth_gui.core.errors import AuthError, NoRights, ServerError
from msauth_gui.core.token import BasicCredentials
from msauth_gui.devserver import DemoServer
from msauth_gui.gui import fmt
from msauth_gui.gui.icons import STATE_ICON_FILES
from msauth_gui.gui.session.keeper import KeeperState, TokenKeeper
from msauth_gui.gui.window.main import MainWindow
from tests.conftest import FakeClock
from tests.test_window import WindowFactory, click, fill, make_window, sign_in

S = KeeperState
TIMEOUT = 5000
__all__ = ["make_window"]  # the window tests' fixture, used here too
ROLES = ("«Внешнее подключение»", "«Администратор»")


@pytest.fixture
def server(demo_factory: Callable[..., DemoServer], clock: FakeClock) -> DemoServer:
    srv = demo_factory(access_lifetime=100)
    srv.clock = clock
    return srv


@pytest.fixture
def keeper(qtbot: Any, clock: FakeClock) -> Iterator[TokenKeeper]:
    keeper = TokenKeeper(clock=clock, tick_ms=10)
    yield keeper
    keeper.sign_out()
    keeper.deleteLater()


class Seen:
    """Every state and error a keeper emits, in order."""

    def __init__(self, keeper: TokenKeeper) -> None:
        self.states: list[KeeperState] = []
        self.errors: list[AuthError] = []
        keeper.stateChanged.connect(self.states.append)
        keeper.errorRaised.connect(self.errors.append)


def start(keeper: TokenKeeper, srv: DemoServer, login: str, method: str = "oauth") -> None:
    settings = ConnectionSettings(srv.url, method=method, timeout=5)  # type: ignore[arg-type]
    keeper.sign_in(settings, login, login if login == "norights" else "admin")


def settled(keeper: TokenKeeper, state: KeeperState) -> Callable[[], bool]:
    return lambda: not keeper.busy and keeper.state is state


# -- the keeper ---------------------------------------------------------------------------------
@pytest.mark.parametrize("method", ["basic", "session", "oauth"])
def test_an_account_without_rights_is_never_valid(
    qtbot: Any, keeper: TokenKeeper, server: DemoServer, method: str
) -> None:
    seen = Seen(keeper)
    start(keeper, server, "norights", method)
    qtbot.waitUntil(settled(keeper, S.NO_RIGHTS), timeout=TIMEOUT)
    assert S.VALID not in seen.states
    if method == "basic":  # Basic's sign-in is the probe: no second one, and no "checking"
        assert isinstance(keeper.credentials, BasicCredentials)
        assert seen.states == [S.SIGNING_IN, S.NO_RIGHTS]
    else:
        assert seen.states == [S.SIGNING_IN, S.CHECKING, S.NO_RIGHTS]
    assert server.counts["probe"] == 1  # one probe per sign-in
    assert [type(e) for e in seen.errors] == [NoRights]  # said once, with the roles to grant
    assert isinstance(keeper.last_error, NoRights)
    assert all(role in keeper.last_error.message for role in ROLES)


def test_each_refresh_probes_once_and_the_state_follows_the_rights(
    qtbot: Any, keeper: TokenKeeper, server: DemoServer, clock: FakeClock
) -> None:
    seen = Seen(keeper)
    start(keeper, server, "admin")
    qtbot.waitUntil(settled(keeper, S.VALID), timeout=TIMEOUT)
    server.config.no_rights.add("admin")  # the role is taken away while signed in
    clock.advance(81)  # past the refresh point
    qtbot.waitUntil(lambda: server.counts["refresh"] == 1, timeout=TIMEOUT)
    qtbot.waitUntil(settled(keeper, S.NO_RIGHTS), timeout=TIMEOUT)
    assert seen.states[-2:] == [S.REFRESHING, S.NO_RIGHTS]  # never "Valid" in between
    assert server.counts["probe"] == 2
    # the ticks re-judge the state; they do not probe
    ticks = [0]
    keeper.ticked.connect(lambda: ticks.__setitem__(0, ticks[0] + 1))
    qtbot.waitUntil(lambda: ticks[0] >= 20, timeout=TIMEOUT)
    assert server.counts["probe"] == 2 and keeper.state is S.NO_RIGHTS
    # the next refresh of a token still without rights says nothing new
    errors = len(seen.errors)
    clock.advance(81)
    qtbot.waitUntil(lambda: server.counts["refresh"] == 2, timeout=TIMEOUT)
    qtbot.waitUntil(lambda: server.counts["probe"] == 3 and not keeper.busy, timeout=TIMEOUT)
    assert keeper.state is S.NO_RIGHTS and len(seen.errors) == errors
    server.config.no_rights.discard("admin")  # the role is given back
    clock.advance(81)
    qtbot.waitUntil(lambda: server.counts["probe"] == 4, timeout=TIMEOUT)
    qtbot.waitUntil(settled(keeper, S.VALID), timeout=TIMEOUT)
    assert keeper.last_error is None


def test_until_the_first_probe_answers_the_token_is_not_valid(
    qtbot: Any, keeper: TokenKeeper, server: DemoServer
) -> None:
    server.config.fault, server.config.delay = "delay", 0.4
    server.config.fault_on = frozenset({"probe"})
    with qtbot.waitSignal(keeper.credentialsChanged, timeout=TIMEOUT):
        start(keeper, server, "admin")
    assert keeper.credentials is not None and keeper.busy
    assert keeper.state is S.CHECKING
    qtbot.waitUntil(settled(keeper, S.VALID), timeout=TIMEOUT)


def test_a_probe_that_fails_otherwise_leaves_the_token_unconfirmed(
    qtbot: Any, keeper: TokenKeeper, server: DemoServer
) -> None:
    server.config.fault, server.config.fault_on = "html500", frozenset({"probe"})
    seen = Seen(keeper)
    start(keeper, server, "admin")
    qtbot.waitUntil(settled(keeper, S.UNCONFIRMED), timeout=TIMEOUT)
    assert S.VALID not in seen.states and isinstance(keeper.last_error, ServerError)
    server.config.fault = None
    finished: list[object] = []
    keeper.probeFinished.connect(finished.append)
    keeper.probe()  # "Test token": what the last probe saw is what the state says
    qtbot.waitUntil(settled(keeper, S.VALID), timeout=TIMEOUT)
    assert keeper.last_error is None and len(finished) == 1


def test_only_a_probe_the_operator_asked_for_is_reported_as_such(
    qtbot: Any, keeper: TokenKeeper, server: DemoServer
) -> None:
    finished: list[object] = []
    keeper.probeFinished.connect(finished.append)
    start(keeper, server, "admin")
    qtbot.waitUntil(settled(keeper, S.VALID), timeout=TIMEOUT)
    assert finished == []  # the sign-in's own probe changes the state, says nothing more
    keeper.probe()
    qtbot.waitUntil(lambda: len(finished) == 1, timeout=TIMEOUT)
    assert server.counts["probe"] == 2


# -- the window (points 5 to 8) -----------------------------------------------------------------
def titles_of(window: MainWindow) -> list[str]:
    """Every title the window shows from now on."""
    seen: list[str] = []
    window.windowTitleChanged.connect(seen.append)
    return seen


def test_the_window_says_no_rights_in_its_own_words_icon_and_colour(
    qtbot: Any, make_window: WindowFactory, demo: DemoServer
) -> None:
    window = make_window()
    titles = titles_of(window)
    fill(qtbot, window, demo.url, login="norights", password="norights")
    sign_in(qtbot, window, S.NO_RIGHTS)
    words = "Signed in — no rights"
    panel = window.panel
    assert panel.state_label.text() == words
    assert fmt.PURPLE in panel.state_label.styleSheet()  # a colour of its own
    assert panel.state_icon.accessibleName() == words
    others = {fmt.STATE_LOOK[s][1] for s in S if s is not S.NO_RIGHTS}
    assert fmt.PURPLE not in others
    assert STATE_ICON_FILES[S.NO_RIGHTS] not in {
        STATE_ICON_FILES[s] for s in S if s is not S.NO_RIGHTS
    }
    assert all(role in panel.status_label.text() for role in ROLES)  # the roles to grant
    host = urlsplit(demo.url).netloc
    assert window.windowTitle() == f"msauth-gui — {host} — {words}"
    assert window.server_status.text() == f"{host} · {words}"
    assert window.tray.icon.toolTip().splitlines()[1] == f"{host}: {words}"
    assert not any("Valid" in title for title in titles)  # not even for a moment
    assert [t for t, _m in window.tray.notifications] == [words]  # said once, with the roles
    assert all(role in window.tray.notifications[0][1] for role in ROLES)
    assert window.log.text().count("Error: Signed in, but the user has no rights") == 1


def copied_warning(window: MainWindow) -> tuple[str, list[tuple[str, str]]]:
    """Copy the token; the status bar's message and the tray's notifications since."""
    before = len(window.tray.notifications)
    window.copy_token_action.trigger()
    return window.statusBar().currentMessage(), window.tray.notifications[before:]


def test_copying_a_token_that_works_says_nothing_more(
    qtbot: Any, make_window: WindowFactory, demo: DemoServer
) -> None:
    window = make_window()
    fill(qtbot, window, demo.url)
    sign_in(qtbot, window)
    message, notified = copied_warning(window)
    assert message == "Token copied; the clipboard is cleared in 30 s." and notified == []


def test_copying_a_token_without_rights_warns_in_the_status_bar_and_the_tray(
    qtbot: Any, make_window: WindowFactory, demo: DemoServer
) -> None:
    window = make_window()
    fill(qtbot, window, demo.url, login="norights", password="norights")
    sign_in(qtbot, window, S.NO_RIGHTS)
    message, notified = copied_warning(window)
    warning = "The server serves no data for the copied token: the account has no rights."
    assert message.startswith("Token copied;") and message.endswith(warning)
    assert notified == [("Token copied", warning)]


def test_copying_a_token_not_confirmed_yet_warns(
    qtbot: Any, make_window: WindowFactory, demo_factory: Callable[..., DemoServer]
) -> None:
    srv = demo_factory(fault="delay", delay=0.5, fault_on=frozenset({"probe"}))
    window = make_window()
    fill(qtbot, window, srv.url)
    click(qtbot, window, "signInButton")
    qtbot.waitUntil(lambda: window.keeper.state is S.CHECKING, timeout=TIMEOUT)
    assert window.panel.state_label.text() == "Signed in — checking…"
    message, notified = copied_warning(window)
    warning = "The copied token is not confirmed yet: no data request has succeeded with it."
    assert message.endswith(warning) and notified == [("Token copied", warning)]
    qtbot.waitUntil(lambda: window.keeper.state is S.VALID, timeout=TIMEOUT)


def test_copying_an_expired_token_warns(
    qtbot: Any,
    make_window: WindowFactory,
    demo_factory: Callable[..., DemoServer],
    clock: FakeClock,
) -> None:
    srv = demo_factory(access_lifetime=100)
    srv.clock = clock
    window = make_window()
    fill(qtbot, window, srv.url)
    sign_in(qtbot, window)
    srv.stop()  # the server goes away: no refresh, the token runs out
    clock.advance(101)
    qtbot.waitUntil(lambda: window.keeper.state is S.EXPIRED, timeout=TIMEOUT)
    message, notified = copied_warning(window)
    warning = "The copied token has expired: the server will refuse it. Sign in again."
    assert message.endswith(warning) and ("Token copied", warning) in notified
    window.copy_header_action.trigger()  # the header and the curl command are the same token
    assert window.statusBar().currentMessage().endswith(warning)


def test_the_status_bar_shows_the_server_the_form_holds(
    qtbot: Any, make_window: WindowFactory, demo: DemoServer
) -> None:
    window = make_window()
    assert window.server_status.text() == "no server · Signed out"
    host = urlsplit(demo.url).netloc
    fill(qtbot, window, demo.url)
    assert window.server_status.text() == f"{host} · Signed out"  # what the form holds
    sign_in(qtbot, window)
    assert window.server_status.text() == f"{host} · Valid"
    window.form.server_edit.setEditText("https://elsewhere:9000")  # typed while signed in
    assert window.server_status.text() == f"{host} · Valid"  # the session's server
    click(qtbot, window, "signOutButton")
    assert window.server_status.text() == "elsewhere:9000 · Signed out"
    window.form.server_edit.setEditText("")
    assert window.server_status.text() == "no server · Signed out"


def test_sign_out_during_a_sign_in_is_a_cancel(
    qtbot: Any,
    make_window: WindowFactory,
    demo_factory: Callable[..., DemoServer],
    caplog: pytest.LogCaptureFixture,
) -> None:
    caplog.set_level(logging.DEBUG, logger="msauth_gui.gui.session")
    srv = demo_factory(fault="delay", delay=0.4, fault_on=frozenset({"token"}))
    window = make_window()
    fill(qtbot, window, srv.url)
    button = window.form.sign_out_button
    assert (button.text(), window.sign_out_action.text()) == ("Sign out", "Sign &out")
    click(qtbot, window, "signInButton")
    assert window.keeper.state is S.SIGNING_IN
    assert (button.text(), window.sign_out_action.text()) == ("Cancel", "&Cancel sign-in")
    assert button.accessibleName() == "Cancel sign-in" and button.isEnabled()
    click(qtbot, window, "signOutButton")
    assert window.keeper.state is S.SIGNED_OUT
    log = window.log.text()
    assert "Sign-in cancelled" in log and "Signed out" not in log
    assert (button.text(), button.accessibleName()) == ("Sign out", "Sign out")
    qtbot.waitUntil(lambda: "dropped stale answer" in caplog.text, timeout=TIMEOUT)
    assert window.keeper.credentials is None and window.keeper.state is S.SIGNED_OUT
    # a sign-out of a session that was signed in still says so
    srv.config.fault = None
    sign_in(qtbot, window)
    click(qtbot, window, "signOutButton")
    assert window.log.text().rstrip().endswith("Signed out; the token is forgotten")
