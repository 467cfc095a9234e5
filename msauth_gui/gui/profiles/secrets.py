"""A window's secrets in the OS keyring: remembered passwords, saved sessions, client secrets.

"Remember password" saves the password a sign-in succeeded with; "Stay signed in" saves the
refresh token and replaces it whenever the keeper's credentials change (servers rotate refresh
tokens); sign-out removes the saved session, profile deletion everything. Every keyring call
goes through :meth:`ProfileSecrets._call`: a failure is a message in the log and the status bar,
the options turn off with the reason, and nothing is ever written anywhere else instead.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import QObject

from ...core.errors import AuthError
from ...core.secrets import KeyringProblem, SecretStore
from ...core.session.renewal import SavedSessionEnded
from ...core.token import Token
from ...core.translate import QT_TRANSLATE_NOOP
from .widgets import SecretOptions

if TYPE_CHECKING:
    from ...core.profiles import Profile
    from ...core.token import Credentials

Say = Callable[[str], None]
NOT_CHECKED = QT_TRANSLATE_NOOP("ProfileSecrets", "the system keyring has not been checked yet")


class ProfileSecrets(QObject):
    """Keyring side of the profiles; the checkboxes live in :attr:`options`."""

    def __init__(self, secrets: SecretStore, say: Say, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._secrets = secrets
        self._say = say
        self._usable: bool | None = None  #: None until :meth:`check` ran
        self._why = self.tr(NOT_CHECKED)  #: why secrets cannot be saved, when they cannot
        self.session: str | None = None  #: the profile the keeper's session belongs to
        self._pending_password: str | None = None
        self._stored_refresh: str | None = None  #: the refresh token now in the keyring
        self._client_secrets: dict[str, str] = {}  #: values known to be in the keyring
        self._warned: set[str] = set()  #: profiles told their client secret is not saved
        self.options = SecretOptions()
        for check in self.options.checks():
            check.setEnabled(False)  # until the keyring was looked at, after the window is up

    @property
    def usable(self) -> bool:
        return bool(self._usable)

    def check(self) -> bool:
        """Look for a keyring backend (imports keyring: done after the window is shown)."""
        self._usable = self._secrets.available
        self._why = self._secrets.unavailable_reason
        self.options.set_available(self._usable, self._why)
        return self._usable

    def _call(self, fn: Callable[..., Any], *args: str) -> tuple[bool, Any]:
        if self._usable is None:
            self.check()
        if not self._usable:
            return False, None
        try:
            return True, fn(*args)
        except KeyringProblem as exc:
            self._usable, self._why = False, exc.message
            self.options.set_available(False, exc.message)
            self._say(exc.message)
            return False, None

    # -- loading -------------------------------------------------------------------------------
    def load(self, profile: Profile, has_client_secret: bool) -> tuple[str, str | None]:
        """The remembered password ("" if none) and the saved client secret (None: default)."""
        password = client_secret = None
        if profile.remember_password:
            _, password = self._call(self._secrets.get, "password", profile.name)
        if has_client_secret:
            _, client_secret = self._call(self._secrets.get, "client_secret", profile.name)
            if client_secret is not None:
                self._client_secrets[profile.name] = client_secret
        return password or "", client_secret

    def saved_session(self, profile: Profile) -> str | None:
        """The refresh token "Stay signed in" saved for ``profile``, if any."""
        if not profile.stay_signed_in:
            return None
        _, token = self._call(self._secrets.get, "refresh_token", profile.name)
        return token or None

    # -- the keeper's session --------------------------------------------------------------
    def on_sign_in(self, profile: str, password: str) -> None:
        self.session, self._pending_password = profile, password

    def on_resume(self, profile: str, refresh_token: str) -> None:
        self.session, self._pending_password = profile, None
        self._stored_refresh = refresh_token

    def on_credentials(self, creds: Credentials | None, profile: Profile | None) -> None:
        """New credentials for the session: save the password and the (rotated) refresh token."""
        if creds is None or profile is None or profile.name != self.session:
            return
        password, self._pending_password = self._pending_password, None
        if password and profile.remember_password:
            self._call(self._secrets.set, "password", profile.name, password)
        if profile.stay_signed_in:
            self._save_session(profile.name, creds)

    def on_error(self, error: AuthError, signed_in: bool) -> None:
        if not signed_in:
            self._pending_password = None  # a rejected password is never saved
        if isinstance(error, SavedSessionEnded) and self.session is not None:
            self._drop_session(self.session)

    def on_sign_out(self, profile: Profile | None) -> None:
        """The operator signed out: the saved session goes too."""
        if profile is not None and (profile.stay_signed_in or self._stored_refresh):
            self._drop_session(profile.name)
        self.session = self._pending_password = self._stored_refresh = None

    def _save_session(self, name: str, creds: Credentials) -> None:
        token = creds.refresh_token if isinstance(creds, Token) else None
        if token == self._stored_refresh:
            return
        if token is None:  # dropped as dead, or never given: nothing left to resume with
            self._drop_session(name)
            return
        ok, _ = self._call(self._secrets.set, "refresh_token", name, token)
        self._stored_refresh = token if ok else None

    def _drop_session(self, name: str) -> None:
        self._call(self._secrets.delete, "refresh_token", name)
        self._stored_refresh = None

    # -- the checkboxes ------------------------------------------------------------------------
    def remember_changed(self, profile: Profile, password: str, signed_in: bool) -> bool:
        """Save or forget the password; False when the keyring failed (untick the box)."""
        if not profile.remember_password:
            return self._call(self._secrets.delete, "password", profile.name)[0]
        if signed_in and profile.name == self.session and password:
            return self._call(self._secrets.set, "password", profile.name, password)[0]
        return self.usable  # saved with the next sign-in that succeeds

    def stay_changed(self, profile: Profile, creds: Credentials | None) -> bool:
        """Save or forget the session; False when the keyring failed (untick the box)."""
        if not profile.stay_signed_in:
            ok = self._call(self._secrets.delete, "refresh_token", profile.name)[0]
            if profile.name == self.session:
                self._stored_refresh = None
            return ok
        if creds is not None and profile.name == self.session:
            self._save_session(profile.name, creds)
        return self.usable

    # -- client secret, rename, delete -----------------------------------------------------
    def save_client_secret(self, name: str, secret: str | None) -> bool | None:
        """Keep a non-default client secret (None: the default) in the keyring.

        Returns whether one is saved now, or None when that is unknown (no usable keyring).
        """
        known = self._client_secrets.get(name)
        if secret is None and known is None:  # nothing to do, and no reason to load keyring
            return False if self._usable else None
        if secret == known:
            return True
        if self._usable is None:
            self.check()
        if not self._usable:
            if secret is not None and name not in self._warned:
                self._warned.add(name)
                text = self.tr("The client secret of “{name}” is not saved: {reason}")
                self._say(text.format(name=name, reason=self._why))
            return None
        if secret is None:
            ok, _ = self._call(self._secrets.delete, "client_secret", name)
        else:
            ok, _ = self._call(self._secrets.set, "client_secret", name, secret)
        if not ok:
            return None
        self._client_secrets.pop(name, None)
        if secret is not None:
            self._client_secrets[name] = secret
        return secret is not None

    def rename(self, old: str, new: str) -> None:
        self._call(self._secrets.rename_profile, old, new)
        if old in self._client_secrets:
            self._client_secrets[new] = self._client_secrets.pop(old)
        if self.session == old:
            self.session = new

    def forget(self, name: str) -> None:
        """Remove every secret of a deleted profile."""
        ok, _ = self._call(self._secrets.delete_profile, name)
        if not ok:
            text = self.tr("The saved secrets of “{name}” could not be removed: {reason}")
            self._say(text.format(name=name, reason=self._why))
        self._client_secrets.pop(name, None)
        if self.session == name:
            self.session = self._pending_password = self._stored_refresh = None
