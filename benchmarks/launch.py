"""One measured start of a window, in a fresh process: ``python -m benchmarks.launch KIND``.

KIND is ``bare`` (one ``QLabel``), ``plain`` (:mod:`benchmarks.plain_window`, the same first
screen written plainly) or ``ours`` (``msauth_gui.app.main()``, exactly as ``msauth-gui``
starts: its argument parsing, language, theme, the window, ``show()``, its event loop and what
it starts after the first paint). An application-wide event filter sees the first ``Paint``
event of a top-level window and posts a zero-timer: it fires once that whole paint pass is
done. That moment is "first paint"; ``VmHWM`` (peak RSS) is read then.

``--watch S`` then keeps the process running S seconds with a heartbeat (a 1 ms PreciseTimer on
the GUI thread) and reports the longest gap between two beats: how long the window could not
react right after it appeared. ``--sign-in N`` (ours, started with ``--server`` and
``--login``) then types the password, clicks Sign in, and times the click (the handler's
return) and the handling of each worker answer on the GUI thread, N times (sign out between).

The result is one JSON line on standard output; times are ``time.monotonic()`` (system-wide,
so the parent compares them with its launch time) or durations in seconds.
"""

from __future__ import annotations

import itertools
import json
import os
import sys
import time
from collections.abc import Callable

HEAVY = ("requests", "urllib3", "charset_normalizer", "certifi", "keyring", "json5", "ssl")
PASSWORD = "admin"
FRAME = 0.016
#: the keeper's states in which a sign-in has ended
DONE = ("valid", "no_rights", "error", "unconfirmed", "sign_in_again")


def _status() -> dict[str, int]:
    with open("/proc/self/status", encoding="ascii") as handle:
        lines = handle.read().splitlines()
    fields = dict(line.split(":", 1) for line in lines if ":" in line)
    return {"hwm_kib": int(fields["VmHWM"].split()[0]), "rss_kib": int(fields["VmRSS"].split()[0])}


class Probe:
    """First paint, then the heartbeat and the sign-in clicks; reports and exits."""

    def __init__(self, watch: float, sign_ins: int) -> None:
        from PySide6.QtCore import QEvent, QObject, Qt, QTimer
        from PySide6.QtWidgets import QWidget

        self.out: dict[str, object] = {}
        self.watch, self.sign_ins = watch, sign_ins
        self.window: QWidget | None = None
        self.beats: list[float] = []
        self.answers: list[float] = []  #: GUI-thread time of each worker answer, in order
        self._paint = QEvent.Type.Paint
        self._show = QEvent.Type.Show
        probe = self

        class Filter(QObject):
            def eventFilter(self, obj: QObject, event: QEvent) -> bool:
                probe.seen(obj, event)
                return False

        self.filter = Filter()
        self.heart = QTimer()
        self.heart.setTimerType(Qt.TimerType.PreciseTimer)
        self.heart.setInterval(1)
        self.heart.timeout.connect(lambda: self.beats.append(time.perf_counter()))
        self._timer = QTimer

    def seen(self, obj: object, event: object) -> None:
        from PySide6.QtWidgets import QWidget

        kind = event.type()  # type: ignore[attr-defined]
        if kind not in (self._paint, self._show) or "painted" in self.out:
            return
        if not isinstance(obj, QWidget) or not obj.isWindow():
            return
        if kind == self._show:
            self.out.setdefault("shown", time.monotonic())
            return
        self.window = obj
        self.out["painted_pass"] = True
        self._timer.singleShot(0, self.painted)

    def painted(self) -> None:
        self.out["painted"] = time.monotonic()
        self.out["cpu"] = time.process_time()  # CPU seconds of the process (all threads)
        from PySide6.QtCore import QCoreApplication

        app = QCoreApplication.instance()
        if app is not None:  # every event through Python would slow what follows
            app.removeEventFilter(self.filter)
        self.out.update(_status())
        self.out["heavy"] = [m for m in HEAVY if m in sys.modules]
        self.out["modules"] = len(sys.modules)
        if self.watch <= 0:
            self.finish()
            return
        self.beats = [time.perf_counter()]
        self.heart.start()
        self._timer.singleShot(round(self.watch * 1000), self.watched)

    def watched(self) -> None:
        self.heart.stop()
        self.out["gaps"] = _gaps(self.beats)
        self.out["after_watch_modules"] = len(sys.modules)
        if self.sign_ins > 0:
            self.sign_in_rounds()
        else:
            self.finish()

    def sign_in_rounds(self) -> None:
        window = self.window
        keeper = window.keeper  # type: ignore[union-attr]
        clicks, handled, gaps, longest = [], [], [], []
        for round_ in range(self.sign_ins):
            window.form.fill(password=PASSWORD)  # type: ignore[union-attr]
            self.answers = []
            self.beats = [time.perf_counter()]
            self.heart.start()
            start = time.perf_counter()
            window.form.sign_in_button.click()  # type: ignore[union-attr]
            clicks.append(time.perf_counter() - start)
            _wait(lambda: keeper.state.value in DONE and not keeper.busy, 20)
            _wait(lambda: False, 0.1)  # a moment more: the log's flush and repaint
            self.heart.stop()
            if keeper.state.value != "valid":
                error = keeper.last_error.message if keeper.last_error else ""
                raise RuntimeError(f"sign-in {round_} ended in {keeper.state.value}: {error}")
            run = _gaps(self.beats)
            gaps.append(run["max"])
            longest.append(max(self.answers, default=0.0))
            handled.append(sum(self.answers))
            window.on_sign_out()  # type: ignore[union-attr]
            _wait(lambda: False, 0.05)
        self.out["clicks"] = clicks
        self.out["answer_max"] = longest
        self.out["answer_sum"] = handled
        self.out["sign_in_gaps"] = gaps
        self.finish()

    def finish(self) -> None:
        print(json.dumps(self.out), flush=True)
        sys.stderr.flush()
        os._exit(0)


