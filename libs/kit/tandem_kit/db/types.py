"""Column types every service's tables share."""

from __future__ import annotations

import datetime as dt
import uuid
from typing import Any

from sqlalchemy import Column, DateTime, ForeignKey, TypeDecorator, Uuid
from sqlalchemy.engine import Dialect

SUBJECT_LENGTH = 200  # a token's ``sub``: an identity provider's user id


def uuid_pk(name: str = "id") -> Column[uuid.UUID]:
    """A UUID primary key (native ``uuid`` on PostgreSQL, 32 hex characters on SQLite)."""
    return Column(name, Uuid(), primary_key=True)


def uuid_ref(name: str, target: str, **kw: Any) -> Column[uuid.UUID]:
    """A UUID column referring to ``target`` (``"table.id"``); ``kw`` go to the Column.

    ``ondelete`` is passed to the foreign key; ``nullable`` defaults to False.
    """
    ondelete = kw.pop("ondelete", None)
    kw.setdefault("nullable", False)
    return Column(name, Uuid(), ForeignKey(target, ondelete=ondelete), **kw)


class UtcDateTime(TypeDecorator[dt.datetime]):
    """Aware UTC datetimes in and out on both databases (SQLite would hand back naive ones).

    Writing a naive datetime is refused: a time without a zone is a bug, not a default.
    """

    impl = DateTime(timezone=True)
    cache_ok = True

    def process_bind_param(self, value: dt.datetime | None, dialect: Dialect) -> Any:
        if value is None:
            return None
        if value.tzinfo is None:
            raise ValueError("naive datetime: pass an aware (UTC) one")
        return value.astimezone(dt.UTC)

    def process_result_value(self, value: Any, dialect: Dialect) -> dt.datetime | None:
        if value is None:
            return None
        assert isinstance(value, dt.datetime)
        return value.replace(tzinfo=dt.UTC) if value.tzinfo is None else value.astimezone(dt.UTC)
