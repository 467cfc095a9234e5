"""``run_check`` and ``msauth check`` against the demo server in several set-ups, over loopback."""

from __future__ import annotations

import datetime as dt
import ipaddress
import json
import socket
import threading
import time
from pathlib import Path
from typing import Any

import pytest
from cryptography import x509
from cryptography.hazmat.primitives import hashes, serialization
from cryptography.hazmat.primitives.asymmetric import ec
from cryptography.x509.oid import NameOID

from msauth_gui.core.check import ORDER, Budget, CheckReport, CheckRow, run_check
from msauth_gui.core.check import run as check_module
from msauth_gui.core.client import ConnectionSettings
from msauth_gui.core.errors import InvalidInput

from .cli_run import run_msauth
from .tls import Minted

ROLES = "«Внешнее подключение»"
#: every row of a server whose token endpoint answers at the first candidate: the fixed rows,
#: and after OAuth's row the one row of the one candidate its search asked
ROWS = [*ORDER[: ORDER.index("method.oauth") + 1], "method.oauth.1",
        *ORDER[ORDER.index("method.oauth") + 1 :]]  # fmt: skip


def check(server: str, login: str = "admin", password: str = "admin", **settings) -> CheckReport:
    settings.setdefault("timeout", 5.0)
    return run_check(ConnectionSettings(server=server, **settings), login, password)


def statuses(report: CheckReport) -> dict[str, str]:
    return {row.key: row.status for row in report.rows}


def free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


# --- the normal case ---------------------------------------------------------------------------
def test_default_server_every_row_in_order_and_oauth_recommended(make_server) -> None:
    server = make_server()
    seen: list[tuple[str, str]] = []
    report = run_check(
        ConnectionSettings(server=server.url),
        "admin",
        "admin",
        on_row=lambda row: seen.append((row.key, threading.current_thread().name)),
    )
    assert [row.key for row in report.rows] == ROWS
    assert sorted(key for key, _ in seen) == sorted(ROWS)  # each row reported once, live
    assert all(name.startswith("msauth-check") for _, name in seen)  # from worker threads
    got = statuses(report)
    for key in ("tls", "api", "auth_on", "method.basic", "method.session", "method.oauth"):
        assert got[key] == "pass", report.row(key)
    assert got["probe.oauth"] == got["probe.session"] == got["refresh"] == got["clock"] == "pass"
    assert got["method.oauth_connect"] == got["probe.oauth_connect"] == "skip"
    assert report.exit_code == 0 and report.best_method == "oauth"
    assert report.verdict == (
        f"Use OAuth password grant (token URL {server.url}/oauth/token): it gives a token the "
        "server accepts (lifetime 24 h, refresh works)."
    )
    assert "Mobile SMARTS demo" in report.row("baseinfo").happened
    assert "3.3.0.0-demo" in report.row("baseinfo").happened
    assert "lifetime 24 h" in report.row("method.oauth").happened
    assert "Authorization is on" in report.row("auth_on").meaning
    assert "rotated" in report.row("refresh").happened
    assert "no longer works" in report.row("refresh").happened  # rotation: old one is dead
    assert report.duration_ms < 1000


def test_checks_that_do_not_depend_on_each_other_run_concurrently(make_server) -> None:
    delay = 0.2
    server = make_server(
        fault="delay", delay=delay, fault_on=frozenset({"session", "token", "probe"})
    )
    start = time.perf_counter()
    report = check(server.url)
    took = time.perf_counter() - start
    assert report.exit_code == 0
    delayed = sum(server.counts[k] for k in ("session", "token", "probe"))
    assert delayed >= 7
    # one after another, these requests alone would take delayed * delay seconds; side by side
    # the longest chain is three of them (OAuth sign-in, its probe, the probe after refresh)
    assert took < (delayed - 2) * delay, (took, delayed)


