"""Organisations: who runs programmes (an employer, a foundation, a city)."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from uuid import UUID


@dataclass(frozen=True, slots=True)
class Organisation:
    id: UUID
    name: str
    created_at: dt.datetime
