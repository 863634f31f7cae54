"""Erasure leaves nothing readable: matching, messaging and meetings on a real broker, then
the bytes.

A mentee with a name, an e-mail address and a city found nowhere else registers in matching
(with an ``Idempotency-Key``, so her registration's answer is stored), asks a mentor
in a message that names her, and is accepted; messaging hears of it through Kafka:
her contact, the conversation, introductions, mails about new messages — some sent
over SMTP, one still queued. Meetings hears of her too: she sets her availability, gives
a private calendar feed URL, meets her mentor face to face, writes a note and adds a goal
(``tests/e2e/erasure_meetings.py``). Her manager ends the relationship early, so that
matching offers her re-matching and messaging queues the offer's mail to her. Then she
erases herself. Once every service has done
its part, every byte of every database file of the three services is searched for her
name, address and city, and for her feed URL, note and goal: on SQLite the ``.db``,
``-wal``, ``-shm`` and ``-journal`` files; on PostgreSQL the whole data directory of the
test cluster, ``pg_wal`` included. Each is searched as UTF-8, UTF-16 and in the escaped
forms JSON gives them.
"""

from __future__ import annotations

import datetime as dt
import json
import uuid
from collections.abc import AsyncIterator
from pathlib import Path
from typing import Any

import httpx2
import pytest
from sqlalchemy import func, select

from tandem_analytics.main import DEFINITION as ANALYTICS
from tandem_analytics.main import create_app as analytics_app
from tandem_contracts import CONTACTS_TOPIC, service_topic
from tandem_kit import directory
from tandem_kit.auth import mint_token
from tandem_kit.db.tables import mail_outbox_table
from tandem_kit.mail import MailRelay
from tandem_kit.settings import AuthSettings
from tandem_kit.testing import RunningApp, run_app, wait_until
from tandem_matching.main import DEFINITION as MATCHING
from tandem_matching.main import create_app as matching_app
from tandem_matching.settings import MatchingSettings
from tandem_meetings.main import DEFINITION as MEETINGS
from tandem_meetings.main import create_app as meetings_app
from tandem_messaging.main import DEFINITION as MESSAGING
from tandem_messaging.main import create_app as messaging_app
from tandem_messaging.settings import MessagingSettings
from tests.conftest import UrlFactory
from tests.e2e.erasure_analytics import (
    analytics_forgot_her,
    analytics_knew_her,
    analytics_settings,
    her_ids,
    raw_copies_of_her_id,
    tables_holding,
)
from tests.e2e.erasure_meetings import (
    HerMeetingTexts,
    her_meetings_data,
    meetings_forgot_her,
    meetings_settings,
)
from tests.e2e.erasure_scan import files_under, postgres_data_directory, readable_copies
from tests.messaging.harness import new_master_key
from tests.support.groups import start_group_at_the_end
from tests.support.smtp import SmtpTestServer, smtp_test_server

pytestmark = [pytest.mark.kafka]

EVENINGS = [{"weekday": d, "start": "18:00", "end": "21:00"} for d in range(5)]


@pytest.fixture
async def smtp() -> AsyncIterator[SmtpTestServer]:
    async with smtp_test_server() as server:
        yield server


class Her:
    """The mentee: a name, address and city that appear nowhere else (an ``ë`` tests
    encodings)."""

    def __init__(self) -> None:
        tag = uuid.uuid4().hex[:10]
        self.surname = f"Quennellyx{tag}"
        self.name = f"Zoë {self.surname}"
        self.local = f"zoe.{tag}q"
        self.email = f"{self.local}@erasure-test.example"
        self.subject = f"sub-{uuid.uuid4().hex}"
        self.city = f"Quennelbrück{tag}"  # on the contacts topic, kept by the directory
        # Not personal, so stored in the clear: finding it shows the scan reads the files.
        self.programme = f"Erasure programme {tag}"
        self.meetings = HerMeetingTexts.new()  # what she gives meetings alone

    def needles(self) -> dict[str, bytes]:
        """Every form in which a file could hold her name, address or city."""
        forms: dict[str, bytes] = {}
        for label, text in {
            "name": self.name,
            "surname": self.surname,
            "email": self.email,
            "email-local-part": self.local,
            "city": self.city,
            **self.meetings.needles(),
        }.items():
            forms[f"{label} utf-8"] = text.encode()
            forms[f"{label} utf-16-le"] = text.encode("utf-16-le")
            forms[f"{label} utf-16-be"] = text.encode("utf-16-be")
            forms[f"{label} json"] = json.dumps(text).strip('"').encode()
        return forms


