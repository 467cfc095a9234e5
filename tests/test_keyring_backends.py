"""Nothing is written to a plain file (issue 10, point 8).

With ``keyrings.alt`` installed (it is in the test extra), ``keyring`` picks its
``PlaintextKeyring`` when no Secret Service runs, and the password lands base64-encoded in
``~/.local/share/python_keyring/``. The store refuses that backend, the encrypted-file ones and
the null and fail backends, and says why.
"""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path
from typing import Any, ClassVar

import pytest

from msauth_gui.core.secrets import KeyringProblem, SecretStore

from .memkeyring import MemoryKeyring

alt_file = pytest.importorskip(
    "keyrings.alt.file", reason="keyrings.alt is not installed (pip install -e .[test])"
)
keyring = pytest.importorskip("keyring")


@pytest.fixture
def home(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """Where file backends would write (platformdirs follows XDG_DATA_HOME and HOME)."""
    monkeypatch.setenv("HOME", str(tmp_path))
    monkeypatch.setenv("XDG_DATA_HOME", str(tmp_path / "data"))
    return tmp_path


@pytest.fixture
def chosen() -> Iterator[Any]:
    """``chosen(backend)`` makes it what ``keyring.get_keyring()`` returns, for one test."""
    previous = keyring.get_keyring()
    yield keyring.set_keyring
    keyring.set_keyring(previous)


def _files(folder: Path) -> list[Path]:
    return [path for path in folder.rglob("*") if path.is_file()]


def test_the_plaintext_backend_is_refused_and_writes_nothing(home: Path, chosen: Any) -> None:
    backend = alt_file.PlaintextKeyring()
    assert str(backend.file_path).startswith(str(home))  # where it would have written
    chosen(backend)
    store = SecretStore()
    assert not store.available
    assert "keeps secrets in a file" in store.unavailable_reason
    assert "PlaintextKeyring" in store.unavailable_reason
    with pytest.raises(KeyringProblem) as caught:
        store.set("password", "Prod", "hunter2-password")
    assert "keeps secrets in a file" in caught.value.message
    assert _files(home) == []


def test_the_encrypted_file_backend_is_refused(home: Path, chosen: Any) -> None:
    # its master password is asked for on a terminal; made without __init__, which needs
    # pycryptodome (refused by its class, whatever it could do)
    chosen(alt_file.EncryptedKeyring.__new__(alt_file.EncryptedKeyring))
    store = SecretStore()
    assert not store.available and "EncryptedKeyring" in store.unavailable_reason
    with pytest.raises(KeyringProblem):
        store.set("password", "Prod", "hunter2-password")
    assert _files(home) == []


@pytest.mark.parametrize("module", ["keyring.backends.null", "keyring.backends.fail"])
def test_the_null_and_fail_backends_mean_no_keyring(chosen: Any, module: str) -> None:
    import importlib

    chosen(importlib.import_module(module).Keyring())
    store = SecretStore()
    assert not store.available and "no system keyring" in store.unavailable_reason


def test_a_plaintext_backend_given_directly_is_refused_too(home: Path) -> None:
    store = SecretStore(alt_file.PlaintextKeyring())
    assert not store.available
    with pytest.raises(KeyringProblem):
        store.set("password", "Prod", "hunter2-password")
    assert _files(home) == []


def test_a_chain_is_used_through_its_first_member_that_is_not_a_file(
    home: Path, chosen: Any
) -> None:
    from keyring.backends.chainer import ChainerBackend

    memory = MemoryKeyring()

    class Chain(ChainerBackend):
        backends: ClassVar[list[Any]] = [alt_file.PlaintextKeyring(), memory]  # by priority

    chosen(Chain())
    store = SecretStore()
    assert store.available
    store.set("password", "Prod", "hunter2-password")
    assert list(memory.entries.values()) == ["hunter2-password"]
    assert _files(home) == []
