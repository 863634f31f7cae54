"""Tables the kit keeps in every service's database.

They live on their own ``MetaData`` so that each service's Alembic environment
targets ``[service_metadata, kit_metadata]`` and its first migration calls
:func:`tandem_kit.db.migrations.create_kit_tables` instead of repeating them.
"""

from __future__ import annotations

from sqlalchemy import (
    JSON,
    BigInteger,
    Column,
    DateTime,
    Index,
    Integer,
    LargeBinary,
    MetaData,
    String,
    Table,
    Text,
    UniqueConstraint,
    text,
)

from tandem_kit.db.types import UtcDateTime

kit_metadata = MetaData()

# BigInteger ids autoincrement on PostgreSQL; SQLite only autoincrements INTEGER.
_BigId = BigInteger().with_variant(Integer(), "sqlite")

outbox_table = Table(
    "tandem_outbox",
    kit_metadata,
    Column("id", _BigId, primary_key=True, autoincrement=True),
    Column("event_id", String(36), nullable=False, unique=True),
    Column("topic", String(200), nullable=False),
    Column("key", String(200), nullable=False),
    Column("event_type", String(200), nullable=False),
    # NULL for a tombstone: a compacted record's key published with no value.
    Column("payload", LargeBinary, nullable=True),
    # Set when the payload carries someone's personal fields: it is then sealed under
    # that person's key (tandem_kit.privacy), so an erasure before the relay ran shreds it.
    Column("about", String(200), nullable=True),
    # CloudEvents attributes and the trace context captured when the row was written.
    Column("headers", JSON, nullable=False),
    Column("created_at", DateTime(timezone=True), nullable=False),
    # No sent flag: the relay deletes a row once Kafka acknowledged its event.
)

inbox_table = Table(
    "tandem_inbox",
    kit_metadata,
    Column("consumer", String(100), primary_key=True),
    Column("event_id", String(36), primary_key=True),
    Column("event_type", String(200), nullable=False),
    Column("processed_at", DateTime(timezone=True), nullable=False),
)

# One row per (caller, method, path, Idempotency-Key) whose request succeeded, written in
# the transaction of the request's effect (tandem_kit.idempotency): the stored response
# exists exactly when the effect does. ``scope_hash`` hashes the four (the key is the
# client's text of up to 255 characters; a fixed-size key keeps the index small).
idempotency_table = Table(
    "tandem_idempotency",
    kit_metadata,
    Column("scope_hash", String(64), primary_key=True),
    Column("request_hash", String(64), nullable=False),
    Column("status", Integer, nullable=False),
    # The response headers that matter to a client: [[name, value], ...] (ids, no names).
    Column("headers", JSON, nullable=False),
    # The body may name people: sealed under a data key of its own, which is wrapped by
    # the master key (tandem_kit.privacy); erasing a person it names deletes the row.
    Column("wrapped_key", LargeBinary, nullable=False),
    Column("body", LargeBinary, nullable=False),
    Column("created_at", UtcDateTime(), nullable=False),
    Index("ix_tandem_idempotency_created_at", "created_at"),
)

mail_outbox_table = Table(
    "tandem_mail_outbox",
    kit_metadata,
    Column("id", _BigId, primary_key=True, autoincrement=True),
    # A stable Message-ID: a mail re-sent after a crash is recognisably the same mail.
    Column("message_id", String(200), nullable=False),
    Column("template", String(100), nullable=False),
    # What a mail says names people (its recipient, the people it is about): recipient,
    # subject, bodies, attachments and headers are one sealed JSON document under the
    # mail's own data key, wrapped by the master key (tandem_kit.privacy). The keyed
    # hash of the address finds a recipient's mails without storing the address.
    Column("recipient_index", String(64), nullable=False),
    Column("wrapped_key", LargeBinary, nullable=False),
    Column("content", LargeBinary, nullable=False),
    # The language the mail is written in (the Content-Language header), if known.
    Column("language", String(35), nullable=True),
    Column("created_at", DateTime(timezone=True), nullable=False),
    Column("attempts", Integer, nullable=False, server_default=text("0")),
    # Not before: the retry backoff after a failure, or a relay's claim on the row.
    Column("next_attempt_at", DateTime(timezone=True), nullable=True),
    Column("last_error", Text, nullable=True),
    Column("sent_at", DateTime(timezone=True), nullable=True),
    Column("failed_at", DateTime(timezone=True), nullable=True),
    UniqueConstraint("message_id", name="uq_tandem_mail_outbox_message_id"),
    Index(
        "ix_tandem_mail_outbox_unsent",
        "id",
        postgresql_where=text("sent_at IS NULL AND failed_at IS NULL"),
        sqlite_where=text("sent_at IS NULL AND failed_at IS NULL"),
    ),
    Index("ix_tandem_mail_outbox_recipient", "recipient_index"),
)

# --- Personal data (tandem_kit.privacy) -------------------------------------------------
# A person's personal fields are sealed under their own data key, wrapped by the master
# key; erasing the person deletes the key (crypto-shredding: every copy of the
# ciphertext, in a live row, a dead row version or the write-ahead log, is unreadable).
person_keys_table = Table(
    "tandem_person_keys",
    kit_metadata,
    Column("person", String(200), primary_key=True),  # "participant:<uuid>", ...
    Column("wrapped_key", LargeBinary, nullable=False),
    Column("created_at", UtcDateTime(), nullable=False),
)

# The people each queued or sent mail names: erasing any of them deletes the mail.
mail_names_table = Table(
    "tandem_mail_names",
    kit_metadata,
    Column("mail_id", _BigId, primary_key=True),
    Column("person", String(200), primary_key=True),
    Index("ix_tandem_mail_names_person", "person"),
)

# The people whose personal fields a stored Idempotency-Key answer was made from.
idempotency_names_table = Table(
    "tandem_idempotency_names",
    kit_metadata,
    Column("scope_hash", String(64), primary_key=True),
    Column("person", String(200), primary_key=True),
    Index("ix_tandem_idempotency_names_person", "person"),
)

KIT_TABLES = (
    outbox_table,
    inbox_table,
    mail_outbox_table,
    idempotency_table,
    person_keys_table,
    mail_names_table,
    idempotency_names_table,
)
