"""Mail through the outbox: queued in the use case's transaction, delivered by the relay.

Against a real SMTP server (aiosmtpd, tests/support/smtp.py) and real databases
(SQLite files and PostgreSQL). Delivery is at least once with a stable
Message-ID: a relay that dies after the server accepted a mail and before it
marked the row sends it again with the same Message-ID, so a receiver that
de-duplicates by Message-ID sees one mail.
"""

from __future__ import annotations

import asyncio
import uuid
from collections.abc import AsyncIterator
from datetime import UTC, datetime, timedelta
from email.message import EmailMessage
from typing import Any

import pytest
from prometheus_client import REGISTRY
from sqlalchemy import insert, select
from sqlalchemy.ext.asyncio import AsyncSession

from tandem_kit.db.database import Database
from tandem_kit.db.tables import mail_outbox_table
from tandem_kit.mail import (
    Attachment,
    MailRelay,
    TemplateCatalog,
    forget_recipient,
    message_id_for,
    purge_sent_mails,
    queue_mail,
    queue_rendered,
)
from tests.conftest import UrlFactory
from tests.kit.fixture_service.tables import notes
from tests.kit.integration.harness import SimulatedCrash, migrated_database, wait_until
from tests.support.smtp import SmtpTestServer, smtp_test_server

ICS = (
    "BEGIN:VCALENDAR\r\nVERSION:2.0\r\nPRODID:-//Tandem//Test//EN\r\nMETHOD:REQUEST\r\n"
    "BEGIN:VEVENT\r\nUID:kick-off@tandem\r\nSUMMARY:Kick-off\r\nEND:VEVENT\r\nEND:VCALENDAR\r\n"
)
PDF = b"%PDF-1.4\n\x00\x01\x02\xff binary\n%%EOF"


@pytest.fixture
async def db(url_factory: UrlFactory) -> AsyncIterator[Database]:
    database = await migrated_database(await url_factory("mail"))
    yield database
    await database.dispose()


@pytest.fixture
async def smtp() -> AsyncIterator[SmtpTestServer]:
    async with smtp_test_server() as server:
        yield server


@pytest.fixture
def service() -> str:
    """A service name per test, so the metric counters start at zero."""
    return f"mail-test-{uuid.uuid4().hex[:8]}"


def metric(name: str, service: str, template: str) -> float:
    value = REGISTRY.get_sample_value(name, {"service": service, "template": template})
    return value or 0.0


async def queue(
    db: Database, key: str, recipient: str = "mentee@example.org", **extra: Any
) -> bool:
    async with db.transaction() as session:
        return await queue_mail(
            session,
            template=extra.pop("template", "welcome"),
            recipient=recipient,
            subject=extra.pop("subject", f"Welcome {key}"),
            body_text=extra.pop("body_text", f"Hello, this is {key}.\n"),
            idempotency_key=key,
            **extra,
        )


async def rows(db: Database) -> list[Any]:
    async with db.sessions() as session:
        t = mail_outbox_table
        return list((await session.execute(select(t).order_by(t.c.id))).all())


def plain_text(message: EmailMessage) -> str:
    body = message.get_body(("plain",))
    assert body is not None
    content: str = body.get_content()
    return content.replace("\r\n", "\n")  # SMTP carries CRLF line ends


def aware(moment: datetime) -> datetime:
    return moment if moment.tzinfo else moment.replace(tzinfo=UTC)


def attachments_of(message: EmailMessage) -> dict[str, tuple[str, Any]]:
    return {
        str(part.get_filename()): (part.get_content_type(), part.get_content())
        for part in message.iter_attachments()
        if isinstance(part, EmailMessage)
    }


