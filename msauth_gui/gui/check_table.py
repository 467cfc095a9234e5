"""The server check's rows on screen: status icons and words, the table, the summary line.

Each status has a painted icon, a colour and a word, so colour is never the only signal. The
table keeps rows in the stable order of :data:`~msauth_gui.core.check.ORDER` however they
arrive, wraps long text and grows rows to fit it.
"""

from __future__ import annotations

from collections import Counter

from PySide6.QtCore import QModelIndex, QPointF, QRectF, QSize, Qt
from PySide6.QtGui import QColor, QIcon, QPainter, QPen, QPixmap
from PySide6.QtWidgets import (
    QAbstractItemView,
    QHeaderView,
    QStyledItemDelegate,
    QStyleOptionViewItem,
    QTableWidget,
    QTableWidgetItem,
    QWidget,
)

from ..core.check import ORDER
from ..core.redact import redact
from ..core.report import CheckReport, CheckRow
from .fmt import BLUE, GREEN, GREY, ORANGE, RED
from .widgets import name

#: status -> (word, colour); "running" is the verdict line's look while a check is in flight
STATUS_LOOK: dict[str, tuple[str, str]] = {
    "pass": ("Pass", GREEN),
    "warn": ("Warning", ORANGE),
    "fail": ("Fail", RED),
    "skip": ("Skipped", GREY),
    "info": ("Info", BLUE),
    "running": ("Checking", BLUE),
}
#: status -> how the summary counts it: (one, more)
SUMMARY_WORDS = {"pass": ("passed", "passed"), "warn": ("warning", "warnings"),
                 "fail": ("failed", "failed"), "skip": ("skipped", "skipped"),
                 "info": ("info", "info")}  # fmt: skip
COLUMNS = ("Check", "Result", "What happened", "What it means / what to do")
KEY_ROLE = Qt.ItemDataRole.UserRole
ROW_GAP_PX = 6
_icons: dict[str, QIcon] = {}

# glyphs on a unit square: polylines (two points or more) and dots (one point)
_GLYPHS: dict[str, tuple[tuple[tuple[float, float], ...], ...]] = {
    "pass": (((0.27, 0.52), (0.43, 0.68), (0.73, 0.35)),),
    "fail": (((0.33, 0.33), (0.67, 0.67)), ((0.67, 0.33), (0.33, 0.67))),
    "warn": (((0.5, 0.24), (0.5, 0.56)), ((0.5, 0.76),)),
    "info": (((0.5, 0.25),), ((0.5, 0.45), (0.5, 0.76))),
    "skip": (((0.28, 0.5), (0.72, 0.5)),),
    "running": (((0.3, 0.5),), ((0.5, 0.5),), ((0.7, 0.5),)),
}


def _paint(status: str, size: int) -> QPixmap:
    pixmap = QPixmap(size, size)
    pixmap.fill(Qt.GlobalColor.transparent)
    painter = QPainter(pixmap)
    painter.setRenderHint(QPainter.RenderHint.Antialiasing)
    painter.setPen(Qt.PenStyle.NoPen)
    painter.setBrush(QColor(STATUS_LOOK[status][1]))
    painter.drawEllipse(QRectF(0.5, 0.5, size - 1, size - 1))
    pen = QPen(QColor("white"), max(1.5, size / 8))
    pen.setCapStyle(Qt.PenCapStyle.RoundCap)
    pen.setJoinStyle(Qt.PenJoinStyle.RoundJoin)
    painter.setPen(pen)
    for glyph in _GLYPHS[status]:
        points = [QPointF(x * size, y * size) for x, y in glyph]
        if len(points) == 1:
            painter.drawPoint(points[0])
        else:
            painter.drawPolyline(points)
    painter.end()
    return pixmap


def status_icon(status: str) -> QIcon:
    """A coloured disc with a white mark: ✓ pass, ! warn, ✕ fail, – skip, i info, … running."""
    icon = _icons.get(status)
    if icon is None:
        icon = QIcon()
        for size in (16, 20, 32):
            icon.addPixmap(_paint(status, size))
        _icons[status] = icon
    return icon


