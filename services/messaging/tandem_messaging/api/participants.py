"""Erasure of a participant's messaging data (admin; normally driven by participant.erased)."""

from __future__ import annotations

from uuid import UUID

from fastapi import APIRouter

from tandem_kit.auth import CurrentPrincipal
from tandem_messaging.api.deps import Ctx, problems
from tandem_messaging.schemas.participants import ErasurePublic
from tandem_messaging.service import participants as use

router = APIRouter(prefix="/v1/admin/participants", tags=["privacy"])


@router.post(
    "/{participant_id}/erasure",
    summary="Erase a participant's content and anonymise their authorship (admin)",
    description="Their messages and posts read '[deleted]' by 'former member'; "
    "others' messages and the threads stay. Idempotent.",
    responses=problems(403, 404),
)
async def erase(participant_id: UUID, principal: CurrentPrincipal, ctx: Ctx) -> ErasurePublic:
    done = await use.erase_by_admin(ctx, principal, participant_id)
    return ErasurePublic(
        participant_id=done.participant_id, messages_erased=done.messages, posts_erased=done.posts
    )
