"""``msauth`` against a hostile server: what a server sends is data, never control (issue 10).

Each test drives the real CLI (in-process runner) against the hostile server over loopback
and checks what an operator would see: the exit code, the message, and that no control, bidi
or invisible character reaches the terminal.
"""

from __future__ import annotations

import json
import threading
from collections.abc import Callable
from typing import Any

import pytest

from msauth_gui.core.errors import EXIT_OK, EXIT_REJECTED, EXIT_UNUSABLE
from msauth_gui.core.visible import is_visible
from tests.cli_run import run_msauth
from tests.hostile import ESCAPES, HostileServer, Reply, json_reply, jwt

#: far beyond any deadline here: a command still running then has hung
HANG = 60.0


def msauth(
    server: HostileServer, *extra: str, stdin: str = "secret-pw-1\n"
) -> tuple[int, str, str]:
    argv = ["token", "--server", server.url, "--login", "admin", "--password-stdin", *extra]
    outcome: dict[str, Any] = {}
    thread = threading.Thread(target=lambda: outcome.update(r=run_msauth(argv, stdin)))
    thread.start()
    thread.join(HANG)
    assert not thread.is_alive(), f"msauth still running after {HANG:g} s"
    return outcome["r"]


def terminal_safe(text: str) -> bool:
    """Nothing but printable text and line ends."""
    return is_visible(text.replace("\n", ""))


# -- point 4: no control characters reach a terminal -------------------------------------------
@pytest.mark.parametrize(
    "attack", ["escapes_body", "escapes_description", "escapes_location", "markup"]
)
def test_server_text_reaches_stderr_with_controls_made_visible(hostile, attack: str) -> None:
    code, out, err = msauth(hostile(attack))
    assert code == EXIT_UNUSABLE
    assert terminal_safe(err) and out == ""
    if attack != "markup":
        assert "\\x1b]52;c;" in err and "\\u202e" in err  # shown, as escapes
    else:
        assert '<img src="/dev/zero">' in err  # markup is text on a terminal


def test_the_check_report_is_terminal_safe(hostile) -> None:
    # appName, serverVersion and every other field the check shows carry escapes
    fields = ("appName", "serverVersion", "token_endpoint", "error_description")
    server = hostile(
        json_reply(200, {"access_token": "tok-valid-1", **dict.fromkeys(fields, ESCAPES)})
    )
    argv = ["check", "--server", server.url, "--login", "admin", "--password-stdin"]
    code, out, err = run_msauth([*argv, "--timeout", "5"], "secret-pw-1\n")
    assert code in (0, 3, 4, 5)
    assert terminal_safe(out) and terminal_safe(err)
    code, out, err = run_msauth([*argv, "--timeout", "5", "--json"], "secret-pw-1\n")
    assert json.loads(out)["rows"]  # still valid JSON once escaped
    assert terminal_safe(out) and "\\u202e" in out


# -- point 5: tokens are tokens ---------------------------------------------------------------
@pytest.mark.parametrize(
    ("attack", "says"),
    [
        ("crlf_token", "the access token has characters no token has"),
        ("escapes_token", "the access token has characters no token has"),
        ("crlf_refresh", "the refresh token has characters no token has"),
        ("crlf_token_type", "is not one plain word"),
        ("escapes_token_type", "is not one plain word"),
        ("long_token", "the access token is too long (100,000 characters; at most 16,384)"),
    ],
)
def test_a_token_that_is_not_a_b64token_is_unreadable(hostile, attack: str, says: str) -> None:
    code, out, err = msauth(hostile(attack), "--format", "header")
    assert code == EXIT_UNUSABLE
    assert says in err and "could not be used" in err
    assert out == "" and "X-Injected" not in out
    assert terminal_safe(err)


def test_jwt_and_opaque_tokens_with_every_b64token_character_are_accepted(hostile) -> None:
    token = "AZaz09-._~+/" + jwt({"sub": "x"}) + "=="
    code, out, _ = msauth(hostile(json_reply(200, {"access_token": token})))
    assert (code, out) == (EXIT_OK, token + "\n")


# -- point 3: parsing cost is bounded --------------------------------------------------------
def test_a_1mb_loose_json5_answer_is_refused_without_parsing_it(hostile) -> None:
    code, _, err = msauth(hostile("json5_1mb"))
    assert code == EXIT_UNUSABLE
    assert "it is not JSON, and too large for a token object (1,0" in err


def test_a_json5_answer_with_hundreds_of_items_is_not_a_token_object(hostile) -> None:
    body = "{Access_token:'tok-json5-1', junk:[" + "1," * 2000 + "],}"
    code, _, err = msauth(hostile(json_reply(200, body)))
    assert code == EXIT_UNUSABLE and "it is not a token object" in err


def test_the_vendor_pages_json5_token_object_is_still_read(hostile) -> None:
    body = '{\n  Access_token:"123123123",\n  Token_type:"bearer",\n  Expires_in:86400,\n}'
    code, out, _ = msauth(hostile(json_reply(200, body)))
    assert (code, out) == (EXIT_OK, "123123123\n")


def test_a_large_strict_json_answer_is_read(hostile) -> None:
    data = {"access_token": "tok-valid-12345", "profile": "x" * 200_000}
    code, out, _ = msauth(hostile(json_reply(200, data)))
    assert (code, out) == (EXIT_OK, "tok-valid-12345\n")


