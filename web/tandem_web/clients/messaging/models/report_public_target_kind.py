from enum import StrEnum

class ReportPublicTargetKind(StrEnum):
    MESSAGE = "message"
    POST = "post"

    def __str__(self) -> str:
        return str(self.value)
