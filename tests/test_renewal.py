"""The token keeper's rules (core/session/renewal.py, probing.py) as tables: state × event →
decision.

Plain functions, no Qt, no network, no clock: each table lists every case, and a test per table
walks it. The keeper's own tests (test_keeper.py) show the same rules at work against the demo
server.
"""

from __future__ import annotations

import itertools

import pytest

from msauth_gui.core.errors import (
    AuthError,
    CannotConnect,
    ConnectionLost,
    CredentialsRejected,
    NoRights,
    RefreshTokenRejected,
    RequestTimeout,
    ServerError,
    TooManyRequests,
    UnreadableAnswer,
)
from msauth_gui.core.session.probing import (
    AfterProbe,
    Rights,
    after_probe_failure,
    rights_after_probe,
)
from msauth_gui.core.session.renewal import (
    KeeperState,
    NextStep,
    NoFresherToken,
    Renewal,
    SavedSessionEnded,
    Session,
    Start,
    Timing,
    after_failure,
    after_start_failure,
    backoff_delay,
    begin_renewal,
    finish_renewal,
    gained,
    judge_state,
    life_state,
    plan_renewal,
    retry_after,
)
from msauth_gui.core.token import BasicCredentials, Token

S = KeeperState
HOST = {"host": "h:9000"}
#: one error of each kind the keeper may meet, by the name the tables use
ERRORS: dict[str, AuthError] = {
    "timeout": RequestTimeout(seconds=15, **HOST),
    "cannot_connect": CannotConnect(**HOST),
    "connection_lost": ConnectionLost(**HOST),
    "server_error": ServerError(status=500, url="u"),
    "too_many": TooManyRequests(retry_after="7"),
    "refresh_rejected": RefreshTokenRejected(status=400),
    "credentials_rejected": CredentialsRejected(status=401),
    "no_rights": NoRights(),
    "unreadable": UnreadableAnswer(url="u", snippet=""),
}
NETWORK = ("timeout", "cannot_connect", "connection_lost", "server_error", "too_many")


# -- a renewal failed: (renewal, error, may sign in again) -> next step -------------------------
def expected_after_failure(renewal: Renewal, error: str, can_resign: bool) -> NextStep:
    if error in NETWORK:
        return NextStep.RETRY_LATER  # the network, not the grant: try again later
    dead_grant = error in ("refresh_rejected", "credentials_rejected")
    if renewal is Renewal.REFRESH and dead_grant:
        return NextStep.SIGN_IN if can_resign else NextStep.SIGN_IN_AGAIN
    if renewal is Renewal.SIGN_IN and error == "credentials_rejected":
        return NextStep.SIGN_IN_AGAIN  # the password itself is refused now
    return NextStep.STOP


AFTER_FAILURE = list(itertools.product([Renewal.REFRESH, Renewal.SIGN_IN], ERRORS, [True, False]))


@pytest.mark.parametrize(("renewal", "error", "can_resign"), AFTER_FAILURE)
def test_after_a_failed_renewal(renewal: Renewal, error: str, can_resign: bool) -> None:
    step = after_failure(ERRORS[error], renewal, can_resign=can_resign)
    assert step is expected_after_failure(renewal, error, can_resign)


def test_the_after_failure_table_has_every_step() -> None:
    steps = {expected_after_failure(*case) for case in AFTER_FAILURE}
    assert steps == set(NextStep)


# -- a start failed: (how it started, error) -> state shown, error shown ------------------------
@pytest.mark.parametrize(("start", "error"), list(itertools.product(Start, ERRORS)))
def test_after_a_failed_start(start: Start, error: str) -> None:
    state, shown = after_start_failure(ERRORS[error], start)
    saved_session_refused = start is Start.RESUME and error in (
        "refresh_rejected",
        "credentials_rejected",
    )
    if saved_session_refused:  # only a new sign-in helps; the window forgets the saved token
        assert (state, type(shown)) == (S.SIGN_IN_AGAIN, SavedSessionEnded)
    else:  # the operator reads the error and tries again
        assert (state, shown) == (S.ERROR, ERRORS[error])


# -- a probe failed: (error, token alive, last chance) -> what next -----------------------------
PROBE_ERRORS = ["credentials_rejected", *NETWORK, "no_rights"]
PROBE_CASES = list(itertools.product(PROBE_ERRORS, [1, 0], [1, 0]))


