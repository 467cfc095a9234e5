"""The main window's keyboard order, in one place: top to bottom, left to right, as it reads.

Profile bar → server → login → password → Show → method → keyring options → Advanced (its
fields while expanded) → Check server → Sign out → Sign in → token field → Reveal → JWT
claims → Refresh now → Test token → Copy token → Copy header → Copy as curl → the panel's
sections (Local proxy, its address, Copy) → Clear log → Copy log → the log itself, then round
to the profile bar. Hidden and disabled widgets stay in the chain and are skipped by Qt, so the
order holds in every state.
"""

from __future__ import annotations

import itertools
from typing import TYPE_CHECKING

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QScrollArea, QWidget

if TYPE_CHECKING:
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
        panel.refresh_button,
        panel.probe_button,
        panel.copy_token_button,
        panel.copy_header_button,
        panel.copy_curl_button,
        *panel.section_focus,
        log.clear_button,
        log.copy_button,
        log.view,
    ]


def set_tab_order(window: QWidget, parts: WindowParts) -> None:
    """Chain the widgets of :func:`tab_chain` with ``QWidget.setTabOrder``.

    Scroll areas that only hold other widgets take no focus: Tab goes to what they hold, and
    they scroll a focused widget into view by themselves.
    """
    for area in window.findChildren(QScrollArea):
        area.setFocusPolicy(Qt.FocusPolicy.NoFocus)
    chain = tab_chain(parts)
    for before, after in itertools.pairwise(chain):
        QWidget.setTabOrder(before, after)
