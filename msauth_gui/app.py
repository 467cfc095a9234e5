"""``msauth-gui``: the window's entry point and its command line.

``build_window(argv)`` builds the window without entering the event loop (tests and the
screenshot script use it); ``main()`` shows it and runs the loop. ``--demo`` starts the
built-in demo server on a free loopback port and fills the form with it and a demo account.
"""

from __future__ import annotations

import argparse
import importlib
import os
import sys
from collections.abc import Callable, Mapping
from functools import partial
from typing import TYPE_CHECKING

from PySide6.QtCore import QObject, Signal
from PySide6.QtWidgets import QApplication, QMainWindow

from . import VersionAction
from .gui import importhook
from .i18n import LANGUAGES, SETTINGS_GROUP, SETTINGS_KEY, resolve_language

importhook.lighten()  # before the window's ~110 imports: each would read its module's source

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

#: the longest quitting waits for the workers (closing cancelled what they were doing)
QUIT_WAIT_MS = 2000
#: the QApplication build_window created, kept alive for as long as the module lives
_app: QApplication | None = None


def build_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog=APP_NAME,
        description="Sign in to a Mobile SMARTS server, watch the token and copy it.",
    )
    parser.add_argument("--version", action=VersionAction)
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
    parser.add_argument(
        "--lang",
        choices=LANGUAGES,
        help="language of the window (default: MSAUTH_LANG, the settings, then the system's)",
    )
    parser.add_argument(
        "--theme",
        choices=("system", "light", "dark"),
        help="colours: follow the system (default), or always light or dark",
    )
    parser.add_argument(
        "--install-desktop-entry",
        action="store_true",
        help="Linux: add msauth-gui to the applications menu of this user, then exit",
    )
    return parser


def _application() -> QApplication:
    global _app
    existing = QApplication.instance()
    if isinstance(existing, QApplication):
        return existing
    # the style named at construction: made once, instead of the platform's and then Fusion
    _app = QApplication([APP_NAME, "-style", "Fusion"])
    _app.setApplicationName(APP_NAME)
    _app.setOrganizationName(APP_NAME)
    _app.setDesktopFileName(APP_NAME)  # Wayland finds the icon through the desktop entry
    return _app


def _language(requested: str | None, settings: QSettings | None) -> str:
    """``--lang``, MSAUTH_LANG, the language chosen in Settings, the system's (see i18n)."""
    from PySide6.QtCore import QSettings

    store = settings if settings is not None else QSettings(APP_NAME, APP_NAME)
    saved = str(store.value(f"{SETTINGS_GROUP}/{SETTINGS_KEY}", "", str) or "")
    return resolve_language(requested, saved)


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
    from PySide6.QtCore import QCoreApplication, QSettings

    from .core.secrets import SecretStore
    from .gui import icons, theme
    from .gui.i18n import install_language
    from .gui.profiles.store import NoSecretStore
    from .gui.window.main import MainWindow

    # the language first: every widget takes its texts when it is built
    install_language(app, _language(args.lang, settings))
    app.setWindowIcon(icons.app_icon())
    if args.theme or app is _app:  # an application made elsewhere (tests) keeps its palette
        theme.apply_theme(app, args.theme or "system", fusion=app is _app)
    if args.demo:  # demo runs touch neither the operator's profiles nor the keyring
        reason = QCoreApplication.translate("app", "the demo does not save secrets")
        settings, secrets = None, NoSecretStore(reason)
    if settings is None and not args.demo:
        settings = QSettings(APP_NAME, APP_NAME)
    window = MainWindow(settings=settings, secrets=secrets or SecretStore())
    if args.demo:
        server = _start_demo(window, app)
        window.demo_server = server  # type: ignore[attr-defined]  # for tests and the script
        window.form.fill(
            server=server.url, login=DEMO_LOGIN, password=DEMO_PASSWORD, method="oauth"
        )
        note = QCoreApplication.translate(
            "app",
            "Demo server started at {url}; demo accounts: {login} (password filled in), "
            "admin / admin, norights / norights (gets 403 on data)",
        )
        window.note(note.format(url=server.url, login=DEMO_LOGIN))
    if args.server:  # the profile for that server (and login), or a new one
        window.profiles.select_server(args.server, args.login)
    window.form.fill(server=args.server, login=args.login, method=args.method)
    from .gui.window.focus import focus_first_empty

    focus_first_empty(window.form)  # the command line may have filled server and login
    return window


#: Qt's platforms that draw on a desktop's display server (its default on Linux and the BSDs)
_DESKTOP_PLATFORMS = {"", "xcb", "wayland", "wayland-egl"}


def missing_display(env: Mapping[str, str] = os.environ, platform: str = sys.platform) -> bool:
    """True where Qt would abort for want of a screen: a Unix desktop platform (X11 or Wayland,
    Qt's default there) with neither ``DISPLAY`` nor ``WAYLAND_DISPLAY`` set. ``QT_QPA_PLATFORM``
    naming another platform (``offscreen``, ``vnc``, ``eglfs``...) needs neither."""
    if platform.startswith(("win", "darwin", "cygwin")):
        return False
    wanted = {
        name.split(":")[0].strip() for name in env.get("QT_QPA_PLATFORM", "").split(";")
    }  # "wayland;xcb", "offscreen:fontengine=freetype"...
    if not wanted <= _DESKTOP_PLATFORMS:
        return False
    return not (env.get("DISPLAY") or env.get("WAYLAND_DISPLAY"))


