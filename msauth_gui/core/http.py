"""One configured ``requests.Session`` and the translation of transport failures into errors.

Sign-in, refresh and probe all go through :class:`Http`, so TLS, timeout, proxy (the usual
``HTTPS_PROXY`` variables, which requests reads itself) and User-Agent are the same for each.
Redirects are never followed: every request here carries credentials.
"""

from __future__ import annotations

import ssl
import time
from collections.abc import Callable
from typing import Any
from urllib.parse import urlsplit

import requests
from requests.adapters import HTTPAdapter

from .. import USER_AGENT
from .errors import (
    ADVICE_ADD_CA,
    ADVICE_HOST_NAME,
    ADVICE_RENEW,
    AuthError,
    CannotConnect,
    ConnectionLost,
    InvalidInput,
    PlainHttpServer,
    RedirectRefused,
    RequestTimeout,
    TlsNotTrusted,
    UnreadableAnswer,
)
from .records import Answer, RequestRecord, TlsOptions
from .redact import redact
from .translate import QT_TRANSLATE_NOOP, translate

#: a token answer is small; anything above this is not one
MAX_BODY = 1024 * 1024


class Http:
    def __init__(
        self,
        tls: TlsOptions | None = None,
        timeout: float = 15.0,
        on_request: Callable[[RequestRecord], None] | None = None,
        session: requests.Session | None = None,
    ) -> None:
        self.tls = tls = tls or TlsOptions()
        self.timeout = timeout
        self.on_request = on_request
        self.session = session or requests.Session()
        self.session.headers["User-Agent"] = USER_AGENT
        self.session.headers["Accept"] = "application/json"
        self.session.verify = tls.requests_verify
        if not tls.verify:
            import urllib3

            urllib3.disable_warnings(urllib3.exceptions.InsecureRequestWarning)
            self.session.mount("https://", _UnverifiedAdapter())

    def close(self) -> None:
        self.session.close()

    def request(self, method: str, url: str, **kwargs: Any) -> Answer:
        """Send one request; return the answer (any status) or raise an :class:`AuthError`."""
        params = kwargs.pop("params", None)
        if params:  # compose here so the log shows (redacted) what was really asked
            url = requests.Request(method, url, params=params).prepare().url or url
        start = time.perf_counter()
        status: int | None = None
        try:
            answer = self._send(method, url, **kwargs)
            status = answer.status
        except AuthError as exc:
            self._record(method, url, status, start, exc.message)
            raise
        error = "" if status < 400 else redact(answer.text[:200].strip())
        self._record(method, url, status, start, error)
        if 300 <= status < 400:
            raise RedirectRefused(
                target=answer.headers.get("location", translate("errors", "(no Location)")),
                status=status,
            )
        return answer

    def _record(self, method: str, url: str, status: int | None, start: float, error: str) -> None:
        if self.on_request is not None:
            took = (time.perf_counter() - start) * 1000
            self.on_request(RequestRecord(method, redact(url), status, took, error))

    def _send(self, method: str, url: str, **kwargs: Any) -> Answer:
        host = urlsplit(url).netloc
        try:
            with self.session.request(
                method,
                url,
                timeout=self.timeout,
                allow_redirects=False,
                stream=True,
                # explicit on each call: requests lets REQUESTS_CA_BUNDLE override session.verify
                verify=self.tls.requests_verify,
                **kwargs,
            ) as response:
                body = _read_capped(response, url)
                return Answer(
                    status=response.status_code,
                    text=body.decode(response.encoding or "utf-8", errors="replace"),
                    headers={k.lower(): v for k, v in response.headers.items()},
                    url=url,
                )
        except requests.exceptions.SSLError as exc:
            raise tls_error(exc, url, host) from None
        except requests.exceptions.Timeout:
            raise RequestTimeout(host=host, seconds=self.timeout) from None
        except requests.exceptions.ConnectionError as exc:
            raise _connection_error(exc, host) from None
        except requests.exceptions.ChunkedEncodingError:
            raise ConnectionLost(host=host) from None
        except requests.exceptions.InvalidURL as exc:
            detail = translate("errors", "invalid address ({error})").format(error=exc)
            raise CannotConnect(host=host, detail=detail) from None
        except requests.exceptions.RequestException as exc:
            raise CannotConnect(host=host, detail=type(exc).__name__) from None
        except OSError as exc:  # requests raises a bare OSError for an unreadable CA bundle
            if self.tls.ca_bundle and self.tls.verify:
                raise InvalidInput(
                    field=QT_TRANSLATE_NOOP("errors", "CA bundle"),
                    detail=translate("errors", "cannot read {path} ({error})").format(
                        path=self.tls.ca_bundle, error=exc.strerror or exc
                    ),
                ) from None
            raise CannotConnect(host=host, detail=str(exc)) from None


