"""A participant's own profile page: read from matching with the session's token, and
changed there; what matching refuses is shown with what the person typed."""

from __future__ import annotations

import uuid
from collections.abc import Mapping
from dataclasses import replace

from tandem_web.adapters import profile_api
from tandem_web.adapters.profile_api import Unaccepted
from tandem_web.adapters.service_calls import Refused, ServiceUnavailable
from tandem_web.domain.participants import viewer_zone
from tandem_web.domain.profile import (
    ProfilePage,
    ProfileShown,
    changes,
    errors_by_field,
)
from tandem_web.domain.sessions import WebSession
from tandem_web.service.home import ZONES, my_profiles
from tandem_web.settings import WebSettings


async def _zone(settings: WebSettings, session: WebSession, browser_zone: str | None) -> str:
    mine = await my_profiles(settings, session)
    return viewer_zone(mine.value or [], browser_zone, ZONES)


async def profile_page(
    settings: WebSettings, session: WebSession, programme_id: uuid.UUID, browser_zone: str | None
) -> ProfilePage:
    url, token = str(settings.matching_url), session.access_token
    zone = await _zone(settings, session, browser_zone)
    try:
        me = await profile_api.my_participant_id(url, token, programme_id, session.subject)
        if me is None:
            return ProfilePage(ProfileShown.MISSING, zone)
        record = await profile_api.profile(url, token, programme_id, me)
    except Refused:
        return ProfilePage(ProfileShown.MISSING, zone)
    except ServiceUnavailable:
        return ProfilePage(ProfileShown.UNAVAILABLE, zone)
    if record.status != "active":
        return ProfilePage(ProfileShown.INACTIVE, zone, record)
    return ProfilePage(ProfileShown.SHOWN, zone, record)


async def save_profile(
    settings: WebSettings,
    session: WebSession,
    programme_id: uuid.UUID,
    typed: Mapping[str, str],
    consent: bool,
    browser_zone: str | None,
) -> ProfilePage:
    """Matching's record after the change; when it is not taken, the page as typed,
    with the errors per field (a 4xx page), or why (403/404/409, matching down)."""
    found = await profile_page(settings, session, programme_id, browser_zone)
    if found.record is None or found.shown is not ProfileShown.SHOWN:
        return found
    record = found.record
    body, errors = changes(record.role, typed, consent)
    as_typed = replace(record, values={**record.values, **typed}, linkedin_consent=consent)
    if errors:
        return replace(found, record=as_typed, errors=errors)
    url, token = str(settings.matching_url), session.access_token
    try:
        saved = await profile_api.update(url, token, programme_id, record.participant_id, body)
    except Unaccepted as refused:
        return replace(
            found, record=as_typed, errors=errors_by_field(refused.items, refused.detail)
        )
    except Refused as refused:
        shown = ProfileShown.INACTIVE if refused.status == 409 else ProfileShown.MISSING
        return ProfilePage(shown, found.zone, record if refused.status == 409 else None)
    except ServiceUnavailable:
        # Not saved: the form again, as typed, saying matching is not answering.
        return ProfilePage(ProfileShown.UNAVAILABLE, found.zone, as_typed)
    return replace(found, record=saved)
