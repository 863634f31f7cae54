from enum import StrEnum

class NotGroupedParticipantRole(StrEnum):
    MENTEE = "mentee"
    MENTOR = "mentor"

    def __str__(self) -> str:
        return str(self.value)