@pytest.mark.parametrize(("error", "alive", "last_chance"), PROBE_CASES)
def test_after_a_failed_probe(error: str, alive: int, last_chance: int) -> None:
    step = after_probe_failure(
        ERRORS[error], token_alive=bool(alive), last_chance=bool(last_chance)
    )
    if error != "credentials_rejected" or not alive or last_chance:
        assert step is AfterProbe.REPORT  # shown as it is: no loop, no second chance
    else:
        assert step is AfterProbe.RENEW_THEN_PROBE  # a restarted server forgot a live token


# -- a probe answered: (error) -> what it says of the account's rights --------------------------
@pytest.mark.parametrize("error", [None, *ERRORS])
def test_what_a_probe_says_of_the_rights(error: str | None) -> None:
    rights = rights_after_probe(None if error is None else ERRORS[error])
    if error is None:
        assert rights is Rights.GRANTED  # data came back
    elif error == "no_rights":
        assert rights is Rights.NO_RIGHTS  # 403: signed in, but no role that may read data
    else:
        assert rights is Rights.UNCONFIRMED  # nothing known: never "Valid"


def test_a_probe_answer_tells_who_asked_and_what_changed() -> None:
    session = Session(creds=WITH_REFRESH, probe_asked=True)
    assert session.probed(None) == (True, True)  # asked; UNKNOWN -> GRANTED
    assert (session.rights, session.probe_asked, session.last_error) == (
        Rights.GRANTED,
        False,
        None,
    )
    assert session.probed(ERRORS["no_rights"]) == (False, True)
    assert session.last_error is ERRORS["no_rights"]
    assert session.probed(ERRORS["no_rights"]) == (False, False)  # the same news: said once
    session.back_off(ERRORS["timeout"], 10.0, (5,))  # a renewal failed meanwhile, retrying
    assert session.probed(None) == (False, True)
    assert session.last_error is ERRORS["timeout"]  # the renewal's trouble is still shown


def test_only_the_newest_probe_counts_and_basic_sign_in_is_one() -> None:
    session = Session(creds=BASIC)
    first = session.next_probe()
    second = session.next_probe()
    assert second > first and session.probing
    assert session.signed_in_probed(Rights.NO_RIGHTS, ERRORS["no_rights"])  # a Basic renewal
    assert session.probe_serial > second and not session.probing  # both probes are stale now
    assert not session.signed_in_probed(Rights.NO_RIGHTS, ERRORS["no_rights"])


@pytest.mark.parametrize(
    ("before", "after"),
    [
        (Rights.UNKNOWN, Rights.UNKNOWN),
        (Rights.GRANTED, Rights.GRANTED),  # rights belong to the account: kept until the probe
        (Rights.NO_RIGHTS, Rights.NO_RIGHTS),  # ... that follows every renewal says otherwise
        (Rights.UNCONFIRMED, Rights.UNKNOWN),  # the new token is being checked
    ],
)
def test_a_renewed_token_keeps_what_the_last_probe_saw(before: Rights, after: Rights) -> None:
    session = Session(creds=WITH_REFRESH, rights=before)
    session.accept(WITH_REFRESH, 10.0, renewed=True)
    assert session.rights is after


