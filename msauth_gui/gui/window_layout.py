"""The main window's layout and its File menu, built around the parts the window made."""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QMenu,
    QSplitter,
    QVBoxLayout,
    QWidget,
)

if TYPE_CHECKING:
    from .window import MainWindow


def build_layout(window: MainWindow) -> None:
    """Profile bar on top; form and token panel side by side; the activity log below."""
    form_box = QGroupBox("Server and account", window)
    form_layout = QVBoxLayout(form_box)
    form_layout.addWidget(window.form)
    window.form.fields.addRow("", window.profiles.options)  # under Method: the keyring options
    token_box = QGroupBox("Token", window)
    QVBoxLayout(token_box).addWidget(window.panel)
    top = QWidget(window)
    row = QHBoxLayout(top)
    row.setContentsMargins(0, 0, 0, 0)
    row.addWidget(form_box, 5)
    row.addWidget(token_box, 6)
    splitter = QSplitter(Qt.Orientation.Vertical, window)
    splitter.setChildrenCollapsible(False)
    splitter.addWidget(top)
    splitter.addWidget(window.log)
    splitter.setStretchFactor(0, 0)  # the form and panel keep their natural height
    splitter.setStretchFactor(1, 1)  # the log takes the rest
    central = QWidget(window)
    layout = QVBoxLayout(central)
    layout.setContentsMargins(8, 8, 8, 4)
    layout.addWidget(window.profiles.bar)
    layout.addWidget(splitter)
    window.setCentralWidget(central)
    window.server_status = QLabel(window)
    window.server_status.setObjectName("serverStatusLabel")
    window.server_status.setAccessibleName("serverStatusLabel")
    window.statusBar().addPermanentWidget(window.server_status)


def build_file_menu(window: MainWindow) -> None:
    """File: import and export profiles, settings; first in the menu bar."""
    bar = window.menuBar()
    menu = QMenu("&File", bar)
    actions = bar.actions()
    if actions:
        bar.insertMenu(actions[0], menu)
    else:
        bar.addMenu(menu)
    menu.setObjectName("fileMenu")
    menu.addAction(window.profiles.import_action)
    menu.addAction(window.profiles.export_action)
    menu.addSeparator()
    menu.addAction(window.preferences.action)
