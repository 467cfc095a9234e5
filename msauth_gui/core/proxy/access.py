"""The proxy's access log: one record per request, one redacted line per record.

A record is made for every request, cheaply; the text is made only where it is shown (the
terminal of ``msauth proxy``; the window shows counts and failures). The line has the method,
the path with its query (secrets in it masked: ``password=***``, registered tokens), the status
and the duration; what came from the network has its control characters made visible.
"""

from __future__ import annotations

import threading
from dataclasses import dataclass
from typing import TextIO

from ..redact import redact
from ..visible import visible

MAX_PATH = 300  #: characters of the path shown


@dataclass(frozen=True)
class AccessRecord:
    method: str
    target: str  #: as the client sent it: shown only through :func:`access_line`
    status: int
    duration_ms: float
    #: why the proxy answered itself (403, 503…) or passed a 401 on; "" for the server's answers
    failure: str = ""

    @property
    def failed(self) -> bool:
        return bool(self.failure)


def shown_target(target: str) -> str:
    """The request target as a log shows it: redacted, controls visible, shortened."""
    text = visible(redact(target))
    return text if len(text) <= MAX_PATH else text[: MAX_PATH - 1] + "…"


def access_line(record: AccessRecord) -> str:
    """``GET /api/v1/DocTypes?$top=1 200 3 ms``, and the proxy's reason when it failed."""
    line = (
        f"{visible(record.method[:20])} {shown_target(record.target)} {record.status} "
        f"{record.duration_ms:.0f} ms"
    )
    if record.failure:
        line += " — " + visible(redact(record.failure))
    return line


class StreamLog:
    """Writes access lines to a text stream (stderr), whole lines from any thread."""

    def __init__(self, stream: TextIO, prefix: str = "") -> None:
        self._stream = stream
        self._prefix = prefix
        self._lock = threading.Lock()

    def __call__(self, record: AccessRecord) -> None:
        line = self._prefix + access_line(record) + "\n"
        with self._lock:
            try:
                self._stream.write(line)
                self._stream.flush()
            except (OSError, ValueError):  # the terminal went away: the proxy goes on
                pass