# -- what state to show: (halted, life of the token, renewing, rights) -> state -----------------
TOKEN = Token("abc", obtained_at=1000.0, expires_at=1100.0)
LIFE_AT = {S.VALID: 1050.0, S.EXPIRING_SOON: 1095.0, S.EXPIRED: 1100.0}
R = Rights
JUDGE = [
    # halted              life              renewing  rights          shown
    (None,                S.VALID,          False,    R.GRANTED,      S.VALID),
    (None,                S.VALID,          False,    R.UNKNOWN,      S.CHECKING),  # not Valid yet
    (None,                S.VALID,          False,    R.NO_RIGHTS,    S.NO_RIGHTS),
    (None,                S.VALID,          False,    R.UNCONFIRMED,  S.UNCONFIRMED),
    (None,                S.VALID,          True,     R.GRANTED,      S.REFRESHING),
    (None,                S.VALID,          True,     R.NO_RIGHTS,    S.REFRESHING),
    (None,                S.EXPIRING_SOON,  False,    R.GRANTED,      S.EXPIRING_SOON),
    (None,                S.EXPIRING_SOON,  False,    R.UNKNOWN,      S.EXPIRING_SOON),
    (None,                S.EXPIRING_SOON,  False,    R.UNCONFIRMED,  S.EXPIRING_SOON),
    (None,                S.EXPIRING_SOON,  False,    R.NO_RIGHTS,    S.NO_RIGHTS),  # first
    (None,                S.EXPIRING_SOON,  True,     R.GRANTED,      S.REFRESHING),
    (None,                S.EXPIRED,        False,    R.GRANTED,      S.EXPIRED),
    (None,                S.EXPIRED,        False,    R.NO_RIGHTS,    S.EXPIRED),
    (None,                S.EXPIRED,        True,     R.GRANTED,      S.EXPIRED),  # while renewing
    (S.ERROR,             S.VALID,          False,    R.GRANTED,      S.ERROR),
    (S.ERROR,             S.VALID,          False,    R.NO_RIGHTS,    S.ERROR),
    (S.ERROR,             S.VALID,          True,     R.GRANTED,      S.ERROR),
    (S.ERROR,             S.EXPIRING_SOON,  False,    R.GRANTED,      S.ERROR),
    (S.ERROR,             S.EXPIRED,        False,    R.GRANTED,      S.EXPIRED),  # expiry first
    (S.SIGN_IN_AGAIN,     S.VALID,          False,    R.GRANTED,      S.SIGN_IN_AGAIN),
    (S.SIGN_IN_AGAIN,     S.EXPIRED,        True,     R.NO_RIGHTS,    S.SIGN_IN_AGAIN),  # sticks
]  # fmt: skip


@pytest.mark.parametrize(("halted", "life", "renewing", "rights", "shown"), JUDGE)
def test_the_state_shown(
    halted: KeeperState | None,
    life: KeeperState,
    renewing: bool,
    rights: Rights,
    shown: KeeperState,
) -> None:
    now = LIFE_AT[life]
    assert life_state(TOKEN, now, 0.9) is life
    state = judge_state(
        TOKEN, now, soon_fraction=0.9, halted=halted, renewing=renewing, rights=rights
    )
    assert state is shown


def test_the_state_table_shows_every_state_of_a_held_token() -> None:
    held = set(KeeperState) - {S.SIGNED_OUT, S.SIGNING_IN}  # those the keeper sets directly
    assert {row[-1] for row in JUDGE} == held


def test_basic_is_valid_only_with_rights() -> None:
    for rights, shown in ((R.GRANTED, S.VALID), (R.NO_RIGHTS, S.NO_RIGHTS)):
        state = judge_state(BASIC, 1e12, soon_fraction=0.9, halted=None, renewing=False,
                            rights=rights)  # fmt: skip
        assert state is shown


def test_life_state_boundaries() -> None:
    token = Token("abc", obtained_at=1000.0, expires_at=1100.0)
    assert life_state(token, 1089.9, 0.9) is S.VALID
    assert life_state(token, 1090.0, 0.9) is S.EXPIRING_SOON
    assert life_state(token, 1100.0, 0.9) is S.EXPIRED
    assert life_state(Token("abc", obtained_at=1000.0), 1e12, 0.9) is S.VALID  # unknown expiry


# -- how to renew: (credentials, password known, signing in again allowed) -> renewal ----------
WITH_REFRESH = Token("a", obtained_at=0.0, expires_at=100.0, refresh_token="r")
WITHOUT_REFRESH = Token("a", obtained_at=0.0, expires_at=100.0)
BASIC = BasicCredentials("admin", "Basic YWRtaW46YWRtaW4=")
PLAN = [
    # credentials       password  allowed  renewal
    (WITH_REFRESH,      True,     True,    Renewal.REFRESH),
    (WITH_REFRESH,      False,    False,   Renewal.REFRESH),  # the refresh token needs neither
    (WITHOUT_REFRESH,   True,     True,    Renewal.SIGN_IN),
    (WITHOUT_REFRESH,   True,     False,   Renewal.IMPOSSIBLE),  # not allowed: ask the operator
    (WITHOUT_REFRESH,   False,    True,    Renewal.IMPOSSIBLE),  # allowed, but no password
    (BASIC,             True,     False,   Renewal.SIGN_IN),  # Basic: checking again is a sign-in
    (BASIC,             False,    True,    Renewal.IMPOSSIBLE),
    (None,              True,     True,    Renewal.IMPOSSIBLE),
]  # fmt: skip


