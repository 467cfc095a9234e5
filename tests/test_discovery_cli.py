"""``msauth`` finds the token endpoint on every server layout, over real sockets.

Each placement of the password grant × each form of server URL an operator types × sign-in,
refresh, wrong password and wrong client secret. The demo server counts what it receives, so
the number of requests a first sign-in takes is asserted too (no candidate is tried twice).
"""

from __future__ import annotations

import json
from collections.abc import Callable
from dataclasses import dataclass

import pytest

from msauth_gui.devserver import DemoServer

from .cli_run import run_msauth
from .tls import Minted

GUID = "/8e1fc2a4-3b7d-4f65-9a9e-0c2b1d6e7f80"


@dataclass(frozen=True)
class Layout:
    id: str
    paths: tuple[str, ...] | None  #: DemoConfig.token_paths
    openid: bool = False
    #: requests of a first sign-in: (without a prefix, with one)
    requests: tuple[int, int] = (1, 1)
    found: str = "{prefix}/oauth/token"  #: where the token comes from


# the candidates, in order: {prefix}/oauth/token, /oauth/token, {api}/session,
# {prefix}/api/session, GET {prefix}/.well-known/…, GET /.well-known/…, /connect/token
# (without a prefix the first two and the two documents are one each)
LAYOUTS = (
    Layout("prefix", None),
    Layout("root", ("/oauth/token",), requests=(1, 2), found="/oauth/token"),
    Layout("api-session", ("{api}/session",), requests=(2, 3), found="{api}/session"),
    Layout("api-session-bare", ("{prefix}/api/session",), requests=(3, 4),
           found="{prefix}/api/session"),
    Layout("openid", ("/connect/token",), openid=True, requests=(5, 6), found="/connect/token"),
    Layout("connect-bare", ("/connect/token",), requests=(5, 7), found="/connect/token"),
    Layout("several", ("{api}/session", "/oauth/token"), requests=(1, 2), found="/oauth/token"),
)  # fmt: skip

#: (id, DemoConfig prefix, how the operator types the server URL, HTTPS)
FORMS = (
    ("host:port", "", lambda s: s.url.split("://", 1)[1], True),
    ("api-slash", "", lambda s: s.url + "/api/v1/", False),
    ("MobileSMARTS", "/MobileSMARTS", lambda s: s.url + "/MobileSMARTS/api/v1", False),
    ("guid", GUID, lambda s: s.url + GUID + "/api/v1", False),
)


def _cases() -> list[object]:
    return [
        pytest.param(layout, form, id=f"{layout.id}-{form[0]}")
        for layout in LAYOUTS
        for form in FORMS
    ]


@pytest.fixture(scope="module")
def ca(tmp_path_factory: pytest.TempPathFactory) -> Minted:
    from .tls import mint

    return mint(tmp_path_factory.mktemp("discovery-tls"))


def _total(server: DemoServer) -> int:
    return sum(server.counts.values())


@pytest.mark.parametrize(("layout", "form"), _cases())
def test_every_layout_signs_in_refreshes_and_names_bad_credentials(
    make_server: Callable[..., DemoServer], ca: Minted, layout: Layout, form: tuple
) -> None:
    _, prefix, typed, https = form
    server = make_server(
        certfile=ca.good if https else None,
        prefix=prefix,
        token_paths=layout.paths,
        openid=layout.openid,
        token_style="rfc6749",
    )
    url = typed(server)
    common = ["--server", url] + (["--ca-bundle", ca.ca_file] if https else [])
    sign_in = ["token", *common, "--login", "admin", "--password-stdin", "--format", "json"]

    code, out, err = run_msauth(sign_in, "admin\n")
    assert code == 0, err
    data = json.loads(out)
    expected = server.url + layout.found.replace("{api}", "{prefix}/api/v1").format(prefix=prefix)
    assert data["token_url"] == expected
    assert _total(server) == layout.requests[bool(prefix)], list(server.requests)
    assert len(set(server.requests)) == len(server.requests)  # no candidate twice

    refresh = ["refresh", *common, "--refresh-token-stdin", "--format", "json"]
    code, out, err = run_msauth(refresh, data["refresh_token"] + "\n")
    assert code == 0, err
    assert json.loads(out)["token_url"] == expected
    assert server.counts["refresh"] == 1  # the refresh grant found the same endpoint

    code, out, err = run_msauth(sign_in, "wrong-password\n")
    assert code == 3, err
    assert "rejected the login or password" in err and "wrong-password" not in err

    code, out, err = run_msauth([*sign_in, "--client-secret", "not-the-secret"], "admin\n")
    assert code == 3, err
    assert "client id or secret" in err and "not-the-secret" not in err


