"""Erasure and export of a participant's data (the participant themselves, or an admin)."""

from __future__ import annotations

from uuid import UUID

from fastapi import APIRouter

from tandem_kit.api import problems
from tandem_kit.auth import CurrentPrincipal
from tandem_matching.api.deps import Ctx
from tandem_matching.schemas.privacy import ErasureReceipt, ParticipantExport
from tandem_matching.service import privacy as use

router = APIRouter(
    prefix="/v1/programmes/{programme_id}/participants/{participant_id}", tags=["privacy"]
)


@router.post(
    "/erasure",
    summary="Erase a participant's personal data (yourself, or admin)",
    description="Nulls the profile, closes open relationships (active ones end with "
    "`ended_by` system, reason `participant_erased`), keeps anonymous ids. "
    "Emits `participant.erased` so every service forgets the person.",
    responses=problems(403, 404, 409),
)
async def erase(
    programme_id: UUID, participant_id: UUID, principal: CurrentPrincipal, ctx: Ctx
) -> ErasureReceipt:
    return await use.erase(ctx, principal, programme_id, participant_id)


@router.get(
    "/export",
    summary="Export everything held about a participant (yourself, or admin)",
    responses=problems(403, 404),
)
async def export(
    programme_id: UUID, participant_id: UUID, principal: CurrentPrincipal, ctx: Ctx
) -> ParticipantExport:
    return await use.export(ctx, principal, programme_id, participant_id)
