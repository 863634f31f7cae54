from enum import StrEnum

class FeedStatus(StrEnum):
    FAILED = "failed"
    NOT_MODIFIED = "not_modified"
    OK = "ok"
    PENDING = "pending"

    def __str__(self) -> str:
        return str(self.value)
