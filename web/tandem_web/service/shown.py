"""What the participants' agreement, goal, note and check-in pages share: who the viewer
is (their participants, for "mine"; their zone) and a service's answer or refusal."""

from __future__ import annotations

import uuid
from collections.abc import Awaitable, Callable
from dataclasses import dataclass
from typing import TypeVar

from tandem_web.adapters.service_calls import Refused, ServiceUnavailable
from tandem_web.domain.participants import Profile, viewer_zone
from tandem_web.domain.sessions import WebSession
from tandem_web.domain.shown import Found, Shown, refusal
from tandem_web.service.home import ZONES, grants, my_profiles
from tandem_web.settings import WebSettings

T = TypeVar("T")


@dataclass(frozen=True, slots=True)
class Viewer:
    me: set[uuid.UUID]
    zone: str
    profiles: list[Profile]
    manager: bool  # the token makes them a manager of some programme


async def viewer(settings: WebSettings, session: WebSession, browser_zone: str | None) -> Viewer:
    profiles = (await my_profiles(settings, session)).value or []
    return Viewer(
        {p.participant_id for p in profiles},
        viewer_zone(profiles, browser_zone, ZONES),
        profiles,
        bool(grants(session).manager),
    )


async def found(zone: str, call: Callable[[], Awaitable[T]]) -> Found[T]:
    """The call's answer as a page's content, or why it cannot be shown."""
    try:
        return Found(Shown.SHOWN, zone, await call())
    except Refused as refused:
        return Found(refusal(refused.status), zone)
    except ServiceUnavailable:
        return Found(Shown.UNAVAILABLE, zone)


class NotDone(Exception):
    """A service did not take a form: ``shown`` says why (CLOSED: its 409)."""

    def __init__(self, shown: Shown) -> None:
        super().__init__(shown)
        self.shown = shown


async def done(call: Callable[[], Awaitable[object]]) -> None:
    try:
        await call()
    except Refused as refused:
        raise NotDone(refusal(refused.status)) from refused
    except ServiceUnavailable as down:
        raise NotDone(Shown.UNAVAILABLE) from down
