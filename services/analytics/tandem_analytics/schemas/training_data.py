"""The training-data import's report and the programme's model, on the wire."""

from __future__ import annotations

from datetime import datetime
from uuid import UUID

from pydantic import BaseModel, Field

from tandem_analytics.domain.risk_model import Decision, Training

_DECISION = (
    "`model`: it beat the rules on held-out relationships and is used beside them; "
    "`rules_better`: it did not, the rules alone apply; `too_little_history`: too few "
    "finished relationships (or only one outcome), the rules alone apply."
)


class ModelPublic(BaseModel):
    decision: Decision = Field(description=_DECISION)
    used: bool = Field(description="Whether the model scores the programme's relationships.")
    finished_relationships: int = Field(description="Finished relationships trained on.")
    trained_on: int = Field(description="The earlier ones that fitted the compared model.")
    held_out: int = Field(description="The later ones it was compared with the rules on.")
    model_auc: float | None = Field(description="On the held-out relationship-weeks.")
    rules_auc: float | None
    model_brier: float | None
    rules_brier: float | None
    horizon_weeks: int | None = Field(description="It predicts an early end within this.")
    fitted_at: datetime | None

    @classmethod
    def of(cls, training: Training, fitted_at: datetime) -> ModelPublic:
        s = training.scores
        return cls(
            decision=training.decision,
            used=training.decision is Decision.MODEL,
            finished_relationships=training.finished,
            trained_on=training.trained_on,
            held_out=training.held_out,
            model_auc=None if s is None else s.model_auc,
            rules_auc=None if s is None else s.rules_auc,
            model_brier=None if s is None else s.model_brier,
            rules_brier=None if s is None else s.rules_brier,
            horizon_weeks=None if training.model is None else training.model.horizon_weeks,
            fitted_at=fitted_at,
        )

    @classmethod
    def none(cls) -> ModelPublic:
        return cls(
            decision=Decision.TOO_LITTLE_HISTORY,
            used=False,
            finished_relationships=0,
            trained_on=0,
            held_out=0,
            model_auc=None,
            rules_auc=None,
            model_brier=None,
            rules_brier=None,
            horizon_weeks=None,
            fitted_at=None,
        )


class TrainingImportReport(BaseModel):
    import_id: UUID
    rows: int = Field(description="Rows read (one per relationship and week).")
    relationships: int = Field(description="Relationships in this file.")
    relationships_held: int = Field(description="The programme's imported ones, this included.")
    model: ModelPublic = Field(description="The model retrained on them, and its decision.")
