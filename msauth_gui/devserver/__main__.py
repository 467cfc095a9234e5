"""``msauth-demo-server``: run the demo Mobile SMARTS server until Ctrl+C."""

from __future__ import annotations

import argparse
import contextlib
import signal
import ssl
import sys
from typing import Any

from ..core.endpoints import is_loopback
from .faults import FAULTS
from .server import DemoServer
from .token_paths import token_paths
from .tokens import TOKEN_STYLES, DemoConfig, normalise_prefix

READY = "Mobile SMARTS demo server at "


def _account(text: str) -> tuple[str, str]:
    login, sep, password = text.partition(":")
    if not sep or not login:
        raise argparse.ArgumentTypeError(f"expected LOGIN:PASSWORD, got {text!r}")
    return login, password


def _seconds(text: str) -> float:
    try:
        value = float(text)
    except ValueError:
        raise argparse.ArgumentTypeError(f"not a number of seconds: {text!r}") from None
    if not value >= 0 or value == float("inf"):
        raise argparse.ArgumentTypeError(f"must be a finite number >= 0: {text!r}")
    return value


def _lifetime(text: str) -> float:
    value = _seconds(text)
    if value <= 0:
        raise argparse.ArgumentTypeError(f"must be more than 0 seconds: {text!r}")
    return value


def _skew(text: str) -> float:
    try:
        return float(text)
    except ValueError:
        raise argparse.ArgumentTypeError(f"not a number of seconds: {text!r}") from None


def build_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog="msauth-demo-server",
        description="A demo Mobile SMARTS server for trying msauth without a real one.",
    )
    add = parser.add_argument
    add("--host", default="127.0.0.1", help="address to listen on (default: 127.0.0.1)")
    add("--port", type=int, default=0, help="port (default: 0, any free port)")
    add(
        "--user",
        type=_account,
        action="append",
        metavar="LOGIN:PASSWORD",
        help="an account; repeat for more (replaces the demo accounts)",
    )
    add(
        "--no-rights",
        action="append",
        metavar="LOGIN",
        help="a login that signs in but gets 403 on data (default: norights)",
    )
    add("--client-id", default="123", help="OAuth client id (default: 123)")
    add("--client-secret", default="user", help="OAuth client secret (default: user)")
    add(
        "--style",
        choices=TOKEN_STYLES,
        default="documentation",
        help="token object style (default: documentation, the vendor page's non-JSON)",
    )
    add("--prefix", default="", help="path before /api/v1, e.g. /MobileSMARTS")
    add(
        "--access-lifetime",
        type=_lifetime,
        default=86400.0,
        metavar="S",
        help="seconds an access token lives (default: 86400, a day)",
    )
    add(
        "--refresh-lifetime",
        type=_lifetime,
        default=None,
        metavar="S",
        help="(default: refresh tokens never expire)",
    )
    add("--no-rotate", action="store_true", help="refresh keeps the same refresh token")
    add("--jwt", action="store_true", help="issue JWT access tokens")
    add(
        "--openid",
        action="store_true",
        help="serve {prefix}/.well-known/openid-configuration (and /connect/token under the "
        "prefix unless --token-path says where the token endpoint is)",
    )
    add(
        "--token-path",
        action="append",
        metavar="PATH",
        help="put the password grant at PATH (absolute; {prefix} and {api} are filled in), "
        "e.g. /oauth/token, {api}/session, /connect/token; repeat for several "
        "(default: {prefix}/oauth/token)",
    )
    add(
        "--openid-token-endpoint",
        metavar="URL",
        help="the token_endpoint the discovery document names (may be another server's)",
    )
    add(
        "--basic-only",
        choices=("base64", "raw"),
        help="accept only this Basic spelling: RFC 7617 base64 or the raw login:password",
    )
    add("--auth-off", action="store_true", help="protected endpoints need no token")
    add("--date-skew", type=_skew, default=0.0, metavar="S", help="shift the Date header")
    add("--fault", choices=FAULTS, help="misbehave on sign-in, refresh and probe requests")
    add("--delay", type=_seconds, default=0.0, metavar="S", help="seconds for --fault delay")
    add("--cert", metavar="FILE", help="PEM certificate (chain) for HTTPS")
    add("--key", metavar="FILE", help="PEM private key (default: in the --cert file)")
    add(
        "--verbose",
        action="store_true",
        help="log method, path and status of each request (never queries or bodies)",
    )
    return parser


