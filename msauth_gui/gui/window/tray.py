"""The optional system-tray icon: the token's state at a glance, copy and refresh from its menu.

The icon follows the keeper's state, its tooltip names the server, the state and the expiry,
and a notification pops up when a background refresh fails, the session ends (expired, or
only a new sign-in helps) or the server serves no data to the account (no rights). The object
is built even where there is no tray (tests, a bare X server): it then keeps its tooltip, menu
and notifications without ever showing the icon, and :attr:`TrayIcon.notifications` records
every notification either way.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass

from PySide6.QtCore import QObject, Signal, Slot
from PySide6.QtGui import QAction
from PySide6.QtWidgets import QMenu, QSystemTrayIcon, QWidget

from ...core.client import ConnectionSettings
from ...core.errors import AuthError, NoRights
from ...core.token import BasicCredentials
from .. import fmt
from ..icons import app_icon, state_icon
from ..plain import notification, shown, tip
from ..preferences import AppSettings
from ..session.keeper import KeeperState, TokenKeeper
from ..timers import Clock

NOTIFY_MS = 10_000
#: a notification is a glance; the whole error text is in the window and its log
NOTIFY_CHARS = 240
#: states in which a session is alive: leaving them for EXPIRED or SIGN_IN_AGAIN ends it
_LIVE = {
    KeeperState.CHECKING, KeeperState.VALID, KeeperState.NO_RIGHTS, KeeperState.UNCONFIRMED,
    KeeperState.REFRESHING, KeeperState.EXPIRING_SOON, KeeperState.ERROR,
}  # fmt: skip
_ENDED = {KeeperState.EXPIRED, KeeperState.SIGN_IN_AGAIN}


def _glance(message: str) -> str:
    """``message`` as a notification (:func:`..plain.notification`), cut to NOTIFY_CHARS."""
    text = shown(message, lines=True)
    keep = len(text) + 1  # all of it
    while True:
        cut = text if keep > len(text) else text[: keep - 1].rstrip() + "…"
        out = notification(cut)
        if len(out) <= NOTIFY_CHARS:
            return out
        keep = max(1, min(keep - 1, keep * NOTIFY_CHARS // len(out)))  # entities are longer


@dataclass(frozen=True)
class TrayCommands:
    """What the tray's menu asks of the window."""

    show_window: Callable[[], object]
    copy_token: Callable[[], object]
    refresh: Callable[[], object]
    quit: Callable[[], object]


