"""Which public key verifies a token with this ``kid``? A :class:`jwt.PyJWK`, whose algorithm
is fixed by the key, never by the token. :class:`LocalKeySource`: the PEM key at
``local_key_path`` (created 0600 if missing; ``kid`` = RFC 7638 thumbprint; a replaced file is
picked up). :class:`JwksKeySource`: the provider's JWKS, cached ``jwks_cache_seconds``,
refetched on an unknown ``kid`` (rotation) at most once per ``jwks_min_refresh_seconds``, one
fetch shared by concurrent requests; the last good keys outlive a provider outage.
"""

from __future__ import annotations

import asyncio
import base64
import contextlib
import hashlib
import json
import logging
import os
import tempfile
import time
from collections.abc import Callable, Sequence
from pathlib import Path
from typing import Any

import httpx2
import jwt
from cryptography.hazmat.primitives import serialization
from cryptography.hazmat.primitives.asymmetric import rsa
from jwt.algorithms import RSAAlgorithm

from tandem_kit.settings import AuthSettings

logger = logging.getLogger(__name__)

MAX_JWKS_BYTES = 256 * 1024
_KEY_TYPES = {"RSA", "EC"}


class KeyUnavailableError(Exception):
    """No keys to check against: provider unreachable, bad document, unreadable key file."""


class UnknownKeyError(Exception):
    """The keys are known, and none has the token's ``kid``."""


def jwk_thumbprint(public_key: rsa.RSAPublicKey) -> str:
    """RFC 7638 SHA-256 thumbprint of an RSA public key, base64url without padding."""
    jwk = RSAAlgorithm.to_jwk(public_key, as_dict=True)
    members = {"e": jwk["e"], "kty": "RSA", "n": jwk["n"]}
    canonical = json.dumps(members, separators=(",", ":"), sort_keys=True)
    digest = hashlib.sha256(canonical.encode("ascii")).digest()
    return base64.urlsafe_b64encode(digest).rstrip(b"=").decode("ascii")


def public_jwk(key: rsa.RSAPrivateKey | rsa.RSAPublicKey, kid: str | None = None) -> dict[str, Any]:
    """The public JWK (``use: sig``, ``alg: RS256``) of an RSA key, as published in a JWKS."""
    public = key.public_key() if isinstance(key, rsa.RSAPrivateKey) else key
    jwk: dict[str, Any] = RSAAlgorithm.to_jwk(public, as_dict=True)
    jwk.pop("key_ops", None)  # RFC 7517 §4.3: "use" and "key_ops" should not both appear
    jwk.update(kid=kid or jwk_thumbprint(public), use="sig", alg="RS256")
    return jwk


_loaded: dict[Path, tuple[tuple[int, int, int], rsa.RSAPrivateKey]] = {}


def load_private_key(path: str | Path) -> rsa.RSAPrivateKey:
    """Load an RSA private key (≥ 2048 bits); cached until the file changes."""
    target = Path(path).resolve()
    signature = _file_signature(target)
    cached = _loaded.get(target)
    if cached is not None and cached[0] == signature:
        return cached[1]
    key = serialization.load_pem_private_key(target.read_bytes(), password=None)
    if not isinstance(key, rsa.RSAPrivateKey) or key.key_size < 2048:
        raise ValueError(f"{path} must hold an RSA private key of at least 2048 bits")
    if signature is not None:
        _loaded[target] = (signature, key)
    return key


def ensure_local_key(path: str | Path) -> rsa.RSAPrivateKey:
    """Load the RSA key at ``path``, creating it (0600, directory 0700) if missing: written
    to a temporary file, then hard-linked into place — atomic, never overwriting a key."""
    target = Path(path)
    if target.exists():
        return load_private_key(target)
    target.parent.mkdir(mode=0o700, parents=True, exist_ok=True)
    fd, tmp = tempfile.mkstemp(dir=target.parent, prefix=".tmp-key-")  # mode 0600
    try:
        key = rsa.generate_private_key(public_exponent=65537, key_size=2048)
        pkcs8, no = serialization.PrivateFormat.PKCS8, serialization.NoEncryption()
        with os.fdopen(fd, "wb") as handle:
            handle.write(key.private_bytes(serialization.Encoding.PEM, pkcs8, no))
            os.fsync(handle.fileno())
        with contextlib.suppress(FileExistsError):  # another process won the race: use its key
            os.link(tmp, target)
    finally:
        os.unlink(tmp)
    return load_private_key(target)


def _file_signature(path: Path) -> tuple[int, int, int] | None:
    with contextlib.suppress(FileNotFoundError):
        stat = path.stat()
        return (stat.st_ino, stat.st_mtime_ns, stat.st_size)
    return None


