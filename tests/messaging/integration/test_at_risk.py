"""analytics' relationship.at_risk: each manager gets the reasons in plain words in their
language, the members a gentle nudge without them if the programme wants it; once per
flag, through the real consumer path, mail outbox and SMTP."""

from __future__ import annotations

import uuid
from collections.abc import AsyncIterator
from datetime import UTC, datetime
from email.message import EmailMessage

import pytest

from tandem_contracts.analytics import (
    RelationshipAtRisk,
    RiskReason,
    RiskReasonCode,
    RiskSource,
    SuggestedAction,
)
from tandem_kit.mail import MailRelay
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


def flag(programme: Programme, relationship: uuid.UUID, *, nudge: bool) -> RelationshipAtRisk:
    return RelationshipAtRisk(
        programme_id=programme.id,
        relationship_id=relationship,
        flag_id=uuid.uuid4(),
        source=RiskSource.RULES,
        reasons=[
            RiskReason(
                code=RiskReasonCode.NO_TWO_WAY_CONTACT,
                value=15.25,
                threshold=14,
                action=SuggestedAction.CONTACT_MEMBERS,
            ),
            RiskReason(
                code=RiskReasonCode.REPEATED_NO_SHOWS,
                value=2,
                threshold=2,
                action=SuggestedAction.CHECK_ATTENDANCE,
            ),
        ],
        flagged_at=datetime(2026, 3, 20, 9, 0, tzinfo=UTC),
        nudge_members=nudge,
    )


async def test_the_manager_hears_why_in_their_language_once_per_flag(
    harness: Harness, smtp: SmtpTestServer
) -> None:
    h = harness
    mentor = Person("nikos", "Nikos Mentor", "mentor", language="el")
    mentee = Person("rita", "Rita Mentee", "mentee", language="pt")
    programme = Programme(
        manager=Person("mia", "Mia Manager", "manager", language="de"), people=[mentor, mentee]
    )
    await seed(h, programme)
    relationship = uuid.uuid4()
    await h.deliver(programme.started(relationship, mentor, mentee))
    await delivered(h, smtp)  # the introductions

    event = flag(programme, relationship, nudge=False)
    await h.deliver(event)
    await h.deliver(event, event_id=uuid.uuid4())  # the same flag, republished: no new mail
    [mail] = await delivered(h, smtp)
    assert mail["To"] == programme.manager.email
    assert (
        mail["Subject"] == "Eine Mentoring-Beziehung braucht Sie vielleicht: "
        "Rita Mentee (Mentee), Nikos Mentor (Mentor/in)"
    )
    text = text_of(mail)
    assert "Hallo Mia Manager," in text
    assert (
        "- Tage ohne Austausch in beide Richtungen: 15,2\n"
        "  Nehmen Sie Kontakt mit den Mitgliedern auf.\n" in text
    )
    assert "- Verpasste Treffen (nicht erschienen): 2\n" in text
    assert f"https://tandem.test/programmes/{programme.id}/risk-flags" in text

    # A new flag of the same relationship mails again; the members are nudged if wanted,
    # each in their language, without a word of the reasons.
    await h.deliver(flag(programme, relationship, nudge=True))
    mails = await delivered(h, smtp)
    assert sorted(m["To"] for m in mails) == sorted(
        [programme.manager.email, mentor.email, mentee.email]
    )
    [rita] = [m for m in mails if m["To"] == mentee.email]
    assert rita["Subject"] == "Como está a correr a sua mentoria?"
    assert "Olá Rita Mentee," in text_of(rita)
    [nikos] = [m for m in mails if m["To"] == mentor.email]
    assert nikos["Subject"] == "Πώς πάει η καθοδήγησή σας;"
    for nudge in (rita, nikos):
        # the reasons' figures and words, not any digits: the mail's links carry uuids
        assert "15,2" not in text_of(nudge)
        assert "15.2" not in text_of(nudge)
        assert "risk-flags" not in text_of(nudge)
