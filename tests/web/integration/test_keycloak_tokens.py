"""Sign-in against a real Keycloak: the authorization code flow with PKCE over HTTP (its
login form posted as a browser would), and the access token it issues taken by a real
service (matching, in-process) configured with the realm as its issuer and JWKS.

The service checks Keycloak's RS256 signature against the realm's JWKS, the issuer, the
``tandem`` audience (the realm's audience mapper) and reads the grants from the
``tandem_roles`` claim (the user attribute mapper). Tokens from elsewhere, altered or
expired are 401; Keycloak itself refuses a wrong PKCE verifier and a request without PKCE.
"""

from __future__ import annotations

import asyncio
import base64
import hashlib
import json
import secrets
import time
from collections.abc import AsyncIterator
from dataclasses import dataclass
from pathlib import Path
from typing import Any
from urllib.parse import urlencode

import httpx2
import jwt
import pytest
from cryptography.hazmat.primitives.asymmetric import rsa

from tandem_kit.testing import assert_problem
from tests.matching.integration.helpers import Api, programme_body, running_app, settings_for
from tests.support.keycloak import (  # noqa: F401 (fixtures)
    CLIENT_ID,
    CLIENT_SECRET,
    Keycloak,
    User,
    keycloak_fixture,
    keycloak_server_fixture,
)

# Any port on loopback: Keycloak matches loopback redirect URIs whatever their port
# (RFC 8252 §7.3), and the realm allows http://127.0.0.1/*.
REDIRECT_URI = "http://127.0.0.1:8765/oidc/callback"
ADA = User("ada", "ada-local-password")  # the realm file's admin


@dataclass(frozen=True)
class Authorization:
    url: str
    state: str
    nonce: str
    verifier: str


def authorization(keycloak: Keycloak, client_id: str = CLIENT_ID, **extra: str) -> Authorization:
    """An authorization request with state, nonce and a PKCE S256 challenge."""
    state, nonce, verifier = (secrets.token_urlsafe(32) for _ in range(3))
    challenge = base64.urlsafe_b64encode(hashlib.sha256(verifier.encode()).digest())
    query = {
        "response_type": "code",
        "client_id": client_id,
        "redirect_uri": REDIRECT_URI,
        "scope": "openid",
        "state": state,
        "nonce": nonce,
        "code_challenge": challenge.rstrip(b"=").decode(),
        "code_challenge_method": "S256",
        **extra,
    }
    query = {key: value for key, value in query.items() if value}
    return Authorization(
        f"{keycloak.authorization_endpoint}?{urlencode(query)}", state, nonce, verifier
    )


async def exchange(
    keycloak: Keycloak,
    code: str,
    verifier: str,
    client: tuple[str, str] = (CLIENT_ID, CLIENT_SECRET),
) -> httpx2.Response:
    async with httpx2.AsyncClient() as http:
        return await http.post(
            keycloak.token_endpoint,
            data={
                "grant_type": "authorization_code",
                "code": code,
                "redirect_uri": REDIRECT_URI,
                "code_verifier": verifier,
            },
            auth=client,
        )


async def sign_in(
    keycloak: Keycloak, user: User, client: tuple[str, str] = (CLIENT_ID, CLIENT_SECRET)
) -> dict[str, Any]:
    """The whole flow: the tokens Keycloak issues to the client for ``user``."""
    request = authorization(keycloak, client[0])
    redirect = await keycloak.sign_in(request.url, user)
    assert redirect["state"] == request.state
    assert redirect["iss"] == keycloak.issuer  # RFC 9207: the response names its issuer
    response = await exchange(keycloak, redirect["code"], request.verifier, client)
    assert response.status_code == 200, response.text
    tokens: dict[str, Any] = response.json()
    id_claims = jwt.decode(tokens["id_token"], options={"verify_signature": False})
    assert id_claims["nonce"] == request.nonce
    return tokens


def bearer(tokens: dict[str, Any]) -> dict[str, str]:
    return {"Authorization": f"Bearer {tokens['access_token']}"}


@pytest.fixture
async def matching(keycloak: Keycloak, tmp_path: Path) -> AsyncIterator[Api]:
    """Matching verifying Keycloak's tokens: the realm as issuer, its JWKS, no leeway
    (Keycloak runs on this machine's clock)."""
    auth = {
        "issuer": keycloak.issuer,
        "audience": "tandem",
        "jwks_url": keycloak.jwks_url,
        "leeway_seconds": 0,
    }
    settings = settings_for(
        f"sqlite+aiosqlite:///{tmp_path / 'matching.db'}",
        str(tmp_path / "unused-local-key.pem"),
        auth=auth,
        match_runs_enabled=False,
    )
    async with running_app(settings) as api:
        yield api


