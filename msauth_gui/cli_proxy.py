"""``msauth proxy`` and ``msauth exec``: other tools use the session without pasting a token.

``msauth proxy`` signs in once and serves until Ctrl+C or SIGTERM (exit 0): the first line on
stdout is the proxy's base URL and nothing else; the access log and notices go to stderr
(``--quiet`` silences the log). ``msauth exec … -- COMMAND [ARGS…]`` signs in and runs the
command with the credentials in its environment (never on its argv), passing stdin, stdout and
stderr, and exits with its exit code. The environment's token is not renewed: for long runs the
proxy is the better choice.

cli.py registers these commands and lends its option and password helpers (:class:`CliKit`);
this module does not import it back.
"""

from __future__ import annotations

import argparse
import contextlib
import io
import os
import sys
import threading
from collections.abc import Callable, Iterator
from typing import TYPE_CHECKING, Any, NamedTuple, TextIO, cast

from .core.client import METHODS, AuthClient, ConnectionSettings
from .core.errors import EXIT_OK, EXIT_USAGE, AuthError
from .core.proxy import DEFAULT_ADDRESS, DEFAULT_PORT
from .core.token import Token
from .core.translate import translate

if TYPE_CHECKING:
    from .core.session.keeper import KeeperEvent

COMMANDS = ("proxy", "exec")
ENV_TOKEN, ENV_HEADER, ENV_BASE = "MSAUTH_ACCESS_TOKEN", "MSAUTH_AUTHORIZATION", "MSAUTH_API_BASE"


class CliKit(NamedTuple):  # not a frozen dataclass: making one costs msauth token 6 ms
    """What cli.py lends these commands: its options, its secret reading, its one line out."""

    connection_options: Callable[[argparse.ArgumentParser], None]
    sign_in_options: Callable[[argparse.ArgumentParser], None]
    password: Callable[[argparse.Namespace, TextIO], str]
    settings: Callable[[argparse.Namespace, TextIO, str], ConnectionSettings]
    say: Callable[[TextIO, object], None]
    usage_error: type[Exception]
    secret_variables: tuple[str, ...]  #: never passed on to a command


def add_commands(commands: Any, kit: CliKit) -> list[argparse.ArgumentParser]:
    """Add ``proxy`` and ``exec`` to cli.py's subcommands; the parsers made (their texts in the
    language spoken when they are built)."""
    proxy = commands.add_parser(
        "proxy", help=translate("cli", "serve the session to any tool on loopback")
    )
    kit.connection_options(proxy)
    kit.sign_in_options(proxy)
    method_help = translate("cli", "sign-in method (oauth)")
    proxy.add_argument("--method", choices=METHODS, default="oauth", help=method_help)
    proxy.add_argument(
        "--port",
        type=int,
        default=DEFAULT_PORT,
        metavar=translate("cli", "PORT"),
        help=translate("cli", "port to listen on ({port}; 0 picks a free one)").format(
            port=DEFAULT_PORT
        ),
    )
    proxy.add_argument(
        "--address",
        default=DEFAULT_ADDRESS,
        metavar=translate("cli", "ADDRESS"),
        help=translate(
            "cli", "address to listen on ({address}); anyone who reaches it acts as you"
        ).format(address=DEFAULT_ADDRESS),
    )
    proxy.add_argument(
        "--accept-host",
        action="append",
        default=[],
        metavar=translate("cli", "NAME"),
        help=translate(
            "cli", "also accept requests for this host name (besides localhost and 127.0.0.1)"
        ),
    )
    proxy.add_argument(
        "--allow-origin",
        action="append",
        default=[],
        metavar=translate("cli", "ORIGIN"),
        help=translate(
            "cli", "let this web page (https://host:port) read answers (CORS); none by default"
        ),
    )
    proxy.add_argument(
        "--reject-methods",
        default="",
        metavar=translate("cli", "LIST"),
        help=translate(
            "cli", "refuse these methods, e.g. POST,PUT,PATCH,DELETE for a read-only proxy"
        ),
    )
    proxy.add_argument(
        "--quiet", action="store_true", help=translate("cli", "no access log on stderr")
    )

    run = commands.add_parser(
        "exec", help=translate("cli", "run a command with the token in its environment")
    )
    kit.connection_options(run)
    kit.sign_in_options(run)
    run.add_argument("--method", choices=METHODS, default="oauth", help=method_help)
    run.add_argument(
        "command_line",
        nargs=argparse.REMAINDER,
        metavar=translate("cli", "-- COMMAND [ARGS…]"),
        help=translate("cli", "the command to run and its arguments"),
    )
    return [proxy, run]


