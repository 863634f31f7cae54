from enum import StrEnum

class GoalState(StrEnum):
    DONE = "done"
    DROPPED = "dropped"
    IN_PROGRESS = "in_progress"
    OPEN = "open"

    def __str__(self) -> str:
        return str(self.value)
