"""Run the benchmarks: ``python -m benchmarks [--quick] [--only NAME ...]`` from the repo root.

Each benchmark runs in its own child process (a crash or a Qt teardown problem in one cannot
take the others down), compares against a baseline measured in the same run, reports medians
and never asserts a time. The parent prints one Markdown table and, for a full run of all
benchmarks, writes it with the machine's description to ``benchmarks/results.md``
(``--output FILE`` writes any run elsewhere).
"""

from __future__ import annotations

import argparse
import dataclasses
import importlib
import json
import os
import subprocess
import sys
import time

from .common import RESULTS, ROOT, Result, Row, Skipped, machine, notes, qt_env, table

#: name -> (module, what it measures); the order of the table
BENCHMARKS = {
    "startup": ("startup", "process start to first paint, peak RSS"),
    "after_paint": ("after_paint", "GUI-thread gaps after first paint; the sign-in click"),
    "signin": ("signin", "per-call sign-in cost on loopback"),
    "cli": ("cli_process", "`msauth token` process vs plain requests.post"),
    "responsiveness": ("responsiveness", "longest event-loop gap in the window"),
    "refresh": ("refresh_timing", "refresh lateness with 2 s tokens"),
    "parsing": ("parsing", "worst-case token answers: bounded JSON5"),
    "redaction": ("redaction", "redact() after a day of 1 s tokens"),
    "proxy": ("proxy", "msauth proxy: latency, throughput, memory"),
}
ALIASES = {module: name for name, (module, _) in BENCHMARKS.items()}
MARK = "BENCHMARK-RESULT "


def _child(name: str, quick: bool) -> None:
    """Run one benchmark here and print its result as one JSON line."""
    module = importlib.import_module(f"benchmarks.{BENCHMARKS[name][0]}")
    try:
        result: Result = module.run(quick)
    except Skipped as exc:
        result = Result(name, module.TITLE, skipped=str(exc))
    print(MARK + json.dumps(dataclasses.asdict(result)), flush=True)
    sys.stderr.flush()
    os._exit(0)  # skip interpreter teardown: nothing left to measure, nothing to flush


def _run_child(name: str, quick: bool) -> Result:
    cmd = [sys.executable, "-m", "benchmarks", "--child", name] + (["--quick"] if quick else [])
    done = subprocess.run(cmd, cwd=ROOT, env=qt_env(), stdout=subprocess.PIPE, text=True)
    for line in reversed(done.stdout.splitlines()):
        if line.startswith(MARK):
            data = json.loads(line[len(MARK) :])
            data["rows"] = [Row(**row) for row in data["rows"]]
            return Result(**data)
    title = importlib.import_module(f"benchmarks.{BENCHMARKS[name][0]}").TITLE
    return Result(name, title, skipped=f"failed: exit code {done.returncode} (see its stderr)")


def _selected(only: list[str] | None) -> list[str]:
    if not only:
        return list(BENCHMARKS)
    names = []
    for item in only:
        for word in item.split(","):
            name = ALIASES.get(word.strip(), word.strip())
            if name not in BENCHMARKS:
                raise SystemExit(f"unknown benchmark {word!r}; choose from {', '.join(BENCHMARKS)}")
            names.append(name)
    return names


def report(results: list[Result], quick: bool, took: float) -> str:
    command = "python -m benchmarks" + (" --quick" if quick else "")
    lines = [
        "# msauth-gui benchmarks",
        "",
        f"`{command}` — {'a quick smoke run: few repetitions, noisy' if quick else 'full run'}"
        f", {took:.0f} s. Medians over repeated runs; each ratio is to a baseline measured in "
        "the same run. Times are never asserted.",
        "",
        *(f"- {line}" for line in machine()),
        "",
        table(results),
        "",
        notes(results),
    ]
    return "\n".join(lines).rstrip() + "\n"


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m benchmarks", description=__doc__)
    parser.add_argument("--quick", action="store_true", help="a fast smoke run (few repetitions)")
    parser.add_argument(
        "--only",
        action="append",
        metavar="NAME",
        help=f"run only these (repeat or comma-separate): {', '.join(BENCHMARKS)}",
    )
    parser.add_argument(
        "--output",
        metavar="FILE",
        help="write the report here (default: benchmarks/results.md "
        "for a full run of everything; not written for --quick/--only)",
    )
    parser.add_argument("--child", help=argparse.SUPPRESS)
    args = parser.parse_args(argv)
    if args.child:
        _child(args.child, args.quick)
    start = time.monotonic()
    results = []
    for name in _selected(args.only):
        print(f"running {name}: {BENCHMARKS[name][1]} …", file=sys.stderr, flush=True)
        began = time.monotonic()
        result = _run_child(name, args.quick)
        status = f"skipped: {result.skipped}" if result.skipped else "done"
        print(f"  {status} ({time.monotonic() - began:.0f} s)", file=sys.stderr, flush=True)
        results.append(result)
    text = report(results, args.quick, time.monotonic() - start)
    print(text)
    # a smoke run or a partial one must not replace the full results next to the code
    output = args.output or (None if args.quick or args.only else str(RESULTS))
    if output:
        with open(output, "w", encoding="utf-8") as handle:
            handle.write(text)
        print(f"(written to {os.path.relpath(output, ROOT)})", file=sys.stderr)
    else:
        print("(not written: --quick/--only runs need --output FILE)", file=sys.stderr)
    return 1 if any(r.skipped.startswith("failed") for r in results) else 0


if __name__ == "__main__":
    sys.exit(main())
