from enum import StrEnum

class EndReason(StrEnum):
    FOUND_EMPLOYMENT = "found_employment"
    GOALS_REACHED = "goals_reached"
    MISCONDUCT = "misconduct"
    NO_TIME = "no_time"
    OTHER = "other"
    PARTICIPANT_ERASED = "participant_erased"
    PARTICIPANT_WITHDREW = "participant_withdrew"
    POOR_FIT = "poor_fit"
    PROGRAMME_COMPLETED = "programme_completed"

    def __str__(self) -> str:
        return str(self.value)
