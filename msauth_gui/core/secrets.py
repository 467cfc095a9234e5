"""Secrets in the OS keyring, and a clear "why not" when there is none.

Passwords, refresh tokens and non-default client secrets are stored with ``keyring`` under
the service :data:`SERVICE`, keyed by kind and profile name. Every failure becomes a
:class:`KeyringProblem` with a message; nothing ever falls back to a file.
"""

from __future__ import annotations

from typing import Any, Literal

from .errors import AuthError
from .redact import register_secret
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


class SecretStore:
    """A thin, failure-proof face on a keyring backend (injectable for tests)."""

    def __init__(self, backend: Any | None = None) -> None:
        self._backend = backend
        self._reason: str | None = None
        self._resolved = backend is not None

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
            if getattr(candidate, "priority", 0) <= 0 or "fail" in type(candidate).__module__:
                self._reason = translate(
                    "errors",
                    "no system keyring is available (on Linux: a Secret Service such as "
                    "GNOME Keyring or KWallet must be running and unlocked)",
                )
                return None
            self._backend = candidate
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

    def get(self, kind: Kind, profile: str) -> str | None:
        value = self._call(_READ, "get_password", _key(kind, profile))
        register_secret(value)
        return value

    def set(self, kind: Kind, profile: str, value: str) -> None:
        register_secret(value)
        self._call(_SAVE, "set_password", _key(kind, profile), value)

    def delete(self, kind: Kind, profile: str) -> None:
        """Remove one entry; a missing entry is not an error."""
        if self.get(kind, profile) is not None:
            self._call(_REMOVE, "delete_password", _key(kind, profile))

    def delete_profile(self, profile: str) -> None:
        for kind in KINDS:
            self.delete(kind, profile)

    def rename_profile(self, old: str, new: str) -> None:
        for kind in KINDS:
            value = self.get(kind, old)
            if value is not None:
                self.set(kind, new, value)
                self.delete(kind, old)
