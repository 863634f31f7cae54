"""Who may do what in a programme — the one place the scoping rules live.

Rules (documented in the API description too):

* 401 without a valid token (the kit's auth dependency).
* 404 when the caller holds no role in the programme named in the URL: a programme they
  may not know about looks the same as one that does not exist.
* 403 when the caller holds a role in the programme, but not one that may do this (a
  mentee calling a manager's endpoint, someone not registered as a participant).
* 404 for a resource inside the programme that does not exist, belongs to another
  programme, or belongs to another participant: participants never learn about others.

The role rule is the kit's (:class:`tandem_kit.auth.Principal`, the same in every
service): a manager is an admin or the holder of a ``manager:<pid>`` grant. The
subjects named as managers when the programme was created are whom the platform
mails about it; being named never stands in for the grant. A participant acts as
themselves only while their token still grants their role in the programme
(revocation at the identity provider takes effect at once).
"""

from __future__ import annotations

from dataclasses import dataclass
from uuid import UUID

from sqlalchemy.ext.asyncio import AsyncSession

from tandem_kit.auth import Principal
from tandem_kit.errors import Forbidden, NotFound
from tandem_matching.adapters import participants as participant_repo
from tandem_matching.adapters import programmes as programme_repo
from tandem_matching.domain.participants import Participant, ParticipantStatus
from tandem_matching.domain.programmes import Programme


@dataclass(frozen=True)
class Caller:
    principal: Principal
    programme: Programme
    is_manager: bool
    participant: Participant | None  # the caller's own record, when they act as participant

    @property
    def subject(self) -> str:
        return self.principal.subject

    @property
    def participant_id(self) -> UUID | None:
        return self.participant.id if self.participant else None

    def require_manager(self) -> None:
        if not self.is_manager:
            raise Forbidden("This action needs the manager role in this programme.")

    def require_participant(self) -> Participant:
        if self.participant is None:
            raise Forbidden("This action needs you to be a registered participant here.")
        return self.participant

    def may_see_participant(self, participant_id: UUID) -> bool:
        return self.is_manager or participant_id == self.participant_id


async def caller_in(session: AsyncSession, principal: Principal, programme_id: UUID) -> Caller:
    """The caller's standing in ``programme_id``; 404 per the rules above."""
    programme = None
    if principal.in_programme(programme_id):
        programme = await programme_repo.get_programme(session, programme_id)
    if programme is None:
        raise NotFound(f"Programme {programme_id} not found.", code="programme_not_found")
    is_manager = principal.may_manage(programme_id)
    participant = await participant_repo.by_subject(session, programme_id, principal.subject)
    if participant is not None and (
        participant.status is ParticipantStatus.ERASED
        or not principal.acts_as(participant.role.value, programme_id)
    ):
        participant = None
    return Caller(principal, programme, is_manager, participant)


async def manager_in(session: AsyncSession, principal: Principal, programme_id: UUID) -> Caller:
    caller = await caller_in(session, principal, programme_id)
    caller.require_manager()
    return caller
