"""The sign-in form: server, account, method and the "Advanced" connection settings.

It validates as you type (an empty login, an unparsable server URL, a relative token URL, a
missing CA file) and says what is wrong next to the field once it was edited or a sign-in was
tried; Sign in stays disabled while anything is wrong. Enter in any field asks to sign in.
"""

from __future__ import annotations

import os
from dataclasses import replace
from typing import TYPE_CHECKING

from PySide6.QtCore import Signal
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QFormLayout,
    QHBoxLayout,
    QLineEdit,
    QPushButton,
    QSizePolicy,
    QVBoxLayout,
    QWidget,
)

from ...core.client import DEFAULT_CLIENT_SECRET
from ...core.endpoints import build_endpoints
from ...core.errors import InvalidInput
from ...core.profiles import Profile
from ...core.translate import QT_TRANSLATE_NOOP
from ..fmt import RED
from ..plain import label as plain_label
from ..plain import plain_captions
from ..theme import colour
from ..widgets import CollapsibleSection, error_label, name, show_error
from .options import ConnectionOptions

if TYPE_CHECKING:
    from ...core.client import ConnectionSettings

#: (English label, method); shown as ``QCoreApplication.translate("SignInForm", label)``
METHOD_ITEMS: tuple[tuple[str, str], ...] = (
    (QT_TRANSLATE_NOOP("SignInForm", "Basic"), "basic"),
    (QT_TRANSLATE_NOOP("SignInForm", "Session (GET)"), "session"),
    (QT_TRANSLATE_NOOP("SignInForm", "OAuth password"), "oauth"),
)
MAX_RECENT = 10
TLS_WARNING = QT_TRANSLATE_NOOP(
    "SignInForm",
    "⚠ TLS verification is off: anyone on the network path can read the password and the "
    "token. Use this only for a test server.",
)


def _detail(error: InvalidInput) -> str:
    text = str(error.params.get("detail") or error.message)
    return text[:1].upper() + text[1:] + ("" if text.endswith(".") else ".")


