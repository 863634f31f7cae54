""" Contains all the data models used in inputs/outputs """

from tandem_web.clients.matching.models.country_policy import CountryPolicy
from tandem_web.clients.matching.models.criterion import Criterion
from tandem_web.clients.matching.models.criterion_line import CriterionLine
from tandem_web.clients.matching.models.end_reason import EndReason
from tandem_web.clients.matching.models.ended_by import EndedBy
from tandem_web.clients.matching.models.format_preference import FormatPreference
from tandem_web.clients.matching.models.formats_offered import FormatsOffered
from tandem_web.clients.matching.models.group_size import GroupSize
from tandem_web.clients.matching.models.hard_constraint import HardConstraint
from tandem_web.clients.matching.models.list_participants_role_type_0 import ListParticipantsRoleType0
from tandem_web.clients.matching.models.list_participants_status_type_0 import ListParticipantsStatusType0
from tandem_web.clients.matching.models.mail_wording import MailWording
from tandem_web.clients.matching.models.manager_contact import ManagerContact
from tandem_web.clients.matching.models.matching_policy import MatchingPolicy
from tandem_web.clients.matching.models.matching_policy_weights import MatchingPolicyWeights
from tandem_web.clients.matching.models.member_public import MemberPublic
from tandem_web.clients.matching.models.member_response import MemberResponse
from tandem_web.clients.matching.models.mentoring_format import MentoringFormat
from tandem_web.clients.matching.models.modality import Modality
from tandem_web.clients.matching.models.offer_status import OfferStatus
from tandem_web.clients.matching.models.page_participant_public import PageParticipantPublic
from tandem_web.clients.matching.models.page_programme_public import PageProgrammePublic
from tandem_web.clients.matching.models.page_relationship_public import PageRelationshipPublic
from tandem_web.clients.matching.models.page_rematch_offer_public import PageRematchOfferPublic
from tandem_web.clients.matching.models.participant_public import ParticipantPublic
from tandem_web.clients.matching.models.participant_public_role import ParticipantPublicRole
from tandem_web.clients.matching.models.participant_public_status import ParticipantPublicStatus
from tandem_web.clients.matching.models.problem_details import ProblemDetails
from tandem_web.clients.matching.models.problem_details_errors_type_0_item import ProblemDetailsErrorsType0Item
from tandem_web.clients.matching.models.programme_public import ProgrammePublic
from tandem_web.clients.matching.models.programme_public_mail_overrides import ProgrammePublicMailOverrides
from tandem_web.clients.matching.models.programme_public_mail_overrides_additional_property import ProgrammePublicMailOverridesAdditionalProperty
from tandem_web.clients.matching.models.programme_update import ProgrammeUpdate
from tandem_web.clients.matching.models.programme_update_mail_overrides_type_0 import ProgrammeUpdateMailOverridesType0
from tandem_web.clients.matching.models.programme_update_mail_overrides_type_0_additional_property import ProgrammeUpdateMailOverridesType0AdditionalProperty
from tandem_web.clients.matching.models.reach import Reach
from tandem_web.clients.matching.models.relationship_public import RelationshipPublic
from tandem_web.clients.matching.models.relationship_status import RelationshipStatus
from tandem_web.clients.matching.models.rematch_offer_public import RematchOfferPublic
from tandem_web.clients.matching.models.role import Role
from tandem_web.clients.matching.models.suggested_weights_public import SuggestedWeightsPublic
from tandem_web.clients.matching.models.weight_line import WeightLine
from tandem_web.clients.matching.models.window import Window

__all__ = (
    "CountryPolicy",
    "Criterion",
    "CriterionLine",
    "EndedBy",
    "EndReason",
    "FormatPreference",
    "FormatsOffered",
    "GroupSize",
    "HardConstraint",
    "ListParticipantsRoleType0",
    "ListParticipantsStatusType0",
    "MailWording",
    "ManagerContact",
    "MatchingPolicy",
    "MatchingPolicyWeights",
    "MemberPublic",
    "MemberResponse",
    "MentoringFormat",
    "Modality",
    "OfferStatus",
    "PageParticipantPublic",
    "PageProgrammePublic",
    "PageRelationshipPublic",
    "PageRematchOfferPublic",
    "ParticipantPublic",
    "ParticipantPublicRole",
    "ParticipantPublicStatus",
    "ProblemDetails",
    "ProblemDetailsErrorsType0Item",
    "ProgrammePublic",
    "ProgrammePublicMailOverrides",
    "ProgrammePublicMailOverridesAdditionalProperty",
    "ProgrammeUpdate",
    "ProgrammeUpdateMailOverridesType0",
    "ProgrammeUpdateMailOverridesType0AdditionalProperty",
    "Reach",
    "RelationshipPublic",
    "RelationshipStatus",
    "RematchOfferPublic",
    "Role",
    "SuggestedWeightsPublic",
    "WeightLine",
    "Window",
)
