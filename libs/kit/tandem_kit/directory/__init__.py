"""A consuming service's local copy of matching's programmes, managers and participants.

What it holds is no more than matching's events and the contacts topic carry; a
participant's contact goes when they are erased (``participant.erased`` or the
contact's tombstone, whichever comes first), and the mark of their erasure keeps late
events from bringing it back.
A service adds the tables to its metadata (``add_directory_tables``), creates them
in its first revision (``create_directory_tables``), registers the handlers on its
``Handlers`` (``register_directory``, with hooks for its own work) and looks people
up with the functions of :mod:`tandem_kit.directory.store`.
"""

from tandem_kit.directory.handlers import DIRECTORY_TOPICS, participant_of, register_directory
from tandem_kit.directory.records import Contact, Erasure, Participant, Programme
from tandem_kit.directory.store import (
    contact_of_subject,
    erase_participant,
    erased_among,
    is_erased,
    know_programme,
    managers_of,
    participant,
    participant_in_programme,
    participants_by_id,
    programme,
    subject_participates,
)
from tandem_kit.directory.tables import (
    add_directory_tables,
    create_directory_tables,
    drop_directory_tables,
)

__all__ = [
    "DIRECTORY_TOPICS",
    "Contact",
    "Erasure",
    "Participant",
    "Programme",
    "add_directory_tables",
    "contact_of_subject",
    "create_directory_tables",
    "drop_directory_tables",
    "erase_participant",
    "erased_among",
    "is_erased",
    "know_programme",
    "managers_of",
    "participant",
    "participant_in_programme",
    "participant_of",
    "participants_by_id",
    "programme",
    "register_directory",
    "subject_participates",
]
