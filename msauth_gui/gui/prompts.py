"""Qt's stock dialogs (file choosers, yes/no questions) built so every control has a name.

Qt's widget-based file dialog and message box leave some controls without an accessible name
(the file name field, the file type list, the standard buttons); screen readers then fall back
on guesses. These builders name them from their labels, and return the dialog unshown, so a
caller runs it modally and a test can show it without blocking.
"""

from __future__ import annotations

import os

from PySide6.QtGui import QShowEvent
from PySide6.QtWidgets import (
    QAbstractButton,
    QComboBox,
    QDialog,
    QFileDialog,
    QLabel,
    QLineEdit,
    QMessageBox,
    QWidget,
)

from .plain import make_plain, shown
from .widgets import plain


def name_stock_controls(root: QWidget) -> None:
    """Name the unnamed buttons, fields and lists of ``root``: their buddy label's text, else
    their own text ("&Open" -> "Open")."""
    buddies = [(label.buddy(), label.text()) for label in root.findChildren(QLabel)]
    for control in root.findChildren(QWidget):
        if control.accessibleName() or not isinstance(
            control, (QAbstractButton, QLineEdit, QComboBox)
        ):
            continue
        text = next((text for buddy, text in buddies if buddy is control), "") or (
            control.text() if isinstance(control, QAbstractButton) else ""
        )
        if text:
            control.setAccessibleName(plain(text).rstrip(":").strip())


class FileDialog(QFileDialog):
    """A file chooser; Qt builds its own widgets only when no native dialog is used, so they
    are named when it is shown (a native dialog is the system's, named by the system)."""

    def __init__(
        self, parent: QWidget | None, title: str, start: str, filters: str, *, save: bool
    ) -> None:
        """``start``: the folder to open in, or a file name to suggest (with or without one)."""
        super().__init__(parent, title, "", filters)
        self.setObjectName("saveFileDialog" if save else "openFileDialog")
        if os.path.isdir(start):
            self.setDirectory(start)
        elif start:
            self.selectFile(start)
        if save:
            self.setAcceptMode(QFileDialog.AcceptMode.AcceptSave)
            self.setFileMode(QFileDialog.FileMode.AnyFile)
        else:
            self.setFileMode(QFileDialog.FileMode.ExistingFile)

    def showEvent(self, event: QShowEvent) -> None:
        name_stock_controls(self)
        super().showEvent(event)

    def ask(self) -> tuple[str, str]:
        """Run modally: (path, chosen filter); path "" when cancelled. Deletes the dialog."""
        try:
            files = self.selectedFiles() if self.exec() == QDialog.DialogCode.Accepted else []
            return (files[0], self.selectedNameFilter()) if files else ("", "")
        finally:
            self.deleteLater()


def question_box(parent: QWidget | None, title: str, text: str) -> QMessageBox:
    """A Yes/No question (No is the default), not shown yet; its text is plain (it may name a
    profile read from a file)."""
    box = QMessageBox(QMessageBox.Icon.Question, title, "", parent=parent)
    box.setObjectName("questionBox")
    make_plain(box)
    box.setText(shown(text, lines=True))  # bidi and controls in a file's profile name: escapes
    box.setStandardButtons(QMessageBox.StandardButton.Yes | QMessageBox.StandardButton.No)
    box.setDefaultButton(QMessageBox.StandardButton.No)
    name_stock_controls(box)
    return box


def ask_yes_no(box: QMessageBox) -> bool:
    """Run ``box`` modally: True for Yes. Deletes the box."""
    try:
        box.exec()
        clicked = box.clickedButton()  # Esc counts as No
        return clicked is not None and box.standardButton(clicked) == QMessageBox.StandardButton.Yes
    finally:
        box.deleteLater()
