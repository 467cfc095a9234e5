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
called, so tokens that were replaced stop costing time. All live values are matched by one
compiled pattern, rebuilt only when the set changes.
"""

from __future__ import annotations

import base64
import binascii
import json
import re
import threading
import weakref
from collections.abc import Hashable, Iterable
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
_finalizers: dict[Hashable, weakref.finalize] = {}
_dead: list[Hashable] = []  #: owners collected since the last look (appended without the lock)
_version = 0
_built: tuple[int, re.Pattern[str] | None, bool] = (-1, None, False)


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
def _percent(encoded: str) -> str:
    """A pattern for a percent-encoded value in either hex case."""
    pattern = re.escape(encoded)
    return re.sub(r"%([0-9A-F])([0-9A-F])", lambda m: "%" + _case(m[1]) + _case(m[2]), pattern)


def _case(char: str) -> str:
    return f"[{char}{char.lower()}]" if char.isalpha() else char


def _forms(secret: str) -> Iterable[str]:
    """Patterns for ``secret`` as it is, percent-encoded and JSON-escaped."""
    yield re.escape(secret)
    for encoded in {quote(secret, safe=""), quote_plus(secret, safe="")} - {secret}:
        yield _percent(encoded)
    for escaped in {json.dumps(secret)[1:-1], json.dumps(secret, ensure_ascii=False)[1:-1]}:
        if escaped != secret:
            yield re.escape(escaped)


def _compile(secrets: frozenset[str]) -> tuple[re.Pattern[str] | None, bool]:
    """One pattern for all forms of all ``secrets``, longest first; and whether a mask can
    join two halves into a new occurrence (only when a secret has ``*`` in it)."""
    if not secrets:
        return None, False
    forms = {form for secret in secrets for form in _forms(secret)}
    ordered = sorted(forms, key=len, reverse=True)
    return re.compile("|".join(ordered)), any("*" in s for s in secrets)


def _matcher() -> tuple[re.Pattern[str] | None, bool]:
    global _built
    with _lock:
        _collect_dead()
        if _built[0] != _version:
            secrets = frozenset(_permanent.union(*_owned.values()))
            _built = (_version, *_compile(secrets))
        return _built[1], _built[2]


def _mask_all(pattern: re.Pattern[str], joins: bool, text: str) -> str:
    out = pattern.sub(MASK, text)
    while joins and out != text and pattern.search(out):  # each pass makes the text shorter
        text, out = out, pattern.sub(MASK, out)
    return out


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


def redact(text: object, extra: Iterable[str] = ()) -> str:
    """Return ``text`` with every known secret and every credential shape masked."""
    out = text if isinstance(text, str) else str(text)
    # Shapes first: their masks cover whole values, so the literal pass has less to do.
    for pattern, replacement in _PATTERNS:
        out = pattern.sub(replacement, out)
    out = _SCHEME_VALUE.sub(_scheme_value, out)
    pattern, joins = _matcher()
    if pattern is not None:
        out = _mask_all(pattern, joins, out)
    extra_secrets = frozenset(s for s in extra if maskable(s))
    if extra_secrets:
        pattern, joins = _compile(extra_secrets)
        if pattern is not None:
            out = _mask_all(pattern, joins, out)
    return out
