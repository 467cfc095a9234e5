"""One configured ``requests.Session`` and the translation of transport failures into errors.

Sign-in, refresh and probe all go through :class:`Http`, so TLS, timeout, proxy (the usual
``HTTPS_PROXY`` variables, which requests reads itself) and User-Agent are the same for each.
Redirects are never followed: every request here carries credentials.

The timeout is a total deadline per request: connect, headers, body and reading the answer
(``read``) all fit in it, however slowly a server trickles bytes (see :mod:`.transport`).
:meth:`Http.cancel` abandons whatever is in flight, from any thread, and its callers return at
once. Failures are classified by exception type (``ssl``'s ``verify_code``, urllib3's
exception classes), never by the text of a message.
"""

from __future__ import annotations

import os
import ssl
import threading
import time
from collections.abc import Callable
from typing import Any, TypeVar, overload
from urllib.parse import urlsplit

import requests

from .. import USER_AGENT
from .errors import (
    AuthError,
    CannotConnect,
    ConnectionLost,
    HttpsServer,
    InvalidInput,
    RedirectRefused,
    RequestCancelled,
    RequestTimeout,
    UnreadableAnswer,
)
from .failures import bundle_without_certificates, connection_error, tls_error, unusable_bundle
from .handshake import speaks_tls
from .logs import guard_http_loggers
from .records import Answer, RequestRecord, TlsOptions
from .redact import redact, redact_start
from .translate import QT_TRANSLATE_NOOP, number, plurals, translate
from .transport import CANCELLED, EXPIRED, RUNNING, Call, TrackingAdapter, create_connection
from .visible import visible

__all__ = ["MAX_BODY", "Answer", "Http", "RequestRecord", "TlsOptions", "tls_error"]

#: a token answer is small; anything above this is not one
MAX_BODY = 1024 * 1024

T = TypeVar("T")
guard_http_loggers()  # urllib3 logs URLs (with the password of a session sign-in) at DEBUG


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
        # Not the environment's ~/.netrc: requests adds its credentials to any request without
        # auth of its own, replacing the Authorization we set (a probe then tested the netrc
        # user, not the token). Only the proxies (:meth:`_proxies`) and a CA bundle (below) come
        # from the environment.
        self.session.trust_env = False
        self._env_proxies: dict[str, dict[str, str]] = {}  #: origin -> what requests would use
        self.session.headers["User-Agent"] = USER_AGENT
        self.session.headers["Accept"] = "application/json"
        #: as requests reads the environment: with no CA bundle of ours, one named in
        #: REQUESTS_CA_BUNDLE or CURL_CA_BUNDLE (a company's set-up for every Python tool)
        self.verify = tls.requests_verify
        if self.verify is True:
            self.verify = _environ_ca_bundle() or True
        self.session.verify = self.verify
        self.session.mount("http://", TrackingAdapter())
        if tls.verify:
            self.session.mount("https://", TrackingAdapter())
        else:
            import urllib3

            urllib3.disable_warnings(urllib3.exceptions.InsecureRequestWarning)
            self.session.mount("https://", _UnverifiedAdapter())
        self._lock = threading.Lock()
        self._calls: set[Call[Any]] = set()  #: in flight
        self._abandoned = False  #: :meth:`abandon` was called: every request is refused

    def cancel(self) -> None:
        """Abandon every request in flight, from any thread: their sockets are shut down and
        their callers get :class:`RequestCancelled` at once. Later requests run as usual."""
        with self._lock:
            calls = list(self._calls)
        for call in calls:
            call.cancel()

    def abandon(self) -> None:
        """Cancel what is in flight and refuse every later request with
        :class:`RequestCancelled`, from any thread: whoever waited for the answers has gone
        (sign-out, a closed dialog), so a next step (discovery's next URL) must not start."""
        with self._lock:
            self._abandoned = True
        self.cancel()

    def close(self) -> None:
        """Cancel what is in flight, refuse later requests and close the connections."""
        self.abandon()
        self.session.close()

    @overload
    def request(self, method: str, url: str, read: None = None, **kwargs: Any) -> Answer: ...

    @overload
    def request(self, method: str, url: str, read: Callable[[Answer], T], **kwargs: Any) -> T: ...

    def request(
        self, method: str, url: str, read: Callable[[Answer], Any] | None = None, **kwargs: Any
    ) -> Any:
        """Send one request; return the answer (any status but a redirect), or what ``read``
        makes of it, within the deadline; or raise an :class:`AuthError`."""
        params = kwargs.pop("params", None)
        if params:  # compose here so the log shows (redacted) what was really asked
            url = requests.Request(method, url, params=params).prepare().url or url
        host = urlsplit(url).netloc
        call: Call[Any] = Call(time.monotonic() + self.timeout)
        start = time.perf_counter()
        with self._lock:
            if self._abandoned:  # never sent, so not logged either
                raise RequestCancelled(host=host)
            self._calls.add(call)
        try:
            ended = call.run(lambda: self._exchange(call, method, url, read, kwargs))
        finally:
            with self._lock:
                self._calls.discard(call)
        if call.error is not None and not isinstance(call.error, Exception):
            raise call.error  # Ctrl+C, SystemExit: never turned into a timeout
        if ended == EXPIRED:
            error: AuthError | None = self.timeout_error(host)
        elif ended == CANCELLED:
            error = RequestCancelled(host=host)
        elif call.error is None or isinstance(call.error, AuthError):
            error = call.error
        else:
            raise call.error  # a programming error: not the server's doing
        if error is None or (call.status is not None and ended not in (EXPIRED, CANCELLED)):
            # an answer came: the log shows its status (and the start of an error page)
            self._record(method, url, call.status, start, call.note)
        else:
            self._record(method, url, None, start, error.message)
        if error is not None:
            raise error
        result, call.result = call.result, None  # the watchdog may hold the call a while
        return result

    def timeout_error(self, host: str) -> AuthError:
        """What a request to ``host`` that ran out of time raises ("no complete answer within
        N s"); the server check says when its overall time was the limit."""
        return RequestTimeout(host=host, seconds=self.timeout)

    def _record(self, method: str, url: str, status: int | None, start: float, error: str) -> None:
        if self.on_request is not None:
            took = (time.perf_counter() - start) * 1000
            shown_url = visible(redact(url))
            self.on_request(RequestRecord(method, shown_url, status, took, visible(error)))

    def _exchange(
        self,
        call: Call[Any],
        method: str,
        url: str,
        read: Callable[[Answer], Any] | None,
        kwargs: dict[str, Any],
    ) -> Any:
        """Send, check for a redirect, read the answer (inside the call)."""
        answer = self._send(method, url, call, **kwargs)
        call.status = answer.status
        if answer.status >= 400:
            call.note = redact_start(answer.text, 200).strip()
        if 300 <= answer.status < 400:
            raise RedirectRefused(
                target=answer.headers.get("location", translate("errors", "(no Location)")),
                status=answer.status,
            )
        return answer if read is None else read(answer)

    def _send(self, method: str, url: str, call: Call[Any], **kwargs: Any) -> Answer:
        host = urlsplit(url).netloc
        left = max(0.001, call.remaining)
        try:
            with self.session.request(
                method,
                url,
                timeout=(left, left),  # per operation; the deadline covers the whole
                allow_redirects=False,
                stream=True,
                verify=self.verify,
                proxies=self._proxies(url),
                **kwargs,
            ) as response:
                body = _read_capped(response, url)
                headers = {k.lower(): _header_text(v) for k, v in response.headers.items()}
                return Answer(
                    status=response.status_code,
                    text=_decode(body, response.encoding, headers.get("content-type", "")),
                    headers=headers,
                    url=url,
                )
        except requests.exceptions.SSLError as exc:
            if self.tls.ca_bundle and bundle_without_certificates(exc):
                raise unusable_bundle(self.tls.ca_bundle) from None
            raise tls_error(exc, url, host) from None
        except requests.exceptions.Timeout:
            raise self.timeout_error(host) from None
        except requests.exceptions.ConnectionError as exc:
            error = connection_error(exc, host)
            parts = urlsplit(url)
            # a TLS server drops a plain request without a word: try its handshake
            if (
                isinstance(error, ConnectionLost)
                and call.state == RUNNING  # not closed by a cancel or the deadline
                and parts.scheme == "http"
                and parts.hostname
                and speaks_tls(
                    parts.hostname,
                    parts.port or 80,
                    min(3.0, call.remaining),
                    connect=create_connection,  # watched by the call: a cancel stops it
                )
            ):
                error = HttpsServer(host=host, suggestion="https://" + host)
            raise error from None
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

    def _proxies(self, url: str) -> dict[str, str]:
        """``HTTP_PROXY``/``HTTPS_PROXY``/``NO_PROXY`` for ``url``, as requests reads them;
        once per origin (on Windows each read asks the registry)."""
        parts = urlsplit(url)
        origin = f"{parts.scheme}://{parts.netloc}"
        found = self._env_proxies.get(origin)
        if found is None:
            found = self._env_proxies[origin] = requests.utils.get_environ_proxies(url)
        return found


