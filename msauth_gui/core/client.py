"""Sign in, refresh and probe a Mobile SMARTS server: the whole protocol, no Qt."""

from __future__ import annotations

import json
import time
from collections.abc import Callable
from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Literal

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
from .redact import hold_secrets, register_secret
from .token import (
    BasicCredentials,
    Clock,
    Credentials,
    Token,
    basic_credentials,
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


@dataclass(frozen=True)
class ConnectionSettings:
    """Everything about a server except the operator's credentials."""

    server: str
    method: Method = "oauth"
    client_id: str = DEFAULT_CLIENT_ID
    client_secret: str = field(default=DEFAULT_CLIENT_SECRET, repr=False)
    token_url: str | None = None
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

    def close(self) -> None:
        self.http.close()

    def cancel(self) -> None:
        """Abandon the request in flight, from any thread (sign-out, a new sign-in, quitting):
        the blocked call raises :class:`~.errors.RequestCancelled` at once."""
        self.http.cancel()

    # -- sign-in ---------------------------------------------------------------------------
    def sign_in(self, login: str, password: str, method: Method | None = None) -> Credentials:
        method = method or self.settings.method
        register_secret(password)
        if method == "basic":
            creds = basic_credentials(login, password, self.clock())
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
        url = self.endpoints.session_url
        token = self.http.request("GET", url, self._session_answer, params=params)
        if token is None:
            # the vendor page's intro names /api/session (no version); older servers answer there
            url = self.endpoints.origin + self.endpoints.prefix + "/api/session"
            token = self.http.request("GET", url, self._sign_in_answer, params=params)
        return token

    def _session_answer(self, answer: Answer) -> Token | None:
        return None if answer.status == 404 else self._sign_in_answer(answer)

    def _sign_in_answer(self, answer: Answer) -> Token:
        return self._token_from(answer, refresh=False)

    def _refresh_answer(self, answer: Answer) -> Token:
        return self._token_from(answer, refresh=True)

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
        # the answer is read inside the request's deadline
        return self.http.request(
            "POST",
            self.endpoints.token_url,
            self._refresh_answer if refresh else self._sign_in_answer,
            data=body,
            headers={"Content-Type": "application/x-www-form-urlencoded; charset=utf-8"},
        )

    def _token_from(self, answer: Answer, *, refresh: bool) -> Token:
        if answer.status == 200:
            return parse_token_response(answer.text, self.clock(), answer.url)
        raise error_for(answer, refresh=refresh)

    # -- probe -----------------------------------------------------------------------------
    def probe(self, credentials: Credentials | None, url: str | None = None) -> ProbeResult:
        """Call the protected endpoint; 2xx returns, anything else raises."""
        url = url or self.endpoints.probe_url
        headers = {"Authorization": credentials.authorization} if credentials else {}
        answer = self.http.request("GET", url, headers=headers)
        if 200 <= answer.status < 300:
            return ProbeResult(answer.status, url, snippet(answer.text, 120))
        raise error_for(answer, refresh=False)

    def authorization_header(self, credentials: Credentials) -> str:
        return f"Authorization: {credentials.authorization}"


def _oauth_error(answer: Answer) -> tuple[str, str]:
    try:
        data = json.loads(answer.text)
    except ValueError:
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
        few = translate("errors", "a few")  # "Try again in a few s."
        return TooManyRequests(status=status, retry_after=retry if retry.isdigit() else few)
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
