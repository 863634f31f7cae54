"""Your weekly availability for meetings, in a programme: read, override, reset."""

from __future__ import annotations

from uuid import UUID

from fastapi import APIRouter

from tandem_kit.api import problems
from tandem_kit.auth import CurrentPrincipal
from tandem_meetings.api.deps import Ctx
from tandem_meetings.schemas.availability import AvailabilityPublic, AvailabilityUpdate
from tandem_meetings.service import availability as use

router = APIRouter(prefix="/v1/programmes/{programme_id}/me/availability", tags=["availability"])


@router.get(
    "",
    summary="Your weekly availability for meetings (your override, else your profile's)",
    responses=problems(403, 404),
)
async def get_my_availability(
    programme_id: UUID, principal: CurrentPrincipal, ctx: Ctx
) -> AvailabilityPublic:
    return AvailabilityPublic.from_record(await use.my_availability(ctx, principal, programme_id))


@router.put(
    "",
    summary="Set your own weekly availability for meetings",
    responses=problems(403, 404),
)
async def set_my_availability(
    programme_id: UUID, body: AvailabilityUpdate, principal: CurrentPrincipal, ctx: Ctx
) -> AvailabilityPublic:
    windows = [(w.weekday, w.start, w.end) for w in body.windows]
    return AvailabilityPublic.from_record(
        await use.set_my_availability(ctx, principal, programme_id, windows)
    )


@router.delete(
    "",
    summary="Go back to your profile's availability",
    responses=problems(403, 404),
)
async def reset_my_availability(
    programme_id: UUID, principal: CurrentPrincipal, ctx: Ctx
) -> AvailabilityPublic:
    return AvailabilityPublic.from_record(
        await use.reset_my_availability(ctx, principal, programme_id)
    )
