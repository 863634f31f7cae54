""" Contains all the data models used in inputs/outputs """

from tandem_web.clients.meetings.models.activity_input import ActivityInput
from tandem_web.clients.meetings.models.activity_mode import ActivityMode
from tandem_web.clients.meetings.models.activity_public import ActivityPublic
from tandem_web.clients.meetings.models.activity_state import ActivityState
from tandem_web.clients.meetings.models.activity_window_input import ActivityWindowInput
from tandem_web.clients.meetings.models.activity_window_public import ActivityWindowPublic
from tandem_web.clients.meetings.models.anchor import Anchor
from tandem_web.clients.meetings.models.attendance_outcome import AttendanceOutcome
from tandem_web.clients.meetings.models.attendance_public import AttendancePublic
from tandem_web.clients.meetings.models.attendance_record_public import AttendanceRecordPublic
from tandem_web.clients.meetings.models.attendance_state import AttendanceState
from tandem_web.clients.meetings.models.attendance_update import AttendanceUpdate
from tandem_web.clients.meetings.models.attendee_public import AttendeePublic
from tandem_web.clients.meetings.models.availability_public import AvailabilityPublic
from tandem_web.clients.meetings.models.availability_source import AvailabilitySource
from tandem_web.clients.meetings.models.availability_update import AvailabilityUpdate
from tandem_web.clients.meetings.models.blocker_public import BlockerPublic
from tandem_web.clients.meetings.models.calendar_feed_created_public import CalendarFeedCreatedPublic
from tandem_web.clients.meetings.models.calendar_feed_public import CalendarFeedPublic
from tandem_web.clients.meetings.models.calendar_source_public import CalendarSourcePublic
from tandem_web.clients.meetings.models.cancel_reason import CancelReason
from tandem_web.clients.meetings.models.cancellation_public import CancellationPublic
from tandem_web.clients.meetings.models.cancelled_by import CancelledBy
from tandem_web.clients.meetings.models.create_calendar_feed_body import CreateCalendarFeedBody
from tandem_web.clients.meetings.models.export_public import ExportPublic
from tandem_web.clients.meetings.models.exported_attendance import ExportedAttendance
from tandem_web.clients.meetings.models.exported_busy_interval import ExportedBusyInterval
from tandem_web.clients.meetings.models.exported_calendar_feed import ExportedCalendarFeed
from tandem_web.clients.meetings.models.exported_contact import ExportedContact
from tandem_web.clients.meetings.models.exported_meeting import ExportedMeeting
from tandem_web.clients.meetings.models.exported_membership import ExportedMembership
from tandem_web.clients.meetings.models.exported_note import ExportedNote
from tandem_web.clients.meetings.models.exported_participation import ExportedParticipation
from tandem_web.clients.meetings.models.exported_reminder import ExportedReminder
from tandem_web.clients.meetings.models.failure_reason import FailureReason
from tandem_web.clients.meetings.models.feed_status import FeedStatus
from tandem_web.clients.meetings.models.goal_counts_public import GoalCountsPublic
from tandem_web.clients.meetings.models.goal_create import GoalCreate
from tandem_web.clients.meetings.models.goal_public import GoalPublic
from tandem_web.clients.meetings.models.goal_state import GoalState
from tandem_web.clients.meetings.models.goal_state_public import GoalStatePublic
from tandem_web.clients.meetings.models.goal_update import GoalUpdate
from tandem_web.clients.meetings.models.link_status import LinkStatus
from tandem_web.clients.meetings.models.mark_public import MarkPublic
from tandem_web.clients.meetings.models.mark_update import MarkUpdate
from tandem_web.clients.meetings.models.meeting_cancel import MeetingCancel
from tandem_web.clients.meetings.models.meeting_counts_public import MeetingCountsPublic
from tandem_web.clients.meetings.models.meeting_create import MeetingCreate
from tandem_web.clients.meetings.models.meeting_hours_input import MeetingHoursInput
from tandem_web.clients.meetings.models.meeting_hours_public import MeetingHoursPublic
from tandem_web.clients.meetings.models.meeting_mode import MeetingMode
from tandem_web.clients.meetings.models.meeting_public import MeetingPublic
from tandem_web.clients.meetings.models.meeting_public_viewer import MeetingPublicViewer
from tandem_web.clients.meetings.models.meeting_status import MeetingStatus
from tandem_web.clients.meetings.models.meeting_update import MeetingUpdate
from tandem_web.clients.meetings.models.member_time_public import MemberTimePublic
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
from tandem_web.clients.meetings.models.place_input import PlaceInput
from tandem_web.clients.meetings.models.place_public import PlacePublic
from tandem_web.clients.meetings.models.place_suggestion_public import PlaceSuggestionPublic
from tandem_web.clients.meetings.models.plan_update import PlanUpdate
from tandem_web.clients.meetings.models.planned_activity_public import PlannedActivityPublic
from tandem_web.clients.meetings.models.policy_input import PolicyInput
from tandem_web.clients.meetings.models.policy_public import PolicyPublic
from tandem_web.clients.meetings.models.presence import Presence
from tandem_web.clients.meetings.models.problem_details import ProblemDetails
from tandem_web.clients.meetings.models.problem_details_errors_type_0_item import ProblemDetailsErrorsType0Item
from tandem_web.clients.meetings.models.programme_plan_public import ProgrammePlanPublic
from tandem_web.clients.meetings.models.proposal_public import ProposalPublic
from tandem_web.clients.meetings.models.quorum_input import QuorumInput
from tandem_web.clients.meetings.models.quorum_public import QuorumPublic
from tandem_web.clients.meetings.models.relationship_figures_public import RelationshipFiguresPublic
from tandem_web.clients.meetings.models.relationship_plan_public import RelationshipPlanPublic
from tandem_web.clients.meetings.models.relationship_plan_public_cadence_source import RelationshipPlanPublicCadenceSource
from tandem_web.clients.meetings.models.role import Role
from tandem_web.clients.meetings.models.rsvp_public import RsvpPublic
from tandem_web.clients.meetings.models.rsvp_response import RsvpResponse
from tandem_web.clients.meetings.models.rsvp_update import RsvpUpdate
from tandem_web.clients.meetings.models.slot_public import SlotPublic
from tandem_web.clients.meetings.models.slots_public import SlotsPublic
from tandem_web.clients.meetings.models.video_link_public import VideoLinkPublic
from tandem_web.clients.meetings.models.window_body import WindowBody
from tandem_web.clients.meetings.models.window_public import WindowPublic

