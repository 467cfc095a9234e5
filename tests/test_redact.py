"""The one redaction function: known secrets and credential-looking values never get through."""

from __future__ import annotations

import pytest
from hypothesis import assume, given
from hypothesis import strategies as st

from msauth_gui.core.redact import MASK, forget_secrets, redact, register_secret


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


secrets_st = st.text(min_size=3, max_size=30).filter(lambda s: any(c.isalnum() for c in s))


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
