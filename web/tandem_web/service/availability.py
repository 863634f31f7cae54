"""The weekly availability editor: meetings' windows with the session's token; a list
meetings refuses comes back as the rows typed, each with its reason."""

from __future__ import annotations

import uuid
from collections.abc import Sequence
from dataclasses import replace

from tandem_web.adapters import availability_api
from tandem_web.adapters.profile_api import Unaccepted
from tandem_web.adapters.service_calls import Refused, ServiceUnavailable
from tandem_web.domain.availability import (
    Availability,
    AvailabilityPage,
    AvailabilityShown,
    Row,
    errors_by_row,
    windows_of,
)
from tandem_web.domain.sessions import WebSession
from tandem_web.settings import WebSettings


async def availability_page(
    settings: WebSettings, session: WebSession, programme_id: uuid.UUID
) -> AvailabilityPage:
    try:
        found = await availability_api.mine(
            str(settings.meetings_url), session.access_token, programme_id
        )
    except Refused:
        # 404: no role in the programme, or not known to meetings (yet); 403: a manager.
        return AvailabilityPage(AvailabilityShown.MISSING, programme_id)
    except ServiceUnavailable:
        return AvailabilityPage(AvailabilityShown.UNAVAILABLE, programme_id)
    return AvailabilityPage(AvailabilityShown.SHOWN, programme_id, found)


def with_rows(found: AvailabilityPage, rows: Sequence[Row]) -> AvailabilityPage:
    """The page showing ``rows`` (as typed) instead of what meetings holds."""
    if found.availability is None:
        return found
    return replace(found, availability=replace(found.availability, rows=tuple(rows)))


async def save_availability(
    settings: WebSettings, session: WebSession, programme_id: uuid.UUID, rows: Sequence[Row]
) -> AvailabilityPage:
    found = await availability_page(settings, session, programme_id)
    if found.shown is not AvailabilityShown.SHOWN:
        return found
    windows, origin, errors = windows_of(rows)
    if errors:
        return replace(with_rows(found, rows), errors=errors)
    url, token = str(settings.meetings_url), session.access_token
    try:
        saved: Availability = await availability_api.set_mine(url, token, programme_id, windows)
    except Unaccepted as refused:
        return replace(
            with_rows(found, rows), errors=errors_by_row(refused.items, origin, refused.detail)
        )
    except Refused:
        return AvailabilityPage(AvailabilityShown.MISSING, programme_id)
    except ServiceUnavailable:
        return replace(with_rows(found, rows), shown=AvailabilityShown.UNAVAILABLE)
    return replace(found, availability=saved)


async def reset_availability(
    settings: WebSettings, session: WebSession, programme_id: uuid.UUID
) -> AvailabilityPage:
    try:
        found = await availability_api.reset_mine(
            str(settings.meetings_url), session.access_token, programme_id
        )
    except Refused:
        return AvailabilityPage(AvailabilityShown.MISSING, programme_id)
    except ServiceUnavailable:
        return AvailabilityPage(AvailabilityShown.UNAVAILABLE, programme_id)
    return AvailabilityPage(AvailabilityShown.SHOWN, programme_id, found)
