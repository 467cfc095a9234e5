"""The token panel: state at a glance, the masked token, its times and the copy buttons.

The panel only shows what it is given; the window feeds it from the keeper's signals and the
keeper's tick (so the countdown follows the injected clock).
"""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QFormLayout,
    QGridLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPlainTextEdit,
    QPushButton,
    QSizePolicy,
    QStyle,
    QVBoxLayout,
    QWidget,
)

from ..core.redact import redact
from ..core.token import BasicCredentials, Credentials, Token
from . import fmt
from .widgets import CollapsibleSection, name

ICON_SIZE = 20
_ICONS: dict[str, QStyle.StandardPixmap] = {
    "ok": QStyle.StandardPixmap.SP_DialogApplyButton,
    "busy": QStyle.StandardPixmap.SP_BrowserReload,
    "warning": QStyle.StandardPixmap.SP_MessageBoxWarning,
    "error": QStyle.StandardPixmap.SP_MessageBoxCritical,
    "info": QStyle.StandardPixmap.SP_MessageBoxInformation,
}
DASH = "—"


def _value_label(object_name: str, parent: QWidget) -> QLabel:
    label = QLabel(DASH, parent)
    name(label, object_name)
    label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
    return label


class TokenPanel(QWidget):
    """Shows one set of credentials; knows nothing about how they are kept fresh."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._creds: Credentials | None = None

        self.state_icon = QLabel(self)
        name(self.state_icon, "stateIcon")
        self.state_label = QLabel(self)
        name(self.state_label, "stateLabel")
        self.status_label = QLabel(self)
        name(self.status_label, "statusLabel")
        self.status_label.setWordWrap(True)
        # a long error wraps instead of widening the panel (and squeezing the form)
        self.status_label.setSizePolicy(QSizePolicy.Policy.Ignored, QSizePolicy.Policy.Preferred)
        self.status_label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)

        self.token_caption = QLabel("Access token:", self)
        self.token_field = QLineEdit(self)
        name(self.token_field, "accessTokenField")
        self.token_field.setReadOnly(True)
        self.token_field.setEchoMode(QLineEdit.EchoMode.Password)
        self.token_field.setPlaceholderText("not signed in")
        self.reveal_button = QPushButton("Reveal", self)
        name(self.reveal_button, "revealTokenButton")
        self.reveal_button.setCheckable(True)
        self.reveal_button.setToolTip("Show or hide the token")
        self.reveal_button.toggled.connect(self._on_reveal)

        self.token_type_label = _value_label("tokenTypeLabel", self)
        self.obtained_label = _value_label("obtainedLabel", self)
        self.expiry_label = _value_label("expiryLabel", self)
        self.refresh_token_label = _value_label("refreshTokenLabel", self)
        self.last_refresh_label = _value_label("lastRefreshLabel", self)
        self.next_refresh_label = _value_label("nextRefreshLabel", self)

        self.claims_view = QPlainTextEdit(self)
        name(self.claims_view, "claimsView")
        self.claims_view.setReadOnly(True)
        self.claims_view.setMaximumHeight(120)
        self.claims_box = CollapsibleSection("JWT claims", self.claims_view, self)
        name(self.claims_box, "claimsBox")
        self.claims_box.hide()

        self.refresh_button = self._button("Refresh now", "refreshButton", "Refresh now (F5)")
        self.probe_button = self._button(
            "Test token", "probeButton", "Call the probe endpoint with the token"
        )
        self.copy_token_button = self._button(
            "Copy token", "copyTokenButton", "Copy the access token (Ctrl+Shift+T)"
        )
        self.copy_header_button = self._button(
            "Copy header", "copyHeaderButton", "Copy the Authorization header (Ctrl+Shift+C)"
        )
        self.copy_curl_button = self._button(
            "Copy as curl", "copyCurlButton", "Copy a curl command calling the probe endpoint"
        )

        state_row = QHBoxLayout()
        state_row.addWidget(self.state_icon)
        state_row.addWidget(self.state_label, 1)
        token_row = QHBoxLayout()
        token_row.addWidget(self.token_field, 1)
        token_row.addWidget(self.reveal_button)
        details = QFormLayout()
        details.addRow(self.token_caption, token_row)
        details.addRow("Token type:", self.token_type_label)
        details.addRow("Obtained at:", self.obtained_label)
        details.addRow("Expires:", self.expiry_label)
        details.addRow("Refresh token:", self.refresh_token_label)
        details.addRow("Last refresh:", self.last_refresh_label)
        details.addRow("Next refresh:", self.next_refresh_label)
        buttons = QGridLayout()
        buttons.addWidget(self.refresh_button, 0, 0)
        buttons.addWidget(self.probe_button, 0, 1)
        buttons.addWidget(self.copy_token_button, 1, 0)
        buttons.addWidget(self.copy_header_button, 1, 1)
        buttons.addWidget(self.copy_curl_button, 1, 2)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addLayout(state_row)
        layout.addWidget(self.status_label)
        layout.addLayout(details)
        layout.addWidget(self.claims_box)
        layout.addLayout(buttons)
        layout.addStretch(1)
        self.show_state("signed_out")
        self.show_credentials(None, 0.0)

    def _button(self, text: str, object_name: str, tip: str) -> QPushButton:
        button = QPushButton(text, self)
        name(button, object_name)
        button.setToolTip(tip)
        return button

    # -- state -----------------------------------------------------------------------------
    def show_state(self, state: object, message: str = "", *, error: bool = False) -> str:
        """Colour, icon and words of ``state``; ``message`` below it. Returns the words."""
        basic = isinstance(self._creds, BasicCredentials)
        words, colour, icon = fmt.state_look(state, basic=basic)
        self.state_label.setText(words)
        self.state_label.setStyleSheet(f"color: {colour}; font-weight: bold; font-size: 13pt;")
        pixmap = self.style().standardIcon(_ICONS[icon]).pixmap(ICON_SIZE, ICON_SIZE)
        self.state_icon.setPixmap(pixmap)
        self.state_icon.setAccessibleDescription(words)
        self.status_label.setText(redact(message))
        self.status_label.setStyleSheet(f"color: {fmt.RED};" if error else "")
        return words

    # -- credentials -----------------------------------------------------------------------
    def credentials(self) -> Credentials | None:
        return self._creds

    def show_credentials(self, creds: Credentials | None, now: float) -> None:
        """Fill the fields for ``creds`` (None clears them and masks the field again)."""
        self._creds = creds
        if creds is None:
            self.token_caption.setText("Access token:")
            self.token_field.clear()
            self.reveal_button.setChecked(False)
            self.token_type_label.setText(DASH)
            self.obtained_label.setText(DASH)
            self.refresh_token_label.setText(DASH)
            self.claims_view.clear()
            self.claims_box.hide()
        elif isinstance(creds, BasicCredentials):
            self.token_caption.setText("Header value:")
            self.token_field.setText(creds.authorization)
            self.token_type_label.setText(f"Basic — {fmt.BASIC_VERIFIED.lower()} for {creds.login}")
            self.obtained_label.setText(fmt.local_time(creds.obtained_at, now))
            self.refresh_token_label.setText("none (Basic has no token)")
            self.claims_box.hide()
        else:
            self.token_caption.setText("Access token:")
            self.token_field.setText(creds.access_token)
            self.token_field.setCursorPosition(0)
            self.token_type_label.setText(creds.token_type)
            self.obtained_label.setText(fmt.local_time(creds.obtained_at, now))
            self.refresh_token_label.setText(
                "present" if creds.refresh_token else "absent (renewal signs in again)"
            )
            claims = creds.claims()
            self.claims_view.setPlainText(fmt.claims_text(claims, now))
            self.claims_box.setVisible(claims is not None)
        self.token_field.setToolTip(self._token_tooltip(creds))

    @staticmethod
    def _token_tooltip(creds: Credentials | None) -> str:
        if isinstance(creds, Token) and creds.warnings:
            return "\n".join(creds.warnings)
        return "The token is masked; Reveal shows it"

    def update_times(
        self,
        now: float,
        *,
        next_refresh_at: float | None = None,
        retry_at: float | None = None,
        last_refresh_at: float | None = None,
    ) -> None:
        """Countdown, next and last refresh: called on every keeper tick."""
        creds = self._creds
        if creds is None:
            for label in (self.expiry_label, self.last_refresh_label, self.next_refresh_label):
                label.setText(DASH)
            return
        basic = isinstance(creds, BasicCredentials)
        self.expiry_label.setText(fmt.expiry_text(creds.expires_at, now, basic=basic))
        self.next_refresh_label.setText(
            fmt.next_refresh_text(next_refresh_at, retry_at, now, basic=basic)
        )
        self.last_refresh_label.setText(fmt.when_text(last_refresh_at, now))

    def _on_reveal(self, revealed: bool) -> None:
        mode = QLineEdit.EchoMode.Normal if revealed else QLineEdit.EchoMode.Password
        self.token_field.setEchoMode(mode)
        self.reveal_button.setText("Hide" if revealed else "Reveal")
