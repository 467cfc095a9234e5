"""Attacks on ``msauth`` and the Qt-free core that broke a promise: documented exit codes only,
no traceback, renewal that goes on, secrets never shown in part. Real sockets: the hostile
server of tests/hostile.py, driven through the real CLI or the proxy's keeper."""

from __future__ import annotations

import pytest

from msauth_gui.core.client import ConnectionSettings
from msauth_gui.core.errors import EXIT_OK, EXIT_USAGE, TooManyRequests
from msauth_gui.core.session.keeper import Keeper

from .conftest import FakeClock
from .hostile import HostileServer, Reply, json_reply, token_json
from .proxy_helpers import Events
from .test_hostile_cli import msauth

#: a raw 0xB2 byte ("²", a digit to str.isdigit, not to int) in a header, as a server sends it
SUPERSCRIPT_TWO = "\udcb2"


def test_a_content_length_of_superscript_digits_is_no_unexpected_error() -> None:
    headers = (("Content-Type", "application/json"), ("Content-Length", SUPERSCRIPT_TWO))
    reply = Reply(body=token_json(expires_in=60), headers=headers, content_length=False)
    with HostileServer(reply) as server:
        code, out, err = msauth(server, "--token-url", "/oauth/token")
    assert (code, out, err) == (EXIT_OK, "tok-valid-12345\n", "")


def test_a_retry_after_of_superscript_digits_backs_off_and_renewal_goes_on(
    clock: FakeClock,
) -> None:
    """The keeper's thread used to die on float("²"): no event, no renewal ever again."""
    events = Events()
    answer = token_json(expires_in=100, refresh_token="ref-valid-12345")
    with HostileServer(Reply(body=answer)) as server:
        settings = ConnectionSettings(server=server.url, token_url="/oauth/token", timeout=5)
        keeper = Keeper(settings, clock=clock, on_event=events)
        try:
            keeper.sign_in("admin", "secret-pw-1")
            limited = json_reply(429, {"error": "slow_down"})
            server.set(limited, headers=(*limited.headers, ("Retry-After", SUPERSCRIPT_TWO)))
            clock.advance(90)  # past the refresh point
            keeper.wake()
            [event] = events.wait_for(1)
            assert isinstance(event.error, TooManyRequests)
            assert event.retry_at == pytest.approx(clock.now + 5)  # the usual first backoff
            server.set(Reply(body=answer))
            clock.advance(5)
            keeper.wake()
            second = events.wait_for(2)[1]
        finally:
            keeper.close()
    assert second.error is None and second.creds is not None


@pytest.mark.parametrize("timeout", ["nan", "inf", "1e20", "3601", "0", "-1"])
def test_a_timeout_without_a_deadline_is_a_usage_error(timeout: str) -> None:
    """inf and 1e20 crashed the deadline's watchdog thread (a traceback, exit 1); nan meant
    no deadline at all (a stalled server hung msauth for ever)."""
    with HostileServer("stall") as server:
        code, out, err = msauth(server, f"--timeout={timeout}")
    assert (code, out) == (EXIT_USAGE, "")
    assert err == "msauth: --timeout must be a positive number of seconds, at most 3600\n"
    assert server.requests == []
