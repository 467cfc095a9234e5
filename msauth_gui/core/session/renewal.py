"""The token keeper's decisions as plain functions: no Qt, no network, no clock of its own.

Which state a token is in, how to renew it and what an error means for the next step; when to
act and how long to back off are in :mod:`.timing`. :mod:`msauth_gui.gui.session.keeper` wires
these to timers and worker jobs.
"""

from __future__ import annotations

import enum
from dataclasses import dataclass, field, replace

from ..errors import (
    AuthError,
    CannotConnect,
    ConnectionLost,
    CredentialsRejected,
    RefreshTokenRejected,
    RequestTimeout,
    ServerError,
    TooManyRequests,
)
from ..redact import forget_secret
from ..token import BasicCredentials, Credentials, Token
from ..translate import QT_TRANSLATE_NOOP
from .probing import Rights, rights_after_probe
from .timing import NoFresherToken as NoFresherToken
from .timing import Timing as Timing
from .timing import backoff_delay as backoff_delay
from .timing import gained as gained
from .timing import is_due as is_due
from .timing import next_due as next_due
from .timing import refresh_point as refresh_point
from .timing import retry_after as retry_after
from .timing import token_alive as token_alive

NETWORK_ERRORS: tuple[type[AuthError], ...] = (
    RequestTimeout,
    CannotConnect,
    ConnectionLost,
    ServerError,
    TooManyRequests,
)


class KeeperState(str, enum.Enum):
    """What the keeper holds, as the window, the tray and the log show it."""

    SIGNED_OUT = "signed_out"
    SIGNING_IN = "signing_in"
    CHECKING = "checking"  #: signed in; the first probe has not answered yet
    VALID = "valid"  #: the last probe got data (or Basic's sign-in, which is a probe)
    NO_RIGHTS = "no_rights"  #: signed in, but the last probe got 403: the account lacks a role
    UNCONFIRMED = "unconfirmed"  #: signed in, but the last probe failed otherwise (timeout, 404…)
    REFRESHING = "refreshing"
    EXPIRING_SOON = "expiring_soon"
    EXPIRED = "expired"
    ERROR = "error"
    SIGN_IN_AGAIN = "sign_in_again"


class Start(str, enum.Enum):
    """How a session starts: with the password, or with a refresh token saved by an earlier run."""

    SIGN_IN = "sign_in"
    RESUME = "resume"


class Renewal(str, enum.Enum):
    """How a token is renewed: with the refresh token, by signing in again, or not at all."""

    REFRESH = "refresh"
    SIGN_IN = "sign_in"
    IMPOSSIBLE = "impossible"


class NextStep(str, enum.Enum):
    """What to do after a renewal attempt failed."""

    RETRY_LATER = "retry_later"  #: network-type trouble: back off and try again
    SIGN_IN = "sign_in"  #: the refresh token is dead: sign in with the remembered password
    SIGN_IN_AGAIN = "sign_in_again"  #: only the operator can fix it (password, or resign off)
    STOP = "stop"  #: anything else: report and stop renewing until asked


