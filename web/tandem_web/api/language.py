"""Switching the interface's language (a preference cookie; no account needed)."""

from __future__ import annotations

from typing import Annotated

from fastapi import APIRouter, Query
from fastapi.responses import RedirectResponse

from tandem_web.api.deps import Settings
from tandem_web.api.rendering import see_other
from tandem_web.domain.languages import LANGUAGES

router = APIRouter()
LANGUAGE_COOKIE = "tandem_lang"


def _local(path: str) -> str:
    """Only a path on this site ("/x"), never another host ("//evil", "https://…")."""
    return path if path.startswith("/") and not path.startswith(("//", "/\\")) else "/"


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
