"""Who may see and do what with check-ins and outcomes: the token's role, every call.

- A programme's plan and figures are its managers' (and admins'): a participant of the
  programme gets 403, anyone without standing in it 404 (it does not exist for them).
- A check-in or outcome is its member's alone, while the token still grants the role
  the member holds in the programme: anyone else gets 404 (a manager 403: they know the
  programme's check-ins exist, and never answer one).
"""

from __future__ import annotations

from uuid import UUID

from tandem_kit.auth import Principal
from tandem_kit.errors import Forbidden, NotFound


def no_programme() -> NotFound:
    return NotFound("No such programme.", code="programme_not_found")


def manager_of(principal: Principal, programme_id: UUID) -> None:
    if principal.may_manage(programme_id):
        return
    if principal.in_programme(programme_id):
        raise Forbidden("Only the programme's managers do this.", code="managers_only")
    raise no_programme()


def members_only() -> Forbidden:
    return Forbidden(
        "Only the member it was sent to answers it; managers see figures.", code="members_only"
    )
