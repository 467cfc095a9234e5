"""The demo server itself: its command line, its token shapes, HTTPS and a prompt stop()."""

from __future__ import annotations

import base64
import json
import os
import queue
import re
import signal
import socket
import subprocess
import sys
import threading
from collections.abc import Iterator
from pathlib import Path

import json5
import pytest
import requests
import trustme

from msauth_gui.devserver import DemoConfig, DemoServer, is_loopback
from msauth_gui.devserver.__main__ import build_parser, config_from_args, main

ROOT = Path(__file__).resolve().parent.parent
FORM = {"client_id": "123", "client_secret": "user"}
VENDOR_SHAPE = re.compile(
    r'\{\n  Access_token:"[\w\-]+",\n  Token_type:"bearer",\n  Expires_in:86400,\n'
    r'  Refresh_token:"[\w\-]+",\n\}'
)


@pytest.fixture
def http() -> Iterator[requests.Session]:
    with requests.Session() as session:
        session.trust_env = False  # no proxies, no CA bundle from the environment
        yield session


@pytest.fixture
def server() -> Iterator[DemoServer]:
    with DemoServer() as srv:
        yield srv


def password_grant(
    http: requests.Session, url: str, login: str, password: str, **kwargs: object
) -> requests.Response:
    form = {**FORM, "grant_type": "password", "username": login, "password": password}
    return http.post(url + "/oauth/token", data=form, timeout=5, **kwargs)


def refresh_grant(http: requests.Session, server: DemoServer, token: str) -> requests.Response:
    form = {**FORM, "grant_type": "refresh_token", "refresh_token": token}
    return http.post(server.token_url, data=form, timeout=5)


# -- command line --------------------------------------------------------------------------
def _lines(proc: subprocess.Popen[str]) -> queue.Queue[str]:
    """Stdout lines through a queue, so waiting for one has a timeout instead of a sleep."""
    lines: queue.Queue[str] = queue.Queue()

    def pump() -> None:
        assert proc.stdout is not None
        for line in proc.stdout:
            lines.put(line.rstrip("\n"))
        lines.put("")

    threading.Thread(target=pump, daemon=True).start()
    return lines


#: ``python -m msauth_gui.devserver`` as started from a terminal, where Ctrl+C interrupts it. A
#: test run started in the background by a non-interactive shell (``pytest &``, some CI runners)
#: has SIGINT ignored, and a Python started with it ignored never raises KeyboardInterrupt.
AS_IN_A_TERMINAL = (
    "import runpy, signal; signal.signal(signal.SIGINT, signal.default_int_handler); "
    "runpy.run_module('msauth_gui.devserver', run_name='__main__', alter_sys=True)"
)


def test_cli_prints_url_and_accounts_and_serves_a_sign_in(http: requests.Session) -> None:
    env = {
        **os.environ,
        "PYTHONIOENCODING": "utf-8",
        "PYTHONPATH": os.pathsep.join([str(ROOT), os.environ.get("PYTHONPATH", "")]),
    }
    proc = subprocess.Popen(
        [sys.executable, "-c", AS_IN_A_TERMINAL, "--port", "0", "--user", "a:b"],
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
        encoding="utf-8",
        env=env,
    )
    try:
        lines = _lines(proc)
        first = lines.get(timeout=20)
        assert first.startswith("Mobile SMARTS demo server at http://127.0.0.1:"), first
        url = first.split()[5]
        banner = [lines.get(timeout=5) for _ in range(4)]
        assert "Accounts: a / b" in banner and "Client id / secret: 123 / user" in banner
        assert banner[-1] == "Press Ctrl+C to stop."
        assert password_grant(http, url, "a", "b").status_code == 200
        refused = password_grant(http, url, "admin", "admin")  # --user replaced the demo ones
        assert refused.status_code == 400 and refused.json()["error"] == "invalid_grant"
    finally:
        proc.send_signal(signal.SIGINT if os.name == "posix" else signal.SIGTERM)
        _, err = proc.communicate(timeout=10)
    if os.name == "posix":
        assert proc.returncode == 0 and "Traceback" not in err, err


@pytest.mark.parametrize(
    ("argv", "says"),
    [
        (["--style", "xml"], "invalid choice"),
        (["--user", "no-colon"], "LOGIN:PASSWORD"),
        (["--port", "many"], "invalid int"),
        (["--fault", "gremlins"], "invalid choice"),
        (["--access-lifetime", "0"], "more than 0"),
        (["--key", "k.pem"], "--key needs --cert"),
    ],
)
def test_cli_bad_arguments_exit_2(capsys: pytest.CaptureFixture[str], argv, says) -> None:
    assert main(argv) == 2
    assert says in capsys.readouterr().err


