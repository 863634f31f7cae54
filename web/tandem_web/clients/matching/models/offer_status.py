from enum import StrEnum

class OfferStatus(StrEnum):
    ACCEPTED = "accepted"
    DECLINED = "declined"
    OPEN = "open"

    def __str__(self) -> str:
        return str(self.value)
