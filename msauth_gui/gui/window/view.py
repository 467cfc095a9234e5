"""What the window shows about the session, derived in one place from the keeper and the form.

The token panel's state line, the window title, the status bar's "server · state" label, the
Sign out button (a Cancel while a sign-in runs) and the warning when a token that may not work
is copied. Everything is worked out from the keeper's state, credentials and last error, so
the panel, title, status bar and tray can never disagree; while signed out, the status bar
shows the server the form holds.
"""

from __future__ import annotations

from PySide6.QtCore import QObject
from PySide6.QtGui import QAction
from PySide6.QtWidgets import QLabel, QMainWindow, QPushButton

from ...core.endpoints import build_endpoints
from ...core.errors import AuthError, InvalidInput
from ...core.token import BasicCredentials, Token
from .. import fmt
from ..plain import shown
from ..session.keeper import KeeperState, TokenKeeper
from ..timers import Clock
from .form import SignInForm
from .token_panel import TokenPanel


def form_host(server: str) -> str:
    """The host the form's server field names ("" when empty; the text itself when unparsable)."""
    server = server.strip()
    if not server:
        return ""
    try:
        return build_endpoints(server).host
    except InvalidInput:
        return server


class WindowView(QObject):
    """Renders the keeper's state into the window's panel, title and status bar."""

    def __init__(
        self,
        window: QMainWindow,
        keeper: TokenKeeper,
        form: SignInForm,
        panel: TokenPanel,
        server_status: QLabel,
        clock: Clock,
    ) -> None:
        super().__init__(window)
        self._window, self._keeper, self._form, self._panel = window, keeper, form, panel
        self._server_status, self._clock = server_status, clock
        self.host = ""  #: the host of the session being signed in to or kept
        self.method = ""  #: its sign-in method, in words
        self._words = ""

    # -- the state -------------------------------------------------------------------------
    def render(self, error: AuthError | None = None) -> None:
        """The panel's state line and times, the title and the status bar, from the keeper."""
        keeper = self._keeper
        now = self._clock()
        error = error if isinstance(error, AuthError) else keeper.last_error
        message, is_error = fmt.status_message(
            keeper.state,
            host=self.host,
            method=self.method,
            error=error.message if error is not None else "",
            retry_in=None if keeper.retry_at is None else keeper.retry_at - now,
            basic=isinstance(keeper.credentials, BasicCredentials),
        )
        self._words = self._panel.show_state(keeper.state, message, error=is_error)
        self._panel.show_endpoint(keeper.settings if keeper.credentials is not None else None)
        self._panel.update_times(
            now,
            next_refresh_at=keeper.next_refresh_at,
            retry_at=keeper.retry_at,
            last_refresh_at=keeper.last_refresh_at,
        )
        signed_out = keeper.state is KeeperState.SIGNED_OUT
        title = fmt.title_text("" if signed_out else self.host, self._words)
        self._window.setWindowTitle(shown(title))
        self.render_server()

    def render_server(self) -> None:
        """The status bar's "server · state": while signed out, the server the form holds."""
        signed_out = self._keeper.state is KeeperState.SIGNED_OUT
        host = form_host(self._form.server()) if signed_out else self.host
        where = host or self.tr("no server")
        self._server_status.setText(shown(f"{where} · {self._words}"))

    # -- Sign out, or Cancel -----------------------------------------------------------------
    def cancels(self) -> bool:
        """True while a sign-in runs: "Sign out" then stops it (and says "cancelled")."""
        return self._keeper.state is KeeperState.SIGNING_IN

    def render_sign_out(self, button: QPushButton, action: QAction) -> None:
        """Sign out, or Cancel while a sign-in runs: the words, the tip and what is heard."""
        if self.cancels():
            words, menu = self.tr("Cancel"), self.tr("&Cancel sign-in")
            spoken, tip = self.tr("Cancel sign-in"), self.tr("Stop the sign-in that is running")
            what = self.tr("Stops the sign-in that is running; nothing is kept.")
        else:
            words, menu = self.tr("Sign out"), self.tr("Sign &out")
            spoken, tip = self.tr("Sign out"), self.tr("Sign out and forget the token")
            what = self.tr("Signs out and forgets the token and the password.")
        if button.text() != words:
            button.setText(words)
            button.setAccessibleName(spoken)
            button.setAccessibleDescription(what)
            button.setToolTip(tip)
            action.setText(menu)

    def ended_note(self) -> str:
        """The log line for "Sign out": cancelled while signing in, else signed out."""
        if self.cancels():
            return self.tr("Sign-in cancelled; nothing was kept")
        if self._keeper.state is KeeperState.SIGNED_OUT:
            return ""
        return self.tr("Signed out; the token is forgotten")

    # -- copying -----------------------------------------------------------------------------
    def copy_warning(self) -> str:
        """Why the token about to be copied may not work (expired, no rights, not confirmed)."""
        creds = self._keeper.credentials
        expired = isinstance(creds, Token) and creds.is_expired(self._clock())
        return fmt.copy_warning(self._keeper.state, expired=expired)
