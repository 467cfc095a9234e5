"""One HTTP exchange with the demo server: routing, sign-in, tokens and the protected endpoints."""

from __future__ import annotations

import email.utils
import json
import socket
import struct
import sys
from collections.abc import Callable, Mapping
from http.server import BaseHTTPRequestHandler
from typing import Any
from urllib.parse import parse_qs, unquote, urlsplit

from ..core.visible import visible
from .echo import echo, stream
from .faults import apply_fault
from .site import Site
from .token_paths import openid_document, special_route
from .tokens import Issued, decode_basic, normalise_prefix, render_token

MAX_BODY = 1024 * 1024
JSON = "application/json; charset=utf-8"
REALM = 'Bearer realm="MobileSMARTS"'
DOC_TYPES = [{"Id": "Приход", "Name": "Приход на склад"}]
NO_RIGHTS = "Нет прав: требуется роль «Внешнее подключение»"
BAD_PASSWORD = "The user name or password is incorrect."
METADATA = (
    b'<?xml version="1.0" encoding="utf-8"?>'
    b'<edmx:Edmx Version="4.0" xmlns:edmx="http://docs.oasis-open.org/odata/ns/edmx">'
    b'<edmx:DataServices><Schema Namespace="Cleverence.Demo" '
    b'xmlns="http://docs.oasis-open.org/odata/ns/edm">'
    b'<EntityType Name="DocType"><Key><PropertyRef Name="Id"/></Key>'
    b'<Property Name="Id" Type="Edm.String" Nullable="false"/>'
    b'<Property Name="Name" Type="Edm.String"/></EntityType>'
    b'<EntityContainer Name="Container">'
    b'<EntitySet Name="DocTypes" EntityType="Cleverence.Demo.DocType"/>'
    b"</EntityContainer></Schema></edmx:DataServices></edmx:Edmx>"
)

Params = dict[str, str]
ANY_METHOD = ("GET", "POST", "PUT", "PATCH", "DELETE", "HEAD", "OPTIONS")


def _parse_form(text: str) -> Params | None:
    """First value of each field of a query or form (UTF-8); None when it does not decode."""
    try:
        parsed = parse_qs(text, keep_blank_values=True, encoding="utf-8", errors="strict")
    except (UnicodeDecodeError, ValueError):
        return None
    return {key: values[0] for key, values in parsed.items()}


