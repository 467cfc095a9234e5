"""Soak: 1,000 background refresh cycles against the demo server, on an accelerated clock.

Server and keeper share one :class:`FakeClock`; each cycle moves it past the refresh point of a
10 s token and the keeper's 2 ms tick starts the renewal, so a cycle costs two loopback requests:
the refresh and the probe of the new token. Every cycle must make exactly one refresh call and
one probe (no duplicate, no miss, no fallback sign-in, no probe per tick), and nothing may pile
up: timers, worker threads, Python threads, in-flight job carriers, memory. Start and end RSS
are printed and recorded as junit properties.
"""

from __future__ import annotations

import gc
import threading
from collections.abc import Callable
from typing import Any

import pytest
from PySide6.QtCore import QObject, QThreadPool, QTimer

from msauth_gui.core.client import ConnectionSettings
from msauth_gui.core.redact import registered
from msauth_gui.core.token import Token
from msauth_gui.devserver import DemoServer
from msauth_gui.gui.session import worker
from msauth_gui.gui.session.keeper import KeeperState, TokenKeeper
from msauth_gui.gui.session.worker import JobCarrier, job_pool

from .conftest import FakeClock

CYCLES = 1000
WARM_UP = 20  #: cycles before the baselines are taken (imports, caches, pool threads)
LIFETIME = 10.0
STEP = 0.81 * LIFETIME  #: just past the refresh point (80 %)
MAX_RSS_GROWTH_KB = 50 * 1024
TIMEOUT = 5000


def rss_kb() -> int:
    with open("/proc/self/status", encoding="ascii") as status:
        for line in status:
            if line.startswith("VmRSS:"):
                return int(line.split()[1])
    raise AssertionError("no VmRSS in /proc/self/status")


def carriers() -> int:
    gc.collect()
    return sum(isinstance(o, JobCarrier) for o in gc.get_objects())


def test_thousand_refresh_cycles_one_call_each_and_nothing_leaks(
    qtbot: Any,
    demo_factory: Callable[..., DemoServer],
    clock: FakeClock,
    record_property: Callable[[str, object], None],
    capsys: pytest.CaptureFixture[str],
) -> None:
    server = demo_factory(access_lifetime=LIFETIME)
    server.clock = clock
    keeper = TokenKeeper(clock=clock, tick_ms=2)
    logged, ticks = [0], [0]
    keeper.requestLogged.connect(lambda _record: logged.__setitem__(0, logged[0] + 1))
    keeper.ticked.connect(lambda: ticks.__setitem__(0, ticks[0] + 1))
    try:
        with qtbot.waitSignal(keeper.credentialsChanged, timeout=TIMEOUT):
            keeper.sign_in(ConnectionSettings(server.url, timeout=5), "admin", "admin")
        qtbot.waitUntil(lambda: keeper.state is KeeperState.VALID and not keeper.busy)

        def cycle(n: int) -> None:
            before = keeper.credentials
            with qtbot.waitSignal(keeper.credentialsChanged, timeout=TIMEOUT):
                clock.advance(STEP)
            creds = keeper.credentials
            assert isinstance(creds, Token) and creds is not before
            assert creds.expires_at == pytest.approx(clock.now + LIFETIME)
            # exactly one refresh per cycle: a duplicate or a miss shows up right here
            assert server.counts["refresh"] == n, f"cycle {n}"
            qtbot.waitUntil(lambda: not keeper.busy, timeout=TIMEOUT)  # the new token's probe
            assert server.counts["probe"] == n + 1, f"cycle {n}"  # + the sign-in's
            assert keeper.state is KeeperState.VALID
            assert len(keeper.active_timers()) == 2  # the tick and the refresh-point timer

        for n in range(1, WARM_UP + 1):
            cycle(n)
        qtbot.waitUntil(lambda: job_pool().activeThreadCount() == 0, timeout=TIMEOUT)
        start_rss, start_threads = rss_kb(), threading.active_count()
        start_children = len(keeper.findChildren(QObject))
        start_carriers = carriers()

        most_registered = 0
        for n in range(WARM_UP + 1, CYCLES + 1):
            cycle(n)
            most_registered = max(most_registered, len(registered()))

        # settle, then look for anything that piled up
        settled_at = ticks[0]  # 25 more ticks: no refresh may start without the clock moving
        qtbot.waitUntil(lambda: ticks[0] >= settled_at + 25, timeout=TIMEOUT)
        assert server.counts["refresh"] == CYCLES
        assert server.counts["token"] == 1  # the first sign-in only: no fallback sign-in
        # what is masked is the live session's: replaced tokens were let go as they went (a
        # refresh token held by a finished client waited for the garbage collector: +1 a cycle)
        assert most_registered <= 3, most_registered
        assert server.counts["probe"] == CYCLES + 1  # one per token, none per tick
        assert logged[0] == 2 * (CYCLES + 1)  # every request reached the log, once
        qtbot.waitUntil(lambda: job_pool().activeThreadCount() == 0, timeout=TIMEOUT)
        assert QThreadPool.globalInstance().activeThreadCount() == 0
        assert not worker._in_flight  # every job carrier was delivered and let go
        # a pool thread's last runnable may still hold its carrier after answering (a cycle's
        # refresh and probe may end on two threads): at most one per pool thread; a leak
        # would leave ~2,000 behind
        most = start_carriers + worker.POOL_THREADS
        qtbot.waitUntil(lambda: carriers() <= most, timeout=TIMEOUT)
        assert len(keeper.findChildren(QTimer)) == 2
        assert len(keeper.findChildren(QObject)) == start_children
        # the demo server's handler threads end when their connection closes
        qtbot.waitUntil(lambda: threading.active_count() <= start_threads, timeout=TIMEOUT)
        end_threads = threading.active_count()
        end_rss = rss_kb()
    finally:
        keeper.sign_out()
        keeper.deleteLater()
    assert keeper.active_timers() == []

    record_property("soak_cycles", CYCLES)
    record_property("soak_refresh_calls_seen", server.counts["refresh"])
    record_property("soak_rss_start_kb", start_rss)
    record_property("soak_rss_end_kb", end_rss)
    record_property("soak_threads_start_end", f"{start_threads}/{end_threads}")
    with capsys.disabled():  # shown in every run, not only when the test fails
        print(
            f"\nsoak: {CYCLES} refresh cycles, "
            f"server saw {server.counts['refresh']} refresh calls; "
            f"RSS {start_rss} kB -> {end_rss} kB ({end_rss - start_rss:+d} kB); "
            f"threads {start_threads} -> {end_threads}; keeper timers active 2 -> 0"
        )
    assert end_rss - start_rss < MAX_RSS_GROWTH_KB
