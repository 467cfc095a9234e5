"""The keeper's worker jobs: one AuthClient per job, generations, request records.

A job's client may find where requests go (the token endpoint, the GET session URL): what it
learned travels back with the answer (:attr:`AuthJobs.learned`, emitted just before the
handler runs) so that the next job starts from it instead of looking again.

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
from dataclasses import dataclass
from typing import Any

from PySide6.QtCore import QObject, Signal

from ...core.basic import make_basic
from ...core.client import AuthClient, ConnectionSettings
from ...core.errors import AuthError, NoRights, RequestCancelled
from ...core.records import RequestRecord
from ...core.session.probing import Rights
from ...core.session.remember import Learned, learned_by
from ...core.token import Credentials
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


@dataclass(frozen=True)
class SignedIn:
    """A sign-in's answer. Basic's sign-in is a probe itself, so its answer says what it saw."""

    creds: Credentials
    rights: Rights | None = None  #: None: not probed yet (the keeper probes next)
    refusal: AuthError | None = None  #: the probe's 403, to show


def sign_in(client: AuthClient, login: str, password: str) -> SignedIn:
    """Sign in by the settings' method. A 403 on Basic's sign-in is a sign-in without rights,
    not a failed one: the credentials are right, the account lacks a role."""
    if client.settings.method != "basic":
        return SignedIn(client.sign_in(login, password))
    try:
        return SignedIn(client.sign_in(login, password), Rights.GRANTED)
    except NoRights as refusal:
        creds = make_basic(login, password, client.clock(), client.settings.basic_encoding)
        return SignedIn(creds, Rights.NO_RIGHTS, refusal)


class AuthJobs(QObject):
    """Starts core calls on worker threads; answers of the current generation reach the handler."""

    requestLogged = Signal(object)  # RequestRecord, on this object's (the GUI) thread
    learned = Signal(object)  # Learned: a current job found or dropped a URL (before its answer)

    def __init__(self, parent: QObject | None = None, *, clock: Clock = time.time) -> None:
        super().__init__(parent)
        self._clock = clock
        self._generation = 0
        self._running: set[JobHandle] = set()

    @property
    def generation(self) -> int:
        return self._generation

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
        found: list[Learned] = []  # filled on the worker before the answer is sent

        def job(report: Report) -> Any:  # every request's record, stale or not, is logged
            client = AuthClient(settings, clock=clock, on_request=report)
            try:
                handle.attach(client)
                return call(client)
            finally:
                handle.detach()
                found.append(learned_by(client))
                client.close()

        def answer(value: Any, error: AuthError | None) -> None:
            self._running.discard(handle)
            if generation != self._generation:
                log.debug("dropped stale answer from generation %d", generation)
                return
            if found and found[0].news:
                self.learned.emit(found[0])
            handler(value, error)

        run_in_thread(job, answer, on_progress=self._on_record)

    def _on_record(self, record: RequestRecord) -> None:
        try:
            self.requestLogged.emit(record)
        except RuntimeError:  # this object is gone (application quitting)
            log.debug("request record after the keeper was destroyed")
