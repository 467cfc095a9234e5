"""README's "Try it" works on a stock Debian/Ubuntu, and CI runs what it says.

There, ``python3`` is "externally managed": a bare ``pip install`` is refused, so both commands
install into a venv. The Debian packages come first, and ``.ci/run`` installs exactly those and
runs exactly README's test command. (That the commands really work, pasted on a fresh Debian 12,
was tried in a debootstrap chroot; this keeps them from drifting.)
"""

from __future__ import annotations

import re
import shlex
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
README = (ROOT / "README.md").read_text(encoding="utf-8")
CI = (ROOT / ".ci" / "run").read_text(encoding="utf-8")
#: what no machine following README can do without: a venv, the xcb plugin's cursor library
#: (Qt 6.5+ refuses to start on X11 without it), the tests' font, the Secret Service test's
MUST_NAME = {"python3-venv", "libxcb-cursor0", "fonts-dejavu-core", "gnome-keyring", "dbus"}


def shell_blocks(markdown: str) -> list[str]:
    """The fenced ``sh`` blocks of a Markdown text, in order."""
    return re.findall(r"^```(?:sh|bash|shell)\n(.*?)^```", markdown, flags=re.M | re.S)


def commands(script: str) -> list[str]:
    """The command lines of a shell text: continuations joined, comments and blanks dropped."""
    joined = re.sub(r"\\\n", " ", script)
    lines = (line.split(" #")[0].strip() for line in joined.splitlines())
    return [line for line in lines if line and not line.startswith("#")]


def apt_packages(script: str) -> set[str]:
    """Every package an ``apt-get install`` line of ``script`` names."""
    found: set[str] = set()
    for line in commands(script):
        words = shlex.split(line.replace(">/dev/null", ""))
        if "apt-get" in words and "install" in words:
            after = words[words.index("install") + 1 :]
            found |= {word for word in after if not word.startswith("-")}
    return found


def try_it() -> tuple[str, str, str]:
    """README's apt-get block, then the first block that starts msauth-gui, then the next one
    that runs pytest."""
    blocks = shell_blocks(README)
    gui = next((i for i, block in enumerate(blocks) if "msauth-gui" in block), len(blocks))
    test = next((i for i, b in enumerate(blocks) if i > gui and "pytest" in b), len(blocks))
    apt = next((i for i, block in enumerate(blocks) if "apt-get install" in block), len(blocks))
    assert test < len(blocks), "README: no block that starts msauth-gui followed by a pytest one"
    assert apt < gui, "README: no apt-get block before the commands that need its packages"
    return blocks[apt], blocks[gui], blocks[test]


def test_readme_names_the_debian_packages_first() -> None:
    apt, _gui, _test = try_it()
    assert apt_packages(apt) >= MUST_NAME, MUST_NAME - apt_packages(apt)


def test_readme_commands_install_into_a_venv_not_the_system_python() -> None:
    _apt, gui, test = try_it()
    for block in (gui, test):
        (line,) = commands(block)  # one line, pasteable as it stands
        steps = [shlex.split(step) for step in line.split("&&")]
        assert steps[0][:3] == ["python3", "-m", "venv"], line
        venv = steps[0][3]
        for step in steps[1:]:  # every later step runs the venv's own programs
            assert step[0].startswith(f"{venv}/bin/"), f"{step[0]} is not the venv's: {line}"
    assert "msauth-gui --demo" in gui and "-m pytest" in test


def test_ci_installs_readmes_packages_and_runs_its_test_command() -> None:
    apt, _gui, test = try_it()
    assert apt_packages(CI) == apt_packages(apt)
    (command,) = commands(test)
    ci_lines = [line.strip("()") for line in commands(CI)]
    assert command in ci_lines, f".ci/run does not run README's {command!r}"
