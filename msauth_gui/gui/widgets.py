"""Small widget helpers shared by the form, the token panel and the log."""

from __future__ import annotations

from collections.abc import Callable
from typing import TYPE_CHECKING

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QAction, QKeySequence

if TYPE_CHECKING:
    from PySide6.QtGui import QAccessible, QAccessibleAnnouncementEvent
from PySide6.QtWidgets import (
    QAbstractButton,
    QLabel,
    QPlainTextEdit,
    QSizePolicy,
    QToolButton,
    QVBoxLayout,
    QWidget,
)

from .fmt import RED
from .plain import label as plain_label
from .plain import shown
from .theme import colour

ShortcutKey = QKeySequence | QKeySequence.StandardKey | str


def name(
    widget: QWidget,
    object_name: str,
    accessible: str | None = None,
    description: str | None = None,
) -> None:
    """Set the object name, the accessible name and what the control is for.

    The object name (``serverEdit``…) is the contract tests and scripts find a widget by; the
    accessible name is the words a screen reader says ("Server"), translated with the rest of
    the window. A button or check box without ``accessible`` is heard by its own text.
    """
    widget.setObjectName(object_name)
    if accessible is None and isinstance(widget, QAbstractButton):
        accessible = plain(widget.text())
    if accessible is not None:
        widget.setAccessibleName(accessible)
    if description is not None:
        widget.setAccessibleDescription(description)


def plain(text: str) -> str:
    """``text`` without its mnemonic marker: "&Server:" -> "Server:" ("&&" stays one "&")."""
    return text.replace("&&", "\0").replace("&", "").replace("\0", "&")


def accessibility_classes() -> tuple[type[QAccessible], type[QAccessibleAnnouncementEvent]]:
    """The classes :func:`announce` uses, imported on first use: importing them builds their
    enums (~8 ms), which the first screen does not need (the window loads them after it)."""
    from PySide6.QtGui import QAccessible, QAccessibleAnnouncementEvent

    return QAccessible, QAccessibleAnnouncementEvent


def announce(widget: QWidget, text: str, *, assertive: bool = False) -> None:
    """Have screen readers say ``text`` now, as coming from ``widget`` (a state change)."""
    QAccessible, QAccessibleAnnouncementEvent = accessibility_classes()
    event = QAccessibleAnnouncementEvent(widget, text)
    if assertive:  # errors interrupt; everything else waits for the reader to finish
        event.setPoliteness(QAccessible.AnnouncementPoliteness.Assertive)
    QAccessible.updateAccessibility(event)


def add_action(
    owner: QWidget, text: str, slot: Callable[[], object], shortcut: ShortcutKey | None = None
) -> QAction:
    """An action on ``owner`` (so its shortcut works window-wide, menu or not)."""
    action = QAction(text, owner)
    if shortcut is not None:
        action.setShortcut(QKeySequence(shortcut))
        action.setShortcutContext(Qt.ShortcutContext.WindowShortcut)
    action.triggered.connect(slot)
    owner.addAction(action)
    return action


def error_label(object_name: str, parent: QWidget | None = None) -> QLabel:
    """A red, word-wrapped label for a field's validation message; hidden while empty."""
    # no accessible name: screen readers read the message
    label = plain_label(parent=parent, object_name=object_name)
    label.setStyleSheet(f"color: {colour(RED)};")
    label.setWordWrap(True)
    label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
    label.hide()
    return label


def show_error(label: QLabel, text: str) -> None:
    """Show a field's message, or hide the label for ""; screen readers hear a new message."""
    text = shown(text, lines=True)  # it may quote what was typed or pasted
    if text and text != label.text():
        announce(label, text)
    label.setText(text)
    label.setVisible(bool(text))


class FittedTextView(QPlainTextEdit):
    """Read-only text as tall as its wrapped lines: no scroll bar of its own, so inside a
    scrolled area there are never two scroll bars nested."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setReadOnly(True)
        self.setLineWrapMode(QPlainTextEdit.LineWrapMode.WidgetWidth)
        self.setVerticalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Fixed)
        layout = self.document().documentLayout()
        layout.documentSizeChanged.connect(lambda _size: self._fit())  # lines, for plain text
        self._fit()

    def _fit(self) -> None:
        lines = max(1, round(self.document().size().height()))
        margins = 2 * (self.frameWidth() + round(self.document().documentMargin()))
        height = lines * self.fontMetrics().lineSpacing() + margins
        if height != self.height() or self.minimumHeight() != height:
            self.setFixedHeight(height)


class CollapsibleSection(QWidget):
    """A header button with an arrow that shows or hides its content widget."""

    toggled = Signal(bool)

    def __init__(
        self, title: str, content: QWidget, parent: QWidget | None = None, *, expanded: bool = False
    ) -> None:
        super().__init__(parent)
        self.button = QToolButton(self)
        self.button.setText(title)
        self.button.setAccessibleName(plain(title))
        self.button.setCheckable(True)
        self.button.setToolButtonStyle(Qt.ToolButtonStyle.ToolButtonTextBesideIcon)
        self.button.setAutoRaise(True)
        # no frame, but a visible one while it has the keyboard focus (Tab reaches it)
        self.button.setStyleSheet(
            "QToolButton { border: 1px solid transparent; border-radius: 2px; font-weight: bold; }"
            "QToolButton:focus { border-color: palette(highlight); }"
        )
        self.button.setSizePolicy(QSizePolicy.Policy.Preferred, QSizePolicy.Policy.Fixed)
        self.content = content
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setSpacing(2)
        layout.addWidget(self.button)
        layout.addWidget(content)
        self.button.toggled.connect(self.set_expanded)
        self.set_expanded(expanded)

    def is_expanded(self) -> bool:
        return self.button.isChecked()

    def set_expanded(self, expanded: bool) -> None:
        if self.button.isChecked() != expanded:
            self.button.setChecked(expanded)  # re-enters through toggled
            return
        arrow = Qt.ArrowType.DownArrow if expanded else Qt.ArrowType.RightArrow
        self.button.setArrowType(arrow)
        self.content.setVisible(expanded)
        self.toggled.emit(expanded)
