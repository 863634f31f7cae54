"""Many ``relationship.started`` at once: what ``relationships.relationship_started`` does
for each, with a handful of statements for the whole batch.

The consumer hands the batch handler a run of starts in one transaction (the kit's
``Handlers.on_batch``). Every start leaves exactly what it would have left alone: the
relationship with a fresh data key, its members but the erased, its plan, the first
activity's three proposals, their mails and the mentee's goals. A start whose relationship
is known (stored before, or earlier in the batch) changes nothing. Read once per batch: the
known relationships, the erased members, each programme's plan and policy, the members'
directory rows (their keys unwrapped once) and profiles, and their busy times per search
window; written once: each table's new rows. A batch that fails for any reason (a row that
appeared meanwhile) rolls back whole and the consumer handles its starts one by one.
"""

from __future__ import annotations

import logging
from collections import defaultdict
from collections.abc import Sequence
from datetime import datetime
from uuid import UUID

from sqlalchemy.ext.asyncio import AsyncSession

from tandem_contracts.matching import RelationshipStarted
from tandem_kit import directory, privacy
from tandem_kit.db.database import vault_of
from tandem_kit.mail import QueuedMail, queue_rendered_many
from tandem_meetings.adapters import plans as plan_repo
from tandem_meetings.adapters import relationships as repo
from tandem_meetings.domain.plans import PlannedActivity, Proposal, first_to_propose
from tandem_meetings.domain.relationships import Member, Relationship
from tandem_meetings.domain.slots import SlotQueryError
from tandem_meetings.service import goal_seeding, plan_instances, profiles, slots
from tandem_meetings.service.busy import Interval, members_busy
from tandem_meetings.service.context import Context
from tandem_meetings.service.plan_instances import ProgrammeSetting
from tandem_meetings.service.relationships import new_relationship, start_members

log = logging.getLogger(__name__)

Search = tuple[Relationship, PlannedActivity, slots.People, ProgrammeSetting]


async def relationships_started(
    ctx: Context, session: AsyncSession, started: Sequence[RelationshipStarted]
) -> list[Relationship]:
    """Keep each new relationship of the batch, plan it and propose its kick-off."""
    firsts: dict[UUID, RelationshipStarted] = {}
    for event in started:
        firsts.setdefault(event.relationship_id, event)  # a later one finds the id taken
    known = await repo.known_ids(session, list(firsts))
    events = [e for e in firsts.values() if e.relationship_id not in known]
    for event in started:
        if event.relationship_id in known or firsts[event.relationship_id] is not event:
            log.info("relationship %s is already known", event.relationship_id)
    if not events:
        return []
    erased = await directory.erased_among(
        session, {m.participant_id for e in events for m in e.members}
    )
    kept = [new_relationship(ctx, e) for e in events]
    members = {r.id: start_members(r, e, erased) for r, e in zip(kept, events, strict=True)}
    await repo.add_new(session, kept, [m for r in kept for m in members[r.id]])
    people = await _people(ctx, session, kept, members)
    await _plan(ctx, session, kept, members, people)
    await goal_seeding.seed_started(ctx, session, [(r, people[r.id][0]) for r in kept])
    return kept


async def _people(
    ctx: Context,
    session: AsyncSession,
    kept: Sequence[Relationship],
    members: dict[UUID, list[Member]],
) -> dict[UUID, tuple[slots.People, ProgrammeSetting]]:
    """Each relationship's members as the plan knows them, and its programme's setting."""
    settings = {
        programme_id: await plan_instances.programme_setting(session, programme_id)
        for programme_id in dict.fromkeys(r.programme_id for r in kept)
    }
    ids = list(dict.fromkeys(m.participant_id for r in kept for m in members[r.id]))
    await vault_of(session).preload(session, [privacy.participant(i) for i in ids])
    found = await directory.participants_by_id(session, ids)
    known_profiles = await profiles.profiles(session, ids)
    people = {}
    for r in kept:
        setting = settings[r.programme_id]
        own = members[r.id]
        people[r.id] = (
            slots.People(
                members=tuple(own),
                directory={
                    m.participant_id: found[m.participant_id]
                    for m in own
                    if m.participant_id in found
                },
                profiles={
                    m.participant_id: known_profiles[m.participant_id]
                    for m in own
                    if m.participant_id in known_profiles
                },
                fallback_zone=setting.zone,
            ),
            setting,
        )
    return people


async def _plan(
    ctx: Context,
    session: AsyncSession,
    kept: Sequence[Relationship],
    members: dict[UUID, list[Member]],
    people: dict[UUID, tuple[slots.People, ProgrammeSetting]],
) -> None:
    now = ctx.now()
    stored, activities, searches = [], [], []
    for r in kept:
        who, setting = people[r.id]
        plan_row, plan = plan_instances.plan_of(r, setting, who, now)
        stored.append(plan_row)
        activities.extend(plan)
        first = first_to_propose(plan)
        if first is not None and members[r.id]:
            searches.append((r, first, who, setting))
    await plan_repo.add_relationship_plans(session, stored, now)
    await plan_repo.add_planned(session, activities)
    proposals, mails = await _propose(ctx, session, searches)
    await plan_repo.add_proposals(session, proposals)
    await queue_rendered_many(session, mails)


async def _propose(
    ctx: Context, session: AsyncSession, searches: Sequence[Search]
) -> tuple[list[Proposal], list[QueuedMail]]:
    """Each kick-off's best three times and their mails; busy times read once per window."""
    now = ctx.now()
    by_span: dict[tuple[datetime, datetime], list[Search]] = defaultdict(list)
    for search in searches:
        _, first, _, setting = search
        by_span[slots.busy_span(first, setting.policy)].append(search)
    busy: dict[tuple[datetime, datetime], dict[UUID, list[Interval]]] = {}
    for (start, end), group in by_span.items():
        ids = list(dict.fromkeys(m.participant_id for _, _, who, _ in group for m in who.members))
        busy[(start, end)] = await members_busy(session, ids, start, end)
    proposals: list[Proposal] = []
    mails: list[QueuedMail] = []
    for relationship, first, who, setting in searches:
        labels = slots.role_labels(who.members)
        span = slots.busy_span(first, setting.policy)
        try:
            found = slots.search_with(
                now, relationship, first, who, setting.policy, labels, busy[span]
            )
        except SlotQueryError as error:  # as one by one: plan, propose nothing
            log.warning("no proposals for relationship %s: %s", relationship.id, error)
            continue
        proposals.extend(plan_instances.proposals_of(first, found))
        if found.slots:
            mails.extend(
                plan_instances.proposal_mails(
                    ctx, relationship, first, found, who, setting.programme
                )
            )
    return proposals, mails