async def test_committed_mail_is_delivered_once_and_intact(
    db: Database, smtp: SmtpTestServer, service: str
) -> None:
    note_id = str(uuid.uuid4())
    key = f"relationship-started:{note_id}:mentee@example.org"
    async with db.transaction() as session:
        await session.execute(insert(notes).values(id=note_id, text="state change"))
        queued = await queue_mail(
            session,
            template="relationship-started",
            recipient="mentee@example.org",
            subject="Ihr Tandem beginnt – willkommen",
            body_text="Hallo Ana,\n\nIhr Tandem mit Ben beginnt.\n",
            body_html="<p>Hallo Ana,</p><p>Ihr Tandem mit <b>Ben</b> beginnt.</p>",
            attachments=[
                Attachment("kick-off.ics", "text/calendar; method=REQUEST", ICS),
                Attachment("charter.pdf", "application/pdf", PDF),
            ],
            idempotency_key=key,
            language="de",
            headers={"List-Unsubscribe": "<https://tandem.example/unsubscribe/abc>"},
        )
    assert queued is True

    relay = MailRelay(db, smtp.settings(), service=service)
    report = await relay.send_pending_once()
    assert (report.sent, report.retrying, report.failed) == (1, 0, 0)
    assert (await relay.send_pending_once()).sent == 0  # marked: never sent again

    [received] = smtp.received
    assert received.mail_from == "no-reply@tandem.local"
    assert received.rcpt_tos == ["mentee@example.org"]
    mail = received.message
    assert mail["Message-ID"] == message_id_for(key)
    assert mail["Subject"] == "Ihr Tandem beginnt – willkommen"
    assert mail["From"] == "Tandem <no-reply@tandem.local>"
    assert mail["To"] == "mentee@example.org"
    assert mail["Content-Language"] == "de"
    assert mail["Auto-Submitted"] == "auto-generated"
    assert mail["List-Unsubscribe"] == "<https://tandem.example/unsubscribe/abc>"
    assert mail["Date"].datetime.tzinfo is not None
    assert plain_text(mail) == "Hallo Ana,\n\nIhr Tandem mit Ben beginnt.\n"
    html = mail.get_body(("html",))
    assert html is not None
    assert "<b>Ben</b>" in html.get_content()
    files = attachments_of(mail)
    assert files["charter.pdf"] == ("application/pdf", PDF)
    ics_type, ics_content = files["kick-off.ics"]
    assert ics_type == "text/calendar"
    assert ics_content.replace("\r\n", "\n") == ICS.replace("\r\n", "\n")
    [ics_part] = [p for p in mail.iter_attachments() if p.get_filename() == "kick-off.ics"]
    assert ics_part.get_param("method") == "REQUEST"

    [row] = await rows(db)
    assert row.sent_at is not None
    assert row.failed_at is None
    assert row.attempts == 1
    assert metric("tandem_mails_sent_total", service, "relationship-started") == 1


async def test_rolled_back_use_case_sends_nothing(
    db: Database, smtp: SmtpTestServer, service: str
) -> None:
    class UseCaseFailedError(Exception):
        pass

    async def use_case() -> None:
        async with db.transaction() as session:
            await session.execute(insert(notes).values(id=str(uuid.uuid4()), text="x"))
            assert await queue_mail(
                session,
                template="welcome",
                recipient="mentee@example.org",
                subject="Welcome",
                body_text="Hello",
                idempotency_key="welcome:rolled-back",
            )
            raise UseCaseFailedError

    with pytest.raises(UseCaseFailedError):
        await use_case()
    async with db.sessions() as session:
        assert (await session.execute(select(notes))).all() == []

    report = await MailRelay(db, smtp.settings(), service=service).send_pending_once()
    assert report.claimed == 0
    assert await rows(db) == []
    await asyncio.sleep(0.1)
    assert smtp.messages == []
    # The key was never used: queuing it again (the retried use case) works.
    assert await queue(db, "welcome:rolled-back") is True


async def test_same_idempotency_key_queues_one_mail(
    db: Database, smtp: SmtpTestServer, service: str
) -> None:
    assert await queue(db, "relationship-started:r1:mentee@example.org") is True
    # A consumer re-delivered the same event: a new transaction, the same key.
    assert await queue(db, "relationship-started:r1:mentee@example.org") is False
    # Twice in one transaction: the second is a no-op and the transaction stays usable.
    async with db.transaction() as session:
        for expected in (True, False):
            queued = await queue_mail(
                session,
                template="welcome",
                recipient="mentor@example.org",
                subject="s",
                body_text="b",
                idempotency_key="relationship-started:r1:mentor@example.org",
            )
            assert queued is expected
        await session.execute(insert(notes).values(id=str(uuid.uuid4()), text="still usable"))

    report = await MailRelay(db, smtp.settings(), service=service).send_pending_once()
    assert report.sent == 2
    assert sorted(str(m["To"]) for m in smtp.messages) == [
        "mentee@example.org",
        "mentor@example.org",
    ]
    assert set(smtp.message_id_counts().values()) == {1}