@dataclass
class Session:
    """What the keeper knows about one sign-in; replaced whole by sign-in and sign-out."""

    creds: Credentials | None = None
    login: str | None = None
    password: str | None = field(default=None, repr=False)  #: in memory only, never logged
    last_error: AuthError | None = None
    last_refresh_at: float | None = None
    retry_at: float | None = None
    failures: int = 0  #: renewal failures in a row, for the backoff
    job: Start | Renewal | None = None  #: what runs now: the start, or a renewal
    probing: bool = False
    probe_serial: int = 0  #: bumped by every probe: only the newest probe's answer counts
    probe_asked: bool = False  #: the operator asked for the probe on its way ("Test token")
    rights: Rights = Rights.UNKNOWN  #: what the last probe saw
    confirming: bool = False  #: a renewed token's probe is on its way: the renewal goes on
    halted: KeeperState | None = None  #: ERROR or SIGN_IN_AGAIN: automatic renewal stopped
    last_attempt_at: float | None = None
    deferred: bool = False  #: a renewal asked for within the minimum gap, to run after it
    probe_recovery: bool = False  #: a probe got 401: after the renewal, probe once more

    def can_resign(self, allowed: bool) -> bool:
        return allowed and self.password is not None and self.login is not None

    def accept(
        self,
        creds: Credentials,
        now: float,
        *,
        renewed: bool,
        backoff: tuple[float, ...] = (),
    ) -> AuthError | None:
        """New credentials. A renewed token is "refreshing" until its probe answers; what the
        last probe saw stays until then (rights belong to the account), unless it saw nothing.
        A renewal that did not move the expiry forward (:func:`gained`) is kept (a rotated
        refresh token must be) but backs off like a failure: returns its error."""
        fresher = not renewed or gained(self.creds, creds, now)
        self.confirming = self.creds is not None  # a first sign-in is CHECKING instead
        self.creds, self.halted = creds, None
        if self.rights is Rights.UNCONFIRMED:
            self.rights = Rights.UNKNOWN
        if renewed:
            self.last_refresh_at = now
        if not fresher:
            error = NoFresherToken()
            self.back_off(error, now, backoff)
            return error
        self.last_error, self.failures, self.retry_at = None, 0, None
        return None

    def end(self, keep: str | None = None) -> bool:
        """The session is over: its password is neither kept nor masked any more (unless it is
        ``keep``, the next session's). True if it held credentials."""
        if self.password != keep:
            forget_secret(self.password)
        self.password = None
        return self.creds is not None

    def back_off(self, error: AuthError, now: float, backoff: tuple[float, ...]) -> None:
        self.failures += 1
        # a 429 says how long to wait: never retry sooner than the server asked
        self.retry_at = now + max(backoff_delay(self.failures, backoff), retry_after(error))
        self.last_error, self.probe_recovery = error, False

    def settle(
        self, step: NextStep, error: AuthError, now: float, backoff: tuple[float, ...]
    ) -> None:
        """After a failed renewal: back off for a retry, or stop until the operator acts."""
        if step is NextStep.RETRY_LATER:
            self.back_off(error, now, backoff)
        elif step is NextStep.SIGN_IN_AGAIN:
            self.halt(KeeperState.SIGN_IN_AGAIN, error)
        else:
            self.halt(KeeperState.ERROR, error)

    def halt(self, state: KeeperState, error: AuthError) -> None:
        """Stop renewing automatically until the operator acts."""
        self.halted, self.last_error = state, error
        self.retry_at, self.deferred, self.probe_recovery = None, False, False

    def next_probe(self) -> int:
        """A probe starts: its serial number (only the newest probe's answer counts)."""
        self.probing, self.probe_serial = True, self.probe_serial + 1
        return self.probe_serial

    def probed(self, error: AuthError | None) -> tuple[bool, bool]:
        """Take a probe's final answer; returns (the operator asked for it, the rights changed)."""
        asked, self.probe_asked, self.confirming = self.probe_asked, False, False
        before, self.rights = self.rights, rights_after_probe(error)
        if error is not None:
            self.last_error = error
        elif self.retry_at is None and self.halted is None:
            self.last_error = None  # no renewal trouble: the error shown was a probe's
        return asked, self.rights is not before

    def signed_in_probed(self, rights: Rights, refusal: AuthError | None) -> bool:
        """Basic's sign-in was the probe, newer than any still on its way; True if it changed."""
        before, self.rights, self.last_error = self.rights, rights, refusal
        self.probe_serial, self.probing, self.probe_asked = self.probe_serial + 1, False, False
        self.confirming = False
        return self.rights is not before

    def drop_refresh_token(self) -> bool:
        """Forget a dead refresh token, so it is never sent again; True if there was one."""
        if isinstance(self.creds, Token) and self.creds.refresh_token:
            self.creds = replace(self.creds, refresh_token=None)
            return True
        return False


class RenewalImpossible(AuthError):
    """No refresh token, and signing in again on the operator's behalf is off."""

    kind = "renewal_impossible"
    template = QT_TRANSLATE_NOOP(
        "errors",
        "The token cannot be renewed without you: the server gave no usable refresh token and "
        "signing in again automatically is off (or the password is not known). Sign in again.",
    )