@pytest.mark.parametrize(("creds", "password", "allowed", "renewal"), PLAN)
def test_how_to_renew(
    creds: Token | BasicCredentials | None, password: bool, allowed: bool, renewal: Renewal
) -> None:
    session = Session(creds=creds, login="admin", password="admin" if password else None)
    assert plan_renewal(session, 50.0, Timing(), allow_resign=allowed) is renewal


def test_a_renewal_within_the_minimum_gap_waits() -> None:
    session = Session(creds=WITH_REFRESH, last_attempt_at=50.0)
    assert plan_renewal(session, 50.5, Timing(min_attempt_gap=1.0), allow_resign=True) is None
    assert plan_renewal(session, 51.0, Timing(min_attempt_gap=1.0), allow_resign=True) is not None
    now = 50.5  # the probe's recovery may not wait
    assert plan_renewal(session, now, Timing(), allow_resign=True, immediate=True) is not None


# -- settling a failure: (next step) -> what the session holds ---------------------------------
@pytest.mark.parametrize(
    ("step", "halted", "retrying"),
    [
        (NextStep.RETRY_LATER, None, True),
        (NextStep.SIGN_IN_AGAIN, S.SIGN_IN_AGAIN, False),
        (NextStep.STOP, S.ERROR, False),
    ],
)
def test_settling_a_failed_renewal(
    step: NextStep, halted: KeeperState | None, retrying: bool
) -> None:
    session = Session(creds=WITH_REFRESH, deferred=True)
    error = ERRORS["timeout"]
    session.settle(step, error, 10.0, (5, 15))
    assert session.halted is halted and session.last_error is error
    assert (session.retry_at is not None) is retrying
    if retrying:
        assert session.retry_at == 15.0 and session.failures == 1
    else:
        assert session.deferred is False  # a stop forgets a deferred request


def test_backoff_sequence_caps_at_the_last_step() -> None:
    steps = [backoff_delay(n, (5, 15, 30, 60)) for n in range(1, 7)]
    assert steps == [5, 15, 30, 60, 60, 60]


def test_a_429_is_never_retried_sooner_than_asked() -> None:
    assert retry_after(ERRORS["too_many"]) == 7.0
    assert retry_after(ERRORS["timeout"]) == 0.0
    session = Session(creds=WITH_REFRESH)
    session.back_off(ERRORS["too_many"], 100.0, (5,))
    assert session.retry_at == 107.0


# -- the refresh point -------------------------------------------------------------------------
@pytest.mark.parametrize(
    ("asked", "fraction", "soon"),
    [(0.5, 0.5, 0.9), (0.8, 0.8, 0.9), (0.95, 0.95, 0.975), (0.0, 0.05, 0.9), (2.0, 0.99, 0.995)],
)
def test_moving_the_refresh_point(asked: float, fraction: float, soon: float) -> None:
    timing = Timing(refresh_fraction=0.8, expiring_soon_fraction=0.9).with_refresh_fraction(asked)
    assert timing.refresh_fraction == pytest.approx(fraction)
    assert timing.expiring_soon_fraction == pytest.approx(soon)  # stays behind the refresh


# -- a renewal that gains nothing (issue 10, point 6) -------------------------------------------
NOW = 10_000.0


def _token(expires_at: float | None) -> Token:
    return Token("tok-gained-1", obtained_at=NOW, expires_at=expires_at)


#: old expiry, new expiry (relative to NOW; None: unknown) -> did the renewal move it forward?
GAINED = [
    (None, 3600, True),  # the first token with an expiry
    (60, 3600, True),  # the usual renewal
    (60, 60, True),  # the same exp (a JWT counts whole seconds; a fast second renewal)
    (60, 30, False),  # sooner than before: the server's clock went back
    (None, -3600, False),  # a JWT whose exp is past: the server's clock is an hour behind
    (-3600, -3600, False),  # …and the renewal gives the same again
    (60, 0, False),  # expires this very moment
    (60, None, True),  # unknown expiry: nothing to judge
    (None, None, True),
]


@pytest.mark.parametrize(("old", "new", "forward"), GAINED)
def test_whether_a_renewal_moved_the_expiry_forward(
    old: float | None, new: float | None, forward: bool
) -> None:
    old_token = _token(None if old is None else NOW + old)
    new_token = _token(None if new is None else NOW + new)
    assert gained(old_token, new_token, NOW) is forward
    assert gained(None, BasicCredentials("u", "Basic dTpw"), NOW)  # Basic: nothing to judge


