"""A miniature service used to test the kit: it writes notes and receives them."""

from __future__ import annotations

from sqlalchemy import Column, Integer, MetaData, String, Table, Text

metadata = MetaData()

notes = Table(
    "notes",
    metadata,
    Column("id", String(36), primary_key=True),
    Column("text", Text, nullable=False),
)

# No unique constraint on purpose: a duplicate effect must be visible as a second row.
received = Table(
    "received",
    metadata,
    Column("seq", Integer, primary_key=True, autoincrement=True),
    Column("note_id", String(36), nullable=False),
    Column("event_id", String(36), nullable=False),
)