class NotSignedIn(AuthError):
    kind = "not_signed_in"
    template = QT_TRANSLATE_NOOP("errors", "Sign in first.")


class SavedSessionEnded(AuthError):
    """The refresh token saved by "Stay signed in" was refused (expired, revoked, server reset)."""

    kind = "saved_session_ended"
    template = QT_TRANSLATE_NOOP("errors", "The saved session has ended; sign in again.")


def life_state(creds: Credentials, now: float, soon_fraction: float) -> KeeperState:
    """VALID, EXPIRING_SOON or EXPIRED, judged on ``now`` alone."""
    if isinstance(creds, BasicCredentials) or creds.expires_at is None:
        return KeeperState.VALID
    if creds.is_expired(now):
        return KeeperState.EXPIRED
    soon = refresh_point(creds, soon_fraction)
    if soon is not None and now >= soon:
        return KeeperState.EXPIRING_SOON
    return KeeperState.VALID


def judge_state(
    creds: Credentials,
    now: float,
    *,
    soon_fraction: float,
    halted: KeeperState | None,
    renewing: bool,
    rights: Rights,
) -> KeeperState:
    """The state to show while holding credentials.

    SIGN_IN_AGAIN sticks (only the operator can act); an expired token shows EXPIRED even while
    a renewal runs or after an error; then a halting ERROR; then REFRESHING during a renewal.
    Then what the last probe saw: NO_RIGHTS before all else, EXPIRING_SOON next, and a token
    is VALID only when a probe got data with it (CHECKING until the first probe answers,
    UNCONFIRMED when it failed otherwise).
    """
    if halted is KeeperState.SIGN_IN_AGAIN:
        return halted
    life = life_state(creds, now, soon_fraction)
    if life is KeeperState.EXPIRED:
        return life
    if halted is not None:
        return halted
    if renewing:
        return KeeperState.REFRESHING
    if rights is Rights.NO_RIGHTS:
        return KeeperState.NO_RIGHTS
    if life is KeeperState.EXPIRING_SOON:
        return life
    return _BY_RIGHTS[rights]


_BY_RIGHTS = {
    Rights.UNKNOWN: KeeperState.CHECKING,
    Rights.GRANTED: KeeperState.VALID,
    Rights.UNCONFIRMED: KeeperState.UNCONFIRMED,
}


def renewal_for(creds: Credentials, *, can_resign: bool) -> Renewal:
    """Refresh when there is a refresh token, else sign in again when allowed."""
    if isinstance(creds, Token) and creds.refresh_token:
        return Renewal.REFRESH
    return Renewal.SIGN_IN if can_resign else Renewal.IMPOSSIBLE


def after_start_failure(error: AuthError, start: Start) -> tuple[KeeperState, AuthError]:
    """The state a failed start ends in, and the error to show.

    A refused password is an ERROR (the operator fixes it and signs in); a refused saved session
    is SIGN_IN_AGAIN with :class:`SavedSessionEnded` (the window then forgets the saved token).
    """
    dead_grant = isinstance(error, (RefreshTokenRejected, CredentialsRejected))
    if start is Start.RESUME and dead_grant:
        return KeeperState.SIGN_IN_AGAIN, SavedSessionEnded()
    return KeeperState.ERROR, error


def after_failure(error: AuthError, renewal: Renewal, *, can_resign: bool) -> NextStep:
    """The next step after a failed renewal: retry, sign in with the password, or stop."""
    if isinstance(error, NETWORK_ERRORS):
        return NextStep.RETRY_LATER
    dead_grant = isinstance(error, (RefreshTokenRejected, CredentialsRejected))
    if renewal is Renewal.REFRESH and dead_grant:
        return NextStep.SIGN_IN if can_resign else NextStep.SIGN_IN_AGAIN
    if renewal is Renewal.SIGN_IN and isinstance(error, CredentialsRejected):
        return NextStep.SIGN_IN_AGAIN
    return NextStep.STOP


