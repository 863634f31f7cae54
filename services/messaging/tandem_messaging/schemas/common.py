"""Shapes shared by every feature's API schemas."""

from __future__ import annotations

from typing import Any
from uuid import UUID

from pydantic import BaseModel, ConfigDict, Field


def examples(*items: dict[str, Any]) -> ConfigDict:
    return ConfigDict(json_schema_extra={"examples": list(items)})


class ProblemDetails(BaseModel):
    """RFC 9457 problem details, as every error is returned (``application/problem+json``)."""

    model_config = examples(
        {
            "type": "about:blank",
            "title": "Conflict",
            "status": 409,
            "detail": "The relationship has ended; its conversation is read-only.",
            "code": "conversation_read_only",
        }
    )

    type: str = "about:blank"
    title: str
    status: int
    detail: str
    code: str = Field(description="Stable, machine-readable reason.")
    errors: list[dict[str, Any]] | None = None


class Person(BaseModel):
    """Who wrote something, as members see it (erased authors: 'former member')."""

    participant_id: UUID | None = Field(description="Null for managers and former members.")
    role: str | None
    display_name: str
