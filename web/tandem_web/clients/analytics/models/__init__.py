""" Contains all the data models used in inputs/outputs """

from tandem_web.clients.analytics.models.answers_input import AnswersInput
from tandem_web.clients.analytics.models.answers_input_answers import AnswersInputAnswers
from tandem_web.clients.analytics.models.check_in_public import CheckInPublic
from tandem_web.clients.analytics.models.cleared_by import ClearedBy
from tandem_web.clients.analytics.models.dashboard_public import DashboardPublic
from tandem_web.clients.analytics.models.dismissal_in import DismissalIn
from tandem_web.clients.analytics.models.kind import Kind
from tandem_web.clients.analytics.models.mode_public import ModePublic
from tandem_web.clients.analytics.models.outcome_input import OutcomeInput
from tandem_web.clients.analytics.models.outcome_public import OutcomePublic
from tandem_web.clients.analytics.models.problem_details import ProblemDetails
from tandem_web.clients.analytics.models.problem_details_errors_type_0_item import ProblemDetailsErrorsType0Item
from tandem_web.clients.analytics.models.risk_flag_page import RiskFlagPage
from tandem_web.clients.analytics.models.risk_flag_public import RiskFlagPublic
from tandem_web.clients.analytics.models.risk_reason_code import RiskReasonCode
from tandem_web.clients.analytics.models.risk_reason_public import RiskReasonPublic
from tandem_web.clients.analytics.models.risk_source import RiskSource
from tandem_web.clients.analytics.models.stage import Stage
from tandem_web.clients.analytics.models.status import Status
from tandem_web.clients.analytics.models.suggested_action import SuggestedAction
from tandem_web.clients.analytics.models.week_public import WeekPublic

__all__ = (
    "AnswersInput",
    "AnswersInputAnswers",
    "CheckInPublic",
    "ClearedBy",
    "DashboardPublic",
    "DismissalIn",
    "Kind",
    "ModePublic",
    "OutcomeInput",
    "OutcomePublic",
    "ProblemDetails",
    "ProblemDetailsErrorsType0Item",
    "RiskFlagPage",
    "RiskFlagPublic",
    "RiskReasonCode",
    "RiskReasonPublic",
    "RiskSource",
    "Stage",
    "Status",
    "SuggestedAction",
    "WeekPublic",
)
