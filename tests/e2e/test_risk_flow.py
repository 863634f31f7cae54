"""Drop-out risk end to end, through the real broker: analytics flags, messaging tells the
manager, the manager ends the relationship, matching offers the mentee re-matching.

Three services run as in production (each its own database, outbox relay and consumer
group; nothing is handed from one to another but Kafka events). Matching's events
(programme, contacts, relationship.started) reach analytics and messaging; analytics'
no-contact rule, with a one-day threshold set through its API and its clock two days
on, raises ``relationship.at_risk``; messaging mails the programme's named manager over
real SMTP; the manager ends the relationship early through matching's API; matching's
``rematch.offered`` reaches messaging, which mails the mentee (in German, her language)
the offer's link and how to answer it; she finds her offer, accepts it, and the next
match run proposes her again, with another mentor.
"""

from __future__ import annotations

import datetime as dt
import uuid
from collections.abc import AsyncIterator
from email.message import EmailMessage
from pathlib import Path
from typing import Any

import pytest

from tandem_analytics.main import DEFINITION as ANALYTICS
from tandem_analytics.main import create_app as analytics_app
from tandem_analytics.settings import AnalyticsSettings
from tandem_kit.clock import ManualClock
from tandem_kit.testing import RunningApp, isolated_settings, run_app, wait_until
from tandem_messaging.main import DEFINITION as MESSAGING
from tests.matching.integration.helpers import Api, mentor_body, running_app
from tests.matching.integration.helpers import settings_for as matching_settings
from tests.matching.integration.test_relationships_api import CHOICE, start_pair
from tests.messaging.harness import Harness, running
from tests.messaging.harness import settings_for as messaging_settings
from tests.support.groups import start_group_at_the_end
from tests.support.smtp import SmtpTestServer, smtp_test_server

pytestmark = [pytest.mark.kafka]
# Only the no-contact rule, at one day; the others off, the members not nudged.
THRESHOLDS: dict[str, Any] = {
    "no_contact_days": 1.0,
    "unanswered_factor": None,
    "default_response_days": 1.0,
    "missed_windows": None,
    "window_grace_days": 0,
    "no_shows": None,
    "agreement_days": None,
    "isolation_days": None,
    "nudge_members": False,
}
NAMED_MANAGER = "nora@example.org"  # helpers.programme_body names her, in German


async def fresh_group(bootstrap: str, service: str, topics: list[str]) -> str:
    """A consumer group of its own that starts at the topics' ends (not earlier runs')."""
    group = f"tandem.{service}.risk-{uuid.uuid4().hex[:8]}"
    for topic in topics:
        await start_group_at_the_end(bootstrap, group, topic)
    return group


@pytest.fixture
async def smtp() -> AsyncIterator[SmtpTestServer]:
    async with smtp_test_server() as server:
        yield server


@pytest.fixture
def analytics_clock() -> ManualClock:
    return ManualClock(dt.datetime.now(dt.UTC))


@pytest.fixture
async def analytics(
    tmp_path: Path, kafka_bootstrap: str, analytics_clock: ManualClock
) -> AsyncIterator[RunningApp[AnalyticsSettings]]:
    folder = tmp_path / "analytics"
    folder.mkdir()
    settings = isolated_settings(
        AnalyticsSettings,
        folder,
        kafka_bootstrap_servers=kafka_bootstrap,
        kafka_consumer_group=await fresh_group(
            kafka_bootstrap, "analytics", list(ANALYTICS.consumes)
        ),
        run_consumers=True,
        run_relay=True,  # publishes its flags; the risk evaluation runs with the relay
        risk_evaluation_interval_seconds=0.2,
    )
    app = analytics_app(settings, clock=analytics_clock)
    async with run_app(app, settings, definition=ANALYTICS) as running_analytics:
        yield running_analytics


@pytest.fixture
async def messaging(
    tmp_path: Path, kafka_bootstrap: str, smtp: SmtpTestServer
) -> AsyncIterator[Harness]:
    folder = tmp_path / "messaging"
    folder.mkdir()
    settings = messaging_settings(
        folder,
        kafka_bootstrap_servers=kafka_bootstrap,
        kafka_consumer_group=await fresh_group(
            kafka_bootstrap, "messaging", list(MESSAGING.consumes)
        ),
        run_consumers=True,
        run_relay=True,  # the mail relay
        smtp=smtp.settings(),
        mail_poll_interval_seconds=0.2,
    )
    async with running(settings) as harness:
        yield harness


@pytest.fixture
async def matching(tmp_path: Path, kafka_bootstrap: str) -> AsyncIterator[Api]:
    folder = tmp_path / "matching"
    folder.mkdir()
    settings = matching_settings(
        f"sqlite+aiosqlite:///{folder / 'matching.db'}",
        str(folder / "signing.pem"),
        kafka_bootstrap_servers=kafka_bootstrap,
        run_relay=True,
        match_runs_enabled=True,
    )
    async with running_app(settings) as api:
        yield api


