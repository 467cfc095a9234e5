"""A server's TLS certificate, fetched even when it is not trusted, in words an operator reads.

``cryptography`` is imported only when a certificate is parsed; without it the description
falls back to the fingerprint.
"""

from __future__ import annotations

import datetime as dt
import hashlib
import ipaddress
from dataclasses import dataclass

from ..translate import translate


@dataclass(frozen=True)
class Certificate:
    sha256: str  #: fingerprint of the DER bytes, colon-separated hex
    subject: str = ""
    issuer: str = ""
    not_before: dt.datetime | None = None
    not_after: dt.datetime | None = None
    self_signed: bool = False
    host_matches: bool = True  #: not judged (True) when the certificate could not be parsed
    names: tuple[str, ...] = ()

    def describe(self, now: float) -> str:
        fingerprint = f"SHA-256 {self.sha256[:23]}…"
        if self.not_before is None or self.not_after is None:
            text = translate(
                "check", "certificate {fingerprint} (install cryptography for its details)"
            )
            return text.format(fingerprint=fingerprint)
        moment = dt.datetime.fromtimestamp(now, dt.timezone.utc)
        valid = translate("check", "valid {start} to {end}").format(
            start=f"{self.not_before:%Y-%m-%d}", end=f"{self.not_after:%Y-%m-%d}"
        )
        if moment > self.not_after:
            valid += translate("check", " (EXPIRED)")
        elif moment < self.not_before:
            valid += translate("check", " (NOT YET VALID)")
        text = translate(
            "check",
            "certificate subject {subject}; issuer {issuer}; {valid}; {signed}; names {names} — "
            "host name {matches}; {fingerprint}",
        )
        return text.format(
            subject=self.subject or translate("check", "(empty)"),
            issuer=self.issuer,
            valid=valid,
            signed=translate("check", "self-signed")
            if self.self_signed
            else translate("check", "not self-signed"),
            names=", ".join(self.names) or translate("check", "none"),
            matches=translate("check", "matches")
            if self.host_matches
            else translate("check", "DOES NOT match"),
            fingerprint=fingerprint,
        )


def _host_matches(host: str, dns_names: list[str], ips: list[str]) -> bool:
    try:
        address = ipaddress.ip_address(host)
    except ValueError:
        address = None
    if address is not None:
        return any(ipaddress.ip_address(ip) == address for ip in ips)
    wanted = host.lower().rstrip(".")
    for name in dns_names:
        name = name.lower().rstrip(".")
        if name == wanted:
            return True
        if name.startswith("*.") and "." in wanted and wanted.split(".", 1)[1] == name[2:]:
            return True
    return False


def parse_certificate(der: bytes, host: str) -> Certificate:
    sha256 = ":".join(f"{b:02X}" for b in hashlib.sha256(der).digest())
    try:
        from cryptography import x509  # imported when a check needs it: keeps start-up light
        from cryptography.x509.oid import NameOID
    except ImportError:
        return Certificate(sha256=sha256)
    cert = x509.load_der_x509_certificate(der)
    dns_names: list[str] = []
    ips: list[str] = []
    try:
        san = cert.extensions.get_extension_for_class(x509.SubjectAlternativeName).value
        dns_names = list(san.get_values_for_type(x509.DNSName))
        ips = [str(ip) for ip in san.get_values_for_type(x509.IPAddress)]
    except x509.ExtensionNotFound:  # old certificates: the host name is in the CN
        dns_names = [str(a.value) for a in cert.subject.get_attributes_for_oid(NameOID.COMMON_NAME)]
    return Certificate(
        sha256=sha256,
        subject=cert.subject.rfc4514_string(),
        issuer=cert.issuer.rfc4514_string(),
        not_before=_utc(cert, "not_valid_before"),
        not_after=_utc(cert, "not_valid_after"),
        self_signed=cert.subject == cert.issuer,
        host_matches=_host_matches(host, dns_names, ips),
        names=tuple(dns_names + ips),
    )


def _utc(cert: object, name: str) -> dt.datetime:
    """``not_valid_before_utc`` (cryptography 42+), or the naive UTC value older ones give."""
    value = getattr(cert, name + "_utc", None)
    if value is None:
        value = getattr(cert, name).replace(tzinfo=dt.timezone.utc)
    return value
