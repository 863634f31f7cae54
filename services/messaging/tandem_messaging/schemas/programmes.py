"""A programme's messaging settings."""

from __future__ import annotations

from uuid import UUID

from pydantic import BaseModel, Field

from tandem_kit.api import RequestModel
from tandem_messaging.schemas.common import examples


class ProgrammeSettingsUpdate(RequestModel):
    model_config = examples({"retention_days": 180})

    retention_days: int = Field(
        ge=1,
        le=3650,
        description=(
            "How long an ended relationship's conversation stays readable by its members; then "
            "its content is deleted. Applies to relationships that end from now on."
        ),
    )


class ProgrammeSettingsPublic(BaseModel):
    model_config = examples(
        {
            "programme_id": "1a2b3c4d-5e6f-4a7b-8c9d-0e1f2a3b4c5d",
            "name": "Women in Tech 2026",
            "retention_days": 180,
            "uses_default_retention": False,
        }
    )

    programme_id: UUID
    name: str | None
    retention_days: int
    uses_default_retention: bool
