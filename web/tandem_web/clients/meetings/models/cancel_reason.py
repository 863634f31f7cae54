from enum import StrEnum

class CancelReason(StrEnum):
    CONFLICT = "conflict"
    ILLNESS = "illness"
    NO_LONGER_NEEDED = "no_longer_needed"
    OTHER = "other"
    PARTICIPANT_ERASED = "participant_erased"
    RELATIONSHIP_ENDED = "relationship_ended"

    def __str__(self) -> str:
        return str(self.value)