def config_from_args(args: argparse.Namespace) -> DemoConfig:
    config = DemoConfig(
        client_id=args.client_id,
        client_secret=args.client_secret,
        token_style=args.style,
        prefix=normalise_prefix(args.prefix),
        access_lifetime=args.access_lifetime,
        refresh_lifetime=args.refresh_lifetime,
        rotate_refresh=not args.no_rotate,
        jwt=args.jwt,
        openid=args.openid,
        auth_enabled=not args.auth_off,
        date_skew=args.date_skew,
        fault=args.fault,
        delay=args.delay,
        token_paths=tuple(args.token_path) if args.token_path else None,
        openid_token_endpoint=args.openid_token_endpoint,
        basic_encoding=args.basic_only or "any",
    )
    if args.openid_token_endpoint:
        config.openid = True
    if args.user:
        config.users = dict(args.user)
    if args.no_rights:
        config.no_rights = set(args.no_rights)
    return config


def banner(server: DemoServer) -> list[str]:
    """The lines printed once the server listens; the first one is parsed by scripts."""
    config = server.config
    accounts = ", ".join(
        f"{login} / {password}" + (" (no rights: 403 on data)" if login in config.no_rights else "")
        for login, password in config.users.items()
    )
    extras = [f"token style {config.token_style}"]
    if config.fault:
        extras.append(f"fault {config.fault}")
    if not config.auth_enabled:
        extras.append("authorization off")
    if config.basic_encoding != "any":
        extras.append(f"Basic {config.basic_encoding} only")
    urls = ", ".join(server.url + path for path in token_paths(config)) or "(none)"
    lines = [
        f"{READY}{server.url} (API {server.api_url})",
        f"Accounts: {accounts or '(none)'}",
        f"Client id / secret: {config.client_id} / {config.client_secret}",
        f"Token URL: {urls} ({', '.join(extras)})",
    ]
    if config.openid:
        prefix = normalise_prefix(config.prefix)
        lines.append(f"Discovery document: {server.url}{prefix}/.well-known/openid-configuration")
    return [*lines, "Press Ctrl+C to stop."]


def _interrupt(signum: int, frame: Any) -> None:
    raise KeyboardInterrupt


def main(argv: list[str] | None = None) -> int:
    parser = build_parser()
    try:
        args = parser.parse_args(argv)
    except SystemExit as exc:  # --help, or a usage error already explained by argparse
        return exc.code if isinstance(exc.code, int) else 2
    if args.key and not args.cert:
        parser.print_usage(sys.stderr)
        print(f"{parser.prog}: error: --key needs --cert", file=sys.stderr)
        return 2
    with contextlib.suppress(AttributeError, ValueError):
        sys.stdout.reconfigure(errors="backslashreplace")  # type: ignore[union-attr]
    try:
        server = DemoServer(
            config_from_args(args),
            args.host,
            args.port,
            args.cert,
            args.key,
            verbose=args.verbose,
        )
        server.start()
    except OSError as exc:  # the port is taken, the certificate does not load, …
        what = str(exc)
        if args.cert and isinstance(exc, (FileNotFoundError, PermissionError, ssl.SSLError)):
            what += f" (reading --cert {args.cert}" + (f", --key {args.key})" if args.key else ")")
        print(f"{parser.prog}: cannot start: {what}", file=sys.stderr)
        return 1
    if not is_loopback(args.host):
        print(
            f"Warning: listening on {args.host}, not only on this computer. The demo accounts "
            "are public knowledge; use it on trusted networks only.",
            file=sys.stderr,
        )
    print("\n".join(banner(server)), flush=True)
    with contextlib.suppress(ValueError):  # not the main thread: no signal handler
        signal.signal(signal.SIGTERM, _interrupt)
    try:
        while server.running:
            server.stop_event.wait(0.5)
    except KeyboardInterrupt:
        pass
    finally:
        server.stop()
    print("Stopped.", flush=True)
    return 0


if __name__ == "__main__":
    sys.exit(main())
