"""The TokenKeeper's public face: its signals and read-only properties.

The behaviour (sign-in, renewal, probe, timers) is in :mod:`.keeper`; this base class only
declares what the window connects to and reads, so the two can be read apart.
"""

from __future__ import annotations

from PySide6.QtCore import QObject, QTimer, Signal

from ..core.client import ConnectionSettings
from ..core.errors import AuthError
from ..core.session.renewal import KeeperState, Session, Timing, planned_refresh
from ..core.token import Credentials
from .session.jobs import AuthJobs


class KeeperBase(QObject):
    """Signals and properties of :class:`.keeper.TokenKeeper`; not used on its own."""

    stateChanged = Signal(object)  # KeeperState
    credentialsChanged = Signal(object)  # Token | BasicCredentials | None
    errorRaised = Signal(object)  # AuthError
    requestLogged = Signal(object)  # RequestRecord, on the GUI thread
    ticked = Signal()
    probeFinished = Signal(object)  # ProbeResult

    _state: KeeperState
    _s: Session
    _settings: ConnectionSettings | None
    _timing: Timing
    _allow_resign: bool
    _jobs: AuthJobs
    _due_timer: QTimer
    _tick_timer: QTimer

    # -- properties ----------------------------------------------------------------------------
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

    @property
    def allow_resign(self) -> bool:
        return self._allow_resign

    @allow_resign.setter
    def allow_resign(self, value: bool) -> None:
        self._allow_resign = bool(value)

    def active_timers(self) -> list[QTimer]:
        return [t for t in (self._due_timer, self._tick_timer) if t.isActive()]

    def _set_state(self, state: KeeperState) -> None:
        if state is not self._state:
            self._state = state
            self.stateChanged.emit(state)
