"""E-mail through a real SMTP server (aiosmtpd): right people, right language, exactly once.

Mails are queued in the transaction of their cause and delivered by the kit's
mail relay; a crash after the server accepted a mail re-sends it with the same
Message-ID, so a receiver de-duplicating by Message-ID sees each mail once.
"""

from __future__ import annotations

import uuid
from collections.abc import AsyncIterator
from datetime import timedelta
from email.message import EmailMessage
from pathlib import Path
from typing import Any

import pytest

from tandem_kit.mail import MailRelay
from tandem_messaging.service.digests import send_manager_digests
from tests.kit.integration.harness import SimulatedCrash, wait_until
from tests.messaging.conftest import World, build_world
from tests.messaging.harness import Harness, running, settings_for
from tests.support.smtp import SmtpTestServer, smtp_test_server


@pytest.fixture
async def smtp() -> AsyncIterator[SmtpTestServer]:
    async with smtp_test_server() as server:
        yield server


def relay(h: Harness, smtp: SmtpTestServer, **options: Any) -> MailRelay:
    return MailRelay(
        h.runtime.database, smtp.settings(), service="messaging", retry_backoff=0, **options
    )


def text_of(message: EmailMessage) -> str:
    part = message.get_body(("plain",))
    assert part is not None
    return str(part.get_content())


def only(mails: list[EmailMessage], to: str, subject_part: str) -> EmailMessage:
    found = [m for m in mails if m["To"] == to and subject_part in str(m["Subject"])]
    assert len(found) == 1, [(m["To"], m["Subject"]) for m in mails]
    return found[0]


async def test_introductions_in_each_members_language_with_linkedin_when_both_consented(
    world: World, smtp: SmtpTestServer
) -> None:
    await relay(world.h, smtp).send_pending_once()
    mails = smtp.unique()
    to_max = only(mails, "max@example.org", "Mentoring-Beziehung")  # German
    to_ana = only(mails, "ana@example.org", "mentoría")  # Spanish
    assert to_max["Content-Language"] == "de"
    assert to_ana["Content-Language"] == "es"
    assert "Ana Mentee (mentorizado/a)" not in text_of(to_max)
    assert "Ana Mentee (Mentee)" in text_of(to_max)
    assert "https://www.linkedin.com/in/ana" in text_of(to_max), "both consented: suggest"
    assert "https://www.linkedin.com/in/max" in text_of(to_ana)
    to_ben = only(mails, "ben@example.org", "relation de mentorat")  # French, Eva's partner
    to_eva = only(mails, "eva@example.org", "relationship has started")
    assert "linkedin" not in text_of(to_ben).lower() + text_of(to_eva).lower(), (
        "neither of them shared a profile: no suggestion"
    )
    assert "Eva Mentee" in text_of(to_ben)


async def test_linkedin_is_suggested_only_when_both_shared(
    harness: Harness, smtp: SmtpTestServer
) -> None:
    world = await build_world(harness)
    h, a = world.h, world.a
    await relay(h, smtp).send_pending_once()
    smtp.clear()
    lone = a.people[3]  # Eva shared nothing; Max shared his profile
    await h.deliver(a.started(uuid.uuid4(), world.mentor, lone))
    await relay(h, smtp).send_pending_once()
    intro_to_eva = only(smtp.unique(), "eva@example.org", "relationship has started")
    assert "linkedin.com/in/max" not in text_of(intro_to_eva)
    intro_to_max = only(smtp.unique(), "max@example.org", "Mentoring-Beziehung")
    assert "linkedin" not in text_of(intro_to_max).lower()


async def test_new_message_mail_in_the_recipients_language_without_content(
    world: World, smtp: SmtpTestServer
) -> None:
    h = world.h
    await relay(h, smtp).send_pending_once()
    smtp.clear()
    secret = "the offer from Initech is 55k"
    posted = await h.client.post(
        f"/v1/conversations/{world.conversation}/messages",
        json={"body": secret},
        headers=h.as_person(world.mentor, world.a),
    )
    assert posted.status_code == 201
    await relay(h, smtp).send_pending_once()
    [mail] = smtp.unique()
    assert mail["To"] == "ana@example.org"
    assert mail["Subject"] == "Nuevo mensaje de Max Mentor"
    body = text_of(mail)
    assert secret not in body
    assert "Initech" not in body
    assert f"https://tandem.test/conversations/{world.conversation}" in body


