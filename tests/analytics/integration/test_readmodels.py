"""The read models hold what the events say: message weeks, answers and response times
(a late message slots in between), two-way contact, meetings by mode, goals, the
agreement's latest version, participants' last contact; an erasure merges the person
into ERASED, keeps the counts, and rewrites the stored events that named them."""

from __future__ import annotations

import json
import uuid
from collections.abc import AsyncIterator
from datetime import date, timedelta
from pathlib import Path

import pytest
from sqlalchemy import select

from tandem_analytics.adapters.tables import metadata
from tandem_analytics.domain.readmodels import ERASED
from tandem_analytics.main import DEFINITION, create_app
from tandem_analytics.settings import AnalyticsSettings
from tandem_contracts.common import Role
from tandem_contracts.meetings import MeetingMode
from tandem_kit.testing import RunningApp, isolated_settings, run_app
from tests.analytics.integration.readmodels_history import (
    START,
    History,
    dump,
    records,
    stored_events,
)


@pytest.fixture
async def analytics(tmp_path: Path) -> AsyncIterator[RunningApp[AnalyticsSettings]]:
    settings = isolated_settings(AnalyticsSettings, tmp_path)
    async with run_app(create_app(settings), settings, definition=DEFINITION) as running:
        yield running


def _hours(n: float) -> timedelta:
    return timedelta(hours=n)


async def test_messages_answers_meetings_and_goals(
    analytics: RunningApp[AnalyticsSettings],
) -> None:
    h = History()
    max_ = h.person(Role.MENTOR, "DE")
    ana = h.person(Role.MENTEE, "SY")
    pair = h.start(max_, ana)
    first = h.message(pair, max_, START + _hours(1), None)
    answer = h.message(pair, ana, START + _hours(5), None)
    h.message(pair, max_, START + timedelta(days=8), None)  # next week, unanswered
    h.agreement(pair, 2, 48, START)
    h.agreement(pair, 1, 24, START)  # an older version, arriving later: ignored
    online, f2f = uuid.uuid4(), uuid.uuid4()
    h.meeting(pair, "scheduled", 0, MeetingMode.ONLINE, START + timedelta(days=2), online)
    h.attendance(pair, online, [max_, ana], START + timedelta(days=2, hours=2))
    h.meeting(pair, "cancelled", 1, MeetingMode.FACE_TO_FACE, START + timedelta(days=9), f2f)
    h.meeting(pair, "scheduled", 0, MeetingMode.FACE_TO_FACE, START + timedelta(days=9), f2f)
    goal = uuid.uuid4()
    h.goal(pair, goal, 2, START + timedelta(days=14))
    h.goal(pair, goal, 1, START + timedelta(days=7))  # older: ignored
    for envelope in h.envelopes:
        assert await analytics.deliver(envelope)
    # A late message of Ana's between Max's first and her answer: it answers first now.
    late = h.message(pair, ana, START + _hours(3), None)
    await analytics.deliver(h.envelopes[-1])

    db = analytics.runtime.database
    messages = {r["message_id"]: r for r in await records(db, "rm_messages")}
    assert messages[first]["answer_id"] == late
    assert messages[first]["response_seconds"] == 2 * 3600
    assert messages[late]["answered_by"] == max_.participant_id  # Max's next-week message
    assert messages[answer]["answered_by"] == max_.participant_id
    weeks = {
        (r["participant_id"], r["week"]): r["messages"]
        for r in await records(db, "rm_message_weeks")
    }
    monday = START.date()
    assert weeks == {
        (max_.participant_id, monday): 1,
        (ana.participant_id, monday): 2,
        (max_.participant_id, monday + timedelta(days=7)): 1,
    }
    (relationship,) = await records(db, "rm_relationships")
    assert relationship["starts_on"] == date(2026, 3, 2)
    assert relationship["agreement_version"] == 2  # the older version, arriving later, not
    assert relationship["agreed_response_hours"] == 48
    assert relationship["last_meeting_held_at"] == START + timedelta(days=2, hours=2)
    meetings = {r["meeting_id"]: r for r in await records(db, "rm_meetings")}
    assert meetings[online]["outcome"] == "held"
    assert meetings[online]["attended_mode"] == "online"
    assert meetings[f2f]["cancelled"] is True  # sequence 1 wins over the schedule at 0
    (goal_row,) = await records(db, "rm_goals")
    assert goal_row["milestones_done"] == 2
    participants = {r["participant_id"]: r for r in await records(db, "rm_participants")}
    assert participants[ana.participant_id]["country"] == "SY"
    assert participants[ana.participant_id]["last_meeting_at"] == START + timedelta(days=2, hours=2)
    assert participants[max_.participant_id]["first_posted_at"] == START + _hours(1)
    assert participants[max_.participant_id]["last_contact_at"] == START + timedelta(days=8)


async def test_erasure_merges_into_erased_and_rewrites_the_store(
    analytics: RunningApp[AnalyticsSettings],
) -> None:
    h = History()
    max_ = h.person(Role.MENTOR, "DE")
    ana = h.person(Role.MENTEE, "SY")
    pair = h.start(max_, ana)
    h.message(pair, max_, START + _hours(1), None)
    h.message(pair, ana, START + _hours(2), None)
    for envelope in h.envelopes:
        await analytics.deliver(envelope)
    h.erase(ana, START + timedelta(days=1))
    await analytics.deliver(h.envelopes[-1])
    h.message(pair, ana, START + timedelta(days=2), None)  # late, after the erasure
    await analytics.deliver(h.envelopes[-1])

    database = analytics.runtime.database
    rows = await dump(database)
    members = {r["participant_id"]: r["messages"] for r in await records(database, "rm_members")}
    assert members == {max_.participant_id: 1, ERASED: 2}  # the counts stay
    assert ana.participant_id not in {
        r["participant_id"] for r in await records(database, "rm_participants")
    }
    text = json.dumps({k: [list(map(str, r)) for r in v] for k, v in rows.items()})
    assert str(ana.participant_id) not in text
    stored = b"".join((await stored_events(database)).values())
    assert str(ana.participant_id).encode() not in stored
    assert ana.subject.encode() not in stored
    assert b"erased:" in stored
    people = metadata.tables["consumed_event_people"]
    async with database.transaction() as session:
        named = (await session.execute(select(people.c.participant_id))).scalars().all()
    assert ana.participant_id not in named
    assert max_.participant_id in named
