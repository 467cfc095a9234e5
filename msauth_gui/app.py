"""``msauth-gui``: the window's entry point and its command line.

``build_window(argv)`` builds the window without entering the event loop (tests and the
screenshot script use it); ``main()`` shows it and runs the loop. ``--demo`` starts the
built-in demo server on a free loopback port and fills the form with it and a demo account.
"""

from __future__ import annotations

import argparse
import sys
from typing import TYPE_CHECKING

from PySide6.QtWidgets import QApplication, QMainWindow

if TYPE_CHECKING:
    from PySide6.QtCore import QSettings

    from .core.secrets import SecretStore
    from .devserver import DemoServer

APP_NAME = "msauth-gui"
#: a non-ASCII password shows off UTF-8 by every method (and, unlike admin/admin, masking the
#: password does not hide the login in the log)
DEMO_LOGIN = "operator"
DEMO_PASSWORD = "p@ss wörd"
#: a short lifetime, so the demo shows the countdown and a background refresh within minutes
DEMO_ACCESS_LIFETIME = 120

#: the QApplication build_window created, kept alive for as long as the module lives
_app: QApplication | None = None


def build_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog=APP_NAME,
        description="Sign in to a Mobile SMARTS server, watch the token and copy it.",
    )
    parser.add_argument(
        "--demo",
        action="store_true",
        help="start the built-in demo server on loopback and fill the form with a demo account",
    )
    parser.add_argument("--server", metavar="URL", help="server URL, e.g. https://host:9000")
    parser.add_argument("--login", metavar="NAME", help="login name")
    parser.add_argument(
        "--method", choices=("basic", "session", "oauth"), help="sign-in method (oauth)"
    )
    return parser


def _application() -> QApplication:
    global _app
    existing = QApplication.instance()
    if isinstance(existing, QApplication):
        return existing
    _app = QApplication([APP_NAME])
    _app.setApplicationName(APP_NAME)
    _app.setOrganizationName(APP_NAME)
    _app.setStyle("Fusion")
    return _app


def _start_demo(window: QMainWindow, app: QApplication) -> DemoServer:
    from .devserver import DemoConfig, DemoServer  # only demo mode pays for the server code

    server = DemoServer(DemoConfig(access_lifetime=DEMO_ACCESS_LIFETIME)).start()

    def stop() -> None:
        server.stop()

    # whichever comes first: the window closes, is destroyed, or the application quits
    window.closing.connect(stop)  # type: ignore[attr-defined]
    window.destroyed.connect(stop)
    app.aboutToQuit.connect(stop)
    return server


def build_window(
    argv: list[str],
    *,
    settings: QSettings | None = None,
    secrets: SecretStore | None = None,
) -> QMainWindow:
    """Parse ``argv`` (without the program name) and build the window; do not show it.

    ``settings`` (profiles, preferences) defaults to the platform's usual place and
    ``secrets`` to the OS keyring; tests pass an INI file and an in-memory keyring.
    """
    args = build_parser().parse_args(argv)
    app = _application()
    from PySide6.QtCore import QSettings

    from .core.secrets import SecretStore
    from .gui.profile_store import NoSecretStore
    from .gui.window import MainWindow

    if args.demo:  # demo runs touch neither the operator's profiles nor the keyring
        settings, secrets = None, NoSecretStore("the demo does not save secrets")
    if settings is None and not args.demo:
        settings = QSettings(APP_NAME, APP_NAME)
    window = MainWindow(settings=settings, secrets=secrets or SecretStore())
    if args.demo:
        server = _start_demo(window, app)
        window.demo_server = server  # type: ignore[attr-defined]  # for tests and the script
        window.form.fill(
            server=server.url, login=DEMO_LOGIN, password=DEMO_PASSWORD, method="oauth"
        )
        window.note(
            f"Demo server started at {server.url}; demo accounts: {DEMO_LOGIN} (password filled "
            "in), admin / admin, norights / norights (gets 403 on data)"
        )
    if args.server:  # the profile for that server (and login), or a new one
        window.profiles.select_server(args.server, args.login)
    window.form.fill(server=args.server, login=args.login, method=args.method)
    return window


def _warm_up_network_code() -> None:
    """Load ``requests`` on a background thread once the window is up, so the first sign-in
    does not wait for it and the first paint did not either."""
    import importlib
    import threading

    threading.Thread(
        target=importlib.import_module, args=("msauth_gui.core.http",), daemon=True
    ).start()


def main() -> int:
    # Worker threads hold the GIL for up to the switch interval (5 ms by default); a shorter
    # one keeps the event loop's longest gap well inside a frame while requests run.
    sys.setswitchinterval(0.001)
    app = _application()
    window = build_window(sys.argv[1:])
    window.show()
    from PySide6.QtCore import QTimer

    QTimer.singleShot(0, _warm_up_network_code)
    return app.exec()


if __name__ == "__main__":
    sys.exit(main())
