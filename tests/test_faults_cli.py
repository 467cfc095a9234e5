"""``msauth token`` / ``msauth refresh`` against every server fault (see :mod:`tests.fault_matrix`).

Sign-in is ``msauth token`` (OAuth), refresh is ``msauth refresh``, and the probe is ``msauth
token --method basic`` (Basic is verified by a protected call). Each fault must end in its exit
code and one or two ``msauth:`` lines on stderr that say what failed; never a traceback, never
half an answer on stdout.
"""

from __future__ import annotations

import json
import os
import subprocess
import sys
from collections.abc import Callable, Iterator

import pytest

from msauth_gui.devserver import DemoServer

from .cli_run import run_msauth
from .fault_matrix import (
    FAULTS,
    PROBE,
    REFRESH,
    TRACEBACK_MARKS,
    Certs,
    Fault,
    cases,
    mint_certs,
    start_server,
)

ServerFor = Callable[[Fault], DemoServer]


@pytest.fixture(scope="module")
def certs(tmp_path_factory: pytest.TempPathFactory) -> Certs:
    return mint_certs(tmp_path_factory.mktemp("faults-cli"))


@pytest.fixture
def server_for(certs: Certs) -> Iterator[ServerFor]:
    started: list[DemoServer] = []

    def start(fault: Fault) -> DemoServer:
        server = start_server(fault, certs)
        started.append(server)
        return server

    yield start
    for server in started:
        server.stop()


def command(fault: Fault, op: str, server: DemoServer, certs: Certs) -> tuple[list[str], str]:
    """The ``msauth`` arguments and standard input for ``op`` against ``server``."""
    common = ["--server", server.url, "--timeout", f"{fault.timeout:g}", "--format", "json"]
    if fault.https:
        common += ["--ca-bundle", certs.ca.ca_file]
    if op == REFRESH:
        issued = server.tokens.issue("admin", server.clock(), server.config)
        assert issued.refresh_token is not None
        return ["refresh", *common, "--refresh-token-stdin"], issued.refresh_token + "\n"
    method = "basic" if op == PROBE else "oauth"
    return ["token", *common, "--login", "admin", "--method", method, "--password-stdin"], "admin\n"


@pytest.mark.parametrize(("fault", "op"), cases())
def test_each_fault_gives_its_exit_code_and_a_short_clear_message(
    server_for: ServerFor, certs: Certs, fault: Fault, op: str
) -> None:
    server = server_for(fault)
    url = server.url
    argv, stdin = command(fault, op, server, certs)
    fault.arm(server, op, certs)

    code, out, err = run_msauth(argv, stdin)

    assert code == fault.exit_code, err
    lines = err.strip().splitlines()
    assert 1 <= len(lines) <= 2, err
    assert all(line.startswith("msauth: ") for line in lines), err
    for part in fault.expected(url):
        assert part in err
    assert not any(mark in err for mark in TRACEBACK_MARKS)
    assert "unexpected" not in err.lower()  # a known fault is never the last-resort message
    if op == REFRESH:
        assert stdin.strip() not in err
    if code == 0:  # survived with a warning: the token is printed, its expiry is unknown
        assert lines[0].startswith("msauth: warning: ")
        data = json.loads(out)
        assert data["access_token"] and data["expires_in"] is None and data["expires_at"] is None
    else:
        assert out == ""


def test_every_fault_is_in_the_matrix_for_each_operation_it_applies_to() -> None:
    ids = {param.id for param in cases()}
    assert len(ids) == len(cases())  # no case twice
    assert len(FAULTS) >= 18
    for fault in FAULTS:
        assert f"sign_in-{fault.id}" in ids and f"refresh-{fault.id}" in ids


def test_a_real_process_answers_a_10_mb_body_with_one_line(
    server_for: ServerFor, certs: Certs
) -> None:
    fault = next(f for f in FAULTS if f.id == "10mb")
    server = server_for(fault)
    argv, stdin = command(fault, "sign_in", server, certs)
    fault.arm(server, "sign_in", certs)
    env = {k: v for k, v in os.environ.items() if k != "MSAUTH_PASSWORD"}
    done = subprocess.run(
        [sys.executable, "-m", "msauth_gui.cli", *argv],
        input=stdin,
        capture_output=True,
        text=True,
        encoding="utf-8",
        timeout=60,
        env=env,
    )
    assert done.returncode == 5
    assert done.stdout == ""
    assert done.stderr.count("\n") == 1 and "too large" in done.stderr
    assert "Traceback" not in done.stderr
