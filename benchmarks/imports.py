"""Who imports what at start-up: a summary of ``python -X importtime`` for the report."""

from __future__ import annotations

import subprocess
import sys
from dataclasses import dataclass

from .common import qt_env

PROJECT = "msauth_gui"


@dataclass
class Entry:
    name: str
    depth: int
    cumulative_us: int
    parent: int | None = None  #: index of the importing entry


def profile(statement: str) -> list[Entry]:
    """Run ``statement`` under ``-X importtime`` (fresh interpreter) and parse its tree."""
    done = subprocess.run(
        [sys.executable, "-X", "importtime", "-c", statement],
        capture_output=True,
        text=True,
        env=qt_env(),
        timeout=120,
    )
    entries: list[Entry] = []
    for line in done.stderr.splitlines():
        if not line.startswith("import time:") or "cumulative" in line:
            continue
        _, cumulative, name = line.split("|", 2)
        stripped = name.rstrip().lstrip(" ")
        depth = (len(name.rstrip()) - len(stripped) - 1) // 2
        entries.append(Entry(stripped, depth, int(cumulative)))
    # importtime prints children before their parent: the parent is the next shallower line
    for index, entry in enumerate(entries):
        for later in range(index + 1, len(entries)):
            if entries[later].depth < entry.depth:
                entry.parent = later
                break
    return entries


def _ancestors(entries: list[Entry], index: int) -> list[int]:
    chain: list[int] = []
    parent = entries[index].parent
    while parent is not None:
        chain.append(parent)
        parent = entries[parent].parent
    return chain


def top_subtrees(entries: list[Entry], top: int = 10) -> list[tuple[Entry, str]]:
    """The biggest non-project imports that a project module pulls in, none inside another,
    each with the project module that imports it."""
    picked: list[int] = []
    out: list[tuple[Entry, str]] = []
    order = sorted(range(len(entries)), key=lambda i: -entries[i].cumulative_us)
    for index in order:
        entry = entries[index]
        ancestors = _ancestors(entries, index)
        via = next((entries[a].name for a in ancestors if entries[a].name.startswith(PROJECT)), "")
        # project modules themselves, and what the interpreter loads before any of them, are
        # not what a lazy import could save
        if entry.name.startswith(PROJECT) or not via or any(a in picked for a in ancestors):
            continue
        picked.append(index)
        out.append((entry, via))
        if len(out) == top:
            break
    return out


def eager_summary(statement: str, top: int = 10) -> str:
    parts = []
    for entry, via in top_subtrees(profile(statement), top):
        where = f" via {via}" if via else ""
        parts.append(f"`{entry.name}` {entry.cumulative_us / 1000:.0f} ms{where}")
    return "; ".join(parts)


if __name__ == "__main__":
    print(eager_summary(sys.argv[1] if len(sys.argv) > 1 else "import msauth_gui.cli"))
