"""Envelope encryption: data keys wrapped by the master key, content bound to its place."""

from __future__ import annotations

import os
import uuid

import pytest

from tandem_kit.crypto import (
    ContentUnreadable,
    Keyring,
    Sealed,
    item_aad,
    seal_text,
    unseal_text,
)

CONVERSATION, OTHER = uuid.uuid4(), uuid.uuid4()
NS = "tandem.test/v1"


def test_content_round_trips_and_ciphertext_is_not_the_text() -> None:
    keyring = Keyring(os.urandom(32), namespace=NS)
    wrapped = keyring.new_wrapped_key("conversation", CONVERSATION)
    key = keyring.unwrap("conversation", CONVERSATION, wrapped)
    message = uuid.uuid4()
    sealed = seal_text(
        key, "Grüße — ¿qué tal? 你好", item_aad(NS, "message", CONVERSATION, message)
    )
    assert b"qu\xc3\xa9" not in sealed.ciphertext
    assert len(sealed.nonce) == 12
    assert unseal_text(key, sealed, item_aad(NS, "message", CONVERSATION, message)) == (
        "Grüße — ¿qué tal? 你好"
    )
    again = seal_text(key, "Grüße — ¿qué tal? 你好", item_aad(NS, "message", CONVERSATION, message))
    assert again.ciphertext != sealed.ciphertext, "a fresh nonce every time"


def test_ciphertext_moved_to_another_message_or_conversation_does_not_open() -> None:
    keyring = Keyring(os.urandom(32), namespace=NS)
    key = keyring.unwrap(
        "conversation", CONVERSATION, keyring.new_wrapped_key("conversation", CONVERSATION)
    )
    message = uuid.uuid4()
    sealed = seal_text(key, "secret", item_aad(NS, "message", CONVERSATION, message))
    for elsewhere in (
        item_aad(NS, "message", CONVERSATION, uuid.uuid4()),
        item_aad(NS, "message", OTHER, message),
        item_aad(NS, "post", CONVERSATION, message),
    ):
        with pytest.raises(ContentUnreadable):
            unseal_text(key, sealed, elsewhere)
    tampered = Sealed(sealed.nonce, sealed.ciphertext[:-1] + bytes([sealed.ciphertext[-1] ^ 1]))
    with pytest.raises(ContentUnreadable):
        unseal_text(key, tampered, item_aad(NS, "message", CONVERSATION, message))


def test_a_wrapped_key_opens_only_with_its_master_key_and_for_its_container() -> None:
    keyring = Keyring(os.urandom(32), namespace=NS)
    wrapped = keyring.new_wrapped_key("conversation", CONVERSATION)
    assert len(keyring.unwrap("conversation", CONVERSATION, wrapped)) == 32
    with pytest.raises(ContentUnreadable, match="master key"):
        Keyring(os.urandom(32), namespace=NS).unwrap("conversation", CONVERSATION, wrapped)
    with pytest.raises(ContentUnreadable):
        keyring.unwrap("conversation", OTHER, wrapped)
    with pytest.raises(ContentUnreadable):
        keyring.unwrap("forum", CONVERSATION, wrapped)
    with pytest.raises(ValueError, match="32 bytes"):
        Keyring(b"short", namespace=NS)


def test_a_ciphertext_opens_only_in_the_service_that_sealed_it() -> None:
    master = os.urandom(32)
    mine, theirs = Keyring(master, namespace=NS), Keyring(master, namespace="tandem.other/v1")
    wrapped = mine.new_wrapped_key("conversation", CONVERSATION)
    with pytest.raises(ContentUnreadable):
        theirs.unwrap("conversation", CONVERSATION, wrapped)
    key = mine.unwrap("conversation", CONVERSATION, wrapped)
    sealed = seal_text(key, "secret", item_aad(NS, "message", CONVERSATION, OTHER))
    with pytest.raises(ContentUnreadable):
        unseal_text(key, sealed, item_aad("tandem.other/v1", "message", CONVERSATION, OTHER))
