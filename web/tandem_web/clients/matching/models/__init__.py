""" Contains all the data models used in inputs/outputs """

from tandem_web.clients.matching.models.criterion_line import CriterionLine
from tandem_web.clients.matching.models.end_reason import EndReason
from tandem_web.clients.matching.models.ended_by import EndedBy
from tandem_web.clients.matching.models.format_preference import FormatPreference
from tandem_web.clients.matching.models.list_participants_role_type_0 import ListParticipantsRoleType0
from tandem_web.clients.matching.models.list_participants_status_type_0 import ListParticipantsStatusType0
from tandem_web.clients.matching.models.member_public import MemberPublic
from tandem_web.clients.matching.models.member_response import MemberResponse
from tandem_web.clients.matching.models.mentoring_format import MentoringFormat
from tandem_web.clients.matching.models.modality import Modality
from tandem_web.clients.matching.models.page_participant_public import PageParticipantPublic
from tandem_web.clients.matching.models.page_relationship_public import PageRelationshipPublic
from tandem_web.clients.matching.models.participant_public import ParticipantPublic
from tandem_web.clients.matching.models.participant_public_role import ParticipantPublicRole
from tandem_web.clients.matching.models.participant_public_status import ParticipantPublicStatus
from tandem_web.clients.matching.models.problem_details import ProblemDetails
from tandem_web.clients.matching.models.problem_details_errors_type_0_item import ProblemDetailsErrorsType0Item
from tandem_web.clients.matching.models.relationship_public import RelationshipPublic
from tandem_web.clients.matching.models.relationship_status import RelationshipStatus
from tandem_web.clients.matching.models.role import Role
from tandem_web.clients.matching.models.window import Window

__all__ = (
    "CriterionLine",
    "EndedBy",
    "EndReason",
    "FormatPreference",
    "ListParticipantsRoleType0",
    "ListParticipantsStatusType0",
    "MemberPublic",
    "MemberResponse",
    "MentoringFormat",
    "Modality",
    "PageParticipantPublic",
    "PageRelationshipPublic",
    "ParticipantPublic",
    "ParticipantPublicRole",
    "ParticipantPublicStatus",
    "ProblemDetails",
    "ProblemDetailsErrorsType0Item",
    "RelationshipPublic",
    "RelationshipStatus",
    "Role",
    "Window",
)
