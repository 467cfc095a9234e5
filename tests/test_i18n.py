"""Russian and English: every window and dialog in Russian, core errors and the check report
translated (window and CLI), the .ts complete and current, and English by default."""

from __future__ import annotations

import ast
import importlib.util
import io
import os
import re
import subprocess
import sys
import xml.etree.ElementTree as ET
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
from PySide6.QtCore import QCoreApplication, QModelIndex, QSettings, QStandardPaths, Qt
from PySide6.QtGui import QAction
from PySide6.QtWidgets import (
    QAbstractButton,
    QAbstractItemView,
    QAbstractSpinBox,
    QApplication,
    QComboBox,
    QFileDialog,
    QGroupBox,
    QLabel,
    QLineEdit,
    QMenu,
    QMessageBox,
    QPlainTextEdit,
    QTextEdit,
    QWidget,
)

from msauth_gui import cli
from msauth_gui.app import build_window
from msauth_gui.core.errors import CredentialsRejected
from msauth_gui.core.secrets import SecretStore
from msauth_gui.devserver import DemoServer
from msauth_gui.gui.check.dialog import CheckDialog
from msauth_gui.gui.i18n import current_language, install_language
from msauth_gui.gui.profiles import dialogs as profiles_ui
from msauth_gui.gui.session.keeper import KeeperState
from msauth_gui.gui.window.main import MainWindow
from msauth_gui.i18n import resolve_language, system_language
from tests.memkeyring import MemoryKeyring

QStandardPaths.setTestModeEnabled(True)

ROOT = Path(__file__).resolve().parent.parent
TS = ROOT / "resources" / "i18n" / "msauth_ru.ts"
TIMEOUT = 10_000

# Latin words that stay Latin in Russian: protocol and product names, key names, identifiers
# the server or the vendor's documentation uses, demo account names (data, not prose)
ALLOWED = {
    "OAuth", "Basic", "JSON", "JSON5", "TLS", "HTTP", "HTTPS", "curl", "JWT", "Bearer", "bearer",
    "Mobile", "SMARTS", "MobileSMARTS", "GET", "POST", "PUT", "PATCH", "DELETE", "msauth", "API",
    "URL", "DNS", "TCP",
    "GUID", "PEM", "SHA", "NTP", "IPv6", "UTF", "RFC", "OpenID", "Markdown", "Authorization",
    "Ctrl", "Shift", "Enter", "Tab", "BaseInfo", "appName", "serverVersion", "camelCase",
    "accessToken", "Date", "Location", "exp", "iat", "sub", "demo", "admin", "norights",
    "operator", "user", "English", "cryptography", "keyring", "base64",
    "bash", "zsh", "cmd", "PowerShell", "Invoke", "RestMethod", "Linux", "macOS", "Windows",
    "ISO", "UTC",
}  # fmt: skip
# what is not prose at all: addresses, paths, options, identifiers, files, HTTP dates, numbers
NOT_PROSE = [
    re.compile(r"\b[a-z][a-z0-9+.-]*://\S+"),  # URLs
    re.compile(r"msauth-gui"),
    re.compile(r"--[a-z][a-z-]*"),  # command-line options
    re.compile(r"\b\w+=[^\s;,)]*"),  # key=value (grant_type=password, $top=1)
    re.compile(r"\b[A-Za-z]+(?:_[A-Za-z0-9]+)+\b"),  # identifiers (expires_in, token_endpoint)
    re.compile(r"(?<![\w/])/[\w.$?=&{}<>/-]+"),  # paths (/oauth/token, /api/v1)
    re.compile(r"(?:\*|\b[\w.-]+)?\.(?:json|md|pem|crt|cer)\b"),  # files and patterns
    re.compile(r"\b(?:Mon|Tue|Wed|Thu|Fri|Sat|Sun), \d\d \w{3} \d{4} [\d:]{8} GMT"),
    re.compile(r"\b[\w.-]+:\d+\b"),  # host:port
]
LATIN_WORD = re.compile(r"[A-Za-z][A-Za-z0-9]{2,}")
#: fields whose content is data by design: the token, its claims and answer, the password
DATA_FIELDS = {"accessTokenField", "claimsView", "passwordEdit", "clientSecretEdit",
               "tokenAnswerView"}  # fmt: skip


