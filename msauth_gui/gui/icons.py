"""The application icon and one icon per token state, drawn from the SVG files in ``resources/``.

Each state has its own shape (check mark, clock, cross, exclamation, key, padlock, question
mark, power sign; the busy states share the circular arrow), so the icon tells the state apart
without its colour. ``QIcon`` renders SVG through Qt's svg icon
engine; where that plugin is missing the file is rendered once with ``QSvgRenderer``.
"""

from __future__ import annotations

from functools import cache

from PySide6.QtCore import Qt
from PySide6.QtGui import QIcon, QPainter, QPixmap

from ..core.session.renewal import KeeperState
from ..paths import resource

APP_ICON = "app.svg"
#: keeper state -> icon file
STATE_ICON_FILES: dict[KeeperState, str] = {
    KeeperState.SIGNED_OUT: "state-signed-out.svg",
    KeeperState.SIGNING_IN: "state-busy.svg",
    KeeperState.CHECKING: "state-busy.svg",
    KeeperState.REFRESHING: "state-busy.svg",
    KeeperState.VALID: "state-valid.svg",
    KeeperState.NO_RIGHTS: "state-no-rights.svg",
    KeeperState.UNCONFIRMED: "state-unconfirmed.svg",
    KeeperState.EXPIRING_SOON: "state-expiring.svg",
    KeeperState.EXPIRED: "state-expired.svg",
    KeeperState.ERROR: "state-error.svg",
    KeeperState.SIGN_IN_AGAIN: "state-sign-in-again.svg",
}
_FALLBACK_SIZES = (16, 20, 24, 32, 48, 64, 128, 256)


@cache
def load_icon(file_name: str) -> QIcon:
    """The icon in ``resources/icons/file_name`` (a null icon if the file is missing)."""
    path = resource("icons", file_name)
    if not path.is_file():
        return QIcon()
    icon = QIcon(str(path))
    if icon.pixmap(16, 16).isNull():  # no svg icon engine: render the sizes we use
        icon = _rendered(str(path))
    return icon


def _rendered(path: str) -> QIcon:
    from PySide6.QtSvg import QSvgRenderer

    renderer = QSvgRenderer(path)
    icon = QIcon()
    if not renderer.isValid():
        return icon
    for size in _FALLBACK_SIZES:
        pixmap = QPixmap(size, size)
        pixmap.fill(Qt.GlobalColor.transparent)
        painter = QPainter(pixmap)
        renderer.render(painter)
        painter.end()
        icon.addPixmap(pixmap)
    return icon


def app_icon() -> QIcon:
    return load_icon(APP_ICON)


def state_icon(state: KeeperState | str) -> QIcon:
    """The icon of a keeper state (the enum or its value); signed-out's for unknown ones."""
    try:
        known = KeeperState(state)
    except ValueError:
        known = KeeperState.SIGNED_OUT
    return load_icon(STATE_ICON_FILES[known])
