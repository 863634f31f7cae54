"""Envelope encryption of content at rest (AES-256-GCM).

Each container (a conversation, a forum, a programme; later a meeting's notes or a
survey) has its own random *data key*; its content is sealed with it. The data key
is stored only *wrapped* (sealed) by the service's *master key*, which lives in the
settings, never in the database. Associated data binds every ciphertext to where it
belongs (the service's namespace, the container and the item id), so a ciphertext
copied onto another row or container fails to open instead of showing up in the
wrong place. Deleting a container's wrapped key crypto-shreds all its content.
"""

from __future__ import annotations

import os
from dataclasses import dataclass
from typing import Protocol
from uuid import UUID

from cryptography.exceptions import InvalidTag
from cryptography.hazmat.primitives.ciphers.aead import AESGCM

KEY_BYTES = 32
NONCE_BYTES = 12  # the size GCM is designed for; random per seal (2^-32 budget is far away)


class ContentUnreadable(Exception):
    """A ciphertext failed authentication: wrong key, wrong place, or tampered with."""


class SealedValue(Protocol):
    """Anything holding a nonce and a ciphertext: a service's records may carry sealed
    content in a type of their own (their domain does not import the kit)."""

    @property
    def nonce(self) -> bytes: ...

    @property
    def ciphertext(self) -> bytes: ...


@dataclass(frozen=True, slots=True)
class Sealed:
    nonce: bytes
    ciphertext: bytes


def new_data_key() -> bytes:
    return AESGCM.generate_key(bit_length=KEY_BYTES * 8)


def seal(key: bytes, plaintext: bytes, associated_data: bytes) -> Sealed:
    nonce = os.urandom(NONCE_BYTES)
    return Sealed(nonce, AESGCM(key).encrypt(nonce, plaintext, associated_data))


def unseal(key: bytes, sealed: SealedValue, associated_data: bytes) -> bytes:
    try:
        return AESGCM(key).decrypt(sealed.nonce, sealed.ciphertext, associated_data)
    except InvalidTag as error:
        raise ContentUnreadable("ciphertext does not open with this key here") from error


def seal_text(key: bytes, text: str, associated_data: bytes) -> Sealed:
    return seal(key, text.encode(), associated_data)


def unseal_text(key: bytes, sealed: SealedValue, associated_data: bytes) -> str:
    return unseal(key, sealed, associated_data).decode()


# --- What each ciphertext is bound to -------------------------------------------------
# ``namespace`` names the service and the format version, e.g. "tandem.messaging/v1".


def container_key_aad(namespace: str, kind: str, container_id: UUID | str) -> bytes:
    """For a wrapped data key: ``kind`` says what the container is (conversation, forum…)."""
    return f"{namespace}/key/{kind}/{container_id}".encode()


def item_aad(
    namespace: str, kind: str, container_id: UUID | str, item_id: UUID | str, part: str = "body"
) -> bytes:
    """For one piece of content: a message, a post, a thread title, a report note…"""
    return f"{namespace}/{kind}/{container_id}/{item_id}/{part}".encode()


class Keyring:
    """Creates and unwraps a service's data keys under its master key."""

    def __init__(self, master_key: bytes, *, namespace: str) -> None:
        if len(master_key) != KEY_BYTES:
            raise ValueError(f"the master key must be {KEY_BYTES} bytes")
        self._master = master_key
        self.namespace = namespace

    def new_wrapped_key(self, kind: str, container_id: UUID | str) -> Sealed:
        """A fresh data key for a container, wrapped for storage beside it."""
        return seal(
            self._master, new_data_key(), container_key_aad(self.namespace, kind, container_id)
        )

    def unwrap(self, kind: str, container_id: UUID | str, wrapped: SealedValue) -> bytes:
        try:
            return unseal(
                self._master, wrapped, container_key_aad(self.namespace, kind, container_id)
            )
        except ContentUnreadable as error:
            raise ContentUnreadable(
                f"the {kind} key of {container_id} does not open with the configured master key"
            ) from error
