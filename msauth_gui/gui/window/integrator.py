"""What integrators take from the window: "Copy as curl" for their shell, and the token details.

The shell is a preference (``curl_shell``; "" follows the platform: PowerShell on Windows, bash
elsewhere — :func:`~msauth_gui.core.curl.default_shell`), chosen in Copy → "Copy as curl for"
or in the small menu beside the curl button; choosing one remembers it and copies at once.
The commands are written by the Qt-free :mod:`msauth_gui.core.curl`. The token details dialog
(:mod:`.details`) is built the first time it is opened and then follows the keeper.
"""

from __future__ import annotations

from functools import partial
from typing import TYPE_CHECKING

from PySide6.QtCore import QObject
from PySide6.QtGui import QAction, QActionGroup
from PySide6.QtWidgets import QMenu, QWidget

from ...core.curl import SHELLS, Shell, curl_command, shell_or_default
from ...core.translate import QT_TRANSLATE_NOOP
from ..preferences import AppSettings, Preferences
from ..widgets import add_action

if TYPE_CHECKING:
    from ..session.keeper import TokenKeeper
    from ..timers import Clock
    from .details import Copy, TokenDetailsDialog
    from .token_panel import TokenPanel

#: shell -> (menu entry, what the status bar says was copied, object name of the entry)
SHELL_TEXTS: dict[Shell, tuple[str, str, str]] = {
    "posix": (QT_TRANSLATE_NOOP("IntegratorTools", "&bash, zsh (Linux, macOS)"),
              QT_TRANSLATE_NOOP("IntegratorTools", "curl command for bash"), "curlShellPosix"),
    "cmd": (QT_TRANSLATE_NOOP("IntegratorTools", "&cmd (Windows)"),
            QT_TRANSLATE_NOOP("IntegratorTools", "curl command for cmd"), "curlShellCmd"),
    "powershell": (QT_TRANSLATE_NOOP("IntegratorTools", "&PowerShell (Invoke-RestMethod)"),
                   QT_TRANSLATE_NOOP("IntegratorTools", "PowerShell command"),
                   "curlShellPowerShell"),
}  # fmt: skip


class IntegratorTools(QObject):
    """The curl shell menu, Copy as curl and the token details, for one window.

    ``copy(text, what)`` puts a secret on the window's clipboard and says so; ``panel`` gets
    the shell menu on its curl button.
    """

    def __init__(
        self,
        keeper: TokenKeeper,
        preferences: Preferences,
        copy: Copy,
        panel: TokenPanel,
        clock: Clock,
        window: QWidget,
    ) -> None:
        super().__init__(window)
        self._keeper, self._preferences, self._copy = keeper, preferences, copy
        self._panel, self._clock, self._window = panel, clock, window
        self.details: TokenDetailsDialog | None = None  #: built on first use
        self.shell_menu = QMenu(self.tr("Copy as curl &for"), window)
        self.shell_menu.setObjectName("curlShellMenu")
        group = QActionGroup(self)
        self.shell_actions: dict[Shell, QAction] = {}
        for shell in SHELLS:
            entry, _what, object_name = SHELL_TEXTS[shell]
            action = QAction(self.tr(entry), self)
            action.setObjectName(object_name)
            action.setCheckable(True)
            action.triggered.connect(partial(self.choose_shell, shell))
            group.addAction(action)
            self.shell_menu.addAction(action)
            self.shell_actions[shell] = action
        panel.curl_shell_button.setMenu(self.shell_menu)
        self.details_action = add_action(
            window, self.tr("Token &details…"), self.open_details, "Ctrl+Shift+D"
        )
        self.details_action.setObjectName("tokenDetailsAction")
        preferences.subscribe(self._apply)

    def add_after(self, after: QAction) -> None:
        """Put the shell menu and "Token details…" right after ``after`` in its menu."""
        menu = next(m for m in after.associatedObjects() if isinstance(m, QMenu))
        actions = menu.actions()
        index = actions.index(after) + 1
        before = actions[index] if index < len(actions) else None
        if before is None:
            menu.addMenu(self.shell_menu)
            menu.addAction(self.details_action)
        else:
            menu.insertMenu(before, self.shell_menu)
            menu.insertAction(before, self.details_action)

    # -- Copy as curl ------------------------------------------------------------------------
    def shell(self) -> Shell:
        """The shell Copy as curl writes for now."""
        return shell_or_default(self._preferences.current.curl_shell)

    def _apply(self, values: AppSettings) -> None:
        shell = shell_or_default(values.curl_shell)
        self.shell_actions[shell].setChecked(True)
        label = self.tr(SHELL_TEXTS[shell][0]).replace("&", "")
        tip = self.tr("Copy a command calling the probe endpoint, for {shell}")
        self._panel.copy_curl_button.setToolTip(tip.format(shell=label))

    def choose_shell(self, shell: Shell) -> None:
        """Remember ``shell`` for Copy as curl, and copy the command for it (when signed in)."""
        self._preferences.update(curl_shell=shell)
        self.copy_curl()

    def copy_curl(self) -> None:
        creds, settings = self._keeper.credentials, self._keeper.settings
        if creds is None or settings is None:
            return
        shell = self.shell()
        command = curl_command(
            settings.endpoints().probe_url,
            creds.authorization,
            verify_tls=settings.verify_tls,
            ca_bundle=settings.ca_bundle,
            shell=shell,
        )
        self._copy(command, self.tr(SHELL_TEXTS[shell][1]))

    # -- token details ---------------------------------------------------------------------------
    def open_details(self) -> TokenDetailsDialog:
        """Show the token details dialog (non-modal), made on first use."""
        if self.details is None:
            from .details import TokenDetailsDialog

            self.details = TokenDetailsDialog(self._copy, self._clock, self._window)
            self._keeper.credentialsChanged.connect(self.details.show_credentials)
        self.details.show_credentials(self._keeper.credentials)
        self.details.show()
        self.details.raise_()
        self.details.activateWindow()
        return self.details
