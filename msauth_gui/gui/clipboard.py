"""The clipboard for secrets: marked as secret for clipboard managers, and cleared later.

A copied token is marked with ``x-kde-passwordManagerHint: secret`` (KDE Klipper and others
then keep it out of their history) and is cleared after a delay, on sign-out and on quit, but
only while the clipboard still holds exactly what we put there: whatever the operator copied
since is never touched.
"""

from __future__ import annotations

from PySide6.QtCore import QMimeData, QObject, QTimer, Signal, Slot
from PySide6.QtGui import QClipboard, QGuiApplication

from .preferences import AppSettings

SECRET_HINT_FORMAT = "x-kde-passwordManagerHint"
SECRET_HINT_VALUE = b"secret"
DEFAULT_CLEAR_MS = 30_000


class SecretClipboard(QObject):
    """Puts secrets on the system clipboard and takes them off again."""

    copied = Signal(str)  #: what was copied, in words ("token", "header", …)
    cleared = Signal()

    def __init__(self, parent: QObject | None = None, *, clear_ms: int = DEFAULT_CLEAR_MS) -> None:
        super().__init__(parent)
        self._clear_ms = clear_ms
        self._ours: str | None = None
        self._timer = QTimer(self)
        self._timer.setSingleShot(True)
        self._timer.timeout.connect(self.clear_if_ours)

    @property
    def clear_ms(self) -> int:
        return self._clear_ms

    @clear_ms.setter
    def clear_ms(self, value: int) -> None:
        self._clear_ms = max(0, int(value))

    @Slot(object)
    def apply_preferences(self, values: AppSettings) -> None:
        self.clear_ms = values.clipboard_clear_ms

    @property
    def timer(self) -> QTimer:
        """The clear-later timer (tests look at it)."""
        return self._timer

    def _clipboard(self) -> QClipboard:
        return QGuiApplication.clipboard()

    def copy(self, text: str, what: str = "text") -> None:
        """Put ``text`` on the clipboard as a secret and arm the clear timer."""
        mime = QMimeData()
        mime.setText(text)
        mime.setData(SECRET_HINT_FORMAT, SECRET_HINT_VALUE)
        self._clipboard().setMimeData(mime)  # the clipboard takes ownership
        self._ours = text
        if self._clear_ms > 0:
            self._timer.start(self._clear_ms)
        self.copied.emit(what)

    def holds_ours(self) -> bool:
        """True while the clipboard still holds the secret we put there."""
        if self._ours is None:
            return False
        mime = self._clipboard().mimeData()
        if mime is None or not mime.hasFormat(SECRET_HINT_FORMAT):
            return False
        return mime.text() == self._ours

    def clear_if_ours(self) -> bool:
        """Clear the clipboard if it still holds our secret; forget the secret either way."""
        self._timer.stop()
        ours = self.holds_ours()
        self._ours = None
        if ours:
            self._clipboard().clear()
            self.cleared.emit()
        return ours