__all__ = (
    "ActivityInput",
    "ActivityMode",
    "ActivityPublic",
    "ActivityState",
    "ActivityWindowInput",
    "ActivityWindowPublic",
    "Anchor",
    "AttendanceOutcome",
    "AttendancePublic",
    "AttendanceRecordPublic",
    "AttendanceState",
    "AttendanceUpdate",
    "AttendeePublic",
    "AvailabilityPublic",
    "AvailabilitySource",
    "AvailabilityUpdate",
    "BlockerPublic",
    "CalendarFeedCreatedPublic",
    "CalendarFeedPublic",
    "CalendarSourcePublic",
    "CancellationPublic",
    "CancelledBy",
    "CancelReason",
    "CreateCalendarFeedBody",
    "ExportedAttendance",
    "ExportedBusyInterval",
    "ExportedCalendarFeed",
    "ExportedContact",
    "ExportedMeeting",
    "ExportedMembership",
    "ExportedNote",
    "ExportedParticipation",
    "ExportedReminder",
    "ExportPublic",
    "FailureReason",
    "FeedStatus",
    "GoalCountsPublic",
    "GoalCreate",
    "GoalPublic",
    "GoalState",
    "GoalStatePublic",
    "GoalUpdate",
    "LinkStatus",
    "MarkPublic",
    "MarkUpdate",
    "MeetingCancel",
    "MeetingCountsPublic",
    "MeetingCreate",
    "MeetingHoursInput",
    "MeetingHoursPublic",
    "MeetingMode",
    "MeetingPublic",
    "MeetingPublicViewer",
    "MeetingStatus",
    "MeetingUpdate",
    "MemberTimePublic",
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
    "PlaceInput",
    "PlacePublic",
    "PlaceSuggestionPublic",
    "PlannedActivityPublic",
    "PlanUpdate",
    "PolicyInput",
    "PolicyPublic",
    "Presence",
    "ProblemDetails",
    "ProblemDetailsErrorsType0Item",
    "ProgrammePlanPublic",
    "ProposalPublic",
    "QuorumInput",
    "QuorumPublic",
    "RelationshipFiguresPublic",
    "RelationshipPlanPublic",
    "RelationshipPlanPublicCadenceSource",
    "Role",
    "RsvpPublic",
    "RsvpResponse",
    "RsvpUpdate",
    "SlotPublic",
    "SlotsPublic",
    "VideoLinkPublic",
    "WindowBody",
    "WindowPublic",
)
