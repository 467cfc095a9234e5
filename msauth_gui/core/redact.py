"""The one redaction function every line of output passes through.

It masks what it knows to be a credential, and nothing it merely guesses at:

- **Registered secrets** (passwords, tokens, client secrets, Basic credentials), wherever they
  stand, also percent-encoded (as in a query string or form, either hex case) and JSON-escaped.
  A value is only registered when it is long or mixed enough to be a credential rather than a
  word (:func:`maskable`): a token that is "the" must not censor "Check the log".
- **Credential shapes**: the value after ``Authorization:``; after ``Bearer`` a whole RFC 6750
  ``b64token`` that is credential-like (never an auth-param such as ``realm="…"``); after
  ``Basic`` a ``login:password``, raw or base64; ``password=…``-style form and query values;
  ``"refresh_token": "…"`` in any key spelling; URL userinfo; ``curl -u``.

Secrets have owners. :func:`register_secret` keeps a value until :func:`forget_secret`;
:func:`hold_secrets` ties values to an owner object (a :class:`~.token.Token` holds its own
tokens) and lets them go when the owner is garbage-collected or :func:`release_secrets` is
called, so tokens that were replaced stop costing time. The matcher for the live values is
rebuilt only when the set changes (one compiled pattern once there are many).
"""

from __future__ import annotations

import base64
import binascii
import json
import re
import threading
import weakref
from collections.abc import Hashable, Iterable
from typing import Any
from urllib.parse import quote, quote_plus

MASK = "***"
#: shortest registered value masked when it has a digit, a symbol or a space in it
MIN_SECRET = 6
#: shortest registered value masked when it is letters only (shorter ones are words)
MIN_WORD_SECRET = 16


def maskable(value: str | None) -> bool:
    """Whether ``value`` is credential-like enough to be masked wherever it appears:
    at least :data:`MIN_SECRET` characters with something other than letters in them, or at
    least :data:`MIN_WORD_SECRET` letters. Ordinary words, ``123`` and ``user`` are not."""
    if not value or len(value) < MIN_SECRET:
        return False
    return len(value) >= MIN_WORD_SECRET or not value.isalpha()


# -- the registry ----------------------------------------------------------------------------
_lock = threading.RLock()
_permanent: set[str] = set()
_owned: dict[Hashable, frozenset[str]] = {}
_finalizers: dict[Hashable, weakref.finalize[Any, Any]] = {}
_dead: list[Hashable] = []  #: owners collected since the last look (appended without the lock)
_version = 0


def _changed() -> None:
    global _version
    _version += 1


def register_secret(*values: str | None) -> None:
    """Mask these values from now on, until :func:`forget_secret` (words are ignored)."""
    with _lock:
        fresh = {v for v in values if v and maskable(v)} - _permanent
        if fresh:
            _permanent.update(fresh)
            _changed()


def forget_secret(*values: str | None) -> None:
    """Stop masking these values, whoever registered or holds them."""
    gone = {v for v in values if v}
    with _lock:
        _permanent.difference_update(gone)
        for key, held in list(_owned.items()):
            if held & gone:
                _owned[key] = held - gone
        _changed()


def _key(owner: object) -> Hashable:
    return ("id", id(owner))


def hold_secrets(owner: object, *values: str | None) -> None:
    """Mask ``values`` while ``owner`` lives, replacing what it held before. The owner is
    weakly referenced: when it is collected, or on :func:`release_secrets`, they are let go."""
    held = frozenset(v for v in values if v and maskable(v))
    key = _key(owner)
    with _lock:
        _collect_dead()
        if key not in _finalizers:
            try:
                finalizer = weakref.finalize(owner, _dead.append, key)
            except TypeError:  # not weakly referenceable: held until release_secrets(owner)
                key = ("value", owner)
            else:
                finalizer.atexit = False
                _finalizers[key] = finalizer
        if _owned.get(key) != held:
            _owned[key] = held
            _changed()


def release_secrets(owner: object) -> None:
    """Let go of what ``owner`` holds (values someone else holds or registered stay masked)."""
    with _lock:
        for key in (_key(owner), ("value", owner) if isinstance(owner, Hashable) else None):
            finalizer = _finalizers.pop(key, None)
            if finalizer is not None:
                finalizer.detach()
            if _owned.pop(key, None):
                _changed()


def forget_secrets() -> None:
    """Forget every secret (tests, quitting)."""
    with _lock:
        for finalizer in _finalizers.values():
            finalizer.detach()
        _finalizers.clear()
        _owned.clear()
        _permanent.clear()
        _dead.clear()
        _changed()


def registered() -> frozenset[str]:
    """Every value masked right now."""
    with _lock:
        _collect_dead()
        return frozenset(_permanent.union(*_owned.values()))


def _collect_dead() -> None:
    while _dead:
        key = _dead.pop()
        _finalizers.pop(key, None)
        if _owned.pop(key, None):
            _changed()


# -- the matcher -----------------------------------------------------------------------------
#: above this many forms one compiled pattern is faster than a search per form; below it,
#: compiling (sre parses a 1 KB token character by character) costs more than it saves
_REGEX_ABOVE = 32


#: characters that percent-encoding and JSON leave as they are (a JWT is made of these)
_PLAIN = re.compile(r"[A-Za-z0-9_.~\-]*")


def _forms(secret: str) -> set[str]:
    """``secret`` as it is, percent-encoded (either hex case) and JSON-escaped."""
    if _PLAIN.fullmatch(secret):
        return {secret}
    forms = {secret, json.dumps(secret)[1:-1], json.dumps(secret, ensure_ascii=False)[1:-1]}
    for encoded in (quote(secret, safe=""), quote_plus(secret, safe="")):
        forms.add(encoded)
        forms.add(re.sub(r"%[0-9A-F]{2}", lambda m: m.group().lower(), encoded))
    return forms