def english_sources() -> set[str]:
    """Every English source text of the translation, without mnemonics."""
    root = ET.parse(TS).getroot()
    return {plain(m.findtext("source") or "") for m in root.iter("message")}


def plain(text: str) -> str:
    return text.replace("&&", "\0").replace("&", "").replace("\0", "&").strip()


def untranslated(text: str, english: set[str]) -> str | None:
    """Why ``text`` is not Russian, or None when it is (or holds no prose)."""
    shown = plain(text)
    if not shown:
        return None
    if shown in english and shown not in ALLOWED and LATIN_WORD.search(shown):
        return "identical to the English source text"
    rest = shown
    for pattern in NOT_PROSE:
        rest = pattern.sub(" ", rest)
    words = [w for w in LATIN_WORD.findall(rest) if w not in ALLOWED]
    return f"Latin words {words}" if words else None


def visible_texts(root: QWidget) -> Iterator[tuple[str, str]]:
    """(where, text) for every text ``root`` and its children show or speak."""
    for widget in [root, *root.findChildren(QWidget)]:
        name = widget.objectName() or type(widget).__name__
        in_file_dialog = isinstance(widget.window(), QFileDialog)
        if name in DATA_FIELDS or (in_file_dialog and isinstance(widget, QAbstractItemView)):
            continue  # data by design, or the file system's own names
        where = f"{type(widget).__name__} {name!r}"
        yield where + " title", widget.windowTitle() if widget.isWindow() else ""
        yield where + " tooltip", widget.toolTip()
        yield where + " status tip", widget.statusTip()
        if widget.accessibleName() != widget.objectName():  # the contract names are ids
            yield where + " accessible name", widget.accessibleName()
        yield where + " accessible description", widget.accessibleDescription()
        if isinstance(widget, (QLabel, QAbstractButton)):
            yield where, widget.text()
        if isinstance(widget, QLineEdit):
            yield where + " placeholder", widget.placeholderText()
            yield where, widget.text()
        if isinstance(widget, (QPlainTextEdit, QTextEdit)):
            yield where + " placeholder", widget.placeholderText()
            yield where, widget.toPlainText()
        if isinstance(widget, QGroupBox):
            yield where + " group title", widget.title()
        if isinstance(widget, QAbstractSpinBox):
            yield where + " suffix", getattr(widget, "suffix", lambda: "")()
        if isinstance(widget, QComboBox):
            for i in range(widget.count()):
                yield f"{where} item {i}", widget.itemText(i)
        if isinstance(widget, QMenu):
            yield where + " menu title", widget.title()
        if isinstance(widget, QAbstractItemView) and widget.model() is not None:
            model = widget.model()
            for column in range(model.columnCount()):
                yield (
                    f"{where} header {column}",
                    str(model.headerData(column, Qt.Orientation.Horizontal) or ""),
                )
            for row in range(model.rowCount()):
                for column in range(model.columnCount()):
                    index = model.index(row, column, QModelIndex())
                    for role in (Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.ToolTipRole):
                        yield f"{where} cell {row},{column}", str(model.data(index, role) or "")
    for action in root.findChildren(QAction):
        where = f"action {action.objectName() or action.text()!r}"
        yield where, action.text()
        yield where + " tooltip", action.toolTip()


def problems(root: QWidget) -> list[str]:
    english = english_sources()
    found = []
    for where, text in visible_texts(root):
        for line in text.splitlines():
            why = untranslated(line, english)
            if why:
                found.append(f"{where}: {line!r} ({why})")
    return found


@pytest.fixture
def russian(qtbot: Any, tmp_path: Path) -> Iterator[QSettings]:
    """Russian for one test; English again afterwards (the application is shared)."""
    yield QSettings(str(tmp_path / "msauth.ini"), QSettings.Format.IniFormat)
    app = QApplication.instance()
    assert app is not None
    install_language(app, "en")


def ru_window(qtbot: Any, settings: QSettings, *argv: str) -> MainWindow:
    window = build_window(
        ["--lang", "ru", *argv], settings=settings, secrets=SecretStore(MemoryKeyring())
    )
    assert isinstance(window, MainWindow)
    qtbot.addWidget(window)
    window.show()
    qtbot.waitExposed(window)
    qtbot.waitUntil(lambda: window.profiles.ready, timeout=TIMEOUT)
    return window


