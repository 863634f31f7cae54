"""Participants' contacts and profiles in runs (``service/participants.py``, a roster
import) leave exactly what the same events leave one by one: the directory's rows (the
erased left out, the later of two contacts kept), meetings' profiles, and the plans of the
relationships that started before their members were known (adapted, the kick-off
proposed). Two apps, the same ids and events: one by one in one, in runs in the other.
On SQLite and on PostgreSQL."""

from __future__ import annotations

import uuid
from pathlib import Path
from typing import Any

from sqlalchemy import select

from tandem_contracts.matching import ParticipantErased
from tandem_kit import directory
from tandem_meetings.adapters.tables import plan_proposals, planned_activities, relationship_plans
from tandem_meetings.service import participants, profiles
from tandem_meetings.service.context import Context
from tests.conftest import UrlFactory
from tests.meetings.integration.plans_world import World, open_world, programme_created

PROGRAMME = uuid.uuid4()
RELATIONSHIP = uuid.uuid4()


def _same_people(w: World, ids: dict[str, uuid.UUID]) -> None:
    w.programme = PROGRAMME
    for name, pid in ids.items():
        getattr(w, name).participant_id = pid


async def _before(w: World) -> None:
    """The programme, an erasure, and a start whose members are not known yet."""
    assert await w.app.deliver(programme_created(w.programme, w.manager))
    assert await w.app.deliver(
        ParticipantErased(
            programme_id=w.programme,
            participant_id=w.outsider.participant_id,
            subject=w.outsider.subject,
        )
    )
    assert await w.app.deliver(w.started(w.max, w.ana, w.bea, relationship=RELATIONSHIP))


def _events(w: World) -> tuple[list[Any], list[Any]]:
    people = [w.max, w.ana, w.outsider, w.bea, w.pia]
    contacts = [w.registration(p)[0] for p in people]
    profile_events = [w.registration(p)[1] for p in people]
    moved = contacts[1].model_copy(update={"city": "Lisbon"})  # ana moves: the later counts
    return [*contacts, moved], profile_events


async def _snapshot(w: World) -> dict[str, Any]:
    ids = [p.participant_id for p in (w.max, w.ana, w.bea, w.pia, w.outsider)]
    async with w.app.runtime.database.transaction() as session:
        found = await directory.participants_by_id(session, ids)
        known = await profiles.profiles(session, ids)
        plan = (
            await session.execute(
                select(relationship_plans.c.adaptation).where(
                    relationship_plans.c.relationship_id == RELATIONSHIP
                )
            )
        ).one()
        activities = (
            await session.execute(
                select(planned_activities).where(
                    planned_activities.c.relationship_id == RELATIONSHIP
                )
            )
        ).all()
        where = {a.id: (a.activity_key, a.occurrence) for a in activities}
        proposals = (
            await session.execute(
                select(plan_proposals).where(plan_proposals.c.planned_activity_id.in_(where))
            )
        ).all()
    return {
        "directory": {ids.index(k): v for k, v in found.items()},
        "profiles": {ids.index(k): v for k, v in known.items()},
        "adaptation": plan.adaptation,
        "modes": sorted((where[a.id], a.mode, a.adaptation) for a in activities),
        "proposals": sorted((where[p.planned_activity_id], p.rank, p.starts_at) for p in proposals),
    }


async def test_runs_of_contacts_and_profiles_store_what_one_by_one_stores(
    tmp_path: Path, url_factory: UrlFactory
) -> None:
    async with (
        open_world(tmp_path / "alone", await url_factory("alone"), deliver=False) as alone,
        open_world(tmp_path / "runs", await url_factory("runs"), deliver=False) as runs,
    ):
        names = ("max", "ana", "bea", "olga", "pia", "outsider")
        ids = {name: getattr(alone, name).participant_id for name in names}
        _same_people(alone, ids)
        _same_people(runs, ids)
        for w in (alone, runs):
            await _before(w)
        assert (await _snapshot(runs))["proposals"] == []  # nobody's hours known yet

        contacts, profile_events = _events(alone)
        for event in [*contacts, *profile_events]:
            assert await alone.app.deliver(event)
        ctx = Context.of(runs.app.runtime)
        async with runs.app.runtime.database.transaction() as session:
            await participants.contacts_stated(ctx, session, contacts)
        async with runs.app.runtime.database.transaction() as session:
            await participants.profiles_stated(ctx, session, profile_events)

        one_by_one, batched = await _snapshot(alone), await _snapshot(runs)
        assert batched == one_by_one
        # and what was stored is what the events mean
        assert sorted(batched["directory"]) == [0, 1, 2, 3]  # not the erased outsider
        assert batched["directory"][1].contact.city == "Lisbon"
        assert sorted(batched["profiles"]) == [0, 1, 2, 3]
        assert len(batched["proposals"]) == 3  # the kick-off, once the members were known
