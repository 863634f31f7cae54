"""One-click RSVP links: a genuine one verifies and names its SEQUENCE; forged, tampered,
expired, malformed refused; version 1 links (no SEQUENCE) of mails sent before still verify."""

from __future__ import annotations

import base64
import hashlib
import hmac
import struct
from datetime import UTC, datetime, timedelta
from uuid import UUID, uuid4

import pytest
from hypothesis import given
from hypothesis import strategies as st

from tandem_meetings.domain.rsvp_links import (
    DOMAIN,
    RsvpExpired,
    RsvpForged,
    RsvpMalformed,
    RsvpResponse,
    derive_rsvp_secret,
    new_nonce,
    rsvp_expiry,
    rsvp_url,
    sign_rsvp,
    verify_rsvp,
)

MASTER_KEY = bytes(31) + b"\x01"
SECRET = derive_rsvp_secret(MASTER_KEY)
MEETING = UUID("0b7e7a9c-5d1e-4f2a-8c3b-9d4e5f6a7b8c")
ANA = UUID("6d1b0f3e-2f4a-4c1e-9a57-1f2e3d4c5b6a")
NOW = datetime(2027, 3, 20, 12, 0, tzinfo=UTC)
EXPIRES = datetime(2027, 3, 28, 9, 0, tzinfo=UTC)
NONCE = bytes.fromhex("00112233445566778899aabbccddeeff")


def token(response: RsvpResponse = RsvpResponse.ACCEPTED, **changes: object) -> str:
    values: dict[str, object] = {
        "secret": SECRET,
        "meeting_id": MEETING,
        "participant_id": ANA,
        "response": response,
        "expires_at": EXPIRES,
        "nonce": NONCE,
        "sequence": 3,
    }
    values.update(changes)
    return sign_rsvp(**values)  # type: ignore[arg-type]


def raw(value: str) -> bytearray:
    return bytearray(base64.urlsafe_b64decode(value + "=" * (-len(value) % 4)))


def encode(data: bytes) -> str:
    return base64.urlsafe_b64encode(data).rstrip(b"=").decode()


def _v1_token(expires_at: datetime = EXPIRES) -> bytes:
    """A version 1 token as mails sent before the SEQUENCE was signed carry it."""
    payload = struct.pack(
        ">B16s16sBq16s", 1, MEETING.bytes, ANA.bytes, 1, int(expires_at.timestamp()), NONCE
    )
    return payload + hmac.new(SECRET, DOMAIN + payload, hashlib.sha256).digest()


def test_the_secret_is_derived_from_the_master_key() -> None:
    # printf 'tandem.meetings/v1/rsvp-links' | openssl dgst -sha256 -mac HMAC \
    #   -macopt hexkey:0000000000000000000000000000000000000000000000000000000000000001
    assert SECRET.hex() == "91a96170fcaba212dcb239a52f6f0db5611aef764628ea8ff9d64db6ab0c641e"
    assert derive_rsvp_secret(bytes(32)) != SECRET
    with pytest.raises(ValueError, match="32 bytes"):
        derive_rsvp_secret(b"short")


@pytest.mark.parametrize("response", list(RsvpResponse))
def test_a_genuine_link_says_exactly_one_thing(response: RsvpResponse) -> None:
    value = token(response)
    assert len(value) == 126
    assert set(value) <= set("ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_")
    claim = verify_rsvp(SECRET, value, NOW)
    assert claim.meeting_id == MEETING
    assert claim.participant_id == ANA
    assert claim.response is response
    assert claim.expires_at == EXPIRES
    assert claim.nonce == NONCE
    assert claim.nonce_text == "00112233445566778899aabbccddeeff"
    assert claim.sequence == 3
    assert not claim.outdated(3)
    assert claim.outdated(4), "a link of an earlier invitation is outdated once it moved"


def test_each_answer_and_each_nonce_is_its_own_token() -> None:
    tokens = {token(response) for response in RsvpResponse}
    tokens |= {token(nonce=new_nonce()) for _ in range(100)}
    assert len(tokens) == 103
    assert len({verify_rsvp(SECRET, value, NOW).nonce for value in tokens}) == 101


def test_a_link_is_good_until_its_expiry_and_refused_from_then_on() -> None:
    value = token()
    assert verify_rsvp(SECRET, value, EXPIRES - timedelta(seconds=1)).response == "accepted"
    with pytest.raises(RsvpExpired) as refused:
        verify_rsvp(SECRET, value, EXPIRES)
    assert refused.value.expired_at == EXPIRES
    with pytest.raises(RsvpExpired):
        verify_rsvp(SECRET, value, EXPIRES + timedelta(days=30))


def test_a_wrong_secret_is_a_forgery() -> None:
    with pytest.raises(RsvpForged):
        verify_rsvp(derive_rsvp_secret(bytes(32)), token(), NOW)
    with pytest.raises(RsvpForged):
        verify_rsvp(SECRET, token(secret=derive_rsvp_secret(bytes(32))), NOW)


