"""The main window: the sign-in form, the token panel and the activity log around a TokenKeeper.

The composition root: it makes the parts (form, panel, log, profiles, tray, preferences), hands
each the narrow objects it needs and wires them; nothing imports it back. The window only reacts:
every network call runs in the keeper's worker jobs, and everything shown is derived from the
keeper's state, credentials and last error, so the panel, title and status bar never disagree.
"""

from __future__ import annotations

import time
from functools import partial
from typing import TYPE_CHECKING

from PySide6.QtCore import QCoreApplication, QSettings, Signal
from PySide6.QtGui import QAction, QCloseEvent, QKeySequence
from PySide6.QtWidgets import QApplication, QMainWindow, QPushButton, QWidget

from ...core.errors import AuthError, InvalidInput
from ...core.session.remember import notes
from ...core.token import Credentials, Token
from ...core.translate import QT_TRANSLATE_NOOP, number
from .. import fmt
from ..clipboard import DEFAULT_CLEAR_MS, SecretClipboard
from ..plain import shown
from ..preferences import AppSettings, Preferences
from ..profiles.controller import ProfileController
from ..profiles.store import NoSecretStore
from ..session.keeper import KeeperState, TokenKeeper
from ..timers import Clock, TimerFactory, default_timer_factory
from ..widgets import add_action, announce
from .focus import focus_first_empty, set_tab_order
from .form import METHOD_ITEMS, SignInForm
from .integrator import IntegratorTools
from .layout import WindowParts, add_menu, build_layout
from .logview import ActivityLog
from .proxy_switch import LocalProxy
from .token_panel import TokenPanel
from .tray import TrayCommands, TrayIcon
from .view import WindowView

if TYPE_CHECKING:
    from ...core.client import ConnectionSettings, ProbeResult
    from ...core.records import RequestRecord
    from ...core.secrets import SecretStore
    from ..check.dialog import CheckDialog
    from .settings import SettingsDialog

RECENT_KEY = "recentServers"
STATUS_MESSAGE_MS = 8000
NO_KEYRING = QT_TRANSLATE_NOOP("MainWindow", "this window was opened without the system keyring")
_METHOD_NAMES = {data: label for label, data in METHOD_ITEMS}  #: English: translate("SignInForm")


