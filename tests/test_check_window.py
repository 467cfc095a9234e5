"""The window's "Check server" dialog against the demo server in several set-ups, over loopback."""

from __future__ import annotations

import json
import time
from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest
from PySide6.QtCore import QEvent, QObject, QStandardPaths, Qt, QTimer
from PySide6.QtGui import QGuiApplication
from PySide6.QtTest import QTest
from PySide6.QtWidgets import (
    QApplication,
    QLabel,
    QLineEdit,
    QPlainTextEdit,
    QProgressBar,
    QPushButton,
    QSpinBox,
    QTableWidget,
)

from msauth_gui.core.check.report import STATUSES, CheckRow
from msauth_gui.core.check.run import ORDER
from msauth_gui.devserver import DemoServer
from msauth_gui.gui.check.dialog import CheckDialog
from msauth_gui.gui.session.keeper import TokenKeeper
from msauth_gui.gui.session.worker import job_pool
from msauth_gui.gui.window.main import MainWindow

from .test_check import ROWS
from .test_window import child, click, expand_advanced, fill
from .tls import Minted

QStandardPaths.setTestModeEnabled(True)

TIMEOUT = 10_000
ROLES = "«Внешнее подключение»"
COLUMN = {"check": 0, "result": 1, "happened": 2, "meaning": 3}


@pytest.fixture
def window(qtbot: Any) -> MainWindow:
    keeper = TokenKeeper(tick_ms=20)
    win = MainWindow(keeper=keeper)
    keeper.setParent(win)
    qtbot.addWidget(win)
    win.show()
    qtbot.waitExposed(win)
    return win


def dialog_of(window: MainWindow) -> CheckDialog:
    dialog = window.findChild(CheckDialog, "checkDialog")
    assert dialog is not None, "no dialog named checkDialog"
    assert dialog.accessibleName()  # a human name for screen readers ("Check server")
    return dialog


def table(window: MainWindow) -> QTableWidget:
    return child(dialog_of(window), QTableWidget, "checkTable")


def verdict(window: MainWindow) -> QLabel:
    return child(dialog_of(window), QLabel, "checkVerdictLabel")


def rows(window: MainWindow) -> dict[str, dict[str, str]]:
    """key -> column -> text, as the table shows it."""
    view = table(window)
    shown = {}
    for r in range(view.rowCount()):
        key = view.item(r, 0).data(Qt.ItemDataRole.UserRole)
        shown[key] = {col: view.item(r, i).text() for col, i in COLUMN.items()}
    return shown


def run_check(qtbot: Any, window: MainWindow, *, via: str = "button") -> CheckDialog:
    """Start a check from the window and wait for its report."""
    if via == "button":
        click(qtbot, window, "checkServerButton")
    else:
        window.activateWindow()
        qtbot.waitUntil(lambda: QApplication.activeWindow() is window, timeout=TIMEOUT)
        QTest.keyClick(window, Qt.Key.Key_K, Qt.KeyboardModifier.ControlModifier)
    dialog = dialog_of(window)
    assert dialog.isVisible() and not dialog.isModal()
    qtbot.waitUntil(lambda: dialog.report is not None, timeout=TIMEOUT)
    return dialog


def log_text(window: MainWindow) -> str:
    return child(window, QPlainTextEdit, "logView").toPlainText()


def set_timeout(qtbot: Any, window: MainWindow, seconds: int) -> None:
    expand_advanced(qtbot, window)
    child(window, QSpinBox, "timeoutSpin").setValue(seconds)


# -- the normal case ---------------------------------------------------------------------------
def test_normal_server_fills_every_row_and_names_the_method(
    qtbot: Any, window: MainWindow, make_server: Callable[..., DemoServer]
) -> None:
    server = make_server()
    fill(qtbot, window, server.url)
    action = window.findChild(type(window.sign_in_action), "checkServerAction")
    assert action is not None and action.shortcut().toString() == "Ctrl+K"
    dialog = run_check(qtbot, window, via="shortcut")
    shown = rows(window)
    assert list(shown) == ROWS  # every row, in the report's order
    for key in ("tls", "api", "auth_on", "method.basic", "method.session", "method.oauth"):
        assert shown[key]["result"] == "Pass", (key, shown[key])
    assert shown["method.oauth_connect"]["result"] == "Skipped"
    assert shown["method.oauth"]["check"] == "OAuth password grant"
    assert "lifetime 24 h" in shown["method.oauth"]["happened"]
    result = table(window).item(0, COLUMN["result"])
    assert not result.icon().isNull()  # an icon besides the word
    assert verdict(window).text().startswith("Use OAuth password grant (token URL ")
    summary = child(dialog, QLabel, "checkSummaryLabel").text()
    assert summary.startswith("11 passed, 2 skipped, 1 info · took")
    assert not child(dialog, QProgressBar, "checkProgress").isVisible()
    # one summary line in the activity log
    lines = [line for line in log_text(window).splitlines() if "Server check of" in line]
    assert len(lines) == 1 and "Use OAuth password grant" in lines[0] and "11 passed" in lines[0]


