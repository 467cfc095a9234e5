"""``msauth``: the command-line twin of the window, for scripts.

Exit codes: 0 done, 2 usage, 3 credentials/client/refresh token rejected, 4 server not
reachable (connect, DNS, TLS, timeout), 5 the server answered but not usably.
``msauth check`` exits the same way: 0 when some method gives credentials the server accepts.

Secrets come from standard input, the environment or a prompt, never only from argv (which
``ps`` shows): the password from ``--password-stdin``, ``MSAUTH_PASSWORD`` or a prompt; the
client secret from ``--client-secret-stdin`` or ``MSAUTH_CLIENT_SECRET`` (``--client-secret``
still works, for the vendor's well-known default). With several ``-stdin`` options, standard
input holds one line each: the password or refresh token first, then the client secret.
Everything printed that came from a server or a file is redacted and has its control
characters made visible (:mod:`.core.visible`).
"""

from __future__ import annotations

import argparse
import contextlib
import io
import json
import os
import sys
from collections.abc import Sequence
from datetime import datetime, timezone
from typing import Any, NoReturn, TextIO

from . import VersionAction, cli_proxy
from .cli_lang import argparse_speaking, requested_language, unrecognized_prefix
from .cli_options import CLIENT_SECRET_ENV, connection_options, sign_in_options
from .core.basic import BASIC_ENCODINGS
from .core.client import (
    DEFAULT_CLIENT_SECRET,
    MAX_TIMEOUT,
    METHODS,
    AuthClient,
    ConnectionSettings,
)
from .core.errors import EXIT_OK, EXIT_USAGE, AuthError
from .core.redact import redact, register_secret
from .core.token import Credentials, Token
from .core.translate import number, translate, translating
from .core.visible import visible, visible_json
from .i18n import LANGUAGES, DeferredLanguage

PASSWORD_ENV = "MSAUTH_PASSWORD"


class UsageError(Exception):
    """Bad command-line use: exit 2 with one line on stderr."""


class _Parser(argparse.ArgumentParser):
    """No abbreviations (``--password x`` must not mean ``--password-stdin``), and a stray
    argument is never echoed: it may be a password typed where it does not belong."""

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        kwargs.setdefault("allow_abbrev", False)
        super().__init__(*args, **kwargs)

    def error(self, message: str) -> NoReturn:
        prefix = unrecognized_prefix()  # argparse's words, in the language spoken
        if message.startswith(prefix):
            words = message[len(prefix) :].split()
            shown = [w if w.startswith("-") else "…" for w in words]
            message = prefix + " ".join(shown)
        super().error(visible(redact(message)))


def build_parser() -> argparse.ArgumentParser:
    """The parser, in the language installed when it is built (:func:`run` installs it)."""
    parser = _Parser(
        prog="msauth",
        description=translate("cli", "Sign in to a Mobile SMARTS server and print the token."),
    )
    parser.add_argument(
        "--version", action=VersionAction, help=translate("cli", "print the version and exit")
    )
    parser.add_argument(
        "--lang",
        choices=LANGUAGES,
        help=translate(
            "cli",
            "language of messages and reports (default: MSAUTH_LANG, the window's setting, "
            "then the system's)",
        ),
    )
    commands = parser.add_subparsers(
        dest="command", required=True, metavar=translate("cli", "COMMAND")
    )

    token = commands.add_parser("token", help=translate("cli", "sign in and print a token"))
    connection_options(token)
    sign_in_options(token)
    token.add_argument(
        "--method",
        choices=METHODS,
        default="oauth",
        help=translate("cli", "sign-in method (oauth)"),
    )
    token.add_argument(
        "--basic-encoding",
        choices=BASIC_ENCODINGS,
        default="base64",
        help=translate(
            "cli",
            "how --method basic spells the credentials: RFC 7617 base64 (default) or the raw "
            "login:password some servers want",
        ),
    )

    refresh = commands.add_parser(
        "refresh", help=translate("cli", "trade a refresh token for a new token")
    )
    connection_options(refresh)
    refresh.add_argument(
        "--refresh-token-stdin",
        action="store_true",
        required=True,
        help=translate("cli", "read the refresh token from standard input"),
    )

    check = commands.add_parser(
        "check", help=translate("cli", "diagnose the server's sign-in set-up")
    )
    connection_options(check, formats=False)
    sign_in_options(check)
    check.add_argument(
        "--json", action="store_true", help=translate("cli", "print the report as JSON")
    )
    served = cli_proxy.add_commands(commands, _kit())  # msauth proxy, msauth exec
    for command in (token, refresh, check, *served):  # after the command too: check --lang ru
        command.add_argument(
            "--lang",
            choices=LANGUAGES,
            default=argparse.SUPPRESS,
            help=translate("cli", "as for msauth itself"),
        )
    return parser


