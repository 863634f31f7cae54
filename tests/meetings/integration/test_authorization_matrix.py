"""Every meetings endpoint × every kind of caller: the expected status, no planted secret
in a response to anyone not entitled to it, and a refused call writes nothing.

ADDING AN ENDPOINT? Add one ``Row`` to ``ROWS`` below — the test fails naming every
operation of the app's OpenAPI document without a row. A row is

    Row(METHOD, "/v1/path/{placeholder}", EXPECTED, body=..., fresh=...)

- ``EXPECTED``: one status per caller, in the order of ``CALLERS`` (or a preset:
  ``MEMBERS``, ``PARTIES``, ``MANAGERS``, ``SELF``, ``ANY_TOKEN``, ``OPEN``).
  The revoked and no-roles callers are expected what ``other_programme`` is (or
  ``revoked=``, where the mentee's own subject matters).
- Placeholders come from ``Ids`` (``{programme}``, ``{relationship}``, ``{meeting}``,
  ``{goal}``, ``{milestone}``, ``{note}``, ``{activity}``, ``{token}``, …) and from what
  ``fresh`` returns: a hook run before EVERY call (e.g. a new meeting to cancel, so one
  caller's success does not change the next one's answer).
- ``body``: a dict (its top-level strings are formatted too), or a hook returning one.
- ``restore``: a hook run after every call, to put planted secrets back that an allowed
  call replaced (the mentee's own availability, her calendar feed).
- ``by_subject=True``: the caller's own data found by their subject, whatever the
  token's roles (the export): the revoked and no-roles mentee may see her own secrets.
- ``bearer_ignored=True``: the path's token is the credential (a signed RSVP link, the
  mentee's calendar feed), or the route is a probe: any bearer, or none, gets the same
  answer as no bearer at all (and the link shows what its owner, the mentee, may see).

Callers: anonymous; the mentee and the mentor of the pair; the mentee of neither
relationship (``other_member``); the programme's manager; the manager of another
programme; a mentee of another programme; a platform admin (oversees every programme like
a manager, is nobody's member); and the mentee's own subject with a token for another
programme only (``revoked``) or with no roles (``no_roles``): a membership meetings holds
never stands in for a role the token no longer carries.
"""

from __future__ import annotations

import re
import uuid
from collections.abc import AsyncIterator, Awaitable, Callable
from dataclasses import dataclass, field
from datetime import UTC, datetime, timedelta
from pathlib import Path
from typing import Any

import pytest
from sqlalchemy import MetaData, select
from sqlalchemy.orm import Session

from tandem_contracts.common import Role
from tandem_contracts.contacts import ParticipantContact
from tandem_meetings.adapters import meetings as meeting_repo
from tandem_meetings.domain.rsvp_links import RsvpResponse
from tandem_meetings.service import rsvp
from tandem_meetings.service.context import Context
from tests.meetings.integration.meetings_world import START, Person, World, open_world

SECRET_PLACE = "Rua-dos-Segredos-17-third-floor-left"
SECRET_CANCEL_NOTE = "cancelled-because-of-my-chemotherapy"
SECRET_GOAL = "leave-my-abusive-employer-quietly"
SECRET_MILESTONE = "talk-to-the-union-lawyer-in-secret"
SECRET_NOTE = "ana-admitted-she-is-in-debt-collection"
SECRET_FEED = "https://calendar.example.org/private/ana-4f9c2e77.ics"
SECRET_OVERRIDE = "05:17"  # the mentee's own window, Sundays 05:17–06:43
# The video room is random: planted by scheduling, read into Ids.room.

CALLERS = (
    "anonymous",
    "mentee",
    "mentor",
    "other_member",
    "manager",
    "other_manager",
    "other_programme",
    "admin",
)
# The mentee's own subject without her grant here: answered as anyone outside the programme.
REVOKED_CALLERS = ("revoked", "no_roles")
MEMBERS_ONLY = {"mentee", "mentor"}
EVERYONE = {*CALLERS, *REVOKED_CALLERS}
# Who may see each secret (where an endpoint shows it); everyone else never does. The
# manager and the admin see counts and states only: never a place, note or goal's words.
MAY_SEE = {
    SECRET_PLACE: MEMBERS_ONLY,
    SECRET_CANCEL_NOTE: MEMBERS_ONLY,
    SECRET_GOAL: MEMBERS_ONLY,
    SECRET_MILESTONE: MEMBERS_ONLY,
    SECRET_NOTE: MEMBERS_ONLY,
    SECRET_FEED: {"mentee"},
    SECRET_OVERRIDE: {"mentee"},
}

