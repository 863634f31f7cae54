"""Every endpoint × every kind of caller: the expected status, and no content leaks.

Callers: anonymous; the mentee and the mentor of the relationship; a mentor of
another relationship in the same programme; the programme's manager; the
manager of another programme; a participant of another programme; and the mentee
herself with her grant in this programme revoked (a token for another programme
only) or with a token carrying no roles at all — a membership messaging holds never
stands in for a role the token no longer carries. Content
planted in the conversation, the agreement, the forum and a report must never
appear in a response to anyone not entitled to it.
"""

from __future__ import annotations

import re
import uuid
from collections.abc import Awaitable, Callable
from dataclasses import dataclass
from typing import Any

from tests.messaging.conftest import World
from tests.messaging.harness import Harness

SECRET_MESSAGE = "my-salary-is-48k-and-I-was-fired-in-May"
SECRET_RULE = "call-me-on-0170-555-0199-only"
SECRET_POST = "forum-only-for-programme-A-members"
SECRET_NOTE = "he-keeps-asking-for-my-home-address"

CALLERS = (
    "anonymous",
    "mentee",
    "mentor",
    "other_member",
    "manager",
    "other_manager",
    "other_programme",
)
# The mentee's own subject without her grant here: treated as outside the programme.
REVOKED_CALLERS = ("revoked", "no_roles")
# Who must never see each secret (the rest may, where the endpoint shows it).
NEVER_SEES = {
    SECRET_MESSAGE: {"anonymous", "other_member", "manager", "other_manager", "other_programme"},
    SECRET_RULE: {"anonymous", "other_member", "other_manager", "other_programme"},
    SECRET_POST: {"anonymous", "other_manager", "other_programme"},
    # The mentee wrote it (her export holds it); only the manager reads reports.
    SECRET_NOTE: {"anonymous", "mentor", "other_member", "other_manager", "other_programme"},
}

Body = dict[str, Any] | Callable[[Harness, "Ids"], Awaitable[dict[str, Any]]] | None


@dataclass
class Ids:
    conversation: str
    message: str  # the mentor's secret message
    relationship: str
    programme: str
    forum: str
    thread: str
    post: str  # by the mentee, in the programme forum
    report: str
    participant: str


@dataclass(frozen=True)
class Row:
    method: str
    path: str
    expected: tuple[int, int, int, int, int, int, int]  # in the order of CALLERS
    body: Body = None
    fresh_own_message: bool = False  # the path's {own} is a new message of the mentor


CONTENT = (401, 200, 200, 404, 403, 404, 404)
MANAGER_ONLY = (401, 403, 403, 403, 200, 404, 404)
PROGRAMME_MEMBERS = (401, 200, 200, 200, 200, 404, 404)
PARTIES = (401, 200, 200, 404, 200, 404, 404)
ANYONE = (401, 200, 200, 200, 200, 200, 200)


async def _current_version(h: Harness, ids: Ids) -> int:
    got = await h.client.get(
        f"/v1/relationships/{ids.relationship}/agreement",
        headers=h.auth("max", mentor=[ids.programme]),
    )
    return int(got.json()["version"])


async def _agreement_change(h: Harness, ids: Ids) -> dict[str, Any]:
    return {
        "based_on_version": await _current_version(h, ids),
        "channels": ["messages"],
        "response_time_hours": 24,
        "meeting_cadence_days": 7,
        "confidentiality_statement": "Between us.",
        "rules": ["be kind"],
    }


async def _acceptance(h: Harness, ids: Ids) -> dict[str, Any]:
    return {"version": await _current_version(h, ids)}