def sign_in(qtbot: Any, window: MainWindow, server: str, password: str) -> None:
    window.form.fill(server=server, login="admin", password=password, method="oauth")
    window.form.sign_in_button.click()
    qtbot.waitUntil(
        lambda: window.keeper.state in (KeeperState.VALID, KeeperState.ERROR), timeout=TIMEOUT
    )


# -- 1: every window and dialog in Russian -----------------------------------------------------
def test_every_window_and_dialog_speaks_russian(
    qtbot: Any,
    russian: QSettings,
    demo: DemoServer,
    monkeypatch: pytest.MonkeyPatch,
    tmp_path: Path,
) -> None:
    window = ru_window(qtbot, russian)
    assert current_language() == "ru"
    found = problems(window)
    window.form.advanced.set_expanded(True)
    window.form.verify_tls.setChecked(False)  # the red TLS warning
    window.form.validate()
    sign_in(qtbot, window, demo.url, "admin")
    assert window.keeper.state is KeeperState.VALID
    window.on_copy_token()
    window.on_probe()
    qtbot.waitUntil(lambda: "HTTP 200" in window.statusBar().currentMessage(), timeout=TIMEOUT)
    found += problems(window)
    found += [
        f"tray tooltip: {t!r}" for t in [window.tray.icon.toolTip()] if untranslated(t, set())
    ]

    settings = window.open_settings()  # window-modal, not blocking
    qtbot.waitUntil(settings.isVisible, timeout=TIMEOUT)
    found += problems(settings)
    settings.reject()

    window.check_server_action.trigger()
    dialog = window.findChild(CheckDialog, "checkDialog")
    assert dialog is not None
    qtbot.waitUntil(lambda: dialog.report is not None, timeout=TIMEOUT)
    assert dialog.table.rowCount() >= 10
    found += problems(dialog)
    dialog.close()

    details = window.tools.open_details()
    qtbot.waitUntil(details.isVisible, timeout=TIMEOUT)
    found += problems(details)
    details.close()

    shown: list[QWidget] = []

    def show_name_dialog(cls: type, parent: QWidget, title: str, default: str) -> None:
        dialog = cls(parent, title, default)
        dialog.show()
        shown.append(dialog)
        return None

    def show_question(cls: type, parent: QWidget, title: str, text: str) -> bool:
        box = profiles_ui.ConfirmDialog.build(parent, title, text)
        box.show()
        shown.append(box)
        return False

    monkeypatch.setattr(profiles_ui.ProfileNameDialog, "ask", classmethod(show_name_dialog))
    monkeypatch.setattr(profiles_ui.ConfirmDialog, "ask", classmethod(show_question))
    for name in ("newProfileButton", "renameProfileButton", "deleteProfileButton"):
        window.findChild(QAbstractButton, name).click()
    assert len(shown) == 3 and isinstance(shown[-1], QMessageBox)
    file_dialog = profiles_ui.ProfileFileDialog.build(
        window, save=True, default=str(tmp_path / "профили.json")
    )
    file_dialog.show()
    shown.append(file_dialog)
    for dialog in shown:
        qtbot.waitUntil(dialog.isVisible, timeout=TIMEOUT)
        found += problems(dialog)
        dialog.close()
    assert found == [], "\n".join(found)


def test_the_walk_finds_english(qtbot: Any, tmp_path: Path) -> None:
    """The walk itself works: an English window fails it, on its labels, buttons and menus."""
    settings = QSettings(str(tmp_path / "msauth.ini"), QSettings.Format.IniFormat)
    window = build_window([], settings=settings, secrets=SecretStore(MemoryKeyring()))
    qtbot.addWidget(window)
    found = "\n".join(problems(window))
    for text in ("'Sign in'", "'&Server:'", "'Sessio&n'", "'Copy token'", "'Server and account'"):
        assert text in found


def test_the_check_table_and_verdict_are_russian_after_a_run(
    qtbot: Any, russian: QSettings, demo: DemoServer
) -> None:
    window = ru_window(qtbot, russian)
    window.form.fill(server=demo.url, login="admin", password="admin")
    window.on_check_server()
    dialog = window.check_dialog
    assert dialog is not None
    qtbot.waitUntil(lambda: dialog.report is not None, timeout=TIMEOUT)
    assert dialog.verdict_text().startswith("Используйте OAuth по паролю")
    assert dialog.table.horizontalHeaderItem(0).text() == "Проверка"
    assert "успешно" not in dialog.summary_label.text()  # plural forms: "9 пройдено"
    assert re.match(r"\d+ пройден[аоы]", dialog.summary_label.text())
    assert "Проверка сервера" in window.log.text()  # the log's summary line


