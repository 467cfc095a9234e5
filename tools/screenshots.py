"""Make the README's screenshots from the real window: signed out, signed in (with the Local
proxy on), error, no rights, check, and the signed-in window in the light and the dark theme at
1366×768.

Run: ``QT_QPA_PLATFORM=offscreen python tools/screenshots.py [OUTPUT_DIR] [--lang ru]``. The
window is built with ``--demo`` (the in-process demo server), driven through its own widgets,
and grabbed with ``QWidget.grab()``. Offscreen needs real fonts: on Debian install
``fonts-dejavu-core``. The window is built with ``--lang LANG`` (English by default); in
another language the file names get ``-LANG`` (``signed-in-dark-ru.png``).
"""

from __future__ import annotations

import argparse
import os
import sys
import urllib.request
from collections.abc import Callable
from pathlib import Path

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

from PySide6.QtCore import QDeadlineTimer, QEventLoop, QTimer
from PySide6.QtWidgets import QApplication, QWidget

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from msauth_gui.app import DEMO_LOGIN, DEMO_PASSWORD, build_window
from msauth_gui.gui.session.keeper import KeeperState
from msauth_gui.gui.theme import apply_theme
from msauth_gui.gui.window.main import MainWindow

SIZE = (1100, 640)  #: fits a 1366×768 screen with a taskbar
CHECK_SIZE = (1180, 640)
SCREEN_SIZE = (1366, 768)  #: the themed shots: the whole of a small laptop screen
SMALL_SIZE = (1280, 720)  #: checked too: nothing may be clipped there
THEMES = ("light", "dark")
DEFAULT_OUT = Path(__file__).resolve().parent.parent / "docs" / "screenshots"


def wait_until(condition: Callable[[], bool], timeout_ms: int = 10_000) -> None:
    """Run the event loop until ``condition()`` holds (no sleeping: the loop keeps turning)."""
    deadline = QDeadlineTimer(timeout_ms)
    loop = QEventLoop()
    timer = QTimer()
    timer.timeout.connect(lambda: loop.quit() if condition() or deadline.hasExpired() else None)
    timer.start(20)
    if not condition():
        loop.exec()
    timer.stop()
    if not condition():
        raise TimeoutError("the window did not reach the expected state")


def settle(ms: int = 200) -> None:
    loop = QEventLoop()
    QTimer.singleShot(ms, loop.quit)
    loop.exec()


def save(widget: QWidget, path: Path) -> None:
    settle()
    if not widget.grab().save(str(path)):
        raise OSError(f"could not write {path}")
    print(path)


def save_check(window: MainWindow, out: Path, lang: str = "en") -> None:
    """A finished "Check server" run against the demo server, in its own dialog."""
    window.form.fill(login=DEMO_LOGIN, password=DEMO_PASSWORD)
    window.check_server_action.trigger()
    dialog = window.check_dialog
    assert dialog is not None
    wait_until(lambda: dialog.report is not None)
    dialog.resize(*CHECK_SIZE)
    save(dialog, out / shot_name("check", lang))
    dialog.close()


def shot_name(stem: str, lang: str = "en") -> str:
    """``signed-in-dark.png`` in English, ``signed-in-dark-ru.png`` in another language."""
    return f"{stem}.png" if lang == "en" else f"{stem}-{lang}.png"


def window_args(lang: str = "en") -> list[str]:
    """The demo, in ``lang`` whatever the system's locale or saved settings say."""
    return ["--demo", "--lang", lang]


def signed_in_window(lang: str = "en") -> MainWindow:
    """A demo window, signed in, the token tested (so the log has a data request)."""
    window = build_window(window_args(lang))
    assert isinstance(window, MainWindow)
    window.show()
    window.form.sign_in_button.click()
    wait_until(lambda: window.keeper.state is KeeperState.VALID)
    window.panel.probe_button.click()
    wait_until(lambda: "DocTypes" in window.log.view.toPlainText())
    use_local_proxy(window)
    return window


def use_local_proxy(window: MainWindow) -> None:
    """Switch the Local proxy on and send a request through it, as a tool would."""
    window.proxy.row.button.click()
    if window.proxy.server is None:
        return  # its port is taken here: the log says so
    with urllib.request.urlopen(window.proxy.url + "/api/v1/DocTypes?$top=1") as answer:
        answer.read()  # the proxy's own threads answer: the GUI thread is not needed
    wait_until(lambda: window.proxy.count > 0)
    window.proxy.report()  # the running count, as every few seconds


def save_themes(out: Path, lang: str = "en", check_dir: Path | None = None) -> None:
    """The signed-in window in each theme at 1366×768; at 1280×720 into ``check_dir``."""
    app = QApplication.instance()
    assert isinstance(app, QApplication)
    for scheme in THEMES:
        apply_theme(app, scheme)
        window = signed_in_window(lang)
        window.resize(*SCREEN_SIZE)
        save(window, out / shot_name(f"signed-in-{scheme}", lang))
        if check_dir is not None:
            window.resize(*SMALL_SIZE)
            save(window, check_dir / shot_name(f"small-{scheme}", lang))
        window.close()
        window.deleteLater()
    apply_theme(app, "light")


def main(argv: list[str]) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("out", nargs="?", type=Path, default=DEFAULT_OUT, metavar="OUTPUT_DIR")
    parser.add_argument("--lang", default="en", help="the window's language (en, ru)")
    parser.add_argument(
        "--themes-only", action="store_true", help="only the light and dark signed-in shots"
    )
    parser.add_argument(
        "--check-dir", type=Path, help="also save 1280×720 shots here, to look for clipping"
    )
    args = parser.parse_args(argv)
    out: Path = args.out
    out.mkdir(parents=True, exist_ok=True)
    existing = QApplication.instance()
    app = existing if isinstance(existing, QApplication) else QApplication(["msauth-gui"])
    app.setStyle("Fusion")
    if args.check_dir is not None:
        args.check_dir.mkdir(parents=True, exist_ok=True)
    save_themes(out, args.lang, args.check_dir)
    if args.themes_only:
        return 0
    window = build_window(window_args(args.lang))
    assert isinstance(window, MainWindow)
    window.resize(*SIZE)
    window.show()
    keeper, form = window.keeper, window.form

    form.advanced.set_expanded(True)  # the signed-out shot shows every setting
    save(window, out / shot_name("signed-out", args.lang))
    form.advanced.set_expanded(False)

    form.sign_in_button.click()
    wait_until(lambda: keeper.state is KeeperState.VALID)
    log_view = window.log.view
    window.panel.probe_button.click()
    wait_until(lambda: "DocTypes" in log_view.toPlainText())
    use_local_proxy(window)
    save(window, out / shot_name("signed-in", args.lang))

    form.sign_out_button.click()
    form.fill(login="operator", password="wrong password")
    form.sign_in_button.click()
    wait_until(lambda: keeper.state is KeeperState.ERROR)
    save(window, out / shot_name("error", args.lang))

    form.fill(login="norights", password="norights")  # signs in, gets 403 on data
    form.sign_in_button.click()
    wait_until(lambda: keeper.state is KeeperState.NO_RIGHTS and not keeper.busy)
    save(window, out / shot_name("no-rights", args.lang))

    save_check(window, out, args.lang)

    window.close()
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
