"""Weekly programme reports (revision 0007): counts only, never a person's id."""

from __future__ import annotations

from sqlalchemy import JSON, Column, Date, Table, UniqueConstraint, Uuid

from tandem_analytics.adapters.metadata import metadata
from tandem_kit.db.types import UtcDateTime

programme_reports = Table(
    "programme_reports",
    metadata,
    Column("id", Uuid(), primary_key=True),  # uuid5(programme, the week's Monday)
    Column("programme_id", Uuid(), nullable=False),
    Column("period_start", Date, nullable=False),  # the ISO week's Monday (UTC)
    Column("period_end", Date, nullable=False),  # its Sunday
    Column("computed_at", UtcDateTime(), nullable=False),
    Column("figures", JSON, nullable=False),  # domain.reports.ReportFigures, as JSON
    # the list is per programme, newest week first: this index serves it too
    UniqueConstraint("programme_id", "period_start", name="uq_programme_reports"),
)
