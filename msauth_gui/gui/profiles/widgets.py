"""Profile widgets on the first screen: the profile bar and the secret options (the small
dialogs are in :mod:`.dialogs`, loaded when first opened)."""

from __future__ import annotations

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QSizePolicy,
    QVBoxLayout,
    QWidget,
)

from ...core.translate import QT_TRANSLATE_NOOP
from ..fmt import GREY
from ..plain import label as plain_label
from ..plain import shown
from ..plain import tip as plain_tip
from ..theme import colour
from ..widgets import name

REMEMBER_TIP = QT_TRANSLATE_NOOP(
    "SecretOptions", "Keep this profile's password in the system keyring"
)
STAY_TIP = QT_TRANSLATE_NOOP(
    "SecretOptions",
    "Keep the refresh token in the system keyring: the next start continues the session with "
    "one refresh, without the password",
)
CHECKING = QT_TRANSLATE_NOOP("SecretOptions", "checking the keyring…")


class ProfileBar(QWidget):
    """The row "Profile: [combo] New… Rename… Duplicate… Delete"; emits what was asked for."""

    switched = Signal(str)  #: a profile was chosen in the combo
    newRequested = Signal()
    renameRequested = Signal()
    duplicateRequested = Signal()
    deleteRequested = Signal()

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.combo = QComboBox(self)
        name(
            self.combo,
            "profileCombo",
            self.tr("Profile"),
            self.tr("Saved servers and accounts; choosing one fills the form."),
        )
        self.combo.setMinimumContentsLength(24)
        self.combo.setSizeAdjustPolicy(
            QComboBox.SizeAdjustPolicy.AdjustToMinimumContentsLengthWithIcon
        )
        self.combo.setToolTip(self.tr("Saved servers: choosing one fills the form"))
        self.combo.currentTextChanged.connect(self._on_current)
        label = plain_label(self.tr("P&rofile:"), self)
        label.setBuddy(self.combo)
        layout = QHBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(label)
        layout.addWidget(self.combo)
        buttons = (
            (self.tr("New…"), "newProfileButton", self.tr("A new, empty profile"),
             self.newRequested),
            (self.tr("Rename…"), "renameProfileButton", self.tr("Rename this profile"),
             self.renameRequested),
            (self.tr("Duplicate…"), "duplicateProfileButton", self.tr("A copy of this profile"),
             self.duplicateRequested),
            (self.tr("Delete"), "deleteProfileButton",
             self.tr("Delete this profile and its saved secrets"), self.deleteRequested),
        )  # fmt: skip
        spoken = {
            "newProfileButton": self.tr("New profile"),
            "renameProfileButton": self.tr("Rename profile"),
            "duplicateProfileButton": self.tr("Duplicate profile"),
            "deleteProfileButton": self.tr("Delete profile"),
        }
        self.buttons: list[QPushButton] = []  #: New, Rename, Duplicate, Delete (tab order)
        for text, object_name, tip, signal in buttons:
            button = QPushButton(text, self)
            name(button, object_name, spoken[object_name], tip)
            self.buttons.append(button)
            button.setToolTip(tip)
            button.setSizePolicy(QSizePolicy.Policy.Fixed, QSizePolicy.Policy.Fixed)
            button.clicked.connect(signal)
            layout.addWidget(button)
        layout.addStretch(1)

    def set_profiles(self, names: list[str], current: str) -> None:
        """Refill the combo without emitting ``switched``; as it is, leave it alone (a refill
        repaints it, and with the rest of a click's changes Qt repaints the whole window)."""
        combo = self.combo
        shown = [combo.itemText(i) for i in range(combo.count())]
        if shown == names and combo.currentText() == current:
            return
        self.combo.blockSignals(True)
        self.combo.clear()
        self.combo.addItems(names)
        self.combo.setCurrentIndex(max(0, self.combo.findText(current)))
        self.combo.blockSignals(False)

    def current(self) -> str:
        return self.combo.currentText()

    def _on_current(self, text: str) -> None:
        if text:
            self.switched.emit(text)


class SecretOptions(QWidget):
    """The "Remember password" and "Stay signed in" boxes, and why they are off if they are.

    While the keyring is being looked at, both are disabled and "checking the keyring…" stands
    where the reason would (a line that wraps, so long words never widen the form).
    """

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.remember_password = QCheckBox(self.tr("Remember password"), self)
        name(
            self.remember_password,
            "rememberPasswordCheck",
            self.tr("Remember password"),
            self.tr("Keeps this profile's password in the system keyring."),
        )
        self.stay_signed_in = QCheckBox(self.tr("Stay signed in"), self)
        name(
            self.stay_signed_in,
            "staySignedInCheck",
            self.tr("Stay signed in"),
            self.tr("Keeps the session in the system keyring; the next start continues it."),
        )
        self.status_label = QLabel(self)
        self.status_label.setObjectName("keyringStatusLabel")  # screen readers read its text
        self.status_label.setWordWrap(True)
        self.status_label.setTextFormat(Qt.TextFormat.PlainText)  # the reason may quote a backend
        self.status_label.setStyleSheet(f"color: {colour(GREY)};")
        row = QHBoxLayout()
        row.setContentsMargins(0, 0, 0, 0)
        row.addWidget(self.remember_password)
        row.addWidget(self.stay_signed_in)
        row.addStretch(1)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setSpacing(2)
        layout.addLayout(row)
        layout.addWidget(self.status_label)
        self.set_available(True, "")

    def checks(self) -> tuple[QCheckBox, QCheckBox]:
        return self.remember_password, self.stay_signed_in

    def set_checking(self) -> None:
        """Both options disabled, with "checking the keyring…", until :meth:`set_available`."""
        for check in self.checks():
            check.setEnabled(False)
            check.setToolTip(self.tr(CHECKING))
        self._show_status(self.tr(CHECKING))

    def set_available(self, available: bool, reason: str) -> None:
        """Enable both options, or disable them with the reason in tooltips and the label."""
        for check, tip in zip(self.checks(), (REMEMBER_TIP, STAY_TIP), strict=True):
            check.setEnabled(available)
            unavailable = self.tr("Not available: {reason}").format(reason=reason)
            check.setToolTip(self.tr(tip) if available else plain_tip(unavailable))
        cannot = self.tr("Passwords and sessions cannot be saved: {reason}")
        self._show_status("" if available else cannot.format(reason=reason))

    def _show_status(self, text: str) -> None:
        self.status_label.setText(shown(text, lines=True))  # a keyring's error, plain
        self.status_label.setVisible(bool(text))
        # the wrapped text may take another number of lines: the form must ask our height again
        # (a label's new height for a width does not reach the form by itself)
        self.updateGeometry()

    def set_values(self, remember: bool, stay: bool) -> None:
        """Show a profile's choices without emitting ``toggled``."""
        for check, value in zip(self.checks(), (remember, stay), strict=True):
            check.blockSignals(True)
            check.setChecked(value)
            check.blockSignals(False)
