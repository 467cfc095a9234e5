"""6. The worst token answer to parse: what bounded parsing costs, against a plain JSON answer.

``parse_token_response`` reads strict JSON at C speed and tries JSON5 (pure Python, ~25 µs a
character) only for answers of at most ``JSON5_LIMIT`` characters with at most
``JSON5_MAX_ITEMS`` separators. The cases: the most expensive answers still read as JSON5 (a long
string, the most separators, comments), the 1 MB loose-JSON5 attack that is refused, a 1 MB
strict-JSON answer, and ``json5.loads`` on 64 KB of that attack for scale (main read JSON5 of
any size: 1 MB cost 16× that). Each is compared with reading an ordinary RFC 6749 answer.
"""

from __future__ import annotations

import json
import time
from collections.abc import Callable

from .common import Result, Row, median, ms, spread

TITLE = "Token answer parsing (worst cases)"
BASE = "RFC 6749 JSON answer, 1 KB"
#: the most a parse still accepted may cost: a small share of the shortest sensible timeout
GOAL_ACCEPTED = 1.0
GOAL_REFUSED = 0.05


def _answers() -> dict[str, tuple[str, bool, float | None]]:
    """case -> (answer text, whether it parses, goal in seconds)."""
    from msauth_gui.core.token import JSON5_LIMIT, JSON5_MAX_ITEMS

    token = "eyJhbGciOiJIUzI1NiJ9." + "a" * 900 + ".c2ln"
    rfc = json.dumps({"access_token": token, "token_type": "bearer", "expires_in": 3600})
    room = JSON5_LIMIT - 100
    long_string = "{Access_token:'tok-json5-1',junk:'" + "x" * room + "',}"
    items = JSON5_MAX_ITEMS // 2 - 4  # each item has one ',' and one ':'
    pad = room // items - 8
    many = "{Access_token:'tok-json5-1'," + "".join(f"k{i}:'{'y' * pad}'," for i in range(items))
    comments = "{Access_token:'tok-json5-1', /*" + "z" * room + "*/}"
    item = "{a:'x',b:0x1F,/*c*/c:[1,2,],},"
    attack = "{Access_token:'tok-json5-1',junk:[" + item * (1_000_000 // len(item)) + "],}"
    strict = json.dumps({"access_token": "tok-valid-1", "junk": ["x" * 20] * 45_000})
    return {
        BASE: (rfc, True, None),
        f"JSON5, {JSON5_LIMIT // 1024} KB: one long string": (long_string, True, GOAL_ACCEPTED),
        f"JSON5, {JSON5_LIMIT // 1024} KB: {items} fields": (many + "}", True, GOAL_ACCEPTED),
        f"JSON5, {JSON5_LIMIT // 1024} KB: one comment": (comments, True, GOAL_ACCEPTED),
        "loose JSON5, 1 MB (the attack): refused": (attack, False, GOAL_REFUSED),
        "strict JSON, 1 MB": (strict, True, GOAL_ACCEPTED),
        "for scale: json5.loads, 64 KB of the attack": (attack[:65_536], False, None),
    }


def _call(name: str, text: str, parses: bool) -> Callable[[], object]:
    from msauth_gui.core.errors import UnreadableAnswer
    from msauth_gui.core.token import parse_token_response

    if name.startswith("for scale"):
        import json5

        def raw() -> object:
            try:
                return json5.loads(text)
            except ValueError:
                return None

        return raw

    def parse() -> object:
        try:
            token = parse_token_response(text, 0.0)
        except UnreadableAnswer:
            if parses:
                raise
            return None
        if not parses:
            raise RuntimeError(f"{name}: parsed, but should be refused")
        return token

    return parse


def run(quick: bool) -> Result:
    result = Result("parsing", TITLE)
    repeats = 3 if quick else 9
    times: dict[str, list[float]] = {}
    goals: dict[str, float | None] = {}
    for name, (text, parses, goal) in _answers().items():
        call = _call(name, text, parses)
        call()  # warm up (imports json5 on first use)
        count = 1 if name.startswith("for scale") else repeats
        samples = []
        for _ in range(count):
            start = time.perf_counter()
            call()
            samples.append(time.perf_counter() - start)
        times[name], goals[name] = samples, goal
    base = median(times[BASE])
    for name, samples in times.items():
        value, goal = median(samples), goals[name]
        result.rows.append(
            Row(
                case=name,
                median=ms(value),
                ratio=None if name == BASE else value / base,
                baseline="" if name == BASE else "of RFC 6749 JSON",
                is_baseline=name == BASE,
                goal=f"< {ms(goal)}" if goal else "",
                met=(value < goal) if goal else None,
                detail=spread(samples),
            )
        )
    result.notes.append(
        f"{repeats} runs per case (json5.loads once); parse_token_response on the text alone, "
        "no network. Limits from msauth_gui.core.token (JSON5_LIMIT, JSON5_MAX_ITEMS)."
    )
    return result
