"""Every analytics endpoint × every kind of caller: the expected status, no figure of
programme A in an answer to anyone outside it, and a refused call writes nothing.

ADDING AN ENDPOINT? Add one ``Row`` to ``ROWS`` — the test fails naming every operation
of the app's OpenAPI document without a row. ``EXPECTED`` is one status per caller, in
the order of ``CALLERS`` (or a preset); placeholders are ``{programme}``,
``{relationship}`` (programme A's pair), ``{organisation}`` and ``{other_relationship}``
(programme B's pair, named under programme A: an id probe).

Callers: anonymous; programme A's mentee and mentor; A's manager; the manager of
programme B; a mentee of B; an admin; and A's mentee with a token that has no roles.
Analytics decides from the token's grants alone (it holds no memberships of its own
that could stand in for a revoked grant).
"""

from __future__ import annotations

import uuid
from collections.abc import AsyncIterator
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import pytest
from sqlalchemy import MetaData, select

from tandem_analytics.main import DEFINITION, create_app
from tandem_analytics.settings import AnalyticsSettings
from tandem_contracts.common import Role
from tandem_kit.testing import RunningApp, isolated_settings, run_app
from tests.analytics.integration.readmodels_history import START, History

CALLERS = (
    "anonymous",
    "mentee",
    "mentor",
    "manager",
    "other_manager",
    "other_programme",
    "admin",
    "no_roles",
)
Statuses = tuple[int, ...]
# anonymous, mentee, mentor, manager, other_manager, other_programme, admin, no_roles
MANAGERS: Statuses = (401, 403, 403, 200, 404, 404, 200, 404)
ANY_TOKEN: Statuses = (401, 200, 200, 200, 200, 200, 200, 200)
OPEN: Statuses = (200,) * 8
# The test's Kafka is unreachable: not ready, and the same answer whoever asks.
UNREADY: Statuses = (503,) * 8
# Programme B's relationship named under programme A: unknown to everyone there.
PROBE: Statuses = (401, 403, 403, 404, 404, 404, 404, 404)
# An organisation's roll-up: its programmes' managers (their own programmes) and admins.
ORGANISATION: Statuses = (401, 404, 404, 200, 404, 404, 200, 404)
CHECK_IN_PLAN: dict[str, Any] = {
    "pulse_every_weeks": 4,
    "midpoint": True,
    "final": True,
    "own_questions": [],
    "consent": "aggregate_only",
}
UNKNOWN: Statuses = (401, 404, 404, 404, 404, 404, 404, 404)
MALFORMED_LINK: Statuses = (400,) * 8
# Named answers: programme A's consent is aggregate-only, so its managers are refused too.
NAMED_ONLY: Statuses = (401, 403, 403, 403, 404, 404, 403, 404)
# a manager or admin of the programme is refused (403: outcomes are the mentee's own)
OUTCOME: Statuses = (401, 409, 404, 403, 404, 404, 403, 404)
# Who may see programme A's figures (its participant and relationship ids among them).
INSIDE = {"manager", "admin"}

THRESHOLDS: dict[str, Any] = {
    "no_contact_days": 14,
    "unanswered_factor": 2,
    "default_response_days": 2,
    "missed_windows": 1,
    "window_grace_days": 2,
    "no_shows": 2,
    "agreement_days": 21,
    "isolation_days": 21,
    "nudge_members": False,
}


@dataclass(frozen=True)
class Row:
    method: str
    path: str
    expected: Statuses
    body: dict[str, Any] | None = None
    own_data: bool = False  # the caller's own (their manager view): not A's figures


ROWS = [
    Row("GET", "/healthz", OPEN),
    Row("GET", "/readyz", UNREADY),
    Row("GET", "/v1/status", ANY_TOKEN),
    Row("GET", "/v1/programmes/{programme}/risk-thresholds", MANAGERS),
    Row("PUT", "/v1/programmes/{programme}/risk-thresholds", MANAGERS, body=THRESHOLDS),
    Row("GET", "/v1/programmes/{programme}/risk-flags", MANAGERS),
    # No such flag: the managers learn so (404), the members are refused first (403).
    Row(
        "POST",
        "/v1/programmes/{programme}/risk-flags/{flag_id}/dismissal",
        PROBE,
        body={"reason": "On holiday"},
    ),
    Row("GET", "/v1/programmes/{programme}/dashboard", MANAGERS),
    Row("GET", "/v1/programmes/{programme}/reports", MANAGERS),
    # No report of that id in programme A: the managers learn so, the members are refused.
    Row("GET", "/v1/programmes/{programme}/reports/{report_id}", PROBE),
    Row("GET", "/v1/programmes/{programme}/relationships/{relationship}/statistics", MANAGERS),
    Row("GET", "/v1/programmes/{programme}/relationships/{other_relationship}/statistics", PROBE),
    Row("GET", "/v1/programmes/{programme}/breakdowns", MANAGERS),
    Row("GET", "/v1/programmes/{programme}/survival", MANAGERS),
    Row("GET", "/v1/programmes/{programme}/export.csv", MANAGERS),
    Row("GET", "/v1/me/manager-view", ANY_TOKEN, own_data=True),
    Row("GET", "/v1/organisations/{organisation}/rollup", ORGANISATION),
    Row("GET", "/v1/programmes/{programme}/training-data", MANAGERS),
    # A CSV import: the role first, then the JSON body this matrix sends is the wrong type.
    Row(
        "POST",
        "/v1/programmes/{programme}/training-data",
        (401, 403, 403, 415, 404, 404, 415, 404),
        body={"not": "csv"},
    ),
    Row("PUT", "/v1/programmes/{programme}/check-in-plan", MANAGERS, body=CHECK_IN_PLAN),
    # after the PUT: before any plan is set, the GET says there is none (404)
    Row("GET", "/v1/programmes/{programme}/check-in-plan", MANAGERS),
    Row("GET", "/v1/programmes/{programme}/check-ins/summary", MANAGERS),
    Row("GET", "/v1/programmes/{programme}/check-ins/answers", NAMED_ONLY),
    Row("GET", "/v1/programmes/{programme}/outcomes", MANAGERS),
    Row("GET", "/v1/me/check-ins", ANY_TOKEN, own_data=True),
    # Nobody's check-in: unknown to every caller (never a hint that it exists).
    Row("POST", "/v1/check-ins/{check_in}/answers", UNKNOWN, body={"answers": {"progress": 3}}),
    # A link's token is its credential: a bearer changes nothing; a malformed one is a 400.
    Row("GET", "/v1/check-in-links/{link}", MALFORMED_LINK),
    Row("POST", "/v1/check-in-links/{link}", MALFORMED_LINK),
    # The pair has not ended: no outcome is due yet for its mentee (409); the mentor and
    # strangers get a 404.
    Row(
        "PUT",
        "/v1/me/outcomes/{relationship}",
        OUTCOME,
        body={"status": "employed"},
        own_data=True,
    ),
]


