from enum import StrEnum

class SuggestedAction(StrEnum):
    CHECK_ATTENDANCE = "check_attendance"
    CONSIDER_REMATCHING = "consider_rematching"
    CONTACT_MEMBERS = "contact_members"
    HELP_AGREE = "help_agree"
    HELP_SCHEDULE = "help_schedule"
    REACH_OUT_TO_PARTICIPANT = "reach_out_to_participant"
    REMIND_TO_REPLY = "remind_to_reply"

    def __str__(self) -> str:
        return str(self.value)
