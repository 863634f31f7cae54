"""Re-matching offers as the API shows them."""

from __future__ import annotations

import datetime as dt
from dataclasses import asdict
from uuid import UUID

from pydantic import BaseModel, ConfigDict, Field

from tandem_matching.domain.rematching import OfferStatus, RematchOffer


class RematchOfferPublic(BaseModel):
    model_config = ConfigDict(
        json_schema_extra={
            "examples": [
                {
                    "id": "5a0d3f7e-8c1b-4d2e-9f3a-6b7c8d9e0f1a",
                    "programme_id": "2f1d1c9e-1a2b-4c3d-8e9f-0a1b2c3d4e5f",
                    "relationship_id": "0b6c3c9e-9d0e-4a53-8f0c-5f7f1a2b3c4d",
                    "mentee_id": "9c8b7a6f-5e4d-4c3b-8a29-1f0e9d8c7b6a",
                    "status": "open",
                    "created_at": "2026-03-02T10:00:00Z",
                    "answered_at": None,
                }
            ]
        }
    )

    id: UUID
    programme_id: UUID
    relationship_id: UUID = Field(description="The relationship that ended early.")
    mentee_id: UUID
    status: OfferStatus = Field(
        description="open: waiting for the mentee's answer (they are not matched meanwhile); "
        "accepted: back in the programme's pool; declined: they stay out of it."
    )
    created_at: dt.datetime
    answered_at: dt.datetime | None

    @classmethod
    def of(cls, offer: RematchOffer) -> RematchOfferPublic:
        return cls.model_validate(asdict(offer))
