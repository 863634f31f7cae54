"""Bearer-token verification: a JWT in, a :class:`Principal` out, or an :class:`AuthError`.

Checks, in order (RFC 8725 "JWT best current practices"):

1. size (at most 8 KiB) and shape; the header is read *unverified* only to pick a key;
2. ``alg`` must be in ``AuthSettings.algorithms`` — ``none``, ``HS256`` … are rejected
   before any key is touched, so a token "signed" with the public key as an HMAC
   secret (the RS256/HS256 key-confusion attack) never reaches a verifier;
3. ``typ``, if present, must be ``JWT`` or ``at+jwt`` (no ID/logout/DPoP tokens);
4. the key is found by ``kid`` (local key or JWKS); its own algorithm and key type
   must equal the header's — the key, not the token, decides how it is used;
5. signature, then ``exp`` (required), ``nbf``/``iat`` (if present) with
   ``leeway_seconds``, ``iss`` and ``aud`` (required, exact), ``sub`` (required);
6. the ``tandem_roles`` claim (see :mod:`tandem_kit.auth.principal`).

Every rejection is an :class:`AuthError` with ``code="invalid_token"`` (401) and a
finer ``reason``; a key source that cannot be reached gives ``auth_unavailable`` (503).
"""

from __future__ import annotations

import logging
import time
from collections.abc import Callable, Mapping
from types import TracebackType
from typing import Any

import httpx2
import jwt
from fastapi import HTTPException

from tandem_kit.auth.keys import (
    JwksKeySource,
    KeySource,
    KeyUnavailableError,
    LocalKeySource,
    UnknownKeyError,
)
from tandem_kit.auth.principal import Principal
from tandem_kit.settings import AuthSettings

logger = logging.getLogger(__name__)

MAX_TOKEN_LENGTH = 8192
_ACCEPTED_TYP = frozenset({"jwt", "at+jwt", "application/at+jwt"})
_KEY_TYPE_OF_ALG = {"RS256": "RSA", "ES256": "EC"}


class AuthError(HTTPException):
    """An authentication (401), authorisation (403) or key-availability (503) failure.

    ``code`` is the stable machine code for the problem body (``missing_token``,
    ``invalid_token``, ``forbidden``, ``auth_unavailable``); ``reason`` refines
    ``invalid_token`` (``expired``, ``audience``, ``issuer``, ``algorithm`` …) for
    logs and tests; ``detail`` is a short human sentence.
    """

    def __init__(
        self,
        status_code: int,
        code: str,
        detail: str,
        *,
        reason: str | None = None,
        headers: Mapping[str, str] | None = None,
    ) -> None:
        super().__init__(status_code=status_code, detail=detail, headers=headers)
        self.code = code
        self.reason = reason

    @classmethod
    def missing_token(cls) -> AuthError:
        # RFC 6750 §3.1: no error code when the request carried no credentials.
        return cls(
            401,
            "missing_token",
            "Authentication required: send a bearer token.",
            headers={"WWW-Authenticate": "Bearer"},
        )

    @classmethod
    def invalid_token(cls, reason: str, description: str) -> AuthError:
        # `description` is a fixed ASCII phrase without quotes or backslashes.
        challenge = f'Bearer error="invalid_token", error_description="{description}"'
        return cls(
            401,
            "invalid_token",
            f"Invalid bearer token: {description}.",
            reason=reason,
            headers={"WWW-Authenticate": challenge},
        )

    @classmethod
    def forbidden(cls, detail: str = "You do not have the role this action needs.") -> AuthError:
        return cls(403, "forbidden", detail)

    @classmethod
    def unavailable(cls) -> AuthError:
        return cls(
            503,
            "auth_unavailable",
            "Token signing keys are unavailable; try again shortly.",
            headers={"Retry-After": "5"},
        )


_DATE_CLAIMS = ("exp", "nbf", "iat")


