"""The web app's OpenID Connect client: sign-in with the authorization code flow and PKCE
(S256) against the configured issuer, whose access tokens the services verify.

    oidc = OidcClient(issuer, client_id, client_secret)
    request = await oidc.authorization_request(redirect_uri)   # keep it in the session
    ...redirect the browser to request.url; on the callback:
    tokens = await oidc.complete(request, dict(callback.query_params))
    tokens = await oidc.refresh(tokens.refresh_token)          # before tokens.expires_at
    url = await oidc.logout_url(tokens.id_token, post_logout_redirect_uri)

Authlib (pinned) does the OAuth 2.0 part — authorization URL, PKCE challenge, code
exchange and refresh with client_secret_basic; PyJWT checks the ID token (OIDC Core
§3.1.3.7): its signature against the provider's JWKS, issuer, audience, expiry, then
azp, nonce and at_hash here. (Authlib's own ID-token claims class lives in its
deprecated ``authlib.jose``, so it is not used.) Discovery is checked as
OIDC Discovery §4.3 asks: the document must name the configured issuer.
"""

from __future__ import annotations

import asyncio
import base64
import hashlib
import secrets
import time
from collections.abc import Callable, Mapping
from dataclasses import dataclass
from typing import Any
from urllib.parse import urlencode

import httpx
import jwt
from authlib.integrations.httpx_client import AsyncOAuth2Client, OAuthError

# The ID token's signature algorithms accepted (never "none", never a MAC).
ALGORITHMS = ("RS256", "ES256")
JWKS_MIN_REFRESH_SECONDS = 30.0


class OidcError(Exception):
    """Sign-in failed; ``reason`` is stable (``state``, ``provider_error``, ``exchange``,
    ``id_token``, ``discovery``, ``refresh``), the message says what happened."""

    def __init__(self, reason: str, message: str) -> None:
        super().__init__(message)
        self.reason = reason


@dataclass(frozen=True)
class ProviderMetadata:
    issuer: str
    authorization_endpoint: str
    token_endpoint: str
    jwks_uri: str
    end_session_endpoint: str | None


@dataclass(frozen=True)
class AuthorizationRequest:
    """What the callback needs to finish one sign-in: kept server-side until then."""

    url: str
    state: str
    nonce: str
    code_verifier: str
    redirect_uri: str


@dataclass(frozen=True)
class TokenSet:
    """The provider's answer: the access token the services take, and its companions."""

    access_token: str
    expires_at: float
    id_token: str | None
    refresh_token: str | None
    subject: str
    id_claims: Mapping[str, Any]