def _no_display_message(requested: str | None) -> str:
    """The no-display advice in the operator's language (no QApplication can exist here)."""
    from .core.translate import translate, translating
    from .i18n import cli_translator, saved_language

    with translating(cli_translator(resolve_language(requested, saved_language))):
        return translate(
            "app",
            "no display: run it on a desktop, or use msauth (the command line) / "
            "QT_QPA_PLATFORM=offscreen",
        )


def _warm_up(_: object = None) -> None:
    """Once the window is painted and the keyring answered, prepare what the first sign-in
    and the first check would otherwise pay for: on the GUI thread, one step per turn of the
    event loop (each well inside a frame), the screen-reader classes and the state icons; then
    ``requests``, the check's core and the local proxy's server, loaded on a daemon thread
    (quitting never waits for it); then, back on the GUI thread one module per turn, the check
    dialog's own modules. Neither the first paint nor the first click waits for these (the
    first "Check server" click went from ~63 ms to ~13 ms).

    One thing at a time: two threads importing at once, or one importing while the GUI thread
    works, starve the GUI thread of the GIL (measured: a frozen frame of 50-70 ms right after
    first paint with the keyring and requests loaded side by side; either alone, none).
    """
    import threading

    from .gui import icons, widgets

    loaded = _Loaded(QApplication.instance())  # lives on the GUI thread: its slot runs there
    loaded.core.connect(
        lambda: _one_per_turn([partial(importlib.import_module, name) for name in _CHECK_GUI])
    )

    def load_core() -> None:  # a daemon thread: quitting never waits for an import
        _import_core()
        loaded.core.emit()  # a failed import raised instead: the first check pays for it

    names = sorted(set(icons.STATE_ICON_FILES.values()))
    steps: list[Callable[[], object]] = [widgets.accessibility_classes]
    steps += [partial(icons.load_icon, name) for name in names]
    thread = threading.Thread(target=load_core, name="msauth-warm-up", daemon=True)
    steps.append(thread.start)
    _one_per_turn(steps)


class _Loaded(QObject):
    """Says, from the warm-up thread, that the core is loaded (a queued signal)."""

    core = Signal()


#: the check dialog's Qt modules, imported on the GUI thread after the core (each ~13 ms)
_CHECK_GUI = ("msauth_gui.gui.check.table", "msauth_gui.gui.check.dialog")


def _one_per_turn(steps: list[Callable[[], object]]) -> None:
    """Run ``steps`` on the GUI thread, one per turn: the events between them are handled."""
    from PySide6.QtCore import QTimer

    def next_step() -> None:
        steps.pop(0)()
        if steps:
            QTimer.singleShot(0, next_step)

    QTimer.singleShot(0, next_step)


#: loaded on the warm-up thread: requests, the check's core, the local proxy (Qt-free)
_CORE = ("msauth_gui.core.http", "msauth_gui.core.check.run", "msauth_gui.core.proxy.server")


def _import_core() -> None:
    """On the warm-up thread: what the first sign-in, check and local proxy start would import
    on the GUI thread (Qt-free; the proxy's server alone was ~45 ms of the switch's first click)."""
    import gc

    for name in _CORE:
        importlib.import_module(name)
    gc.freeze()  # what the import made is left out of every later full collection, too


def prepare_process() -> None:
    """What the window's process sets for itself before anything else."""
    from .process import forbid_core_dumps, install_last_net

    forbid_core_dumps()  # its memory holds passwords: never written out in a core file
    install_last_net(APP_NAME)  # a bug: one redacted line, never a traceback with a secret
    # Worker threads hold the GIL for up to the switch interval (5 ms by default); a shorter
    # one keeps the event loop's longest gap well inside a frame while requests run.
    sys.setswitchinterval(0.001)


def main() -> int:
    prepare_process()
    args = build_parser().parse_args(sys.argv[1:])
    if args.install_desktop_entry:
        from .desktop import install_desktop_entry

        for path in install_desktop_entry():
            print(path)
        return 0
    if missing_display():  # before Qt, which would abort with a core dump instead
        print(f"{APP_NAME}: {_no_display_message(args.lang)}", file=sys.stderr)
        return 2
    import gc

    # Start-up makes ~100 modules, the widgets and their wrappers, and no garbage: collecting
    # while it runs only walks that heap again (about 10-18 ms before the first paint). It is
    # frozen once built, out of every later collection, too.
    gc.disable()
    try:
        app = _application()
        window = build_window(sys.argv[1:])
    finally:
        gc.freeze()
        gc.enable()
    window.profiles.keyringChecked.connect(_warm_up)  # type: ignore[attr-defined]
    window.show()
    code = app.exec()
    from .gui.profiles.secrets import keyring_thread
    from .gui.session.worker import job_pool

    # closing cancelled every job: they end at once; a bounded wait lets them end cleanly
    job_pool().waitForDone(QUIT_WAIT_MS)
    # the last keyring writes (closing saved the form) get as long; one that hangs is left
    keyring_thread().drain(QUIT_WAIT_MS / 1000)
    return code


if __name__ == "__main__":
    sys.exit(main())