def _environ_ca_bundle() -> str | None:
    return os.environ.get("REQUESTS_CA_BUNDLE") or os.environ.get("CURL_CA_BUNDLE") or None


def _decode(body: bytes, encoding: str | None, content_type: str) -> str:
    """The body as text. An unknown charset (``charset=nonsense``) reads as UTF-8, which is
    what JSON is anyway (RFC 8259); so does a text page that names no charset, when it is valid
    UTF-8 (requests assumes ISO-8859-1, which turns a Russian error page into mojibake)."""
    if "charset=" not in content_type.lower():
        try:
            return body.decode("utf-8")
        except UnicodeDecodeError:
            pass
    try:
        return body.decode(encoding or "utf-8", errors="replace")
    except LookupError:
        return body.decode("utf-8", errors="replace")


def _header_text(value: str) -> str:
    """A header value as its sender meant it: http.client reads header bytes as ISO-8859-1,
    but servers put UTF-8 in ``Location`` and the like."""
    try:
        return value.encode("latin-1").decode("utf-8")
    except UnicodeError:
        return value


class _UnverifiedAdapter(TrackingAdapter):
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
    if declared.isascii() and declared.isdigit() and int(declared) > MAX_BODY:
        raise UnreadableAnswer(
            url=url,
            detail=plurals.tr("the answer is too large ({size} byte(s))", "", int(declared)).format(
                size=number(int(declared))
            ),
            snippet=translate("errors", "(not read)"),
        )
    chunks: list[bytes] = []
    size = 0
    for chunk in response.iter_content(64 * 1024):
        chunks.append(chunk)
        size += len(chunk)
        if size > MAX_BODY:
            start = redact_start(b"".join(chunks)[:MAX_BODY].decode("utf-8", "replace"), 200)
            detail = plurals.tr("the answer is too large (over {size} byte(s))", "", MAX_BODY)
            raise UnreadableAnswer(
                url=url, detail=detail.format(size=number(MAX_BODY)), snippet=start
            )
    return b"".join(chunks)
