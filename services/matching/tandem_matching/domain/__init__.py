"""The pure matching engine: profiles in, assignment + certificate + explanations out.

No I/O, no database, no Kafka, no web framework: the service layer converts its schemas
to :class:`Profile` / :class:`ProgrammePolicy`, calls :func:`run_matching` (typically
in a worker process, with ``progress`` and ``should_cancel``), and stores the result.
"""

from tandem_matching.domain.constraints import Breach, pair_breaches
from tandem_matching.domain.engine import run_matching
from tandem_matching.domain.greedy import GreedyResult, greedy_assignment
from tandem_matching.domain.groups import cluster_by_goals, form_groups
from tandem_matching.domain.profiles import (
    AvailabilityWindow,
    CountryPolicy,
    Criterion,
    FormatPreference,
    FormatsOffered,
    HardConstraint,
    Modality,
    Profile,
    ProgrammePolicy,
    Reach,
    Role,
)
from tandem_matching.domain.results import (
    MatchedPair,
    MatchResult,
    MatchRunCancelled,
    MentoringGroup,
    RunStats,
    Unmatched,
)
from tandem_matching.domain.review import explain_unmatched, move, swap, validate
from tandem_matching.domain.scoring import CriterionScore, ScoreExplanation, explain
from tandem_matching.domain.suggestions import Suggestion, suggest_mentors

__all__ = [
    "AvailabilityWindow",
    "Breach",
    "CountryPolicy",
    "Criterion",
    "CriterionScore",
    "FormatPreference",
    "FormatsOffered",
    "GreedyResult",
    "HardConstraint",
    "MatchResult",
    "MatchRunCancelled",
    "MatchedPair",
    "MentoringGroup",
    "Modality",
    "Profile",
    "ProgrammePolicy",
    "Reach",
    "Role",
    "RunStats",
    "ScoreExplanation",
    "Suggestion",
    "Unmatched",
    "cluster_by_goals",
    "explain",
    "explain_unmatched",
    "form_groups",
    "greedy_assignment",
    "move",
    "pair_breaches",
    "run_matching",
    "suggest_mentors",
    "swap",
    "validate",
]
