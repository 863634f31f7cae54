from enum import StrEnum

class AvailabilitySource(StrEnum):
    MATCHING = "matching"
    OVERRIDE = "override"

    def __str__(self) -> str:
        return str(self.value)