Statuses = tuple[int, ...]  # one per caller, in the order of CALLERS
# anonymous, mentee, mentor, other_member, manager, other_manager, other_programme, admin
MEMBERS: Statuses = (401, 200, 200, 404, 403, 404, 404, 403)
PARTIES: Statuses = (401, 200, 200, 404, 200, 404, 404, 200)
MANAGERS: Statuses = (401, 403, 403, 403, 200, 404, 404, 200)
SELF: Statuses = (401, 200, 200, 200, 403, 404, 404, 403)  # each participant, their own
ANY_TOKEN: Statuses = (401, 200, 200, 200, 200, 200, 200, 200)
OPEN: Statuses = (200,) * 8  # no token needed


def created(s: Statuses) -> Statuses:
    return tuple(201 if x == 200 else x for x in s)


def no_content(s: Statuses) -> Statuses:
    return tuple(204 if x == 200 else x for x in s)


@dataclass
class Ids:
    programme: str
    other_programme: str
    relationship: str
    meeting: str  # face to face, at the secret place, with the mentee's note
    online: str  # online: its video room is a secret
    cancelled: str  # cancelled by the mentee with the secret note
    held: str  # online, started before the clock's now: attendance can be recorded
    goal: str
    milestone: str
    note: str
    activity: str
    room: str
    token: str  # a one-click link of the mentee's for `meeting`
    days: int = 0  # fresh meetings each get a day of their own (never busy)

    def secrets(self) -> dict[str, set[str]]:
        return {**MAY_SEE, self.room: MEMBERS_ONLY}


@dataclass
class Matrix:
    w: World
    other_manager: Person
    other_participant: Person
    other_programme: uuid.UUID
    tables: MetaData = field(default_factory=MetaData)

    def headers(self, caller: str) -> dict[str, str]:
        w, b = self.w, self.other_programme
        bearer = w.app.bearer
        return {
            "anonymous": {},
            "mentee": w.headers(w.mentee),
            "mentor": w.headers(w.mentor),
            "other_member": w.headers(w.outsider),
            "manager": w.headers(w.manager),
            "other_manager": bearer(self.other_manager.subject, manager=[b]),
            "other_programme": bearer(self.other_participant.subject, mentee=[b]),
            "admin": bearer("root", admin=True),
            "revoked": bearer(w.mentee.subject, mentee=[b]),
            "no_roles": bearer(w.mentee.subject),
        }[caller]


Hook = Callable[[Matrix, Ids], Awaitable[dict[str, Any]]]
Body = dict[str, Any] | Hook | None


@dataclass(frozen=True)
class Row:
    method: str
    path: str
    expected: Statuses
    body: Body = None
    fresh: Hook | None = None  # placeholders made anew before every call
    restore: Hook | None = None  # run after every call
    bearer_ignored: bool = False  # a signed link in the path, or a probe: same for all
    by_subject: bool = False  # the caller's own data whatever their roles (their export)
    revoked: int | None = None  # the revoked and no-roles callers' status, if not outside's


# --- hooks --------------------------------------------------------------------------------


async def _schedule(m: Matrix, ids: Ids, **body: Any) -> str:
    """A new online meeting of the pair, by the mentor, on a day of its own."""
    ids.days += 1
    starts = START + timedelta(days=8 + ids.days, hours=7)
    made = await m.w.schedule(m.w.mentor, starts_at=starts.isoformat(), **body)
    assert made.status_code == 201, made.text
    return str(made.json()["id"])


async def _schedule_body(m: Matrix, ids: Ids) -> dict[str, Any]:
    ids.days += 1
    starts = START + timedelta(days=8 + ids.days, hours=7)
    return {"mode": "online", "starts_at": starts.isoformat(), "duration_minutes": 30}


