"""The web app's OIDC client (``tandem_web.adapters.oidc``) against a real Keycloak:
discovery, the authorization URL with state, nonce and PKCE S256, the code exchange and
ID-token checks, refresh, and RP-initiated logout — the browser played by
``tests.support.keycloak`` (its login form posted over HTTP)."""

from __future__ import annotations

import dataclasses
from collections.abc import AsyncIterator
from urllib.parse import parse_qs, urlsplit

import httpx2
import jwt
import pytest
from tandem_web.adapters.oidc import OidcClient, OidcError

from tests.support.keycloak import (  # noqa: F401 (fixtures)
    CLIENT_ID,
    CLIENT_SECRET,
    Keycloak,
    keycloak_fixture,
    keycloak_server_fixture,
)

CALLBACK = "http://127.0.0.1:8005/oidc/callback"


@pytest.fixture
async def oidc(keycloak: Keycloak) -> AsyncIterator[OidcClient]:
    client = OidcClient(keycloak.issuer, CLIENT_ID, CLIENT_SECRET)
    yield client
    await client.aclose()


async def test_sign_in_refresh_and_logout(keycloak: Keycloak, oidc: OidcClient) -> None:
    user = await keycloak.create_user(["mentor:p-1"])
    request = await oidc.authorization_request(CALLBACK, ui_locales="de")
    query = parse_qs(urlsplit(request.url).query)
    assert query["code_challenge_method"] == ["S256"]
    assert query["state"] == [request.state]
    assert query["nonce"] == [request.nonce]
    assert request.code_verifier not in request.url  # only its hash travels
    assert query["ui_locales"] == ["de"]

    tokens = await oidc.complete(request, await keycloak.sign_in(request.url, user))
    assert tokens.subject == user.id
    assert tokens.id_claims["tandem_roles"] == ["mentor:p-1"]
    access = jwt.decode(tokens.access_token, options={"verify_signature": False})
    assert access["aud"] == "tandem"
    assert access["tandem_roles"] == ["mentor:p-1"]
    assert tokens.refresh_token

    refreshed = await oidc.refresh(tokens.refresh_token)
    assert refreshed.access_token != tokens.access_token
    assert refreshed.subject == user.id
    assert refreshed.expires_at >= tokens.expires_at

    logout = await oidc.logout_url(refreshed.id_token, "http://127.0.0.1:8005/", state="bye")
    assert logout is not None
    async with httpx2.AsyncClient() as browser:
        response = await browser.get(logout)
    assert response.status_code == 302, response.text[:300]
    assert response.headers["location"].startswith("http://127.0.0.1:8005/?state=bye")
    # The provider's session is over: its refresh token is dead.
    with pytest.raises(OidcError) as refused:
        await oidc.refresh(refreshed.refresh_token or "")
    assert refused.value.reason == "refresh"


async def test_a_callback_that_is_not_this_sign_ins_is_refused(
    keycloak: Keycloak, oidc: OidcClient
) -> None:
    user = await keycloak.create_user(["mentee:p-1"])
    request = await oidc.authorization_request(CALLBACK)
    callback = await keycloak.sign_in(request.url, user)

    for bad, reason in (
        ({**callback, "state": "forged"}, "state"),
        ({**callback, "iss": "http://127.0.0.1:1/realms/other"}, "state"),
        ({"state": request.state, "error": "access_denied"}, "provider_error"),
    ):
        with pytest.raises(OidcError) as refused:
            await oidc.complete(request, bad)
        assert refused.value.reason == reason
    # Another sign-in's nonce (a replayed ID token): the ID token is refused. Keycloak has
    # spent the code with it, so the genuine callback is refused afterwards too.
    with pytest.raises(OidcError) as refused:
        await oidc.complete(dataclasses.replace(request, nonce="another"), callback)
    assert refused.value.reason == "id_token"
    with pytest.raises(OidcError) as refused:
        await oidc.complete(request, callback)
    assert refused.value.reason == "exchange"


async def test_a_wrong_verifier_gets_no_tokens(keycloak: Keycloak, oidc: OidcClient) -> None:
    user = await keycloak.create_user(["mentee:p-1"])
    request = await oidc.authorization_request(CALLBACK)
    callback = await keycloak.sign_in(request.url, user)
    with pytest.raises(OidcError) as refused:
        await oidc.complete(dataclasses.replace(request, code_verifier="x" * 64), callback)
    assert refused.value.reason == "exchange"


async def test_discovery_must_name_the_configured_issuer(keycloak: Keycloak) -> None:
    # The realm's document served under another issuer name (a trailing slash).
    client = OidcClient(keycloak.issuer + "/", CLIENT_ID, CLIENT_SECRET)
    try:
        with pytest.raises(OidcError) as refused:
            await client.authorization_request(CALLBACK)
        assert refused.value.reason == "discovery"
    finally:
        await client.aclose()
