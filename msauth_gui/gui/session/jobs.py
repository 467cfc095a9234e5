"""The keeper's worker jobs: one AuthClient per job, generations, request records.

A job's client may find where requests go (the token endpoint, the GET session URL): what it
learned travels back with the answer (:attr:`AuthJobs.learned`, emitted just before the
handler runs) so that the next job starts from it instead of looking again.

Every job carries the generation it started in; :meth:`AuthJobs.new_generation` (sign-out, a
new sign-in) makes every answer still on its way stale, and stale answers are dropped here
before the keeper sees them. ``requests`` cannot be aborted, so dropping is the cancellation.
Each request's record travels to the GUI thread as the job's progress (:mod:`.worker`).
"""

from __future__ import annotations

import logging
import time
from collections.abc import Callable
from dataclasses import dataclass
from typing import Any

from PySide6.QtCore import QObject, Signal

from ...core.basic import make_basic
from ...core.client import AuthClient, ConnectionSettings
from ...core.errors import AuthError, NoRights
from ...core.records import RequestRecord
from ...core.session.probing import Rights
from ...core.session.remember import Learned, learned_by
from ...core.token import Credentials
from ..timers import Clock
from .worker import Report, run_in_thread

log = logging.getLogger(__name__)

Handler = Callable[[Any, "AuthError | None"], None]


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

    @property
    def generation(self) -> int:
        return self._generation

    def new_generation(self) -> None:
        self._generation += 1

    def start(
        self, settings: ConnectionSettings, call: Callable[[AuthClient], Any], handler: Handler
    ) -> None:
        """Run ``call(client)`` on a worker; ``handler(value, error)`` runs here, unless stale."""
        generation, clock = self._generation, self._clock
        found: list[Learned] = []  # filled on the worker before the answer is sent

        def job(report: Report) -> Any:  # every request's record, stale or not, is logged
            client = AuthClient(settings, clock=clock, on_request=report)
            try:
                return call(client)
            finally:
                found.append(learned_by(client))
                client.close()

        def answer(value: Any, error: AuthError | None) -> None:
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
