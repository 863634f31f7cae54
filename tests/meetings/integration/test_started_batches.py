"""``relationship.started`` in batches (``service/started_batches.py``) leaves exactly
what the same starts leave one by one: relationships, members (the erased left out),
plans, planned activities, the kick-off's proposals, their mails (idempotency keys,
recipients, languages, who they name), the mentees' seeded goals and their
``goal.progressed``; a start delivered twice, or of a relationship already known,
changes nothing. On SQLite and on PostgreSQL."""

from __future__ import annotations

import json
import uuid
from collections.abc import Sequence
from pathlib import Path
from typing import Any

from sqlalchemy import select

from tandem_contracts.matching import ParticipantErased, RelationshipStarted
from tandem_contracts.meetings import GoalProgressed
from tandem_kit import privacy
from tandem_kit.db.database import vault_of
from tandem_kit.db.tables import mail_names_table, mail_outbox_table, outbox_table
from tandem_kit.mail import message_id_for
from tandem_meetings.adapters.tables import (
    goals,
    plan_proposals,
    planned_activities,
    relationship_members,
    relationship_plans,
    relationships,
)
from tandem_meetings.service import started_batches
from tandem_meetings.service.context import Context
from tests.conftest import UrlFactory
from tests.meetings.integration.plans_world import Person, World, open_world


async def _with_goals(w: World, person: Person, tokens: list[str]) -> None:
    contact, profile = w.registration(person)
    assert await w.app.deliver(contact)
    assert await w.app.deliver(profile.model_copy(update={"goals": tokens}))


def _starts(w: World) -> list[RelationshipStarted]:
    """A pair across the Atlantic, a pair in Lisbon, a group, and a pair whose mentee is
    erased (the mentor alone is its member)."""
    return [
        w.started(w.max, w.ana),
        w.started(w.max, w.bea),
        w.started(w.max, w.bea, w.pia),
        w.started(w.max, w.outsider),
        w.started(w.max, w.olga),
    ]


async def _snapshot(w: World, ids: Sequence[uuid.UUID]) -> list[dict[str, Any]]:
    """What is stored for each relationship, with its own ids replaced by positions."""
    people = [w.max, w.ana, w.bea, w.olga, w.pia, w.outsider]
    found = []
    async with w.app.runtime.database.transaction() as session:
        vault = vault_of(session)
        for rid in ids:
            row = (
                await session.execute(select(relationships).where(relationships.c.id == rid))
            ).one()
            members = (
                await session.execute(
                    select(relationship_members).where(
                        relationship_members.c.relationship_id == rid
                    )
                )
            ).all()
            plan = (
                await session.execute(
                    select(relationship_plans).where(relationship_plans.c.relationship_id == rid)
                )
            ).one()
            activities = (
                await session.execute(
                    select(planned_activities).where(planned_activities.c.relationship_id == rid)
                )
            ).all()
            where = {a.id: (a.activity_key, a.occurrence) for a in activities}
            proposals = (
                await session.execute(
                    select(plan_proposals).where(plan_proposals.c.planned_activity_id.in_(where))
                )
            ).all()
            mails = {}
            for activity_id, place in where.items():
                for p in people:
                    key = f"meeting-proposals:{activity_id}:{p.participant_id}"
                    mail = (
                        await session.execute(
                            select(mail_outbox_table).where(
                                mail_outbox_table.c.message_id == message_id_for(key)
                            )
                        )
                    ).first()
                    if mail is None:
                        continue
                    names = set(
                        await session.scalars(
                            select(mail_names_table.c.person).where(
                                mail_names_table.c.mail_id == mail.id
                            )
                        )
                    )
                    mails[(place, p.subject)] = (
                        mail.template,
                        mail.language,
                        mail.recipient_index == vault.blind_index(p.contact().email),
                        names == {privacy.participant(p.participant_id)},
                    )
            seeded = (
                await session.execute(select(goals).where(goals.c.relationship_id == rid))
            ).all()
            token_of = {str(g.id): g.token for g in seeded}
            progressed = [
                json.loads(payload)
                for payload in await session.scalars(
                    select(outbox_table.c.payload).where(
                        outbox_table.c.event_type == GoalProgressed.event_type,
                        outbox_table.c.key == str(rid),
                    )
                )
            ]
            found.append(
                {
                    "relationship": (
                        row.programme_id,
                        row.format,
                        row.starts_on,
                        row.agreed_end_date,
                        row.status,
                        row.cadence_days,
                        row.started_at,
                        row.ended_at,
                        bool(row.wrapped_key_ciphertext),
                    ),
                    "members": sorted((m.participant_id, m.subject, m.role) for m in members),
                    "plan": (
                        plan.activities,
                        plan.time_zone,
                        plan.adaptation,
                        plan.agreement_version,
                    ),
                    "activities": sorted(
                        (
                            a.activity_key,
                            a.occurrence,
                            a.name,
                            a.planned_mode,
                            a.mode,
                            a.duration_minutes,
                            a.window_start,
                            a.window_end,
                            a.repeats,
                            a.adaptation,
                        )
                        for a in activities
                    ),
                    "proposals": sorted(
                        (where[p.planned_activity_id], p.rank, p.starts_at, p.ends_at)
                        for p in proposals
                    ),
                    "mails": mails,
                    "goals": sorted(
                        (g.token, g.state, g.title_ciphertext, g.created_by) for g in seeded
                    ),
                    "progressed": sorted(
                        (
                            token_of[e["goal_id"]],
                            e["state"],
                            e["milestones_total"],
                            e["goals_total"],
                            e["goals_done"],
                        )
                        for e in progressed
                    ),
                }
            )
    return found


