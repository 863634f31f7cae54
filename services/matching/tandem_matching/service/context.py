"""What every use case is given: the database, the typed settings and the clock."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

from tandem_kit.clock import Clock
from tandem_kit.db.database import Database
from tandem_kit.runtime import Runtime
from tandem_matching.settings import MatchingSettings


@dataclass(frozen=True, slots=True)
class Context:
    database: Database
    settings: MatchingSettings
    clock: Clock

    @classmethod
    def of(cls, runtime: Runtime[MatchingSettings]) -> Context:
        return cls(runtime.database, runtime.settings, runtime.clock)

    def now(self) -> dt.datetime:
        return self.clock()
