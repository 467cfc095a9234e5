"""After the first paint the window loads what the first sign-in and the first check need.

In a fresh process (this one has imported everything already): the window is built as
``main()`` builds it, the warm-up runs once the keyring answered, and the event loop turns
until it is done. Nothing here times anything; it checks what is loaded, and where.
"""

from __future__ import annotations

import json
import subprocess
import sys
import textwrap
from pathlib import Path

SCRIPT = textwrap.dedent(
    """
    import json, sys, threading
    import msauth_gui.app as app
    from PySide6.QtCore import QTimer
    from tests.memkeyring import MemoryKeyring  # no OS keyring in a test

    from msauth_gui.core.secrets import SecretStore

    qt = app._application()
    before = {"http": "msauth_gui.core.http" in sys.modules,
              "check": "msauth_gui.gui.check.dialog" in sys.modules}
    window = app.build_window([], secrets=SecretStore(MemoryKeyring()))
    where = {}
    import importlib
    original = importlib.import_module

    def watched(name, *args):
        if name.startswith("msauth_gui"):
            where[name] = threading.current_thread() is threading.main_thread()
        return original(name, *args)

    importlib.import_module = watched
    window.profiles.keyringChecked.connect(app._warm_up)
    window.show()

    def done():
        if "msauth_gui.gui.check.dialog" in sys.modules:
            print(json.dumps({"before": before, "where": where}))
            qt.quit()
        else:
            QTimer.singleShot(20, done)

    QTimer.singleShot(0, done)
    QTimer.singleShot(30_000, qt.quit)
    qt.exec()
    """
)


def test_the_network_code_and_the_check_load_after_first_paint_off_and_on_the_gui_thread(
    tmp_path: Path,
) -> None:
    root = Path(__file__).resolve().parents[1]
    env = {
        "QT_QPA_PLATFORM": "offscreen",
        "XDG_CONFIG_HOME": str(tmp_path),
        "PYTHONPATH": str(root),
    }
    done = subprocess.run(
        [sys.executable, "-c", SCRIPT], capture_output=True, text=True, env=env, cwd=root,
        timeout=60,
    )  # fmt: skip
    assert done.returncode == 0, done.stderr[-2000:]
    report = json.loads(done.stdout.strip().splitlines()[-1])
    # building the window loads neither requests nor the check
    assert report["before"] == {"http": False, "check": False}
    where = report["where"]
    # requests, the check's core and the proxy on a worker; the check's Qt modules on the GUI thread
    assert where["msauth_gui.core.http"] is False
    assert where["msauth_gui.core.check.run"] is False
    assert where["msauth_gui.core.proxy.server"] is False  # the local proxy's first start
    assert where["msauth_gui.gui.check.table"] is True
    assert where["msauth_gui.gui.check.dialog"] is True


QUIT_SCRIPT = textwrap.dedent(
    """
    import sys, threading
    import keyring
    import msauth_gui.app as app
    from PySide6.QtCore import QTimer
    from PySide6.QtWidgets import QApplication
    from tests.memkeyring import MemoryKeyring

    keyring.set_keyring(MemoryKeyring())
    finished = threading.Event()

    def slow_import():  # a cold network drive or a virus scanner: the import never ends
        threading.Event().wait()
        finished.set()

    app._import_core = slow_import
    warm_up = app._warm_up

    def then_quit(*args):
        warm_up(*args)
        QTimer.singleShot(300, QApplication.instance().quit)

    app._warm_up = then_quit
    sys.argv = ["msauth-gui"]
    code = app.main()
    print("import finished first" if finished.is_set() else "quit first", code)
    """
)


def test_quitting_during_the_warm_up_does_not_wait_for_its_import(tmp_path: Path) -> None:
    root = Path(__file__).resolve().parents[1]
    env = {"QT_QPA_PLATFORM": "offscreen", "XDG_CONFIG_HOME": str(tmp_path)}
    env["PYTHONPATH"] = str(root)
    done = subprocess.run(
        [sys.executable, "-c", QUIT_SCRIPT], capture_output=True, text=True, env=env, cwd=root,
        timeout=60,
    )  # fmt: skip
    assert done.returncode == 0, done.stderr[-2000:]
    assert done.stdout.strip().splitlines()[-1] == "quit first 0"
    assert "unexpected" not in done.stderr  # no job torn down at exit
