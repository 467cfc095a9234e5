"""Run ``msauth`` in-process with its streams captured and no stray ``MSAUTH_PASSWORD`` or
``MSAUTH_CLIENT_SECRET``."""

from __future__ import annotations

import io
import os
from collections.abc import Sequence

from msauth_gui.cli import run


def run_msauth(
    argv: Sequence[str], stdin: str = "", env: dict[str, str] | None = None
) -> tuple[int, str, str]:
    """``(exit code, stdout, stderr)`` of ``msauth argv`` with ``stdin`` as its input."""
    out, err = io.StringIO(), io.StringIO()
    saved = os.environ.copy()
    os.environ.pop("MSAUTH_PASSWORD", None)
    os.environ.pop("MSAUTH_CLIENT_SECRET", None)
    os.environ.update(env or {})
    try:
        code = run(list(argv), io.StringIO(stdin), out, err)
    finally:
        os.environ.clear()
        os.environ.update(saved)
    return code, out.getvalue(), err.getvalue()
