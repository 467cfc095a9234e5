"""Redaction for log records of the HTTP libraries, whoever configures logging.

urllib3 logs each request line at DEBUG (``GET /api/v1/session?username=…&password=… HTTP/1.1``)
and requests logs too; any program that turns logging on (a script embedding the core, a
debugging session) would write the password to its log. :func:`guard_http_loggers` puts a
filter on their loggers that rewrites each record through :func:`~.redact.redact` before any
handler sees it.
"""

from __future__ import annotations

import logging

from .redact import redact
from .visible import visible

#: the libraries whose records are redacted (each logger under these names, too)
GUARDED = ("urllib3", "requests", "charset_normalizer")


class RedactingFilter(logging.Filter):
    """Replaces a record's message by its redacted, control-free text; never drops one."""

    def filter(self, record: logging.LogRecord) -> bool:
        try:
            message = record.getMessage()
        except Exception:  # a broken format: show what there is, still redacted
            message = f"{record.msg} {record.args}"
        record.msg = visible(redact(message))
        record.args = None
        return True


_FILTER = RedactingFilter()


def guard_http_loggers() -> None:
    """Put the filter on every logger of :data:`GUARDED` that exists now (call after the
    libraries are imported: their modules create their loggers on import). Idempotent."""
    names = list(logging.Logger.manager.loggerDict)
    for name in (*GUARDED, *names):
        if name.split(".", 1)[0] in GUARDED:
            logger = logging.getLogger(name)
            if _FILTER not in logger.filters:
                logger.addFilter(_FILTER)
