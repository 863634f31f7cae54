"""Erasure and export of a participant's personal data (the participant, or an admin).

Erasure nulls every personal field of the participant row and the texts that quote
it (score explanations, request messages) and shreds the participant's key, under
which name, e-mail, LinkedIn URL and request messages were sealed (tandem_kit.privacy:
no copy of them, in a dead row version or the WAL, stays readable); the row's id stays
so that relationships and proposals keep an anonymous member. Open relationships close
(active ones end early with ``ended_by`` system and reason ``participant_erased``), and
``participant.erased`` tells every other service to forget the person too.
"""

from __future__ import annotations

from uuid import UUID

from sqlalchemy.ext.asyncio import AsyncSession

from tandem_contracts.contacts import ParticipantContact
from tandem_contracts.matching import EndedBy, EndReason
from tandem_kit.auth import Principal
from tandem_kit.errors import Conflict, Forbidden, NotFound
from tandem_kit.outbox import add_event, add_tombstone
from tandem_matching.adapters import mentee_choice as request_repo
from tandem_matching.adapters import participants as repo
from tandem_matching.adapters import proposals as proposal_repo
from tandem_matching.adapters import relationships as relationship_repo
from tandem_matching.adapters import rematching as rematch_repo
from tandem_matching.domain.participants import Participant, ParticipantStatus
from tandem_matching.schemas.privacy import ErasureReceipt, MentorRequestRecord, ParticipantExport
from tandem_matching.schemas.relationships import RelationshipPublic
from tandem_matching.schemas.rematching import RematchOfferPublic
from tandem_matching.service import events
from tandem_matching.service.access import Caller, caller_in
from tandem_matching.service.context import Context
from tandem_matching.service.participants import public
from tandem_matching.service.relationships import close_open_relationships


async def _own_or_admin(session: AsyncSession, caller: Caller, participant_id: UUID) -> Participant:
    if not caller.principal.is_admin and caller.participant_id is None:
        raise Forbidden("Only the participant themselves or an admin may do this.")
    if not caller.principal.is_admin and caller.participant_id != participant_id:
        raise NotFound(f"Participant {participant_id} not found.", code="participant_not_found")
    row = await repo.get(session, caller.programme.id, participant_id, for_update=True)
    if row is None:
        raise NotFound(f"Participant {participant_id} not found.", code="participant_not_found")
    return row


async def erase(
    ctx: Context, principal: Principal, programme_id: UUID, participant_id: UUID
) -> ErasureReceipt:
    async with ctx.database.transaction() as session:
        caller = await caller_in(session, principal, programme_id)
        row = await _own_or_admin(session, caller, participant_id)
        if row.status is ParticipantStatus.ERASED:
            raise Conflict("The participant is already erased.", code="already_erased")
        subject = str(row.subject)
        at = ctx.now()
        closed = await close_open_relationships(
            session, participant_id, EndedBy.SYSTEM, EndReason.PARTICIPANT_ERASED, at=at
        )
        await request_repo.close_pending_of(session, participant_id, at)
        await request_repo.forget_personal(session, participant_id)
        await relationship_repo.forget_explanations(session, participant_id)
        await proposal_repo.forget_explanations(session, participant_id)
        await rematch_repo.delete_of(session, participant_id)
        await repo.erase(session, participant_id, at)
        await add_event(session, events.participant_erased(row, subject))
        # Removes her contact from the compacted contacts topic (README, "Privacy").
        await add_tombstone(session, ParticipantContact, events.contact_tombstone_key(row))
    return ErasureReceipt(participant_id=participant_id, erased_at=at, relationships_closed=closed)


async def export(
    ctx: Context, principal: Principal, programme_id: UUID, participant_id: UUID
) -> ParticipantExport:
    async with ctx.database.transaction() as session:
        caller = await caller_in(session, principal, programme_id)
        row = await _own_or_admin(session, caller, participant_id)
        busy = await repo.busy_ids(session, [participant_id])
        relationships = await relationship_repo.of_participant(session, participant_id)
        members = await relationship_repo.members_of(session, [r.id for r in relationships])
        proposals = await proposal_repo.of_participant(session, participant_id)
        proposal_members = await proposal_repo.members_of(session, [p.id for p in proposals])
        requests = await request_repo.of_participant(session, participant_id)
        offers = await rematch_repo.of_mentee(session, participant_id)
    return ParticipantExport(
        exported_at=ctx.now(),
        participant=public(row, participant_id in busy),
        relationships=[RelationshipPublic.of(r, members[r.id]) for r in relationships],
        proposals=[ParticipantExport.proposal(p, proposal_members[p.id]) for p in proposals],
        mentor_requests=[
            MentorRequestRecord.model_validate(r, from_attributes=True) for r in requests
        ],
        rematching_offers=[RematchOfferPublic.of(o) for o in offers],
    )
