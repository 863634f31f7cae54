"""Plans by API: the programme's template and policy (its managers), and a relationship's
plan (its members and its programme's managers).

Who may: the programme's template is its managers' (admins too); anyone else with a
role in the programme gets 403, anyone without one 404. A relationship's plan is known
to its members and its programme's managers, unknown (404) to everyone else.
"""

from __future__ import annotations

from collections.abc import Iterator, Mapping, Sequence
from contextlib import contextmanager
from datetime import datetime
from uuid import UUID

from sqlalchemy.ext.asyncio import AsyncSession

from tandem_kit import directory
from tandem_kit.auth import Principal
from tandem_kit.errors import Forbidden, NotFound, Unprocessable
from tandem_meetings.adapters import plans as repo
from tandem_meetings.adapters import relationships as relationship_repo
from tandem_meetings.domain.local_time import zone
from tandem_meetings.domain.meetings import local_time
from tandem_meetings.domain.places import suggest_places
from tandem_meetings.domain.plan_adaptation import reason_of
from tandem_meetings.domain.plans import (
    DEFAULT_ACTIVITIES,
    PlannedActivity,
    Proposal,
    check_activities,
    state_of,
)
from tandem_meetings.domain.policies import DEFAULT_POLICY, InvalidPlan, Policy, policy_of
from tandem_meetings.domain.relationships import Member
from tandem_meetings.schemas.plans import (
    ActivityPublic,
    MemberTimePublic,
    PlaceSuggestionPublic,
    PlannedActivityPublic,
    PlanUpdate,
    PolicyPublic,
    ProgrammePlanPublic,
    ProposalPublic,
    RelationshipPlanPublic,
)
from tandem_meetings.service import access
from tandem_meetings.service.context import Context


@contextmanager
def plan_errors() -> Iterator[None]:
    """A plan the domain refuses as a 422 naming the field."""
    try:
        yield
    except InvalidPlan as error:
        raise Unprocessable(
            error.detail,
            code=error.code,
            errors=[{"loc": f"body.{error.field}", "msg": error.detail, "type": error.code}],
        ) from error


def _require_manager(principal: Principal, programme_id: UUID) -> None:
    if not principal.in_programme(programme_id):
        raise NotFound("No such programme.", code="programme_not_found")
    if not principal.may_manage(programme_id):
        raise Forbidden("Only the programme's managers set its plan.", code="managers_only")


async def programme_policy(session: AsyncSession, programme_id: UUID) -> Policy:
    """The programme's policy (the default until its manager sets one): for slot search
    and reminders, in the caller's transaction."""
    stored = await repo.template_of(session, programme_id)
    return stored.policy if stored is not None else DEFAULT_POLICY


# --- the programme's template -------------------------------------------------------------


async def get_programme_plan(
    ctx: Context, principal: Principal, programme_id: UUID
) -> ProgrammePlanPublic:
    _require_manager(principal, programme_id)
    async with ctx.database.transaction() as session:
        stored = await repo.template_of(session, programme_id)
    if stored is None:
        return ProgrammePlanPublic(
            programme_id=programme_id,
            default=True,
            activities=[ActivityPublic.from_record(a) for a in DEFAULT_ACTIVITIES],
            policy=PolicyPublic.from_record(DEFAULT_POLICY),
            updated_at=None,
        )
    return ProgrammePlanPublic(
        programme_id=programme_id,
        default=False,
        activities=[ActivityPublic.from_record(a) for a in stored.activities],
        policy=PolicyPublic.from_record(stored.policy),
        updated_at=stored.updated_at,
    )


async def set_programme_plan(
    ctx: Context, principal: Principal, programme_id: UUID, body: PlanUpdate
) -> ProgrammePlanPublic:
    _require_manager(principal, programme_id)
    rules = ctx.meeting_rules
    p = body.policy
    with plan_errors():
        activities = check_activities(
            [a.record() for a in body.activities],
            min_minutes=rules.min_minutes,
            max_minutes=rules.max_minutes,
        )
        policy = policy_of(
            meeting_hours_start=p.meeting_hours.start,
            meeting_hours_end=p.meeting_hours.end,
            min_notice_hours=p.min_notice_hours,
            buffer_minutes=p.buffer_minutes,
            reminder_offsets_minutes=p.reminder_offsets_minutes,
            group_min_mentees=p.group_quorum.min_mentees,
        )
    now = ctx.now()
    async with ctx.database.transaction() as session:
        await repo.save_template(session, programme_id, activities, policy, now)
    return ProgrammePlanPublic(
        programme_id=programme_id,
        default=False,
        activities=[ActivityPublic.from_record(a) for a in activities],
        policy=PolicyPublic.from_record(policy),
        updated_at=now,
    )


# --- a relationship's plan ----------------------------------------------------------------