def _rejection(exc: jwt.PyJWTError) -> AuthError:
    """Map a PyJWT failure to a stable reason (subclasses before their bases)."""
    if isinstance(exc, jwt.ExpiredSignatureError):
        return AuthError.invalid_token("expired", "token has expired")
    if isinstance(exc, jwt.ImmatureSignatureError):
        return AuthError.invalid_token("not_yet_valid", "token is not yet valid")
    if isinstance(exc, jwt.InvalidAudienceError):
        return AuthError.invalid_token("audience", "token audience is not accepted")
    if isinstance(exc, jwt.InvalidIssuerError):
        return AuthError.invalid_token("issuer", "token issuer is not accepted")
    if isinstance(exc, jwt.InvalidSignatureError):
        return AuthError.invalid_token("signature", "token signature is invalid")
    if isinstance(exc, jwt.MissingRequiredClaimError):
        return AuthError.invalid_token("missing_claim", f"token lacks the {exc.claim} claim")
    if isinstance(exc, jwt.InvalidAlgorithmError):
        return AuthError.invalid_token("algorithm", "token algorithm is not allowed")
    if isinstance(exc, jwt.DecodeError):
        return AuthError.invalid_token("malformed", "token is malformed")
    return AuthError.invalid_token("claims", "token claims are invalid")


class TokenVerifier:
    """Verifies bearer JWTs against :class:`AuthSettings`; one per application.

    Uses the JWKS URL when ``settings.jwks_url`` is set, else the local key file.
    Call :meth:`aclose` (or use ``async with``) at shutdown to close the HTTP client.
    """

    def __init__(
        self,
        settings: AuthSettings,
        *,
        http_client: httpx2.AsyncClient | None = None,
        clock: Callable[[], float] = time.monotonic,
        key_source: KeySource | None = None,
    ) -> None:
        self.settings = settings
        if key_source is not None:
            self.keys: KeySource = key_source
        elif settings.jwks_url:
            self.keys = JwksKeySource(settings, http_client=http_client, clock=clock)
        else:
            self.keys = LocalKeySource(settings.local_key_path)

    async def verify(self, token: str) -> Principal:
        """The principal of a valid ``token``; :class:`AuthError` otherwise."""
        try:
            return await self._verify(token)
        except AuthError as exc:
            logger.debug("bearer token rejected: %s", exc.reason or exc.code)
            raise

    async def _verify(self, token: str) -> Principal:
        if len(token) > MAX_TOKEN_LENGTH:
            raise AuthError.invalid_token("too_long", "token is too long")
        try:
            header = jwt.get_unverified_header(token)
        except jwt.PyJWTError:
            raise AuthError.invalid_token("malformed", "token is malformed") from None
        alg = header.get("alg")
        if alg not in self.settings.algorithms:
            raise AuthError.invalid_token("algorithm", "token algorithm is not allowed")
        typ = header.get("typ")
        if typ is not None and (not isinstance(typ, str) or typ.lower() not in _ACCEPTED_TYP):
            raise AuthError.invalid_token("type", "token type is not accepted")
        kid = header.get("kid")
        try:
            key = await self.keys.get(kid)
        except UnknownKeyError:
            raise AuthError.invalid_token("unknown_key", "token signing key is unknown") from None
        except KeyUnavailableError as exc:
            logger.warning("cannot verify bearer tokens: %s", exc)
            raise AuthError.unavailable() from None
        if key.algorithm_name != alg or key.key_type != _KEY_TYPE_OF_ALG[alg]:
            raise AuthError.invalid_token("algorithm", "token algorithm does not match its key")
        try:
            claims: dict[str, Any] = jwt.decode(
                token,
                key,
                algorithms=[alg],
                audience=self.settings.audience,
                issuer=self.settings.issuer,
                leeway=self.settings.leeway_seconds,
                options={"require": ["exp", "iss", "aud", "sub"], "verify_signature": True},
            )
        except jwt.PyJWTError as exc:
            raise _rejection(exc) from None
        for name in _DATE_CLAIMS:
            # RFC 7519 §2: a NumericDate is a JSON number. PyJWT would take "9999999999"
            # (a string) as a date, and a bool is an int to Python.
            value = claims.get(name)
            if value is not None and (
                isinstance(value, bool) or not isinstance(value, int | float)
            ):
                raise AuthError.invalid_token("claims", f"token claim {name} is not a number")
        try:
            return Principal.from_claims(claims)
        except ValueError:
            raise AuthError.invalid_token("claims", "token claims are invalid") from None

    async def warm_up(self) -> None:
        """Load the keys now (at start-up) instead of at the first request."""
        await self.keys.warm_up()

    async def aclose(self) -> None:
        await self.keys.aclose()

    async def __aenter__(self) -> TokenVerifier:
        return self

    async def __aexit__(
        self,
        exc_type: type[BaseException] | None,
        exc: BaseException | None,
        tb: TracebackType | None,
    ) -> None:
        await self.aclose()
