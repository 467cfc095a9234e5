"""The msauth-gui window as it looks at start, written plainly with PySide6: a baseline.

What a competent programmer would write for the same first screen, with no project code: the
menus (File, Session, Copy with "Copy as curl for", Tools, Help) and their shortcuts, the
profile row, the sign-in form with its Advanced fields (built, collapsed) and the keyring
options, the token panel with its rows, hidden JWT claims, buttons and the Local proxy row, the
activity log, the status bar, and the SVG icons (window and state) through ``QIcon``. Every
widget is built in the constructor, the default style and palette are used, nothing is lazy.

Keep it in step with what the real window shows at start (``python -m benchmarks.plain_window
out.png`` saves a picture to compare with the real one): the start-up benchmark compares the
two. Run ``python -m benchmarks.plain_window`` to see it.
"""

from __future__ import annotations

import sys
from pathlib import Path

from PySide6.QtCore import Qt
from PySide6.QtGui import QAction, QActionGroup, QFont, QFontDatabase, QIcon, QKeySequence
from PySide6.QtWidgets import (
    QApplication,
    QCheckBox,
    QComboBox,
    QFormLayout,
    QFrame,
    QGridLayout,
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QMainWindow,
    QMenu,
    QPlainTextEdit,
    QPushButton,
    QScrollArea,
    QSpinBox,
    QSplitter,
    QSystemTrayIcon,
    QToolButton,
    QVBoxLayout,
    QWidget,
)

ICONS = Path(__file__).resolve().parent.parent / "resources" / "icons"
GREY, RED = "#5f6368", "#c62828"


def icon(name: str) -> QIcon:
    return QIcon(str(ICONS / name))


def section(title: str, content: QWidget, parent: QWidget) -> QWidget:
    """A tool button with an arrow that shows or hides ``content`` (collapsed)."""
    box = QWidget(parent)
    button = QToolButton(box)
    button.setText(title)
    button.setCheckable(True)
    button.setAutoRaise(True)
    button.setToolButtonStyle(Qt.ToolButtonStyle.ToolButtonTextBesideIcon)
    button.setArrowType(Qt.ArrowType.RightArrow)
    button.toggled.connect(content.setVisible)
    button.toggled.connect(
        lambda on: button.setArrowType(Qt.ArrowType.DownArrow if on else Qt.ArrowType.RightArrow)
    )
    layout = QVBoxLayout(box)
    layout.setContentsMargins(0, 0, 0, 0)
    layout.addWidget(button)
    layout.addWidget(content)
    content.hide()
    return box


def error_label(parent: QWidget) -> QLabel:
    label = QLabel(parent)
    label.setStyleSheet(f"color: {RED};")
    label.setWordWrap(True)
    label.hide()
    return label


