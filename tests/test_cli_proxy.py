"""``msauth proxy`` and ``msauth exec`` as real processes against the demo server."""

from __future__ import annotations

import json
import os
import re
import signal
import socket
import subprocess
import sys
import textwrap
from collections.abc import Iterator
from pathlib import Path

import pytest
import requests

from msauth_gui.devserver import DemoServer

from .cli_run import run_msauth
from .proxy_helpers import LOGIN, PASSWORD

pytestmark = pytest.mark.skipif(sys.platform == "win32", reason="signals and /proc")


@pytest.fixture
def server(demo: DemoServer) -> DemoServer:
    demo.config.users[LOGIN] = PASSWORD
    return demo


def msauth(
    *argv: str, env: dict[str, str] | None = None, sigint_ignored: bool = False
) -> subprocess.Popen[str]:
    clean = {k: v for k, v in os.environ.items() if not k.startswith("MSAUTH_")}
    ignore = (lambda: signal.signal(signal.SIGINT, signal.SIG_IGN)) if sigint_ignored else None
    return subprocess.Popen(
        [sys.executable, "-m", "msauth_gui.cli", *argv],
        preexec_fn=ignore,
        stdin=subprocess.PIPE,
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
        encoding="utf-8",
        env={**clean, "MSAUTH_LANG": "en", **(env or {})},
    )


@pytest.fixture
def proxy_process(server: DemoServer) -> Iterator[tuple[subprocess.Popen[str], str]]:
    proc = msauth(
        "proxy", "--server", server.api_url, "--login", LOGIN, "--password-stdin", "--port", "0"
    )
    assert proc.stdin is not None and proc.stdout is not None
    proc.stdin.write(PASSWORD + "\n")
    proc.stdin.flush()
    url = proc.stdout.readline()
    yield proc, url
    if proc.poll() is None:
        proc.kill()
    proc.wait(10)


@pytest.mark.parametrize("stop", [signal.SIGINT, signal.SIGTERM])
def test_msauth_proxy_prints_its_url_serves_and_stops_cleanly(
    proxy_process: tuple[subprocess.Popen[str], str], server: DemoServer, stop: int
) -> None:
    proc, first_line = proxy_process
    assert re.fullmatch(r"http://127\.0\.0\.1:\d+\n", first_line), first_line
    url = first_line.strip()
    answer = requests.get(url + "/api/v1/DocTypes?$top=1", timeout=10)
    assert answer.status_code == 200 and answer.json()["value"]
    argv = Path(f"/proc/{proc.pid}/cmdline").read_bytes()
    assert PASSWORD.encode() not in argv
    proc.send_signal(stop)
    out, err = proc.communicate(timeout=20)
    assert proc.returncode == 0, err
    assert out == ""  # nothing after the URL
    assert "msauth: GET /api/v1/DocTypes?$top=1 200 " in err
    assert "proxy stopped" in err and "Traceback" not in err
    assert PASSWORD not in err


def test_msauth_proxy_started_in_the_background_still_stops_on_sigint(server: DemoServer) -> None:
    """A shell starts "msauth proxy &" with SIGINT ignored; kill -INT then did nothing."""
    proc = msauth(
        "proxy", "--server", server.url, "--login", LOGIN, "--port", "0",
        env={"MSAUTH_PASSWORD": PASSWORD}, sigint_ignored=True,
    )  # fmt: skip
    assert proc.stdout is not None
    assert proc.stdout.readline().startswith("http://127.0.0.1:")
    proc.send_signal(signal.SIGINT)
    try:
        _out, err = proc.communicate(timeout=20)
    finally:
        proc.kill()
    assert proc.returncode == 0 and "proxy stopped" in err


def test_msauth_proxy_says_when_the_port_is_taken(server: DemoServer) -> None:
    with socket.socket() as taken:
        taken.bind(("127.0.0.1", 0))
        taken.listen()
        port = str(taken.getsockname()[1])
        code, out, err = run_msauth(
            ["proxy", "--server", server.url, "--login", LOGIN, "--password-stdin", "--port", port],
            PASSWORD + "\n",
        )
    assert code == 2 and out == ""
    assert f"cannot listen on 127.0.0.1 port {port}" in err and "--port" in err


