from enum import StrEnum

class Criterion(StrEnum):
    AVAILABILITY = "availability"
    FORMAT_MODALITY = "format_modality"
    LANGUAGE_CULTURE = "language_culture"
    SECTOR = "sector"
    SKILLS_GOALS = "skills_goals"

    def __str__(self) -> str:
        return str(self.value)
