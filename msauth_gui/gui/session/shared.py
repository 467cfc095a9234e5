"""The window's session for other threads: the TokenKeeper published as SharedCredentials.

The keeper lives on the GUI thread; the local proxy's threads must neither touch it nor wait
for that thread. :class:`KeeperSession` copies what they need (the credentials, whether a
renewal runs or has stopped, the last error) into a
:class:`~msauth_gui.core.session.shared.SharedCredentials` on every change, and brings a
renewal the proxy asks for (a 401 for a token that should live) to the GUI thread through a
queued signal, where the keeper's own ``refresh_now`` runs it. The proxy thread waits for the
outcome with a deadline; the GUI thread never waits for the proxy.
"""

from __future__ import annotations

import time
from collections.abc import Callable

from PySide6.QtCore import QObject, Qt, Signal, Slot

from ...core.session.renewal import KeeperState
from ...core.session.shared import SharedCredentials, Snapshot
from .keeper import TokenKeeper

_HALTED = (KeeperState.ERROR, KeeperState.SIGN_IN_AGAIN)


class KeeperSession(QObject):
    """Publishes ``keeper``'s session to :attr:`shared`; lives on the GUI thread."""

    _renewalAsked = Signal()  # emitted on a proxy thread, delivered on this object's thread

    def __init__(
        self,
        keeper: TokenKeeper,
        parent: QObject | None = None,
        *,
        clock: Callable[[], float] = time.time,
    ) -> None:
        super().__init__(parent)
        self.keeper = keeper
        self.shared = SharedCredentials(self._renewalAsked.emit, clock)
        self._renewalAsked.connect(self._renew, Qt.ConnectionType.QueuedConnection)
        for signal in (keeper.stateChanged, keeper.credentialsChanged, keeper.errorRaised):
            signal.connect(self.publish)
        keeper.ticked.connect(self.publish)  # a renewal that started without a state change
        self.publish()

    @Slot()
    @Slot(object)
    def publish(self, _changed: object = None) -> None:
        keeper = self.keeper
        state = keeper.state
        if keeper.credentials is None:
            problem = self.tr("The window is signed out: sign in there, then try again.")
            if state is KeeperState.SIGNING_IN:
                problem = self.tr("The window is signing in: try again in a moment.")
        else:
            error = keeper.last_error
            problem = error.message if error is not None else ""
        self.shared.publish(
            Snapshot(keeper.credentials, keeper.busy, state in _HALTED, problem),
        )

    @Slot()
    def _renew(self) -> None:
        """A proxy thread saw a 401 for a token that should live: renew now (or right after
        the minimum gap between attempts), as the Refresh button would."""
        if self.keeper.credentials is not None and self.keeper.state not in _HALTED:
            self.keeper.refresh_now()
        self.publish()
