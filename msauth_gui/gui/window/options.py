"""The "Advanced" connection settings: OAuth client, token URL, Basic's spelling, probe path,
TLS and timeout.

The token URL is found automatically when the field is empty; typing one turns that off.

Signing in again with the password is not here: it is an application preference, set in
Settings (:mod:`.settings`), the one place for it.
"""

from __future__ import annotations

import os

from PySide6.QtCore import QCoreApplication, Signal
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QFormLayout,
    QHBoxLayout,
    QLineEdit,
    QPushButton,
    QSizePolicy,
    QSpinBox,
    QWidget,
)

from ...core.basic import BasicEncoding
from ...core.client import DEFAULT_CLIENT_ID, DEFAULT_CLIENT_SECRET, DEFAULT_TIMEOUT
from ...core.endpoints import DEFAULT_PROBE_PATH
from ...core.translate import QT_TRANSLATE_NOOP
from ..plain import label as plain_label
from ..plain import plain_captions
from ..widgets import error_label, name

#: (English label, encoding); shown as ``QCoreApplication.translate("ConnectionOptions", label)``
BASIC_ITEMS: tuple[tuple[str, BasicEncoding], ...] = (
    (QT_TRANSLATE_NOOP("ConnectionOptions", "base64 (RFC 7617)"), "base64"),
    (QT_TRANSLATE_NOOP("ConnectionOptions", "raw login:password"), "raw"),
)


def ask_ca_file(parent: QWidget, start: str) -> str:
    """Ask for a CA certificate file; "" when cancelled (tests patch this)."""
    from ..prompts import FileDialog  # on first use: no dialog is part of the first paint

    dialog = FileDialog(
        parent,
        QCoreApplication.translate("ConnectionOptions", "CA certificate bundle"),
        start,
        QCoreApplication.translate(
            "ConnectionOptions", "Certificates (*.pem *.crt *.cer);;All files (*)"
        ),
        save=False,
    )
    path, _ = dialog.ask()
    return path


