"""Programmes' keys and retention, conversations and messages, forums, reports,
communication agreements, notification preferences, the kit's tables and its directory.

Ids are UUIDs (native on PostgreSQL); edited in place, pre-release.

Revision ID: 0001
"""

import sqlalchemy as sa
from alembic import op

from tandem_kit.db.migrations import create_kit_tables, drop_kit_tables
from tandem_kit.directory import create_directory_tables, drop_directory_tables
from tandem_messaging.adapters.tables import UtcDateTime

revision = "0001"
down_revision = None
branch_labels = None
depends_on = None

SUBJECT = 200


def _id(name: str = "id") -> sa.Column:
    return sa.Column(name, sa.Uuid(), primary_key=True)


def _ref(name: str, nullable: bool = False) -> sa.Column:
    return sa.Column(name, sa.Uuid(), nullable=nullable)


def _fk(name: str, target: str, primary_key: bool = False) -> sa.Column:
    return sa.Column(
        name, sa.Uuid(), sa.ForeignKey(target), nullable=False, primary_key=primary_key
    )


def _at(name: str, nullable: bool = False) -> sa.Column:
    return sa.Column(name, UtcDateTime(), nullable=nullable)


def _sealed(prefix: str) -> list[sa.Column]:
    return [
        sa.Column(f"{prefix}_nonce", sa.LargeBinary, nullable=True),
        sa.Column(f"{prefix}_ciphertext", sa.LargeBinary, nullable=True),
    ]


def _author(prefix: str) -> list[sa.Column]:
    return [
        sa.Column(f"{prefix}_subject", sa.String(SUBJECT), nullable=True),
        sa.Column(f"{prefix}_participant_id", sa.Uuid(), nullable=True),
        sa.Column(f"{prefix}_role", sa.String(10), nullable=True),
        sa.Column("author_erased", sa.Boolean, nullable=False),
    ]


