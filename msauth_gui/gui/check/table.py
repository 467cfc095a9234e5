"""The server check's rows on screen: status icons and words, the table, the summary line.

Each status has a painted icon, a colour and a word, so colour is never the only signal. The
table keeps rows in the stable order of :func:`~msauth_gui.core.check.row_rank` however they
arrive, wraps long text and grows rows to fit it.
"""

from __future__ import annotations

from collections import Counter

from PySide6.QtCore import (
    QCoreApplication,
    QEvent,
    QModelIndex,
    QObject,
    QPersistentModelIndex,
    QPointF,
    QRectF,
    QSize,
    Qt,
    QTimer,
)
from PySide6.QtGui import QColor, QIcon, QPainter, QPen, QPixmap, QResizeEvent
from PySide6.QtWidgets import (
    QAbstractItemView,
    QHeaderView,
    QStyle,
    QStyledItemDelegate,
    QStyleOptionViewItem,
    QTableWidget,
    QTableWidgetItem,
    QWidget,
)

from ...core.check import row_rank
from ...core.check.report import CheckReport, CheckRow
from ...core.redact import redact
from ...core.translate import QT_TRANSLATE_NOOP, number
from ..fmt import BLUE, GREEN, GREY, ORANGE, RED
from ..plain import shown, tip
from ..theme import colour as themed
from ..widgets import name

#: status -> (word, colour); "running" is the verdict line's look while a check is in flight
STATUS_LOOK: dict[str, tuple[str, str]] = {
    "pass": (QT_TRANSLATE_NOOP("CheckTable", "Pass"), GREEN),
    "warn": (QT_TRANSLATE_NOOP("CheckTable", "Warning"), ORANGE),
    "fail": (QT_TRANSLATE_NOOP("CheckTable", "Fail"), RED),
    "skip": (QT_TRANSLATE_NOOP("CheckTable", "Skipped"), GREY),
    "info": (QT_TRANSLATE_NOOP("CheckTable", "Info"), BLUE),
    "running": (QT_TRANSLATE_NOOP("CheckTable", "Checking"), BLUE),
}
#: status -> how the summary counts it: (one, more)
SUMMARY_ORDER = ("pass", "warn", "fail", "skip", "info")
COLUMNS = (
    QT_TRANSLATE_NOOP("CheckTable", "Check"),
    QT_TRANSLATE_NOOP("CheckTable", "Result"),
    QT_TRANSLATE_NOOP("CheckTable", "What happened"),
    QT_TRANSLATE_NOOP("CheckTable", "What it means / what to do"),
)
KEY_ROLE = Qt.ItemDataRole.UserRole
ROW_GAP_PX = 6
#: the result column's room beside its word and icon: cell margins, icon spacing
RESULT_PADDING_PX = 24
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


def status_word(status: str) -> str:
    """The word for a status ("Pass", "Warning"…) in the current language."""
    return QCoreApplication.translate("CheckTable", STATUS_LOOK[status][0])


class _Counts(QObject):
    """Counts of check results in words; a QObject so that its ``tr`` knows plural forms."""

    def text(self, status: str, n: int) -> str:
        """``9 passed``, ``1 warning``: Qt picks the plural form (English two, Russian three)."""
        if status == "pass":
            return self.tr("%n passed", "", n)
        if status == "warn":
            return self.tr("%n warning(s)", "", n)
        if status == "fail":
            return self.tr("%n failed", "", n)
        if status == "skip":
            return self.tr("%n skipped", "", n)
        return self.tr("%n info", "", n)


def _count(status: str, n: int) -> str:
    return _Counts().text(status, n)


def counts_text(rows: tuple[CheckRow, ...] | list[CheckRow]) -> str:
    """``9 passed, 1 warning, 3 skipped``: every status that occurs, in a fixed order."""
    counts = Counter(row.status for row in rows)
    return ", ".join(_count(s, counts[s]) for s in SUMMARY_ORDER if counts[s])


def summary_line(report: CheckReport) -> str:
    """The activity log's one line for a finished check."""
    text = QCoreApplication.translate(
        "CheckTable", "Server check of {server}: {counts} in {ms} ms. {verdict}"
    )
    return redact(
        text.format(
            server=report.server,
            counts=counts_text(report.rows),
            ms=number(round(report.duration_ms)),
            verdict=report.verdict,
        )
    )


def meaning_text(row: CheckRow) -> str:
    to_do = QCoreApplication.translate("CheckTable", "To do: {action}")
    if row.meaning and row.action:
        return row.meaning + "\n" + to_do.format(action=row.action)
    return row.meaning or (to_do.format(action=row.action) if row.action else "")


class _TopAlignedDelegate(QStyledItemDelegate):
    """Icons sit on the first line of a wrapped row, next to their word, not in its middle."""

    def initStyleOption(
        self, option: QStyleOptionViewItem, index: QModelIndex | QPersistentModelIndex
    ) -> None:
        super().initStyleOption(option, index)
        option.decorationAlignment = Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignTop

    def sizeHint(
        self, option: QStyleOptionViewItem, index: QModelIndex | QPersistentModelIndex
    ) -> QSize:
        hint = super().sizeHint(option, index)
        return QSize(hint.width(), hint.height() + ROW_GAP_PX)  # air between wrapped rows


