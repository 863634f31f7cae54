"""TokenVerifier with the embedded local key: what passes and what is rejected, and why."""

from __future__ import annotations

import base64
import hashlib
import hmac
import json
import time
from pathlib import Path
from typing import Any

import jwt
import pytest
from cryptography.hazmat.primitives import serialization
from cryptography.hazmat.primitives.asymmetric import ec, rsa

from tandem_kit.auth import AuthError, Principal, TokenVerifier, ensure_local_key, mint_token
from tandem_kit.auth.keys import jwk_thumbprint
from tandem_kit.settings import AuthSettings


def b64url(data: bytes) -> str:
    return base64.urlsafe_b64encode(data).rstrip(b"=").decode("ascii")


def craft(header: dict[str, Any], claims: dict[str, Any], secret: bytes | None) -> str:
    """A token assembled by hand: HMAC-SHA256 with ``secret``, or no signature at all."""
    signing_input = f"{b64url(json.dumps(header).encode())}.{b64url(json.dumps(claims).encode())}"
    if secret is None:
        return signing_input + "."
    mac = hmac.new(secret, signing_input.encode("ascii"), hashlib.sha256).digest()
    return f"{signing_input}.{b64url(mac)}"


@pytest.fixture(scope="module")
def key_path(tmp_path_factory: pytest.TempPathFactory) -> Path:
    path = tmp_path_factory.mktemp("keys") / "signing.pem"
    ensure_local_key(path)
    return path


@pytest.fixture(scope="module")
def private_key(key_path: Path) -> rsa.RSAPrivateKey:
    return ensure_local_key(key_path)


@pytest.fixture
def settings(key_path: Path) -> AuthSettings:
    return AuthSettings(issuer="tandem-test", audience="tandem", local_key_path=str(key_path))


@pytest.fixture
def verifier(settings: AuthSettings) -> TokenVerifier:
    return TokenVerifier(settings)


def good_claims(**overrides: Any) -> dict[str, Any]:
    now = int(time.time())
    claims: dict[str, Any] = {
        "iss": "tandem-test",
        "aud": "tandem",
        "sub": "alice",
        "iat": now,
        "exp": now + 600,
        "tandem_roles": ["mentor:p1"],
    }
    claims.update(overrides)
    return {key: value for key, value in claims.items() if value is not None}


def sign(private_key: Any, claims: dict[str, Any], *, alg: str = "RS256", **header: Any) -> str:
    if "kid" not in header and isinstance(private_key, rsa.RSAPrivateKey):
        header["kid"] = jwk_thumbprint(private_key.public_key())
    return jwt.encode(claims, private_key, algorithm=alg, headers=header or None)


async def rejected(verifier: TokenVerifier, token: str) -> AuthError:
    with pytest.raises(AuthError) as caught:
        await verifier.verify(token)
    error = caught.value
    assert error.status_code == 401
    assert error.code == "invalid_token"
    assert error.headers is not None
    assert error.headers["WWW-Authenticate"].startswith('Bearer error="invalid_token"')
    return error


async def test_valid_token_gives_principal_with_roles(
    verifier: TokenVerifier, settings: AuthSettings
) -> None:
    token = mint_token(
        settings, "alice", admin=True, manager=["p1", "p2"], mentor=["p3"], mentee=["p4"]
    )
    principal = await verifier.verify(token)
    assert principal == Principal(
        subject="alice",
        roles=frozenset({"admin", "manager:p1", "manager:p2", "mentor:p3", "mentee:p4"}),
    )
    assert principal.is_admin
    assert principal.manages("p1")
    assert principal.manages("p2")
    assert not principal.manages("p3")
    assert principal.roles_in("p3") == {"mentor"}
    assert principal.has_role("mentee", "p4")


async def test_token_without_roles_is_a_plain_subject(
    verifier: TokenVerifier, private_key: rsa.RSAPrivateKey
) -> None:
    principal = await verifier.verify(sign(private_key, good_claims(tandem_roles=None)))
    assert principal.subject == "alice"
    assert principal.roles == frozenset()
    assert not principal.is_admin


async def test_audience_list_containing_ours_is_accepted(
    verifier: TokenVerifier, private_key: rsa.RSAPrivateKey
) -> None:
    token = sign(private_key, good_claims(aud=["other-api", "tandem"]))
    assert (await verifier.verify(token)).subject == "alice"