def test_cli_options_make_the_config() -> None:
    args = build_parser().parse_args(
        [
            "--user",
            "a:b:c",
            "--user",
            "оператор:p@ss wörd",
            "--prefix",
            "MobileSMARTS/",
            "--style",
            "camelCase",
            "--no-rotate",
            "--jwt",
            "--auth-off",
            "--access-lifetime",
            "0.5",
            "--refresh-lifetime",
            "60",
            "--date-skew",
            "-30",
            "--fault",
            "delay",
            "--delay",
            "2",
            "--client-id",
            "x",
            "--client-secret",
            "y",
        ]
    )
    config = config_from_args(args)
    assert config.users == {"a": "b:c", "оператор": "p@ss wörd"}
    assert config.prefix == "/MobileSMARTS" and config.token_style == "camelCase"
    assert not config.rotate_refresh and config.jwt and not config.auth_enabled
    assert (config.access_lifetime, config.refresh_lifetime) == (0.5, 60)
    assert (config.date_skew, config.fault, config.delay) == (-30, "delay", 2)
    assert (config.client_id, config.client_secret) == ("x", "y")
    defaults = config_from_args(build_parser().parse_args([]))
    assert defaults == DemoConfig()
    assert build_parser().parse_args([]).host == "127.0.0.1"


# -- binding and logging -------------------------------------------------------------------
def test_binds_to_loopback_by_default(server: DemoServer) -> None:
    assert server.address[0] == "127.0.0.1"
    assert server.url == f"http://127.0.0.1:{server.address[1]}"
    assert server.api_url == server.url + "/api/v1"
    assert is_loopback("127.0.0.1") and is_loopback("localhost") and is_loopback("::1")
    assert not is_loopback("0.0.0.0") and not is_loopback("192.168.1.10")


def test_verbose_log_names_path_and_status_but_never_the_query(
    http: requests.Session, capsys: pytest.CaptureFixture[str]
) -> None:
    with DemoServer(verbose=True) as server:
        answer = http.get(
            server.api_url + "/session",
            params={"username": "admin", "password": "s3cret-pw"},
            timeout=5,
        )
        assert answer.status_code == 401
    err = capsys.readouterr().err
    assert "GET /api/v1/session 401" in err
    assert "s3cret" not in err and "username" not in err


def test_verbose_log_shows_a_path_s_escape_sequences_as_text(
    capsys: pytest.CaptureFixture[str],
) -> None:
    """A client's path reached the terminal raw: ESC ]0; retitled it, ESC [2J cleared it."""
    with (
        DemoServer(verbose=True) as server,
        socket.create_connection(("127.0.0.1", server.port), timeout=5) as sock,
    ):
        sock.sendall(b"GET /x\x1b]0;owned\x07 HTTP/1.1\r\nHost: h\r\nConnection: close\r\n\r\n")
        while sock.recv(65536):
            pass
    err = capsys.readouterr().err
    assert "GET /x\\x1b]0;owned\\x07 " in err and "\x1b" not in err


def test_quiet_by_default(
    http: requests.Session, server: DemoServer, capsys: pytest.CaptureFixture[str]
) -> None:
    http.get(server.api_url + "/session?username=admin&password=admin", timeout=5)
    http.get(server.url + "/nowhere", timeout=5)
    assert capsys.readouterr().err == ""


# -- tokens --------------------------------------------------------------------------------
def test_documentation_style_is_the_vendor_shape_and_not_json(
    http: requests.Session, server: DemoServer
) -> None:
    for answer in (
        password_grant(http, server.url, "operator", "p@ss wörd"),
        http.get(server.api_url + "/session?login=admin&password=admin", timeout=5),
    ):
        assert answer.status_code == 200
        assert answer.headers["Content-Type"] == "application/json; charset=utf-8"
        assert VENDOR_SHAPE.fullmatch(answer.text), answer.text
        with pytest.raises(ValueError):
            json.loads(answer.text)
        assert json5.loads(answer.text)["Token_type"] == "bearer"


@pytest.mark.parametrize(
    ("style", "keys"),
    [
        ("rfc6749", ["access_token", "token_type", "expires_in", "refresh_token"]),
        ("camelCase", ["accessToken", "tokenType", "expiresIn", "refreshToken"]),
    ],
)
def test_json_styles_and_fractional_lifetime(http: requests.Session, style, keys) -> None:
    with DemoServer(DemoConfig(token_style=style, access_lifetime=0.5)) as server:
        data = password_grant(http, server.url, "admin", "admin").json()
    assert list(data) == keys and data[keys[2]] == 0.5


