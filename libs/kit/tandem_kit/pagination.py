"""Cursor pagination for list endpoints: stable under inserts, opaque to clients.

A cursor encodes the sort key of the last item returned (for example its
creation time and id); the next page starts strictly after it. Repositories
order by that key and fetch ``limit + 1`` rows to know whether a next page exists.
"""

from __future__ import annotations

import base64
import json
from collections.abc import Sequence
from typing import Annotated, Generic, TypeVar

from fastapi import Query
from pydantic import BaseModel, Field

from tandem_kit.errors import BadRequest

T = TypeVar("T")

PageLimit = Annotated[int, Query(ge=1, le=200, description="Items per page (1–200).")]
PageCursor = Annotated[
    str | None, Query(description="`next_cursor` from the previous page; omit for the first.")
]


class Page(BaseModel, Generic[T]):
    items: list[T]
    next_cursor: str | None = Field(
        default=None, description="Pass as `cursor` to get the next page; null on the last."
    )


def encode_cursor(*key: str | int | float) -> str:
    raw = json.dumps(list(key), separators=(",", ":")).encode()
    return base64.urlsafe_b64encode(raw).decode().rstrip("=")


def decode_cursor(cursor: str, arity: int) -> list[str | int | float]:
    """The sort key inside ``cursor``; a malformed cursor is the client's error (400)."""
    try:
        padded = cursor + "=" * (-len(cursor) % 4)
        key = json.loads(base64.urlsafe_b64decode(padded.encode()))
    except (ValueError, UnicodeDecodeError) as error:
        raise BadRequest("The cursor is not one this API issued.", code="invalid_cursor") from error
    if not isinstance(key, list) or len(key) != arity:
        raise BadRequest("The cursor is not one this API issued.", code="invalid_cursor")
    return key


def page_of(rows: Sequence[T], limit: int, key: tuple[str | int | float, ...] | None) -> Page[T]:
    """Trim the extra row fetched to detect a next page; ``key`` is the last kept row's key."""
    has_more = len(rows) > limit
    return Page[T](
        items=list(rows[:limit]), next_cursor=encode_cursor(*key) if has_more and key else None
    )