@dataclass(frozen=True)
class World:
    app: RunningApp[AnalyticsSettings]
    a: History
    b: History
    mentee_subject: str
    secrets: tuple[str, ...]  # ids of programme A's people and relationship
    ids: dict[str, str]

    def headers(self, caller: str) -> dict[str, str]:
        a, b = self.a.programme, self.b.programme
        by_caller: dict[str, dict[str, Any]] = {
            "mentee": {"mentee": [a]},
            "mentor": {"mentor": [a]},
            "manager": {"manager": [a]},
            "other_manager": {"manager": [b]},
            "other_programme": {"mentee": [b]},
            "admin": {"admin": True},
            "no_roles": {},
        }
        grants = by_caller[caller]
        subject = self.mentee_subject if caller in ("mentee", "no_roles") else f"sub-{caller}"
        return self.app.bearer(subject, **grants)


@pytest.fixture
async def world(tmp_path: Path) -> AsyncIterator[World]:
    settings = isolated_settings(AnalyticsSettings, tmp_path)
    async with run_app(create_app(settings), settings, definition=DEFINITION) as app:
        a, b = History(), History()
        organisation = uuid.uuid4()
        a.created(organisation)
        b.created(uuid.uuid4())
        mentor, mentee = a.person(Role.MENTOR, "DE"), a.person(Role.MENTEE, "SY")
        pair = a.start(mentor, mentee)
        a.message(pair, mentor, START, uuid.uuid4())
        other = b.start(b.person(Role.MENTOR, "FR"), b.person(Role.MENTEE, "ES"))
        for envelope in [*a.envelopes, *b.envelopes]:
            await app.deliver(envelope)
        yield World(
            app,
            a,
            b,
            mentee.subject,
            (str(mentor.participant_id), str(mentee.participant_id), str(pair)),
            {
                "programme": str(a.programme),
                "organisation": str(organisation),
                "check_in": str(uuid.uuid4()),
                "link": "not-a-link",
                "relationship": str(pair),
                "other_relationship": str(other),
                "flag_id": str(uuid.uuid4()),
                "report_id": str(uuid.uuid4()),
            },
        )


async def _tables(app: RunningApp[AnalyticsSettings]) -> MetaData:
    """Every table, reflected once: the schema does not change while the matrix runs, and
    reflecting it before and after each of hundreds of refused calls took most of its time."""
    metadata = MetaData()
    async with app.runtime.database.transaction() as session:
        connection = await session.connection()
        await connection.run_sync(lambda c: metadata.reflect(c))
    return metadata


async def _everything(app: RunningApp[AnalyticsSettings], tables: MetaData) -> dict[str, list[Any]]:
    """Every row of every table (the inbox and the outbox included: a refused call
    consumes and publishes nothing either)."""
    async with app.runtime.database.transaction() as session:
        return {
            name: sorted(repr(tuple(r)) for r in (await session.execute(select(table))).all())
            for name, table in tables.tables.items()
            if name not in ("alembic_version",)
        }


def _template(path: str) -> str:
    for short, name in (
        ("programme", "programme_id"),
        ("relationship", "relationship_id"),
        ("organisation", "organisation_id"),
        ("check_in", "check_in_id"),
        ("link", "token"),
    ):
        path = path.replace("{" + short + "}", "{" + name + "}")
    return path


async def test_every_endpoint_and_every_caller(world: World) -> None:
    w = world
    documented = {
        (method.upper(), path)
        for path, operations in (await w.app.client.get("/openapi.json")).json()["paths"].items()
        for method in operations
    }
    covered = {
        (row.method, _template(row.path)) for row in ROWS if "{other_relationship}" not in row.path
    }
    assert documented - covered == set(), "operations without a row in ROWS"
    mismatches: list[str] = []
    tables = await _tables(w.app)
    for row in ROWS:
        path = row.path.format(**w.ids)
        for caller, expected in zip(CALLERS, row.expected, strict=True):
            before = await _everything(w.app, tables) if expected >= 400 else None
            headers = {} if caller == "anonymous" else w.headers(caller)
            response = await w.app.client.request(row.method, path, json=row.body, headers=headers)
            where = f"{row.method} {row.path} as {caller}"
            if response.status_code != expected:
                mismatches.append(f"{where}: {response.status_code} (expected {expected})")
            if before is not None and before != await _everything(w.app, tables):
                mismatches.append(f"{where}: a refused call wrote")
            if caller not in INSIDE and not row.own_data:
                mismatches += [f"{where} shows {s}" for s in w.secrets if s in response.text]
    assert not mismatches, "\n".join(mismatches)