class _Matcher:
    """Every form of a set of secrets, masked longest first."""

    def __init__(self, secrets: frozenset[str]) -> None:
        self.forms = sorted({f for s in secrets for f in _forms(s)}, key=len, reverse=True)
        self.pattern = (
            re.compile("|".join(map(re.escape, self.forms)))
            if len(self.forms) > _REGEX_ABOVE
            else None
        )

    def mask(self, text: str) -> str:
        # A mask can join two halves into a new occurrence; every form is longer than the
        # mask, so each pass makes the text shorter and the loop ends.
        while True:
            before = text
            if self.pattern is not None:
                text = self.pattern.sub(MASK, text)
            else:
                for form in self.forms:
                    if form in text:
                        text = text.replace(form, MASK)
            if text == before:
                return text


_built: tuple[int, _Matcher] = (-1, _Matcher(frozenset()))


def _matcher() -> _Matcher:
    global _built
    with _lock:
        _collect_dead()
        if _built[0] != _version:
            _built = (_version, _Matcher(frozenset(_permanent.union(*_owned.values()))))
        return _built[1]


# -- credential shapes -----------------------------------------------------------------------
_KEY = (
    r"(?:pass(?:word|wd)?|pwd|client[_\-]?secret|secret|"
    r"(?:access|refresh|id)[_\-]?token|token)"
)
_VALUE = r"(?:\"(?:[^\"\\]|\\.)*\"|'(?:[^'\\]|\\.)*')"  # a quoted string
#: RFC 6750 / 7617 auth-params: ``Bearer realm="…"`` is a challenge, not a credential
_AUTH_PARAMS = frozenset({"realm", "scope", "error", "error_description", "error_uri", "charset"})
_SCHEME_VALUE = re.compile(r"(?i)\b(bearer|basic)(\s+)([^\s'\",;}\]\)]+)")
_B64TOKEN = re.compile(r"([A-Za-z0-9\-._~+/]+)(=*)")


def _basic_credential(value: str) -> bool:
    """``login:password`` raw, or base64 that decodes to one (RFC 7617)."""
    if ":" in value:
        return True
    try:
        decoded = base64.b64decode(value, validate=True)
    except (binascii.Error, ValueError):
        return False
    return b":" in decoded


def _scheme_value(match: re.Match[str]) -> str:
    scheme, space, value = match.groups()
    if scheme.lower() == "basic":
        return f"{scheme}{space}{MASK}" if _basic_credential(value) else match.group()
    token = _B64TOKEN.match(value)
    if token is None:
        return match.group()
    name, padding = token.groups()
    rest = value[token.end() :]
    if padding and name.lower() in _AUTH_PARAMS:  # realm="…", error=invalid_token
        return match.group()
    if not maskable(name + padding):  # prose: "Bearer token", "Bearer tokens expire"
        return match.group()
    return f"{scheme}{space}{MASK}{rest}"


_PATTERNS: tuple[tuple[re.Pattern[str], str], ...] = (
    # Authorization / Proxy-Authorization headers, in any quoting: the scheme stays
    (
        re.compile(r"(?i)(authorization['\"]?\s*[:=]\s*['\"]?\s*)([A-Za-z]+\s+)?[^\s'\",}]+"),
        r"\1\2" + MASK,
    ),
    # key=value in query strings and forms
    (re.compile(rf"(?i)(\b{_KEY}=)[^&\s'\"]*"), r"\1" + MASK),
    # "key": value (JSON) and key:"value" (JSON5), any case and spelling; an unquoted key with an
    # unquoted value is prose ("Refresh token: present") and stays
    (
        re.compile(rf"(?i)(['\"]\b{_KEY}['\"]\s*:\s*)({_VALUE}|[^\s,}}]+)"),
        r"\1" + '"' + MASK + '"',
    ),
    (re.compile(rf"(?i)(\b{_KEY}\s*:\s*){_VALUE}"), r"\1" + '"' + MASK + '"'),
    # userinfo in URLs: scheme://user:password@host
    (re.compile(r"(?i)\b([a-z][a-z0-9+.\-]*://[^/\s:@]*:)[^/\s@]*@"), r"\1" + MASK + "@"),
    # curl -u user:password
    (re.compile(r"(\s-u\s+['\"]?[^:\s'\"]*:)[^\s'\"]*"), r"\1" + MASK),
)


def redact_start(text: str, limit: int) -> str:
    """The first ``limit`` characters of ``text``, redacted before they are cut: a cut through a
    registered secret must not show its beginning. Reads a window, not all of ``text`` (an
    answer may be a megabyte)."""
    matcher = _matcher()
    longest = len(matcher.forms[0]) if matcher.forms else 0
    window = 2 * limit + longest
    out = redact(text[:window])
    if window < len(text) and len(out) < limit + longest:
        # masks made it short enough to show the window's end, which may begin a secret
        out = out[: max(0, len(out) - longest)]
    return out[:limit]


def redact(text: object, extra: Iterable[str] = ()) -> str:
    """Return ``text`` with every known secret and every credential shape masked."""
    out = text if isinstance(text, str) else str(text)
    # Shapes first: their masks cover whole values, so the literal pass has less to do.
    for pattern, replacement in _PATTERNS:
        out = pattern.sub(replacement, out)
    out = _SCHEME_VALUE.sub(_scheme_value, out)
    out = _matcher().mask(out)
    extra_secrets = frozenset(s for s in extra if maskable(s))
    if extra_secrets:
        out = _Matcher(extra_secrets).mask(out)
    return out
