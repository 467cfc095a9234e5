"""The server check: diagnose a server's sign-in set-up step by step, Qt-free.

:func:`run_check` (``run``) reaches the server (``tls``, with ``certificate``), finds the API
(``api``), tries every sign-in method (``methods``; where the token endpoint is and Basic's
two spellings in ``discovery``) within one time ``budget`` and returns a
:class:`~.report.CheckReport` of rows (``report``); ``common`` holds what the steps share.
The window's dialog and ``msauth check`` both call it.
"""

from .budget import Budget
from .report import CheckReport, CheckRow
from .run import ORDER, row_rank, run_check

__all__ = ["ORDER", "Budget", "CheckReport", "CheckRow", "row_rank", "run_check"]
