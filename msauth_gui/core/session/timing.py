"""When the keeper acts, and whether a renewal gained anything: no Qt, no clock of its own.

The refresh point of a token, the backoff schedule after failures (and a 429's
``Retry-After``), the next due moment, and :func:`gained`: a renewal whose token has already
expired by our clock (a JWT whose ``exp`` is past, a server clock behind ours), or expires
sooner than the last one, gained nothing and backs off like a failure instead of renewing every
second. :mod:`.renewal` builds the keeper's decisions on these.
"""

from __future__ import annotations

from dataclasses import dataclass, replace

from ..errors import AuthError, TooManyRequests
from ..token import Credentials, Token
from ..translate import QT_TRANSLATE_NOOP


class NoFresherToken(AuthError):
    """A renewal gave a token that is already expired, or expires no later than the last one."""

    kind = "no_fresher_token"
    template = QT_TRANSLATE_NOOP(
        "errors",
        "The server's new token is no fresher than the last one: it has already expired by "
        "this computer's clock, or expires sooner. The server's clock may be behind this "
        "computer's. Renewing again after a pause.",
    )


@dataclass(frozen=True)
class Timing:
    refresh_fraction: float = 0.8
    #: the last (1 - fraction) of the lifetime is "expiring soon"; with refresh at 0.8 only a
    #: token whose refresh keeps failing gets there
    expiring_soon_fraction: float = 0.9
    min_attempt_gap: float = 1.0
    backoff: tuple[float, ...] = (5, 15, 30, 60)

    def with_refresh_fraction(self, value: float) -> Timing:
        """Renew at ``value`` of the lifetime (kept within 5-99 %); "expiring soon" moves behind
        the refresh point when it would come first, so it stays the time after a missed one."""
        fraction = min(max(float(value), 0.05), 0.99)
        soon = self.expiring_soon_fraction
        if fraction >= soon:
            soon = (1 + fraction) / 2
        return replace(self, refresh_fraction=fraction, expiring_soon_fraction=soon)


def refresh_point(creds: Credentials | None, fraction: float) -> float | None:
    """When renewal should start; None for unknown expiry and for Basic (nothing to renew)."""
    if not isinstance(creds, Token) or creds.expires_at is None:
        return None
    lifetime = max(0.0, creds.expires_at - creds.obtained_at)
    return creds.obtained_at + fraction * lifetime


def gained(old: Credentials | None, new: Credentials, now: float) -> bool:
    """Whether a renewal that replaced ``old`` by ``new`` at ``now`` moved the expiry forward.

    It did not when ``new`` has already expired (a JWT whose ``exp`` is past, a server clock
    behind ours) or expires sooner than ``old``: renewing again at once would give the same, so
    the keeper backs off instead of renewing every second. The same expiry counts as kept (a
    JWT's ``exp`` counts whole seconds). Unknown expiry and Basic: nothing to judge, yes.
    """
    if not isinstance(new, Token) or new.expires_at is None:
        return True
    if new.expires_at <= now:
        return False
    old_expiry = old.expires_at if isinstance(old, Token) else None
    return old_expiry is None or new.expires_at >= old_expiry


def backoff_delay(failures: int, backoff: tuple[float, ...]) -> float:
    """Seconds to wait after the ``failures``-th failure in a row (1-based): 5, 15, 30, 60, 60…"""
    if not backoff:
        return 0.0
    return float(backoff[min(max(failures, 1), len(backoff)) - 1])


#: the longest wait a 429 can impose on renewal: a Retry-After of 10**17 s stopped it for good
MAX_RETRY_AFTER = 3600.0


def retry_after(error: AuthError) -> float:
    """The seconds a 429's ``Retry-After`` asked for, at most an hour; 0 for other errors."""
    value = str(error.params.get("retry_after", "")) if isinstance(error, TooManyRequests) else ""
    asked = float(value) if value.isascii() and value.isdigit() else 0.0  # not "²"
    return min(asked, MAX_RETRY_AFTER)


def next_due(
    *,
    refresh_at: float | None,
    retry_at: float | None,
    deferred_until: float | None,
) -> float | None:
    """The next moment the keeper must act.

    A pending retry replaces the refresh point (which has passed by then); a request deferred
    by the minimum gap between attempts comes first when it is earlier.
    """
    planned = retry_at if retry_at is not None else refresh_at
    moments = [t for t in (deferred_until, planned) if t is not None]
    return min(moments) if moments else None


def is_due(now: float, due: float | None) -> bool:
    return due is not None and now >= due


def token_alive(creds: Credentials | None, now: float) -> bool:
    """A token that should still be accepted: a 401 for it means the server forgot it."""
    return isinstance(creds, Token) and not creds.is_expired(now)
