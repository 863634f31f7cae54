"""Cursor pagination for list endpoints: stable under inserts, opaque to clients.

A cursor encodes the sort key of the last item returned (for example its
creation time and id); the next page starts strictly after it. Adapters build
the query with :func:`keyset` (order by the key columns, keep what comes after
the cursor, fetch ``limit + 1`` rows to know whether a next page exists); the
service trims the extra row with :func:`page_of` or :func:`keyset_page`.
"""

from __future__ import annotations

import base64
import datetime as dt
import json
import uuid
from collections.abc import Callable, Sequence
from typing import Annotated, Any, Generic, TypeVar

from fastapi import Query
from pydantic import AfterValidator, BaseModel, Field
from sqlalchemy import ColumnElement, Select, TypeDecorator, and_, or_
from sqlalchemy.types import TypeEngine

from tandem_kit.errors import BadRequest

T = TypeVar("T")
R = TypeVar("R")
S = TypeVar("S", bound=Select[Any])

CursorValue = str | int | float | dt.datetime | dt.date | uuid.UUID
CursorKey = tuple[CursorValue, ...]


def _no_empty_cursor(cursor: str | None) -> str | None:
    return cursor or None  # ``?cursor=`` (a client echoing a null) means the first page


PageLimit = Annotated[int, Query(ge=1, le=200, description="Items per page (1–200).")]
PageCursor = Annotated[
    str | None,
    Query(description="`next_cursor` from the previous page; omit (or leave empty) for the first."),
    AfterValidator(_no_empty_cursor),
]


class Page(BaseModel, Generic[T]):
    items: list[T]
    next_cursor: str | None = Field(
        default=None, description="Pass as `cursor` to get the next page; null on the last."
    )


def _invalid() -> BadRequest:
    return BadRequest("The cursor is not one this API issued.", code="invalid_cursor")


def _plain(value: CursorValue) -> str | int | float:
    if isinstance(value, dt.date):  # a datetime too
        return value.isoformat()
    if isinstance(value, uuid.UUID):
        return str(value)
    return value


def encode_cursor(*key: CursorValue) -> str:
    raw = json.dumps([_plain(v) for v in key], separators=(",", ":")).encode()
    return base64.urlsafe_b64encode(raw).decode().rstrip("=")


def decode_cursor(cursor: str, arity: int) -> list[str | int | float]:
    """The sort key inside ``cursor``; a malformed cursor is the client's error (400)."""
    try:
        padded = cursor + "=" * (-len(cursor) % 4)
        key = json.loads(base64.urlsafe_b64decode(padded.encode()))
    except (ValueError, UnicodeDecodeError) as error:
        raise _invalid() from error
    if not isinstance(key, list) or len(key) != arity:
        raise _invalid()
    return key


def keyset(
    query: S,
    columns: Sequence[ColumnElement[Any]],
    cursor: str | None,
    limit: int,
    *,
    descending: bool = False,
) -> S:
    """Order ``query`` by ``columns``, keep rows strictly after ``cursor``, fetch ``limit + 1``.

    The columns together must be unique (end with the id). ``descending`` orders every
    column newest first, and "after" then means smaller. The cursor's values are read
    back as the columns' Python types (datetime, UUID, int, str), so a cursor that does
    not fit is a 400, never a database error.
    """
    if cursor:
        raw = decode_cursor(cursor, len(columns))
        key = [_typed(column, value) for column, value in zip(columns, raw, strict=True)]
        query = query.where(_after(columns, key, descending))
    order = [column.desc() if descending else column.asc() for column in columns]
    return query.order_by(*order).limit(limit + 1)


def _after(
    columns: Sequence[ColumnElement[Any]], key: Sequence[object], descending: bool
) -> ColumnElement[bool]:
    # (a, b) > (x, y)  ==  a > x OR (a = x AND b > y): written out, because row-value
    # comparison is not portable across every database and type we bind.
    clauses = []
    for i, column in enumerate(columns):
        beyond = column < key[i] if descending else column > key[i]
        clauses.append(and_(*(columns[j] == key[j] for j in range(i)), beyond))
    return or_(*clauses)


def _python_type(kind: TypeEngine[Any]) -> type | None:
    if isinstance(kind, TypeDecorator):
        # UtcDateTime and friends: values are of the underlying type (its own says ``object``).
        return _python_type(kind.impl_instance)
    try:
        return kind.python_type
    except NotImplementedError:
        return None


def _typed(column: ColumnElement[Any], value: str | int | float) -> object:
    kind = _python_type(column.type)
    try:
        if kind is dt.datetime:
            moment = dt.datetime.fromisoformat(str(value))
            if moment.tzinfo is None:
                raise ValueError("naive")
            return moment
        if kind is dt.date:
            return dt.date.fromisoformat(str(value))
        if kind is uuid.UUID:
            return uuid.UUID(str(value))
        if kind is int:
            if not isinstance(value, int) or isinstance(value, bool):
                raise ValueError("not an int")
            return value
        if kind is str:
            if not isinstance(value, str):
                raise ValueError("not a str")
            return value
    except ValueError as error:
        raise _invalid() from error
    return value


def next_cursor(rows: Sequence[R], limit: int, key: Callable[[R], CursorKey]) -> str | None:
    """The cursor after the last row kept, or None when this is the last page."""
    if len(rows) <= limit:
        return None
    return encode_cursor(*key(rows[limit - 1]))


def page_of(
    rows: Sequence[T], limit: int, key: CursorKey | Callable[[T], CursorKey] | None
) -> Page[T]:
    """Trim the extra row fetched to detect a next page.

    ``key`` is the sort key of a row (a function), or already the last kept row's key.
    """
    if callable(key):
        return Page[T](items=list(rows[:limit]), next_cursor=next_cursor(rows, limit, key))
    has_more = len(rows) > limit
    return Page[T](
        items=list(rows[:limit]), next_cursor=encode_cursor(*key) if has_more and key else None
    )


def keyset_page(
    rows: Sequence[R], limit: int, *, key: Callable[[R], CursorKey], item: Callable[[R], T]
) -> Page[T]:
    """Like :func:`page_of`, turning each kept row (a record) into its public shape."""
    return Page[T](
        items=[item(row) for row in rows[:limit]], next_cursor=next_cursor(rows, limit, key)
    )
