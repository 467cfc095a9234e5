"""A session's credentials shared with other threads: what a keeper publishes, the proxy reads.

A keeper (the Qt-free :class:`~.keeper.Keeper` of ``msauth proxy``, or the window's
TokenKeeper through :mod:`msauth_gui.gui.session.shared`) calls
:meth:`SharedCredentials.publish` whenever its session changes; the proxy's threads call
:meth:`~SharedCredentials.current` before each request and
:meth:`~SharedCredentials.renewed` after a 401. Those two methods are the whole
:class:`CredentialSource` the proxy needs. A renewal the proxy asks for reaches the keeper
through ``request_renewal`` (called from a proxy thread: the window's hops to the GUI thread),
once for any number of requests that got a 401 together; they all wait for its outcome.
"""

from __future__ import annotations

import threading
import time
from collections.abc import Callable
from dataclasses import dataclass
from typing import Protocol

from ..errors import CredentialsRejected
from ..token import Credentials, Token
from ..translate import QT_TRANSLATE_NOOP, number, translate
from .probing import AfterProbe, after_probe_failure
from .renewal import token_alive

Clock = Callable[[], float]

NOT_SIGNED_IN = QT_TRANSLATE_NOOP("proxy", "Not signed in: sign in first, then try again.")
EXPIRED = QT_TRANSLATE_NOOP(
    "proxy", "The token has expired and could not be renewed yet ({problem}). Try again later."
)
STILL_RENEWING = QT_TRANSLATE_NOOP(
    "proxy", "The token has expired and its renewal takes longer than {seconds} s."
)
#: seconds in which a token that a 401's renewal gave gets no renewal for a 401 of its own: a
#: server that refuses every token (or one path that always answers 401) must not make each
#: request through the proxy sign in again (a restarted server is still recovered from)
SECOND_CHANCE = 60.0


class Unavailable(Exception):
    """No usable session: the proxy answers 503 with :attr:`reason` (translated, plain)."""

    def __init__(self, reason: str) -> None:
        super().__init__(reason)
        self.reason = reason


class CredentialSource(Protocol):
    """The credentials the proxy adds, and a renewal when the server refuses them."""

    def current(self, wait: float) -> Credentials:
        """The credentials to send now; waits up to ``wait`` s for a renewal that runs while
        the token has expired. Raises :class:`Unavailable` when there are none to send."""
        ...

    def renewed(self, used: Credentials, sent_at: float, wait: float) -> Credentials | None:
        """Newer credentials after the server answered 401 to ``used`` (sent at ``sent_at``,
        clock time), renewing once if it should; None: pass the 401 on. ``wait`` 0 asks for
        the renewal without waiting for it (a body too large to send again)."""
        ...


@dataclass(frozen=True)
class Snapshot:
    """A keeper's session as the proxy needs it."""

    creds: Credentials | None = None
    renewing: bool = False  #: a renewal runs: an expired token is worth waiting for
    halted: bool = False  #: renewal stopped until the operator acts: nothing to ask for
    problem: str = ""  #: the last error, or why there are no credentials (shown with the 503)


class SharedCredentials:
    """The :class:`CredentialSource` of one keeper's session; thread-safe."""

    def __init__(self, request_renewal: Callable[[], None], clock: Clock = time.time) -> None:
        self._request_renewal = request_renewal
        self._clock = clock
        self._cond = threading.Condition()
        self._snapshot = Snapshot()
        self._epoch = 0  #: bumped whenever a renewal attempt ended (or the credentials changed)
        self._asked = False  #: a renewal was asked for and has not ended yet
        #: the header of the credentials a renewal asked for by a 401 gave, and when
        self._second_chance: tuple[str, float] | None = None

    @property
    def snapshot(self) -> Snapshot:
        return self._snapshot

    def publish(self, snapshot: Snapshot) -> None:
        """The keeper's session changed (call from any thread)."""
        with self._cond:
            old, self._snapshot = self._snapshot, snapshot
            ended = (old.renewing and not snapshot.renewing) or _header(snapshot) != _header(old)
            if ended or (snapshot.halted and not old.halted):
                header = _header(snapshot)
                if self._asked and header is not None and header != _header(old):
                    self._second_chance = (header, self._clock())
                self._epoch += 1
                self._asked = False
            self._cond.notify_all()

    def current(self, wait: float) -> Credentials:
        deadline: float | None = None
        with self._cond:
            while True:
                snap = self._snapshot
                creds = snap.creds
                if creds is None:
                    raise Unavailable(snap.problem or translate("proxy", NOT_SIGNED_IN))
                if not (isinstance(creds, Token) and creds.is_expired(self._clock())):
                    return creds
                if not snap.renewing or snap.halted:
                    problem = snap.problem or translate("proxy", "no renewal is running")
                    raise Unavailable(translate("proxy", EXPIRED).format(problem=problem))
                deadline = deadline or time.monotonic() + wait
                left = deadline - time.monotonic()
                if left <= 0:
                    raise Unavailable(
                        translate("proxy", STILL_RENEWING).format(seconds=number(wait))
                    )
                self._cond.wait(left)

    def renewed(self, used: Credentials, sent_at: float, wait: float) -> Credentials | None:
        with self._cond:
            snap, second = self._snapshot, self._second_chance
            last_chance = (
                second is not None
                and second[0] == used.authorization
                and self._clock() - second[1] < SECOND_CHANCE
            )
            step = after_probe_failure(
                CredentialsRejected(status=401),
                token_alive=token_alive(used, sent_at),
                last_chance=last_chance,
            )
            if step is AfterProbe.REPORT:
                return None
            if _header(snap) != used.authorization:  # renewed meanwhile: the newer ones get a try
                return snap.creds
            if snap.creds is None or snap.halted:
                return None
            epoch, ask, self._asked = self._epoch, not self._asked, True
        if ask:
            self._request_renewal()
        if wait <= 0:
            return None
        deadline = time.monotonic() + wait
        with self._cond:
            while _header(self._snapshot) == used.authorization and self._epoch == epoch:
                left = deadline - time.monotonic()
                if left <= 0:
                    self._asked = False  # ask again next time, should this request be lost
                    return None
                self._cond.wait(left)
            creds = self._snapshot.creds
            return creds if _header(self._snapshot) != used.authorization else None


def _header(snapshot: Snapshot) -> str | None:
    """What the credentials send: a new copy without its dead refresh token is no renewal."""
    return None if snapshot.creds is None else snapshot.creds.authorization