async def _attendance_body(m: Matrix, ids: Ids) -> dict[str, Any]:
    w = m.w
    return {
        "members": [
            {"participant_id": str(p.participant_id), "presence": "attended"}
            for p in (w.mentee, w.mentor)
        ],
        "mode": "online",
        "duration_minutes": 45,
    }


async def fresh_meeting(m: Matrix, ids: Ids) -> dict[str, Any]:
    return {"fresh": await _schedule(m, ids)}


async def fresh_note(m: Matrix, ids: Ids) -> dict[str, Any]:
    """A new note of the mentee's (only its author may change it)."""
    written = await m.w.app.client.post(
        f"/v1/meetings/{ids.meeting}/notes", json={"text": "mine"}, headers=m.headers("mentee")
    )
    assert written.status_code == 201, written.text
    return {"fresh": written.json()["id"]}


async def fresh_link(m: Matrix, ids: Ids) -> dict[str, Any]:
    return {"fresh": await _link(m, ids.meeting, m.w.mentee, RsvpResponse.ACCEPTED)}


async def fresh_feed(m: Matrix, ids: Ids) -> dict[str, Any]:
    """A new personal feed of the mentee's (making one revokes the one before)."""
    made = await m.w.app.client.post("/v1/me/calendar-feed", headers=m.headers("mentee"))
    assert made.status_code == 201, made.text
    return {"fresh": made.json()["url"].rsplit("/", 1)[1].removesuffix(".ics")}


async def restore_availability(m: Matrix, ids: Ids) -> dict[str, Any]:
    await _plant_availability(m)
    return {}


async def restore_feeds(m: Matrix, ids: Ids) -> dict[str, Any]:
    await _plant_feeds(m)
    return {}


