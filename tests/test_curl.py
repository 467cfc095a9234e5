"""Copy as curl for bash, cmd and PowerShell, each read back the way its shell reads it.

POSIX commands are split with :mod:`shlex`; cmd and PowerShell lines with the tokenizers of
:mod:`tests.shells`, which follow those shells' own rules (tested first, on known examples).
"""

from __future__ import annotations

import shlex

import pytest

from msauth_gui.core.curl import (
    SHELLS,
    Shell,
    curl_command,
    default_shell,
    quote_cmd,
    quote_powershell,
    shell_or_default,
)

from .shells import Broken, cmd_argv, crt_argv, powershell_call

#: cmd's environment while reading a line back: names the values below would expand
ENV = {"PATH": r"C:\Windows", "USERPROFILE": r"C:\Users\op", "TOP": "42", "X": "expanded"}
URL = "https://wms:9000/api/v1/DocTypes?$top=1&$filter=Name eq 'a%20b'&x=%X%"
#: every character a shell acts on: % ^ " ' $ backtick, spaces, non-ASCII, typographic quotes
NASTY = 'Bearer a%PATH%b^c"d\'e$f`g h ü‘’ !x!&|<>() \\" end\\'
CA_WITH_SPACES = r"C:\Program Files\Мой CA\%USERPROFILE% ca.pem"


def argv(auth: str, *, verify: bool = True, ca: str | None = None) -> list[str]:
    """What curl must receive."""
    tls = ["-k"] if not verify else (["--cacert", ca] if ca else [])
    return ["curl", "-sS", *tls, "-H", "Accept: application/json", "-H", f"Authorization: {auth}",
            URL]  # fmt: skip


def read_back(command: str, shell: Shell) -> list[str]:
    if shell == "posix":
        return shlex.split(command)
    assert shell == "cmd"
    return cmd_argv(command, ENV)


# -- the tokenizers, on known examples -----------------------------------------------------------
def test_cmd_reader_follows_cmd_and_the_c_runtime() -> None:
    assert cmd_argv('curl "a b" c', {}) == ["curl", "a b", "c"]
    assert cmd_argv("echo %path% %NOPE%", ENV) == ["echo", r"C:\Windows", "%NOPE%"]
    assert cmd_argv("echo ^%PATH^% ^^ ^&", ENV) == ["echo", "%PATH%", "^", "&"]
    assert cmd_argv('echo "a & b ^"', {}) == ["echo", "a & b ^"]  # quoted: & and ^ are literal
    assert crt_argv(r'a\\\"b "c\\" d\e') == ['a\\"b', "c\\", "d\\e"]
    for broken in ("echo a & del x", 'echo "a', "echo a ^"):
        with pytest.raises(Broken):
            cmd_argv(broken, {})


def test_powershell_reader_follows_powershell() -> None:
    call = powershell_call("# note\nGet-X -Name 'it''s a’’b' -Flag -T @{ 'k' = 'v'; n = 'w' }")
    assert call.command == "Get-X" and call.comments == ["note"]
    assert call.params == {"-Name": "it's a’b", "-Flag": True, "-T": {"k": "v", "n": "w"}}
    for expanded in ('Get-X -Name "a"', "Get-X -Name $a", "Get-X -Name a`b", "Get-X 'a"):
        with pytest.raises(Broken):
            powershell_call(expanded)


# -- each shell reads back exactly what curl must get --------------------------------------------
@pytest.mark.parametrize("shell", ["posix", "cmd"])
@pytest.mark.parametrize(
    ("verify", "ca"), [(True, None), (False, CA_WITH_SPACES), (True, CA_WITH_SPACES)]
)
@pytest.mark.parametrize("auth", ["Bearer abc.DEF-123_~+/=", NASTY, "Basic YWRtaW46cMOk"])
def test_curl_reads_back_as_the_same_arguments(
    shell: Shell, verify: bool, ca: str | None, auth: str
) -> None:
    command = curl_command(URL, auth, verify_tls=verify, ca_bundle=ca, shell=shell)
    assert read_back(command, shell) == argv(auth, verify=verify, ca=ca)
    assert "\n" not in command


