"""Light and dark palettes for the Fusion style, following the system's colour scheme.

``apply_theme(app, "system")`` picks the palette from ``QStyleHints.colorScheme()`` and follows
its changes; ``"light"``/``"dark"`` force one (tests, screenshots, ``--theme``). The state
colours of :mod:`.fmt` are tuned for a light background; :func:`colour` gives the variant that
stays readable (contrast ≥ 4.5:1) on the current palette, and a theme change re-colours the
style sheets that already use them.
"""

from __future__ import annotations

import re

from PySide6.QtCore import QObject, Qt, Slot
from PySide6.QtGui import QColor, QGuiApplication, QPalette
from PySide6.QtWidgets import QApplication

from . import fmt

MODES = ("system", "light", "dark")

#: fmt's colours (made for light backgrounds) -> their dark-theme variants
DARK_VARIANTS: dict[str, str] = {
    fmt.GREEN: "#5ec26a",
    fmt.BLUE: "#7eaaff",
    fmt.ORANGE: "#f0a742",
    fmt.RED: "#ff7b72",
    fmt.GREY: "#a9aeb4",
    fmt.PURPLE: "#d0a2f7",
}
_LIGHT_OF = {dark: light for light, dark in DARK_VARIANTS.items()}
_HEX = re.compile(r"#[0-9a-fA-F]{6}\b")

_R = QPalette.ColorRole
_LIGHT_ROLES: dict[QPalette.ColorRole, str] = {
    _R.Window: "#f3f3f3", _R.WindowText: "#1c1c1c", _R.Base: "#ffffff",
    _R.AlternateBase: "#f4f6f8", _R.Text: "#1c1c1c", _R.Button: "#ebebeb",
    _R.ButtonText: "#1c1c1c", _R.BrightText: "#ffffff", _R.Highlight: "#2f6fd6",
    _R.HighlightedText: "#ffffff", _R.ToolTipBase: "#ffffe1", _R.ToolTipText: "#1c1c1c",
    _R.Link: "#1f5fbf", _R.LinkVisited: "#6a3fb5", _R.PlaceholderText: "#6b6b6b",
    _R.Light: "#ffffff", _R.Midlight: "#f5f5f5", _R.Mid: "#b8b8b8", _R.Dark: "#9c9c9c",
    _R.Shadow: "#5a5a5a",
}  # fmt: skip
_DARK_ROLES: dict[QPalette.ColorRole, str] = {
    _R.Window: "#313335", _R.WindowText: "#e8e8e8", _R.Base: "#1d1e20",
    _R.AlternateBase: "#26282a", _R.Text: "#e8e8e8", _R.Button: "#3b3e42",
    _R.ButtonText: "#e8e8e8", _R.BrightText: "#ffffff", _R.Highlight: "#2f6fd6",
    _R.HighlightedText: "#ffffff", _R.ToolTipBase: "#3b3e42", _R.ToolTipText: "#e8e8e8",
    _R.Link: "#7eaaff", _R.LinkVisited: "#c3a6ff", _R.PlaceholderText: "#8f9399",
    _R.Light: "#55585d", _R.Midlight: "#46494e", _R.Mid: "#2a2c2e", _R.Dark: "#1a1b1d",
    _R.Shadow: "#000000",
}  # fmt: skip
_DISABLED = {"light": "#8a8a8a", "dark": "#8b8e94"}

_scheme = "light"  #: the palette in use: "light" or "dark"
_follower: _SchemeFollower | None = None


def make_palette(scheme: str) -> QPalette:
    """The full palette of ``scheme`` ("light" or "dark"), disabled text greyed."""
    roles = _DARK_ROLES if scheme == "dark" else _LIGHT_ROLES
    palette = QPalette()
    for role, value in roles.items():
        palette.setColor(role, QColor(value))
    disabled = QColor(_DISABLED["dark" if scheme == "dark" else "light"])
    group = QPalette.ColorGroup.Disabled
    for role in (_R.WindowText, _R.Text, _R.ButtonText, _R.PlaceholderText):
        palette.setColor(group, role, disabled)
    palette.setColor(group, _R.Highlight, QColor(roles[_R.Mid]))
    return palette


def system_scheme() -> str:
    """The system's colour scheme: "dark" or "light" (unknown counts as light)."""
    hints = QGuiApplication.styleHints()
    return "dark" if hints.colorScheme() == Qt.ColorScheme.Dark else "light"


def current_scheme() -> str:
    return _scheme


def is_dark() -> bool:
    return _scheme == "dark"


def colour(value: str) -> str:
    """A state colour from :mod:`.fmt` (or its dark variant) as the current palette wants it."""
    key = value.lower()
    if _scheme == "dark":
        return DARK_VARIANTS.get(key, value)
    return _LIGHT_OF.get(key, value)


def recolour(style_sheet: str) -> str:
    """``style_sheet`` with every state colour swapped for the current palette's variant."""
    return _HEX.sub(lambda m: colour(m.group(0)), style_sheet)


def apply_theme(app: QApplication, mode: str = "system", *, fusion: bool = False) -> str:
    """Fusion with the light or dark palette; ``"system"`` follows the system from now on.

    ``fusion``: the application was made with ``-style Fusion`` (asking it for its style
    would cost the start ~15 ms: PySide6 builds the style class's enums on first use).
    Returns the scheme applied ("light" or "dark").
    """
    global _follower
    if mode not in MODES:
        raise ValueError(f"theme must be one of {', '.join(MODES)}, not {mode!r}")
    if not fusion and app.style().name().lower() != "fusion":
        app.setStyle("Fusion")
    if _follower is None:
        _follower = _SchemeFollower(app)
    _follower.mode = mode
    return _set_scheme(app, system_scheme() if mode == "system" else mode)


def _set_scheme(app: QApplication, scheme: str) -> str:
    global _scheme
    _scheme = scheme
    app.setPalette(make_palette(scheme))
    for widget in app.allWidgets():  # colours already in style sheets follow the palette
        sheet = widget.styleSheet()
        if sheet and _HEX.search(sheet):
            new = recolour(sheet)
            if new != sheet:
                widget.setStyleSheet(new)
    return scheme


class _SchemeFollower(QObject):
    """Re-applies the palette when the system switches between light and dark."""

    def __init__(self, app: QApplication) -> None:
        super().__init__(app)
        self.mode = "system"
        QGuiApplication.styleHints().colorSchemeChanged.connect(self.on_color_scheme_changed)

    @Slot(Qt.ColorScheme)
    def on_color_scheme_changed(self, scheme: Qt.ColorScheme) -> None:
        app = QApplication.instance()
        if self.mode == "system" and isinstance(app, QApplication):
            _set_scheme(app, "dark" if scheme == Qt.ColorScheme.Dark else "light")


def luminance(value: QColor | str) -> float:
    """WCAG relative luminance of a colour."""
    c = QColor(value)

    def channel(v: float) -> float:
        return v / 12.92 if v <= 0.04045 else ((v + 0.055) / 1.055) ** 2.4

    return 0.2126 * channel(c.redF()) + 0.7152 * channel(c.greenF()) + 0.0722 * channel(c.blueF())


def contrast_ratio(a: QColor | str, b: QColor | str) -> float:
    """WCAG contrast ratio between two colours (1 to 21; 4.5 is enough for normal text)."""
    la, lb = sorted((luminance(a), luminance(b)), reverse=True)
    return (la + 0.05) / (lb + 0.05)