def run(
    args: argparse.Namespace, stdin: TextIO, stdout: TextIO, stderr: TextIO, kit: CliKit
) -> int:
    """One of :data:`COMMANDS`; its exit code."""
    try:
        if args.command == "proxy":
            return _proxy(args, stdin, stdout, stderr, kit)
        return _exec(args, stdin, stdout, stderr, kit)
    except AuthError as exc:
        kit.say(stderr, exc.message)
        return exc.exit_code
    except KeyboardInterrupt:
        kit.say(stderr, translate("cli", "interrupted"))
        return 130
    except Exception as exc:
        if isinstance(exc, kit.usage_error):
            kit.say(stderr, exc)
            return EXIT_USAGE
        raise


def _sign_in_settings(
    args: argparse.Namespace, stdin: TextIO, stderr: TextIO, kit: CliKit
) -> tuple[str, ConnectionSettings]:
    lines = _unbuffered(stdin)
    password = kit.password(args, lines)
    settings = kit.settings(args, lines, args.method)
    if not settings.verify_tls:
        kit.say(stderr, translate("cli", "warning: TLS verification is off (--insecure)"))
    return password, settings


def _methods(text: str, kit: CliKit) -> list[str]:
    methods = [m.strip().upper() for m in text.split(",") if m.strip()]
    bad = [m for m in methods if not m.isalpha()]
    if bad:
        message = translate("cli", "--reject-methods: {method} is not an HTTP method")
        raise kit.usage_error(message.format(method=bad[0]))
    return methods


# -- msauth proxy ----------------------------------------------------------------------------
def _proxy(
    args: argparse.Namespace, stdin: TextIO, stdout: TextIO, stderr: TextIO, kit: CliKit
) -> int:
    if not 0 <= args.port <= 65535:
        raise kit.usage_error(translate("cli", "--port must be a number from 0 to 65535"))
    rejected = _methods(args.reject_methods, kit)
    password, settings = _sign_in_settings(args, stdin, stderr, kit)
    with _sigterm_interrupts():
        return _serve(args, password, settings, stdout, stderr, kit, rejected)


def _serve(
    args: argparse.Namespace,
    password: str,
    settings: ConnectionSettings,
    stdout: TextIO,
    stderr: TextIO,
    kit: CliKit,
    rejected: list[str],
) -> int:
    from .core.endpoints import is_loopback
    from .core.proxy.access import StreamLog  # only this command pays for the proxy's modules
    from .core.proxy.server import ProxyServer
    from .core.session.keeper import Keeper

    keeper = Keeper(settings, on_event=lambda event: _tell(event, stderr, kit, args.quiet))
    try:
        keeper.sign_in(args.login, password)
        log = None if args.quiet else StreamLog(stderr, "msauth: ")
        server = ProxyServer(
            settings,
            keeper.shared,
            address=args.address,
            port=args.port,
            accept_hosts=args.accept_host,
            allow_origins=args.allow_origin,
            reject_methods=rejected,
            on_access=log,
        )
        try:
            server.start()
        except OSError as exc:
            text = translate(
                "cli",
                "cannot listen on {address} port {port} ({error}); choose another --port "
                "(0 picks a free one)",
            )
            error = exc.strerror or type(exc).__name__
            kit.say(stderr, text.format(address=args.address, port=args.port, error=error))
            return EXIT_USAGE
        if not is_loopback(args.address):
            warning = translate(
                "cli",
                "warning: listening on {address}, not only on this computer: anyone who can "
                "reach it acts as {login} on the server",
            )
            kit.say(stderr, warning.format(address=args.address, login=args.login))
        try:
            stdout.write(server.url + "\n")  # the first line, for scripts: the URL alone
            stdout.flush()
            started = translate("cli", "serving {api} at {url} as {login}; Ctrl+C stops")
            api, url = settings.endpoints().api_base, server.url + "/api/v1"
            kit.say(stderr, started.format(api=api, url=url, login=args.login))
            _serve_until_signal()
        except KeyboardInterrupt:  # Ctrl+C or SIGTERM, whenever it comes: a clean stop
            pass
        finally:
            server.stop()
            server.join(1.0)  # connections are closed: their threads log what they answered
            if log is not None:
                log.close()
        kit.say(stderr, translate("cli", "proxy stopped"))
        return EXIT_OK
    finally:
        keeper.close()


