"""A programme's CSV export: one line per relationship, for spreadsheets.

UTF-8 with a byte-order mark (Excel reads it as UTF-8 then), CRLF line ends, and every
cell that a spreadsheet would take for a formula (``= + - @``, tab, carriage return)
prefixed with an apostrophe (OWASP's advice on CSV injection). Figures only.
"""

from __future__ import annotations

import csv
import io
from collections.abc import Iterable, Sequence

from tandem_analytics.domain.breakdowns import RelationshipFacts

BOM = "\ufeff"
HEADER = (
    "relationship_id",
    "format",
    "started_at",
    "ended_at",
    "outcome",
    "messages",
    "countries",
    "reach",
    "modality",
)
_FORMULA = ("=", "+", "-", "@", "\t", "\r")


def safe_cell(value: object) -> str:
    text = "" if value is None else str(value)
    return "'" + text if text.startswith(_FORMULA) else text


def row_of(r: RelationshipFacts) -> tuple[object, ...]:
    return (
        r.relationship_id,
        r.format,
        r.started_at.isoformat() if r.started_at else None,
        r.ended_at.isoformat() if r.ended_at else None,
        r.outcome or "active",
        r.messages,
        " ".join(sorted(r.countries)),
        r.reach if r.countries else None,
        r.modality,
    )


def lines(rows: Iterable[Sequence[object]]) -> str:
    """CSV text of ``rows`` (RFC 4180 quoting, CRLF), every cell made safe."""
    buffer = io.StringIO()
    writer = csv.writer(buffer, lineterminator="\r\n")
    for row in rows:
        writer.writerow([safe_cell(cell) for cell in row])
    return buffer.getvalue()
