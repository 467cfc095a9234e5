"""TokenKeeper: holds the credentials, renews them in time and says what state they are in.

Network calls run in worker jobs (:mod:`.keeper_jobs`); the keeper only reacts, on the GUI
thread. Two timers drive it: a precise single-shot timer armed for the next due moment
(refresh point, retry, deferred request) and a tick every ``tick_ms`` that re-judges everything
on the injected clock, so a machine that wakes from sleep past the refresh point renews at the
next tick. The decisions themselves are plain functions in :mod:`.keeper_policy`.
"""

from __future__ import annotations

import logging
import time
from collections.abc import Callable
from typing import Any

from PySide6.QtCore import QObject, QTimer, Slot

from ...core.client import AuthClient, ConnectionSettings, ProbeResult
from ...core.errors import AuthError, CredentialsRejected
from ...core.redact import register_secret
from ...core.session.renewal import (
    KeeperState,
    NextStep,
    NotSignedIn,
    Renewal,
    RenewalImpossible,
    Session,
    Timing,
    after_failure,
    is_due,
    plan_renewal,
    session_due,
    session_state,
)
from ...core.token import Credentials, Token
from ..keeper_base import KeeperBase
from ..keeper_resume import ResumeMixin, SavedSessionEnded
from ..timers import Clock, TimerFactory, default_timer_factory, interval_ms
from .jobs import AuthJobs, Handler

log = logging.getLogger(__name__)

__all__ = ["KeeperState", "SavedSessionEnded", "TokenKeeper"]


