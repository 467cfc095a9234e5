"""TokenKeeper.resume (a saved session: one refresh, no password) and the refresh point setter."""

from __future__ import annotations

from typing import Any

import pytest

from msauth_gui.core.client import AuthClient, ConnectionSettings
from msauth_gui.core.errors import CannotConnect
from msauth_gui.devserver import DemoServer
from msauth_gui.gui.session.keeper import KeeperState, SavedSessionEnded, TokenKeeper
from msauth_gui.gui.session.worker import job_pool
from tests.conftest import FakeClock

S = KeeperState
TIMEOUT = 5000


@pytest.fixture
def keeper(qtbot: Any, clock: FakeClock) -> Any:
    keeper = TokenKeeper(clock=clock, tick_ms=10, min_attempt_gap=0)
    yield keeper
    keeper.sign_out()
    keeper.deleteLater()


def saved_refresh_token(srv: DemoServer) -> str:
    """A refresh token from an earlier run of the program."""
    client = AuthClient(ConnectionSettings(srv.url, timeout=5))
    try:
        token = client.sign_in("admin", "admin")
    finally:
        client.close()
    assert token.refresh_token
    return token.refresh_token


def test_resume_is_one_refresh_then_the_usual_cycle(
    qtbot: Any, keeper: TokenKeeper, demo_factory: Any, clock: FakeClock
) -> None:
    srv = demo_factory(access_lifetime=100)
    srv.clock = clock
    saved = saved_refresh_token(srv)
    settings = ConnectionSettings(srv.url, timeout=5)
    with qtbot.waitSignal(keeper.credentialsChanged, timeout=TIMEOUT):
        keeper.resume(settings, "admin", saved)
        assert keeper.state is S.SIGNING_IN
    assert keeper.state is S.CHECKING  # "Valid" only once the new token got data
    qtbot.waitUntil(lambda: keeper.state is S.VALID and not keeper.busy, timeout=TIMEOUT)
    assert srv.counts["probe"] == 1
    assert (srv.counts["token"], srv.counts["refresh"]) == (1, 1)  # the 1 token: the earlier run
    creds = keeper.credentials
    assert creds is not None and creds.refresh_token not in (None, saved)  # rotated
    assert keeper.next_refresh_at == pytest.approx(clock() + 80, abs=1)
    clock.advance(81)  # past the refresh point: the normal cycle renews
    qtbot.waitUntil(lambda: srv.counts["refresh"] == 2, timeout=TIMEOUT)


def test_dead_saved_refresh_token_ends_the_saved_session(
    qtbot: Any, keeper: TokenKeeper, demo: DemoServer
) -> None:
    saved = saved_refresh_token(demo)
    demo.revoke_all()
    with qtbot.waitSignal(keeper.errorRaised, timeout=TIMEOUT) as blocker:
        keeper.resume(ConnectionSettings(demo.url, timeout=5), "admin", saved, "admin")
    assert isinstance(blocker.args[0], SavedSessionEnded)
    assert blocker.args[0].message == "The saved session has ended; sign in again."
    assert keeper.state is S.SIGN_IN_AGAIN and keeper.credentials is None
    assert demo.counts["token"] == 1  # no sign-in with the password behind the operator's back
    assert keeper.active_timers() == []


def test_server_down_at_resume_is_an_error_not_an_ended_session(
    qtbot: Any, keeper: TokenKeeper, demo_factory: Any
) -> None:
    gone = demo_factory()
    url = gone.url
    gone.stop()
    with qtbot.waitSignal(keeper.errorRaised, timeout=TIMEOUT) as blocker:
        keeper.resume(ConnectionSettings(url, timeout=5), "admin", "rt-saved")
    assert isinstance(blocker.args[0], CannotConnect)
    assert keeper.state is S.ERROR


def test_remembered_password_signs_in_again_when_the_refresh_token_dies_later(
    qtbot: Any, keeper: TokenKeeper, demo: DemoServer
) -> None:
    saved = saved_refresh_token(demo)
    with qtbot.waitSignal(keeper.credentialsChanged, timeout=TIMEOUT):
        keeper.resume(ConnectionSettings(demo.url, timeout=5), "admin", saved, "admin")
    demo.revoke_all()
    keeper.refresh_now()
    qtbot.waitUntil(lambda: demo.counts["token"] == 2, timeout=TIMEOUT)
    qtbot.waitUntil(lambda: keeper.state is S.VALID, timeout=TIMEOUT)


def test_sign_out_during_resume_drops_the_answer(
    qtbot: Any, keeper: TokenKeeper, demo: DemoServer
) -> None:
    saved = saved_refresh_token(demo)
    demo.config.fault, demo.config.delay = "delay", 0.3
    keeper.resume(ConnectionSettings(demo.url, timeout=5), "admin", saved)
    keeper.sign_out()  # cancels the resume: its refresh ends at once, and its answer is dropped
    with qtbot.assertNotEmitted(keeper.credentialsChanged, wait=400):
        qtbot.waitUntil(lambda: job_pool().activeThreadCount() == 0, timeout=TIMEOUT)
    assert keeper.state is S.SIGNED_OUT


def test_refresh_fraction_moves_the_refresh_point(
    qtbot: Any, keeper: TokenKeeper, demo_factory: Any, clock: FakeClock
) -> None:
    srv = demo_factory(access_lifetime=100)
    srv.clock = clock
    with qtbot.waitSignal(keeper.credentialsChanged, timeout=TIMEOUT):
        keeper.sign_in(ConnectionSettings(srv.url, timeout=5), "admin", "admin")
    start = clock()
    assert keeper.next_refresh_at == pytest.approx(start + 80, abs=1)
    keeper.refresh_fraction = 0.5
    assert keeper.refresh_fraction == 0.5
    assert keeper.next_refresh_at == pytest.approx(start + 50, abs=1)
    clock.advance(51)
    qtbot.waitUntil(lambda: keeper.last_refresh_at is not None, timeout=TIMEOUT)
    qtbot.waitUntil(lambda: not keeper.busy, timeout=TIMEOUT)  # and the new token's probe
    assert srv.counts["refresh"] == 1
    keeper.refresh_fraction = 0.97  # "expiring soon" moves behind the refresh point
    clock.advance(92)  # 92 % of the new token's life: before the refresh point, not "soon"
    with qtbot.waitSignal(keeper.ticked, timeout=TIMEOUT):
        pass
    assert keeper.state is S.VALID and srv.counts["refresh"] == 1
