from enum import StrEnum

class ActivityMode(StrEnum):
    EITHER = "either"
    FACE_TO_FACE = "face_to_face"
    ONLINE = "online"

    def __str__(self) -> str:
        return str(self.value)