def test_a_step_that_crashes_still_gives_its_row(make_server, monkeypatch) -> None:
    def broken(*args: object) -> None:
        raise RuntimeError("boom")

    monkeypatch.setattr(check_module, "check_auth_on", broken)
    report = check(make_server().url)
    assert [row.key for row in report.rows] == ROWS
    assert report.row("auth_on").status == "fail"
    assert "boom" in report.row("auth_on").happened
    assert report.row("probe.oauth").status == "pass" and report.exit_code == 0


def test_invalid_url_is_an_input_error() -> None:
    with pytest.raises(InvalidInput):
        check("javascript:alert(1)")


# --- set-ups -----------------------------------------------------------------------------------
def test_auth_off_says_tokens_are_not_needed(make_server) -> None:
    report = check(make_server(auth_enabled=False).url)
    row = report.row("auth_on")
    assert row.status == "info" and "Tokens are not needed" in row.meaning
    assert report.row("probe.oauth").status == "info"
    assert "says nothing" in report.row("probe.oauth").meaning
    assert report.verdict.startswith("No token needed: authorization is off")
    assert report.exit_code == 0


@pytest.mark.parametrize(
    ("style", "words", "strict"),
    [
        ("documentation", "documentation style", "not strict JSON"),
        ("rfc6749", "RFC 6749 style", "strict JSON"),
        ("camelCase", "camelCase style", "strict JSON"),
    ],
)
def test_token_style_and_strictness_are_reported(make_server, style, words, strict) -> None:
    report = check(make_server(token_style=style).url)
    for key in ("method.oauth", "method.session"):
        happened = report.row(key).happened
        assert words in happened and strict in happened
        assert ("not strict" in happened) == (strict == "not strict JSON")
    assert report.exit_code == 0


def test_api_under_mobilesmarts_is_found_when_typed_without_it(make_server) -> None:
    server = make_server(prefix="/MobileSMARTS")
    report = check(server.url)
    api = report.row("api")
    assert api.status == "warn"
    assert f"{server.url}/MobileSMARTS/api/v1" in api.meaning
    assert api.action == f"Use {server.url}/MobileSMARTS/api/v1 as the server URL."
    assert report.row("method.oauth").status == "pass"  # later steps use the API found
    assert f"{server.url}/MobileSMARTS/oauth/token" in report.row("method.oauth").tried
    assert report.row("probe.oauth").status == "pass"
    assert report.exit_code == 0
    assert f"Use the server URL {server.url}/MobileSMARTS/api/v1." in report.verdict
    typed = check(server.url + "/MobileSMARTS/api/v1")
    assert typed.row("api").status == "pass" and "server URL" not in typed.verdict


def test_a_redirect_at_the_root_still_counts_as_reachable(make_server) -> None:
    server = make_server(fault="redirect", fault_on=frozenset({"other"}))
    report = check(server.url)
    assert report.row("tls").status == "pass" and "redirect" in report.row("tls").happened
    assert report.row("clock").happened == "skipped: the server sent no usable Date header"
    assert report.exit_code == 0


def test_probe_path_where_nothing_answers(make_server) -> None:
    report = check(make_server().url, probe_path="/Nothing")
    assert report.row("auth_on").status == "fail" and "--probe-path" in report.row("auth_on").action
    assert report.row("method.basic").status == "fail"
    assert report.verdict.startswith("Fix first: nothing answers at") and report.exit_code == 5


def test_no_api_anywhere_is_the_first_thing_to_fix(make_server) -> None:
    server = make_server(prefix="/SomeDatabase")
    report = check(server.url)
    assert report.row("api").status == "fail"
    assert "/MobileSMARTS" in report.row("api").action
    assert report.row("method.oauth").status == "skip"
    assert report.row("method.oauth").happened == "skipped: no API found"
    assert report.verdict.startswith("Fix first: no API answers at")
    assert report.exit_code == 5


