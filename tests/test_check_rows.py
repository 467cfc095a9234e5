"""The "Check server" table as a person reads it (issue 12, point 12): every row as tall as its
tallest cell at any dialog size, the advice said once, row names in plain words, and in Russian
no English words where Russian ones exist. Against the demo server over loopback."""

from __future__ import annotations

import re
import socket
from collections.abc import Callable, Iterator
from typing import Any

import pytest
from PySide6.QtCore import QRect, Qt
from PySide6.QtGui import QFontMetrics
from PySide6.QtWidgets import QApplication, QStyle

from msauth_gui.core.check.report import CheckRow, said_once
from msauth_gui.devserver import DemoServer
from msauth_gui.gui.check.dialog import CheckDialog
from msauth_gui.gui.check.table import CheckTable
from msauth_gui.gui.window.main import MainWindow

from .test_check_window import window
from .test_window import fill

TIMEOUT = 10_000
__all__ = ["window"]  # the check window tests' fixture, used here too
#: Latin words a Russian check may show: protocol and product names, and what servers send
TECHNICAL = {
    "API", "Basic", "DNS", "GET", "POST", "GMT", "HTTP", "HTTPS", "JSON", "JWT", "Mobile",
    "SMARTS", "NTP", "OAuth", "TCP", "TLS", "URL", "CA", "ID", "appName", "serverVersion",
    "demo", "exp", "Mon", "Tue", "Wed", "Thu", "Fri", "Sat", "Sun", "Jan", "Feb", "Mar", "Apr",
    "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec",
}  # fmt: skip


def checked(qtbot: Any, window: MainWindow, url: str, login: str = "admin") -> CheckDialog:
    fill(qtbot, window, url, login=login, password=login)
    window.check_server_action.trigger()
    dialog = window.check_dialog
    assert dialog is not None
    qtbot.waitUntil(lambda: dialog.report is not None, timeout=TIMEOUT)
    return dialog


def cells(table: CheckTable) -> Iterator[tuple[int, int, str]]:
    for row in range(table.rowCount()):
        for column in range(table.columnCount()):
            item = table.item(row, column)
            yield row, column, item.text() if item is not None else ""


def text_height(table: CheckTable, column: int, text: str) -> int:
    """The height ``text`` needs wrapped in ``column`` (Qt's own margins for item text)."""
    margin = table.style().pixelMetric(QStyle.PixelMetric.PM_FocusFrameHMargin, None, table) + 1
    width = table.columnWidth(column) - 2 * margin
    flags = int(Qt.TextFlag.TextWordWrap) | int(Qt.AlignmentFlag.AlignLeft)
    return (
        QFontMetrics(table.font()).boundingRect(QRect(0, 0, width, 100_000), flags, text).height()
    )


@pytest.mark.parametrize("size", [(1180, 640), (800, 600), (1180, 640)])
def test_each_row_is_as_tall_as_its_tallest_cell(
    qtbot: Any, window: MainWindow, demo_factory: Callable[..., DemoServer], size: tuple[int, int]
) -> None:
    dialog = checked(qtbot, window, demo_factory().url, login="norights")  # long advice
    dialog.resize(1180, 640)
    dialog.resize(*size)  # narrower (or wider again): the rows follow
    table = dialog.table
    qtbot.waitUntil(lambda: table.viewport().width() < size[0], timeout=TIMEOUT)
    for _ in range(5):
        QApplication.processEvents()
    short = [
        (table.item(row, 0).text(), column, table.rowHeight(row), text_height(table, column, t))
        for row, column, t in cells(table)
        if column in (2, 3) and table.rowHeight(row) < text_height(table, column, t)
    ]
    assert short == []  # no advice cut mid-line


def free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return int(sock.getsockname()[1])


def test_the_advice_is_said_once_in_a_cell(qtbot: Any, window: MainWindow) -> None:
    dialog = checked(qtbot, window, f"http://127.0.0.1:{free_port()}")  # nothing listens
    advice = "Check the address and port, and that the server runs."
    said = [t for _r, column, t in cells(dialog.table) if column == 3 and advice in t]
    assert said and all(t.count(advice) == 1 for t in said), said
    assert all(t.count("Check the address") == 1 for t in said)


def test_a_row_never_says_its_action_twice() -> None:
    row = CheckRow("tls", "Reachability", "fail", meaning="Refused. Do X.", action="Do X.")
    assert (row.meaning, row.action) == ("Refused.", "Do X.")
    assert said_once("Do X.", "Do X.") == "Do X."  # all it has to say: kept
    assert said_once("Refused.", "") == "Refused."


def test_row_names_say_what_was_checked(
    qtbot: Any, window: MainWindow, demo_factory: Callable[..., DemoServer]
) -> None:
    dialog = checked(qtbot, window, demo_factory(openid=True).url)
    names = [t for _r, column, t in cells(dialog.table) if column == 0]
    assert not [n for n in names if n.startswith("Probe:") or "token token" in n]
    assert {"Data with the OAuth token", "Data with the token from /connect/token"} <= set(names)


def test_a_russian_check_speaks_russian(
    russian: None, qtbot: Any, window: MainWindow, demo_factory: Callable[..., DemoServer]
) -> None:
    dialog = checked(qtbot, window, demo_factory(date_skew=600).url)  # the clock row warns
    english = {}
    for _row, _column, text in cells(dialog.table):
        for token in text.split():
            if re.search(r"[/:.$_=0-9@]", token.strip(".,;()«»")):
                continue  # an address, a path, a time or a value the server sent
            for word in re.findall(r"[A-Za-z][A-Za-z-]+", token):
                if word not in TECHNICAL:
                    english.setdefault(word, text)
    assert english == {}  # e.g. not "Date сервера"
