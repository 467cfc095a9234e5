"""Print the shape of ``msauth_gui/``: files per folder, the largest file, the longest function
and every import circle (``grimp``; ``TYPE_CHECKING`` and function-level imports count too).

    python tools/measure_shape.py

For the closing notes of structural work: run it before and after and compare. mypy and ruff
have their own commands (``mypy``, ``ruff check .``).
"""

from __future__ import annotations

import ast
import sys
from collections import Counter
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
PACKAGE = "msauth_gui"


def python_files() -> list[Path]:
    return sorted((ROOT / PACKAGE).rglob("*.py"))


def longest_functions(paths: list[Path], top: int = 3) -> list[tuple[int, str]]:
    found = []
    for path in paths:
        tree = ast.parse(path.read_text(encoding="utf-8"))
        for node in ast.walk(tree):
            if isinstance(node, (ast.FunctionDef, ast.AsyncFunctionDef)):
                lines = (node.end_lineno or node.lineno) - node.lineno + 1
                found.append((lines, f"{path.relative_to(ROOT)}:{node.lineno} {node.name}"))
    return sorted(found, reverse=True)[:top]


def import_circles(package: str = PACKAGE) -> list[set[str]]:
    """The groups of modules that import each other, directly or through others."""
    import grimp

    sys.path.insert(0, str(ROOT))  # this checkout's package, not an installed one
    graph = grimp.build_graph(package, cache_dir=None)
    groups: list[set[str]] = []
    for module in sorted(graph.modules):
        if any(module in group for group in groups):
            continue
        group = {
            other
            for other in graph.modules
            if other != module
            and graph.chain_exists(importer=module, imported=other)
            and graph.chain_exists(importer=other, imported=module)
        }
        if group:
            groups.append(group | {module})
    return groups


def main() -> int:
    paths = python_files()
    per_folder = Counter(str(p.parent.relative_to(ROOT)) for p in paths)
    print("files per folder:")
    for folder, count in sorted(per_folder.items()):
        print(f"  {folder}/: {count}")
    sizes = sorted((len(p.read_text(encoding="utf-8").splitlines()), p) for p in paths)
    print(f"python files: {len(paths)}; median {sizes[len(sizes) // 2][0]} lines")
    for lines, path in sizes[-3:][::-1]:
        print(f"  largest: {path.relative_to(ROOT)}: {lines} lines")
    for lines, where in longest_functions(paths):
        print(f"  longest function: {where}: {lines} lines")
    circles = import_circles()
    print(f"import circles: {len(circles)}")
    for group in circles:
        print("  " + " <-> ".join(sorted(group)))
    return 0


if __name__ == "__main__":
    sys.exit(main())
