"""The one redaction function: known secrets and credential-looking values never get through."""

from __future__ import annotations

import pytest
from hypothesis import assume, given
from hypothesis import strategies as st

from msauth_gui.core.redact import (
    MASK,
    forget_secret,
    forget_secrets,
    hold_secrets,
    maskable,
    redact,
    register_secret,
    registered,
    release_secrets,
)


@pytest.fixture(autouse=True)
def _clean_registry():
    forget_secrets()
    yield
    forget_secrets()


@pytest.mark.parametrize(
    ("line", "secret"),
    [
        ("GET http://h/api/v1/session?username=admin&password=hunter22&login=admin", "hunter22"),
        ("grant_type=password&client_id=123&client_secret=s3cr3t&username=a", "s3cr3t"),
        ("grant_type=refresh_token&refresh_token=321321321&client_id=123", "321321321"),
        ("Authorization: Bearer eyJhbGciOi.eyJzdWIi.c2ln", "eyJhbGciOi"),
        ("authorization: Basic YWRtaW46YWRtaW4=", "YWRtaW46YWRtaW4="),
        ("{'Authorization': 'Bearer abcdef123'}", "abcdef123"),
        ('{"access_token": "tok-123", "expires_in": 60}', "tok-123"),
        ('{Access_token:"123123123", Token_type:"bearer"}', "123123123"),
        ('{"refreshToken":"zzz999"}', "zzz999"),
        ("curl -u admin:pa55word http://h", "pa55word"),
        ("https://admin:pa55word@host:9000/api/v1", "pa55word"),
        ("curl -H 'Authorization: Bearer q1w2e3r4' http://h", "q1w2e3r4"),
    ],
)
def test_credential_patterns_are_masked_without_registration(line: str, secret: str) -> None:
    out = redact(line)
    assert secret not in out
    assert MASK in out


@pytest.mark.parametrize(
    "line",
    [
        "POST http://h:9000/oauth/token → 400 invalid_grant username=admin",
        "Basic credentials verified",
        'WWW-Authenticate: Bearer realm="MobileSMARTS"',
        "Refresh token: present",
        "Token type: bearer",
        '{"token_type": "bearer", "expires_in": 60}',
    ],
)
def test_prose_and_non_secret_parts_survive(line: str) -> None:
    assert redact(line) == line


def test_registered_secrets_are_removed_wherever_they_stand() -> None:
    register_secret("p@ss wörd", "opaque-token-value")
    out = redact("login failed for p@ss wörd; token opaque-token-value; again p@ss wörd")
    assert "p@ss wörd" not in out and "opaque-token-value" not in out


def test_extra_secrets_and_non_strings() -> None:
    assert "xyz123" not in redact(ValueError("bad xyz123"), extra=["xyz123"])


# a value only counts as a secret when it cannot be an ordinary word (see maskable)
secrets_st = st.text(min_size=3, max_size=30).filter(
    lambda s: any(c.isalnum() for c in s) and maskable(s)
)


@given(secret=secrets_st, before=st.text(max_size=60), after=st.text(max_size=60))
def test_a_registered_secret_never_gets_through(secret: str, before: str, after: str) -> None:
    forget_secrets()
    register_secret(secret)
    assert secret not in redact(before + secret + after + secret)


@given(
    value=st.text(
        alphabet=st.characters(blacklist_categories=("Cs", "Z", "Cc")), min_size=3, max_size=30
    ),
    key=st.sampled_from(["password", "client_secret", "refresh_token", "access_token"]),
    prefix=st.text(alphabet="abc &=?", max_size=10),
)
def test_form_values_never_get_through(value: str, key: str, prefix: str) -> None:
    assume(not any(c in value for c in "&'\""))
    assume(any(c.isalnum() for c in value))
    assume(value not in prefix + key + "=" and value not in "&x=1")
    assert value not in redact(f"{prefix}&{key}={value}&x=1").replace(f"{key}=", "")


