"""Token objects in every spelling a server uses, and the expiry maths."""

from __future__ import annotations

import base64
import json
from dataclasses import replace

import pytest
from hypothesis import given
from hypothesis import strategies as st

from msauth_gui.core.errors import UnreadableAnswer
from msauth_gui.core.token import (
    STYLE_CAMEL,
    STYLE_DOCUMENTATION,
    STYLE_RFC6749,
    Token,
    basic_credentials,
    parse_token_response,
)

NOW = 1_700_000_000.0
VENDOR_PAGE = """{
  Access_token:"123123123",
  Token_type:"bearer",
  Expires_in:86400,
  Refresh_token:"321321321",
}"""


def jwt(claims: dict) -> str:
    def part(data: dict) -> str:
        return base64.urlsafe_b64encode(json.dumps(data).encode()).decode().rstrip("=")

    return f"{part({'alg': 'none'})}.{part(claims)}.sig"


def test_vendor_page_token_object_is_read() -> None:
    token = parse_token_response(VENDOR_PAGE, NOW)
    assert token.access_token == "123123123"
    assert token.refresh_token == "321321321"
    assert token.token_type == "bearer"
    assert token.expires_at == NOW + 86400
    assert token.style == STYLE_DOCUMENTATION
    assert token.strict_json is False


@pytest.mark.parametrize(
    ("body", "style"),
    [
        (
            '{"access_token":"a1","token_type":"bearer","expires_in":60,"refresh_token":"r1"}',
            STYLE_RFC6749,
        ),
        (
            '{"accessToken":"a1","tokenType":"bearer","expiresIn":"60","refreshToken":"r1"}',
            STYLE_CAMEL,
        ),
        ('{"ACCESS-TOKEN":"a1","Expires_In":" 60 ","REFRESH_TOKEN":"r1"}', "other"),
        ("{access_token: 'a1', expires_in: 60, refresh_token: 'r1', /* comment */}", STYLE_RFC6749),
    ],
)
def test_key_spellings_and_numeric_strings(body: str, style: str) -> None:
    token = parse_token_response(body, NOW)
    assert (token.access_token, token.refresh_token) == ("a1", "r1")
    assert token.expires_at == NOW + 60
    assert token.style == style
    assert token.authorization == "Bearer a1"


def test_jwt_exp_is_used_when_expires_in_is_missing() -> None:
    access = jwt({"sub": "admin", "exp": NOW + 300})
    token = parse_token_response(json.dumps({"access_token": access}), NOW)
    assert token.expires_at == NOW + 300
    assert token.claims() == {"sub": "admin", "exp": NOW + 300}


def test_unknown_expiry_stays_unknown_never_never() -> None:
    token = parse_token_response('{"access_token":"opaque"}', NOW)
    assert token.expires_at is None
    assert token.remaining(NOW + 10**9) is None
    assert not token.is_expired(NOW + 10**9)
    assert token.claims() is None


@pytest.mark.parametrize("value", ["-5", "0", "1e12", '"soon"', "null", "true"])
def test_unbelievable_expires_in_gives_unknown_expiry_with_a_warning(value: str) -> None:
    token = parse_token_response(f'{{"access_token":"a","expires_in":{value}}}', NOW)
    assert token.expires_at is None
    if value not in ("null",):
        assert token.warnings


def test_expiry_maths_follow_the_injected_clock() -> None:
    token = parse_token_response('{"access_token":"a","expires_in":100}', NOW)
    assert token.lifetime == 100
    assert token.remaining(NOW + 30) == 70
    assert not token.is_expired(NOW + 99.9)
    assert token.is_expired(NOW + 100)


def test_refresh_answer_without_refresh_token_keeps_the_old_one() -> None:
    old = parse_token_response(VENDOR_PAGE, NOW)
    newer = parse_token_response('{"access_token":"99999","expires_in":10}', NOW + 5)
    merged = old.refreshed_by(newer)
    assert merged.access_token == "99999"
    assert merged.refresh_token == "321321321"
    rotated = parse_token_response('{"access_token":"9","refresh_token":"789"}', NOW)
    assert old.refreshed_by(rotated).refresh_token == "789"