async def test_a_batch_stores_what_the_same_starts_store_one_by_one(
    tmp_path: Path, url_factory: UrlFactory
) -> None:
    async with open_world(tmp_path, await url_factory("batches")) as w:
        await _with_goals(w, w.ana, ["cv", "interviews", "cv"])
        await _with_goals(w, w.pia, ["networking"])
        assert await w.app.deliver(
            ParticipantErased(
                programme_id=w.programme,
                participant_id=w.outsider.participant_id,
                subject=w.outsider.subject,
            )
        )
        alone = _starts(w)
        for event in alone:
            assert await w.app.deliver(event)
            assert await w.app.deliver(event)  # another event id: a start already known
        batch = _starts(w)
        replayed = [batch[0], alone[1], *batch[1:3], batch[2], *batch[3:]]
        ctx = Context.of(w.app.runtime)
        before = await _snapshot(w, [e.relationship_id for e in alone])
        async with w.app.runtime.database.transaction() as session:
            kept = await started_batches.relationships_started(ctx, session, replayed)
        assert [r.id for r in kept] == [e.relationship_id for e in batch]

        one_by_one = await _snapshot(w, [e.relationship_id for e in alone])
        batched = await _snapshot(w, [e.relationship_id for e in batch])
        assert one_by_one == before  # the replayed start of a known relationship: nothing
        assert batched == one_by_one
        # and what was stored is what a start means: the erased mentee is no member,
        # every kick-off has three proposals mailed to each member, ana's goals seeded
        assert [len(s["members"]) for s in batched] == [2, 2, 3, 1, 2]
        assert all(len(s["proposals"]) == 3 for s in batched)
        assert [len(s["mails"]) for s in batched] == [2, 2, 3, 1, 2]
        assert all(all(m[2] and m[3] for m in s["mails"].values()) for s in batched)
        assert [[g[0] for g in s["goals"]] for s in batched] == [
            ["cv", "interviews"],
            [],
            ["networking"],
            [],
            [],
        ]
        assert batched[0]["progressed"] == [
            ("cv", "open", 0, 2, 0),
            ("interviews", "open", 0, 2, 0),
        ]
