"""Every creating POST of every service: a retry after a lost response acts once.

The creating operations are read from each service's OpenAPI (those answering 201
or 202); each is called with an ``Idempotency-Key`` while the response is lost at
the ASGI level after the request's transaction committed (the app's ``send`` fails,
as when the connection drops or the process dies between the commit and the answer).
The retry with the same key and body gets the same status and body and writes
nothing (every table's row count is unchanged); another body with the key is a 422.
"""

from __future__ import annotations

import re
import uuid
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import httpx2
import pytest
from sqlalchemy import func, inspect, select, table
from starlette.types import Message, Receive, Scope, Send

from tandem_kit.app import ServiceApp
from tandem_kit.db.database import Database
from tandem_kit.db.tables import idempotency_table
from tandem_kit.idempotency import HEADER
from tandem_kit.testing import assert_problem, isolated_settings, run_app
from tandem_matching.main import create_app as matching_app
from tandem_matching.settings import MatchingSettings
from tests.matching.integration.helpers import mentee_body, mentor_body, programme_body
from tests.matching.integration.test_imports_api import csv_file, csv_row
from tests.matching.integration.test_relationships_api import CHOICE
from tests.meetings.integration.meetings_world import open_world
from tests.messaging.conftest import build_world
from tests.messaging.harness import running, settings_for


class ResponseLost(Exception):
    """The answer never reached the client."""


@contextmanager
def losing_responses(monkeypatch: pytest.MonkeyPatch) -> Iterator[list[bool]]:
    """While ``armed[0]``, the next request's response fails on its first message."""
    armed = [False]
    serve = ServiceApp.__call__

    async def call(self: ServiceApp, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] != "http" or not armed[0]:
            await serve(self, scope, receive, send)
            return
        armed[0] = False

        async def lose(message: Message) -> None:
            raise ResponseLost(message["type"])

        await serve(self, scope, receive, lose)

    monkeypatch.setattr(ServiceApp, "__call__", call)
    yield armed


@dataclass
class Creation:
    path: str
    headers: dict[str, str]
    json: Any = None
    files: Any = None
    other: Any = None  # another JSON body for the same key


def creating_operations(document: dict[str, Any]) -> set[str]:
    return {
        path
        for path, operations in document["paths"].items()
        if "post" in operations and {"201", "202"} & set(operations["post"]["responses"])
    }


async def row_counts(database: Database) -> dict[str, int]:
    """Rows per table (but the stored answers): what a request's effect changed."""
    async with database.transaction() as session:
        names = await session.run_sync(lambda s: inspect(s.connection()).get_table_names())
        counts = {}
        for name in names:
            if name in {idempotency_table.name, "alembic_version"}:
                continue
            rows = await session.scalar(select(func.count()).select_from(table(name)))
            counts[name] = int(rows or 0)
    return counts


async def check_retry(
    client: httpx2.AsyncClient, database: Database, armed: list[bool], creation: Creation
) -> None:
    key = {HEADER: str(uuid.uuid4()), **creation.headers}
    kwargs: dict[str, Any] = {"json": creation.json} if creation.files is None else {}
    if creation.files is not None:
        kwargs["content"] = creation.files  # the raw bytes, the same on every try
    before = await row_counts(database)
    armed[0] = True
    try:
        lost = await client.post(creation.path, headers=key, **kwargs)
    except ResponseLost:
        pass
    else:  # a client that does not raise app errors sees the server's 500 instead
        assert lost.status_code == 500, (creation.path, lost.text)
    assert not armed[0]
    after_commit = await row_counts(database)
    assert after_commit != before, creation.path  # the effect was committed
    retried = await client.post(creation.path, headers=key, **kwargs)
    assert retried.status_code in {201, 202}, (creation.path, retried.text)
    assert retried.headers["idempotent-replayed"] == "true"
    again = await client.post(creation.path, headers=key, **kwargs)
    assert (again.status_code, again.json()) == (retried.status_code, retried.json())
    assert await row_counts(database) == after_commit, creation.path  # exactly one resource
    other = creation.other if creation.other is not None else {"other": True}
    json_key = {k: v for k, v in key.items() if k != "content-type"}
    assert_problem(
        await client.post(creation.path, headers=json_key, json=other),
        422,
        "idempotency_key_reused",
    )


def concrete(template: str, created: Creation) -> bool:
    """Whether ``created`` calls the operation at ``template``."""
    pattern = "^" + re.sub(r"\\\{[^}]+\\\}", "[^/]+", re.escape(template)) + "$"
    return re.match(pattern, created.path) is not None