async def test_preferences_never_and_digest_silence_immediate_mails(
    world: World, smtp: SmtpTestServer
) -> None:
    h = world.h
    await relay(h, smtp).send_pending_once()
    smtp.clear()
    mentee = h.as_person(world.mentee, world.a)
    for choice in ("never", "daily_digest"):
        saved = await h.client.put(
            "/v1/me/notification-preferences",
            headers=mentee,
            json={"new_message": choice, "digest_hour": 19},
        )
        assert saved.json() == {
            "new_message": choice,
            "digest_hour": 19,
            "manager_mail": "digest",
        }
        await h.client.post(
            f"/v1/conversations/{world.conversation}/messages",
            json={"body": "hi"},
            headers=h.as_person(world.mentor, world.a),
        )
    await relay(h, smtp).send_pending_once()
    assert smtp.messages == []


async def test_agreement_waiting_for_acceptance_is_mailed_to_members_and_in_the_managers_digest(
    world: World, smtp: SmtpTestServer
) -> None:
    await relay(world.h, smtp).send_pending_once()
    mails = smtp.unique()
    only(mails, "max@example.org", "Kommunikationsvereinbarung (Version 1)")
    only(mails, "ana@example.org", "acuerdo de comunicación (versión 1)")
    assert [m for m in mails if m["To"] == "mia@example.org"] == [], "her digest, not now"
    assert await send_manager_digests(world.h.ctx, world.h.clock() + timedelta(hours=1)) == 2
    await relay(world.h, smtp).send_pending_once()
    digest = only(smtp.unique(), "mia@example.org", "waiting for your acceptance: 2")
    text = text_of(digest)
    assert "Ana Mentee, Max Mentor (Women in Tech 2026, version 1)" in text
    assert "Eva Mentee, Ben Mentor (Women in Tech 2026, version 1)" in text
    assert "Kim Mentor" not in text, "programme B is Bob's"
    only(smtp.unique(), "bob@example.org", "waiting for your acceptance: 1")


async def test_a_relay_crash_after_acceptance_still_delivers_each_mail_once(
    world: World, smtp: SmtpTestServer
) -> None:
    h = world.h
    accepted: list[str] = []

    async def die_on_third(message_id: str) -> None:
        accepted.append(message_id)
        if len(accepted) == 3:
            raise SimulatedCrash  # the server has it; the row is not marked sent

    with pytest.raises(SimulatedCrash):
        await relay(h, smtp, after_accept=die_on_third, lease_seconds=0.3).send_pending_once()
    survivor = relay(h, smtp, lease_seconds=0.3)

    async def everything_sent() -> bool:
        await survivor.send_pending_once()
        return await survivor.backlog() == 0

    await wait_until(everything_sent, timeout=20, interval=0.3)
    counts = smtp.message_id_counts()
    assert counts[accepted[2]] == 2, "the crashed mail went out again, with the same Message-ID"
    unique = smtp.unique()
    assert len(unique) == len(counts) >= 12  # introductions + agreement requests
    assert len({(m["To"], m["Subject"], text_of(m)) for m in unique}) == len(unique)


async def test_mails_survive_an_app_restart_and_go_out_once(
    tmp_path: Path, smtp: SmtpTestServer
) -> None:
    settings = settings_for(tmp_path)
    async with running(settings) as h:  # no relay: the mails wait in the outbox
        world = await build_world(h)
        await h.deliver(world.a.started(world.pair, world.mentor, world.mentee))  # again
    assert smtp.messages == []
    restarted = settings.model_copy(
        update={"run_relay": True, "smtp": smtp.settings(), "mail_poll_interval_seconds": 0.1}
    )
    async with running(restarted) as h:
        await smtp.wait_for(12, 20)  # introductions and members' agreement requests
        await h.deliver(world.a.started(world.pair, world.mentor, world.mentee))  # and again

        async def drained() -> bool:
            return await relay(h, smtp).backlog() == 0

        await wait_until(drained, timeout=10)
    counts = smtp.message_id_counts()
    assert set(counts.values()) == {1}, "each mail exactly once"
    intros = [
        m for m in smtp.messages if m["To"] == "ana@example.org" and "mentoría" in str(m["Subject"])
    ]
    assert len(intros) == 1