@given(st.text(max_size=500))
def test_redact_never_raises(text: str) -> None:
    assert isinstance(redact(text), str)


# -- exact, not guessing (issue 10, point 7) -------------------------------------------------


@pytest.mark.parametrize("word", ["the", "admin", "user", "log", "password", "123", "token"])
def test_a_word_registered_as_a_secret_censors_nothing(word: str) -> None:
    register_secret(word)
    line = f"Check the log: signed in as admin with user 123 — password token {word}"
    assert redact(line) == line
    assert word not in registered()


@pytest.mark.parametrize(
    "value", ["hunter2", "321321321", "p@ss wörd", "correcthorsebattery", "tok-valid-12345"]
)
def test_credential_like_values_are_registered_and_masked(value: str) -> None:
    register_secret(value)
    assert redact(f"it was {value}.") == f"it was {MASK}."


def test_percent_encoded_and_json_escaped_forms_are_masked() -> None:
    secret = 'p@ss/wörd+"ü"&1'
    register_secret(secret)
    import json
    from urllib.parse import quote, quote_plus

    for form in (
        quote(secret, safe=""),
        quote(secret, safe="").lower(),
        quote_plus(secret),
        json.dumps(secret)[1:-1],
        json.dumps(secret, ensure_ascii=False)[1:-1],
    ):
        out = redact(f'GET /x?q={form}&z=1 and {{"v": "{form}"}}')
        assert form not in out and "wörd" not in out and "w%C3%B6rd" not in out.upper(), out


def test_the_whole_bearer_credential_is_masked() -> None:
    assert redact('{"h": "Bearer abcdef0123456789Z"}') == '{"h": "Bearer ***"}'
    assert redact("Bearer abc.def-ghi_jkl~mno+pqr/stu==,") == "Bearer ***,"


@pytest.mark.parametrize(
    "line",
    [
        "Credentials verified: the server accepted the Basic header.",
        "Basic sign-in works; Bearer tokens expire",
        'WWW-Authenticate: Bearer realm="x", error="invalid_token", error_description="expired"',
        "Bearer error=invalid_token",
        "signed in as admin",
    ],
)
def test_prose_about_schemes_stays(line: str) -> None:
    register_secret("admin")  # a login equal to the password: a word, not masked
    assert redact(line) == line


def test_basic_credentials_raw_or_base64_are_masked() -> None:
    assert redact("sent Basic YWRtaW46YWRtaW4= ok") == "sent Basic *** ok"
    assert redact("sent Basic admin:secret ok") == "sent Basic *** ok"


def test_replaced_secrets_are_let_go() -> None:
    class Owner:
        pass

    owner = Owner()
    hold_secrets(owner, "first-token-1")
    assert redact("first-token-1") == MASK
    hold_secrets(owner, "second-token-2")  # replaced: the old one is not held any more
    assert redact("first-token-1 second-token-2") == f"first-token-1 {MASK}"
    del owner  # collected: what it held goes too
    assert redact("second-token-2") == "second-token-2"
    assert registered() == frozenset()


def test_release_and_forget() -> None:
    class Owner:
        pass

    a, b = Owner(), Owner()
    hold_secrets(a, "shared-value-1", "only-a-value-1")
    hold_secrets(b, "shared-value-1")
    release_secrets(a)
    assert registered() == {"shared-value-1"}  # b still holds it
    register_secret("perma-nent-1")
    forget_secret("perma-nent-1", "shared-value-1")
    assert registered() == frozenset()
    hold_secrets("keeper", "by-name-value-1")  # an owner that cannot be weakly referenced
    assert redact("by-name-value-1") == MASK
    release_secrets("keeper")
    assert registered() == frozenset()


def test_a_day_of_one_second_tokens_keeps_the_registry_small() -> None:
    from msauth_gui.core.token import Token

    current = None
    for i in range(86_400):
        current = Token(access_token=f"access-{i:06d}", refresh_token=f"refresh-{i:06d}")
    assert current is not None
    assert registered() == {"access-086399", "refresh-086399"}
