""" Contains all the data models used in inputs/outputs """

from tandem_web.clients.analytics.models.cleared_by import ClearedBy
from tandem_web.clients.analytics.models.dashboard_public import DashboardPublic
from tandem_web.clients.analytics.models.dismissal_in import DismissalIn
from tandem_web.clients.analytics.models.manager_view_public import ManagerViewPublic
from tandem_web.clients.analytics.models.member_stats_public import MemberStatsPublic
from tandem_web.clients.analytics.models.mode_public import ModePublic
from tandem_web.clients.analytics.models.participant_view_public import ParticipantViewPublic
from tandem_web.clients.analytics.models.problem_details import ProblemDetails
from tandem_web.clients.analytics.models.problem_details_errors_type_0_item import ProblemDetailsErrorsType0Item
from tandem_web.clients.analytics.models.relationship_stats_public import RelationshipStatsPublic
from tandem_web.clients.analytics.models.risk_flag_page import RiskFlagPage
from tandem_web.clients.analytics.models.risk_flag_public import RiskFlagPublic
from tandem_web.clients.analytics.models.risk_reason_code import RiskReasonCode
from tandem_web.clients.analytics.models.risk_reason_public import RiskReasonPublic
from tandem_web.clients.analytics.models.risk_source import RiskSource
from tandem_web.clients.analytics.models.suggested_action import SuggestedAction
from tandem_web.clients.analytics.models.week_public import WeekPublic

__all__ = (
    "ClearedBy",
    "DashboardPublic",
    "DismissalIn",
    "ManagerViewPublic",
    "MemberStatsPublic",
    "ModePublic",
    "ParticipantViewPublic",
    "ProblemDetails",
    "ProblemDetailsErrorsType0Item",
    "RelationshipStatsPublic",
    "RiskFlagPage",
    "RiskFlagPublic",
    "RiskReasonCode",
    "RiskReasonPublic",
    "RiskSource",
    "SuggestedAction",
    "WeekPublic",
)
