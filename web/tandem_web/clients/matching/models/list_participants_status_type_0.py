from enum import StrEnum

class ListParticipantsStatusType0(StrEnum):
    ACTIVE = "active"
    ERASED = "erased"
    WITHDRAWN = "withdrawn"

    def __str__(self) -> str:
        return str(self.value)
