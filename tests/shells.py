"""How cmd.exe and PowerShell read a command line, for reading "Copy as curl" back.

Written from the shells' documented rules, independently of ``msauth_gui.core.curl``, and strict:
whatever would make the shell do something other than run the one command (a command separator,
a variable, a double-quoted string, a bare ``$``) raises :class:`Broken` instead of being guessed.

- :func:`cmd_argv`: cmd's percent expansion (interactive: an undefined ``%name%`` stays as it
  is), then its ``^`` escapes and quote tracking, then the Microsoft C runtime's splitting of the
  command line into ``argv`` (``CommandLineToArgvW``).
- :func:`powershell_call`: PowerShell's tokens (single-quoted strings, with any quote character
  doubled to stand for itself; parameters; ``@{ key = value; … }``; ``#`` comments) into the
  command name, its parameters and the comments before it.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

PS_QUOTES = "'\u2018\u2019\u201a\u201b"  #: PowerShell takes each of these as a single quote


class Broken(ValueError):
    """The line would not run as one command with these arguments."""


# -- cmd.exe -----------------------------------------------------------------------------------
def expand_percent(line: str, env: dict[str, str]) -> str:
    """Phase 1: ``%name%`` becomes the variable's value (names without regard to case); an
    undefined one is left as it is, and the scan goes on from its second ``%``."""
    names = {k.upper(): v for k, v in env.items()}
    out, i = [], 0
    while i < len(line):
        if line[i] != "%":
            out.append(line[i])
            i += 1
            continue
        end = line.find("%", i + 1)
        name = line[i + 1 : end].upper() if end > i else None
        if name and name in names:
            out.append(names[name])
            i = end + 1
        else:
            out.append("%")
            i += 1
    return "".join(out)


def cmd_line(line: str) -> str:
    """Phase 2: what cmd hands the program. ``^`` escapes the next character outside quotes,
    ``"`` toggles quoting (and stays), and an unescaped ``& | < >`` outside quotes ends the
    command: that is an error here."""
    out, quoted, i = [], False, 0
    while i < len(line):
        char = line[i]
        if char == "\n":
            raise Broken("a line break ends the command")
        if not quoted and char == "^":
            if i + 1 == len(line):
                raise Broken("a ^ at the end continues on the next line")
            out.append(line[i + 1])
            i += 2
            continue
        if char == '"':
            quoted = not quoted
        elif not quoted and char in "&|<>":
            raise Broken(f"{char!r} outside quotes at {i}: {line!r}")
        out.append(char)
        i += 1
    return "".join(out)


def crt_argv(line: str) -> list[str]:
    """The C runtime's rules: blanks split; ``2n`` backslashes and ``"`` give ``n`` and toggle
    quoting, ``2n+1`` give ``n`` and a literal ``"``; other backslashes are literal; ``""``
    inside quotes is a literal quote."""
    args: list[str] = []
    current: list[str] = []
    in_arg = quoted = False
    i = 0
    while i < len(line):
        char = line[i]
        if char in " \t" and not quoted:
            if in_arg:
                args.append("".join(current))
                current, in_arg = [], False
            i += 1
            continue
        in_arg = True
        if char == "\\":
            run = len(line[i:]) - len(line[i:].lstrip("\\"))
            if line[i + run : i + run + 1] == '"':
                current.append("\\" * (run // 2))
                if run % 2:
                    current.append('"')
                    i += run + 1
                else:
                    i += run  # the quote toggles below
            else:
                current.append("\\" * run)
                i += run
            continue
        if char == '"':
            if quoted and line[i + 1 : i + 2] == '"':
                current.append('"')
                i += 2
                continue
            quoted = not quoted
            i += 1
            continue
        current.append(char)
        i += 1
    if quoted:
        raise Broken("an unclosed quote")
    if in_arg:
        args.append("".join(current))
    return args


def cmd_argv(line: str, env: dict[str, str]) -> list[str]:
    """The ``argv`` a program receives when ``line`` is typed at a cmd.exe prompt."""
    return crt_argv(cmd_line(expand_percent(line, env)))


# -- PowerShell --------------------------------------------------------------------------------
@dataclass
class Call:
    command: str
    params: dict[str, object] = field(default_factory=dict)  #: "-Name" -> str, dict or True
    comments: list[str] = field(default_factory=list)


_BARE = re.compile(r"[^\s'\"`$;=@{}()#\u2018\u2019\u201a\u201b\u201c\u201d\u201e]+")


def powershell_tokens(line: str) -> list[tuple[str, str]]:
    """(kind, text) pairs: ``str`` (a single-quoted string's value), ``word``, ``param``,
    ``@{``, ``}``, ``=``, ``;``, ``comment`` and ``newline``."""
    tokens: list[tuple[str, str]] = []
    i = 0
    while i < len(line):
        char = line[i]
        if char == "\n":
            tokens.append(("newline", "\n"))
            i += 1
        elif char in " \t":
            i += 1
        elif char == "#":
            end = line.find("\n", i)
            end = len(line) if end < 0 else end
            tokens.append(("comment", line[i + 1 : end].strip()))
            i = end
        elif char in PS_QUOTES:
            value: list[str] = []
            i += 1
            while True:
                if i >= len(line):
                    raise Broken("an unclosed single-quoted string")
                if line[i] in PS_QUOTES:
                    if i + 1 < len(line) and line[i + 1] in PS_QUOTES:
                        value.append(line[i + 1])  # a doubled quote stands for itself
                        i += 2
                        continue
                    i += 1
                    break
                value.append(line[i])
                i += 1
            tokens.append(("str", "".join(value)))
        elif line.startswith("@{", i):
            tokens.append(("@{", "@{"))
            i += 2
        elif char in "};=":
            tokens.append((char, char))
            i += 1
        else:
            found = _BARE.match(line, i)
            if found is None:  # a double quote, $, backtick or parenthesis: expanded or code
                raise Broken(f"{char!r} at {i} would be expanded or run: {line!r}")
            text = found.group()
            tokens.append(("param" if text.startswith("-") else "word", text))
            i = found.end()
    return tokens


def powershell_call(line: str) -> Call:
    """The one command of ``line`` (comment lines before it allowed)."""
    tokens = powershell_tokens(line)
    comments = []
    while tokens and tokens[0][0] in ("comment", "newline"):
        kind, text = tokens.pop(0)
        if kind == "comment":
            comments.append(text)
    if not tokens or tokens[0][0] != "word":
        raise Broken("no command")
    call = Call(tokens.pop(0)[1], comments=comments)
    while tokens:
        kind, text = tokens.pop(0)
        if kind != "param":
            raise Broken(f"{kind} {text!r} where a parameter belongs")
        if not tokens or tokens[0][0] == "param":
            call.params[text] = True  # a switch
        elif tokens[0][0] in ("str", "word"):
            call.params[text] = tokens.pop(0)[1]
        elif tokens[0][0] == "@{":
            tokens.pop(0)
            call.params[text] = _hashtable(tokens)
        else:
            raise Broken(f"{tokens[0]} after {text}")
    return call


def _hashtable(tokens: list[tuple[str, str]]) -> dict[str, str]:
    table: dict[str, str] = {}
    while True:
        if not tokens:
            raise Broken("an unclosed hashtable")
        kind, key = tokens.pop(0)
        if kind == "}":
            return table
        if kind == ";":
            continue
        if kind not in ("str", "word") or len(tokens) < 2 or tokens[0][0] != "=":
            raise Broken(f"a hashtable entry {key!r} without '= value'")
        tokens.pop(0)
        value_kind, value = tokens.pop(0)
        if value_kind != "str":
            raise Broken(f"a hashtable value that is not a string: {value!r}")
        table[key] = value