def test_untrusted_certificate_is_described_and_the_verdict_says_add_the_ca(
    make_server, certs: Minted
) -> None:
    server = make_server(certfile=certs.good)
    report = check(server.url)
    tls = report.row("tls")
    assert tls.status == "fail"
    assert "subject OU=Testing cert" in tls.happened and "issuer OU=Testing CA" in tls.happened
    assert "not self-signed" in tls.happened and "host name matches" in tls.happened
    assert "valid 2000-01-01 to 3000-01-01" in tls.happened
    assert "unknown certificate authority" in tls.meaning
    assert "--ca-bundle" in tls.action
    assert report.verdict.startswith("Fix first: the certificate is not trusted")
    assert "add the company CA (--ca-bundle)" in report.verdict
    assert report.exit_code == 4
    assert report.row("method.oauth").happened == "skipped: the certificate is not trusted"
    assert server.counts["token"] == 0  # the password never went over an untrusted connection

    trusted = check(server.url, ca_bundle=certs.ca_file)
    assert trusted.row("tls").status == "pass" and "TLS" in trusted.row("tls").happened
    assert trusted.exit_code == 0 and trusted.verdict.startswith("Use OAuth password grant")

    insecure = check(server.url, verify_tls=False)
    assert insecure.row("tls").status == "warn" and "--insecure" in insecure.row("tls").meaning
    assert insecure.exit_code == 0


def self_signed(folder: Path) -> str:
    """A certificate for 127.0.0.1 that signs itself (key and certificate in one PEM file)."""
    key = ec.generate_private_key(ec.SECP256R1())
    name = x509.Name([x509.NameAttribute(NameOID.COMMON_NAME, "test server")])
    now = dt.datetime.now(dt.timezone.utc)
    cert = (
        x509.CertificateBuilder()
        .subject_name(name)
        .issuer_name(name)
        .public_key(key.public_key())
        .serial_number(x509.random_serial_number())
        .not_valid_before(now - dt.timedelta(days=1))
        .not_valid_after(now + dt.timedelta(days=365))
        .add_extension(
            x509.SubjectAlternativeName([x509.IPAddress(ipaddress.ip_address("127.0.0.1"))]),
            critical=False,
        )
        .sign(key, hashes.SHA256())
    )
    path = folder / "self.pem"
    path.write_bytes(
        key.private_bytes(
            serialization.Encoding.PEM,
            serialization.PrivateFormat.PKCS8,
            serialization.NoEncryption(),
        )
        + cert.public_bytes(serialization.Encoding.PEM)
    )
    return str(path)


def test_self_signed_certificate_is_named_so(make_server, tmp_path: Path) -> None:
    pem = self_signed(tmp_path)
    server = make_server(certfile=pem)
    tls = check(server.url).row("tls")
    assert tls.status == "fail"
    assert "subject CN=test server; issuer CN=test server" in tls.happened
    assert "; self-signed;" in tls.happened and "host name matches" in tls.happened
    assert "self-signed" in tls.meaning and "--ca-bundle" in tls.action
    assert "save it as a PEM file" in tls.action
    trusted = check(server.url, ca_bundle=pem)  # a self-signed certificate is its own CA
    assert trusted.row("tls").status == "pass" and trusted.exit_code == 0


@pytest.mark.parametrize(
    ("cert", "says"),
    [("expired", "(EXPIRED)"), ("wrong_host", "host name DOES NOT match")],
)
def test_bad_certificates_are_explained(make_server, certs: Minted, cert: str, says: str) -> None:
    server = make_server(certfile=getattr(certs, cert))
    report = check(server.url, ca_bundle=certs.ca_file)
    assert report.row("tls").status == "fail" and says in report.row("tls").happened
    assert report.exit_code == 4


def test_https_url_on_a_plain_http_server(make_server) -> None:
    server = make_server()
    hostport = server.url.removeprefix("http://")
    report = check("https://" + hostport)
    assert report.row("tls").status == "fail"
    assert "plain HTTP" in report.row("tls").meaning
    assert report.verdict == (
        f"Fix first: the server speaks plain HTTP, not HTTPS — use http://{hostport}."
    )
    assert report.exit_code == 4
    # it was reachable: the rows it blocks say why, not "server not reachable"
    assert report.row("api").happened == "skipped: the address needs http:// (first row)"


