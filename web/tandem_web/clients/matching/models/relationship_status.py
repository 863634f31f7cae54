from enum import StrEnum

class RelationshipStatus(StrEnum):
    ACTIVE = "active"
    COMPLETED = "completed"
    DECLINED = "declined"
    ENDED_EARLY = "ended_early"
    PROPOSED = "proposed"

    def __str__(self) -> str:
        return str(self.value)
