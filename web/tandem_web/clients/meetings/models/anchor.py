from enum import StrEnum

class Anchor(StrEnum):
    END = "end"
    MIDPOINT = "midpoint"
    START = "start"
    START_TO_END = "start_to_end"

    def __str__(self) -> str:
        return str(self.value)
