"""Turn a server URL, in any form operators type it, into the set of URLs the client calls.

Accepted (see protocol.md): ``https://host:9000``, ``…/api/v1`` with or without a trailing
slash, ``…/MobileSMARTS/api/v1``, ``…:10511/<database GUID>/api/v1``, and ``host:9000`` with no
scheme (https is assumed, and remembered so an error can suggest ``http://``).
"""

from __future__ import annotations

import ipaddress
import re
from dataclasses import dataclass
from urllib.parse import urlsplit

from .errors import InvalidInput
from .translate import QT_TRANSLATE_NOOP, number, plurals, translate

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


_DEFAULT_PORTS = {"http": 80, "https": 443}


def _origin_key(url: str) -> tuple[str, str, int] | None:
    try:
        parts = urlsplit(url)
        port = parts.port
    except ValueError:
        return None
    scheme = parts.scheme.lower()
    if scheme not in _DEFAULT_PORTS or not parts.hostname or parts.username is not None:
        return None
    host = ascii_host(parts.hostname)
    if host is None:
        return None
    return scheme, host, port or _DEFAULT_PORTS[scheme]


def ascii_host(host: str) -> str | None:
    """``host`` as the HTTP stack sends it: lower case, a non-ASCII name in IDNA 2008 with
    UTS 46 mapping, as ``requests`` encodes it (Python's own "idna" codec is IDNA 2003, for
    which "straße" is "strasse", another host); None when it cannot be encoded."""
    if host.isascii():
        return host.lower()
    import idna  # a dependency of requests; imported only for non-ASCII names

    try:
        return idna.encode(host, uts46=True).decode("ascii")
    except (idna.IDNAError, UnicodeError, ValueError):
        return None


def origin_of(url: str) -> str | None:
    """``scheme://host:port`` of an http(s) URL (port always written), or None."""
    key = _origin_key(url)
    if key is None:
        return None
    scheme, host, port = key
    return f"{scheme}://{f'[{host}]' if ':' in host else host}:{port}"


def same_origin(url: str, origin: str) -> bool:
    """Whether ``url`` is on ``origin`` (scheme, host and port; default ports filled in)."""
    key = _origin_key(url)
    return key is not None and key == _origin_key(origin)


def is_loopback(host: str) -> bool:
    """True for ``localhost`` and loopback addresses; False for everything else (``0.0.0.0``)."""
    if host.lower() == "localhost":
        return True
    try:
        return ipaddress.ip_address(host.strip("[]")).is_loopback
    except ValueError:
        return False


def _idna2008_ok(host: str) -> bool:
    """Whether the HTTP stack (urllib3: strict IDNA 2008) can use this non-ASCII host name."""
    import idna  # a dependency of requests; imported only for non-ASCII names

    try:
        idna.encode(host, strict=True, std3_rules=True)
    except (idna.IDNAError, UnicodeError, ValueError):
        return False
    return True


_BRACKETS = QT_TRANSLATE_NOOP(
    "errors", "is not a valid address; check the brackets around an IPv6 address"
)
_USERINFO = QT_TRANSLATE_NOOP(
    "errors", "must not contain a login or password; use the login and password fields"
)
_BAD_PORT = QT_TRANSLATE_NOOP("errors", "the port must be a number from 1 to 65535")
_BAD_HOST = QT_TRANSLATE_NOOP("errors", "{host} is not a valid host name")
#: the ``field`` of a bad token URL (an English key: the form tells the two fields apart by it)
TOKEN_URL_FIELD = QT_TRANSLATE_NOOP("errors", "Token URL")
_PROBE_ELSEWHERE = QT_TRANSLATE_NOOP(
    "errors",
    "must be on the server ({origin}), as the probe sends the credentials; use a path such as "
    "/DocTypes?$top=1",
)
SERVER_URL_FIELD = QT_TRANSLATE_NOOP("errors", "Server URL")


def _too_long(length: int) -> str:
    text = plurals.tr("too long ({length} character(s); at most {most})", "", length)
    return text.format(length=number(length), most=number(MAX_URL_LENGTH))


