"""Profiles without secrets, secrets in the keyring, and clear messages when there is none."""

from __future__ import annotations

import json
import os
import shutil
import subprocess
import sys
import textwrap
from pathlib import Path

import pytest

from msauth_gui.core.errors import InvalidInput
from msauth_gui.core.profiles import Profile, export_profiles, import_profiles, unique_name
from msauth_gui.core.redact import redact
from msauth_gui.core.secrets import SERVICE, KeyringProblem, SecretStore

from .memkeyring import LockedKeyring, MemoryKeyring

ROOT = Path(__file__).resolve().parents[1]


def test_secrets_round_trip_under_the_app_service_and_profile_key() -> None:
    backend = MemoryKeyring()
    store = SecretStore(backend)
    store.set("password", "Склад 1", "p@ss wörd")
    store.set("refresh_token", "Склад 1", "rt-123456")
    assert backend.entries[(SERVICE, "password:Склад 1")] == "p@ss wörd"
    assert store.get("password", "Склад 1") == "p@ss wörd"
    assert "rt-123456" not in redact("stored rt-123456")  # values read are registered secrets
    store.rename_profile("Склад 1", "Склад 2")
    assert store.get("password", "Склад 2") == "p@ss wörd"
    assert store.get("password", "Склад 1") is None
    store.delete_profile("Склад 2")
    assert backend.entries == {}
    store.delete("password", "nothing here")  # deleting a missing entry is fine


def test_locked_keyring_is_a_message_not_a_crash() -> None:
    store = SecretStore(LockedKeyring())
    with pytest.raises(KeyringProblem) as caught:
        store.set("password", "Prod", "secret-pw")
    assert "could not save a secret" in caught.value.message
    assert "locked" in caught.value.message
    assert "secret-pw" not in caught.value.message


def test_no_backend_reports_why(monkeypatch: pytest.MonkeyPatch) -> None:
    import keyring
    from keyring.backends import fail

    monkeypatch.setattr(keyring, "get_keyring", lambda: fail.Keyring())
    store = SecretStore()
    assert not store.available
    assert "Secret Service" in store.unavailable_reason
    with pytest.raises(KeyringProblem):
        store.get("password", "Prod")


def test_profile_export_has_no_secrets_and_imports_back() -> None:
    profiles = [
        Profile(name="Prod", server="https://wms:9000", login="admin", remember_password=True),
        Profile(name="Test", server="http://wms-test:9706", method="session", timeout=5),
    ]
    text = export_profiles(profiles)
    assert "remember_password" not in text and "password" not in text.replace('"login"', "")
    back = import_profiles(text)
    assert [p.name for p in back] == ["Prod", "Test"]
    assert back[1].method == "session" and back[1].timeout == 5.0
    assert back[0].remember_password is False  # secret choices are per user, not shared


@pytest.mark.parametrize(
    ("text", "says"),
    [
        ("not json", "not JSON"),
        ('{"format": "other"}', "not an msauth-gui profiles export"),
        ('{"format": "msauth-gui profiles", "profiles": [{"server": "x"}]}', "has no name"),
        (
            '{"format": "msauth-gui profiles", "profiles": [{"name": "a", "method": "ntlm"}]}',
            "method has a wrong value",
        ),
        (
            '{"format": "msauth-gui profiles", "profiles": [{"name": "a", "timeout": -1}]}',
            "timeout has a wrong value",
        ),
    ],
)
def test_bad_profile_files_are_explained(text: str, says: str) -> None:
    with pytest.raises(InvalidInput, match=says):
        import_profiles(text)


def test_unique_names() -> None:
    assert unique_name("Prod", {"Prod", "Prod (2)"}) == "Prod (3)"
    assert unique_name("New", set()) == "New"


def test_profile_settings_carry_every_field() -> None:
    p = Profile(name="x", server="http://h:1", token_url="/connect/token", ca_bundle="/ca.pem")
    s = p.settings("sekret")
    assert (s.server, s.token_url, s.ca_bundle, s.client_secret) == (
        "http://h:1",
        "/connect/token",
        "/ca.pem",
        "sekret",
    )
    assert json.loads(export_profiles([p]))["profiles"][0]["token_url"] == "/connect/token"


REAL_SECRET_SERVICE = textwrap.dedent(
    """
    from msauth_gui.core.secrets import SecretStore
    store = SecretStore()
    assert store.available, store.unavailable_reason
    assert "SecretService" in type(store.backend).__module__, type(store.backend)
    store.set("password", "CI profile", "p@ss wörd")
    assert store.get("password", "CI profile") == "p@ss wörd"
    store.delete_profile("CI profile")
    assert store.get("password", "CI profile") is None
    print("secret service ok")
    """
)


@pytest.mark.secret_service
@pytest.mark.skipif(
    not (shutil.which("dbus-run-session") and shutil.which("gnome-keyring-daemon")),
    reason="needs dbus-run-session and gnome-keyring-daemon (Debian: dbus, gnome-keyring)",
)
def test_real_secret_service_round_trip(tmp_path: Path) -> None:
    script = tmp_path / "ss.py"
    script.write_text(REAL_SECRET_SERVICE, encoding="utf-8")
    # A private session bus with an unlocked keyring, as on a signed-in Linux desktop.
    shell = (
        "echo -n ci-unlock | gnome-keyring-daemon --unlock --components=secrets >/dev/null 2>&1;"
        f' exec "{sys.executable}" "{script}"'
    )
    env = {**os.environ, "PYTHONPATH": str(ROOT), "HOME": str(tmp_path)}
    done = subprocess.run(
        ["dbus-run-session", "--", "sh", "-c", shell],
        capture_output=True,
        text=True,
        timeout=60,
        env=env,
    )
    assert done.returncode == 0, done.stderr[-2000:]
    assert "secret service ok" in done.stdout


def test_a_replaced_keyring_value_stops_being_masked() -> None:
    """A refresh token saved at every refresh must not pile up in the redaction registry."""
    from msauth_gui.core.redact import registered

    store = SecretStore(MemoryKeyring())
    for n in range(50):
        store.set("refresh_token", "Prod", f"rt-rotated-{n:04d}")
    assert registered() == {"rt-rotated-0049"}
    store.delete("refresh_token", "Prod")
    assert registered() == frozenset()
