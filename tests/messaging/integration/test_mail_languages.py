"""Mails in every recipient's language (issue 10, "Language and wording"): Babel's
gettext catalogs, CLDR plurals, negotiation with the programme's languages, and
dates in the recipient's own time zone — through the real API, outbox and SMTP."""

from __future__ import annotations

import uuid
from collections.abc import AsyncIterator
from datetime import UTC, datetime
from email.message import EmailMessage

import pytest

from tandem_contracts.common import MailOverride
from tandem_contracts.matching import ProgrammeUpdated
from tandem_kit.mail import MailRelay
from tandem_messaging.service.digests import send_due_digests
from tests.messaging.harness import Harness, Person, Programme, seed
from tests.support.smtp import SmtpTestServer, smtp_test_server

# 17:05 UTC on 2 March 2026: 18:05 in Berlin, 19:05 in Athens, 17:05 in Lisbon.
AT_SIX = datetime(2026, 3, 2, 17, 5, tzinfo=UTC)


@pytest.fixture
async def smtp() -> AsyncIterator[SmtpTestServer]:
    async with smtp_test_server() as server:
        yield server


async def delivered(h: Harness, smtp: SmtpTestServer) -> list[EmailMessage]:
    await MailRelay(h.runtime.database, smtp.settings(), service="messaging").send_pending_once()
    mails = smtp.unique()
    smtp.clear()
    return mails


def to(mails: list[EmailMessage], person: Person, subject: str) -> EmailMessage:
    """The one mail to ``person`` with exactly ``subject`` (their other mails listed if not)."""
    found = [m for m in mails if m["To"] == person.email and m["Subject"] == subject]
    assert len(found) == 1, [str(m["Subject"]) for m in mails if m["To"] == person.email]
    return found[0]


def text_of(mail: EmailMessage) -> str:
    part = mail.get_body(("plain",))
    assert part is not None
    return str(part.get_content())


async def pair(h: Harness, programme: Programme, mentor: Person, mentee: Person) -> uuid.UUID:
    relationship = uuid.uuid4()
    await h.deliver(programme.started(relationship, mentor, mentee))
    listed = await h.client.get("/v1/conversations", headers=h.as_person(mentor, programme))
    [found] = [c for c in listed.json()["items"] if c["relationship_id"] == str(relationship)]
    return uuid.UUID(found["id"])


async def test_portuguese_and_greek_recipients_get_their_language_and_their_time(
    harness: Harness, smtp: SmtpTestServer
) -> None:
    """The three-country programme of the issue: before, both got English mail."""
    h = harness
    nikos = Person("nikos", "Nikos Mentor", "mentor", "el", "Europe/Athens")
    rita = Person("rita", "Rita Mentee", "mentee", "pt-PT", "Europe/Lisbon")
    programme = Programme(
        manager=Person("mia", "Mia Manager", "manager", "de"),
        people=[nikos, rita],
        languages=["pt", "el", "de"],
    )
    await seed(h, programme)
    conversation = await pair(h, programme, nikos, rita)
    intros = await delivered(h, smtp)
    to_nikos = to(intros, nikos, "Η σχέση καθοδήγησής σας ξεκίνησε")
    to_rita = to(intros, rita, "A sua relação de mentoria começou")
    assert to_nikos["Content-Language"] == "el"
    assert "Rita Mentee (καθοδηγούμενος/η)" in text_of(to_nikos)
    assert to_rita["Content-Language"] == "pt"
    assert "Nikos Mentor (mentor(a))" in text_of(to_rita)

    h.clock.set(AT_SIX)
    posted = await h.client.post(
        f"/v1/conversations/{conversation}/messages",
        json={"body": "A proposta da Initech"},
        headers=h.as_person(nikos, programme),
    )
    assert posted.status_code == 201, posted.text
    new = to(await delivered(h, smtp), rita, "Nova mensagem de Nikos Mentor")
    # CLDR's Portuguese full date and short time, in Lisbon (UTC in March).
    assert "Enviada: segunda-feira, 2 de março de 2026 17:05" in text_of(new)
    assert "Initech" not in text_of(new), "never the content"