async def test_outage_keeps_mails_until_the_server_is_back(db: Database, service: str) -> None:
    async with smtp_test_server(started=False) as smtp:
        for i in range(3):
            await queue(db, f"welcome:{i}")
        relay = MailRelay(
            db,
            smtp.settings(),
            service=service,
            poll_interval=0.02,
            retry_backoff=0.05,
            max_backoff=0.05,
            timeout=2.0,
        )
        worker = asyncio.create_task(relay.run())
        try:

            async def retried_twice() -> bool:
                return all(row.attempts >= 2 for row in await rows(db))

            await wait_until(retried_twice, timeout=30)
            for row in await rows(db):
                assert row.sent_at is None
                assert row.failed_at is None
                assert "cannot connect" in row.last_error
            assert smtp.messages == []

            await smtp.start()  # the server is back
            await smtp.wait_for(3, within=30)

            async def all_marked() -> bool:
                return all(row.sent_at is not None for row in await rows(db))

            await wait_until(all_marked, timeout=30)
        finally:
            relay.stop()
            await asyncio.wait_for(worker, timeout=10)
        await asyncio.sleep(0.2)  # more rounds ran: nothing is sent twice
        assert sorted(str(m["Subject"]) for m in smtp.messages) == [
            "Welcome welcome:0",
            "Welcome welcome:1",
            "Welcome welcome:2",
        ]
        assert set(smtp.message_id_counts().values()) == {1}
        assert metric("tandem_mails_failed_total", service, "welcome") == 0
        assert metric("tandem_mails_sent_total", service, "welcome") == 3


async def test_after_the_attempt_limit_a_mail_is_failed_not_lost(
    db: Database, service: str
) -> None:
    async with smtp_test_server(started=False) as smtp:
        await queue(db, "welcome:a")
        await queue(db, "welcome:b", template="digest")
        relay = MailRelay(
            db, smtp.settings(), service=service, max_attempts=3, retry_backoff=0, timeout=2.0
        )
        for attempt in (1, 2):
            report = await relay.send_pending_once()
            assert (report.sent, report.retrying, report.failed) == (0, 2, 0)
            assert [row.attempts for row in await rows(db)] == [attempt, attempt]
        report = await relay.send_pending_once()
        assert (report.sent, report.retrying, report.failed) == (0, 0, 2)

        for row in await rows(db):  # the rows stay, marked, with the reason
            assert row.failed_at is not None
            assert row.sent_at is None
            assert row.attempts == 3
            assert "cannot connect" in row.last_error
        assert metric("tandem_mails_failed_total", service, "welcome") == 1
        assert metric("tandem_mails_failed_total", service, "digest") == 1

        await smtp.start()
        assert (await relay.send_pending_once()).claimed == 0  # given up for good
        await asyncio.sleep(0.1)
        assert smtp.messages == []
        assert await relay.backlog() == 0


async def test_refused_recipient_fails_at_once_and_the_batch_goes_on(
    db: Database, service: str
) -> None:
    async with smtp_test_server(reject={"gone@example.org"}) as smtp:
        smtp.fail_data = 1  # the first mail's DATA gets a temporary 451
        await queue(db, "k:1", recipient="first@example.org")
        await queue(db, "k:2", recipient="gone@example.org")
        await queue(db, "k:3", recipient="third@example.org")
        relay = MailRelay(db, smtp.settings(), service=service, retry_backoff=0)

        report = await relay.send_pending_once()
        assert (report.sent, report.retrying, report.failed) == (1, 1, 1)
        first, gone, third = await rows(db)
        assert first.sent_at is None
        assert first.failed_at is None
        assert "451" in first.last_error
        assert gone.failed_at is not None
        assert gone.attempts == 1
        assert "550" in gone.last_error
        assert third.sent_at is not None
        assert metric("tandem_mails_failed_total", service, "welcome") == 1

        report = await relay.send_pending_once()  # the temporary failure is retried
        assert (report.sent, report.retrying, report.failed) == (1, 0, 0)
        assert sorted(str(m["To"]) for m in smtp.messages) == [
            "first@example.org",
            "third@example.org",
        ]


