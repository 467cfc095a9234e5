"""Certificates minted for a test: a CA and server certificates (good, expired, other host)."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from pathlib import Path

import trustme


@dataclass(frozen=True)
class Minted:
    ca_file: str  #: the CA certificate a client should trust
    good: str  #: key + chain for 127.0.0.1 / localhost
    expired: str
    wrong_host: str


def mint(folder: Path) -> Minted:
    ca = trustme.CA()
    ca_file = folder / "ca.pem"
    ca.cert_pem.write_to_path(str(ca_file))

    def leaf(name: str, cert: trustme.LeafCert) -> str:
        path = folder / f"{name}.pem"
        cert.private_key_and_cert_chain_pem.write_to_path(str(path))
        return str(path)

    now = dt.datetime.now(dt.timezone.utc)
    return Minted(
        ca_file=str(ca_file),
        good=leaf("good", ca.issue_cert("127.0.0.1", "localhost")),
        expired=leaf(
            "expired",
            ca.issue_cert(
                "127.0.0.1",
                not_before=now - dt.timedelta(days=30),
                not_after=now - dt.timedelta(days=1),
            ),
        ),
        wrong_host=leaf("wrong", ca.issue_cert("other.example")),
    )
