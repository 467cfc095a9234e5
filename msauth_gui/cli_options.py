"""The options ``msauth token``, ``refresh``, ``check``, ``proxy`` and ``exec`` share.

Help texts and metavars go through :func:`~msauth_gui.core.translate.translate` when the parser
is built, so ``msauth --lang ru --help`` shows them in Russian (``cli.run`` installs the language
first).
"""

from __future__ import annotations

import argparse

from .core.client import DEFAULT_CLIENT_ID, DEFAULT_TIMEOUT
from .core.translate import translate

CLIENT_SECRET_ENV = "MSAUTH_CLIENT_SECRET"


def connection_options(parser: argparse.ArgumentParser, *, formats: bool = True) -> None:
    """The options every command shares; help texts and metavars in the language spoken."""
    parser.add_argument(
        "--server",
        required=True,
        metavar=translate("cli", "SERVER"),
        help=translate("cli", "server URL, e.g. https://host:9000"),
    )
    parser.add_argument(
        "--client-id",
        default=DEFAULT_CLIENT_ID,
        metavar=translate("cli", "ID"),
        help=translate("cli", "OAuth client id (123)"),
    )
    secret = parser.add_mutually_exclusive_group()
    secret.add_argument(
        "--client-secret",
        metavar=translate("cli", "SECRET"),
        help=translate(
            "cli", "OAuth client secret (default: {variable}, else user); visible in ps"
        ).format(variable=CLIENT_SECRET_ENV),
    )
    secret.add_argument(
        "--client-secret-stdin",
        action="store_true",
        help=translate(
            "cli",
            "read the client secret from standard input (after the password or refresh token)",
        ),
    )
    parser.add_argument(
        "--token-url",
        metavar=translate("cli", "URL"),
        help=translate(
            "cli", "token endpoint; turns discovery off (default: found on the server, see README)"
        ),
    )
    tls = parser.add_mutually_exclusive_group()
    tls.add_argument(
        "--ca-bundle",
        metavar=translate("cli", "FILE"),
        help=translate("cli", "trust the CA certificates in FILE"),
    )
    tls.add_argument(
        "--insecure",
        action="store_true",
        help=translate("cli", "do not verify TLS certificates (test servers)"),
    )
    parser.add_argument(
        "--timeout",
        type=float,
        default=DEFAULT_TIMEOUT,
        metavar=translate("cli", "S"),
        help=translate("cli", "seconds (15)"),
    )
    if formats:
        parser.add_argument(
            "--format",
            choices=("token", "header", "json"),
            default="token",
            help=translate("cli", "output (token)"),
        )


def sign_in_options(parser: argparse.ArgumentParser) -> None:
    parser.add_argument(
        "--login",
        required=True,
        metavar=translate("cli", "LOGIN"),
        help=translate("cli", "the user to sign in as"),
    )
    parser.add_argument(
        "--probe-path",
        metavar=translate("cli", "PATH"),
        help=translate("cli", "protected path to check (/DocTypes?$top=1)"),
    )
    parser.add_argument(
        "--password-stdin",
        action="store_true",
        help=translate("cli", "read the password from standard input"),
    )
