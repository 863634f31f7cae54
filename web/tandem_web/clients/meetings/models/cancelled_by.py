from enum import StrEnum

class CancelledBy(StrEnum):
    MANAGER = "manager"
    MENTEE = "mentee"
    MENTOR = "mentor"
    SYSTEM = "system"

    def __str__(self) -> str:
        return str(self.value)
