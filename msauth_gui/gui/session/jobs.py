"""The keeper's worker jobs: one AuthClient per job, generations, request records.

Every job carries the generation it started in; :meth:`AuthJobs.new_generation` (sign-out, a
new sign-in, quitting) cancels every job still running — its client is abandoned, so the
request in flight and any next one end at once and the worker is free again — and makes their
answers stale; stale answers are dropped here before the keeper sees them. Each request's
record travels to the GUI thread as the job's progress (:mod:`.worker`).
"""

from __future__ import annotations

import logging
import threading
import time
from collections.abc import Callable
from typing import Any

from PySide6.QtCore import QObject, Signal

from ...core.client import AuthClient, ConnectionSettings
from ...core.errors import AuthError, RequestCancelled
from ...core.records import RequestRecord
from ..timers import Clock
from .worker import Report, run_in_thread

log = logging.getLogger(__name__)

Handler = Callable[[Any, "AuthError | None"], None]


class JobHandle:
    """One job's client, reachable from the GUI thread so that the job can be cancelled."""

    def __init__(self) -> None:
        self._lock = threading.Lock()
        self._client: AuthClient | None = None
        self.cancelled = False

    def attach(self, client: AuthClient) -> None:
        """The job's client (on the worker); raises RequestCancelled if cancelled already."""
        with self._lock:
            if self.cancelled:
                raise RequestCancelled(host=client.endpoints.host)
            self._client = client

    def detach(self) -> None:
        """The job has ended: the handle no longer keeps its client (nor what it refers to)."""
        with self._lock:
            self._client = None

    def cancel(self) -> None:
        """Abandon the job's client from any thread: its requests end now and later ones fail."""
        with self._lock:
            self.cancelled, client = True, self._client
        if client is not None:
            client.abandon()


class AuthJobs(QObject):
    """Starts core calls on worker threads; answers of the current generation reach the handler."""

    requestLogged = Signal(object)  # RequestRecord, on this object's (the GUI) thread

    def __init__(self, parent: QObject | None = None, *, clock: Clock = time.time) -> None:
        super().__init__(parent)
        self._clock = clock
        self._generation = 0
        self._running: set[JobHandle] = set()

    @property
    def generation(self) -> int:
        return self._generation

    @property
    def running(self) -> int:
        """Jobs started and not yet answered (cancelled ones included, until they end)."""
        return len(self._running)

    def new_generation(self) -> None:
        """Cancel every job in flight; their answers, if any come, are stale."""
        self._generation += 1
        for handle in list(self._running):
            handle.cancel()

    def start(
        self, settings: ConnectionSettings, call: Callable[[AuthClient], Any], handler: Handler
    ) -> None:
        """Run ``call(client)`` on a worker; ``handler(value, error)`` runs here, unless stale."""
        generation, clock, handle = self._generation, self._clock, JobHandle()
        self._running.add(handle)

        def job(report: Report) -> Any:  # every request's record, stale or not, is logged
            client = AuthClient(settings, clock=clock, on_request=report)
            try:
                handle.attach(client)
                return call(client)
            finally:
                handle.detach()
                client.close()

        def answer(value: Any, error: AuthError | None) -> None:
            self._running.discard(handle)
            if generation != self._generation:
                log.debug("dropped stale answer from generation %d", generation)
                return
            handler(value, error)

        run_in_thread(job, answer, on_progress=self._on_record)

    def _on_record(self, record: RequestRecord) -> None:
        try:
            self.requestLogged.emit(record)
        except RuntimeError:  # this object is gone (application quitting)
            log.debug("request record after the keeper was destroyed")
