"""Communication agreements: drafted from the template, versioned, accepted by everyone."""

from __future__ import annotations

import uuid
from typing import Any

from tests.messaging.conftest import World
from tests.messaging.harness import outbox_events

TERMS: dict[str, Any] = {
    "channels": ["messages", "virtual_meeting"],
    "response_time_hours": 24,
    "meeting_cadence_days": 7,
    "confidentiality_statement": "We keep it between us.",
    "rules": ["No calls after 20:00"],
}


def agreement_url(world: World, relationship: uuid.UUID | None = None) -> str:
    return f"/v1/relationships/{relationship or world.pair}/agreement"


async def test_drafted_from_defaults_then_accepted_by_members_and_manager(world: World) -> None:
    h, a = world.h, world.a
    mentor, mentee, manager = (h.as_person(p, a) for p in (world.mentor, world.mentee, a.manager))
    draft = (await h.client.get(agreement_url(world), headers=mentee)).json()
    assert draft["version"] == 1
    assert draft["status"] == "pending"
    assert draft["proposed_by"] is None
    assert draft["response_time_hours"] == 48
    assert {(w["role"], w["participant_id"]) for w in draft["waiting_for"]} == {
        ("mentor", str(world.mentor.participant_id)),
        ("mentee", str(world.mentee.participant_id)),
        ("manager", None),
    }

    for who in (mentee, mentor):
        accepted = await h.client.post(
            f"{agreement_url(world)}/acceptances", json={"version": 1}, headers=who
        )
        assert accepted.status_code == 200
        assert accepted.json()["status"] == "pending"
    assert await outbox_events(h, "tandem.agreement.accepted.v1") == []
    done = await h.client.post(
        f"{agreement_url(world)}/acceptances", json={"version": 1}, headers=manager
    )
    assert done.json()["status"] == "accepted"
    assert done.json()["waiting_for"] == []
    again = await h.client.post(
        f"{agreement_url(world)}/acceptances", json={"version": 1}, headers=manager
    )
    assert again.status_code == 200
    [event] = await outbox_events(h, "tandem.agreement.accepted.v1")
    assert event["relationship_id"] == str(world.pair)
    assert event["version"] == 1
    assert event["response_time_hours"] == 48
    assert event["meeting_cadence_days"] == 14
    assert sorted(event["member_roles"]) == ["mentee", "mentor"]
    assert "rules" not in event
    assert "confidentiality_statement" not in event


async def test_a_change_needs_everyones_acceptance_again(world: World) -> None:
    h, a = world.h, world.a
    mentor, mentee, manager = (h.as_person(p, a) for p in (world.mentor, world.mentee, a.manager))
    for who in (mentor, mentee, manager):
        await h.client.post(f"{agreement_url(world)}/acceptances", json={"version": 1}, headers=who)
    changed = await h.client.put(
        agreement_url(world), headers=mentee, json={**TERMS, "based_on_version": 1}
    )
    assert changed.status_code == 200, changed.text
    body = changed.json()
    assert (body["version"], body["status"], body["accepted_version"]) == (2, "pending", 1)
    assert body["rules"] == ["No calls after 20:00"]
    assert body["proposed_by"] == {
        "participant_id": str(world.mentee.participant_id),
        "role": "mentee",
    }
    assert len(body["waiting_for"]) == 3
    assert body["acceptances"] == []
    stale = await h.client.put(
        agreement_url(world), headers=mentor, json={**TERMS, "based_on_version": 1}
    )
    assert stale.status_code == 409
    assert stale.json()["code"] == "agreement_changed"
    old = await h.client.post(
        f"{agreement_url(world)}/acceptances", json={"version": 1}, headers=mentor
    )
    assert old.status_code == 409
    for who in (mentor, mentee, manager):
        last = await h.client.post(
            f"{agreement_url(world)}/acceptances", json={"version": 2}, headers=who
        )
    assert last.json()["status"] == "accepted"
    events = await outbox_events(h, "tandem.agreement.accepted.v1")
    assert [(e["version"], e["channels"]) for e in events] == [
        (1, ["messages", "email", "virtual_meeting", "face_to_face"]),
        (2, ["messages", "virtual_meeting"]),
    ]


async def test_programme_template_shapes_new_agreements(world: World) -> None:
    h, a = world.h, world.a
    manager = h.as_person(a.manager, a)
    put = await h.client.put(
        f"/v1/programmes/{a.id}/agreement-template",
        headers=manager,
        json={**TERMS, "rules": ["Be on time"]},
    )
    assert put.status_code == 200
    assert put.json()["is_default"] is False
    relationship = uuid.uuid4()
    await h.deliver(a.started(relationship, world.outsider, world.mentee))
    fresh = (
        await h.client.get(agreement_url(world, relationship), headers=h.as_person(world.mentee, a))
    ).json()
    assert fresh["response_time_hours"] == 24
    assert fresh["rules"] == ["Be on time"]
    kept = (await h.client.get(agreement_url(world), headers=manager)).json()
    assert kept["response_time_hours"] == 48, "running agreements keep their version"


async def test_invalid_terms_and_ended_relationships_are_refused(world: World) -> None:
    h, a = world.h, world.a
    mentee = h.as_person(world.mentee, a)
    for bad in (
        {**TERMS, "channels": []},
        {**TERMS, "channels": ["pigeon"]},
        {**TERMS, "response_time_hours": 0},
        {**TERMS, "rules": ["x"] * 21},
        {**TERMS, "rules": ["x" * 501]},
        {**TERMS, "confidentiality_statement": ""},
    ):
        response = await h.client.put(
            agreement_url(world), headers=mentee, json={**bad, "based_on_version": 1}
        )
        assert response.status_code == 422, (bad, response.text)
    blank = await h.client.put(
        agreement_url(world),
        headers=mentee,
        json={**TERMS, "confidentiality_statement": "   ", "based_on_version": 1},
    )
    assert blank.status_code == 422
    assert blank.json()["code"] == "invalid_terms"
    assert (await h.client.get(agreement_url(world), headers=mentee)).json()["version"] == 1
    await h.deliver(a.ended(world.pair))
    closed = await h.client.put(
        agreement_url(world), headers=mentee, json={**TERMS, "based_on_version": 1}
    )
    assert closed.status_code == 409
    assert (
        await h.client.post(
            f"{agreement_url(world)}/acceptances", json={"version": 1}, headers=mentee
        )
    ).status_code == 409
    assert (await h.client.get(agreement_url(world), headers=mentee)).json()["status"] == "closed"