@pytest.mark.parametrize("layout", LAYOUTS, ids=[layout.id for layout in LAYOUTS])
def test_a_token_url_given_goes_straight_there(
    make_server: Callable[..., DemoServer], layout: Layout
) -> None:
    server = make_server(prefix="/MobileSMARTS", token_paths=layout.paths, openid=layout.openid)
    found = layout.found.replace("{api}", "{prefix}/api/v1").format(prefix="/MobileSMARTS")
    argv = ["token", "--server", server.url + "/MobileSMARTS/api/v1", "--login", "admin"]
    argv += ["--password-stdin", "--format", "json", "--token-url", found]
    code, out, err = run_msauth(argv, "admin\n")
    assert code == 0, err
    assert json.loads(out)["token_url"] == server.url + found
    assert _total(server) == 1


def test_a_wrong_token_url_turns_discovery_off(make_server: Callable[..., DemoServer]) -> None:
    server = make_server()
    argv = ["token", "--server", server.url, "--login", "admin", "--password-stdin"]
    code, _, err = run_msauth([*argv, "--token-url", "/nowhere/token"], "admin\n")
    assert code == 5 and "Nothing answers at " + server.url + "/nowhere/token" in err
    assert "Tried:" not in err
    assert list(server.requests) == ["POST /nowhere/token"]  # no other candidate was asked


def test_nothing_found_names_the_most_telling_answer_and_what_was_tried(
    make_server: Callable[..., DemoServer],
) -> None:
    # the only token endpoint fails with an HTML 500; every other candidate is a 404 or 405
    server = make_server(
        token_paths=("/connect/token",), fault="html500", fault_on=frozenset({"token"})
    )
    argv = ["token", "--server", server.url, "--login", "admin", "--password-stdin"]
    code, _, err = run_msauth(argv, "admin\n")
    assert code == 5
    assert f"failed with HTTP 500 at {server.url}/connect/token" in err  # the 500, not a 404
    for tried in (
        f"POST {server.url}/oauth/token (HTTP 404)",
        f"POST {server.url}/api/v1/session (HTTP 405)",
        f"GET {server.url}/.well-known/openid-configuration (HTTP 404)",
        f"POST {server.url}/connect/token (HTTP 500)",
    ):
        assert tried in err
    # the endpoint is there and failing: typing its URL would not help, so it is not advised
    assert "--token-url" not in err and "Traceback" not in err


def test_a_server_that_limits_requests_is_not_asked_again(
    make_server: Callable[..., DemoServer],
) -> None:
    server = make_server(fault="ratelimit", fault_on=frozenset({"token"}))
    argv = ["token", "--server", server.url, "--login", "admin", "--password-stdin"]
    code, _, err = run_msauth(argv, "admin\n")
    assert code == 5 and "HTTP 429" in err
    assert _total(server) == 1


@pytest.mark.parametrize("login, password", [("admin", "admin"), ("оператор", "p@ss wörd")])
def test_raw_basic_only_server_works_with_basic_encoding_raw(
    make_server: Callable[..., DemoServer], login: str, password: str
) -> None:
    server = make_server(basic_encoding="raw", users={login: password})
    argv = ["token", "--server", server.url, "--login", login, "--password-stdin"]
    argv += ["--method", "basic", "--format", "header"]
    code, out, err = run_msauth([*argv, "--basic-encoding", "raw"], password + "\n")
    assert code == 0, err
    assert out.strip() == f"Authorization: Basic {login}:{password}"
    assert server.counts["probe"] == 1

    code, out, err = run_msauth(argv, password + "\n")  # base64, the default, is refused
    assert code == 3 and "rejected the login or password" in err
    assert server.counts["probe"] == 2  # one request: sign-in never retries the other form


def test_base64_only_server_refuses_the_raw_form(make_server: Callable[..., DemoServer]) -> None:
    server = make_server(basic_encoding="base64")
    argv = ["token", "--server", server.url, "--login", "admin", "--password-stdin"]
    argv += ["--method", "basic"]
    assert run_msauth(argv, "admin\n")[0] == 0
    code, _, err = run_msauth([*argv, "--basic-encoding", "raw"], "admin\n")
    assert code == 3 and "rejected the login or password" in err


def test_the_demo_server_command_line_places_the_token_endpoint() -> None:
    from msauth_gui.devserver.__main__ import banner, build_parser, config_from_args

    args = build_parser().parse_args(
        ["--prefix", "MobileSMARTS", "--token-path", "{api}/session", "--basic-only", "raw"]
    )
    with DemoServer(config_from_args(args)) as server:
        api = server.url + "/MobileSMARTS/api/v1"
        assert f"Token URL: {api}/session (token style documentation, Basic raw only)" in banner(
            server
        )
        argv = ["token", "--server", api, "--login", "admin", "--password-stdin"]
        code, out, err = run_msauth([*argv, "--format", "json"], "admin\n")
        assert code == 0 and json.loads(out)["token_url"] == api + "/session", err
        code, _, err = run_msauth(
            [*argv, "--method", "basic", "--basic-encoding", "raw"], "admin\n"
        )
        assert code == 0, err
