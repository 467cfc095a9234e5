"""1. Start-up: process launch to the main window's first paint, and peak memory.

Three programs start the same way (:mod:`benchmarks.launch`, ``QT_QPA_PLATFORM=offscreen``),
each in a fresh process, in rotating order: a bare PySide6 ``QLabel``; the same first screen
as msauth-gui written plainly with PySide6 (:mod:`benchmarks.plain_window`: what PySide6 itself
costs for this window, the baseline the goal is set against); and msauth-gui through
``msauth_gui.app.main()``, exactly as ``msauth-gui`` starts. First paint is a zero-timer posted
from the first ``Paint`` event of the top-level window, i.e. after that whole paint pass; peak
RSS is ``VmHWM`` read at that moment.

Bytecode is compiled first (``compileall`` on the project and the benchmarks, into their
``__pycache__`` folders), so no run pays for compiling the project's modules, whatever
``PYTHONDONTWRITEBYTECODE`` says: the numbers are those of an installed program.
"""

from __future__ import annotations

import compileall
import json
import subprocess
import sys
import tempfile
import time
from collections.abc import Sequence

from .common import ROOT, Result, Row, Skipped, median, mib, ms, qt_env, spread
from .imports import eager_summary

TITLE = "Start-up to first paint"

BARE, PLAIN, OURS = "bare PySide6 QLabel", "plain PySide6 window", "msauth-gui main()"
KINDS = {BARE: "bare", PLAIN: "plain", OURS: "ours"}
#: the goals, as ratios to the plain comparable window
PAINT_GOAL, MEMORY_GOAL = 1.15, 1.10
PROFILED = (
    "import sys; sys.argv = ['msauth-gui']; import msauth_gui.app as a; "
    "app = a._application(); a.build_window([])"
)


def compile_bytecode() -> None:
    """Compile the project's and the benchmarks' modules (what an installed wheel ships)."""
    for folder in ("msauth_gui", "benchmarks"):
        compileall.compile_dir(str(ROOT / folder), quiet=1, workers=1)


def launch(
    kind: str, config_home: str, options: Sequence[str] = (), timeout: float = 90
) -> dict[str, object]:
    """One start of ``kind`` (:mod:`benchmarks.launch`); its report, times relative to launch."""
    env = qt_env(XDG_CONFIG_HOME=config_home)
    command = [sys.executable, "-m", "benchmarks.launch", kind, *options]
    start = time.monotonic()
    done = subprocess.run(
        command, capture_output=True, text=True, env=env, timeout=timeout, cwd=ROOT
    )
    if done.returncode != 0 or not done.stdout.strip():
        raise RuntimeError(f"{kind} start failed ({done.returncode}): {done.stderr[-600:]}")
    data: dict[str, object] = json.loads(done.stdout.strip().splitlines()[-1])
    for key in ("started", "imported", "shown", "painted"):
        if key in data:
            data[key] = float(data[key]) - start  # type: ignore[arg-type]
    return data


def _gui_ready() -> str:
    check = "import msauth_gui.app as a; assert callable(a.main)"
    done = subprocess.run(
        [sys.executable, "-c", check], capture_output=True, text=True, env=qt_env(), cwd=ROOT
    )
    return "" if done.returncode == 0 else (done.stderr.strip().splitlines() or ["?"])[-1]


def _rows(samples: dict[str, list[dict[str, float]]]) -> list[Row]:
    def med(name: str, key: str) -> float:
        return median([s[key] for s in samples[name]])

    rows = []
    for key, what, fmt, goal in (
        ("painted", "launch → first paint", ms, PAINT_GOAL),
        ("hwm_kib", "peak RSS", mib, MEMORY_GOAL),
    ):
        for name in KINDS:
            row = Row(case=f"{name}: {what}", median=fmt(med(name, key)))
            if name == BARE:
                row.is_baseline = True
            else:
                row.ratio, row.baseline = med(name, key) / med(PLAIN, key), "of plain"
                row.detail = f"{med(name, key) / med(BARE, key):.2f}× of bare QLabel"
            if name == PLAIN:
                row.ratio, row.baseline = med(name, key) / med(BARE, key), "of bare"
                row.detail = "the comparable window: what PySide6 costs"
            if name == OURS:
                row.goal, row.met = f"≤ {goal:.2f}× plain", row.ratio <= goal  # type: ignore[operator]
            if key == "painted":
                phases = f"imports done {ms(med(name, 'imported'))}, shown {ms(med(name, 'shown'))}"
                values = [s["painted"] for s in samples[name]]
                row.detail = "; ".join(filter(None, (row.detail, phases, spread(values))))
            rows.append(row)
    return rows


def run(quick: bool) -> Result:
    result = Result("startup", TITLE)
    compile_bytecode()
    problem = _gui_ready()
    if problem:
        raise Skipped(f"msauth_gui.app is not importable yet ({problem})")
    runs, warmup = (3, 1) if quick else (15, 2)
    samples: dict[str, list[dict[str, float]]] = {name: [] for name in KINDS}
    with tempfile.TemporaryDirectory(prefix="msauth-bench-") as config_home:
        for kind in KINDS.values():
            for _ in range(warmup):
                launch(kind, config_home)
        for index in range(runs):
            shift = index % len(KINDS)
            order = list(KINDS)[shift:] + list(KINDS)[:shift]
            for name in order:
                samples[name].append(launch(KINDS[name], config_home))  # type: ignore[arg-type]
    result.rows = _rows(samples)
    last = samples[OURS][-1]
    result.notes.append(
        f"{runs} runs each (rotating order) after {warmup} warm-up runs; offscreen platform; "
        "bytecode compiled first; first paint = a zero-timer posted from the first Paint event "
        "of the top-level window, i.e. after that whole paint pass; peak RSS = VmHWM read at "
        'that moment. "shown" = the window\'s Show event (main() built it and called show()).'
    )
    result.notes.append(
        f"modules loaded at first paint: bare {samples[BARE][-1]['modules']}, plain "
        f"{samples[PLAIN][-1]['modules']}, msauth-gui {last['modules']}; of "
        "requests, urllib3, charset_normalizer, certifi, keyring, json5, ssl msauth-gui had: "
        f"{', '.join(last['heavy']) or 'none'}"  # type: ignore[arg-type]
    )
    result.notes.append(
        "import-time summary of start-up (`build_window([])` under python -X importtime; "
        "biggest independent subtrees by cumulative time, each with the project module that "
        "imports it): " + eager_summary(PROFILED)
    )
    return result