def _check_timeout(args: argparse.Namespace) -> None:
    if not 0 < args.timeout <= MAX_TIMEOUT:  # nan and inf too (no deadline; a watchdog crash)
        text = translate("cli", "--timeout must be a positive number of seconds, at most {most}")
        raise UsageError(text.format(most=number(MAX_TIMEOUT)))


def _client_secret(args: argparse.Namespace, stdin: TextIO) -> str:
    if args.client_secret_stdin:
        secret = _read_line(stdin)
        if not secret:
            raise UsageError(translate("cli", "no client secret on standard input"))
    elif args.client_secret is not None:
        secret = args.client_secret
    else:
        secret = os.environ.get(CLIENT_SECRET_ENV) or DEFAULT_CLIENT_SECRET
    register_secret(secret if secret != DEFAULT_CLIENT_SECRET else None)
    return secret


def _settings(args: argparse.Namespace, stdin: TextIO, method: str = "oauth") -> ConnectionSettings:
    """The connection settings; reads the client secret's line of ``stdin`` if asked to, so
    call it after the password or refresh token was read."""
    _check_timeout(args)
    return ConnectionSettings(
        server=args.server,
        method=method,  # type: ignore[arg-type]
        client_id=args.client_id,
        client_secret=_client_secret(args, stdin),
        token_url=args.token_url,
        probe_path=getattr(args, "probe_path", None),
        basic_encoding=getattr(args, "basic_encoding", "base64"),
        verify_tls=not args.insecure,
        ca_bundle=args.ca_bundle,
        timeout=args.timeout,
    )


def _read_line(stream: TextIO) -> str:
    line = stream.readline()
    return line.rstrip("\r\n")


def _password(args: argparse.Namespace, stdin: TextIO) -> str:
    if args.password_stdin:
        return _read_line(stdin)
    if PASSWORD_ENV in os.environ:
        return os.environ[PASSWORD_ENV]
    if stdin.isatty():
        import getpass  # only a prompt needs it (and its terminal modules)

        return getpass.getpass(translate("cli", "Password for {login}: ").format(login=args.login))
    text = translate("cli", "no password: use --password-stdin or set {variable}")
    raise UsageError(text.format(variable=PASSWORD_ENV))


def render(credentials: Credentials, fmt: str, token_url: str | None = None) -> str:
    """The credentials as ``--format`` asks; JSON names the token URL that issued them."""
    if fmt == "token":
        return (
            credentials.access_token
            if isinstance(credentials, Token)
            else credentials.authorization
        )
    if fmt == "header":
        return f"Authorization: {credentials.authorization}"
    expires_in = expires_at = None
    if credentials.expires_at is not None:
        try:
            expires_at = (
                datetime.fromtimestamp(credentials.expires_at, timezone.utc)
                .isoformat(timespec="seconds")
                .replace("+00:00", "Z")
            )
            expires_in = round(credentials.expires_at - credentials.obtained_at)
        except (OverflowError, ValueError, OSError):  # beyond datetime's years: unknown
            expires_at = expires_in = None
    token = credentials if isinstance(credentials, Token) else None
    data = {
        "access_token": token.access_token if token else None,
        "token_type": token.token_type if token else "basic",
        "expires_in": expires_in,
        "expires_at": expires_at,
        "refresh_token": credentials.refresh_token,
        "token_url": token_url,
    }
    if token is None:
        data["authorization"] = credentials.authorization
    return visible_json(json.dumps(data, ensure_ascii=False))


def run(argv: Sequence[str], stdin: TextIO, stdout: TextIO, stderr: TextIO) -> int:
    """One ``msauth`` run, in its language from the first word (usage and --help too).

    The language is decided when a text or number is first shown: reading the window's saved
    choice loads Qt, which a ``msauth token`` that succeeds never needs. So the arguments are
    read first in English and quietly; only when argparse has something to say (--help, a
    usage error) are they read again in the language spoken, to say it.
    """
    args = _quiet_parse(argv)
    chosen = DeferredLanguage(requested_language(argv))
    with translating(chosen, chosen.language), argparse_speaking():
        if args is None:
            try:
                with contextlib.redirect_stderr(stderr), contextlib.redirect_stdout(stdout):
                    build_parser().parse_args(list(argv))
            except SystemExit as exc:  # argparse printed its message
                return int(exc.code or 0) and EXIT_USAGE
            return EXIT_USAGE  # not reached: the English reading stopped, so does this one
        try:
            return _run(args, stdin, stdout, stderr)
        except Exception as exc:  # last net, in the language spoken: one line, no traceback
            text = translate("cli", "unexpected error: {error}")
            _say(stderr, text.format(error=f"{type(exc).__name__}: {exc}"))
            return 1


