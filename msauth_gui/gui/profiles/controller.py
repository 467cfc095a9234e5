"""Profiles in the window: switch, create, rename, duplicate, delete, import and export.

The form shows the current profile; the profile takes the form's values back whenever it is
left (switch, sign-in, export, closing). At start the last used profile is shown at once; the
keyring is looked at on a worker thread right after the window is up (importing ``keyring`` is
slow, a locked one may wait for its prompt), and then a remembered password is filled in and a
saved session resumed. The URLs a session found on the server (its token endpoint) are kept in
that session's profile for the next start.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import replace
from typing import TYPE_CHECKING, Protocol

from PySide6.QtCore import QEvent, QObject, QSettings, QTimer, Signal
from PySide6.QtWidgets import QWidget

from ...core.client import DEFAULT_CLIENT_SECRET
from ...core.endpoints import build_endpoints
from ...core.errors import AuthError, InvalidInput
from ...core.profiles import Profile, unique_name
from ...core.secrets import SecretStore
from ...core.session.remember import Learned, moved, remember_in, with_remembered
from ...core.session.renewal import KeeperState
from ...core.translate import QT_TRANSLATE_NOOP
from ..session.keeper import TokenKeeper
from ..widgets import add_action
from .secrets import Found, ProfileSecrets
from .sharing import ask_name, client_secret_hint, confirm, export_to_file, import_from_file
from .store import ProfileStore
from .widgets import ProfileBar

if TYPE_CHECKING:
    from ...core.client import ConnectionSettings
    from ...core.token import Credentials

FIRST_PROFILE = QT_TRANSLATE_NOOP("ProfileController", "Default")
START_LATEST_MS = 1000
Say = Callable[[str], None]


class ProfileForm(Protocol):
    """What the controller needs of the sign-in form."""

    def server(self) -> str: ...
    def login(self) -> str: ...
    def password(self) -> str: ...
    def client_secret(self) -> str: ...
    def is_valid(self) -> bool: ...
    def show_profile(self, profile: Profile) -> None: ...
    def to_profile(self, profile: Profile) -> Profile: ...
    def set_secrets(self, password: str | None, client_secret: str | None) -> None: ...


class ProfileController(QObject):
    """Owns the profile list of one window, its profile bar and its keyring side.

    ``say`` shows a message (the window's log and status bar); ``window`` is where the
    dialogs open and whose first paint starts the keyring look-up.
    """

    #: a saved session of the shown profile should be resumed with this refresh token
    resumeRequested = Signal(str)
    #: the keyring was looked at (True: it can keep secrets); :attr:`ready` is set
    keyringChecked = Signal(bool)
    #: the profile of the live session is being deleted: the window signs out
    signOutRequested = Signal()

    def __init__(
        self,
        form: ProfileForm,
        keeper: TokenKeeper,
        say: Say,
        *,
        settings: QSettings | None,
        secrets: SecretStore,
        window: QWidget,
    ) -> None:
        super().__init__(window)
        self._form = form
        self._keeper = keeper
        self._say = say
        self._window = window
        self._store = ProfileStore(settings)
        self.secrets = ProfileSecrets(secrets, say, self._store.client_secret_saved, self)
        self._started = False  #: the keyring is being (or has been) looked at
        self.ready = False  #: the keyring was checked (and a saved session resumed)
        self._profiles = self._store.load()
        if not self._profiles:
            self._profiles = [form.to_profile(Profile(name=self.tr(FIRST_PROFILE)))]
        names = self.names()
        last = self._store.last_used()
        self._current = last if last in names else names[0]
        self.bar = ProfileBar(window)
        self.bar.set_profiles(names, self._current)
        self.options = self.secrets.options
        self._show(self.profile(), load_secrets=False)

        bar = self.bar
        bar.switched.connect(self._on_switched)
        bar.newRequested.connect(self.on_new)
        bar.renameRequested.connect(self.on_rename)
        bar.duplicateRequested.connect(self.on_duplicate)
        bar.deleteRequested.connect(self.on_delete)
        self.options.remember_password.toggled.connect(self._on_remember_toggled)
        self.options.stay_signed_in.toggled.connect(self._on_stay_toggled)
        self.secrets.notKept.connect(self._not_kept)
        keeper.credentialsChanged.connect(self._on_credentials)
        keeper.errorRaised.connect(self._on_error)
        keeper.endpointsLearned.connect(self._on_learned)
        self.import_action = add_action(window, self.tr("&Import profiles…"), self.on_import)
        self.import_action.setObjectName("importProfilesAction")
        self.export_action = add_action(window, self.tr("&Export profiles…"), self.on_export)
        self.export_action.setObjectName("exportProfilesAction")
        # the keyring is looked at once the window is painted (importing keyring is slow);
        # a window that is never painted (hidden) gets there too, a little later
        window.installEventFilter(self)
        QTimer.singleShot(START_LATEST_MS, self, self.start)

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if watched is self._window and event.type() == QEvent.Type.Paint:
            self._window.removeEventFilter(self)
            QTimer.singleShot(0, self, self.start)  # after this whole paint pass
        return False

    # -- the list ----------------------------------------------------------------------------
    def names(self) -> list[str]:
        return [p.name for p in self._profiles]

    def profile(self, name: str | None = None) -> Profile:
        wanted = self._current if name is None else name
        return next(p for p in self._profiles if p.name == wanted)

    def _find(self, name: str | None) -> Profile | None:
        return next((p for p in self._profiles if p.name == name), None)

    def _put(self, profile: Profile, old_name: str | None = None) -> None:
        key = old_name or profile.name  # a new server forgets the URLs found on the old one
        self._profiles = [moved(p, profile) if p.name == key else p for p in self._profiles]

    def _persist(self) -> None:
        self._store.save(self._profiles, self._current)
        self.bar.set_profiles(self.names(), self._current)

    # -- start -------------------------------------------------------------------------------
    def start(self) -> None:
        """Look at the keyring (on a worker); then fill in a remembered password, resume a saved
        session (:meth:`_on_keyring`)."""
        if self._started:
            return
        self._started = True
        profile = self.profile()
        form = self._form
        shown = (form.server(), form.login()) == (profile.server, profile.login)
        # (not shown: the command line asked for another server)
        flags = self._store.client_secret_saved
        before = set(flags)
        has_secret = profile.name in flags

        def answered(found: Found | None) -> None:
            self._on_keyring(profile.name, shown, found, flags != before)

        self.secrets.probe(profile, has_secret, answered)

    def _on_keyring(self, name: str, shown: bool, found: Found | None, changed: bool) -> None:
        self.ready = True
        self._show_choices(self.profile())
        if changed:  # client secrets saved while the keyring was looked at
            self._persist()
        if found is not None and name != self._current:  # another one was chosen meanwhile
            self._load_secrets(self.profile())
        elif found is not None and shown:
            self._fill_found(name, found)
        self.keyringChecked.emit(found is not None)

    def _fill_found(self, name: str, found: Found) -> None:
        """The remembered password and client secret in the form; the saved session resumed."""
        if found.client_secret:
            self.secrets.known_client_secret(name, found.client_secret)
        self._fill(found.password, found.client_secret)
        idle = self._keeper.state is KeeperState.SIGNED_OUT
        if found.refresh_token and self._form.is_valid() and idle:
            self.secrets.on_resume(name, found.refresh_token)
            self.resumeRequested.emit(found.refresh_token)

    # -- showing and keeping the form --------------------------------------------------------
    def _show(self, profile: Profile, *, load_secrets: bool = True) -> None:
        self._form.show_profile(profile)
        self._show_choices(profile)
        if load_secrets:
            self._load_secrets(profile)
        if profile.name in self._store.client_secret_needed:  # imported without it
            self._say(client_secret_hint(profile.name))

    def _show_choices(self, profile: Profile) -> None:
        self.options.set_values(*self.secrets.honoured(profile))

    def _load_secrets(self, profile: Profile) -> None:  # read on the keyring's thread
        name = profile.name

        def loaded(password: str, client_secret: str | None) -> None:
            if name == self._current:  # still shown
                self._fill(password, client_secret)

        self.secrets.load(profile, name in self._store.client_secret_saved, loaded)

    def _fill(self, password: str | None, client_secret: str | None) -> None:
        """What the keyring had, where the operator typed nothing while it was read."""
        form, typed = self._form, self._form.client_secret() != DEFAULT_CLIENT_SECRET
        form.set_secrets(None if form.password() else password, None if typed else client_secret)

    def save_current(self) -> None:
        """Take the form's values into the current profile (its client secret to the keyring)."""
        self._put(self._form.to_profile(self.profile()))
        secret = self._form.client_secret()
        own = secret not in ("", DEFAULT_CLIENT_SECRET)
        self.secrets.save_client_secret(self._current, secret if own else None)
        if own:  # entered: an imported profile has its client secret again
            self._store.client_secret_needed.discard(self._current)
        self._persist()

    def _on_switched(self, name: str) -> None:
        if name == self._current or self._find(name) is None:
            return
        self.save_current()
        self._current = name
        self._show(self.profile())
        self._persist()

    def select_server(self, server: str, login: str | None) -> None:
        """Show the profile of a server (and login) named on the command line, or a new one."""
        for profile in self._profiles:
            if profile.server == server and login in (None, profile.login):
                self._on_switched(profile.name)
                return
        try:
            wanted = build_endpoints(server).host
        except InvalidInput:
            wanted = server
        self.save_current()
        self._current = unique_name(wanted, set(self.names()))
        self._profiles.append(Profile(name=self._current, server=server, login=login or ""))
        self._show(self.profile(), load_secrets=False)
        self._persist()

    # -- window hooks --------------------------------------------------------------------------
    def on_sign_in(self, password: str) -> None:
        """A sign-in starts with the form as it is: it belongs to the current profile."""
        self.save_current()
        self.secrets.on_sign_in(self._current, password)

    def on_sign_out(self) -> None:
        self.secrets.on_sign_out(self._find(self.secrets.session or self._current))

    def _on_credentials(self, creds: Credentials | None) -> None:
        self.secrets.on_credentials(creds, self._find(self.secrets.session))

    def _not_kept(self, name: str, remember: bool, stay: bool) -> None:
        """A keyring write for ``name`` failed: that profile (if it still is) loses the choice;
        the one shown (perhaps another by now) keeps its own, unticked while the keyring fails."""
        profile = self._find(name)
        if profile is not None:  # not deleted meanwhile
            kept = profile.remember_password and not remember, profile.stay_signed_in and not stay
            self._put(replace(profile, remember_password=kept[0], stay_signed_in=kept[1]))
            self._persist()
        self._show_choices(self.profile())

    def with_remembered(self, settings: ConnectionSettings) -> ConnectionSettings:
        """``settings`` with the URLs found before on their server (the current profile's)."""
        return with_remembered(settings, self.profile())

    def _on_learned(self, learned: Learned) -> None:
        """The session found (or dropped) a URL: its profile keeps that for the next start."""
        profile = self._find(self.secrets.session)
        if profile is not None and remember_in(profile, learned.settings) != profile:
            self._put(remember_in(profile, learned.settings))
            self._persist()

    def _on_error(self, error: AuthError) -> None:
        self.secrets.on_error(error, self._keeper.credentials is not None)

    def _on_remember_toggled(self, on: bool) -> None:
        profile = replace(self.profile(), remember_password=on)
        self._put(profile)
        signed_in = self._keeper.credentials is not None
        if not self.secrets.remember_changed(profile, self._form.password(), signed_in):
            self._put(replace(profile, remember_password=False))
            self.options.set_values(False, profile.stay_signed_in)
        self._persist()

    def _on_stay_toggled(self, on: bool) -> None:
        profile = replace(self.profile(), stay_signed_in=on)
        self._put(profile)
        if not self.secrets.stay_changed(profile, self._keeper.credentials):
            self._put(replace(profile, stay_signed_in=False))
            self.options.set_values(profile.remember_password, False)
        self._persist()

    # -- profile actions -----------------------------------------------------------------------
    def _ask_name(self, title: str, default: str, keep: str | None = None) -> str | None:
        name = ask_name(self._window, title, default)
        if name is not None and name != keep and name in self.names():
            text = self.tr("A profile named “{name}” exists already; choose another name.")
            self._say(text.format(name=name))
            return None
        return name

    def on_new(self) -> None:
        default = unique_name(self.tr("New server"), set(self.names()))
        name = self._ask_name(self.tr("New profile"), default)
        if name is None:
            return
        self.save_current()
        self._profiles.append(Profile(name=name))
        self._current = name
        self._show(self.profile(), load_secrets=False)
        self._persist()

    def on_duplicate(self) -> None:
        old = self._current
        name = self._ask_name(self.tr("Duplicate profile"), unique_name(old, set(self.names())))
        if name is None:
            return
        self.save_current()
        # the copy shares the server set-up, not the saved password or session
        copy = replace(self.profile(), name=name, remember_password=False, stay_signed_in=False)
        self._profiles.insert(self.names().index(old) + 1, copy)
        self._current = name
        self.options.set_values(False, False)
        self.save_current()  # a non-default client secret is saved for the copy too

    def on_rename(self) -> None:
        old = self._current
        name = self._ask_name(self.tr("Rename profile"), old, keep=old)
        if name is None or name == old:
            return
        self.save_current()
        self.secrets.rename(old, name)
        for flags in (self._store.client_secret_saved, self._store.client_secret_needed):
            if old in flags:
                flags.discard(old)
                flags.add(name)
        self._put(replace(self.profile(), name=name), old_name=old)
        self._current = name
        self._persist()

    def on_delete(self) -> None:
        """Delete the shown profile and its secrets; if its session is live, that ends too.

        A deleted profile's session is not kept running: its refresh token would go on
        rotating with nowhere to be saved, for a server the list no longer has. The question
        says so, and yes signs out first (the saved session, the clipboard and the timers go).
        """
        name = self._current
        live = self.secrets.session == name and self._keeper.state is not KeeperState.SIGNED_OUT
        question = self.tr(
            "Delete the profile “{name}” and the password and session saved for it?"
        ).format(name=name)
        if live:
            question += " " + self.tr("You are signed in with it: deleting it signs you out.")
        if not confirm(self._window, self.tr("Delete profile"), question):
            return
        if live:
            self.signOutRequested.emit()
        profile = self.profile()
        flags = self._store.client_secret_saved
        may_have_secrets = profile.remember_password or profile.stay_signed_in or name in flags
        if self.secrets.usable or may_have_secrets:
            self.secrets.forget(name)
        flags.discard(name)
        self._profiles = [p for p in self._profiles if p.name != name]
        if not self._profiles:
            self._profiles = [Profile(name=self.tr(FIRST_PROFILE))]
        self._current = self._profiles[0].name
        self._show(self.profile())
        self._persist()
        self._say(self.tr("Profile “{name}” deleted").format(name=name))

    def on_import(self) -> None:
        imported, file = import_from_file(self._window, set(self.names()), self._say)
        if not file:
            return
        self._profiles.extend(entry.profile for entry in imported)
        needed = {entry.profile.name for entry in imported if entry.own_client_secret}
        self._store.client_secret_needed.update(needed)
        self._persist()

    def on_export(self) -> None:
        self.save_current()
        own = self._store.client_secret_saved | self._store.client_secret_needed
        if self._form.client_secret() != DEFAULT_CLIENT_SECRET:  # typed, perhaps not saved
            own = own | {self._current}
        path = export_to_file(self._window, self._profiles, own, self._say)
        if path is not None:
            count = len(self._profiles)
            text = self.tr("Exported %n profile(s), without secrets, to {path}.", "", count)
            self._say(text.format(path=path))
