"""What every use case is given: the database, the typed settings and the clock."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime

from tandem_analytics.settings import AnalyticsSettings
from tandem_kit.clock import Clock
from tandem_kit.db.database import Database
from tandem_kit.runtime import Runtime


@dataclass(frozen=True, slots=True)
class Context:
    database: Database
    settings: AnalyticsSettings
    clock: Clock

    @classmethod
    def of(cls, runtime: Runtime[AnalyticsSettings]) -> Context:
        return cls(runtime.database, runtime.settings, runtime.clock)

    def now(self) -> datetime:
        return self.clock()
