"""What a probe's answer means: the account's rights, and whether a 401 gets a second chance.

A probe is one data request with the token (``AuthClient.probe``). The keeper makes one after
every sign-in and renewal; the state it shows follows what the last probe saw
(:func:`msauth_gui.core.session.renewal.judge_state`).
"""

from __future__ import annotations

import enum

from ..errors import AuthError, CredentialsRejected, NoRights


class Rights(str, enum.Enum):
    """What the last probe of a session's token saw: the token's state depends on it."""

    UNKNOWN = "unknown"  #: not probed yet (a probe is on its way)
    GRANTED = "granted"  #: the server served data
    NO_RIGHTS = "no_rights"  #: 403: signed in, but no role that may read data
    UNCONFIRMED = "unconfirmed"  #: the probe failed for another reason: nothing is known


class AfterProbe(str, enum.Enum):
    """What to do after a probe failed."""

    REPORT = "report"  #: show the error
    RENEW_THEN_PROBE = "renew_then_probe"  #: the server forgot a live token: renew, probe again


def rights_after_probe(error: AuthError | None) -> Rights:
    """What a probe's answer says: data (GRANTED), a 403 (NO_RIGHTS), or nothing known."""
    if error is None:
        return Rights.GRANTED
    return Rights.NO_RIGHTS if isinstance(error, NoRights) else Rights.UNCONFIRMED


def after_probe_failure(error: AuthError, *, token_alive: bool, last_chance: bool) -> AfterProbe:
    """A 401 for a token that should still live (a restarted server forgot it) gets one second
    chance: renew once, and the new token's probe is the last. (A token renewed while a probe
    was on its way has a probe of its own: the older answer is dropped before it gets here.)"""
    if not isinstance(error, CredentialsRejected) or not token_alive or last_chance:
        return AfterProbe.REPORT
    return AfterProbe.RENEW_THEN_PROBE
