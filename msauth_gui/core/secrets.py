"""Secrets in the OS keyring, and a clear "why not" when there is none.

Passwords, refresh tokens and non-default client secrets are stored with ``keyring`` under
the service :data:`SERVICE`, keyed by kind and profile name. Every failure becomes a
:class:`KeyringProblem` with a message; nothing ever falls back to a file.

Some backends ``keyring`` may pick are not keyrings at all: with ``keyrings.alt`` installed it
prefers ``PlaintextKeyring`` (base64 in ``~/.local/share/python_keyring/``), and its encrypted
files either have no master password of the operator's (Windows) or ask for one on a terminal
the window does not have. These, and the null and fail backends, are refused (:data:`REFUSED`):
the store reports "no keyring" with the reason. A chainer backend is used through its first
member that is not refused.
"""

from __future__ import annotations

from typing import Any, Literal

from .errors import AuthError
from .redact import hold_secrets, release_secrets
from .translate import QT_TRANSLATE_NOOP, translate

SERVICE = "msauth-gui"
Kind = Literal["password", "refresh_token", "client_secret"]
KINDS: tuple[Kind, ...] = ("password", "refresh_token", "client_secret")
#: what the keyring could not do ("The system keyring could not …")
_READ = QT_TRANSLATE_NOOP("errors", "read a saved secret")
_SAVE = QT_TRANSLATE_NOOP("errors", "save a secret")
_REMOVE = QT_TRANSLATE_NOOP("errors", "remove a secret")


class KeyringProblem(AuthError):
    kind = "keyring"
    exit_code = 1
    template = QT_TRANSLATE_NOOP("errors", "The system keyring could not {action}: {detail}")


def _key(kind: Kind, profile: str) -> str:
    return f"{kind}:{profile}"


_NO_KEYRING = QT_TRANSLATE_NOOP(
    "errors",
    "no system keyring is available (on Linux: a Secret Service such as "
    "GNOME Keyring or KWallet must be running and unlocked)",
)
_IN_A_FILE = QT_TRANSLATE_NOOP(
    "errors",
    "the keyring backend {backend} keeps secrets in a file, not in a system keyring, so it is "
    "not used (on Linux: run a Secret Service such as GNOME Keyring or KWallet)",
)
#: backend classes (by module and name, anywhere in the class's MRO) that are never used
REFUSED: dict[str, str] = {
    "keyrings.alt.file_base.Keyring": _IN_A_FILE,  # PlaintextKeyring, EncryptedKeyring
    "keyring.backends.null.Keyring": _NO_KEYRING,
    "keyring.backends.fail.Keyring": _NO_KEYRING,
}
_CHAINER = "keyring.backends.chainer.ChainerBackend"


def _names(backend: Any) -> list[str]:
    return [f"{cls.__module__}.{cls.__qualname__}" for cls in type(backend).__mro__]


def refusal(backend: Any) -> str | None:
    """Why ``backend`` must not hold secrets (translated), or None when it may."""
    for name in _names(backend):
        if name in REFUSED:
            kind = type(backend)
            return translate("errors", REFUSED[name]).format(
                backend=f"{kind.__module__}.{kind.__qualname__}"
            )
    return None


def _viable(backend: Any) -> bool:
    try:
        return float(backend.priority) > 0
    except Exception:  # a backend that cannot work here says so by raising
        return False


def usable_backend(candidate: Any) -> tuple[Any | None, str | None]:
    """``(backend, None)`` for a backend that may hold secrets, else ``(None, reason)``; a
    chainer is replaced by its first member that is not refused."""
    if _CHAINER in _names(candidate):
        members = list(getattr(candidate, "backends", ()))
        reasons = [refusal(member) for member in members]
        for member, reason in zip(members, reasons, strict=True):
            if reason is None:
                return member, None
        return None, next((r for r in reasons if r), translate("errors", _NO_KEYRING))
    reason = refusal(candidate)
    return (None, reason) if reason else (candidate, None)


class SecretStore:
    """A thin, failure-proof face on a keyring backend (injectable for tests)."""

    def __init__(self, backend: Any | None = None) -> None:
        self._backend: Any | None = None
        self._reason: str | None = None
        self._resolved = backend is not None
        if backend is not None:  # given (tests, the window's own): refused ones all the same
            self._backend, self._reason = usable_backend(backend)

    @property
    def backend(self) -> Any | None:
        if not self._resolved:
            self._resolved = True
            try:
                import keyring  # imported on first use: it scans entry points, which is slow

                candidate = keyring.get_keyring()
            except Exception as exc:  # a broken keyring install must not stop the program
                reason = translate("errors", "keyring failed to load ({error})")
                self._reason = reason.format(error=type(exc).__name__)
                return None
            self._backend, self._reason = usable_backend(candidate)
            if self._backend is candidate and not _viable(candidate):
                self._backend, self._reason = None, translate("errors", _NO_KEYRING)
        return self._backend

    @property
    def available(self) -> bool:
        return self.backend is not None

    @property
    def unavailable_reason(self) -> str:
        return "" if self.available else (self._reason or translate("errors", "no system keyring"))

    def _call(self, action: str, fn: str, *args: str) -> Any:
        backend = self.backend
        if backend is None:
            raise KeyringProblem(action=translate("errors", action), detail=self.unavailable_reason)
        try:
            return getattr(backend, fn)(SERVICE, *args)
        except Exception as exc:  # locked keyring, D-Bus errors, user cancelled the prompt
            detail = f"{type(exc).__name__}: {exc}"
            raise KeyringProblem(action=translate("errors", action), detail=detail) from None

    # What the keyring holds for (kind, profile) stays masked until it is replaced or
    # deleted: a rotated refresh token saved at every refresh must not pile up in redaction.
    def get(self, kind: Kind, profile: str) -> str | None:
        value = self._call(_READ, "get_password", _key(kind, profile))
        value = value if isinstance(value, str) else None
        hold_secrets(("keyring", kind, profile), value)
        return value

    def set(self, kind: Kind, profile: str, value: str) -> None:
        hold_secrets(("keyring", kind, profile), value)
        self._call(_SAVE, "set_password", _key(kind, profile), value)

    def delete(self, kind: Kind, profile: str) -> None:
        """Remove one entry; a missing entry is not an error."""
        if self.get(kind, profile) is not None:
            self._call(_REMOVE, "delete_password", _key(kind, profile))
        release_secrets(("keyring", kind, profile))

    def delete_profile(self, profile: str) -> None:
        for kind in KINDS:
            self.delete(kind, profile)

    def rename_profile(self, old: str, new: str) -> None:
        for kind in KINDS:
            value = self.get(kind, old)
            if value is not None:
                self.set(kind, new, value)
                self.delete(kind, old)
