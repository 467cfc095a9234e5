"""Help → About: the version, the licence and the README's sections, in a small dialog.

The version comes from :data:`msauth_gui.__version__` (``pyproject.toml``, its one home). The
README's sections are links into ``README.md`` when it is at hand (a checkout); an installed
program names them, so the reader knows where to look.
"""

from __future__ import annotations

import html
import re
from collections.abc import Sequence
from pathlib import Path

from PySide6.QtCore import Qt, QUrl
from PySide6.QtWidgets import QDialog, QDialogButtonBox, QLabel, QVBoxLayout, QWidget

from ...core.translate import QT_TRANSLATE_NOOP, translate
from ..widgets import name

LICENCE = "MIT"
README = Path(__file__).resolve().parents[3] / "README.md"
#: README.md's headings the About box points to, as README.md spells them
HEADINGS = (
    "Try it (a fresh machine)",
    "The window",
    "Check server: why can't my client sign in?",
    "`msauth` on the command line",
    'Profiles, saved passwords and "Stay signed in"',
    "Security",
)
#: what the About box calls them (English source texts)
NAMES = (
    QT_TRANSLATE_NOOP("AboutDialog", "Getting started"),
    QT_TRANSLATE_NOOP("AboutDialog", "The window"),
    QT_TRANSLATE_NOOP("AboutDialog", "Check server"),
    QT_TRANSLATE_NOOP("AboutDialog", "The command line"),
    QT_TRANSLATE_NOOP("AboutDialog", "Profiles and saved passwords"),
    QT_TRANSLATE_NOOP("AboutDialog", "Security"),
)


def anchor(heading: str) -> str:
    """The link anchor GitHub and most Markdown viewers give a heading: lower case, words
    joined by hyphens, punctuation dropped."""
    text = re.sub(r"[^\w\- ]", "", heading.strip().lower())
    return text.replace(" ", "-")


def readme_at_hand(readme: Path | None) -> bool:
    """True for this program's README.md (a checkout), not any file of that name."""
    try:
        return readme is not None and "msauth-gui" in readme.read_text("utf-8")[:200]
    except OSError:
        return False


def readme_links(readme: Path | None = README) -> list[tuple[str, str]]:
    """(words, URL) for each README section; the URL is "" when README.md is not at hand."""
    base = QUrl.fromLocalFile(str(readme)).toString() if readme_at_hand(readme) else ""
    return [
        (translate("AboutDialog", words), f"{base}#{anchor(heading)}" if base else "")
        for heading, words in zip(HEADINGS, NAMES, strict=True)
    ]


def _item(words: str, url: str) -> str:
    words = html.escape(words)
    return f'<li><a href="{html.escape(url)}">{words}</a></li>' if url else f"<li>{words}</li>"


def about_text(version: str, links: Sequence[tuple[str, str]]) -> str:
    """The dialog's rich text: name and version, what it does, licence, README sections."""
    what = translate(
        "AboutDialog",
        "Signs in to Mobile SMARTS servers, keeps the token fresh and copies it for API testing.",
    )
    licence = translate("AboutDialog", "Licence: {licence}.").format(licence=LICENCE)
    manual = translate("AboutDialog", "README.md, the manual, has these sections:")
    items = "".join(_item(words, url) for words, url in links)
    return (
        f"<h3>msauth-gui {html.escape(version)}</h3><p>{html.escape(what)}</p>"
        f"<p>{html.escape(licence)}</p><p>{html.escape(manual)}</p><ul>{items}</ul>"
    )


class AboutDialog(QDialog):
    """Version, licence and the README's sections; the links open in the system's viewer."""

    def __init__(self, parent: QWidget | None, version: str) -> None:
        super().__init__(parent)
        name(self, "aboutDialog", self.tr("About msauth-gui"))
        self.setWindowTitle(self.tr("About msauth-gui"))
        self.text = QLabel(about_text(version, readme_links()), self)
        self.text.setObjectName("aboutText")  # screen readers read its text
        self.text.setTextFormat(Qt.TextFormat.RichText)  # our own words and links only
        self.text.setOpenExternalLinks(True)
        self.text.setWordWrap(True)
        self.text.setTextInteractionFlags(Qt.TextInteractionFlag.TextBrowserInteraction)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close, self)
        buttons.rejected.connect(self.reject)
        close = buttons.button(QDialogButtonBox.StandardButton.Close)
        name(close, "aboutCloseButton", self.tr("Close"), self.tr("Closes this window."))
        layout = QVBoxLayout(self)
        layout.addWidget(self.text)
        layout.addWidget(buttons)
        self.setMinimumWidth(420)


def open_about(parent: QWidget) -> AboutDialog:
    """Show the About dialog (window-modal, not blocking) and return it."""
    from ... import __version__

    dialog = AboutDialog(parent, __version__)
    dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
    dialog.open()
    return dialog
