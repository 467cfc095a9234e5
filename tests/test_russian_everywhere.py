"""No English left in Russian: every text an operator sees in Russian mode — the window after a
sign-in, an error, no rights and a server check; the check's report as text, Markdown and JSON;
the core's errors; ``msauth --lang ru`` with its usage, ``--help`` and usage errors, against the
demo server, a misbehaving one and the fault matrix — holds no Latin word outside an allow-list
of names (protocols, formats, products, header names, identifiers, the server's own data)."""

from __future__ import annotations

import json
import re
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
from PySide6.QtCore import QSettings
from PySide6.QtWidgets import QApplication, QWidget

from msauth_gui.core.check import run_check
from msauth_gui.core.client import ConnectionSettings, error_for
from msauth_gui.core.errors import ERROR_KINDS
from msauth_gui.core.records import Answer
from msauth_gui.core.translate import translating
from msauth_gui.devserver import DemoServer
from msauth_gui.gui.check.dialog import CheckDialog
from msauth_gui.gui.i18n import install_language
from msauth_gui.gui.session.keeper import KeeperState
from msauth_gui.i18n import cli_translator
from tests.fault_matrix import FAULTS, SIGN_IN, Certs, Fault, mint_certs, start_server
from tests.hostile import HostileServer, Reply, json_reply
from tests.test_i18n import ALLOWED, LATIN_WORD, NOT_PROSE, ru_window, run_cli, visible_texts

TIMEOUT = 10_000
#: names that stay Latin in Russian prose, besides test_i18n's: header and protocol names
NAMES = (ALLOWED - {"keyring"}) | {
    "Host",
    "Upgrade",
    "WebSocket",
    "CORS",
    "README",
    "localhost",
    "GNOME",
    "Keyring",
    "KWallet",
    "Secret",
    "Service",
}
#: not prose in msauth's own output: program and command names, choices, quoted values
CLI_NOT_PROSE = [
    re.compile(r"\bmsauth(?: (?:token|refresh|check|proxy|exec))?\b"),
    re.compile(r"\{[\w,.-]+\}"),  # {token,header,json}
    re.compile(r"'[^']*'"),  # argparse quotes values: 'frob', 'token'
    re.compile(r"^ {4}\w+ "),  # the command list of --help
]
#: values an operator types after an option, named in msauth's help
CLI_VALUES = {"token", "header", "json", "oauth", "basic", "session", "raw"}
#: what a server sent, shown as data: the rest of a log line after "→ 400 (5 мс): ", an HTML
#: page, a JSON object, the first word of "its answer began: …"
SERVER_DATA = [
    re.compile(r"(?<=→ \d{3} \()[^)]*\): .*"),
    re.compile(r"<html>.*?</html>", re.S),
    re.compile(r"\{\".*?\}"),
    re.compile(r"(?<=Начало ответа: )\S+"),
]


def latin_words(text: str, *, cli: bool = False) -> list[str]:
    """The Latin words of ``text`` (one line) that are prose, not names or data."""
    rest = text.replace("&&", "\0").replace("&", "").replace("\0", "&")  # mnemonics
    for pattern in SERVER_DATA + (CLI_NOT_PROSE if cli else []) + NOT_PROSE:
        rest = pattern.sub(" ", rest)
    names = NAMES | CLI_VALUES if cli else NAMES
    return [word for word in LATIN_WORD.findall(rest) if word not in names]


def english_in(texts: dict[str, str], *, cli: bool = False) -> list[str]:
    return [
        f"{where}: {line!r} {words}"
        for where, text in texts.items()
        for line in text.splitlines()
        if (words := latin_words(line, cli=cli))
    ]


def window_texts(root: QWidget, label: str) -> dict[str, str]:
    texts = {f"{label} {where}": text for where, text in visible_texts(root) if text}
    if hasattr(root, "statusBar"):
        texts[f"{label} status bar"] = root.statusBar().currentMessage()
    return texts


@pytest.fixture
def russian_settings(qtbot: Any, tmp_path: Path) -> Iterator[QSettings]:
    yield QSettings(str(tmp_path / "msauth.ini"), QSettings.Format.IniFormat)
    app = QApplication.instance()
    assert app is not None
    install_language(app, "en")


def settle(qtbot: Any, window: Any, server: str, login: str, password: str) -> None:
    window.form.fill(server=server, login=login, password=password, method="oauth")
    window.form.sign_in_button.click()
    done = (KeeperState.VALID, KeeperState.ERROR, KeeperState.NO_RIGHTS)
    qtbot.waitUntil(lambda: window.keeper.state in done, timeout=TIMEOUT)


def test_the_window_speaks_no_english_after_sign_in_error_no_rights_and_check(
    qtbot: Any, russian_settings: QSettings, demo: DemoServer, hostile: Any
) -> None:
    window = ru_window(qtbot, russian_settings)
    texts: dict[str, str] = {}
    settle(qtbot, window, demo.url, "admin", "admin")
    assert window.keeper.state is KeeperState.VALID
    window.on_probe()
    qtbot.waitUntil(lambda: "HTTP 200" in window.statusBar().currentMessage(), timeout=TIMEOUT)
    texts |= window_texts(window, "signed in")
    settle(qtbot, window, demo.url, "admin", "wrong")
    texts |= window_texts(window, "wrong password")
    settle(qtbot, window, demo.url, "norights", "norights")
    assert window.keeper.state is KeeperState.NO_RIGHTS
    texts |= window_texts(window, "no rights")
    for name, reply in (
        ("429 without Retry-After", json_reply(429, {"error": "slow_down"})),
        ("HTML 500", Reply(500, b"<html><body>Internal Server Error</body></html>", reason="X")),
        ("an odd status", Reply(302, b"", headers=(), reason="Found")),
    ):
        server: HostileServer = hostile(reply)
        settle(qtbot, window, server.url, "admin", "admin")
        texts |= window_texts(window, name)

    window.form.fill(server=demo.url, login="admin", password="admin", method="oauth")
    window.check_server_action.trigger()
    dialog = window.findChild(CheckDialog, "checkDialog")
    qtbot.waitUntil(lambda: dialog.report is not None, timeout=TIMEOUT)
    texts |= window_texts(dialog, "check")
    dialog.close()
    settings = window.open_settings()
    texts |= window_texts(settings, "settings")
    settings.reject()
    found = english_in(texts)
    assert found == [], "\n".join(found)