TERMS = {
    "channels": ["messages", "forum"],
    "response_time_hours": 24,
    "meeting_cadence_days": 7,
    "confidentiality_statement": "Between us.",
    "rules": [],
}
C = "/v1/conversations/{conversation}"
F = "/v1/forums/{forum}"
P = "/v1/programmes/{programme}"
ROWS = [
    Row("GET", "/v1/conversations", ANYONE),
    Row("GET", C, CONTENT),
    Row("POST", C + "/read", CONTENT, {"up_to_message_id": "{message}"}),
    Row("GET", C + "/messages", CONTENT),
    Row("POST", C + "/messages", (401, 201, 201, 404, 403, 404, 404), {"body": "hello"}),
    Row(
        "PATCH",
        C + "/messages/{own}",
        (401, 403, 200, 404, 403, 404, 404),
        {"body": "edited"},
        fresh_own_message=True,
    ),
    Row(
        "DELETE", C + "/messages/{own}", (401, 403, 204, 404, 403, 404, 404), fresh_own_message=True
    ),
    Row(
        "POST",
        C + "/messages/{message}/reports",
        (401, 201, 422, 404, 403, 404, 404),
        {"reason": "other", "include_excerpt": False},
    ),
    Row("GET", C + "/statistics", PARTIES),
    Row("GET", P + "/conversation-statistics", MANAGER_ONLY),
    Row("GET", "/v1/me/manager-view", ANYONE),
    Row("GET", "/v1/relationships/{relationship}/agreement", PARTIES),
    Row("PUT", "/v1/relationships/{relationship}/agreement", PARTIES, _agreement_change),
    Row("POST", "/v1/relationships/{relationship}/agreement/acceptances", PARTIES, _acceptance),
    Row("GET", P + "/agreement-template", PROGRAMME_MEMBERS),
    Row("PUT", P + "/agreement-template", MANAGER_ONLY, TERMS),
    Row("GET", P + "/forums", PROGRAMME_MEMBERS),
    Row("GET", F + "/threads", PROGRAMME_MEMBERS),
    Row(
        "POST",
        F + "/threads",
        (401, 201, 201, 201, 201, 404, 404),
        {"title": "A thread", "body": "hi"},
    ),
    Row("GET", F + "/threads/{thread}", PROGRAMME_MEMBERS),
    Row("GET", F + "/threads/{thread}/posts", PROGRAMME_MEMBERS),
    Row(
        "POST",
        F + "/threads/{thread}/posts",
        (401, 201, 201, 201, 201, 404, 404),
        {"body": "a reply"},
    ),
    Row(
        "POST", F + "/posts/{post}/reports", (401, 422, 201, 201, 201, 404, 404), {"reason": "spam"}
    ),
    Row("PUT", F + "/threads/{thread}/lock", MANAGER_ONLY, {"locked": False}),
    Row("PUT", F + "/posts/{post}/visibility", MANAGER_ONLY, {"hidden": False}),
    Row("GET", P + "/reports", MANAGER_ONLY),
    Row("PATCH", P + "/reports/{report}", MANAGER_ONLY, {"status": "open"}),
    Row("GET", P + "/settings", MANAGER_ONLY),
    Row("PUT", P + "/settings", MANAGER_ONLY, {"retention_days": 200}),
    Row("GET", "/v1/me/notification-preferences", ANYONE),
    Row(
        "PUT",
        "/v1/me/notification-preferences",
        ANYONE,
        {"new_message": "daily_digest", "digest_hour": 18},
    ),
    Row("GET", "/v1/me/export", ANYONE),
    Row(
        "POST", "/v1/admin/participants/{participant}/erasure", (401, 403, 403, 403, 403, 403, 403)
    ),
]


def _headers(world: World, caller: str) -> dict[str, str]:
    h, a, b = world.h, world.a, world.b
    return {
        "anonymous": {},
        "mentee": h.as_person(world.mentee, a),
        "mentor": h.as_person(world.mentor, a),
        "other_member": h.as_person(world.outsider, a),
        "manager": h.as_person(a.manager, a),
        "other_manager": h.as_person(b.manager, b),
        "other_programme": h.as_person(b.people[0], b),
        "revoked": h.auth(world.mentee.subject, mentee=[str(b.id)]),
        "no_roles": h.auth(world.mentee.subject),
    }[caller]


async def _plant_secrets(world: World) -> Ids:
    h, a = world.h, world.a
    mentor, mentee = h.as_person(world.mentor, a), h.as_person(world.mentee, a)
    manager = h.as_person(a.manager, a)
    message = await h.client.post(
        f"/v1/conversations/{world.conversation}/messages",
        json={"body": SECRET_MESSAGE},
        headers=mentor,
    )
    ids = Ids(
        str(world.conversation),
        message.json()["id"],
        str(world.pair),
        str(a.id),
        "",
        "",
        "",
        "",
        str(world.mentee.participant_id),
    )
    await h.client.put(
        f"/v1/relationships/{world.pair}/agreement",
        headers=mentee,
        json={**TERMS, "based_on_version": 1, "rules": [SECRET_RULE]},
    )
    forums = (await h.client.get(f"/v1/programmes/{a.id}/forums", headers=mentee)).json()["items"]
    ids.forum = forums[0]["id"]
    thread = await h.client.post(
        f"/v1/forums/{ids.forum}/threads",
        headers=mentee,
        json={"title": "Interviews", "body": SECRET_POST},
    )
    ids.thread = thread.json()["id"]
    posts = await h.client.get(f"/v1/forums/{ids.forum}/threads/{ids.thread}/posts", headers=mentee)
    ids.post = posts.json()["items"][0]["id"]
    report = await h.client.post(
        f"/v1/conversations/{world.conversation}/messages/{ids.message}/reports",
        headers=mentee,
        json={"reason": "harassment", "note": SECRET_NOTE},
    )
    listed = (await h.client.get(f"/v1/programmes/{a.id}/reports", headers=manager)).json()
    ids.report = report.json()["id"]
    assert listed["items"][0]["note"] == SECRET_NOTE, "the planted secrets must be readable"
    return ids