def test_an_expired_forgery_is_called_forged_not_expired() -> None:
    forged = token(secret=bytes(32), expires_at=NOW - timedelta(days=1))
    with pytest.raises(RsvpForged):
        verify_rsvp(SECRET, forged, NOW)


# Offsets of the fields in the signed layout (version 2).
FIELDS = {
    "meeting": 1,
    "participant": 17,
    "response": 33,
    "expires": 34,
    "sequence": 45,
    "nonce": 46,
    "mac": 62,
}


@pytest.mark.parametrize("field", list(FIELDS))
def test_a_tampered_field_is_refused(field: str) -> None:
    data = raw(token(RsvpResponse.DECLINED))
    data[FIELDS[field]] ^= 0x01  # declined (2) becomes tentative (3) for the response byte
    with pytest.raises(RsvpForged):
        verify_rsvp(SECRET, encode(bytes(data)), NOW)


def test_a_later_expiry_cannot_be_granted_by_editing_the_token() -> None:
    data = raw(token(expires_at=NOW - timedelta(hours=1)))
    data[34:42] = int((NOW + timedelta(days=365)).timestamp()).to_bytes(8, "big")
    with pytest.raises(RsvpForged):
        verify_rsvp(SECRET, encode(bytes(data)), NOW)


def test_a_later_sequence_cannot_be_claimed_by_editing_the_token() -> None:
    data = raw(token(sequence=0))
    data[42:46] = (1).to_bytes(4, "big")
    with pytest.raises(RsvpForged):
        verify_rsvp(SECRET, encode(bytes(data)), NOW)
    assert verify_rsvp(SECRET, token(sequence=2**32 - 1), NOW).sequence == 2**32 - 1


@given(position=st.integers(0, 93), flip=st.integers(1, 255))
def test_any_changed_byte_is_refused(position: int, flip: int) -> None:
    data = raw(token())
    data[position] ^= flip
    with pytest.raises((RsvpForged, RsvpMalformed)):
        verify_rsvp(SECRET, encode(bytes(data)), NOW)


@pytest.mark.parametrize(
    "value",
    [
        "",
        "not-a-token",
        token()[:-1],
        token() + "A",
        token() + "==",
        token()[:-2] + "==",
        token().replace(token()[10], "+", 1),
        token().replace(token()[10], "/", 1),
        token()[:-1] + "é",
        encode(b"\x03" + bytes(raw(token()))[1:]),  # an unknown version
        encode(b"\x02" + bytes(_v1_token())[1:]),  # version 2 in version 1's layout
    ],
)
def test_malformed_tokens_are_refused_as_such(value: str) -> None:
    with pytest.raises(RsvpMalformed):
        verify_rsvp(SECRET, value, NOW)


def test_signing_refuses_what_would_make_an_ambiguous_token() -> None:
    with pytest.raises(ValueError, match="aware"):
        token(expires_at=datetime(2027, 3, 28, 9, 0))
    with pytest.raises(ValueError, match="16 bytes"):
        token(nonce=b"short")
    with pytest.raises(ValueError, match="32 bytes"):
        token(secret=b"short")
    with pytest.raises(ValueError, match="sequence"):
        token(sequence=-1)
    with pytest.raises(ValueError, match="sequence"):
        token(sequence=2**32)
    with pytest.raises(ValueError, match="maybe"):
        token(response="maybe")  # type: ignore[arg-type]  # deliberately not a response


def test_links_expire_after_their_lifetime_or_at_the_start_whichever_is_first() -> None:
    starts = NOW + timedelta(days=3)
    assert rsvp_expiry(NOW, starts, timedelta(days=14)) == starts
    assert rsvp_expiry(NOW, starts, timedelta(hours=6)) == NOW + timedelta(hours=6)


def test_tokens_for_other_participants_and_meetings_differ() -> None:
    other = uuid4()
    assert verify_rsvp(SECRET, token(participant_id=other), NOW).participant_id == other
    assert verify_rsvp(SECRET, token(meeting_id=other), NOW).meeting_id == other
    assert token(participant_id=other) != token()


def test_the_link_in_a_mail_leads_to_the_rsvp_route_and_back_to_the_token() -> None:
    value = token()
    url = rsvp_url("https://meetings.example.org/", value)
    assert url == f"https://meetings.example.org/v1/rsvp/{value}"
    assert verify_rsvp(SECRET, url.rsplit("/", 1)[1], NOW).participant_id == ANA


def test_a_version_1_link_still_verifies_as_one_for_the_first_schedule() -> None:
    value = encode(_v1_token())
    assert len(value) == 120
    claim = verify_rsvp(SECRET, value, NOW)
    assert (claim.meeting_id, claim.participant_id, claim.response) == (
        MEETING,
        ANA,
        RsvpResponse.ACCEPTED,
    )
    assert claim.sequence is None
    assert not claim.outdated(0)
    assert claim.outdated(1)
    with pytest.raises(RsvpExpired):
        verify_rsvp(SECRET, encode(_v1_token(NOW)), NOW)
    tampered = bytearray(_v1_token())
    tampered[20] ^= 1
    with pytest.raises(RsvpForged):
        verify_rsvp(SECRET, encode(bytes(tampered)), NOW)
