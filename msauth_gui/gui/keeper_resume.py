"""Resuming a saved session, and changing the refresh point while running.

"Stay signed in" keeps the refresh token in the OS keyring; at the next start
:meth:`ResumeMixin.resume` trades it for a fresh token with ONE refresh call and then the
keeper runs its usual cycle. A saved refresh token the server no longer accepts ends in
:class:`SavedSessionEnded` (the window removes the stored token on it).
"""

from __future__ import annotations

from dataclasses import replace
from typing import TYPE_CHECKING, Any

from ..core.errors import AuthError, CredentialsRejected, RefreshTokenRejected
from ..core.redact import register_secret
from ..core.session.renewal import KeeperState, NotSignedIn, Session
from ..core.token import Token
from ..core.translate import QT_TRANSLATE_NOOP

if TYPE_CHECKING:
    from collections.abc import Callable

    from ..core.client import AuthClient, ConnectionSettings
    from ..core.session.renewal import Timing
    from ..core.token import Credentials
    from .session.jobs import Handler
    from .timers import Clock


class SavedSessionEnded(AuthError):
    """The refresh token saved by "Stay signed in" was refused (expired, revoked, server reset)."""

    kind = "saved_session_ended"
    template = QT_TRANSLATE_NOOP("errors", "The saved session has ended; sign in again.")


class ResumeMixin:
    """Part of :class:`.keeper.TokenKeeper`: needs its session, timers and job starter."""

    _s: Session
    _settings: ConnectionSettings | None
    _timing: Timing
    _clock: Clock
    stateChanged: Any
    credentialsChanged: Any
    errorRaised: Any

    if TYPE_CHECKING:

        def _forget(self) -> bool: ...
        def _start(self, call: Callable[[AuthClient], Any], handler: Handler) -> None: ...
        def _accept(self, creds: Credentials, *, renewed: bool) -> None: ...
        def _schedule(self) -> None: ...
        def _update_state(self) -> None: ...
        def _set_state(self, state: KeeperState) -> None: ...

    def resume(
        self,
        settings: ConnectionSettings,
        login: str,
        refresh_token: str,
        password: str | None = None,
    ) -> None:
        """Continue a saved session: one refresh with ``refresh_token``, then the usual cycle.

        ``password`` (a remembered one) is kept in memory only, for signing in again later
        when a refresh token dies and that is allowed.
        """
        had_credentials = self._forget()
        self._settings = settings
        register_secret(refresh_token, password)
        self._s = Session(login=login, password=password or None, job="resume")
        if had_credentials:
            self.credentialsChanged.emit(None)
        self._s.last_attempt_at = self._clock()
        self._set_state(KeeperState.SIGNING_IN)

        def done(value: Any, error: AuthError | None) -> None:
            self._on_resumed(refresh_token, value, error)

        self._start(lambda client: client.refresh(refresh_token), done)

    def _on_resumed(self, refresh_token: str, value: Any, error: AuthError | None) -> None:
        s = self._s
        s.job = None
        if error is None and isinstance(value, Token):
            if not value.refresh_token:  # the server kept the refresh token: so do we
                value = replace(value, refresh_token=refresh_token)
            self._accept(value, renewed=True)
            return
        if isinstance(error, (RefreshTokenRejected, CredentialsRejected)):
            error = SavedSessionEnded()
            state = KeeperState.SIGN_IN_AGAIN
        else:
            error = error or NotSignedIn()
            state = KeeperState.ERROR
        s.password, s.last_error = None, error
        self._set_state(state)
        self.errorRaised.emit(error)

    @property
    def refresh_fraction(self) -> float:
        """The share of a token's lifetime after which it is renewed (0.8: at 80 %)."""
        return self._timing.refresh_fraction

    @refresh_fraction.setter
    def refresh_fraction(self, value: float) -> None:
        fraction = min(max(float(value), 0.05), 0.99)
        soon = self._timing.expiring_soon_fraction
        if fraction >= soon:  # "expiring soon" stays the time after a refresh should have run
            soon = (1 + fraction) / 2
        self._timing = replace(self._timing, refresh_fraction=fraction, expiring_soon_fraction=soon)
        if self._s.creds is not None:
            self._schedule()
            self._update_state()