class TokenKeeper(ResumeMixin, KeeperBase):
    """Signs in, keeps the token fresh, probes it; emits what changed. No widgets.

    Signals and read-only properties are in :class:`.keeper_base.KeeperBase`; resuming a saved
    session and changing the refresh point in :class:`.keeper_resume.ResumeMixin`.
    """

    def __init__(
        self,
        parent: QObject | None = None,
        *,
        clock: Clock = time.time,
        timer_factory: TimerFactory = default_timer_factory,
        refresh_fraction: float = 0.8,
        tick_ms: int = 1000,
        min_attempt_gap: float = 1.0,
        backoff: tuple[float, ...] = (5, 15, 30, 60),
        expiring_soon_fraction: float = 0.9,
        allow_resign: bool = True,
    ) -> None:
        super().__init__(parent)
        self._clock = clock
        self._timing = Timing(
            refresh_fraction, expiring_soon_fraction, min_attempt_gap, tuple(backoff)
        )
        self._allow_resign = allow_resign
        self._jobs = AuthJobs(self, clock=clock)
        self._jobs.requestLogged.connect(self.requestLogged)
        self._due_timer = self._make_timer(timer_factory, single_shot=True)
        self._due_timer.timeout.connect(self._on_due)
        self._tick_timer = self._make_timer(timer_factory, single_shot=False)
        self._tick_timer.setInterval(tick_ms)
        self._tick_timer.timeout.connect(self._on_tick)
        self._state = KeeperState.SIGNED_OUT
        self._settings = None
        self._s = Session()

    def _make_timer(self, factory: TimerFactory, *, single_shot: bool) -> QTimer:
        timer = factory()
        if timer.parent() is None:
            timer.setParent(self)  # dies with the keeper
        timer.setSingleShot(single_shot)
        return timer

    # -- actions -------------------------------------------------------------------------------
    def sign_in(self, settings: ConnectionSettings, login: str, password: str) -> None:
        had_credentials = self._forget()
        self._settings = settings
        register_secret(password)
        self._s = Session(login=login, password=password, job="sign_in")
        if had_credentials:
            self.credentialsChanged.emit(None)
        self._s.last_attempt_at = self._clock()
        self._set_state(KeeperState.SIGNING_IN)
        self._start(lambda client: client.sign_in(login, password), self._on_signed_in)

    def sign_out(self) -> None:
        """Forget the tokens and the password, stop every timer, make pending answers stale."""
        had_credentials = self._forget()
        self._settings = None
        if had_credentials:
            self.credentialsChanged.emit(None)
        self._set_state(KeeperState.SIGNED_OUT)

    def refresh_now(self) -> None:
        """Renew now; merges with a running renewal; waits out the minimum gap if needed."""
        if self._s.creds is None or self._s.job is not None:
            return
        self._s.halted = None  # the operator asks: try again even after a stop
        self._renew()

    def probe(self) -> None:
        if self._s.creds is None:
            self.errorRaised.emit(NotSignedIn())
        elif not self._s.probing:
            self._start_probe(last_chance=False)

    # -- plumbing ------------------------------------------------------------------------------
    def _forget(self) -> bool:
        self._jobs.new_generation()
        self._due_timer.stop()
        self._tick_timer.stop()
        had_credentials = self._s.creds is not None
        self._s = Session()
        return had_credentials

    def _start(self, call: Callable[[AuthClient], Any], handler: Handler) -> None:
        assert self._settings is not None
        self._jobs.start(self._settings, call, handler)

    def _update_state(self) -> None:
        state = session_state(self._s, self._clock(), self._timing)
        if state is not None:  # None: SIGNED_OUT, SIGNING_IN, failed sign-in are set directly
            self._set_state(state)

    def _due_at(self) -> float | None:
        return session_due(self._s, self._timing)

    def _schedule(self) -> None:
        """Arm the precise timer for the next due moment (the tick catches up if it is late)."""
        due = self._due_at()
        if due is None or self._s.job is not None:
            self._due_timer.stop()
        else:
            self._due_timer.start(interval_ms(due - self._clock()))

    @Slot()
    def _on_due(self) -> None:
        if self._s.job is None and is_due(self._clock(), self._due_at()):
            self._renew()

    @Slot()
    def _on_tick(self) -> None:
        self._on_due()
        self._update_state()
        self.ticked.emit()

    # -- sign-in and renewal -------------------------------------------------------------------
    def _on_signed_in(self, value: Credentials | None, error: AuthError | None) -> None:
        self._s.job = None
        if error is None and value is not None:
            self._accept(value, renewed=False)
            return
        self._s.password = None  # a rejected password is not kept
        self._s.last_error = error = error or NotSignedIn()
        self._set_state(KeeperState.ERROR)
        self.errorRaised.emit(error)

    def _accept(self, creds: Credentials, *, renewed: bool) -> None:
        self._s.accept(creds, self._clock(), renewed=renewed)
        self.credentialsChanged.emit(creds)
        if not self._tick_timer.isActive():
            self._tick_timer.start()
        self._schedule()
        self._update_state()
        if self._s.probe_recovery:
            self._s.probe_recovery = False
            self._start_probe(last_chance=True)

    def _renew(self, *, immediate: bool = False) -> None:
        """Start one renewal, unless one runs (merge) or the last attempt was too recent."""
        s = self._s
        if s.creds is None or s.job is not None:
            return
        now = self._clock()
        kind = plan_renewal(
            s, now, self._timing, allow_resign=self._allow_resign, immediate=immediate
        )
        s.deferred = kind is None
        if kind is None:
            self._schedule()  # the precise timer (or the tick) runs it when the gap has passed
            return
        s.retry_at = None
        if kind is not Renewal.IMPOSSIBLE:
            self._start_renewal(kind, now)
            return
        error = RenewalImpossible()
        s.halt(KeeperState.SIGN_IN_AGAIN, error)
        self._settle_failure(error)

    def _start_renewal(self, kind: Renewal, now: float) -> None:
        s = self._s
        s.job, s.last_attempt_at = kind.value, now
        self._due_timer.stop()
        self._update_state()

        def done(value: Any, error: AuthError | None) -> None:
            self._on_renewed(kind, value, error)

        if kind is Renewal.REFRESH:
            assert isinstance(s.creds, Token) and s.creds.refresh_token
            refresh_token = s.creds.refresh_token
            self._start(lambda client: client.refresh(refresh_token), done)
        else:
            login, password = s.login or "", s.password or ""
            self._start(lambda client: client.sign_in(login, password), done)

    def _on_renewed(self, kind: Renewal, value: Any, error: AuthError | None) -> None:
        s = self._s
        s.job = None
        if error is None and value is not None:
            if kind is Renewal.REFRESH and isinstance(s.creds, Token) and isinstance(value, Token):
                value = s.creds.refreshed_by(value)  # keeps the refresh token if none came back
            self._accept(value, renewed=True)
            return
        error = error or NotSignedIn()
        step = after_failure(error, kind, can_resign=s.can_resign(self._allow_resign))
        dead = kind is Renewal.REFRESH and step in (NextStep.SIGN_IN, NextStep.SIGN_IN_AGAIN)
        if dead and s.drop_refresh_token():  # never sent again, so no retry loop spins
            self.credentialsChanged.emit(s.creds)
        if step is NextStep.SIGN_IN:
            log.info("refresh token rejected; signing in again with the remembered password")
            self._start_renewal(Renewal.SIGN_IN, self._clock())  # same attempt, second step
            return
        if step is NextStep.RETRY_LATER:
            s.back_off(error, self._clock(), self._timing.backoff)
        elif step is NextStep.SIGN_IN_AGAIN:
            s.halt(KeeperState.SIGN_IN_AGAIN, error)
        else:
            s.halt(KeeperState.ERROR, error)
        self._settle_failure(error)

    def _settle_failure(self, error: AuthError) -> None:
        self._schedule()
        self._update_state()
        self.errorRaised.emit(error)

    # -- probe ---------------------------------------------------------------------------------
    def _start_probe(self, *, last_chance: bool) -> None:
        creds = self._s.creds
        self._s.probing = True

        def done(value: Any, error: AuthError | None) -> None:
            self._on_probed(creds, last_chance, value, error)

        self._start(lambda client: client.probe(creds), done)

    def _on_probed(
        self,
        used: Credentials | None,
        last_chance: bool,
        value: ProbeResult | None,
        error: AuthError | None,
    ) -> None:
        s = self._s
        s.probing = False
        if error is None and value is not None:
            self.probeFinished.emit(value)
            return
        error = error or NotSignedIn()
        should_live = isinstance(s.creds, Token) and not s.creds.is_expired(self._clock())
        if isinstance(error, CredentialsRejected) and should_live and not last_chance:
            if used is not s.creds:  # renewed meanwhile: the new token gets the second try
                self._start_probe(last_chance=True)
                return
            # the server forgot a token that should live (restart): renew once, probe once more
            s.probe_recovery = True
            if s.job is None:
                s.halted = None
                self._renew(immediate=True)
            return
        s.last_error = error
        self.errorRaised.emit(error)
