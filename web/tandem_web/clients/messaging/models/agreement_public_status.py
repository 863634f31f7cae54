from enum import StrEnum

class AgreementPublicStatus(StrEnum):
    ACCEPTED = "accepted"
    CLOSED = "closed"
    PENDING = "pending"

    def __str__(self) -> str:
        return str(self.value)
