"""The window's renewal against a server whose tokens gain nothing, and the secrets it lets go
(issue 10, points 6 and 7).

A JWT whose ``exp`` has passed (a server clock an hour behind ours) and no refresh token: the
window used to sign in with the password every second, for ever. Now a renewal that does not
move the expiry forward backs off like a failure. The clock is a :class:`FakeClock` shared by
keeper and window; an hour passes in 10 s steps, each step waiting for the keeper's tick.
"""

from __future__ import annotations

import time
from collections.abc import Callable
from typing import Any

from PySide6.QtWidgets import QLabel

from msauth_gui.core.client import ConnectionSettings
from msauth_gui.core.redact import redact, registered
from msauth_gui.core.session.renewal import NoFresherToken
from msauth_gui.devserver import DemoServer
from msauth_gui.gui.session.keeper import KeeperState, TokenKeeper
from msauth_gui.gui.session.worker import job_pool
from msauth_gui.gui.window.main import MainWindow

from .conftest import FakeClock
from .hostile import HostileServer, json_reply, jwt
from .test_keeper_resume import saved_refresh_token
from .test_window import child, fill

S = KeeperState
TIMEOUT = 5000
HOUR = 3600
STEP = 10.0


def _window(qtbot: Any, clock: FakeClock, tick_ms: int = 1) -> MainWindow:
    """A window with its keeper on ``clock``; not shown: an hour of ticks need not be painted."""
    keeper = TokenKeeper(clock=clock, tick_ms=tick_ms)
    window = MainWindow(clock=clock, keeper=keeper)
    keeper.setParent(window)
    qtbot.addWidget(window)
    return window


def _sign_ins(server: HostileServer) -> int:
    return sum(b"grant_type=password" in seen.body for seen in server.requests)


def test_an_expired_jwt_without_refresh_token_never_storms(
    qtbot: Any, hostile: Callable[..., HostileServer], clock: FakeClock, capsys: Any
) -> None:
    # the server's clock is an hour behind: every token it issues expired an hour ago
    server = hostile(json_reply(200, {"access_token": jwt({"exp": int(clock.now) - HOUR})}))
    window = _window(qtbot, clock)
    keeper = window.keeper
    fill(qtbot, window, server.url)
    with qtbot.waitSignal(keeper.credentialsChanged, timeout=TIMEOUT):
        window.on_sign_in()
    qtbot.waitUntil(lambda: not keeper.busy, timeout=TIMEOUT)
    assert keeper.state is S.EXPIRED
    started, errors = time.monotonic(), []
    keeper.errorRaised.connect(errors.append)
    for _ in range(int(HOUR / STEP)):  # an hour on the injected clock
        clock.advance(STEP)
        with qtbot.waitSignal(keeper.ticked, timeout=TIMEOUT):
            pass
        qtbot.waitUntil(lambda: not keeper.busy, timeout=TIMEOUT)
    sign_ins = _sign_ins(server)
    with capsys.disabled():
        print(f"\nexpired JWT: {sign_ins} sign-ins in a simulated hour "
              f"({time.monotonic() - started:.1f} s)")  # fmt: skip
    # every renewal gains nothing: the failure backoff (5, 15, 30, 60 s, then 60 s) paces them
    backoff = (5, 15, 30, 60)
    most = 1 + len(backoff) + (HOUR - sum(backoff)) / backoff[-1] + 1
    assert 30 < sign_ins <= most  # it keeps trying, about once a minute, never once a second
    assert errors and all(isinstance(e, NoFresherToken) for e in errors)
    status = child(window, QLabel, "statusLabel").text()
    assert "no fresher" in status and "clock may be behind" in status
    assert keeper.state is S.EXPIRED and keeper.retry_at is not None


