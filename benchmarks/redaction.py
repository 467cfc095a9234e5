"""7. One ``redact()`` call after a day of 1 s tokens (86,400 refreshes).

Before issue 10 every token ever received stayed registered and ``redact()`` looked for each
in turn; now a token is held by its ``Token`` object and let go when that is replaced, and the
live values are matched by one compiled pattern. Cases: an empty registry (the baseline), the
day with tokens let go, and the old per-secret loop over the day's 172,800 values, re-created
here so both run on the same machine in the same run.
"""

from __future__ import annotations

import time
from collections.abc import Callable, Iterable

from .common import Result, Row, median, ms, spread

TITLE = "Redaction after a day of 1 s tokens"
LINE = 'POST http://wms:9000/oauth/token → 200 {"access_token": "x", "expires_in": 1} Check the log'
DAY = 86_400
BASE = "empty registry"


def _old_loop(secrets: Iterable[str], text: str) -> str:
    """What redact() did with registered values before: one search per value."""
    out = text
    for secret in sorted(secrets, key=len, reverse=True):
        while secret in out:
            out = out.replace(secret, "***")
    return out


def _day() -> list[object]:
    """86,400 refreshes, each replacing the token before; returns the one still held."""
    from msauth_gui.core.token import Token

    held = None
    for i in range(DAY):
        held = Token(access_token=f"eyJhbGciOi.access-{i:06d}.sig", refresh_token=f"r-{i:06d}-x")
    return [held]


def run(quick: bool) -> Result:
    from msauth_gui.core.redact import forget_secrets, redact, registered

    result = Result("redaction", TITLE)
    repeats = 5 if quick else 25
    forget_secrets()
    cases: dict[str, Callable[[], object]] = {BASE: lambda: redact(LINE)}
    times: dict[str, list[float]] = {}

    def measure(name: str, call: Callable[[], object]) -> None:
        call()  # the first call after a change builds the matcher
        times[name] = []
        for _ in range(repeats):
            start = time.perf_counter()
            call()
            times[name].append(time.perf_counter() - start)

    measure(BASE, cases[BASE])
    keep = _day()
    live = len(registered())
    measure(f"after {DAY:,} refreshes ({live} values held)", lambda: redact(LINE))
    every = [f"eyJhbGciOi.access-{i:06d}.sig" for i in range(DAY)]
    every += [f"r-{i:06d}-x" for i in range(DAY)]
    measure(f"before: the old loop over {len(every):,} values", lambda: _old_loop(every, LINE))
    del keep
    base = median(times[BASE])
    for name, samples in times.items():
        value = median(samples)
        ours = name.startswith("after")
        result.rows.append(
            Row(
                case=name,
                median=ms(value),
                ratio=None if name == BASE else value / base,
                baseline="" if name == BASE else f"of {BASE}",
                is_baseline=name == BASE,
                goal="≤ 2×" if ours else "",
                met=(value / base <= 2) if ours else None,
                detail=spread(samples),
            )
        )
    result.notes.append(f"{repeats} calls per case on one log line; medians.")
    return result
