"""Find where a server answers instead of assuming: the token endpoint and the GET session URL.

Servers put the password grant in different places (protocol.md, "Where the password grant
lives"), so the client tries candidates in a fixed order and keeps the first that answers like
the real thing. One code path, :class:`Finder`, serves every "try these URLs in order": the
OAuth token endpoint (password and refresh grants) and the GET session URL.

Rules, each for a reason:

* A candidate is *found* when it answers with a readable token (200) or with an OAuth error
  (400/401 with ``error``): a wrong password stays "wrong password", never "not found".
* 404, 405 and answers that are not OAuth answers (an HTML page, a 5xx, a redirect) move on;
  429 stops at once (asking more would only make the server angrier).
* Transport failures (refused, TLS, timeout) stop at once: every candidate shares the origin.
* Only the origin the operator typed ever receives credentials. ``.well-known`` documents are
  fetched without any, and a ``token_endpoint`` on another origin is skipped with a reason.
  Redirects are never followed (:mod:`.http`).
* A URL given by the operator turns discovery off. A remembered URL (found in an earlier run)
  is tried first; when it answers 404 or 405 it is dropped and discovery runs again.
"""

from __future__ import annotations

import json
import re
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass
from typing import Literal, cast
from urllib.parse import urlsplit

from .endpoints import MAX_URL_LENGTH, Endpoints, origin_of, same_origin
from .errors import AuthError, EndpointNotFound, RedirectRefused, ServerError, UnreadableAnswer
from .records import Answer
from .redact import redact
from .translate import QT_TRANSLATE_NOOP, translate

WELL_KNOWN = "/.well-known/openid-configuration"
#: a discovery document is a small JSON object; anything larger is not read
MAX_DOCUMENT = 64 * 1024

Outcome = Literal["answered", "missing", "other", "skipped"]
#: (method, url) -> the answer of one request, or an AuthError for a transport failure
Send = Callable[[str], Answer]
#: answer -> None when it is a usable token answer, else the error it amounts to (any status)
Judge = Callable[[Answer], "AuthError | None"]

TRIED_TOKEN = QT_TRANSLATE_NOOP(
    "errors",
    "No token endpoint was found on this server. Tried: {tried}. If you know the token URL, "
    "enter it (Token URL in Advanced, or --token-url).",
)
TRIED_SESSION = QT_TRANSLATE_NOOP("errors", "Tried: {tried}.")
_OTHER_ORIGIN = QT_TRANSLATE_NOOP(
    "errors",
    "not tried: it is on another server ({origin}); the password is only sent to the server "
    "you typed",
)
_NO_ENDPOINT = QT_TRANSLATE_NOOP("errors", "names no usable token_endpoint")
_NAMES = QT_TRANSLATE_NOOP("errors", "names the token endpoint {url}")
_UNREADABLE = QT_TRANSLATE_NOOP("errors", "not a readable discovery document")


@dataclass(frozen=True)
class Attempt:
    """One candidate and what became of it: for the activity log, errors and ``msauth check``."""

    method: str  #: "POST" or "GET"
    url: str
    outcome: Outcome  #: answered (found; a document: read) / missing (404, 405) / other / skipped
    status: int | None = None
    note: str = ""  #: why it was skipped, or what a document names (translated)

    def describe(self) -> str:
        what = self.note or f"HTTP {self.status}"  # a skip says why, a document what it names
        return f"{self.method} {self.url} ({what})"


@dataclass(frozen=True)
class Candidate:
    url: str


Step = Candidate | Attempt  #: a URL to try, or one already settled (a document, a skip)


def oauth_error_code(answer: Answer) -> str:
    """The ``error`` field of an OAuth error body (RFC 6749 5.2), or ""."""
    if not answer.text.lstrip().startswith("{") or len(answer.text) > MAX_DOCUMENT:
        return ""
    try:
        data = json.loads(answer.text)
    except (ValueError, RecursionError):
        return ""
    if not isinstance(data, dict):
        return ""
    code = {str(k).lower(): v for k, v in data.items()}.get("error")
    return code if isinstance(code, str) else ""


def _verdict(answer: Answer, judge: Judge) -> Outcome | Literal["stop"]:
    if answer.status == 200:
        return "answered" if judge(answer) is None else "other"
    if answer.status in (400, 401) and oauth_error_code(answer):
        return "answered"
    if answer.status == 429:
        return "stop"
    return "missing" if answer.status in (404, 405) else "other"


