"""Where a session's requests go, remembered: what a client found, said and kept in a profile.

Every keeper job makes its own :class:`~msauth_gui.core.client.AuthClient`; what that client
found (the token endpoint, the GET session URL) would die with it. :func:`learned_by` takes it
out as a :class:`Learned`: the settings the next client starts from (it goes straight to the
URL found), and the attempts, for the activity log (:func:`notes`). A profile keeps the found
URLs for the next start; they belong to the server they were found on, so they are used only
while the server is the same and forgotten when it changes (two databases on one host share an
origin, not their token endpoints).
"""

from __future__ import annotations

from dataclasses import dataclass, replace

from ..client import AuthClient, ConnectionSettings
from ..discovery import Attempt
from ..profiles import Profile
from ..translate import QT_TRANSLATE_NOOP, translate

TOKEN_FOUND = QT_TRANSLATE_NOOP(
    "remember", "Token endpoint found automatically at {url} (URLs tried: {count})."
)
SESSION_FOUND = QT_TRANSLATE_NOOP(
    "remember", "Session URL found automatically at {url} (URLs tried: {count})."
)
TOKEN_DROPPED = QT_TRANSLATE_NOOP(
    "remember",
    "The remembered token URL {url} answered HTTP {status}: it is forgotten and the token "
    "endpoint is looked for again.",
)
SESSION_DROPPED = QT_TRANSLATE_NOOP(
    "remember",
    "The remembered session URL {url} answered HTTP {status}: it is forgotten and looked for "
    "again.",
)


@dataclass(frozen=True)
class Learned:
    """What one client learned about where its requests go."""

    before: ConnectionSettings  #: the settings the client started from
    settings: ConnectionSettings  #: the same, with what was found remembered (or dropped)
    token_url: str | None  #: the token URL in use at the end (None: not known)
    session_url: str | None  #: the GET session URL in use at the end
    token_attempts: tuple[Attempt, ...] = ()  #: what token discovery tried, in order
    session_attempts: tuple[Attempt, ...] = ()

    @property
    def news(self) -> bool:
        """True when something was looked for, found or dropped (else nothing to tell)."""
        changed = self.settings != self.before
        return changed or bool(self.token_attempts or self.session_attempts)


def learned_by(client: AuthClient) -> Learned:
    """What ``client`` found: call it when its work is done (a ``finally``), even a failure."""
    return Learned(
        before=client.settings,
        settings=client.remembered(),
        token_url=client.token_url,
        session_url=client.session_url,
        token_attempts=client.token_finder.attempts,
        session_attempts=client.session_finder.attempts,
    )


def notes(learned: Learned) -> list[str]:
    """The activity log's lines for ``learned``: a remembered URL dropped, a URL found."""
    before = learned.before
    return _notes(
        learned.token_attempts,
        before.remembered_token_url,
        learned.token_url,
        (TOKEN_DROPPED, TOKEN_FOUND),
    ) + _notes(
        learned.session_attempts,
        before.remembered_session_url,
        learned.session_url,
        (SESSION_DROPPED, SESSION_FOUND),
    )


def _notes(
    attempts: tuple[Attempt, ...], remembered: str | None, found: str | None, texts: tuple[str, str]
) -> list[str]:
    if not attempts:
        return []  # nothing was looked for: the remembered or typed URL answered
    lines = []
    first = attempts[0]
    if remembered and first.url == remembered.strip() and first.outcome == "missing":
        lines.append(translate("remember", texts[0]).format(url=first.url, status=first.status))
        attempts = attempts[1:]
    if found is not None and attempts:
        count = sum(1 for attempt in attempts if attempt.outcome != "skipped")
        lines.append(translate("remember", texts[1]).format(url=found, count=count))
    return lines


def with_remembered(settings: ConnectionSettings, profile: Profile | None) -> ConnectionSettings:
    """``settings`` with the URLs ``profile`` remembers, when it is a profile of that server."""
    if profile is None or profile.server != settings.server:
        return settings
    return replace(
        settings,
        remembered_token_url=profile.remembered_token_url or None,
        remembered_session_url=profile.remembered_session_url or None,
    )


def remember_in(profile: Profile, settings: ConnectionSettings) -> Profile:
    """``profile`` keeping what ``settings`` remember, when they are of the profile's server."""
    if profile.server != settings.server:
        return profile
    return replace(
        profile,
        remembered_token_url=settings.remembered_token_url or "",
        remembered_session_url=settings.remembered_session_url or "",
    )


def moved(old: Profile, new: Profile) -> Profile:
    """``new``, forgetting the URLs found on ``old``'s server when the server changed."""
    if new.server == old.server:
        return new
    return replace(new, remembered_token_url="", remembered_session_url="")
