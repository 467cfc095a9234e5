"""The activity log: every request the program makes, newest last, redacted, with "Copy log"."""

from __future__ import annotations

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QFontDatabase, QGuiApplication, QTextCursor
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
        name(
            self.view,
            "logView",
            description=self.tr(
                "Activity log: every request, newest last. Arrow keys move through it; "
                "Tab leaves it."
            ),
        )
        self.view.setReadOnly(True)
        self.view.setTabChangesFocus(True)  # Tab leaves the log instead of being trapped in it
        self.view.setTextInteractionFlags(
            Qt.TextInteractionFlag.TextSelectableByMouse
            | Qt.TextInteractionFlag.TextSelectableByKeyboard
        )
        self.view.setMaximumBlockCount(MAX_LINES)
        self.view.setLineWrapMode(QPlainTextEdit.LineWrapMode.NoWrap)
        self.view.setFont(QFontDatabase.systemFont(QFontDatabase.SystemFont.FixedFont))
        self.view.setPlaceholderText(
            self.tr("Requests appear here: time, method, URL, status, duration.")
        )

        self.copy_button = QPushButton(self.tr("Copy log"), self)
        name(
            self.copy_button,
            "copyLogButton",
            self.tr("Copy log"),
            self.tr("Copies the whole activity log; secrets are already removed from it."),
        )
        self.copy_button.setToolTip(
            self.tr("Copy the whole activity log (secrets are already removed)")
        )
        self.copy_button.clicked.connect(self.copy_log)
        self.clear_button = QPushButton(self.tr("Clear"), self)
        name(
            self.clear_button,
            "clearLogButton",
            self.tr("Clear log"),
            self.tr("Empties the activity log."),
        )
        self.clear_button.clicked.connect(self.view.clear)

        title = QLabel("<b>{}</b>".format(self.tr("Activity")), self)
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
        if not self.view.textCursor().hasSelection():  # never undo what the operator selects
            # the cursor at the start of the newest line: a resize that brings the cursor into
            # view then shows the time stamps, not the end of a long line
            cursor = self.view.textCursor()
            cursor.movePosition(QTextCursor.MoveOperation.End)
            cursor.movePosition(QTextCursor.MoveOperation.StartOfBlock)
            self.view.setTextCursor(cursor)
        # newest last and in view; keep the time stamps in view however long the line is
        self.view.verticalScrollBar().setValue(self.view.verticalScrollBar().maximum())
        self.view.horizontalScrollBar().setValue(0)

    def text(self) -> str:
        return self.view.toPlainText()

    def copy_log(self) -> None:
        # The log holds no secrets (every line was redacted), so it is copied as plain text.
        QGuiApplication.clipboard().setText(self.text())
        self.logCopied.emit()
