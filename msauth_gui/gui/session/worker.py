"""Run a blocking call on a worker thread; get ``(value, error)`` back on the GUI thread.

The one bridge from worker threads to the GUI thread: the keeper's jobs and the server check
both go through :func:`run_in_thread`. A :class:`QRunnable` on a small dedicated
:class:`QThreadPool` runs the call. The answer travels back through a signal of a
:class:`JobCarrier`, a QObject created on (and living in) the calling thread, over a queued
connection, so the callback always runs on the GUI thread. A job may also report progress as
it goes (a request record, a check row), from any thread: each item reaches ``on_progress`` on
the GUI thread, in order, before the answer. Every request has a total deadline in the core,
and callers cancel what they no longer want (the keeper's jobs abandon their client, the check
its budget), so a worker is never held by a server that stalls; answers that still arrive are
dropped by their callers (the keeper compares generations). The keyring has a
:class:`SerialThread` of its own instead of a pool: its calls run in the order asked (a delete
after a save stays after it), and quitting never waits for one that hangs.
"""

from __future__ import annotations

import logging
import queue
import threading
from collections.abc import Callable
from typing import Any, overload

from PySide6.QtCore import QCoreApplication, QObject, QRunnable, Qt, QThreadPool, Signal, Slot

from ...core.errors import AuthError
from ...core.redact import redact
from ...core.translate import QT_TRANSLATE_NOOP

log = logging.getLogger(__name__)

Callback = Callable[[Any, "AuthError | None"], None]
#: hands one progress item to the GUI thread; callable from any thread
Report = Callable[[Any], None]

#: jobs run side by side (a sign-in, a probe, a check); cancelled ones end at once
POOL_THREADS = 8

_pool: QThreadPool | None = None
#: carriers whose answer has not arrived yet: kept here so Python does not collect them
_in_flight: set[JobCarrier] = set()


class UnexpectedFailure(AuthError):
    """A bug or an unforeseen exception in a job: a short message, never a traceback."""

    kind = "unexpected"
    template = QT_TRANSLATE_NOOP(
        "errors",
        "Something unexpected went wrong ({detail}). Try again; if it repeats, report it.",
    )


def job_pool() -> QThreadPool:
    """The pool auth jobs run on (created on first use, owned by the application)."""
    global _pool
    if _pool is None:
        _pool = QThreadPool(QCoreApplication.instance())
        _pool.setMaxThreadCount(POOL_THREADS)
    return _pool


class SerialThread:
    """Runs jobs one after another, in the order started, on one daemon thread of its own.

    A daemon, never joined: quitting does not wait for a job that hangs (a keyring waiting for
    its unlock prompt). :meth:`drain` gives the jobs asked for so far a bounded time to end.
    """

    def __init__(self, name: str) -> None:
        self._name = name
        self._jobs: queue.SimpleQueue[Callable[[], object]] = queue.SimpleQueue()
        self._thread: threading.Thread | None = None

    def start(self, job: QRunnable) -> None:
        """Queue ``job`` after every job started before it (call from one thread: the GUI's)."""
        self._put(job.run)

    def drain(self, timeout: float) -> bool:
        """Wait at most ``timeout`` seconds for the jobs started so far; True when they ended."""
        if self._thread is None:
            return True
        done = threading.Event()
        self._put(done.set)
        return done.wait(timeout)

    def _put(self, job: Callable[[], object]) -> None:
        self._jobs.put(job)
        if self._thread is None:
            self._thread = threading.Thread(target=self._run, name=self._name, daemon=True)
            self._thread.start()

    def _run(self) -> None:
        while True:
            self._jobs.get()()  # a _Job catches everything its call raises


class JobCarrier(QObject):
    """Carries one job's progress and answer to the thread it was created on."""

    finished = Signal(object, object)  # value, AuthError | None
    progressed = Signal(object)  # one progress item

    def __init__(self, callback: Callback, on_progress: Report | None = None) -> None:
        super().__init__()
        self._callback = callback
        self._on_progress = on_progress
        self.finished.connect(self._deliver, Qt.ConnectionType.QueuedConnection)
        self.progressed.connect(self._progress, Qt.ConnectionType.QueuedConnection)

    def report(self, item: Any) -> None:
        """Send ``item`` to ``on_progress`` on the carrier's thread (call from any thread)."""
        try:
            self.progressed.emit(item)
        except RuntimeError:  # the carrier was destroyed (application quitting)
            log.debug("progress arrived after its receiver was destroyed")

    @Slot(object)
    def _progress(self, item: Any) -> None:
        if self._on_progress is not None:
            self._on_progress(item)

    @Slot(object, object)
    def _deliver(self, value: Any, error: AuthError | None) -> None:
        _in_flight.discard(self)
        self._callback(value, error)


def _bare(error: AuthError) -> AuthError:
    """``error`` without its traceback and the exception it replaced: the error is kept (the
    keeper's last error), their frames are not; their locals hold the password and the client."""
    error.__traceback__ = error.__context__ = error.__cause__ = None
    return error


class _Job(QRunnable):
    def __init__(self, fn: Callable[[], Any], carrier: JobCarrier) -> None:
        super().__init__()
        self.setAutoDelete(True)
        self._work: tuple[Callable[[], Any], JobCarrier] | None = (fn, carrier)

    def run(self) -> None:
        if self._work is None:
            return
        # the runnable's Python side may outlive the run: it keeps neither the job nor its carrier
        (fn, carrier), self._work = self._work, None
        value: Any = None
        error: AuthError | None = None
        try:
            value = fn()
        except AuthError as exc:
            error = _bare(exc)
        except Exception as exc:  # a job must always answer, whatever went wrong
            # redacted, one line: a traceback could carry a password from a local variable
            log.warning("job failed unexpectedly: %s: %s", type(exc).__name__, redact(exc))
            error = UnexpectedFailure(detail=type(exc).__name__)
        try:
            carrier.finished.emit(value, error)
        except RuntimeError:  # the carrier was destroyed (application quitting)
            log.debug("answer arrived after its receiver was destroyed")


@overload
def run_in_thread(
    fn: Callable[[], Any], callback: Callback, pool: QThreadPool | SerialThread | None = None
) -> JobCarrier: ...
@overload
def run_in_thread(
    fn: Callable[[Report], Any],
    callback: Callback,
    pool: QThreadPool | SerialThread | None = None,
    *,
    on_progress: Report,
) -> JobCarrier: ...
def run_in_thread(
    fn: Callable[..., Any],
    callback: Callback,
    pool: QThreadPool | SerialThread | None = None,
    *,
    on_progress: Report | None = None,
) -> JobCarrier:
    """Start ``fn()`` on a worker thread; ``callback(value, error)`` runs on this thread later.

    With ``on_progress``, the job is ``fn(report)``: every ``report(item)`` it makes, from any
    thread, becomes ``on_progress(item)`` on this thread. Call from a thread with a running Qt
    event loop (the GUI thread). Returns the carrier, a handle the caller may keep; it is also
    kept alive here until its answer arrives.
    """
    carrier = JobCarrier(callback, on_progress)
    _in_flight.add(carrier)
    job = fn if on_progress is None else (lambda: fn(carrier.report))
    (pool or job_pool()).start(_Job(job, carrier))
    return carrier
