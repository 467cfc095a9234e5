"""1. Start-up: process launch to the main window's first paint, and peak memory.

Both children run the same harness with ``QT_QPA_PLATFORM=offscreen``: build the window, install
an event filter on it, ``show()``, enter the event loop. The first ``QEvent.Paint`` delivered to
the top-level widget starts a zero-timeout timer; it fires once that whole paint pass (children
included) is done, and the child then reports ``time.monotonic()`` (CLOCK_MONOTONIC is
system-wide, so it compares with the parent's launch time), ``VmHWM`` (peak RSS) from
/proc/self/status and which heavy modules are loaded, and exits without tearing down.
"""

from __future__ import annotations

import json
import subprocess
import sys
import tempfile
import time

from .common import Result, Row, Skipped, median, mib, ms, qt_env, spread
from .imports import eager_summary

TITLE = "Start-up to first paint"

HEAVY = ("requests", "urllib3", "charset_normalizer", "certifi", "keyring", "json5", "ssl")

HARNESS = """
import json, os, sys, time
from PySide6.QtCore import QEvent, QObject, QTimer
from PySide6.QtWidgets import QApplication
{build}
t_built = time.monotonic()

def report():
    status = dict(
        line.split(":", 1) for line in open("/proc/self/status").read().splitlines() if ":" in line
    )
    out = dict(
        imported=t_imported, built=t_built, painted=time.monotonic(),
        hwm_kib=int(status["VmHWM"].split()[0]),
        heavy=[m for m in {heavy!r} if m in sys.modules],
    )
    print(json.dumps(out), flush=True)
    os._exit(0)

class FirstPaint(QObject):
    seen = False
    def eventFilter(self, obj, event):
        if not self.seen and event.type() == QEvent.Type.Paint:
            self.seen = True
            QTimer.singleShot(0, report)
        return False

first_paint = FirstPaint()
window.installEventFilter(first_paint)
QTimer.singleShot(30000, lambda: os._exit(3))
window.show()
app.exec()
"""

BARE = """
from PySide6.QtWidgets import QLabel
t_imported = time.monotonic()
app = QApplication(sys.argv)
window = QLabel("Hello")
"""

MSAUTH_GUI = """
import msauth_gui.app as entry
t_imported = time.monotonic()
app = entry._application()  # what main() does before build_window (name, style)
window = entry.build_window([])
"""

#: a reference: the bare window plus the HTTP stack the program uses, imported eagerly
BARE_REQUESTS = BARE.replace("t_imported", "import requests\nt_imported", 1)

BASE, OURS, REFERENCE = "bare PySide6 QLabel", "msauth-gui window", "bare QLabel + import requests"
KINDS = {BASE: BARE, OURS: MSAUTH_GUI, REFERENCE: BARE_REQUESTS}
PROFILED = (
    "from PySide6.QtWidgets import QApplication; import msauth_gui.app as a; "
    "app = QApplication([]); a.build_window([])"
)


def _gui_ready() -> str:
    check = "import msauth_gui.app as a; assert callable(a.build_window)"
    done = subprocess.run(
        [sys.executable, "-c", check], capture_output=True, text=True, env=qt_env()
    )
    return "" if done.returncode == 0 else (done.stderr.strip().splitlines() or ["?"])[-1]


def _launch(build: str, config_home: str) -> dict[str, float]:
    code = HARNESS.format(build=build, heavy=HEAVY)
    env = qt_env(XDG_CONFIG_HOME=config_home)
    start = time.monotonic()
    done = subprocess.run(
        [sys.executable, "-c", code], capture_output=True, text=True, env=env, timeout=60
    )
    if done.returncode != 0 or not done.stdout.strip():
        raise RuntimeError(f"start-up child failed ({done.returncode}): {done.stderr[-400:]}")
    data = json.loads(done.stdout.strip().splitlines()[-1])
    return {
        "imports": data["imported"] - start,
        "built": data["built"] - start,
        "paint": data["painted"] - start,
        "hwm": float(data["hwm_kib"]),
        "heavy": data["heavy"],  # type: ignore[dict-item]
    }


def _rows(samples: dict[str, list[dict[str, float]]]) -> list[Row]:
    def med(name: str, key: str) -> float:
        return median([s[key] for s in samples[name]])

    rows = []
    for key, what, fmt, goal in (
        ("paint", "launch → first paint", ms, 1.5),
        ("hwm", "peak RSS", mib, 1.4),
    ):
        for name in KINDS:
            ratio = med(name, key) / med(BASE, key)
            row = Row(case=f"{name}: {what}", median=fmt(med(name, key)))
            if name == BASE:
                row.is_baseline = True
            else:
                row.ratio, row.baseline = ratio, "of bare"
            if name == OURS:
                row.goal, row.met = f"≤ {goal:.2f}×", ratio <= goal
            if key == "paint":
                phases = f"imports done {ms(med(name, 'imports'))}, built {ms(med(name, 'built'))}"
                row.detail = f"{phases}; {spread([s['paint'] for s in samples[name]])}"
            rows.append(row)
    return rows


def run(quick: bool) -> Result:
    result = Result("startup", TITLE)
    problem = _gui_ready()
    if problem:
        raise Skipped(f"msauth_gui.app is not importable yet ({problem})")
    runs, warmup = (3, 1) if quick else (15, 2)
    samples: dict[str, list[dict[str, float]]] = {name: [] for name in KINDS}
    with tempfile.TemporaryDirectory(prefix="msauth-bench-") as config_home:
        for build in KINDS.values():
            for _ in range(warmup):
                _launch(build, config_home)
        for index in range(runs):
            shift = index % len(KINDS)
            order = list(KINDS)[shift:] + list(KINDS)[:shift]
            for name in order:
                samples[name].append(_launch(KINDS[name], config_home))
    result.rows = _rows(samples)
    heavy = samples[OURS][-1]["heavy"]
    result.notes.append(
        f"{runs} runs each (rotating order) after {warmup} warm-up runs; offscreen platform; "
        "first paint = a zero-timer posted from the first Paint event of the top-level widget, "
        "i.e. after that whole paint pass; peak RSS = VmHWM read at that moment. "
        '"built" = build_window() returned (it imports the window modules itself).'
    )
    result.notes.append(
        "modules loaded at first paint of msauth-gui (of "
        f"{', '.join(HEAVY)}): {', '.join(heavy) if heavy else 'none'}"  # type: ignore[arg-type]
    )
    result.notes.append(
        "import-time summary of start-up (`import msauth_gui.app; build_window([])` under "
        "python -X importtime; biggest independent subtrees by cumulative time, each with the "
        "project module that imports it): " + eager_summary(PROFILED)
    )
    return result
