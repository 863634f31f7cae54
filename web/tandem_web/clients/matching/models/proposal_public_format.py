from enum import StrEnum

class ProposalPublicFormat(StrEnum):
    GROUP = "group"
    PAIR = "pair"

    def __str__(self) -> str:
        return str(self.value)