async def test_every_creating_post_of_messaging_is_idempotent(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    with losing_responses(monkeypatch) as armed:
        async with running(settings_for(tmp_path)) as h:
            world = await build_world(h)
            a = world.a
            mentor, mentee = world.mentor, world.mentee
            as_mentor, as_mentee = h.as_person(mentor, a), h.as_person(mentee, a)
            conv = f"/v1/conversations/{world.conversation}"
            message = await h.client.post(
                conv + "/messages", headers=as_mentor, json={"body": "hi"}
            )
            forum = (await h.client.get(f"/v1/programmes/{a.id}/forums", headers=as_mentee)).json()[
                "items"
            ][0]
            thread = await h.client.post(
                f"/v1/forums/{forum['id']}/threads",
                headers=as_mentor,
                json={"title": "T", "body": "b"},
            )
            posts = await h.client.get(
                f"/v1/forums/{forum['id']}/threads/{thread.json()['id']}/posts", headers=as_mentee
            )
            post_id = posts.json()["items"][0]["id"]
            creations = [
                Creation(conv + "/messages", as_mentee, {"body": "hello"}, other={"body": "bye"}),
                Creation(
                    f"/v1/forums/{forum['id']}/threads",
                    as_mentee,
                    {"title": "A thread", "body": "hi"},
                    other={"title": "Another", "body": "hi"},
                ),
                Creation(
                    f"/v1/forums/{forum['id']}/threads/{thread.json()['id']}/posts",
                    as_mentee,
                    {"body": "a reply"},
                    other={"body": "another reply"},
                ),
                Creation(
                    f"{conv}/messages/{message.json()['id']}/reports",
                    as_mentee,
                    {"reason": "other", "include_excerpt": False},
                    other={"reason": "spam", "include_excerpt": False},
                ),
                Creation(
                    f"/v1/forums/{forum['id']}/posts/{post_id}/reports",
                    as_mentee,
                    {"reason": "spam"},
                    other={"reason": "other"},
                ),
            ]
            operations = creating_operations(h.running.app.openapi())
            assert {
                op for op in operations if any(concrete(op, c) for c in creations)
            } == operations
            for creation in creations:
                await check_retry(h.client, h.runtime.database, armed, creation)


def multipart(data: bytes) -> tuple[bytes, str]:
    """A fixed multipart body: a retry resends the same bytes (httpx's boundary is random)."""
    boundary = "tandem-idempotency-test"
    body = (
        (
            f"--{boundary}\r\n"
            'Content-Disposition: form-data; name="file"; filename="people.csv"\r\n'
            "Content-Type: text/csv\r\n\r\n"
        ).encode()
        + data
        + f"\r\n--{boundary}--\r\n".encode()
    )
    return body, f"multipart/form-data; boundary={boundary}"


async def test_every_creating_post_of_matching_is_idempotent(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    settings = isolated_settings(
        MatchingSettings, tmp_path, match_runs_enabled=False, completion_enabled=False
    )
    with losing_responses(monkeypatch) as armed:
        async with run_app(matching_app(settings), settings) as app:
            admin = app.bearer("root", admin=True)
            org = await app.client.post("/v1/organisations", headers=admin, json={"name": "O"})
            org_id = org.json()["id"]
            made = await app.client.post(
                "/v1/programmes", headers=admin, json=programme_body(org_id, policy=CHOICE)
            )
            pid = made.json()["id"]
            manager = app.bearer("manager-1", manager=[pid])
            mentor = await app.client.post(
                f"/v1/programmes/{pid}/participants", headers=manager, json=mentor_body("good")
            )
            as_amira = app.bearer("amira", mentee=[pid])
            await app.client.post(
                f"/v1/programmes/{pid}/participants", headers=as_amira, json=mentee_body()
            )
            creations = [
                Creation("/v1/organisations", admin, {"name": "Org"}, other={"name": "Other"}),
                Creation(
                    "/v1/programmes",
                    admin,
                    programme_body(org_id, name="P1"),
                    other=programme_body(org_id, name="P2"),
                ),
                Creation(
                    f"/v1/programmes/{pid}/participants",
                    manager,
                    mentor_body("fair"),
                    other=mentor_body("other"),
                ),
                Creation(
                    f"/v1/programmes/{pid}/imports",
                    manager,
                    {"rows": [mentee_body("a")]},
                    other={"rows": [mentee_body("b")]},
                ),
                Creation(
                    f"/v1/programmes/{pid}/mentor-requests",
                    as_amira,
                    {"mentor_id": mentor.json()["id"], "message": "Hello!"},
                    other={"mentor_id": mentor.json()["id"], "message": "Hi!"},
                ),
                # It takes no body or ``{}`` (anything else is the guard's unexpected_body):
                # ``{}`` after no body is another body for the same key.
                Creation(f"/v1/programmes/{pid}/match-runs", manager, None, other={}),
            ]
            body, content_type = multipart(csv_file([csv_row("csv-1")]))
            csv = Creation(
                f"/v1/programmes/{pid}/imports/csv",
                {**manager, "content-type": content_type},
                files=body,
            )
            operations = creating_operations(app.app.openapi())
            calls = [*creations, csv]
            assert {op for op in operations if any(concrete(op, c) for c in calls)} == operations
            for creation in creations:
                await check_retry(app.client, app.runtime.database, armed, creation)
            await check_retry(app.client, app.runtime.database, armed, csv)


async def test_every_creating_post_of_meetings_is_idempotent(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    with losing_responses(monkeypatch) as armed:
        async with open_world(tmp_path) as w:
            # One Creation per creating POST: the assertion below fails for a new one.
            meeting = await w.schedule(w.mentor, starts_at="2026-03-12T16:00:00Z")
            assert meeting.status_code == 201, meeting.text
            goal = await w.app.client.post(
                f"/v1/relationships/{w.pair}/goals",
                headers=w.headers(w.mentee),
                json={"title": "Three interviews"},
            )
            assert goal.status_code == 201, goal.text
            creations = [
                Creation(
                    f"/v1/relationships/{w.pair}/goals",
                    w.headers(w.mentee),
                    {"title": "Update the CV"},
                    other={"title": "Join a network"},
                ),
                Creation(
                    f"/v1/relationships/{w.pair}/goals/{goal.json()['id']}/milestones",
                    w.headers(w.mentor),
                    {"title": "Send it to Max"},
                    other={"title": "Send it to Bea"},
                ),
                Creation(
                    f"/v1/meetings/{meeting.json()['id']}/notes",
                    w.headers(w.mentee),
                    {"text": "Two applications by Friday."},
                    other={"text": "Three applications by Friday."},
                ),
                Creation(
                    f"/v1/relationships/{w.pair}/meetings",
                    w.headers(w.mentee),
                    {"mode": "online", "starts_at": "2026-03-09T16:00:00Z", "duration_minutes": 60},
                    other={
                        "mode": "online",
                        "starts_at": "2026-03-10T16:00:00Z",
                        "duration_minutes": 60,
                    },
                ),
                # No body; ``{}`` after none is another body for the same key.
                Creation("/v1/me/calendar-feed", w.headers(w.outsider), None, other={}),
            ]
            operations = creating_operations(w.app.app.openapi())
            uncovered = {op for op in operations if not any(concrete(op, c) for c in creations)}
            assert not uncovered, f"creating POSTs of meetings not retried here: {uncovered}"
            for creation in creations:
                await check_retry(w.app.client, w.app.runtime.database, armed, creation)


async def test_the_attendance_put_of_meetings_is_idempotent(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """A PUT needs no key: the retry after a lost response (and any repeat) answers the
    same and changes no row, the outbox included (no second event)."""
    with losing_responses(monkeypatch) as armed:
        async with open_world(tmp_path) as w:
            meeting = await w.schedule(w.mentor)
            assert meeting.status_code == 201, meeting.text
            w.clock.advance(days=8)  # the meeting (9 March) is over
            path = f"/v1/meetings/{meeting.json()['id']}/attendance"
            body = {
                "members": [
                    {"participant_id": str(p.participant_id), "presence": "attended"}
                    for p in (w.mentor, w.mentee)
                ],
                "mode": "online",
                "duration_minutes": 45,
            }
            database = w.app.runtime.database
            before = await row_counts(database)
            armed[0] = True
            try:
                lost = await w.app.client.put(path, json=body, headers=w.headers(w.mentee))
            except ResponseLost:
                pass
            else:
                assert lost.status_code == 500, lost.text
            after_commit = await row_counts(database)
            assert after_commit != before  # the record was committed
            retried = await w.app.client.put(path, json=body, headers=w.headers(w.mentee))
            assert retried.status_code == 200, retried.text
            again = await w.app.client.put(path, json=body, headers=w.headers(w.mentee))
            assert again.json() == retried.json()
            assert await row_counts(database) == after_commit