# -- 2: core errors in the window ---------------------------------------------------------------
def test_a_rejected_password_is_explained_in_russian(
    qtbot: Any, russian: QSettings, demo: DemoServer
) -> None:
    window = ru_window(qtbot, russian)
    sign_in(qtbot, window, demo.url, "wrong")
    assert window.keeper.state is KeeperState.ERROR
    status = window.panel.status_label.text()
    assert status.startswith("Сервер отклонил логин или пароль (HTTP 4")
    assert status.endswith("Проверьте их и войдите снова.")
    assert window.panel.state_label.text() == "Ошибка"
    assert "Ошибка: Сервер отклонил логин или пароль" in window.log.text()
    assert untranslated(status, english_sources()) is None


def test_form_validation_speaks_russian(qtbot: Any, russian: QSettings) -> None:
    window = ru_window(qtbot, russian)
    window.form.fill(server="ftp://host", login="")
    window.form.reveal_errors()
    assert window.form.server_error.text() == "Используйте адрес http:// или https://, а не ftp:."
    assert window.form.login_error.text() == "Введите логин."


# -- 3: the command line ------------------------------------------------------------------------
def run_cli(*argv: str, stdin: str = "") -> tuple[int, str, str]:
    out, err = io.StringIO(), io.StringIO()
    code = cli.run(list(argv), io.StringIO(stdin), out, err)
    return code, out.getvalue(), err.getvalue()


def test_the_cli_speaks_russian_with_lang_ru(demo: DemoServer) -> None:
    code, out, err = run_cli(
        "--lang", "ru", "token", "--server", demo.url, "--login", "admin", "--password-stdin",
        stdin="wrong\n",
    )  # fmt: skip
    assert code == 3 and out == ""
    assert err.startswith("msauth: Сервер отклонил логин или пароль (HTTP 4")
    code, out, _ = run_cli(
        "check", "--lang", "ru",  # after the command, too
        "--server", demo.url, "--login", "admin", "--password-stdin",
        stdin="admin\n",
    )  # fmt: skip
    assert code == 0
    assert out.startswith("Сервер: ")
    assert "Итог:   Используйте OAuth по паролю" in out
    assert "РЕЗУЛЬТАТ" in out and "ПРОЙДЕНА" in out and "пробовали:" in out
    # the table wraps long cells (an HTTP date, too): judge the words, not the lines
    assert untranslated(" ".join(out.split()), english_sources()) is None
    # and English again without --lang (the translator is not left behind)
    code, out, err = run_cli(
        "token", "--server", demo.url, "--login", "admin", "--password-stdin", stdin="wrong\n"
    )
    assert err.startswith("msauth: The server rejected the login or password")


def cli_env(tmp_path: Path, **extra: str) -> dict[str, str]:
    env = {k: v for k, v in os.environ.items() if not k.startswith(("LC_", "LANG", "MSAUTH"))}
    env["XDG_CONFIG_HOME"] = str(tmp_path)  # no saved language from the operator's settings
    return {**env, **extra}


def test_the_cli_follows_the_system_locale_and_the_windows_setting(
    demo: DemoServer, tmp_path: Path
) -> None:
    argv = [sys.executable, "-m", "msauth_gui.cli", "token", "--server", demo.url]
    argv += ["--login", "admin", "--password-stdin"]

    def stderr(env: dict[str, str]) -> str:
        done = subprocess.run(argv, input="wrong\n", env=env, capture_output=True, text=True)
        assert done.returncode == 3
        return done.stderr

    assert "Сервер отклонил" in stderr(cli_env(tmp_path, LANG="ru_RU.UTF-8"))
    assert "The server rejected" in stderr(cli_env(tmp_path, LANG="C"))
    config = tmp_path / "msauth-gui" / "msauth-gui.conf"
    config.parent.mkdir()
    config.write_text("[settings]\nlanguage=ru\n", encoding="utf-8")
    assert "Сервер отклонил" in stderr(cli_env(tmp_path, LANG="C"))  # chosen in the window
    assert "The server rejected" in stderr(cli_env(tmp_path, LANG="C", MSAUTH_LANG="en"))


