""" Contains all the data models used in inputs/outputs """

from tandem_web.clients.messaging.models.acceptance_create import AcceptanceCreate
from tandem_web.clients.messaging.models.acceptance_public import AcceptancePublic
from tandem_web.clients.messaging.models.agreement_public import AgreementPublic
from tandem_web.clients.messaging.models.agreement_public_status import AgreementPublicStatus
from tandem_web.clients.messaging.models.channel import Channel
from tandem_web.clients.messaging.models.conversation_public import ConversationPublic
from tandem_web.clients.messaging.models.member_public import MemberPublic
from tandem_web.clients.messaging.models.message_create import MessageCreate
from tandem_web.clients.messaging.models.message_public import MessagePublic
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
    "AcceptanceCreate",
    "AcceptancePublic",
    "AgreementPublic",
    "AgreementPublicStatus",
    "Channel",
    "ConversationPublic",
    "MemberPublic",
    "MessageCreate",
    "MessagePublic",
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
