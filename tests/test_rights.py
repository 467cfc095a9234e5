"""Honest state (issue 12, point 5): a token is "Valid" only when the server served data with it.

Every sign-in and refresh is followed by one probe (Basic's sign-in is one); a 403 is its own
state, NO_RIGHTS. Against the demo server on loopback, whose ``norights`` account signs in and
gets 403 on data; the keeper and the server share a fake clock.
"""

from __future__ import annotations

from collections.abc import Callable, Iterator
from typing import Any

import pytest

from msauth_gui.core.client import ConnectionSettings
from msauth_gui.core.errors import AuthError, NoRights, ServerError
from msauth_gui.core.token import BasicCredentials
from msauth_gui.devserver import DemoServer
from msauth_gui.gui.session.keeper import KeeperState, TokenKeeper
from tests.conftest import FakeClock

S = KeeperState
TIMEOUT = 5000
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
