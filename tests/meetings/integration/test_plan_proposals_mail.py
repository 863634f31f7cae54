"""The ``meeting-proposals`` mail, through a real SMTP server (aiosmtpd): when a
relationship starts, each member is sent the kick-off's proposed times on their own
clock, once, whatever the redelivery."""

from __future__ import annotations

from collections.abc import AsyncIterator
from datetime import datetime
from email.message import EmailMessage
from pathlib import Path
from zoneinfo import ZoneInfo

import pytest

from tandem_kit.mail import MailRelay
from tests.meetings.integration.plans_world import open_world
from tests.support.smtp import SmtpTestServer, smtp_test_server


@pytest.fixture
async def smtp() -> AsyncIterator[SmtpTestServer]:
    async with smtp_test_server() as server:
        yield server


def _text(message: EmailMessage) -> str:
    part = message.get_body(("plain",))
    assert part is not None
    return str(part.get_content())


async def test_each_member_gets_the_times_on_their_clock(
    tmp_path: Path, smtp: SmtpTestServer
) -> None:
    async with open_world(tmp_path) as w:
        event = w.started(w.max, w.ana)
        assert await w.app.deliver(event)
        assert await w.app.deliver(event)  # another event id: no second mail
        relay = MailRelay(w.app.runtime.database, smtp.settings(), service="meetings")
        await relay.send_pending_once()
        mails = smtp.unique()
        assert sorted(m["To"] for m in mails) == ["ana@example.org", "max@example.org"]
        plan = await w.plan(event.relationship_id)
        [kick_off] = [a for a in plan["activities"] if a["key"] == "kick_off"]
        for mail in mails:
            assert "Kick-off" in str(mail["Subject"])
            text = _text(mail)
            assert "Blended 2027" in text
            # The web app's page of the plan, where a member chooses (not the API).
            web = w.app.settings.web_base_url
            assert f"{web}/relationships/{event.relationship_id}/plan" in text.splitlines()
            max_ = mail["To"] == "max@example.org"
            zone = "Europe/Lisbon" if max_ else "America/New_York"
            assert ("(Lisbon time)" if max_ else "(New York time)") in text
            for proposal in kick_off["proposals"]:  # each on the reader's own clock
                local = datetime.fromisoformat(proposal["starts_at"]).astimezone(ZoneInfo(zone))
                day = f"{local:%A, %B} {local.day}, {local.year}"
                assert f"{day}, {local.hour % 12 or 12}:{local:%M}" in text, text
