"""The token panel: state at a glance, the masked token, its times and the copy buttons.

The panel only shows what it is given; the window feeds it from the keeper's signals and the
keeper's tick (so the countdown follows the injected clock). It also says where the session
signs in and refreshes: "Token URL: … (found automatically)" or "(as entered)".
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import QCoreApplication, Qt, Signal
from PySide6.QtWidgets import (
    QFormLayout,
    QGridLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QSizePolicy,
    QToolButton,
    QVBoxLayout,
    QWidget,
)

from ...core.session.renewal import KeeperState
from ...core.token import BasicCredentials, Credentials, Token
from .. import fmt, theme
from ..icons import state_icon
from ..plain import label, plain_captions, shown, tip
from ..widgets import CollapsibleSection, FittedTextView, announce, name

if TYPE_CHECKING:
    from ...core.client import ConnectionSettings

ICON_SIZE = 24
DASH = "—"


def _value_label(object_name: str, parent: QWidget) -> QLabel:
    # no accessible name: screen readers read the value
    value = label(DASH, parent, object_name=object_name)
    value.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
    value.setWordWrap(True)  # a long value (Russian times) wraps: the panel fits a small window
    return value


class TokenPanel(QWidget):
    """Shows one set of credentials; knows nothing about how they are kept fresh."""

    #: the state line was announced to screen readers (with the words they were given)
    stateAnnounced = Signal(str)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._creds: Credentials | None = None
        self._now = 0.0
        self._error_shown = False
        self._icon_of: KeeperState | str | None = None  #: the state whose icon is shown
        self._announced = ""

        # the icon's accessible name is the state's words
        self.state_icon = label(parent=self, object_name="stateIcon")
        self.state_label = label(parent=self, object_name="stateLabel")
        self.status_label = label(parent=self)
        name(self.status_label, "statusLabel", self.tr("Token status"))
        self.status_label.setWordWrap(True)
        # a long error wraps instead of widening the panel (and squeezing the form)
        self.status_label.setSizePolicy(QSizePolicy.Policy.Ignored, QSizePolicy.Policy.Preferred)
        self.status_label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)

        self.token_caption = label(self.tr("Access token:"), self)
        self.token_field = QLineEdit(self)
        name(
            self.token_field,
            "accessTokenField",
            self.tr("Access token"),
            self.tr(
                "The access token, masked until revealed; Reveal shows it, Copy token copies it."
            ),
        )
        self.token_field.setReadOnly(True)
        self.token_field.setEchoMode(QLineEdit.EchoMode.Password)
        self.token_field.setPlaceholderText(self.tr("not signed in"))
        self.reveal_button = QPushButton(self.tr("Reveal"), self)
        name(
            self.reveal_button,
            "revealTokenButton",
            self.tr("Reveal token"),
            self.tr("Shows the access token in plain text while pressed."),
        )
        self.reveal_button.setCheckable(True)
        self.reveal_button.setToolTip(self.tr("Show or hide the token"))
        self.reveal_button.toggled.connect(self._on_reveal)
        self.details_button = QPushButton(self.tr("Details…"), self)
        name(
            self.details_button,
            "tokenDetailsButton",
            self.tr("Token details"),
            self.tr("Opens the server's token answer and copies of its single values."),
        )
        self.details_button.setToolTip(self.tr("The token answer and its values (Ctrl+Shift+D)"))

        self.token_type_label = _value_label("tokenTypeLabel", self)
        self.obtained_label = _value_label("obtainedLabel", self)
        self.expiry_label = _value_label("expiryLabel", self)
        name(self.expiry_label, "expiryLabel", self.tr("Expires"))  # the time: its description
        self.refresh_token_label = _value_label("refreshTokenLabel", self)
        self.last_refresh_label = _value_label("lastRefreshLabel", self)
        self.next_refresh_label = _value_label("nextRefreshLabel", self)
        self.endpoint_caption = label(self.tr("Token URL:"), self)
        self.endpoint_label = _value_label("tokenUrlLabel", self)  # a server may name it
        self._endpoint_of: object = ()  # the settings shown (none yet)

        self.claims_view = FittedTextView(self)  # as tall as the claims: no scroll bar inside
        name(
            self.claims_view,
            "claimsView",
            self.tr("JWT claims"),
            self.tr("The token's decoded claims, one per line, read-only."),
        )
        self.claims_view.setTabChangesFocus(True)
        self.claims_box = CollapsibleSection(self.tr("JWT claims"), self.claims_view, self)
        self.claims_box.setObjectName("claimsBox")
        name(
            self.claims_box.button,
            "claimsToggle",
            self.tr("JWT claims"),
            self.tr("Shows or hides the token's decoded claims."),
        )
        self.claims_box.hide()

        self.refresh_button = self._button(
            self.tr("Refresh now"), "refreshButton", self.tr("Refresh now (F5)")
        )
        self.probe_button = self._button(
            self.tr("Test token"), "probeButton", self.tr("Call the probe endpoint with the token")
        )
        self.copy_token_button = self._button(
            self.tr("Copy token"),
            "copyTokenButton",
            self.tr("Copy the access token (Ctrl+Shift+T)"),
        )
        self.copy_header_button = self._button(
            self.tr("Copy header"),
            "copyHeaderButton",
            self.tr("Copy the Authorization header (Ctrl+Shift+C)"),
        )
        self.copy_curl_button = self._button(
            self.tr("Copy as curl"),
            "copyCurlButton",
            self.tr("Copy a curl command calling the probe endpoint"),
        )

        self.curl_shell_button = QToolButton(self)  # its menu: the shell Copy as curl writes for
        name(
            self.curl_shell_button,
            "curlShellButton",
            self.tr("Shell for Copy as curl"),
            self.tr("Chooses the shell the curl command is written for: bash, cmd or PowerShell."),
        )
        self.curl_shell_button.setToolTip(self.tr("Choose the shell: bash, cmd or PowerShell"))
        self.curl_shell_button.setPopupMode(QToolButton.ToolButtonPopupMode.InstantPopup)
        self.curl_shell_button.setArrowType(Qt.ArrowType.DownArrow)
        self.curl_shell_button.setStyleSheet("QToolButton::menu-indicator { image: none; }")
        self.curl_shell_button.setFocusPolicy(Qt.FocusPolicy.NoFocus)  # keys: Copy menu

        for button, description in (
            (self.refresh_button, self.tr("Renews the token now instead of waiting (F5).")),
            (self.copy_token_button, self.tr("Copies the access token (Ctrl+Shift+T).")),
            (self.copy_header_button, self.tr("Copies the Authorization header (Ctrl+Shift+C).")),
        ):
            name(button, button.objectName(), description=description)  # contract names
        name(
            self.probe_button,
            "probeButton",
            self.tr("Test token"),
            self.tr("Calls the probe endpoint with the token and reports the answer."),
        )
        name(
            self.copy_curl_button,
            "copyCurlButton",
            self.tr("Copy as curl"),
            self.tr("Copies a curl command that calls the probe endpoint with the token."),
        )

        state_row = QHBoxLayout()
        state_row.addWidget(self.state_icon)
        state_row.addWidget(self.state_label, 1)
        token_row = QHBoxLayout()
        token_row.addWidget(self.token_field, 1)
        token_row.addWidget(self.reveal_button)
        details = QFormLayout()
        details.addRow(self.token_caption, token_row)
        details.addRow(self.tr("Token type:"), self.token_type_label)
        details.addRow(self.tr("Obtained at:"), self.obtained_label)
        details.addRow(self.tr("Expires:"), self.expiry_label)
        details.addRow(self.tr("Refresh token:"), self.refresh_token_label)
        details.addRow(self.tr("Last refresh:"), self.last_refresh_label)
        details.addRow(self.tr("Next refresh:"), self.next_refresh_label)
        details.addRow(self.endpoint_caption, self.endpoint_label)
        plain_captions(details)
        self._details = details
        buttons = QGridLayout()
        copy = (self.copy_token_button, self.copy_header_button, self.copy_curl_button)
        # three columns while the words are short (English), two when they are long (Russian),
        # so that the panel still fits beside the form; Details… takes the free cell either way
        columns = 3 if sum(button.sizeHint().width() for button in copy) <= 360 else 2
        first, more = (self.refresh_button, self.probe_button), self.details_button
        order = [*first, more, *copy] if columns == 3 else [*first, *copy, more]
        #: the buttons under the times, in reading (and Tab) order
        self.action_buttons: tuple[QPushButton, ...] = tuple(order)
        curl_cell = QHBoxLayout()  # the curl button with its shell menu right beside it
        curl_cell.setSpacing(0)
        curl_cell.addWidget(self.copy_curl_button)
        curl_cell.addWidget(self.curl_shell_button)
        for i, button in enumerate(order):
            row, column = divmod(i, columns)
            if button is self.copy_curl_button:
                buttons.addLayout(curl_cell, row, column)
            else:
                buttons.addWidget(button, row, column)
        for column in range(columns):
            buttons.setColumnStretch(column, 1)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addLayout(state_row)
        layout.addWidget(self.status_label)
        layout.addLayout(details)
        layout.addWidget(self.claims_box)
        layout.addLayout(buttons)
        layout.addStretch(1)
        self._layout = layout
        self.section_focus: list[QWidget] = []
        self.show_state("signed_out")
        self.show_credentials(None, 0.0)

    def add_section(self, widget: QWidget, focus: list[QWidget]) -> None:
        """Another feature's row below the buttons (the local proxy's); ``focus``: its
        controls in the order Tab visits them, after the panel's own."""
        self._layout.insertWidget(self._layout.count() - 1, widget)
        self.section_focus.extend(focus)

    def _button(self, text: str, object_name: str, tip: str) -> QPushButton:
        button = QPushButton(text, self)
        name(button, object_name)
        button.setToolTip(tip)
        return button

    # -- state -----------------------------------------------------------------------------
    def show_state(
        self, state: KeeperState | str, message: str = "", *, error: bool = False
    ) -> str:
        """Colour, icon and words of ``state``; ``message`` below it. Returns the words."""
        basic = isinstance(self._creds, BasicCredentials)
        words, colour, _kind = fmt.state_look(state, basic=basic)
        self.state_label.setText(words)
        # a style sheet or pixmap set again re-polishes the label and asks the whole panel for
        # a new layout: each answer renders two or three times, so only what changed is set
        _restyle(
            self.state_label, f"color: {theme.colour(colour)}; font-weight: bold; font-size: 13pt;"
        )
        if state != self._icon_of:
            self._icon_of = state
            self.state_icon.setPixmap(state_icon(state).pixmap(ICON_SIZE, ICON_SIZE))
        self.state_icon.setAccessibleName(words)  # the icon says the same as the words
        self.status_label.setText(shown(message, lines=True))
        self.status_label.setAccessibleDescription(self.status_label.text())
        self._error_shown = error
        _restyle(self.status_label, f"color: {theme.colour(fmt.RED)};" if error else "")
        return words

    # -- credentials -----------------------------------------------------------------------
    def credentials(self) -> Credentials | None:
        return self._creds

    def show_credentials(self, creds: Credentials | None, now: float) -> None:
        """Fill the fields for ``creds`` (None clears them and masks the field again)."""
        self._creds = creds
        if creds is None:
            self.token_caption.setText(self.tr("Access token:"))
            self.token_field.clear()
            self.reveal_button.setChecked(False)
            self.token_type_label.setText(DASH)
            self.obtained_label.setText(DASH)
            self.refresh_token_label.setText(DASH)
            self.claims_view.clear()
            self.claims_box.hide()
        elif isinstance(creds, BasicCredentials):
            self.token_caption.setText(self.tr("Header value:"))
            self.token_field.setText(creds.authorization)
            self.token_type_label.setText(
                shown(self.tr("Basic — credentials verified for {login}").format(login=creds.login))
            )
            self.obtained_label.setText(fmt.local_time(creds.obtained_at, now))
            self.refresh_token_label.setText(self.tr("none (Basic has no token)"))
            self.claims_box.hide()
        else:
            self.token_caption.setText(self.tr("Access token:"))
            self.token_field.setText(creds.access_token)
            self.token_field.setCursorPosition(0)
            self.token_type_label.setText(shown(creds.token_type))
            self.obtained_label.setText(fmt.local_time(creds.obtained_at, now))
            self.refresh_token_label.setText(
                self.tr("present")
                if creds.refresh_token
                else self.tr("absent (renewal signs in again)")
            )
            claims = creds.claims()
            self.claims_view.setPlainText(shown(fmt.claims_text(claims, now), lines=True))
            self.claims_box.setVisible(claims is not None)
        self.token_field.setToolTip(self._token_tooltip(creds))

    @staticmethod
    def _token_tooltip(creds: Credentials | None) -> str:
        if isinstance(creds, Token) and creds.warnings:
            return tip("\n".join(creds.warnings))
        return QCoreApplication.translate("TokenPanel", "The token is masked; Reveal shows it")

    def update_times(
        self,
        now: float,
        *,
        next_refresh_at: float | None = None,
        retry_at: float | None = None,
        last_refresh_at: float | None = None,
    ) -> None:
        """Countdown, next and last refresh: called on every keeper tick."""
        self._now = now
        creds = self._creds
        if creds is None:
            for label in (self.expiry_label, self.last_refresh_label, self.next_refresh_label):
                label.setText(DASH)
            self.expiry_label.setAccessibleDescription(self.tr("Expires: not signed in"))
            return
        basic = isinstance(creds, BasicCredentials)
        self.expiry_label.setText(fmt.expiry_text(creds.expires_at, now, basic=basic))
        self.expiry_label.setAccessibleDescription(
            self.tr("Expires: {when}").format(when=self.expiry_label.text())
        )
        self.next_refresh_label.setText(
            fmt.next_refresh_text(next_refresh_at, retry_at, now, basic=basic)
        )
        self.last_refresh_label.setText(fmt.when_text(last_refresh_at, now))

    def show_endpoint(self, settings: ConnectionSettings | None) -> None:
        """Where the session signs in and refreshes (hidden for Basic, which has no token URL)."""
        if settings is self._endpoint_of:
            return  # the same session as on the last tick
        self._endpoint_of = settings
        caption, url, how = self.tr("Token URL:"), "", self.tr("found automatically")
        if settings is not None and settings.method == "session":
            caption, url = self.tr("Session URL:"), settings.remembered_session_url or ""
        elif settings is not None and settings.token_url:
            url, how = settings.endpoints().token_url, self.tr("as entered")
        elif settings is not None:
            url = settings.remembered_token_url or ""
        self.endpoint_caption.setText(caption)
        text = self.tr("{url} ({how})").format(url=url, how=how) if url else DASH
        self.endpoint_label.setText(shown(text))
        basic = settings is not None and settings.method == "basic"
        self._details.setRowVisible(self.endpoint_label, not basic)

    def announce(self) -> str:
        """Have screen readers say the state line, once per change; returns what was said.

        The window calls it when the state changes or an error arrives, not on every tick: the
        countdown is there to read, not to be spoken every second. Errors interrupt.
        """
        parts = [self.state_label.text().rstrip("….") + ".", self.status_label.text()]
        creds = self._creds
        if isinstance(creds, Token) and creds.expires_at is not None and not self._error_shown:
            left = creds.expires_at - self._now
            if left > 0:
                parts.append(self.tr("Token valid for {time}.").format(time=fmt.countdown(left)))
        text = " ".join(part for part in parts if part)
        if text == self._announced:
            return ""
        self._announced = text
        announce(self.status_label, text, assertive=self._error_shown)
        self.stateAnnounced.emit(text)
        return text

    def _on_reveal(self, revealed: bool) -> None:
        mode = QLineEdit.EchoMode.Normal if revealed else QLineEdit.EchoMode.Password
        self.token_field.setEchoMode(mode)
        self.reveal_button.setText(self.tr("Hide") if revealed else self.tr("Reveal"))


def _restyle(widget: QWidget, sheet: str) -> None:
    """``widget``'s style sheet, set only when it changes."""
    if widget.styleSheet() != sheet:
        widget.setStyleSheet(sheet)
