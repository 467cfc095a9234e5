"""Keeper: one session kept fresh on a thread of its own, without Qt (``msauth proxy``).

The same decisions as the window's TokenKeeper, from :mod:`.renewal`: renew at the refresh
point, back off after network trouble, sign in again with the password held in memory when the
refresh token is refused, and renew once at once when the proxy saw a 401 for a token that
should live (:meth:`SharedCredentials.renewed`). A condition variable replaces the window's
timers: the thread sleeps until the next due moment or at most ``tick`` seconds (so a machine
that wakes from sleep past the refresh point renews within a tick), and :meth:`Keeper.wake`
makes it look again at once, which is how tests move an injected clock and see the effect in
milliseconds. Every change is published to :attr:`Keeper.shared`, what the proxy reads.
"""

from __future__ import annotations

import threading
import time
from collections.abc import Callable
from dataclasses import dataclass

from ..client import AuthClient, ConnectionSettings
from ..errors import AuthError
from ..redact import register_secret
from ..token import Credentials, Token
from ..translate import QT_TRANSLATE_NOOP, translate
from .renewal import (
    KeeperState,
    Renewal,
    Session,
    Timing,
    begin_renewal,
    finish_renewal,
    is_due,
    session_due,
    session_state,
)
from .shared import SharedCredentials, Snapshot

Clock = Callable[[], float]
SIGNED_OUT = QT_TRANSLATE_NOOP("proxy", "Signed out.")


@dataclass(frozen=True)
class KeeperEvent:
    """A renewal attempt ended: with new credentials, or with an error."""

    renewal: Renewal
    creds: Credentials | None = None
    error: AuthError | None = None
    retry_at: float | None = None  #: when it is tried again (clock time), after an error


class Keeper:
    """Signs in once, then keeps the credentials fresh until :meth:`stop`."""

    def __init__(
        self,
        settings: ConnectionSettings,
        *,
        timing: Timing | None = None,
        allow_resign: bool = True,
        clock: Clock = time.time,
        tick: float = 1.0,
        on_event: Callable[[KeeperEvent], None] | None = None,
        client: AuthClient | None = None,
    ) -> None:
        self.settings = settings
        self.allow_resign = allow_resign
        self._timing = timing or Timing()
        self._clock = clock
        self._tick = tick
        self._on_event = on_event
        self._client = client or AuthClient(settings, clock=clock)
        self._cond = threading.Condition()
        self._s = Session()
        self._urgent = False  #: the proxy asked for a renewal now
        self._stopped = False
        self._thread: threading.Thread | None = None
        self.shared = SharedCredentials(self._renewal_requested, clock)

    # -- what callers read ---------------------------------------------------------------------
    @property
    def credentials(self) -> Credentials | None:
        return self._s.creds

    @property
    def state(self) -> KeeperState:
        with self._cond:
            state = session_state(self._s, self._clock(), self._timing)
        return state or KeeperState.SIGNED_OUT

    @property
    def last_error(self) -> AuthError | None:
        return self._s.last_error

    # -- actions -------------------------------------------------------------------------------
    def sign_in(self, login: str, password: str) -> Credentials:
        """Sign in here (blocking; raises :class:`AuthError`), then keep the session fresh."""
        register_secret(password)
        creds = self._client.sign_in(login, password)
        with self._cond:
            if self._stopped:
                return creds
            self._s = Session(login=login, password=password)
            self._s.accept(creds, self._clock(), renewed=False)
            self._publish()
        self._thread = threading.Thread(target=self._run, name="msauth-keeper", daemon=True)
        self._thread.start()
        return creds

    def wake(self) -> None:
        """Judge the session again now (a test moved the clock; the machine woke up)."""
        with self._cond:
            self._cond.notify_all()

    def stop(self) -> None:
        """Forget the session and stop; a renewal in flight is cancelled. Never waits."""
        with self._cond:
            self._stopped = True
            self._s = Session()
            self.shared.publish(Snapshot(problem=translate("proxy", SIGNED_OUT)))
            self._cond.notify_all()
        self._client.cancel()

    def close(self, wait: float = 1.0) -> None:
        """:meth:`stop`, then close the connections once the thread has ended."""
        self.stop()
        if self._thread is not None and self._thread is not threading.current_thread():
            self._thread.join(wait)
        self._client.close()

    # -- the thread ----------------------------------------------------------------------------
    def _renewal_requested(self) -> None:
        with self._cond:
            self._urgent = True
            self._cond.notify_all()

    def _publish(self) -> None:
        """Tell the proxy (with the lock held, so a stale session is never published last)."""
        s = self._s
        problem = s.last_error.message if s.last_error is not None else ""
        snapshot = Snapshot(s.creds, s.job is not None, s.halted is not None, problem)
        self.shared.publish(snapshot)

    def _run(self) -> None:
        while True:
            with self._cond:
                if self._stopped:
                    return
                s, now = self._s, self._clock()
                urgent, self._urgent = self._urgent, False
                due = session_due(s, self._timing)
                if not (urgent or is_due(now, due)):
                    left = self._tick if due is None else min(self._tick, due - now)
                    self._cond.wait(max(0.0, left))
                    continue
                kind = begin_renewal(
                    s, now, self._timing, allow_resign=self.allow_resign, immediate=urgent
                )
                if kind is None:  # within the minimum gap: due again when it has passed
                    continue
                if kind is Renewal.IMPOSSIBLE:
                    self._publish()
                    event = KeeperEvent(kind, error=s.last_error)
                else:
                    s.job, s.last_attempt_at = kind, now
                    self._publish()
            if kind is Renewal.IMPOSSIBLE:
                self._tell(event)
            else:
                self._attempt(s, kind)

    def _attempt(self, s: Session, kind: Renewal) -> None:
        """One renewal attempt, outside the lock: a refresh, then perhaps a sign-in."""
        while True:
            value: Credentials | None = None
            error: AuthError | None = None
            try:
                if kind is Renewal.REFRESH:
                    assert isinstance(s.creds, Token) and s.creds.refresh_token
                    value = self._client.refresh(s.creds.refresh_token)
                else:
                    value = self._client.sign_in(s.login or "", s.password or "")
            except AuthError as exc:
                error = exc
            except Exception as exc:  # a bug must not end the thread: report it, back off
                error = AuthError(detail=type(exc).__name__)
            with self._cond:
                if self._s is not s:  # stopped meanwhile: the answer is stale
                    return
                now = self._clock()
                done = finish_renewal(
                    s, kind, value, error, now, self._timing, allow_resign=self.allow_resign
                )
                no_gain = None  # a token no fresher than the last: backs off like a failure
                if done.creds is not None:
                    backoff = self._timing.backoff
                    no_gain = s.accept(done.creds, now, renewed=True, backoff=backoff)
                elif done.sign_in:
                    kind, s.job, s.last_attempt_at = Renewal.SIGN_IN, Renewal.SIGN_IN, now
                self._publish()
            if not done.sign_in:
                self._tell(KeeperEvent(kind, done.creds, done.error or no_gain, s.retry_at))
                return

    def _tell(self, event: KeeperEvent) -> None:
        if self._on_event is not None:
            self._on_event(event)
