"""Re-matching offers: an early end offers each mentee who stays a new match; they answer
once; until they accept, nothing matches them; an erased mentee's offers go with her.

Once on SQLite and once on PostgreSQL (``url_factory``), through the API and the pool the
match runs read (:func:`load_roster`).
"""

from __future__ import annotations

import datetime as dt
import uuid
from collections.abc import AsyncIterator
from typing import Any

import pytest

from tandem_contracts.matching import RelationshipEnded, RematchOffered
from tandem_kit.clock import ManualClock
from tandem_kit.testing import assert_problem, outbox_events
from tandem_matching.adapters import programmes as programme_repo
from tandem_matching.adapters import relationships as relationship_repo
from tandem_matching.service.rematching import offer_after_early_end
from tandem_matching.service.roster import load_roster
from tests.conftest import UrlFactory
from tests.matching.integration.helpers import Api, mentor_body, running_app, settings_for
from tests.matching.integration.test_relationships_api import CHOICE, start_pair

pytestmark = [pytest.mark.postgres]


@pytest.fixture
def clock() -> ManualClock:
    return ManualClock(dt.datetime.now(dt.UTC))


@pytest.fixture
async def any_db_api(
    url_factory: UrlFactory, key_path: str, clock: ManualClock
) -> AsyncIterator[Api]:
    url = await url_factory("matching")
    settings = settings_for(url, key_path, migrate_on_start=True, match_runs_enabled=False)
    async with running_app(settings, clock=clock) as api:
        yield api


async def in_pool(api: Api, pid: str, participant_id: str) -> bool:
    """Whether a match run started now would consider this mentee."""
    async with api.database.transaction() as session:
        programme = await programme_repo.get_programme(session, _uuid(pid))
        assert programme is not None
        roster = await load_roster(session, programme)
    return any(str(m.id) == participant_id for m in roster.mentees)


def _uuid(text: str) -> uuid.UUID:
    return uuid.UUID(text)


async def waiting(api: Api, pid: str, participant_id: str) -> bool:
    row = await api.call(
        "GET", f"/v1/programmes/{pid}/participants/{participant_id}", api.tokens.manager(pid)
    )
    return bool(row["waiting"])


async def request_mentor(api: Api, pid: str, mentee: str, mentor_id: str) -> Any:
    return await api.client.post(
        f"/v1/programmes/{pid}/mentor-requests",
        headers=api.tokens.mentee(pid, mentee),
        json={"mentor_id": mentor_id},
    )


async def ended_with_offer(api: Api, pid: str) -> tuple[dict[str, Any], dict[str, Any], str]:
    """amira's relationship with jonas, ended early by the manager; her offer; a free mentor."""
    rel = await start_pair(api, pid, "amira", "jonas")
    other = await api.call(
        "POST",
        f"/v1/programmes/{pid}/participants",
        api.tokens.mentor(pid, "kim"),
        201,
        json=mentor_body(),
    )
    await api.call(
        "POST",
        f"/v1/programmes/{pid}/relationships/{rel['id']}/end",
        api.tokens.manager(pid),
        json={"reason": "no_time"},
    )
    mine = await api.call(
        "GET", f"/v1/programmes/{pid}/rematching-offers", api.tokens.mentee(pid, "amira")
    )
    [offer] = mine["items"]
    return rel, offer, str(other["id"])


