from enum import StrEnum

class Channel(StrEnum):
    EMAIL = "email"
    FACE_TO_FACE = "face_to_face"
    FORUM = "forum"
    MESSAGES = "messages"
    VIRTUAL_MEETING = "virtual_meeting"

    def __str__(self) -> str:
        return str(self.value)
