"""The export's wire format is CSV (``domain/exports.py``); its documented media type."""

from __future__ import annotations

from typing import Any

CSV_MEDIA_TYPE = "text/csv; charset=utf-8"

CSV_RESPONSE: dict[int | str, dict[str, Any]] = {
    200: {
        "description": "One line per relationship: UTF-8 with a BOM, CRLF, formula-safe cells.",
        "content": {"text/csv": {"schema": {"type": "string"}}},
    }
}
