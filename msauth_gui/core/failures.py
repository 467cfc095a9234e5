"""What went wrong with a connection, from the exceptions' types, never from their text.

``requests`` wraps urllib3's exceptions, which wrap the socket's and ``ssl``'s; the cause can
sit in ``__cause__``, ``__context__``, ``MaxRetryError.reason`` or an ``args`` item. :func:`causes`
walks all of them; :func:`tls_error` reads ``SSLCertVerificationError.verify_code`` and
``SSLError.reason`` (OpenSSL's own codes), :func:`connection_error` the exception classes
(``NameResolutionError``, ``ConnectionRefusedError``…). A URL path that happens to contain
"refused" or "expired" cannot change the verdict.
"""

from __future__ import annotations

import errno
import http.client
import socket
import ssl
from collections.abc import Iterator

from urllib3.exceptions import (
    ConnectTimeoutError,
    NameResolutionError,
    ProtocolError,
)

from .errors import (
    ADVICE_ADD_CA,
    ADVICE_HOST_NAME,
    ADVICE_RENEW,
    AuthError,
    CannotConnect,
    ConnectionLost,
    InvalidInput,
    PlainHttpServer,
    TlsNotTrusted,
)
from .redact import redact
from .translate import QT_TRANSLATE_NOOP, translate

# OpenSSL's X509_V_ERR_* codes (x509_vfy.h), as SSLCertVerificationError.verify_code
_EXPIRED = {10}  # CERT_HAS_EXPIRED
_HOST_NAME = {62, 63, 64}  # HOSTNAME_MISMATCH, EMAIL_MISMATCH, IP_ADDRESS_MISMATCH
_SELF_SIGNED = {18, 19}  # DEPTH_ZERO_SELF_SIGNED_CERT, SELF_SIGNED_CERT_IN_CHAIN
#: UNABLE_TO_GET_ISSUER_CERT(_LOCALLY), UNABLE_TO_VERIFY_LEAF_SIGNATURE
_UNKNOWN_ISSUER = {2, 20, 21}
#: SSLError.reason when the other side answered in plain text (an HTTP server on that port)
_PLAIN_TEXT = {"WRONG_VERSION_NUMBER", "RECORD_LAYER_FAILURE", "UNKNOWN_PROTOCOL", "HTTP_REQUEST"}
_UNKNOWN_CA_ALERT = {"TLSV1_ALERT_UNKNOWN_CA"}
_UNREACHABLE = {errno.ENETUNREACH, errno.EHOSTUNREACH}


def causes(exc: BaseException) -> Iterator[BaseException]:
    """``exc`` and every exception it wraps, breadth first, each once."""
    seen: set[int] = set()
    queue: list[BaseException] = [exc]
    while queue and len(seen) < 32:
        node = queue.pop(0)
        if id(node) in seen:
            continue
        seen.add(id(node))
        yield node
        linked = [node.__cause__, node.__context__, getattr(node, "reason", None), *node.args]
        queue.extend(item for item in linked if isinstance(item, BaseException))


def _first(
    exc: BaseException, kinds: type[BaseException] | tuple[type[BaseException], ...]
) -> BaseException | None:
    return next((node for node in causes(exc) if isinstance(node, kinds)), None)


