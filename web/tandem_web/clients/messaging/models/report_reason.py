from enum import StrEnum

class ReportReason(StrEnum):
    CONFIDENTIALITY_BREACH = "confidentiality_breach"
    DISCRIMINATION = "discrimination"
    HARASSMENT = "harassment"
    INAPPROPRIATE_CONTENT = "inappropriate_content"
    OTHER = "other"
    SPAM = "spam"

    def __str__(self) -> str:
        return str(self.value)
