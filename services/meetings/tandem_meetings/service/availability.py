"""A participant's weekly availability for meetings: read it, override it, drop the override.

The effective windows are the participant's override when set, else matching's copy
(``source`` says which). Only a mentor or mentee of the programme, for themselves:
someone with no role there gets 404 (the programme is unknown to them); a manager or
admin without a participant seat gets 403; a role meetings has no participant for
(their registration has not arrived) gets 404 ``participant_not_found``.
"""

from __future__ import annotations

from collections.abc import Iterable
from uuid import UUID

from sqlalchemy.ext.asyncio import AsyncSession

from tandem_kit import directory
from tandem_kit.auth import Principal
from tandem_kit.directory import Participant
from tandem_kit.errors import Forbidden, NotFound, Unprocessable
from tandem_meetings.adapters import availability as repo
from tandem_meetings.domain.availability import (
    Availability,
    AvailabilitySource,
    InvalidWindows,
    override_windows,
)
from tandem_meetings.service.context import Context


async def me_in_programme(
    session: AsyncSession, principal: Principal, programme_id: UUID
) -> Participant:
    """The caller as a participant of the programme, holding that role in the token now."""
    if not principal.in_programme(programme_id):
        raise NotFound("No such programme.", code="programme_not_found")
    me = await directory.participant_in_programme(session, programme_id, principal.subject)
    if me is not None and principal.acts_as(me.role, programme_id):
        return me
    if not (principal.roles_in(str(programme_id)) & {"mentor", "mentee"}):
        raise Forbidden(
            "This is for the programme's mentors and mentees, each for themselves.",
            code="participants_only",
        )
    raise NotFound(
        "You are not registered as a participant of this programme here (yet).",
        code="participant_not_found",
    )


async def _effective(session: AsyncSession, me: Participant) -> Availability:
    profile = (await repo.profiles_by_id(session, [me.participant_id])).get(me.participant_id)
    if profile is not None:
        return Availability(
            me.participant_id,
            me.programme_id,
            profile.source,
            profile.windows,
            me.contact.time_zone,
            profile.updated_at,
        )
    override = await repo.override_of(session, me.participant_id)  # before matching's copy
    if override is not None:
        windows, updated_at = override
        return Availability(
            me.participant_id,
            me.programme_id,
            AvailabilitySource.OVERRIDE,
            windows,
            me.contact.time_zone,
            updated_at,
        )
    return Availability(
        me.participant_id,
        me.programme_id,
        AvailabilitySource.MATCHING,
        (),
        me.contact.time_zone,
        None,
    )


async def my_availability(ctx: Context, principal: Principal, programme_id: UUID) -> Availability:
    async with ctx.database.transaction() as session:
        me = await me_in_programme(session, principal, programme_id)
        return await _effective(session, me)


async def set_my_availability(
    ctx: Context,
    principal: Principal,
    programme_id: UUID,
    windows: Iterable[tuple[int, str, str]],
) -> Availability:
    """Set the caller's override (checked whole: nothing is written if a window is wrong)."""
    try:
        checked = override_windows(windows)
    except InvalidWindows as invalid:
        raise Unprocessable(
            f"These windows cannot be an availability: {invalid}.",
            code="invalid_availability",
            errors=[
                {
                    "loc": ["body", "windows"] + ([] if index is None else [index]),
                    "msg": message,
                    "type": "invalid_window",
                }
                for index, message in invalid.errors
            ],
        ) from invalid
    async with ctx.database.transaction() as session:
        me = await me_in_programme(session, principal, programme_id)
        await repo.save_override(session, me.participant_id, programme_id, checked, ctx.now())
        return await _effective(session, me)


async def reset_my_availability(
    ctx: Context, principal: Principal, programme_id: UUID
) -> Availability:
    """Drop the caller's override: matching's copy is theirs again."""
    async with ctx.database.transaction() as session:
        me = await me_in_programme(session, principal, programme_id)
        await repo.delete_override(session, me.participant_id)
        return await _effective(session, me)