def same_place(url: str) -> str:
    """What makes two URLs one candidate: ``http://h:80/a/`` is ``http://h/a``."""
    origin = origin_of(url)
    path = urlsplit(url).path.rstrip("/") if origin else url
    return f"{origin}{path}"


def _rank(status: int) -> int:
    """How much an answer that is not the endpoint tells the operator (a 500 beats a 404)."""
    if status == 200:
        return 6  # something answered 200 but not with a token: most likely the endpoint
    if status >= 500:
        return 5
    if 300 <= status < 400:
        return 3
    if status in (404, 405):
        return 0  # nothing there: the first such candidate is the one to name
    return 4  # another 4xx: the server knows the path


Telling = tuple[int, "Answer | AuthError"]


def _more_telling(best: Telling | None, status: int, found: Answer | AuthError) -> Telling:
    rank = _rank(status)
    return (rank, found) if best is None or rank > best[0] else best


class DiscoveryFailed(AuthError):
    """Mixed into the error for the most telling answer when no candidate answered.

    The error keeps its own class (so its exit code, ``kind`` and ``isinstance`` checks hold)
    and its message gains the list of what was tried; see :func:`discovery_failed`.
    """

    attempts: tuple[Attempt, ...] = ()
    advice: str = TRIED_SESSION

    @property
    def message(self) -> str:
        tried = "; ".join(attempt.describe() for attempt in self.attempts)
        extra = translate("errors", self.advice).format(tried=tried)
        return super().message + " " + redact(extra)


_FAILED_TYPES: dict[type[AuthError], type[DiscoveryFailed]] = {}


def _failed_type(cls: type[AuthError]) -> type[DiscoveryFailed]:
    """One ``DiscoveryFailed`` + ``cls`` class per error class, made on first use."""
    made = _FAILED_TYPES.get(cls)
    if made is None:
        made = cast("type[DiscoveryFailed]", type(cls.__name__, (DiscoveryFailed, cls), {}))
        made = _FAILED_TYPES.setdefault(cls, made)
    return made


def discovery_failed(
    cause: AuthError, attempts: Iterable[Attempt], advice: str = TRIED_SESSION
) -> AuthError:
    """``cause``, of the same class, saying also what was tried."""
    error = _failed_type(type(cause))(**cause.params)
    error.attempts, error.advice = tuple(attempts), advice
    error.args = (error.message,)
    return error


class Finder:
    """Where one kind of request goes: the operator's URL; else the one found before; else the
    first candidate that answers. ``url`` is the URL in use after each call (None: not known)."""

    def __init__(
        self,
        method: str,
        candidates: Callable[[], Iterable[Step]],
        *,
        fixed: str | None = None,
        remembered: str | None = None,
        advice: str = TRIED_SESSION,
    ) -> None:
        self.method = method
        self.fixed = fixed
        self.url: str | None = fixed or remembered
        self.attempts: tuple[Attempt, ...] = ()  #: what the last discovery tried, in order
        self._candidates = candidates
        self._advice = advice

    @property
    def automatic(self) -> bool:
        """True unless the operator gave the URL (then nothing is ever discovered)."""
        return self.fixed is None

    def request(self, send: Send, judge: Judge) -> Answer:
        """The answer of the URL in use, found first if need be; the caller reads it (a token,
        or the error it is). Raises when nothing answers, naming the most telling answer."""
        stale: list[Attempt] = []
        if self.url is not None:
            answer = send(self.url)
            if self.fixed is not None or _verdict(answer, judge) != "missing":
                return answer
            # the remembered URL is gone (the server moved it): forget it and look again
            stale.append(Attempt(self.method, self.url, "missing", answer.status))
            self.url = None
        return self._discover(send, judge, stale)

    def _discover(self, send: Send, judge: Judge, attempts: list[Attempt]) -> Answer:
        tried = {same_place(a.url) for a in attempts}
        best: Telling | None = None
        try:
            for step in self._candidates():
                if isinstance(step, Attempt):
                    attempts.append(step)
                    continue
                if same_place(step.url) in tried:
                    continue
                tried.add(same_place(step.url))
                try:
                    answer = send(step.url)
                except RedirectRefused as exc:  # not followed: the next candidate
                    attempts.append(Attempt(self.method, step.url, "other", exc.status))
                    best = _more_telling(best, exc.status or 302, exc)
                    continue
                verdict = _verdict(answer, judge)
                outcome: Outcome = "other" if verdict == "stop" else verdict
                attempts.append(Attempt(self.method, step.url, outcome, answer.status))
                if verdict == "answered":
                    self.url = step.url
                if verdict in ("answered", "stop"):
                    return answer
                best = _more_telling(best, answer.status, answer)
        finally:
            self.attempts = tuple(attempts)
        cause = self._cause(best, judge)
        # a server failing everywhere (5xx) is failing, not missing an endpoint: no advice to
        # type a token URL, just what was tried
        advice = TRIED_SESSION if isinstance(cause, ServerError) else self._advice
        raise discovery_failed(cause, attempts, advice)

    def _cause(self, best: Telling | None, judge: Judge) -> AuthError:
        if best is None:  # every candidate was skipped
            url = self.attempts[0].url if self.attempts else ""
            return EndpointNotFound(status=404, url=url)
        found = best[1]
        if isinstance(found, AuthError):
            return found
        if found.status in (404, 405):
            return EndpointNotFound(status=found.status, url=found.url)
        return judge(found) or EndpointNotFound(status=found.status, url=found.url)


