"""matching's relationship events: stored once whatever the redelivery; an end cancels
the meetings that have not started, and nothing new is scheduled after it."""

from __future__ import annotations

import uuid
from datetime import timedelta
from pathlib import Path

from sqlalchemy import func, select

from tandem_contracts.meetings import CancelledBy, CancelReason, MeetingCancelled
from tandem_kit.testing import assert_problem
from tandem_meetings.adapters.tables import relationship_members, relationships
from tests.conftest import UrlFactory
from tests.meetings.integration.meetings_world import World, open_world


async def _rows(w: World, relationship: uuid.UUID) -> tuple[int, int]:
    async with w.app.runtime.database.transaction() as session:
        kept = await session.scalar(
            select(func.count())
            .select_from(relationships)
            .where(relationships.c.id == relationship)
        )
        members = await session.scalar(
            select(func.count())
            .select_from(relationship_members)
            .where(relationship_members.c.relationship_id == relationship)
        )
    return int(kept or 0), int(members or 0)


async def test_a_start_is_stored_once(tmp_path: Path, url_factory: UrlFactory) -> None:
    async with open_world(tmp_path, await url_factory("started")) as w:
        assert await _rows(w, w.pair) == (1, 2)
        group = uuid.uuid4()
        event = w.started(group, w.mentor, w.mentee, w.outsider)
        event_id = uuid.uuid4()
        assert await w.app.deliver(event, event_id=event_id)
        assert not await w.app.deliver(event, event_id=event_id)  # the inbox drops it
        assert await w.app.deliver(event)  # another event id: the relationship's id decides
        assert await _rows(w, group) == (1, 3)
        # The third member may schedule in the group: the members arrived.
        created = await w.schedule(w.outsider, group)
        assert created.status_code == 201, created.text
        assert {a["role"] for a in created.json()["attendees"]} == {"mentor", "mentee"}
        assert len(created.json()["attendees"]) == 3


async def test_a_start_before_the_directory_knows_anyone(tmp_path: Path) -> None:
    async with open_world(tmp_path) as w:
        stranger = uuid.uuid4()
        event = w.started(uuid.uuid4(), w.mentor, w.mentee)
        event = event.model_copy(update={"programme_id": stranger})
        assert await w.app.deliver(event)  # no programme, no contacts yet: still stored
        assert await _rows(w, event.relationship_id) == (1, 2)


async def test_an_end_cancels_future_meetings_only(tmp_path: Path, url_factory: UrlFactory) -> None:
    async with open_world(tmp_path, await url_factory("ended")) as w:
        soon = (await w.schedule(w.mentor, starts_at="2026-03-02T10:00:00Z")).json()
        later = (await w.schedule(w.mentor, starts_at="2026-03-20T10:00:00Z")).json()
        elsewhere = (await w.schedule(w.mentor, w.other, starts_at="2026-03-21T10:00:00Z")).json()
        w.clock.advance(hours=1, minutes=15)  # the first is under way
        position = await w.app.outbox_position()

        assert await w.app.deliver(w.ended(w.pair))

        [cancelled] = await w.app.outbox(MeetingCancelled, after=position)
        assert cancelled.meeting_id == uuid.UUID(later["id"])
        assert cancelled.reason is CancelReason.RELATIONSHIP_ENDED
        assert cancelled.cancelled_by is CancelledBy.SYSTEM
        assert cancelled.sequence == 1
        get = w.app.client.get
        shown = (await get(f"/v1/meetings/{later['id']}", headers=w.headers(w.mentee))).json()
        assert shown["status"] == "cancelled"
        assert shown["cancellation"]["reason"] == "relationship_ended"
        assert shown["cancellation"]["cancelled_by"] == "system"
        for untouched in (soon, elsewhere):
            still = await get(f"/v1/meetings/{untouched['id']}", headers=w.headers(w.mentor))
            assert still.json()["status"] == "scheduled"

        # Ended: the members still see their meetings, and schedule nothing new there.
        assert_problem(await w.schedule(w.mentor), 409, "relationship_ended")
        listed = await get(f"/v1/relationships/{w.pair}/meetings", headers=w.headers(w.mentee))
        assert len(listed.json()["items"]) == 2

        # Another delivery of the end changes nothing.
        position = await w.app.outbox_position()
        assert await w.app.deliver(w.ended(w.pair))
        assert await w.app.outbox(MeetingCancelled, after=position) == []


async def test_an_end_of_an_unknown_relationship_is_harmless(tmp_path: Path) -> None:
    async with open_world(tmp_path) as w:
        w.clock.advance(timedelta(minutes=1))
        assert await w.app.deliver(w.ended(uuid.uuid4()))
        assert await w.app.outbox(MeetingCancelled) == []
