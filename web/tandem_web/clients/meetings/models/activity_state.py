from enum import StrEnum

class ActivityState(StrEnum):
    HELD = "held"
    MISSED = "missed"
    OPEN = "open"
    SCHEDULED = "scheduled"
    UPCOMING = "upcoming"

    def __str__(self) -> str:
        return str(self.value)