async def planned_activity_of(
    session: AsyncSession, relationship_id: UUID, activity_id: UUID, activity_key: str | None
) -> PlannedActivity:
    """The relationship's planned activity a meeting is scheduled for; a 422 naming the
    field when it is another relationship's, unknown, or its key is not the one given."""
    activity = await repo.planned_by_id(session, activity_id)
    if activity is None or activity.relationship_id != relationship_id:
        raise Unprocessable(
            "No such planned activity in this relationship's plan.",
            code="unknown_planned_activity",
            errors=[{"loc": "body.planned_activity_id", "msg": "not in this plan", "type": "plan"}],
        )
    if activity_key is not None and activity_key != activity.key:
        raise Unprocessable(
            f"The planned activity's key is {activity.key!r}.",
            code="activity_key_mismatch",
            errors=[{"loc": "body.activity_key", "msg": "not the activity's", "type": "plan"}],
        )
    return activity


def no_plan() -> NotFound:
    return NotFound("This relationship has no plan.", code="plan_not_found")


def effective_zone(time_zone: str | None, fallback: str) -> str:
    """A member's own zone; the programme's (else UTC) if unknown or not an IANA zone.
    Searches and what they show use this one rule."""
    for name in (time_zone, fallback):
        if name:
            try:
                zone(name)
            except (KeyError, ValueError):
                continue
            return name
    return "UTC"


async def member_zones(
    session: AsyncSession, members: Sequence[Member], fallback: str
) -> dict[UUID, str | None]:
    """Each member's time zone by :func:`effective_zone`."""
    people = await directory.participants_by_id(session, [m.participant_id for m in members])
    return {
        m.participant_id: effective_zone(
            people[m.participant_id].contact.time_zone if m.participant_id in people else None,
            fallback,
        )
        for m in members
    }


def proposal_public(
    proposal: Proposal, members: Sequence[Member], zones: Mapping[UUID, str | None]
) -> ProposalPublic:
    return ProposalPublic(
        rank=proposal.rank,
        starts_at=proposal.starts_at,
        ends_at=proposal.ends_at,
        local=member_times(proposal.starts_at, proposal.ends_at, members, zones),
    )


def member_times(
    starts_at: datetime,
    ends_at: datetime,
    members: Sequence[Member],
    zones: Mapping[UUID, str | None],
) -> list[MemberTimePublic]:
    """The time on every member's clock (UTC where a member's zone is not known)."""
    shown = []
    for m in members:
        start, zone = local_time(starts_at, zones.get(m.participant_id))
        end, _ = local_time(ends_at, zones.get(m.participant_id))
        shown.append(
            MemberTimePublic(
                participant_id=m.participant_id,
                role=m.role,
                time_zone=zone,
                starts_at_local=start,
                ends_at_local=end,
            )
        )
    return shown


async def get_relationship_plan(
    ctx: Context, principal: Principal, relationship_id: UUID
) -> RelationshipPlanPublic:
    now = ctx.now()
    async with ctx.database.transaction() as session:
        relationship, me = await access.relationship_party(session, principal, relationship_id)
        plan = await repo.relationship_plan(session, relationship.id)
        if plan is None:
            raise no_plan()
        activities = await repo.planned_of(session, relationship.id)
        meetings = await repo.scheduled_for(session, relationship.id)
        proposals = await repo.proposals_of(session, [a.id for a in activities])
        members = await relationship_repo.members_of(session, relationship.id)
        zones = await member_zones(session, members, plan.time_zone)
        # Where members live is theirs to see: their managers get no suggestion.
        suggestion = await place_suggestion(session, members) if me is not None else None

    def shown(a: PlannedActivity) -> PlannedActivityPublic:
        meeting = meetings.get(a.id)
        state = state_of(a, (meeting[1], meeting[2]) if meeting else None, now)
        return PlannedActivityPublic(
            id=a.id,
            key=a.key,
            occurrence=a.occurrence,
            name=a.name,
            planned_mode=a.planned_mode,
            mode=a.mode,
            adapted=a.adapted,
            adaptation=a.adaptation,
            reason=reason_of(a.adaptation),
            duration_minutes=a.duration_minutes,
            window_start=a.window_start,
            window_end=a.window_end,
            state=state,
            meeting_id=meeting[0] if meeting else None,
            # proposals stand while nothing is scheduled for the activity
            proposals=(
                [proposal_public(p, members, zones) for p in proposals.get(a.id, [])]
                if meeting is None
                else []
            ),
        )

    return RelationshipPlanPublic(
        relationship_id=relationship.id,
        programme_id=relationship.programme_id,
        cadence_days=relationship.cadence_days,
        cadence_source="agreement" if relationship.cadence_days else "plan",
        adaptation=plan.adaptation,
        reason=reason_of(plan.adaptation),
        activities=[shown(a) for a in activities],
        place_suggestion=suggestion,
    )


async def place_suggestion(
    session: AsyncSession, members: Sequence[Member]
) -> PlaceSuggestionPublic | None:
    """The city most members share, from their contacts (no place is known there yet)."""
    people = await directory.participants_by_id(session, [m.participant_id for m in members])
    cities = [
        people[m.participant_id].contact.city if m.participant_id in people else None
        for m in members
    ]
    found = suggest_places(cities, {})
    if found is None:
        return None
    return PlaceSuggestionPublic(
        city=found.city,
        reason=found.reason,
        members_in_city=found.members_in_city,
        members=found.members,
    )
