"""``msauth``'s language before its arguments are parsed, and argparse's own words in it.

``msauth --lang ru`` speaks Russian from its first word: the usage line, ``--help`` and the
usage errors too. The language is read from the arguments before argparse parses them
(:func:`requested_language`), so the parser is built and run in it. Our help texts go through
:func:`~msauth_gui.core.translate.translate` where the parser is built; argparse's own texts
("usage: ", "the following arguments are required: %s"…) go through its module's ``_`` and
``ngettext`` (GNU gettext's functions, looked up at each call), which :func:`argparse_speaking`
replaces with gettext-compatible functions over the same translator for the run, keyed by
argparse's own message ids (listed here, context "argparse", so lupdate extracts them).
"""

from __future__ import annotations

import argparse
import contextlib
from collections.abc import Iterator, Sequence

from .core.translate import QT_TRANSLATE_NOOP, translate

#: argparse's message ids that an operator can meet (Python 3.11 to 3.13); a text argparse
#: adds later stays English until it is listed and translated
MESSAGES = (
    QT_TRANSLATE_NOOP("argparse", "usage: "),
    QT_TRANSLATE_NOOP("argparse", "positional arguments"),
    QT_TRANSLATE_NOOP("argparse", "options"),
    QT_TRANSLATE_NOOP("argparse", "subcommands"),
    QT_TRANSLATE_NOOP("argparse", "%(heading)s:"),
    QT_TRANSLATE_NOOP("argparse", "show this help message and exit"),
    QT_TRANSLATE_NOOP("argparse", "show program's version number and exit"),
    QT_TRANSLATE_NOOP("argparse", " (default: %(default)s)"),
    QT_TRANSLATE_NOOP("argparse", "%(prog)s: error: %(message)s\n"),
    QT_TRANSLATE_NOOP("argparse", "%(prog)s: warning: %(message)s\n"),
    QT_TRANSLATE_NOOP("argparse", "argument %(argument_name)s: %(message)s"),
    QT_TRANSLATE_NOOP("argparse", "unrecognized arguments: %s"),
    QT_TRANSLATE_NOOP("argparse", "the following arguments are required: %s"),
    QT_TRANSLATE_NOOP("argparse", "one of the arguments %s is required"),
    QT_TRANSLATE_NOOP("argparse", "not allowed with argument %s"),
    QT_TRANSLATE_NOOP("argparse", "ignored explicit argument %r"),
    QT_TRANSLATE_NOOP("argparse", "expected one argument"),
    QT_TRANSLATE_NOOP("argparse", "expected at most one argument"),
    QT_TRANSLATE_NOOP("argparse", "expected at least one argument"),
    QT_TRANSLATE_NOOP("argparse", "expected %s argument"),
    QT_TRANSLATE_NOOP("argparse", "expected %s arguments"),
    QT_TRANSLATE_NOOP("argparse", "ambiguous option: %(option)s could match %(matches)s"),
    QT_TRANSLATE_NOOP("argparse", "unexpected option string: %s"),
    QT_TRANSLATE_NOOP("argparse", "invalid %(type)s value: %(value)r"),
    QT_TRANSLATE_NOOP("argparse", "invalid choice: %(value)r (choose from %(choices)s)"),
    QT_TRANSLATE_NOOP("argparse", "unknown parser %(parser_name)r (choices: %(choices)s)"),
    QT_TRANSLATE_NOOP("argparse", "can't open '%(filename)s': %(error)s"),
)


def requested_language(argv: Sequence[str]) -> str | None:
    """The value of ``--lang`` (``--lang ru``, ``--lang=ru``) anywhere before ``--``."""
    for i, word in enumerate(argv):
        if word == "--":
            break
        if word.startswith("--lang="):
            return word.split("=", 1)[1]
        if word == "--lang" and i + 1 < len(argv):
            return argv[i + 1]
    return None


def _gettext(message: str) -> str:
    return translate("argparse", message) if message else message


def _ngettext(singular: str, plural: str, n: int) -> str:
    return _gettext(singular if n == 1 else plural)


@contextlib.contextmanager
def argparse_speaking() -> Iterator[None]:
    """argparse's own texts through the installed translator for the ``with`` block."""
    module = vars(argparse)
    before = module["_"], module["ngettext"]
    module["_"], module["ngettext"] = _gettext, _ngettext
    try:
        yield
    finally:
        module["_"], module["ngettext"] = before


def unrecognized_prefix() -> str:
    """How argparse's "unrecognized arguments: …" begins in the language now spoken."""
    return _gettext("unrecognized arguments: %s").split("%s")[0]
