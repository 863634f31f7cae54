"""Who may read a programme's figures: its managers and admins (the 404-or-403 rule)."""

from __future__ import annotations

from uuid import UUID

from tandem_kit.auth import Principal
from tandem_kit.errors import Forbidden, NotFound


def require_manager(principal: Principal, programme_id: UUID) -> None:
    """A manager of the programme or an admin; a member of it gets a 403, anyone else a 404."""
    if principal.may_manage(programme_id):
        return
    if principal.in_programme(programme_id):
        raise Forbidden("The programme's figures are its managers'.", code="managers_only")
    raise NotFound("No such programme.", code="programme_not_found")
