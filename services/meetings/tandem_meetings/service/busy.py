"""Members' busy times, and the 409 when a meeting would overlap one.

Busy is the union of every source below for the asked window: the members' other
scheduled Tandem meetings (in any relationship; those they declined left out) and
``EXTERNAL_SOURCES``, each an async ``(session, participant_ids, start, end) ->
{participant_id: ((start, end), ...)}`` — the external calendar feeds' busy intervals
join here (append their function to the tuple).
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Awaitable, Callable, Mapping, Sequence
from datetime import datetime
from uuid import UUID

from sqlalchemy.ext.asyncio import AsyncSession

from tandem_contracts.common import Role
from tandem_kit.errors import Conflict
from tandem_meetings.adapters import meetings as meeting_repo
from tandem_meetings.domain.meetings import first_conflict
from tandem_meetings.domain.relationships import Member
from tandem_meetings.service import calendar_sources

Interval = tuple[datetime, datetime]
BusySource = Callable[
    [AsyncSession, Sequence[UUID], datetime, datetime],
    Awaitable[Mapping[UUID, Sequence[Interval]]],
]

# The external calendar feeds' busy intervals (availability's calendar sources).
EXTERNAL_SOURCES: tuple[BusySource, ...] = (calendar_sources.busy_intervals,)


async def members_busy(
    session: AsyncSession,
    participant_ids: Sequence[UUID],
    start: datetime,
    end: datetime,
    *,
    excluding_meeting: UUID | None = None,
) -> dict[UUID, list[Interval]]:
    """Every busy interval of each participant overlapping [start, end)."""
    busy: dict[UUID, list[Interval]] = defaultdict(list)
    tandem = await meeting_repo.meeting_busy(
        session, participant_ids, start, end, excluding=excluding_meeting
    )
    for source in (
        tandem,
        *[await s(session, participant_ids, start, end) for s in EXTERNAL_SOURCES],
    ):
        for participant_id, intervals in source.items():
            busy[participant_id].extend(intervals)
    return busy


def _who(role: Role) -> str:
    return "The mentor" if role is Role.MENTOR else "A mentee"


def _at(moment: datetime) -> str:
    return moment.strftime("%Y-%m-%dT%H:%M:%SZ")


async def require_free(
    session: AsyncSession,
    members: Sequence[Member],
    start: datetime,
    end: datetime,
    *,
    excluding_meeting: UUID | None = None,
) -> None:
    """409 ``member_busy`` naming the first busy member (id and role) and when, clipped to
    the asked time: nothing of the other meeting (its relationship, its place)."""
    busy = await members_busy(
        session,
        [m.participant_id for m in members],
        start,
        end,
        excluding_meeting=excluding_meeting,
    )
    conflict = first_conflict(members, busy, start, end)
    if conflict is None:
        return
    raise Conflict(
        f"{_who(conflict.role)} is busy from {_at(conflict.busy_from)} "
        f"to {_at(conflict.busy_until)} (UTC).",
        code="member_busy",
        errors=[
            {
                "participant_id": str(conflict.participant_id),
                "role": conflict.role.value,
                "busy_from": _at(conflict.busy_from),
                "busy_until": _at(conflict.busy_until),
            }
        ],
    )
