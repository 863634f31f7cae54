""" Contains all the data models used in inputs/outputs """

from tandem_web.clients.meetings.models.activity_input import ActivityInput
from tandem_web.clients.meetings.models.activity_mode import ActivityMode
from tandem_web.clients.meetings.models.activity_public import ActivityPublic
from tandem_web.clients.meetings.models.activity_window_input import ActivityWindowInput
from tandem_web.clients.meetings.models.activity_window_public import ActivityWindowPublic
from tandem_web.clients.meetings.models.anchor import Anchor
from tandem_web.clients.meetings.models.attendee_public import AttendeePublic
from tandem_web.clients.meetings.models.cancel_reason import CancelReason
from tandem_web.clients.meetings.models.cancellation_public import CancellationPublic
from tandem_web.clients.meetings.models.cancelled_by import CancelledBy
from tandem_web.clients.meetings.models.link_status import LinkStatus
from tandem_web.clients.meetings.models.meeting_hours_input import MeetingHoursInput
from tandem_web.clients.meetings.models.meeting_hours_public import MeetingHoursPublic
from tandem_web.clients.meetings.models.meeting_mode import MeetingMode
from tandem_web.clients.meetings.models.meeting_public import MeetingPublic
from tandem_web.clients.meetings.models.meeting_public_viewer import MeetingPublicViewer
from tandem_web.clients.meetings.models.meeting_status import MeetingStatus
from tandem_web.clients.meetings.models.page_meeting_public import PageMeetingPublic
from tandem_web.clients.meetings.models.partstat import Partstat
from tandem_web.clients.meetings.models.place_public import PlacePublic
from tandem_web.clients.meetings.models.plan_update import PlanUpdate
from tandem_web.clients.meetings.models.policy_input import PolicyInput
from tandem_web.clients.meetings.models.policy_public import PolicyPublic
from tandem_web.clients.meetings.models.problem_details import ProblemDetails
from tandem_web.clients.meetings.models.problem_details_errors_type_0_item import ProblemDetailsErrorsType0Item
from tandem_web.clients.meetings.models.programme_plan_public import ProgrammePlanPublic
from tandem_web.clients.meetings.models.quorum_input import QuorumInput
from tandem_web.clients.meetings.models.quorum_public import QuorumPublic
from tandem_web.clients.meetings.models.role import Role
from tandem_web.clients.meetings.models.video_link_public import VideoLinkPublic

__all__ = (
    "ActivityInput",
    "ActivityMode",
    "ActivityPublic",
    "ActivityWindowInput",
    "ActivityWindowPublic",
    "Anchor",
    "AttendeePublic",
    "CancellationPublic",
    "CancelledBy",
    "CancelReason",
    "LinkStatus",
    "MeetingHoursInput",
    "MeetingHoursPublic",
    "MeetingMode",
    "MeetingPublic",
    "MeetingPublicViewer",
    "MeetingStatus",
    "PageMeetingPublic",
    "Partstat",
    "PlacePublic",
    "PlanUpdate",
    "PolicyInput",
    "PolicyPublic",
    "ProblemDetails",
    "ProblemDetailsErrorsType0Item",
    "ProgrammePlanPublic",
    "QuorumInput",
    "QuorumPublic",
    "Role",
    "VideoLinkPublic",
)
