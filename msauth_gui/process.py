"""The window process protects its own memory: it holds passwords and tokens.

:func:`forbid_core_dumps` turns core dumps off where the system lets a process do so itself:
``RLIMIT_CORE`` 0 (POSIX), and on Linux ``prctl(PR_SET_DUMPABLE, 0)``, which also keeps other
processes of the same user from reading its memory through ``ptrace`` or ``/proc``. Best effort:
where neither exists (Windows) nothing happens, and nothing is said.

:func:`install_last_net` replaces Python's traceback printing (``sys.excepthook`` — which
PySide6 calls for an exception in a slot —, ``threading.excepthook`` and
``sys.unraisablehook``): a bug anywhere writes one redacted line to stderr and the window goes
on, never a traceback whose exception text could carry a URL with a password or a token.
"""

from __future__ import annotations

import contextlib
import ctypes
import sys
import threading
from types import TracebackType
from typing import Any

#: from <linux/prctl.h>
PR_SET_DUMPABLE = 4
PR_GET_DUMPABLE = 3


def forbid_core_dumps() -> bool:
    """No core dump of this process from now on; True when at least one switch took."""
    done = False
    try:
        import resource
    except ImportError:  # Windows: no such limit to set
        return False
    with contextlib.suppress(ValueError, OSError):
        resource.setrlimit(resource.RLIMIT_CORE, (0, 0))
        done = True
    if sys.platform.startswith("linux"):
        with contextlib.suppress(OSError, AttributeError):
            libc = ctypes.CDLL(None, use_errno=True)
            done = libc.prctl(PR_SET_DUMPABLE, 0, 0, 0, 0) == 0 or done
    return done


def dumpable() -> int | None:
    """Linux's dumpable flag of this process (0: no core dumps, no ptrace); None elsewhere."""
    if not sys.platform.startswith("linux"):
        return None
    try:
        return int(ctypes.CDLL(None, use_errno=True).prctl(PR_GET_DUMPABLE, 0, 0, 0, 0))
    except (OSError, AttributeError):
        return None


def install_last_net(name: str) -> None:
    """Unhandled exceptions (any thread, a Qt slot, ``__del__``) become one line on stderr,
    ``{name}: unexpected error (Type): text``, redacted and with controls visible."""

    def say(exc: BaseException | None) -> None:
        from .core.redact import redact
        from .core.visible import visible

        kind = type(exc).__name__ if exc is not None else "?"
        line = f"{name}: unexpected error ({kind}): {exc}"
        with contextlib.suppress(Exception):  # stderr closed, or a broken __str__
            sys.stderr.write(visible(redact(line)) + "\n")
            sys.stderr.flush()

    def on_exception(
        kind: type[BaseException], exc: BaseException, tb: TracebackType | None
    ) -> None:
        if issubclass(kind, KeyboardInterrupt):  # Ctrl+C on the terminal: Python's own way
            sys.__excepthook__(kind, exc, tb)
            return
        say(exc)

    def on_thread(args: Any) -> None:
        if args.exc_type is not SystemExit:
            say(args.exc_value)

    sys.excepthook = on_exception
    threading.excepthook = on_thread
    sys.unraisablehook = lambda unraisable: say(unraisable.exc_value)
