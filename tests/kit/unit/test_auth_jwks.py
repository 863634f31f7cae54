"""JWKS key source against a real HTTP server on 127.0.0.1: caching, rotation, outages."""

from __future__ import annotations

import asyncio
import json
import threading
import time
from collections.abc import AsyncIterator, Iterator
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from typing import Any

import jwt
import pytest
from cryptography.hazmat.primitives.asymmetric import ec, rsa
from jwt.algorithms import ECAlgorithm

from tandem_kit.auth import AuthError, TokenVerifier, public_jwk
from tandem_kit.auth.keys import KeyUnavailableError
from tandem_kit.settings import AuthSettings


class JwksServer:
    """Serves ``document`` (or ``status``) at /jwks and counts the requests."""

    def __init__(self) -> None:
        self.document: Any = {"keys": []}
        self.status = 200
        self.hits = 0
        self.delay = 0.0
        server = self

        class Handler(BaseHTTPRequestHandler):
            def do_GET(self) -> None:
                server.hits += 1
                time.sleep(server.delay)
                body = json.dumps(server.document).encode()
                self.send_response(server.status if self.path == "/jwks" else 404)
                self.send_header("Content-Type", "application/json")
                self.send_header("Content-Length", str(len(body)))
                self.end_headers()
                self.wfile.write(body)

            def log_message(self, format: str, *args: Any) -> None:
                return None

        self.httpd = ThreadingHTTPServer(("127.0.0.1", 0), Handler)
        self.url = f"http://127.0.0.1:{self.httpd.server_address[1]}/jwks"
        self.thread = threading.Thread(
            target=self.httpd.serve_forever, kwargs={"poll_interval": 0.02}, daemon=True
        )

    def publish(self, *jwks: dict[str, Any]) -> None:
        self.document = {"keys": list(jwks)}


class FakeClock:
    def __init__(self) -> None:
        self.now = 1000.0

    def __call__(self) -> float:
        return self.now


@pytest.fixture
def server() -> Iterator[JwksServer]:
    server = JwksServer()
    server.thread.start()
    yield server
    server.httpd.shutdown()
    server.httpd.server_close()


@pytest.fixture(scope="module")
def rsa_keys() -> list[rsa.RSAPrivateKey]:
    return [rsa.generate_private_key(public_exponent=65537, key_size=2048) for _ in range(2)]


@pytest.fixture
def clock() -> FakeClock:
    return FakeClock()


@pytest.fixture
async def verifier(server: JwksServer, clock: FakeClock) -> AsyncIterator[TokenVerifier]:
    settings = AuthSettings(
        issuer="https://idp.test",
        audience="tandem",
        algorithms=["RS256", "ES256"],
        jwks_url=server.url,
        jwks_cache_seconds=600,
        jwks_min_refresh_seconds=30,
    )
    async with TokenVerifier(settings, clock=clock) as verifier:
        yield verifier


def token(key: Any, kid: str | None, *, alg: str = "RS256", sub: str = "alice") -> str:
    now = int(time.time())
    claims = {
        "iss": "https://idp.test",
        "aud": "tandem",
        "sub": sub,
        "iat": now,
        "exp": now + 300,
        "tandem_roles": ["manager:p1"],
    }
    return jwt.encode(claims, key, algorithm=alg, headers={"kid": kid} if kid else None)


async def invalid(verifier: TokenVerifier, raw: str) -> str | None:
    with pytest.raises(AuthError) as caught:
        await verifier.verify(raw)
    assert (caught.value.status_code, caught.value.code) == (401, "invalid_token")
    return caught.value.reason


async def test_token_whose_kid_is_published_verifies_and_keys_are_cached(
    server: JwksServer, verifier: TokenVerifier, rsa_keys: list[rsa.RSAPrivateKey]
) -> None:
    server.publish(public_jwk(rsa_keys[1], kid="other"), public_jwk(rsa_keys[0], kid="k1"))
    principal = await verifier.verify(token(rsa_keys[0], "k1"))
    assert principal.subject == "alice"
    assert principal.manages("p1")
    for _ in range(5):
        await verifier.verify(token(rsa_keys[1], "other", sub="bob"))
    assert server.hits == 1


