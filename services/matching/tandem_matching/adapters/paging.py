"""Keyset pagination on (created_at, id): stable while rows are being added."""

from __future__ import annotations

import datetime as dt
from collections.abc import Mapping, Sequence
from typing import Any, Protocol

from sqlalchemy import ColumnElement, Select, and_, or_

from tandem_kit.errors import BadRequest
from tandem_kit.pagination import decode_cursor, encode_cursor


def after_cursor(
    select: Select[Any],
    created_at: ColumnElement[Any],
    ident: ColumnElement[Any],
    cursor: str | None,
    limit: int,
) -> Select[Any]:
    """Order by (created_at, id), start after ``cursor``, fetch one extra row."""
    if cursor is not None:
        raw_time, raw_id = decode_cursor(cursor, 2)
        try:
            since = dt.datetime.fromisoformat(str(raw_time))
        except ValueError as error:
            raise BadRequest(
                "The cursor is not one this API issued.", code="invalid_cursor"
            ) from error
        select = select.where(
            or_(created_at > since, and_(created_at == since, ident > str(raw_id)))
        )
    return select.order_by(created_at, ident).limit(limit + 1)


class Keyed(Protocol):
    """A record a page is ordered by: (created_at, id)."""

    @property
    def id(self) -> str: ...

    @property
    def created_at(self) -> dt.datetime: ...


def next_cursor(rows: Sequence[Keyed | Mapping[str, Any]], limit: int) -> str | None:
    """The cursor after the last row kept, or None when this is the last page."""
    if len(rows) <= limit:
        return None
    last = rows[limit - 1]
    if isinstance(last, Mapping):
        return encode_cursor(last["created_at"].isoformat(), last["id"])
    return encode_cursor(last.created_at.isoformat(), last.id)