PLAN = {
    "activities": [
        {
            "key": "kick_off",
            "name": "Kick-off",
            "mode": "face_to_face",
            "duration_minutes": 90,
            "window": {"anchor": "start", "from_day": 0, "to_day": 14},
        }
    ],
    "policy": {},
}
WINDOWS = {"windows": [{"weekday": 2, "start": "10:00", "end": "12:00"}]}
R = "/v1/relationships/{relationship}"
M = "/v1/meetings/{meeting}"
P = "/v1/programmes/{programme}"
G = R + "/goals/{goal}"
ROWS = [
    # the kit's probes: no token needed; the matrix's world has no broker, so not ready
    Row("GET", "/healthz", OPEN, bearer_ignored=True),
    Row("GET", "/readyz", (503,) * 8, bearer_ignored=True),
    Row("GET", "/v1/status", ANY_TOKEN),
    # meetings
    Row("POST", R + "/meetings", created(MEMBERS), _schedule_body),
    Row("GET", R + "/meetings", PARTIES),
    Row("GET", M, PARTIES),
    Row("PATCH", "/v1/meetings/{fresh}", MEMBERS, {"duration_minutes": 45}, fresh=fresh_meeting),
    Row("POST", "/v1/meetings/{fresh}/cancel", PARTIES, {"reason": "other"}, fresh=fresh_meeting),
    Row("PUT", M + "/rsvp", MEMBERS, {"response": "tentative"}),
    Row("GET", "/v1/rsvp/{token}", OPEN, bearer_ignored=True),
    Row("POST", "/v1/rsvp/{fresh}", OPEN, fresh=fresh_link, bearer_ignored=True),
    # availability: each participant's own
    Row("GET", P + "/me/availability", SELF),
    Row("PUT", P + "/me/availability", SELF, WINDOWS, restore=restore_availability),
    Row("DELETE", P + "/me/availability", SELF, restore=restore_availability),
    Row("GET", P + "/me/calendar-source", SELF),
    Row(
        "PUT",
        P + "/me/calendar-source",
        SELF,
        {"url": "https://calendar.example.org/new.ics"},
        restore=restore_feeds,
    ),
    Row("DELETE", P + "/me/calendar-source", no_content(SELF), restore=restore_feeds),
    # plans
    Row("GET", P + "/plan", MANAGERS),
    Row("PUT", P + "/plan", MANAGERS, PLAN),
    Row("GET", R + "/plan", PARTIES),
    Row("GET", R + "/slots?activity_id={activity}", MEMBERS),
    # attendance: the members'
    Row("PUT", "/v1/meetings/{held}/attendance", MEMBERS, _attendance_body),
    Row("GET", "/v1/meetings/{held}/attendance", MEMBERS),
    # goals
    Row("GET", R + "/goals", MEMBERS),
    Row("POST", R + "/goals", created(MEMBERS), {"title": "Another goal"}),
    Row("GET", G, MEMBERS),
    Row("PATCH", G, MEMBERS, {"target_date": "2026-07-31"}),
    Row("POST", G + "/milestones", created(MEMBERS), {"title": "Another step"}),
    Row("PATCH", G + "/milestones/{milestone}", MEMBERS, {"due_date": "2026-05-15"}),
    # notes: the members'; only the author changes one
    Row("POST", M + "/notes", created(MEMBERS), {"text": "a thought"}),
    Row("GET", M + "/notes", MEMBERS),
    Row("GET", M + "/notes/{note}", MEMBERS),
    Row(
        "PUT",
        M + "/notes/{fresh}",
        (401, 200, 403, 404, 403, 404, 404, 403),
        {"text": "rewritten"},
        fresh=fresh_note,
    ),
    Row("DELETE", M + "/notes/{fresh}", (401, 204, 403, 404, 403, 404, 404, 403), fresh=fresh_note),
    # what the manager sees: counts and states
    Row("GET", P + "/meeting-figures", MANAGERS),
    Row("GET", R + "/manager-view", PARTIES),
    # privacy: each caller's own data
    Row("GET", "/v1/me/export", ANY_TOKEN, by_subject=True),
    # the personal calendar feed: by subject, across programmes; a token that no longer
    # grants a membership's role makes no feed (it would show that relationship's places)
    Row("POST", "/v1/me/calendar-feed", created(ANY_TOKEN), revoked=403),
    Row("GET", "/v1/me/calendar-feed", ANY_TOKEN),
    Row("DELETE", "/v1/me/calendar-feed", no_content(ANY_TOKEN)),
    Row("GET", "/v1/calendar-feeds/{fresh}.ics", OPEN, fresh=fresh_feed, bearer_ignored=True),
]


# --- the world and its secrets ------------------------------------------------------------


@pytest.fixture
async def matrix(tmp_path: Path) -> AsyncIterator[Matrix]:
    async with open_world(tmp_path) as w:
        other = uuid.uuid4()
        participant = Person("pete", "mentee", "Europe/Berlin")
        await w.app.deliver(
            ParticipantContact(
                programme_id=other,
                participant_id=participant.participant_id,
                role=Role.MENTEE,
                contact=participant.contact(),
            )
        )
        yield Matrix(w, Person("mona", "manager", "Europe/Berlin"), participant, other)


async def _link(m: Matrix, meeting: str, person: Person, response: RsvpResponse) -> str:
    ctx = Context.of(m.w.app.runtime)
    async with m.w.app.runtime.database.transaction() as session:
        found = await meeting_repo.by_id(session, uuid.UUID(meeting))
    assert found is not None
    url = rsvp.link_url(ctx, found, person.participant_id, response)
    return url.rsplit("/", 1)[1]


async def _plant_availability(m: Matrix) -> None:
    put = await m.w.app.client.put(
        f"/v1/programmes/{m.w.programme}/me/availability",
        json={"windows": [{"weekday": 6, "start": SECRET_OVERRIDE, "end": "06:43"}]},
        headers=m.headers("mentee"),
    )
    assert put.status_code == 200, put.text


async def _plant_feeds(m: Matrix) -> None:
    """The mentee's secret feed; the mentor and the other member have a feed of their own."""
    feeds = {
        "mentee": SECRET_FEED,
        "mentor": "https://calendar.example.org/max.ics",
        "other_member": "https://calendar.example.org/otto.ics",
    }
    for caller, url in feeds.items():
        put = await m.w.app.client.put(
            f"/v1/programmes/{m.w.programme}/me/calendar-source",
            json={"url": url},
            headers=m.headers(caller),
        )
        assert put.status_code == 200, put.text