class SignInForm(QWidget):
    """Fields and validation; the window owns the actions."""

    submitted = Signal()  #: Enter pressed in a field (or Sign in clicked)
    validityChanged = Signal(bool)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._touched: set[str] = set()
        self._valid = False

        self.server_edit = QComboBox(self)
        name(
            self.server_edit,
            "serverEdit",
            self.tr("Server"),
            self.tr("Server URL, for example https://host:9000; the list holds recent servers."),
        )
        self.server_edit.setEditable(True)
        self.server_edit.setInsertPolicy(QComboBox.InsertPolicy.NoInsert)
        self.server_edit.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Fixed)
        self.server_edit.setMinimumContentsLength(28)
        server_line = self.server_edit.lineEdit()
        assert server_line is not None  # an editable combo box has its line edit
        server_line.setPlaceholderText("https://host:9000")
        self.server_edit.setToolTip(
            self.tr(
                "https://host:9000, http://host:9706, …/api/v1, …/MobileSMARTS/api/v1 or host:9000"
            )
        )
        self.server_error = error_label("serverError", self)
        self.login_edit = QLineEdit(self)
        name(self.login_edit, "loginEdit", self.tr("Login"), self.tr("Login of the account."))
        self.login_error = error_label("loginError", self)
        self.password_edit = QLineEdit(self)
        name(
            self.password_edit,
            "passwordEdit",
            self.tr("Password"),
            self.tr("Password of the account; not shown. Toggle Show to see it."),
        )
        self.password_edit.setEchoMode(QLineEdit.EchoMode.Password)
        self.show_password = QCheckBox(self.tr("Show"), self)
        name(
            self.show_password,
            "showPasswordCheck",
            self.tr("Show password"),
            self.tr("Shows the password in plain text while checked."),
        )
        self.show_password.toggled.connect(self._on_show_password)
        self.method_combo = QComboBox(self)
        name(
            self.method_combo,
            "methodCombo",
            self.tr("Sign-in method"),
            self.tr("Sign-in method: Basic, Session (GET) or OAuth password."),
        )
        for label, data in METHOD_ITEMS:
            self.method_combo.addItem(self.tr(label), data)
        self.method_combo.setCurrentIndex(self.method_combo.findData("oauth"))

        self.options = ConnectionOptions(self)
        self._alias_options()
        self.advanced = CollapsibleSection(self.tr("&Advanced"), self.options, self)
        self.advanced.setObjectName("advancedBox")
        name(
            self.advanced.button,
            "advancedToggle",
            self.tr("Advanced settings"),
            self.tr(
                "Shows or hides the client id and secret, token URL, Basic spelling, probe path, "
                "CA bundle, TLS verification and timeout."
            ),
        )
        self.tls_warning = plain_label(self.tr(TLS_WARNING), self, object_name="tlsWarningLabel")
        self.tls_warning.setWordWrap(True)
        self.tls_warning.setStyleSheet(
            f"color: {colour(RED)}; font-weight: bold; border: 1px solid {colour(RED)}; "
            "padding: 4px;"
        )
        self.tls_warning.hide()

        self._build_buttons()
        password_row = QHBoxLayout()
        password_row.addWidget(self.password_edit, 1)
        password_row.addWidget(self.show_password)
        form = QFormLayout()
        self.fields = form  #: the window adds rows (the keyring options) under Method
        form.setFieldGrowthPolicy(QFormLayout.FieldGrowthPolicy.ExpandingFieldsGrow)
        form.addRow(self.tr("&Server:"), self.server_edit)
        form.addRow(self.server_error)  # the whole width: never squeezed into a narrow column
        form.addRow(self.tr("&Login:"), self.login_edit)
        form.addRow(self.login_error)
        password_label = plain_label(self.tr("&Password:"), self)
        password_label.setBuddy(self.password_edit)
        form.addRow(password_label, password_row)
        form.addRow(self.tr("&Method:"), self.method_combo)
        plain_captions(form)
        buttons = QHBoxLayout()
        buttons.addWidget(self.check_button)
        buttons.addStretch(1)
        buttons.addWidget(self.sign_out_button)
        buttons.addWidget(self.sign_in_button)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addLayout(form)
        layout.addWidget(self.advanced)
        layout.addWidget(self.tls_warning)
        layout.addLayout(buttons)
        layout.addStretch(1)

        self._connect_fields(server_line)
        self.validate()

    def _build_buttons(self) -> None:
        self.sign_in_button = QPushButton(self.tr("Sign in"), self)
        name(
            self.sign_in_button,
            "signInButton",
            description=self.tr("Signs in with the server, account and method above (Enter)."),
        )
        self.sign_in_button.setToolTip(self.tr("Sign in (Enter)"))
        self.sign_in_button.setDefault(True)  # drawn as the main action
        self.sign_out_button = QPushButton(self.tr("Sign out"), self)
        name(
            self.sign_out_button,
            "signOutButton",
            description=self.tr("Signs out and forgets the token and the password."),
        )
        self.sign_out_button.setToolTip(self.tr("Sign out and forget the token"))
        self.sign_in_button.clicked.connect(self.submitted)
        self.check_button = QPushButton(self.tr("Check server"), self)  # the window connects it
        name(
            self.check_button,
            "checkServerButton",
            self.tr("Check server"),
            self.tr("Diagnoses the server's sign-in set-up in a separate window (Ctrl+K)."),
        )
        self.check_button.setToolTip(self.tr("Diagnose the server's sign-in set-up (Ctrl+K)"))

    def _connect_fields(self, server_line: QLineEdit) -> None:
        """Validate as the fields change; Enter in any of them asks to sign in."""
        edits = {
            "server": server_line,
            "login": self.login_edit,
            "tokenUrl": self.token_url_edit,
            "probePath": self.probe_path_edit,
            "caBundle": self.ca_bundle_edit,
        }
        for key, edit in edits.items():
            edit.textEdited.connect(lambda _text, key=key: self._touch(key))
            edit.textChanged.connect(self.validate)
        for edit in (*edits.values(), self.password_edit, self.client_id_edit):
            edit.returnPressed.connect(self.submitted)
        self.client_secret_edit.returnPressed.connect(self.submitted)
        self.server_edit.currentTextChanged.connect(self.validate)
        self.verify_tls.toggled.connect(self._on_verify_toggled)

    def _alias_options(self) -> None:
        """The Advanced fields, reachable from the form as before."""
        options = self.options
        self.client_id_edit = options.client_id_edit
        self.client_secret_edit = options.client_secret_edit
        self.token_url_edit = options.token_url_edit
        self.token_url_error = options.token_url_error
        self.probe_path_edit = options.probe_path_edit
        self.ca_bundle_edit = options.ca_bundle_edit
        self.ca_bundle_error = options.ca_bundle_error
        self.verify_tls = options.verify_tls
        self.timeout_spin = options.timeout_spin
        options.caBundleChosen.connect(lambda: self._touch("caBundle"))

    # -- values ----------------------------------------------------------------------------
    def server(self) -> str:
        return self.server_edit.currentText().strip()

    def login(self) -> str:
        return self.login_edit.text().strip()

    def password(self) -> str:
        return self.password_edit.text()

    def method(self) -> str:
        return str(self.method_combo.currentData())

    def settings(self) -> ConnectionSettings:
        from ...core.client import ConnectionSettings  # pulls in requests: only when signing in

        method = self.method()
        if method not in ("basic", "session", "oauth"):
            method = "oauth"
        return ConnectionSettings(
            server=self.server(),
            method=method,  # type: ignore[arg-type]  # checked just above
            client_id=self.client_id_edit.text().strip(),
            client_secret=self.client_secret_edit.text(),
            token_url=self.token_url_edit.text().strip() or None,
            basic_encoding=self.options.basic_encoding(),
            probe_path=self.probe_path_edit.text().strip() or None,
            verify_tls=self.verify_tls.isChecked(),
            ca_bundle=self.ca_bundle_edit.text().strip() or None,
            timeout=float(self.timeout_spin.value()),
        )

    def fill(
        self,
        *,
        server: str | None = None,
        login: str | None = None,
        password: str | None = None,
        method: str | None = None,
    ) -> None:
        """Pre-fill fields (command line, demo mode); None leaves a field as it is."""
        if server is not None:
            self.server_edit.setEditText(server)
        if login is not None:
            self.login_edit.setText(login)
        if password is not None:
            self.password_edit.setText(password)
        if method is not None:
            index = self.method_combo.findData(method)
            if index < 0:
                raise ValueError(f"unknown method {method!r}")
            self.method_combo.setCurrentIndex(index)
        self.validate()

    def client_secret(self) -> str:
        return self.client_secret_edit.text()

    def set_secrets(self, password: str | None, client_secret: str | None) -> None:
        """Fill in what the keyring had; None or "" leaves a field as it is."""
        if password:
            self.password_edit.setText(password)
        if client_secret:
            self.client_secret_edit.setText(client_secret)

    # -- profiles --------------------------------------------------------------------------
    def show_profile(self, profile: Profile) -> None:
        """Show ``profile``: its fields, an empty password and the default client secret; no
        field's message shows before the operator types (a new profile is empty, not wrong)."""
        self._touched.clear()
        self.fill(server=profile.server, login=profile.login, password="", method=profile.method)
        self.client_id_edit.setText(profile.client_id)
        self.client_secret_edit.setText(DEFAULT_CLIENT_SECRET)
        self.token_url_edit.setText(profile.token_url)
        self.options.set_basic_encoding(profile.basic_encoding)
        self.probe_path_edit.setText(profile.probe_path)
        self.ca_bundle_edit.setText(profile.ca_bundle)
        self.verify_tls.setChecked(profile.verify_tls)
        self.timeout_spin.setValue(round(profile.timeout))
        self.validate()

    def to_profile(self, profile: Profile) -> Profile:
        """``profile`` with the form's non-secret fields (the password never goes in)."""
        settings = self.settings()
        return replace(
            profile,
            server=settings.server,
            method=settings.method,
            login=self.login(),
            client_id=settings.client_id,
            token_url=settings.token_url or "",
            basic_encoding=settings.basic_encoding,
            probe_path=settings.probe_path or "",
            verify_tls=settings.verify_tls,
            ca_bundle=settings.ca_bundle or "",
            timeout=settings.timeout,
        )

    def recent_servers(self) -> list[str]:
        return [self.server_edit.itemText(i) for i in range(self.server_edit.count())]

    def set_recent_servers(self, servers: list[str]) -> None:
        current = self.server_edit.currentText()
        self.server_edit.blockSignals(True)
        self.server_edit.clear()
        self.server_edit.addItems([s for s in servers if s][:MAX_RECENT])
        self.server_edit.setEditText(current)
        self.server_edit.blockSignals(False)

    def remember_server(self, server: str) -> bool:
        """Put ``server`` first in the recent list; False when it already was first."""
        recent = self.recent_servers()
        if recent[:1] == [server]:
            return False  # every background refresh lands here: do not disturb typing
        self.set_recent_servers([server] + [s for s in recent if s != server])
        return True

    # -- validation ------------------------------------------------------------------------
    def is_valid(self) -> bool:
        return self._valid

    def reveal_errors(self) -> None:
        """Show every field's message, as after editing each field (used when Enter is pressed)."""
        self._touched.update({"server", "login", "tokenUrl", "probePath", "caBundle"})
        self.validate()

    def errors(self) -> dict[str, str]:
        """Field key -> what is wrong with it; empty when the form can be sent."""
        found: dict[str, str] = {}
        try:
            build_endpoints(
                self.server(),
                self.token_url_edit.text().strip() or None,
                self.probe_path_edit.text().strip() or None,
            )
        except InvalidInput as exc:
            key = "tokenUrl" if exc.params.get("field") == "Token URL" else "server"
            found[key] = _detail(exc)
        if not self.login():
            found["login"] = self.tr("Enter the login.")
        ca = self.ca_bundle_edit.text().strip()
        if ca and not os.path.isfile(ca):
            found["caBundle"] = self.tr("No such file.")
        return found

    def validate(self) -> bool:
        found = self.errors()
        shown = {key: text for key, text in found.items() if key in self._touched}
        show_error(self.server_error, shown.get("server", ""))
        show_error(self.login_error, shown.get("login", ""))
        show_error(self.token_url_error, shown.get("tokenUrl", ""))
        show_error(self.ca_bundle_error, shown.get("caBundle", ""))
        valid = not found
        if valid != self._valid:
            self._valid = valid
            self.validityChanged.emit(valid)
        return valid

    def _touch(self, key: str) -> None:
        self._touched.add(key)
        self.validate()

    # -- slots -----------------------------------------------------------------------------
    def _on_show_password(self, shown: bool) -> None:
        mode = QLineEdit.EchoMode.Normal if shown else QLineEdit.EchoMode.Password
        self.password_edit.setEchoMode(mode)

    def _on_verify_toggled(self, verify: bool) -> None:
        self.tls_warning.setVisible(not verify)
