""" Contains all the data models used in inputs/outputs """

from tandem_web.clients.matching.models.approve_proposals import ApproveProposals
from tandem_web.clients.matching.models.body_import_csv import BodyImportCsv
from tandem_web.clients.matching.models.country_policy import CountryPolicy
from tandem_web.clients.matching.models.create_run_body import CreateRunBody
from tandem_web.clients.matching.models.criterion import Criterion
from tandem_web.clients.matching.models.criterion_line import CriterionLine
from tandem_web.clients.matching.models.end_reason import EndReason
from tandem_web.clients.matching.models.ended_by import EndedBy
from tandem_web.clients.matching.models.erasure_receipt import ErasureReceipt
from tandem_web.clients.matching.models.format_preference import FormatPreference
from tandem_web.clients.matching.models.formats_offered import FormatsOffered
from tandem_web.clients.matching.models.group_size import GroupSize
from tandem_web.clients.matching.models.hard_constraint import HardConstraint
from tandem_web.clients.matching.models.import_mode import ImportMode
from tandem_web.clients.matching.models.import_report import ImportReport
from tandem_web.clients.matching.models.import_source import ImportSource
from tandem_web.clients.matching.models.list_participants_role_type_0 import ListParticipantsRoleType0
from tandem_web.clients.matching.models.list_participants_status_type_0 import ListParticipantsStatusType0
from tandem_web.clients.matching.models.mail_wording import MailWording
from tandem_web.clients.matching.models.manager_contact import ManagerContact
from tandem_web.clients.matching.models.match_run_public import MatchRunPublic
from tandem_web.clients.matching.models.match_run_status import MatchRunStatus
from tandem_web.clients.matching.models.matching_policy import MatchingPolicy
from tandem_web.clients.matching.models.matching_policy_weights import MatchingPolicyWeights
from tandem_web.clients.matching.models.member_public import MemberPublic
from tandem_web.clients.matching.models.member_response import MemberResponse
from tandem_web.clients.matching.models.mentor_request_record import MentorRequestRecord
from tandem_web.clients.matching.models.mentoring_format import MentoringFormat
from tandem_web.clients.matching.models.modality import Modality
from tandem_web.clients.matching.models.move_mentee import MoveMentee
from tandem_web.clients.matching.models.not_grouped_participant import NotGroupedParticipant
from tandem_web.clients.matching.models.not_grouped_participant_role import NotGroupedParticipantRole
from tandem_web.clients.matching.models.offer_status import OfferStatus
from tandem_web.clients.matching.models.organisation_create import OrganisationCreate
from tandem_web.clients.matching.models.organisation_public import OrganisationPublic
from tandem_web.clients.matching.models.page_import_report import PageImportReport
from tandem_web.clients.matching.models.page_match_run_public import PageMatchRunPublic
from tandem_web.clients.matching.models.page_organisation_public import PageOrganisationPublic
from tandem_web.clients.matching.models.page_participant_public import PageParticipantPublic
from tandem_web.clients.matching.models.page_programme_public import PageProgrammePublic
from tandem_web.clients.matching.models.page_proposal_public import PageProposalPublic
from tandem_web.clients.matching.models.page_relationship_public import PageRelationshipPublic
from tandem_web.clients.matching.models.page_rematch_offer_public import PageRematchOfferPublic
from tandem_web.clients.matching.models.participant_export import ParticipantExport
from tandem_web.clients.matching.models.participant_public import ParticipantPublic
from tandem_web.clients.matching.models.participant_public_role import ParticipantPublicRole
from tandem_web.clients.matching.models.participant_public_status import ParticipantPublicStatus
from tandem_web.clients.matching.models.participant_update import ParticipantUpdate
from tandem_web.clients.matching.models.problem_details import ProblemDetails
from tandem_web.clients.matching.models.problem_details_errors_type_0_item import ProblemDetailsErrorsType0Item
from tandem_web.clients.matching.models.programme_create import ProgrammeCreate
from tandem_web.clients.matching.models.programme_create_mail_overrides import ProgrammeCreateMailOverrides
from tandem_web.clients.matching.models.programme_create_mail_overrides_additional_property import ProgrammeCreateMailOverridesAdditionalProperty
from tandem_web.clients.matching.models.programme_public import ProgrammePublic
from tandem_web.clients.matching.models.programme_public_mail_overrides import ProgrammePublicMailOverrides
from tandem_web.clients.matching.models.programme_public_mail_overrides_additional_property import ProgrammePublicMailOverridesAdditionalProperty
from tandem_web.clients.matching.models.programme_update import ProgrammeUpdate
from tandem_web.clients.matching.models.programme_update_mail_overrides_type_0 import ProgrammeUpdateMailOverridesType0
from tandem_web.clients.matching.models.programme_update_mail_overrides_type_0_additional_property import ProgrammeUpdateMailOverridesType0AdditionalProperty
from tandem_web.clients.matching.models.proposal_public import ProposalPublic
from tandem_web.clients.matching.models.proposal_public_format import ProposalPublicFormat
from tandem_web.clients.matching.models.proposal_record import ProposalRecord
from tandem_web.clients.matching.models.proposal_status import ProposalStatus
from tandem_web.clients.matching.models.proposed_mentee import ProposedMentee
from tandem_web.clients.matching.models.publish_result import PublishResult
from tandem_web.clients.matching.models.reach import Reach
from tandem_web.clients.matching.models.relationship_public import RelationshipPublic
from tandem_web.clients.matching.models.relationship_status import RelationshipStatus
from tandem_web.clients.matching.models.rematch_offer_public import RematchOfferPublic
from tandem_web.clients.matching.models.request_status import RequestStatus
from tandem_web.clients.matching.models.role import Role
from tandem_web.clients.matching.models.row_error import RowError
from tandem_web.clients.matching.models.run_summary import RunSummary
from tandem_web.clients.matching.models.suggested_weights_public import SuggestedWeightsPublic
from tandem_web.clients.matching.models.swap_mentees import SwapMentees
from tandem_web.clients.matching.models.unmatched_mentee import UnmatchedMentee
from tandem_web.clients.matching.models.weight_line import WeightLine
from tandem_web.clients.matching.models.window import Window

