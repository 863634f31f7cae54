"""Risk flags on the wire: codes and figures, with the reasons in the reader's words."""

from __future__ import annotations

from datetime import datetime
from typing import Annotated
from uuid import UUID

from pydantic import BaseModel, Field, StringConstraints

from tandem_analytics.domain.risk_flags import RiskFlag
from tandem_analytics.domain.risk_words import ReasonWording
from tandem_contracts.analytics import (
    ClearedBy,
    RiskReason,
    RiskReasonCode,
    RiskSource,
    SuggestedAction,
)
from tandem_kit.api.strict import RequestModel


class DismissalIn(RequestModel):
    # Stripped: a reason of spaces alone is no reason (422), and the note is kept trimmed.
    reason: Annotated[str, StringConstraints(strip_whitespace=True)] = Field(
        min_length=1,
        max_length=500,
        description="Why the flag needs no action (the managers' own note, e.g. "
        '"both on holiday until the 20th").',
    )


class RiskReasonPublic(BaseModel):
    code: RiskReasonCode
    value: float | None = Field(description="The figure: days, hours or a count (see `text`).")
    threshold: float | None
    participant_id: UUID | None = Field(description="The member it is about, if one.")
    action: SuggestedAction
    text: str = Field(description="The reason in plain words, in the reader's language.")
    action_text: str = Field(description="What the manager could do, likewise.")

    @classmethod
    def of(cls, reason: RiskReason, words: ReasonWording) -> RiskReasonPublic:
        return cls(
            code=reason.code,
            value=reason.value,
            threshold=reason.threshold,
            participant_id=reason.participant_id,
            action=reason.action,
            text=words.reason(reason),
            action_text=words.action(reason),
        )


class RiskFlagPublic(BaseModel):
    id: UUID
    relationship_id: UUID
    source: RiskSource
    reasons: list[RiskReasonPublic]
    raised_at: datetime
    cleared_at: datetime | None
    cleared_by: ClearedBy | None
    dismissal_reason: str | None
    language: str = Field(description="The language of the texts.")

    @classmethod
    def of(cls, flag: RiskFlag, words: ReasonWording) -> RiskFlagPublic:
        return cls(
            id=flag.id,
            relationship_id=flag.relationship_id,
            source=flag.source,
            reasons=[RiskReasonPublic.of(r, words) for r in flag.reasons],
            raised_at=flag.raised_at,
            cleared_at=flag.cleared_at,
            cleared_by=flag.cleared_by,
            dismissal_reason=flag.dismissal_reason,
            language=words.language,
        )


class RiskFlagPage(BaseModel):
    items: list[RiskFlagPublic]
    next_cursor: str | None = Field(
        default=None, description="Pass as `cursor` to get the next page; null on the last."
    )