class ConnectionOptions(QWidget):
    """The fields behind "Advanced"; the sign-in form validates and reads them."""

    caBundleChosen = Signal(str)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.client_id_edit = QLineEdit(DEFAULT_CLIENT_ID, self)
        name(
            self.client_id_edit,
            "clientIdEdit",
            self.tr("Client id"),
            self.tr("OAuth client id; the vendor's example is 123."),
        )
        self.client_secret_edit = QLineEdit(DEFAULT_CLIENT_SECRET, self)
        name(
            self.client_secret_edit,
            "clientSecretEdit",
            self.tr("Client secret"),
            self.tr("OAuth client secret; hidden unless edited. The example is user."),
        )
        self.client_secret_edit.setEchoMode(QLineEdit.EchoMode.PasswordEchoOnEdit)
        self.token_url_edit = QLineEdit(self)
        name(
            self.token_url_edit,
            "tokenUrlEdit",
            self.tr("Token URL"),
            self.tr(
                "Where OAuth tokens come from; empty means found automatically on the server. "
                "Typing a URL turns that off."
            ),
        )
        self.token_url_edit.setPlaceholderText(self.tr("found automatically"))
        self.basic_combo = QComboBox(self)
        basic_help = self.tr(
            "How Basic sends the login and password: base64 (the standard) or raw "
            "login:password, for a server that accepts only the form the vendor page prints."
        )
        name(self.basic_combo, "basicEncodingCombo", self.tr("Basic spelling"), basic_help)
        self.basic_combo.setToolTip(basic_help)
        for label, encoding in BASIC_ITEMS:
            self.basic_combo.addItem(self.tr(label), encoding)
        # as wide as the fields around it, never wider: a long translation must not widen the form
        self.basic_combo.setSizeAdjustPolicy(
            QComboBox.SizeAdjustPolicy.AdjustToMinimumContentsLengthWithIcon
        )
        self.basic_combo.setMinimumContentsLength(16)
        self.basic_combo.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Fixed)
        self.token_url_error = error_label("tokenUrlError", self)
        self.probe_path_edit = QLineEdit(self)
        name(
            self.probe_path_edit,
            "probePathEdit",
            self.tr("Probe path"),
            self.tr("The API path called to check a token; empty means the default."),
        )
        self.probe_path_edit.setPlaceholderText(DEFAULT_PROBE_PATH)
        self.ca_bundle_edit = QLineEdit(self)
        name(
            self.ca_bundle_edit,
            "caBundleEdit",
            self.tr("CA bundle"),
            self.tr("File of CA certificates to trust; empty means the system certificates."),
        )
        self.ca_bundle_edit.setPlaceholderText(self.tr("system certificates"))
        self.ca_bundle_button = QPushButton(self.tr("Browse…"), self)
        name(
            self.ca_bundle_button,
            "caBundleButton",
            self.tr("Browse for CA bundle"),
            self.tr("Opens a file dialog to choose the CA certificate file."),
        )
        self.ca_bundle_button.clicked.connect(self._on_browse)
        self.ca_bundle_error = error_label("caBundleError", self)
        self.verify_tls = QCheckBox(self.tr("&Verify TLS certificates"), self)
        name(
            self.verify_tls,
            "verifyTlsCheck",
            self.tr("Verify TLS certificates"),
            self.tr("Unchecking it shows a warning: anyone on the network could read secrets."),
        )
        self.verify_tls.setChecked(True)
        self.timeout_spin = QSpinBox(self)
        name(
            self.timeout_spin,
            "timeoutSpin",
            self.tr("Timeout"),
            self.tr("Seconds to wait for the server's answer to each request."),
        )
        self.timeout_spin.setRange(1, 600)
        self.timeout_spin.setValue(round(DEFAULT_TIMEOUT))
        self.timeout_spin.setSuffix(self.tr(" s"))

        ca_row = QHBoxLayout()
        ca_row.addWidget(self.ca_bundle_edit, 1)
        ca_row.addWidget(self.ca_bundle_button)
        # the OAuth client's id and secret side by side: a pair, and one row less to fit a laptop
        client_row = QHBoxLayout()
        client_row.addWidget(self.client_id_edit, 2)
        secret_label = plain_label(self.tr("Client s&ecret:"), self)
        secret_label.setBuddy(self.client_secret_edit)
        client_row.addWidget(secret_label)
        client_row.addWidget(self.client_secret_edit, 3)
        id_label = plain_label(self.tr("Client &id:"), self)
        id_label.setBuddy(self.client_id_edit)
        form = QFormLayout(self)
        form.setContentsMargins(16, 0, 0, 0)
        form.setFieldGrowthPolicy(QFormLayout.FieldGrowthPolicy.ExpandingFieldsGrow)
        form.addRow(id_label, client_row)
        form.addRow(self.tr("Token &URL:"), self.token_url_edit)
        form.addRow(self.token_url_error)
        form.addRow(self.tr("Basic spellin&g:"), self.basic_combo)
        form.addRow(self.tr("Pro&be path:"), self.probe_path_edit)
        ca_label = plain_label(self.tr("CA bun&dle:"), self)
        ca_label.setBuddy(self.ca_bundle_edit)
        form.addRow(ca_label, ca_row)
        form.addRow(self.ca_bundle_error)
        form.addRow("", self.verify_tls)
        form.addRow(self.tr("Time&out:"), self.timeout_spin)
        plain_captions(form)

    def basic_encoding(self) -> BasicEncoding:
        return "raw" if self.basic_combo.currentData() == "raw" else "base64"

    def set_basic_encoding(self, encoding: str) -> None:
        self.basic_combo.setCurrentIndex(max(0, self.basic_combo.findData(encoding)))

    def _on_browse(self) -> None:
        start = os.path.dirname(self.ca_bundle_edit.text().strip()) or os.path.expanduser("~")
        path = ask_ca_file(self, start)
        if path:
            self.ca_bundle_edit.setText(path)
            self.caBundleChosen.emit(path)
