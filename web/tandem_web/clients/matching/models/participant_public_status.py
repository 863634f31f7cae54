from enum import StrEnum

class ParticipantPublicStatus(StrEnum):
    ACTIVE = "active"
    ERASED = "erased"
    WITHDRAWN = "withdrawn"

    def __str__(self) -> str:
        return str(self.value)
