"""Match-run endpoints: roles, programme scope, states and bad input."""

from __future__ import annotations

import datetime as dt
import uuid

import pytest

from tandem_kit.testing import assert_problem
from tests.matching.integration.helpers import Api, mentee_body, mentor_body
from tests.matching.integration.test_match_run_flow import populate, proposals, start_run

REVIEW = ("approvals", "moves", "swaps", "publish")
_A, _B = str(uuid.uuid4()), str(uuid.uuid4())
BODIES = {
    "approvals": {"all": True},
    "moves": {"mentee_id": _A, "to_mentor_id": _B},
    "swaps": {"mentee_a": _A, "mentee_b": _B},
    "publish": None,
}


async def test_only_the_programmes_managers_run_matching(api: Api) -> None:
    pid, other = await api.programme(), await api.programme()
    base = f"/v1/programmes/{pid}/match-runs"
    # A role in the programme, but not the manager's: 403; no role in it at all: 404.
    refusals = [
        (api.tokens.mentee(pid, "e"), 403),
        (api.tokens.mentor(pid, "m"), 403),
        (api.tokens.manager(other), 404),
        (api.tokens.nobody(), 404),
    ]
    for headers, refused in refusals:
        assert_problem(await api.client.post(base, headers=headers), refused)
        assert_problem(await api.client.get(base, headers=headers), refused)
    run = await api.call("POST", base, api.tokens.manager(pid, "named-manager"), 202)
    for headers, refused in (refusals[0], refusals[2]):
        assert_problem(await api.client.get(f"{base}/{run['id']}", headers=headers), refused)
        assert_problem(
            await api.client.get(f"{base}/{run['id']}/proposals", headers=headers), refused
        )
        assert_problem(
            await api.client.post(f"{base}/{run['id']}/cancel", headers=headers), refused
        )
        for step in REVIEW:
            assert_problem(
                await api.client.post(
                    f"{base}/{run['id']}/{step}", headers=headers, json=BODIES[step]
                ),
                refused,
            )
    # The run id exists, but not in the other programme.
    assert_problem(
        await api.client.get(
            f"/v1/programmes/{other}/match-runs/{run['id']}", headers=api.tokens.manager(other)
        ),
        404,
        "match_run_not_found",
    )


async def test_one_open_run_at_a_time_and_cancel(api: Api) -> None:
    pid = await api.programme()
    base = f"/v1/programmes/{pid}/match-runs"
    manager = api.tokens.manager(pid)
    run = await api.call("POST", base, manager, 202)
    assert (run["status"], run["phase"], run["progress"]) == ("queued", "queued", 0.0)
    assert_problem(await api.client.post(base, headers=manager), 409, "run_in_progress")
    listed = await api.call("GET", f"{base}?status=queued", manager)
    assert [r["id"] for r in listed["items"]] == [run["id"]]
    assert_problem(await api.client.get(f"{base}?status=done", headers=manager), 422)
    # Review needs a draft.
    for step in REVIEW:
        assert_problem(
            await api.client.post(f"{base}/{run['id']}/{step}", headers=manager, json=BODIES[step]),
            409,
            "run_not_draft",
        )
    cancelled = await api.call("POST", f"{base}/{run['id']}/cancel", manager)
    assert cancelled["status"] == "cancelled"
    assert_problem(
        await api.client.post(f"{base}/{run['id']}/cancel", headers=manager), 409, "run_not_open"
    )
    assert_problem(await api.client.post(f"{base}/{uuid.uuid4()}/cancel", headers=manager), 404)
    assert_problem(await api.client.get(f"{base}/{uuid.uuid4()}/proposals", headers=manager), 404)
    await api.call("POST", base, manager, 202)
    assert len((await api.call("GET", base, manager))["items"]) == 2


async def test_no_runs_after_the_programme_ended(api: Api) -> None:
    today = dt.date.today()
    pid = await api.programme(
        starts_on=str(today - dt.timedelta(days=60)), ends_on=str(today - dt.timedelta(days=1))
    )
    assert_problem(
        await api.client.post(f"/v1/programmes/{pid}/match-runs", headers=api.tokens.manager(pid)),
        409,
        "programme_ended",
    )


SAME = uuid.uuid4()


@pytest.mark.parametrize(
    ("step", "body"),
    [
        ("approvals", {"all": True, "proposal_ids": ["x"]}),
        ("approvals", {"all": False}),
        ("moves", {"mentee_id": "a"}),
        ("moves", {"mentee_id": "a", "to_mentor_id": "b", "extra": 1}),
        ("swaps", {"mentee_a": str(SAME), "mentee_b": str(SAME)}),
        ("swaps", {}),
    ],
)
async def test_review_bodies_are_validated(api: Api, step: str, body: dict[str, object]) -> None:
    pid = await api.programme()
    run = await api.call("POST", f"/v1/programmes/{pid}/match-runs", api.tokens.manager(pid), 202)
    assert_problem(
        await api.client.post(
            f"/v1/programmes/{pid}/match-runs/{run['id']}/{step}",
            headers=api.tokens.manager(pid),
            json=body,
        ),
        422,
        "validation_error",
    )


