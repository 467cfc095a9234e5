"""Help → About, ``--version`` and the words for signing out and quitting (issue 12, point 13)."""

from __future__ import annotations

import re
from pathlib import Path
from typing import Any

import pytest
from PySide6.QtWidgets import QLabel

import msauth_gui
from msauth_gui.app import build_parser
from msauth_gui.gui.widgets import plain
from msauth_gui.gui.window.about import HEADINGS, AboutDialog, anchor, readme_links
from msauth_gui.gui.window.main import MainWindow

from .cli_run import run_msauth

ROOT = Path(__file__).resolve().parent.parent


@pytest.fixture
def window(qtbot: Any) -> MainWindow:
    win = MainWindow()
    qtbot.addWidget(win)
    win.show()
    qtbot.waitExposed(win)
    return win


def readme_anchors() -> set[str]:
    text = (ROOT / "README.md").read_text(encoding="utf-8")
    return {anchor(h) for h in re.findall(r"^#{1,6} (.+)$", text, re.MULTILINE)}


def test_help_about_shows_the_version_the_licence_and_the_readme(
    qtbot: Any, window: MainWindow
) -> None:
    window.about_action.trigger()
    dialog = window.findChild(AboutDialog, "aboutDialog")
    assert dialog is not None and dialog.isVisible()
    text = dialog.findChild(QLabel, "aboutText").text()
    assert f"msauth-gui {msauth_gui.__version__}" in text
    assert "Licence: MIT." in text
    links = re.findall(r'href="([^"]+)"', text)
    assert len(links) == len(HEADINGS)  # a checkout: README.md is at hand
    anchors = {link.split("#", 1)[1] for link in links}
    assert anchors <= readme_anchors()  # every link lands on a section README.md has
    assert all(link.startswith("file://") and "README.md#" in link for link in links)
    dialog.close()


def test_an_installed_program_names_the_sections_without_links(tmp_path: Path) -> None:
    names = readme_links(tmp_path / "README.md")  # not there
    assert [url for _words, url in names] == [""] * len(HEADINGS)
    assert names[0][0] == "Getting started"


def test_msauth_and_msauth_gui_print_their_version(capsys: pytest.CaptureFixture[str]) -> None:
    code, out, err = run_msauth(["--version"])
    assert (code, out, err) == (0, f"msauth {msauth_gui.__version__}\n", "")
    with pytest.raises(SystemExit) as ended:
        build_parser().parse_args(["--version"])
    assert ended.value.code == 0
    assert capsys.readouterr().out == f"msauth-gui {msauth_gui.__version__}\n"


def test_in_russian_sign_out_and_quit_are_unmistakable(russian: None, window: MainWindow) -> None:
    sign_out, quit_ = plain(window.sign_out_action.text()), plain(window.quit_action.text())
    assert (sign_out, quit_) == ("Завершить сеанс", "Выход")
    assert window.form.sign_out_button.text() == "Завершить сеанс"
    assert plain(window.tray.quit_action.text()) == "Выход"
    menus = {plain(a.text()): a.menu().actions() for a in window.menuBar().actions()}
    assert window.quit_action in menus["Файл"] and window.sign_out_action in menus["Сеанс"]
    assert window.quit_action not in menus["Сеанс"]  # never side by side in one menu
    assert plain(window.about_action.text()) == "О программе msauth-gui"