# -- decisions on a whole session ----------------------------------------------------------------
def planned_refresh(s: Session, t: Timing) -> float | None:
    """The refresh point; None for unknown expiry, Basic, or while renewal is stopped."""
    return None if s.halted is not None else refresh_point(s.creds, t.refresh_fraction)


def session_due(s: Session, t: Timing) -> float | None:
    """When the keeper must act next for this session, or None."""
    if s.creds is None or s.halted is not None:
        return None
    deferred = None
    if s.deferred and s.last_attempt_at is not None:
        deferred = s.last_attempt_at + t.min_attempt_gap
    return next_due(refresh_at=planned_refresh(s, t), retry_at=s.retry_at, deferred_until=deferred)


def session_state(s: Session, now: float, t: Timing) -> KeeperState | None:
    """The state while holding credentials; None without them (the keeper sets it directly)."""
    if s.creds is None:
        return None
    return judge_state(
        s.creds,
        now,
        soon_fraction=t.expiring_soon_fraction,
        halted=s.halted,
        renewing=s.job is not None or s.confirming,
        rights=s.rights,
    )


def plan_renewal(
    s: Session, now: float, t: Timing, *, allow_resign: bool, immediate: bool = False
) -> Renewal | None:
    """How to renew now, or None when the last attempt is closer than the minimum gap."""
    last = s.last_attempt_at if s.last_attempt_at is not None else -float("inf")
    if not immediate and now < last + t.min_attempt_gap:
        return None
    if s.creds is None:
        return Renewal.IMPOSSIBLE
    if isinstance(s.creds, BasicCredentials):
        # nothing to refresh: renewing Basic means checking the credentials again
        return Renewal.SIGN_IN if s.password is not None else Renewal.IMPOSSIBLE
    return renewal_for(s.creds, can_resign=s.can_resign(allow_resign))


def begin_renewal(
    s: Session, now: float, t: Timing, *, allow_resign: bool, immediate: bool = False
) -> Renewal | None:
    """:func:`plan_renewal` and its bookkeeping. None: deferred by the minimum gap
    (:func:`session_due` says until when); IMPOSSIBLE: halted, ``s.last_error`` says why;
    else the renewal to start now."""
    kind = plan_renewal(s, now, t, allow_resign=allow_resign, immediate=immediate)
    s.deferred = kind is None
    if kind is not None:
        s.retry_at = None
    if kind is Renewal.IMPOSSIBLE:
        s.halt(KeeperState.SIGN_IN_AGAIN, RenewalImpossible())
    return kind


@dataclass(frozen=True)
class Finished:
    """What a keeper does once a renewal attempt ended (:func:`finish_renewal`)."""

    creds: Credentials | None = None  #: accept these: the renewal worked
    dropped_refresh_token: bool = False  #: a dead refresh token was forgotten (creds changed)
    sign_in: bool = False  #: sign in with the password now, as the same attempt's second step
    error: AuthError | None = None  #: failed: the session backs off or halts; report it


def finish_renewal(
    s: Session,
    kind: Renewal,
    value: Credentials | None,
    error: AuthError | None,
    now: float,
    t: Timing,
    *,
    allow_resign: bool,
) -> Finished:
    """Book the end of a ``kind`` renewal that gave ``value`` or ``error`` on the session."""
    s.job = None
    if error is None and value is not None:
        if kind is Renewal.REFRESH and isinstance(s.creds, Token) and isinstance(value, Token):
            value = s.creds.refreshed_by(value)  # keeps the refresh token if none came back
        return Finished(creds=value)
    error = error or NotSignedIn()
    step = after_failure(error, kind, can_resign=s.can_resign(allow_resign))
    dead = kind is Renewal.REFRESH and step in (NextStep.SIGN_IN, NextStep.SIGN_IN_AGAIN)
    dropped = dead and s.drop_refresh_token()  # never sent again, so no retry loop spins
    if step is NextStep.SIGN_IN:
        s.job = Renewal.SIGN_IN  # still busy: whoever looks in between sees a renewal running
        return Finished(dropped_refresh_token=dropped, sign_in=True)
    s.settle(step, error, now, t.backoff)
    return Finished(dropped_refresh_token=dropped, error=error)