# --- candidates -------------------------------------------------------------------------------
def token_candidates(ep: Endpoints, get: Send) -> Iterator[Step]:
    """The token endpoint's candidates in the order of issue 11 (documents read lazily)."""
    base = ep.origin + ep.prefix
    yield Candidate(base + "/oauth/token")
    yield Candidate(ep.origin + "/oauth/token")
    yield Candidate(ep.api_base + "/session")
    yield Candidate(base + "/api/session")
    yield from document_steps(ep, get)
    yield Candidate(ep.origin + "/connect/token")


def document_steps(ep: Endpoints, get: Send) -> Iterator[Step]:
    """What the discovery documents (under the prefix, then at the root) say, each read when
    reached: its request, then the ``token_endpoint`` it names or why that is skipped."""
    base = ep.origin + ep.prefix
    for document in dict.fromkeys((base + WELL_KNOWN, ep.origin + WELL_KNOWN)):
        yield from _from_document(document, ep.origin, get)


def session_candidates(ep: Endpoints) -> Iterator[Step]:
    """GET session: ``{api}/session``, then ``/api/session`` (the vendor page's intro)."""
    yield Candidate(ep.session_url)
    yield Candidate(ep.origin + ep.prefix + "/api/session")


def _from_document(url: str, origin: str, get: Send) -> Iterator[Step]:
    """The ``token_endpoint`` a discovery document names, fetched without credentials."""
    try:
        answer = get(url)
    except RedirectRefused as exc:
        yield Attempt("GET", url, "other", exc.status)
        return
    except UnreadableAnswer:  # too large to be one
        yield Attempt("GET", url, "skipped", None, translate("errors", _UNREADABLE))
        return
    if answer.status != 200:
        outcome: Outcome = "missing" if answer.status in (404, 405) else "other"
        yield Attempt("GET", url, outcome, answer.status)
        return
    endpoint = _token_endpoint(answer.text)
    if endpoint is None:
        yield Attempt("GET", url, "skipped", 200, translate("errors", _NO_ENDPOINT))
        return
    # the document's own request, in the list too: every request a discovery made is in it
    yield Attempt("GET", url, "answered", 200, translate("errors", _NAMES).format(url=endpoint))
    if not same_origin(endpoint, origin):
        shown = origin_of(endpoint) or endpoint
        note = translate("errors", _OTHER_ORIGIN).format(origin=shown)
        yield Attempt("POST", endpoint, "skipped", None, note)
    else:
        yield Candidate(endpoint)


def _token_endpoint(text: str) -> str | None:
    """An absolute http(s) URL without spaces or control characters, or None."""
    if len(text) > MAX_DOCUMENT:
        return None
    try:
        data = json.loads(text)
    except (ValueError, RecursionError):
        return None
    endpoint = data.get("token_endpoint") if isinstance(data, dict) else None
    if not isinstance(endpoint, str) or len(endpoint) > MAX_URL_LENGTH:
        return None
    if not re.fullmatch(r"(?i)https?://[^\s/?#]+[^\s\x00-\x1f\x7f-\x9f]*", endpoint):
        return None
    return endpoint


def remembered_url(url: str | None, origin: str) -> str | None:
    """A remembered URL fit to receive credentials: absolute, on ``origin``, plain; else None
    (a profile is a file anyone can hand over: it never sends the password elsewhere)."""
    url = (url or "").strip()
    if not url or len(url) > MAX_URL_LENGTH or not re.fullmatch(r"[^\s\x00-\x1f\x7f-\x9f]+", url):
        return None
    return url if same_origin(url, origin) else None