@pytest.mark.parametrize("auth", ["Bearer abc.DEF-123_~+/=", NASTY])
@pytest.mark.parametrize("verify", [True, False])
def test_powershell_is_invoke_rest_method_with_a_headers_hashtable(auth: str, verify: bool) -> None:
    command = curl_command(URL, auth, verify_tls=verify, shell="powershell")
    call = powershell_call(command)
    assert call.command == "Invoke-RestMethod"
    assert call.params["-Uri"] == URL
    assert call.params["-Headers"] == {"Accept": "application/json", "Authorization": auth}
    assert ("-SkipCertificateCheck" in call.params) is not verify  # curl's -k
    assert set(call.params) <= {"-Uri", "-Headers", "-SkipCertificateCheck"}


def test_powershell_says_how_to_trust_a_ca_file_it_cannot_pass() -> None:
    command = curl_command(URL, "Bearer abc", ca_bundle=CA_WITH_SPACES, shell="powershell")
    call = powershell_call(command)
    assert call.params["-Uri"] == URL and "-SkipCertificateCheck" not in call.params
    (comment,) = call.comments
    trust = powershell_call(comment.split("e.g. ", 1)[1])  # the advice runs as written
    assert trust.command == "Import-Certificate"
    assert trust.params["-FilePath"] == CA_WITH_SPACES


def test_a_posix_command_breaks_in_cmd_and_powershell() -> None:
    """What "Copy as curl" gave before: right for bash only (the reason for the other two)."""
    posix = curl_command(URL, "Bearer abc", shell="posix")
    assert shlex.split(posix) == argv("Bearer abc")
    with pytest.raises(Broken):  # single quotes mean nothing to cmd: the & ends the command
        cmd_argv(posix, ENV)
    simple = curl_command("https://wms/x", "Bearer abc", shell="posix")
    assert cmd_argv(simple, ENV)[3:5] == ["'Accept:", "application/json'"]  # nor to curl.exe
    with pytest.raises(Broken):
        powershell_call(posix.replace("curl", "Invoke-RestMethod", 1))


@pytest.mark.parametrize(
    ("text", "cmd", "ps"),
    [
        ("-k", "-k", "'-k'"),
        ("a b", '^"a b^"', "'a b'"),
        ("50%", '^"50^%^"', "'50%'"),
        ("C:\\certs dir\\", '^"C:\\certs dir\\\\^"', "'C:\\certs dir\\'"),
        ("it's $HOME `n", '^"it\'s $HOME `n^"', "'it''s $HOME `n'"),
    ],
)
def test_quoting_of_single_arguments(text: str, cmd: str, ps: str) -> None:
    assert quote_cmd(text) == cmd
    assert quote_powershell(text) == ps
    assert cmd_argv("curl " + cmd, ENV) == ["curl", text]


def test_the_default_shell_is_the_platforms() -> None:
    assert default_shell("win32") == "powershell"
    assert default_shell("linux") == default_shell("darwin") == "posix"
    assert shell_or_default("cmd") == "cmd"
    assert shell_or_default("") == shell_or_default("fish") == default_shell()
    assert set(SHELLS) == {"posix", "cmd", "powershell"}


@pytest.mark.parametrize("shell", SHELLS)
def test_a_line_break_in_a_value_adds_no_command(shell: Shell) -> None:
    """A URL or CA file with a line break (a shared profile's probe path) ended the command and
    started another when pasted; the URL is percent-encoded as requests sends it, a file path's
    controls are made visible."""
    url = "https://wms:9000/api/v1/DocTypes?$top=1\r\ncalc.exe\u2028x\ud800"
    ca = "C:\\ca.pem\nStart-Process calc\n#"
    command = curl_command(url, "Bearer abc", ca_bundle=ca, shell=shell)
    sent = "https://wms:9000/api/v1/DocTypes?$top=1%0D%0Acalc.exe%E2%80%A8x%ED%A0%80"
    if shell == "powershell":
        call = powershell_call(command)
        assert call.params["-Uri"] == sent and len(call.comments) == 1
        assert "\\x0aStart-Process" in call.comments[0]
    else:
        assert "\n" not in command and "\r" not in command
        assert read_back(command, shell)[-1] == sent
