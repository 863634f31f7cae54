from enum import StrEnum

class Modality(StrEnum):
    EITHER = "either"
    FACE_TO_FACE = "face_to_face"
    ONLINE_ONLY = "online_only"

    def __str__(self) -> str:
        return str(self.value)