def test_the_check_report_speaks_no_english_as_text_markdown_and_json(demo: DemoServer) -> None:
    settings = ConnectionSettings(server=demo.url, method="oauth")
    with translating(cli_translator("ru"), "ru"):
        report = run_check(settings, "norights", "norights")
        # the text table wraps long cells (an HTTP date, too): judge its words, not its lines
        texts = {"text": " ".join(report.to_text().split()), "markdown": report.to_markdown()}
        data = json.loads(report.to_json())
    texts["json verdict"] = data["verdict"]
    for i, row in enumerate(data["rows"]):
        for key in ("title", "happened", "meaning", "action"):
            texts[f"json row {i} {key}"] = row[key]
    found = english_in(texts)
    assert found == [], "\n".join(found)


def test_the_core_errors_speak_no_english() -> None:
    """Every error kind and the texts the code builds around a server's answer."""
    params = {"host": "127.0.0.1:9", "url": "http://127.0.0.1:9/x", "status": 400,
              "seconds": 2.5, "retry_after": 7, "detail": "", "snippet": "", "target": "",
              "suggestion": "http://127.0.0.1:9", "field": "Server URL", "advice": ""}  # fmt: skip
    with translating(cli_translator("ru"), "ru"):
        texts = {kind: cls(**params).message for kind, cls in ERROR_KINDS.items()}
        for status, headers in ((429, {}), (500, {}), (302, {}), (404, {})):
            answer = Answer(status=status, url="http://127.0.0.1:9/t", headers=headers, text="")
            texts[f"HTTP {status}"] = error_for(answer, refresh=False).message
    assert "несколько секунд" in texts["HTTP 429"] and "2,5 с" in texts["timeout"]
    found = english_in(texts)
    assert found == [], "\n".join(found)


COMMANDS = ("token", "refresh", "check", "proxy", "exec")
USAGE_ERRORS = (
    [],
    ["frob"],
    ["token"],
    ["token", "--server", "x", "--login", "y", "--timeout", "soon"],
    ["token", "--server", "x", "--login", "y", "--method", "magic"],
    ["token", "--server", "x", "--login", "y", "--stray", "s3cret"],
    ["token", "--server", "x", "--login", "y", "--insecure", "--ca-bundle", "f"],
    ["token", "--server", "x", "--login", "y", "--timeout", "0"],
    ["proxy", "--server", "x", "--login", "y", "--port", "70000"],
    ["exec", "--server", "x", "--login", "y"],
)


def test_msauth_lang_ru_help_and_usage_errors_speak_no_english() -> None:
    texts: dict[str, str] = {}
    for command in ((), *((c,) for c in COMMANDS)):
        code, out, err = run_cli("--lang", "ru", *command, "--help")
        assert code == 0
        texts[f"msauth {' '.join(command)} --help"] = out + err
    for argv in USAGE_ERRORS:
        code, out, err = run_cli("--lang", "ru", *argv)
        assert code == 2, (argv, err)
        texts[" ".join(argv) or "(nothing)"] = out + err
    assert texts["msauth  --help"].startswith("Использование: msauth")
    found = english_in(texts, cli=True)
    assert found == [], "\n".join(found)


@pytest.fixture(scope="module")
def certs(tmp_path_factory: pytest.TempPathFactory) -> Certs:
    return mint_certs(tmp_path_factory.mktemp("faults-ru"))


def test_msauth_lang_ru_speaks_no_english_on_any_fault(
    demo: DemoServer, hostile: Any, certs: Certs
) -> None:
    sign_in = ["--lang", "ru", "token", "--login", "admin", "--password-stdin", "--format", "json"]
    texts = {}
    for login, password in (("admin", "wrong"), ("admin", "admin")):
        _, _, err = run_cli(*sign_in, "--server", demo.url, stdin=password + "\n")
        texts[f"demo {login}/{password}"] = err
    _, out, err = run_cli(*sign_in[:2], "check", "--server", demo.url, "--login", "norights",
                          "--password-stdin", stdin="norights\n")  # fmt: skip
    texts["check"] = " ".join((out + err).split())  # words, not the table's wrapped lines
    for reply in (json_reply(429, {"error": "slow_down"}), Reply(302, b"", headers=())):
        server: HostileServer = hostile(reply)
        texts[f"HTTP {reply.status}"] = run_cli(*sign_in, "--server", server.url, stdin="a\n")[2]
    for fault in FAULTS:
        texts[f"fault {fault.id}"] = _fault_output(fault, certs, sign_in)
    found = english_in(texts, cli=True)
    assert found == [], "\n".join(found)


def _fault_output(fault: Fault, certs: Certs, sign_in: list[str]) -> str:
    server = start_server(fault, certs)
    try:
        argv = [*sign_in, "--server", server.url, "--timeout", f"{fault.timeout:g}"]
        if fault.https:
            argv += ["--ca-bundle", certs.ca.ca_file]
        fault.arm(server, SIGN_IN, certs)
        return run_cli(*argv, stdin="admin\n")[2]
    finally:
        server.stop()
