"""``msauth check`` says where the token endpoint is, one row per candidate URL it asked, and
which spelling of Basic the server takes: the demo server on every layout, real sockets."""

from __future__ import annotations

import json
from collections.abc import Callable, Iterator

import pytest

from msauth_gui.core.check import ORDER, CheckReport, row_rank, run_check
from msauth_gui.core.client import ConnectionSettings
from msauth_gui.devserver import DemoServer

from .cli_run import run_msauth
from .test_discovery import Recorder
from .test_discovery_cli import LAYOUTS, Layout

Start = Callable[..., DemoServer]
PREFIX = "/MobileSMARTS"


@pytest.fixture
def elsewhere() -> Iterator[Recorder]:
    """Another host, keeping whatever it is sent."""
    with Recorder() as listener:
        yield listener


def check(server: str, login: str = "admin", password: str = "admin") -> CheckReport:
    return run_check(ConnectionSettings(server=server, timeout=5.0), login, password)


def candidates(report: CheckReport) -> list[tuple[str, str]]:
    """(status, what happened) of each candidate row, in order."""
    rows = [row for row in report.rows if row.key.startswith("method.oauth.")]
    assert [row.key for row in rows] == [f"method.oauth.{n}" for n in range(1, len(rows) + 1)]
    return [(row.status, row.happened) for row in rows]


@pytest.mark.parametrize("layout", LAYOUTS, ids=[layout.id for layout in LAYOUTS])
def test_one_row_per_candidate_on_every_layout_naming_the_one_to_use(
    make_server: Start, layout: Layout
) -> None:
    server = make_server(prefix=PREFIX, token_paths=layout.paths, openid=layout.openid)
    report = check(server.url + PREFIX + "/api/v1")
    found = server.url + layout.found.replace("{api}", "{prefix}/api/v1").format(prefix=PREFIX)

    rows = candidates(report)
    assert len(rows) == layout.requests[1]  # each request of the search, as msauth token makes
    assert rows[-1] == ("pass", f"POST {found}: HTTP 200")
    assert "this is the URL to use" in report.row(f"method.oauth.{len(rows)}").meaning
    for status, happened in rows[:-1]:
        assert status == "info", happened
        assert happened.endswith(("HTTP 404", "HTTP 405")) or "names the token endpoint" in happened
    assert f"token URL {found} (found automatically)" in report.row("method.oauth").happened
    assert report.verdict.startswith(f"Use OAuth password grant (token URL {found}): ")
    keys = [row.key for row in report.rows]
    assert keys == sorted(keys, key=row_rank)  # the candidates right after the OAuth row
    assert keys.index("method.oauth.1") == ORDER.index("method.oauth") + 1

    # the refresh goes where the sign-in found the endpoint, without looking again
    assert report.row("refresh").status == "pass"
    assert f"POST {found} with grant_type=refresh_token" in report.row("refresh").tried
    path = found.removeprefix(server.url)
    assert server.requests.count(f"POST {path}") == 3  # sign-in, refresh, the old refresh token
    for row in report.rows[keys.index("method.oauth.1") : keys.index("method.oauth_connect") - 1]:
        if row.tried.startswith("POST "):  # each other candidate: asked once, by the search
            assert server.requests.count(row.tried.replace(server.url, "")) == 1, row


def test_a_discovery_document_naming_another_host_is_a_skipped_row_and_gets_nothing(
    make_server: Start, elsewhere: Recorder
) -> None:
    recorder, endpoint = elsewhere, elsewhere.url + "/connect/token"
    server = make_server(token_paths=(), openid=True, openid_token_endpoint=endpoint)
    report = check(server.url)
    rows = candidates(report)
    assert ("skip", f"POST {endpoint}: not tried: it is on another server ({recorder.url}); "
            "the password is only sent to the server you typed") in rows  # fmt: skip
    assert rows[-1] == ("info", f"POST {server.url}/connect/token: HTTP 404")
    assert report.row("method.oauth").status == "warn"
    assert "No candidate answers like the token endpoint" in report.row("method.oauth").meaning
    assert report.row("method.oauth_connect").status == "warn"  # says the same, once more
    assert recorder.received == []  # not even a request
    assert report.best_method == "session"


def test_the_report_carries_the_candidate_rows(make_server: Start) -> None:
    server = make_server(prefix=PREFIX, token_paths=("/connect/token",), openid=True)
    report = check(server.url + PREFIX + "/api/v1")
    data = json.loads(report.to_json())
    keys = [row["key"] for row in data["rows"]]
    assert keys[keys.index("method.oauth") + 1 : keys.index("method.oauth_connect")] == [
        f"method.oauth.{n}" for n in range(1, 7)
    ]
    document = f"GET {server.url}{PREFIX}/.well-known/openid-configuration"
    assert data["rows"][keys.index("method.oauth.5")]["happened"] == (
        f"{document}: HTTP 200, names the token endpoint {server.url}/connect/token"
    )
    markdown = report.to_markdown()
    assert f"| ✅ pass | Token URL candidate 6 | POST {server.url}/connect/token |" in markdown
    assert "| ℹ️ info | Token URL candidate 1 |" in markdown
    # the document's endpoint is the one found: not signed in at a second time
    assert report.row("method.oauth_connect").happened == (
        "skipped: discovery names the token URL checked above"
    )


def test_a_typed_token_url_is_asked_alone(make_server: Start) -> None:
    server = make_server(prefix=PREFIX, token_paths=("/oauth/token",))
    settings = ConnectionSettings(server=server.url + PREFIX, token_url="/oauth/token")
    report = run_check(settings, "admin", "admin")
    assert candidates(report) == []
    assert f"token URL {server.url}/oauth/token (as entered)" in report.row("method.oauth").happened
    assert server.requests.count("POST /oauth/token") == 3  # sign-in, refresh, old refresh


# -- Basic's two spellings ---------------------------------------------------------------------
def test_a_raw_basic_only_server_is_named_as_such(make_server: Start) -> None:
    # OAuth and GET session broken: Basic, in its raw spelling, is the one way in
    server = make_server(
        basic_encoding="raw", fault="html500", fault_on=frozenset({"token", "session"})
    )
    report = check(server.url)
    row = report.row("method.basic")
    assert row.status == "pass" and row.title == "Basic (login and password)"  # not redacted
    assert row.meaning.startswith("The server refuses the standard base64 form and accepts only")
    assert "HTTP 401" in row.happened and "HTTP 200" in row.happened  # base64 first, then raw
    assert report.best_method == "basic" and report.exit_code == 0
    assert report.verdict.startswith("Use Basic in its raw spelling (--basic-encoding raw;")

    code, out, err = run_msauth(["check", "--server", server.url, "--login", "admin",
                                 "--password-stdin"], "admin\n")  # fmt: skip
    assert code == 0, err
    assert "--basic-encoding raw" in out and "accepts only" in out


def test_a_base64_server_is_asked_once_and_a_wrong_password_in_both_spellings(
    make_server: Start,
) -> None:
    server = make_server(basic_encoding="base64")
    report = check(server.url)
    row = report.row("method.basic")
    assert row.status == "pass" and "raw" not in row.meaning
    assert row.happened.count("HTTP ") == 1  # base64 worked: raw was never sent

    report = check(server.url, password="wrong")
    row = report.row("method.basic")
    assert row.status == "fail" and row.meaning.startswith("Both spellings were tried")
    assert row.happened.count("HTTP 401") == 2
