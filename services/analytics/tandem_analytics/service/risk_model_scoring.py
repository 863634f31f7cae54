"""The learned model over live relationships, for the programmes where it beat the rules.

For each relationship of such a programme, the features at the end of its latest ended
week (``domain/live_history.py``, then ``features_at``) and the model's probability;
when the probability reaches the model's threshold, the features that raised it most
are the flag's reasons. Programmes whose training chose the rules (or that have no
training) are not scored here: the rules alone apply to them.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from datetime import datetime
from uuid import UUID

from sqlalchemy.ext.asyncio import AsyncSession

from tandem_analytics.adapters import risk_model_scoring as repo
from tandem_analytics.domain.model_reasons import risk_reasons
from tandem_analytics.domain.risk_features import features_at
from tandem_analytics.domain.risk_model import RiskModel
from tandem_analytics.domain.risk_rules import RelationshipSignals
from tandem_analytics.service import risk_model_store
from tandem_contracts.analytics import RiskReason


@dataclass(frozen=True, slots=True)
class ModelScore:
    probability: float
    reasons: tuple[RiskReason, ...]  # empty: the model does not flag it


async def models_of(session: AsyncSession, programme_ids: set[UUID]) -> dict[UUID, RiskModel]:
    """The programmes, of these, whose training decided for the model."""
    found = {}
    for programme_id in sorted(programme_ids):
        model = await risk_model_store.model_for(session, programme_id)
        if model is not None:
            found[programme_id] = model
    return found


async def scores(
    session: AsyncSession, signals: Sequence[RelationshipSignals], now: datetime
) -> dict[UUID, ModelScore]:
    """The model's score of each relationship whose programme uses the model. A
    relationship younger than a week is not scored by the model (nor by the rules: a
    programme with a model is the model's); it gets no flag until its first week ends."""
    models = await models_of(session, {s.programme_id for s in signals})
    if not models:
        return {}
    scored = [s for s in signals if s.programme_id in models]
    histories = await repo.live_histories(session, [s.relationship_id for s in scored], now)
    out = {}
    for s in scored:
        history = histories.get(s.relationship_id)
        if history is None:
            out[s.relationship_id] = ModelScore(0.0, ())
            continue
        model = models[s.programme_id]
        features = features_at(history, len(history.weeks) - 1)
        probability = model.probability(features)
        reasons = risk_reasons(model.reasons(features)) if model.flags(features) else ()
        out[s.relationship_id] = ModelScore(probability, reasons)
    return out