def tls_error(exc: BaseException, url: str, host: str) -> AuthError:
    """The error for a failed TLS connection to ``host``."""
    verify = _first(exc, ssl.SSLCertVerificationError)
    if isinstance(verify, ssl.SSLCertVerificationError):
        code = verify.verify_code
        advice = ADVICE_ADD_CA
        if code in _HOST_NAME:
            reason = QT_TRANSLATE_NOOP("errors", "the certificate is for another host name")
            advice = ADVICE_HOST_NAME
        elif code in _EXPIRED:
            reason = QT_TRANSLATE_NOOP("errors", "the certificate has expired")
            advice = ADVICE_RENEW
        elif code in _SELF_SIGNED:
            reason = QT_TRANSLATE_NOOP("errors", "the certificate is self-signed")
        elif code in _UNKNOWN_ISSUER:
            reason = QT_TRANSLATE_NOOP("errors", "it is signed by an unknown certificate authority")
        else:
            reason = QT_TRANSLATE_NOOP("errors", "verification failed")
        return TlsNotTrusted(
            host=host, detail=translate("errors", reason), advice=translate("errors", advice)
        )
    if _first(exc, _certificate_errors()) is not None:  # urllib3's own host name check
        return TlsNotTrusted(
            host=host,
            detail=translate("errors", "the certificate is for another host name"),
            advice=translate("errors", ADVICE_HOST_NAME),
        )
    reasons = {getattr(node, "reason", None) for node in causes(exc)}
    if reasons & _PLAIN_TEXT:
        return PlainHttpServer(host=host, suggestion="http://" + host)
    if reasons & _UNKNOWN_CA_ALERT:
        detail = translate("errors", "it is signed by an unknown certificate authority")
        return TlsNotTrusted(host=host, detail=detail, advice=translate("errors", ADVICE_ADD_CA))
    return ConnectionLost(host=host)


def _certificate_errors() -> tuple[type[BaseException], ...]:
    from urllib3.util.ssl_match_hostname import CertificateError

    return (CertificateError,)


class LookupTimedOut(TimeoutError):
    """The name lookup (DNS) had not answered when its caller stopped waiting for it."""


def connection_error(exc: BaseException, host: str) -> AuthError:
    """The error for a connection that could not be made, or broke, to ``host``."""

    def cannot(detail: str) -> CannotConnect:
        return CannotConnect(host=host, detail=translate("errors", detail))

    if _first(exc, (NameResolutionError, socket.gaierror)) is not None:
        return cannot(QT_TRANSLATE_NOOP("errors", "the host name is not known (DNS)"))
    if _first(exc, LookupTimedOut) is not None:
        return cannot(QT_TRANSLATE_NOOP("errors", "the name lookup (DNS) did not answer in time"))
    if _first(exc, ConnectionRefusedError) is not None:
        return cannot(
            QT_TRANSLATE_NOOP("errors", "the connection was refused (nothing listens there)")
        )
    if _first(exc, (ConnectTimeoutError, TimeoutError)) is not None:
        return cannot(QT_TRANSLATE_NOOP("errors", "the connection timed out"))
    lost = (
        ConnectionResetError,
        ConnectionAbortedError,
        BrokenPipeError,
        http.client.RemoteDisconnected,
        http.client.IncompleteRead,
        ProtocolError,
    )
    if _first(exc, lost) is not None:
        return ConnectionLost(host=host)
    if any(getattr(node, "errno", None) in _UNREACHABLE for node in causes(exc)):
        return cannot(QT_TRANSLATE_NOOP("errors", "the network is unreachable"))
    first = next(iter(causes(exc)))
    return CannotConnect(host=host, detail=redact(f"{type(first).__name__}: {first}")[:160])


def bundle_without_certificates(exc: BaseException) -> bool:
    """Whether loading the CA bundle failed: a file that holds no PEM certificate (a DER
    ``.cer``, a text file), which OpenSSL reports only when the first connection needs it."""
    return any(
        isinstance(node, ssl.SSLError)
        and (getattr(node, "library", None) == "PEM" or node.reason in _NO_CERTIFICATE)
        for node in causes(exc)
    )


_NO_CERTIFICATE = {"NO_CERTIFICATE_OR_CRL_FOUND"}


def unusable_bundle(path: str) -> InvalidInput:
    """The CA bundle ``path`` holds no PEM certificate: what to export instead (Windows'
    certificate export wizard names the format this way)."""
    detail = translate(
        "errors",
        "{path} holds no certificate in PEM form (-----BEGIN CERTIFICATE-----); export the CA "
        "certificate as Base-64 encoded X.509 and choose that file",
    )
    return InvalidInput(
        field=QT_TRANSLATE_NOOP("errors", "CA bundle"), detail=detail.format(path=path)
    )
