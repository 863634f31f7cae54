""" Contains all the data models used in inputs/outputs """

from tandem_web.clients.analytics.models.answers_input import AnswersInput
from tandem_web.clients.analytics.models.answers_input_answers import AnswersInputAnswers
from tandem_web.clients.analytics.models.breakdowns_public import BreakdownsPublic
from tandem_web.clients.analytics.models.check_in_public import CheckInPublic
from tandem_web.clients.analytics.models.check_in_summary_public import CheckInSummaryPublic
from tandem_web.clients.analytics.models.cleared_by import ClearedBy
from tandem_web.clients.analytics.models.country_figures_public import CountryFiguresPublic
from tandem_web.clients.analytics.models.country_figures_public_statuses_type_0 import CountryFiguresPublicStatusesType0
from tandem_web.clients.analytics.models.dashboard_public import DashboardPublic
from tandem_web.clients.analytics.models.dismissal_in import DismissalIn
from tandem_web.clients.analytics.models.group_public import GroupPublic
from tandem_web.clients.analytics.models.kind import Kind
from tandem_web.clients.analytics.models.manager_view_public import ManagerViewPublic
from tandem_web.clients.analytics.models.member_stats_public import MemberStatsPublic
from tandem_web.clients.analytics.models.mode_public import ModePublic
from tandem_web.clients.analytics.models.outcome_input import OutcomeInput
from tandem_web.clients.analytics.models.outcome_public import OutcomePublic
from tandem_web.clients.analytics.models.outcome_summary_public import OutcomeSummaryPublic
from tandem_web.clients.analytics.models.participant_view_public import ParticipantViewPublic
from tandem_web.clients.analytics.models.problem_details import ProblemDetails
from tandem_web.clients.analytics.models.problem_details_errors_type_0_item import ProblemDetailsErrorsType0Item
from tandem_web.clients.analytics.models.question_figures_public import QuestionFiguresPublic
from tandem_web.clients.analytics.models.question_figures_public_distribution_type_0 import QuestionFiguresPublicDistributionType0
from tandem_web.clients.analytics.models.relationship_stats_public import RelationshipStatsPublic
from tandem_web.clients.analytics.models.risk_flag_page import RiskFlagPage
from tandem_web.clients.analytics.models.risk_flag_public import RiskFlagPublic
from tandem_web.clients.analytics.models.risk_reason_code import RiskReasonCode
from tandem_web.clients.analytics.models.risk_reason_public import RiskReasonPublic
from tandem_web.clients.analytics.models.risk_source import RiskSource
from tandem_web.clients.analytics.models.risk_thresholds_in import RiskThresholdsIn
from tandem_web.clients.analytics.models.risk_thresholds_public import RiskThresholdsPublic
from tandem_web.clients.analytics.models.round_figures_public import RoundFiguresPublic
from tandem_web.clients.analytics.models.stage import Stage
from tandem_web.clients.analytics.models.status import Status
from tandem_web.clients.analytics.models.suggested_action import SuggestedAction
from tandem_web.clients.analytics.models.survival_public import SurvivalPublic
from tandem_web.clients.analytics.models.survival_week_public import SurvivalWeekPublic
from tandem_web.clients.analytics.models.week_public import WeekPublic

__all__ = (
    "AnswersInput",
    "AnswersInputAnswers",
    "BreakdownsPublic",
    "CheckInPublic",
    "CheckInSummaryPublic",
    "ClearedBy",
    "CountryFiguresPublic",
    "CountryFiguresPublicStatusesType0",
    "DashboardPublic",
    "DismissalIn",
    "GroupPublic",
    "Kind",
    "ManagerViewPublic",
    "MemberStatsPublic",
    "ModePublic",
    "OutcomeInput",
    "OutcomePublic",
    "OutcomeSummaryPublic",
    "ParticipantViewPublic",
    "ProblemDetails",
    "ProblemDetailsErrorsType0Item",
    "QuestionFiguresPublic",
    "QuestionFiguresPublicDistributionType0",
    "RelationshipStatsPublic",
    "RiskFlagPage",
    "RiskFlagPublic",
    "RiskReasonCode",
    "RiskReasonPublic",
    "RiskSource",
    "RiskThresholdsIn",
    "RiskThresholdsPublic",
    "RoundFiguresPublic",
    "Stage",
    "Status",
    "SuggestedAction",
    "SurvivalPublic",
    "SurvivalWeekPublic",
    "WeekPublic",
)
