"""What every benchmark shares: statistics, result rows, the Markdown table, the machine, and a
demo server in its own process (so it never competes with the measured code for the GIL)."""

from __future__ import annotations

import datetime
import os
import platform
import statistics
import subprocess
import sys
import sysconfig
import threading
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parent.parent
RESULTS = Path(__file__).resolve().parent / "results.md"
LOGIN, PASSWORD = "admin", "admin"
CLIENT_ID, CLIENT_SECRET = "123", "user"


class Skipped(Exception):
    """A benchmark cannot run here (a missing tool, a GUI part not built yet)."""


@dataclass
class Row:
    """One measured case. ``ratio`` is to the in-run baseline that ``baseline`` names."""

    case: str
    median: str
    ratio: float | None = None
    baseline: str = ""
    is_baseline: bool = False
    goal: str = ""
    met: bool | None = None
    detail: str = ""


@dataclass
class Result:
    name: str
    title: str
    rows: list[Row] = field(default_factory=list)
    notes: list[str] = field(default_factory=list)
    skipped: str = ""


def median(values: Sequence[float]) -> float:
    return statistics.median(values) if values else float("nan")


def ms(seconds: float) -> str:
    """A duration in the unit that reads best."""
    if seconds != seconds:  # NaN
        return "n/a"
    if seconds < 1e-3:
        return f"{seconds * 1e6:.0f} µs"
    if seconds < 0.01:
        return f"{seconds * 1e3:.2f} ms"
    if seconds < 1.0:
        return f"{seconds * 1e3:.1f} ms" if seconds < 0.1 else f"{seconds * 1e3:.0f} ms"
    return f"{seconds:.2f} s"


def mib(kib: float) -> str:
    return f"{kib / 1024:.1f} MiB"


def spread(values: Sequence[float]) -> str:
    """min–max of durations, for the detail column."""
    if not values:
        return ""
    return f"n={len(values)}, min {ms(min(values))}, max {ms(max(values))}"


def _ratio_text(row: Row) -> str:
    if row.ratio is not None:
        return f"{row.ratio:.2f}× {row.baseline}"
    return "baseline" if row.is_baseline else ""


def _met_text(met: bool | None) -> str:
    return {True: "yes", False: "**no**", None: ""}[met]


def table(results: Iterable[Result]) -> str:
    lines = [
        "| # | Benchmark | Case | Median | Ratio | Goal | Met | Detail |",
        "|---|---|---|---|---|---|---|---|",
    ]
    for number, result in enumerate(results, 1):
        if result.skipped:
            lines.append(f"| {number} | {result.title} | skipped: {result.skipped} ||||||")
            continue
        for row in result.rows:
            cells = [
                str(number),
                result.title,
                row.case,
                row.median,
                _ratio_text(row),
                row.goal,
                _met_text(row.met),
                row.detail,
            ]
            lines.append("| " + " | ".join(c.replace("|", "\\|") for c in cells) + " |")
    return "\n".join(lines)


def notes(results: Iterable[Result]) -> str:
    out: list[str] = []
    for result in results:
        if result.notes:
            out.append(f"**{result.title}**\n")
            out.extend(f"- {note}" for note in result.notes)
            out.append("")
    return "\n".join(out)


def cpu_model() -> str:
    try:
        for line in Path("/proc/cpuinfo").read_text().splitlines():
            if line.startswith("model name"):
                return line.split(":", 1)[1].strip()
    except OSError:
        pass
    return platform.processor() or "unknown"


def machine() -> list[str]:
    try:
        from PySide6 import QtCore

        qt = f"Qt {QtCore.qVersion()} (PySide6 {QtCore.__version__})"
    except ImportError:
        qt = "Qt not installed"
    return [
        f"CPU: {cpu_model()}, {os.cpu_count()} logical cores",
        f"OS: {platform.system()} {platform.release()} ({platform.machine()})",
        f"Python {platform.python_version()} ({platform.python_implementation()}), {qt}",
        f"Date: {datetime.datetime.now().astimezone().isoformat(timespec='seconds')}",
    ]


def script(name: str) -> str:
    """The console script next to this interpreter (not a pyenv shim, which adds ~100 ms)."""
    path = Path(sysconfig.get_path("scripts")) / name
    if not path.exists():
        raise Skipped(f"`{name}` is not installed (pip install -e '.[bench]')")
    return str(path)


def qt_env(**extra: str) -> dict[str, str]:
    """Environment for child processes: offscreen Qt, and the repo importable."""
    env = dict(os.environ)
    env["QT_QPA_PLATFORM"] = "offscreen"
    env["PYTHONPATH"] = os.pathsep.join(p for p in (str(ROOT), env.get("PYTHONPATH")) if p)
    env.update(extra)
    return env


class ServerProcess:
    """``benchmarks.demo_process`` in a child process; ``hits`` gets (kind, server time)."""

    def __init__(self, *args: str) -> None:
        self.args = list(args)
        self.hits: list[tuple[str, float]] = []
        self.url = ""
        self._proc: subprocess.Popen[str] | None = None
        self._reader: threading.Thread | None = None

    def __enter__(self) -> ServerProcess:
        cmd = [sys.executable, "-m", "benchmarks.demo_process", *self.args]
        self._proc = subprocess.Popen(
            cmd,
            cwd=ROOT,
            env=qt_env(),
            stdin=subprocess.PIPE,  # the server exits when this closes
            stdout=subprocess.PIPE,
            text=True,
            bufsize=1,
        )
        assert self._proc.stdout is not None
        first = self._proc.stdout.readline()
        if not first.startswith("URL "):
            self._proc.kill()
            raise RuntimeError(f"demo server did not start: {first!r}")
        self.url = first.split()[1]
        self._reader = threading.Thread(target=self._read, daemon=True)
        self._reader.start()
        return self

    def _read(self) -> None:
        assert self._proc is not None and self._proc.stdout is not None
        for line in self._proc.stdout:
            parts = line.split()
            if len(parts) == 3 and parts[0] == "HIT":
                self.hits.append((parts[1], float(parts[2])))

    @property
    def token_url(self) -> str:
        return self.url + "/oauth/token"

    def __exit__(self, *exc: object) -> None:
        if self._proc is not None:
            assert self._proc.stdin is not None
            self._proc.stdin.close()
            self._proc.terminate()
            try:
                self._proc.wait(5)
            except subprocess.TimeoutExpired:
                self._proc.kill()
                self._proc.wait()


def qt_app() -> Any:
    """The QApplication of this process (offscreen unless a platform was chosen)."""
    os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
    from PySide6.QtWidgets import QApplication

    return QApplication.instance() or QApplication(["msauth-benchmarks"])


def run_loop(seconds: float) -> None:
    """Run the Qt event loop for ``seconds`` (timers and worker answers are served)."""
    from PySide6.QtCore import QEventLoop, QTimer

    loop = QEventLoop()
    QTimer.singleShot(round(seconds * 1000), loop.quit)
    loop.exec()


def run_until(predicate: Callable[[], bool], timeout: float) -> bool:
    """Run the Qt event loop until ``predicate()`` holds (checked every 5 ms) or the timeout."""
    from PySide6.QtCore import QEventLoop, QTimer

    loop = QEventLoop()
    check = QTimer()
    check.setInterval(5)
    check.timeout.connect(lambda: predicate() and loop.quit())
    check.start()
    QTimer.singleShot(round(timeout * 1000), loop.quit)
    if not predicate():
        loop.exec()
    check.stop()
    return predicate()
