"""Failures classified by exception type, and urllib3's log lines redacted (issue 10, point 10;
issue 13, point 7)."""

from __future__ import annotations

import logging

import pytest

from msauth_gui.core.client import AuthClient, ConnectionSettings
from msauth_gui.core.errors import (
    CannotConnect,
    ConnectionLost,
    CredentialsRejected,
    TlsNotTrusted,
)
from msauth_gui.devserver import DemoServer
from tests.hostile import HostileServer
from tests.tls import Minted


def test_a_path_naming_dns_does_not_make_a_refused_connection_a_dns_failure() -> None:
    with HostileServer() as server:  # started and stopped: nothing listens on its port now
        url = server.url
    client = AuthClient(ConnectionSettings(server=url + "/NameResolution-getaddrinfo/api/v1"))
    with pytest.raises(CannotConnect) as caught:
        client.sign_in("admin", "pw-1234")
    assert "refused" in caught.value.message and "DNS" not in caught.value.message


def test_a_closed_connection_is_lost_whatever_the_path(hostile) -> None:
    server = hostile("close")  # reads the request, closes without a byte
    client = AuthClient(ConnectionSettings(server=server.url + "/refused-timed-out/api/v1"))
    with pytest.raises(ConnectionLost):
        client.sign_in("admin", "pw-1234")


def test_a_path_saying_expired_does_not_make_an_unknown_ca_expired(hostile, certs: Minted) -> None:
    server = hostile("token", certfile=certs.good)  # a good certificate, from a CA not trusted
    client = AuthClient(ConnectionSettings(server=server.url + "/expired/api/v1"))
    with pytest.raises(TlsNotTrusted) as caught:
        client.sign_in("admin", "pw-1234")
    assert "unknown certificate authority" in caught.value.message
    assert "expired" not in caught.value.message.replace("/expired/", "")


def test_urllib3_debug_lines_never_show_the_password(
    demo: DemoServer, caplog: pytest.LogCaptureFixture
) -> None:
    with caplog.at_level(logging.DEBUG):
        client = AuthClient(ConnectionSettings(server=demo.url, method="session"))
        with pytest.raises(CredentialsRejected):
            client.sign_in("admin", "hunter22-pw")
        client.close()
    lines = [record.getMessage() for record in caplog.records]
    assert any("/session?" in line for line in lines if "urllib3" in line or "GET" in line)
    assert not [line for line in lines if "hunter22-pw" in line]