def test_rotation_kills_the_old_refresh_token(http: requests.Session, server: DemoServer) -> None:
    first = json5.loads(password_grant(http, server.url, "admin", "admin").text)
    second = json5.loads(refresh_grant(http, server, first["Refresh_token"]).text)
    assert second["Refresh_token"] != first["Refresh_token"]
    dead = refresh_grant(http, server, first["Refresh_token"])
    assert dead.status_code == 400 and dead.json()["error"] == "invalid_grant"
    assert refresh_grant(http, server, second["Refresh_token"]).status_code == 200
    assert (server.counts["token"], server.counts["refresh"]) == (1, 3)


def test_expiry_follows_the_injected_clock(http: requests.Session) -> None:
    now = [1_000_000.0]
    with DemoServer(
        DemoConfig(access_lifetime=60, date_skew=-7200), clock=lambda: now[0]
    ) as server:
        answer = password_grant(http, server.url, "admin", "admin")
        assert answer.headers["Date"] == "Mon, 12 Jan 1970 11:46:40 GMT"  # 1e6 s - 2 h
        bearer = {"Authorization": "Bearer " + json5.loads(answer.text)["Access_token"]}
        assert http.get(server.api_url + "/DocTypes", headers=bearer, timeout=5).ok
        now[0] += 61
        late = http.get(server.api_url + "/DocTypes", headers=bearer, timeout=5)
        assert late.status_code == 401 and "invalid_token" in late.headers["WWW-Authenticate"]


def test_protected_endpoint_takes_basic_in_both_spellings(
    http: requests.Session, server: DemoServer
) -> None:
    url = server.api_url + "/DocTypes?$top=1"
    encoded = base64.b64encode("operator:p@ss wörd".encode()).decode()
    assert http.get(url, headers={"Authorization": "Basic " + encoded}, timeout=5).ok
    assert http.get(url, headers={"Authorization": "Basic admin:admin"}, timeout=5).ok
    anonymous = http.get(url, timeout=5)
    assert anonymous.status_code == 401
    assert anonymous.headers["WWW-Authenticate"].startswith('Bearer realm="MobileSMARTS"')
    forbidden = http.get(url, auth=("norights", "norights"), timeout=5)
    assert forbidden.status_code == 403 and "Внешнее подключение" in forbidden.text
    assert http.get(server.url + "/MobileSMARTS/api/v1/DocTypes", timeout=5).status_code == 404


def test_fault_hits_only_the_chosen_kinds(http: requests.Session, server: DemoServer) -> None:
    server.config.fault, server.config.fault_on = "reset", frozenset({"token"})
    with pytest.raises(requests.ConnectionError):
        password_grant(http, server.url, "admin", "admin")
    assert http.get(server.api_url + "/BaseInfo", timeout=5).json()["appName"]
    server.config.fault = None
    assert password_grant(http, server.url, "admin", "admin").ok


# -- HTTPS and stopping --------------------------------------------------------------------
def test_https_survives_a_plain_http_client(http: requests.Session, tmp_path: Path) -> None:
    ca = trustme.CA()
    pem, ca_file = str(tmp_path / "server.pem"), str(tmp_path / "ca.pem")
    ca.issue_cert("127.0.0.1", "localhost").private_key_and_cert_chain_pem.write_to_path(pem)
    ca.cert_pem.write_to_path(ca_file)
    with DemoServer(certfile=pem, keyfile=pem) as server:
        assert server.url.startswith("https://127.0.0.1:")
        assert password_grant(http, server.url, "admin", "admin", verify=ca_file).ok
        with pytest.raises(requests.ConnectionError):
            http.get(server.url.replace("https:", "http:") + "/api/v1/BaseInfo", timeout=5)
        with pytest.raises(requests.exceptions.SSLError):  # an untrusting client hangs up
            http.get(server.api_url + "/BaseInfo", timeout=5)
        assert http.get(server.api_url + "/BaseInfo", verify=ca_file, timeout=5).ok


def test_stop_releases_a_hanging_request(http: requests.Session) -> None:
    server = DemoServer(DemoConfig(fault="hang")).start()
    outcome: list[object] = []

    def sign_in() -> None:
        try:
            outcome.append(password_grant(http, server.url, "admin", "admin"))
        except requests.RequestException as exc:
            outcome.append(exc)

    caller = threading.Thread(target=sign_in, daemon=True)
    caller.start()
    hung = threading.Event()
    while not server.counts["token"] and caller.is_alive():
        hung.wait(0.01)  # until the request has arrived
    server.stop()
    caller.join(timeout=10)
    assert not caller.is_alive()
    assert isinstance(outcome[0], requests.ConnectionError)
