from enum import StrEnum

class FormatPreference(StrEnum):
    EITHER = "either"
    GROUP = "group"
    PAIR = "pair"

    def __str__(self) -> str:
        return str(self.value)