def test_http_url_on_an_https_server(make_server, certs: Minted) -> None:
    server = make_server(certfile=certs.good)
    hostport = server.url.removeprefix("https://")
    report = check("http://" + hostport)
    assert report.row("tls").status == "fail"
    assert report.row("tls").action == f"Use https://{hostport}"
    assert "speaks HTTPS" in report.verdict and report.exit_code == 4
    assert report.row("api").happened == "skipped: the address needs https:// (first row)"


def test_user_without_rights_gets_the_roles_named(make_server) -> None:
    report = check(make_server().url, "norights", "norights")
    for key in ("method.basic", "probe.session", "probe.oauth"):
        row = report.row(key)
        assert row.status == "fail" and ROLES in row.action and "Администратор" in row.action
    assert report.row("method.oauth").status == "pass"  # signing in works; data does not
    assert report.exit_code == 5
    assert (
        report.verdict.startswith("Fix first: the user has no rights") and ROLES in report.verdict
    )


@pytest.mark.parametrize(
    "config", [{"rotate_refresh": False}, {"refresh_returns_refresh_token": False}]
)
def test_refresh_without_rotation(make_server, config) -> None:
    report = check(make_server(**config).url)
    row = report.row("refresh")
    assert row.status == "pass"
    assert "the refresh token is not rotated" in row.happened
    assert "the old refresh token still works" in row.happened
    assert "the probe accepts the new access token" in row.happened


def test_refresh_is_skipped_without_a_refresh_token(make_server) -> None:
    server = make_server()
    server.config.fault = "noaccess"  # token answers without an access token: no token at all
    server.config.fault_on = frozenset({"token", "session"})
    report = check(server.url)
    assert report.row("refresh").happened == "skipped: no token to refresh"
    assert report.row("probe.oauth").happened.startswith("skipped: no token")
    assert report.best_method == "basic" and report.verdict.startswith("Use Basic:")


@pytest.mark.parametrize(("skew", "side"), [(300, "ahead of"), (-300, "behind")])
def test_skewed_server_clock_is_flagged(make_server, skew: float, side: str) -> None:
    report = check(make_server(date_skew=skew).url)
    row = report.row("clock")
    assert row.status == "warn" and side in row.meaning and "expiry" in row.meaning
    assert "5 min" in row.meaning
    assert "Note: the server's clock is 5 min" in report.verdict
    assert report.exit_code == 0


def test_html500_on_token_fails_oauth_only(make_server) -> None:
    report = check(make_server(fault="html500", fault_on=frozenset({"token"})).url)
    oauth = report.row("method.oauth")
    assert oauth.status == "fail" and "HTTP 500" in oauth.happened
    assert report.row("probe.oauth").status == "skip"
    assert report.row("method.basic").status == "pass"
    assert report.row("probe.session").status == "pass"
    assert report.exit_code == 0 and report.best_method == "session"
    assert report.verdict.startswith("Use Session (GET): it gives a token")


def test_token_url_where_nothing_answers_is_a_warning_with_the_option_to_fix_it(make_server):
    report = check(make_server().url, token_url="/nowhere/token")
    row = report.row("method.oauth")
    assert row.status == "warn" and "HTTP 404" in row.meaning and "--token-url" in row.action
    assert report.exit_code == 0 and report.best_method == "session"


def test_hanging_server_times_out_and_does_not_hang_the_check(make_server) -> None:
    server = make_server(fault="hang")
    start = time.perf_counter()
    report = check(server.url, timeout=0.3)
    assert time.perf_counter() - start < 5
    for key in ("auth_on", "method.basic", "method.session", "method.oauth"):
        row = report.row(key)
        assert row.status == "fail" and "0.3 s" in row.happened + row.meaning, row
    assert report.row("probe.oauth").status == "skip"
    assert report.exit_code == 4
    assert "does not answer within 0.3 s" in report.verdict


class SilentResolver:
    """A name server that does not answer: each lookup waits until the test lets it go."""

    def __init__(self) -> None:
        self.asked = threading.Event()
        self.released = threading.Event()

    def __call__(self, *args: object) -> list[tuple[object, ...]]:
        self.asked.set()
        self.released.wait(30)
        raise socket.gaierror(socket.EAI_AGAIN, "Temporary failure in name resolution")


