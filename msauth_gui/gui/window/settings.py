"""The Settings dialog and the application-wide preferences it edits, stored with QSettings.

Clipboard clearing delay (or off), the refresh point as a percentage of the token's lifetime,
signing in again with the remembered password, the activity log's size, the tray icon and the
language ("" follows the system; a new choice takes effect at the next start, for the window and
``msauth`` alike). Values missing from the settings keep what the window was built with.
"""

from __future__ import annotations

from dataclasses import dataclass, replace
from typing import TYPE_CHECKING

from PySide6.QtCore import QCoreApplication, QSettings
from PySide6.QtGui import QAction
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QSpinBox,
    QSystemTrayIcon,
    QVBoxLayout,
    QWidget,
)

from ...core.translate import QT_TRANSLATE_NOOP
from ..prompts import name_stock_controls
from ..widgets import name

if TYPE_CHECKING:
    from .main import MainWindow

GROUP = "settings"
#: (label, code): "" follows the system; the languages are named in their own words
LANGUAGES: tuple[tuple[str, str], ...] = (
    (QT_TRANSLATE_NOOP("SettingsDialog", "System language"), ""),
    ("English", "en"),
    ("Русский", "ru"),
)


@dataclass(frozen=True)
class AppSettings:
    clipboard_clear_s: int = 30  #: 0: never cleared by time (still on sign-out and quit)
    refresh_percent: int = 80
    allow_resign: bool = True
    log_lines: int = 5000
    language: str = ""  #: "" (the system's), "en" or "ru"
    show_tray: bool = True  #: a tray icon, where the desktop has a tray

    @classmethod
    def of_window(cls, window: MainWindow) -> AppSettings:
        """What the window runs with now."""
        return cls(
            clipboard_clear_s=round(window.clipboard.clear_ms / 1000),
            refresh_percent=round(window.keeper.refresh_fraction * 100),
            allow_resign=window.form.allow_resign.isChecked(),
            log_lines=window.log.view.maximumBlockCount(),
            show_tray=window.tray.enabled,
        )

    def apply(self, window: MainWindow) -> None:
        window.clipboard.clear_ms = self.clipboard_clear_s * 1000
        window.keeper.refresh_fraction = self.refresh_percent / 100
        window.form.allow_resign.setChecked(self.allow_resign)  # the keeper follows the box
        window.keeper.allow_resign = self.allow_resign
        window.log.view.setMaximumBlockCount(self.log_lines)
        window.tray.set_enabled(self.show_tray)


_KEYS = {
    "clipboard_clear_s": ("clipboardClearSeconds", int),
    "refresh_percent": ("refreshPercent", int),
    "allow_resign": ("signInAgain", bool),
    "log_lines": ("logLines", int),
    "language": ("language", str),
    "show_tray": ("showTrayIcon", bool),
}


def load_settings(store: QSettings, defaults: AppSettings) -> AppSettings:
    """The stored preferences; a missing or unreadable value keeps the default."""
    values = {}
    store.beginGroup(GROUP)
    for attr, (key, kind) in _KEYS.items():
        if store.contains(key):
            try:
                values[attr] = kind(store.value(key, getattr(defaults, attr), kind))
            except (TypeError, ValueError):
                continue
    store.endGroup()
    return _clamped(replace(defaults, **values))


def save_settings(store: QSettings, settings: AppSettings) -> None:
    store.beginGroup(GROUP)
    for attr, (key, _kind) in _KEYS.items():
        store.setValue(key, getattr(settings, attr))
    store.endGroup()
    store.sync()


def _clamped(s: AppSettings) -> AppSettings:
    return replace(
        s,
        clipboard_clear_s=min(max(s.clipboard_clear_s, 0), 3600),
        refresh_percent=min(max(s.refresh_percent, 10), 95),
        log_lines=min(max(s.log_lines, 100), 100_000),
        language=s.language if s.language in [code for _label, code in LANGUAGES] else "",
    )


