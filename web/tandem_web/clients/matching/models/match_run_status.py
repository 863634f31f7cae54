from enum import StrEnum

class MatchRunStatus(StrEnum):
    CANCELLED = "cancelled"
    DRAFT = "draft"
    FAILED = "failed"
    PUBLISHED = "published"
    QUEUED = "queued"
    RUNNING = "running"

    def __str__(self) -> str:
        return str(self.value)
