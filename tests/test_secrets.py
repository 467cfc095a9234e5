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
from msauth_gui.core.profiles import (
    Profile,
    export_profiles,
    import_entries,
    import_profiles,
    unique_name,
)
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


def test_export_marks_a_profile_with_its_own_client_secret() -> None:
    profiles = [Profile(name="Prod", server="https://wms:9000"), Profile(name="Test")]
    text = export_profiles(profiles, own_client_secret={"Prod"})
    assert [p.get("own_client_secret") for p in json.loads(text)["profiles"]] == [True, None]
    assert [(e.profile.name, e.own_client_secret) for e in import_entries(text)] == [
        ("Prod", True),
        ("Test", False),
    ]
    doc = json.loads(text)
    doc["profiles"][1]["own_client_secret"] = "yes"  # only a true mark counts
    assert not import_entries(json.dumps(doc))[1].own_client_secret


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


#: the window's options against a real Secret Service: ready, and what the keyring boxes say
REAL_WINDOW = textwrap.dedent(
    """
    import json
    from PySide6.QtCore import QTimer
    from PySide6.QtWidgets import QApplication
    from msauth_gui.core.secrets import SecretStore
    from msauth_gui.gui.window.main import MainWindow

    app = QApplication([])
    window = MainWindow(secrets=SecretStore())

    def report(usable):
        boxes = window.profiles.secrets.options
        print(json.dumps({
            "usable": usable,
            "enabled": [box.isEnabled() for box in boxes.checks()],
            "reason": boxes.status_label.text(),
            "log": window.log.text(),
        }))
        app.quit()

    window.profiles.keyringChecked.connect(report)
    window.show()
    QTimer.singleShot(30_000, app.quit)  # never hang the suite
    app.exec()
    """
)
needs_secret_service = pytest.mark.skipif(
    not (shutil.which("dbus-run-session") and shutil.which("gnome-keyring-daemon")),
    reason="needs dbus-run-session and gnome-keyring-daemon (Debian: dbus, gnome-keyring)",
)


def in_secret_service(tmp_path: Path, script: str, *, unlocked: bool) -> str:
    """Run ``script`` on a private session bus with gnome-keyring: with its login keyring
    unlocked (a signed-in Linux desktop), or with none unlocked and no prompt to unlock one."""
    path = tmp_path / "script.py"
    path.write_text(script, encoding="utf-8")
    unlock = "echo -n ci-unlock | gnome-keyring-daemon --unlock"
    start = unlock if unlocked else "gnome-keyring-daemon --start"
    shell = f'{start} --components=secrets >/dev/null 2>&1; exec "{sys.executable}" "{path}"'
    env = {
        **os.environ,
        "PYTHONPATH": str(ROOT),
        "HOME": str(tmp_path),
        "QT_QPA_PLATFORM": "offscreen",
    }
    done = subprocess.run(
        ["dbus-run-session", "--", "sh", "-c", shell],
        capture_output=True,
        text=True,
        timeout=60,
        env=env,
    )
    assert done.returncode == 0, done.stderr[-2000:]
    return done.stdout


@pytest.mark.secret_service
@needs_secret_service
def test_real_secret_service_round_trip(tmp_path: Path) -> None:
    assert "secret service ok" in in_secret_service(tmp_path, REAL_SECRET_SERVICE, unlocked=True)


@pytest.mark.secret_service
@needs_secret_service
@pytest.mark.parametrize("unlocked", [True, False], ids=["unlocked", "locked"])
def test_real_secret_service_window_options(tmp_path: Path, unlocked: bool) -> None:
    """A locked Secret Service (no unlocked collection, the unlock prompt cannot show) is known
    at start: both options disabled with the reason, said once; an unlocked one enables them."""
    out = in_secret_service(tmp_path, REAL_WINDOW, unlocked=unlocked)
    seen = json.loads(out.strip().splitlines()[-1])
    assert seen["usable"] is unlocked
    assert seen["enabled"] == [unlocked, unlocked]
    if unlocked:
        assert seen["reason"] == "" and "keyring" not in seen["log"]
    else:
        assert "cannot be saved" in seen["reason"] and "keyring could not read" in seen["reason"]
        assert seen["log"].count("The system keyring could not read a saved secret") == 1


def test_a_replaced_keyring_value_stops_being_masked() -> None:
    """A refresh token saved at every refresh must not pile up in the redaction registry."""
    from msauth_gui.core.redact import registered

    store = SecretStore(MemoryKeyring())
    for n in range(50):
        store.set("refresh_token", "Prod", f"rt-rotated-{n:04d}")
    assert registered() == {"rt-rotated-0049"}
    store.delete("refresh_token", "Prod")
    assert registered() == frozenset()
