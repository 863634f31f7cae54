from enum import StrEnum

class ImportMode(StrEnum):
    ALL_OR_NOTHING = "all_or_nothing"
    VALID_ONLY = "valid_only"

    def __str__(self) -> str:
        return str(self.value)