class CheckTable(QTableWidget):
    """One row per check, in report order; the full text of each cell is in its tooltip."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(0, len(COLUMNS), parent)
        name(
            self,
            "checkTable",
            self.tr("Check results"),
            self.tr(
                "One row per check: its result word, what happened and what to do. Arrow keys "
                "move between cells; Tab leaves the table."
            ),
        )
        self.setTabKeyNavigation(False)  # Tab moves on to the buttons instead of cell to cell
        self.setHorizontalHeaderLabels([self.tr(column) for column in COLUMNS])
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
        # as wide as the widest result word with its icon, worked out once: sized to its
        # contents, the column asked every row for its size hint on each cell set (a row
        # cost 3-11 ms of the GUI thread while the check's answers arrived)
        header.setSectionResizeMode(1, QHeaderView.ResizeMode.Interactive)
        self.setColumnWidth(1, self._result_width())
        header.setSectionResizeMode(2, QHeaderView.ResizeMode.Stretch)
        header.setSectionResizeMode(3, QHeaderView.ResizeMode.Stretch)
        header.setDefaultAlignment(Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter)
        self.setColumnWidth(0, 190)
        self._shown: dict[str, CheckRow] = {}  # key -> the row as shown
        # wrapped text needs the row heights worked out again whenever a column changes width
        # (the stretched ones too, when the dialog is resized): once, after the layout settled
        self._fit_timer = QTimer(self)
        self._fit_timer.setSingleShot(True)
        self._fit_timer.setInterval(0)
        self._fit_timer.timeout.connect(self.resizeRowsToContents)
        header.sectionResized.connect(lambda *_: self._fit_timer.start())

    def _result_width(self) -> int:
        words = [status_word(status) for status in STATUS_LOOK]
        text = max(self.fontMetrics().horizontalAdvance(word) for word in words)
        icon = self.iconSize().width()  # -1 unless set: the style's small icon size then
        if icon <= 0:
            icon = self.style().pixelMetric(QStyle.PixelMetric.PM_SmallIconSize, None, self)
        caption = self.horizontalHeader().fontMetrics().horizontalAdvance(self.tr(COLUMNS[1]))
        return max(text + icon + RESULT_PADDING_PX, caption + RESULT_PADDING_PX)

    def changeEvent(self, event: QEvent) -> None:
        super().changeEvent(event)
        fit = getattr(self, "_fit_timer", None)  # None: still in __init__, which sizes it
        if fit is not None and event.type() in (QEvent.Type.FontChange, QEvent.Type.StyleChange):
            self.setColumnWidth(1, self._result_width())  # a bigger font: wider words
            fit.start()  # and taller rows

    def resizeEvent(self, event: QResizeEvent) -> None:
        super().resizeEvent(event)
        if event.size().width() != event.oldSize().width():  # taller or shorter: rows keep
            self._fit_timer.start()  # each row as tall as its tallest cell at the new width

    def keys(self) -> list[str]:
        items = [self.item(r, 0) for r in range(self.rowCount())]
        return [item.data(KEY_ROLE) if item is not None else "" for item in items]

    def cell_text(self, key: str, column: int) -> str:
        item = self.item(self.keys().index(key), column)
        return item.text() if item is not None else ""

    def show_row(self, row: CheckRow) -> None:
        """Add ``row`` at its place in the report order, or replace the row with its key."""
        keys = self.keys()
        if row.key in keys:
            index = keys.index(row.key)
            if self._shown.get(row.key) == row:
                return  # already on screen as is (the finished report repeats the live rows)
        else:
            rank = _rank(row.key)
            index = next((i for i, k in enumerate(keys) if _rank(k) > rank), len(keys))
            self.insertRow(index)
        word, colour = status_word(row.status), STATUS_LOOK[row.status][1]
        tried = self.tr("Tried: {tried}").format(tried=row.tried)
        took = self.tr("Took {ms} ms").format(ms=number(round(row.duration_ms)))
        whole = "\n".join(
            part for part in (
                tried if row.tried else "",
                row.happened,
                meaning_text(row),
                took if row.duration_ms else "",
            ) if part
        )  # fmt: skip
        tooltip = tip(whole)  # a server's text, shown as text (never markup)
        cells = (row.title, word, row.happened, meaning_text(row))
        items = []
        for text in cells:
            item = QTableWidgetItem(shown(text, lines=True))
            item.setFlags(Qt.ItemFlag.ItemIsEnabled | Qt.ItemFlag.ItemIsSelectable)
            item.setToolTip(tooltip)
            item.setTextAlignment(Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignTop)
            items.append(item)
        items[0].setData(KEY_ROLE, row.key)
        result = items[1]
        result.setIcon(status_icon(row.status))
        result.setForeground(QColor(themed(colour)))
        result.setData(Qt.ItemDataRole.AccessibleTextRole, shown(f"{word}: {row.title}"))
        # each item complete before it goes in: one change (and one size check) per cell
        for column, item in enumerate(items):
            self.setItem(index, column, item)
        self._shown[row.key] = row
        self.resizeRowToContents(index)

    def clear_rows(self) -> None:
        self._shown.clear()
        self.setRowCount(0)


def _rank(key: str) -> tuple[int, int]:
    return row_rank(key)  # a candidate URL's row right after its sign-in row