async def test_review_refuses_what_is_not_in_the_draft(api_with_runs: Api) -> None:
    api = api_with_runs
    pid = await api.programme()
    people = await populate(api, pid)
    run = await start_run(api, pid)
    late = await api.register(pid, mentee_body("late"))  # registered after the run
    base = f"/v1/programmes/{pid}/match-runs/{run['id']}"
    manager = api.tokens.manager(pid)
    items = await proposals(api, pid, run["id"])
    first = items[0]
    mentee = first["mentees"][0]["mentee_id"]
    assert_problem(
        await api.client.post(
            f"{base}/moves",
            headers=manager,
            json={"mentee_id": late["id"], "to_mentor_id": people["m-cv"]["id"]},
        ),
        422,
        "not_in_draft",
    )
    assert_problem(
        await api.client.post(
            f"{base}/moves",
            headers=manager,
            json={"mentee_id": mentee, "to_mentor_id": people["e1"]["id"]},
        ),
        422,
        "unknown_mentor",
    )
    assert_problem(
        await api.client.post(
            f"{base}/moves",
            headers=manager,
            json={"mentee_id": mentee, "to_mentor_id": first["mentor_id"]},
        ),
        422,
        "same_mentor",
    )
    cv_mentees = [
        m["mentee_id"]
        for p in items
        if p["mentor_id"] == people["m-cv"]["id"]
        for m in p["mentees"]
    ]
    assert len(cv_mentees) == 2
    assert_problem(
        await api.client.post(
            f"{base}/swaps",
            headers=manager,
            json={"mentee_a": cv_mentees[0], "mentee_b": cv_mentees[1]},
        ),
        422,
        "same_mentor",
    )
    # Nothing changed: still the same three proposals, untouched.
    assert await proposals(api, pid, run["id"]) == items


async def test_moving_an_unmatched_mentee_and_stale_publish(api_with_runs: Api) -> None:
    api = api_with_runs
    pid = await api.programme(policy={"hard_constraints": ["availability"], "min_overlap_hours": 1})
    mentor = await api.register(pid, mentor_body("m", capacity=3))
    near = await api.register(pid, mentee_body("near"))
    far = await api.register(
        pid, mentee_body("far", availability=[{"weekday": 6, "start": "06:00", "end": "07:00"}])
    )
    run = await start_run(api, pid)
    assert [u["mentee_id"] for u in run["summary"]["unmatched"]] == [far["id"]]
    base = f"/v1/programmes/{pid}/match-runs/{run['id']}"
    manager = api.tokens.manager(pid)
    assert_problem(
        await api.client.post(
            f"{base}/moves",
            headers=manager,
            json={"mentee_id": far["id"], "to_mentor_id": mentor["id"]},
        ),
        422,
        "constraint_breach",
    )
    await api.call(
        "PATCH",
        f"/v1/programmes/{pid}",
        manager,
        json={"policy": {"hard_constraints": [], "min_overlap_hours": 1}},
    )
    moved = await api.call(
        "POST",
        f"{base}/moves",
        manager,
        json={"mentee_id": far["id"], "to_mentor_id": mentor["id"]},
    )
    assert moved["summary"]["matched"] == 2
    assert moved["summary"]["unmatched"] == []
    await api.call("POST", f"{base}/approvals", manager, json={"all": True})
    # `near` withdraws before publishing: the draft no longer holds.
    await api.call("POST", f"/v1/programmes/{pid}/participants/{near['id']}/withdraw", manager)
    stale = assert_problem(
        await api.client.post(f"{base}/publish", headers=manager), 409, "stale_proposals"
    )
    assert any(near["id"] in e["reason"] for e in stale["errors"])
    rels = await api.call("GET", f"/v1/programmes/{pid}/relationships", manager)
    assert rels["items"] == []


async def test_a_body_to_start_a_run_is_refused_and_starts_nothing(api: Api) -> None:
    pid = await api.programme()
    base = f"/v1/programmes/{pid}/match-runs"
    manager = api.tokens.manager(pid)
    json_headers = {**manager, "content-type": "application/json"}
    for content in (b"{not json", b'{"solver": "fast"}', b"[1, 2]", b'"now"'):
        response = await api.client.post(base, headers=json_headers, content=content)
        assert 400 <= response.status_code < 500, (content, response.text)
    assert (await api.call("GET", base, manager))["items"] == []
    # An empty JSON object is no body: clients (the demo among them) send one.
    started = await api.client.post(base, headers=json_headers, content=b" {} ")
    assert started.status_code == 202, started.text
