"""A match run end to end: start, follow, review (approve, move, swap), publish, respond."""

from __future__ import annotations

import uuid
from typing import Any

from tandem_kit.testing import assert_problem
from tests.matching.integration.helpers import Api, mentee_body, mentor_body

MORNINGS = [{"weekday": d, "start": "08:00", "end": "11:00"} for d in range(5)]


async def populate(api: Api, pid: str) -> dict[str, dict[str, Any]]:
    """Three mentors (one morning-only), four evening mentees (one speaks only French)."""
    people = {
        "m-cv": mentor_body("m-cv", capacity=2, skills=["cv", "interviews"]),
        "m-net": mentor_body("m-net", capacity=1, skills=["networking"], sector="retail"),
        "m-early": mentor_body("m-early", capacity=1, availability=MORNINGS),
        "e1": mentee_body("e1", goals=["cv", "interviews"]),
        "e2": mentee_body("e2", goals=["cv"]),
        "e3": mentee_body("e3", goals=["networking"], sector="retail"),
        "e-fr": mentee_body("e-fr", languages=["fr"], country="FR", time_zone="Europe/Paris"),
    }
    return {name: await api.register(pid, body) for name, body in people.items()}


async def start_run(api: Api, pid: str) -> dict[str, Any]:
    run = await api.call("POST", f"/v1/programmes/{pid}/match-runs", api.tokens.manager(pid), 202)
    assert run["status"] == "queued"
    return await api.wait_for_run(pid, run["id"])


async def proposals(api: Api, pid: str, run_id: str) -> list[dict[str, Any]]:
    page = await api.call(
        "GET", f"/v1/programmes/{pid}/match-runs/{run_id}/proposals", api.tokens.manager(pid)
    )
    items: list[dict[str, Any]] = page["items"]
    return items


def mentor_of(items: list[dict[str, Any]], mentee_id: str) -> str | None:
    return next(
        (p["mentor_id"] for p in items if any(m["mentee_id"] == mentee_id for m in p["mentees"])),
        None,
    )


async def test_run_drafts_proposals_with_explanations_and_summary(api_with_runs: Api) -> None:
    api = api_with_runs
    pid = await api.programme()
    people = await populate(api, pid)
    run = await start_run(api, pid)
    assert run["status"] == "draft", run
    assert run["progress"] == 1.0
    assert run["finished_at"]
    summary = run["summary"]
    assert summary["mentees_waiting"] == 4
    assert summary["mentors_available"] == 3
    assert summary["matched"] == 3
    unmatched = {u["mentee_id"]: u["reasons"] for u in summary["unmatched"]}
    assert list(unmatched) == [people["e-fr"]["id"]]
    assert any("language" in reason for reason in unmatched[people["e-fr"]["id"]])
    items = await proposals(api, pid, run["id"])
    assert len(items) == 3
    assert [p["score"] for p in items] == sorted((p["score"] for p in items), reverse=True)
    assert mentor_of(items, people["e3"]["id"]) == people["m-net"]["id"]
    assert people["m-early"]["id"] not in {p["mentor_id"] for p in items}  # no shared time
    lines = items[0]["mentees"][0]["explanation"]
    assert {line["criterion"] for line in lines} >= {"skills_goals", "availability"}
    assert abs(sum(line["contribution"] for line in lines) - items[0]["mentees"][0]["score"]) < 1e-6