class TrayIcon(QObject):
    """Mirrors a keeper in the system tray; shown only when enabled and available."""

    notified = Signal(str, str)  #: (title, message) of every notification, shown or not

    def __init__(
        self,
        keeper: TokenKeeper,
        clock: Clock,
        commands: TrayCommands,
        parent: QWidget,
        *,
        available: bool | None = None,
    ) -> None:
        super().__init__(parent)
        self.setObjectName("trayIcon")
        self._keeper = keeper
        self._clock = clock
        self.available = QSystemTrayIcon.isSystemTrayAvailable() if available is None else available
        self.enabled = True  #: the operator's choice ("Show tray icon" in Settings)
        self.notifications: list[tuple[str, str]] = []
        self._state = keeper.state
        self._renewing = False  #: a background renewal runs; an error now is its failure
        self._no_rights_said = False  #: "no rights" is notified once a session
        self._refreshed_at = keeper.last_refresh_at
        self._icon_state: KeeperState | None = None
        self._host_of: tuple[ConnectionSettings | None, str] = (None, "")  #: settings, its host

        self.icon = QSystemTrayIcon(app_icon(), self)
        self.menu = QMenu(parent)
        self.menu.setObjectName("trayMenu")
        self.show_action = self._action(
            self.tr("&Show window"), "trayShowAction", commands.show_window
        )
        self.copy_token_action = self._action(
            self.tr("Copy &token"), "trayCopyTokenAction", commands.copy_token
        )
        self.refresh_action = self._action(
            self.tr("&Refresh now"), "trayRefreshAction", commands.refresh
        )
        self.quit_action = self._action(self.tr("&Quit"), "trayQuitAction", commands.quit)
        self.menu.addAction(self.show_action)
        self.menu.addSeparator()
        self.menu.addAction(self.copy_token_action)
        self.menu.addAction(self.refresh_action)
        self.menu.addSeparator()
        self.menu.addAction(self.quit_action)
        self.icon.setContextMenu(self.menu)
        self.icon.activated.connect(self._on_activated)
        self._show_window = commands.show_window

        keeper.stateChanged.connect(self._on_state_changed)
        keeper.credentialsChanged.connect(self._on_credentials_changed)
        keeper.errorRaised.connect(self._on_error)
        keeper.ticked.connect(self.update)
        self.update()
        self.set_enabled(self.enabled)

    def _action(self, text: str, object_name: str, slot: Callable[[], object]) -> QAction:
        action = QAction(text, self.menu)
        action.setObjectName(object_name)
        action.triggered.connect(slot)
        return action

    # -- showing -----------------------------------------------------------------------------
    @Slot(object)
    def apply_preferences(self, values: AppSettings) -> None:
        self.set_enabled(values.show_tray)

    def set_enabled(self, enabled: bool) -> None:
        """Show the icon when ``enabled`` and the desktop has a tray; hide it otherwise."""
        self.enabled = bool(enabled)
        self.icon.setVisible(self.enabled and self.available)

    def is_shown(self) -> bool:
        return self.icon.isVisible()

    def update(self) -> None:
        """Icon, tooltip and enabled menu entries from the keeper's state (every tick)."""
        keeper = self._keeper
        creds = keeper.credentials
        basic = isinstance(creds, BasicCredentials)
        words = fmt.state_look(keeper.state, basic=basic)[0]
        if keeper.state is not self._icon_state:
            self._icon_state = keeper.state
            self.icon.setIcon(state_icon(keeper.state))
        tooltip = self.tooltip_text(words)
        if tooltip != self.icon.toolTip():
            self.icon.setToolTip(tooltip)
        has_creds = creds is not None
        self.copy_token_action.setEnabled(has_creds)
        self.refresh_action.setEnabled(has_creds)

    def tooltip_text(self, state_words: str) -> str:
        keeper = self._keeper
        lines = ["msauth-gui"]
        server = self._server()
        lines.append(f"{server}: {state_words}" if server else state_words)
        creds = keeper.credentials
        if creds is not None:
            now = self._clock()
            expiry = fmt.expiry_text(
                creds.expires_at, now, basic=isinstance(creds, BasicCredentials)
            )
            lines.append(self.tr("Expires: {expiry}").format(expiry=expiry))
        return tip("\n".join(lines))  # the server's name as the operator typed it: plain

    def _server(self) -> str:
        """The signed-in server's host, worked out once per sign-in (not on every tick)."""
        settings = self._keeper.settings
        if settings is None:
            return ""
        if self._host_of[0] is not settings:
            try:
                host = settings.endpoints().host
            except AuthError:
                host = settings.server
            self._host_of = (settings, host)
        return self._host_of[1]

    # -- notifications -----------------------------------------------------------------------
    def notify(self, title: str, message: str, *, critical: bool = False) -> None:
        """Record the notification and pop it up when the icon is shown (its text plain, with
        control characters visible: :func:`..plain.notification`)."""
        message = _glance(message)
        self.notifications.append((title, message))
        self.notified.emit(title, message)
        if self.is_shown() and QSystemTrayIcon.supportsMessages():
            kind = QSystemTrayIcon.MessageIcon
            self.icon.showMessage(
                title, message, kind.Critical if critical else kind.Warning, NOTIFY_MS
            )

    def _on_state_changed(self, state: KeeperState) -> None:
        previous, self._state = self._state, state
        if state is KeeperState.REFRESHING:
            self._renewing = True
        elif state in (KeeperState.SIGNED_OUT, KeeperState.SIGNING_IN):
            self._renewing = self._no_rights_said = False
        if state is KeeperState.NO_RIGHTS and not self._no_rights_said:
            self._no_rights_said = True
            roles = NoRights(status=403).message
            self.notify(fmt.state_look(state)[0], f"{self._server()}\n{roles}", critical=True)
        if state in _ENDED and previous in _LIVE:
            self._renewing = False  # one notification says it all
            server = self._server()
            if state is KeeperState.EXPIRED:
                text = self.tr("The token for {server} has expired. Sign in again.")
            else:
                text = self.tr("The session on {server} has ended. Sign in again.")
            error = self._keeper.last_error
            message = text.format(server=server)
            if error is not None:
                message += "\n" + error.message
            self.notify(self.tr("Session ended"), message, critical=True)
        self.update()

    def _on_credentials_changed(self, _creds: object) -> None:
        refreshed_at = self._keeper.last_refresh_at
        if refreshed_at != self._refreshed_at:  # a renewal succeeded
            self._refreshed_at = refreshed_at
            self._renewing = False
        self.update()

    def _on_error(self, error: AuthError) -> None:
        if not self._renewing:
            return  # sign-in and probe errors are shown in the window where they were asked
        self._renewing = False
        keeper = self._keeper
        if keeper.retry_at is not None:
            seconds = max(keeper.retry_at - self._clock(), 0)
            retry = self.tr("Retrying in {countdown}.").format(countdown=fmt.countdown(seconds))
            message = f"{retry}\n{error.message}"
        else:
            message = error.message
        self.notify(self.tr("Token refresh failed"), message)
        self.update()

    # -- menu ---------------------------------------------------------------------------------
    def _on_activated(self, reason: QSystemTrayIcon.ActivationReason) -> None:
        if reason is QSystemTrayIcon.ActivationReason.Trigger:
            self._show_window()