def test_rows_appear_while_the_check_is_still_running(
    qtbot: Any, window: MainWindow, make_server: Callable[..., DemoServer]
) -> None:
    server = make_server(fault="delay", delay=0.6, fault_on=frozenset({"token", "refresh"}))
    fill(qtbot, window, server.url)
    click(qtbot, window, "checkServerButton")
    dialog = dialog_of(window)
    assert dialog.running and verdict(window).text().startswith("Checking http://127.0.0.1")
    assert child(dialog, QProgressBar, "checkProgress").isVisible()
    # TLS, API, Basic… come back long before the delayed OAuth sign-in does
    qtbot.waitUntil(lambda: "method.basic" in rows(window), timeout=TIMEOUT)
    assert dialog.running and dialog.report is None
    # the bar counts the fixed rows shown so far (the value a screen reader says, too)
    progress = child(dialog, QProgressBar, "checkProgress")
    fixed = [key for key in rows(window) if key in ORDER]
    assert 0 < progress.value() == len(fixed) < progress.maximum()
    assert progress.text() == f"{progress.value()} of {progress.maximum()} checks done"
    assert "method.oauth" not in rows(window)
    assert not child(dialog, QPushButton, "copyReportButton").isEnabled()
    qtbot.waitUntil(lambda: dialog.report is not None, timeout=TIMEOUT)
    assert list(rows(window)) == ROWS


def test_the_check_starts_once_its_dialog_has_painted_and_a_rerun_at_once(
    qtbot: Any, window: MainWindow, make_server: Callable[..., DemoServer]
) -> None:
    """The check's six threads, sending while the new dialog laid out and painted its table,
    made a 20-35 ms frame: they now start once it has painted."""
    server = make_server()
    fill(qtbot, window, server.url)
    started_at_paint: list[bool] = []

    class PaintSpy(QObject):
        def eventFilter(self, obj: QObject, event: QEvent) -> bool:
            if isinstance(obj, CheckDialog) and event.type() == QEvent.Type.Paint:
                started_at_paint.append(obj.check_started)
            return False

    spy = PaintSpy()
    QApplication.instance().installEventFilter(spy)
    try:
        click(qtbot, window, "checkServerButton")
        dialog = dialog_of(window)
        assert dialog.running and not dialog.check_started
        assert verdict(window).text().startswith("Checking http://127.0.0.1")
        qtbot.waitUntil(lambda: dialog.report is not None, timeout=TIMEOUT)
    finally:
        QApplication.instance().removeEventFilter(spy)
    assert started_at_paint[0] is False
    assert list(rows(window)) == ROWS
    click(qtbot, dialog, "checkRunButton")  # the dialog is on screen: nothing to wait for
    assert dialog.check_started
    qtbot.waitUntil(lambda: dialog.report is not None, timeout=TIMEOUT)


def test_every_result_word_fits_its_column_with_its_icon(
    qtbot: Any, window: MainWindow, make_server: Callable[..., DemoServer]
) -> None:
    server = make_server()
    fill(qtbot, window, server.url, "norights", "norights")  # pass, fail, skip and info rows
    run_check(qtbot, window)
    view = table(window)
    words = {view.item(r, COLUMN["result"]).text() for r in range(view.rowCount())}
    assert {"Pass", "Fail", "Skipped"} <= words
    # one row more of each status, "Warning" the longest word: the delegate's own size hint
    # (text, icon, margins) for every row fits the column
    for status in STATUSES:
        view.show_row(CheckRow(key=f"candidate.{status}", title=status, status=status))
    column = COLUMN["result"]
    assert view.sizeHintForColumn(column) <= view.columnWidth(column)
    # a bigger font (the system's "make text bigger") widens the column with it
    font = view.font()
    font.setPointSizeF(font.pointSizeF() * 1.6)
    view.setFont(font)
    assert view.sizeHintForColumn(column) <= view.columnWidth(column)


def test_the_progress_bar_has_room_for_its_text(
    qtbot: Any, window: MainWindow, make_server: Callable[..., DemoServer]
) -> None:
    server = make_server()
    fill(qtbot, window, server.url)
    run_check(qtbot, window)
    bar = child(dialog_of(window), QProgressBar, "checkProgress")
    bar.setValue(bar.maximum())
    text = bar.text()
    assert bar.minimumWidth() > bar.fontMetrics().horizontalAdvance(text), text


