from enum import StrEnum

class ClearedBy(StrEnum):
    CONDITIONS_CLEARED = "conditions_cleared"
    MANAGER_DISMISSED = "manager_dismissed"
    RELATIONSHIP_ENDED = "relationship_ended"

    def __str__(self) -> str:
        return str(self.value)
