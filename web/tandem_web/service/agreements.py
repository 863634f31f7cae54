"""A relationship's communication agreement: reading it and accepting its current
version, with the session's token (messaging decides who may)."""

from __future__ import annotations

import uuid

from tandem_web.adapters import agreements_api
from tandem_web.domain.agreements import AgreementTerms
from tandem_web.domain.sessions import WebSession
from tandem_web.domain.shown import Found
from tandem_web.service.shown import Viewer, done, found, viewer
from tandem_web.settings import WebSettings


async def agreement_page(
    settings: WebSettings, session: WebSession, relationship_id: uuid.UUID, browser_zone: str | None
) -> tuple[Viewer, Found[AgreementTerms]]:
    who = await viewer(settings, session, browser_zone)
    url = str(settings.messaging_url)
    return who, await found(
        who.zone,
        lambda: agreements_api.agreement(url, session.access_token, relationship_id, who.me),
    )


async def accept(
    settings: WebSettings, session: WebSession, relationship_id: uuid.UUID, version: int
) -> None:
    url = str(settings.messaging_url)
    await done(
        lambda: agreements_api.accept_version(url, session.access_token, relationship_id, version)
    )
