"""The window's Local proxy switch: it serves the signed-in session off the GUI thread, shows
and copies its URL, stops on sign-out, follows the Settings, and tells the log how it goes."""

from __future__ import annotations

import socket
import threading
from collections.abc import Callable
from typing import Any

import pytest
import requests
from PySide6.QtGui import QGuiApplication
from PySide6.QtWidgets import QLineEdit, QPushButton

from msauth_gui.devserver import DemoServer
from msauth_gui.gui.session.keeper import KeeperState
from msauth_gui.gui.window.main import MainWindow

from .test_window import TIMEOUT, WindowFactory, child, click, fill, make_window, sign_in

__all__ = ["make_window"]  # the fixture


@pytest.fixture
def window(make_window: WindowFactory) -> MainWindow:
    window = make_window(real_clock=True)
    window.preferences.update(proxy_port=0)  # never a fixed port in tests
    return window


def switch(window: MainWindow) -> QPushButton:
    return child(window, QPushButton, "proxyButton")


def url_field(window: MainWindow) -> QLineEdit:
    return child(window, QLineEdit, "proxyUrlField")


def signed_in(qtbot: Any, window: MainWindow, demo: DemoServer) -> None:
    fill(qtbot, window, demo.url)
    sign_in(qtbot, window)


def in_thread(qtbot: Any, call: Callable[[], requests.Response]) -> requests.Response:
    """Make a request from another thread while the GUI thread goes on with its events (a
    renewal the proxy asks for runs on the GUI thread)."""
    done: list[requests.Response] = []
    thread = threading.Thread(target=lambda: done.append(call()))
    thread.start()
    qtbot.waitUntil(lambda: bool(done), timeout=TIMEOUT)
    thread.join()
    return done[0]


def test_the_switch_serves_the_session_at_the_url_it_shows(
    qtbot: Any, window: MainWindow, demo: DemoServer
) -> None:
    assert not switch(window).isEnabled()  # nothing to serve before signing in
    signed_in(qtbot, window, demo)
    assert switch(window).isEnabled() and switch(window).isCheckable()
    assert url_field(window).isReadOnly() and url_field(window).text() == ""
    click(qtbot, window, "proxyButton")
    assert switch(window).isChecked()
    url = url_field(window).text()
    assert url.startswith("http://127.0.0.1:") and url == window.proxy.url
    for _ in range(3):
        answer = in_thread(qtbot, lambda: requests.get(url + "/api/v1/DocTypes", timeout=10))
        assert answer.status_code == 200
    in_thread(qtbot, lambda: requests.get(url + "/api/v1/DocTypes", headers={"Host": "x.example"}))
    window.proxy.report()  # what the timer does every few seconds
    log = window.log.text()
    assert "Local proxy: 4 request" in log  # (the plural form comes with the translations)
    assert "Local proxy: GET /api/v1/DocTypes 403" in log and "DNS rebinding" in log
    assert log.count("GET /api/v1/DocTypes 200") == 0  # successes are counted, not listed
    click(qtbot, window, "copyProxyUrlButton")
    assert QGuiApplication.clipboard().text() == url


def test_signing_out_stops_the_proxy(qtbot: Any, window: MainWindow, demo: DemoServer) -> None:
    signed_in(qtbot, window, demo)
    click(qtbot, window, "proxyButton")
    port = int(url_field(window).text().rsplit(":", 1)[1])
    click(qtbot, window, "signOutButton")
    assert window.keeper.state is KeeperState.SIGNED_OUT
    assert not switch(window).isChecked() and not switch(window).isEnabled()
    assert url_field(window).text() == "" and window.proxy.server is None
    with pytest.raises(ConnectionRefusedError):
        socket.create_connection(("127.0.0.1", port), timeout=5).close()
    assert "Local proxy stopped: signed out." in window.log.text()


def test_a_forgotten_token_is_renewed_through_the_gui_thread(
    qtbot: Any, window: MainWindow, demo: DemoServer
) -> None:
    signed_in(qtbot, window, demo)
    click(qtbot, window, "proxyButton")
    demo.revoke_all()  # as a restarted server: the token and the refresh token are unknown
    answer = in_thread(
        qtbot, lambda: requests.get(window.proxy.url + "/api/v1/DocTypes", timeout=15)
    )
    assert answer.status_code == 200
    assert (demo.counts["refresh"], demo.counts["token"]) == (1, 2)
    # the renewed token is probed before the window calls it valid
    qtbot.waitUntil(lambda: window.keeper.state is KeeperState.VALID and not window.keeper.busy)


def test_read_only_and_the_port_come_from_the_settings(
    qtbot: Any, window: MainWindow, demo: DemoServer
) -> None:
    signed_in(qtbot, window, demo)
    window.preferences.update(proxy_read_only=True)
    click(qtbot, window, "proxyButton")
    url = window.proxy.url
    refused = in_thread(qtbot, lambda: requests.post(url + "/api/v1/echo", data=b"x", timeout=10))
    assert refused.status_code == 405
    window.preferences.update(proxy_read_only=False)  # applies while it runs
    written = in_thread(qtbot, lambda: requests.post(url + "/api/v1/echo", data=b"x", timeout=10))
    assert written.status_code == 200
    with socket.socket() as taken:
        taken.bind(("127.0.0.1", 0))
        taken.listen()
        port = taken.getsockname()[1]
        window.preferences.update(proxy_port=port)  # a new port restarts it: taken here
        assert not switch(window).isChecked() and window.proxy.server is None
    assert f"cannot listen on port {port}" in window.log.text()


def test_quitting_stops_the_proxy(qtbot: Any, window: MainWindow, demo: DemoServer) -> None:
    signed_in(qtbot, window, demo)
    click(qtbot, window, "proxyButton")
    server = window.proxy.server
    assert server is not None and server.running
    window.close()
    qtbot.waitUntil(lambda: not server.running, timeout=TIMEOUT)


def test_a_token_url_a_renewal_finds_again_does_not_restart_the_proxy(
    qtbot: Any, window: MainWindow, demo_factory: Callable[..., DemoServer]
) -> None:
    """A restart cuts the requests other tools have in flight: only for settings the proxy
    forwards with, not for the token URL the keeper found."""
    server = demo_factory(token_paths=("/oauth/token",))
    signed_in(qtbot, window, server)
    click(qtbot, window, "proxyButton")
    serving = window.proxy.server
    server.config.token_paths, server.config.openid = ("/connect/token",), True
    click(qtbot, window, "refreshButton")  # a 404 at the remembered URL: found again
    found = server.url + "/connect/token"
    qtbot.waitUntil(
        lambda: (
            window.keeper.settings is not None
            and window.keeper.settings.remembered_token_url == found
            and window.keeper.state is KeeperState.VALID
            and not window.keeper.busy
        ),
        timeout=TIMEOUT,
    )
    assert window.proxy.server is serving and switch(window).isChecked()
