"""Fit a programme's drop-out model from its finished relationships, and find it to score.

The risk evaluation asks :func:`model_for`: a model only where the programme's training
decided for it (it beat the rules on held-out relationships); otherwise ``None`` and the
rules alone apply.
"""

from __future__ import annotations

import asyncio
from datetime import datetime
from uuid import UUID

from sqlalchemy.ext.asyncio import AsyncSession

from tandem_analytics.adapters import risk_model_store as repo
from tandem_analytics.adapters import training_data as histories
from tandem_analytics.domain.risk_model import Decision, RiskModel, Training, train


async def retrain(session: AsyncSession, programme_id: UUID, now: datetime) -> Training:
    """Train on every finished relationship the programme holds, store fit and decision.

    The fit runs in a worker thread (CPU for up to a second or two on a large import),
    inside the caller's transaction, so the histories and the model commit together.
    """
    finished = await histories.histories_of(session, programme_id)
    training = await asyncio.to_thread(train, finished)
    await repo.save(session, programme_id, training, now)
    return training


async def stored(session: AsyncSession, programme_id: UUID) -> tuple[Training, datetime] | None:
    return await repo.load(session, programme_id)


async def model_for(session: AsyncSession, programme_id: UUID) -> RiskModel | None:
    found = await repo.load(session, programme_id)
    if found is None or found[0].decision is not Decision.MODEL:
        return None
    return found[0].model