async def _fill(h: Harness, ids: Ids, row: Row) -> tuple[str, dict[str, Any] | None]:
    values = dict(vars(ids))
    if row.fresh_own_message:
        own = await h.client.post(
            f"/v1/conversations/{ids.conversation}/messages",
            json={"body": "mine"},
            headers=h.auth("max", mentor=[ids.programme]),
        )
        values["own"] = own.json()["id"]
    body = row.body
    if callable(body):
        body = await body(h, ids)
    if isinstance(body, dict):
        body = {k: (v.format(**values) if isinstance(v, str) else v) for k, v in body.items()}
    return row.path.format(**values), body


async def test_every_endpoint_for_every_caller(world: World) -> None:
    h = world.h
    ids = await _plant_secrets(world)
    spec = (await h.client.get("/openapi.json")).json()
    documented = {(method.upper(), path) for path, ops in spec["paths"].items() for method in ops}
    covered = {(row.method, row.path.replace("{own}", "{message_id}")) for row in ROWS}
    mismatches, leaks = [], []
    for row in ROWS:
        # Without her grant, the mentee is answered as anyone outside the programme is.
        outside = row.expected[CALLERS.index("other_programme")]
        expectations = [
            *zip(CALLERS, row.expected, strict=True),
            *((caller, outside) for caller in REVOKED_CALLERS),
        ]
        for caller, expected in expectations:
            path, body = await _fill(h, ids, row)
            response = await h.client.request(
                row.method, path, json=body, headers=_headers(world, caller)
            )
            if response.status_code != expected:
                mismatches.append(
                    f"{row.method} {row.path} as {caller}: "
                    f"{response.status_code} (expected {expected}) {response.text}"
                )
            leaks += [
                f"{row.method} {row.path} as {caller} shows {secret}"
                for secret, barred in NEVER_SEES.items()
                if caller in barred and secret in response.text
            ]
            if caller in REVOKED_CALLERS and row.path != "/v1/me/export":
                # Her own export is hers whatever her roles; nothing else may show content.
                leaks += [
                    f"{row.method} {row.path} as {caller} shows {secret}"
                    for secret in NEVER_SEES
                    if secret in response.text
                ]
    assert not mismatches, "\n".join(mismatches)
    assert not leaks, "\n".join(leaks)
    api_paths = {(m, p) for m, p in documented if p.startswith("/v1/")}
    named = {(m, _template(p)) for m, p in api_paths}
    assert named <= {(m, _template(p)) for m, p in covered}, "every endpoint is in the matrix"


def _template(path: str) -> str:
    """Path parameters renamed to {}, so the matrix and the OpenAPI paths compare."""
    return re.sub(r"\{[^}]+\}", "{}", path)


async def test_group_forum_is_for_its_members_only(world: World) -> None:
    h, a = world.h, world.a
    group = uuid.uuid4()
    await h.deliver(a.started(group, world.mentor, world.mentee, a.people[3], group=True))
    mentee = h.as_person(world.mentee, a)
    forums = (await h.client.get(f"/v1/programmes/{a.id}/forums", headers=mentee)).json()["items"]
    [forum] = [f for f in forums if f["relationship_id"] == str(group)]
    url = f"/v1/forums/{forum['id']}/threads"
    created = await h.client.post(
        url, json={"title": "Our group", "body": SECRET_POST}, headers=mentee
    )
    assert created.status_code == 201
    expected = {
        "mentee": 200,
        "mentor": 200,
        "other_member": 404,
        "manager": 403,
        "other_manager": 404,
        "other_programme": 404,
    }
    for caller, status in expected.items():
        response = await h.client.get(url, headers=_headers(world, caller))
        assert response.status_code == status, (caller, response.text)
        if status != 200:
            assert SECRET_POST not in response.text
    outsider_forums = (
        await h.client.get(f"/v1/programmes/{a.id}/forums", headers=_headers(world, "other_member"))
    ).json()["items"]
    assert str(group) not in {f["relationship_id"] for f in outsider_forums}


async def test_a_revoked_grant_hides_the_conversation_from_the_list(world: World) -> None:
    h, a, b = world.h, world.a, world.b
    mine = await h.client.get("/v1/conversations", headers=h.as_person(world.mentee, a))
    assert str(world.conversation) in mine.text
    for headers in (h.auth(world.mentee.subject, mentee=[str(b.id)]), h.auth(world.mentee.subject)):
        listed = await h.client.get("/v1/conversations", headers=headers)
        assert listed.status_code == 200
        assert str(world.conversation) not in listed.text
        posted = await h.client.post(
            f"/v1/conversations/{world.conversation}/messages",
            json={"body": "still here?"},
            headers=headers,
        )
        assert posted.status_code == 404
    messages = await h.client.get(
        f"/v1/conversations/{world.conversation}/messages", headers=h.as_person(world.mentor, a)
    )
    assert "still here?" not in messages.text, "a refused post writes nothing"