async def test_signed_in_users_act_with_the_grants_keycloak_puts_in_their_token(
    keycloak: Keycloak, matching: Api
) -> None:
    admin = bearer(await sign_in(keycloak, ADA))
    organisation = await matching.call("POST", "/v1/organisations", admin, 201, json={"name": "O"})
    programme = await matching.call(
        "POST", "/v1/programmes", admin, 201, json=programme_body(organisation["id"])
    )
    pid = programme["id"]
    manager_user = await keycloak.create_user([f"manager:{pid}"])
    manager_tokens = await sign_in(keycloak, manager_user)
    claims = jwt.decode(manager_tokens["access_token"], options={"verify_signature": False})
    assert claims["tandem_roles"] == [f"manager:{pid}"]
    assert claims["aud"] == "tandem"
    assert claims["sub"] == manager_user.id
    manager = bearer(manager_tokens)

    assert (await matching.call("GET", f"/v1/programmes/{pid}", manager))["id"] == pid
    forbidden = await matching.client.post("/v1/organisations", headers=manager, json={"name": "X"})
    assert_problem(forbidden, 403, "forbidden")
    # A mentee of another programme: the programme is unknown to her.
    outsider = bearer(await sign_in(keycloak, await keycloak.create_user(["mentee:other"])))
    assert_problem(await matching.client.get(f"/v1/programmes/{pid}", headers=outsider), 404)


async def test_tokens_keycloak_did_not_issue_for_the_realm_are_rejected(
    keycloak: Keycloak, matching: Api
) -> None:
    tokens = await sign_in(keycloak, await keycloak.create_user(["mentee:p-1"]))
    good = tokens["access_token"]
    assert (
        await matching.client.get("/v1/organisations", headers=bearer(tokens))
    ).status_code == 403

    # A real Keycloak token from another realm (master): other issuer, other keys.
    other_realm = await keycloak.admin_token()
    # The realm's token with the claims changed (made an admin): the signature no longer fits.
    header, payload, signature = good.split(".")
    claims = json.loads(base64.urlsafe_b64decode(payload + "=" * (-len(payload) % 4)))
    claims["tandem_roles"] = ["admin"]
    altered = base64.urlsafe_b64encode(json.dumps(claims).encode()).rstrip(b"=").decode()
    tampered = f"{header}.{altered}.{signature}"
    # The same claims signed by someone else's key under the realm's key id.
    kid = jwt.get_unverified_header(good)["kid"]
    stranger = rsa.generate_private_key(public_exponent=65537, key_size=2048)
    forged = jwt.encode(claims, stranger, algorithm="RS256", headers={"kid": kid})

    for token in (other_realm, tampered, forged):
        response = await matching.client.get(
            "/v1/organisations", headers={"Authorization": f"Bearer {token}"}
        )
        assert_problem(response, 401, "invalid_token")


async def test_an_expired_keycloak_token_is_rejected(keycloak: Keycloak, matching: Api) -> None:
    # A client whose access tokens live 4 s (the realm's live 5 min).
    client = (f"short-lived-{secrets.token_hex(4)}", secrets.token_urlsafe(16))
    await keycloak.create_client(*client, **{"access.token.lifespan": "4"})
    tokens = await sign_in(keycloak, await keycloak.create_user(["admin"]), client)
    assert (
        await matching.client.get("/v1/organisations", headers=bearer(tokens))
    ).status_code == 200
    expires = jwt.decode(tokens["access_token"], options={"verify_signature": False})["exp"]
    await asyncio.sleep(max(0.0, expires + 1 - time.time()))
    response = await matching.client.get("/v1/organisations", headers=bearer(tokens))
    assert_problem(response, 401, "invalid_token")
    assert "expired" in response.headers["www-authenticate"]


async def test_keycloak_requires_pkce_s256_and_the_matching_verifier(keycloak: Keycloak) -> None:
    user = await keycloak.create_user(["mentee:p-1"])
    request = authorization(keycloak)
    redirect = await keycloak.sign_in(request.url, user)
    wrong = await exchange(keycloak, redirect["code"], secrets.token_urlsafe(32))
    assert wrong.status_code == 400
    assert wrong.json()["error"] == "invalid_grant"

    # Without a challenge, or with the plain method, no code is issued at all.
    for extra in (
        {"code_challenge": "", "code_challenge_method": ""},
        {"code_challenge_method": "plain"},
    ):
        refused = await keycloak.sign_in(authorization(keycloak, **extra).url, user)
        assert refused.get("error") == "invalid_request", refused
        assert "code" not in refused
