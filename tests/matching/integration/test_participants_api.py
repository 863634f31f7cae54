"""Participants: registration, scoped reads, filters, updates and withdrawal."""

from __future__ import annotations

from typing import Any

import pytest

from tandem_kit.testing import assert_problem
from tests.matching.integration.helpers import Api, mentee_body, mentor_body


async def _count(api: Api, pid: str) -> int:
    page = await api.call(
        "GET", f"/v1/programmes/{pid}/participants?limit=200", api.tokens.manager(pid)
    )
    return len(page["items"])


async def test_self_registration_needs_the_role_grant(api: Api) -> None:
    pid = await api.programme()
    me = await api.call(
        "POST",
        f"/v1/programmes/{pid}/participants",
        api.tokens.mentee(pid, "amira"),
        201,
        json=mentee_body(),
    )
    assert me["subject"] == "amira"
    assert me["role"] == "mentee"
    assert me["waiting"] is True
    # A mentee grant does not let you register as mentor.
    assert_problem(
        await api.client.post(
            f"/v1/programmes/{pid}/participants",
            headers=api.tokens.mentee(pid, "bob"),
            json=mentor_body(),
        ),
        403,
    )
    # Another programme's grant does not count here.
    other = await api.programme()
    assert_problem(
        await api.client.post(
            f"/v1/programmes/{pid}/participants",
            headers=api.tokens.mentor(other, "carl"),
            json=mentor_body(),
        ),
        404,
        "programme_not_found",
    )
    # Only a manager may name someone else.
    assert_problem(
        await api.client.post(
            f"/v1/programmes/{pid}/participants",
            headers=api.tokens.mentee(pid, "dora"),
            json=mentee_body("someone-else"),
        ),
        403,
    )
    assert await _count(api, pid) == 1


async def test_manager_registers_on_behalf_and_duplicates_conflict(api: Api) -> None:
    pid = await api.programme()
    created = await api.register(pid, mentor_body("jonas"))
    assert created["subject"] == "jonas"
    assert created["capacity"] == 2
    assert_problem(
        await api.client.post(
            f"/v1/programmes/{pid}/participants",
            headers=api.tokens.manager(pid),
            json=mentor_body("jonas"),
        ),
        409,
        "already_registered",
    )
    named = await api.call(
        "POST",
        f"/v1/programmes/{pid}/participants",
        api.tokens.manager(pid, "named-manager"),
        201,
        json=mentee_body("eve"),
    )
    assert named["subject"] == "eve"


@pytest.mark.parametrize(
    ("body", "needle"),
    [
        (mentee_body(time_zone="Mars/Olympus"), "time_zone"),
        (mentee_body(languages=["xx"]), "languages"),
        (mentee_body(languages=[]), "languages"),
        (mentee_body(country="ZZ"), "country"),
        (mentee_body(availability=[{"weekday": 1, "start": "20:00", "end": "19:00"}]), "end after"),
        (mentee_body(availability=[{"weekday": 7, "start": "10:00", "end": "11:00"}]), "weekday"),
        (mentee_body(linkedin_url="http://www.linkedin.com/in/x"), "linkedin"),
        (mentee_body(linkedin_url="https://evil.example/in/x"), "linkedin"),
        (mentor_body(capacity=0), "capacity"),
        (mentor_body(capacity=None), "capacity is required"),
        (mentee_body(capacity=2), "capacity is for mentors"),
        (mentee_body(skills=["cv"]), "skills are for mentors"),
        (mentor_body(goals=["cv"]), "goals are for mentees"),
        (mentee_body(email="nope"), "email"),
        (mentee_body(modality="teleport"), "modality"),
        (mentee_body(goals=["Not A Token"]), "goals"),
        (mentee_body(role="coach"), "role"),
        (mentee_body(extra=1), "extra"),
    ],
)
async def test_bad_profiles_are_rejected_and_nothing_written(
    api: Api, body: dict[str, Any], needle: str
) -> None:
    pid = await api.programme()
    body = {k: v for k, v in body.items() if v is not None}
    response = await api.client.post(
        f"/v1/programmes/{pid}/participants",
        headers=api.tokens.manager(pid),
        json={**body, "subject": "x"},
    )
    detail = assert_problem(response, 422, "validation_error")
    assert needle.lower() in str(detail["errors"]).lower(), detail
    assert await _count(api, pid) == 0


