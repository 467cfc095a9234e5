"""The demo server for benchmarks, in its own process: ``python -m benchmarks.demo_process``.

Takes the demo server's own options (``--style``, ``--access-lifetime``, ``--fault``, …), prints
``URL <origin>`` once it listens and, with ``--report-hits``, ``HIT <kind> <time.time()>`` the
moment each request reaches the server (taken here, so pipe latency does not count). It exits
when its standard input closes, so a crashed benchmark leaves no server behind.
"""

from __future__ import annotations

import os
import signal
import sys
import threading
from typing import Any

from msauth_gui.devserver.__main__ import build_parser, config_from_args
from msauth_gui.devserver.server import DemoServer


class ReportingServer(DemoServer):
    report = False

    def count(self, kind: str, request: str = "") -> None:
        if self.report:
            print(f"HIT {kind} {self.clock():.6f}", flush=True)
        super().count(kind, request)


def _stop(signum: int, frame: Any) -> None:
    raise SystemExit(0)


def _exit_with_parent() -> None:
    """Standard input is the parent's pipe: EOF means the parent is gone (even if it crashed)."""
    sys.stdin.read()
    os._exit(0)


def main(argv: list[str] | None = None) -> int:
    parser = build_parser()
    parser.add_argument("--report-hits", action="store_true")
    args = parser.parse_args(argv)
    server = ReportingServer(config_from_args(args), args.host, args.port)
    server.report = args.report_hits
    server.start()
    print(f"URL {server.url}", flush=True)
    signal.signal(signal.SIGTERM, _stop)
    threading.Thread(target=_exit_with_parent, daemon=True).start()
    try:
        while server.running:
            server.stop_event.wait(0.5)
    except (KeyboardInterrupt, SystemExit):
        pass
    finally:
        server.stop()
    return 0


if __name__ == "__main__":
    sys.exit(main())
