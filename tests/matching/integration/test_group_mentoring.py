"""Group mentoring: the engine's groups become group proposals and group relationships."""

from __future__ import annotations

from tandem_kit.testing import assert_problem
from tests.matching.integration.helpers import Api, mentee_body, mentor_body
from tests.matching.integration.test_match_run_flow import proposals, start_run


async def test_a_group_is_proposed_published_and_started(api_with_runs: Api) -> None:
    api = api_with_runs
    pid = await api.programme(formats="group", group_size={"min": 2, "max": 3})
    manager = api.tokens.manager(pid)
    mentor = await api.register(pid, mentor_body("coach", capacity=4, preferred_format="group"))
    mentees = [
        await api.register(
            pid, mentee_body(f"g{i}", goals=["interviews", "cv"], preferred_format="group")
        )
        for i in range(3)
    ]
    run = await start_run(api, pid)
    assert run["summary"]["matched"] == 3, run
    items = await proposals(api, pid, run["id"])
    assert [p["format"] for p in items] == ["group"]
    group = items[0]
    assert group["mentor_id"] == mentor["id"]
    assert {m["mentee_id"] for m in group["mentees"]} == {m["id"] for m in mentees}
    assert all(m["explanation"] for m in group["mentees"])
    # Someone who registered after the run is not part of its draft.
    late = await api.register(pid, mentee_body("late", goals=["cv"]))
    base = f"/v1/programmes/{pid}/match-runs/{run['id']}"
    assert_problem(
        await api.client.post(
            f"{base}/moves",
            headers=manager,
            json={"mentee_id": late["id"], "to_mentor_id": mentor["id"]},
        ),
        422,
        "not_in_draft",
    )
    await api.call("POST", f"{base}/approvals", manager, json={"all": True})
    await api.call("POST", f"{base}/publish", manager)
    relationship = (await api.call("GET", f"/v1/programmes/{pid}/relationships", manager))["items"][
        0
    ]
    assert relationship["format"] == "group"
    assert len(relationship["members"]) == 4
    url = f"/v1/programmes/{pid}/relationships/{relationship['id']}/accept"
    for i in range(3):
        assert (await api.call("POST", url, api.tokens.mentee(pid, f"g{i}")))[
            "status"
        ] == "proposed"
    started = await api.call("POST", url, api.tokens.mentor(pid, "coach"))
    assert started["status"] == "active"
    # One mentee leaves: the group ends early and every mentee who stays (not the one
    # leaving) is offered re-matching.
    await api.call(
        "POST",
        f"/v1/programmes/{pid}/participants/{mentees[0]['id']}/withdraw",
        api.tokens.mentee(pid, "g0"),
    )
    offers = (await api.call("GET", f"/v1/programmes/{pid}/rematching-offers", manager))["items"]
    assert sorted(o["mentee_id"] for o in offers) == sorted(m["id"] for m in mentees[1:])
    assert {(o["relationship_id"], o["status"]) for o in offers} == {(relationship["id"], "open")}


async def test_moving_out_of_a_group_and_into_a_full_group(api_with_runs: Api) -> None:
    api = api_with_runs
    pid = await api.programme(formats="group", group_size={"min": 2, "max": 2})
    manager = api.tokens.manager(pid)
    coaches = [
        await api.register(pid, mentor_body(f"c{j}", capacity=2, preferred_format="group"))
        for j in range(2)
    ]
    for i in range(4):
        await api.register(pid, mentee_body(f"g{i}", goals=["cv"], preferred_format="group"))
    run = await start_run(api, pid)
    items = await proposals(api, pid, run["id"])
    assert sorted(p["format"] for p in items) == ["group", "group"], items
    base = f"/v1/programmes/{pid}/match-runs/{run['id']}"
    first, second = items
    moving = first["mentees"][0]["mentee_id"]
    full = assert_problem(
        await api.client.post(
            f"{base}/moves",
            headers=manager,
            json={"mentee_id": moving, "to_mentor_id": second["mentor_id"]},
        ),
        422,
        "constraint_breach",
    )
    assert {e["constraint"] for e in full["errors"]} == {"capacity"}
    target = next(c for c in coaches if c["id"] == second["mentor_id"])
    assert (
        f"the group of mentor {target['display_name']} ({target['id']}) is full: it has 2 "
        "mentees, the most the programme's group_size allows; move a member out first, "
        "choose another mentor, or raise group_size.max"
    ) in [e["reason"] for e in full["errors"]]
    # A swap between the groups is fine; both stay groups of two.
    other = second["mentees"][0]["mentee_id"]
    await api.call("POST", f"{base}/swaps", manager, json={"mentee_a": moving, "mentee_b": other})
    after = {
        p["mentor_id"]: {m["mentee_id"] for m in p["mentees"]}
        for p in await proposals(api, pid, run["id"])
    }
    assert moving in after[second["mentor_id"]]
    assert other in after[first["mentor_id"]]
    assert {c["id"] for c in coaches} == set(after)


async def test_five_mentors_and_sixteen_group_minded_mentees_form_groups(
    api_with_runs: Api,
) -> None:
    """Issue 10: formats both, 5 mentors of capacity 2, 16 mentees who prefer groups gave
    10 pairs, 6 unmatched and no word why. Now every one of them is in a group, and the
    seventeenth, whose goal nobody shares, is one-to-one with the reason in the summary."""
    api = api_with_runs
    pid = await api.programme(formats="both")  # groups of 3 to 6
    for j in range(5):
        await api.register(pid, mentor_body(f"coach{j}"))  # capacity 2, either format
    for i in range(16):
        await api.register(pid, mentee_body(f"g{i}", preferred_format="group"))
    lone = await api.register(
        pid, mentee_body("lone", goals=["starting_business"], preferred_format="group")
    )
    run = await start_run(api, pid)
    summary = run["summary"]
    assert summary["matched"] == 17, summary
    items = await proposals(api, pid, run["id"])
    groups = [p for p in items if p["format"] == "group"]
    assert sum(len(p["mentees"]) for p in groups) == 16
    assert all(3 <= len(p["mentees"]) <= 6 for p in groups)
    assert [p["mentees"][0]["mentee_id"] for p in items if p["format"] == "pair"] == [lone["id"]]
    assert summary["not_grouped"] == [
        {
            "participant_id": lone["id"],
            "role": "mentee",
            "code": "no_shared_goal",
            "reason": "fewer than 2 other group-minded mentees placed with a mentor who fits "
            "them share one of their goals",
        }
    ]
    # The groups publish although each is larger than its mentor's capacity of 2: they
    # take group places (before, publishing refused them as "no free place left").
    manager = api.tokens.manager(pid)
    base = f"/v1/programmes/{pid}/match-runs/{run['id']}"
    await api.call("POST", f"{base}/approvals", manager, json={"all": True})
    published = await api.call("POST", f"{base}/publish", manager)
    assert published["relationships_proposed"] == len(items)