def test_a_name_server_that_never_answers_fails_the_first_row_within_the_timeout() -> None:
    """``getaddrinfo`` cannot be interrupted: the check stops waiting for it at its timeout
    (on a broken VPN a resolver takes 5 s per try and server) and says so."""
    resolver = SilentResolver()
    settings = ConnectionSettings(server="http://intranet.example:9000", timeout=0.5)
    try:
        report = run_check(settings, "admin", "admin", budget=Budget(0.5, resolver=resolver))
        still_asking = not resolver.released.is_set()
    finally:
        resolver.released.set()
    assert resolver.asked.is_set() and still_asking  # it returned while the lookup hung
    row = report.row("tls")
    assert row.status == "fail", row
    assert "the name lookup (DNS) did not answer in time" in row.happened, row
    assert report.exit_code == 4


def test_a_slow_name_server_is_asked_once_and_its_answer_used(make_server) -> None:
    """A resolver that takes 0.6 s of a 1 s timeout: asked twice, the check ran out of time."""
    server = make_server()
    asked: list[str] = []

    def slow(host: str, *args: Any) -> list[tuple[Any, ...]]:
        asked.append(host)
        threading.Event().wait(0.6)  # the name server's own delay
        return socket.getaddrinfo(host, *args)

    settings = ConnectionSettings(server=server.url, timeout=1.0)
    report = run_check(settings, "admin", "admin", budget=Budget(10, resolver=slow))
    assert asked == ["127.0.0.1"]
    assert report.row("tls").status == "pass", report.row("tls")


def test_stopping_a_check_ends_its_wait_for_the_name_server() -> None:
    resolver = SilentResolver()
    budget = Budget(60, resolver=resolver)
    settings = ConnectionSettings(server="http://intranet.example:9000", timeout=60)
    done = threading.Event()
    worker = threading.Thread(
        target=lambda: (run_check(settings, "admin", "admin", budget=budget), done.set()),
        daemon=True,
    )
    worker.start()
    try:
        assert resolver.asked.wait(10)
        budget.cancel()  # the dialog closed, the window quit
        worker.join(10)
        ended_before_the_resolver = done.is_set() and not resolver.released.is_set()
    finally:
        resolver.released.set()
    assert ended_before_the_resolver


def test_openid_discovery_leads_to_connect_token(make_server) -> None:
    server = make_server(openid=True)
    report = check(server.url)
    row = report.row("method.oauth_connect")
    assert row.status == "pass" and f"{server.url}/connect/token" in row.tried
    assert "/.well-known/openid-configuration" in row.tried
    assert report.row("probe.oauth_connect").status == "pass"
    assert server.counts["token"] >= 2  # /oauth/token and /connect/token


def test_wrong_password_exits_3(make_server) -> None:
    report = check(make_server().url, "admin", "wrong password")
    for key in ("method.basic", "method.session", "method.oauth"):
        assert report.row(key).status == "fail"
    assert report.exit_code == 3
    assert report.verdict.startswith("Fix first: the login or password is rejected")


def test_unreachable_port_exits_4() -> None:
    report = check(f"http://127.0.0.1:{free_port()}")
    assert report.row("tls").status == "fail" and "refused" in report.row("tls").happened
    skipped = [row for row in report.rows if row.key != "tls"]
    assert all(row.status == "skip" for row in skipped)
    assert report.row("refresh").happened == "skipped: no token to refresh"
    assert report.row("api").happened == "skipped: server not reachable"
    assert report.exit_code == 4 and report.best_method is None
    assert "refused" in report.verdict


# --- output and secrets ------------------------------------------------------------------------
def test_secrets_never_appear_in_any_rendering(make_server) -> None:
    password, secret = "Tr0ub4dor&3-pässword", "client-s3cret-42"
    server = make_server(users={"operator": password}, client_secret=secret)
    report = check(server.url, "operator", password, client_secret=secret)
    assert report.exit_code == 0
    issued = list(server.tokens._access) + list(server.tokens._refresh)  # what the server gave
    assert len(issued) >= 4
    outputs = [report.to_markdown(), report.to_text(), report.to_json(), repr(report)]
    for text in outputs:
        for value in (password, secret, *issued):
            assert value not in text
    assert "password=***" in report.row("method.session").tried  # redacted, not dropped


