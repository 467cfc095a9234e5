"""The "Check server" dialog: runs the server check off the GUI thread and fills rows live.

:func:`~msauth_gui.core.check.run_check` runs in a worker job (:mod:`..session.worker`); each
row it reports from the check's own threads arrives here as the job's progress. Every run
carries a generation number and a :class:`~msauth_gui.core.check.Budget`: a run started while
another is in flight, or closing the dialog, cancels the older run's budget (its requests end
at once, its worker is free) and makes its late rows and report stale, and they are dropped, as
the keeper drops stale answers. The report is redacted by the core; nothing here adds
unredacted text, and every text is shown plain (:mod:`..plain`).
"""

from __future__ import annotations

import os
import re
import time
from collections.abc import Callable
from pathlib import Path
from typing import Any
from urllib.parse import urlsplit

from PySide6.QtCore import QCoreApplication, Qt, QTimer, Signal
from PySide6.QtGui import QCloseEvent, QGuiApplication, QHideEvent, QPaintEvent
from PySide6.QtWidgets import (
    QDialog,
    QHBoxLayout,
    QProgressBar,
    QPushButton,
    QSizePolicy,
    QVBoxLayout,
    QWidget,
)

from ...core.check import ORDER, Budget, run_check
from ...core.check.report import CheckReport, CheckRow
from ...core.client import ConnectionSettings
from ...core.errors import AuthError
from ...core.translate import number
from .. import theme
from ..plain import label, make_plain, shown, tip
from ..prompts import FileDialog
from ..session.worker import Report, run_in_thread
from ..widgets import name
from .table import STATUS_LOOK, CheckTable, counts_text, status_icon, status_word

#: what a check needs: settings, login, password — or None when the form is not ready
CheckInputs = tuple[ConnectionSettings, str, str]
InputSource = Callable[[], "CheckInputs | None"]
MARKDOWN_FILTER = "Markdown (*.md)"
JSON_FILTER = "JSON (*.json)"
ICON_PX = 20
#: the progress bar's room around its text ("8 of 13 checks done"): frame and margins
PROGRESS_PADDING_PX = 40
#: the longest a check waits for its dialog's first paint (a dialog the window system never
#: exposes still gets its check)
PAINT_WAIT_MS = 100


