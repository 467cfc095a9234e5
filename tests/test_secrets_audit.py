"""Secrets audit: every flow runs with a known password, and nothing the program writes may
contain it, nor any access or refresh token the demo server issued.

Captured: the window's every text (log view, status label, status bar, title, labels, tooltips,
the check dialog), what "Copy log" and "Copy report" put on the clipboard, ``msauth``'s stderr
(and its stdout, where no token is asked for), Python log records of the program, Qt messages,
everything written to the process's file descriptors, the settings file, check reports saved to
disk, and every file under the temp directory and Qt's data/config/cache locations modified
since the test started. By design, a few places do hold a secret and are left out: the password
field, the token field, ``msauth token``'s stdout (the token is what it is for) and the clipboard
right after a copy action (it is cleared after a delay, which is checked).
"""

from __future__ import annotations

import base64
import json
import logging
import os
import stat
import tempfile
import time
from collections.abc import Callable, Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any
from urllib.parse import quote, quote_plus

import pytest
from PySide6.QtCore import QSettings, QStandardPaths, Qt
from PySide6.QtGui import QGuiApplication
from PySide6.QtWidgets import QComboBox, QLineEdit, QPushButton

from msauth_gui.core.client import ConnectionSettings
from msauth_gui.core.secrets import SecretStore
from msauth_gui.devserver import DemoConfig, DemoServer
from msauth_gui.devserver.tokens import Issued
from msauth_gui.gui.session.keeper import KeeperState, TokenKeeper
from msauth_gui.gui.window.main import MainWindow

from .cli_run import run_msauth
from .conftest import FakeClock
from .fault_matrix import free_port_url
from .memkeyring import MemoryKeyring
from .window_text import all_text

PASSWORD = "Sup3r-Secret pw ö"
WRONG_PASSWORD = "Wr0ng-Secret pw ü"
LOGIN = "auditor"
TIMEOUT = 10_000
S = KeeperState
CANARY = "audit-canary.txt"


@dataclass
class Audit:
    """What the program wrote, by source, and the secrets none of it may contain."""

    started: float
    tokens: set[str] = field(default_factory=set)
    texts: list[tuple[str, str, bool]] = field(default_factory=list)  # source, text, tokens ok

    def secrets(self, *, tokens: bool = True) -> dict[str, str]:
        found = {}
        for name, password in (("password", PASSWORD), ("wrong password", WRONG_PASSWORD)):
            found[name] = password
            found[f"{name}, ASCII part"] = password.split(" ")[0]  # survives any escaping
            found[f"{name}, URL-encoded"] = quote_plus(password)
            found[f"{name}, %-encoded"] = quote(password)
        if tokens:  # the Basic header is Basic's token: where tokens may stand, it may too
            pair = f"{LOGIN}:{PASSWORD}".encode()
            found["Basic credentials"] = base64.b64encode(pair).decode()
            found.update({f"token #{i} ({t[:6]}…)": t for i, t in enumerate(sorted(self.tokens))})
        return found

    def add(self, source: str, text: str, *, tokens_allowed: bool = False) -> None:
        self.texts.append((source, text, tokens_allowed))

    def record_tokens(self, server: DemoServer) -> None:
        """Remember every token the server issues (its token registry, as it fills)."""
        store = server.tokens
        issue, refresh = store.issue, store.refresh

        def remember(issued: Issued | None) -> Issued | None:
            if issued is not None:
                self.tokens.update(t for t in (issued.access_token, issued.refresh_token) if t)
            return issued

        store.issue = lambda *a, **k: remember(issue(*a, **k))  # type: ignore[method-assign]
        store.refresh = lambda *a, **k: remember(refresh(*a, **k))  # type: ignore[method-assign]

    def add_files(self, roots: list[Path]) -> set[Path]:
        """Every regular file under ``roots`` modified since the test started; returns them."""
        seen = set()
        for path in files_modified_since(roots, self.started):
            try:
                data = path.read_bytes()
            except OSError:
                continue
            seen.add(path)
            self.add(f"file {path}", data.decode("utf-8", "replace"))
            self.add(f"file {path} (UTF-16)", data.decode("utf-16-le", "replace"))
        return seen

    def check(self) -> None:
        assert self.tokens, "no token was issued: the audit saw nothing"
        leaks = []
        for source, text, tokens_allowed in self.texts:
            for name, secret in self.secrets(tokens=not tokens_allowed).items():
                if secret in text:
                    leaks.append(f"{name} in {source}")
        assert not leaks, "secrets leaked:\n" + "\n".join(leaks)