async def test_profile_must_fit_the_programme(api: Api) -> None:
    pid = await api.programme()
    body = assert_problem(
        await api.client.post(
            f"/v1/programmes/{pid}/participants",
            headers=api.tokens.manager(pid),
            json=mentee_body("x", country="US", languages=["es"]),
        ),
        422,
        "profile_not_in_programme",
    )
    assert len(body["errors"]) == 2
    assert await _count(api, pid) == 0


async def test_participants_see_only_themselves(api: Api) -> None:
    pid = await api.programme()
    amira = await api.call(
        "POST",
        f"/v1/programmes/{pid}/participants",
        api.tokens.mentee(pid, "amira"),
        201,
        json=mentee_body(),
    )
    jonas = await api.register(pid, mentor_body("jonas"))
    as_amira = api.tokens.mentee(pid, "amira")
    page = await api.call("GET", f"/v1/programmes/{pid}/participants", as_amira)
    assert [p["id"] for p in page["items"]] == [amira["id"]]
    await api.call("GET", f"/v1/programmes/{pid}/participants/{amira['id']}", as_amira)
    assert_problem(
        await api.client.get(f"/v1/programmes/{pid}/participants/{jonas['id']}", headers=as_amira),
        404,
        "participant_not_found",
    )
    # Holding the grant without being registered: no list at all.
    assert_problem(
        await api.client.get(
            f"/v1/programmes/{pid}/participants", headers=api.tokens.mentee(pid, "unregistered")
        ),
        403,
    )
    # The grant is what makes the record yours: the same subject without it is nobody here.
    assert_problem(
        await api.client.get(
            f"/v1/programmes/{pid}/participants/{amira['id']}", headers=api.tokens.nobody("amira")
        ),
        404,
        "programme_not_found",
    )


async def test_other_programme_is_unknown_and_ids_do_not_cross(api: Api) -> None:
    pid, other = await api.programme(), await api.programme()
    jonas = await api.register(pid, mentor_body("jonas"))
    assert_problem(
        await api.client.get(
            f"/v1/programmes/{pid}/participants", headers=api.tokens.manager(other)
        ),
        404,
        "programme_not_found",
    )
    assert_problem(
        await api.client.get(
            f"/v1/programmes/{pid}/participants/{jonas['id']}", headers=api.tokens.manager(other)
        ),
        404,
        "programme_not_found",
    )
    assert_problem(
        await api.client.get(
            f"/v1/programmes/{other}/participants/{jonas['id']}", headers=api.tokens.manager(other)
        ),
        404,
    )


async def test_manager_filters(api: Api) -> None:
    pid = await api.programme()
    await api.register(pid, mentor_body("m1"))
    await api.register(pid, mentee_body("e1", country="AT", time_zone="Europe/Vienna"))
    e2 = await api.register(pid, mentee_body("e2"))
    await api.call(
        "POST", f"/v1/programmes/{pid}/participants/{e2['id']}/withdraw", api.tokens.manager(pid)
    )
    base = f"/v1/programmes/{pid}/participants"
    headers = api.tokens.manager(pid)

    async def subjects(query: str) -> set[str]:
        page = await api.call("GET", f"{base}?{query}", headers)
        return {p["subject"] for p in page["items"]}

    assert await subjects("role=mentee") == {"e1", "e2"}
    assert await subjects("country=AT") == {"e1"}
    assert await subjects("status=withdrawn") == {"e2"}
    assert await subjects("unmatched=true") == {"m1", "e1"}
    assert await subjects("unmatched=true&role=mentee") == {"e1"}
    first = await api.call("GET", f"{base}?limit=2", headers)
    second = await api.call("GET", f"{base}?limit=2&cursor={first['next_cursor']}", headers)
    assert len(first["items"]) + len(second["items"]) == 3
    assert second["next_cursor"] is None
    assert_problem(await api.client.get(f"{base}?role=coach", headers=headers), 422)
    assert_problem(await api.client.get(f"{base}?country=germany", headers=headers), 422)
    assert_problem(await api.client.get(f"{base}?limit=0", headers=headers), 422)