def test_a_renewal_that_gains_nothing_backs_off_like_a_failure() -> None:
    timing = Timing()
    s = Session(creds=_token(NOW - 3600), login="u", password="p")
    delays = []
    for n in range(1, 7):
        error = s.accept(_token(NOW - 3600), NOW, renewed=True, backoff=timing.backoff)
        assert isinstance(error, NoFresherToken) and s.last_error is error
        assert s.failures == n and s.creds is not None  # kept: a rotated refresh token must be
        assert s.retry_at is not None
        delays.append(s.retry_at - NOW)
    assert delays == [5, 15, 30, 60, 60, 60]  # the failure schedule, never every second
    assert s.accept(_token(NOW + 3600), NOW, renewed=True) is None  # a fresh one: all clear
    assert (s.failures, s.retry_at, s.last_error) == (0, None, None)


def test_a_first_sign_in_is_accepted_whatever_its_expiry() -> None:
    s = Session()
    assert s.accept(_token(NOW - 3600), NOW, renewed=False) is None
    assert s.failures == 0 and s.retry_at is None


# -- the end of a renewal attempt, as both keepers book it ---------------------------------------
_OLD = Token("old-access", obtained_at=0.0, expires_at=100.0, refresh_token="old-refresh")
_FINISH_TABLE = [
    # (renewal, answer, error, password known) -> (accepted refresh token, sign in next,
    #  refresh token kept, halted, backing off)
    (Renewal.REFRESH, Token("new", refresh_token=None), None, True,
     ("old-refresh", False, True, None, False)),  # the answer kept the old refresh token
    (Renewal.REFRESH, None, RefreshTokenRejected(status=400), True,
     (None, True, False, None, False)),  # dead refresh token: sign in as the next step
    (Renewal.REFRESH, None, RefreshTokenRejected(status=400), False,
     (None, False, False, KeeperState.SIGN_IN_AGAIN, False)),
    (Renewal.REFRESH, None, RequestTimeout(host="h", seconds=1), True,
     (None, False, True, None, True)),  # network trouble: back off, keep everything
    (Renewal.SIGN_IN, None, CredentialsRejected(status=401), True,
     (None, False, True, KeeperState.SIGN_IN_AGAIN, False)),
]  # fmt: skip


@pytest.mark.parametrize(("renewal", "value", "error", "password", "expected"), _FINISH_TABLE)
def test_finish_renewal_books_the_outcome(
    renewal: Renewal, value: Token | None, error: AuthError | None, password: bool,
    expected: tuple[str | None, bool, bool, KeeperState | None, bool],
) -> None:  # fmt: skip
    session = Session(creds=_OLD, login="u", password="pw" if password else None, job=renewal)
    done = finish_renewal(session, renewal, value, error, 50.0, Timing(), allow_resign=True)
    accepted, sign_in, kept, halted, backing_off = expected
    got = done.creds.refresh_token if done.creds is not None else None
    assert (got, done.sign_in) == (accepted, sign_in)
    assert isinstance(session.creds, Token) and bool(session.creds.refresh_token) is kept
    assert (session.halted, session.retry_at is not None) == (halted, backing_off)
    # the second step keeps the session busy: nobody sees the attempt end half-way
    assert session.job is (Renewal.SIGN_IN if sign_in else None)
    assert (done.error is None) == (done.creds is not None or sign_in)


def test_begin_renewal_waits_out_the_gap_and_halts_when_impossible() -> None:
    timing = Timing(min_attempt_gap=1.0)
    session = Session(creds=_OLD, last_attempt_at=10.0, retry_at=40.0)
    assert begin_renewal(session, 10.5, timing, allow_resign=True) is None and session.deferred
    assert session.retry_at == 40.0  # deferred: nothing else changes
    assert begin_renewal(session, 10.5, timing, allow_resign=True, immediate=True) is (
        Renewal.REFRESH
    )
    assert session.retry_at is None and not session.deferred
    bare = Session(creds=Token("a", obtained_at=0.0, expires_at=100.0), login="u")
    assert begin_renewal(bare, 50.0, timing, allow_resign=True) is Renewal.IMPOSSIBLE
    assert bare.halted is KeeperState.SIGN_IN_AGAIN and bare.last_error is not None