async def test_crash_after_acceptance_resends_with_the_same_message_id(
    db: Database, smtp: SmtpTestServer, service: str
) -> None:
    """At least once: the accepted-but-unmarked mail comes again, recognisably the same."""
    keys = [f"meeting-scheduled:m1:{who}@example.org" for who in ("a", "b", "c")]
    ids = [message_id_for(key) for key in keys]
    for key in keys:
        await queue(db, key, attachments=[Attachment("invite.ics", "text/calendar", ICS)])

    async def die_on_second(message_id: str) -> None:
        if message_id == ids[1]:
            raise SimulatedCrash  # the server has the mail; its sent_at is not written

    crashing = MailRelay(
        db, smtp.settings(), service=service, lease_seconds=1.0, after_accept=die_on_second
    )
    with pytest.raises(SimulatedCrash):
        await crashing.send_pending_once()
    assert [m["Message-ID"] for m in smtp.messages] == ids[:2]
    # Each mail is marked right after its acceptance: only the one in flight is unmarked.
    assert [row.sent_at is not None for row in await rows(db)] == [True, False, False]
    first_copy = smtp.messages[1]

    # Another relay (the restarted process) leaves the rows alone while the lease holds …
    relay = MailRelay(db, smtp.settings(), service=service)
    assert (await relay.send_pending_once()).claimed == 0

    # … and sends them once it has run out: the crashed mail again, under the same Message-ID.
    async def resent() -> bool:
        return (await relay.send_pending_once()).sent > 0

    await wait_until(resent, timeout=10, interval=0.2)
    assert all(row.sent_at is not None for row in await rows(db))
    assert smtp.message_id_counts() == {ids[0]: 1, ids[1]: 2, ids[2]: 1}
    second_copy = smtp.messages[2]
    assert second_copy["Message-ID"] == first_copy["Message-ID"] == ids[1]
    assert second_copy["Date"] == first_copy["Date"]
    assert plain_text(second_copy) == plain_text(first_copy)
    assert attachments_of(second_copy) == attachments_of(first_copy)
    # A receiver de-duplicating by Message-ID sees each mail once.
    assert [m["Message-ID"] for m in smtp.unique()] == ids


async def test_relays_running_side_by_side_send_each_mail_once(
    db: Database, smtp: SmtpTestServer, service: str
) -> None:
    for i in range(24):
        await queue(db, f"digest:{i}")
    relays = [MailRelay(db, smtp.settings(), service=service, batch_size=5) for _ in range(3)]
    reports = await asyncio.gather(*(relay.send_pending_once() for relay in relays))
    while (await relays[0].send_pending_once()).claimed:  # a row released by a lost race
        pass
    assert sum(report.sent for report in reports) <= 24
    assert len(smtp.messages) == 24
    assert set(smtp.message_id_counts().values()) == {1}
    assert all(row.sent_at is not None for row in await rows(db))


async def test_login_with_the_configured_credentials(db: Database, service: str) -> None:
    async with smtp_test_server(credentials=("tandem", "s3cret")) as smtp:
        await queue(db, "welcome:auth")
        wrong = MailRelay(db, smtp.settings(password="wrong"), service=service, retry_backoff=0)
        report = await wrong.send_pending_once()
        assert report.retrying == 1
        [row] = await rows(db)
        assert "SMTPAuthenticationError" in row.last_error

        report = await MailRelay(db, smtp.settings(), service=service).send_pending_once()
        assert report.sent == 1
        assert len(smtp.messages) == 1


