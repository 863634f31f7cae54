"""Who may see and do what: the token's role in the programme AND membership, every call.

Membership comes from our own data (matching's relationship events); the role from the
token. A membership never stands in for a role the token no longer carries: a member
whose grant was revoked is, for this service, outside the relationship.

- A relationship's meetings are known to its members and to its programme's managers
  (and admins): anyone else gets 404, as if they did not exist.
- Members schedule, move, cancel and answer. Managers may know a meeting exists and
  when, and may cancel it; they never see its place, link, agenda or notes, and
  scheduling for the members is a 403 to them.
"""

from __future__ import annotations

from uuid import UUID

from sqlalchemy.ext.asyncio import AsyncSession

from tandem_kit.auth import Principal
from tandem_kit.errors import Forbidden, NotFound
from tandem_meetings.adapters import meetings, relationships
from tandem_meetings.domain.meetings import Meeting
from tandem_meetings.domain.relationships import Member, Relationship

MEMBERS_ONLY = (
    "Only the relationship's members do this; managers see when meetings happen and their "
    "state, never their place or link."
)


def oversees(principal: Principal, programme_id: UUID) -> bool:
    """Admin or the manager grant: the kit's one role rule."""
    return principal.may_manage(programme_id)


def seated(principal: Principal, member: Member | None, programme_id: UUID) -> Member | None:
    """The membership, if the token still grants its role; else none at all."""
    if member is not None and principal.acts_as(member.role.value, programme_id):
        return member
    return None


def no_relationship() -> NotFound:
    return NotFound("No such relationship.", code="relationship_not_found")


def no_meeting() -> NotFound:
    return NotFound("No such meeting.", code="meeting_not_found")


def members_only() -> Forbidden:
    return Forbidden(MEMBERS_ONLY, code="members_only")


async def _seat(
    session: AsyncSession, principal: Principal, relationship: Relationship
) -> Member | None:
    member = await relationships.member_by_subject(session, relationship.id, principal.subject)
    return seated(principal, member, relationship.programme_id)


async def relationship_party(
    session: AsyncSession, principal: Principal, relationship_id: UUID, *, for_update: bool = False
) -> tuple[Relationship, Member | None]:
    """The relationship and the caller's membership (None: a manager of it); else 404."""
    relationship = await relationships.by_id(session, relationship_id, for_update=for_update)
    if relationship is None:
        raise no_relationship()
    me = await _seat(session, principal, relationship)
    if me is None and not oversees(principal, relationship.programme_id):
        raise no_relationship()
    return relationship, me


async def relationship_member(
    session: AsyncSession, principal: Principal, relationship_id: UUID, *, for_update: bool = False
) -> tuple[Relationship, Member]:
    """The relationship and the caller as its member; its managers 403, others 404."""
    relationship, me = await relationship_party(
        session, principal, relationship_id, for_update=for_update
    )
    if me is None:
        raise members_only()
    return relationship, me


async def meeting_party(
    session: AsyncSession, principal: Principal, meeting_id: UUID, *, for_update: bool = False
) -> tuple[Meeting, Relationship, Member | None]:
    """The meeting, its relationship and the caller's membership (None: a manager); else 404."""
    meeting = await meetings.by_id(session, meeting_id, for_update=for_update)
    if meeting is None:
        raise no_meeting()
    relationship = await relationships.by_id(session, meeting.relationship_id)
    if relationship is None:  # not possible (foreign key); answered as unknown
        raise no_meeting()
    me = await _seat(session, principal, relationship)
    if me is None and not oversees(principal, relationship.programme_id):
        raise no_meeting()
    return meeting, relationship, me


async def meeting_member(
    session: AsyncSession, principal: Principal, meeting_id: UUID, *, for_update: bool = False
) -> tuple[Meeting, Relationship, Member]:
    meeting, relationship, me = await meeting_party(
        session, principal, meeting_id, for_update=for_update
    )
    if me is None:
        raise members_only()
    return meeting, relationship, me
