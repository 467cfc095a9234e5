"""One TLS handshake that trusts anything: the server's certificate for the check, and
whether a port speaks TLS at all (for "you typed http:// but it speaks HTTPS")."""

from __future__ import annotations

import socket
import ssl
from collections.abc import Callable

from .errors import AuthError, ConnectionLost, RequestTimeout
from .failures import tls_error


def fetch_certificate(
    host: str,
    port: int,
    timeout: float,
    *,
    connect: Callable[[tuple[str, int], float], socket.socket] = socket.create_connection,
) -> tuple[bytes, str]:
    """The server's certificate (DER) and TLS version, trusting anything; raises AuthError.
    ``connect`` opens the TCP connection (the check's budget passes one it can stop)."""
    context = ssl.SSLContext(ssl.PROTOCOL_TLS_CLIENT)
    context.check_hostname = False
    context.verify_mode = ssl.CERT_NONE
    where = f"{host}:{port}"
    try:
        with (
            connect((host, port), timeout) as raw,
            context.wrap_socket(raw, server_hostname=host) as tls,
        ):
            return tls.getpeercert(binary_form=True) or b"", tls.version() or "TLS"
    except ssl.SSLError as exc:
        raise tls_error(exc, "https://" + where, where) from None
    except TimeoutError:
        raise RequestTimeout(host=where, seconds=timeout) from None
    except OSError:
        raise ConnectionLost(host=where) from None


def speaks_tls(
    host: str,
    port: int,
    timeout: float,
    *,
    connect: Callable[[tuple[str, int], float], socket.socket] = socket.create_connection,
) -> bool:
    """Whether ``host:port`` completes a TLS handshake (nothing is sent after it)."""
    try:
        fetch_certificate(host, port, timeout, connect=connect)
    except (AuthError, ValueError):  # ValueError: a host name ssl will not take
        return False
    return True
