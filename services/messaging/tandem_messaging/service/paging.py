"""Cursors of the list endpoints (opaque to clients; malformed ones are a 400)."""

from __future__ import annotations

from datetime import datetime

from tandem_kit.errors import BadRequest
from tandem_kit.pagination import decode_cursor, encode_cursor


def _invalid() -> BadRequest:
    return BadRequest("The cursor is not one this API issued.", code="invalid_cursor")


def seq_after(cursor: str | None) -> int | None:
    if not cursor:
        return None
    (value,) = decode_cursor(cursor, 1)
    if not isinstance(value, int) or isinstance(value, bool):
        raise _invalid()
    return value


def time_and_id_after(cursor: str | None) -> tuple[datetime, str] | None:
    if not cursor:
        return None
    created, item_id = decode_cursor(cursor, 2)
    try:
        return datetime.fromisoformat(str(created)), str(item_id)
    except ValueError as error:
        raise _invalid() from error


def time_and_id_cursor(created: datetime, item_id: object) -> str:
    return encode_cursor(created.isoformat(), str(item_id))
