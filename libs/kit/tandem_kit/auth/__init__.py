"""Bearer-token authentication and role checks for Tandem services.

    from tandem_kit.auth import CurrentPrincipal

    @router.get("/programmes/{programme_id}/report")
    async def report(programme_id: UUID, principal: CurrentPrincipal) -> Report:
        if not principal.manages(str(programme_id)):
            raise Forbidden(...)

Claims format: :mod:`tandem_kit.auth.principal`; verification rules:
:mod:`tandem_kit.auth.tokens`; keys and JWKS caching: :mod:`tandem_kit.auth.keys`.
"""

from tandem_kit.auth.dependencies import (
    CurrentPrincipal,
    get_principal,
    get_token_verifier,
    install_auth,
    require_admin,
)
from tandem_kit.auth.keys import ensure_local_key, public_jwk
from tandem_kit.auth.mint import mint_token
from tandem_kit.auth.principal import ROLES_CLAIM, Principal, ProgrammeRole
from tandem_kit.auth.tokens import AuthError, TokenVerifier

__all__ = [
    "ROLES_CLAIM",
    "AuthError",
    "CurrentPrincipal",
    "Principal",
    "ProgrammeRole",
    "TokenVerifier",
    "ensure_local_key",
    "get_principal",
    "get_token_verifier",
    "install_auth",
    "mint_token",
    "public_jwk",
    "require_admin",
]
