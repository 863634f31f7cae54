from enum import StrEnum

class AttendanceOutcome(StrEnum):
    HELD = "held"
    NO_SHOW = "no_show"
    UNRECORDED = "unrecorded"

    def __str__(self) -> str:
        return str(self.value)