def bearer(auth: AuthSettings, subject: str, **roles: Any) -> dict[str, str]:
    return {"Authorization": f"Bearer {mint_token(auth, subject, **roles)}"}


async def call(
    client: httpx2.AsyncClient,
    method: str,
    url: str,
    headers: dict[str, str],
    expect: int = 200,
    **kwargs: Any,
) -> Any:
    response = await client.request(method, url, headers=headers, **kwargs)
    assert response.status_code == expect, (method, url, response.status_code, response.text)
    return response.json() if response.content else None


def person(role: str, subject: str, name: str, email: str, **extra: Any) -> dict[str, Any]:
    body: dict[str, Any] = {
        "role": role,
        "subject": subject,
        "display_name": name,
        "email": email,
        "preferred_language": "en",
        "country": "DE",
        "time_zone": "Europe/Berlin",
        "languages": ["en", "de"],
        "city": "Berlin",
        "availability": EVENINGS,
        "sector": "logistics",
        "preferred_format": "pair",
        "modality": "online_only",
        "linkedin_url": f"https://www.linkedin.com/in/{subject}",
        "linkedin_consent": True,
    }
    if role == "mentor":
        body.update(skills=["cv", "interviews"], capacity=1, preferred_format="either")
    else:
        body.update(goals=["cv", "interviews"])
    return {**body, **extra}


