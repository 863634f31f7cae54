"""Contact details, on ``tandem.contacts.v1`` only: a compacted topic keyed by participant.

Domain topics (``tandem.matching.v1``) carry ids and facts; how to reach a person
travels here, so that erasure can remove it from the broker. Matching publishes a
participant's contact on registration and on every update (the latest value per
participant is what compaction keeps), and on erasure a **tombstone**: a record with
the participant id as key, the CloudEvents headers of this type and no value. The
log cleaner then drops every earlier value of that key within the bound the topic's
settings give (README, "Privacy"). A tombstone is published only on erasure, so a
consumer treats it as the erasure itself, whichever of it and
``tandem.participant.erased.v1`` arrives first.
"""

from __future__ import annotations

from typing import ClassVar
from uuid import UUID

from pydantic import Field

from tandem_contracts.base import Event
from tandem_contracts.common import Contact, Role
from tandem_contracts.topics import CONTACTS_TOPIC


class ParticipantContact(Event):
    """How to reach a participant (name, e-mail, language, time zone, city; LinkedIn if shared)."""

    event_type: ClassVar = "tandem.participant.contact.v1"
    producer: ClassVar = "matching"
    compacted: ClassVar = True

    participant_id: UUID = Field(description="The key: one value per participant.")
    role: Role
    contact: Contact
    linkedin_url: str | None = Field(
        default=None, description="Only present when the participant consented to share it."
    )
    city: str | None = Field(
        default=None,
        description="Where the person lives, if they said: face-to-face places are suggested "
        "from the members' cities. Personal, so it travels here, where erasure tombstones it.",
    )

    @classmethod
    def topic(cls) -> str:
        return CONTACTS_TOPIC

    def partition_key(self) -> str:
        """The participant id: compaction keeps the latest value, or tombstone, per key."""
        return str(self.participant_id)
