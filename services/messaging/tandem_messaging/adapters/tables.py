"""The messaging service's tables (SQLAlchemy Core), mirrored by ``migrations/versions``.

Content columns are ``*_ciphertext`` + ``*_nonce`` pairs (AES-256-GCM under the
container's data key, see :mod:`tandem_kit.crypto`); no column
holds message, post, title, rule or report text in the clear. Per-container
counters (``message_seq``, ``thread_seq``, ``post_seq``) are bumped with an
``UPDATE … RETURNING`` so that concurrent writers get distinct, ordered numbers
and the update's row lock also serialises posting against closing.
"""

from __future__ import annotations

from datetime import datetime
from typing import Any

from sqlalchemy import (
    JSON,
    Boolean,
    Column,
    Date,
    ForeignKey,
    Index,
    Integer,
    LargeBinary,
    MetaData,
    String,
    Table,
    Text,
    UniqueConstraint,
    Uuid,
)

from tandem_kit.db.types import SUBJECT_LENGTH, UtcDateTime, uuid_pk
from tandem_kit.directory import add_directory_tables

metadata = MetaData()
add_directory_tables(metadata)

# A shorter local name for the subject length, used in every table below.
_SUBJECT = SUBJECT_LENGTH


def _author() -> tuple[Column[Any], ...]:
    """A forum author: nulled when erased (``author_erased`` then says so)."""
    return (
        Column("author_subject", String(_SUBJECT), nullable=True),
        Column("author_participant_id", Uuid(), nullable=True),
        Column("author_role", String(10), nullable=True),
        Column("author_erased", Boolean, nullable=False, default=False),
    )


def _at(name: str, nullable: bool = False) -> Column[datetime]:
    return Column(name, UtcDateTime(), nullable=nullable)


def _sealed(prefix: str) -> list[Column[bytes]]:
    return [
        Column(f"{prefix}_nonce", LargeBinary, nullable=True),
        Column(f"{prefix}_ciphertext", LargeBinary, nullable=True),
    ]


# What messaging keeps per programme beside the directory's copy of it (the kit's
# tandem_directory_* tables, added below): its data key and its retention choice.
programmes = Table(
    "programmes",
    metadata,
    uuid_pk(),
    Column("retention_days", Integer, nullable=True),  # null: the service default
    # The programme's own data key seals what managers may read: report notes, excerpts.
    *_sealed("wrapped_key"),
    _at("created_at"),
)

notification_preferences = Table(
    "notification_preferences",
    metadata,
    Column("subject", String(_SUBJECT), primary_key=True),
    Column("new_message", String(20), nullable=False),
    Column("digest_hour", Integer, nullable=False),
    Column("last_digest_on", Date, nullable=True),
    # How agreement requests reach a manager: digest (default) or immediate.
    Column("manager_mail", String(20), nullable=False, server_default="digest"),
    _at("updated_at"),
)

conversations = Table(
    "conversations",
    metadata,
    uuid_pk(),
    Column("relationship_id", Uuid(), nullable=False),
    Column("programme_id", Uuid(), nullable=False),
    Column("format", String(10), nullable=False),
    Column("status", String(10), nullable=False),  # open | read_only | purged
    *_sealed("wrapped_key"),
    Column("message_seq", Integer, nullable=False, default=0),
    _at("created_at"),
    _at("ended_at", nullable=True),
    _at("retention_until", nullable=True),
    _at("last_activity_at", nullable=True),
    UniqueConstraint("relationship_id", name="uq_conversations_relationship"),
    Index("ix_conversations_programme", "programme_id", "created_at", "id"),
)

conversation_members = Table(
    "conversation_members",
    metadata,
    Column("conversation_id", Uuid(), ForeignKey("conversations.id"), primary_key=True),
    Column("participant_id", Uuid(), primary_key=True),
    Column("subject", String(_SUBJECT), nullable=False),
    Column("role", String(10), nullable=False),
    Column("read_up_to", Integer, nullable=False, default=0),  # a message seq
    Column("introduced", Boolean, nullable=False, default=False),
    Index("ix_conversation_members_subject", "subject"),
    Index("ix_conversation_members_participant", "participant_id"),
)

messages = Table(
    "messages",
    metadata,
    uuid_pk(),
    Column("conversation_id", Uuid(), ForeignKey("conversations.id"), nullable=False),
    Column("seq", Integer, nullable=False),
    # Author columns are nulled when the author is erased (author_erased says so).
    Column("sender_participant_id", Uuid(), nullable=True),
    Column("sender_subject", String(_SUBJECT), nullable=True),
    Column("sender_role", String(10), nullable=True),
    Column("author_erased", Boolean, nullable=False, default=False),
    Column("in_reply_to", Uuid(), nullable=True),
    Column("text_format", String(10), nullable=False),
    Column("length", Integer, nullable=False),
    *_sealed("body"),
    _at("posted_at"),
    _at("edited_at", nullable=True),
    _at("deleted_at", nullable=True),
    UniqueConstraint("conversation_id", "seq", name="uq_messages_conversation_seq"),
    Index("ix_messages_sender_subject", "sender_subject"),
)

forums = Table(
    "forums",
    metadata,
    uuid_pk(),
    Column("programme_id", Uuid(), nullable=False),
    Column("relationship_id", Uuid(), nullable=True),  # set for a group's own forum
    Column("title", String(200), nullable=False),
    *_sealed("wrapped_key"),
    Column("thread_seq", Integer, nullable=False, default=0),
    _at("created_at"),
    Index("ix_forums_programme", "programme_id"),
)

