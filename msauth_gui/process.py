"""The window process protects its own memory: it holds passwords and tokens.

:func:`forbid_core_dumps` turns core dumps off where the system lets a process do so itself:
``RLIMIT_CORE`` 0 (POSIX), and on Linux ``prctl(PR_SET_DUMPABLE, 0)``, which also keeps other
processes of the same user from reading its memory through ``ptrace`` or ``/proc``. Best effort:
where neither exists (Windows) nothing happens, and nothing is said.
"""

from __future__ import annotations

import contextlib
import ctypes
import sys

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