class OidcClient:
    """One per application; ``aclose()`` at shutdown."""

    def __init__(
        self,
        issuer: str,
        client_id: str,
        client_secret: str | None,
        *,
        scope: str = "openid profile email",
        timeout_seconds: float = 10.0,
        clock: Callable[[], float] = time.time,
    ) -> None:
        self.issuer = issuer
        self.client_id = client_id
        self._clock = clock
        self._oauth = AsyncOAuth2Client(
            client_id=client_id,
            client_secret=client_secret,
            # A confidential client authenticates with HTTP Basic; a public one only
            # with its id (PKCE is what binds the code to this client then).
            token_endpoint_auth_method="client_secret_basic" if client_secret else "none",
            scope=scope,
            code_challenge_method="S256",
            timeout=timeout_seconds,
        )
        self._metadata: ProviderMetadata | None = None
        self._keys: dict[str | None, jwt.PyJWK] = {}
        self._keys_fetched = float("-inf")
        self._lock = asyncio.Lock()

    async def aclose(self) -> None:
        await self._oauth.aclose()

    async def __aenter__(self) -> OidcClient:
        return self

    async def __aexit__(self, *_exc: object) -> None:
        await self.aclose()

    async def metadata(self) -> ProviderMetadata:
        """The provider's discovery document, fetched once."""
        if self._metadata is None:
            document = await self._get_json(
                f"{self.issuer.rstrip('/')}/.well-known/openid-configuration"
            )
            if document.get("issuer") != self.issuer:
                raise OidcError("discovery", "the discovery document names another issuer")
            try:
                self._metadata = ProviderMetadata(
                    issuer=document["issuer"],
                    authorization_endpoint=document["authorization_endpoint"],
                    token_endpoint=document["token_endpoint"],
                    jwks_uri=document["jwks_uri"],
                    end_session_endpoint=document.get("end_session_endpoint"),
                )
            except KeyError as missing:
                raise OidcError("discovery", f"the discovery document lacks {missing}") from None
        return self._metadata

    async def authorization_request(self, redirect_uri: str, **extra: str) -> AuthorizationRequest:
        """A fresh request (new state, nonce and PKCE verifier); ``extra`` adds parameters
        such as ``ui_locales`` or ``login_hint``."""
        metadata = await self.metadata()
        state, nonce = secrets.token_urlsafe(32), secrets.token_urlsafe(32)
        verifier = secrets.token_urlsafe(64)  # 86 characters: RFC 7636 wants 43 to 128
        url, _ = self._oauth.create_authorization_url(
            metadata.authorization_endpoint,
            state=state,
            code_verifier=verifier,
            nonce=nonce,
            redirect_uri=redirect_uri,
            **extra,
        )
        return AuthorizationRequest(str(url), state, nonce, verifier, redirect_uri)

    async def complete(
        self, request: AuthorizationRequest, callback: Mapping[str, str]
    ) -> TokenSet:
        """Finish the sign-in from the callback's query parameters: check state (and
        ``iss``, RFC 9207), exchange the code with the verifier, validate the ID token."""
        metadata = await self.metadata()
        if not secrets.compare_digest(callback.get("state", "").encode(), request.state.encode()):
            raise OidcError("state", "the callback's state is not this sign-in's")
        if "iss" in callback and callback["iss"] != metadata.issuer:
            raise OidcError("state", "the callback comes from another issuer")
        if "error" in callback:
            raise OidcError("provider_error", f"the provider refused: {callback['error']}")
        code = callback.get("code")
        if not code:
            raise OidcError("state", "the callback carries no code")
        try:
            token = await self._oauth.fetch_token(
                metadata.token_endpoint,
                grant_type="authorization_code",
                code=code,
                code_verifier=request.code_verifier,
                redirect_uri=request.redirect_uri,
            )
        except (OAuthError, httpx.HTTPError) as exc:
            raise OidcError("exchange", f"the code exchange failed: {exc}") from None
        if not token.get("id_token"):
            raise OidcError("id_token", "the provider sent no ID token")
        return await self._token_set(token, nonce=request.nonce)

    async def refresh(self, refresh_token: str) -> TokenSet:
        """New tokens for a refresh token (a rotated refresh token replaces the old one)."""
        metadata = await self.metadata()
        try:
            token = await self._oauth.fetch_token(
                metadata.token_endpoint, grant_type="refresh_token", refresh_token=refresh_token
            )
        except (OAuthError, httpx.HTTPError) as exc:
            raise OidcError("refresh", f"the refresh failed: {exc}") from None
        return await self._token_set(token, nonce=None, refresh_token=refresh_token)

    async def logout_url(
        self, id_token: str | None, post_logout_redirect_uri: str, state: str | None = None
    ) -> str | None:
        """The provider's RP-initiated logout URL (OIDC RP-Initiated Logout 1.0), or None
        when the provider has no end-session endpoint."""
        endpoint = (await self.metadata()).end_session_endpoint
        if endpoint is None:
            return None
        query = {"client_id": self.client_id, "post_logout_redirect_uri": post_logout_redirect_uri}
        if id_token:
            query["id_token_hint"] = id_token
        if state:
            query["state"] = state
        return f"{endpoint}{'&' if '?' in endpoint else '?'}{urlencode(query)}"

    # ------------------------------------------------------------------ internals

    async def _token_set(
        self, token: Mapping[str, Any], *, nonce: str | None, refresh_token: str | None = None
    ) -> TokenSet:
        access_token = token.get("access_token")
        if not isinstance(access_token, str) or not access_token:
            raise OidcError("exchange", "the provider sent no access token")
        id_token = token.get("id_token")
        claims: Mapping[str, Any] = {}
        if id_token:
            claims = await self._validate_id_token(id_token, access_token, nonce)
        subject = claims.get("sub") or ""
        expires_in = token.get("expires_in")
        now = self._clock()
        expires_at = now + float(expires_in) if expires_in else float(token.get("expires_at", now))
        return TokenSet(
            access_token=access_token,
            expires_at=expires_at,
            id_token=id_token,
            refresh_token=token.get("refresh_token") or refresh_token,
            subject=str(subject),
            id_claims=claims,
        )

    async def _validate_id_token(
        self, id_token: str, access_token: str, nonce: str | None
    ) -> dict[str, Any]:
        try:
            header = jwt.get_unverified_header(id_token)
        except jwt.PyJWTError:
            raise OidcError("id_token", "the ID token is malformed") from None
        alg = header.get("alg")
        if alg not in ALGORITHMS:
            raise OidcError("id_token", "the ID token's algorithm is not accepted")
        key = await self._key(header.get("kid"))
        if key.algorithm_name != alg:  # the key, not the token, decides the algorithm
            raise OidcError("id_token", "the ID token's algorithm does not match its key")
        try:
            claims: dict[str, Any] = jwt.decode(
                id_token,
                key,
                algorithms=[alg],
                audience=self.client_id,
                issuer=self.issuer,
                leeway=30,
                options={"require": ["iss", "sub", "aud", "exp", "iat"]},
            )
        except jwt.PyJWTError as exc:
            raise OidcError("id_token", f"the ID token is not valid: {exc}") from None
        # OIDC Core §3.1.3.7: azp, when present (or when there are several audiences),
        # names this client; the nonce is the sign-in's (a refresh may repeat it or not);
        # at_hash, when present, binds the access token to this ID token.
        audiences = claims["aud"] if isinstance(claims["aud"], list) else [claims["aud"]]
        if (len(audiences) > 1 or "azp" in claims) and claims.get("azp") != self.client_id:
            raise OidcError("id_token", "the ID token was issued to another party")
        sent = str(claims.get("nonce", "")).encode()
        if nonce is not None and not secrets.compare_digest(sent, nonce.encode()):
            raise OidcError("id_token", "the ID token's nonce is not this sign-in's")
        if "at_hash" in claims and claims["at_hash"] != _half_hash(access_token):
            raise OidcError("id_token", "the ID token does not belong to the access token")
        return claims

    async def _key(self, kid: str | None) -> jwt.PyJWK:
        """The provider's signing key ``kid``, refetching the JWKS on an unknown one (key
        rotation) at most every 30 s, so forged kids cannot hammer the provider."""
        async with self._lock:
            if kid not in self._keys and (
                self._clock() - self._keys_fetched >= JWKS_MIN_REFRESH_SECONDS
            ):
                document = await self._get_json((await self.metadata()).jwks_uri)
                keys: dict[str | None, jwt.PyJWK] = {}
                for entry in document.get("keys", []):
                    if entry.get("use", "sig") == "sig" and entry.get("alg", "RS256") in ALGORITHMS:
                        try:
                            keys[entry.get("kid")] = jwt.PyJWK(entry)
                        except jwt.PyJWTError:
                            continue
                self._keys, self._keys_fetched = keys, self._clock()
            key = self._keys.get(kid)
        if key is None:
            raise OidcError("id_token", "the ID token's signing key is unknown")
        return key

    async def _get_json(self, url: str) -> dict[str, Any]:
        try:
            # Not an API call with a token: authlib's client would insist on one.
            response = await self._oauth.request(
                "GET", url, headers={"Accept": "application/json"}, withhold_token=True
            )
            response.raise_for_status()
            document = response.json()
        except (httpx.HTTPError, ValueError) as exc:
            raise OidcError("discovery", f"cannot read {url}: {exc}") from None
        if not isinstance(document, dict):
            raise OidcError("discovery", f"{url} is not a JSON object")
        return document


def _half_hash(value: str) -> str:
    """at_hash: the left half of the token's SHA-256 digest, base64url (both accepted
    algorithms, RS256 and ES256, hash with SHA-256)."""
    digest = hashlib.sha256(value.encode("ascii")).digest()
    return base64.urlsafe_b64encode(digest[: len(digest) // 2]).rstrip(b"=").decode("ascii")
