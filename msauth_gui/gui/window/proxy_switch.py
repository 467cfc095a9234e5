"""The window's "Local proxy" switch: serves the signed-in session to other tools on loopback.

A row under the token panel's buttons: the switch (``proxyButton``), the URL it serves at
(``proxyUrlField``, read-only) and Copy. :class:`LocalProxy` runs a
:class:`~msauth_gui.core.proxy.server.ProxyServer` (its own threads: the GUI thread only starts
and stops it, neither of which waits on the network) over the keeper's session
(:class:`~..session.shared.KeeperSession`). It stops on sign-out and quit, follows a sign-in to
another server, takes its port and "read-only" from the preferences, and tells the activity
log every failure and, every few seconds while requests flow, how many it has forwarded.
"""

from __future__ import annotations

import threading
from collections import deque
from collections.abc import Callable
from dataclasses import replace
from typing import TYPE_CHECKING

from PySide6.QtCore import QObject, QTimer, Slot
from PySide6.QtGui import QGuiApplication
from PySide6.QtWidgets import QHBoxLayout, QLineEdit, QPushButton, QWidget

from ...core.proxy.access import AccessRecord, access_line
from ...core.session.renewal import KeeperState
from ..preferences import AppSettings, Preferences
from ..session.shared import KeeperSession
from ..widgets import name

if TYPE_CHECKING:
    from ...core.client import ConnectionSettings
    from ...core.proxy.server import ProxyServer
    from ..session.keeper import TokenKeeper
    from .token_panel import TokenPanel

#: how often the log hears the running count (while it changes) and the failures
REPORT_MS = 5000
#: failures written one by one per report; the rest are counted
MAX_FAILURE_LINES = 50


