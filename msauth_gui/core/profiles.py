"""Profiles: a named server set-up, without secrets, and their JSON import/export.

A profile holds only what may sit in a plain file: passwords, refresh tokens and non-default
client secrets live in the OS keyring (:mod:`.secrets`). An export never carries a secret; a
profile with a client secret of its own is marked ``"own_client_secret": true`` so that whoever
imports it is told to enter that secret.
"""

from __future__ import annotations

import json
from collections.abc import Collection
from dataclasses import asdict, dataclass, fields, replace
from typing import Any

from .basic import BASIC_ENCODINGS, BasicEncoding
from .client import (
    DEFAULT_CLIENT_ID,
    DEFAULT_CLIENT_SECRET,
    DEFAULT_TIMEOUT,
    MAX_TIMEOUT,
    METHODS,
    ConnectionSettings,
    Method,
)
from .endpoints import build_endpoints, same_origin
from .errors import InvalidInput
from .translate import QT_TRANSLATE_NOOP, translate

EXPORT_FORMAT = "msauth-gui profiles"
_PROFILE = QT_TRANSLATE_NOOP("errors", "Profile")
_FILE = QT_TRANSLATE_NOOP("errors", "Profiles file")
EXPORT_VERSION = 1
OWN_SECRET = "own_client_secret"  #: export key: the profile's client secret is not the default


@dataclass(frozen=True)
class Profile:
    name: str
    server: str = ""
    method: Method = "oauth"
    login: str = ""
    client_id: str = DEFAULT_CLIENT_ID
    token_url: str = ""  #: typed by the operator: turns discovery off
    #: found automatically (not a secret); the next start goes straight there
    remembered_token_url: str = ""
    remembered_session_url: str = ""
    basic_encoding: BasicEncoding = "base64"
    probe_path: str = ""
    verify_tls: bool = True
    ca_bundle: str = ""
    timeout: float = DEFAULT_TIMEOUT
    remember_password: bool = False
    stay_signed_in: bool = False

    def settings(self, client_secret: str = DEFAULT_CLIENT_SECRET) -> ConnectionSettings:
        return ConnectionSettings(
            server=self.server,
            method=self.method,
            client_id=self.client_id,
            client_secret=client_secret,
            token_url=self.token_url or None,
            remembered_token_url=self.remembered_token_url or None,
            remembered_session_url=self.remembered_session_url or None,
            basic_encoding=self.basic_encoding,
            probe_path=self.probe_path or None,
            verify_tls=self.verify_tls,
            ca_bundle=self.ca_bundle or None,
            timeout=self.timeout,
        )

    def to_dict(self) -> dict[str, Any]:
        return asdict(self)

    @classmethod
    def from_dict(cls, data: dict[str, Any]) -> Profile:
        """Build from untrusted data: unknown keys ignored, wrong types refused with a message."""
        if not isinstance(data, dict):
            raise InvalidInput(field=_PROFILE, detail=translate("errors", "expected an object"))
        name = data.get("name")
        if not isinstance(name, str) or not name.strip():
            raise InvalidInput(field=_PROFILE, detail=translate("errors", "has no name"))
        profile = cls(name=name.strip())
        values: dict[str, Any] = {}
        for f in fields(cls):
            if f.name == "name" or f.name not in data:
                continue
            value = data[f.name]
            default = getattr(profile, f.name)
            if isinstance(default, bool):
                ok = isinstance(value, bool)
            elif isinstance(default, float):  # the timeout: not 1e20, Infinity or NaN
                number = isinstance(value, (int, float)) and not isinstance(value, bool)
                ok = number and 0 < value <= MAX_TIMEOUT
            else:
                ok = isinstance(value, str)
            if f.name == "method":
                ok = value in METHODS
            if f.name == "basic_encoding":
                ok = value in BASIC_ENCODINGS
            if not ok:
                where = translate("errors", "Profile {name}").format(name=repr(name))
                detail = translate("errors", "{key} has a wrong value").format(key=f.name)
                raise InvalidInput(field=where, detail=detail)
            values[f.name] = float(value) if isinstance(default, float) else value
        return replace(profile, **values)


@dataclass(frozen=True)
class Imported:
    """A profile read from an export, and whether its own client secret must be entered."""

    profile: Profile
    own_client_secret: bool = False
    #: a token URL on another server than the profile's, left out: the password would go there
    foreign_token_url: str = ""

    def warning(self) -> str:
        """What the operator is told about this profile after the import ("" when nothing)."""
        if not self.foreign_token_url:
            return ""
        text = translate(
            "errors",
            "Profile “{name}”: its token URL {url} is on another server, so it was not imported "
            "(the password would be sent there). The token URL will be found automatically; if "
            "you trust that address, type it in Advanced.",
        )
        return text.format(name=self.profile.name, url=self.foreign_token_url)


def export_profiles(profiles: list[Profile], own_client_secret: Collection[str] = ()) -> str:
    """JSON for sharing a server list with a team: no secrets, no per-user secret flags; the
    profiles named in ``own_client_secret`` are marked as needing theirs."""
    shared = []
    for p in profiles:
        data = p.to_dict()
        for personal in ("remember_password", "stay_signed_in"):
            del data[personal]
        if p.name in own_client_secret:
            data[OWN_SECRET] = True
        shared.append(data)
    doc = {"format": EXPORT_FORMAT, "version": EXPORT_VERSION, "profiles": shared}
    return json.dumps(doc, ensure_ascii=False, indent=2)


def import_profiles(text: str) -> list[Profile]:
    return [entry.profile for entry in import_entries(text)]


def import_entries(text: str) -> list[Imported]:
    """The profiles of an export, each with its "own client secret" mark."""
    try:
        doc = json.loads(text)
    except json.JSONDecodeError as exc:
        detail = translate("errors", "not JSON ({error})").format(error=exc.msg)
        raise InvalidInput(field=_FILE, detail=detail) from None
    except (ValueError, RecursionError):  # nested too deep, or a number past int()'s digits
        doc = None
    if not isinstance(doc, dict) or doc.get("format") != EXPORT_FORMAT:
        detail = translate("errors", "not an msauth-gui profiles export")
        raise InvalidInput(field=_FILE, detail=detail)
    items = doc.get("profiles")
    if not isinstance(items, list):
        raise InvalidInput(field=_FILE, detail=translate("errors", "has no profile list"))
    return [_checked(Profile.from_dict(item), _marked(item)) for item in items]


def _checked(profile: Profile, own_client_secret: bool) -> Imported:
    """A shared file must not route the password elsewhere: a token URL typed by the operator
    may point anywhere, one that came in a file only to the profile's own server."""
    url = profile.token_url.strip()
    if url.lower().startswith(("http://", "https://")):
        try:
            origin = build_endpoints(profile.server).origin
        except InvalidInput:
            origin = ""
        if not same_origin(url, origin):
            return Imported(replace(profile, token_url=""), own_client_secret, url)
    return Imported(profile, own_client_secret)


def _marked(item: Any) -> bool:
    return isinstance(item, dict) and item.get(OWN_SECRET) is True


def unique_name(wanted: str, taken: set[str]) -> str:
    """``wanted``, or ``wanted (2)``, ``(3)``… whichever is free."""
    name = wanted.strip() or "Server"
    if name not in taken:
        return name
    n = 2
    while f"{name} ({n})" in taken:
        n += 1
    return f"{name} ({n})"
