"""Whatever a server answers, ``msauth`` ends with a documented exit code (issue 10, point 9).

Hypothesis builds answers (status, headers, body) that a real hostile server sends over a
real socket; the whole client reads them through the CLI. Every run must end with 0, 3, 4 or
5, with no traceback and no "unexpected error", and print nothing a terminal would obey.
"""

from __future__ import annotations

import json
from typing import Any

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from msauth_gui.core.visible import is_visible
from tests.cli_run import run_msauth
from tests.hostile import ESCAPES, HostileServer, Reply, jwt

DOCUMENTED = {0, 3, 4, 5}

_text = st.text(st.characters(codec="utf-8"), max_size=40) | st.sampled_from(
    ["", " ", ESCAPES, "\r\nX-Injected: 1", "<img src=/dev/zero>", "é" * 3, "\x00"]
)
_number = st.one_of(
    st.integers(),
    st.integers(min_value=10**20, max_value=10**400),
    st.floats(allow_nan=True, allow_infinity=True),
    st.sampled_from([0, -1, 1e300, 94_600_000_000_000, 253_402_300_800]),
)
_value = st.one_of(st.none(), st.booleans(), _number, _text, st.lists(_text, max_size=2))
_token = st.one_of(
    st.sampled_from(["tok-valid-12345", "123123123", "a" * 20_000]),
    _text,
    _number.map(lambda exp: jwt({"exp": exp}) if isinstance(exp, int) else jwt({"exp": 1})),
)
_key = st.sampled_from(
    [
        "access_token", "Access_token", "accessToken", "refresh_token", "token_type",
        "expires_in", "Expires_in", "error", "error_description", "appName", "x",
    ]
)  # fmt: skip


@st.composite
def bodies(draw: st.DrawFn) -> bytes:
    kind = draw(st.sampled_from(["token", "object", "text", "bytes"]))
    if kind == "token":
        data: dict[str, Any] = {"access_token": draw(_token)}
        data.update(draw(st.dictionaries(_key, _value, max_size=4)))
        return json.dumps(data).encode()
    if kind == "object":
        return json.dumps(draw(st.dictionaries(_key, _value, max_size=5))).encode()
    if kind == "text":
        return draw(_text).encode("utf-8", "surrogatepass")
    return draw(st.binary(max_size=200))


_header_value = st.text(st.characters(min_codepoint=32, max_codepoint=126), max_size=30)
_headers = st.lists(
    st.one_of(
        st.tuples(
            st.just("Content-Type"),
            st.sampled_from(
                [
                    "application/json",
                    "application/json; charset=nonsense",
                    "text/html; charset=utf-16",
                    "text/plain",
                    "application/json; charset=latin-1",
                ]
            ),
        ),
        st.tuples(st.just("Date"), st.sampled_from(["Fri, 01 Jan 99999 00:00:00 GMT", "x"])),
        st.tuples(st.sampled_from(["Location", "Retry-After", "WWW-Authenticate"]), _header_value),
        st.tuples(st.just("Content-Encoding"), st.sampled_from(["gzip", "br", "identity"])),
    ),
    max_size=4,
)
replies = st.builds(
    Reply,
    status=st.sampled_from([200, 200, 200, 201, 204, 301, 302, 400, 401, 403, 404, 429, 500, 599]),
    body=bodies(),
    headers=_headers.map(tuple),
    close=st.sampled_from([False, False, False, True]),
    content_length=st.booleans(),
)
commands = st.sampled_from(
    [
        ["token", "--method", "oauth", "--format", "token"],
        ["token", "--method", "oauth", "--format", "json"],
        ["token", "--method", "session", "--format", "header"],
        ["token", "--method", "basic", "--format", "json"],
        ["refresh", "--format", "json"],
    ]
)


def test_any_answer_ends_with_a_documented_exit_code() -> None:
    with HostileServer() as server:

        @settings(
            max_examples=150,
            deadline=None,
            suppress_health_check=[HealthCheck.too_slow, HealthCheck.data_too_large],
        )
        @given(reply=replies, command=commands)
        def check(reply: Reply, command: list[str]) -> None:
            server.set(reply)
            argv = [command[0], "--server", server.url, "--timeout", "5", *command[1:]]
            if command[0] == "token":
                argv += ["--login", "admin", "--password-stdin"]
                stdin = "pw-1234\n"
            else:
                argv += ["--refresh-token-stdin"]
                stdin = "ref-valid-12345\n"
            code, out, err = run_msauth(argv, stdin)
            assert code in DOCUMENTED, err
            assert "unexpected error" not in err and "Traceback" not in err
            assert is_visible(out.replace("\n", "")) and is_visible(err.replace("\n", ""))
            if code == 0 and "--format" in argv and argv[argv.index("--format") + 1] == "json":
                json.loads(out)

        check()
