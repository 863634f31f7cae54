"""Mentee choice: suggestions of mentors for one mentee, and mentor requests."""

from __future__ import annotations

import datetime as dt
from dataclasses import asdict
from uuid import UUID

from pydantic import BaseModel, ConfigDict, Field

from tandem_kit.api import RequestModel
from tandem_matching.domain.mentee_choice import MentorRequest, RequestStatus
from tandem_matching.domain.participants import Participant
from tandem_matching.domain.proposals import Explained
from tandem_matching.schemas.relationships import CriterionLine


class SuggestionPublic(BaseModel):
    """A mentor the mentee could ask, with what the mentee needs to choose."""

    model_config = ConfigDict(
        json_schema_extra={
            "examples": [
                {
                    "mentor_id": "7e57d004-2b97-4e7a-b45f-5387367791cd",
                    "display_name": "Jonas Berg",
                    "country": "DE",
                    "city": "Berlin",
                    "languages": ["de", "en"],
                    "sector": "logistics",
                    "skills": ["cv", "interviews"],
                    "linkedin_url": "https://www.linkedin.com/in/jonas",
                    "score": 0.81,
                    "explanation": [
                        {
                            "criterion": "skills_goals",
                            "raw": 1.0,
                            "weight": 0.35,
                            "contribution": 0.35,
                            "detail": "2 of 2 goals covered (cv, interviews)",
                        }
                    ],
                }
            ]
        }
    )

    mentor_id: UUID
    display_name: str | None
    country: str | None
    city: str | None
    languages: list[str] | None
    sector: str | None
    skills: list[str] | None
    linkedin_url: str | None = Field(description="Only when the mentor consented.")
    score: float
    explanation: list[CriterionLine]

    @classmethod
    def of(cls, mentor: Participant, explained: Explained) -> SuggestionPublic:
        return cls(
            mentor_id=mentor.id,
            display_name=mentor.display_name,
            country=mentor.country,
            city=mentor.city,
            languages=list(mentor.languages) if mentor.languages is not None else None,
            sector=mentor.sector,
            skills=list(mentor.skills) if mentor.skills is not None else None,
            linkedin_url=mentor.shared_linkedin_url,
            score=explained.score,
            explanation=explained.explanation["criteria"],
        )


class MentorRequestCreate(RequestModel):
    model_config = ConfigDict(
        json_schema_extra={
            "examples": [
                {
                    "mentor_id": "7e57d004-2b97-4e7a-b45f-5387367791cd",
                    "message": "I would like help preparing for interviews in logistics.",
                }
            ]
        }
    )

    mentor_id: UUID
    message: str | None = Field(default=None, max_length=1000)


class MentorRequestPublic(BaseModel):
    id: UUID
    programme_id: UUID
    mentee_id: UUID
    mentor_id: UUID
    status: RequestStatus
    message: str | None
    score: float
    explanation: list[CriterionLine] | None
    relationship_id: UUID | None = Field(description="Set when the mentor accepted.")
    created_at: dt.datetime
    decided_at: dt.datetime | None

    @classmethod
    def of(cls, request: MentorRequest) -> MentorRequestPublic:
        return cls.model_validate(
            {**asdict(request), "explanation": (request.explanation or {}).get("criteria")}
        )