class ProxyRow(QWidget):
    """The switch, the URL field and Copy."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.button = QPushButton(self.tr("Local proxy"), self)
        name(
            self.button,
            "proxyButton",
            description=self.tr(
                "Serves this session on this computer: other tools send requests to the "
                "address next to it without a token."
            ),
        )
        self.button.setCheckable(True)
        self.button.setToolTip(
            self.tr("Let other programs (curl, 1C) use this session without a token")
        )
        self.url_field = QLineEdit(self)
        name(
            self.url_field,
            "proxyUrlField",
            self.tr("Local proxy address"),
            description=self.tr("The local proxy's address, while it runs."),
        )
        self.url_field.setReadOnly(True)
        self.url_field.setPlaceholderText(self.tr("off"))
        self.copy_button = QPushButton(self.tr("Copy"), self)
        name(
            self.copy_button,
            "copyProxyUrlButton",
            self.tr("Copy proxy address"),
            self.tr("Copies the local proxy's address."),
        )
        layout = QHBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.button)
        layout.addWidget(self.url_field, 1)
        layout.addWidget(self.copy_button)
        self.show_url("")

    def show_url(self, url: str) -> None:
        self.url_field.setText(url)
        self.url_field.setEnabled(bool(url))
        self.copy_button.setEnabled(bool(url))


class LocalProxy(QObject):
    """Starts and stops the proxy for the keeper's session; counts and reports its requests."""

    def __init__(
        self,
        keeper: TokenKeeper,
        panel: TokenPanel,
        preferences: Preferences,
        say: Callable[[str], None],
        note: Callable[[str], None],
    ) -> None:
        super().__init__(panel)
        self.keeper = keeper
        self._say = say  #: the log and the status bar: what the operator did
        self._note = note  #: the log alone: what happens in the background
        self.session = KeeperSession(keeper, self, clock=keeper.clock)
        self.row = ProxyRow(panel)
        panel.add_section(self.row, [self.row.button, self.row.url_field, self.row.copy_button])
        self.server: ProxyServer | None = None
        self._values = preferences.current
        self._lock = threading.Lock()
        self._count = 0  #: requests forwarded since the switch went on (proxy threads add)
        self._reported = 0
        self._failures: deque[AccessRecord] = deque(maxlen=1000)
        self._report_timer = QTimer(self)
        self._report_timer.setInterval(REPORT_MS)
        self._report_timer.timeout.connect(self.report)
        self.row.button.toggled.connect(self._on_toggled)
        self.row.copy_button.clicked.connect(self.copy_url)
        keeper.credentialsChanged.connect(self._on_credentials)
        keeper.stateChanged.connect(self._on_state)
        preferences.subscribe(self.apply_preferences)
        self._on_credentials(keeper.credentials)

    @property
    def url(self) -> str:
        return self.server.url if self.server is not None else ""

    @property
    def count(self) -> int:
        return self._count

    # -- preferences and the keeper --------------------------------------------------------
    @Slot(object)
    def apply_preferences(self, values: AppSettings) -> None:
        """Read-only applies at once; another port restarts a running proxy."""
        moved = values.proxy_port != self._values.proxy_port
        self._values = values
        if self.server is None:
            return
        self.server.reject_methods = _refused(values)
        if moved:
            self._restart()

    def _on_credentials(self, creds: object) -> None:
        self.row.button.setEnabled(creds is not None or self.server is not None)
        if (
            creds is not None
            and self.server is not None
            and _moved(self.keeper.settings, self.server.settings)
        ):
            self._restart()  # signed in to another server (or with other settings)

    def _on_state(self, state: KeeperState) -> None:
        if state is KeeperState.SIGNED_OUT and self.server is not None:
            self.stop(self.tr("Local proxy stopped: signed out."))

    # -- switching -------------------------------------------------------------------------
    def _on_toggled(self, on: bool) -> None:
        if on and self.server is None:
            self.start()
        elif not on and self.server is not None:
            self.stop(self.tr("Local proxy stopped."))

    def start(self) -> bool:
        """Serve the current session; False (and the switch off) when that cannot be done."""
        from ...core.errors import AuthError
        from ...core.proxy.server import ProxyServer

        settings = self.keeper.settings
        if settings is None or self.keeper.credentials is None:
            self._set_switch(False)
            return False
        values = self._values
        try:
            server = ProxyServer(
                settings,
                self.session.shared,
                port=values.proxy_port,
                reject_methods=_refused(values),
                on_access=self._on_access,
            )
            server.start()
        except (OSError, AuthError) as exc:
            error = exc.message if isinstance(exc, AuthError) else (exc.strerror or str(exc))
            text = self.tr("Local proxy: cannot listen on port {port} ({error}). Choose another "
                           "port in Settings.")  # fmt: skip
            self._say(text.format(port=values.proxy_port, error=error))
            self._set_switch(False)
            return False
        self.server = server
        with self._lock:
            self._count = self._reported = 0
            self._failures.clear()
        self._report_timer.start()
        self.row.show_url(server.url)
        self._set_switch(True)
        if values.proxy_read_only:
            text = self.tr("Local proxy at {url} serves {api}, read-only, to this computer.")
        else:
            text = self.tr("Local proxy at {url} serves {api} to this computer.")
        self._say(text.format(url=server.url, api=settings.endpoints().api_base))
        return True

    def stop(self, why: str) -> None:
        """Stop serving (never waits on the network); ``why`` goes to the log."""
        server, self.server = self.server, None
        if server is None:
            return
        server.stop()
        self._report_timer.stop()
        self.report()
        self.row.show_url("")
        self._set_switch(False)
        self.row.button.setEnabled(self.keeper.credentials is not None)
        self._say(why)

    def _restart(self) -> None:
        self.stop(self.tr("Local proxy restarting…"))
        self.start()

    def _set_switch(self, on: bool) -> None:
        blocked = self.row.button.blockSignals(True)
        self.row.button.setChecked(on)
        self.row.button.blockSignals(blocked)

    def copy_url(self) -> None:
        if self.url:
            QGuiApplication.clipboard().setText(self.url)  # not a secret: no clearing
            self._say(self.tr("Local proxy address copied."))

    # -- counting --------------------------------------------------------------------------
    def _on_access(self, record: AccessRecord) -> None:
        """Called on the proxy's threads, once per request: count it, keep it if it failed."""
        with self._lock:
            self._count += 1
            if record.failed:
                self._failures.append(record)

    @Slot()
    def report(self) -> None:
        """Tell the log the failures since the last report and, if it grew, the count."""
        with self._lock:
            count, failures = self._count, list(self._failures)
            self._failures.clear()
            grown, self._reported = count != self._reported, count
        for record in failures[:MAX_FAILURE_LINES]:
            self._note(self.tr("Local proxy: {line}").format(line=access_line(record)))
        if len(failures) > MAX_FAILURE_LINES:
            more = len(failures) - MAX_FAILURE_LINES
            self._note(self.tr("Local proxy: %n more failure(s) not shown", "", more))
        if grown:
            self._note(self.tr("Local proxy: %n request(s) forwarded so far", "", count))


def _refused(values: AppSettings) -> frozenset[str]:
    from ...core.proxy.safety import READ_ONLY

    return READ_ONLY if values.proxy_read_only else frozenset()


def _moved(now: ConnectionSettings | None, serving: ConnectionSettings) -> bool:
    """Whether the session moved to settings the proxy would forward differently: a token or
    session URL found by a renewal is none of its business, and restarting would cut the
    requests other tools have in flight."""
    if now is None:
        return True
    found = {"remembered_token_url": None, "remembered_session_url": None}
    return replace(now, **found) != replace(serving, **found)  # type: ignore[arg-type]
