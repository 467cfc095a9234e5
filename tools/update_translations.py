"""Refresh the translations: ``pyside6-lupdate`` over ``msauth_gui/``, then ``lrelease``.

    python tools/update_translations.py          # update the .ts files (new texts), build .qm
    python tools/update_translations.py --check  # exit 1 if a .ts is stale or unfinished

New source texts arrive in ``resources/i18n/msauth_ru.ts`` as ``type="unfinished"``: translate
them (Qt Linguist, or any editor), then run this again to compile ``msauth_ru.qm``. Texts that
left the code are dropped (``-no-obsolete``); line numbers are not kept (``-locations none``),
so the file changes only when a text does.

English is the source language, so ``msauth_en.ts`` holds only the texts with plural forms
(``-pluralonly``): a source text says ``%n profile(s)`` once, and the English file gives
"%n profile" and "%n profiles", as the Russian one gives its three forms.
"""

from __future__ import annotations

import argparse
import os
import re
import shutil
import subprocess
import sys
import sysconfig
import tempfile
import xml.etree.ElementTree as ET
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
SOURCES = ROOT / "msauth_gui"
I18N = ROOT / "resources" / "i18n"
LANGUAGES = ("ru", "en")
PLURAL_ONLY = ("en",)  #: the source language: only its plural forms need translating

Message = tuple[str, str, bool]  #: (context, source text, has plural forms)


def ts_path(language: str) -> Path:
    return I18N / f"msauth_{language}.ts"


def qm_path(language: str) -> Path:
    return I18N / f"msauth_{language}.qm"


def tool(name: str) -> str | None:
    """The path of PySide6's ``name`` tool (``pyside6-lupdate``...) for the running Python.

    Looked for beside the interpreter first (a venv's ``bin``, a Windows ``Scripts`` folder), so
    ``.venv/bin/python tools/update_translations.py`` works without activating the venv, and
    then on PATH.
    """
    suffix = ".exe" if os.name == "nt" else ""
    folders = [Path(sys.executable).parent, Path(sysconfig.get_path("scripts"))]
    for folder in folders:
        candidate = folder / f"{name}{suffix}"
        if candidate.is_file() and os.access(candidate, os.X_OK):
            return str(candidate)
    return shutil.which(name)


def _run_tool(name: str, *args: str) -> None:
    path = tool(name)
    if path is None:
        raise FileNotFoundError(f"{name} not found beside {sys.executable} nor on PATH")
    subprocess.run([path, *args], check=True, capture_output=True, text=True)


def source_files() -> list[str]:
    return sorted(str(path) for path in SOURCES.rglob("*.py"))


def lupdate(ts: Path, language: str) -> None:
    """Extract every marked text of the code into ``ts`` (merging what it holds already)."""
    _run_tool(
        "pyside6-lupdate",
        *source_files(),
        "-no-obsolete",
        "-locations",
        "none",
        "-source-language",
        "en",
        "-target-language",
        language,
        *(["-pluralonly"] if language in PLURAL_ONLY else []),
        "-ts",
        str(ts),
    )
    # lupdate takes the code's "#:" attribute comments for notes to the translator, and pins
    # them on whatever message follows; they are not meant for translators
    text = ts.read_text(encoding="utf-8")
    ts.write_text(re.sub(r"\n *<extracomment>.*?</extracomment>", "", text, flags=re.S), "utf-8")


def lrelease(ts: Path, qm: Path) -> None:
    _run_tool("pyside6-lrelease", str(ts), "-qm", str(qm))


def messages(ts: Path) -> set[Message]:
    """Every message of a .ts file."""
    root = ET.parse(ts).getroot()
    return {
        (context.findtext("name") or "", message.findtext("source") or "", _numerus(message))
        for context in root.iter("context")
        for message in context.iter("message")
    }


def _numerus(message: ET.Element) -> bool:
    return message.get("numerus") == "yes"


def unfinished(ts: Path) -> list[tuple[str, str]]:
    """(context, source) of every message without a finished translation."""
    root = ET.parse(ts).getroot()
    found = []
    for context in root.iter("context"):
        for message in context.iter("message"):
            translation = message.find("translation")
            forms = [] if translation is None else list(translation.iter("numerusform"))
            texts = [form.text for form in forms] if forms else [getattr(translation, "text", "")]
            if (
                translation is None
                or translation.get("type") in ("unfinished", "vanished", "obsolete")
                or not all(text and text.strip() for text in texts)
            ):
                found.append((context.findtext("name") or "", message.findtext("source") or ""))
    return found


def stale(language: str) -> tuple[set[Message], set[Message]]:
    """(texts in the code but not in the .ts, texts in the .ts but no longer in the code)."""
    with tempfile.TemporaryDirectory() as tmp:
        fresh = Path(tmp) / "fresh.ts"
        lupdate(fresh, language)
        in_code = messages(fresh)
    in_ts = messages(ts_path(language))
    return in_code - in_ts, in_ts - in_code


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--check", action="store_true", help="only check; change nothing")
    args = parser.parse_args(argv)
    for name in ("pyside6-lupdate", "pyside6-lrelease"):
        if tool(name) is None:
            print(f"{name} not found (it comes with PySide6)", file=sys.stderr)
            return 2
    failed = False
    for language in LANGUAGES:
        ts = ts_path(language)
        if args.check:
            added, removed = stale(language)
            for context, source, _n in sorted(added):
                print(f"{ts.name}: not extracted yet: [{context}] {source!r}")
            for context, source, _n in sorted(removed):
                print(f"{ts.name}: no longer in the code: [{context}] {source!r}")
            failed |= bool(added or removed)
        else:
            I18N.mkdir(parents=True, exist_ok=True)
            lupdate(ts, language)
            lrelease(ts, qm_path(language))
        todo = unfinished(ts)
        for context, source in todo:
            print(f"{ts.name}: untranslated: [{context}] {source!r}")
        failed |= bool(todo)
        print(f"{ts.name}: {len(messages(ts))} texts, {len(todo)} untranslated")
    return 1 if failed else 0


if __name__ == "__main__":
    sys.exit(main())
