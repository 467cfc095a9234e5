"""What one exchange sees of the running demo server: a narrow view, so that the handler and
the faults never import the server back (:class:`.server.DemoServer` is the one in use)."""

from __future__ import annotations

import threading
from collections.abc import Callable
from typing import Protocol

from .tokens import DemoConfig, TokenStore


class Site(Protocol):
    """The server's configuration, tokens, clock and counters, as a request handler uses them."""

    config: DemoConfig
    tokens: TokenStore
    clock: Callable[[], float]
    verbose: bool
    stop_event: threading.Event

    @property
    def url(self) -> str: ...

    @property
    def api_url(self) -> str: ...

    def count(self, kind: str, request: str = "") -> None: ...