# -- set-ups -----------------------------------------------------------------------------------
def test_user_without_rights_names_the_role(
    qtbot: Any, window: MainWindow, make_server: Callable[..., DemoServer]
) -> None:
    server = make_server()
    fill(qtbot, window, server.url, "norights", "norights")
    run_check(qtbot, window)
    shown = rows(window)
    for key in ("method.basic", "probe.oauth"):
        assert shown[key]["result"] == "Fail"
        assert ROLES in shown[key]["meaning"] and "403" in shown[key]["happened"]
    assert verdict(window).text().startswith("Fix first: the user has no rights")
    assert ROLES in verdict(window).text()


def test_untrusted_https_fails_tls_and_says_add_the_ca(
    qtbot: Any, window: MainWindow, make_server: Callable[..., DemoServer], certs: Minted
) -> None:
    server = make_server(certfile=certs.good)
    fill(qtbot, window, server.url)
    run_check(qtbot, window)
    tls = rows(window)["tls"]
    assert tls["result"] == "Fail" and "--ca-bundle" in tls["meaning"]
    assert "add the company CA" in verdict(window).text()
    assert server.counts["token"] == 0
    # with the CA in the form, the same server passes
    expand_advanced(qtbot, window)
    child(window, QLineEdit, "caBundleEdit").setText(certs.ca_file)
    dialog = dialog_of(window)
    click(qtbot, dialog, "checkRunButton")
    qtbot.waitUntil(lambda: dialog.report is not None, timeout=TIMEOUT)
    assert rows(window)["tls"]["result"] == "Pass"
    assert verdict(window).text().startswith("Use OAuth password grant")


def test_skewed_date_makes_the_clock_row_warn(
    qtbot: Any, window: MainWindow, make_server: Callable[..., DemoServer]
) -> None:
    fill(qtbot, window, make_server(date_skew=300).url)
    run_check(qtbot, window)
    clock = rows(window)["clock"]
    assert clock["result"] == "Warning" and "5 min" in clock["meaning"]
    assert "Note: the server's clock is 5 min" in verdict(window).text()


def test_html500_on_token_fails_oauth_only(
    qtbot: Any, window: MainWindow, make_server: Callable[..., DemoServer]
) -> None:
    server = make_server(fault="html500", fault_on=frozenset({"token"}))
    fill(qtbot, window, server.url)
    run_check(qtbot, window)
    shown = rows(window)
    assert shown["method.oauth"]["result"] == "Fail"
    assert "HTTP 500" in shown["method.oauth"]["happened"]
    for key in ("tls", "api", "auth_on", "method.basic", "method.session", "probe.session"):
        assert shown[key]["result"] == "Pass", (key, shown[key])
    assert verdict(window).text().startswith("Use Session (GET)")


def test_window_stays_responsive_while_every_request_hangs(
    qtbot: Any, window: MainWindow, make_server: Callable[..., DemoServer]
) -> None:
    server = make_server(fault="hang")  # sign-in, refresh and data requests never answer
    fill(qtbot, window, server.url)
    set_timeout(qtbot, window, 1)
    fired = [0]
    timer = QTimer()
    timer.timeout.connect(lambda: fired.__setitem__(0, fired[0] + 1))
    timer.start(10)
    try:
        click(qtbot, window, "checkServerButton")
        dialog = dialog_of(window)
        started = time.monotonic()
        qtbot.waitUntil(lambda: fired[0] >= 40, timeout=TIMEOUT)
        assert time.monotonic() - started < 1  # the timeouts are still to come
        assert dialog.running
        child(window, QSpinBox, "timeoutSpin").setValue(2)  # the window answers meanwhile
        qtbot.waitUntil(lambda: dialog.report is not None, timeout=TIMEOUT)
    finally:
        timer.stop()
    shown = rows(window)
    for key in ("auth_on", "method.basic", "method.session", "method.oauth"):
        assert shown[key]["result"] == "Fail", (key, shown[key])
        assert "1 s" in shown[key]["happened"] + shown[key]["meaning"]
    assert shown["probe.oauth"]["result"] == "Skipped"
    assert "does not answer within 1 s" in verdict(window).text()