def upgrade() -> None:
    create_kit_tables()
    create_directory_tables()
    op.create_table(
        "programmes",
        _id(),
        sa.Column("retention_days", sa.Integer, nullable=True),
        *_sealed("wrapped_key"),
        _at("created_at"),
    )
    op.create_table(
        "notification_preferences",
        sa.Column("subject", sa.String(SUBJECT), primary_key=True),
        sa.Column("new_message", sa.String(20), nullable=False),
        sa.Column("digest_hour", sa.Integer, nullable=False),
        sa.Column("last_digest_on", sa.Date, nullable=True),
        sa.Column("manager_mail", sa.String(20), nullable=False, server_default="digest"),
        _at("updated_at"),
    )
    op.create_table(
        "conversations",
        _id(),
        _ref("relationship_id"),
        _ref("programme_id"),
        sa.Column("format", sa.String(10), nullable=False),
        sa.Column("status", sa.String(10), nullable=False),
        *_sealed("wrapped_key"),
        sa.Column("message_seq", sa.Integer, nullable=False),
        _at("created_at"),
        _at("ended_at", nullable=True),
        _at("retention_until", nullable=True),
        _at("last_activity_at", nullable=True),
        sa.UniqueConstraint("relationship_id", name="uq_conversations_relationship"),
    )
    op.create_index(
        "ix_conversations_programme", "conversations", ["programme_id", "created_at", "id"]
    )
    op.create_table(
        "conversation_members",
        _fk("conversation_id", "conversations.id", primary_key=True),
        sa.Column("participant_id", sa.Uuid(), primary_key=True),
        sa.Column("subject", sa.String(SUBJECT), nullable=False),
        sa.Column("role", sa.String(10), nullable=False),
        sa.Column("read_up_to", sa.Integer, nullable=False),
        sa.Column("introduced", sa.Boolean, nullable=False),
    )
    op.create_index("ix_conversation_members_subject", "conversation_members", ["subject"])
    op.create_index(
        "ix_conversation_members_participant", "conversation_members", ["participant_id"]
    )
    op.create_table(
        "messages",
        _id(),
        _fk("conversation_id", "conversations.id"),
        sa.Column("seq", sa.Integer, nullable=False),
        *_author("sender"),
        _ref("in_reply_to", nullable=True),
        sa.Column("text_format", sa.String(10), nullable=False),
        sa.Column("length", sa.Integer, nullable=False),
        *_sealed("body"),
        _at("posted_at"),
        _at("edited_at", nullable=True),
        _at("deleted_at", nullable=True),
        sa.UniqueConstraint("conversation_id", "seq", name="uq_messages_conversation_seq"),
    )
    op.create_index("ix_messages_sender_subject", "messages", ["sender_subject"])
    op.create_table(
        "forums",
        _id(),
        _ref("programme_id"),
        _ref("relationship_id", nullable=True),
        sa.Column("title", sa.String(200), nullable=False),
        *_sealed("wrapped_key"),
        sa.Column("thread_seq", sa.Integer, nullable=False),
        _at("created_at"),
    )
    op.create_index("ix_forums_programme", "forums", ["programme_id"])
    op.create_table(
        "forum_threads",
        _id(),
        _fk("forum_id", "forums.id"),
        sa.Column("seq", sa.Integer, nullable=False),
        *_author("author"),
        *_sealed("title"),
        sa.Column("locked", sa.Boolean, nullable=False),
        sa.Column("post_seq", sa.Integer, nullable=False),
        _at("created_at"),
        _at("last_post_at"),
        sa.UniqueConstraint("forum_id", "seq", name="uq_forum_threads_forum_seq"),
    )
    op.create_index("ix_forum_threads_author", "forum_threads", ["author_subject"])
    op.create_table(
        "forum_posts",
        _id(),
        _fk("thread_id", "forum_threads.id"),
        _fk("forum_id", "forums.id"),
        sa.Column("seq", sa.Integer, nullable=False),
        *_author("author"),
        _ref("in_reply_to", nullable=True),
        sa.Column("text_format", sa.String(10), nullable=False),
        sa.Column("length", sa.Integer, nullable=False),
        *_sealed("body"),
        sa.Column("hidden", sa.Boolean, nullable=False),
        _at("hidden_at", nullable=True),
        _at("posted_at"),
        _at("deleted_at", nullable=True),
        sa.UniqueConstraint("thread_id", "seq", name="uq_forum_posts_thread_seq"),
    )
    op.create_index("ix_forum_posts_author", "forum_posts", ["author_subject"])
    op.create_table(
        "reports",
        _id(),
        _ref("programme_id"),
        sa.Column("target_kind", sa.String(10), nullable=False),
        _ref("container_id"),
        _ref("target_id"),
        _ref("target_author_participant_id", nullable=True),
        sa.Column("target_author_role", sa.String(10), nullable=True),
        sa.Column("reporter_subject", sa.String(SUBJECT), nullable=True),
        _ref("reporter_participant_id", nullable=True),
        sa.Column("reporter_role", sa.String(10), nullable=True),
        sa.Column("reason", sa.String(30), nullable=False),
        *_sealed("note"),
        *_sealed("excerpt"),
        sa.Column("status", sa.String(10), nullable=False),
        _at("created_at"),
        _at("resolved_at", nullable=True),
    )
    op.create_index("ix_reports_programme", "reports", ["programme_id", "created_at", "id"])
    op.create_index("ix_reports_reporter", "reports", ["reporter_subject"])
    op.create_table(
        "agreement_templates",
        sa.Column("programme_id", sa.Uuid(), primary_key=True),
        sa.Column("channels", sa.JSON, nullable=False),
        sa.Column("response_time_hours", sa.Integer, nullable=False),
        sa.Column("meeting_cadence_days", sa.Integer, nullable=False),
        sa.Column("confidentiality_statement", sa.Text, nullable=False),
        sa.Column("rules", sa.JSON, nullable=False),
        _at("updated_at"),
    )
    op.create_table(
        "agreements",
        _id(),
        _ref("relationship_id"),
        _fk("conversation_id", "conversations.id"),
        _ref("programme_id"),
        sa.Column("version", sa.Integer, nullable=False),
        sa.Column("accepted_version", sa.Integer, nullable=True),
        sa.Column("closed", sa.Boolean, nullable=False),
        _at("created_at"),
        sa.UniqueConstraint("relationship_id", name="uq_agreements_relationship"),
    )
    op.create_table(
        "manager_notices",
        sa.Column("subject", sa.String(SUBJECT), primary_key=True),
        _fk("agreement_id", "agreements.id", primary_key=True),
        sa.Column("version", sa.Integer, primary_key=True),
        _ref("programme_id"),
        _at("noticed_at"),
        _at("digested_at", nullable=True),
    )
    op.create_index("ix_manager_notices_waiting", "manager_notices", ["digested_at", "noticed_at"])
    op.create_table(
        "agreement_versions",
        _fk("agreement_id", "agreements.id", primary_key=True),
        sa.Column("version", sa.Integer, primary_key=True),
        sa.Column("channels", sa.JSON, nullable=False),
        sa.Column("response_time_hours", sa.Integer, nullable=False),
        sa.Column("meeting_cadence_days", sa.Integer, nullable=False),
        sa.Column("confidentiality_statement", sa.Text, nullable=False),
        *_sealed("rules"),
        sa.Column("proposed_by_subject", sa.String(SUBJECT), nullable=True),
        sa.Column("proposed_by_role", sa.String(10), nullable=True),
        _at("created_at"),
        _at("accepted_at", nullable=True),
    )
    op.create_table(
        "agreement_acceptances",
        _fk("agreement_id", "agreements.id", primary_key=True),
        sa.Column("version", sa.Integer, primary_key=True),
        sa.Column("subject", sa.String(SUBJECT), primary_key=True),
        sa.Column("role", sa.String(10), nullable=False),
        _at("accepted_at"),
    )


def downgrade() -> None:
    for table in (
        "agreement_acceptances",
        "agreement_versions",
        "manager_notices",
        "agreements",
        "agreement_templates",
        "reports",
        "forum_posts",
        "forum_threads",
        "forums",
        "messages",
        "conversation_members",
        "conversations",
        "notification_preferences",
        "programmes",
    ):
        op.drop_table(table)
    drop_directory_tables()
    drop_kit_tables()
