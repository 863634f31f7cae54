""" Contains all the data models used in inputs/outputs """

from tandem_web.clients.messaging.models.acceptance_create import AcceptanceCreate
from tandem_web.clients.messaging.models.acceptance_public import AcceptancePublic
from tandem_web.clients.messaging.models.agreement_public import AgreementPublic
from tandem_web.clients.messaging.models.agreement_public_status import AgreementPublicStatus
from tandem_web.clients.messaging.models.agreement_template_public import AgreementTemplatePublic
from tandem_web.clients.messaging.models.agreement_template_update import AgreementTemplateUpdate
from tandem_web.clients.messaging.models.channel import Channel
from tandem_web.clients.messaging.models.conversation_public import ConversationPublic
from tandem_web.clients.messaging.models.conversation_statistics_public import ConversationStatisticsPublic
from tandem_web.clients.messaging.models.export_public import ExportPublic
from tandem_web.clients.messaging.models.exported_agreement_change import ExportedAgreementChange
from tandem_web.clients.messaging.models.exported_message import ExportedMessage
from tandem_web.clients.messaging.models.exported_post import ExportedPost
from tandem_web.clients.messaging.models.exported_report import ExportedReport
from tandem_web.clients.messaging.models.exported_thread import ExportedThread
from tandem_web.clients.messaging.models.forum_public import ForumPublic
from tandem_web.clients.messaging.models.forum_public_kind import ForumPublicKind
from tandem_web.clients.messaging.models.manager_mail import ManagerMail
from tandem_web.clients.messaging.models.manager_view_public import ManagerViewPublic
from tandem_web.clients.messaging.models.member_figures_public import MemberFiguresPublic
from tandem_web.clients.messaging.models.member_public import MemberPublic
from tandem_web.clients.messaging.models.message_create import MessageCreate
from tandem_web.clients.messaging.models.message_public import MessagePublic
from tandem_web.clients.messaging.models.message_update import MessageUpdate
from tandem_web.clients.messaging.models.new_message_mail import NewMessageMail
from tandem_web.clients.messaging.models.notification_preferences import NotificationPreferences
from tandem_web.clients.messaging.models.page_conversation_public import PageConversationPublic
from tandem_web.clients.messaging.models.page_forum_public import PageForumPublic
from tandem_web.clients.messaging.models.page_message_public import PageMessagePublic
from tandem_web.clients.messaging.models.page_post_public import PagePostPublic
from tandem_web.clients.messaging.models.page_report_public import PageReportPublic
from tandem_web.clients.messaging.models.page_thread_public import PageThreadPublic
from tandem_web.clients.messaging.models.party_public import PartyPublic
from tandem_web.clients.messaging.models.person import Person
from tandem_web.clients.messaging.models.post_create import PostCreate
from tandem_web.clients.messaging.models.post_public import PostPublic
from tandem_web.clients.messaging.models.post_visibility import PostVisibility
from tandem_web.clients.messaging.models.post_visibility_public import PostVisibilityPublic
from tandem_web.clients.messaging.models.problem_details import ProblemDetails
from tandem_web.clients.messaging.models.problem_details_errors_type_0_item import ProblemDetailsErrorsType0Item
from tandem_web.clients.messaging.models.programme_settings_public import ProgrammeSettingsPublic
from tandem_web.clients.messaging.models.programme_settings_update import ProgrammeSettingsUpdate
from tandem_web.clients.messaging.models.read_state_public import ReadStatePublic
from tandem_web.clients.messaging.models.read_state_update import ReadStateUpdate
from tandem_web.clients.messaging.models.report_create import ReportCreate
from tandem_web.clients.messaging.models.report_party import ReportParty
from tandem_web.clients.messaging.models.report_public import ReportPublic
from tandem_web.clients.messaging.models.report_public_target_kind import ReportPublicTargetKind
from tandem_web.clients.messaging.models.report_reason import ReportReason
from tandem_web.clients.messaging.models.report_receipt import ReportReceipt
from tandem_web.clients.messaging.models.report_status import ReportStatus
from tandem_web.clients.messaging.models.report_update import ReportUpdate
from tandem_web.clients.messaging.models.text_format import TextFormat
from tandem_web.clients.messaging.models.thread_create import ThreadCreate
from tandem_web.clients.messaging.models.thread_lock import ThreadLock
from tandem_web.clients.messaging.models.thread_lock_public import ThreadLockPublic
from tandem_web.clients.messaging.models.thread_public import ThreadPublic

__all__ = (
    "AcceptanceCreate",
    "AcceptancePublic",
    "AgreementPublic",
    "AgreementPublicStatus",
    "AgreementTemplatePublic",
    "AgreementTemplateUpdate",
    "Channel",
    "ConversationPublic",
    "ConversationStatisticsPublic",
    "ExportedAgreementChange",
    "ExportedMessage",
    "ExportedPost",
    "ExportedReport",
    "ExportedThread",
    "ExportPublic",
    "ForumPublic",
    "ForumPublicKind",
    "ManagerMail",
    "ManagerViewPublic",
    "MemberFiguresPublic",
    "MemberPublic",
    "MessageCreate",
    "MessagePublic",
    "MessageUpdate",
    "NewMessageMail",
    "NotificationPreferences",
    "PageConversationPublic",
    "PageForumPublic",
    "PageMessagePublic",
    "PagePostPublic",
    "PageReportPublic",
    "PageThreadPublic",
    "PartyPublic",
    "Person",
    "PostCreate",
    "PostPublic",
    "PostVisibility",
    "PostVisibilityPublic",
    "ProblemDetails",
    "ProblemDetailsErrorsType0Item",
    "ProgrammeSettingsPublic",
    "ProgrammeSettingsUpdate",
    "ReadStatePublic",
    "ReadStateUpdate",
    "ReportCreate",
    "ReportParty",
    "ReportPublic",
    "ReportPublicTargetKind",
    "ReportReason",
    "ReportReceipt",
    "ReportStatus",
    "ReportUpdate",
    "TextFormat",
    "ThreadCreate",
    "ThreadLock",
    "ThreadLockPublic",
    "ThreadPublic",
)
