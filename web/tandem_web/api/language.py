"""Switching the interface's language (a preference cookie; no account needed)."""

from __future__ import annotations

import re
from typing import Annotated

from fastapi import APIRouter, Query
from fastapi.responses import RedirectResponse

from tandem_web.api.deps import Settings
from tandem_web.api.rendering import see_other
from tandem_web.domain.languages import LANGUAGES

router = APIRouter()
LANGUAGE_COOKIE = "tandem_lang"


# A path on this site: one slash, then no second slash or backslash, and nothing a browser
# drops from a URL (tabs, newlines, other controls, spaces), which would let "/\t/evil"
# become "//evil", another host.
LOCAL_PATH = re.compile(r"/(?![/\\])[^\x00-\x20\x7f\\]*")


def _local(path: str) -> str:
    """Only a path on this site ("/x"), never another host ("//evil", "https://…")."""
    return path if LOCAL_PATH.fullmatch(path) else "/"


@router.get("/language")
async def switch_language(
    settings: Settings,
    to: Annotated[str, Query(pattern="^(" + "|".join(LANGUAGES) + ")$")],
    back: Annotated[str, Query(max_length=2000)] = "/",
) -> RedirectResponse:
    response = see_other(_local(back))
    response.set_cookie(
        LANGUAGE_COOKIE,
        to,
        max_age=365 * 24 * 3600,
        httponly=True,
        samesite="lax",
        secure=settings.secure_cookies,
    )
    return response