def counts_text(rows: tuple[CheckRow, ...] | list[CheckRow]) -> str:
    """``9 passed, 1 warning, 3 skipped``: every status that occurs, in a fixed order."""
    counts = Counter(row.status for row in rows)
    return ", ".join(
        f"{counts[s]} {one if counts[s] == 1 else more}"
        for s, (one, more) in SUMMARY_WORDS.items()
        if counts[s]
    )


def summary_line(report: CheckReport) -> str:
    """The activity log's one line for a finished check."""
    return redact(
        f"Server check of {report.server}: {counts_text(report.rows)} "
        f"in {report.duration_ms:.0f} ms. {report.verdict}"
    )


def meaning_text(row: CheckRow) -> str:
    if row.meaning and row.action:
        return f"{row.meaning}\nTo do: {row.action}"
    return row.meaning or (f"To do: {row.action}" if row.action else "")


class _TopAlignedDelegate(QStyledItemDelegate):
    """Icons sit on the first line of a wrapped row, next to their word, not in its middle."""

    def initStyleOption(self, option: QStyleOptionViewItem, index: QModelIndex) -> None:
        super().initStyleOption(option, index)
        option.decorationAlignment = Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignTop

    def sizeHint(self, option: QStyleOptionViewItem, index: QModelIndex) -> QSize:
        hint = super().sizeHint(option, index)
        return QSize(hint.width(), hint.height() + ROW_GAP_PX)  # air between wrapped rows


class CheckTable(QTableWidget):
    """One row per check, in report order; the full text of each cell is in its tooltip."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(0, len(COLUMNS), parent)
        name(self, "checkTable")
        self.setHorizontalHeaderLabels(list(COLUMNS))
        self.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.setWordWrap(True)
        self.setTextElideMode(Qt.TextElideMode.ElideRight)
        self.setAlternatingRowColors(True)
        self.setVerticalScrollMode(QAbstractItemView.ScrollMode.ScrollPerPixel)
        self.verticalHeader().hide()
        self.setItemDelegate(_TopAlignedDelegate(self))
        header = self.horizontalHeader()
        header.setSectionResizeMode(0, QHeaderView.ResizeMode.Interactive)
        header.setSectionResizeMode(1, QHeaderView.ResizeMode.ResizeToContents)
        header.setSectionResizeMode(2, QHeaderView.ResizeMode.Stretch)
        header.setSectionResizeMode(3, QHeaderView.ResizeMode.Stretch)
        header.setDefaultAlignment(Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter)
        self.setColumnWidth(0, 190)
        # wrapped text needs the row heights worked out again whenever a column changes width
        header.sectionResized.connect(lambda *_: self.resizeRowsToContents())

    def keys(self) -> list[str]:
        return [self.item(r, 0).data(KEY_ROLE) for r in range(self.rowCount())]

    def cell_text(self, key: str, column: int) -> str:
        return self.item(self.keys().index(key), column).text()

    def show_row(self, row: CheckRow) -> None:
        """Add ``row`` at its place in the report order, or replace the row with its key."""
        keys = self.keys()
        if row.key in keys:
            index = keys.index(row.key)
        else:
            rank = _rank(row.key)
            index = next((i for i, k in enumerate(keys) if _rank(k) > rank), len(keys))
            self.insertRow(index)
        word, colour = STATUS_LOOK[row.status]
        tip = "\n".join(
            part for part in (
                f"Tried: {row.tried}" if row.tried else "",
                row.happened,
                meaning_text(row),
                f"Took {row.duration_ms:.0f} ms" if row.duration_ms else "",
            ) if part
        )  # fmt: skip
        cells = (row.title, word, row.happened, meaning_text(row))
        for column, text in enumerate(cells):
            item = QTableWidgetItem(redact(text))
            item.setFlags(Qt.ItemFlag.ItemIsEnabled | Qt.ItemFlag.ItemIsSelectable)
            item.setToolTip(redact(tip))
            item.setTextAlignment(Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignTop)
            self.setItem(index, column, item)
        self.item(index, 0).setData(KEY_ROLE, row.key)
        result = self.item(index, 1)
        result.setIcon(status_icon(row.status))
        result.setForeground(QColor(colour))
        result.setData(Qt.ItemDataRole.AccessibleTextRole, f"{word}: {row.title}")
        self.resizeRowToContents(index)

    def clear_rows(self) -> None:
        self.setRowCount(0)


def _rank(key: str) -> int:
    return ORDER.index(key) if key in ORDER else len(ORDER)
