"""Every piece of text a window shows or carries: labels, fields, log, tooltips, title, actions."""

from __future__ import annotations

from collections.abc import Iterable

from PySide6.QtCore import QAbstractItemModel, QModelIndex, Qt
from PySide6.QtGui import QAction
from PySide6.QtWidgets import (
    QAbstractButton,
    QAbstractItemView,
    QComboBox,
    QLabel,
    QLineEdit,
    QMainWindow,
    QPlainTextEdit,
    QTextEdit,
    QWidget,
)


def widget_texts(root: QWidget, *, skip: Iterable[str] = ()) -> list[str]:
    """The texts of ``root`` and all its children, except widgets whose object name is in
    ``skip`` (the fields that hold a secret by design: the password, the token)."""
    skipped = set(skip)
    texts = [root.windowTitle()]
    if isinstance(root, QMainWindow):
        texts.append(root.statusBar().currentMessage())
    for widget in [root, *root.findChildren(QWidget)]:
        if widget.objectName() in skipped:
            continue
        texts += [
            widget.windowTitle(),
            widget.toolTip(),
            widget.statusTip(),
            widget.whatsThis(),
            widget.accessibleName(),
            widget.accessibleDescription(),
        ]
        if isinstance(widget, (QLabel, QLineEdit, QAbstractButton)):
            texts.append(widget.text())
        elif isinstance(widget, (QPlainTextEdit, QTextEdit)):
            texts.append(widget.toPlainText())
        elif isinstance(widget, QComboBox):
            texts += [widget.currentText(), *(widget.itemText(i) for i in range(widget.count()))]
        elif isinstance(widget, QAbstractItemView) and widget.model() is not None:
            texts += model_texts(widget.model())
    for action in root.findChildren(QAction):
        texts += [action.text(), action.toolTip(), action.statusTip()]
    return [text for text in texts if text]


def model_texts(model: QAbstractItemModel, parent: QModelIndex | None = None) -> list[str]:
    """Display texts and tooltips of every cell (and child row) of an item model."""
    parent = parent or QModelIndex()
    texts: list[str] = []
    for row in range(model.rowCount(parent)):
        for column in range(model.columnCount(parent)):
            index = model.index(row, column, parent)
            for role in (Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.ToolTipRole):
                value = model.data(index, role)
                if value is not None:
                    texts.append(str(value))
            if column == 0 and model.rowCount(index) > 0:
                texts += model_texts(model, index)
    for column in range(model.columnCount(parent)):
        header = model.headerData(column, Qt.Orientation.Horizontal)
        if header is not None:
            texts.append(str(header))
    return texts


def all_text(root: QWidget, *, skip: Iterable[str] = ()) -> str:
    return "\n".join(widget_texts(root, skip=skip))