async def test_an_erased_mentee_is_readable_in_no_database_file(
    kafka_bootstrap: str, url_factory: UrlFactory, tmp_path: Path, smtp: SmtpTestServer
) -> None:
    her = Her()
    auth = AuthSettings(local_key_path=str(tmp_path / "signing-key.pem"))
    matching_url, messaging_url = await url_factory("matching"), await url_factory("messaging")
    meetings_url = await url_factory("meetings")
    analytics_url = await url_factory("analytics")
    on_postgres = matching_url.startswith("postgresql")
    group = f"tandem.messaging.erasure-{uuid.uuid4().hex[:8]}"
    meetings_group = f"tandem.meetings.erasure-{uuid.uuid4().hex[:8]}"
    for topic in (service_topic("matching"), CONTACTS_TOPIC):
        await start_group_at_the_end(kafka_bootstrap, group, topic)
    for topic in (service_topic("matching"), CONTACTS_TOPIC, service_topic("messaging")):
        await start_group_at_the_end(kafka_bootstrap, meetings_group, topic)
    analytics_group = f"tandem.analytics.erasure-{uuid.uuid4().hex[:8]}"
    for topic in ANALYTICS.consumes:
        await start_group_at_the_end(kafka_bootstrap, analytics_group, topic)
    common: dict[str, Any] = {
        "environment": "test",
        "auth": auth,
        "kafka_bootstrap_servers": kafka_bootstrap,
        "master_key": new_master_key(),
    }
    matching_settings = MatchingSettings(
        **common,
        database_url=matching_url,
        master_key_file=str(tmp_path / "matching-unused.key"),
        run_relay=True,
        run_consumers=False,
        completion_enabled=False,
        kafka_consumer_group=f"tandem.matching.erasure-{uuid.uuid4().hex[:8]}",
    )
    messaging_settings = MessagingSettings(
        **common,
        database_url=messaging_url,
        master_key_file=str(tmp_path / "messaging-unused.key"),
        run_relay=False,  # the mail relay below sends what the test says, when it says
        run_consumers=True,
        run_scheduled_jobs=False,
        kafka_consumer_group=group,
        public_base_url="https://tandem.test",
    )
    meetings_config = meetings_settings(common, meetings_url, tmp_path, meetings_group)
    analytics_config = analytics_settings(common, analytics_url, tmp_path, analytics_group)
    admin = bearer(auth, "admin-1", admin=True)
    async with (
        run_app(matching_app(matching_settings), matching_settings, definition=MATCHING) as m,
        run_app(messaging_app(messaging_settings), messaging_settings, definition=MESSAGING) as s,
        run_app(meetings_app(meetings_config), meetings_config, definition=MEETINGS) as t,
        run_app(analytics_app(analytics_config), analytics_config, definition=ANALYTICS) as a,
    ):
        facts = await mentee_asks_and_is_accepted(m, auth, admin, her)
        pid, mentee_id, mentor = facts["pid"], facts["mentee_id"], facts["mentor"]
        as_her = bearer(auth, her.subject, mentee=[pid])
        as_mentor = bearer(auth, mentor, mentor=[pid])

        async def conversation_open() -> bool:
            page = (await s.client.get("/v1/conversations", headers=as_her)).json()
            return bool(page.get("items"))

        await wait_until(conversation_open, timeout=60)
        [conversation] = (await call(s.client, "GET", "/v1/conversations", as_her))["items"]
        posts = f"/v1/conversations/{conversation['id']}/messages"
        for preference in (as_her, as_mentor):
            await call(
                s.client,
                "PUT",
                "/v1/me/notification-preferences",
                preference,
                json={"new_message": "immediate", "digest_hour": 18},
            )
        await call(s.client, "POST", posts, as_mentor, 201, json={"body": "Welcome, Zoë!"})
        await call(s.client, "POST", posts, as_her, 201, json={"body": f"Thanks, {her.name}"})
        relay = MailRelay(s.runtime.database, smtp.settings(), service="messaging")
        sent = 0

        async def introductions_and_messages_sent() -> bool:
            # The introductions are queued when messaging consumes the relationship's
            # start and its members' contacts, which under load may still be on the way.
            nonlocal sent
            sent += (await relay.send_pending_once()).sent
            return sent >= 3  # introductions to both, new messages to both

        await wait_until(introductions_and_messages_sent, timeout=60)
        assert any(her.email in str(mail["To"]) for mail in smtp.unique())
        assert any(her.surname in mail.as_string() for mail in smtp.unique())
        planted = await her_meetings_data(t, as_her, as_mentor, pid, her.meetings)
        await analytics_knew_her(a, mentee_id)
        # One more mail naming her waits in the outbox when she erases herself.
        await call(s.client, "POST", posts, as_her, 201, json={"body": "See you on Monday"})
        offer_id = await ended_early_with_an_offer(m, s, auth, pid, as_her)

        receipt = await call(
            m.client,
            "POST",
            f"/v1/programmes/{pid}/participants/{mentee_id}/erasure",
            {**as_her, "Idempotency-Key": f"erase-{uuid.uuid4().hex}"},
        )
        assert receipt["participant_id"] == mentee_id

        async def messaging_forgot_her() -> bool:
            async with s.runtime.database.transaction() as session:
                return await directory.is_erased(session, uuid.UUID(mentee_id))

        await wait_until(messaging_forgot_her, timeout=60)

        async def meetings_erased_her() -> bool:
            async with t.runtime.database.transaction() as session:
                return await directory.is_erased(session, uuid.UUID(mentee_id))

        await wait_until(meetings_erased_her, timeout=60)
        await meetings_forgot_her(t, as_her, as_mentor, planted, her.meetings)
        await analytics_forgot_her(a, mentee_id)

        async def matching_outbox_sent() -> bool:
            return not await m.outbox()

        await wait_until(matching_outbox_sent, timeout=60)
        # Her re-matching offer is matching's to keep under her id (matching keeps its own
        # record of her, pseudonymised); its answer is refused now that she is erased.
        refused = await m.client.post(
            f"/v1/programmes/{pid}/rematching-offers/{offer_id}/accept", headers=as_her
        )
        assert refused.status_code in (403, 404, 409, 410), refused.text

        if on_postgres:
            root, only_databases = postgres_data_directory(), False
        else:
            root, only_databases = tmp_path, True
            assert {p.name for p in files_under(root, only_databases=True)} >= {
                "matching.db",
                "messaging.db",
                "meetings.db",
                "analytics.db",
            }
        control = {"programme name": her.programme.encode()}
        seen = readable_copies(root, control, only_databases=only_databases)
        assert seen, "a blind scan"
        if not on_postgres:  # meetings' own file too (its directory's copy of the programme)
            assert any(line.startswith("meetings.db") for line in seen), seen
        found = readable_copies(root, her.needles(), only_databases=only_databases)
        assert found == [], "the erased mentee is still readable in:\n" + "\n".join(found)
        if not on_postgres:  # analytics keeps no id of hers either (matching keeps its own)
            ids = her_ids(mentee_id, her.subject)
            kept = [
                line
                for line in readable_copies(root, ids, only_databases=True)
                if line.startswith("analytics.db")
            ]
            assert kept == [], "analytics still holds her ids in:\n" + "\n".join(kept)
            assert tables_holding(root / "analytics.db", mentee_id) == []
            # The erasure list's row and its index: no copy in a free page or the WAL.
            assert raw_copies_of_her_id(root, mentee_id) == 2


