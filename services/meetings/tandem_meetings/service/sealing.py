"""Sealing a meeting's place, link and cancel note, each under the right key.

Place and link: under the relationship's data key (``tandem_kit.crypto``), bound to the
meeting and the part. They are the members' shared text; ending the relationship keeps
them readable for its members, and deleting its wrapped key would shred them all. A
cancel note: under its author's vault key (``tandem_kit.privacy``), so that erasing the
author shreds the words they wrote.
"""

from __future__ import annotations

import json
from uuid import UUID

from sqlalchemy.ext.asyncio import AsyncSession

from tandem_kit.crypto import Keyring, Sealed, item_aad, seal_text, unseal_text
from tandem_kit.privacy import participant, vault_of
from tandem_meetings.domain.meetings import Meeting
from tandem_meetings.domain.places import Place
from tandem_meetings.domain.relationships import Relationship
from tandem_meetings.domain.relationships import Sealed as SealedValue
from tandem_meetings.domain.video_links import GuestLink, VideoLink

# Binds every ciphertext and wrapped key to meetings (and to this format's version).
CONTENT_NAMESPACE = "tandem.meetings/v1"
RELATIONSHIP_KEY = "relationship"


def relationship_key(keyring: Keyring, relationship: Relationship) -> bytes:
    return keyring.unwrap(RELATIONSHIP_KEY, relationship.id, relationship.wrapped_key)


def _aad(relationship_id: UUID, meeting_id: UUID, part: str) -> bytes:
    return item_aad(CONTENT_NAMESPACE, "meeting", relationship_id, meeting_id, part)


def seal_place(
    key: bytes, relationship_id: UUID, meeting_id: UUID, place: Place | None
) -> Sealed | None:
    if place is None:
        return None
    text = json.dumps({"name": place.name, "address": place.address, "notes": place.notes})
    return seal_text(key, text, _aad(relationship_id, meeting_id, "place"))


def open_place(key: bytes, meeting: Meeting) -> Place | None:
    if meeting.place is None:
        return None
    raw = json.loads(
        unseal_text(key, meeting.place, _aad(meeting.relationship_id, meeting.id, "place"))
    )
    return Place(name=raw["name"], address=raw["address"], notes=raw["notes"])


def seal_link(key: bytes, meeting: Meeting, link: VideoLink) -> Sealed:
    text = json.dumps(
        {
            "provider": link.provider,
            "join_url": link.join_url,
            "moderator_url": link.moderator_url,
            "room": link.room,
            "create_url": link.create_url,
            "guests": {str(g.participant_id): g.url for g in link.guest_links},
        }
    )
    return seal_text(key, text, _aad(meeting.relationship_id, meeting.id, "link"))


def open_link(key: bytes, meeting: Meeting) -> VideoLink | None:
    sealed: SealedValue | None = meeting.link
    if sealed is None:
        return None
    raw = json.loads(unseal_text(key, sealed, _aad(meeting.relationship_id, meeting.id, "link")))
    return VideoLink(
        provider=raw["provider"],
        join_url=raw["join_url"],
        moderator_url=raw["moderator_url"],
        room=raw["room"],
        create_url=raw["create_url"],
        guest_links=tuple(GuestLink(UUID(p), url) for p, url in raw["guests"].items()),
    )


def _note_field(meeting_id: UUID) -> str:
    return f"meeting/{meeting_id}/cancel_note"


async def seal_note(
    session: AsyncSession, author: UUID, meeting_id: UUID, note: str | None
) -> bytes | None:
    return await vault_of(session).seal(session, participant(author), _note_field(meeting_id), note)


async def open_note(session: AsyncSession, meeting: Meeting) -> str | None:
    if meeting.cancel_note is None or meeting.cancel_note_author is None:
        return None
    return await vault_of(session).open(
        session,
        participant(meeting.cancel_note_author),
        _note_field(meeting.id),
        meeting.cancel_note,
    )