# -- report ------------------------------------------------------------------------------------
def test_copy_report_puts_markdown_without_secrets_on_the_clipboard(
    qtbot: Any, window: MainWindow, make_server: Callable[..., DemoServer]
) -> None:
    password = "Tr0ub4dor&3-pässword"
    server = make_server(users={"operator": password})
    fill(qtbot, window, server.url, "operator", password)
    dialog = run_check(qtbot, window)
    QGuiApplication.clipboard().clear()
    click(qtbot, dialog, "copyReportButton")
    copied = QGuiApplication.clipboard().text()
    assert copied == dialog.report.to_markdown()  # type: ignore[union-attr]
    assert copied.startswith("## Server check: http://127.0.0.1:")
    assert "**Verdict:** Use OAuth password grant" in copied
    assert "| ✅ pass | OAuth password grant |" in copied
    issued = list(server.tokens._access) + list(server.tokens._refresh)
    assert len(issued) >= 4
    view = table(window)
    shown = "\n".join(
        view.item(r, c).text() + view.item(r, c).toolTip()
        for r in range(view.rowCount())
        for c in range(view.columnCount())
    )
    for text in (copied, shown, log_text(window), verdict(window).text()):
        for secret in (password, *issued):
            assert secret not in text


@pytest.mark.parametrize(("name", "chosen"), [("report.md", ""), ("report", "JSON (*.json)")])
def test_save_report_writes_the_file(
    qtbot: Any,
    window: MainWindow,
    make_server: Callable[..., DemoServer],
    monkeypatch: pytest.MonkeyPatch,
    tmp_path: Path,
    name: str,
    chosen: str,
) -> None:
    asked: list[str] = []

    def ask(cls: type, parent: object, suggested: str) -> tuple[str, str]:
        asked.append(suggested)
        return str(tmp_path / name), chosen

    monkeypatch.setattr(CheckDialog, "ask_save_path", classmethod(ask))
    fill(qtbot, window, make_server().url)
    dialog = run_check(qtbot, window)
    click(qtbot, dialog, "saveReportButton")
    assert asked and asked[0].endswith(".md") and "server-check-127.0.0.1-" in asked[0]
    if chosen:
        data = json.loads((tmp_path / "report.json").read_text(encoding="utf-8"))
        assert [row["key"] for row in data["rows"]] == ROWS
        assert data["best_method"] == "oauth"
    else:
        text = (tmp_path / "report.md").read_text(encoding="utf-8")
        assert text == dialog.report.to_markdown()  # type: ignore[union-attr]
    assert "Report saved to" in child(dialog, QLabel, "checkSummaryLabel").text()


# -- stale runs --------------------------------------------------------------------------------
def test_run_again_drops_the_first_runs_late_rows(
    qtbot: Any, window: MainWindow, make_server: Callable[..., DemoServer]
) -> None:
    slow = make_server(fault="delay", delay=0.8, fault_on=frozenset({"token", "session"}))
    quick = make_server()
    fill(qtbot, window, slow.url)
    click(qtbot, window, "checkServerButton")
    dialog = dialog_of(window)
    qtbot.waitUntil(lambda: "method.basic" in rows(window), timeout=TIMEOUT)
    assert "method.oauth" not in rows(window)  # the first run's OAuth row is still to come
    fill(qtbot, window, quick.url)
    click(qtbot, dialog, "checkRunButton")
    qtbot.waitUntil(lambda: dialog.report is not None, timeout=TIMEOUT)
    assert dialog.report.server == quick.url  # type: ignore[union-attr]
    # the first run was stopped; whatever it still reports must not land
    qtbot.waitUntil(lambda: job_pool().activeThreadCount() == 0, timeout=TIMEOUT)
    qtbot.wait(100)
    slow_port = f":{slow.port}"
    assert list(rows(window)) == ROWS
    for key, row in rows(window).items():
        assert slow_port not in " ".join(row.values()), key
    assert dialog.report.server == quick.url  # type: ignore[union-attr]
    assert slow_port not in verdict(window).text()
    lines = [line for line in log_text(window).splitlines() if "Server check of" in line]
    assert len(lines) == 1 and quick.url in lines[0]


def test_closing_the_dialog_drops_the_runs_results(
    qtbot: Any, window: MainWindow, make_server: Callable[..., DemoServer]
) -> None:
    slow = make_server(fault="delay", delay=0.5, fault_on=frozenset({"token"}))
    fill(qtbot, window, slow.url)
    click(qtbot, window, "checkServerButton")
    dialog = dialog_of(window)
    qtbot.waitUntil(lambda: "method.basic" in rows(window), timeout=TIMEOUT)
    dialog.close()
    assert not dialog.running
    shown_then = rows(window)
    # closing stopped the run: its worker is free at once, and what it reported is dropped
    qtbot.waitUntil(lambda: job_pool().activeThreadCount() == 0, timeout=TIMEOUT)
    qtbot.wait(100)
    assert rows(window) == shown_then and dialog.report is None
    assert "Server check of" not in log_text(window)
