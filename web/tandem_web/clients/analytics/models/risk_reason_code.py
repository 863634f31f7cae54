from enum import StrEnum

class RiskReasonCode(StrEnum):
    ACTIVITY_WINDOW_MISSED = "activity_window_missed"
    AGREEMENT_NOT_ACCEPTED = "agreement_not_accepted"
    CONTACT_DECLINING = "contact_declining"
    LOW_CHECK_IN_SCORES = "low_check_in_scores"
    LOW_RECIPROCITY = "low_reciprocity"
    MEETINGS_BELOW_PLAN = "meetings_below_plan"
    MESSAGE_UNANSWERED = "message_unanswered"
    NO_TWO_WAY_CONTACT = "no_two_way_contact"
    PARTICIPANT_ISOLATED = "participant_isolated"
    REPEATED_NO_SHOWS = "repeated_no_shows"
    RESPONSE_SLOWING = "response_slowing"
    TIME_ZONE_GAP = "time_zone_gap"

    def __str__(self) -> str:
        return str(self.value)
