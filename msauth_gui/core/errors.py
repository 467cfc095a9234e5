"""One small family of errors that an operator can act on.

Each error carries a message template (English, with ``{placeholders}``, marked for extraction
with the context "errors") and its parameters; ``message`` and ``str(error)`` translate the
template into the current language (:mod:`.translate`; English when none is installed) and fill
it in. Every text passes through :func:`redact` and then :func:`visible` before anyone sees it:
parameters often carry what a server sent, and no control character of theirs reaches a terminal.
"""

from __future__ import annotations

from typing import Any, ClassVar

from .redact import redact, redact_start
from .translate import QT_TRANSLATE_NOOP, number, translate
from .visible import visible

#: characters of one parameter a message shows (a server's error_description or Location can
#: be a megabyte: one such label kept the window's thread busy for seconds at every resize)
MAX_SHOWN = 1000
EXIT_OK = 0
EXIT_USAGE = 2
EXIT_REJECTED = 3
EXIT_UNREACHABLE = 4
EXIT_UNUSABLE = 5


class AuthError(Exception):
    """Base of every error the core raises on purpose."""

    template: ClassVar[str] = "{detail}"
    exit_code: ClassVar[int] = EXIT_UNUSABLE
    #: a short stable id, for translations, JSON output and tests
    kind: ClassVar[str] = "error"

    def __init__(self, **params: Any) -> None:
        self.params: dict[str, Any] = {"detail": "", **params}
        super().__init__(self.message)

    @property
    def message(self) -> str:
        """The text in the current language (see :mod:`.translate`), redacted, with control
        characters made visible."""
        params = {key: _number(_short(value)) for key, value in self.shown_params().items()}
        text = translate("errors", self.text_template()).format(**params)
        return visible(redact(text))

    def text_template(self) -> str:
        """The English template this error's text is made from (most have one)."""
        return self.template

    def shown_params(self) -> dict[str, Any]:
        """The parameters as the message shows them."""
        return self.params

    @property
    def status(self) -> int | None:
        return self.params.get("status")

    def __str__(self) -> str:
        return self.message

    def __repr__(self) -> str:
        return f"{type(self).__name__}({self.message!r})"


def _short(value: Any) -> Any:
    """A long text shortened to :data:`MAX_SHOWN` characters, redacted before the cut."""
    if isinstance(value, str) and len(value) > MAX_SHOWN:
        return redact_start(value, MAX_SHOWN) + "…"
    return value


class InvalidInput(AuthError):
    kind = "invalid_input"
    exit_code = EXIT_USAGE
    template = QT_TRANSLATE_NOOP("errors", "{field}: {detail}")

    def shown_params(self) -> dict[str, Any]:
        # the field stays an English key in params (code compares it); the message translates it
        return {**self.params, "field": translate("errors", str(self.params.get("field", "")))}


class CredentialsRejected(AuthError):
    kind = "credentials_rejected"
    exit_code = EXIT_REJECTED
    template = QT_TRANSLATE_NOOP(
        "errors",
        "The server rejected the login or password (HTTP {status}). Check them and sign in again.",
    )


class ClientRejected(AuthError):
    kind = "client_rejected"
    exit_code = EXIT_REJECTED
    template = QT_TRANSLATE_NOOP(
        "errors",
        "The server rejected the client id or secret (invalid_client). "
        "Check the client id and client secret (the vendor's default is 123 / user).",
    )


class RefreshTokenRejected(AuthError):
    kind = "refresh_rejected"
    exit_code = EXIT_REJECTED
    template = QT_TRANSLATE_NOOP(
        "errors",
        "The server no longer accepts the refresh token (HTTP {status}). Sign in again.",
    )


class NoRights(AuthError):
    kind = "no_rights"
    exit_code = EXIT_UNUSABLE
    template = QT_TRANSLATE_NOOP(
        "errors",
        "Signed in, but the user has no rights here (HTTP 403). Give the user's group the role "
        "«Внешнее подключение» (external connection) or «Администратор» in Mobile SMARTS.",
    )


class ServerError(AuthError):
    kind = "server_error"
    exit_code = EXIT_UNUSABLE
    template = QT_TRANSLATE_NOOP(
        "errors",
        "The server failed with HTTP {status} at {url}. {detail}",
    )


class EndpointNotFound(AuthError):
    kind = "not_found"
    exit_code = EXIT_UNUSABLE
    template = QT_TRANSLATE_NOOP(
        "errors",
        "Nothing answers at {url} (HTTP {status}). "
        "Check the server URL, the token URL and the probe path.",
    )


class RequestRefused(AuthError):
    """A 4xx the server explains in its own words (unsupported_grant_type and the like)."""

    kind = "request_refused"
    exit_code = EXIT_UNUSABLE
    template = QT_TRANSLATE_NOOP(
        "errors",
        "The server refused the request (HTTP {status}): {detail}",
    )