async def test_updates_by_self_and_manager(api: Api) -> None:
    pid = await api.programme()
    me = await api.call(
        "POST",
        f"/v1/programmes/{pid}/participants",
        api.tokens.mentee(pid, "amira"),
        201,
        json=mentee_body(),
    )
    url = f"/v1/programmes/{pid}/participants/{me['id']}"
    changed = await api.call(
        "PATCH",
        url,
        api.tokens.mentee(pid, "amira"),
        json={"city": None, "goals": ["networking", "cv", "cv"]},
    )
    assert changed["city"] is None
    assert changed["goals"] == ["cv", "networking"]
    changed = await api.call(
        "PATCH", url, api.tokens.manager(pid), json={"country": "FR", "time_zone": "Europe/Paris"}
    )
    assert changed["country"] == "FR"
    for bad, code in (
        ({"time_zone": "Nowhere/Land"}, "validation_error"),
        ({"languages": None}, "validation_error"),
        ({}, "validation_error"),
        ({"skills": ["cv"]}, "invalid_profile"),
        ({"capacity": 3}, "invalid_profile"),
        ({"country": "US"}, "profile_not_in_programme"),
    ):
        assert_problem(
            await api.client.patch(url, headers=api.tokens.mentee(pid, "amira"), json=bad),
            422,
            code,
        )
    after = await api.call("GET", url, api.tokens.manager(pid))
    assert after["country"] == "FR"
    assert after["skills"] == []
    other = await api.register(pid, mentee_body("bob"))
    assert_problem(
        await api.client.patch(
            f"/v1/programmes/{pid}/participants/{other['id']}",
            headers=api.tokens.mentee(pid, "amira"),
            json={"city": "Paris"},
        ),
        404,
    )
    assert_problem(
        await api.client.patch(
            url, headers=api.tokens.manager(await api.programme()), json={"city": "Paris"}
        ),
        404,
        "programme_not_found",
    )


async def test_withdrawal(api: Api) -> None:
    pid = await api.programme()
    me = await api.call(
        "POST",
        f"/v1/programmes/{pid}/participants",
        api.tokens.mentor(pid, "jonas"),
        201,
        json=mentor_body(),
    )
    other = await api.register(pid, mentee_body("bob"))
    url = f"/v1/programmes/{pid}/participants/{me['id']}/withdraw"
    assert_problem(await api.client.post(url, headers=api.tokens.mentee(pid, "bob")), 404)
    assert_problem(
        await api.client.post(url, headers=api.tokens.manager(await api.programme())),
        404,
        "programme_not_found",
    )
    withdrawn = await api.call("POST", url, api.tokens.mentor(pid, "jonas"))
    assert withdrawn["status"] == "withdrawn"
    assert withdrawn["waiting"] is False
    assert_problem(
        await api.client.post(url, headers=api.tokens.manager(pid)), 409, "participant_inactive"
    )
    assert_problem(
        await api.client.patch(
            f"/v1/programmes/{pid}/participants/{me['id']}",
            headers=api.tokens.manager(pid),
            json={"city": "Köln"},
        ),
        409,
    )
    await api.call(
        "POST", f"/v1/programmes/{pid}/participants/{other['id']}/withdraw", api.tokens.manager(pid)
    )
