"""Where the demo server's password grant lives, so every server layout can be reproduced.

Real servers put the token endpoint in different places (protocol.md): under the database
prefix, at the root, at ``POST {api}/session``, at ``/connect/token`` named by a discovery
document. ``DemoConfig.token_paths`` (``--token-path``, repeatable) places it anywhere, at
several places at once; ``{prefix}`` and ``{api}`` in a path are filled in. The discovery
document can name a token endpoint on another origin (``openid_token_endpoint``), to prove
that a client never sends the password there.
"""

from __future__ import annotations

from typing import Literal

from .tokens import DemoConfig, normalise_prefix

WELL_KNOWN = "/.well-known/openid-configuration"
Special = Literal["token", "openid"]


def expand(path: str, prefix: str) -> str:
    """``{api}/session`` with prefix ``/MobileSMARTS`` -> ``/MobileSMARTS/api/v1/session``."""
    path = path.strip().replace("{api}", "{prefix}/api/v1").replace("{prefix}", prefix)
    return "/" + path.strip("/")


def token_paths(config: DemoConfig) -> tuple[str, ...]:
    """The absolute paths that answer the password and refresh-token grants."""
    prefix = normalise_prefix(config.prefix)
    if config.token_paths is None:
        extra = (prefix + "/connect/token",) if config.openid else ()
        return (prefix + "/oauth/token", *extra)
    return tuple(dict.fromkeys(expand(path, prefix) for path in config.token_paths))


def special_route(config: DemoConfig, path: str) -> Special | None:
    """ "token" or "openid" for a request path (lower case, unquoted, no trailing slash)."""
    if path in (p.lower().rstrip("/") for p in token_paths(config)):
        return "token"
    well_known = (normalise_prefix(config.prefix) + WELL_KNOWN).lower()
    if config.openid and path == well_known:
        return "openid"
    return None


def token_url(config: DemoConfig, origin: str) -> str:
    """The first token URL (the one a client told where to go would use)."""
    paths = token_paths(config)
    return origin + (paths[0] if paths else normalise_prefix(config.prefix) + "/oauth/token")


def openid_document(config: DemoConfig, origin: str) -> dict[str, object]:
    """The discovery document: its token_endpoint is the configured one, else this server's
    ``/connect/token`` (or its last token path)."""
    paths = token_paths(config)
    connect = [p for p in paths if p.lower().endswith("/connect/token")]
    endpoint = (
        config.openid_token_endpoint or origin + (connect or paths or ("/connect/token",))[-1]
    )
    return {
        "issuer": origin + normalise_prefix(config.prefix),
        "token_endpoint": endpoint,
        "grant_types_supported": ["password", "refresh_token"],
        "token_endpoint_auth_methods_supported": ["client_secret_post", "client_secret_basic"],
    }
