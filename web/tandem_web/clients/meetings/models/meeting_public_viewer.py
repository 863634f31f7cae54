from enum import StrEnum

class MeetingPublicViewer(StrEnum):
    MANAGER = "manager"
    MEMBER = "member"

    def __str__(self) -> str:
        return str(self.value)
