"""Content encryption at rest: per-container data keys wrapped by a master key."""

from tandem_kit.crypto.envelope import (
    KEY_BYTES,
    NONCE_BYTES,
    ContentUnreadable,
    Keyring,
    Sealed,
    SealedValue,
    container_key_aad,
    item_aad,
    new_data_key,
    seal,
    seal_text,
    unseal,
    unseal_text,
)

__all__ = [
    "KEY_BYTES",
    "NONCE_BYTES",
    "ContentUnreadable",
    "Keyring",
    "Sealed",
    "SealedValue",
    "container_key_aad",
    "item_aad",
    "new_data_key",
    "seal",
    "seal_text",
    "unseal",
    "unseal_text",
]
