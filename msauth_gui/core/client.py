"""Sign in, refresh and probe a Mobile SMARTS server: the whole protocol, no Qt."""

from __future__ import annotations

import json
import time
from collections.abc import Callable
from dataclasses import dataclass, field, replace
from typing import TYPE_CHECKING, Literal

from .basic import BasicEncoding, make_basic, wire
from .discovery import TRIED_TOKEN, Finder, remembered_url, session_candidates, token_candidates
from .endpoints import Endpoints, build_endpoints
from .errors import (
    AuthError,
    ClientRejected,
    CredentialsRejected,
    EndpointNotFound,
    NoRights,
    RefreshTokenRejected,
    RequestRefused,
    ServerError,
    TooManyRequests,
    UnreadableAnswer,
)
from .records import Answer, RequestRecord, TlsOptions
from .redact import hold_secrets, register_secret, release_secrets
from .token import (
    BasicCredentials,
    Clock,
    Credentials,
    Token,
    parse_token_response,
    snippet,
)
from .translate import translate

if TYPE_CHECKING:
    from .http import Http

Method = Literal["basic", "session", "oauth"]
METHODS: tuple[Method, ...] = ("basic", "session", "oauth")
DEFAULT_CLIENT_ID = "123"
DEFAULT_CLIENT_SECRET = "user"
DEFAULT_TIMEOUT = 15.0
#: the longest timeout taken (an hour): beyond it, a deadline no thread can wait for
MAX_TIMEOUT = 3600.0


@dataclass(frozen=True)
class ConnectionSettings:
    """Everything about a server except the operator's credentials."""

    server: str
    method: Method = "oauth"
    client_id: str = DEFAULT_CLIENT_ID
    client_secret: str = field(default=DEFAULT_CLIENT_SECRET, repr=False)
    token_url: str | None = None  #: typed by the operator: turns discovery off
    #: found automatically in an earlier run (same origin only): tried first, re-found on 404
    remembered_token_url: str | None = None
    remembered_session_url: str | None = None  #: the GET session URL found earlier
    basic_encoding: BasicEncoding = "base64"  #: "raw": ``Basic login:password`` as the page prints
    probe_path: str | None = None
    verify_tls: bool = True
    ca_bundle: str | None = None
    timeout: float = DEFAULT_TIMEOUT

    def endpoints(self) -> Endpoints:
        return build_endpoints(self.server, self.token_url, self.probe_path)


@dataclass(frozen=True)
class ProbeResult:
    status: int
    url: str
    body_start: str


class AuthClient:
    """The protocol over one :class:`Http`; every method blocks, so the GUI calls it in a worker."""

    def __init__(
        self,
        settings: ConnectionSettings,
        *,
        clock: Clock = time.time,
        on_request: Callable[[RequestRecord], None] | None = None,
        http: Http | None = None,
    ) -> None:
        self.settings = settings
        self.endpoints = settings.endpoints()
        self.clock = clock
        register_secret(settings.client_secret if settings.client_secret != "user" else None)
        if http is None:
            from .http import Http  # loads requests: deferred until the first client is made

            http = Http(
                TlsOptions(settings.verify_tls, settings.ca_bundle or None),
                settings.timeout,
                on_request,
            )
        self.http = http
        ep = self.endpoints
        typed = bool(settings.token_url and settings.token_url.strip())
        #: where token requests (password and refresh grants) go; see :mod:`.discovery`
        self.token_finder = Finder(
            "POST",
            lambda: token_candidates(ep, self._get_document),
            fixed=ep.token_url if typed else None,
            remembered=remembered_url(settings.remembered_token_url, ep.origin),
            advice=TRIED_TOKEN,
        )
        #: where GET session goes: ``{api}/session``, then ``/api/session``
        self.session_finder = Finder(
            "GET",
            lambda: session_candidates(ep),
            remembered=remembered_url(settings.remembered_session_url, ep.origin),
        )

    # -- where requests go (for the window, profiles and the CLI) ------------------------------
    @property
    def token_url(self) -> str | None:
        """The token URL in use: typed, remembered or found; None while not known."""
        return self.token_finder.url

    @property
    def token_url_automatic(self) -> bool:
        """True when the token URL is found automatically (none was typed)."""
        return self.token_finder.automatic

    @property
    def session_url(self) -> str | None:
        """The GET session URL in use (remembered or found); None while not known."""
        return self.session_finder.url

    def remembered(self) -> ConnectionSettings:
        """The settings with what was found remembered: pass them to the next client (the next
        refresh, the next start) so it goes straight there."""
        token = self.token_url if self.token_url_automatic else None
        return replace(
            self.settings, remembered_token_url=token, remembered_session_url=self.session_url
        )

    def close(self) -> None:
        """Abandon what is in flight and let go of the refresh token this client held: the
        client is often freed only by the garbage collector (its finders refer back to it),
        and one refresh token a refresh must not stay masked until then."""
        self.http.close()
        release_secrets(self)

    def cancel(self) -> None:
        """Abandon the request in flight, from any thread (sign-out, a new sign-in, quitting):
        the blocked call raises :class:`~.errors.RequestCancelled` at once."""
        self.http.cancel()

    def abandon(self) -> None:
        """Cancel for good, from any thread: the request in flight and every later one (the
        next discovery candidate, the probe after a sign-in) raise
        :class:`~.errors.RequestCancelled` at once."""
        self.http.abandon()

    # -- sign-in ---------------------------------------------------------------------------
    def sign_in(self, login: str, password: str, method: Method | None = None) -> Credentials:
        method = method or self.settings.method
        register_secret(password)
        if method == "basic":
            creds = make_basic(login, password, self.clock(), self.settings.basic_encoding)
            self.probe(creds)  # Basic has no token: signed in means a protected call succeeds
            return creds
        if method == "session":
            return self._session_sign_in(login, password)
        if method == "oauth":
            return self._token_request(
                {"grant_type": "password", "username": login, "password": password}, refresh=False
            )
        raise ValueError(f"unknown method {method!r}")

    def _session_sign_in(self, login: str, password: str) -> Token:
        params = {"username": login, "login": login, "password": password}
        answer = self.session_finder.request(
            lambda url: self.http.request("GET", url, self._reader(refresh=False), params=params),
            _judge,
        )
        return _token_of(answer)

    # -- refresh ---------------------------------------------------------------------------
    def refresh(self, refresh_token: str) -> Token:
        # held while this client lives, replaced by the next one: with rotation a registry
        # that kept every refresh token grew by one value a refresh, for ever
        hold_secrets(self, refresh_token)
        return self._token_request(
            {"grant_type": "refresh_token", "refresh_token": refresh_token}, refresh=True
        )

    def _token_request(self, form: dict[str, str], *, refresh: bool) -> Token:
        body = {**form, "client_id": self.settings.client_id}
        body["client_secret"] = self.settings.client_secret
        headers = {"Content-Type": "application/x-www-form-urlencoded; charset=utf-8"}
        read = self._reader(refresh=refresh)
        answer = self.token_finder.request(
            lambda url: self.http.request("POST", url, read, data=body, headers=headers),
            _judge,
        )
        return _token_of(answer)

    def _get_document(self, url: str) -> Answer:
        return self.http.request("GET", url)  # no credentials: a discovery document is public

    def _reader(self, *, refresh: bool) -> Callable[[Answer], Read]:
        """Reads a token answer inside its request's deadline (parsing is bounded, but a
        server must not be able to stretch a request beyond its timeout with it)."""

        def read(answer: Answer) -> Read:
            try:
                token = self._token_from(answer, refresh=refresh)
            except AuthError as exc:
                return Read(**vars(answer), error=exc)
            return Read(**vars(answer), token=token)

        return read

    def _token_from(self, answer: Answer, *, refresh: bool) -> Token:
        if answer.status == 200:
            return parse_token_response(answer.text, self.clock(), answer.url)
        raise error_for(answer, refresh=refresh)

    # -- probe -----------------------------------------------------------------------------
    def probe(self, credentials: Credentials | None, url: str | None = None) -> ProbeResult:
        """Call the protected endpoint; 2xx returns, anything else raises."""
        url = url or self.endpoints.probe_url
        headers = {"Authorization": wire(credentials.authorization)} if credentials else {}
        answer = self.http.request("GET", url, headers=headers)
        if 200 <= answer.status < 300:
            return ProbeResult(answer.status, url, snippet(answer.text, 120))
        raise error_for(answer, refresh=False)


