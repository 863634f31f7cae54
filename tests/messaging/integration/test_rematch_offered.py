"""matching's rematch.offered: the mentee is mailed her offer in her language with how to
accept or decline it, once per offer; nothing of her stays after her erasure, and an
offer that arrives after it mails no one. Through the real consumer path, mail outbox
and SMTP."""

from __future__ import annotations

import uuid
from collections.abc import AsyncIterator
from datetime import UTC, datetime
from email.message import EmailMessage

import pytest
from sqlalchemy import func, select

from tandem_contracts.mails import CATALOG_LANGUAGES
from tandem_contracts.matching import ParticipantErased, RematchOffered
from tandem_kit.db.tables import mail_names_table, mail_outbox_table
from tandem_kit.mail import MailRelay
from tandem_kit.privacy import participant
from tests.messaging.harness import Harness, Person, Programme, seed
from tests.support.smtp import SmtpTestServer, smtp_test_server


@pytest.fixture
async def smtp() -> AsyncIterator[SmtpTestServer]:
    async with smtp_test_server() as server:
        yield server


async def delivered(h: Harness, smtp: SmtpTestServer) -> list[EmailMessage]:
    await MailRelay(h.runtime.database, smtp.settings(), service="messaging").send_pending_once()
    mails = smtp.unique()
    smtp.clear()
    return mails


def text_of(mail: EmailMessage) -> str:
    part = mail.get_body(("plain",))
    assert part is not None
    return str(part.get_content()).replace("\r\n", "\n")


def offered(programme: Programme, mentee: Person) -> RematchOffered:
    return RematchOffered(
        programme_id=programme.id,
        relationship_id=uuid.uuid4(),
        offer_id=uuid.uuid4(),
        mentee_id=mentee.participant_id,
        offered_at=datetime(2026, 3, 20, 9, 0, tzinfo=UTC),
    )


async def mail_rows(h: Harness, mentee: Person) -> tuple[int, int]:
    """The queued or sent mails to her address, and the mails naming her."""
    vault = h.runtime.database.vault
    assert vault is not None
    async with h.runtime.database.sessions() as session:
        to_her = await session.scalar(
            select(func.count())
            .select_from(mail_outbox_table)
            .where(mail_outbox_table.c.recipient_index == vault.blind_index(mentee.email))
        )
        naming = await session.scalar(
            select(func.count())
            .select_from(mail_names_table)
            .where(mail_names_table.c.person == participant(mentee.participant_id))
        )
    return int(to_her or 0), int(naming or 0)


async def test_the_mentee_hears_of_her_offer_in_her_language_once(
    harness: Harness, smtp: SmtpTestServer
) -> None:
    h = harness
    rita = Person("rita", "Rita Mentee", "mentee", language="pt-PT")
    programme = Programme(manager=Person("mia", "Mia Manager", "manager"), people=[rita])
    await seed(h, programme)

    event = offered(programme, rita)
    await h.deliver(event)
    await h.deliver(event)  # redelivered: the inbox skips it
    await h.deliver(event, event_id=uuid.uuid4())  # republished: the mail key holds
    [mail] = await delivered(h, smtp)
    assert mail["To"] == rita.email
    assert mail["Content-Language"] == "pt"
    assert mail["Subject"] == "Women in Tech 2026: gostaria de um novo mentor?"
    text = text_of(mail)
    assert text.startswith("Olá Rita Mentee,\n")
    assert "aceitar" in text
    assert "recusar" in text
    link = f"https://tandem.test/programmes/{programme.id}/rematching-offers/{event.offer_id}"
    assert link in text

    # A second offer (another relationship ended) is a new mail.
    await h.deliver(offered(programme, rita))
    assert [m["To"] for m in await delivered(h, smtp)] == [rita.email]


async def test_every_catalog_language_words_the_offer(
    harness: Harness, smtp: SmtpTestServer
) -> None:
    h = harness
    people = [
        Person(f"mentee-{code}", f"Mentee {code}", "mentee", language=code)
        for code in sorted(CATALOG_LANGUAGES)
    ]
    programme = Programme(manager=Person("mia", "Mia Manager", "manager"), people=people)
    await seed(h, programme)
    for person in people:
        await h.deliver(offered(programme, person))
    mails = {m["To"]: m for m in await delivered(h, smtp)}
    english = mails["mentee-en@example.org"]
    for person in people:
        mail = mails[person.email]
        assert mail["Content-Language"] == person.language
        assert "/rematching-offers/" in text_of(mail)
        if person.language != "en":
            assert mail["Subject"] != english["Subject"], person.language
            assert text_of(mail).split("\n")[2] != text_of(english).split("\n")[2]


async def test_after_her_erasure_nothing_of_her_stays_and_a_late_offer_mails_no_one(
    harness: Harness, smtp: SmtpTestServer
) -> None:
    h = harness
    rita = Person("rita", "Rita Mentee", "mentee")
    programme = Programme(manager=Person("mia", "Mia Manager", "manager"), people=[rita])
    await seed(h, programme)
    await h.deliver(offered(programme, rita))  # queued, not yet sent
    assert await mail_rows(h, rita) == (1, 1)

    await h.deliver(
        ParticipantErased(
            programme_id=programme.id, participant_id=rita.participant_id, subject=rita.subject
        )
    )
    assert await mail_rows(h, rita) == (0, 0)
    assert await delivered(h, smtp) == []

    # An offer made before the erasure but arriving after it brings nothing back.
    await h.deliver(offered(programme, rita))
    assert await mail_rows(h, rita) == (0, 0)
    assert await delivered(h, smtp) == []
