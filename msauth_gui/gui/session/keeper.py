"""TokenKeeper: holds the credentials, renews them in time and says what state they are in.

Network calls run in worker jobs (:mod:`.jobs`); the keeper only reacts, on the GUI thread. Two
timers drive it: a precise single-shot timer armed for the next due moment (refresh point,
retry, deferred request) and a tick every ``tick_ms`` that re-judges everything on the injected
clock, so a machine that wakes from sleep past the refresh point renews at the next tick. The
decisions themselves are plain functions in :mod:`msauth_gui.core.session.renewal`. A session
starts through one path, :meth:`TokenKeeper._start_session`: a sign-in with the password, or a
:meth:`TokenKeeper.resume` of a saved session (ONE refresh, then the usual cycle). Every
sign-in and renewal is followed by ONE probe (Basic's sign-in is one): the state says what the
last probe saw, so a token the server serves no data for is never VALID. A URL a job found
(:mod:`~msauth_gui.core.session.remember`) is where the session's later jobs go.
"""

from __future__ import annotations

import logging
import time
from collections.abc import Callable
from dataclasses import replace
from functools import partial
from typing import Any

from PySide6.QtCore import QObject, QTimer, Signal, Slot

from ...core.client import AuthClient, ConnectionSettings
from ...core.errors import AuthError
from ...core.redact import hold_secrets, register_secret
from ...core.session.probing import AfterProbe, Rights, after_probe_failure
from ...core.session.remember import Learned
from ...core.session.renewal import (
    KeeperState,
    NotSignedIn,
    Renewal,
    RenewalImpossible,
    SavedSessionEnded,
    Session,
    Start,
    Timing,
    after_start_failure,
    begin_renewal,
    finish_renewal,
    is_due,
    planned_refresh,
    session_due,
    session_state,
)
from ...core.token import Credentials, Token
from ..preferences import AppSettings
from ..timers import Clock, TimerFactory, default_timer_factory, interval_ms, owned_timer
from .jobs import AuthJobs, Handler, SignedIn
from .jobs import sign_in as sign_in_job

log = logging.getLogger(__name__)

__all__ = ["KeeperState", "SavedSessionEnded", "TokenKeeper"]


