"""``msauth`` as scripts use it: real processes against the demo server."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from collections.abc import Iterator
from pathlib import Path

import pytest
import requests

from msauth_gui.devserver import DemoConfig, DemoServer

from .cli_run import run_msauth
from .tls import Minted, mint

ROOT = Path(__file__).resolve().parent.parent


@pytest.fixture
def server() -> Iterator[DemoServer]:
    with DemoServer(DemoConfig(access_lifetime=3600)) as srv:
        yield srv


def msauth(*argv: str, stdin: str = "", env: dict[str, str] | None = None) -> tuple[int, str, str]:
    return run_msauth(argv, stdin, env)


@pytest.fixture(scope="module")
def demo_process() -> Iterator[str]:
    proc = subprocess.Popen(
        [sys.executable, "-m", "msauth_gui.devserver", "--port", "0"],
        stdout=subprocess.PIPE,
        text=True,
        encoding="utf-8",
    )
    line = proc.stdout.readline()
    assert line.startswith("Mobile SMARTS demo server at "), line
    yield line.split()[5]
    proc.terminate()
    proc.wait(timeout=10)


@pytest.mark.parametrize("method", ["basic", "session", "oauth"])
def test_msauth_process_prints_a_token_the_server_accepts(demo_process: str, method: str) -> None:
    done = subprocess.run(
        [
            sys.executable,
            "-m",
            "msauth_gui.cli",
            "token",
            "--server",
            demo_process,
            "--login",
            "operator",
            "--method",
            method,
            "--password-stdin",
            "--format",
            "header",
        ],
        input="p@ss wörd\n",
        capture_output=True,
        text=True,
        encoding="utf-8",
        timeout=60,
    )
    assert done.returncode == 0, done.stderr
    name, value = done.stdout.strip().split(": ", 1)
    assert name == "Authorization"
    answer = requests.get(
        demo_process + "/api/v1/DocTypes?$top=1", headers={name: value}, timeout=10
    )
    assert answer.status_code == 200


def test_formats(server: DemoServer) -> None:
    base = ("token", "--server", server.url, "--login", "admin", "--password-stdin")
    code, out, _ = msauth(*base, stdin="admin\n")
    token = out.strip()
    assert code == 0 and len(token) > 10 and " " not in token
    code, out, _ = msauth(*base, "--format", "header", stdin="admin\n")
    assert out.startswith("Authorization: Bearer ")
    code, out, _ = msauth(*base, "--format", "json", stdin="admin\n")
    data = json.loads(out)
    assert set(data) == {
        "access_token",
        "token_type",
        "expires_in",
        "expires_at",
        "refresh_token",
        "token_url",
    }
    assert data["token_url"] == server.url + "/oauth/token"
    assert data["expires_in"] == 3600 and data["expires_at"].endswith("Z")
    code, out, _ = msauth(
        *base[:-1], "--method", "basic", "--format", "header", "--password-stdin", stdin="admin\n"
    )
    assert out.startswith("Authorization: Basic ")


def test_password_from_environment(server: DemoServer) -> None:
    code, out, _ = msauth(
        "token", "--server", server.url, "--login", "admin", env={"MSAUTH_PASSWORD": "admin"}
    )
    assert code == 0 and out.strip()


def test_no_password_source_is_a_usage_error(server: DemoServer) -> None:
    code, out, err = msauth("token", "--server", server.url, "--login", "admin")
    assert code == 2 and "--password-stdin" in err and out == ""


def test_password_is_never_an_argument() -> None:
    code, _, err = msauth("token", "--server", "http://h", "--login", "a", "--password", "s3cret")
    assert code == 2 and "unrecognized arguments: --password" in err
    assert "s3cret" not in err  # a password typed as an argument is not echoed back


def test_refresh_command(server: DemoServer) -> None:
    code, out, _ = msauth(
        "token",
        "--server",
        server.url,
        "--login",
        "admin",
        "--password-stdin",
        "--format",
        "json",
        stdin="admin\n",
    )
    refresh_token = json.loads(out)["refresh_token"]
    code, out, err = msauth(
        "refresh",
        "--server",
        server.url,
        "--refresh-token-stdin",
        "--format",
        "json",
        stdin=refresh_token + "\n",
    )
    assert code == 0, err
    assert json.loads(out)["refresh_token"] != refresh_token
    code, out, err = msauth(
        "refresh", "--server", server.url, "--refresh-token-stdin", stdin=refresh_token + "\n"
    )
    assert code == 3 and "Sign in again" in err and out == ""
    assert refresh_token not in err


@pytest.mark.parametrize(
    ("argv", "stdin", "code", "says"),
    [
        (("--login", "admin"), "wrong\n", 3, "login or password"),
        (("--login", "admin", "--client-secret", "x"), "admin\n", 3, "client id or secret"),
        (("--login", "norights"), "norights\n", 0, ""),
        (("--login", "norights", "--method", "basic"), "norights\n", 5, "Внешнее подключение"),
    ],
)
def test_exit_codes(server: DemoServer, argv, stdin, code, says) -> None:
    got, out, err = msauth("token", "--server", server.url, "--password-stdin", *argv, stdin=stdin)
    assert got == code, err
    assert bool(out) == (code == 0)
    assert says in err
    assert len(err.strip().splitlines()) <= 2
    assert "Traceback" not in err and "wrong" not in err


def test_unreachable_and_bad_url_exit_codes() -> None:
    code, _, err = msauth(
        "token", "--server", "http://127.0.0.1:1", "--login", "a", "--password-stdin", stdin="x\n"
    )
    assert code == 4 and "refused" in err
    code, _, err = msauth(
        "token", "--server", "javascript:alert(1)", "--login", "a", "--password-stdin", stdin="x\n"
    )
    assert code == 2 and "http://" in err


def test_server_errors_exit_5(server: DemoServer) -> None:
    server.config.fault = "html500"
    code, out, err = msauth(
        "token", "--server", server.url, "--login", "admin", "--password-stdin", stdin="admin\n"
    )
    assert code == 5 and "HTTP 500" in err and out == ""


def test_tls_options(tmp_path) -> None:
    certs: Minted = mint(tmp_path)
    with DemoServer(DemoConfig(), certfile=certs.good, keyfile=certs.good) as srv:
        base = ("token", "--server", srv.url, "--login", "admin", "--password-stdin")
        code, _, err = msauth(*base, stdin="admin\n")
        assert code == 4 and "--ca-bundle" in err
        code, out, err = msauth(*base, "--ca-bundle", certs.ca_file, stdin="admin\n")
        assert code == 0 and out.strip() and err == ""
        code, out, err = msauth(*base, "--insecure", stdin="admin\n")
        assert code == 0 and "TLS verification is off" in err
        code, _, err = msauth(*base, "--insecure", "--ca-bundle", certs.ca_file, stdin="admin\n")
        assert code == 2


#: runs msauth in a fresh process, then says on its last line whether Qt was loaded
_QT_LOADED = (
    "import sys\n"
    "from msauth_gui import cli\n"
    "code = cli.main(sys.argv[1:])\n"
    "print('Qt loaded:', 'PySide6' in sys.modules, flush=True)\n"
    "sys.exit(code)\n"
)


def _msauth_process(tmp_path, *argv: str, stdin: str = "") -> subprocess.CompletedProcess[str]:
    """``msauth ARGV`` with no MSAUTH_LANG, and Russian saved in the window's settings."""
    config = tmp_path / "config"
    (config / "msauth-gui").mkdir(parents=True, exist_ok=True)
    (config / "msauth-gui" / "msauth-gui.conf").write_text("[settings]\nlanguage=ru\n")
    env = {k: v for k, v in os.environ.items() if k != "MSAUTH_LANG"}
    env.update(XDG_CONFIG_HOME=str(config), LANG="C.UTF-8", PYTHONPATH=str(ROOT))
    return subprocess.run(
        [sys.executable, "-c", _QT_LOADED, *argv],
        input=stdin, capture_output=True, text=True, encoding="utf-8", env=env, timeout=60,
    )  # fmt: skip


def test_msauth_token_does_not_load_qt_until_it_has_something_to_translate(
    server: DemoServer, tmp_path
) -> None:
    """Qt's core library costs a CLI run ~150 ms: a token translates nothing and never loads
    it; --help and an error message still come in the language saved in the settings (reading
    it loads Qt), and a --help whose language is named needs no Qt."""
    base = ("token", "--server", server.url, "--login", "admin", "--password-stdin")
    done = _msauth_process(tmp_path, *base, stdin="admin\n")
    assert done.returncode == 0, done.stderr
    token, loaded = done.stdout.strip().splitlines()
    assert len(token) > 10 and loaded == "Qt loaded: False"
    done = _msauth_process(tmp_path, "token", "--help")
    assert "--server АДРЕС" in done.stdout and done.stdout.strip().endswith("Qt loaded: True")
    done = _msauth_process(tmp_path, "--lang", "en", "token", "--help")
    assert "--server SERVER" in done.stdout and done.stdout.strip().endswith("Qt loaded: False")
    done = _msauth_process(tmp_path, *base, stdin="wrong\n")
    assert done.returncode == 3
    assert done.stderr.startswith("msauth: Сервер отклонил логин или пароль")
    assert done.stdout.strip() == "Qt loaded: True"
