"""Each state change writes its event to the outbox in the same transaction — and only then.

(The relay and the broker are covered by tests/e2e/test_matching_events.py.)
"""

from __future__ import annotations

import json
from typing import Any

from sqlalchemy import select
from sqlalchemy.ext.asyncio import AsyncSession

from tandem_kit.db.tables import outbox_table
from tandem_kit.outbox.writer import payload_field
from tandem_kit.privacy import vault_of
from tandem_kit.testing import assert_problem
from tests.matching.integration.helpers import Api, mentee_body, mentor_body
from tests.matching.integration.test_relationships_api import CHOICE, start_pair

SHREDDED = "(shredded: sealed for a participant erased since)"


async def outbox(api: Api) -> list[dict[str, Any]]:
    """Every row written so far, tombstones too (``data`` None), from the app's database."""
    async with api.database.sessions() as session:
        rows = (
            (await session.execute(select(outbox_table).order_by(outbox_table.c.id)))
            .mappings()
            .all()
        )
        return [
            {
                "type": r["event_type"],
                "key": r["key"],
                "topic": r["topic"],
                "data": None if r["payload"] is None else await opened(session, r),
            }
            for r in rows
        ]


async def opened(session: AsyncSession, row: Any) -> Any:
    """A row's payload; one carrying a contact is sealed for its participant."""
    if row["about"] is None:
        return json.loads(row["payload"])
    text = await vault_of(session).open(
        session, row["about"], payload_field(row["event_id"]), row["payload"]
    )
    if text is None:
        return SHREDDED
    email = json.loads(text)["contact"]["email"]
    assert email.encode() not in row["payload"], "a contact is never in the outbox in the clear"
    return json.loads(text)


async def test_programme_and_participant_events(api: Api) -> None:
    pid = await api.programme()
    consenting = await api.register(pid, mentor_body("jonas"))
    private = await api.register(
        pid,
        mentee_body(
            "amira", linkedin_url="https://www.linkedin.com/in/amira", linkedin_consent=False
        ),
    )
    await api.call(
        "PATCH",
        f"/v1/programmes/{pid}/participants/{private['id']}",
        api.tokens.manager(pid),
        json={"city": "Hamburg"},
    )
    await api.call(
        "POST",
        f"/v1/programmes/{pid}/participants/{private['id']}/withdraw",
        api.tokens.manager(pid),
    )
    rows = await outbox(api)
    events = [e for e in rows if e["topic"] == "tandem.matching.v1"]
    contacts = [e for e in rows if e["topic"] == "tandem.contacts.v1"]
    assert [e["type"] for e in events] == [
        "tandem.programme.created.v1",
        "tandem.participant.registered.v2",
        "tandem.participant.registered.v2",
        "tandem.participant.updated.v2",
        "tandem.participant.withdrawn.v1",
    ]
    assert len(rows) == len(events) + len(contacts)
    assert {e["key"] for e in events} == {pid}
    created = events[0]["data"]
    assert created["managers"][0]["subject"] == "named-manager"
    assert created["formats"] == ["pair"]
    registered = events[1]["data"]
    assert registered["participant_id"] == consenting["id"]
    # Ids and facts only: no skills, sector or city, and no contact details (name, e-mail,
    # LinkedIn): those go to the compacted contacts topic.
    assert set(registered) == {
        "programme_id",
        "participant_id",
        "subject",
        "role",
        "country",
        "languages",
        "availability",
        "modality",
        "goals",
    }
    assert registered["subject"] == "jonas"
    assert (registered["modality"], registered["goals"]) == ("either", [])  # a mentor
    amira = events[2]["data"]
    assert (amira["modality"], amira["goals"]) == ("online_only", ["cv", "interviews"])
    assert events[4]["data"] == {"programme_id": pid, "participant_id": private["id"]}

    # One contact per registration and update, keyed by participant (the compaction key).
    assert [(e["type"], e["key"]) for e in contacts] == [
        ("tandem.participant.contact.v1", consenting["id"]),
        ("tandem.participant.contact.v1", private["id"]),
        ("tandem.participant.contact.v1", private["id"]),
    ]
    jonas = contacts[0]["data"]
    assert jonas["contact"] == {
        "subject": "jonas",
        "display_name": "Mentor jonas",
        "email": "jonas@example.org",
        "preferred_language": "de",
        "time_zone": "Europe/Berlin",
    }
    assert jonas["role"] == "mentor"
    assert jonas["linkedin_url"] == "https://www.linkedin.com/in/mentor"
    assert jonas["city"] == "Berlin"  # personal: here, where erasure tombstones it
    assert contacts[1]["data"]["linkedin_url"] is None  # no consent, no URL
    assert contacts[2]["data"]["city"] == "Hamburg"  # the update's


