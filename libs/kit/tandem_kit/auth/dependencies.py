"""FastAPI wiring: the current principal as a dependency, and the admin check.

Usage in a router::

    @router.post("/organisations")
    async def create(body: OrganisationCreate, principal: CurrentPrincipal) -> Organisation:
        require_admin(principal)
        ...

The verifier is read from ``app.state.token_verifier`` (put there by the app
factory's lifespan, or by :func:`install_auth`). No token → 401 ``missing_token``;
a bad one → 401 ``invalid_token`` (RFC 6750 ``WWW-Authenticate`` challenge); a
valid one without the needed role → 403 ``forbidden``.

Programme roles are checked by each service from the principal's facts
(``manages``, ``roles_in``, ``has_role``): who may see what depends on the
service's resources (relationship membership, the 404-or-403 rule).
"""

from __future__ import annotations

from typing import Annotated

from fastapi import Depends, FastAPI
from fastapi.security import HTTPAuthorizationCredentials, HTTPBearer
from starlette.requests import HTTPConnection

from tandem_kit.auth.principal import Principal
from tandem_kit.auth.tokens import AuthError, TokenVerifier
from tandem_kit.settings import AuthSettings

STATE_KEY = "token_verifier"
# Where :class:`tandem_kit.guard.RequestGuard` leaves the principal it verified before
# reading a request's body, so that the token is not verified twice.
PRINCIPAL_SCOPE_KEY = "tandem.principal"

bearer_scheme = HTTPBearer(
    auto_error=False,
    scheme_name="bearer",
    bearerFormat="JWT",
    description="OIDC access token (JWT) with the `tandem_roles` claim.",
)


def get_token_verifier(connection: HTTPConnection) -> TokenVerifier:
    """The application's verifier: lifespan state first, then ``app.state``."""
    verifier = getattr(connection.state, STATE_KEY, None)
    if verifier is None:
        verifier = getattr(connection.app.state, STATE_KEY, None)
    if not isinstance(verifier, TokenVerifier):
        # A wiring bug, not the caller's fault: fail closed with a 500.
        raise RuntimeError(
            "no TokenVerifier at app.state.token_verifier; call install_auth(app, settings)"
        )
    return verifier


async def get_principal(
    connection: HTTPConnection,
    credentials: Annotated[HTTPAuthorizationCredentials | None, Depends(bearer_scheme)],
) -> Principal:
    """The verified caller; raises :class:`AuthError` (401/503) otherwise."""
    verified = connection.scope.get(PRINCIPAL_SCOPE_KEY)
    if isinstance(verified, Principal):
        return verified
    if credentials is None:
        raise AuthError.missing_token()
    return await get_token_verifier(connection).verify(credentials.credentials)


CurrentPrincipal = Annotated[Principal, Depends(get_principal)]


def install_auth(app: FastAPI, settings: AuthSettings) -> TokenVerifier:
    """Put a :class:`TokenVerifier` for ``settings`` on ``app.state`` and return it.

    The caller owns it: ``await verifier.aclose()`` at shutdown.
    """
    verifier = TokenVerifier(settings)
    setattr(app.state, STATE_KEY, verifier)
    return verifier


def require_admin(principal: Principal) -> Principal:
    """403 unless the principal is a platform admin."""
    if not principal.is_admin:
        raise AuthError.forbidden("This action needs the admin role.")
    return principal