async def ended_early_with_an_offer(
    m: RunningApp[MatchingSettings],
    s: RunningApp[MessagingSettings],
    auth: AuthSettings,
    pid: str,
    as_her: dict[str, str],
) -> str:
    """The manager ends her relationship early: matching offers her re-matching, and
    messaging queues the ``rematch-offered`` mail to her address (left unsent, so that
    the erasure finds it in the outbox). The offer's id."""
    as_manager = bearer(auth, "manager-1", manager=[pid])
    [relationship] = (
        await call(m.client, "GET", f"/v1/programmes/{pid}/relationships", as_manager)
    )["items"]
    await call(
        m.client,
        "POST",
        f"/v1/programmes/{pid}/relationships/{relationship['id']}/end",
        as_manager,
        json={"reason": "poor_fit"},
    )
    [offer] = (await call(m.client, "GET", f"/v1/programmes/{pid}/rematching-offers", as_her))[
        "items"
    ]
    assert offer["status"] == "open", offer

    async def offer_mail_queued() -> bool:
        outbox = mail_outbox_table.c
        async with s.runtime.database.transaction() as session:
            queued = await session.scalar(
                select(func.count()).where(
                    outbox.template == "rematch-offered", outbox.sent_at.is_(None)
                )
            )
        return bool(queued)

    await wait_until(offer_mail_queued, timeout=60)
    return str(offer["id"])


async def mentee_asks_and_is_accepted(
    m: RunningApp[MatchingSettings], auth: AuthSettings, admin: dict[str, str], her: Her
) -> dict[str, Any]:
    today = dt.date.today()
    org = await call(m.client, "POST", "/v1/organisations", admin, 201, json={"name": "Org"})
    programme = await call(
        m.client,
        "POST",
        "/v1/programmes",
        admin,
        201,
        json={
            "organisation_id": org["id"],
            "name": her.programme,
            "countries": ["DE"],
            "languages": ["en", "de"],
            "time_zone": "Europe/Berlin",
            "starts_on": str(today - dt.timedelta(days=30)),
            "ends_on": str(today + dt.timedelta(days=180)),
            "formats": "pair",
            "policy": {
                "hard_constraints": ["language", "availability"],
                "min_overlap_hours": 1,
                "mentee_choice": True,
            },
            "managers": [
                {
                    "subject": "manager-1",
                    "display_name": "Nora Manager",
                    "email": "nora@example.org",
                    "preferred_language": "en",
                    "time_zone": "Europe/Berlin",
                }
            ],
        },
    )
    pid = str(programme["id"])
    mentor_subject = f"mentor-{uuid.uuid4().hex[:8]}"
    mentor = await call(
        m.client,
        "POST",
        f"/v1/programmes/{pid}/participants",
        bearer(auth, mentor_subject, mentor=[pid]),
        201,
        json=person("mentor", mentor_subject, "Max Mentor", f"{mentor_subject}@example.org"),
    )
    as_her = bearer(auth, her.subject, mentee=[pid])
    mentee = await call(
        m.client,
        "POST",
        f"/v1/programmes/{pid}/participants",
        {**as_her, "Idempotency-Key": f"register-{uuid.uuid4().hex}"},
        201,
        json=person("mentee", her.subject, her.name, her.email, city=her.city),
    )
    request = await call(
        m.client,
        "POST",
        f"/v1/programmes/{pid}/mentor-requests",
        {**as_her, "Idempotency-Key": f"ask-{uuid.uuid4().hex}"},
        201,
        json={"mentor_id": mentor["id"], "message": f"Hello, I am {her.name} ({her.email})."},
    )
    await call(
        m.client,
        "POST",
        f"/v1/programmes/{pid}/mentor-requests/{request['id']}/accept",
        bearer(auth, mentor_subject, mentor=[pid]),
    )
    return {"pid": pid, "mentee_id": str(mentee["id"]), "mentor": mentor_subject}