class MainWindow(QMainWindow):
    """Sign in, watch the token, copy it. Pass ``clock``/``timer_factory``/``keeper`` in tests.

    ``settings`` keeps profiles, recent servers and preferences (None: nothing is kept);
    ``secrets`` is the keyring for passwords and saved sessions (None: secrets are not saved).
    """

    closing = Signal()  #: the window is closing (the app stops the demo server on it)

    def __init__(
        self,
        parent: QWidget | None = None,
        *,
        clock: Clock = time.time,
        timer_factory: TimerFactory = default_timer_factory,
        clipboard_clear_ms: int = DEFAULT_CLEAR_MS,
        keeper: TokenKeeper | None = None,
        settings: QSettings | None = None,
        secrets: SecretStore | None = None,
    ) -> None:
        super().__init__(parent)
        self.setObjectName("mainWindow")
        self._clock = clock
        self._settings = settings
        self.keeper = keeper or TokenKeeper(self, clock=clock, timer_factory=timer_factory)
        self.clipboard = SecretClipboard(self, clear_ms=clipboard_clear_ms)
        self.check_dialog: CheckDialog | None = None  # made on first use

        self.form = SignInForm(self)
        self.panel = TokenPanel(self)
        self.log = ActivityLog(self)
        no_keyring = NoSecretStore(self.tr(NO_KEYRING))
        self.profiles = ProfileController(
            self.form,
            self.keeper,
            self.say,
            settings=settings,
            secrets=secrets or no_keyring,
            window=self,
        )
        self._build_actions()
        commands = TrayCommands(self._show_from_tray, self.on_copy_token, self.on_refresh,
                                self._quit_from_tray)  # fmt: skip
        self.tray = TrayIcon(self.keeper, clock, commands, self)
        built_with = AppSettings(
            clipboard_clear_ms=self.clipboard.clear_ms,
            refresh_fraction=self.keeper.refresh_fraction,
            allow_resign=self.keeper.allow_resign,
            log_lines=self.log.view.maximumBlockCount(),
        )
        self.preferences = Preferences(settings, built_with, self)
        for listener in (self.keeper, self.clipboard, self.tray, self.log):
            self.preferences.subscribe(listener.apply_preferences)
        self.tools = IntegratorTools(self.keeper, self.preferences, self._copy, self.panel,
                                     clock, self)  # fmt: skip
        self.tools.add_after(self.copy_curl_action)  # Copy menu: "Copy as curl for ▸", details…
        self.proxy = LocalProxy(self.keeper, self.panel, self.preferences, self.say, self.note)
        parts = WindowParts(self.profiles.bar, self.profiles.secrets.options, self.form,
                            self.panel, self.log)  # fmt: skip
        self.server_status = build_layout(self, parts)
        self.view = WindowView(self, self.keeper, self.form, self.panel, self.server_status, clock)
        set_tab_order(self, parts)
        file_menu = (self.profiles.import_action, self.profiles.export_action, None,
                     self.settings_action, None, self.quit_action)  # fmt: skip
        file_title = QCoreApplication.translate("WindowLayout", "&File")
        add_menu(self, file_title, file_menu, first=True).setObjectName("fileMenu")
        self._connect()
        if settings is not None:
            servers = settings.value(RECENT_KEY, [], list)
            if isinstance(servers, list):
                self.form.set_recent_servers([str(s) for s in servers])
        self.resize(1100, 660)  # fits a 1366×768 screen with title bar and taskbar
        self._render()
        focus_first_empty(self.form)  # Enter signs in once the password is typed

    # -- construction ----------------------------------------------------------------------
    def _build_actions(self) -> None:
        act = partial(add_action, self)
        self.sign_in_action = act(self.tr("Sign &in"), self.on_sign_in)
        self.sign_out_action = act(self.tr("Sign &out"), self.on_sign_out)
        self.refresh_action = act(self.tr("&Refresh now"), self.on_refresh, "F5")
        self.probe_action = act(self.tr("&Test token"), self.on_probe)
        self.copy_token_action = act(self.tr("Copy &token"), self.on_copy_token, "Ctrl+Shift+T")
        self.copy_header_action = act(self.tr("Copy &header"), self.on_copy_header, "Ctrl+Shift+C")
        self.copy_curl_action = act(self.tr("Copy as &curl"), self.on_copy_curl)
        self.copy_log_action = act(self.tr("Copy &log"), self.log.copy_log)
        self.check_server_action = act(self.tr("Check &server…"), self.on_check_server, "Ctrl+K")
        self.check_server_action.setObjectName("checkServerAction")
        self.settings_action = act(
            QCoreApplication.translate("Preferences", "&Settings…"), self.open_settings
        )
        self.settings_action.setObjectName("settingsAction")
        self.quit_action = act(self.tr("&Quit"), self.close, QKeySequence.StandardKey.Quit)
        self.quit_action.setObjectName("quitAction")
        self.about_action = act(self.tr("&About msauth-gui"), self._open_about)
        self.about_action.setObjectName("aboutAction")
        add_menu(self, self.tr("Sessio&n"), (self.sign_in_action, self.sign_out_action,
                 self.refresh_action, self.probe_action))  # fmt: skip
        add_menu(self, self.tr("&Copy"), (self.copy_token_action, self.copy_header_action,
                 self.copy_curl_action, None, self.copy_log_action))  # fmt: skip
        add_menu(self, self.tr("&Tools"), (self.check_server_action,))
        add_menu(self, self.tr("&Help"), (self.about_action,)).setObjectName("helpMenu")

    def _connect(self) -> None:
        self.form.submitted.connect(self.on_sign_in)
        self.form.validityChanged.connect(self._update_actions)
        self.form.server_edit.currentTextChanged.connect(self.view.render_server)
        self.form.sign_out_button.clicked.connect(self.on_sign_out)
        self.form.check_button.clicked.connect(self.check_server_action.trigger)
        self.profiles.resumeRequested.connect(self.resume_session)
        self.profiles.signOutRequested.connect(self.on_sign_out)
        for button, action in self._button_actions():
            button.clicked.connect(action.trigger)
        keeper = self.keeper
        keeper.stateChanged.connect(self._on_state_changed)
        keeper.credentialsChanged.connect(self._on_credentials_changed)
        keeper.errorRaised.connect(self._on_error)
        keeper.requestLogged.connect(self._on_request)
        keeper.ticked.connect(self._render)
        keeper.probeFinished.connect(self._on_probe_finished)
        keeper.endpointsLearned.connect(lambda learned: self.note(*notes(learned)))
        self.clipboard.cleared.connect(lambda: self.show_status(self.tr("Clipboard cleared.")))
        app = QApplication.instance()
        if app is not None:
            app.aboutToQuit.connect(self._forget_secrets)

    # -- actions ---------------------------------------------------------------------------
    def on_sign_in(self) -> None:
        form = self.form
        if not form.validate():
            form.reveal_errors()
            self.show_status(self.tr("Check the fields marked in red."))
            return
        if self.keeper.state is KeeperState.SIGNING_IN:
            return  # one click is enough; Sign out cancels
        settings = self._begin(self.tr("Signing in to {host} as {login} ({method})"))
        if settings is not None:
            self.profiles.on_sign_in(form.password())
            self.keeper.sign_in(settings, form.login(), form.password())

    def resume_session(self, refresh_token: str) -> None:
        """Continue the saved session of the form's server and login: one refresh, no password."""
        what = self.tr("Resuming the saved session on {host} as {login} ({method})")
        settings = self._begin(what)
        if settings is not None:
            password = self.form.password() or None  # a remembered one, for signing in again
            self.keeper.resume(settings, self.form.login(), refresh_token, password)

    def _begin(self, what: str) -> ConnectionSettings | None:
        """Settings for a sign-in; ``what`` (translated) says so in the log with {host} etc."""
        form = self.form
        try:
            settings = self.profiles.with_remembered(form.settings())  # URLs found before
            host = settings.endpoints().host
        except InvalidInput as exc:  # validated above; kept for a race with typing
            self.note(exc.message)
            return None
        self.view.host = host
        self.statusBar().clearMessage()  # a passing message of the last session is stale now
        method = _METHOD_NAMES.get(settings.method, settings.method)
        self.view.method = QCoreApplication.translate("SignInForm", method)
        self.note(what.format(host=host, login=form.login(), method=self.view.method))
        return settings

    def on_sign_out(self) -> None:
        """Sign out; while a sign-in runs, cancel it (the same keeper call ends both)."""
        ended = self.view.ended_note()
        if ended:
            self.note(ended)
        self.profiles.on_sign_out()  # the saved session goes too
        self.keeper.sign_out()
        self.clipboard.clear_if_ours()
        self.statusBar().clearMessage()
        self._render()

    def on_refresh(self) -> None:
        if self.keeper.credentials is None:
            self.show_status(self.tr("Sign in first."))
            return
        self.keeper.refresh_now()
        self._render()

    def on_probe(self) -> None:
        if self.keeper.credentials is not None:
            self.keeper.probe()

    def on_copy_token(self) -> None:
        creds = self.keeper.credentials
        if creds is not None:
            text = creds.access_token if isinstance(creds, Token) else creds.authorization
            self._copy(text, self.tr("Token"))

    def on_copy_header(self) -> None:
        creds = self.keeper.credentials
        if creds is not None:
            self._copy(fmt.header_line(creds.authorization), self.tr("Authorization header"))

    def on_copy_curl(self) -> None:
        self.tools.copy_curl()  # for the shell of the operator's choice

    def on_check_server(self) -> None:
        """Open the "Check server" dialog (non-modal) and check with the form's values."""
        if self.check_dialog is None:
            from ..check.dialog import CheckDialog  # pulls in the check's core modules
            from ..check.table import summary_line

            self.check_dialog = CheckDialog(self, self._check_inputs)
            self.check_dialog.reportReady.connect(lambda report: self.note(summary_line(report)))
            self.closing.connect(self.check_dialog.close)
        self.check_dialog.show_and_run()

    def _check_inputs(self) -> tuple[ConnectionSettings, str, str] | None:
        if not self.form.validate():
            self.form.reveal_errors()
            self.show_status(self.tr("Check the fields marked in red."))
            return None
        return self.form.settings(), self.form.login(), self.form.password()

    def _copy(self, text: str, what: str) -> None:
        self.clipboard.copy(text, what)
        seconds = self.clipboard.clear_ms / 1000
        if seconds:
            text = self.tr("{what} copied; the clipboard is cleared in {seconds} s.")
        else:
            text = self.tr("{what} copied; the clipboard is cleared on sign-out and quit.")
        warning = self.view.copy_warning()  # expired, no rights, not confirmed: say so
        shown = text.format(what=what, seconds=number(seconds))
        self.show_status(" ".join((shown, warning)).strip())
        if warning:
            self.tray.notify(self.tr("{what} copied").format(what=what), warning)

    # -- keeper signals --------------------------------------------------------------------
    def _on_state_changed(self, state: KeeperState) -> None:
        self._render()
        self.panel.announce()  # screen readers hear each new state

    def _on_credentials_changed(self, creds: Credentials | None) -> None:
        self.panel.show_credentials(creds, self._clock())
        for warning in getattr(creds, "warnings", ()):  # e.g. an unbelievable expires_in
            self.note(self.tr("Warning: {text}").format(text=warning))
        if creds is not None and self.keeper.settings is not None:
            self._remember_server(self.keeper.settings.server)
        self._render()

    def _on_error(self, error: AuthError) -> None:
        self.note(self.tr("Error: {text}").format(text=error.message))
        self._render(error)
        self.panel.announce()

    def _on_request(self, record: RequestRecord) -> None:
        self.log.add_record(record, self._clock())

    def _on_probe_finished(self, result: ProbeResult) -> None:
        text = self.tr("The token works: {url} answered HTTP {status}.")
        self.say(text.format(url=result.url, status=result.status))

    # -- view ------------------------------------------------------------------------------
    def _render(self, error: AuthError | None = None) -> None:
        """Derive the panel, title, status bar and enabled actions from the keeper."""
        self.view.render(error)
        self._update_actions()

    def _update_actions(self) -> None:
        state = self.keeper.state
        has_creds = self.keeper.credentials is not None
        can_sign_in = self.form.is_valid() and state is not KeeperState.SIGNING_IN
        self.form.sign_in_button.setEnabled(can_sign_in)
        self.sign_in_action.setEnabled(can_sign_in)
        self.form.check_button.setEnabled(self.form.is_valid())
        self.check_server_action.setEnabled(self.form.is_valid())
        signed_out = state is KeeperState.SIGNED_OUT
        self.form.sign_out_button.setEnabled(not signed_out)
        self.sign_out_action.setEnabled(not signed_out)
        self.view.render_sign_out(self.form.sign_out_button, self.sign_out_action)
        for button, action in self._button_actions():
            button.setEnabled(has_creds)
            action.setEnabled(has_creds)
        self.panel.reveal_button.setEnabled(has_creds)

    def _button_actions(self) -> tuple[tuple[QPushButton, QAction], ...]:
        """The panel's buttons and the actions (menu entries, shortcuts) they stand for."""
        panel = self.panel
        return (
            (panel.refresh_button, self.refresh_action),
            (panel.probe_button, self.probe_action),
            (panel.copy_token_button, self.copy_token_action),
            (panel.copy_header_button, self.copy_header_action),
            (panel.copy_curl_button, self.copy_curl_action),
            (panel.details_button, self.tools.details_action),
        )

    def say(self, text: str) -> None:
        """A message for the operator: in the log and, for a while, in the status bar."""
        self.note(text)
        self.show_status(text)

    def show_status(self, text: str) -> None:
        """A passing message in the status bar (redacted and plain, like every text shown)."""
        self.statusBar().showMessage(shown(text), STATUS_MESSAGE_MS)
        announce(self.statusBar(), self.statusBar().currentMessage())

    def note(self, *texts: str) -> None:
        for text in texts:  # one log line each
            self.log.add_note(text, self._clock())

    def _remember_server(self, server: str) -> None:
        # only a changed list: QSettings writes its file for any setValue (2-5 ms on the GUI
        # thread, in the same turn as the answer), and every refresh lands here
        if self.form.remember_server(server) and self._settings is not None:
            self._settings.setValue(RECENT_KEY, self.form.recent_servers())

    def open_settings(self) -> SettingsDialog:
        """The Settings dialog (window-modal, not blocking); OK changes the preferences."""
        from .settings import open_settings  # dialogs are loaded when first opened

        later = QCoreApplication.translate(
            "Preferences", "The new language is used from the next start."
        )
        return open_settings(self.preferences, self, lambda: self.show_status(later))

    def _open_about(self) -> None:
        from .about import open_about

        open_about(self)

    # -- tray and closing ------------------------------------------------------------------
    def _show_from_tray(self) -> None:
        self.showNormal()
        self.raise_()
        self.activateWindow()

    def _quit_from_tray(self) -> None:
        if self.close():
            QApplication.quit()

    def _forget_secrets(self) -> None:
        self.clipboard.clear_if_ours()
        self.keeper.sign_out()

    def closeEvent(self, event: QCloseEvent) -> None:
        self.profiles.save_current()
        self._forget_secrets()
        self.closing.emit()
        super().closeEvent(event)
