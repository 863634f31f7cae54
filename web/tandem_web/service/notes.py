"""A meeting's notes, with the session's token (meetings: its members read them all,
only a note's author rewrites or deletes it, managers get a 403)."""

from __future__ import annotations

import uuid

from tandem_web.adapters import notes_api
from tandem_web.domain.notes import Note
from tandem_web.domain.sessions import WebSession
from tandem_web.domain.shown import Found
from tandem_web.service.shown import done, found, viewer
from tandem_web.settings import WebSettings


async def notes_page(
    settings: WebSettings, session: WebSession, meeting_id: uuid.UUID, browser_zone: str | None
) -> Found[list[Note]]:
    who = await viewer(settings, session, browser_zone)
    url = str(settings.meetings_url)
    return await found(who.zone, lambda: notes_api.notes(url, session.access_token, meeting_id))


async def write(
    settings: WebSettings, session: WebSession, meeting_id: uuid.UUID, text: str
) -> None:
    url = str(settings.meetings_url)
    await done(lambda: notes_api.write(url, session.access_token, meeting_id, text))


async def rewrite(
    settings: WebSettings, session: WebSession, meeting_id: uuid.UUID, note_id: uuid.UUID, text: str
) -> None:
    url = str(settings.meetings_url)
    await done(lambda: notes_api.rewrite(url, session.access_token, meeting_id, note_id, text))


async def delete(
    settings: WebSettings, session: WebSession, meeting_id: uuid.UUID, note_id: uuid.UUID
) -> None:
    url = str(settings.meetings_url)
    await done(lambda: notes_api.delete(url, session.access_token, meeting_id, note_id))
