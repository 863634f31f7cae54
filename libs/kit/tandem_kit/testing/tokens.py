"""Bearer headers for tests, signed by the local key the app under test verifies with."""

from __future__ import annotations

from collections.abc import Iterable
from uuid import UUID

from tandem_kit.auth import mint_token
from tandem_kit.settings import AuthSettings

ProgrammeIds = Iterable[str | UUID]


def bearer(
    auth: AuthSettings,
    subject: str,
    *,
    admin: bool = False,
    manager: ProgrammeIds = (),
    mentor: ProgrammeIds = (),
    mentee: ProgrammeIds = (),
    ttl: int = 3600,
) -> dict[str, str]:
    """``{"Authorization": "Bearer <token>"}`` for ``subject`` with these roles.

    Programme ids may be ``UUID``s or strings; no roles at all is a caller who is
    authenticated and nothing else (the stranger every 404 test needs).
    """
    token = mint_token(
        auth,
        subject,
        admin=admin,
        manager=[str(p) for p in manager],
        mentor=[str(p) for p in mentor],
        mentee=[str(p) for p in mentee],
        ttl=ttl,
    )
    return {"Authorization": f"Bearer {token}"}
