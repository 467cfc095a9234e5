"""The Settings dialog: edits the application's :class:`~..preferences.Preferences`.

Clipboard clearing delay (or off), the refresh point as a percentage of the token's lifetime,
signing in again with the password in memory (the one place this choice is made), the activity
log's size, the tray icon, the language (from the next start) and the local proxy's port and
read-only mode. OK hands the values to the preferences model, which stores them and tells the
keeper, clipboard, tray, log and local proxy.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import replace

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

from ..plain import make_plain
from ..preferences import LANGUAGES, AppSettings, Preferences
from ..prompts import name_stock_controls
from ..widgets import name


class SettingsDialog(QDialog):
    """Edits :class:`AppSettings`; ``values()`` reads the result."""

    def __init__(self, current: AppSettings, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("settingsDialog")
        self.setWindowTitle(self.tr("Settings"))
        self.clear_check = QCheckBox(self.tr("&Clear copied secrets after"), self)
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
            self.tr("When the refresh token is refused, &sign in again with the password"), self
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
        self.log_spin.valueChanged.connect(self._log_suffix)  # "1 001 line", "1 002 lines"
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
        self.tray_check = QCheckBox(self.tr("Show &tray icon"), self)
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

        self.proxy_port_spin = QSpinBox(self)
        name(
            self.proxy_port_spin,
            "proxyPortSpin",
            self.tr("Local proxy port"),
            self.tr("The port the local proxy listens on; 0 picks a free one each time."),
        )
        self.proxy_port_spin.setRange(0, 65535)
        self.proxy_port_spin.setSpecialValueText(self.tr("any free port"))
        self.proxy_read_only_check = QCheckBox(
            self.tr("Read-&only: refuse POST, PUT, PATCH and DELETE"), self
        )
        name(
            self.proxy_read_only_check,
            "proxyReadOnlyCheck",
            self.tr("Local proxy read-only"),
            self.tr("The local proxy refuses requests that change data."),
        )

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
        # a label with a letter (Alt+letter) names the field it jumps to: its buddy
        form.addRow(self.tr("Clipboard:"), clear_row)
        form.addRow(self.tr("&Refresh the token at:"), self.refresh_spin)
        form.addRow("", self.resign_check)
        form.addRow(self.tr("Activity &log keeps:"), self.log_spin)
        language_label = QLabel(self.tr("La&nguage:"), self)
        language_label.setBuddy(self.language_combo)
        form.addRow(language_label, language_row)
        form.addRow("", self.tray_check)
        form.addRow(self.tr("Local proxy &port:"), self.proxy_port_spin)
        form.addRow("", self.proxy_read_only_check)
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
        make_plain(self)
        self._current = current
        self._show(current)

    def _log_suffix(self, lines: int) -> None:
        self.log_spin.setSuffix(self.tr(" line(s)", "", lines))

    def _show(self, s: AppSettings) -> None:
        seconds = round(s.clipboard_clear_ms / 1000)
        self.clear_check.setChecked(seconds > 0)
        self.clear_spin.setValue(seconds or 30)
        self.clear_spin.setEnabled(seconds > 0)
        self.refresh_spin.setValue(round(s.refresh_fraction * 100))
        self.resign_check.setChecked(s.allow_resign)
        self.log_spin.setValue(s.log_lines)
        self._log_suffix(self.log_spin.value())  # also when the value did not change
        self.tray_check.setChecked(s.show_tray)
        self.proxy_port_spin.setValue(s.proxy_port)
        self.proxy_read_only_check.setChecked(s.proxy_read_only)
        self.language_combo.setCurrentIndex(max(0, self.language_combo.findData(s.language)))

    def values(self) -> AppSettings:
        seconds = self.clear_spin.value() if self.clear_check.isChecked() else 0
        return replace(  # what the dialog does not show (the curl shell) stays as it was
            self._current,
            clipboard_clear_ms=seconds * 1000,
            refresh_fraction=self.refresh_spin.value() / 100,
            allow_resign=self.resign_check.isChecked(),
            log_lines=self.log_spin.value(),
            language=str(self.language_combo.currentData() or ""),
            show_tray=self.tray_check.isChecked(),
            proxy_port=self.proxy_port_spin.value(),
            proxy_read_only=self.proxy_read_only_check.isChecked(),
        )


def open_settings(
    preferences: Preferences, parent: QWidget, on_language: Callable[[], None]
) -> SettingsDialog:
    """Show the dialog (window-modal, not blocking); OK changes ``preferences``.

    ``on_language`` runs when OK chose another language (it takes effect at the next start).
    """
    dialog = SettingsDialog(preferences.current, parent)

    def accepted() -> None:
        values = dialog.values()
        if values.language != preferences.current.language:
            on_language()
        preferences.change(values)

    dialog.accepted.connect(accepted)
    dialog.finished.connect(dialog.deleteLater)
    dialog.open()
    return dialog
