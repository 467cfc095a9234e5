"""Copy as curl: one request with the ``Authorization`` header, written for the operator's shell.

Each shell has its own quoting, and a command quoted for another one breaks (or worse, runs
something else):

- ``posix`` — bash, zsh and sh on Linux and macOS: ``curl`` with each argument that needs it in
  single quotes (:func:`shlex.quote`).
- ``cmd`` — Windows' ``cmd.exe``: each argument is first quoted for the C runtime that splits
  ``curl.exe``'s command line (``"…"``; ``\\"`` for a quote, backslashes doubled before one),
  then every character ``cmd`` itself acts on (``^ " % ! & | < > ( )``) gets a ``^``: ``cmd``
  never sees an open quote, so nothing is a variable (``%PATH%``) or a command separator
  (``&``). Chrome's "Copy as cURL (cmd)" writes the same form.
- ``powershell`` — ``Invoke-RestMethod -Uri '…' -Headers @{…}``: in Windows PowerShell 5.1
  ``curl`` means ``Invoke-WebRequest``, and ``curl.exe`` loses quotes inside its arguments.
  Strings are single-quoted, where nothing is expanded (``$``, backtick); a quote — the ASCII
  one or a typographic one, which PowerShell takes as a quote too — is doubled. TLS
  verification off is ``-SkipCertificateCheck`` (PowerShell 7); the cmdlet takes no CA file,
  so a comment line above the command says how to trust the CA instead.

Line breaks cannot be written for ``cmd``, and pasted into any shell they start another command.
A URL's path can have them (a probe path from a shared profile), so in the URL every character
:func:`~.visible.visible` would escape is percent-encoded, as ``requests`` sends it: the command
asks for what the probe asked for. A file path cannot be encoded: its controls are made visible.
Tokens are checked by :mod:`.token`.
"""

from __future__ import annotations

import re
import shlex
import sys
from typing import Literal, get_args
from urllib.parse import quote

from .translate import QT_TRANSLATE_NOOP, translate
from .visible import is_visible, visible

Shell = Literal["posix", "cmd", "powershell"]
SHELLS: tuple[Shell, ...] = get_args(Shell)
ACCEPT = "application/json"

_CMD_SAFE = re.compile(r"[A-Za-z0-9_./:\-]+")  #: written as they are: neither cmd nor the CRT acts
_CMD_SPECIAL = frozenset('^"%!&|<>()')
#: PowerShell ends a single-quoted string at any of these (ASCII and typographic quotes)
_PS_QUOTES = frozenset("'\u2018\u2019\u201a\u201b")
_TRUST_CA = QT_TRANSLATE_NOOP(
    "curl",
    "# Invoke-RestMethod takes no CA file: trust the CA in Windows first, e.g. {command}",
)


def default_shell(platform: str | None = None) -> Shell:
    """The shell an operator of ``platform`` (``sys.platform``) most likely pastes into."""
    platform = sys.platform if platform is None else platform
    return "powershell" if platform.startswith(("win", "cygwin")) else "posix"


def shell_or_default(name: str) -> Shell:
    """``name`` when it is one of :data:`SHELLS` (a stored preference), else the default."""
    for shell in SHELLS:
        if name == shell:
            return shell
    return default_shell()


def header_line(authorization: str) -> str:
    """The whole HTTP header line, ready to paste into an API tool."""
    return f"Authorization: {authorization}"


def quote_posix(text: str) -> str:
    return shlex.quote(text)


def quote_cmd(text: str) -> str:
    """One argument of a ``cmd.exe`` command line, as the program will receive it."""
    if _CMD_SAFE.fullmatch(text):
        return text
    return "".join("^" + char if char in _CMD_SPECIAL else char for char in _quote_crt(text))


def _quote_crt(text: str) -> str:
    """Quoted for the Microsoft C runtime's argument splitting (``CommandLineToArgvW``)."""
    out = ['"']
    backslashes = 0
    for char in text:
        if char == "\\":
            backslashes += 1
            continue
        if char == '"':  # the backslashes before a quote are doubled, and the quote escaped
            out.append("\\" * (2 * backslashes + 1) + '"')
        else:
            out.append("\\" * backslashes + char)
        backslashes = 0
    out.append("\\" * (2 * backslashes) + '"')  # ...and so are those before the closing one
    return "".join(out)


def quote_powershell(text: str) -> str:
    """A PowerShell single-quoted string: verbatim, with every quote character doubled."""
    return "'" + "".join(char * 2 if char in _PS_QUOTES else char for char in text) + "'"


def inert_url(url: str) -> str:
    """``url`` with controls, line breaks, bidi and invisible characters percent-encoded (a
    lone surrogate too: as its UTF-8 bytes would be, instead of failing to encode)."""
    if is_visible(url):
        return url
    return "".join(c if is_visible(c) else quote(c, safe="", errors="surrogatepass") for c in url)


def curl_command(
    url: str,
    authorization: str,
    *,
    verify_tls: bool = True,
    ca_bundle: str | None = None,
    shell: Shell = "posix",
) -> str:
    """A command for ``shell`` calling ``url`` with the header; ``-k``/``--cacert`` if relevant."""
    url = inert_url(url)
    ca_bundle = visible(ca_bundle) if ca_bundle else ca_bundle
    if shell == "powershell":
        return _invoke_rest_method(url, authorization, verify_tls=verify_tls, ca_bundle=ca_bundle)
    quote = quote_cmd if shell == "cmd" else quote_posix
    args = ["curl", "-sS"]
    if not verify_tls:
        args.append("-k")
    elif ca_bundle:
        args += ["--cacert", ca_bundle]
    args += ["-H", f"Accept: {ACCEPT}", "-H", header_line(authorization), url]
    return " ".join(quote(arg) for arg in args)


def _invoke_rest_method(
    url: str, authorization: str, *, verify_tls: bool, ca_bundle: str | None
) -> str:
    q = quote_powershell
    headers = f"@{{ {q('Accept')} = {q(ACCEPT)}; {q('Authorization')} = {q(authorization)} }}"
    command = f"Invoke-RestMethod -Uri {q(url)} -Headers {headers}"
    if not verify_tls:
        return command + " -SkipCertificateCheck"
    if ca_bundle:
        store = "Cert:\\CurrentUser\\Root"
        trust = f"Import-Certificate -FilePath {q(ca_bundle)} -CertStoreLocation {store}"
        return translate("curl", _TRUST_CA).format(command=trust) + "\n" + command
    return command