async def test_an_accepted_offer_puts_the_mentee_back_in_the_pool(any_db_api: Api) -> None:
    api = any_db_api
    pid = await api.programme(policy=CHOICE)
    rel, offer, kim = await ended_with_offer(api, pid)
    assert offer["relationship_id"] == rel["id"]
    assert offer["mentee_id"] == rel["mentee_id"]
    assert offer["status"] == "open"
    assert offer["answered_at"] is None
    # Open: held out of every way of being matched.
    assert not await waiting(api, pid, rel["mentee_id"])
    assert not await in_pool(api, pid, rel["mentee_id"])
    assert_problem(await request_mentor(api, pid, "amira", kim), 409, "not_waiting")

    url = f"/v1/programmes/{pid}/rematching-offers/{offer['id']}"
    accepted = await api.call("POST", f"{url}/accept", api.tokens.mentee(pid, "amira"))
    assert accepted["status"] == "accepted"
    assert accepted["answered_at"]
    assert await api.call("GET", url, api.tokens.mentee(pid, "amira")) == accepted
    assert await waiting(api, pid, rel["mentee_id"])
    assert await in_pool(api, pid, rel["mentee_id"])
    # Answered once: a second answer either way is a 409 and changes nothing.
    for answer in ("accept", "decline"):
        assert_problem(
            await api.client.post(f"{url}/{answer}", headers=api.tokens.mentee(pid, "amira")),
            409,
            "offer_answered",
        )
    assert (await api.call("GET", url, api.tokens.manager(pid)))["status"] == "accepted"
    # Matchable again: a new mentor (not jonas, whom the pool excludes) may take her.
    assert (await request_mentor(api, pid, "amira", kim)).status_code == 201
    assert_problem(await request_mentor(api, pid, "amira", rel["mentor_id"]), 409)


async def test_a_declined_offer_keeps_the_mentee_out(any_db_api: Api) -> None:
    api = any_db_api
    pid = await api.programme(policy=CHOICE)
    rel, offer, kim = await ended_with_offer(api, pid)
    url = f"/v1/programmes/{pid}/rematching-offers/{offer['id']}/decline"
    declined = await api.call("POST", url, api.tokens.mentee(pid, "amira"))
    assert declined["status"] == "declined"
    assert not await waiting(api, pid, rel["mentee_id"])
    assert not await in_pool(api, pid, rel["mentee_id"])
    assert_problem(await request_mentor(api, pid, "amira", kim), 409, "not_waiting")
    listed = await api.call(
        "GET", f"/v1/programmes/{pid}/rematching-offers?status=declined", api.tokens.manager(pid)
    )
    assert [o["id"] for o in listed["items"]] == [offer["id"]]


async def test_only_the_mentee_answers_and_managers_list(any_db_api: Api) -> None:
    api = any_db_api
    pid = await api.programme(policy=CHOICE)
    _, offer, _ = await ended_with_offer(api, pid)
    await start_pair(api, pid, "bob", "lea")
    base = f"/v1/programmes/{pid}/rematching-offers"
    url = f"{base}/{offer['id']}"
    t = api.tokens
    # Another mentee and the ended relationship's mentor do not know the offer.
    for headers in (t.mentee(pid, "bob"), t.mentor(pid, "jonas")):
        assert_problem(await api.client.get(url, headers=headers), 404, "offer_not_found")
        assert_problem(
            await api.client.post(f"{url}/accept", headers=headers), 404, "offer_not_found"
        )
        assert (await api.call("GET", base, headers))["items"] == []
    # The manager sees it but may not answer for her.
    assert_problem(await api.client.post(f"{url}/accept", headers=t.manager(pid)), 403)
    managed = await api.call("GET", base, t.manager(pid))
    assert [o["id"] for o in managed["items"]] == [offer["id"]]
    # Another programme's manager: the programme is unknown; unregistered: 403.
    other = await api.programme()
    assert_problem(await api.client.get(base, headers=t.manager(other)), 404, "programme_not_found")
    assert_problem(await api.client.get(base, headers=t.mentee(pid, "nobody-here")), 403)
    assert_problem(await api.client.get(f"{base}/not-a-uuid", headers=t.manager(pid)), 422)
    assert_problem(await api.client.get(f"{base}?status=maybe", headers=t.manager(pid)), 422)
    still = await api.call("GET", url, t.mentee(pid, "amira"))
    assert still["status"] == "open"


async def test_one_offer_per_relationship_and_mentee(any_db_api: Api, clock: ManualClock) -> None:
    api = any_db_api
    pid = await api.programme(policy=CHOICE)
    rel, offer, _ = await ended_with_offer(api, pid)
    async with api.database.transaction() as session:
        ended = await relationship_repo.get(session, _uuid(pid), _uuid(rel["id"]))
        assert ended is not None
        members = (await relationship_repo.members_of(session, [ended.id]))[ended.id]
        again = await offer_after_early_end(session, ended, members, leaving=None, at=clock())
    assert again == []
    managed = await api.call(
        "GET", f"/v1/programmes/{pid}/rematching-offers", api.tokens.manager(pid)
    )
    assert [o["id"] for o in managed["items"]] == [offer["id"]]