class _UnverifiedAdapter(HTTPAdapter):
    """HTTPS without verification and without loading the system's CA store for each
    connection (urllib3 does that unless given a context: ~40 ms a connection)."""

    def init_poolmanager(self, *args: Any, **kwargs: Any) -> None:
        context = ssl.SSLContext(ssl.PROTOCOL_TLS_CLIENT)
        context.check_hostname = False
        context.verify_mode = ssl.CERT_NONE
        kwargs["ssl_context"] = context
        super().init_poolmanager(*args, **kwargs)


def _read_capped(response: requests.Response, url: str) -> bytes:
    declared = response.headers.get("content-length", "")
    if declared.isdigit() and int(declared) > MAX_BODY:
        raise UnreadableAnswer(
            url=url,
            detail=translate("errors", "the answer is too large ({size:,} bytes)").format(
                size=int(declared)
            ),
            snippet=translate("errors", "(not read)"),
        )
    chunks: list[bytes] = []
    size = 0
    for chunk in response.iter_content(64 * 1024):
        chunks.append(chunk)
        size += len(chunk)
        if size > MAX_BODY:
            start = b"".join(chunks)[:200].decode("utf-8", "replace")
            detail = translate("errors", "the answer is too large (over {size:,} bytes)")
            raise UnreadableAnswer(url=url, detail=detail.format(size=MAX_BODY), snippet=start)
    return b"".join(chunks)


def _chain(exc: BaseException) -> str:
    """All messages in an exception's cause chain, for classifying it."""
    seen: list[str] = []
    node: BaseException | None = exc
    while node is not None and len(seen) < 10:
        seen.append(f"{type(node).__name__}: {node}")
        for arg in getattr(node, "args", ()):
            if isinstance(arg, BaseException):
                seen.append(_chain(arg))
        node = node.__cause__ or node.__context__
    return " | ".join(seen)


def tls_error(exc: Exception, url: str, host: str) -> AuthError:
    text = _chain(exc)
    lowered = text.lower()
    if (
        "wrong_version_number" in lowered
        or "record layer failure" in lowered
        or ("unknown protocol" in lowered)
    ):
        return PlainHttpServer(host=host, suggestion="http://" + host)
    advice = ADVICE_ADD_CA
    if "hostname mismatch" in lowered or "doesn't match" in lowered or "not valid for" in lowered:
        reason = QT_TRANSLATE_NOOP("errors", "the certificate is for another host name")
        advice = ADVICE_HOST_NAME
    elif "expired" in lowered:
        reason = QT_TRANSLATE_NOOP("errors", "the certificate has expired")
        advice = ADVICE_RENEW
    elif "self-signed" in lowered or "self signed" in lowered:
        reason = QT_TRANSLATE_NOOP("errors", "the certificate is self-signed")
    elif "unable to get local issuer" in lowered or "unknown ca" in lowered:
        reason = QT_TRANSLATE_NOOP("errors", "it is signed by an unknown certificate authority")
    elif "certificate_verify_failed" in lowered:
        reason = QT_TRANSLATE_NOOP("errors", "verification failed")
    else:
        return ConnectionLost(host=host)
    return TlsNotTrusted(
        host=host, detail=translate("errors", reason), advice=translate("errors", advice)
    )


def _connection_error(exc: Exception, host: str) -> AuthError:
    text = _chain(exc)
    lowered = text.lower()
    if (
        "name or service not known" in lowered
        or "nameresolution" in lowered
        or ("getaddrinfo failed" in lowered or "nodename nor servname" in lowered)
    ):
        detail = translate("errors", "the host name is not known (DNS)")
        return CannotConnect(host=host, detail=detail)
    if "refused" in lowered:
        detail = translate("errors", "the connection was refused (nothing listens there)")
        return CannotConnect(host=host, detail=detail)
    if "timed out" in lowered:
        return CannotConnect(host=host, detail=translate("errors", "the connection timed out"))
    if "reset" in lowered or "remotedisconnected" in lowered or "aborted" in lowered:
        return ConnectionLost(host=host)
    if "unreachable" in lowered:
        return CannotConnect(host=host, detail=translate("errors", "the network is unreachable"))
    return CannotConnect(host=host, detail=redact(text.split(" | ")[0])[:160])
