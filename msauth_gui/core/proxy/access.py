"""The proxy's access log: one record per request, one redacted line per record.

A record is made for every request, cheaply; the text is made only where it is shown (the
terminal of ``msauth proxy``; the window shows counts and failures). The line has the method,
the path with its query (secrets in it masked: ``password=***``, registered tokens), the status
and the duration; what came from the network has its control characters made visible.
"""

from __future__ import annotations

import queue
import threading
from dataclasses import dataclass
from typing import TextIO

from ..redact import redact
from ..translate import number, translate
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
    took = translate("proxy", "{ms} ms").format(ms=number(round(record.duration_ms)))
    line = f"{visible(record.method[:20])} {shown_target(record.target)} {record.status} {took}"
    if record.failure:
        line += " — " + visible(redact(record.failure))
    return line


class StreamLog:
    """Writes access lines to a text stream (stderr), whole and in order, from a thread of its
    own: a request's thread only queues its record (formatting and redacting a line cost more
    than a short request itself, and a sequential client would wait for it)."""

    def __init__(self, stream: TextIO, prefix: str = "") -> None:
        self._stream = stream
        self._prefix = prefix
        self._queue: queue.SimpleQueue[AccessRecord | None] = queue.SimpleQueue()
        self._thread = threading.Thread(target=self._write, name="msauth-access-log", daemon=True)
        self._thread.start()

    def __call__(self, record: AccessRecord) -> None:
        self._queue.put(record)

    def close(self, wait: float = 2.0) -> None:
        """Write what is queued, then stop."""
        self._queue.put(None)
        self._thread.join(wait)

    def _write(self) -> None:
        while (record := self._queue.get()) is not None:
            lines = [self._prefix + access_line(record) + "\n"]
            while not self._queue.empty() and len(lines) < 100:  # a burst: one write
                more = self._queue.get()
                if more is None:
                    self._queue.put(None)
                    break
                lines.append(self._prefix + access_line(more) + "\n")
            try:
                self._stream.write("".join(lines))
                self._stream.flush()
            except (OSError, ValueError):  # the terminal went away: the proxy goes on
                pass
