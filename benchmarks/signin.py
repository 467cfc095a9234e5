"""2. Sign-in cost on loopback: our core's OAuth sign-in vs bare requests and two OAuth libraries.

The demo server runs in its own process (style rfc6749, so every client can parse the answer).
Every case posts the same password-grant form and parses the token. "reused" cases keep one
client (and its keep-alive connection) for all calls and are compared with a reused
``requests.Session``; "fresh" cases build a new client per call, as the window's keeper does,
and are compared with ``requests.post`` (a new session and connection per call). Rounds are
interleaved so drift on a busy machine hits every case alike.
"""

from __future__ import annotations

import os
import time
from collections.abc import Callable

from .common import (
    CLIENT_ID,
    CLIENT_SECRET,
    LOGIN,
    PASSWORD,
    Result,
    Row,
    ServerProcess,
    Skipped,
    median,
    ms,
    spread,
)

TITLE = "Sign-in on loopback (per call)"

Call = Callable[[], object]
FORM = {
    "grant_type": "password",
    "username": LOGIN,
    "password": PASSWORD,
    "client_id": CLIENT_ID,
    "client_secret": CLIENT_SECRET,
}
REUSED_BASE = "requests.Session (reused)"
FRESH_BASE = "requests.post (fresh)"


def _cases(url: str) -> dict[str, tuple[Call, str]]:
    """name -> (one sign-in, the baseline it is compared with; "" for a baseline)."""
    import requests

    from msauth_gui.core.client import AuthClient, ConnectionSettings

    token_url = url + "/oauth/token"
    settings = ConnectionSettings(server=url, method="oauth")
    session = requests.Session()

    def bare_session() -> object:
        answer = session.post(token_url, data=FORM, timeout=15)
        answer.raise_for_status()
        return answer.json()["access_token"]

    def bare_post() -> object:
        answer = requests.post(token_url, data=FORM, timeout=15)
        answer.raise_for_status()
        return answer.json()["access_token"]

    client = AuthClient(settings)

    def ours_reused() -> object:
        return client.sign_in(LOGIN, PASSWORD).access_token  # type: ignore[union-attr]

    def ours_fresh() -> object:
        fresh = AuthClient(settings)
        try:
            return fresh.sign_in(LOGIN, PASSWORD).access_token  # type: ignore[union-attr]
        finally:
            fresh.close()

    cases: dict[str, tuple[Call, str]] = {
        REUSED_BASE: (bare_session, ""),
        FRESH_BASE: (bare_post, ""),
        "msauth AuthClient (reused)": (ours_reused, REUSED_BASE),
        "msauth AuthClient (fresh)": (ours_fresh, FRESH_BASE),
    }
    cases.update(_library_cases(token_url))
    return cases


def _library_cases(token_url: str) -> dict[str, tuple[Call, str]]:
    cases: dict[str, tuple[Call, str]] = {}
    os.environ["OAUTHLIB_INSECURE_TRANSPORT"] = "1"  # the loopback server speaks plain HTTP
    os.environ["AUTHLIB_INSECURE_TRANSPORT"] = "1"
    try:
        from oauthlib.oauth2 import LegacyApplicationClient
        from requests_oauthlib import OAuth2Session

        def ro_session() -> OAuth2Session:
            return OAuth2Session(client=LegacyApplicationClient(client_id=CLIENT_ID))

        def ro_fetch(s: OAuth2Session) -> object:
            return s.fetch_token(
                token_url,
                username=LOGIN,
                password=PASSWORD,
                client_id=CLIENT_ID,
                client_secret=CLIENT_SECRET,
                include_client_id=True,  # the same form: client id and secret in the body
                timeout=15,
            )["access_token"]

        ro = ro_session()
        cases["requests-oauthlib fetch_token (reused)"] = (lambda: ro_fetch(ro), REUSED_BASE)
        cases["requests-oauthlib fetch_token (fresh)"] = (
            lambda: ro_fetch(ro_session()),
            FRESH_BASE,
        )
    except ImportError:
        pass
    try:
        from authlib.integrations.requests_client import OAuth2Session as AuthlibSession

        def al_session() -> AuthlibSession:
            return AuthlibSession(
                CLIENT_ID, CLIENT_SECRET, token_endpoint_auth_method="client_secret_post"
            )

        def al_fetch(s: AuthlibSession) -> object:
            return s.fetch_token(token_url, username=LOGIN, password=PASSWORD, timeout=15)[
                "access_token"
            ]

        al = al_session()
        cases["Authlib fetch_token (reused)"] = (lambda: al_fetch(al), REUSED_BASE)
        cases["Authlib fetch_token (fresh)"] = (lambda: al_fetch(al_session()), FRESH_BASE)
    except ImportError:
        pass
    return cases


def _measure(cases: dict[str, tuple[Call, str]], rounds: int, calls: int) -> dict[str, list[float]]:
    names = list(cases)
    times: dict[str, list[float]] = {name: [] for name in names}
    for index in range(rounds):
        shift = index % len(names)  # rotate the order: no case always runs first or last
        for name in names[shift:] + names[:shift]:
            call = cases[name][0]
            for _ in range(calls):
                start = time.perf_counter()
                call()
                times[name].append(time.perf_counter() - start)
    return times


def run(quick: bool) -> Result:
    result = Result("signin", TITLE)
    try:
        import requests  # noqa: F401
    except ImportError as exc:
        raise Skipped("requests is not installed") from exc
    rounds, calls, warmup = (3, 10, 5) if quick else (10, 30, 20)
    with ServerProcess("--style", "rfc6749") as server:
        cases = _cases(server.url)
        for name, (call, _) in cases.items():
            token = call()
            if not isinstance(token, str) or not token:
                raise RuntimeError(f"{name} got no token: {token!r}")
            for _ in range(warmup):
                call()
        times = _measure(cases, rounds, calls)
    medians = {name: median(values) for name, values in times.items()}
    for name, (_, base) in cases.items():
        ours = name.startswith("msauth")
        ratio = medians[name] / medians[base] if base else None
        result.rows.append(
            Row(
                case=name,
                median=ms(medians[name]),
                ratio=ratio,
                baseline=f"of {base}" if base else "",
                is_baseline=not base,
                goal="≤ 1.10×" if ours else "",
                met=(ratio is not None and ratio <= 1.10) if ours else None,
                detail=spread(times[name]),
            )
        )
    result.notes.append(
        f"{rounds} interleaved rounds × {calls} calls per case after {warmup} warm-up calls; "
        "demo server in a separate process, token style rfc6749; medians of per-call times."
    )
    missing = [lib for lib in ("requests-oauthlib", "Authlib") if not any(lib in n for n in cases)]
    if missing:
        result.notes.append(f"not installed, not measured: {', '.join(missing)}")
    return result
