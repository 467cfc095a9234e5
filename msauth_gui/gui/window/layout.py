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
    QFrame,
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QMainWindow,
    QMenu,
    QScrollArea,
    QSplitter,
    QVBoxLayout,
    QWidget,
)

from ..plain import label, make_plain

if TYPE_CHECKING:
    from PySide6.QtGui import QAction, QResizeEvent

    from ..profiles.widgets import ProfileBar, SecretOptions
    from .form import SignInForm
    from .logview import ActivityLog
    from .token_panel import TokenPanel


@dataclass(frozen=True)
class WindowParts:
    """The widgets the main window is made of, for its layout and its keyboard order."""

    profile_bar: ProfileBar
    secret_options: SecretOptions
    form: SignInForm
    panel: TokenPanel
    log: ActivityLog


class _TopRow(QWidget):
    """The form and the token panel: the splitter never squeezes them below the height their
    wrapped texts need at the current width (a splitter asks for the minimum size only, which
    leaves word-wrapped labels out)."""

    def minimumSizeHint(self) -> QSize:
        hint = super().minimumSizeHint()
        layout = self.layout()
        if layout is not None and layout.hasHeightForWidth():
            hint.setHeight(max(hint.height(), layout.totalHeightForWidth(self.width())))
        return hint

    def resizeEvent(self, event: QResizeEvent) -> None:
        super().resizeEvent(event)
        if event.size().width() != event.oldSize().width():
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
    form_layout.addWidget(parts.form)
    parts.form.fields.addRow("", parts.secret_options)  # under Method: the keyring options
    token_box = QGroupBox(QCoreApplication.translate("WindowLayout", "Token"), window)
    QVBoxLayout(token_box).addWidget(parts.panel)
    top = _TopRow(window)
    row = QHBoxLayout(top)
    row.setContentsMargins(0, 0, 0, 0)
    row.addWidget(form_box, 5)
    row.addWidget(token_box, 6)
    splitter = QSplitter(Qt.Orientation.Vertical, window)
    splitter.setChildrenCollapsible(False)
    splitter.addWidget(_TopArea(top, window))
    splitter.addWidget(parts.log)
    view = parts.log.view  # three lines of log at least: the form gets the rest on small screens
    margins = 2 * (view.frameWidth() + round(view.document().documentMargin()))
    view.setMinimumHeight(3 * view.fontMetrics().lineSpacing() + margins)
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
    make_plain(window)  # the captions QFormLayout made, the form's warnings…
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