async def test_review_publish_accept_and_decline(api_with_runs: Api) -> None:
    api = api_with_runs
    pid = await api.programme()
    people = await populate(api, pid)
    run = await start_run(api, pid)
    base = f"/v1/programmes/{pid}/match-runs/{run['id']}"
    manager = api.tokens.manager(pid)
    e1, e2, e3 = people["e1"]["id"], people["e2"]["id"], people["e3"]["id"]
    # Moving e1 to the morning-only mentor breaks the availability rule: 422 naming it.
    breach = assert_problem(
        await api.client.post(
            f"{base}/moves",
            headers=manager,
            json={"mentee_id": e1, "to_mentor_id": people["m-early"]["id"]},
        ),
        422,
        "constraint_breach",
    )
    assert [e["constraint"] for e in breach["errors"]] == ["availability"]
    assert breach["errors"][0]["mentee_id"] == e1
    # m-net has one place, taken by e3 in the draft: a capacity breach.
    full = assert_problem(
        await api.client.post(
            f"{base}/moves",
            headers=manager,
            json={"mentee_id": e1, "to_mentor_id": people["m-net"]["id"]},
        ),
        422,
        "constraint_breach",
    )
    assert [e["constraint"] for e in full["errors"]] == ["capacity"]
    # named as the manager knows the mentor, with the id, and with what would be right
    assert full["errors"][0]["reason"] == (
        f"mentor Mentor m-net ({people['m-net']['id']}) would have 2 mentees, and their free "
        "capacity (after their current relationships) allows 1 mentee: move a mentee of theirs "
        "to another mentor first, or raise their capacity"
    )
    # The French-only mentee cannot swap with e3: no shared language with m-net… but she is
    # unmatched, so a swap is refused outright; moving her names the language breach.
    assert_problem(
        await api.client.post(
            f"{base}/swaps",
            headers=manager,
            json={"mentee_a": people["e-fr"]["id"], "mentee_b": e3},
        ),
        422,
        "not_swappable",
    )
    fr = assert_problem(
        await api.client.post(
            f"{base}/moves",
            headers=manager,
            json={"mentee_id": people["e-fr"]["id"], "to_mentor_id": people["m-cv"]["id"]},
        ),
        422,
    )
    assert "language" in {e["constraint"] for e in fr["errors"]}
    # A legal swap: e2 (with m-cv) and e3 (with m-net).
    swapped = await api.call(
        "POST", f"{base}/swaps", manager, json={"mentee_a": e2, "mentee_b": e3}
    )
    assert swapped["summary"]["matched"] == 3
    items = await proposals(api, pid, run["id"])
    assert mentor_of(items, e2) == people["m-net"]["id"]
    assert mentor_of(items, e3) == people["m-cv"]["id"]
    # Approve all, publish: three proposed relationships.
    await api.call("POST", f"{base}/approvals", manager, json={"all": True})
    published = await api.call("POST", f"{base}/publish", manager)
    assert published["relationships_proposed"] == 3
    assert published["discarded"] == 0
    assert published["run"]["status"] == "published"
    assert_problem(await api.client.post(f"{base}/publish", headers=manager), 409, "run_not_draft")
    rels = (await api.call("GET", f"/v1/programmes/{pid}/relationships?status=proposed", manager))[
        "items"
    ]
    assert len(rels) == 3
    by_mentee = {
        m["participant_id"]: r for r in rels for m in r["members"] if m["role"] == "mentee"
    }
    # e1 and m-cv both accept → active; e2 declines → declined, e2 waits again.
    first = by_mentee[e1]
    url = f"/v1/programmes/{pid}/relationships/{first['id']}"
    half = await api.call("POST", f"{url}/accept", api.tokens.mentee(pid, "e1"))
    assert half["status"] == "proposed"
    assert_problem(
        await api.client.post(f"{url}/accept", headers=api.tokens.mentee(pid, "e1")),
        409,
        "already_responded",
    )
    assert_problem(
        await api.client.post(f"{url}/accept", headers=api.tokens.mentee(pid, "e2")), 404
    )
    assert_problem(await api.client.post(f"{url}/accept", headers=manager), 403)
    started = await api.call("POST", f"{url}/accept", api.tokens.mentor(pid, "m-cv"))
    assert started["status"] == "active"
    assert started["starts_on"]
    assert_problem(
        await api.client.post(f"{url}/decline", headers=api.tokens.mentor(pid, "m-cv")),
        409,
        "relationship_not_proposed",
    )
    second = by_mentee[e2]
    declined = await api.call(
        "POST",
        f"/v1/programmes/{pid}/relationships/{second['id']}/decline",
        api.tokens.mentee(pid, "e2"),
    )
    assert declined["status"] == "declined"
    waiting = await api.call(
        "GET", f"/v1/programmes/{pid}/participants?unmatched=true&role=mentee", manager
    )
    assert {p["id"] for p in waiting["items"]} == {e2, people["e-fr"]["id"]}
    # The next run does not propose m-net to e2 again.
    again = await start_run(api, pid)
    assert mentor_of(await proposals(api, pid, again["id"]), e2) != people["m-net"]["id"]


async def test_approve_some_discards_the_rest(api_with_runs: Api) -> None:
    api = api_with_runs
    pid = await api.programme()
    await populate(api, pid)
    run = await start_run(api, pid)
    base = f"/v1/programmes/{pid}/match-runs/{run['id']}"
    manager = api.tokens.manager(pid)
    items = await proposals(api, pid, run["id"])
    assert_problem(
        await api.client.post(f"{base}/publish", headers=manager), 422, "nothing_approved"
    )
    assert_problem(
        await api.client.post(
            f"{base}/approvals", headers=manager, json={"proposal_ids": [str(uuid.uuid4())]}
        ),
        422,
        "unknown_proposals",
    )
    assert_problem(
        await api.client.post(f"{base}/approvals", headers=manager, json={}),
        422,
        "validation_error",
    )
    await api.call("POST", f"{base}/approvals", manager, json={"proposal_ids": [items[0]["id"]]})
    approved = await api.call("GET", f"{base}/proposals?status=approved", manager)
    assert [p["id"] for p in approved["items"]] == [items[0]["id"]]
    result = await api.call("POST", f"{base}/publish", manager)
    assert (result["relationships_proposed"], result["discarded"]) == (1, 2)
    after = await proposals(api, pid, run["id"])
    assert sorted(p["status"] for p in after) == ["discarded", "discarded", "published"]
    assert next(p for p in after if p["status"] == "published")["relationship_id"]


async def test_summary_carries_the_engines_certificate(api_with_runs: Api) -> None:
    api = api_with_runs
    pid = await api.programme()
    for name in ("m1", "m2"):
        await api.register(pid, mentor_body(name, capacity=1))
    for name in ("e1", "e2"):
        await api.register(pid, mentee_body(name))
    run = await start_run(api, pid)
    summary = run["summary"]
    assert summary["matched"] == 2
    assert summary["solver"] == "auction"
    assert summary["cardinality_certified"] is True
    assert 0 <= summary["certified_gap"] < 1e-6
    assert 0 < summary["average_score"] <= 1