def _wait(done: Callable[[], bool], seconds: float) -> None:
    """Run the event loop until ``done()`` (checked every 2 ms) or ``seconds`` have passed."""
    from PySide6.QtCore import QEventLoop, QTimer

    loop = QEventLoop()
    check = QTimer()
    check.timeout.connect(lambda: loop.quit() if done() else None)
    check.start(2)
    QTimer.singleShot(round(seconds * 1000), loop.quit)
    loop.exec()
    check.stop()


def _gaps(beats: list[float]) -> dict[str, float]:
    gaps = [b - a for a, b in itertools.pairwise(beats)]
    if not gaps:
        return {"max": 0.0, "at": 0.0, "slow": 0, "count": 0}
    worst = max(range(len(gaps)), key=gaps.__getitem__)
    return {
        "max": gaps[worst],
        "at": beats[worst] - beats[0],  # seconds after the heartbeat started
        "slow": sum(1 for g in gaps if g > FRAME),
        "count": len(gaps),
    }


def _time_answers(probe: Probe) -> None:
    """Time each worker answer's handling on the GUI thread (the project's one bridge)."""
    from msauth_gui.gui.session import worker

    deliver, progress = worker.JobCarrier._deliver, worker.JobCarrier._progress

    def timed(method):  # type: ignore[no-untyped-def]
        def run(self, *args):  # type: ignore[no-untyped-def]
            start = time.perf_counter()
            try:
                return method(self, *args)
            finally:
                probe.answers.append(time.perf_counter() - start)

        return run

    worker.JobCarrier._deliver = timed(deliver)  # type: ignore[method-assign]
    worker.JobCarrier._progress = timed(progress)  # type: ignore[method-assign]


def main() -> None:
    kind = sys.argv[1]
    args = sys.argv[2:]
    watch = float(args[args.index("--watch") + 1]) if "--watch" in args else 0.0
    sign_ins = int(args[args.index("--sign-in") + 1]) if "--sign-in" in args else 0
    app_args = args[args.index("--") + 1 :] if "--" in args else []
    started = time.monotonic()
    if kind == "bare":
        from PySide6.QtWidgets import QApplication, QLabel

        imported = time.monotonic()
        app = QApplication(sys.argv[:1])
        window = QLabel("Hello")
    elif kind == "plain":
        from benchmarks.plain_window import build

        imported = time.monotonic()
        app, window = build()  # type: ignore[assignment]
    elif kind == "ours":
        import msauth_gui.app as entry

        imported = time.monotonic()
        app = entry._application()  # main() finds this one: the same construction
    else:
        raise SystemExit(f"unknown kind {kind!r}")
    probe = Probe(watch, sign_ins)
    probe.out.update(started=started, imported=imported)
    app.installEventFilter(probe.filter)
    from PySide6.QtCore import QTimer

    QTimer.singleShot(60_000, lambda: os._exit(3))
    if kind == "ours":
        if sign_ins:
            _time_answers(probe)
        sys.argv = ["msauth-gui", *app_args]
        entry.main()
    else:
        window.show()
        app.exec()


if __name__ == "__main__":
    main()