async def test_expired_token_is_rejected(verifier: TokenVerifier, settings: AuthSettings) -> None:
    token = mint_token(settings, "alice", ttl=3600, now=time.time() - 3600 - 120)
    assert (await rejected(verifier, token)).reason == "expired"


async def test_expiry_within_leeway_is_tolerated(
    verifier: TokenVerifier, settings: AuthSettings
) -> None:
    # Expired 10 s ago; the default leeway (30 s) absorbs clock skew.
    token = mint_token(settings, "alice", ttl=3600, now=time.time() - 3600 - 10)
    assert (await verifier.verify(token)).subject == "alice"
    strict = TokenVerifier(settings.model_copy(update={"leeway_seconds": 0}))
    assert (await rejected(strict, token)).reason == "expired"


async def test_token_not_yet_valid_is_rejected(
    verifier: TokenVerifier, settings: AuthSettings
) -> None:
    token = mint_token(settings, "alice", now=time.time() + 600)
    assert (await rejected(verifier, token)).reason == "not_yet_valid"


async def test_wrong_audience_is_rejected(verifier: TokenVerifier, settings: AuthSettings) -> None:
    token = mint_token(settings.model_copy(update={"audience": "another-app"}), "alice")
    assert (await rejected(verifier, token)).reason == "audience"


async def test_wrong_issuer_is_rejected(verifier: TokenVerifier, settings: AuthSettings) -> None:
    token = mint_token(settings.model_copy(update={"issuer": "https://evil.example"}), "alice")
    assert (await rejected(verifier, token)).reason == "issuer"


@pytest.mark.parametrize(
    ("claim", "value"),
    [
        ("exp", "9999999999"),
        ("nbf", str(int(time.time()) - 60)),
        ("iat", str(int(time.time()))),
        ("iat", True),
        ("nbf", False),
    ],
)
async def test_a_date_claim_that_is_not_a_number_is_rejected(
    verifier: TokenVerifier, private_key: rsa.RSAPrivateKey, claim: str, value: object
) -> None:
    # Found by an attack: ``"exp": "9999999999"`` was accepted as a date far ahead. Each
    # value here is one PyJWT alone accepts (it converts strings and bools to numbers).
    error = await rejected(verifier, sign(private_key, good_claims(**{claim: value})))
    assert error.reason == "claims"
    assert f"{claim} is not a number" in error.detail


@pytest.mark.parametrize("claim", ["sub", "exp", "iss", "aud"])
async def test_missing_required_claim_is_rejected(
    verifier: TokenVerifier, private_key: rsa.RSAPrivateKey, claim: str
) -> None:
    token = sign(private_key, good_claims(**{claim: None}))
    error = await rejected(verifier, token)
    assert error.reason == "missing_claim"
    assert claim in error.detail


async def test_empty_or_non_string_subject_is_rejected(
    verifier: TokenVerifier, private_key: rsa.RSAPrivateKey
) -> None:
    assert (await rejected(verifier, sign(private_key, good_claims(sub="")))).reason == "claims"
    assert (await rejected(verifier, sign(private_key, good_claims(sub=42)))).reason == "claims"


@pytest.mark.parametrize(
    "public_format",
    [serialization.PublicFormat.SubjectPublicKeyInfo, serialization.PublicFormat.PKCS1],
)
async def test_hs256_signed_with_public_key_is_rejected(
    verifier: TokenVerifier,
    private_key: rsa.RSAPrivateKey,
    public_format: serialization.PublicFormat,
) -> None:
    """Key confusion: the attacker HMACs with the (public) PEM as secret and says HS256."""
    pem = private_key.public_key().public_bytes(serialization.Encoding.PEM, public_format)
    kid = jwk_thumbprint(private_key.public_key())
    claims = good_claims(tandem_roles=["admin"])
    token = craft({"alg": "HS256", "typ": "JWT", "kid": kid}, claims, pem)
    # The forgery is genuine: a verifier that trusted the header would accept it.
    head, body, signature = token.split(".")
    expected = hmac.new(pem, f"{head}.{body}".encode(), hashlib.sha256).digest()
    assert b64url(expected) == signature
    assert (await rejected(verifier, token)).reason == "algorithm"


@pytest.mark.parametrize("alg", ["none", "None", "NONE", ""])
async def test_unsigned_token_is_rejected(
    verifier: TokenVerifier, private_key: rsa.RSAPrivateKey, alg: str
) -> None:
    kid = jwk_thumbprint(private_key.public_key())
    token = craft({"alg": alg, "kid": kid}, good_claims(tandem_roles=["admin"]), None)
    assert (await rejected(verifier, token)).reason == "algorithm"


