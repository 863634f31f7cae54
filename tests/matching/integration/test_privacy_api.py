"""Erasure and export of a participant's data."""

from __future__ import annotations

import uuid

from sqlalchemy import select

from tandem_kit.db.tables import outbox_table
from tandem_kit.testing import assert_problem
from tandem_matching.adapters.tables import participants, relationship_members
from tests.matching.integration.helpers import Api
from tests.matching.integration.test_relationships_api import CHOICE, start_pair


async def _outbox_types(api: Api) -> list[str]:
    """The types of every row written, tombstones too."""
    async with api.database.sessions() as session:
        rows = await session.scalars(select(outbox_table.c.event_type).order_by(outbox_table.c.id))
        return list(rows)


async def test_participant_erases_themselves(api: Api) -> None:
    pid = await api.programme(policy=CHOICE)
    rel = await start_pair(api, pid, "amira", "jonas")
    url = f"/v1/programmes/{pid}/participants/{rel['mentee_id']}"
    receipt = await api.call("POST", f"{url}/erasure", api.tokens.mentee(pid, "amira"))
    assert receipt["relationships_closed"] == 1
    ended = await api.call(
        "GET", f"/v1/programmes/{pid}/relationships/{rel['id']}", api.tokens.manager(pid)
    )
    assert ended["status"] == "ended_early"
    assert ended["ended_by"] == "system"
    assert ended["end_reason"] == "participant_erased"
    mentee = next(m for m in ended["members"] if m["role"] == "mentee")
    assert mentee["participant_id"] == rel["mentee_id"]  # the anonymous id stays
    assert mentee["display_name"] is None
    assert mentee["explanation"] is None
    seen = await api.call("GET", url, api.tokens.manager(pid))
    assert seen["status"] == "erased"
    assert seen["subject"] is None
    personal = (
        "display_name",
        "email",
        "country",
        "time_zone",
        "languages",
        "city",
        "availability",
        "sector",
        "goals",
        "linkedin_url",
    )
    assert all(seen[field] is None for field in personal), seen
    mentee_id = uuid.UUID(rel["mentee_id"])
    async with api.database.sessions() as session:
        row = (
            (await session.execute(select(participants).where(participants.c.id == mentee_id)))
            .mappings()
            .one()
        )
        explanations = await session.scalars(select(relationship_members.c.explanation))
        assert all(e is None for e in explanations)
    assert all(row[field] is None for field in (*personal, "subject", "preferred_language"))
    types = await _outbox_types(api)
    assert types[-3:] == [
        "tandem.relationship.ended.v1",
        "tandem.participant.erased.v1",
        "tandem.participant.contact.v1",  # the tombstone of her contact
    ]
    # Erased: the subject's token no longer maps to anyone, and erasing again conflicts.
    assert_problem(
        await api.client.post(f"{url}/erasure", headers=api.tokens.mentee(pid, "amira")), 403
    )
    assert_problem(
        await api.client.post(f"{url}/erasure", headers=api.tokens.admin()), 409, "already_erased"
    )


async def test_who_may_erase(api: Api) -> None:
    pid = await api.programme(policy=CHOICE)
    rel = await start_pair(api, pid, "amira", "jonas")
    url = f"/v1/programmes/{pid}/participants/{rel['mentee_id']}/erasure"
    assert_problem(await api.client.post(url, headers=api.tokens.manager(pid)), 403)
    assert_problem(await api.client.post(url, headers=api.tokens.mentor(pid, "jonas")), 404)
    assert_problem(
        await api.client.post(url, headers=api.tokens.mentee(await api.programme(), "amira")),
        404,
        "programme_not_found",
    )
    assert_problem(
        await api.client.post(
            f"/v1/programmes/{pid}/participants/{uuid.uuid4()}/erasure", headers=api.tokens.admin()
        ),
        404,
    )
    still = await api.call(
        "GET", f"/v1/programmes/{pid}/participants/{rel['mentee_id']}", api.tokens.manager(pid)
    )
    assert still["status"] == "active"
    receipt = await api.call("POST", url, api.tokens.admin())
    assert receipt["participant_id"] == rel["mentee_id"]


async def test_export_holds_profile_relationships_and_requests(api: Api) -> None:
    pid = await api.programme(policy=CHOICE)
    rel = await start_pair(api, pid, "amira", "jonas")
    url = f"/v1/programmes/{pid}/participants/{rel['mentee_id']}/export"
    export = await api.call("GET", url, api.tokens.mentee(pid, "amira"))
    assert export["participant"]["subject"] == "amira"
    assert export["participant"]["email"] == "self@example.org"
    assert [r["id"] for r in export["relationships"]] == [rel["id"]]
    assert len(export["mentor_requests"]) == 1
    assert export["proposals"] == []
    assert export["rematching_offers"] == []
    assert (await api.call("GET", url, api.tokens.admin()))["participant"]["id"] == rel["mentee_id"]
    assert_problem(await api.client.get(url, headers=api.tokens.manager(pid)), 403)
    assert_problem(await api.client.get(url, headers=api.tokens.mentor(pid, "jonas")), 404)
    assert_problem(
        await api.client.get(url, headers=api.tokens.nobody()), 404, "programme_not_found"
    )


async def test_withdrawal_ends_active_relationships(api: Api) -> None:
    pid = await api.programme(policy=CHOICE)
    rel = await start_pair(api, pid, "amira", "jonas")
    await api.call(
        "POST",
        f"/v1/programmes/{pid}/participants/{rel['mentor_id']}/withdraw",
        api.tokens.mentor(pid, "jonas"),
    )
    ended = await api.call(
        "GET", f"/v1/programmes/{pid}/relationships/{rel['id']}", api.tokens.mentee(pid, "amira")
    )
    assert ended["status"] == "ended_early"
    assert ended["ended_by"] == "mentor"
    assert ended["end_reason"] == "participant_withdrew"
    assert (await _outbox_types(api))[-3:] == [
        "tandem.relationship.ended.v1",
        "tandem.rematch.offered.v1",  # the mentee stays: she is offered a new match
        "tandem.participant.withdrawn.v1",
    ]