async def _plant_secrets(m: Matrix) -> Ids:
    w, client, mentee = m.w, m.w.app.client, m.headers("mentee")
    place = {"name": "At Ana's", "address": SECRET_PLACE, "notes": "ring twice"}
    face = await w.schedule(w.mentee, mode="face_to_face", place=place)
    online = await w.schedule(w.mentee, starts_at="2026-03-10T16:00:00Z")
    to_cancel = await w.schedule(w.mentee, starts_at="2026-03-11T16:00:00Z")
    held = await w.schedule(w.mentee, starts_at="2026-03-03T16:00:00Z")
    for made in (face, online, to_cancel, held):
        assert made.status_code == 201, made.text
    cancelled = await client.post(
        f"/v1/meetings/{to_cancel.json()['id']}/cancel",
        json={"reason": "illness", "note": SECRET_CANCEL_NOTE},
        headers=mentee,
    )
    goal = await client.post(
        f"/v1/relationships/{w.pair}/goals",
        json={"title": SECRET_GOAL, "milestones": [{"title": SECRET_MILESTONE}]},
        headers=mentee,
    )
    note = await client.post(
        f"/v1/meetings/{face.json()['id']}/notes", json={"text": SECRET_NOTE}, headers=mentee
    )
    for response in (cancelled, goal, note):
        assert response.status_code in (200, 201), response.text
    await _plant_availability(m)
    await _plant_feeds(m)
    plan = (await client.get(f"/v1/relationships/{w.pair}/plan", headers=mentee)).json()
    w.clock.set(datetime(2026, 3, 3, 17, 30, tzinfo=UTC))  # `held` has begun, no other
    room = online.json()["link"]["url"].rsplit("/", 1)[1]
    ids = Ids(
        programme=str(w.programme),
        other_programme=str(m.other_programme),
        relationship=str(w.pair),
        meeting=face.json()["id"],
        online=online.json()["id"],
        cancelled=to_cancel.json()["id"],
        held=held.json()["id"],
        goal=goal.json()["id"],
        milestone=goal.json()["milestones"][0]["id"],
        note=note.json()["id"],
        activity=plan["activities"][0]["id"],
        room=room,
        token="",
    )
    ids.token = await _link(m, ids.meeting, w.mentee, RsvpResponse.ACCEPTED)
    assert len(room) >= 20, "the video room must be unguessable enough to be a secret"
    return ids


async def _readable_by_the_entitled(m: Matrix, ids: Ids) -> None:
    """The planted secrets are there to be seen: the leak checks are not vacuous."""
    get, mentee, mentor = m.w.app.client.get, m.headers("mentee"), m.headers("mentor")
    shown = {
        SECRET_PLACE: await get(f"/v1/meetings/{ids.meeting}", headers=mentor),
        SECRET_CANCEL_NOTE: await get(f"/v1/meetings/{ids.cancelled}", headers=mentor),
        SECRET_GOAL: await get(f"/v1/relationships/{ids.relationship}/goals", headers=mentor),
        SECRET_MILESTONE: await get(f"/v1/relationships/{ids.relationship}/goals", headers=mentor),
        SECRET_NOTE: await get(f"/v1/meetings/{ids.meeting}/notes", headers=mentor),
        SECRET_FEED: await get(
            f"/v1/programmes/{ids.programme}/me/calendar-source", headers=mentee
        ),
        SECRET_OVERRIDE: await get(
            f"/v1/programmes/{ids.programme}/me/availability", headers=mentee
        ),
        ids.room: await get(f"/v1/meetings/{ids.online}", headers=mentor),
    }
    missing = [secret for secret, response in shown.items() if secret not in response.text]
    assert not missing, f"planted but not readable by its members: {missing}"


# --- what a refused call must not change --------------------------------------------------


