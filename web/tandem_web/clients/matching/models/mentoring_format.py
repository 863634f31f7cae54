from enum import StrEnum

class MentoringFormat(StrEnum):
    GROUP = "group"
    PAIR = "pair"

    def __str__(self) -> str:
        return str(self.value)