forum_threads = Table(
    "forum_threads",
    metadata,
    uuid_pk(),
    Column("forum_id", Uuid(), ForeignKey("forums.id"), nullable=False),
    Column("seq", Integer, nullable=False),
    *_author(),
    *_sealed("title"),
    Column("locked", Boolean, nullable=False, default=False),
    Column("post_seq", Integer, nullable=False, default=0),
    _at("created_at"),
    _at("last_post_at"),
    UniqueConstraint("forum_id", "seq", name="uq_forum_threads_forum_seq"),
    Index("ix_forum_threads_author", "author_subject"),
)

forum_posts = Table(
    "forum_posts",
    metadata,
    uuid_pk(),
    Column("thread_id", Uuid(), ForeignKey("forum_threads.id"), nullable=False),
    Column("forum_id", Uuid(), ForeignKey("forums.id"), nullable=False),
    Column("seq", Integer, nullable=False),
    *_author(),
    Column("in_reply_to", Uuid(), nullable=True),
    Column("text_format", String(10), nullable=False),
    Column("length", Integer, nullable=False),
    *_sealed("body"),
    Column("hidden", Boolean, nullable=False, default=False),
    _at("hidden_at", nullable=True),
    _at("posted_at"),
    _at("deleted_at", nullable=True),
    UniqueConstraint("thread_id", "seq", name="uq_forum_posts_thread_seq"),
    Index("ix_forum_posts_author", "author_subject"),
)

reports = Table(
    "reports",
    metadata,
    uuid_pk(),
    Column("programme_id", Uuid(), nullable=False),
    Column("target_kind", String(10), nullable=False),  # message | post
    Column("container_id", Uuid(), nullable=False),  # conversation or forum
    Column("target_id", Uuid(), nullable=False),
    Column("target_author_participant_id", Uuid(), nullable=True),
    Column("target_author_role", String(10), nullable=True),
    Column("reporter_subject", String(_SUBJECT), nullable=True),
    Column("reporter_participant_id", Uuid(), nullable=True),
    Column("reporter_role", String(10), nullable=True),
    Column("reason", String(30), nullable=False),
    # Sealed with the programme's key: the manager reads these, nobody else.
    *_sealed("note"),
    *_sealed("excerpt"),
    Column("status", String(10), nullable=False),  # open | resolved
    _at("created_at"),
    _at("resolved_at", nullable=True),
    Index("ix_reports_programme", "programme_id", "created_at", "id"),
    Index("ix_reports_reporter", "reporter_subject"),
)

agreement_templates = Table(
    "agreement_templates",
    metadata,
    Column("programme_id", Uuid(), primary_key=True),
    Column("channels", JSON, nullable=False),
    Column("response_time_hours", Integer, nullable=False),
    Column("meeting_cadence_days", Integer, nullable=False),
    Column("confidentiality_statement", Text, nullable=False),
    Column("rules", JSON, nullable=False),  # the manager's standard rules, not private
    _at("updated_at"),
)

agreements = Table(
    "agreements",
    metadata,
    uuid_pk(),
    Column("relationship_id", Uuid(), nullable=False),
    Column("conversation_id", Uuid(), ForeignKey("conversations.id"), nullable=False),
    Column("programme_id", Uuid(), nullable=False),
    Column("version", Integer, nullable=False),
    Column("accepted_version", Integer, nullable=True),
    Column("closed", Boolean, nullable=False, default=False),
    _at("created_at"),
    UniqueConstraint("relationship_id", name="uq_agreements_relationship"),
)

# A manager's digest queue: one row per agreement version waiting for a manager, noted
# in the transaction that made it wait; the manager digest marks the rows it mailed.
manager_notices = Table(
    "manager_notices",
    metadata,
    Column("subject", String(_SUBJECT), primary_key=True),
    Column("agreement_id", Uuid(), ForeignKey("agreements.id"), primary_key=True),
    Column("version", Integer, primary_key=True),
    Column("programme_id", Uuid(), nullable=False),
    _at("noticed_at"),
    _at("digested_at", nullable=True),
    Index("ix_manager_notices_waiting", "digested_at", "noticed_at"),
)

agreement_versions = Table(
    "agreement_versions",
    metadata,
    Column("agreement_id", Uuid(), ForeignKey("agreements.id"), primary_key=True),
    Column("version", Integer, primary_key=True),
    Column("channels", JSON, nullable=False),
    Column("response_time_hours", Integer, nullable=False),
    Column("meeting_cadence_days", Integer, nullable=False),
    Column("confidentiality_statement", Text, nullable=False),
    # The members' own rules are private to the relationship: sealed with its key.
    *_sealed("rules"),
    Column("proposed_by_subject", String(_SUBJECT), nullable=True),
    Column("proposed_by_role", String(10), nullable=True),
    _at("created_at"),
    _at("accepted_at", nullable=True),
)

agreement_acceptances = Table(
    "agreement_acceptances",
    metadata,
    Column("agreement_id", Uuid(), ForeignKey("agreements.id"), primary_key=True),
    Column("version", Integer, primary_key=True),
    Column("subject", String(_SUBJECT), primary_key=True),
    Column("role", String(10), nullable=False),
    _at("accepted_at"),
)
