from enum import StrEnum

class AttendanceState(StrEnum):
    AWAITING = "awaiting"
    DISPUTED = "disputed"
    RECORDED = "recorded"
    UNRECORDED = "unrecorded"

    def __str__(self) -> str:
        return str(self.value)
