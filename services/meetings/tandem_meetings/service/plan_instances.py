"""A relationship's plan from its programme's: made when it starts, re-planned when its
members accept a communication agreement with a meeting cadence.

Both run in the consumer's transaction (the inbox row's), once: a start already planned
(its relationship plan row) and an agreement version already followed change nothing.
The start is lean on purpose (a benchmark consumes hundreds a second): a handful of
reads, three inserts, one slot search.
"""

from __future__ import annotations

import logging
from dataclasses import dataclass, replace
from datetime import datetime
from uuid import UUID

from sqlalchemy.ext.asyncio import AsyncSession

from tandem_contracts.common import Modality
from tandem_contracts.meetings import MeetingMode
from tandem_contracts.messaging import AgreementAccepted
from tandem_kit import directory, privacy
from tandem_kit.directory import Programme
from tandem_kit.mail import QueuedMail, queue_rendered_many
from tandem_meetings.adapters import plans as repo
from tandem_meetings.adapters import relationships as relationship_repo
from tandem_meetings.adapters.plans import StoredRelationshipPlan
from tandem_meetings.domain.invitations import MeetingMail, Span
from tandem_meetings.domain.mail_texts import PROPOSALS
from tandem_meetings.domain.plan_adaptation import (
    SAME_CITY,
    Adaptation,
    MemberSetting,
    adapted_mode,
    relationship_adaptation,
)
from tandem_meetings.domain.plans import (
    DEFAULT_ACTIVITIES,
    Activity,
    ActivityMode,
    PlannedActivity,
    Proposal,
    RelationshipDays,
    first_to_propose,
    local_day,
    planned,
    remembered_occurrences,
    replan_series,
)
from tandem_meetings.domain.policies import DEFAULT_POLICY, Policy
from tandem_meetings.domain.relationships import Member, Relationship
from tandem_meetings.domain.slots import SlotQueryError, SlotSearch
from tandem_meetings.service import slots
from tandem_meetings.service.context import Context
from tandem_meetings.service.invitations import render_mail
from tandem_meetings.service.plans import effective_zone, programme_policy

log = logging.getLogger(__name__)


def _settings(people: slots.People) -> list[MemberSetting]:
    found = []
    for m in people.members:
        profile = people.profiles.get(m.participant_id)
        person = people.directory.get(m.participant_id)
        found.append(
            MemberSetting(
                online_only=profile is not None and profile.modality is Modality.ONLINE_ONLY,
                country=profile.country if profile is not None else None,
                city=person.contact.city if person is not None else None,
            )
        )
    return found


@dataclass(frozen=True)
class ProgrammeSetting:
    """What a programme gives each of its relationships' starts (read once per batch)."""

    activities: tuple[Activity, ...]
    policy: Policy
    programme: Programme | None

    @property
    def zone(self) -> str:
        return self.programme.time_zone if self.programme is not None else "UTC"

    @property
    def reach(self) -> str:
        return self.programme.face_to_face_reach if self.programme is not None else SAME_CITY


async def programme_setting(session: AsyncSession, programme_id: UUID) -> ProgrammeSetting:
    """The programme's plan (the default until one is set), its policy and directory row."""
    template = await repo.template_of(session, programme_id)
    return ProgrammeSetting(
        activities=tuple(template.activities if template is not None else DEFAULT_ACTIVITIES),
        policy=template.policy if template is not None else DEFAULT_POLICY,
        programme=await directory.programme(session, programme_id),
    )


def plan_of(
    relationship: Relationship, setting: ProgrammeSetting, people: slots.People, now: datetime
) -> tuple[StoredRelationshipPlan, list[PlannedActivity]]:
    """The relationship's plan row and its planned activities (pure: both paths use it)."""
    adaptation = relationship_adaptation(setting.reach, _settings(people))
    stored = StoredRelationshipPlan(
        relationship.id,
        relationship.programme_id,
        setting.activities,
        setting.zone,
        adaptation,
        None,
    )
    span = RelationshipDays(relationship.starts_on, relationship.agreed_end_date, setting.zone)
    plan = [
        planned(
            o,
            relationship_id=relationship.id,
            programme_id=relationship.programme_id,
            mode=mode,
            adaptation=why.value if why is not None else None,
            now=now,
        )
        for o in remembered_occurrences(setting.activities, span, relationship.cadence_days)
        for mode, why in [adapted_mode(o.activity.mode, adaptation)]
    ]
    return stored, plan