async def test_erasure_tombstones_the_contact(api: Api) -> None:
    pid = await api.programme()
    amira = await api.register(pid, mentee_body("amira"))
    before = len(await outbox(api))
    await api.call(
        "POST",
        f"/v1/programmes/{pid}/participants/{amira['id']}/erasure",
        api.tokens.admin(),
    )
    events = await outbox(api)
    # Her contact, not yet relayed, was sealed under her key: erasure shredded it too.
    assert [e["data"] for e in events[:before] if e["topic"] == "tandem.contacts.v1"] == [SHREDDED]
    written = events[before:]
    assert [(e["topic"], e["type"], e["key"], e["data"]) for e in written] == [
        (
            "tandem.matching.v1",
            "tandem.participant.erased.v1",
            pid,
            {"programme_id": pid, "participant_id": amira["id"], "subject": "amira"},
        ),
        # The tombstone: her key with no value, so compaction removes her contact.
        ("tandem.contacts.v1", "tandem.participant.contact.v1", amira["id"], None),
    ]


async def test_rejected_requests_write_no_events(api: Api) -> None:
    pid = await api.programme()
    before = len(await outbox(api))
    assert_problem(
        await api.client.post(
            f"/v1/programmes/{pid}/participants",
            headers=api.tokens.manager(pid),
            json=mentee_body("x", country="US"),
        ),
        422,
    )
    assert_problem(
        await api.client.post(
            f"/v1/programmes/{pid}/participants",
            headers=api.tokens.mentee(pid, "y"),
            json=mentee_body("z"),
        ),
        403,
    )
    assert_problem(
        await api.client.post(
            f"/v1/programmes/{pid}/imports",
            headers=api.tokens.manager(pid),
            json={"rows": [mentee_body("a"), mentee_body("b", country="US")]},
        ),
        422,
    )
    assert len(await outbox(api)) == before


async def test_relationship_events_are_keyed_by_relationship(api: Api) -> None:
    pid = await api.programme(policy=CHOICE)
    rel = await start_pair(api, pid, "amira", "jonas")
    await api.call(
        "POST",
        f"/v1/programmes/{pid}/relationships/{rel['id']}/end",
        api.tokens.mentor(pid, "jonas"),
        json={"reason": "poor_fit"},
    )
    events = [e for e in await outbox(api) if e["key"] == rel["id"]]
    assert [e["type"] for e in events] == [
        "tandem.match.proposed.v1",
        "tandem.relationship.started.v1",
        "tandem.relationship.ended.v1",
        "tandem.rematch.offered.v1",  # the mentee stays: she is offered a new match
    ]
    proposed, started, ended, offered = (e["data"] for e in events)
    assert proposed["match_run_id"] is None
    assert proposed["mentor_id"] == rel["mentor_id"]
    assert proposed["mentee_ids"] == [rel["mentee_id"]]
    assert 0 < proposed["score"] <= 1
    # each criterion's own score, for analytics to learn weights from (never a weight)
    scores = proposed["criterion_scores"]
    assert scores, proposed
    assert all(0 <= value <= 1 for value in scores.values())
    assert set(scores) == {
        "skills_goals",
        "sector",
        "availability",
        "language_culture",
        "format_modality",
    }
    assert {(m["subject"], m["role"]) for m in started["members"]} == {
        ("jonas", "mentor"),
        ("amira", "mentee"),
    }
    assert started["agreed_end_date"] == rel["agreed_end_date"]
    assert started["format"] == "pair"
    assert ended == {
        "programme_id": pid,
        "relationship_id": rel["id"],
        "outcome": "ended_early",
        "ended_by": "mentor",
        "reason": "poor_fit",
    }
    assert set(offered) == {
        "programme_id",
        "relationship_id",
        "offer_id",
        "mentee_id",
        "offered_at",
    }
    assert offered["mentee_id"] == rel["mentee_id"]


async def test_the_facts_meetings_plan_with_follow_every_change(api: Api) -> None:
    """Issue 11: the programme's face-to-face reach, and a participant's modality and goals
    (facts) and city (contact), as they change."""
    policy = {"hard_constraints": ["language"], "face_to_face_reach": "same_country"}
    pid = await api.programme(policy=policy)
    amira = await api.register(pid, mentee_body("amira", modality="either"))
    since = len(await outbox(api))
    patch = f"/v1/programmes/{pid}/participants/{amira['id']}"
    await api.call(
        "PATCH",
        patch,
        api.tokens.mentee(pid, "amira"),
        json={"modality": "online_only", "goals": ["networking"], "city": "Graz"},
    )
    # Tuning the policy without touching the reach tells nobody; changing the reach does.
    await api.call(
        "PATCH", f"/v1/programmes/{pid}", api.tokens.manager(pid), json={"policy": policy}
    )
    await api.call(
        "PATCH",
        f"/v1/programmes/{pid}",
        api.tokens.manager(pid),
        json={"policy": {**policy, "face_to_face_reach": "same_city"}},
    )
    rows = await outbox(api)
    assert rows[0]["type"] == "tandem.programme.created.v1"
    assert rows[0]["data"]["face_to_face_reach"] == "same_country"
    changed = [(e["type"], e["data"]) for e in rows[since:]]
    assert [kind for kind, _ in changed] == [
        "tandem.participant.updated.v2",
        "tandem.participant.contact.v1",
        "tandem.programme.updated.v1",
    ]
    facts, contact, programme = (data for _, data in changed)
    assert (facts["modality"], facts["goals"]) == ("online_only", ["networking"])
    assert "city" not in facts
    assert contact["city"] == "Graz"
    assert programme["face_to_face_reach"] == "same_city"
