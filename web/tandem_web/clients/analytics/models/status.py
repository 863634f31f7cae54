from enum import StrEnum

class Status(StrEnum):
    EMPLOYED = "employed"
    IN_TRAINING = "in_training"
    OTHER = "other"
    SELF_EMPLOYED = "self_employed"
    STILL_SEARCHING = "still_searching"

    def __str__(self) -> str:
        return str(self.value)