async def instantiate(
    ctx: Context, session: AsyncSession, relationship: Relationship, members: list[Member]
) -> slots.People:
    """Plan the relationship from its programme's plan (the default until one is set)
    and propose its first activity's best three times; nothing if it is planned. The
    members as the plan knows them."""
    now = ctx.now()
    setting = await programme_setting(session, relationship.programme_id)
    people = await slots.people_of(session, members, setting.zone)
    stored, plan = plan_of(relationship, setting, people, now)
    if not await repo.add_relationship_plan(session, stored, now):
        return people
    await repo.add_planned(session, plan)
    first = first_to_propose(plan)
    if first is not None and members:
        await _propose(ctx, session, relationship, first, people, setting.policy, setting.programme)
    return people


async def _propose(
    ctx: Context,
    session: AsyncSession,
    relationship: Relationship,
    first: PlannedActivity,
    people: slots.People,
    policy: Policy,
    programme: Programme | None,
) -> int:
    """Store the activity's best three times (how many were found)."""
    labels = slots.role_labels(people.members)
    try:
        found = await slots.search(session, ctx.now(), relationship, first, people, policy, labels)
    except SlotQueryError as error:  # a fact no search can take: plan, propose nothing
        log.warning("no proposals for relationship %s: %s", relationship.id, error)
        return 0
    await repo.add_proposals(session, proposals_of(first, found))
    if found.slots:
        await proposed(ctx, session, relationship, first, found, people, programme)
    return len(found.slots)


def proposals_of(activity: PlannedActivity, found: SlotSearch) -> list[Proposal]:
    return [
        Proposal(activity.id, rank, slot.start, slot.end)
        for rank, slot in enumerate(found.slots, start=1)
    ]


async def member_known(ctx: Context, session: AsyncSession, participant_id: UUID) -> None:
    """A member's profile or contact arrived or changed (matching's topics carry no order
    with a relationship's start): each of their active relationships adapts its activities
    not yet scheduled nor over to what is known now, and a first activity still without
    proposals (nor a meeting) gets them if it can."""
    now = ctx.now()
    for relationship_id in await repo.plans_with_member(session, participant_id):
        relationship = await relationship_repo.by_id(session, relationship_id)
        plan = await repo.relationship_plan(session, relationship_id)
        if relationship is None or plan is None:
            continue
        members = await relationship_repo.members_of(session, relationship_id)
        erased = await directory.erased_among(session, [m.participant_id for m in members])
        members = [m for m in members if m.participant_id not in erased]
        programme = await directory.programme(session, relationship.programme_id)
        reach = programme.face_to_face_reach if programme is not None else SAME_CITY
        people = await slots.people_of(session, members, plan.time_zone)
        adaptation = relationship_adaptation(reach, _settings(people))
        activities = await repo.planned_of(session, relationship_id)
        scheduled = await repo.scheduled_for(session, relationship_id)
        open_ = [a for a in activities if a.id not in scheduled and a.window_end > now]
        changed = []
        for a in open_:
            mode, why = adapted_mode(a.planned_mode, adaptation)
            code = why.value if why is not None else None
            if (mode, code) != (a.mode, a.adaptation):
                changed.append(replace(a, mode=mode, adaptation=code))
        if changed or adaptation != plan.adaptation:
            await repo.save_adaptation(session, relationship_id, adaptation, changed, now)
        first = first_to_propose(activities)
        if first is None or first not in open_ or not members:
            continue
        if not (await repo.proposals_of(session, [first.id])).get(first.id):
            policy = await programme_policy(session, relationship.programme_id)
            await _propose(ctx, session, relationship, first, people, policy, programme)