def _oauth_error(answer: Answer) -> tuple[str, str]:
    try:
        data = json.loads(answer.text)
    except (ValueError, RecursionError):  # nested past the recursion limit: not an OAuth error
        return "", ""
    if not isinstance(data, dict):
        return "", ""
    fields = {str(k).lower(): v for k, v in data.items()}
    return str(fields.get("error", "")), str(fields.get("error_description", ""))


def error_for(answer: Answer, *, refresh: bool) -> AuthError:
    """The error an operator should see for a non-success answer."""
    status = answer.status
    code, description = _oauth_error(answer)
    if code == "invalid_client":
        return ClientRejected(status=status)
    if status == 401 or code == "invalid_grant":
        if refresh:
            return RefreshTokenRejected(status=status)
        return CredentialsRejected(status=status)
    if status == 403:
        return NoRights(status=status)
    if status == 404:
        return EndpointNotFound(status=status, url=answer.url)
    if status == 429:
        retry = answer.headers.get("retry-after", "").strip()
        digits = retry.isascii() and retry.isdigit() and len(retry) <= 18
        return TooManyRequests(status=status, retry_after=int(retry) if digits else None)
    if status >= 500:
        began = translate("errors", "Its answer began: {snippet}")
        return ServerError(
            status=status, url=answer.url, detail=began.format(snippet=snippet(answer.text, 200))
        )
    if status >= 400:
        detail = " — ".join(x for x in (code, description) if x) or snippet(answer.text, 200)
        return RequestRefused(status=status, detail=detail)
    unexpected = translate("errors", "unexpected HTTP {status}").format(status=status)
    return UnreadableAnswer(url=answer.url, detail=unexpected, snippet=snippet(answer.text))


@dataclass(frozen=True)
class Read(Answer):
    """A token answer read inside its request's deadline: the token, or the error it is."""

    token: Token | None = field(default=None, repr=False)
    error: AuthError | None = None


def _judge(answer: Answer) -> AuthError | None:
    """None when ``answer`` carries a token; else the error it amounts to (for discovery)."""
    return answer.error if isinstance(answer, Read) else None


def _token_of(answer: Answer) -> Token:
    if isinstance(answer, Read) and answer.token is not None:
        return answer.token
    if isinstance(answer, Read) and answer.error is not None:
        raise answer.error
    return _never_read(answer)


def _never_read(answer: Answer) -> Token:
    """Every token request reads its answer (:meth:`AuthClient._reader`); kept total for mypy."""
    raise error_for(answer, refresh=False)


__all__ = [
    "METHODS",
    "AuthClient",
    "BasicCredentials",
    "ConnectionSettings",
    "Credentials",
    "Method",
    "ProbeResult",
    "Token",
]
