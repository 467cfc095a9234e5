"""The server check's time and its stop switch: one :class:`Budget` for each run of the check.

Every request a check makes goes through an :class:`~..http.Http` made by :meth:`Budget.http`,
and every raw connection (the reachability and certificate steps) through
:meth:`Budget.connect`. Each one's deadline is the sooner of the settings' timeout and the end
of the budget, so ``msauth check --timeout 2`` ends within about 2 s however many requests its
steps chain; a request the budget cut short fails as :class:`CheckTimeUp` ("no complete answer
within 2 s"), so its row says what it could not finish. :meth:`Budget.cancel` (closing the
check dialog, quitting) abandons them all at once, from any thread: every request in flight and
every later one raise :class:`~..errors.RequestCancelled`.
"""

from __future__ import annotations

import contextlib
import socket
import threading
import time
import weakref
from collections.abc import Callable

from ..errors import AuthError, RequestTimeout
from ..failures import LookupTimedOut
from ..http import Http, RequestRecord, TlsOptions
from ..translate import QT_TRANSLATE_NOOP
from ..transport import AddressInfo, Resolver, lookup

#: a request whose deadline came within this many seconds of the budget's end was cut by it
_SLACK = 0.05


class CheckTimeUp(RequestTimeout):
    """The check's overall time ran out before this request had its answer."""

    template = QT_TRANSLATE_NOOP(
        "errors",
        "The check's {seconds} s ran out before {host} answered: no complete answer within "
        "{seconds} s. Check that the server is running, or raise the timeout.",
    )


class Budget:
    """``seconds`` from now for a whole check; :meth:`cancel` ends it early."""

    def __init__(self, seconds: float, resolver: Resolver = socket.getaddrinfo) -> None:
        self.seconds = float(seconds)
        self._resolver = resolver  #: name lookups (tests pass one that does not answer)
        self.deadline = time.monotonic() + self.seconds
        self._lock = threading.Lock()
        self._cancelled = False
        self._https: weakref.WeakSet[Http] = weakref.WeakSet()
        self._sockets: weakref.WeakSet[socket.socket] = weakref.WeakSet()
        self._lookups: set[threading.Event] = set()  #: name lookups being waited for

    @property
    def cancelled(self) -> bool:
        return self._cancelled

    def remaining(self) -> float:
        return self.deadline - time.monotonic()

    def clip(self, limit: float) -> float:
        """``limit`` seconds, or what is left of the budget if that is less (never below 1 ms)."""
        return max(0.001, min(limit, self.remaining()))

    def cut(self, error: AuthError) -> AuthError:
        """``error``, or :class:`CheckTimeUp` when it is a timeout that the budget's end caused."""
        if isinstance(error, RequestTimeout) and self.remaining() <= _SLACK:
            return CheckTimeUp(host=error.params.get("host", ""), seconds=self.seconds)
        return error

    def http(self, tls: TlsOptions, timeout: float, records: list[RequestRecord]) -> Http:
        """An :class:`Http` under this budget that logs each request into ``records``."""
        http = _BudgetedHttp(self, tls, timeout, records.append)
        with self._lock:
            self._https.add(http)
            cancelled = self._cancelled
        if cancelled:
            http.abandon()
        return http

    def resolve(self, host: str, port: int, timeout: float) -> list[AddressInfo]:
        """``socket.getaddrinfo`` within the budget: a resolver that does not answer costs at
        most ``timeout`` (:class:`~..failures.LookupTimedOut`), :meth:`cancel` ends the wait
        (``ConnectionAbortedError``); its own failure is a ``socket.gaierror``."""
        deadline = time.monotonic() + self.clip(timeout)

        def wait(done: threading.Event) -> None:
            with self._lock:
                if self._cancelled:
                    return
                self._lookups.add(done)
            try:
                done.wait(max(0.0, deadline - time.monotonic()))
            finally:
                with self._lock:
                    self._lookups.discard(done)

        try:
            return lookup(host, port, wait, resolver=self._resolver)
        except LookupTimedOut:
            if not self._cancelled:
                raise
        raise ConnectionAbortedError("the check was stopped")  # not a slow name server

    def connect(
        self,
        address: tuple[str, int],
        timeout: float,
        infos: list[AddressInfo] | None = None,
    ) -> socket.socket:
        """``socket.create_connection`` within the budget, the name lookup included unless
        ``infos`` (from :meth:`resolve`) are given; :meth:`cancel` shuts it down."""
        host, port = address
        found = infos if infos is not None else self.resolve(host, port, timeout)
        deadline = time.monotonic() + self.clip(timeout)
        error: OSError | None = None
        for family, kind, proto, _, target in found:
            sock = socket.socket(family, kind, proto)
            with self._lock:
                self._sockets.add(sock)
                cancelled = self._cancelled
            try:
                if cancelled:
                    raise ConnectionAbortedError("the check was stopped")
                sock.settimeout(max(0.001, deadline - time.monotonic()))
                sock.connect(target)
            except OSError as exc:
                sock.close()
                error = exc
                continue
            return sock
        raise error or OSError(f"no address for {host}")

    def cancel(self) -> None:
        """Stop the check, from any thread: every request and connection ends at once."""
        with self._lock:
            self._cancelled = True
            https, sockets = list(self._https), list(self._sockets)
            lookups = list(self._lookups)
        for done in lookups:  # their waits end; the lookups finish on their own
            done.set()
        for http in https:
            http.abandon()
        for sock in sockets:
            with contextlib.suppress(OSError):
                sock.shutdown(socket.SHUT_RDWR)


class _BudgetedHttp(Http):
    """An :class:`Http` whose every request ends by the budget's end at the latest."""

    def __init__(
        self,
        budget: Budget,
        tls: TlsOptions,
        timeout: float,
        on_request: Callable[[RequestRecord], None],
    ) -> None:
        self._budget = budget
        super().__init__(tls, timeout, on_request)

    @property
    def timeout(self) -> float:
        """The settings' timeout, or what is left of the budget if that is less."""
        return self._budget.clip(self._limit)

    @timeout.setter
    def timeout(self, value: float) -> None:
        self._limit = value

    def timeout_error(self, host: str) -> AuthError:
        return self._budget.cut(super().timeout_error(host))