async def proposed(
    ctx: Context,
    session: AsyncSession,
    relationship: Relationship,
    activity: PlannedActivity,
    found: SlotSearch,
    people: slots.People,
    programme: Programme | None,
) -> None:
    """The ``meeting-proposals`` mail to each member whose contact is known, in their
    language and with the times on their own clock, queued in this transaction (the
    kit's mail outbox; one per member and activity, whatever the redelivery)."""
    await queue_rendered_many(
        session, proposal_mails(ctx, relationship, activity, found, people, programme)
    )


def proposal_mails(
    ctx: Context,
    relationship: Relationship,
    activity: PlannedActivity,
    found: SlotSearch,
    people: slots.People,
    programme: Programme | None,
) -> list[QueuedMail]:
    """The proposal mails of one activity, rendered (both paths queue these)."""
    mail = MeetingMail(
        programme=(programme.name if programme is not None else None) or "Tandem",
        span=Span(found.slots[0].start, found.slots[0].end),
        mode=MeetingMode.FACE_TO_FACE
        if activity.mode is ActivityMode.FACE_TO_FACE
        else MeetingMode.ONLINE,
        activity_key=activity.key,
        activity_name=activity.name,
        options=tuple(Span(slot.start, slot.end) for slot in found.slots),
        link=ctx.settings.web_link(f"/relationships/{relationship.id}/plan"),  # to choose
    )
    wording = programme.wording if programme is not None else None
    mails = []
    for person in people.directory.values():
        # shown on the clock the search used (a zone that is not IANA's: the programme's)
        zone = effective_zone(person.contact.time_zone, programme.time_zone if programme else "UTC")
        to = replace(person.contact, time_zone=zone)
        mails.append(
            QueuedMail(
                render_mail(PROPOSALS, to, mail, wording=wording),
                recipient=person.contact.email,
                idempotency_key=f"meeting-proposals:{activity.id}:{person.participant_id}",
                names=[privacy.participant(person.participant_id)],
            )
        )
    return mails


async def agreement_accepted(ctx: Context, session: AsyncSession, event: AgreementAccepted) -> bool:
    """The relationship's repeating activities follow the agreement's meeting cadence
    from now on: their occurrences not scheduled and not yet open are planned again."""
    relationship = await relationship_repo.by_id(session, event.relationship_id, for_update=True)
    if relationship is None:
        log.warning("agreement for relationship %s, unknown here", event.relationship_id)
        return False
    plan = await repo.relationship_plan(session, relationship.id)
    if plan is None or (
        plan.agreement_version is not None and event.version <= plan.agreement_version
    ):
        return False
    now = ctx.now()
    cadence = event.meeting_cadence_days
    await repo.follow_agreement(session, relationship.id, event.version, cadence, now)
    if not relationship.active:
        return True
    span = RelationshipDays(relationship.starts_on, relationship.agreed_end_date, plan.time_zone)
    current = await repo.planned_of(session, relationship.id)
    scheduled = await repo.scheduled_for(session, relationship.id)
    adaptation = Adaptation(plan.adaptation) if plan.adaptation is not None else None
    for activity in plan.activities:
        if not activity.repeats:
            continue
        series = [a for a in current if a.key == activity.key]
        kept = [a for a in series if a.id in scheduled or a.window_start <= now]
        replan = replan_series(
            activity,
            span,
            cadence,
            kept=[(a.occurrence, a.window_end) for a in kept],
            last_occurrence=max((a.occurrence for a in series), default=-1),
            today=local_day(span, now),
        )
        if replan is None:
            continue
        await repo.remove_planned(session, [a.id for a in series if a not in kept])
        mode, why = adapted_mode(activity.mode, adaptation)
        await repo.add_planned(
            session,
            [
                planned(
                    o,
                    relationship_id=relationship.id,
                    programme_id=relationship.programme_id,
                    mode=mode,
                    adaptation=why.value if why is not None else None,
                    now=now,
                )
                for o in replan.new
            ],
        )
    return True
