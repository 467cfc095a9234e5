"""Plain values passed between the HTTP layer and its users, importable without ``requests``.

The window imports these at start-up; ``requests`` itself is only loaded when the first
request is made (see :mod:`.http`), which keeps the first paint fast.
"""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True)
class RequestRecord:
    """One line of the activity log. Already redacted, with control characters visible."""

    method: str
    url: str
    status: int | None
    duration_ms: float
    error: str = ""  #: the error message, or the start of the server's answer for an HTTP error


@dataclass(frozen=True)
class Answer:
    status: int
    text: str
    headers: dict[str, str]
    url: str


@dataclass(frozen=True)
class TlsOptions:
    verify: bool = True
    ca_bundle: str | None = None

    @property
    def requests_verify(self) -> bool | str:
        if not self.verify:
            return False
        return self.ca_bundle or True