__all__ = (
    "ApproveProposals",
    "BodyImportCsv",
    "CountryPolicy",
    "CreateRunBody",
    "Criterion",
    "CriterionLine",
    "EndedBy",
    "EndReason",
    "ErasureReceipt",
    "FormatPreference",
    "FormatsOffered",
    "GroupSize",
    "HardConstraint",
    "ImportMode",
    "ImportReport",
    "ImportSource",
    "ListParticipantsRoleType0",
    "ListParticipantsStatusType0",
    "MailWording",
    "ManagerContact",
    "MatchingPolicy",
    "MatchingPolicyWeights",
    "MatchRunPublic",
    "MatchRunStatus",
    "MemberPublic",
    "MemberResponse",
    "MentoringFormat",
    "MentorRequestRecord",
    "Modality",
    "MoveMentee",
    "NotGroupedParticipant",
    "NotGroupedParticipantRole",
    "OfferStatus",
    "OrganisationCreate",
    "OrganisationPublic",
    "PageImportReport",
    "PageMatchRunPublic",
    "PageOrganisationPublic",
    "PageParticipantPublic",
    "PageProgrammePublic",
    "PageProposalPublic",
    "PageRelationshipPublic",
    "PageRematchOfferPublic",
    "ParticipantExport",
    "ParticipantPublic",
    "ParticipantPublicRole",
    "ParticipantPublicStatus",
    "ParticipantUpdate",
    "ProblemDetails",
    "ProblemDetailsErrorsType0Item",
    "ProgrammeCreate",
    "ProgrammeCreateMailOverrides",
    "ProgrammeCreateMailOverridesAdditionalProperty",
    "ProgrammePublic",
    "ProgrammePublicMailOverrides",
    "ProgrammePublicMailOverridesAdditionalProperty",
    "ProgrammeUpdate",
    "ProgrammeUpdateMailOverridesType0",
    "ProgrammeUpdateMailOverridesType0AdditionalProperty",
    "ProposalPublic",
    "ProposalPublicFormat",
    "ProposalRecord",
    "ProposalStatus",
    "ProposedMentee",
    "PublishResult",
    "Reach",
    "RelationshipPublic",
    "RelationshipStatus",
    "RematchOfferPublic",
    "RequestStatus",
    "Role",
    "RowError",
    "RunSummary",
    "SuggestedWeightsPublic",
    "SwapMentees",
    "UnmatchedMentee",
    "WeightLine",
    "Window",
)