def text_of(mail: EmailMessage) -> str:
    body = mail.get_body(preferencelist=("plain",))
    assert body is not None
    return str(body.get_content())


async def test_an_at_risk_relationship_ends_in_a_rematching_offer(
    analytics: RunningApp[AnalyticsSettings],
    analytics_clock: ManualClock,
    messaging: Harness,
    matching: Api,
    smtp: SmtpTestServer,
) -> None:
    pid = await matching.programme(policy=CHOICE)
    analyst = analytics.bearer("manager-1", manager=[pid])
    put = await analytics.client.put(
        f"/v1/programmes/{pid}/risk-thresholds", json=THRESHOLDS, headers=analyst
    )
    assert put.status_code == 200, put.text
    rel = await start_pair(matching, pid, "amira", "jonas")
    # Two days without a word, as analytics' clock has it: the no-contact rule fires
    # once relationship.started has reached it through the broker.
    analytics_clock.advance(dt.timedelta(days=2))
    flags: list[dict[str, Any]] = []

    async def flagged() -> bool:
        response = await analytics.client.get(f"/v1/programmes/{pid}/risk-flags", headers=analyst)
        assert response.status_code == 200, response.text
        flags[:] = response.json()["items"]
        return bool(flags)

    await wait_until(flagged, timeout=90)
    [flag] = flags
    assert flag["relationship_id"] == rel["id"]
    assert [r["code"] for r in flag["reasons"]] == ["no_two_way_contact"]

    # Messaging heard it on the broker and mailed the programme's named manager why.
    def at_risk_mails() -> list[EmailMessage]:
        return [
            m
            for m in smtp.unique()
            if m["To"] == NAMED_MANAGER
            and str(m["Subject"]).startswith("Eine Mentoring-Beziehung braucht Sie vielleicht")
        ]

    async def mailed() -> bool:
        return bool(at_risk_mails())

    await wait_until(mailed, timeout=90)
    [mail] = at_risk_mails()
    assert "Mentee self (Mentee)" in str(mail["Subject"])
    text = text_of(mail)
    assert "Tage ohne Austausch in beide Richtungen" in text
    assert f"/programmes/{pid}/risk-flags" in text

    # The manager ends it early; matching offers the mentee re-matching.
    manager = matching.tokens.manager(pid)
    ended = await matching.call(
        "POST",
        f"/v1/programmes/{pid}/relationships/{rel['id']}/end",
        manager,
        json={"reason": "poor_fit"},
    )
    assert ended["status"] == "ended_early"
    amira = matching.tokens.mentee(pid, "amira")
    base = f"/v1/programmes/{pid}/rematching-offers"
    [offer] = (await matching.call("GET", base, amira))["items"]
    assert offer["relationship_id"] == rel["id"]
    assert offer["status"] == "open"
    person = f"/v1/programmes/{pid}/participants/{rel['mentee_id']}"
    assert (await matching.call("GET", person, manager))["waiting"] is False

    # Matching's rematch.offered reached messaging through the broker: she is told.
    def offer_mails() -> list[EmailMessage]:
        return [
            m
            for m in smtp.unique()
            if str(m["Subject"]).endswith("Möchten Sie eine neue Mentorin oder einen neuen Mentor?")
        ]

    async def offer_mailed() -> bool:
        return bool(offer_mails())

    await wait_until(offer_mailed, timeout=90)
    [told] = offer_mails()
    assert told["To"] == "self@example.org"  # helpers.mentee_body's address
    assert told["Content-Language"] == "de"
    told_text = text_of(told)
    assert "Hallo Mentee self," in told_text
    assert f"/programmes/{pid}/rematching-offers/{offer['id']}" in told_text

    # A new mentor joins; she accepts and the next run proposes her again, to him.
    kim = await matching.call(
        "POST",
        f"/v1/programmes/{pid}/participants",
        matching.tokens.mentor(pid, "kim"),
        201,
        json=mentor_body(),
    )
    accepted = await matching.call("POST", f"{base}/{offer['id']}/accept", amira)
    assert accepted["status"] == "accepted"
    assert (await matching.call("GET", person, manager))["waiting"] is True
    run = await matching.call("POST", f"/v1/programmes/{pid}/match-runs", manager, 202)
    run = await matching.wait_for_run(pid, run["id"])
    assert run["status"] == "draft", run
    proposals = (
        await matching.call(
            "GET", f"/v1/programmes/{pid}/match-runs/{run['id']}/proposals", manager
        )
    )["items"]
    mine = [p for p in proposals if rel["mentee_id"] in {m["mentee_id"] for m in p["mentees"]}]
    assert [p["mentor_id"] for p in mine] == [kim["id"]]
