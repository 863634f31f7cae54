from enum import StrEnum

class RelationshipPlanPublicCadenceSource(StrEnum):
    AGREEMENT = "agreement"
    PLAN = "plan"

    def __str__(self) -> str:
        return str(self.value)