async def test_algorithm_outside_the_pinned_list_is_rejected(
    verifier: TokenVerifier, private_key: rsa.RSAPrivateKey
) -> None:
    # Same key, genuine signature, but RS384/PS256 are not pinned.
    for alg in ("RS384", "PS256"):
        token = sign(private_key, good_claims(), alg=alg)
        assert (await rejected(verifier, token)).reason == "algorithm"
    ec_key = ec.generate_private_key(ec.SECP256R1())
    token = sign(ec_key, good_claims(), alg="ES256", kid=jwk_thumbprint(private_key.public_key()))
    assert (await rejected(verifier, token)).reason == "algorithm"


async def test_tampered_payload_is_rejected(
    verifier: TokenVerifier, settings: AuthSettings
) -> None:
    head, _body, signature = mint_token(settings, "mallory", mentee=["p1"]).split(".")
    forged_body = b64url(json.dumps(good_claims(sub="mallory", tandem_roles=["admin"])).encode())
    assert (await rejected(verifier, f"{head}.{forged_body}.{signature}")).reason == "signature"


async def test_tampered_signature_is_rejected(
    verifier: TokenVerifier, settings: AuthSettings
) -> None:
    head, body, signature = mint_token(settings, "alice").split(".")
    raw = bytearray(base64.urlsafe_b64decode(signature + "=" * (-len(signature) % 4)))
    raw[len(raw) // 2] ^= 0x01
    assert (await rejected(verifier, f"{head}.{body}.{b64url(bytes(raw))}")).reason == "signature"


async def test_token_signed_by_another_key_is_rejected(
    verifier: TokenVerifier, private_key: rsa.RSAPrivateKey
) -> None:
    other = rsa.generate_private_key(public_exponent=65537, key_size=2048)
    # Claims our kid, signed with a different key.
    token = sign(other, good_claims(), kid=jwk_thumbprint(private_key.public_key()))
    assert (await rejected(verifier, token)).reason == "signature"
    # Its own kid is simply unknown.
    assert (await rejected(verifier, sign(other, good_claims()))).reason == "unknown_key"


@pytest.mark.parametrize("typ", ["dpop+jwt", "logout+jwt", "JWE"])
async def test_foreign_token_type_is_rejected(
    verifier: TokenVerifier, private_key: rsa.RSAPrivateKey, typ: str
) -> None:
    assert (await rejected(verifier, sign(private_key, good_claims(), typ=typ))).reason == "type"


async def test_access_token_type_is_accepted(
    verifier: TokenVerifier, private_key: rsa.RSAPrivateKey
) -> None:
    token = sign(private_key, good_claims(), typ="at+jwt")
    assert (await verifier.verify(token)).subject == "alice"


@pytest.mark.parametrize("token", ["", "abc", "a.b.c", "a.b", "e30.e30.e30"])
async def test_malformed_token_is_rejected(verifier: TokenVerifier, token: str) -> None:
    assert (await rejected(verifier, token)).reason in {"malformed", "algorithm"}


async def test_oversized_token_is_rejected_before_parsing(verifier: TokenVerifier) -> None:
    assert (await rejected(verifier, "a" * 9000)).reason == "too_long"


@pytest.mark.parametrize("roles", ["admin", {"admin": True}, ["admin", 1]])
async def test_malformed_roles_claim_is_rejected(
    verifier: TokenVerifier, private_key: rsa.RSAPrivateKey, roles: Any
) -> None:
    token = sign(private_key, good_claims(tandem_roles=roles))
    assert (await rejected(verifier, token)).reason == "claims"


async def test_error_description_is_a_valid_rfc6750_challenge(
    verifier: TokenVerifier, settings: AuthSettings
) -> None:
    error = await rejected(verifier, mint_token(settings, "a", now=time.time() - 7200))
    assert error.headers is not None
    challenge = error.headers["WWW-Authenticate"]
    assert challenge == 'Bearer error="invalid_token", error_description="token has expired"'
    # RFC 6750 §3: error_description uses %x20-21 / %x23-5B / %x5D-7E only.
    description = challenge.split('error_description="', 1)[1][:-1]
    assert all(0x20 <= ord(c) <= 0x7E and c not in '"\\' for c in description)
