from enum import StrEnum

class FormatsOffered(StrEnum):
    BOTH = "both"
    GROUP = "group"
    PAIR = "pair"

    def __str__(self) -> str:
        return str(self.value)
