"""Make the README's screenshots from the real window: signed out, signed in, error.

Run: ``QT_QPA_PLATFORM=offscreen python tools/screenshots.py [OUTPUT_DIR]``. The window is
built with ``--demo`` (the in-process demo server), driven through its own widgets, and grabbed
with ``QWidget.grab()``. Offscreen needs real fonts: on Debian install ``fonts-dejavu-core``.
"""

from __future__ import annotations

import os
import sys
from collections.abc import Callable
from pathlib import Path

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

from PySide6.QtCore import QDeadlineTimer, QEventLoop, QTimer
from PySide6.QtWidgets import QApplication, QWidget

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from msauth_gui.app import build_window
from msauth_gui.gui.keeper import KeeperState
from msauth_gui.gui.window import MainWindow

SIZE = (1100, 640)  #: fits a 1366×768 screen with a taskbar
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


def main(argv: list[str]) -> int:
    out = Path(argv[0]) if argv else DEFAULT_OUT
    out.mkdir(parents=True, exist_ok=True)
    app = QApplication.instance() or QApplication(["msauth-gui"])
    app.setStyle("Fusion")
    window = build_window(["--demo"])
    assert isinstance(window, MainWindow)
    window.resize(*SIZE)
    window.show()
    keeper, form = window.keeper, window.form

    form.advanced.set_expanded(True)  # the signed-out shot shows every setting
    save(window, out / "signed-out.png")
    form.advanced.set_expanded(False)

    form.sign_in_button.click()
    wait_until(lambda: keeper.state is KeeperState.VALID)
    log_view = window.log.view
    window.panel.probe_button.click()
    wait_until(lambda: "DocTypes" in log_view.toPlainText())
    save(window, out / "signed-in.png")

    form.sign_out_button.click()
    form.fill(login="operator", password="wrong password")
    form.sign_in_button.click()
    wait_until(lambda: keeper.state is KeeperState.ERROR)
    save(window, out / "error.png")

    window.close()
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
