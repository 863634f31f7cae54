from enum import StrEnum

class Kind(StrEnum):
    FINAL = "final"
    MIDPOINT = "midpoint"
    PULSE = "pulse"

    def __str__(self) -> str:
        return str(self.value)