# -- 4: the translation file ----------------------------------------------------------------------
def _tool() -> Any:
    spec = importlib.util.spec_from_file_location(
        "update_translations", ROOT / "tools" / "update_translations.py"
    )
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


@pytest.mark.parametrize("language", ["ru", "en"])
def test_the_translation_is_complete_and_current(tmp_path: Path, language: str) -> None:
    tool = _tool()
    ts = tool.ts_path(language)  # English: the plural forms of the source texts only
    assert tool.unfinished(ts) == []
    added, removed = tool.stale(language)
    assert not added, f"run tools/update_translations.py: new texts {sorted(added)}"
    assert not removed, f"run tools/update_translations.py: gone texts {sorted(removed)}"
    qm = tmp_path / "fresh.qm"
    tool.lrelease(ts, qm)
    assert qm.read_bytes() == tool.qm_path(language).read_bytes(), f"{qm.name} is not compiled"


def test_plurals_come_from_one_source_text_with_n(qtbot: Any, russian: QSettings) -> None:
    """Qt picks the form: English "1 warning" / "2 warnings", Russian's three forms."""
    from msauth_gui.gui.check.table import _Counts

    app = QApplication.instance()
    assert app is not None
    install_language(app, "en")
    counts = _Counts()
    assert [counts.text("warn", n) for n in (1, 2)] == ["1 warning", "2 warnings"]
    install_language(app, "ru")
    assert [counts.text("warn", n) for n in (1, 3, 5, 21)] == [
        "1 предупреждение", "3 предупреждения", "5 предупреждений", "21 предупреждение",
    ]  # fmt: skip


def test_the_translation_tool_finds_lupdate_beside_the_interpreter(tmp_path: Path) -> None:
    """``.venv/bin/python tools/update_translations.py`` in a venv that was never activated:
    PySide6's tools sit beside that interpreter, not on PATH."""
    env = {**os.environ, "PATH": str(tmp_path)}  # an empty folder: nothing to find there
    done = subprocess.run(
        [sys.executable, str(ROOT / "tools" / "update_translations.py"), "--check"],
        env=env,
        capture_output=True,
        text=True,
        timeout=120,
    )
    assert done.returncode == 0, done.stdout + done.stderr
    assert "0 untranslated" in done.stdout


class _Calls(ast.NodeVisitor):
    """Every ``translate``/``QT_TRANSLATE_NOOP``/``tr`` call: (line, context, source node)."""

    def __init__(self) -> None:
        self.found: list[tuple[int, str, ast.expr | None]] = []
        self._class = ""

    def visit_ClassDef(self, node: ast.ClassDef) -> None:  # NodeVisitor's name
        outer, self._class = self._class, node.name
        self.generic_visit(node)
        self._class = outer

    def visit_Call(self, node: ast.Call) -> None:
        name = getattr(node.func, "attr", getattr(node.func, "id", ""))
        args = node.args
        if name == "tr" and isinstance(node.func, ast.Attribute) and args:
            owner = node.func.value  # self.tr: the class; plurals.tr: the context it names
            context = owner.id if isinstance(owner, ast.Name) and owner.id != "self" else ""
            self.found.append((node.lineno, context or self._class, args[0]))
        elif name in ("translate", "QT_TRANSLATE_NOOP") and args and _literal(args[0]):
            source = args[1] if len(args) > 1 else None
            self.found.append((node.lineno, str(args[0].value), source))  # type: ignore[attr-defined]
        self.generic_visit(node)


def _literal(node: ast.AST | None) -> bool:
    return isinstance(node, ast.Constant) and isinstance(node.value, str)


def test_every_text_in_the_code_is_in_the_translation() -> None:
    """An independent look (``ast``) at what lupdate should have found: it silently skips a
    call it cannot read, and extracts an f-string's text with its braces."""
    root = ET.parse(TS).getroot()
    have = {
        (c.findtext("name"), m.findtext("source"))
        for c in root.iter("context")
        for m in c.iter("message")
    }
    missing, fstrings = [], []
    for path in sorted((ROOT / "msauth_gui").rglob("*.py")):
        calls = _Calls()
        calls.visit(ast.parse(path.read_text(encoding="utf-8")))
        for line, context, source in calls.found:
            if isinstance(source, ast.JoinedStr):
                fstrings.append(f"{path.name}:{line}")
            elif _literal(source) and (context, source.value) not in have:  # type: ignore[union-attr]
                missing.append(f"{path.name}:{line} [{context}] {source.value!r}")  # type: ignore[union-attr]
    assert fstrings == [], f"f-strings inside tr()/translate(): {fstrings}"
    assert missing == [], "\n".join(missing)