@pytest.mark.parametrize(
    ("body", "says"),
    [
        ("", "empty"),
        ("   \n", "empty"),
        ("<html><h1>500</h1></html>", "not a token object"),
        ('["access_token"]', "not a token object"),
        ('{"token_type":"bearer","expires_in":60}', "no access token"),
        ('{"access_token": "abc", ', "not a token object"),
        ('{"access_token": ""}', "no access token"),
    ],
)
def test_answers_without_a_token_are_explained(body: str, says: str) -> None:
    with pytest.raises(UnreadableAnswer) as caught:
        parse_token_response(body, NOW, "http://h/oauth/token")
    assert says in caught.value.message
    assert "http://h/oauth/token" in caught.value.message


def test_snippet_is_capped_at_200_characters() -> None:
    with pytest.raises(UnreadableAnswer) as caught:
        parse_token_response("x" * 5000, NOW)
    assert "x" * 200 + "…" in caught.value.message
    assert "x" * 201 not in caught.value.message


def test_secrets_never_appear_in_repr() -> None:
    token = parse_token_response(VENDOR_PAGE, NOW)
    assert "123123123" not in repr(token)
    assert "321321321" not in repr(token)
    creds = basic_credentials("admin", "p@ss wörd")
    assert "p@ss" not in repr(creds)


def test_basic_credentials_are_utf8_base64() -> None:
    creds = basic_credentials("оператор", "p@ss wörd")
    encoded = creds.authorization.removeprefix("Basic ")
    assert base64.b64decode(encoded).decode("utf-8") == "оператор:p@ss wörd"


@given(st.text(max_size=300))
def test_parser_never_raises_anything_but_unreadable(text: str) -> None:
    try:
        token = parse_token_response(text, NOW)
    except UnreadableAnswer:
        return
    assert isinstance(token, Token) and token.access_token


json_values = st.recursive(
    st.none() | st.booleans() | st.floats() | st.integers() | st.text(max_size=20),
    lambda children: (
        st.lists(children, max_size=4) | st.dictionaries(st.text(max_size=15), children, max_size=4)
    ),
    max_leaves=12,
)


@given(
    st.dictionaries(
        st.sampled_from(["access_token", "Access_token", "expiresIn", "refresh_token", "x"]),
        json_values,
    )
)
def test_parser_never_raises_on_odd_json_objects(data: dict) -> None:
    try:
        token = parse_token_response(json.dumps(data), NOW)
    except UnreadableAnswer:
        return
    assert token.expires_at is None or token.expires_at > NOW


def test_the_answer_is_kept_with_the_token_in_memory_only() -> None:
    token = parse_token_response(VENDOR_PAGE, NOW)
    assert token.raw == VENDOR_PAGE  # for the token details view
    assert "123123123" not in repr(token) and "raw" not in repr(token)
    assert replace(token, raw="") == token  # the same token, whatever the answer looked like
    renewed = token.refreshed_by(parse_token_response('{"access_token": "456456456"}', NOW))
    assert renewed.raw == '{"access_token": "456456456"}' and renewed.refresh_token == "321321321"


@pytest.mark.parametrize(
    ("expires_in", "expires_at"),
    [("0x3C", 1060.0), ("1" + "0" * 5000, None), ("0x" + "f" * 5000, None)],
    ids=["hex", "5000-digits", "5000-hex-digits"],
)
def test_json5_integers_of_any_size_and_base_are_read(
    expires_in: str, expires_at: float | None
) -> None:
    """The vendor's loose token object with a hexadecimal or 5,000-digit expires_in: the
    token is read, its expiry only when it is believable."""
    text = f'{{Access_token: "tok-valid-12345", Expires_in: {expires_in},}}'
    token = parse_token_response(text, now=1000.0)
    assert (token.access_token, token.expires_at) == ("tok-valid-12345", expires_at)
    assert bool(token.warnings) is (expires_at is None)