class LocalKeySource:
    """The embedded default: one RSA key in a PEM file; the public half verifies."""

    def __init__(self, path: str | Path) -> None:
        self._path = Path(path)
        self._key: jwt.PyJWK | None = None
        self._signature: tuple[int, int, int] | None = None

    def _load(self) -> jwt.PyJWK:
        private = ensure_local_key(self._path)
        self._signature = _file_signature(self._path)
        self._key = jwt.PyJWK(public_jwk(private), algorithm="RS256")
        return self._key

    async def _file_changed(self) -> bool:
        return await asyncio.to_thread(_file_signature, self._path) != self._signature

    async def get(self, kid: str | None) -> jwt.PyJWK:
        key = self._key
        if key is None or (kid not in (None, key.key_id) and await self._file_changed()):
            try:
                key = await asyncio.to_thread(self._load)
            except (OSError, ValueError) as exc:
                raise KeyUnavailableError(f"local signing key unusable: {exc}") from exc
        if kid not in (None, key.key_id):
            raise UnknownKeyError(kid)
        return key

    async def warm_up(self) -> None:
        await self.get(None)

    async def aclose(self) -> None:
        pass


def parse_jwks(document: Any, algorithms: Sequence[str]) -> dict[str | None, jwt.PyJWK]:
    """Signature keys by ``kid``; skips non-sig, non-RSA/EC, unpinned-alg, private, bad keys."""
    if not isinstance(document, dict) or not isinstance(document.get("keys"), list):
        raise KeyUnavailableError("JWKS document has no 'keys' list")
    keys: dict[str | None, jwt.PyJWK] = {}
    for entry in document["keys"]:
        if not isinstance(entry, dict) or entry.get("kty") not in _KEY_TYPES or "d" in entry:
            continue
        kid, use, alg = entry.get("kid"), entry.get("use", "sig"), entry.get("alg", algorithms[0])
        if use != "sig" or alg not in algorithms or not isinstance(kid, str | None):
            continue
        try:
            keys[kid] = jwt.PyJWK(entry)
        except jwt.PyJWTError as exc:
            logger.warning("skipping unusable JWKS key %r: %s", kid, exc)
    return keys


class JwksKeySource:
    """Keys from the identity provider's JWKS URL, cached, refreshed on rotation."""

    def __init__(
        self,
        settings: AuthSettings,
        *,
        http_client: httpx2.AsyncClient | None = None,
        clock: Callable[[], float] = time.monotonic,
    ) -> None:
        self._url, self._settings, self._clock = str(settings.jwks_url), settings, clock
        self._ttl, self._min_refresh = (
            settings.jwks_cache_seconds,
            settings.jwks_min_refresh_seconds,
        )
        self._owns_client = http_client is None
        timeout = settings.jwks_timeout_seconds
        self._client = http_client or httpx2.AsyncClient(timeout=timeout, follow_redirects=False)
        self._lock = asyncio.Lock()
        self._keys: dict[str | None, jwt.PyJWK] | None = None
        self._fetched_at, self._last_ok = 0.0, False  # last successful fetch; last outcome
        self._attempted_at: float | None = None  # last attempt, successful or not
        self._completed = 0  # attempts finished; lets waiters reuse a fetch in flight

    def _lookup(self, kid: str | None) -> jwt.PyJWK | None:
        keys = self._keys or {}  # a key without kid (None) is used only if it is alone
        if kid is None:
            return next(iter(keys.values())) if len(keys) == 1 else None
        return keys.get(kid)

    async def get(self, kid: str | None) -> jwt.PyJWK:
        fresh = self._keys is not None and self._clock() - self._fetched_at < self._ttl
        if fresh and (key := self._lookup(kid)) is not None:
            return key
        await self.refresh()
        if (key := self._lookup(kid)) is not None:
            return key
        if self._keys is None or not self._last_ok:
            raise KeyUnavailableError("JWKS could not be fetched")
        raise UnknownKeyError(kid)

    async def warm_up(self) -> None:
        await self.refresh(force=True)
        if not self._last_ok:
            raise KeyUnavailableError(f"JWKS could not be fetched from {self._url}")

    async def refresh(self, *, force: bool = False) -> None:
        """Fetch the document unless another caller just did, or the rate limit forbids it."""
        generation = self._completed
        async with self._lock:
            if self._completed != generation and not force:
                return  # a fetch finished while we waited for the lock: use its result
            last = self._attempted_at
            if not force and last is not None and self._clock() - last < self._min_refresh:
                return  # rate limited: forged or rotated kids cannot hammer the provider
            self._attempted_at = self._clock()
            try:
                keys = parse_jwks(await self._download(), self._settings.algorithms)
            except asyncio.CancelledError:
                self._attempted_at = last  # the requester left: let a waiter fetch right away
                raise
            except (httpx2.HTTPError, ValueError, KeyUnavailableError) as exc:
                logger.warning("JWKS fetch from %s failed: %s", self._url, exc)
                keys = None  # keep serving the last good keys, if any
            self._completed += 1
            self._last_ok = keys is not None
            if keys is not None:
                self._keys, self._fetched_at = keys, self._clock()

    async def _download(self) -> Any:
        accept = {"Accept": "application/jwk-set+json, application/json"}
        async with self._client.stream("GET", self._url, headers=accept) as response:
            if response.status_code != 200:
                raise KeyUnavailableError(f"HTTP {response.status_code}")
            body = bytearray()
            async for chunk in response.aiter_bytes():
                body += chunk
                if len(body) > MAX_JWKS_BYTES:
                    raise KeyUnavailableError("JWKS document too large")
        return json.loads(body)

    async def aclose(self) -> None:
        if self._owns_client:
            await self._client.aclose()


KeySource = LocalKeySource | JwksKeySource