class TooManyRequests(AuthError):
    kind = "rate_limited"
    exit_code = EXIT_UNUSABLE
    template = QT_TRANSLATE_NOOP(
        "errors",
        "The server is limiting requests (HTTP 429). Try again in {retry_after} s.",
    )
    #: the server did not say when (no usable ``Retry-After``): ``retry_after`` is None
    unknown_wait: ClassVar[str] = QT_TRANSLATE_NOOP(
        "errors", "The server is limiting requests (HTTP 429). Try again in a few seconds."
    )

    def text_template(self) -> str:
        return self.template if self.params.get("retry_after") is not None else self.unknown_wait


class UnreadableAnswer(AuthError):
    kind = "unreadable"
    exit_code = EXIT_UNUSABLE
    template = QT_TRANSLATE_NOOP(
        "errors",
        "The server's answer from {url} could not be used: {detail}. It began: {snippet}",
    )


class RequestTimeout(AuthError):
    """The request's total deadline passed (connect, headers and body together)."""

    kind = "timeout"
    exit_code = EXIT_UNREACHABLE
    template = QT_TRANSLATE_NOOP(
        "errors",
        "{host} sent no complete answer within {seconds} s. Check that the server is running, "
        "or raise the timeout.",
    )


class RequestCancelled(AuthError):
    """The request was abandoned on purpose (sign-out, a new sign-in, closing, quitting)."""

    kind = "cancelled"
    exit_code = EXIT_UNREACHABLE
    template = QT_TRANSLATE_NOOP("errors", "The request to {host} was cancelled.")


class CannotConnect(AuthError):
    kind = "cannot_connect"
    exit_code = EXIT_UNREACHABLE
    template = QT_TRANSLATE_NOOP(
        "errors",
        "Cannot connect to {host}: {detail}. Check the address and port, and that the server runs.",
    )


class ConnectionLost(AuthError):
    kind = "connection_lost"
    exit_code = EXIT_UNREACHABLE
    template = QT_TRANSLATE_NOOP(
        "errors",
        "The connection to {host} was closed before the answer was complete. "
        "Try again; if it repeats, check the server and any proxy between.",
    )


class TlsNotTrusted(AuthError):
    kind = "tls_untrusted"
    exit_code = EXIT_UNREACHABLE
    template = QT_TRANSLATE_NOOP(
        "errors", "The certificate of {host} is not trusted ({detail}). {advice}"
    )

    def __init__(self, **params: Any) -> None:
        params.setdefault("advice", translate("errors", ADVICE_ADD_CA))
        super().__init__(**params)


#: what to do about an untrusted certificate, by cause (a CA bundle does not mend them all)
ADVICE_ADD_CA = QT_TRANSLATE_NOOP(
    "errors",
    "Add the company CA certificate (CA bundle, --ca-bundle FILE), or, for a test server only, "
    "turn TLS verification off (Verify TLS certificates, --insecure).",
)
ADVICE_RENEW = QT_TRANSLATE_NOOP(
    "errors",
    "Ask the server's administrator to renew the certificate; adding a CA does not help. For a "
    "test server only, turn TLS verification off (Verify TLS certificates, --insecure).",
)
ADVICE_HOST_NAME = QT_TRANSLATE_NOOP(
    "errors",
    "Use the host name the certificate was issued for, or ask the administrator for a certificate "
    "that names this host; adding a CA does not help.",
)


class PlainHttpServer(AuthError):
    kind = "plain_http"
    exit_code = EXIT_UNREACHABLE
    template = QT_TRANSLATE_NOOP("errors", "{host} speaks plain HTTP, not HTTPS. Use {suggestion}")


class HttpsServer(AuthError):
    """http:// was typed, and the port answers a TLS handshake (the mirror of PlainHttpServer)."""

    kind = "https_server"
    exit_code = EXIT_UNREACHABLE
    template = QT_TRANSLATE_NOOP("errors", "{host} speaks HTTPS, not plain HTTP. Use {suggestion}")


class RedirectRefused(AuthError):
    kind = "redirect"
    exit_code = EXIT_UNUSABLE
    template = QT_TRANSLATE_NOOP(
        "errors",
        "The server redirected to {target}; credentials are never sent after a redirect. "
        "If you trust that address, use it as the server URL.",
    )


def _number(value: Any) -> Any:
    """A number as the active language writes it (``10 485 760``, ``0,3``); anything else as is."""
    if isinstance(value, (int, float)) and not isinstance(value, bool):
        return number(value)
    return value


ERROR_KINDS: dict[str, type[AuthError]] = {cls.kind: cls for cls in AuthError.__subclasses__()}
