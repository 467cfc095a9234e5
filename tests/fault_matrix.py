"""The server faults of the fault matrix, shared by the CLI and the window suites.

Each :class:`Fault` says how to make a running demo server misbehave (``arm``), which of the
three operations it applies to, and what the operator must be told: substrings of the message
(``{host}`` and ``{origin}`` are filled in with the server's address) and the ``msauth`` exit
code. A fault with exit code 0 is one the client survives with a warning (an unbelievable
``expires_in``): the token is used, its expiry is "unknown".
"""

from __future__ import annotations

import socket
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import pytest

from msauth_gui.devserver import DemoConfig, DemoServer

from .tls import Minted, mint

SIGN_IN, REFRESH, PROBE = "sign_in", "refresh", "probe"
ALL_OPS = frozenset({SIGN_IN, REFRESH, PROBE})
TOKEN_OPS = frozenset({SIGN_IN, REFRESH})  #: body faults: a probe judges the status alone
#: the request kind (DemoServer.counts) each operation makes, for ``DemoConfig.fault_on``
KIND = {SIGN_IN: "token", REFRESH: "refresh", PROBE: "probe"}
HANG_TIMEOUT = 0.3
TRACEBACK_MARKS = ("Traceback", 'File "', "most recent call last")


@dataclass(frozen=True)
class Certs:
    ca: Minted  #: the CA the client trusts (its ``good``, ``expired`` and ``wrong_host`` leaves)
    other_ca_leaf: str  #: a certificate for 127.0.0.1 from a CA nobody trusts


@dataclass(frozen=True)
class Fault:
    id: str
    says: tuple[str, ...]
    exit_code: int
    ops: frozenset[str] = ALL_OPS
    fault: str | None = None  #: DemoConfig.fault
    config: dict[str, Any] = field(default_factory=dict)  #: other DemoConfig fields to set
    tls: str | None = None  #: "expired" | "wrong_host" | "untrusted": the server's new cert
    refused: bool = False  #: stop the server: nothing listens any more
    timeout: float = 5.0

    @property
    def https(self) -> bool:
        return self.tls is not None

    def arm(self, server: DemoServer, op: str, certs: Certs) -> None:
        """Make ``server`` misbehave from now on for ``op`` (the other requests stay fine)."""
        if self.refused:
            server.stop()
        if self.tls is not None:
            leaf = {
                "expired": certs.ca.expired,
                "wrong_host": certs.ca.wrong_host,
                "untrusted": certs.other_ca_leaf,
            }[self.tls]
            assert server.ssl_context is not None
            server.ssl_context.load_cert_chain(leaf)  # new connections get the bad certificate
        for key, value in self.config.items():
            setattr(server.config, key, value)
        if self.fault is not None:
            server.config.fault_on = frozenset({KIND[op]})
            server.config.fault = self.fault

    def expected(self, server_url: str) -> list[str]:
        host = server_url.split("://", 1)[1]
        return [s.format(host=host, origin=server_url) for s in self.says]


FAULTS: tuple[Fault, ...] = (
    Fault("refused", ("Cannot connect to {host}", "refused"), 4, refused=True),
    Fault("reset", ("connection to {host} was closed before the answer was complete",), 4,
          fault="reset"),
    Fault("hang", ("{host} sent no complete answer within 0.3 s",), 4, fault="hang",
          timeout=HANG_TIMEOUT),
    Fault("html500", ("The server failed with HTTP 500 at {origin}/", "500 Internal Server"), 5,
          fault="html500"),
    Fault("empty", ("answer from {origin}/", "could not be used: the answer was empty"), 5,
          TOKEN_OPS, fault="empty"),
    Fault("not_json", ("answer from {origin}/", "it is not a token object", "Hello"), 5,
          TOKEN_OPS, fault="notjson"),
    Fault("cut_json", ("answer from {origin}/", "it is not a token object"), 5, TOKEN_OPS,
          fault="malformed"),
    Fault("truncated", ("connection to {host} was closed before the answer was complete",), 4,
          fault="truncated"),
    Fault("10mb", ("answer from {origin}/", "too large"), 5, fault="oversized"),
    Fault("no_access_token", ("answer from {origin}/", "it has no access token"), 5, TOKEN_OPS,
          fault="noaccess"),
    Fault("expires_negative", ("expires_in -60 s is not believable; expiry unknown",), 0,
          TOKEN_OPS, config={"expires_in_value": -60}),
    Fault("expires_absurd", ("expires_in 1e+12 s is not believable; expiry unknown",), 0,
          TOKEN_OPS, config={"expires_in_value": 10**12}),
    Fault("expires_text", ("expires_in 'soon' is not a number; expiry unknown",), 0, TOKEN_OPS,
          config={"expires_in_value": "soon"}),
    Fault("429", ("limiting requests (HTTP 429)", "Try again in 7 s"), 5, fault="ratelimit"),
    Fault("redirect", ("redirected to http://127.0.0.2:9/elsewhere", "never sent after"), 5,
          fault="redirect"),
    Fault("tls_expired", ("certificate of {host} is not trusted", "has expired"), 4,
          tls="expired"),
    Fault("tls_wrong_host", ("certificate of {host} is not trusted", "another host name"), 4,
          tls="wrong_host"),
    Fault("tls_untrusted_ca", ("certificate of {host} is not trusted", "unknown certificate"),
          4, tls="untrusted"),
)  # fmt: skip


def cases(ops: tuple[str, ...] = (SIGN_IN, REFRESH, PROBE)) -> list[Any]:
    """``pytest.param(fault, op)`` for every fault and each operation it applies to."""
    return [pytest.param(f, op, id=f"{op}-{f.id}") for op in ops for f in FAULTS if op in f.ops]


def mint_certs(folder: Path) -> Certs:
    (folder / "trusted").mkdir()
    (folder / "other").mkdir()
    return Certs(mint(folder / "trusted"), mint(folder / "other").good)


def start_server(fault: Fault, certs: Certs, **config: Any) -> DemoServer:
    certfile = certs.ca.good if fault.https else None
    return DemoServer(DemoConfig(**config), certfile=certfile).start()


def free_port_url() -> str:
    """An http:// URL on loopback where nothing listens (connection refused)."""
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return f"http://127.0.0.1:{sock.getsockname()[1]}"
