from enum import StrEnum

class ForumPublicKind(StrEnum):
    GROUP = "group"
    PROGRAMME = "programme"

    def __str__(self) -> str:
        return str(self.value)