def files_modified_since(roots: list[Path], since: float) -> Iterator[Path]:
    """Recent files under ``roots``, each on its root's own file system: another one mounted
    below (a chroot's /proc, say) holds nothing of ours, and reading /proc/kmsg would block."""
    for root in roots:
        if not root.is_dir():
            continue
        device = root.stat().st_dev
        for folder, subfolders, names in os.walk(root):
            # the session machinery's job folders are not the program's; leave them alone
            subfolders[:] = [
                d
                for d in subfolders
                if not d.startswith("bash_jobs") and _on_device(Path(folder, d), device)
            ]
            for name in names:
                path = Path(folder, name)
                try:
                    info = path.lstat()
                except OSError:
                    continue
                recent = info.st_mtime >= since - 1
                small = info.st_size < 20 * 1024 * 1024 and info.st_dev == device
                if stat.S_ISREG(info.st_mode) and recent and small:
                    yield path


def _on_device(path: Path, device: int) -> bool:
    try:
        return path.lstat().st_dev == device
    except OSError:
        return False


def qt_locations() -> list[Path]:
    kinds = (
        QStandardPaths.StandardLocation.GenericConfigLocation,
        QStandardPaths.StandardLocation.AppConfigLocation,
        QStandardPaths.StandardLocation.AppDataLocation,
        QStandardPaths.StandardLocation.GenericDataLocation,
        QStandardPaths.StandardLocation.CacheLocation,
        QStandardPaths.StandardLocation.GenericCacheLocation,
        QStandardPaths.StandardLocation.TempLocation,
    )
    return [Path(QStandardPaths.writableLocation(kind)) for kind in kinds]


@pytest.fixture
def audit(caplog: pytest.LogCaptureFixture, tmp_path: Path) -> Audit:
    caplog.set_level(logging.DEBUG, logger="msauth_gui")  # the program's own logs, all levels
    audit = Audit(started=time.time())
    (tmp_path / CANARY).write_text("the file scan must find this one\n")
    return audit


@pytest.fixture
def settings_dir(tmp_path: Path) -> Iterator[Path]:
    """QSettings of this test (any format, user scope) go to a folder of its own."""
    QStandardPaths.setTestModeEnabled(True)
    folder = tmp_path / "settings"
    folder.mkdir()
    formats = (QSettings.Format.NativeFormat, QSettings.Format.IniFormat)
    for fmt in formats:
        QSettings.setPath(fmt, QSettings.Scope.UserScope, str(folder))
    yield folder
    default = QStandardPaths.writableLocation(QStandardPaths.StandardLocation.GenericConfigLocation)
    for fmt in formats:
        QSettings.setPath(fmt, QSettings.Scope.UserScope, default)


@pytest.fixture
def make_server(audit: Audit) -> Iterator[Callable[..., DemoServer]]:
    started: list[DemoServer] = []

    def make(**config: Any) -> DemoServer:
        users = {LOGIN: PASSWORD, "admin": "admin"}
        server = DemoServer(DemoConfig(users=users, **config)).start()
        audit.record_tokens(server)
        started.append(server)
        return server

    yield make
    for server in started:
        server.stop()


def finish(audit: Audit, capfd: pytest.CaptureFixture[str], caplog: Any, qtlog: Any, *roots: Path):
    captured = capfd.readouterr()
    audit.add("process stdout (fd 1)", captured.out)
    audit.add("process stderr (fd 2)", captured.err)
    audit.add("Python log records", caplog.text)
    audit.add("Python log record args", repr([r.args for r in caplog.records]))
    audit.add("Qt messages", "\n".join(r.message for r in qtlog.records))
    temp = Path(tempfile.gettempdir())
    scanned = audit.add_files([temp, *qt_locations(), *roots])
    assert any(path.name == CANARY for path in scanned)  # the scan does see fresh files
    audit.check()


