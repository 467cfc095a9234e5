"""The profile dialogs: a profile's name, a yes/no question, the import and export file.

Not part of the first paint: loaded when one is first opened (:mod:`.sharing`). Every dialog
goes through a classmethod (``ProfileNameDialog.ask``, ``ConfirmDialog.ask``,
``ProfileFileDialog.open_path`` / ``save_path``) so tests replace it instead of clicking a
modal dialog.
"""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QLabel,
    QLineEdit,
    QMessageBox,
    QVBoxLayout,
    QWidget,
)

from ...core.translate import QT_TRANSLATE_NOOP
from ..plain import make_plain
from ..prompts import FileDialog, ask_yes_no, name_stock_controls, question_box
from ..widgets import name

FILE_FILTER = QT_TRANSLATE_NOOP("ProfileFileDialog", "Profiles (*.json);;All files (*)")


class ProfileNameDialog(QDialog):
    """Asks for a profile name; OK is enabled while the name is not blank."""

    def __init__(self, parent: QWidget | None, title: str, default: str) -> None:
        super().__init__(parent)
        self.setObjectName("profileNameDialog")
        self.setWindowTitle(title)
        self.edit = QLineEdit(default, self)
        name(
            self.edit,
            "profileNameEdit",
            self.tr("Profile name"),
            self.tr("The name in the profile list; it must differ from the other profiles."),
        )
        self.edit.selectAll()
        label = QLabel(self.tr("Profile &name:"), self)
        label.setBuddy(self.edit)
        buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel, self
        )
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        ok = buttons.button(QDialogButtonBox.StandardButton.Ok)
        self.edit.textChanged.connect(lambda text: ok.setEnabled(bool(text.strip())))
        ok.setEnabled(bool(default.strip()))
        layout = QVBoxLayout(self)
        layout.addWidget(label)
        layout.addWidget(self.edit)
        layout.addWidget(buttons)
        name_stock_controls(buttons)
        make_plain(self)

    def profile_name(self) -> str | None:
        return self.edit.text().strip() or None

    @classmethod
    def ask(cls, parent: QWidget, title: str, default: str) -> str | None:
        """The name typed (stripped), or None when cancelled or empty."""
        dialog = cls(parent, title, default)
        try:
            accepted = dialog.exec() == QDialog.DialogCode.Accepted
            return dialog.profile_name() if accepted else None
        finally:
            dialog.deleteLater()


class ConfirmDialog:
    """Asks a yes/no question."""

    @classmethod
    def build(cls, parent: QWidget, title: str, text: str) -> QMessageBox:
        return question_box(parent, title, text)

    @classmethod
    def ask(cls, parent: QWidget, title: str, text: str) -> bool:
        return ask_yes_no(cls.build(parent, title, text))


class ProfileFileDialog:
    """Picks the JSON file for profile import and export."""

    @classmethod
    def build(cls, parent: QWidget, *, save: bool, default: str = "") -> FileDialog:
        title = (
            QCoreApplication.translate("ProfileFileDialog", "Export profiles")
            if save
            else QCoreApplication.translate("ProfileFileDialog", "Import profiles")
        )
        filters = QCoreApplication.translate("ProfileFileDialog", FILE_FILTER)
        dialog = FileDialog(parent, title, default, filters, save=save)
        if save:
            dialog.setDefaultSuffix("json")
        return dialog

    @classmethod
    def open_path(cls, parent: QWidget) -> str | None:
        path, _ = cls.build(parent, save=False).ask()
        return path or None

    @classmethod
    def save_path(cls, parent: QWidget, default: str) -> str | None:
        path, _ = cls.build(parent, save=True, default=default).ask()
        return path or None
