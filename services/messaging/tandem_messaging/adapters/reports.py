"""Misconduct reports: what a member flagged, for the programme's managers."""

from __future__ import annotations

from datetime import datetime
from typing import Any
from uuid import UUID

from sqlalchemy import select, update
from sqlalchemy.ext.asyncio import AsyncSession

from tandem_kit.api import keyset
from tandem_kit.crypto import Sealed
from tandem_messaging.adapters.tables import reports
from tandem_messaging.domain.reports import Report, ReportStatus


def _sealed(row: Any, prefix: str) -> Sealed | None:
    ciphertext = getattr(row, f"{prefix}_ciphertext")
    return Sealed(getattr(row, f"{prefix}_nonce"), ciphertext) if ciphertext is not None else None


def _report(row: Any) -> Report:
    return Report(
        id=row.id,
        programme_id=row.programme_id,
        target_kind=row.target_kind,
        container_id=row.container_id,
        target_id=row.target_id,
        target_author_participant_id=row.target_author_participant_id,
        target_author_role=row.target_author_role,
        reporter_subject=row.reporter_subject,
        reporter_participant_id=row.reporter_participant_id,
        reporter_role=row.reporter_role,
        reason=row.reason,
        note=_sealed(row, "note"),
        excerpt=_sealed(row, "excerpt"),
        status=ReportStatus(row.status),
        created_at=row.created_at,
        resolved_at=row.resolved_at,
    )


async def add(session: AsyncSession, report: Report) -> None:
    await session.execute(
        reports.insert().values(
            id=report.id,
            programme_id=report.programme_id,
            target_kind=report.target_kind,
            container_id=report.container_id,
            target_id=report.target_id,
            target_author_participant_id=report.target_author_participant_id
            if report.target_author_participant_id
            else None,
            target_author_role=report.target_author_role,
            reporter_subject=report.reporter_subject,
            reporter_participant_id=report.reporter_participant_id
            if report.reporter_participant_id
            else None,
            reporter_role=report.reporter_role,
            reason=report.reason,
            note_nonce=report.note.nonce if report.note else None,
            note_ciphertext=report.note.ciphertext if report.note else None,
            excerpt_nonce=report.excerpt.nonce if report.excerpt else None,
            excerpt_ciphertext=report.excerpt.ciphertext if report.excerpt else None,
            status=report.status,
            created_at=report.created_at,
        )
    )


async def by_id(session: AsyncSession, programme_id: UUID, report_id: UUID) -> Report | None:
    row = (
        await session.execute(
            select(reports).where(reports.c.programme_id == programme_id, reports.c.id == report_id)
        )
    ).first()
    return _report(row) if row is not None else None


async def page(
    session: AsyncSession,
    programme_id: UUID,
    *,
    status: ReportStatus | None,
    cursor: str | None,
    limit: int,
) -> list[Report]:
    """Oldest first; ``limit + 1`` rows so the caller knows whether more exist."""
    query = select(reports).where(reports.c.programme_id == programme_id)
    if status is not None:
        query = query.where(reports.c.status == status)
    query = keyset(query, [reports.c.created_at, reports.c.id], cursor, limit)
    rows = (await session.execute(query)).all()
    return [_report(row) for row in rows]


async def resolve(
    session: AsyncSession, report_id: UUID, status: ReportStatus, now: datetime | None
) -> None:
    await session.execute(
        update(reports).where(reports.c.id == report_id).values(status=status, resolved_at=now)
    )


async def by_reporter(session: AsyncSession, subject: str) -> list[Report]:
    rows = (
        await session.execute(
            select(reports)
            .where(reports.c.reporter_subject == subject)
            .order_by(reports.c.created_at)
        )
    ).all()
    return [_report(row) for row in rows]


async def erase_participant(session: AsyncSession, participant_id: UUID) -> None:
    """Their notes as reporter and the excerpts of their own words go; the reports stay."""
    await session.execute(
        update(reports)
        .where(reports.c.reporter_participant_id == participant_id)
        .values(
            reporter_subject=None,
            reporter_participant_id=None,
            note_nonce=None,
            note_ciphertext=None,
        )
    )
    await session.execute(
        update(reports)
        .where(reports.c.target_author_participant_id == participant_id)
        .values(target_author_participant_id=None, excerpt_nonce=None, excerpt_ciphertext=None)
    )