@pytest.mark.parametrize(
    ("attack", "code"), [("deep_json_error", EXIT_UNUSABLE), ("deep_json_401", EXIT_REJECTED)]
)
def test_an_error_answer_nested_too_deep_is_read_as_no_oauth_error(
    hostile, attack: str, code: int
) -> None:
    """A 400 or 401 whose body nests past Python's recursion limit: reading it for an OAuth
    ``error`` raised RecursionError (only ValueError was caught), so msauth said "unexpected
    error" and exited 1, and every sign-in row of the check said "the check itself failed"."""
    server = hostile(attack)
    got, out, err = msauth(server)
    assert (got, out) == (code, "")
    assert "unexpected" not in err and "Recursion" not in err
    argv = ["check", "--server", server.url, "--login", "admin", "--password-stdin"]
    _code, report, _err = run_msauth([*argv, "--timeout", "5"], "secret-pw-1\n")
    assert "itself failed" not in report and "Recursion" not in report


def test_a_server_info_answer_nested_too_deep_is_no_crash_of_the_check(hostile) -> None:
    """BaseInfo answering 200 with JSON nested past the recursion limit: its row said "the
    check itself failed (RecursionError…)"."""
    server = hostile(Reply(body=b"[" * 100_000))
    argv = ["check", "--server", server.url, "--login", "admin", "--password-stdin"]
    _code, report, _err = run_msauth([*argv, "--timeout", "5"], "secret-pw-1\n")
    assert "itself failed" not in report and "Recursion" not in report
    assert "The version is not known." in report


# -- points 6 and 9: absurd numbers are warnings; only documented exit codes -----------------
@pytest.mark.parametrize(
    ("attack", "says"),
    [
        ("huge_expires_in", "expires_in inf s is not believable; expiry unknown"),
        ("huge_exp", "the token's exp inf is not believable; expiry unknown"),
        ("digits_expires_in", "expires_in inf s is not believable; expiry unknown"),
        ("digits_exp", "the token's exp -inf is not believable; expiry unknown"),
        ("exp_1e300", "the token's exp 1e+300 is not believable; expiry unknown"),
        ("exp_year_3000000", "the token's exp 9.46e+13 is not believable; expiry unknown"),
        ("exp_past_9999", "the token's exp 2.53402e+11 is not believable; expiry unknown"),
    ],
)
def test_absurd_expiry_is_unknown_with_a_warning(hostile, attack: str, says: str) -> None:
    code, out, err = msauth(hostile(attack), "--format", "json")
    assert code == EXIT_OK
    assert says in err
    data = json.loads(out)
    assert data["expires_at"] is None and data["expires_in"] is None


def test_a_nonsense_charset_reads_as_utf8(hostile) -> None:
    code, out, _ = msauth(hostile("charset_nonsense"))
    assert (code, out) == (EXIT_OK, "tok-valid-12345\n")


@pytest.mark.parametrize("attack", ["date_99999", "date_overflow"])
def test_a_date_beyond_any_calendar_gives_a_documented_exit(hostile, attack: str) -> None:
    server = hostile(attack)
    argv = ["check", "--server", server.url, "--login", "admin", "--password-stdin"]
    code, _, err = run_msauth([*argv, "--timeout", "5"], "secret-pw-1\n")
    assert code in (0, 3, 4, 5) and "unexpected error" not in err
    code, _, err = run_msauth(["token", *argv[1:]], "secret-pw-1\n")
    assert code == EXIT_OK and "unexpected error" not in err


# -- point 10: the client secret stays off argv ------------------------------------------------
@pytest.fixture
def form_seen(hostile) -> Callable[..., dict[str, str]]:
    """``form_seen(argv, stdin, env)``: the form the token endpoint received."""
    from urllib.parse import parse_qsl

    server = hostile("token")

    def run(extra: list[str], stdin: str, env: dict[str, str] | None = None) -> dict[str, str]:
        argv = ["token", "--server", server.url, "--login", "admin", "--password-stdin", *extra]
        code, _, err = run_msauth(argv, stdin, env)
        assert code == EXIT_OK, err
        return dict(parse_qsl(server.requests[-1].body.decode()))

    return run


def test_client_secret_from_stdin_after_the_password(form_seen) -> None:
    form = form_seen(["--client-secret-stdin"], "pw-one-1\nsecret-two-2\n")
    assert (form["password"], form["client_secret"]) == ("pw-one-1", "secret-two-2")


def test_client_secret_from_the_environment(form_seen) -> None:
    form = form_seen([], "pw-one-1\n", {"MSAUTH_CLIENT_SECRET": "from-env-3"})
    assert form["client_secret"] == "from-env-3"
    assert form_seen([], "pw-one-1\n")["client_secret"] == "user"  # the vendor's default


def test_client_secret_from_stdin_for_refresh(hostile) -> None:
    server = hostile("token")
    argv = ["refresh", "--server", server.url, "--refresh-token-stdin", "--client-secret-stdin"]
    code, _, err = run_msauth(argv, "ref-valid-12345\nsecret-two-2\n")
    assert code == EXIT_OK, err
    assert b"client_secret=secret-two-2" in server.requests[-1].body


def test_a_wrong_client_secret_from_stdin_is_rejected_by_the_demo(demo) -> None:
    argv = ["token", "--server", demo.url, "--login", "admin", "--password-stdin"]
    code, _, err = run_msauth([*argv, "--client-secret-stdin"], "admin\nwrong-secret\n")
    assert code == EXIT_REJECTED and "client id or secret" in err
    assert run_msauth([*argv, "--client-secret-stdin"], "admin\nuser\n")[0] == EXIT_OK
