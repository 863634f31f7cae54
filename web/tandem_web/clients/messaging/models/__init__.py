""" Contains all the data models used in inputs/outputs """

from tandem_web.clients.messaging.models.acceptance_public import AcceptancePublic
from tandem_web.clients.messaging.models.agreement_public import AgreementPublic
from tandem_web.clients.messaging.models.agreement_public_status import AgreementPublicStatus
from tandem_web.clients.messaging.models.channel import Channel
from tandem_web.clients.messaging.models.conversation_public import ConversationPublic
from tandem_web.clients.messaging.models.conversation_statistics_public import ConversationStatisticsPublic
from tandem_web.clients.messaging.models.export_public import ExportPublic
from tandem_web.clients.messaging.models.exported_agreement_change import ExportedAgreementChange
from tandem_web.clients.messaging.models.exported_message import ExportedMessage
from tandem_web.clients.messaging.models.exported_post import ExportedPost
from tandem_web.clients.messaging.models.exported_report import ExportedReport
from tandem_web.clients.messaging.models.exported_thread import ExportedThread
from tandem_web.clients.messaging.models.manager_mail import ManagerMail
from tandem_web.clients.messaging.models.manager_view_public import ManagerViewPublic
from tandem_web.clients.messaging.models.member_figures_public import MemberFiguresPublic
from tandem_web.clients.messaging.models.member_public import MemberPublic
from tandem_web.clients.messaging.models.message_create import MessageCreate
from tandem_web.clients.messaging.models.message_public import MessagePublic
from tandem_web.clients.messaging.models.new_message_mail import NewMessageMail
from tandem_web.clients.messaging.models.notification_preferences import NotificationPreferences
from tandem_web.clients.messaging.models.page_conversation_public import PageConversationPublic
from tandem_web.clients.messaging.models.page_message_public import PageMessagePublic
from tandem_web.clients.messaging.models.party_public import PartyPublic
from tandem_web.clients.messaging.models.person import Person
from tandem_web.clients.messaging.models.problem_details import ProblemDetails
from tandem_web.clients.messaging.models.problem_details_errors_type_0_item import ProblemDetailsErrorsType0Item
from tandem_web.clients.messaging.models.read_state_public import ReadStatePublic
from tandem_web.clients.messaging.models.read_state_update import ReadStateUpdate
from tandem_web.clients.messaging.models.text_format import TextFormat

__all__ = (
    "AcceptancePublic",
    "AgreementPublic",
    "AgreementPublicStatus",
    "Channel",
    "ConversationPublic",
    "ConversationStatisticsPublic",
    "ExportedAgreementChange",
    "ExportedMessage",
    "ExportedPost",
    "ExportedReport",
    "ExportedThread",
    "ExportPublic",
    "ManagerMail",
    "ManagerViewPublic",
    "MemberFiguresPublic",
    "MemberPublic",
    "MessageCreate",
    "MessagePublic",
    "NewMessageMail",
    "NotificationPreferences",
    "PageConversationPublic",
    "PageMessagePublic",
    "PartyPublic",
    "Person",
    "ProblemDetails",
    "ProblemDetailsErrorsType0Item",
    "ReadStatePublic",
    "ReadStateUpdate",
    "TextFormat",
)
