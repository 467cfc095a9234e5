"""Where the Qt side gets its timers and its clock, so tests can swap both.

Every timer the keeper uses comes from a :data:`TimerFactory`; every expiry decision reads a
:data:`Clock` (epoch seconds). A test injects a fake clock and jumps it forward to simulate
hours passing or a laptop waking from sleep, without waiting.
"""

from __future__ import annotations

import math
from collections.abc import Callable

from PySide6.QtCore import QObject, Qt, QTimer

Clock = Callable[[], float]
TimerFactory = Callable[[], QTimer]

#: QTimer intervals are a signed 32-bit number of milliseconds
MAX_INTERVAL_MS = 2**31 - 1


def default_timer_factory() -> QTimer:
    """A precise timer: coarse ones may fire up to 5 % early, which matters for a refresh point."""
    timer = QTimer()
    timer.setTimerType(Qt.TimerType.PreciseTimer)
    return timer


def owned_timer(factory: TimerFactory, owner: QObject, *, single_shot: bool) -> QTimer:
    """A timer from ``factory`` that dies with ``owner`` (unless the factory gave it a parent)."""
    timer = factory()
    if timer.parent() is None:
        timer.setParent(owner)
    timer.setSingleShot(single_shot)
    return timer


def interval_ms(seconds: float) -> int:
    """``seconds`` from now as a QTimer interval: rounded up, never negative, capped."""
    if not math.isfinite(seconds):
        return MAX_INTERVAL_MS if seconds > 0 else 0
    return max(0, min(MAX_INTERVAL_MS, math.ceil(seconds * 1000)))
