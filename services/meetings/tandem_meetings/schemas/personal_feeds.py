"""Your personal calendar feed: its URLs (shown once, when made) and whether you have one."""

from __future__ import annotations

from datetime import datetime

from pydantic import BaseModel, Field


class CalendarFeedCreatedPublic(BaseModel):
    url: str = Field(
        description="The feed over https (or http): the token in it is the only credential. "
        "Shown this once; making a new one makes this one stop working."
    )
    webcal_url: str = Field(description="The same feed as webcal://, for one-click subscribing.")
    created_at: datetime


class CalendarFeedPublic(BaseModel):
    active: bool = Field(description="Whether you have a feed URL that works.")
    created_at: datetime | None = Field(
        description="When it was made; the URL is never shown again."
    )
