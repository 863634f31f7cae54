from enum import StrEnum

class NewMessageMail(StrEnum):
    DAILY_DIGEST = "daily_digest"
    IMMEDIATE = "immediate"
    NEVER = "never"

    def __str__(self) -> str:
        return str(self.value)
