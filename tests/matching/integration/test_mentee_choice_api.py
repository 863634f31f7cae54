"""Mentee choice: suggestions, requests, and the mentor's decision."""

from __future__ import annotations

import uuid
from typing import Any

from tandem_kit.testing import assert_problem
from tests.matching.integration.helpers import Api, mentee_body, mentor_body

CHOICE = {
    "hard_constraints": ["language", "availability"],
    "min_overlap_hours": 1,
    "mentee_choice": True,
}


async def _setup(api: Api, **programme: Any) -> tuple[str, dict[str, Any], list[dict[str, Any]]]:
    pid = await api.programme(policy=programme.pop("policy", CHOICE), **programme)
    mentee = await api.call(
        "POST",
        f"/v1/programmes/{pid}/participants",
        api.tokens.mentee(pid, "amira"),
        201,
        json=mentee_body(),
    )
    mentors = [
        await api.register(pid, mentor_body("good", capacity=1)),
        await api.register(pid, mentor_body("fair", skills=["networking"], sector="retail")),
        # Speaks no language the mentee speaks: a hard breach.
        await api.register(
            pid, mentor_body("french", languages=["fr"], country="FR", time_zone="Europe/Paris")
        ),
    ]
    return pid, mentee, mentors


async def test_suggestions_rank_feasible_mentors_with_explanations(api: Api) -> None:
    pid, mentee, (good, fair, _french) = await _setup(api)
    url = f"/v1/programmes/{pid}/participants/{mentee['id']}/suggestions?limit=5"
    best = await api.call("GET", url, api.tokens.mentee(pid, "amira"))
    assert [s["mentor_id"] for s in best] == [good["id"], fair["id"]]
    assert best[0]["score"] > best[1]["score"]
    criteria = {line["criterion"] for line in best[0]["explanation"]}
    assert criteria == {
        "skills_goals",
        "sector",
        "availability",
        "language_culture",
        "format_modality",
    }
    assert (
        abs(sum(line["contribution"] for line in best[0]["explanation"]) - best[0]["score"]) < 1e-6
    )
    assert best[0]["linkedin_url"] == "https://www.linkedin.com/in/mentor"
    one = await api.call("GET", url.replace("limit=5", "limit=1"), api.tokens.manager(pid))
    assert len(one) == 1
    assert_problem(
        await api.client.get(url.replace("limit=5", "limit=0"), headers=api.tokens.manager(pid)),
        422,
    )
    # Another participant's suggestions are not yours to see; other programmes are forbidden.
    await api.call(
        "POST",
        f"/v1/programmes/{pid}/participants",
        api.tokens.mentee(pid, "bob"),
        201,
        json=mentee_body(),
    )
    assert_problem(await api.client.get(url, headers=api.tokens.mentee(pid, "bob")), 404)
    assert_problem(
        await api.client.get(url, headers=api.tokens.manager(await api.programme())),
        404,
        "programme_not_found",
    )
    # Mentors have no suggestions.
    assert_problem(
        await api.client.get(
            f"/v1/programmes/{pid}/participants/{good['id']}/suggestions",
            headers=api.tokens.manager(pid),
        ),
        422,
        "not_a_mentee",
    )


async def test_mentees_choose_only_where_the_programme_allows(api: Api) -> None:
    pid, mentee, (good, _, _) = await _setup(api, policy={"mentee_choice": False})
    assert_problem(
        await api.client.get(
            f"/v1/programmes/{pid}/participants/{mentee['id']}/suggestions",
            headers=api.tokens.mentee(pid, "amira"),
        ),
        409,
        "mentee_choice_disabled",
    )
    await api.call(
        "GET",
        f"/v1/programmes/{pid}/participants/{mentee['id']}/suggestions",
        api.tokens.manager(pid),
    )
    assert_problem(
        await api.client.post(
            f"/v1/programmes/{pid}/mentor-requests",
            headers=api.tokens.mentee(pid, "amira"),
            json={"mentor_id": good["id"]},
        ),
        409,
        "mentee_choice_disabled",
    )


async def test_request_accept_starts_an_active_relationship(api: Api) -> None:
    pid, mentee, (good, _, _) = await _setup(api)
    as_amira, as_good = api.tokens.mentee(pid, "amira"), api.tokens.mentor(pid, "good")
    request = await api.call(
        "POST",
        f"/v1/programmes/{pid}/mentor-requests",
        as_amira,
        201,
        json={"mentor_id": good["id"], "message": "Hello!"},
    )
    assert request["status"] == "pending"
    assert request["score"] > 0
    assert_problem(
        await api.client.post(
            f"/v1/programmes/{pid}/mentor-requests",
            headers=as_amira,
            json={"mentor_id": good["id"]},
        ),
        409,
        "request_pending",
    )
    url = f"/v1/programmes/{pid}/mentor-requests/{request['id']}"
    # Only the mentor asked may accept.
    assert_problem(await api.client.post(f"{url}/accept", headers=as_amira), 403)
    assert_problem(await api.client.post(f"{url}/accept", headers=api.tokens.manager(pid)), 403)
    assert_problem(
        await api.client.post(f"{url}/accept", headers=api.tokens.mentor(pid, "fair")), 404
    )
    accepted = await api.call("POST", f"{url}/accept", as_good)
    assert accepted["status"] == "accepted"
    assert accepted["relationship_id"]
    assert_problem(
        await api.client.post(f"{url}/decline", headers=as_good), 409, "request_not_pending"
    )
    relationship = await api.call(
        "GET", f"/v1/programmes/{pid}/relationships/{accepted['relationship_id']}", as_amira
    )
    assert relationship["status"] == "active"
    assert relationship["request_id"] == request["id"]
    assert {m["response"] for m in relationship["members"]} == {"accepted"}
    me = await api.call("GET", f"/v1/programmes/{pid}/participants/{mentee['id']}", as_amira)
    assert me["waiting"] is False
    # Matched now: no more suggestions or requests.
    assert_problem(
        await api.client.get(
            f"/v1/programmes/{pid}/participants/{mentee['id']}/suggestions", headers=as_amira
        ),
        409,
        "not_waiting",
    )


