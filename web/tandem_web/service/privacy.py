"""The privacy page's use cases: what the manager sees about the viewer (asked of each
service concurrently with the session's token), their data as one ZIP of each service's
export, erasure in matching, and messaging's notification preferences."""

from __future__ import annotations

import asyncio
import io
import uuid
import zipfile
from collections.abc import Awaitable
from datetime import datetime
from enum import StrEnum
from typing import TypeVar

from tandem_web.adapters import matching_api, privacy_api, profile_api
from tandem_web.adapters.profile_api import Unaccepted
from tandem_web.adapters.service_calls import Refused, ServiceUnavailable
from tandem_web.domain.participants import Profile, Relationship, Section, viewer_zone
from tandem_web.domain.privacy import (
    HOURS,
    NEW_MESSAGE_MAILS,
    MeetingFigures,
    Preferences,
    PrivacyPage,
    by_programme,
)
from tandem_web.domain.sessions import WebSession
from tandem_web.service.home import ZONES, my_profiles, section
from tandem_web.settings import WebSettings

T = TypeVar("T")


async def _answered(calls: list[Awaitable[T]]) -> list[T]:
    """Each call's answer, a refused one (not the viewer's, not known there) left out."""
    found: list[T] = []
    for result in await asyncio.gather(*calls, return_exceptions=True):
        if isinstance(result, Refused):
            continue
        if isinstance(result, BaseException):
            raise result
        found.append(result)
    return found


async def privacy_page(
    settings: WebSettings, session: WebSession, browser_zone: str | None
) -> PrivacyPage:
    token = session.access_token
    profiles = await my_profiles(settings, session)
    mine = profiles.value or []
    me = {p.participant_id for p in mine}
    matching_url = str(settings.matching_url)

    async def relationships() -> list[Relationship]:
        found = await _answered(
            [
                matching_api.my_relationships(matching_url, token, p.programme_id, p.participant_id)
                for p in mine
            ]
        )
        return [r for rs in found for r in rs]

    (
        names_part,
        relationships_part,
        messaging_part,
        analytics_part,
        preferences_part,
    ) = await asyncio.gather(
        section(lambda: matching_api.my_programmes(matching_url, token)),
        section(relationships),
        section(lambda: privacy_api.messaging_view(str(settings.messaging_url), token, me)),
        section(lambda: privacy_api.analytics_view(str(settings.analytics_url), token, me)),
        section(lambda: privacy_api.preferences(str(settings.messaging_url), token)),
    )
    programme_of = {r.id: r.programme_id for r in relationships_part.value or []}
    programme_of |= {m.relationship_id: m.programme_id for m in messaging_part.value or []}
    for programme in analytics_part.value or []:
        programme_of |= {r.relationship_id: programme.programme_id for r in programme.relationships}

    async def meetings() -> list[MeetingFigures]:
        url = str(settings.meetings_url)
        return await _answered([privacy_api.meetings_view(url, token, r) for r in programme_of])

    meetings_part = await section(meetings)
    programme_of |= {m.relationship_id: m.programme_id for m in meetings_part.value or []}
    views = by_programme(
        [(p.programme_id, p.participant_id) for p in mine],
        dict(names_part.value or []),
        programme_of,
        {r.id: r.others for r in relationships_part.value or []},
        messaging_part.value or [],
        meetings_part.value or [],
        analytics_part.value or [],
    )
    return PrivacyPage(
        zone=viewer_zone(mine, browser_zone, ZONES),
        programmes=views,
        messaging=messaging_part,
        meetings=meetings_part,
        analytics=analytics_part,
        preferences=preferences_part,
        matching_down=profiles.unavailable,
    )


class ExportUnavailable(Exception):
    """A service did not give its export: no partial ZIP is passed off as the whole."""

    def __init__(self, service: str) -> None:
        super().__init__(service)
        self.service = service


README = """Your data in Tandem, as each service holds it (JSON, exported {at}):

{files}
Each file is the service's own export, unchanged. Times are in UTC.
"""