# -- msauth --------------------------------------------------------------------------------------
def test_cli_flows_keep_secrets_out_of_what_they_write(
    audit: Audit,
    make_server: Callable[..., DemoServer],
    capfd: pytest.CaptureFixture[str],
    caplog: pytest.LogCaptureFixture,
    qtlog: Any,
    tmp_path: Path,
) -> None:
    server = make_server(access_lifetime=3600)
    url = server.url
    sign_in = ["token", "--server", url, "--login", LOGIN, "--password-stdin"]

    for method in ("basic", "session", "oauth"):
        for fmt in ("token", "header", "json"):
            code, out, err = run_msauth(
                [*sign_in, "--method", method, "--format", fmt], PASSWORD + "\n"
            )
            assert code == 0, err
            audit.add(f"msauth token {method} {fmt}: stderr", err)
            audit.add(f"msauth token {method} {fmt}: stdout", out, tokens_allowed=True)
    code, out, err = run_msauth(
        [*sign_in[:-1], "--format", "json"], env={"MSAUTH_PASSWORD": PASSWORD}
    )
    assert code == 0, err
    audit.add("msauth token (password from the environment): stderr", err)
    audit.add("msauth token (password from the environment): stdout", out, tokens_allowed=True)

    refresh_token = json.loads(out)["refresh_token"]
    refresh = ["refresh", "--server", url, "--refresh-token-stdin", "--format", "json"]
    code, out, err = run_msauth(refresh, refresh_token + "\n")
    assert code == 0, err
    audit.add("msauth refresh: stderr", err)
    audit.add("msauth refresh: stdout", out, tokens_allowed=True)
    code, out, err = run_msauth(refresh, refresh_token + "\n")  # rotated: the old one is dead
    assert code == 3
    audit.add("msauth refresh with a dead refresh token: stdout + stderr", out + err)

    check = ["check", "--server", url, "--login", LOGIN, "--password-stdin"]
    for extra in ([], ["--json"]):
        code, out, err = run_msauth([*check, *extra], PASSWORD + "\n")
        assert code == 0, err
        assert "oauth" in out.lower()
        audit.add(f"msauth check {extra}: report and stderr", out + err)

    # error flows: what is printed when things go wrong must not carry secrets either
    code, out, err = run_msauth(sign_in, WRONG_PASSWORD + "\n")
    assert code == 3
    audit.add("msauth token, wrong password", out + err)
    code, out, err = run_msauth([*check], WRONG_PASSWORD + "\n")
    audit.add("msauth check, wrong password", out + err)
    for fault in ("html500", "ratelimit", "redirect", "notjson", "noaccess"):
        server.config.fault = fault
        for method in ("session", "oauth", "basic"):
            code, out, err = run_msauth([*sign_in, "--method", method], PASSWORD + "\n")
            assert code != 0 or method == "basic"  # Basic's probe judges the status alone
            audit.add(f"msauth token {method} against {fault}: stderr", err)
            audit.add(f"msauth token {method} against {fault}: stdout", out, tokens_allowed=True)
        code, out, err = run_msauth(refresh, refresh_token + "\n")
        audit.add(f"msauth refresh against {fault}", out + err)
    server.config.fault = None
    code, out, err = run_msauth(["token", "--server", free_port_url(), "--login", LOGIN,
                             "--password-stdin"], PASSWORD + "\n")  # fmt: skip
    assert code == 4
    audit.add("msauth token, server down", out + err)
    code, out, err = run_msauth(
        ["token", "--server", url, "--login", LOGIN, "--password", PASSWORD]
    )
    assert code == 2
    audit.add("msauth token with the password as an argument (refused)", out + err)

    # the same check as a library call, in all three report formats
    from msauth_gui.core.check import run_check

    report = run_check(ConnectionSettings(url, timeout=5), LOGIN, PASSWORD)
    assert report.best_method is not None
    audit.add("check report (Markdown)", report.to_markdown())
    audit.add("check report (text)", report.to_text())
    audit.add("check report (JSON)", report.to_json())

    finish(audit, capfd, caplog, qtlog, tmp_path)


