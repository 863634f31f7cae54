"""Answers and outcome statuses at rest: sealed under the programme's data key.

The kit's content encryption (``tandem_kit.crypto``: AES-256-GCM, the key wrapped by
the master key), one key per programme, each value bound to its row and part by its
associated data, so a ciphertext moved to another row or question does not open. A
programme's key, not the person's: the answers are opened only to compute the
programme's figures, and an erased person's answers stay as anonymous counts under
aggregate-only consent (their link to her goes; see service/erasure.py).
"""

from __future__ import annotations

from uuid import UUID

from sqlalchemy.ext.asyncio import AsyncSession

from tandem_analytics.adapters import check_in_plans as repo
from tandem_analytics.settings import AnalyticsSettings
from tandem_kit.crypto import Keyring, item_aad, seal_text, unseal_text
from tandem_kit.privacy import pack, unpack

CONTENT_NAMESPACE = "tandem.analytics/v1"
PROGRAMME_KEY = "programme-check-ins"
_KEYRINGS: dict[bytes, Keyring] = {}


def keyring(settings: AnalyticsSettings) -> Keyring:
    master = settings.master_key_bytes()
    if master not in _KEYRINGS:
        _KEYRINGS[master] = Keyring(master, namespace=CONTENT_NAMESPACE)
    return _KEYRINGS[master]


async def programme_key(
    session: AsyncSession, settings: AnalyticsSettings, programme_id: UUID
) -> bytes:
    """The programme's data key, made the first time it is needed."""
    ring = keyring(settings)
    wrapped = await repo.wrapped_key(session, programme_id)
    if wrapped is None:
        await repo.keep_key(
            session, programme_id, ring.new_wrapped_key(PROGRAMME_KEY, programme_id)
        )
        wrapped = await repo.wrapped_key(session, programme_id)
        assert wrapped is not None  # kept just now, or by a transaction that won the race
    return ring.unwrap(PROGRAMME_KEY, programme_id, wrapped)


def _answer_aad(programme_id: UUID, check_in_id: UUID, question: str) -> bytes:
    return item_aad(CONTENT_NAMESPACE, "check-in", programme_id, check_in_id, question)


def seal_answer(
    key: bytes, programme_id: UUID, check_in_id: UUID, question: str, value: int
) -> bytes:
    return pack(seal_text(key, str(value), _answer_aad(programme_id, check_in_id, question)))


def open_answer(
    key: bytes, programme_id: UUID, check_in_id: UUID, question: str, blob: bytes
) -> int:
    return int(unseal_text(key, unpack(blob), _answer_aad(programme_id, check_in_id, question)))


def _outcome_aad(programme_id: UUID, outcome_id: UUID) -> bytes:
    return item_aad(CONTENT_NAMESPACE, "outcome", programme_id, outcome_id, "status")


def seal_status(key: bytes, programme_id: UUID, outcome_id: UUID, status: str) -> bytes:
    return pack(seal_text(key, status, _outcome_aad(programme_id, outcome_id)))


def open_status(key: bytes, programme_id: UUID, outcome_id: UUID, blob: bytes) -> str:
    return unseal_text(key, unpack(blob), _outcome_aad(programme_id, outcome_id))