async def export_zip(settings: WebSettings, session: WebSession, now: datetime) -> bytes:
    """One ZIP: matching's export for each programme the viewer takes part in, and
    messaging's and meetings' exports of everything they hold about the viewer."""
    token = session.access_token
    profiles = await my_profiles(settings, session)
    if profiles.unavailable:
        raise ExportUnavailable("matching")
    mine: list[Profile] = profiles.value or []

    async def matching_file(p: Profile) -> tuple[str, bytes]:
        found = await privacy_api.matching_export(
            str(settings.matching_url), token, p.programme_id, p.participant_id
        )
        return f"matching-programme-{p.programme_id}.json", found

    async def messaging_file() -> tuple[str, bytes]:
        found = await privacy_api.messaging_export_of(str(settings.messaging_url), token)
        return "messaging.json", found

    async def meetings_file() -> tuple[str, bytes]:
        found = await privacy_api.meetings_export_of(str(settings.meetings_url), token)
        return "meetings.json", found

    try:
        files = await _answered(
            [*(matching_file(p) for p in mine), messaging_file(), meetings_file()]
        )
    except ServiceUnavailable as down:
        raise ExportUnavailable(down.service) from down
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w", zipfile.ZIP_DEFLATED) as archive:
        listing = "".join(f"- {name}\n" for name, _ in files)
        archive.writestr("README.txt", README.format(at=now.isoformat(), files=listing))
        for name, content in files:
            archive.writestr(name, content)
    return buffer.getvalue()


class Erasure(StrEnum):
    ERASED = "erased"
    MISSING = "missing"  # not a participant there (or no longer: erased already)
    ALREADY = "already"  # matching's 409
    UNAVAILABLE = "unavailable"


async def my_participant(
    settings: WebSettings, session: WebSession, programme_id: uuid.UUID
) -> uuid.UUID | None:
    """The viewer's own participant in the programme (None: not theirs; raises
    ServiceUnavailable)."""
    try:
        return await profile_api.my_participant_id(
            str(settings.matching_url), session.access_token, programme_id, session.subject
        )
    except Refused:
        return None


async def why_not_erasable(
    settings: WebSettings, session: WebSession, programme_id: uuid.UUID
) -> Erasure | None:
    """Why the confirmation form cannot be offered (None: it can)."""
    try:
        mine = await my_participant(settings, session, programme_id)
    except ServiceUnavailable:
        return Erasure.UNAVAILABLE
    return Erasure.MISSING if mine is None else None


async def erase_me(
    settings: WebSettings, session: WebSession, programme_id: uuid.UUID, key: str
) -> Erasure:
    try:
        participant = await my_participant(settings, session, programme_id)
        if participant is None:
            return Erasure.MISSING
        await privacy_api.erase_me(
            str(settings.matching_url), session.access_token, programme_id, participant, key
        )
    except Refused as refused:
        return Erasure.ALREADY if refused.status == 409 else Erasure.MISSING
    except ServiceUnavailable:
        return Erasure.UNAVAILABLE
    return Erasure.ERASED


class NotSaved(Exception):
    """The preferences were not taken: ``errors`` per field ("_": messaging down)."""

    def __init__(self, errors: dict[str, str]) -> None:
        super().__init__(errors)
        self.errors = errors


async def save_preferences(
    settings: WebSettings, session: WebSession, new_message: str, digest_hour: str
) -> Preferences:
    errors: dict[str, str] = {}
    if new_message not in NEW_MESSAGE_MAILS:
        errors["new_message"] = "Choose one of the options."
    hour = int(digest_hour) if digest_hour.isdigit() else -1
    if hour not in HOURS:
        errors["digest_hour"] = "Choose an hour from 0 to 23."
    if errors:
        raise NotSaved(errors)
    url, token = str(settings.messaging_url), session.access_token
    try:
        # A manager's own choice about agreement mails is kept as it is.
        current = await privacy_api.preferences(url, token)
        return await privacy_api.set_my_preferences(
            url, token, Preferences(new_message, hour, current.manager_mail)
        )
    except Unaccepted as refused:
        raise NotSaved({"_": refused.detail}) from refused
    except (ServiceUnavailable, Refused) as down:
        raise NotSaved({"_": "unavailable"}) from down


def typed_preferences(new_message: str, digest_hour: str) -> Section[Preferences]:
    """The form as typed, for showing it again (an hour that is not one shows as none)."""
    hour = int(digest_hour) if digest_hour.isdigit() else -1
    return Section(Preferences(new_message, hour, None))
