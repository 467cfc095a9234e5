"""Who may use the proxy, as ``kubectl proxy`` decides it: safe unless told otherwise.

Anyone who can send a request through the proxy acts as the signed-in user. So it listens on
loopback only unless given an address; it answers only requests whose ``Host`` is one of its
own names with its port (``localhost``, ``127.0.0.1``, ``[::1]``): a web page that rebinds its
DNS name to 127.0.0.1 sends its own name and gets 403. It refuses absolute-form targets to other
hosts (it is not a forward proxy), ``CONNECT``, ``TRACE`` (it would echo the credentials) and
``Upgrade``. A browser says where a request comes from (``Origin``; for a page's ``<img>``,
link or form GET, which has none, ``Referer`` and ``Sec-Fetch-Site``): web pages other than the
``--allow-origin`` ones are refused, and only those get CORS headers. ``--reject-methods``
makes a read-only proxy. Every check runs before the server is contacted.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass, field
from urllib.parse import urlsplit

from ..endpoints import is_loopback
from ..translate import translate
from ..visible import visible
from .wire import RequestHead

LOOPBACK_NAMES = ("localhost", "127.0.0.1", "[::1]")
READ_ONLY = frozenset({"POST", "PUT", "PATCH", "DELETE"})
NEVER = frozenset({"CONNECT", "TRACE"})


def host_name(address: str) -> str:
    """An address as a ``Host`` header names it: IPv6 in brackets, lower case."""
    address = address.strip("[]").lower()
    return f"[{address}]" if ":" in address else address


@dataclass(frozen=True)
class Policy:
    """What the proxy accepts."""

    hosts: frozenset[str]  #: accepted ``Host`` values, lower case, with the port
    origins: frozenset[str] = frozenset()  #: web pages that may read answers (CORS)
    reject_methods: frozenset[str] = frozenset()
    own_origins: frozenset[str] = field(default=frozenset())  #: the proxy's own http://host:port

    @classmethod
    def make(
        cls,
        address: str,
        port: int,
        *,
        accept_hosts: Iterable[str] = (),
        allow_origins: Iterable[str] = (),
        reject_methods: Iterable[str] = (),
    ) -> Policy:
        names = set(LOOPBACK_NAMES) | {host_name(h) for h in accept_hosts if h.strip()}
        if address and not is_loopback(address) and address not in ("0.0.0.0", "::"):
            names.add(host_name(address))  # asked for by --address: its own name is fine
        hosts = {f"{name}:{port}" for name in names} | (names if port == 80 else set())
        return cls(
            hosts=frozenset(hosts),
            origins=frozenset(o.strip().rstrip("/").lower() for o in allow_origins if o.strip()),
            reject_methods=frozenset(m.strip().upper() for m in reject_methods if m.strip()),
            own_origins=frozenset(f"http://{host}" for host in hosts),
        )


@dataclass(frozen=True)
class Refusal:
    """An answer the proxy gives itself, without contacting the server."""

    status: int
    reason: str  #: translated, plain text
    headers: tuple[tuple[str, str], ...] = ()


def check(head: RequestHead, policy: Policy) -> tuple[str, Refusal | None]:
    """The origin-form path to forward, or the refusal for this request."""
    hosts = head.values("host")
    host = hosts[0].strip().lower() if len(hosts) == 1 else ""
    if host not in policy.hosts:
        shown = visible(hosts[0][:100]) if hosts else translate("proxy", "(none)")
        text = translate(
            "proxy",
            "Host {host} is not accepted: the proxy answers only requests to {allowed} "
            "(a guard against DNS rebinding). Use one of those addresses.",
        )
        allowed = ", ".join(sorted(policy.hosts))
        return "", Refusal(403, text.format(host=shown, allowed=allowed))
    path = head.target
    if not path.startswith("/"):
        parts = urlsplit(path) if "://" in path else None
        if parts is None or (parts.netloc.lower() not in policy.hosts):
            text = translate(
                "proxy",
                "The proxy forwards only to its own server; ask for a path such as /api/v1/…, "
                "not for another host.",
            )
            return "", Refusal(400, text)
        path = (parts.path or "/") + (f"?{parts.query}" if parts.query else "")
    method = head.method.upper()
    if method in NEVER:
        text = translate("proxy", "{method} is not supported by the proxy.")
        return path, Refusal(405, text.format(method=method))
    # curl --http2 asks http:// servers for "Upgrade: h2c": a server may ignore it (RFC 9110
    # 7.8), and the answer comes in HTTP/1.1; a WebSocket cannot go on without its upgrade
    if head.tokens("upgrade") - {"h2c"}:
        text = translate("proxy", "Upgrade (WebSocket) is not supported by the proxy.")
        return path, Refusal(400, text)
    if method in policy.reject_methods:
        text = translate("proxy", "{method} is refused: this proxy is read-only.")
        return path, Refusal(405, text.format(method=method))
    page = _foreign_page(head, policy)
    if page:
        text = translate(
            "proxy",
            "Requests from web pages ({origin}) are refused: a page could act as you. "
            "Start the proxy with --allow-origin {origin} to let that page in.",
        )
        return path, Refusal(403, text.format(origin=visible(page[:100])))
    if page is not None:  # the browser says another site sent it, but not which
        text = translate(
            "proxy", "Requests from other web sites are refused: a page could act as you."
        )
        return path, Refusal(403, text)
    return path, None


def _foreign_page(head: RequestHead, policy: Policy) -> str | None:
    """The web page a request comes from, when it is not one let in: its ``Origin``, or its
    ``Referer``'s origin (a page's ``<img>``, link or form GET sends no ``Origin``); "" when only
    ``Sec-Fetch-Site`` says another site sent it; None for tools and the proxy's own pages."""
    allowed = policy.origins | policy.own_origins
    claimed = [v.strip().rstrip("/").lower() for v in head.values("origin") if v.strip()]
    for referer in head.values("referer"):
        parts = urlsplit(referer.strip()) if "://" in referer else None
        if parts is not None and parts.netloc:
            claimed.append(f"{parts.scheme}://{parts.netloc}".lower())
    for origin in claimed:
        if origin not in allowed:
            return origin
    site = (head.get("sec-fetch-site") or "").strip().lower()
    return "" if site in ("cross-site", "same-site") and not claimed else None


def cors_headers(head: RequestHead, policy: Policy) -> list[tuple[str, str]]:
    """CORS headers for an allowed web page's request; none for everyone else."""
    origin = (head.get("origin") or "").strip().rstrip("/")
    if not origin or origin.lower() not in policy.origins:
        return []
    return [
        ("Access-Control-Allow-Origin", origin),
        ("Access-Control-Expose-Headers", "*"),
        ("Vary", "Origin"),
    ]


def preflight(head: RequestHead, policy: Policy) -> list[tuple[str, str]] | None:
    """The headers of the answer to an allowed page's CORS preflight, or None if it is not one
    (a preflight is answered here: it carries no credentials and needs none)."""
    asked = head.get("access-control-request-method")
    cors = cors_headers(head, policy)
    if head.method.upper() != "OPTIONS" or asked is None or not cors:
        return None
    headers = head.get("access-control-request-headers")
    return [
        *cors,
        ("Access-Control-Allow-Methods", visible(asked.strip().upper()[:40])),
        *([("Access-Control-Allow-Headers", visible(headers[:1000]))] if headers else []),
        ("Access-Control-Max-Age", "600"),
        ("Content-Length", "0"),
    ]


__all__ = ["LOOPBACK_NAMES", "READ_ONLY", "Policy", "Refusal", "check"]