# -- 5: English by default ----------------------------------------------------------------------
def test_language_resolution() -> None:
    assert resolve_language(env={"LANG": "C"}) == "en"
    assert resolve_language(env={}) == "en"
    assert resolve_language(env={"LANG": "ru_RU.UTF-8"}) == "ru"
    assert resolve_language(env={"LANG": "de_DE.UTF-8"}) == "en"
    assert resolve_language(env={"LC_ALL": "C.UTF-8", "LANG": "ru_RU.UTF-8"}) == "en"
    assert resolve_language(env={"LANG": "en_US.UTF-8", "LANGUAGE": "ru:en"}) == "ru"
    assert resolve_language("en", env={"MSAUTH_LANG": "ru"}) == "en"  # --lang first
    assert resolve_language(None, "ru", env={"MSAUTH_LANG": "en"}) == "en"  # then the variable
    assert resolve_language(None, "ru", env={"LANG": "C"}) == "ru"  # then the setting
    assert system_language({"LANG": "ru_RU.UTF-8"}) == "ru"


def test_the_saved_language_is_read_only_when_needed() -> None:
    """Reading it loads Qt (QSettings): a run whose --lang or MSAUTH_LANG decides skips it."""
    asked: list[str] = []

    def saved() -> str:
        asked.append("saved")
        return "ru"

    assert resolve_language("en", saved, env={"LANG": "C"}) == "en"
    assert resolve_language(None, saved, env={"MSAUTH_LANG": "en"}) == "en"
    assert asked == []
    assert resolve_language(None, saved, env={"LANG": "C"}) == "ru"
    assert asked == ["saved"]


def test_english_stays_english_by_default(
    qtbot: Any, tmp_path: Path, monkeypatch: pytest.MonkeyPatch, demo: DemoServer
) -> None:
    monkeypatch.delenv("MSAUTH_LANG")
    for var in ("LC_ALL", "LC_MESSAGES", "LANGUAGE"):
        monkeypatch.delenv(var, raising=False)
    monkeypatch.setenv("LANG", "C")
    settings = QSettings(str(tmp_path / "msauth.ini"), QSettings.Format.IniFormat)
    window = build_window([], settings=settings, secrets=SecretStore(MemoryKeyring()))
    qtbot.addWidget(window)
    assert current_language() == "en"
    assert window.form.sign_in_button.text() == "Sign in"
    assert window.menuBar().actions()[0].text() == "&File"
    assert QCoreApplication.translate("errors", CredentialsRejected.template) == (
        CredentialsRejected.template
    )
    code, _, err = run_cli(
        "token", "--server", demo.url, "--login", "admin", "--password-stdin", stdin="wrong\n"
    )
    assert code == 3 and err.startswith("msauth: The server rejected the login or password")


def test_russian_chosen_in_settings_takes_effect_at_the_next_start(
    qtbot: Any, russian: QSettings, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.delenv("MSAUTH_LANG")
    monkeypatch.setenv("LANG", "C")
    window = build_window([], settings=russian, secrets=SecretStore(MemoryKeyring()))
    qtbot.addWidget(window)
    assert window.form.sign_in_button.text() == "Sign in"
    dialog = window.open_settings()
    combo = dialog.language_combo
    assert [combo.itemText(i) for i in range(combo.count())] == [
        "System language", "English", "Русский",
    ]  # fmt: skip
    combo.setCurrentIndex(combo.findData("ru"))
    dialog.accept()
    assert "next start" in window.statusBar().currentMessage()
    assert window.form.sign_in_button.text() == "Sign in"  # not before the next start
    window.close()
    window = build_window([], settings=russian, secrets=SecretStore(MemoryKeyring()))
    qtbot.addWidget(window)
    assert window.form.sign_in_button.text() == "Войти"
    dialog = window.open_settings()
    assert dialog.language_combo.currentText() == "Русский"
    assert dialog.language_combo.itemText(0) == "Язык системы"
    dialog.reject()
