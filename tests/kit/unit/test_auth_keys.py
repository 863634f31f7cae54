"""The local signing key: creation, permissions, races, kid thumbprints, replacement."""

from __future__ import annotations

import os
import stat
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path

import pytest
from cryptography.hazmat.primitives import serialization
from cryptography.hazmat.primitives.asymmetric import ec, rsa
from jwt.algorithms import RSAAlgorithm

from tandem_kit.auth import AuthError, TokenVerifier, ensure_local_key, mint_token, public_jwk
from tandem_kit.auth.keys import jwk_thumbprint, load_private_key
from tandem_kit.settings import AuthSettings

# RFC 7638 §3.1: the example key and its SHA-256 thumbprint.
RFC7638_N = (
    "0vx7agoebGcQSuuPiLJXZptN9nndrQmbXEps2aiAFbWhM78LhWx4cbbfAAtVT86zwu1RK7aPFFxuhDR1L6tSoc_BJECP"
    "ebWKRXjBZCiFV4n3oknjhMstn64tZ_2W-5JsGY4Hc5n9yBXArwl93lqt7_RN5w6Cf0h4QyQ5v-65YGjQR0_FDW2QvzqY3"
    "68QQMicAtaSqzs8KJZgnYb9c7d0zgdAZHzu6qMQvRL5hajrn1n91CbOpbISD08qNLyrdkt-bFTWhAI4vMQFh6WeZu0fM4"
    "lFd2NcRwr3XPksINHaQ-G_xBniIqbw0Ls1jF44-csFCur-kEgU8awapJzKnqDKgw"
)
RFC7638_THUMBPRINT = "NzbLsXh8uDCcd-6MNwXF4W_7noWXFZAfHkxZsRGC9Xs"


def test_thumbprint_matches_rfc7638_example() -> None:
    public = RSAAlgorithm.from_jwk({"kty": "RSA", "n": RFC7638_N, "e": "AQAB"})
    assert isinstance(public, rsa.RSAPublicKey)
    assert jwk_thumbprint(public) == RFC7638_THUMBPRINT


def test_key_is_created_private_and_reused(tmp_path: Path) -> None:
    path = tmp_path / "nested" / "keys" / "signing.pem"
    key = ensure_local_key(path)
    assert stat.S_IMODE(path.stat().st_mode) == 0o600
    assert stat.S_IMODE(path.parent.stat().st_mode) == 0o700
    assert key.key_size >= 2048
    again = ensure_local_key(path)
    assert again.private_numbers() == key.private_numbers()
    assert sorted(os.listdir(path.parent)) == ["signing.pem"]  # no temporary files left


def test_racing_creators_agree_on_one_key(tmp_path: Path) -> None:
    path = tmp_path / "signing.pem"
    with ThreadPoolExecutor(max_workers=4) as pool:
        keys = list(pool.map(lambda _: ensure_local_key(path), range(4)))
    assert len({jwk_thumbprint(key.public_key()) for key in keys}) == 1
    assert os.listdir(tmp_path) == ["signing.pem"]


def test_unsuitable_key_files_are_refused(tmp_path: Path) -> None:
    no = serialization.NoEncryption()
    fmt = serialization.PrivateFormat.PKCS8
    ec_path = tmp_path / "ec.pem"
    ec_key = ec.generate_private_key(ec.SECP256R1())
    ec_path.write_bytes(ec_key.private_bytes(serialization.Encoding.PEM, fmt, no))
    with pytest.raises(ValueError, match="RSA"):
        load_private_key(ec_path)
    small_path = tmp_path / "small.pem"
    small = rsa.generate_private_key(public_exponent=65537, key_size=1024)  # noqa: S505 - the weak key under test
    small_path.write_bytes(small.private_bytes(serialization.Encoding.PEM, fmt, no))
    with pytest.raises(ValueError, match="2048"):
        load_private_key(small_path)


def test_public_jwk_has_no_private_material(tmp_path: Path) -> None:
    jwk = public_jwk(ensure_local_key(tmp_path / "k.pem"))
    assert set(jwk) == {"kty", "n", "e", "kid", "use", "alg"}
    assert (jwk["use"], jwk["alg"]) == ("sig", "RS256")


async def test_unreadable_local_key_is_unavailable_not_invalid(tmp_path: Path) -> None:
    path = tmp_path / "garbage.pem"
    path.write_text("not a key")
    settings = AuthSettings(local_key_path=str(path))
    good = mint_token(AuthSettings(local_key_path=str(tmp_path / "real.pem")), "alice")
    with pytest.raises(AuthError) as caught:
        await TokenVerifier(settings).verify(good)
    assert (caught.value.status_code, caught.value.code) == (503, "auth_unavailable")


async def test_replaced_local_key_is_picked_up(tmp_path: Path) -> None:
    """After deleting the key and minting again, old tokens fail and new ones pass."""
    settings = AuthSettings(local_key_path=str(tmp_path / "signing.pem"))
    verifier = TokenVerifier(settings)
    old_token = mint_token(settings, "alice")
    assert (await verifier.verify(old_token)).subject == "alice"
    (tmp_path / "signing.pem").unlink()
    new_token = mint_token(settings, "bob")  # creates a new key pair
    assert (await verifier.verify(new_token)).subject == "bob"
    with pytest.raises(AuthError) as caught:
        await verifier.verify(old_token)
    assert caught.value.reason == "unknown_key"


async def test_verifier_creates_the_key_at_warm_up(tmp_path: Path) -> None:
    settings = AuthSettings(local_key_path=str(tmp_path / "k" / "signing.pem"))
    async with TokenVerifier(settings) as verifier:
        await verifier.warm_up()
    assert (tmp_path / "k" / "signing.pem").exists()
    # A token minted afterwards (by tandem-token) is signed with that same key.
    assert (await TokenVerifier(settings).verify(mint_token(settings, "c"))).subject == "c"