async def test_rotation_fetches_the_new_kid_on_a_miss(
    server: JwksServer,
    verifier: TokenVerifier,
    clock: FakeClock,
    rsa_keys: list[rsa.RSAPrivateKey],
) -> None:
    server.publish(public_jwk(rsa_keys[0], kid="2025-01"))
    await verifier.verify(token(rsa_keys[0], "2025-01"))
    # The provider rotates: only the new key is published from now on.
    server.publish(public_jwk(rsa_keys[1], kid="2025-02"))
    clock.now += 31  # past the refresh rate limit, long before the cache expires
    assert (await verifier.verify(token(rsa_keys[1], "2025-02"))).subject == "alice"
    assert server.hits == 2
    # The retired key is gone, so its tokens are no longer accepted.
    clock.now += 31
    assert await invalid(verifier, token(rsa_keys[0], "2025-01")) == "unknown_key"


async def test_unknown_kids_cannot_hammer_the_provider(
    server: JwksServer,
    verifier: TokenVerifier,
    clock: FakeClock,
    rsa_keys: list[rsa.RSAPrivateKey],
) -> None:
    server.publish(public_jwk(rsa_keys[0], kid="k1"))
    await verifier.verify(token(rsa_keys[0], "k1"))
    for n in range(20):
        assert await invalid(verifier, token(rsa_keys[1], f"forged-{n}")) == "unknown_key"
    assert server.hits == 1  # the keys were fetched just now: misses are rate limited
    clock.now += 31
    assert await invalid(verifier, token(rsa_keys[1], "forged-again")) == "unknown_key"
    assert await invalid(verifier, token(rsa_keys[1], "forged-once-more")) == "unknown_key"
    assert server.hits == 2  # one refetch per interval, however many forged kids


async def test_concurrent_misses_share_one_fetch(
    server: JwksServer, rsa_keys: list[rsa.RSAPrivateKey]
) -> None:
    # No rate limit here, so only the single-flight lock can keep this to one fetch.
    settings = AuthSettings(
        issuer="https://idp.test", jwks_url=server.url, jwks_min_refresh_seconds=0
    )
    server.publish(public_jwk(rsa_keys[0], kid="k1"))
    server.delay = 0.2
    raw = token(rsa_keys[0], "k1")
    async with TokenVerifier(settings) as verifier:
        principals = await asyncio.gather(*(verifier.verify(raw) for _ in range(10)))
    assert {p.subject for p in principals} == {"alice"}
    assert server.hits == 1


async def test_cache_expiry_refetches(
    server: JwksServer,
    verifier: TokenVerifier,
    clock: FakeClock,
    rsa_keys: list[rsa.RSAPrivateKey],
) -> None:
    server.publish(public_jwk(rsa_keys[0], kid="k1"))
    await verifier.verify(token(rsa_keys[0], "k1"))
    clock.now += 601
    await verifier.verify(token(rsa_keys[0], "k1"))
    assert server.hits == 2


async def test_provider_down_at_start_is_503_not_401(
    server: JwksServer, verifier: TokenVerifier, rsa_keys: list[rsa.RSAPrivateKey]
) -> None:
    server.status = 500
    with pytest.raises(AuthError) as caught:
        await verifier.verify(token(rsa_keys[0], "k1"))
    assert (caught.value.status_code, caught.value.code) == (503, "auth_unavailable")
    with pytest.raises(KeyUnavailableError):
        await verifier.warm_up()  # at start-up: a plain error, for the lifespan to report


