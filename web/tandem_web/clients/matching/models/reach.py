from enum import StrEnum

class Reach(StrEnum):
    SAME_CITY = "same_city"
    SAME_COUNTRY = "same_country"

    def __str__(self) -> str:
        return str(self.value)