class PlainWindow(QMainWindow):
    def __init__(self) -> None:
        super().__init__()
        self.setWindowTitle("msauth-gui — Signed out")
        self._menus()
        central = QWidget(self)
        layout = QVBoxLayout(central)
        layout.addLayout(self._profile_row(central))
        top = QWidget()
        row = QHBoxLayout(top)
        row.setContentsMargins(0, 0, 0, 0)
        row.addWidget(self._form_box(top), 5)
        row.addWidget(self._token_box(top), 6)
        area = QScrollArea()
        area.setFrameShape(QFrame.Shape.NoFrame)
        area.setWidgetResizable(True)
        area.setWidget(top)
        area.setMinimumHeight(top.minimumSizeHint().height())
        splitter = QSplitter(Qt.Orientation.Vertical, central)
        splitter.addWidget(area)
        splitter.addWidget(self._log(splitter))
        splitter.setStretchFactor(1, 1)
        layout.addWidget(splitter)
        self.setCentralWidget(central)
        self.statusBar().addPermanentWidget(QLabel("no server · Signed out"))
        self.tray = None
        if QSystemTrayIcon.isSystemTrayAvailable():
            self.tray = QSystemTrayIcon(icon("state-signed-out.svg"), self)
            self.tray.show()
        self.resize(1100, 660)
        self.server.setFocus()

    def _menus(self) -> None:
        def menu(title: str, entries: list[tuple[str, str] | None]) -> QMenu:
            menu = self.menuBar().addMenu(title)
            for entry in entries:
                if entry is None:
                    menu.addSeparator()
                    continue
                action = QAction(entry[0], self)
                if entry[1]:
                    action.setShortcut(QKeySequence(entry[1]))
                menu.addAction(action)
                self.addAction(action)
            return menu

        menu("&File", [("&Import profiles…", ""), ("&Export profiles…", ""), None,
                       ("&Settings…", ""), None, ("&Quit", "Ctrl+Q")])  # fmt: skip
        menu("Sessio&n", [("Sign &in", ""), ("Sign &out", ""), ("&Refresh now", "F5"),
                          ("&Test token", "")])  # fmt: skip
        copy = menu("&Copy", [("Copy &token", "Ctrl+Shift+T"), ("Copy &header", "Ctrl+Shift+C"),
                              ("Copy as &curl", "")])  # fmt: skip
        self.shells = QMenu("Copy as curl &for", self)
        group = QActionGroup(self)
        for text in ("&bash, zsh (Linux, macOS)", "&cmd (Windows)", "&PowerShell"):
            action = self.shells.addAction(text)
            action.setCheckable(True)
            group.addAction(action)
        copy.addMenu(self.shells)
        details = copy.addAction("Token &details…")
        details.setShortcut(QKeySequence("Ctrl+Shift+D"))
        copy.addSeparator()
        copy.addAction("Copy &log")
        menu("&Tools", [("Check &server…", "Ctrl+K")])
        menu("&Help", [("&About msauth-gui", "")])

    def _profile_row(self, parent: QWidget) -> QHBoxLayout:
        row = QHBoxLayout()
        self.profiles = QComboBox(parent)
        self.profiles.addItem("Default")
        self.profiles.setMinimumContentsLength(24)
        label = QLabel("P&rofile:", parent)
        label.setBuddy(self.profiles)
        row.addWidget(label)
        row.addWidget(self.profiles)
        for text in ("New…", "Rename…", "Duplicate…", "Delete"):
            row.addWidget(QPushButton(text, parent))
        row.addStretch(1)
        return row

    def _form_box(self, parent: QWidget) -> QGroupBox:
        box = QGroupBox("Server and account", parent)
        self.server = QComboBox(box)
        self.server.setEditable(True)
        self.server.setMinimumContentsLength(28)
        line = self.server.lineEdit()
        if line is not None:
            line.setPlaceholderText("https://host:9000")
        login = QLineEdit(box)
        password = QLineEdit(box)
        password.setEchoMode(QLineEdit.EchoMode.Password)
        show = QCheckBox("Show", box)
        method = QComboBox(box)
        method.addItems(["Basic", "Session (GET)", "OAuth password"])
        method.setCurrentIndex(2)
        remember = QCheckBox("Remember password", box)
        stay = QCheckBox("Stay signed in", box)
        for check in (remember, stay):
            check.setEnabled(False)
        keyring = QLabel("checking the keyring…", box)
        keyring.setWordWrap(True)
        keyring.setStyleSheet(f"color: {GREY};")
        password_row = QHBoxLayout()
        password_row.addWidget(password, 1)
        password_row.addWidget(show)
        checks = QHBoxLayout()
        checks.addWidget(remember)
        checks.addWidget(stay)
        checks.addStretch(1)
        form = QFormLayout()
        form.addRow("&Server:", self.server)
        form.addRow(error_label(box))
        form.addRow("&Login:", login)
        form.addRow(error_label(box))
        password_label = QLabel("&Password:", box)
        password_label.setBuddy(password)
        form.addRow(password_label, password_row)
        form.addRow("&Method:", method)
        form.addRow(checks)
        form.addRow(keyring)
        warning = QLabel("⚠ TLS verification is off", box)
        warning.setStyleSheet(f"color: {RED}; font-weight: bold;")
        warning.hide()
        buttons = QHBoxLayout()
        buttons.addWidget(QPushButton("Check server", box))
        buttons.addStretch(1)
        for text in ("Sign out", "Sign in"):
            button = QPushButton(text, box)
            button.setEnabled(False)
            buttons.addWidget(button)
        layout = QVBoxLayout(box)
        layout.addLayout(form)
        layout.addWidget(section("&Advanced", self._advanced(box), box))
        layout.addWidget(warning)
        layout.addLayout(buttons)
        layout.addStretch(1)
        return box

    def _advanced(self, parent: QWidget) -> QWidget:
        options = QWidget(parent)
        client_id = QLineEdit("123", options)
        secret = QLineEdit("user", options)
        secret.setEchoMode(QLineEdit.EchoMode.PasswordEchoOnEdit)
        token_url = QLineEdit(options)
        token_url.setPlaceholderText("found automatically")
        basic = QComboBox(options)
        basic.addItems(["base64 (RFC 7617)", "raw login:password"])
        probe = QLineEdit(options)
        probe.setPlaceholderText("/DocTypes?$top=1")
        ca = QLineEdit(options)
        ca.setPlaceholderText("system certificates")
        verify = QCheckBox("&Verify TLS certificates", options)
        verify.setChecked(True)
        timeout = QSpinBox(options)
        timeout.setRange(1, 600)
        timeout.setValue(15)
        timeout.setSuffix(" s")
        client_row = QHBoxLayout()
        client_row.addWidget(client_id, 2)
        client_row.addWidget(QLabel("Client s&ecret:", options))
        client_row.addWidget(secret, 3)
        ca_row = QHBoxLayout()
        ca_row.addWidget(ca, 1)
        ca_row.addWidget(QPushButton("Browse…", options))
        form = QFormLayout(options)
        form.addRow("Client &id:", client_row)
        form.addRow("Token &URL:", token_url)
        form.addRow(error_label(options))
        form.addRow("Basic spellin&g:", basic)
        form.addRow("Pro&be path:", probe)
        form.addRow("CA bun&dle:", ca_row)
        form.addRow(error_label(options))
        form.addRow("", verify)
        form.addRow("Time&out:", timeout)
        return options

    def _token_box(self, parent: QWidget) -> QGroupBox:
        box = QGroupBox("Token", parent)
        state_icon = QLabel(box)
        state_icon.setPixmap(icon("state-signed-out.svg").pixmap(24, 24))
        state = QLabel("Signed out", box)
        state.setStyleSheet(f"color: {GREY}; font-weight: bold; font-size: 13pt;")
        status = QLabel("Enter the server and the account, then sign in (Enter).", box)
        status.setWordWrap(True)
        state_row = QHBoxLayout()
        state_row.addWidget(state_icon)
        state_row.addWidget(state, 1)
        token = QLineEdit(box)
        token.setReadOnly(True)
        token.setEchoMode(QLineEdit.EchoMode.Password)
        token.setPlaceholderText("not signed in")
        token_row = QHBoxLayout()
        token_row.addWidget(token, 1)
        reveal = QPushButton("Reveal", box)
        reveal.setEnabled(False)
        token_row.addWidget(reveal)
        details = QFormLayout()
        details.addRow("Access token:", token_row)
        for caption in ("Token type:", "Obtained at:", "Expires:", "Refresh token:",
                        "Last refresh:", "Next refresh:", "Token URL:"):  # fmt: skip
            value = QLabel("—", box)
            value.setWordWrap(True)
            details.addRow(caption, value)
        claims = QPlainTextEdit(box)
        claims.setReadOnly(True)
        claims_box = section("JWT claims", claims, box)
        claims_box.hide()
        buttons = QGridLayout()
        texts = ("Refresh now", "Test token", "Details…", "Copy token", "Copy header")
        for index, text in enumerate(texts):
            button = QPushButton(text, box)
            button.setEnabled(False)
            buttons.addWidget(button, *divmod(index, 3))
        curl = QHBoxLayout()
        curl.setSpacing(0)
        curl_button = QPushButton("Copy as curl", box)
        curl_button.setEnabled(False)
        shell = QToolButton(box)
        shell.setPopupMode(QToolButton.ToolButtonPopupMode.InstantPopup)
        shell.setArrowType(Qt.ArrowType.DownArrow)
        shell.setMenu(self.shells)
        curl.addWidget(curl_button)
        curl.addWidget(shell)
        buttons.addLayout(curl, 1, 2)
        proxy = QHBoxLayout()
        proxy.addWidget(QPushButton("Local proxy", box))
        address = QLineEdit(box)
        address.setReadOnly(True)
        address.setPlaceholderText("off")
        address.setEnabled(False)
        proxy.addWidget(address, 1)
        copy = QPushButton("Copy", box)
        copy.setEnabled(False)
        proxy.addWidget(copy)
        layout = QVBoxLayout(box)
        layout.addLayout(state_row)
        layout.addWidget(status)
        layout.addLayout(details)
        layout.addWidget(claims_box)
        layout.addLayout(buttons)
        layout.addLayout(proxy)
        layout.addStretch(1)
        return box

    def _log(self, parent: QWidget) -> QWidget:
        log = QWidget(parent)
        title = QLabel("Activity", log)
        bold = QFont(title.font())
        bold.setBold(True)
        title.setFont(bold)
        top = QHBoxLayout()
        top.addWidget(title)
        top.addStretch(1)
        top.addWidget(QPushButton("Clear", log))
        top.addWidget(QPushButton("Copy log", log))
        view = QPlainTextEdit(log)
        view.setReadOnly(True)
        view.setMaximumBlockCount(5000)
        view.setFont(QFontDatabase.systemFont(QFontDatabase.SystemFont.FixedFont))
        view.setPlaceholderText("Requests appear here: time, method, URL, status, duration.")
        layout = QVBoxLayout(log)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addLayout(top)
        layout.addWidget(view)
        return log


def build(argv: list[str] | None = None) -> tuple[QApplication, PlainWindow]:
    app = QApplication(argv if argv is not None else sys.argv[:1])
    app.setWindowIcon(icon("app.svg"))
    return app, PlainWindow()


if __name__ == "__main__":
    application, window = build()
    window.show()
    if len(sys.argv) > 1:  # save a picture instead of running
        from PySide6.QtCore import QTimer

        QTimer.singleShot(500, lambda: (window.grab().save(sys.argv[1]), application.quit()))
    sys.exit(application.exec())
