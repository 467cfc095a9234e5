"""3. ``msauth token`` as a whole process vs the same POST written plainly, curl and HTTPie.

Each run is a new process from launch to exit (interpreter start and imports included), against
a demo server in its own process. The baseline is the same password grant written plainly in
Python: ``python -c "import requests; print(requests.post(url, data=form).json()[…])"``, what
any script would do; curl, HTTPie and two floors are there for scale. The console scripts are
run from the interpreter's scripts folder, not through a pyenv shim; the project's bytecode is
compiled first. Runs are interleaved; the first two of each are warm-up.
"""

from __future__ import annotations

import shutil
import subprocess
import sys
import time

from .common import (
    CLIENT_ID,
    CLIENT_SECRET,
    LOGIN,
    PASSWORD,
    Result,
    Row,
    ServerProcess,
    Skipped,
    median,
    ms,
    qt_env,
    script,
    spread,
)
from .imports import eager_summary
from .startup import compile_bytecode

TITLE = "`msauth token` process"

PLAIN = "plain Python: requests.post"
GOAL = 1.15  #: msauth token ≤ 1.15× the plain requests.post script

FORM = {
    "grant_type": "password",
    "username": LOGIN,
    "password": PASSWORD,
    "client_id": CLIENT_ID,
    "client_secret": CLIENT_SECRET,
}


def _commands(url: str) -> dict[str, tuple[list[str], str]]:
    """name -> (argv, standard input)."""
    token_url = url + "/oauth/token"
    commands: dict[str, tuple[list[str], str]] = {}
    curl = shutil.which("curl")
    if curl is None:
        raise Skipped("curl is not installed (apt-get install -y curl)")
    curl_args = [curl, "-sS", "--fail", "-X", "POST", token_url]
    for key, value in FORM.items():
        curl_args += ["--data-urlencode", f"{key}={value}"]
    commands["curl"] = (curl_args, "")
    try:
        http = [script("http"), "--ignore-stdin", "--form", "--body", "POST", token_url]
        commands["HTTPie (http)"] = (http + [f"{k}={v}" for k, v in FORM.items()], "")
    except Skipped:
        pass
    plain = (
        "import requests, sys; form = dict(a.split('=', 1) for a in sys.argv[2:]); "
        "answer = requests.post(sys.argv[1], data=form, timeout=15); answer.raise_for_status(); "
        "print(answer.json()['access_token'])"
    )
    commands[PLAIN] = ([sys.executable, "-c", plain, token_url, *_pairs()], "")
    msauth = [script("msauth"), "token", "--server", url, "--login", LOGIN, "--password-stdin"]
    commands["msauth token"] = (msauth, PASSWORD + "\n")
    # floors, for reading the numbers: an empty interpreter, and one that only imports requests
    commands["(floor) python -c pass"] = ([sys.executable, "-c", "pass"], "")
    commands["(floor) python -c 'import requests'"] = (
        [sys.executable, "-c", "import requests"],
        "",
    )
    return commands


def _pairs() -> list[str]:
    return [f"{key}={value}" for key, value in FORM.items()]


def _run_once(argv: list[str], stdin: str) -> float:
    start = time.perf_counter()
    done = subprocess.run(argv, input=stdin, capture_output=True, text=True, env=qt_env())
    took = time.perf_counter() - start
    if done.returncode != 0:
        raise RuntimeError(f"{argv[0]} failed ({done.returncode}): {done.stderr.strip()[:200]}")
    return took


def run(quick: bool) -> Result:
    result = Result("cli", TITLE)
    compile_bytecode()
    runs, warmup = (3, 1) if quick else (15, 2)
    with ServerProcess("--style", "rfc6749") as server:
        commands = _commands(server.url)
        names = list(commands)
        for name in names:
            for _ in range(warmup):
                _run_once(*commands[name])
        times: dict[str, list[float]] = {name: [] for name in names}
        for index in range(runs):
            shift = index % len(names)
            for name in names[shift:] + names[:shift]:
                times[name].append(_run_once(*commands[name]))
    medians = {name: median(values) for name, values in times.items()}
    base = medians[PLAIN]
    curl = medians["curl"]
    httpie = medians.get("HTTPie (http)")
    for name in names:
        row = Row(case=name, median=ms(medians[name]), detail=spread(times[name]))
        row.is_baseline = name == PLAIN
        if name != PLAIN:
            row.ratio, row.baseline = medians[name] / base, "of plain requests.post"
        if name == "msauth token":
            row.goal, row.met = f"≤ {GOAL:.2f}× plain", medians[name] <= GOAL * base
            scale = f"{medians[name] / curl:.1f}× of curl"
            if httpie is not None:
                scale += f", {medians[name] / httpie:.2f}× of HTTPie"
            row.detail = f"{scale}; {row.detail}"
        result.rows.append(row)
    if httpie is None:
        result.notes.append("HTTPie is not installed (pip install -e '.[bench]'): not compared")
    result.notes.append(
        f"{runs} interleaved runs per command after {warmup} warm-up runs; wall time from "
        "launch to exit; the same form-encoded password grant, token style rfc6749."
    )
    result.notes.append(
        "what `import msauth_gui.cli` pulls in (python -X importtime, biggest subtrees): "
        + eager_summary("import msauth_gui.cli", top=5)
    )
    return result
