"""Communication agreements and the programme's template for them."""

from __future__ import annotations

from datetime import datetime
from typing import Annotated, Literal
from uuid import UUID

from pydantic import BaseModel, Field, StringConstraints

from tandem_kit.api import RequestModel
from tandem_messaging.domain.agreements import (
    MAX_RULE_CHARS,
    MAX_RULES,
    MAX_STATEMENT_CHARS,
    Channel,
    Terms,
)
from tandem_messaging.schemas.common import examples

Rule = Annotated[str, StringConstraints(min_length=1, max_length=MAX_RULE_CHARS)]

_TERMS = {
    "channels": ["messages", "virtual_meeting", "face_to_face"],
    "response_time_hours": 48,
    "meeting_cadence_days": 14,
    "confidentiality_statement": "What we share stays between us.",
    "rules": ["No calls after 20:00 on weekdays.", "We meet in person once a month."],
}


class TermsFields(BaseModel):
    channels: list[Channel] = Field(min_length=1, description="Where the members communicate.")
    response_time_hours: int = Field(
        ge=1, le=24 * 14, description="Expected time to answer a message."
    )
    meeting_cadence_days: int = Field(ge=1, le=90, description="How often the members meet.")
    confidentiality_statement: str = Field(min_length=1, max_length=MAX_STATEMENT_CHARS)
    rules: list[Rule] = Field(
        default_factory=list, max_length=MAX_RULES, description="Free-text rules the members add."
    )

    def terms(self) -> Terms:
        return Terms(
            tuple(self.channels),
            self.response_time_hours,
            self.meeting_cadence_days,
            self.confidentiality_statement,
            tuple(self.rules),
        )

    @staticmethod
    def fields_of(terms: Terms) -> dict[str, object]:
        return {
            "channels": list(terms.channels),
            "response_time_hours": terms.response_time_hours,
            "meeting_cadence_days": terms.meeting_cadence_days,
            "confidentiality_statement": terms.confidentiality_statement,
            "rules": list(terms.rules),
        }


class AgreementTemplateUpdate(TermsFields, RequestModel):
    model_config = examples(_TERMS)


class AgreementTemplatePublic(TermsFields):
    model_config = examples(
        {"programme_id": "1a2b3c4d-5e6f-4a7b-8c9d-0e1f2a3b4c5d", "is_default": False, **_TERMS}
    )

    programme_id: UUID
    is_default: bool = Field(description="True while the programme uses messaging's defaults.")


class AgreementChange(TermsFields, RequestModel):
    """A new version; everyone (members and a manager) must accept it again."""

    model_config = examples({"based_on_version": 1, **_TERMS})

    based_on_version: int = Field(
        ge=1, description="The version the change starts from; 409 if someone changed it meanwhile."
    )


class AcceptanceCreate(RequestModel):
    model_config = examples({"version": 2})

    version: int = Field(ge=1, description="The version read; 409 if it is no longer current.")


class PartyPublic(BaseModel):
    participant_id: UUID | None = Field(description="Null for the manager.")
    role: str


class AcceptancePublic(PartyPublic):
    accepted_at: datetime


class AgreementPublic(TermsFields):
    model_config = examples(
        {
            "agreement_id": "7f6e5d4c-3b2a-4190-8f7e-6d5c4b3a2910",
            "relationship_id": "5e4d3c2b-1a0f-4e9d-8c7b-6a5f4e3d2c1b",
            "version": 2,
            "status": "pending",
            "accepted_version": 1,
            **_TERMS,
            "proposed_by": {
                "participant_id": "0b1c2d3e-4f5a-4b6c-8d7e-9f0a1b2c3d4e",
                "role": "mentee",
            },
            "acceptances": [
                {
                    "participant_id": "0b1c2d3e-4f5a-4b6c-8d7e-9f0a1b2c3d4e",
                    "role": "mentee",
                    "accepted_at": "2026-03-02T10:00:00Z",
                }
            ],
            "waiting_for": [
                {"participant_id": "9a8b7c6d-5e4f-4a3b-2c1d-0e9f8a7b6c5d", "role": "mentor"},
                {"participant_id": None, "role": "manager"},
            ],
        }
    )

    agreement_id: UUID
    relationship_id: UUID
    version: int
    status: Literal["pending", "accepted", "closed"]
    accepted_version: int | None = Field(description="The latest fully accepted version.")
    proposed_by: PartyPublic | None = Field(description="Null for the programme's template.")
    acceptances: list[AcceptancePublic]
    waiting_for: list[PartyPublic]