async def _everything(m: Matrix) -> dict[str, list[str]]:
    """Every row of every table, as text: a refused call leaves all of it as it was."""

    def dump(session: Session) -> dict[str, list[str]]:
        connection = session.connection()
        if not m.tables.tables:  # reflected once: the schema does not change in a test
            m.tables.reflect(connection)
        return {
            table.name: sorted(repr(tuple(row)) for row in connection.execute(select(table)))
            for table in m.tables.sorted_tables
        }

    async with m.w.app.runtime.database.transaction() as session:
        return await session.run_sync(dump)


def _changed(before: dict[str, list[str]], after: dict[str, list[str]]) -> list[str]:
    return [
        name for name in sorted(before.keys() | after.keys()) if before.get(name) != after.get(name)
    ]


# --- the matrix ---------------------------------------------------------------------------


async def _fill(m: Matrix, ids: Ids, row: Row) -> tuple[str, dict[str, Any] | None]:
    values: dict[str, Any] = dict(vars(ids))
    if row.fresh is not None:
        values.update(await row.fresh(m, ids))
    body = row.body
    if callable(body):
        body = await body(m, ids)
    if isinstance(body, dict):
        body = {k: (v.format(**values) if isinstance(v, str) else v) for k, v in body.items()}
    return row.path.format(**values), body


def _expectations(row: Row) -> list[tuple[str, int]]:
    assert len(row.expected) == len(CALLERS), f"{row.method} {row.path}: one status per caller"
    outside = row.expected[CALLERS.index("other_programme")] if row.revoked is None else row.revoked
    return [
        *zip(CALLERS, row.expected, strict=True),
        *((caller, outside) for caller in REVOKED_CALLERS),
    ]


# Every operation × ten callers, the whole database read around each refusal: minutes on a
# loaded two-core machine, more than the suite's default limit per test.
@pytest.mark.timeout(900)
async def test_every_endpoint_for_every_caller(matrix: Matrix) -> None:
    m = matrix
    ids = await _plant_secrets(m)
    await _readable_by_the_entitled(m, ids)
    mismatches: list[str] = []
    leaks: list[str] = []
    writes: list[str] = []
    for row in ROWS:
        anonymous_answer: str | None = None
        for caller, expected in _expectations(row):
            path, body = await _fill(m, ids, row)
            refusal = expected >= 400  # what a refused call may not change
            before = await _everything(m) if refusal else {}
            response = await m.w.app.client.request(
                row.method, path, json=body, headers=m.headers(caller)
            )
            after = await _everything(m) if refusal else {}
            where = f"{row.method} {row.path} as {caller}"
            if response.status_code != expected:
                mismatches.append(
                    f"{where}: {response.status_code} (expected {expected}) {response.text}"
                )
            if refusal and (changed := _changed(before, after)):
                writes.append(f"{where}: refused ({response.status_code}) but wrote {changed}")
            own = row.by_subject and caller in REVOKED_CALLERS
            viewer = "mentee" if own or row.bearer_ignored else caller
            leaks += [
                f"{where} shows {secret}"
                for secret, entitled in ids.secrets().items()
                if viewer not in entitled and secret in response.text
            ]
            if row.bearer_ignored:
                # The link (or nothing) decides: a bearer, anyone's, changes no answer.
                answer = response.text
                if anonymous_answer is None:
                    anonymous_answer = answer
                elif answer != anonymous_answer:
                    mismatches.append(f"{where}: {answer} differs from no bearer's")
            if row.restore is not None:
                await row.restore(m, ids)
    assert not mismatches, "\n".join(mismatches)
    assert not leaks, "\n".join(leaks)
    assert not writes, "\n".join(writes)


async def test_every_operation_has_a_row(matrix: Matrix) -> None:
    spec = matrix.w.app.app.openapi()
    documented = {(method.upper(), path) for path, ops in spec["paths"].items() for method in ops}
    covered = {(row.method, _template(row.path)) for row in ROWS}
    missing = sorted(
        f"{method} {path}"
        for method, path in documented
        if (method, _template(path)) not in covered
    )
    assert not missing, (
        "operations without a row in the authorisation matrix (add them to ROWS):\n"
        + "\n".join(missing)
    )
    stale = sorted(f"{m} {p}" for m, p in covered - {(m, _template(p)) for m, p in documented})
    assert not stale, f"rows for operations the app does not have: {stale}"


