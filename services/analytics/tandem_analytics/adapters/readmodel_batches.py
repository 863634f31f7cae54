"""The SQL of a run of profile facts folded at once (``service/readmodel_batches.py``):
the statements ``adapters/readmodels`` runs per event, each run as one ``executemany`` in
the run's order. Each touches only its participant's row, and its rows in the same order
as one by one, so the rows come out the same."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from datetime import datetime
from uuid import UUID

from sqlalchemy import and_, bindparam, or_, update
from sqlalchemy.ext.asyncio import AsyncSession

from tandem_analytics.adapters.readmodels import insert_absent_many
from tandem_analytics.adapters.tables import rm_participants


@dataclass(frozen=True)
class ProfileFacts:
    participant_id: UUID
    programme_id: UUID
    role: str
    country: str
    modality: str
    at: datetime
    tie: UUID


async def profiles_stated(session: AsyncSession, facts: Sequence[ProfileFacts]) -> None:
    """Each participant known, then their facts where they are newer (time, then tie)."""
    if not facts:
        return
    known = [{"participant_id": f.participant_id, "programme_id": f.programme_id} for f in facts]
    await insert_absent_many(session, rm_participants, known, ["participant_id"])
    t = rm_participants.c
    at = bindparam("b_at", type_=t.facts_at.type)
    tie = bindparam("b_tie", type_=t.facts_event.type)
    newer = or_(t.facts_at.is_(None), t.facts_at < at, and_(t.facts_at == at, t.facts_event < tie))
    await session.execute(
        update(rm_participants)
        .where(t.participant_id == bindparam("b_participant"), newer)
        .values(
            role=bindparam("b_role", type_=t.role.type),
            country=bindparam("b_country", type_=t.country.type),
            modality=bindparam("b_modality", type_=t.modality.type),
            facts_at=at,
            facts_event=tie,
        ),
        [
            {
                "b_participant": f.participant_id,
                "b_role": f.role,
                "b_country": f.country,
                "b_modality": f.modality,
                "b_at": f.at,
                "b_tie": f.tie,
            }
            for f in facts
        ],
    )
