"""A window's secrets in the OS keyring: remembered passwords, saved sessions, client secrets.

"Remember password" saves the password a sign-in succeeded with; "Stay signed in" saves the
refresh token and replaces it whenever the keeper's credentials change (servers rotate refresh
tokens); sign-out removes the saved session, profile deletion everything. Every keyring call
runs on the keyring's own thread (:func:`keyring_thread`), in the order asked, never on the GUI
thread: Secret Service over D-Bus may take hundreds of milliseconds, or wait for an unlock
prompt. Writes go through :meth:`ProfileSecrets._write`: a failure, when it arrives, is a
message in the log and the status bar, the options turn off with the reason, the profile it
concerned loses that choice (:attr:`ProfileSecrets.notKept`), and nothing is ever written
anywhere else instead.

The keyring is looked at once, on a worker thread (:meth:`ProfileSecrets.probe`): importing
``keyring`` is slow, and a locked keyring may wait for its unlock prompt. It finds the backend
and reads the shown profile's secrets, so a locked keyring is known before anything is ticked:
both options are then disabled with the reason, for every profile, and that reason is said once.
Until it answers the options read "checking the keyring…", reads find nothing, and writes (a
sign-in's, a rename's) wait and run when it has answered. A choice saved while the keyring
worked is kept while it is locked (shown unticked): the secrets saved with it are still there.
A profile switch reads that profile's secrets on the same thread (:meth:`ProfileSecrets.load`),
"checking the keyring…" meanwhile.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from typing import TYPE_CHECKING

from PySide6.QtCore import QObject, Signal
from shiboken6 import isValid

from ...core.errors import AuthError
from ...core.secrets import Kind, SecretStore
from ...core.session.renewal import SavedSessionEnded
from ...core.token import Token
from ..session.worker import SerialThread, run_in_thread
from .store import NoSecretStore
from .widgets import SecretOptions

if TYPE_CHECKING:
    from ...core.profiles import Profile
    from ...core.token import Credentials

Say = Callable[[str], None]
_thread: SerialThread | None = None


def keyring_thread() -> SerialThread:
    """The keyring's own thread: its calls run in the order asked (a delete after a save stays
    after it), sign-ins waiting on a slow server never delay them, quitting never waits on them."""
    global _thread
    if _thread is None:
        _thread = SerialThread("msauth-keyring")
    return _thread


@dataclass(frozen=True)
class Found:
    """What the keyring holds for the profile shown at start (None: nothing, or not asked)."""

    password: str | None = None
    client_secret: str | None = None
    refresh_token: str | None = None


def look_up(store: SecretStore, profile: Profile, has_client_secret: bool) -> Found | None:
    """Find the keyring and read ``profile``'s secrets; None when there is no keyring.

    Runs on a worker thread. The password entry is read even when it is not remembered, so that
    a locked keyring says so now, not at the first save; a failure raises KeyringProblem.
    """
    if not store.available:
        return None
    password = store.get("password", profile.name)
    return Found(
        password if profile.remember_password else None,
        store.get("client_secret", profile.name) if has_client_secret else None,
        store.get("refresh_token", profile.name) if profile.stay_signed_in else None,
    )


class ProfileSecrets(QObject):
    """Keyring side of the profiles; the checkboxes live in :attr:`options`.

    ``client_secret_saved`` is the profile store's set of profiles with a client secret in the
    keyring; it is kept up to date here.
    """

    #: a write for profile ``name`` failed: its "Remember password" (``remember``) or "Stay
    #: signed in" (``stay``) choice is not kept; neither: its client secret flag changed back
    notKept = Signal(str, bool, bool)  # name, remember, stay

    def __init__(
        self,
        secrets: SecretStore,
        say: Say,
        client_secret_saved: set[str],
        parent: QObject | None = None,
    ) -> None:
        super().__init__(parent)
        self._secrets = secrets
        self._say = say
        self._flags = client_secret_saved
        self._usable: bool | None = None  #: None until :meth:`probe` answered
        self._why = ""  #: why secrets cannot be saved, when they cannot
        self._deferred: list[Callable[[], object]] = []  #: writes asked for while probing
        self.writing = 0  #: writes asked of the keyring's thread, not answered yet
        self._reading: list[str] = []  #: profiles read on the keyring's thread, not answered
        self.session: str | None = None  #: the profile the keeper's session belongs to
        self._pending_password: str | None = None
        self._stored_refresh: str | None = None  #: the refresh token now in the keyring
        self._client_secrets: dict[str, str] = {}  #: values known to be in the keyring
        self._warned: set[str] = set()  #: profiles told their client secret is not saved
        self.options = SecretOptions()
        self.options.set_checking()  # until the keyring was looked at, after the window is up

    @property
    def usable(self) -> bool:
        return bool(self._usable)

    def honoured(self, profile: Profile) -> tuple[bool, bool]:
        """The profile's choices as the boxes show them: off while the keyring cannot keep them."""
        kept = self._usable is not False
        return profile.remember_password and kept, profile.stay_signed_in and kept

    def probe(
        self, profile: Profile, has_client_secret: bool, done: Callable[[Found | None], None]
    ) -> None:
        """Look at the keyring on a worker; then ``done(found)`` here (None: not usable)."""
        store = self._secrets

        def answer(found: Found | None, error: AuthError | None) -> None:
            if not isValid(self.options):
                return  # the window is gone
            if error is not None:
                self._usable, self._why = False, error.message
                self._say(error.message)  # the one time this failure is told
            elif found is None:
                self._usable, self._why = False, store.unavailable_reason
            else:
                self._usable = True
            self.options.set_available(self.usable, self._why)
            deferred, self._deferred = self._deferred, []
            for call in deferred:
                call()
            done(found if self._usable else None)

        if isinstance(store, NoSecretStore):  # no keyring by design: nothing to wait for
            answer(None, None)
        else:
            run_in_thread(
                lambda: look_up(store, profile, has_client_secret), answer, keyring_thread()
            )

    def known_client_secret(self, name: str, secret: str) -> None:
        """``secret`` was read from the keyring for ``name``."""
        self._client_secrets[name] = secret

    def _write(
        self, fn: Callable[..., object], *args: str, failed: Callable[[], None] | None = None
    ) -> bool:
        """``fn(*args)`` on the keyring's thread, after every call asked before it; returns at
        once. A failure, when it arrives, is said (once) and ``failed()`` runs. False when the
        keyring is not usable (nothing is asked); while it is looked at, the write waits."""
        if self._usable is None:
            self._deferred.append(lambda: self._write(fn, *args, failed=failed))
            return True
        if not self._usable:
            return False
        self.writing += 1

        def answer(_: object, error: AuthError | None) -> None:
            if not isValid(self.options):
                return  # the window is gone
            self.writing -= 1
            if error is not None:
                self._failed(error.message)
                if failed is not None:
                    failed()

        run_in_thread(lambda: fn(*args), answer, keyring_thread())
        return True

    def _failed(self, message: str) -> None:
        """The keyring failed just now: the options off with the reason, said once."""
        if self._usable is False:
            return  # said already
        self._usable, self._why = False, message
        self.options.set_available(False, message)
        self._say(message)

    # -- loading -------------------------------------------------------------------------------
    def load(
        self, profile: Profile, has_client_secret: bool, done: Callable[[str, str | None], None]
    ) -> None:
        """Read the remembered password and the saved client secret on the keyring's thread,
        then ``done(password or "", client_secret or None)`` here; the options read "checking
        the keyring…" meanwhile (a keyring may be slow, a locked one waits for its prompt).

        Nothing to read, or no usable keyring (yet: the probe's answer loads then): ``done``
        at once with nothing.
        """
        asked: tuple[tuple[Kind, bool], ...] = (
            ("password", profile.remember_password),
            ("client_secret", has_client_secret),
        )
        kinds = [kind for kind, wanted in asked if wanted]
        if not kinds or not self._usable:
            done("", None)
            return
        store, name = self._secrets, profile.name
        self._reading.append(name)
        self.options.set_checking()

        def answer(found: dict[str, str | None] | None, error: AuthError | None) -> None:
            if not isValid(self.options):
                return  # the window is gone
            self._reading.remove(name)
            if error is not None:
                self._failed(error.message)
            elif not self._reading:
                self.options.set_available(self.usable, self._why)
            found = found or {}
            secret = found.get("client_secret")
            if secret is not None:
                self._client_secrets[name] = secret
            done(found.get("password") or "", secret)

        run_in_thread(lambda: {k: store.get(k, name) for k in kinds}, answer, keyring_thread())

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
        name = profile.name
        password, self._pending_password = self._pending_password, None
        if password and profile.remember_password:
            self._write(self._secrets.set, "password", name, password, failed=self._lost(name))
        if profile.stay_signed_in:
            self._save_session(name, creds)

    def _lost(self, name: str, *, stay: bool = False) -> Callable[[], None]:
        """What a failed save of ``name``'s password (or session) does: that choice goes."""
        return lambda: self.notKept.emit(name, not stay, stay)

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
        lost = self._lost(name, stay=True)

        def failed() -> None:
            if self._stored_refresh == token:
                self._stored_refresh = None
            lost()

        ok = self._write(self._secrets.set, "refresh_token", name, token, failed=failed)
        self._stored_refresh = token if ok else None

    def _drop_session(self, name: str) -> None:
        self._write(self._secrets.delete, "refresh_token", name)
        self._stored_refresh = None

    # -- the checkboxes ------------------------------------------------------------------------
    def remember_changed(self, profile: Profile, password: str, signed_in: bool) -> bool:
        """Save or forget the password; False when the keyring cannot (untick the box). A
        failure that arrives later is :attr:`notKept`."""
        name = profile.name
        if not profile.remember_password:
            return self._write(self._secrets.delete, "password", name)
        if signed_in and name == self.session and password:
            return self._write(
                self._secrets.set, "password", name, password, failed=self._lost(name)
            )
        return self.usable  # saved with the next sign-in that succeeds

    def stay_changed(self, profile: Profile, creds: Credentials | None) -> bool:
        """Save or forget the session; False when the keyring cannot (untick the box). A
        failure that arrives later is :attr:`notKept`."""
        if not profile.stay_signed_in:
            ok = self._write(self._secrets.delete, "refresh_token", profile.name)
            if profile.name == self.session:
                self._stored_refresh = None
            return ok
        if creds is not None and profile.name == self.session:
            self._save_session(profile.name, creds)
        return self.usable

    # -- client secret, rename, delete -----------------------------------------------------
    def save_client_secret(self, name: str, secret: str | None) -> None:
        """Keep a non-default client secret (None: the default) in the keyring, and the flag
        that says one is there; with no usable keyring the flag stays as it was."""
        known = self._client_secrets.get(name)
        if secret is None and name in self._reading:  # the form shows no secret yet
            return
        if secret is None and known is None:  # nothing to do, and no reason to load keyring
            if self._usable:
                self._flags.discard(name)
            return
        if secret == known:
            self._flags.add(name)
            return
        if self._usable is None:  # saved once the keyring has answered
            self._deferred.append(lambda: self.save_client_secret(name, secret))
            return
        if not self._usable:
            if secret is not None and name not in self._warned:
                self._warned.add(name)
                text = self.tr("The client secret of “{name}” is not saved: {reason}")
                self._say(text.format(name=name, reason=self._why))
            return
        flagged = name in self._flags

        def failed() -> None:  # as it was: the keyring kept what it had
            self._client_secrets.pop(name, None)
            if known is not None:
                self._client_secrets[name] = known
            (self._flags.add if flagged else self._flags.discard)(name)
            self.notKept.emit(name, False, False)

        if secret is None:
            self._write(self._secrets.delete, "client_secret", name, failed=failed)
        else:
            self._write(self._secrets.set, "client_secret", name, secret, failed=failed)
        self._client_secrets.pop(name, None)
        if secret is None:
            self._flags.discard(name)
        else:
            self._client_secrets[name] = secret
            self._flags.add(name)

    def rename(self, old: str, new: str) -> None:
        self._write(self._secrets.rename_profile, old, new)
        if old in self._client_secrets:
            self._client_secrets[new] = self._client_secrets.pop(old)
        if self.session == old:
            self.session = new

    def forget(self, name: str) -> None:
        """Remove every secret of a deleted profile (a failure is said when it arrives)."""

        def failed() -> None:
            text = self.tr("The saved secrets of “{name}” could not be removed: {reason}")
            self._say(text.format(name=name, reason=self._why))

        if not self._write(self._secrets.delete_profile, name, failed=failed):
            failed()
        self._client_secrets.pop(name, None)
        if self.session == name:
            self.session = self._pending_password = self._stored_refresh = None
