from enum import StrEnum

class Presence(StrEnum):
    ATTENDED = "attended"
    NO_SHOW = "no_show"

    def __str__(self) -> str:
        return str(self.value)