async def test_rendered_template_is_queued_in_the_recipients_language(
    db: Database, smtp: SmtpTestServer, service: str
) -> None:
    catalog = TemplateCatalog()
    catalog.add("reminder", "en", subject="Meeting with $partner", text="Hello $name")
    catalog.add("reminder", "fr", subject="Rendez-vous avec $partner", text="Bonjour $name")
    async with db.transaction() as session:
        for address, language in (("fr@example.org", "fr-CA"), ("it@example.org", "it")):
            mail = catalog.render("reminder", language, name="Ana", partner="Ben")
            await queue_rendered(
                session, mail, recipient=address, idempotency_key=f"reminder:x:{address}"
            )
    assert (await MailRelay(db, smtp.settings(), service=service).send_pending_once()).sent == 2
    [fr] = smtp.to("fr@example.org")
    [it] = smtp.to("it@example.org")
    assert (fr["Subject"], fr["Content-Language"]) == ("Rendez-vous avec Ben", "fr")
    assert (it["Subject"], it["Content-Language"]) == ("Meeting with Ben", "en")
    assert metric("tandem_mails_sent_total", service, "reminder") == 2


async def test_stop_releases_the_rest_of_the_batch(
    db: Database, smtp: SmtpTestServer, service: str
) -> None:
    for i in range(4):
        await queue(db, f"welcome:{i}")
    relay: MailRelay

    async def stop_after_first(message_id: str) -> None:
        relay.stop()

    relay = MailRelay(db, smtp.settings(), service=service, after_accept=stop_after_first)
    await asyncio.wait_for(relay.run(), timeout=10)  # returns: stop was asked
    assert len(smtp.messages) == 1
    marked = [row.sent_at is not None for row in await rows(db)]
    assert marked == [True, False, False, False]
    # The rest is due again at once, not after the lease.
    assert all(
        row.next_attempt_at is None or aware(row.next_attempt_at) <= datetime.now(UTC)
        for row in await rows(db)
    )
    assert (await MailRelay(db, smtp.settings(), service=service).send_pending_once()).sent == 3


async def test_bad_mails_are_refused_when_queued(db: Database) -> None:
    async with db.transaction() as session:
        with pytest.raises(ValueError, match="one bare e-mail address"):
            await _queue(session, recipient="Ana <ana@example.org>")
        with pytest.raises(ValueError, match="one line"):
            await _queue(session, subject="a\r\nBcc: x@example.org")
        with pytest.raises(ValueError, match="cannot be set"):
            await _queue(session, headers={"Bcc": "x@example.org"})
        with pytest.raises(ValueError, match="idempotency_key"):
            await _queue(session, idempotency_key="")
    with pytest.raises(ValueError, match="content type"):
        Attachment("a.txt", "text", "x")
    assert await rows(db) == []


async def _queue(session: AsyncSession, **overrides: Any) -> bool:
    values: dict[str, Any] = {
        "template": "t",
        "recipient": "ana@example.org",
        "subject": "s",
        "body_text": "b",
        "idempotency_key": "k",
    }
    values.update(overrides)
    return await queue_mail(session, **values)


async def test_erasure_and_retention_delete_rows(
    db: Database, smtp: SmtpTestServer, service: str
) -> None:
    await queue(db, "a:1", recipient="ana@example.org")
    await queue(db, "b:1", recipient="ben@example.org")
    assert (await MailRelay(db, smtp.settings(), service=service).send_pending_once()).sent == 2
    await queue(db, "a:2", recipient="ana@example.org")
    await queue(db, "b:2", recipient="ben@example.org")
    async with db.transaction() as session:
        assert await forget_recipient(session, "ana@example.org") == 2
    assert db.vault is not None
    ben = db.vault.blind_index("ben@example.org")
    assert [row.recipient_index for row in await rows(db)] == [ben] * 2
    async with db.transaction() as session:
        later = datetime.now(UTC) + timedelta(seconds=1)
        assert await purge_sent_mails(session, sent_before=later) == 1  # b:1; b:2 is unsent
    assert [row.message_id for row in await rows(db)] == [message_id_for("b:2")]