def _quiet_parse(argv: Sequence[str]) -> argparse.Namespace | None:
    """The arguments, read with English texts and nothing printed; None when argparse would
    have printed something (help, version, a usage error)."""
    sink = io.StringIO()
    try:
        with contextlib.redirect_stderr(sink), contextlib.redirect_stdout(sink):
            return build_parser().parse_args(list(argv))
    except SystemExit:
        return None


def _say(stderr: TextIO, text: object) -> None:
    """One line on stderr: redacted, with control characters made visible."""
    stderr.write(f"msauth: {visible(redact(text))}\n")


def _insecure_warning(stderr: TextIO) -> None:
    _say(stderr, translate("cli", "warning: TLS verification is off (--insecure)"))


def _run(args: argparse.Namespace, stdin: TextIO, stdout: TextIO, stderr: TextIO) -> int:
    """One command, in the language already chosen."""
    if args.command in cli_proxy.COMMANDS:
        return cli_proxy.run(args, stdin, stdout, stderr, _kit())
    try:
        if args.command == "check":
            return _check(args, stdin, stdout, stderr)
        if args.command == "token":
            _check_timeout(args)
            password = _password(args, stdin)
            settings = _settings(args, stdin, args.method)
            if args.insecure:
                _insecure_warning(stderr)
            client = AuthClient(settings)
            try:
                credentials = client.sign_in(args.login, password)
            finally:
                client.close()
            token_url = client.token_url if args.method == "oauth" else None
        else:
            _check_timeout(args)
            refresh_token = _read_line(stdin).strip()
            if not refresh_token:
                raise UsageError(translate("cli", "no refresh token on standard input"))
            settings = _settings(args, stdin)
            if args.insecure:
                _insecure_warning(stderr)
            client = AuthClient(settings)
            try:
                credentials = client.refresh(refresh_token)
            finally:
                client.close()
            token_url = client.token_url
    except UsageError as exc:
        _say(stderr, exc)
        return EXIT_USAGE
    except AuthError as exc:
        _say(stderr, exc.message)
        return exc.exit_code
    except KeyboardInterrupt:
        _say(stderr, translate("cli", "interrupted"))
        return 130
    for warning in getattr(credentials, "warnings", ()):
        _say(stderr, translate("cli", "warning: {text}").format(text=warning))
    stdout.write(visible(render(credentials, args.format, token_url)) + "\n")
    return EXIT_OK


def _check(args: argparse.Namespace, stdin: TextIO, stdout: TextIO, stderr: TextIO) -> int:
    """``msauth check``: the report on stdout (text table or JSON); its exit code."""
    _check_timeout(args)
    password = _password(args, stdin)
    settings = _settings(args, stdin)
    if args.insecure:
        _insecure_warning(stderr)
    from .core.check import run_check  # only this subcommand pays for the check's modules

    report = run_check(settings, args.login, password)
    if args.json:
        stdout.write(visible_json(report.to_json()) + "\n")
    else:
        stdout.write(visible(report.to_text(), keep="\n"))
    return report.exit_code


def _kit() -> cli_proxy.CliKit:
    """What ``msauth proxy`` and ``msauth exec`` share with the other commands."""
    return cli_proxy.CliKit(
        connection_options=lambda parser: connection_options(parser, formats=False),
        sign_in_options=sign_in_options,
        password=_password,
        settings=_settings,
        say=_say,
        usage_error=UsageError,
        secret_variables=(PASSWORD_ENV, CLIENT_SECRET_ENV),
    )


def main(argv: Sequence[str] | None = None) -> int:
    try:
        return run(sys.argv[1:] if argv is None else argv, sys.stdin, sys.stdout, sys.stderr)
    except Exception as exc:  # last net: one redacted line, never a traceback
        _say(sys.stderr, f"unexpected error: {type(exc).__name__}: {exc}")
        return 1


if __name__ == "__main__":
    sys.exit(main())