class DemoHandler(BaseHTTPRequestHandler):
    """Answers like a Mobile SMARTS server; HTTP/1.1 keep-alive with exact Content-Length."""

    protocol_version = "HTTP/1.1"
    disable_nagle_algorithm = True  # headers and body go out in two writes: no 40 ms stall
    timeout = 120.0  # idle keep-alive connections and slow clients are dropped after this
    reset_connection = False  # set by the "reset" fault: close with RST instead of answering
    query = ""  # the current request's query string, body and form fields
    body = b""
    form: Params | None = None
    demo: Site  #: the running server, as far as one exchange needs it

    def setup(self) -> None:
        self.demo = self.server.demo  # type: ignore[attr-defined]
        super().setup()

    # --- HTTP plumbing -------------------------------------------------------------------
    def version_string(self) -> str:
        return "MobileSMARTS-demo"

    def date_time_string(self, timestamp: float | None = None) -> str:
        if timestamp is None:
            timestamp = self.demo.clock() + self.demo.config.date_skew
        return email.utils.formatdate(timestamp, usegmt=True)

    def log_message(self, format: str, *args: Any) -> None:
        """Silent: the base class would print request lines with passwords in their query."""

    def log_request(self, code: int | str = "-", size: int | str = "-") -> None:
        if self.demo.verbose:
            path = visible(str(getattr(self, "path", "")).split("?", 1)[0])
            host = self.client_address[0] if self.client_address else "-"
            print(f"{host} {self.command or '-'} {path} {code}", file=sys.stderr, flush=True)

    def finish(self) -> None:
        try:
            super().finish()
        finally:
            if self.reset_connection:
                linger = struct.pack("HH" if sys.platform == "win32" else "ii", 1, 0)
                try:
                    self.connection.setsockopt(socket.SOL_SOCKET, socket.SO_LINGER, linger)
                finally:
                    self.connection.close()

    def respond(
        self,
        status: int,
        body: bytes,
        content_type: str = JSON,
        headers: Mapping[str, str] | None = None,
    ) -> None:
        self.send_response(status)
        self.send_header("Content-Type", content_type)
        self.send_header("Content-Length", str(len(body)))
        for name, value in (headers or {}).items():
            self.send_header(name, value)
        if self.close_connection:
            self.send_header("Connection", "close")
        self.end_headers()
        if self.command != "HEAD":
            self.wfile.write(body)

    def write(self, data: bytes) -> None:
        self.wfile.write(data)

    def respond_json(
        self, status: int, data: object, headers: Mapping[str, str] | None = None
    ) -> None:
        self.respond(status, json.dumps(data, ensure_ascii=False).encode(), JSON, headers)

    def error(
        self, status: int, error: str, detail: str = "", headers: Mapping[str, str] | None = None
    ) -> None:
        data = {"error": error, "error_description": detail} if detail else {"error": error}
        self.respond_json(status, data, headers)

    def challenge(self, error: str | None = None) -> dict[str, str]:
        return {"WWW-Authenticate": REALM + (f', error="{error}"' if error else "")}

    def do_GET(self) -> None:
        self._handle()

    do_POST = do_PUT = do_DELETE = do_PATCH = do_HEAD = do_OPTIONS = do_GET

    # --- routing ---------------------------------------------------------------------------
    def _read_body(self) -> bytes | None:
        if "chunked" in self.headers.get("Transfer-Encoding", "").lower():
            self.close_connection = True
            self.error(411, "invalid_request", "Send a Content-Length.")
            return None
        try:
            length = int(self.headers.get("Content-Length") or 0)
        except ValueError:
            length = -1
        if not 0 <= length <= MAX_BODY:
            self.close_connection = True
            self.error(413 if length > 0 else 400, "invalid_request", "Bad Content-Length.")
            return None
        return self.rfile.read(length) if length else b""

    def _form(self, body: bytes) -> Params | None:
        content_type = self.headers.get("Content-Type", "").split(";", 1)[0].strip().lower()
        if content_type != "application/x-www-form-urlencoded":
            return None
        try:
            return _parse_form(body.decode("utf-8"))
        except UnicodeDecodeError:
            return None

    def _routes(self) -> dict[str, tuple[str, Callable[[], None], tuple[str, ...]]]:
        # the token endpoint and the discovery document are placed by token_paths.py;
        # POST session is a token endpoint only where a token path puts one
        session = ("session", self._session, ("GET",))
        return {
            "/api/v1/session": session,
            "/api/session": session,
            "/api/v1/doctypes": ("probe", self._doc_types, ("GET",)),
            "/api/v1/$metadata": ("probe", self._metadata, ("GET",)),
            "/api/v1/baseinfo": ("baseinfo", self._base_info, ("GET",)),
            "/api/v1/echo": ("echo", self._echo, ANY_METHOD),
            "/api/v1/stream": ("stream", self._stream, ("GET",)),
        }

    def _handle(self) -> None:
        parts = urlsplit(self.path)
        self.query = parts.query
        body = self._read_body()
        if body is None:
            return
        self.body = body
        self.form = self._form(body)
        config = self.demo.config
        prefix = normalise_prefix(config.prefix).lower()
        path = unquote(parts.path).rstrip("/").lower()
        route = None
        if not prefix or path == prefix or path.startswith(prefix + "/"):
            route = self._routes().get(path[len(prefix) :])
        special = special_route(config, path)
        if special == "openid":
            route = ("other", self._openid, ("GET",))
        elif special == "token" and (route is None or self.command == "POST"):
            route = ("token", self._token, ("POST",))
        kind = route[0] if route else "other"
        if kind == "token" and (self.form or {}).get("grant_type") == "refresh_token":
            kind = "refresh"
        self.demo.count(kind, f"{self.command} {parts.path}")
        if config.fault and kind in config.fault_on and apply_fault(self, config.fault):
            return
        if route is None:
            self.error(404, "not_found", f"Nothing here: {parts.path}")
        elif self.command not in route[2]:
            allow = {"Allow": ", ".join(route[2])}
            self.error(405, "invalid_request", "Method not allowed.", allow)
        else:
            route[1]()

    # --- endpoints -------------------------------------------------------------------------
    def _send_token(self, issued: Issued) -> None:
        body = render_token(issued, self.demo.config)
        self.respond(200, body, JSON, {"Cache-Control": "no-store", "Pragma": "no-cache"})

    def _session(self) -> None:
        params = _parse_form(self.query) if self.command == "GET" else self.form
        if params is None:
            self.error(400, "invalid_request", "Send username and password.")
            return
        login = params.get("username", params.get("login"))
        password = params.get("password")
        if login is None or password is None:
            self.error(400, "invalid_request", "Send username and password.")
        elif not self.demo.config.check_password(login, password):
            self.error(401, "invalid_grant", BAD_PASSWORD, self.challenge())
        else:
            self._send_token(self.demo.tokens.issue(login, self.demo.clock(), self.demo.config))

    def _token(self) -> None:
        form, config = self.form, self.demo.config
        if form is None:
            self.error(400, "invalid_request", "Send application/x-www-form-urlencoded.")
            return
        grant = form.get("grant_type")
        if grant is None:
            self.error(400, "invalid_request", "grant_type is missing.")
            return
        if grant not in ("password", "refresh_token"):
            self.error(400, "unsupported_grant_type", f"Unsupported grant type {grant!r}.")
            return
        client: tuple[str | None, str | None] = (form.get("client_id"), form.get("client_secret"))
        scheme, _, credentials = self.headers.get("Authorization", "").strip().partition(" ")
        if client[0] is None and scheme.lower() == "basic":
            client = decode_basic(credentials) or client
        if not config.check_client(*client):
            self.error(400, "invalid_client", "The client id or secret is incorrect.")
            return
        now = self.demo.clock()
        if grant == "password":
            login, password = form.get("username"), form.get("password")
            if login is None or password is None:
                self.error(400, "invalid_request", "Send username and password.")
            elif not config.check_password(login, password):
                self.error(400, "invalid_grant", BAD_PASSWORD)
            else:
                self._send_token(self.demo.tokens.issue(login, now, config))
            return
        refresh = form.get("refresh_token")
        issued = self.demo.tokens.refresh(refresh, now, config) if refresh else None
        if issued is None:
            self.error(400, "invalid_grant", "The refresh token is invalid or expired.")
        else:
            self._send_token(issued)

    def _authorized(self) -> bool:
        """Answer 401 or 403 and return False unless the caller may read data."""
        config = self.demo.config
        if not config.auth_enabled:
            return True
        scheme, _, credentials = self.headers.get("Authorization", "").strip().partition(" ")
        login: str | None = None
        if scheme.lower() == "bearer":
            login = self.demo.tokens.login_for(credentials.strip(), self.demo.clock())
        elif scheme.lower() == "basic":
            pair = decode_basic(credentials, config.basic_encoding)
            login = pair[0] if pair and config.check_password(*pair) else None
        if login is None:
            error = "invalid_token" if scheme.lower() == "bearer" else None
            detail = "The token is invalid or expired." if error else "Authorization required."
            self.error(401, error or "unauthorized", detail, self.challenge(error))
            return False
        if login in config.no_rights:
            self.error(403, "forbidden", NO_RIGHTS)
            return False
        return True

    def _doc_types(self) -> None:
        if self._authorized():
            context = self.demo.api_url + "/$metadata#DocTypes"
            self.respond_json(200, {"@odata.context": context, "value": DOC_TYPES})

    def _metadata(self) -> None:
        if self._authorized():
            self.respond(200, METADATA, "application/xml; charset=utf-8")

    def _echo(self) -> None:
        if self._authorized():
            echo(self)

    def _stream(self) -> None:
        if self._authorized():
            stream(self)

    def _base_info(self) -> None:
        self.respond_json(200, {"appName": "Mobile SMARTS demo", "serverVersion": "3.3.0.0-demo"})

    def _openid(self) -> None:
        self.respond_json(200, openid_document(self.demo.config, self.demo.url))
