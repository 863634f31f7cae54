from enum import StrEnum

class ProposalStatus(StrEnum):
    APPROVED = "approved"
    DISCARDED = "discarded"
    DRAFT = "draft"
    PUBLISHED = "published"

    def __str__(self) -> str:
        return str(self.value)