def test_sign_out_and_a_new_password_let_the_former_password_go(
    qtbot: Any, demo_factory: Callable[..., DemoServer], clock: FakeClock
) -> None:
    first, second = "Pw-first-1111", "Pw-second-2222"
    server = demo_factory(users={"alice": first, "bob": second})
    window = _window(qtbot, clock, tick_ms=20)
    fill(qtbot, window, server.url, login="alice", password=first)
    with qtbot.waitSignal(window.keeper.credentialsChanged, timeout=TIMEOUT):
        window.on_sign_in()
    assert redact(f"typed {first}") == "typed ***"  # held: masked wherever it appears
    fill(qtbot, window, server.url, login="bob", password=second)
    with qtbot.waitSignal(window.keeper.credentialsChanged, timeout=TIMEOUT):
        window.on_sign_in()  # the first session ends: its password is no longer held
    qtbot.waitUntil(lambda: window.keeper.credentials is not None, timeout=TIMEOUT)
    assert redact(f"typed {first}") == f"typed {first}"
    assert redact(f"typed {second}") == "typed ***"
    window.on_sign_out()
    assert redact(f"typed {second}") == f"typed {second}"
    assert not {first, second} & registered()


CYCLES = 150


def test_many_refreshes_in_the_window_keep_the_registry_small(
    qtbot: Any, demo_factory: Callable[..., DemoServer], clock: FakeClock, capsys: Any
) -> None:
    """Rotated tokens are let go as they are replaced: what is masked stays the live session's."""
    server = demo_factory(access_lifetime=10.0, users={"alice": "Pw-alice-1111"})
    server.clock = clock
    window = _window(qtbot, clock, tick_ms=2)
    keeper = window.keeper
    fill(qtbot, window, server.url, login="alice", password="Pw-alice-1111")
    with qtbot.waitSignal(keeper.credentialsChanged, timeout=TIMEOUT):
        window.on_sign_in()
    sizes = []
    for n in range(1, CYCLES + 1):
        with qtbot.waitSignal(keeper.credentialsChanged, timeout=TIMEOUT):
            clock.advance(8.1)  # past 80 % of the 10 s token: the next tick refreshes
        if n % 15 == 0:
            sizes.append(len(registered()))
    qtbot.waitUntil(lambda: job_pool().activeThreadCount() == 0, timeout=TIMEOUT)
    assert server.counts["refresh"] == CYCLES
    with capsys.disabled():
        print(f"\nregistry after each 15 of {CYCLES} refreshes: {sizes}")
    # the password, the live access and refresh tokens (and their forms): a handful, not 2,000
    assert max(sizes) <= 6, sizes
    window.on_sign_out()
    assert len(registered()) <= 1, registered()  # nothing of the session is held any more


def test_a_resumed_session_lets_its_saved_refresh_token_go_at_sign_out(
    qtbot: Any, demo: DemoServer, clock: FakeClock
) -> None:
    saved = saved_refresh_token(demo)
    keeper = TokenKeeper(clock=clock, tick_ms=20)
    try:
        with qtbot.waitSignal(keeper.credentialsChanged, timeout=TIMEOUT):
            keeper.resume(ConnectionSettings(demo.url, timeout=5), "admin", saved)
        assert redact(f"saved {saved}") == "saved ***"
        keeper.sign_out()
        assert redact(f"saved {saved}") == f"saved {saved}"  # registered for ever, it was
    finally:
        keeper.sign_out()
        keeper.deleteLater()


def test_a_failed_sign_in_keeps_no_frame_of_the_job(
    qtbot: Any, demo: DemoServer, clock: FakeClock
) -> None:
    """The keeper keeps the last error; its traceback's frames would keep the job's locals (the
    password, the client) alive in memory for as long."""
    keeper = TokenKeeper(clock=clock, tick_ms=20)
    try:
        with qtbot.waitSignal(keeper.errorRaised, timeout=TIMEOUT) as failed:
            keeper.sign_in(ConnectionSettings(demo.url, timeout=5), "admin", "Wrong-pw-1234")
        error = failed.args[0]
        assert error is keeper.last_error
        assert (error.__traceback__, error.__context__, error.__cause__) == (None, None, None)
    finally:
        keeper.sign_out()
        keeper.deleteLater()
