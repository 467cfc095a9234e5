"""Text from a server, a file or the clipboard, shown as data: never markup, controls visible.

Qt renders a label's or a tooltip's text as HTML whenever it merely looks like HTML (its
``AutoText`` format): a 20-byte error page ``<img src="/dev/zero">`` made the window read
/dev/zero until it died. So:

- every QLabel is plain text: :func:`label` makes them, :func:`plain_captions` turns those a
  ``QFormLayout`` makes from a caption plain, and :func:`make_plain` a dialog's labels once it
  is built; a test walks every window and dialog for any that is not;
- every text that may carry what a server sent goes through :func:`shown`: redacted, then
  control, bidi and invisible characters written as visible escapes (``\\x1b``, ``\\u202e``),
  as ``msauth`` prints them;
- every such tooltip goes through :func:`tip` (HTML that shows the characters, when Qt would
  otherwise take the text for markup), and the tray's notifications through
  :func:`notification` (freedesktop notification servers read markup in their body).
"""

from __future__ import annotations

import html
import sys
from typing import TYPE_CHECKING, cast

from PySide6.QtCore import Qt
from PySide6.QtGui import Qt as GuiQt  # Qt's text functions: mightBeRichText…
from PySide6.QtWidgets import QFormLayout, QLabel, QWidget

from ..core.redact import redact
from ..core.visible import visible

if TYPE_CHECKING:
    from PySide6.QtWidgets import QMessageBox

PLAIN = Qt.TextFormat.PlainText


def label(text: str = "", parent: QWidget | None = None, *, object_name: str = "") -> QLabel:
    """A QLabel that shows its text as plain text, whatever the text looks like."""
    widget = QLabel(parent)
    widget.setTextFormat(PLAIN)  # before any text: a rich text is never even parsed
    if object_name:
        widget.setObjectName(object_name)
    widget.setText(text)
    return widget


def plain_captions(form: QFormLayout) -> None:
    """Make the captions ``form`` made from strings (``addRow("&Login:", field)``) plain text.

    Cheaper than :func:`make_plain` on a whole window: walking every child gives each a Python
    wrapper, and a class's first wrapper builds its enums (the editable combo's completer and
    list view: 21 of them, ~13 ms before the first paint)."""
    for row in range(form.rowCount()):
        item = form.itemAt(row, QFormLayout.ItemRole.LabelRole)
        caption = item.widget() if item is not None else None
        if isinstance(caption, QLabel):
            caption.setTextFormat(PLAIN)


def make_plain(root: QWidget) -> None:
    """Make every QLabel under ``root`` (and ``root`` itself, a message box) plain text."""
    if root.inherits("QMessageBox"):  # not isinstance: importing the class costs at start
        cast("QMessageBox", root).setTextFormat(PLAIN)
    for child in root.findChildren(QLabel):
        child.setTextFormat(PLAIN)


def shown(text: object, *, lines: bool = False) -> str:
    """``text`` redacted, with control and bidi characters as escapes; ``lines`` keeps line
    breaks (a wrapped label, a tooltip), otherwise they are escaped too (one log line)."""
    return visible(redact(text), keep="\n" if lines else "")


def tip(text: object) -> str:
    """A tooltip that shows ``text`` as it is (see :func:`shown`).

    Qt renders a tooltip as rich text when :func:`Qt.mightBeRichText` says it looks like it;
    such a text is turned into HTML whose characters are escaped (``&lt;img…``), so the
    operator reads the markup instead of Qt loading it.
    """
    plain = shown(text, lines=True)
    if GuiQt.mightBeRichText(plain):
        return GuiQt.convertFromPlainText(plain, Qt.WhiteSpaceMode.WhiteSpaceNormal)
    return plain


def notification(text: object, platform: str = sys.platform) -> str:
    """A tray notification's text (see :func:`shown`). Windows and macOS show it as it is;
    the freedesktop notification servers of Linux and the BSDs may read markup in it, so
    there ``<``, ``>`` and ``&`` are written as entities."""
    plain = shown(text, lines=True)
    if platform.startswith(("win", "darwin", "cygwin")):
        return plain
    return html.escape(plain, quote=False)