def _template(path: str) -> str:
    """Path parameters renamed to {} and the query dropped, so rows and OpenAPI compare."""
    return re.sub(r"\{[^}]+\}", "{}", path.split("?", 1)[0])


async def test_ids_of_another_relationship_are_unknown_through_ones_own(matrix: Matrix) -> None:
    """A member of a second relationship (Bea; Max is in both) naming the pair's goal,
    milestone, note or planned activity under her own relationship or meeting: 404 (or
    422 in a body), never a secret, nothing written."""
    m = matrix
    w, client = m.w, m.w.app.client
    ids = await _plant_secrets(m)
    theirs = await w.schedule(w.bea, w.other, starts_at="2026-03-12T16:00:00Z")
    goal = await client.post(
        f"/v1/relationships/{w.other}/goals",
        json={"title": "Bea's goal", "milestones": [{"title": "Bea's step"}]},
        headers=w.headers(w.bea),
    )
    assert theirs.status_code == goal.status_code == 201, (theirs.text, goal.text)
    other_goal = f"/v1/relationships/{w.other}/goals"
    meeting_notes = f"/v1/meetings/{theirs.json()['id']}/notes"
    crossed: list[tuple[str, str, dict[str, Any] | None, int]] = [
        ("GET", f"{other_goal}/{ids.goal}", None, 404),
        ("PATCH", f"{other_goal}/{ids.goal}", {"title": "taken over"}, 404),
        ("POST", f"{other_goal}/{ids.goal}/milestones", {"title": "taken over"}, 404),
        (
            "PATCH",
            f"{other_goal}/{goal.json()['id']}/milestones/{ids.milestone}",
            {"title": "taken over"},
            404,
        ),
        ("GET", f"{meeting_notes}/{ids.note}", None, 404),
        ("PUT", f"{meeting_notes}/{ids.note}", {"text": "taken over"}, 404),
        ("DELETE", f"{meeting_notes}/{ids.note}", None, 404),
        ("GET", f"/v1/relationships/{w.other}/slots?activity_id={ids.activity}", None, 404),
        (
            "POST",
            f"/v1/relationships/{w.other}/meetings",
            {
                "mode": "online",
                "starts_at": "2026-03-13T16:00:00Z",
                "duration_minutes": 30,
                "planned_activity_id": ids.activity,
            },
            422,
        ),
        (
            "POST",
            f"/v1/relationships/{w.other}/meetings",
            {
                "mode": "online",
                "starts_at": "2026-03-13T16:00:00Z",
                "duration_minutes": 30,
                "agenda_goal_ids": [ids.goal],
            },
            422,
        ),
    ]
    problems: list[str] = []
    for person in (w.bea, w.mentor):
        for method, path, body, expected in crossed:
            before = await _everything(m)
            response = await client.request(method, path, json=body, headers=w.headers(person))
            where = f"{method} {path} as {person.subject}"
            if response.status_code != expected:
                problems.append(f"{where}: {response.status_code} {response.text}")
            if changed := _changed(before, await _everything(m)):
                problems.append(f"{where}: wrote {changed}")
            problems += [
                f"{where} shows {secret}" for secret in ids.secrets() if secret in response.text
            ]
    assert not problems, "\n".join(problems)


async def test_a_revoked_grant_makes_no_calendar_feed(matrix: Matrix) -> None:
    """The feed is read without a token: made with one that no longer grants her role
    here, it would have shown the pair's place and video room. Her own valid token does."""
    m = matrix
    ids = await _plant_secrets(m)
    for caller in REVOKED_CALLERS:
        refused = await m.w.app.client.post("/v1/me/calendar-feed", headers=m.headers(caller))
        assert refused.status_code == 403, refused.text
        assert refused.json()["code"] == "memberships_not_granted"
    made = await m.w.app.client.post("/v1/me/calendar-feed", headers=m.headers("mentee"))
    assert made.status_code == 201, made.text
    feed = await m.w.app.client.get("/" + made.json()["url"].split("/", 3)[3])
    assert SECRET_PLACE in feed.text, "the feed shows what it guards"
    assert ids.room in feed.text