async def test_each_offer_is_published_once_with_the_ending(
    any_db_api: Api, clock: ManualClock
) -> None:
    """rematch.offered in the ending's transaction (messaging tells the mentee), ids only;
    making the offer again publishes nothing."""
    api = any_db_api
    pid = await api.programme(policy=CHOICE)
    rel, offer, _ = await ended_with_offer(api, pid)
    [event] = await outbox_events(api.database, RematchOffered)
    assert event.programme_id == _uuid(pid)
    assert (str(event.relationship_id), str(event.offer_id), str(event.mentee_id)) == (
        rel["id"],
        offer["id"],
        rel["mentee_id"],
    )
    assert event.offered_at == dt.datetime.fromisoformat(offer["created_at"])
    [ended] = await outbox_events(api.database, RelationshipEnded)
    assert ended.relationship_id == event.relationship_id
    async with api.database.transaction() as session:
        found = await relationship_repo.get(session, _uuid(pid), _uuid(rel["id"]))
        assert found is not None
        members = (await relationship_repo.members_of(session, [found.id]))[found.id]
        await offer_after_early_end(session, found, members, leaving=None, at=clock())
    assert len(await outbox_events(api.database, RematchOffered)) == 1


async def test_a_leaving_mentor_leaves_the_mentee_an_offer(any_db_api: Api) -> None:
    api = any_db_api
    pid = await api.programme(policy=CHOICE)
    rel = await start_pair(api, pid, "amira", "jonas")
    await api.call(
        "POST",
        f"/v1/programmes/{pid}/participants/{rel['mentor_id']}/withdraw",
        api.tokens.mentor(pid, "jonas"),
    )
    [offer] = (
        await api.call(
            "GET", f"/v1/programmes/{pid}/rematching-offers", api.tokens.mentee(pid, "amira")
        )
    )["items"]
    assert offer["relationship_id"] == rel["id"]
    assert offer["status"] == "open"
    [event] = await outbox_events(api.database, RematchOffered)
    assert str(event.offer_id) == offer["id"]


async def test_after_the_programme_end_an_offer_can_only_be_declined(
    any_db_api: Api, clock: ManualClock
) -> None:
    api = any_db_api
    pid = await api.programme(policy=CHOICE)
    _, offer, _ = await ended_with_offer(api, pid)
    url = f"/v1/programmes/{pid}/rematching-offers/{offer['id']}"
    mentee = api.tokens.mentee(pid, "amira")
    clock.advance(dt.timedelta(days=200))  # past ends_on (today + 180)
    assert_problem(await api.client.post(f"{url}/accept", headers=mentee), 409, "programme_ended")
    assert (await api.call("GET", url, mentee))["status"] == "open"
    assert (await api.call("POST", f"{url}/decline", mentee))["status"] == "declined"


async def test_an_erased_mentee_s_offers_go_with_her(any_db_api: Api) -> None:
    api = any_db_api
    pid = await api.programme(policy=CHOICE)
    rel, offer, _ = await ended_with_offer(api, pid)
    exported = await api.call(
        "GET",
        f"/v1/programmes/{pid}/participants/{rel['mentee_id']}/export",
        api.tokens.mentee(pid, "amira"),
    )
    assert exported["rematching_offers"] == [offer]
    await api.call(
        "POST",
        f"/v1/programmes/{pid}/participants/{rel['mentee_id']}/erasure",
        api.tokens.mentee(pid, "amira"),
    )
    managed = await api.call(
        "GET", f"/v1/programmes/{pid}/rematching-offers", api.tokens.manager(pid)
    )
    assert managed["items"] == []
    assert_problem(
        await api.client.get(
            f"/v1/programmes/{pid}/rematching-offers/{offer['id']}", headers=api.tokens.admin()
        ),
        404,
        "offer_not_found",
    )