async def test_provider_outage_keeps_serving_last_good_keys(
    server: JwksServer,
    verifier: TokenVerifier,
    clock: FakeClock,
    rsa_keys: list[rsa.RSAPrivateKey],
) -> None:
    server.publish(public_jwk(rsa_keys[0], kid="k1"))
    await verifier.warm_up()
    server.status = 503
    clock.now += 601  # cache expired: a refetch is tried, fails, stale keys still verify
    assert (await verifier.verify(token(rsa_keys[0], "k1"))).subject == "alice"
    assert server.hits == 2
    # A kid we cannot check while the provider is down is "unavailable", not "invalid".
    with pytest.raises(AuthError) as caught:
        await verifier.verify(token(rsa_keys[1], "k2"))
    assert caught.value.status_code == 503


async def test_es256_key_from_jwks(server: JwksServer, verifier: TokenVerifier) -> None:
    ec_key = ec.generate_private_key(ec.SECP256R1())
    jwk = ECAlgorithm.to_jwk(ec_key.public_key(), as_dict=True) | {"kid": "ec1", "use": "sig"}
    server.publish(jwk)
    assert (await verifier.verify(token(ec_key, "ec1", alg="ES256"))).subject == "alice"


async def test_the_key_decides_the_algorithm_not_the_token(
    server: JwksServer, verifier: TokenVerifier, rsa_keys: list[rsa.RSAPrivateKey]
) -> None:
    ec_key = ec.generate_private_key(ec.SECP256R1())
    ec_jwk = ECAlgorithm.to_jwk(ec_key.public_key(), as_dict=True) | {"kid": "ec1"}
    server.publish(public_jwk(rsa_keys[0], kid="rsa1"), ec_jwk)
    # Both algorithms are pinned, but each key only verifies its own.
    assert await invalid(verifier, token(ec_key, "rsa1", alg="ES256")) == "algorithm"
    assert await invalid(verifier, token(rsa_keys[0], "ec1")) == "algorithm"


async def test_unusable_jwks_entries_are_ignored(
    server: JwksServer, verifier: TokenVerifier, rsa_keys: list[rsa.RSAPrivateKey]
) -> None:
    secret = "a-shared-secret-that-is-long-enough-for-hs256"
    server.publish(
        {"kty": "oct", "kid": "hmac", "k": "YS1zaGFyZWQtc2VjcmV0", "alg": "HS256"},
        public_jwk(rsa_keys[0], kid="enc") | {"use": "enc"},
        public_jwk(rsa_keys[1], kid="rs512") | {"alg": "RS512"},
        {"kty": "RSA", "kid": "broken", "n": "!!", "e": "AQAB"},
    )
    hs256 = jwt.encode({"sub": "x"}, secret, "HS256", {"kid": "hmac"})
    assert await invalid(verifier, hs256) == "algorithm"
    assert await invalid(verifier, token(rsa_keys[0], "enc")) == "unknown_key"
    assert await invalid(verifier, token(rsa_keys[1], "rs512")) == "unknown_key"


async def test_single_key_without_kid(
    server: JwksServer, verifier: TokenVerifier, rsa_keys: list[rsa.RSAPrivateKey]
) -> None:
    jwk = public_jwk(rsa_keys[0])
    del jwk["kid"]
    server.publish(jwk)
    assert (await verifier.verify(token(rsa_keys[0], None))).subject == "alice"


def test_plain_http_jwks_url_is_refused_off_loopback() -> None:
    with pytest.raises(ValueError, match="https"):
        AuthSettings(jwks_url="http://idp.example.org/jwks")
    assert AuthSettings(jwks_url="https://idp.example.org/jwks").jwks_url


async def test_a_cancelled_fetch_does_not_block_the_next_request(
    server: JwksServer, verifier: TokenVerifier, rsa_keys: list[rsa.RSAPrivateKey]
) -> None:
    """A client that disconnects mid-fetch must not leave the others without keys."""
    server.publish(public_jwk(rsa_keys[0], kid="k1"))
    server.delay = 0.3
    raw = token(rsa_keys[0], "k1")
    first = asyncio.create_task(verifier.verify(raw))
    await asyncio.sleep(0.1)
    waiting = asyncio.create_task(verifier.verify(raw))
    await asyncio.sleep(0.05)
    first.cancel()
    assert (await waiting).subject == "alice"
    with pytest.raises(asyncio.CancelledError):
        await first