# -- the window ------------------------------------------------------------------------------
def test_window_flows_keep_secrets_out_of_everything_shown_logged_or_written(
    qtbot: Any,
    audit: Audit,
    make_server: Callable[..., DemoServer],
    settings_dir: Path,
    clock: FakeClock,
    capfd: pytest.CaptureFixture[str],
    caplog: pytest.LogCaptureFixture,
    qtlog: Any,
    monkeypatch: pytest.MonkeyPatch,
    tmp_path: Path,
) -> None:
    server = make_server(access_lifetime=100)
    server.clock = clock
    jwt_server = make_server(jwt=True)
    store = QSettings(str(settings_dir / "msauth-gui.ini"), QSettings.Format.IniFormat)
    keeper = TokenKeeper(clock=clock, tick_ms=20, min_attempt_gap=0)
    window = MainWindow(
        clock=clock,
        keeper=keeper,
        settings=store,
        secrets=SecretStore(MemoryKeyring()),  # by design the keyring may hold secrets
    )
    window.clipboard.clear_ms = 50  # cleared quickly (the preferences count whole seconds)
    keeper.setParent(window)
    qtbot.addWidget(window)
    window.show()
    qtbot.waitExposed(window)
    clipboard = QGuiApplication.clipboard()
    token_field = window.findChild(QLineEdit, "accessTokenField")

    def snapshot(step: str) -> None:
        shown = all_text(window, skip=("accessTokenField", "passwordEdit"))
        audit.add(f"window after {step}", shown)
        audit.add(f"token field tooltip after {step}", token_field.toolTip())
        audit.add(f"window title after {step}", window.windowTitle())

    def click(name: str) -> None:
        button = window.findChild(QPushButton, name)
        assert button is not None and button.isEnabled(), name
        qtbot.mouseClick(button, Qt.MouseButton.LeftButton)

    def sign_in(url: str, method: str, password: str, expect: KeeperState = S.VALID) -> None:
        combo = window.findChild(QComboBox, "serverEdit")
        combo.lineEdit().setText(url)
        window.findChild(QLineEdit, "loginEdit").setText(LOGIN)
        window.findChild(QLineEdit, "passwordEdit").setText(password)
        methods = window.findChild(QComboBox, "methodCombo")
        methods.setCurrentIndex(methods.findData(method))
        click("signInButton")
        qtbot.waitUntil(lambda: keeper.state is expect and not keeper.busy, timeout=TIMEOUT)
        snapshot(f"sign-in by {method} ({expect.value})")

    def copy_everything(step: str) -> None:
        for name in ("copyTokenButton", "copyHeaderButton", "copyCurlButton"):
            click(name)
            assert clipboard.text()  # the secret is on the clipboard, by design...
            snapshot(f"{name} ({step})")
            qtbot.waitUntil(lambda: clipboard.text() == "", timeout=TIMEOUT)  # ...not for long

    # wrong password, then each method with the right one
    sign_in(server.url, "oauth", WRONG_PASSWORD, expect=S.ERROR)
    for method in ("basic", "session", "oauth"):
        sign_in(server.url, method, PASSWORD)
        copy_everything(method)
        with qtbot.waitSignal(keeper.probeFinished, timeout=TIMEOUT):
            click("probeButton")
        snapshot(f"probe after {method}")

    # refresh now, a background refresh, a failing refresh with its retry countdown
    before = keeper.credentials
    click("refreshButton")
    qtbot.waitUntil(lambda: keeper.credentials is not before and not keeper.busy, timeout=TIMEOUT)
    snapshot("refresh now")
    server.config.fault_on = frozenset({"refresh"})
    server.config.fault = "html500"
    with qtbot.waitSignal(keeper.errorRaised, timeout=TIMEOUT):
        clock.advance(81)
    snapshot("failed background refresh")
    server.config.fault = None
    # a server restart: the probe gets 401, the refresh token is dead, the keeper signs in again
    server.revoke_all()
    with qtbot.waitSignal(keeper.probeFinished, timeout=TIMEOUT):
        click("probeButton")
    assert server.counts["token"] >= 3
    snapshot("probe after a server restart (re-sign-in with the remembered password)")

    # a JWT: the decoded claims are shown, the token itself is not
    sign_in(jwt_server.url, "oauth", PASSWORD)
    window.panel.claims_box.set_expanded(True)  # type: ignore[attr-defined]
    snapshot("JWT sign-in, claims shown")

    # the server check, its report copied and saved in both formats
    if hasattr(window, "check_server_action"):
        from msauth_gui.gui.check import dialog as check_dialog

        saved: list[Path] = []

        def ask(cls: Any, parent: Any, suggested: str) -> tuple[str, str]:
            saved.append(tmp_path / f"report-{len(saved)}.{'json' if saved else 'md'}")
            return str(saved[-1]), ""

        monkeypatch.setattr(check_dialog.CheckDialog, "ask_save_path", classmethod(ask))
        window.check_server_action.trigger()
        dialog = window.check_dialog
        assert dialog is not None
        with qtbot.waitSignal(dialog.reportReady, timeout=30_000):
            pass
        dialog.copy_report()
        audit.add("clipboard after Copy report", clipboard.text())
        dialog.save_report()
        dialog.save_report()
        assert all(path.exists() for path in saved) and len(saved) == 2
        snapshot("server check")
        dialog.close()

    window.log.copy_log()
    audit.add("clipboard after Copy log", clipboard.text())
    click("signOutButton")
    snapshot("sign-out")
    window.close()
    audit.add("clipboard after closing", clipboard.text())
    store.sync()
    assert (settings_dir / "msauth-gui.ini").exists()
    finish(audit, capfd, caplog, qtlog, settings_dir, tmp_path)
