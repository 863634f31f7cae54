"""Erasure results."""

from __future__ import annotations

from uuid import UUID

from pydantic import BaseModel

from tandem_messaging.schemas.common import examples


class ErasurePublic(BaseModel):
    model_config = examples(
        {
            "participant_id": "0b1c2d3e-4f5a-4b6c-8d7e-9f0a1b2c3d4e",
            "messages_erased": 42,
            "posts_erased": 3,
        }
    )

    participant_id: UUID
    messages_erased: int
    posts_erased: int