async def test_request_rules(api: Api) -> None:
    pid, _, (good, _, french) = await _setup(api)
    as_amira = api.tokens.mentee(pid, "amira")
    base = f"/v1/programmes/{pid}/mentor-requests"
    breach = assert_problem(
        await api.client.post(base, headers=as_amira, json={"mentor_id": french["id"]}),
        422,
        "constraint_breach",
    )
    assert [e["constraint"] for e in breach["errors"]] == ["language"]
    assert_problem(
        await api.client.post(base, headers=as_amira, json={"mentor_id": str(uuid.uuid4())}), 404
    )
    assert_problem(await api.client.post(base, headers=as_amira, json={}), 422, "validation_error")
    assert_problem(
        await api.client.post(
            base, headers=api.tokens.mentor(pid, "good"), json={"mentor_id": good["id"]}
        ),
        403,
    )
    assert_problem(
        await api.client.post(
            base, headers=api.tokens.manager(pid), json={"mentor_id": good["id"]}
        ),
        403,
    )
    page = await api.call("GET", base, api.tokens.manager(pid))
    assert page["items"] == []


async def test_decline_withdraw_and_full_mentor(api: Api) -> None:
    pid, _, (good, fair, _) = await _setup(api)
    base = f"/v1/programmes/{pid}/mentor-requests"
    as_amira = api.tokens.mentee(pid, "amira")
    first = await api.call("POST", base, as_amira, 201, json={"mentor_id": good["id"]})
    withdrawn = await api.call("POST", f"{base}/{first['id']}/withdraw", as_amira)
    assert withdrawn["status"] == "withdrawn"
    assert_problem(
        await api.client.post(
            f"{base}/{first['id']}/accept", headers=api.tokens.mentor(pid, "good")
        ),
        409,
    )
    second = await api.call("POST", base, as_amira, 201, json={"mentor_id": good["id"]})
    assert_problem(
        await api.client.post(
            f"{base}/{second['id']}/withdraw", headers=api.tokens.mentor(pid, "good")
        ),
        403,
    )
    declined = await api.call(
        "POST", f"{base}/{second['id']}/decline", api.tokens.mentor(pid, "good")
    )
    assert declined["status"] == "declined"
    # A mentor who declined is not suggested again, nor can be asked again.
    me = (await api.call("GET", f"/v1/programmes/{pid}/participants", as_amira))["items"][0]
    best = await api.call(
        "GET", f"/v1/programmes/{pid}/participants/{me['id']}/suggestions", as_amira
    )
    assert [s["mentor_id"] for s in best] == [fair["id"]]
    again = assert_problem(
        await api.client.post(base, headers=as_amira, json={"mentor_id": good["id"]}), 422
    )
    assert again["errors"][0]["constraint"] == "exclusion"
    # A full mentor: bob takes good's single place, so carl cannot ask good.
    bob = await api.call(
        "POST",
        f"/v1/programmes/{pid}/participants",
        api.tokens.mentee(pid, "bob"),
        201,
        json=mentee_body(),
    )
    asked = await api.call(
        "POST", base, api.tokens.mentee(pid, "bob"), 201, json={"mentor_id": good["id"]}
    )
    await api.call("POST", f"{base}/{asked['id']}/accept", api.tokens.mentor(pid, "good"))
    await api.call(
        "POST",
        f"/v1/programmes/{pid}/participants",
        api.tokens.mentee(pid, "carl"),
        201,
        json=mentee_body(),
    )
    assert_problem(
        await api.client.post(
            base, headers=api.tokens.mentee(pid, "carl"), json={"mentor_id": good["id"]}
        ),
        409,
        "mentor_full",
    )
    assert bob["id"]


async def test_request_visibility(api: Api) -> None:
    pid, _, (good, fair, _) = await _setup(api)
    base = f"/v1/programmes/{pid}/mentor-requests"
    request = await api.call(
        "POST", base, api.tokens.mentee(pid, "amira"), 201, json={"mentor_id": good["id"]}
    )
    url = f"{base}/{request['id']}"
    for headers in (
        api.tokens.mentee(pid, "amira"),
        api.tokens.mentor(pid, "good"),
        api.tokens.manager(pid),
    ):
        assert (await api.call("GET", url, headers))["id"] == request["id"]
        page = await api.call("GET", base, headers)
        assert [r["id"] for r in page["items"]] == [request["id"]]
    assert_problem(await api.client.get(url, headers=api.tokens.mentor(pid, "fair")), 404)
    assert (await api.call("GET", base, api.tokens.mentor(pid, "fair")))["items"] == []
    assert_problem(
        await api.client.get(url, headers=api.tokens.manager(await api.programme())),
        404,
        "programme_not_found",
    )
    assert_problem(
        await api.client.get(f"{base}?status=maybe", headers=api.tokens.manager(pid)), 422
    )
    filtered = await api.call("GET", f"{base}?status=accepted", api.tokens.manager(pid))
    assert filtered["items"] == []
    assert fair["id"]
