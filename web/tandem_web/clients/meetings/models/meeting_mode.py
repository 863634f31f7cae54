from enum import StrEnum

class MeetingMode(StrEnum):
    FACE_TO_FACE = "face_to_face"
    ONLINE = "online"

    def __str__(self) -> str:
        return str(self.value)
