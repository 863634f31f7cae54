"""The fitted drop-out model per programme (table ``risk_models``), as JSON numbers.

pydantic checks the stored JSON back into the domain's frozen records: a row that was
tampered with or written by another version fails loudly instead of scoring with
garbage, and nothing stored is ever executed (no pickle, no joblib).
"""

from __future__ import annotations

from datetime import datetime
from typing import Any
from uuid import UUID

from pydantic import TypeAdapter
from sqlalchemy import delete, insert, select
from sqlalchemy.ext.asyncio import AsyncSession

from tandem_analytics.adapters.tables import risk_models as table
from tandem_analytics.domain.risk_model import Training

_TRAINING = TypeAdapter(Training)
FORMAT = 1  # the body's layout; a body of another layout is not read


def training_to_json(training: Training) -> dict[str, Any]:
    body: dict[str, Any] = _TRAINING.dump_python(training, mode="json")
    return {"format": FORMAT, **body}


def training_from_json(body: dict[str, Any]) -> Training:
    if body.get("format") != FORMAT:
        raise ValueError(f"a stored model of format {body.get('format')!r}, not {FORMAT}")
    fields = {key: value for key, value in body.items() if key != "format"}
    return _TRAINING.validate_python(fields, strict=False)


async def save(
    session: AsyncSession, programme_id: UUID, training: Training, now: datetime
) -> None:
    """The programme's one model: the latest training replaces the one before."""
    await session.execute(delete(table).where(table.c.programme_id == programme_id))
    await session.execute(
        insert(table).values(
            programme_id=programme_id,
            decision=training.decision.value,
            body=training_to_json(training),
            fitted_at=now,
        )
    )


async def load(session: AsyncSession, programme_id: UUID) -> tuple[Training, datetime] | None:
    row = (
        await session.execute(select(table).where(table.c.programme_id == programme_id))
    ).one_or_none()
    if row is None:
        return None
    return training_from_json(row.body), row.fitted_at