def test_msauth_proxy_warns_when_it_listens_beyond_this_computer(server: DemoServer) -> None:
    proc = msauth(
        "proxy", "--server", server.url, "--login", LOGIN, "--port", "0", "--address", "0.0.0.0",
        env={"MSAUTH_PASSWORD": PASSWORD},
    )  # fmt: skip
    assert proc.stdout is not None and proc.stderr is not None
    url = proc.stdout.readline().strip()
    assert re.fullmatch(r"http://127\.0\.0\.1:\d+", url)
    proc.send_signal(signal.SIGTERM)
    _out, err = proc.communicate(timeout=20)
    assert proc.returncode == 0
    assert "listening on 0.0.0.0" in err and f"acts as {LOGIN}" in err


def test_a_password_on_the_command_line_is_refused(server: DemoServer) -> None:
    code, _out, err = run_msauth(
        ["proxy", "--server", server.url, "--login", LOGIN, "--password", PASSWORD]
    )
    assert code == 2 and PASSWORD not in err


CHILD = textwrap.dedent(
    """
    import json, os, sys, urllib.request
    request = urllib.request.Request(
        os.environ["MSAUTH_API_BASE"] + "/DocTypes",
        headers={"Authorization": os.environ["MSAUTH_AUTHORIZATION"]},
    )
    with urllib.request.urlopen(request) as answer:
        status = answer.status
    with open("/proc/self/cmdline", "rb") as argv:
        on_argv = os.environ["MSAUTH_ACCESS_TOKEN"].encode() in argv.read()
    print(json.dumps({
        "status": status,
        "token": os.environ["MSAUTH_ACCESS_TOKEN"],
        "header": os.environ["MSAUTH_AUTHORIZATION"],
        "base": os.environ["MSAUTH_API_BASE"],
        "password_in_env": "MSAUTH_PASSWORD" in os.environ,
        "on_argv": on_argv,
        "stdin": sys.stdin.read(),
    }))
    sys.stderr.write("child stderr\\n")
    sys.exit(7)
    """
)


def test_msauth_exec_runs_the_command_with_the_token_in_its_environment(
    server: DemoServer,
) -> None:
    proc = msauth(
        "exec", "--server", server.url, "--login", LOGIN, "--password-stdin", "--",
        sys.executable, "-c", CHILD,
    )  # fmt: skip
    out, err = proc.communicate(PASSWORD + "\nfor the command\n", timeout=60)
    assert proc.returncode == 7, err
    seen = json.loads(out)
    assert seen["status"] == 200
    assert seen["header"] == "Bearer " + seen["token"]
    assert seen["base"] == server.api_url
    assert seen["stdin"] == "for the command\n"  # the password's line only was taken
    assert not seen["on_argv"] and not seen["password_in_env"]
    assert err == "child stderr\n"


def test_msauth_exec_keeps_the_password_variable_from_the_command(server: DemoServer) -> None:
    proc = msauth(
        "exec", "--server", server.url, "--login", LOGIN, "--", sys.executable, "-c", CHILD,
        env={"MSAUTH_PASSWORD": PASSWORD},
    )  # fmt: skip
    out, err = proc.communicate("", timeout=60)
    assert proc.returncode == 7, err
    assert json.loads(out)["password_in_env"] is False


@pytest.mark.parametrize(
    ("command", "code", "says"),
    [([], 2, "after --"), (["no-such-command-here"], 127, "cannot run no-such-command-here")],
)
def test_msauth_exec_explains_a_missing_command(
    server: DemoServer, command: list[str], code: int, says: str
) -> None:
    got, _out, err = run_msauth(
        ["exec", "--server", server.url, "--login", LOGIN, "--password-stdin", "--", *command],
        PASSWORD + "\n",
    )
    assert got == code and says in err