class CheckDialog(QDialog):
    """Non-modal: the main window stays usable while a check runs."""

    reportReady = Signal(object)  #: a finished, current CheckReport
    rowShown = Signal(object)  #: a current CheckRow, once it is in the table

    def __init__(self, parent: QWidget | None, source: InputSource) -> None:
        super().__init__(parent)
        name(
            self,
            "checkDialog",
            self.tr("Check server"),
            self.tr("Checks the server's sign-in set-up step by step and says what to fix."),
        )
        self.setWindowTitle(self.tr("Check server"))
        self.setModal(False)
        self._source = source
        self._generation = 0
        self._budget: Budget | None = None  #: the run in flight's, to stop it (None: none runs)
        self._report: CheckReport | None = None
        #: the run that waits for the dialog's first paint: its threads would compete with it
        self._pending: Callable[[], object] | None = None
        self._painted = False
        self._build()
        self.resize(1180, 640)  # fits a 1366×768 screen
        self._update_buttons()

    # -- construction ----------------------------------------------------------------------
    def _build(self) -> None:
        # the icon is named after the verdict's word; screen readers read the label's text
        self.verdict_icon = label(parent=self, object_name="checkVerdictIcon")
        self.verdict_icon.setAlignment(Qt.AlignmentFlag.AlignTop)
        self.verdict_label = label(self.tr("Not checked yet."), self)
        self.verdict_label.setObjectName("checkVerdictLabel")
        self.verdict_label.setWordWrap(True)
        self.verdict_label.setSizePolicy(QSizePolicy.Policy.Ignored, QSizePolicy.Policy.Preferred)
        self.verdict_label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.progress = QProgressBar(self)
        name(self.progress, "checkProgress", self.tr("Check progress"))
        self.progress.setRange(0, len(ORDER))
        self.progress.setFormat(self.tr("%v of %m checks done"))
        widest = self.progress.format().replace("%v", "88").replace("%m", "88")
        room = self.fontMetrics().horizontalAdvance(widest) + PROGRESS_PADDING_PX
        self.progress.setMinimumWidth(room)
        self.progress.hide()
        self.summary_label = label(parent=self, object_name="checkSummaryLabel")
        self.summary_label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.table = CheckTable(self)

        self.run_button = self._button(self.tr("&Run again"), "checkRunButton", self.run)
        self.run_button.setToolTip(self.tr("Check again with the form's current settings"))
        self.copy_button = self._button(
            self.tr("&Copy report"), "copyReportButton", self.copy_report
        )
        self.copy_button.setToolTip(self.tr("Copy the report as Markdown (no secrets in it)"))
        self.save_button = self._button(
            self.tr("&Save report…"), "saveReportButton", self.save_report
        )
        self.save_button.setToolTip(self.tr("Save the report as Markdown (.md) or JSON (.json)"))
        close_button = self._button(self.tr("C&lose"), "checkCloseButton", self.close)
        for button, spoken, description in (
            (self.run_button, self.tr("Run again"),
             self.tr("Checks again with the main window's current settings.")),
            (self.copy_button, self.tr("Copy report"),
             self.tr("Copies the report as Markdown; it holds no secrets.")),
            (self.save_button, self.tr("Save report"),
             self.tr("Saves the report as Markdown or JSON.")),
            (close_button, self.tr("Close"), self.tr("Closes this window; a running check stops.")),
        ):  # fmt: skip
            name(button, button.objectName(), spoken, description)

        top = QHBoxLayout()
        top.addWidget(self.verdict_icon)
        top.addWidget(self.verdict_label, 1)
        status = QHBoxLayout()
        status.addWidget(self.summary_label, 1)
        status.addWidget(self.progress)
        buttons = QHBoxLayout()
        for button in (self.run_button, self.copy_button, self.save_button):
            buttons.addWidget(button)
        buttons.addStretch(1)
        buttons.addWidget(close_button)
        layout = QVBoxLayout(self)
        layout.addLayout(top)
        layout.addLayout(status)
        layout.addWidget(self.table, 1)
        layout.addLayout(buttons)
        make_plain(self)

    def _button(self, text: str, object_name: str, slot: Callable[[], object]) -> QPushButton:
        button = QPushButton(text, self)
        name(button, object_name)
        button.setAutoDefault(False)  # Enter in the dialog must not start a second run
        button.clicked.connect(slot)
        return button

    # -- state -----------------------------------------------------------------------------
    @property
    def running(self) -> bool:
        return self._budget is not None

    @property
    def check_started(self) -> bool:
        """The current run's check has been handed to its thread (it waits for the first paint
        of a dialog just shown)."""
        return self.running and self._pending is None

    @property
    def generation(self) -> int:
        return self._generation

    @property
    def report(self) -> CheckReport | None:
        """The last finished report of the current run, or None."""
        return self._report

    # -- running ---------------------------------------------------------------------------
    def show_and_run(self) -> None:
        self.show()
        self.raise_()
        self.activateWindow()
        self.run()

    def run(self) -> None:
        """Start a check with the form's current values; an older run is stopped."""
        self._cancel()
        self._generation += 1
        generation = self._generation
        self._report = None
        self.table.clear_rows()
        self.summary_label.clear()
        inputs = self._source()
        if inputs is None:
            self.progress.hide()
            self._show_verdict(
                "fail", self.tr("Fix the fields marked in red in the main window first.")
            )
            self._update_buttons()
            return
        settings, login, password = inputs
        budget = self._budget = Budget(settings.timeout)

        def job(report: Report) -> CheckReport:  # each row is reported from the check's threads
            return run_check(
                settings, login, password, on_row=report, clock=time.time, budget=budget
            )

        self.progress.setValue(0)
        self.progress.show()
        checking = self.tr("Checking {server}…").format(server=settings.server)
        self._show_verdict("running", checking)
        self._update_buttons()
        # Opened, the dialog builds, lays out and paints its table (~15 ms), while the check's
        # six threads would each send a request: on the same GIL, that made a 20-35 ms frame.
        self._pending = lambda: run_in_thread(
            job,
            lambda value, error: self._on_done(generation, value, error),
            on_progress=lambda row: self._on_row(generation, row),
        )
        if self._painted:
            self._start_pending()
        else:
            QTimer.singleShot(PAINT_WAIT_MS, self._start_pending)

    def _start_pending(self) -> None:
        start, self._pending = self._pending, None
        if start is not None:
            start()

    def paintEvent(self, event: QPaintEvent) -> None:
        super().paintEvent(event)
        if not self._painted:
            self._painted = True
            QTimer.singleShot(0, self._start_pending)  # once this paint pass is done

    def hideEvent(self, event: QHideEvent) -> None:
        self._painted = False  # shown again, it paints again before its check starts
        super().hideEvent(event)

    def _cancel(self) -> None:
        self._pending = None
        if self._budget is not None:
            self._budget.cancel()
            self._budget = None

    def stop(self) -> None:
        """Stop the run in flight: its requests end now; late rows and report are dropped."""
        was_running = self.running
        self._cancel()
        self._generation += 1
        if was_running:
            self.progress.hide()
            self._show_verdict("skip", self.tr("Stopped: the check's late results are ignored."))
        self._update_buttons()

    def _on_row(self, generation: int, row: CheckRow) -> None:
        if generation != self._generation:
            return  # a row of an older run
        self.table.show_row(row)
        done = set(ORDER).intersection(self.table.keys())  # the fixed rows, not the candidates
        self._advance(len(done))
        self.rowShown.emit(row)

    def _advance(self, value: int) -> None:
        """Move the progress bar to ``value``, painted with the rest of the dialog.

        ``QProgressBar.setValue`` repaints the bar at once, a paint pass of its own for every
        row (measured: ~1.8 ms each on the GUI thread while the answers arrive); with updates
        off it only records the value, and turning them on again schedules one paint.
        """
        if value == self.progress.value():
            return
        self.progress.setUpdatesEnabled(False)
        self.progress.setValue(value)
        self.progress.setUpdatesEnabled(True)

    def _on_done(self, generation: int, report: Any, error: AuthError | None) -> None:
        if generation != self._generation:
            return  # an older run, or the dialog was closed meanwhile
        self._budget = None
        self.progress.hide()
        if error is not None or not isinstance(report, CheckReport):
            message = error.message if error is not None else self.tr("no report")
            self._show_verdict("fail", self.tr("Could not check: {error}").format(error=message))
            self._update_buttons()
            return
        for row in report.rows:  # every row, even one whose live signal is still queued
            self.table.show_row(row)
        self._report = report
        look = "pass" if report.best_method is not None else "fail"
        self._show_verdict(look, report.verdict)
        self.summary_label.setText(
            shown(
                self.tr("{counts} · took {ms} ms").format(
                    counts=counts_text(report.rows), ms=number(round(report.duration_ms))
                )
            )
        )
        self._update_buttons()
        self.reportReady.emit(report)

    # -- view ------------------------------------------------------------------------------
    def _show_verdict(self, look: str, text: str) -> None:
        word, colour = status_word(look), STATUS_LOOK[look][1]
        self.verdict_icon.setPixmap(status_icon(look).pixmap(ICON_PX, ICON_PX))
        self.verdict_icon.setToolTip(tip(word))
        self.verdict_icon.setAccessibleName(word)  # the icon says what its colour says
        self.verdict_label.setText(shown(text, lines=True))
        self.verdict_label.setStyleSheet(f"color: {theme.colour(colour)}; font-weight: bold;")

    def _update_buttons(self) -> None:
        has_report = self._report is not None
        self.copy_button.setEnabled(has_report)
        self.save_button.setEnabled(has_report)

    def verdict_text(self) -> str:
        return self.verdict_label.text()

    # -- report ----------------------------------------------------------------------------
    def copy_report(self) -> None:
        if self._report is None:
            return
        # the report holds no secrets (the core redacted every row), so it is plain text
        QGuiApplication.clipboard().setText(self._report.to_markdown())
        self.summary_label.setText(self.tr("Report copied to the clipboard as Markdown."))

    @classmethod
    def ask_save_path(cls, parent: QWidget, suggested: str) -> tuple[str, str]:
        """Ask where to save: (path, chosen filter); path "" when cancelled (tests patch this)."""
        title = QCoreApplication.translate("CheckDialog", "Save report")
        filters = f"{MARKDOWN_FILTER};;{JSON_FILTER}"
        return FileDialog(parent, title, suggested, filters, save=True).ask()

    def save_report(self) -> None:
        report = self._report
        if report is None:
            return
        path, chosen = type(self).ask_save_path(self, suggested_path(report))
        if not path:
            return
        target = Path(path)
        as_json = target.suffix.lower() == ".json" or (
            chosen == JSON_FILTER and target.suffix.lower() != ".md"
        )
        if not target.suffix:
            target = target.with_suffix(".json" if as_json else ".md")
        text = report.to_json() + "\n" if as_json else report.to_markdown()
        try:
            target.write_text(text, encoding="utf-8")
        except OSError as exc:
            text = self.tr("Could not save {path}: {error}")
            self.summary_label.setText(shown(text.format(path=target, error=exc.strerror or exc)))
            return
        self.summary_label.setText(shown(self.tr("Report saved to {path}.").format(path=target)))

    # -- closing ---------------------------------------------------------------------------
    def closeEvent(self, event: QCloseEvent) -> None:
        self.stop()
        super().closeEvent(event)

    def reject(self) -> None:  # Esc
        self.stop()
        super().reject()


def suggested_path(report: CheckReport) -> str:
    """``~/server-check-HOST-YYYYMMDD-HHMM.md``."""
    host = urlsplit(report.server).hostname or "server"
    host = re.sub(r"[^A-Za-z0-9.-]+", "-", host).strip("-") or "server"
    stamp = time.strftime("%Y%m%d-%H%M")
    return os.path.join(os.path.expanduser("~"), f"server-check-{host}-{stamp}.md")
