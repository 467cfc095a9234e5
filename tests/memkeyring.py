"""An in-memory keyring backend for tests, one that fails like a locked keyring, one whose reads
wait (as a keyring waiting for its unlock prompt does), and one whose writes wait."""

from __future__ import annotations

import threading

from jaraco.classes import properties
from keyring.backend import KeyringBackend
from keyring.errors import KeyringLocked, PasswordDeleteError


class MemoryKeyring(KeyringBackend):
    """Passed to SecretStore explicitly; never picked by keyring's own detection (a backend
    class registers itself on definition, and a viable one would shadow "no keyring")."""

    @properties.classproperty
    def priority(cls) -> float:  # type: ignore[override]
        raise RuntimeError("test backend: not viable for detection")

    def __init__(self) -> None:
        super().__init__()
        self.entries: dict[tuple[str, str], str] = {}

    def get_password(self, service: str, username: str) -> str | None:
        return self.entries.get((service, username))

    def set_password(self, service: str, username: str, password: str) -> None:
        self.entries[(service, username)] = password

    def delete_password(self, service: str, username: str) -> None:
        if self.entries.pop((service, username), None) is None:
            raise PasswordDeleteError(username)


class LockedKeyring(MemoryKeyring):
    """Refuses every read and write while ``locked``; ``calls`` counts the attempts."""

    def __init__(self) -> None:
        super().__init__()
        self.locked = True
        self.calls = 0

    def get_password(self, service: str, username: str) -> str | None:
        self.calls += 1
        if self.locked:
            raise KeyringLocked("the collection is locked")
        return super().get_password(service, username)

    def set_password(self, service: str, username: str, password: str) -> None:
        self.calls += 1
        if self.locked:
            raise KeyringLocked("the collection is locked")
        super().set_password(service, username, password)


class WaitingKeyring(MemoryKeyring):
    """Every read waits until ``gate`` is set (at most ``wait`` seconds); ``threads`` records
    which thread each read came from."""

    def __init__(self, wait: float = 5.0) -> None:
        super().__init__()
        self.gate = threading.Event()
        self.asked = threading.Event()
        self.wait = wait
        self.threads: list[threading.Thread] = []

    def get_password(self, service: str, username: str) -> str | None:
        self.threads.append(threading.current_thread())
        self.asked.set()
        self.gate.wait(self.wait)
        return super().get_password(service, username)


class WaitingWrites(MemoryKeyring):
    """Every write waits until ``gate`` is set (at most ``wait`` seconds; reads answer at once),
    then fails like a locked keyring if ``fail`` is set. ``done`` lists the writes that were
    made, in order; ``threads`` which thread each write came from."""

    def __init__(self, wait: float = 10.0) -> None:
        super().__init__()
        self.gate = threading.Event()
        self.asked = threading.Event()
        self.wait = wait
        self.fail = False
        self.done: list[tuple[str, str]] = []
        self.threads: list[threading.Thread] = []

    def _held(self, action: str, username: str) -> None:
        self.threads.append(threading.current_thread())
        self.asked.set()
        self.gate.wait(self.wait)
        if self.fail:
            raise KeyringLocked("the collection is locked")
        self.done.append((action, username))

    def set_password(self, service: str, username: str, password: str) -> None:
        self._held("set", username)
        super().set_password(service, username, password)

    def delete_password(self, service: str, username: str) -> None:
        self._held("delete", username)
        super().delete_password(service, username)
