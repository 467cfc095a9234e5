"""The activity log: every request the program makes, newest last, redacted, with "Copy log"."""

from __future__ import annotations

from PySide6.QtCore import Signal
from PySide6.QtGui import QFontDatabase, QGuiApplication
from PySide6.QtWidgets import (
    QHBoxLayout,
    QLabel,
    QPlainTextEdit,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from ..core.records import RequestRecord
from ..core.redact import redact
from . import fmt
from .widgets import name

#: lines kept before the oldest are dropped
MAX_LINES = 5000


class ActivityLog(QWidget):
    """A read-only text view of request lines; "Copy log" puts it on the clipboard as is."""

    logCopied = Signal()

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.view = QPlainTextEdit(self)
        name(self.view, "logView")
        self.view.setReadOnly(True)
        self.view.setMaximumBlockCount(MAX_LINES)
        self.view.setLineWrapMode(QPlainTextEdit.LineWrapMode.NoWrap)
        self.view.setFont(QFontDatabase.systemFont(QFontDatabase.SystemFont.FixedFont))
        self.view.setPlaceholderText("Requests appear here: time, method, URL, status, duration.")
        self.view.setAccessibleDescription("Activity log: every request, newest last")

        self.copy_button = QPushButton("Copy log", self)
        name(self.copy_button, "copyLogButton")
        self.copy_button.setToolTip("Copy the whole activity log (secrets are already removed)")
        self.copy_button.clicked.connect(self.copy_log)
        self.clear_button = QPushButton("Clear", self)
        name(self.clear_button, "clearLogButton")
        self.clear_button.clicked.connect(self.view.clear)

        title = QLabel("<b>Activity</b>", self)
        top = QHBoxLayout()
        top.addWidget(title)
        top.addStretch(1)
        top.addWidget(self.clear_button)
        top.addWidget(self.copy_button)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addLayout(top)
        layout.addWidget(self.view)

    def add_record(self, record: RequestRecord, when: float) -> None:
        self.append(fmt.log_line(record, when))

    def add_note(self, text: str, when: float) -> None:
        self.append(fmt.note_line(text, when))

    def append(self, line: str) -> None:
        """Add one line at the end (redacted again here: this is the last door out)."""
        self.view.appendPlainText(redact(line))
        # newest last and in view; keep the time stamps in view however long the line is
        self.view.verticalScrollBar().setValue(self.view.verticalScrollBar().maximum())
        self.view.horizontalScrollBar().setValue(0)

    def text(self) -> str:
        return self.view.toPlainText()

    def copy_log(self) -> None:
        # The log holds no secrets (every line was redacted), so it is copied as plain text.
        QGuiApplication.clipboard().setText(self.text())
        self.logCopied.emit()
