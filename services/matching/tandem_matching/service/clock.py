"""Time and identifiers, in one place so tests can reason about them."""

from __future__ import annotations

import datetime as dt
import uuid


def now() -> dt.datetime:
    return dt.datetime.now(dt.UTC)


def new_id() -> uuid.UUID:
    return uuid.uuid4()
