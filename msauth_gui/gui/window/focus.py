"""The main window's keyboard order, in one place: top to bottom, left to right, as it reads.

Profile bar → server → login → password → Show → method → keyring options → Advanced (its
fields while expanded) → Check server → Sign out → Sign in → token field → Reveal → JWT
claims → the panel's buttons as they read (Refresh now → Test token → Details → Copy token →
Copy header → Copy as curl; Details last in two columns) → the panel's sections (Local proxy,
its address, Copy) → Clear log → Copy log → the log itself, then round to the profile bar.
Hidden and disabled widgets stay in the chain and are skipped by Qt, so the order holds in every
state.

At start the keyboard focus is in the first empty field of the form (:func:`focus_first_empty`):
the password once the server and login are known, so typing it and pressing Enter signs in.
"""

from __future__ import annotations

import itertools
from typing import TYPE_CHECKING

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QWidget

if TYPE_CHECKING:
    from .form import SignInForm
    from .layout import WindowParts


def tab_chain(parts: WindowParts) -> list[QWidget]:
    """The focusable widgets of the window in the order Tab visits them."""
    bar, form, panel, log = parts.profile_bar, parts.form, parts.panel, parts.log
    options = form.options
    return [
        bar.combo,
        *bar.buttons,
        form.server_edit,
        form.login_edit,
        form.password_edit,
        form.show_password,
        form.method_combo,
        *parts.secret_options.checks(),
        form.advanced.button,
        options.client_id_edit,
        options.client_secret_edit,
        options.token_url_edit,
        options.basic_combo,
        options.probe_path_edit,
        options.ca_bundle_edit,
        options.ca_bundle_button,
        options.verify_tls,
        options.timeout_spin,
        form.check_button,
        form.sign_out_button,
        form.sign_in_button,
        panel.token_field,
        panel.reveal_button,
        panel.claims_box.button,
        panel.claims_view,
        *panel.action_buttons,  # as they read: Refresh, Test, (Details,) the copies (, Details)
        *panel.section_focus,
        log.clear_button,
        log.copy_button,
        log.view,
    ]


def set_tab_order(window: QWidget, parts: WindowParts) -> None:
    """Chain the widgets of :func:`tab_chain` with ``QWidget.setTabOrder``.

    Scroll areas that only hold other widgets take no focus (each sets that itself, where it
    is made): Tab goes to what they hold, and they scroll a focused widget into view.
    """
    chain = tab_chain(parts)
    for before, after in itertools.pairwise(chain):
        QWidget.setTabOrder(before, after)


def focus_first_empty(form: SignInForm) -> QWidget:
    """Put the keyboard focus in the first empty field of the form (server, login, password);
    in the password when all are filled. Returns the field."""
    fields: list[tuple[str, QWidget]] = [
        (form.server(), form.server_edit),
        (form.login(), form.login_edit),
    ]
    target = next((edit for text, edit in fields if not text), form.password_edit)
    target.setFocus(Qt.FocusReason.OtherFocusReason)
    return target
