from enum import StrEnum

class CountryPolicy(StrEnum):
    ANY = "any"
    CROSS_COUNTRY = "cross_country"
    SAME_COUNTRY = "same_country"

    def __str__(self) -> str:
        return str(self.value)
