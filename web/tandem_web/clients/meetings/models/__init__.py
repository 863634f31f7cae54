""" Contains all the data models used in inputs/outputs """

from tandem_web.clients.meetings.models.attendee_public import AttendeePublic
from tandem_web.clients.meetings.models.cancel_reason import CancelReason
from tandem_web.clients.meetings.models.cancellation_public import CancellationPublic
from tandem_web.clients.meetings.models.cancelled_by import CancelledBy
from tandem_web.clients.meetings.models.goal_create import GoalCreate
from tandem_web.clients.meetings.models.goal_public import GoalPublic
from tandem_web.clients.meetings.models.goal_state import GoalState
from tandem_web.clients.meetings.models.goal_update import GoalUpdate
from tandem_web.clients.meetings.models.link_status import LinkStatus
from tandem_web.clients.meetings.models.meeting_mode import MeetingMode
from tandem_web.clients.meetings.models.meeting_public import MeetingPublic
from tandem_web.clients.meetings.models.meeting_public_viewer import MeetingPublicViewer
from tandem_web.clients.meetings.models.meeting_status import MeetingStatus
from tandem_web.clients.meetings.models.milestone_create import MilestoneCreate
from tandem_web.clients.meetings.models.milestone_public import MilestonePublic
from tandem_web.clients.meetings.models.milestone_update import MilestoneUpdate
from tandem_web.clients.meetings.models.note_create import NoteCreate
from tandem_web.clients.meetings.models.note_public import NotePublic
from tandem_web.clients.meetings.models.note_update import NoteUpdate
from tandem_web.clients.meetings.models.page_goal_public import PageGoalPublic
from tandem_web.clients.meetings.models.page_meeting_public import PageMeetingPublic
from tandem_web.clients.meetings.models.page_note_public import PageNotePublic
from tandem_web.clients.meetings.models.partstat import Partstat
from tandem_web.clients.meetings.models.place_public import PlacePublic
from tandem_web.clients.meetings.models.problem_details import ProblemDetails
from tandem_web.clients.meetings.models.problem_details_errors_type_0_item import ProblemDetailsErrorsType0Item
from tandem_web.clients.meetings.models.role import Role
from tandem_web.clients.meetings.models.video_link_public import VideoLinkPublic

__all__ = (
    "AttendeePublic",
    "CancellationPublic",
    "CancelledBy",
    "CancelReason",
    "GoalCreate",
    "GoalPublic",
    "GoalState",
    "GoalUpdate",
    "LinkStatus",
    "MeetingMode",
    "MeetingPublic",
    "MeetingPublicViewer",
    "MeetingStatus",
    "MilestoneCreate",
    "MilestonePublic",
    "MilestoneUpdate",
    "NoteCreate",
    "NotePublic",
    "NoteUpdate",
    "PageGoalPublic",
    "PageMeetingPublic",
    "PageNotePublic",
    "Partstat",
    "PlacePublic",
    "ProblemDetails",
    "ProblemDetailsErrorsType0Item",
    "Role",
    "VideoLinkPublic",
)
