"""Every server URL form from protocol.md normalises to the same endpoint set."""

from __future__ import annotations

import pytest

from msauth_gui.core.endpoints import build_endpoints
from msauth_gui.core.errors import InvalidInput


@pytest.mark.parametrize(
    "typed",
    [
        "https://host:9000",
        "https://host:9000/",
        "https://host:9000/api/v1",
        "https://host:9000/api/v1/",
        "HTTPS://HOST:9000/API/V1",
        "host:9000",
        "https://host:9000/api",
    ],
)
def test_database_port_forms_share_one_endpoint_set(typed: str) -> None:
    ep = build_endpoints(typed)
    assert ep.api_base == "https://host:9000/api/v1"
    assert ep.session_url == "https://host:9000/api/v1/session"
    assert ep.token_url == "https://host:9000/oauth/token"
    assert ep.probe_url == "https://host:9000/api/v1/DocTypes?$top=1"


def test_no_scheme_assumes_https_and_remembers_it() -> None:
    assert build_endpoints("host:9706").scheme_assumed
    assert not build_endpoints("https://host:9706").scheme_assumed
    assert build_endpoints("host:9706").plain_http_origin() == "http://host:9706"


@pytest.mark.parametrize(
    ("typed", "prefix"),
    [
        ("http://host:9000/MobileSMARTS/api/v1", "/MobileSMARTS"),
        (
            "http://host:10511/8e1fc2a4-3b7d-4f65-9a9e-0c2b1d6e7f80/api/v1/",
            "/8e1fc2a4-3b7d-4f65-9a9e-0c2b1d6e7f80",
        ),
        (
            "http://host:10511/8e1fc2a4-3b7d-4f65-9a9e-0c2b1d6e7f80",
            "/8e1fc2a4-3b7d-4f65-9a9e-0c2b1d6e7f80",
        ),
    ],
)
def test_prefixed_databases_keep_prefix_for_every_endpoint(typed: str, prefix: str) -> None:
    ep = build_endpoints(typed)
    origin = typed.split(prefix)[0]
    assert ep.prefix == prefix
    assert ep.api_base == f"{origin}{prefix}/api/v1"
    assert ep.token_url == f"{origin}{prefix}/oauth/token"
    assert ep.probe_url.startswith(f"{origin}{prefix}/api/v1/DocTypes")


def test_token_url_and_probe_path_override() -> None:
    ep = build_endpoints("http://h:9000", token_url="/connect/token", probe_path="BaseInfo")
    assert ep.token_url == "http://h:9000/connect/token"
    assert ep.probe_url == "http://h:9000/api/v1/BaseInfo"
    ep = build_endpoints("http://h:9000", token_url="https://idp:443/t", probe_path="/$metadata")
    assert ep.token_url == "https://idp:443/t"
    assert ep.probe_url == "http://h:9000/api/v1/$metadata"


def test_unicode_host_names_are_accepted() -> None:
    assert build_endpoints("http://склад.пример.рф:9000").host == "склад.пример.рф:9000"


@pytest.mark.parametrize(
    ("typed", "says"),
    [
        ("", "enter the server address"),
        ("   ", "enter the server address"),
        ("http://my host:9000", "spaces"),
        ("javascript:alert(1)", "http:// or https://"),
        ("file:///etc/passwd", "http:// or https://"),
        ("ftp://host", "http:// or https://"),
        ("http://host:70000", "port"),
        ("http://host:0", "port"),
        ("http://host:abc", "port"),
        ("http://:9000", "no host"),
        ("http://admin:secret@host:9000", "login or password"),
        ("http://host:9000/?x=1", "? or #"),
        ("http://" + "a" * 10_000, "too long"),
        ("http://ho$t:9000", "not a valid host"),
    ],
)
def test_bad_server_urls_say_what_is_wrong(typed: str, says: str) -> None:
    with pytest.raises(InvalidInput) as caught:
        build_endpoints(typed)
    assert says in str(caught.value)
    assert caught.value.exit_code == 2
    assert "secret" not in str(caught.value)


def test_bad_token_url_is_named() -> None:
    with pytest.raises(InvalidInput, match="Token URL"):
        build_endpoints("http://h:9000", token_url="oauth/token")
