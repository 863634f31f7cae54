"""The links the services' mails carry into the web app, where a page of the web app has
another address: each answers ``303`` to the page that does the job, so no mail's link
is ever a "not found".

- ``/conversations`` (messaging's digest): the home, whose "what next" lists every
  conversation;
- ``/me/notification-preferences`` (the footer of messaging's mails): the privacy page's
  e-mail section;
- ``/programmes/{pid}/risk-flags`` (messaging's at-risk mail to the manager): the
  relationships at risk;
- ``/relationships/{rid}/plan`` (meetings' "choose a time" for a planned activity):
  finding a time;
- ``/check-ins/{id}`` (analytics' check-in mail, beside its one-click answers): the
  person's check-ins, at that one.

The other links mails give (``/conversations/{id}``, ``/meetings/{id}``,
``/relationships/{id}/agreement``, ``/programmes/{pid}/rematching-offers/{id}``) are
pages of their own; ``tests/web/unit/test_mail_links.py`` checks every one of them has a
route.
"""

from __future__ import annotations

import uuid

from fastapi import APIRouter
from fastapi.responses import RedirectResponse

from tandem_web.api.rendering import see_other

router = APIRouter()


@router.get("/conversations")
async def conversations() -> RedirectResponse:
    return see_other("/#messages")


@router.get("/me/notification-preferences")
async def notification_preferences() -> RedirectResponse:
    return see_other("/privacy#notifications")


@router.get("/programmes/{programme_id}/risk-flags")
async def risk_flags(programme_id: uuid.UUID) -> RedirectResponse:
    return see_other(f"/programmes/{programme_id}/risk")


@router.get("/relationships/{relationship_id}/plan")
async def plan(relationship_id: uuid.UUID) -> RedirectResponse:
    return see_other(f"/relationships/{relationship_id}/meetings/new")


@router.get("/check-ins/{check_in_id}")
async def check_in(check_in_id: uuid.UUID) -> RedirectResponse:
    return see_other(f"/check-ins#check-in-{check_in_id}")
