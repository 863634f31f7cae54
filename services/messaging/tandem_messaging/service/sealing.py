"""Opening and sealing content with the right container key and associated data."""

from __future__ import annotations

from uuid import UUID

from tandem_kit.crypto import Keyring, Sealed, SealedValue, item_aad, seal_text, unseal_text
from tandem_kit.errors import Gone
from tandem_messaging.domain.conversations import Conversation
from tandem_messaging.domain.forums import Forum
from tandem_messaging.domain.programmes import ProgrammeKeep

# Binds every ciphertext and wrapped key to messaging (and to this format's version).
CONTENT_NAMESPACE = "tandem.messaging/v1"


def conversation_key(keyring: Keyring, conversation: Conversation) -> bytes:
    if conversation.wrapped_key is None:
        raise Gone("This conversation's content was deleted.", code="retention_expired")
    return keyring.unwrap("conversation", conversation.id, conversation.wrapped_key)


def forum_key(keyring: Keyring, forum: Forum) -> bytes:
    if forum.wrapped_key is None:
        raise Gone("This forum's content was deleted.", code="retention_expired")
    return keyring.unwrap("forum", forum.id, forum.wrapped_key)


def programme_key(keyring: Keyring, programme: ProgrammeKeep) -> bytes:
    return keyring.unwrap("programme", programme.id, programme.wrapped_key)


def seal_item(
    key: bytes, kind: str, container_id: UUID, item_id: UUID, text: str, part: str = "body"
) -> Sealed:
    return seal_text(key, text, item_aad(CONTENT_NAMESPACE, kind, container_id, item_id, part))


def open_item(
    key: bytes,
    kind: str,
    container_id: UUID,
    item_id: UUID,
    sealed: SealedValue | None,
    part: str = "body",
) -> str | None:
    if sealed is None:
        return None
    return unseal_text(key, sealed, item_aad(CONTENT_NAMESPACE, kind, container_id, item_id, part))
