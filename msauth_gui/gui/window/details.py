"""Token details: the server's token answer as it came, and the single values integrators paste.

The answer is kept in memory only, on the :class:`~msauth_gui.core.token.Token` it became, and is
shown redacted (:func:`~msauth_gui.core.redact.redact`, the one redaction function) until "Show
secrets" is ticked; it is plain text in a read-only view, never markup, with control and bidi
characters written as escapes (:func:`~msauth_gui.core.visible.visible`). The buttons copy the
refresh token, the seconds left (``expires_in``), the expiry as ISO 8601 and the
``Authorization`` value alone (``Bearer …``), each through the window's secret clipboard. The
dialog is built on first use and hides the secrets again whenever it is closed.
"""

from __future__ import annotations

import math
from collections.abc import Callable

from PySide6.QtCore import Qt
from PySide6.QtGui import QHideEvent, QTextOption
from PySide6.QtWidgets import (
    QCheckBox,
    QDialog,
    QDialogButtonBox,
    QGridLayout,
    QLabel,
    QPlainTextEdit,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from ...core.redact import redact_start
from ...core.token import Credentials, Token
from ...core.translate import number
from ...core.visible import visible
from .. import fmt
from ..prompts import name_stock_controls
from ..timers import Clock
from ..widgets import name

Copy = Callable[[str, str], None]  #: copy(text, what): the window's secret clipboard
DASH = "—"
#: characters of the answer shown (the rest is counted)
MAX_SHOWN = 16 * 1024


class TokenDetailsDialog(QDialog):
    """Shows one set of credentials in detail; :meth:`show_credentials` follows the keeper."""

    def __init__(self, copy: Copy, clock: Clock, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("tokenDetailsDialog")
        self.setWindowTitle(self.tr("Token details"))
        self._copy, self._clock = copy, clock
        self._creds: Credentials | None = None
        self.caption = QLabel(self)
        self.caption.setObjectName("tokenAnswerCaption")
        self.caption.setTextFormat(Qt.TextFormat.PlainText)
        self.caption.setWordWrap(True)
        self.answer_view = QPlainTextEdit(self)
        name(
            self.answer_view,
            "tokenAnswerView",
            self.tr("Token answer"),
            self.tr("The server's answer to the last sign-in or refresh, read-only."),
        )
        self.answer_view.setReadOnly(True)
        self.answer_view.setTabChangesFocus(True)
        self.answer_view.setWordWrapMode(QTextOption.WrapMode.WrapAtWordBoundaryOrAnywhere)
        self.caption.setBuddy(self.answer_view)
        self.reveal_check = QCheckBox(self.tr("&Show secrets"), self)
        name(
            self.reveal_check,
            "revealAnswerCheck",
            self.tr("Show secrets"),
            self.tr("Shows the tokens in the answer; they are hidden again when you close this."),
        )
        self.reveal_check.toggled.connect(self._show_answer)
        self.expiry_label = QLabel(self)
        self.expiry_label.setObjectName("expiryIsoLabel")  # screen readers read its text
        self.expiry_label.setTextFormat(Qt.TextFormat.PlainText)
        self.expiry_label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.copy_refresh_button = self._button(
            self.tr("Copy &refresh token"), "copyRefreshTokenButton",
            self.tr("Copies the refresh token: it gets new access tokens without the password."),
        )  # fmt: skip
        self.copy_expires_in_button = self._button(
            self.tr("Copy &expires_in"), "copyExpiresInButton",
            self.tr("Copies the seconds the token has left now, as a number."),
        )  # fmt: skip
        self.copy_expiry_button = self._button(
            self.tr("Copy expiry &time"), "copyExpiryButton",
            self.tr("Copies when the token expires, in ISO 8601 with the UTC offset."),
        )  # fmt: skip
        self.copy_value_button = self._button(
            self.tr("Copy “{scheme} …” &value").format(scheme="Bearer"), "copyBearerValueButton",
            self.tr("Copies the Authorization header's value without the header name."),
        )  # fmt: skip
        self.copy_refresh_button.clicked.connect(self._copy_refresh_token)
        self.copy_expires_in_button.clicked.connect(self._copy_expires_in)
        self.copy_expiry_button.clicked.connect(self._copy_expiry)
        self.copy_value_button.clicked.connect(self._copy_value)
        close = QDialogButtonBox(QDialogButtonBox.StandardButton.Close, self)
        close.rejected.connect(self.reject)
        buttons = QGridLayout()
        for i, button in enumerate(self.buttons()):
            buttons.addWidget(button, i // 2, i % 2)
        layout = QVBoxLayout(self)
        layout.addWidget(self.caption)
        layout.addWidget(self.answer_view, 1)
        layout.addWidget(self.reveal_check)
        layout.addWidget(self.expiry_label)
        layout.addLayout(buttons)
        layout.addWidget(close)
        name_stock_controls(close)
        self.resize(560, 420)
        self.show_credentials(None)

    def _button(self, text: str, object_name: str, description: str) -> QPushButton:
        button = QPushButton(text, self)
        name(button, object_name, description=description)
        button.setAccessibleName(text.replace("&", ""))
        button.setToolTip(description)
        button.setAutoDefault(False)
        return button

    def buttons(self) -> tuple[QPushButton, ...]:
        return (self.copy_refresh_button, self.copy_expires_in_button, self.copy_expiry_button,
                self.copy_value_button)  # fmt: skip

    # -- what is shown -----------------------------------------------------------------------
    def show_credentials(self, creds: Credentials | None) -> None:
        """Show ``creds`` (None: signed out); the answer stays hidden unless shown already."""
        self._creds = creds
        token = creds if isinstance(creds, Token) else None
        if creds is None:
            self.caption.setText(self.tr("Not signed in: there is no token to show."))
        elif token is None:
            basic = self.tr("Basic sign-in has no token answer: the header is the credential.")
            self.caption.setText(basic)
        if creds is None:
            self.reveal_check.setChecked(False)
        self.reveal_check.setEnabled(bool(token and token.raw))
        self._show_answer()
        expires_at = creds.expires_at if creds is not None else None
        expiry = fmt.iso_time(expires_at) if expires_at is not None else DASH
        self.expiry_label.setText(self.tr("Expires: {time}").format(time=expiry))
        self.copy_refresh_button.setEnabled(bool(token and token.refresh_token))
        self.copy_expires_in_button.setEnabled(expires_at is not None)
        self.copy_expiry_button.setEnabled(expires_at is not None)
        self.copy_value_button.setEnabled(creds is not None)
        scheme = creds.authorization.split(" ", 1)[0] if creds is not None else "Bearer"
        label = self.tr("Copy “{scheme} …” &value").format(scheme=scheme)
        self.copy_value_button.setText(label)
        self.copy_value_button.setAccessibleName(label.replace("&", ""))

    def _show_answer(self) -> None:
        token = self._creds if isinstance(self._creds, Token) else None
        if token is None:
            self.answer_view.setPlainText("")
            return
        shown = self.reveal_check.isChecked()
        if shown:
            caption = self.tr("The server's answer to the last sign-in or refresh, as received:")
        else:
            caption = self.tr("The server's answer to the last sign-in or refresh, secrets hidden:")
        self.caption.setText(caption)
        if not token.raw:
            self.answer_view.setPlainText(self.tr("(the answer was not kept)"))
            return
        # a megabyte of answer in one line kept the window's thread busy for a second
        answer = token.raw[:MAX_SHOWN] if shown else redact_start(token.raw, MAX_SHOWN)
        if len(token.raw) > MAX_SHOWN:
            more = self.tr("… (the first {shown} of {size} characters)")
            answer += more.format(shown=number(MAX_SHOWN), size=number(len(token.raw)))
        self.answer_view.setPlainText(visible(answer, keep="\n\r\t"))  # bidi, controls: escaped

    def hideEvent(self, event: QHideEvent) -> None:
        self.reveal_check.setChecked(False)  # the next look starts hidden again
        super().hideEvent(event)

    # -- copies ------------------------------------------------------------------------------
    def _copy_refresh_token(self) -> None:
        if isinstance(self._creds, Token) and self._creds.refresh_token:
            self._copy(self._creds.refresh_token, self.tr("Refresh token"))

    def _copy_expires_in(self) -> None:
        if self._creds is not None and self._creds.expires_at is not None:
            left = max(0, math.floor(self._creds.expires_at - self._clock()))
            self._copy(str(left), "expires_in")

    def _copy_expiry(self) -> None:
        if self._creds is not None and self._creds.expires_at is not None:
            self._copy(fmt.iso_time(self._creds.expires_at), self.tr("Expiry time"))

    def _copy_value(self) -> None:
        if self._creds is not None:
            self._copy(self._creds.authorization, self.tr("Authorization value"))
