"""The activity log: every request the program makes, newest last, with "Copy log".

Every line is redacted and its control and bidi characters are written as visible escapes
(:func:`..plain.shown`) when it is added: the last door out.
"""

from __future__ import annotations

from PySide6.QtCore import Qt, QTimer, Signal, Slot
from PySide6.QtGui import QFontDatabase, QGuiApplication, QResizeEvent, QTextCursor, QTextOption
from PySide6.QtWidgets import (
    QHBoxLayout,
    QPlainTextEdit,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from ...core.records import RequestRecord
from .. import fmt
from ..plain import label, shown
from ..preferences import AppSettings
from ..widgets import name

#: lines kept before the oldest are dropped
MAX_LINES = 5000
#: lines arriving within this many ms are added (and painted) together
FLUSH_MS = 25
#: pending lines added at once, without waiting for the timer
FLUSH_AT = 500


class _LogView(QPlainTextEdit):
    """The log's text view; whoever reads its text sees the lines still waiting too."""

    def __init__(self, log: ActivityLog) -> None:
        super().__init__(log)
        self._log = log
        #: show the newest entry after a resize; off while the operator reads further up (the
        #: scroll bar's position alone cannot tell: wrapped lines are laid out lazily)
        self.follow = True
        self.verticalScrollBar().actionTriggered.connect(self._on_scrolled_by_hand)

    def toPlainText(self) -> str:
        self._log.flush()
        return super().toPlainText()

    def _on_scrolled_by_hand(self, _action: int) -> None:
        QTimer.singleShot(0, self._note_position)  # the action moves the bar after this signal

    def _note_position(self) -> None:
        bar = self.verticalScrollBar()
        self.follow = bar.value() >= bar.maximum()

    def resizeEvent(self, event: QResizeEvent) -> None:
        super().resizeEvent(event)  # lines wrap anew: the newest may move out of view
        if self.follow:
            self._log.scroll_to_newest()
            QTimer.singleShot(0, self._log.scroll_to_newest)  # again, once laid out anew


class ActivityLog(QWidget):
    """A read-only text view of request lines; "Copy log" puts it on the clipboard as is."""

    logCopied = Signal()

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._pending: list[str] = []
        self._flush_timer = QTimer(self)
        self._flush_timer.setSingleShot(True)
        self._flush_timer.setInterval(FLUSH_MS)
        self._flush_timer.timeout.connect(self.flush)
        self.view = _LogView(self)
        name(
            self.view,
            "logView",
            self.tr("Activity log"),
            self.tr(
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
        # long lines (the demo accounts, an error's description, the roles to grant) wrap
        self.view.setLineWrapMode(QPlainTextEdit.LineWrapMode.WidgetWidth)
        self.view.setWordWrapMode(QTextOption.WrapMode.WrapAtWordBoundaryOrAnywhere)
        self.view.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
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
        self.clear_button.clicked.connect(self.clear)

        title = label(self.tr("Activity"), self)
        bold = title.font()
        bold.setBold(True)
        title.setFont(bold)
        top = QHBoxLayout()
        top.addWidget(title)
        top.addStretch(1)
        top.addWidget(self.clear_button)
        top.addWidget(self.copy_button)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addLayout(top)
        layout.addWidget(self.view)

    @Slot(object)
    def apply_preferences(self, values: AppSettings) -> None:
        """Keep as many lines as the preferences say."""
        self.view.setMaximumBlockCount(values.log_lines)

    def add_record(self, record: RequestRecord, when: float) -> None:
        self.append(fmt.log_line(record, when))

    def add_note(self, text: str, when: float) -> None:
        self.append(fmt.note_line(text, when))

    def append(self, line: str) -> None:
        """Add one line at the end (redacted and made visible here: this is the last door out).

        Lines are shown together a moment later (one edit and one repaint for a burst of
        records); :meth:`text`, :meth:`flush` and the view's ``toPlainText`` show them at once.
        """
        self._pending.append(shown(line))
        if len(self._pending) >= FLUSH_AT:
            self.flush()
        elif not self._flush_timer.isActive():
            self._flush_timer.start()

    def flush(self) -> None:
        """Add the lines waiting to be shown, in one edit."""
        self._flush_timer.stop()
        if not self._pending:
            return
        lines, self._pending = self._pending, []
        keep = self.view.maximumBlockCount()
        if keep > 0:
            lines = lines[-keep:]  # the view would drop the older ones straight away
        self.view.appendPlainText("\n".join(lines))
        self.scroll_to_newest()

    def scroll_to_newest(self) -> None:
        """Show the end of the newest entry, however many lines it wrapped into (the scroll
        bar alone counts lines not laid out yet as one: the cursor at the end is exact)."""
        view = self.view
        if view.textCursor().hasSelection():  # never undo what the operator selects
            bar = view.verticalScrollBar()
            bar.setValue(bar.maximum())
            return
        view.follow = True
        cursor = view.textCursor()
        cursor.movePosition(QTextCursor.MoveOperation.End)
        view.setTextCursor(cursor)
        view.ensureCursorVisible()

    def clear(self) -> None:
        """Empty the log, lines still waiting included."""
        self._flush_timer.stop()
        self._pending.clear()
        self.view.clear()

    def text(self) -> str:
        return self.view.toPlainText()  # flushes first

    def copy_log(self) -> None:
        # The log holds no secrets (every line was redacted), so it is copied as plain text.
        QGuiApplication.clipboard().setText(self.text())
        self.logCopied.emit()