class SettingsDialog(QDialog):
    """Edits :class:`AppSettings`; ``values()`` reads the result."""

    def __init__(self, current: AppSettings, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("settingsDialog")
        self.setWindowTitle(self.tr("Settings"))
        self.clear_check = QCheckBox(self.tr("Clear copied secrets after"), self)
        name(
            self.clear_check,
            "clipboardClearCheck",
            self.tr("Clear copied secrets"),
            self.tr("Clears a copied token from the clipboard after the delay next to it."),
        )
        self.clear_spin = QSpinBox(self)
        name(
            self.clear_spin,
            "clipboardClearSpin",
            self.tr("Clipboard clearing delay"),
            self.tr("Seconds after which a copied secret leaves the clipboard."),
        )
        self.clear_spin.setRange(1, 3600)
        self.clear_spin.setSuffix(self.tr(" s"))
        self.clear_check.toggled.connect(self.clear_spin.setEnabled)
        self.refresh_spin = QSpinBox(self)
        name(
            self.refresh_spin,
            "refreshPercentSpin",
            self.tr("Refresh point"),
            self.tr("How much of the token's lifetime passes before it is renewed, in percent."),
        )
        self.refresh_spin.setRange(10, 95)
        self.refresh_spin.setSuffix(self.tr(" % of the lifetime"))
        self.resign_check = QCheckBox(
            self.tr("When the refresh token is refused, sign in again with the password"), self
        )
        name(
            self.resign_check,
            "signInAgainCheck",
            self.tr("Sign in again when needed"),
            self.tr("Signs in again with the password in memory when the refresh is refused."),
        )
        self.log_spin = QSpinBox(self)
        name(
            self.log_spin,
            "logLinesSpin",
            self.tr("Activity log size"),
            self.tr("How many lines the activity log keeps before dropping the oldest."),
        )
        self.log_spin.setRange(100, 100_000)
        self.log_spin.setSingleStep(1000)
        self.log_spin.setSuffix(self.tr(" lines"))
        self.language_combo = QComboBox(self)
        name(
            self.language_combo,
            "languageCombo",
            self.tr("Language"),
            self.tr("The language of the window and the command line."),
        )
        for label, code in LANGUAGES:
            self.language_combo.addItem(self.tr(label) if not code else label, code)
        self.language_combo.setToolTip(
            self.tr("The window and msauth speak this language from the next start")
        )
        self.language_note = QLabel(self.tr("Takes effect at the next start."), self)
        self.language_note.setObjectName("languageNote")
        self.tray_check = QCheckBox(self.tr("Show tray icon"), self)
        name(
            self.tray_check,
            "showTrayCheck",
            self.tr("Show tray icon"),
            self.tr("Shows the token's state in the system tray, with copy and refresh."),
        )
        if QSystemTrayIcon.isSystemTrayAvailable():
            self.tray_check.setToolTip(
                self.tr("The token's state in the system tray, with copy and refresh")
            )
        else:
            self.tray_check.setToolTip(self.tr("This desktop has no system tray"))

        clear_row = QHBoxLayout()
        clear_row.addWidget(self.clear_check)
        clear_row.addWidget(self.clear_spin)
        clear_row.addStretch(1)
        form = QFormLayout()
        form.setFieldGrowthPolicy(QFormLayout.FieldGrowthPolicy.FieldsStayAtSizeHint)
        language_row = QHBoxLayout()
        language_row.addWidget(self.language_combo)
        language_row.addWidget(self.language_note)
        language_row.addStretch(1)
        form.addRow(self.tr("Clipboard:"), clear_row)
        form.addRow(self.tr("Refresh the token at:"), self.refresh_spin)
        form.addRow("", self.resign_check)
        form.addRow(self.tr("Activity log keeps:"), self.log_spin)
        form.addRow(self.tr("Language:"), language_row)
        form.addRow("", self.tray_check)
        buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel, self
        )
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        self.buttons = buttons
        name_stock_controls(buttons)
        layout = QVBoxLayout(self)
        layout.addLayout(form)
        layout.addWidget(buttons)
        self._show(current)

    def _show(self, s: AppSettings) -> None:
        self.clear_check.setChecked(s.clipboard_clear_s > 0)
        self.clear_spin.setValue(s.clipboard_clear_s or 30)
        self.clear_spin.setEnabled(s.clipboard_clear_s > 0)
        self.refresh_spin.setValue(s.refresh_percent)
        self.resign_check.setChecked(s.allow_resign)
        self.log_spin.setValue(s.log_lines)
        self.tray_check.setChecked(s.show_tray)
        self.language_combo.setCurrentIndex(max(0, self.language_combo.findData(s.language)))

    def values(self) -> AppSettings:
        return AppSettings(
            clipboard_clear_s=self.clear_spin.value() if self.clear_check.isChecked() else 0,
            refresh_percent=self.refresh_spin.value(),
            allow_resign=self.resign_check.isChecked(),
            log_lines=self.log_spin.value(),
            language=str(self.language_combo.currentData() or ""),
            show_tray=self.tray_check.isChecked(),
        )


class Preferences:
    """Loads the stored preferences into a window and runs the Settings dialog for it."""

    def __init__(self, window: MainWindow, store: QSettings | None) -> None:
        self._window = window
        self._store = store
        self.current = AppSettings.of_window(window)
        if store is not None:
            self.current = load_settings(store, self.current)
            self.current.apply(window)
            window.form.allow_resign.toggled.connect(self._on_allow_resign)
        self.action = QAction(QCoreApplication.translate("Preferences", "&Settings…"), window)
        self.action.setObjectName("settingsAction")
        self.action.triggered.connect(self.open_dialog)

    def _now(self) -> AppSettings:
        return replace(AppSettings.of_window(self._window), language=self.current.language)

    def open_dialog(self) -> SettingsDialog:
        """Show the dialog (window-modal, not blocking); OK applies and stores the values."""
        dialog = SettingsDialog(self._now(), self._window)
        dialog.accepted.connect(lambda: self.change(dialog.values()))
        dialog.finished.connect(dialog.deleteLater)
        dialog.open()
        return dialog

    def change(self, settings: AppSettings) -> None:
        if settings.language != self.current.language:
            self._window.show_status(
                QCoreApplication.translate(
                    "Preferences", "The new language is used from the next start."
                )
            )
        self.current = _clamped(settings)
        self.current.apply(self._window)
        if self._store is not None:
            save_settings(self._store, self.current)

    def _on_allow_resign(self, allowed: bool) -> None:
        """The form's "Advanced" box edits the same preference."""
        if allowed != self.current.allow_resign:
            self.change(replace(self._now(), allow_resign=allowed))
