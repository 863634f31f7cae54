from enum import StrEnum

class RiskSource(StrEnum):
    MODEL = "model"
    RULES = "rules"

    def __str__(self) -> str:
        return str(self.value)
