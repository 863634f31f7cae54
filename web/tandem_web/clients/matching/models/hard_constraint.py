from enum import StrEnum

class HardConstraint(StrEnum):
    AVAILABILITY = "availability"
    CAPACITY = "capacity"
    COUNTRY = "country"
    DUPLICATE = "duplicate"
    EXCLUSION = "exclusion"
    FACE_TO_FACE = "face_to_face"
    LANGUAGE = "language"
    ROLE = "role"
    SELF = "self"
    UNKNOWN = "unknown"

    def __str__(self) -> str:
        return str(self.value)
