"""Shapes shared by every feature's API schemas."""

from __future__ import annotations

from typing import Any
from uuid import UUID

from pydantic import BaseModel, ConfigDict, Field


def examples(*items: dict[str, Any]) -> ConfigDict:
    return ConfigDict(json_schema_extra={"examples": list(items)})


class Person(BaseModel):
    """Who wrote something, as members see it (erased authors: 'former member')."""

    participant_id: UUID | None = Field(description="Null for managers and former members.")
    role: str | None
    display_name: str