def test_markdown_and_json(make_server) -> None:
    report = check(make_server().url)
    markdown = report.to_markdown()
    lines = markdown.splitlines()
    assert lines[0].startswith("## Server check: http://127.0.0.1:")
    escaped = report.verdict.replace("(", "\\(").replace(")", "\\)")  # Markdown reads no link
    assert f"**Verdict:** {escaped}" in markdown
    assert sum(line.startswith("| ") for line in lines) == 1 + len(ROWS)
    assert "| ✅ pass | OAuth password grant |" in markdown
    data = json.loads(report.to_json())
    assert data["exit_code"] == 0 and data["best_method"] == "oauth"
    assert [row["key"] for row in data["rows"]] == ROWS
    assert set(data["rows"][0]) == set(CheckRow.__dataclass_fields__)


def test_rows_redact_and_reject_unknown_status() -> None:
    row = CheckRow("x", "t", "pass", "GET http://h/s?password=abc")
    assert row.tried == "GET http://h/s?password=***"
    with pytest.raises(ValueError):
        CheckRow("x", "t", "ok")


# --- msauth check ------------------------------------------------------------------------------
def msauth(*argv: str, stdin: str = "", env: dict[str, str] | None = None) -> tuple[int, str, str]:
    return run_msauth(argv, stdin, env)


def test_cli_check_prints_the_table(make_server) -> None:
    server = make_server()
    code, out, err = msauth(
        "check", "--server", server.url, "--login", "admin", "--password-stdin", stdin="admin\n"
    )
    assert code == 0, err
    assert "Verdict: Use OAuth password grant" in out
    assert out.splitlines()[4].split() == ["STATUS", "CHECK", "RESULT"]
    assert any(line.startswith("PASS    OAuth password grant") for line in out.splitlines())


def test_cli_check_json_and_exit_codes(make_server, certs: Minted) -> None:
    server = make_server()
    base = ("check", "--server", server.url, "--login", "admin", "--password-stdin", "--json")
    code, out, _ = msauth(*base, stdin="admin\n")
    assert code == 0 and json.loads(out)["best_method"] == "oauth"
    code, out, _ = msauth(*base, stdin="nope\n")
    assert code == 3 and json.loads(out)["exit_code"] == 3
    code, out, _ = msauth(
        "check", "--server", server.url, "--login", "admin", env={"MSAUTH_PASSWORD": "admin"}
    )
    assert code == 0
    code, out, _ = msauth(
        "check", "--server", f"http://127.0.0.1:{free_port()}", "--login", "a", "--password-stdin",
        stdin="x\n",
    )  # fmt: skip
    assert code == 4 and "refused" in out


def test_cli_check_tls_options_and_probe_path(make_server, certs: Minted) -> None:
    server = make_server(certfile=certs.good)
    base = ("check", "--server", server.url, "--login", "admin", "--password-stdin")
    code, out, _ = msauth(*base, stdin="admin\n")
    assert code == 4 and "--ca-bundle" in out
    code, out, _ = msauth(*base, "--ca-bundle", certs.ca_file, "--json", stdin="admin\n")
    assert code == 0 and json.loads(out)["rows"][0]["status"] == "pass"
    code, out, err = msauth(*base, "--insecure", stdin="admin\n")
    assert code == 0 and "TLS verification is off" in err
    code, out, _ = msauth(
        *base, "--insecure", "--probe-path", "/Nothing", "--timeout", "2", stdin="admin\n"
    )
    assert code == 5 and "--probe-path" in out


def test_cli_check_usage_errors() -> None:
    code, out, err = msauth("check", "--server", "http://h", "--login", "a")
    assert code == 2 and "--password-stdin" in err and out == ""
    code, _, err = msauth("check", "--server", "ftp://h", "--login", "a", "--password-stdin")
    assert code == 2 and "http://" in err
