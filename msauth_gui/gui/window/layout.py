"""The main window's layout and its File menu, built around the parts the window made.

:func:`build_layout` takes those parts (:class:`WindowParts`) and returns the one widget it
makes that the window updates (the status bar's server label); it never reads the window back.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from typing import TYPE_CHECKING

from PySide6.QtCore import QCoreApplication, QEvent, QObject, QSize, Qt, QTimer
from PySide6.QtWidgets import (
    QBoxLayout,
    QFrame,
    QGroupBox,
    QLabel,
    QMainWindow,
    QMenu,
    QScrollArea,
    QSplitter,
    QVBoxLayout,
    QWidget,
)

from ..plain import label

if TYPE_CHECKING:
    from PySide6.QtGui import QAction, QResizeEvent

    from ..profiles.widgets import ProfileBar, SecretOptions
    from .form import SignInForm
    from .logview import ActivityLog
    from .token_panel import TokenPanel


#: lines of the activity log that always stay in view
LOG_LINES = 5
#: inside the two boxes: tight enough for both side by side in 800 pixels, in Russian too
BOX_MARGINS = (8, 6, 8, 8)
#: the smallest window: the top row scrolls (up and down only) above the log's lines
MIN_SIZE = (560, 440)


@dataclass(frozen=True)
class WindowParts:
    """The widgets the main window is made of, for its layout and its keyboard order."""

    profile_bar: ProfileBar
    secret_options: SecretOptions
    form: SignInForm
    panel: TokenPanel
    log: ActivityLog


class _TopRow(QWidget):
    """The form and the token panel side by side, or one above the other when the window is
    too narrow for both (so nothing scrolls sideways or is cut off). The splitter never
    squeezes them below the height their wrapped texts need at the current width (a splitter
    asks for the minimum size only, which leaves word-wrapped labels out)."""

    def __init__(self, form_box: QWidget, token_box: QWidget, parent: QWidget) -> None:
        super().__init__(parent)
        self._boxes = (form_box, token_box)
        self.row = QBoxLayout(QBoxLayout.Direction.LeftToRight, self)
        self.row.setContentsMargins(0, 0, 0, 0)
        self.row.addWidget(form_box, 5)
        self.row.addWidget(token_box, 6)

    def side_by_side_width(self) -> int:
        """The narrowest width at which the form and the panel fit next to each other."""
        return sum(box.minimumSizeHint().width() for box in self._boxes) + self.row.spacing()

    def stacked(self) -> bool:
        return self.row.direction() is QBoxLayout.Direction.TopToBottom

    def minimumSizeHint(self) -> QSize:
        hint = super().minimumSizeHint()
        hint.setWidth(max(box.minimumSizeHint().width() for box in self._boxes))  # stacked
        if self.row.hasHeightForWidth():
            hint.setHeight(max(hint.height(), self.row.totalHeightForWidth(self.width())))
        return hint

    def resizeEvent(self, event: QResizeEvent) -> None:
        super().resizeEvent(event)
        narrow = event.size().width() < self.side_by_side_width()
        direction = QBoxLayout.Direction.TopToBottom if narrow else QBoxLayout.Direction.LeftToRight
        if self.row.direction() is not direction:
            self.row.setDirection(direction)
            self.updateGeometry()
        elif event.size().width() != event.oldSize().width():
            self.updateGeometry()  # a new width: the splitter asks for the height again


class _TopArea(QScrollArea):
    """Scrolls the top row on a screen too short for it (a small laptop, 200 % scaling)
    instead of squeezing its fields; as tall as the row wants when there is room."""

    def __init__(self, row: _TopRow, parent: QWidget) -> None:
        super().__init__(parent)
        self.setObjectName("topScrollArea")
        self.setFrameShape(QFrame.Shape.NoFrame)
        self.setFocusPolicy(Qt.FocusPolicy.NoFocus)  # not a tab stop: the fields inside are
        self.setWidgetResizable(True)
        self.setWidget(row)
        self._wanted = -1
        row.installEventFilter(self)

    def sizeHint(self) -> QSize:  # QScrollArea caps its hint at 24 lines of text
        row = self.widget()
        return row.minimumSizeHint() if row is not None else super().sizeHint()

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if watched is self.widget() and event.type() == QEvent.Type.LayoutRequest:
            QTimer.singleShot(0, self.fit)  # once the row's new layout has settled
        return super().eventFilter(watched, event)

    def fit(self) -> None:
        """Make room for the whole row, up to what the log can give; when the row wants
        another height (Advanced opened or closed, a warning shown), take just that."""
        splitter = self.parentWidget()
        if not isinstance(splitter, QSplitter) or splitter.count() != 2:
            return
        below = splitter.widget(1)  # the log
        if below is None:
            return
        wanted = self.sizeHint().height()
        (have, rest), changed = splitter.sizes(), wanted != self._wanted
        self._wanted = wanted
        if have >= wanted and not changed:
            return  # the operator may have dragged the splitter down: leave it
        spare = have + rest - below.minimumSizeHint().height()
        height = max(min(wanted, spare), min(have, wanted))
        if height != have:
            splitter.setSizes([height, have + rest - height])

    def resizeEvent(self, event: QResizeEvent) -> None:
        super().resizeEvent(event)
        QTimer.singleShot(0, self.fit)  # a taller window: room to scroll less


def build_layout(window: QMainWindow, parts: WindowParts) -> QLabel:
    """Profile bar on top; form and token panel side by side; the activity log below.

    Returns the status bar's server label. Every label of the window is plain text.
    """
    form_box = QGroupBox(QCoreApplication.translate("WindowLayout", "Server and account"), window)
    form_layout = QVBoxLayout(form_box)
    form_layout.setContentsMargins(*BOX_MARGINS)
    form_layout.addWidget(parts.form)
    parts.form.fields.addRow(parts.secret_options)  # under Method, the whole width: keyring options
    token_box = QGroupBox(QCoreApplication.translate("WindowLayout", "Token"), window)
    token_layout = QVBoxLayout(token_box)
    token_layout.setContentsMargins(*BOX_MARGINS)
    token_layout.addWidget(parts.panel)
    top = _TopRow(form_box, token_box, window)
    splitter = QSplitter(Qt.Orientation.Vertical, window)
    splitter.setChildrenCollapsible(False)
    splitter.addWidget(_TopArea(top, window))
    splitter.addWidget(parts.log)
    view = parts.log.view  # a few lines of log at least, Advanced and the claims open or not
    margins = 2 * (view.frameWidth() + round(view.document().documentMargin()))
    view.setMinimumHeight(LOG_LINES * view.fontMetrics().lineSpacing() + margins)
    splitter.setStretchFactor(0, 0)  # the form and panel keep their natural height
    splitter.setStretchFactor(1, 1)  # the log takes the rest
    central = QWidget(window)
    layout = QVBoxLayout(central)
    layout.setContentsMargins(8, 8, 8, 4)
    layout.addWidget(parts.profile_bar)
    layout.addWidget(splitter)
    window.setCentralWidget(central)
    # screen readers read its text
    server_status = label(parent=window, object_name="serverStatusLabel")
    window.statusBar().addPermanentWidget(server_status)
    hint = window.minimumSizeHint()  # the profile bar's width, in the window's language
    window.setMinimumSize(max(hint.width(), MIN_SIZE[0]), max(hint.height(), MIN_SIZE[1]))
    return server_status


def add_menu(
    window: QMainWindow, title: str, actions: Sequence[QAction | None], *, first: bool = False
) -> QMenu:
    """A menu of ``actions`` (``None``: a separator) in the menu bar, last or ``first``."""
    bar = window.menuBar()
    menu = QMenu(title, bar)
    before = bar.actions()
    if first and before:
        bar.insertMenu(before[0], menu)
    else:
        bar.addMenu(menu)
    for action in actions:
        if action is None:
            menu.addSeparator()
        else:
            menu.addAction(action)
    return menu