async def test_a_language_without_catalog_falls_back_to_the_programmes_languages(
    harness: Harness, smtp: SmtpTestServer
) -> None:
    """Luxembourgish has no catalog: the programme's first language with one, not English."""
    h = harness
    mentor = Person("jos", "Jos Mentor", "mentor", "lb", "Europe/Luxembourg")
    mentee = Person("lea", "Lea Mentee", "mentee", "en")
    programme = Programme(
        manager=Person("mia", "Mia Manager", "manager"),
        people=[mentor, mentee],
        languages=["lb", "fr", "de"],
    )
    await seed(h, programme)
    await pair(h, programme, mentor, mentee)
    mails = await delivered(h, smtp)
    assert to(mails, mentor, "Votre relation de mentorat a commencé")["Content-Language"] == "fr"
    assert to(mails, mentee, "Your mentoring relationship has started")


async def test_the_digest_counts_in_each_recipients_plural_form(
    harness: Harness, smtp: SmtpTestServer
) -> None:
    """Before: "Your Tandem day: 1 unread messages" in every language that had one."""
    h = harness
    mentor = Person("max", "Max Mentor", "mentor", "de")
    eva = Person("eva", "Eva Mentee", "mentee", "en")
    ola = Person("ola", "Ola Mentee", "mentee", "pl", "Europe/Warsaw")
    ivo = Person("ivo", "Ivo Mentee", "mentee", "cs", "Europe/Prague")
    programme = Programme(
        manager=Person("mia", "Mia Manager", "manager"), people=[mentor, eva, ola, ivo]
    )
    await seed(h, programme)
    for mentee, count in ((eva, 1), (ola, 5), (ivo, 3)):
        conversation = await pair(h, programme, mentor, mentee)
        await h.client.put(
            "/v1/me/notification-preferences",
            headers=h.as_person(mentee, programme),
            json={"new_message": "daily_digest", "digest_hour": 18},
        )
        for n in range(count):
            await h.client.post(
                f"/v1/conversations/{conversation}/messages",
                json={"body": f"message {n}"},
                headers=h.as_person(mentor, programme),
            )
    await delivered(h, smtp)
    assert await send_due_digests(h.ctx, AT_SIX) == 3
    digests = await delivered(h, smtp)
    to_eva = to(digests, eva, "Your Tandem day: 1 unread message")
    assert "you have 1 unread message:\r\n" in text_of(to_eva)
    assert "- 1 unread message in your conversation with Max Mentor" in text_of(to_eva)
    to_ola = to(digests, ola, "Twój dzień w Tandem: 5 nieprzeczytanych wiadomości")
    assert "masz 5 nieprzeczytanych wiadomości:" in text_of(to_ola)
    to(digests, ivo, "Váš den na Tandemu: 3 nepřečtené zprávy")


async def test_a_programmes_override_replaces_the_catalog_and_follows_its_updates(
    harness: Harness, smtp: SmtpTestServer
) -> None:
    h = harness
    max_ = Person("max", "Max Mentor", "mentor", "de")
    rita = Person("rita", "Rita Mentee", "mentee", "pt", "Europe/Lisbon")
    welcome = MailOverride(
        subject="Bem-vinda ao $programme, $name!",
        text="Olá $name,\n\no seu par:\n$members\n$linkedin\nConversa: $link\n",
    )
    programme = Programme(
        manager=Person("mia", "Mia Manager", "manager"),
        people=[max_, rita],
        languages=["pt", "de"],
        mail_overrides={"relationship-introduction": {"pt": welcome}},
    )
    await seed(h, programme)
    conversation = await pair(h, programme, max_, rita)
    intros = await delivered(h, smtp)
    to_rita = to(intros, rita, "Bem-vinda ao Women in Tech 2026, Rita Mentee!")
    assert "o seu par:\r\n- Max Mentor (mentor(a))" in text_of(to_rita)
    to(intros, max_, "Ihre Mentoring-Beziehung hat begonnen")  # no German override

    await h.deliver(
        ProgrammeUpdated(
            programme_id=programme.id,
            name="Regresso 2026",
            languages=["pt", "de"],
            mail_overrides={
                "message-new": {
                    "pt": MailOverride(
                        subject="$sender escreveu-lhe ($programme)",
                        text="Leia em $link ($written_at)\n",
                    )
                }
            },
        )
    )
    h.clock.set(AT_SIX)
    await h.client.post(
        f"/v1/conversations/{conversation}/messages",
        json={"body": "Olá"},
        headers=h.as_person(max_, programme),
    )
    new = to(await delivered(h, smtp), rita, "Max Mentor escreveu-lhe (Regresso 2026)")
    assert text_of(new).startswith("Leia em https://tandem.test/conversations/")
    assert "(segunda-feira, 2 de março de 2026 17:05)" in text_of(new)
