"""The "Advanced" connection settings: OAuth client, token URL, probe path, TLS and timeout."""

from __future__ import annotations

import os

from PySide6.QtCore import Signal
from PySide6.QtWidgets import (
    QCheckBox,
    QFileDialog,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QSpinBox,
    QWidget,
)

from ..core.endpoints import DEFAULT_PROBE_PATH
from .widgets import error_label, name

DEFAULT_CLIENT_ID = "123"  # the vendor page's example; same as core.client's defaults
DEFAULT_CLIENT_SECRET = "user"
DEFAULT_TIMEOUT_S = 15


def ask_ca_file(parent: QWidget, start: str) -> str:
    """Ask for a CA certificate file; "" when cancelled (tests patch this)."""
    path, _ = QFileDialog.getOpenFileName(
        parent, "CA certificate bundle", start, "Certificates (*.pem *.crt *.cer);;All files (*)"
    )
    return path


class ConnectionOptions(QWidget):
    """The fields behind "Advanced"; the sign-in form validates and reads them."""

    caBundleChosen = Signal(str)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.client_id_edit = QLineEdit(DEFAULT_CLIENT_ID, self)
        name(self.client_id_edit, "clientIdEdit")
        self.client_secret_edit = QLineEdit(DEFAULT_CLIENT_SECRET, self)
        name(self.client_secret_edit, "clientSecretEdit")
        self.client_secret_edit.setEchoMode(QLineEdit.EchoMode.PasswordEchoOnEdit)
        self.token_url_edit = QLineEdit(self)
        name(self.token_url_edit, "tokenUrlEdit")
        self.token_url_edit.setPlaceholderText("{server}/oauth/token")
        self.token_url_error = error_label("tokenUrlError", self)
        self.probe_path_edit = QLineEdit(self)
        name(self.probe_path_edit, "probePathEdit")
        self.probe_path_edit.setPlaceholderText(DEFAULT_PROBE_PATH)
        self.ca_bundle_edit = QLineEdit(self)
        name(self.ca_bundle_edit, "caBundleEdit")
        self.ca_bundle_edit.setPlaceholderText("system certificates")
        self.ca_bundle_button = QPushButton("Browse…", self)
        name(self.ca_bundle_button, "caBundleButton")
        self.ca_bundle_button.clicked.connect(self._on_browse)
        self.ca_bundle_error = error_label("caBundleError", self)
        self.verify_tls = QCheckBox("Verify TLS certificates", self)
        name(self.verify_tls, "verifyTlsCheck")
        self.verify_tls.setChecked(True)
        self.timeout_spin = QSpinBox(self)
        name(self.timeout_spin, "timeoutSpin")
        self.timeout_spin.setRange(1, 600)
        self.timeout_spin.setValue(DEFAULT_TIMEOUT_S)
        self.timeout_spin.setSuffix(" s")
        self.allow_resign = QCheckBox(
            "Sign in again with the remembered password when needed", self
        )
        name(self.allow_resign, "allowResignCheck")
        self.allow_resign.setChecked(True)

        ca_row = QHBoxLayout()
        ca_row.addWidget(self.ca_bundle_edit, 1)
        ca_row.addWidget(self.ca_bundle_button)
        form = QFormLayout(self)
        form.setContentsMargins(16, 0, 0, 0)
        form.setFieldGrowthPolicy(QFormLayout.FieldGrowthPolicy.ExpandingFieldsGrow)
        form.addRow("Client id:", self.client_id_edit)
        form.addRow("Client secret:", self.client_secret_edit)
        form.addRow("Token URL:", self.token_url_edit)
        form.addRow("", self.token_url_error)
        form.addRow("Probe path:", self.probe_path_edit)
        ca_label = QLabel("CA bundle:", self)
        ca_label.setBuddy(self.ca_bundle_edit)
        form.addRow(ca_label, ca_row)
        form.addRow("", self.ca_bundle_error)
        form.addRow("", self.verify_tls)
        form.addRow("Timeout:", self.timeout_spin)
        form.addRow("", self.allow_resign)

    def _on_browse(self) -> None:
        start = os.path.dirname(self.ca_bundle_edit.text().strip()) or os.path.expanduser("~")
        path = ask_ca_file(self, start)
        if path:
            self.ca_bundle_edit.setText(path)
            self.caBundleChosen.emit(path)