@contextlib.contextmanager
def _sigterm_interrupts() -> Iterator[None]:
    """SIGTERM and SIGINT act as Ctrl+C while the proxy runs (both end in a clean exit). SIGINT
    gets a handler of its own: a shell starts a background job (``msauth proxy &``) with SIGINT
    ignored, and ``kill -INT`` would then never stop it."""
    import signal  # (here: msauth token never pays for signal and subprocess)

    previous: dict[signal.Signals, Any] = {}
    for signum in (signal.SIGTERM, signal.SIGINT):
        with contextlib.suppress(ValueError):  # not the main thread (tests): no handler
            previous[signum] = signal.signal(signum, _interrupt)
    try:
        yield
    finally:
        for signum, handler in previous.items():
            signal.signal(signum, handler)


def _interrupt(signum: int, frame: object) -> None:
    raise KeyboardInterrupt


def _serve_until_signal() -> None:
    """Wait for Ctrl+C or SIGTERM (KeyboardInterrupt)."""
    forever = threading.Event()
    while not forever.wait(3600):
        pass


def _tell(event: KeeperEvent, stderr: TextIO, kit: CliKit, quiet: bool) -> None:
    """A renewal's outcome on stderr: failures always, successes unless --quiet."""
    if event.error is None:
        if not quiet:
            kit.say(stderr, translate("cli", "token renewed"))
        return
    text = translate("cli", "renewal failed: {error}").format(error=event.error.message)
    if event.retry_at is None:
        text += " " + translate("cli", "Renewal has stopped; restart msauth proxy.")
    kit.say(stderr, text)


# -- msauth exec -----------------------------------------------------------------------------
def _exec(
    args: argparse.Namespace, stdin: TextIO, stdout: TextIO, stderr: TextIO, kit: CliKit
) -> int:
    command = list(args.command_line)
    if command[:1] == ["--"]:
        command = command[1:]
    if not command:
        raise kit.usage_error(translate("cli", "give the command to run after --"))
    password, settings = _sign_in_settings(args, stdin, stderr, kit)
    client = AuthClient(settings)
    try:
        creds = client.sign_in(args.login, password)
    finally:
        client.close()
    env = {k: v for k, v in os.environ.items() if k not in kit.secret_variables}
    env.pop(ENV_TOKEN, None)
    if isinstance(creds, Token):
        env[ENV_TOKEN] = creds.access_token
    env[ENV_HEADER] = creds.authorization
    env[ENV_BASE] = settings.endpoints().api_base
    for stream in (stdout, stderr):
        with contextlib.suppress(OSError, ValueError):
            stream.flush()
    import subprocess

    try:
        child = subprocess.Popen(
            command, env=env, stdin=_fd(stdin), stdout=_fd(stdout), stderr=_fd(stderr)
        )
    except OSError as exc:
        text = translate("cli", "cannot run {command}: {error}")
        kit.say(stderr, text.format(command=command[0], error=exc.strerror or exc))
        return 127 if isinstance(exc, FileNotFoundError) else 126
    while True:
        try:
            code = child.wait()
            break
        except KeyboardInterrupt:  # Ctrl+C reached the command too: let it decide
            continue
    return 128 - code if code < 0 else code  # killed by a signal: 128 + its number, as shells


def _fd(stream: TextIO) -> int | None:
    """The stream's file descriptor for the command (None: inherit ours, as for StringIO)."""
    try:
        return stream.fileno()
    except (OSError, ValueError, io.UnsupportedOperation):
        return None


class _Lines:
    """Standard input read one byte at a time, so a secret's line takes nothing more from it:
    the rest is left for the command ``msauth exec`` runs."""

    def __init__(self, fd: int, tty: bool) -> None:
        self._fd, self._tty = fd, tty

    def readline(self) -> str:
        data = bytearray()
        while not data.endswith(b"\n"):
            byte = os.read(self._fd, 1)
            if not byte:
                break
            data += byte
        return data.decode("utf-8", "replace")

    def isatty(self) -> bool:
        return self._tty


def _unbuffered(stdin: TextIO) -> TextIO:
    if stdin is sys.stdin and _fd(stdin) is not None:
        return cast(TextIO, _Lines(stdin.fileno(), stdin.isatty()))
    return stdin


__all__ = ["COMMANDS", "CliKit", "add_commands", "run"]