class TokenKeeper(QObject):
    """Signs in, keeps the token fresh, probes it; emits what changed. No widgets."""

    stateChanged = Signal(object)  # KeeperState
    credentialsChanged = Signal(object)  # Token | BasicCredentials | None
    errorRaised = Signal(object)  # AuthError
    requestLogged = Signal(object)  # RequestRecord, on the GUI thread
    ticked = Signal()
    probeFinished = Signal(object)  # ProbeResult of a probe the operator asked for (probe())
    endpointsLearned = Signal(object)  # Learned: a URL found or dropped; settings has it now

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
        #: sign in again with the password in memory when the refresh token is refused
        self.allow_resign = allow_resign
        self._jobs = AuthJobs(self, clock=clock)
        self._jobs.requestLogged.connect(self.requestLogged)
        self._jobs.learned.connect(self._on_learned)
        self._due_timer = owned_timer(timer_factory, self, single_shot=True)
        self._due_timer.timeout.connect(self._on_due)
        self._tick_timer = owned_timer(timer_factory, self, single_shot=False)
        self._tick_timer.setInterval(tick_ms)
        self._tick_timer.timeout.connect(self._on_tick)
        self._state = KeeperState.SIGNED_OUT
        self._settings: ConnectionSettings | None = None
        self._s = Session()

    # -- what the window reads -----------------------------------------------------------------
    @property
    def clock(self) -> Clock:
        return self._clock

    @property
    def state(self) -> KeeperState:
        return self._state

    @property
    def credentials(self) -> Credentials | None:
        return self._s.creds

    @property
    def settings(self) -> ConnectionSettings | None:
        return self._settings

    @property
    def last_error(self) -> AuthError | None:
        return self._s.last_error

    @property
    def generation(self) -> int:
        """Bumped by sign-in and sign-out: answers of older generations are dropped."""
        return self._jobs.generation

    @property
    def last_refresh_at(self) -> float | None:
        return self._s.last_refresh_at

    @property
    def next_refresh_at(self) -> float | None:
        return planned_refresh(self._s, self._timing)

    @property
    def retry_at(self) -> float | None:
        """When the next retry after a failed renewal happens (clock time), or None."""
        return self._s.retry_at

    @property
    def busy(self) -> bool:
        return self._s.job is not None or self._s.probing

    def active_timers(self) -> list[QTimer]:
        return [t for t in (self._due_timer, self._tick_timer) if t.isActive()]

    # -- preferences ---------------------------------------------------------------------------
    @property
    def refresh_fraction(self) -> float:
        """The share of a token's lifetime after which it is renewed (0.8: at 80 %)."""
        return self._timing.refresh_fraction

    @refresh_fraction.setter
    def refresh_fraction(self, value: float) -> None:
        self._timing = self._timing.with_refresh_fraction(value)
        if self._s.creds is not None:
            self._schedule()
            self._update_state()

    @Slot(object)
    def apply_preferences(self, values: AppSettings) -> None:
        """The refresh point and "sign in again" from the application's preferences."""
        self.allow_resign = values.allow_resign
        self.refresh_fraction = values.refresh_fraction

    # -- actions -------------------------------------------------------------------------------
    def sign_in(self, settings: ConnectionSettings, login: str, password: str) -> None:
        register_secret(password)
        session = Session(login=login, password=password)
        self._start_session(settings, session, lambda c: sign_in_job(c, login, password))

    def resume(
        self,
        settings: ConnectionSettings,
        login: str,
        refresh_token: str,
        password: str | None = None,
    ) -> None:
        """Continue a saved session: one refresh with ``refresh_token``, then the usual cycle.

        ``password`` (a remembered one) is kept in memory only, for signing in again later
        when a refresh token dies and that is allowed. A saved refresh token the server no
        longer accepts ends in :class:`SavedSessionEnded`.
        """
        register_secret(password)
        session = Session(login=login, password=password or None)
        hold_secrets(session, refresh_token)  # masked while the session lives, not for ever
        self._start_session(settings, session, lambda c: c.refresh(refresh_token), refresh_token)

    def sign_out(self) -> None:
        """Forget the tokens and the password, stop every timer, make pending answers stale:
        the one way to end a session, and to cancel a sign-in still on its way."""
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
        """Test the token now: its answer is reported (probeFinished or errorRaised)."""
        s = self._s
        if s.creds is None:
            self.errorRaised.emit(NotSignedIn())
            return
        s.probe_asked = True  # a probe on its way already answers for this one
        if not s.probing:
            self._start_probe(last_chance=False)

    # -- plumbing ------------------------------------------------------------------------------
    def _forget(self, keep: str | None = None) -> bool:
        """Cancel the jobs, stop the timers, end the session (``keep``: the next one's password)."""
        self._jobs.new_generation()
        self._due_timer.stop()
        self._tick_timer.stop()
        old, self._s = self._s, Session()
        return old.end(keep)

    def _start(self, call: Callable[[AuthClient], Any], handler: Handler) -> None:
        assert self._settings is not None
        self._jobs.start(self._settings, call, handler)

    def _set_state(self, state: KeeperState) -> None:
        if state is not self._state:
            self._state = state
            self.stateChanged.emit(state)

    def _update_state(self) -> None:
        state = session_state(self._s, self._clock(), self._timing)
        if state is not None:  # None: SIGNED_OUT, SIGNING_IN, failed start are set directly
            self._set_state(state)

    def _schedule(self) -> None:
        """Arm the precise timer for the next due moment (the tick catches up if it is late)."""
        due = session_due(self._s, self._timing)
        if due is None or self._s.job is not None:
            self._due_timer.stop()
        else:
            self._due_timer.start(interval_ms(due - self._clock()))

    @Slot()
    def _on_due(self) -> None:
        if self._s.job is None and is_due(self._clock(), session_due(self._s, self._timing)):
            self._renew()

    @Slot()
    def _on_tick(self) -> None:
        self._on_due()
        self._update_state()
        self.ticked.emit()

    @Slot(object)
    def _on_learned(self, learned: Learned) -> None:  # later jobs start from what was found
        if self._settings is not None and self._settings.server == learned.settings.server:
            self._settings = learned.settings
            self.endpointsLearned.emit(learned)

    # -- starting a session --------------------------------------------------------------------
    def _start_session(
        self,
        settings: ConnectionSettings,
        session: Session,
        call: Callable[[AuthClient], Any],
        saved_refresh_token: str | None = None,
    ) -> None:
        """Sign in (``call`` with the password) or resume (with ``saved_refresh_token``)."""
        start = Start.SIGN_IN if saved_refresh_token is None else Start.RESUME
        had_credentials = self._forget(keep=session.password)
        self._settings = settings
        self._s = session
        session.job, session.last_attempt_at = start, self._clock()
        if had_credentials:
            self.credentialsChanged.emit(None)
        self._set_state(KeeperState.SIGNING_IN)

        def done(value: Any, error: AuthError | None) -> None:
            self._on_started(start, saved_refresh_token, value, error)

        self._start(call, done)

    def _on_started(
        self, start: Start, saved_refresh_token: str | None, value: Any, error: AuthError | None
    ) -> None:
        s = self._s
        s.job = None
        if error is None and value is not None:
            if isinstance(value, Token) and saved_refresh_token and not value.refresh_token:
                value = replace(value, refresh_token=saved_refresh_token)  # the server kept it
            self._accept(value, renewed=start is Start.RESUME)
            return
        state, error = after_start_failure(error or NotSignedIn(), start)
        s.end()  # a rejected password is neither kept nor masked
        s.last_error = error
        self._set_state(state)
        self.errorRaised.emit(error)

    def _accept(self, answer: Credentials | SignedIn, *, renewed: bool) -> None:
        """New credentials; then one probe, unless the sign-in was one (Basic)."""
        signed = answer if isinstance(answer, SignedIn) else SignedIn(answer)
        s = self._s
        stuck = s.accept(signed.creds, self._clock(), renewed=renewed, backoff=self._timing.backoff)
        changed = signed.rights is not None and s.signed_in_probed(signed.rights, signed.refusal)
        self.credentialsChanged.emit(signed.creds)
        if not self._tick_timer.isActive():
            self._tick_timer.start()
        self._schedule()
        if signed.rights is None and stuck is None:  # no fresher (it backs off): nothing to probe
            last_chance, s.probe_recovery = s.probe_recovery, False
            self._start_probe(last_chance=last_chance)
        self._update_state()
        if stuck is not None or (signed.refusal is not None and changed):
            self.errorRaised.emit(stuck or signed.refusal)

    # -- renewal -------------------------------------------------------------------------------
    def _renew(self, *, immediate: bool = False) -> None:
        """Start one renewal, unless one runs (merge) or the last attempt was too recent."""
        s = self._s
        if s.creds is None or s.job is not None:
            return
        now = self._clock()
        kind = begin_renewal(
            s, now, self._timing, allow_resign=self.allow_resign, immediate=immediate
        )
        if kind is None:
            self._schedule()  # the precise timer (or the tick) runs it when the gap has passed
        elif kind is Renewal.IMPOSSIBLE:
            self._settle_failure(s.last_error or RenewalImpossible())
        else:
            self._start_renewal(kind, now)

    def _start_renewal(self, kind: Renewal, now: float) -> None:
        s = self._s
        s.job, s.last_attempt_at = kind, now
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
            self._start(lambda client: sign_in_job(client, login, password), done)

    def _on_renewed(self, kind: Renewal, value: Any, error: AuthError | None) -> None:
        done = finish_renewal(
            self._s, kind, value, error, self._clock(), self._timing, allow_resign=self.allow_resign
        )
        if done.creds is not None:
            self._accept(done.creds, renewed=True)
            return
        if done.dropped_refresh_token:
            self.credentialsChanged.emit(self._s.creds)
        if done.sign_in:
            log.info("refresh token rejected; signing in again with the remembered password")
            self._start_renewal(Renewal.SIGN_IN, self._clock())  # same attempt, second step
            return
        self._settle_failure(done.error or NotSignedIn())

    def _settle_failure(self, error: AuthError) -> None:
        self._schedule()
        self._update_state()
        self.errorRaised.emit(error)

    # -- probe ---------------------------------------------------------------------------------
    def _start_probe(self, *, last_chance: bool) -> None:
        creds, done = self._s.creds, partial(self._on_probed, self._s.next_probe(), last_chance)
        self._start(lambda client: client.probe(creds), done)

    def _on_probed(self, serial: int, last: bool, value: Any, error: AuthError | None) -> None:
        s = self._s
        if serial != s.probe_serial:
            return  # a newer token was probed since: that answer counts
        s.probing, error = False, error or (None if value is not None else NotSignedIn())
        if error is not None:
            alive = isinstance(s.creds, Token) and not s.creds.is_expired(self._clock())
            step = after_probe_failure(error, token_alive=alive, last_chance=last)
            if step is AfterProbe.RENEW_THEN_PROBE:  # the new token's probe is the last
                s.rights, s.probe_recovery, s.confirming = Rights.UNCONFIRMED, True, False
                if s.job is None:
                    s.halted = None
                    self._renew(immediate=True)
                self._update_state()
                return
        asked, changed = s.probed(error)
        self._update_state()
        if error is None and asked:
            self.probeFinished.emit(value)
        elif error is not None and (asked or changed):
            self.errorRaised.emit(error)
