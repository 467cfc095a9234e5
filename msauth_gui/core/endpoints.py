"""Turn a server URL, in any form operators type it, into the set of URLs the client calls.

Accepted (see protocol.md): ``https://host:9000``, ``…/api/v1`` with or without a trailing
slash, ``…/MobileSMARTS/api/v1``, ``…:10511/<database GUID>/api/v1``, and ``host:9000`` with no
scheme (https is assumed, and remembered so an error can suggest ``http://``).
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from urllib.parse import urlsplit

from .errors import InvalidInput

DEFAULT_PROBE_PATH = "/DocTypes?$top=1"
API_SUFFIX = "/api/v1"
MAX_URL_LENGTH = 2048
_SCHEME = re.compile(r"^([A-Za-z][A-Za-z0-9+.\-]*):")


@dataclass(frozen=True)
class Endpoints:
    origin: str  #: ``scheme://host:port``
    prefix: str  #: path before ``/api/v1`` (``""``, ``/MobileSMARTS``, ``/<guid>``)
    api_base: str  #: ``{origin}{prefix}/api/v1``, no trailing slash
    session_url: str
    token_url: str
    probe_url: str
    scheme_assumed: bool = False  #: the operator typed no scheme; https was assumed

    @property
    def host(self) -> str:
        return urlsplit(self.origin).netloc

    @property
    def is_https(self) -> bool:
        return self.origin.startswith("https:")

    def plain_http_origin(self) -> str:
        return "http://" + self.host

    def url(self, path: str) -> str:
        """A URL for ``path``: absolute as given, else under the API base."""
        if re.match(r"(?i)^https?://", path):
            return path
        if not path.startswith("/"):
            path = "/" + path
        return self.api_base + path

    def with_api_prefix(self, prefix: str) -> Endpoints:
        """The same server with the API under another prefix (used by the server check)."""
        return build_endpoints(self.origin + prefix + API_SUFFIX)


def _fail(detail: str) -> InvalidInput:
    return InvalidInput(field="Server URL", detail=detail)


def build_endpoints(
    server: str, token_url: str | None = None, probe_path: str | None = None
) -> Endpoints:
    """Normalise ``server`` once; raise :class:`InvalidInput` saying what is wrong with it."""
    text = (server or "").strip()
    if not text:
        raise _fail("enter the server address, e.g. https://host:9000")
    if len(text) > MAX_URL_LENGTH:
        raise _fail(f"too long ({len(text)} characters; at most {MAX_URL_LENGTH})")
    if any(ch.isspace() for ch in text):
        raise _fail("must not contain spaces")
    assumed = False
    match = _SCHEME.match(text)
    # "host:9000" parses as scheme "host"; a scheme is only real when "//" follows it
    if match and not text[match.end() :].startswith("//") and text[match.end() :][:1].isdigit():
        match = None
    if not match:
        text = "https://" + text
        assumed = True
    parts = urlsplit(text)
    scheme = parts.scheme.lower()
    if scheme not in ("http", "https"):
        raise _fail(f"use an http:// or https:// address, not {scheme}:")
    if parts.query or parts.fragment:
        raise _fail("must not contain ? or # parts")
    if parts.username is not None or parts.password is not None:
        raise _fail("must not contain a login or password; use the login and password fields")
    host = parts.hostname or ""
    if not host:
        raise _fail("has no host name")
    try:
        port = parts.port
    except ValueError:
        raise _fail("the port must be a number from 1 to 65535") from None
    if port == 0:
        raise _fail("the port must be a number from 1 to 65535")
    if ":" in host:  # IPv6 literal
        netloc_host = f"[{host}]"
    else:
        try:
            ascii_host = host.encode("idna").decode("ascii")
        except UnicodeError:
            raise _fail(f"{host!r} is not a valid host name") from None
        if not re.fullmatch(r"[A-Za-z0-9.\-_]+", ascii_host):
            raise _fail(f"{host!r} is not a valid host name")
        netloc_host = host.lower()
    origin = f"{scheme}://{netloc_host}" + (f":{port}" if port else "")

    path = parts.path.rstrip("/")
    lower = path.lower()
    if lower.endswith(API_SUFFIX):
        prefix = path[: -len(API_SUFFIX)]
    elif lower.endswith("/api"):
        prefix = path[: -len("/api")]
    else:
        prefix = path
    api_base = origin + prefix + API_SUFFIX

    if token_url and token_url.strip():
        token = token_url.strip()
        if token.startswith("/"):
            token = origin + token
        elif not re.match(r"(?i)^https?://[^/\s]+", token):
            raise InvalidInput(
                field="Token URL", detail="use an absolute URL or a path starting with /"
            )
    else:
        token = origin + prefix + "/oauth/token"

    endpoints = Endpoints(
        origin=origin,
        prefix=prefix,
        api_base=api_base,
        session_url=api_base + "/session",
        token_url=token,
        probe_url="",
        scheme_assumed=assumed,
    )
    probe = endpoints.url((probe_path or "").strip() or DEFAULT_PROBE_PATH)
    return Endpoints(**{**endpoints.__dict__, "probe_url": probe})