def _fail(detail: str, **params: object) -> InvalidInput:
    """A bad server URL; ``detail`` is an English template, translated and filled in here."""
    text = translate("errors", detail).format(**params)
    return InvalidInput(field=SERVER_URL_FIELD, detail=text)


def build_endpoints(
    server: str, token_url: str | None = None, probe_path: str | None = None
) -> Endpoints:
    """Normalise ``server`` once; raise :class:`InvalidInput` saying what is wrong with it."""
    text = (server or "").strip()
    if not text:
        raise _fail(QT_TRANSLATE_NOOP("errors", "enter the server address, e.g. https://host:9000"))
    if len(text) > MAX_URL_LENGTH:
        raise InvalidInput(field=SERVER_URL_FIELD, detail=_too_long(len(text)))
    if any(ch.isspace() for ch in text):
        raise _fail(QT_TRANSLATE_NOOP("errors", "must not contain spaces"))
    assumed = False
    match = _SCHEME.match(text)
    # "host:9000" parses as scheme "host"; a scheme is only real when "//" follows it
    # ("host:-1" is a host with a bad port, too)
    if match and re.match(r"-?[0-9]", text[match.end() :]):
        match = None
    if not match:
        text = "https://" + text
        assumed = True
    try:
        parts = urlsplit(text)
    except ValueError:  # an unbalanced "[" (IPv6 literal) and the like
        raise _fail(_BRACKETS) from None
    scheme = parts.scheme.lower()
    if scheme not in ("http", "https"):
        raise _fail(
            QT_TRANSLATE_NOOP("errors", "use an http:// or https:// address, not {scheme}:"),
            scheme=scheme,
        )
    if parts.query or parts.fragment:
        raise _fail(QT_TRANSLATE_NOOP("errors", "must not contain ? or # parts"))
    if parts.username is not None or parts.password is not None:
        raise _fail(_USERINFO)
    host = parts.hostname or ""
    if not host:
        raise _fail(QT_TRANSLATE_NOOP("errors", "has no host name"))
    try:
        port = parts.port
    except ValueError:
        raise _fail(_BAD_PORT) from None
    if port == 0:
        raise _fail(_BAD_PORT)
    if ":" in host:  # IPv6 literal
        netloc_host = f"[{host}]"
    else:
        sent = ascii_host(host)
        try:  # no empty label, none over 63 characters
            sent = sent and sent.encode("idna").decode("ascii")
        except UnicodeError:
            sent = None
        if not sent or not re.fullmatch(r"[A-Za-z0-9.\-_]+", sent):
            raise _fail(_BAD_HOST, host=repr(host))
        # a non-ASCII name stays readable, in the form IDNA maps it to ("ｈｏｓｔ" is "host"),
        # and must be one the HTTP stack can send
        netloc_host = sent
        if not host.isascii():
            import idna

            try:
                netloc_host = idna.decode(sent)
            except (idna.IDNAError, UnicodeError, ValueError):
                netloc_host = ""
        if not netloc_host or not (netloc_host.isascii() or _idna2008_ok(netloc_host)):
            raise _fail(_BAD_HOST, host=repr(host))
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
        if len(token) > MAX_URL_LENGTH:
            detail = _too_long(len(token))
            raise InvalidInput(field=TOKEN_URL_FIELD, detail=detail)
        if token.startswith("/"):
            token = origin + token
        elif not re.match(r"(?i)^https?://[^/\s]+", token):
            detail = translate("errors", "use an absolute URL or a path starting with /")
            raise InvalidInput(field=TOKEN_URL_FIELD, detail=detail)
        if "@" in urlsplit(token).netloc:  # https://wms:9000@evil.example/ goes to evil.example
            raise InvalidInput(field=TOKEN_URL_FIELD, detail=translate("errors", _USERINFO))
    else:  # the first candidate of discovery (see .discovery); what is used when none runs
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
    if not same_origin(probe, origin):  # an absolute URL elsewhere (a shared profile's)
        detail = translate("errors", _PROBE_ELSEWHERE).format(origin=origin)
        raise InvalidInput(field=QT_TRANSLATE_NOOP("errors", "Probe path"), detail=detail)
    return Endpoints(**{**endpoints.__dict__, "probe_url": probe})
