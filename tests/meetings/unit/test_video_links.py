"""Video links: Jitsi rooms and tokens, BigBlueButton URLs against fixed vectors, templates."""

from __future__ import annotations

import base64
from datetime import UTC, datetime, timedelta
from urllib.parse import parse_qs, urlsplit
from uuid import UUID

import jwt
import pytest
from pydantic import ValidationError

from tandem_meetings.domain.video_links import (
    ROOM_ALPHABET,
    BigBlueButtonProvider,
    JitsiProvider,
    ProviderUnavailable,
    StaticTemplateProvider,
    VideoGuest,
    VideoLinkRequest,
    new_room,
    provider_from_settings,
)
from tandem_meetings.settings import MeetingsSettings

MEETING = UUID("0b7e7a9c-5d1e-4f2a-8c3b-9d4e5f6a7b8c")
ANA = UUID("6d1b0f3e-2f4a-4c1e-9a57-1f2e3d4c5b6a")
CHEN = UUID("2a3b4c5d-6e7f-4a8b-9c0d-1e2f3a4b5c6d")
MENTOR = UUID("9f8e7d6c-5b4a-4392-8170-6f5e4d3c2b1a")
STARTS = datetime(2027, 3, 28, 9, 0, tzinfo=UTC)
JWT_SECRET = "s3cret-of-the-prosody-token-plugin-0123456789"


def counting_bytes(size: int) -> bytes:
    """A fixed 'random' source: bytes 0, 1, 2, ... so rooms and URLs are known in advance."""
    return bytes(range(size))


def request(**changes: object) -> VideoLinkRequest:
    values: dict[str, object] = {
        "meeting_id": MEETING,
        "title": "Kick-off: Ana & Ben",
        "starts_at": STARTS,
        "ends_at": STARTS + timedelta(hours=1),
        "moderator_name": "Ben Mentor",
        "moderator_email": "ben@example.org",
        "moderator_id": MENTOR,
        "attendees": (
            VideoGuest(ANA, "Ana Ñ", "ana@example.org"),
            VideoGuest(CHEN, "Chen", None),
        ),
    }
    values.update(changes)
    return VideoLinkRequest(**values)  # type: ignore[arg-type]


def settings(**values: object) -> MeetingsSettings:
    return MeetingsSettings(**values)  # type: ignore[arg-type]


# --- Rooms -------------------------------------------------------------------------------


def test_rooms_carry_at_least_128_random_bits_and_never_repeat() -> None:
    rooms = [new_room() for _ in range(1000)]
    assert len(set(rooms)) == 1000
    for room in rooms:
        assert len(room) == 32
        assert set(room) <= ROOM_ALPHABET
        # 32 base32 characters are 160 bits: every room decodes back to 20 random bytes.
        assert len(base64.b32decode(room.upper())) * 8 >= 128


def test_a_short_random_source_is_refused_rather_than_a_weak_room() -> None:
    with pytest.raises(ProviderUnavailable):
        new_room(lambda size: b"\x00" * 8)


def test_a_meeting_must_end_after_it_starts_in_aware_time() -> None:
    with pytest.raises(ValueError, match="after"):
        request(ends_at=STARTS)
    with pytest.raises(ValueError, match="aware"):
        request(starts_at=datetime(2027, 3, 28, 9, 0))


# --- Jitsi -------------------------------------------------------------------------------


def test_jitsi_without_tokens_is_an_open_room_under_the_base_url() -> None:
    link = JitsiProvider("https://meet.example.org/").link(request(), counting_bytes)
    assert link.provider == "jitsi"
    assert link.room == "aaaqeayeaudaocajbifqydiob4ibceqt"
    assert link.join_url == "https://meet.example.org/aaaqeayeaudaocajbifqydiob4ibceqt"
    assert link.moderator_url is None
    assert link.url_for(ANA) == link.join_url


def decode(url: str, *, audience: str = "jitsi") -> dict[str, object]:
    token = parse_qs(urlsplit(url).query)["jwt"][0]
    claims: dict[str, object] = jwt.decode(
        token, JWT_SECRET, algorithms=["HS256"], audience=audience
    )
    return claims


def test_jitsi_tokens_make_only_the_mentor_moderator() -> None:
    provider = JitsiProvider(
        "https://meet.example.org", app_id="tandem", app_secret=JWT_SECRET, audience="jitsi"
    )
    link = provider.link(request())
    assert link.moderator_url is not None
    for url in (link.join_url, link.moderator_url, link.url_for(ANA), link.url_for(CHEN)):
        assert url.startswith(f"https://meet.example.org/{link.room}?jwt=")

    mentor = decode(link.moderator_url)
    assert mentor["iss"] == "tandem"
    assert mentor["aud"] == "jitsi"
    assert mentor["sub"] == "meet.example.org"
    assert mentor["room"] == link.room
    assert mentor["exp"] == int((STARTS + timedelta(hours=2)).timestamp())  # end + 1 h grace
    assert mentor["context"] == {
        "user": {"name": "Ben Mentor", "email": "ben@example.org", "id": str(MENTOR),
                 "moderator": True}
    }  # fmt: skip

    ana = decode(link.url_for(ANA))
    assert ana["context"] == {
        "user": {"id": str(ANA), "name": "Ana Ñ", "email": "ana@example.org", "moderator": False}
    }
    chen = decode(link.url_for(CHEN))
    assert chen["context"] == {"user": {"id": str(CHEN), "name": "Chen", "moderator": False}}
    assert decode(link.join_url)["context"] == {"user": {"moderator": False}}
    assert {ana["room"], chen["room"]} == {link.room}
    # Each attendee's token is their own, and none of them is the mentor's.
    urls = {link.join_url, link.moderator_url, link.url_for(ANA), link.url_for(CHEN)}
    assert len(urls) == 4


def test_jitsi_tokens_do_not_verify_under_another_secret() -> None:
    provider = JitsiProvider("https://meet.example.org", app_id="tandem", app_secret=JWT_SECRET)
    token = parse_qs(urlsplit(provider.link(request()).join_url).query)["jwt"][0]
    with pytest.raises(jwt.InvalidSignatureError):
        jwt.decode(token, JWT_SECRET + "x", algorithms=["HS256"], audience="jitsi")


def test_jitsi_token_configuration_must_be_whole_and_strong() -> None:
    with pytest.raises(ProviderUnavailable, match="both"):
        JitsiProvider("https://meet.example.org", app_id="tandem")
    with pytest.raises(ProviderUnavailable, match="32"):
        JitsiProvider("https://meet.example.org", app_id="tandem", app_secret="short")
    with pytest.raises(ProviderUnavailable, match="https"):
        JitsiProvider("ftp://meet.example.org")


# --- BigBlueButton: vectors computed by hand in a shell, not by the code -----------------

BBB_SECRET = "639259d4-9dd8-4b25-bf01-95f9567eaf4b"
BBB = "https://bbb.example.org/bigbluebutton/api"
# printf '\x00\x01...\x13' | base32 | tr A-Z a-z     (the counting source's 20 bytes)
ROOM = "aaaqeayeaudaocajbifqydiob4ibceqt"


def test_bigbluebutton_checksum_of_the_api_documentation_example() -> None:
    provider = BigBlueButtonProvider("https://bbb.example.org/bigbluebutton/", BBB_SECRET)
    params = [
        ("name", "Test Meeting"),
        ("meetingID", "abc123"),
        ("attendeePW", "111222"),
        ("moderatorPW", "333444"),
    ]
    # The BBB documentation's example (its SHA-1 variant gives its published
    # 1fcbb0c4fc1f039f73aa6d697d2db9ba7f803f17, so the recipe is the same); SHA-256:
    # S=639259d4-9dd8-4b25-bf01-95f9567eaf4b
    # printf 'createname=Test+Meeting&meetingID=abc123&attendeePW=111222&moderatorPW=333444%s' \
    #   "$S" | sha256sum
    assert provider.api_url("create", params) == (
        f"{BBB}/create?name=Test+Meeting&meetingID=abc123&attendeePW=111222&moderatorPW=333444"
        "&checksum=da9185f7f333cfdfcd6eeac32dca3777510c4c436020d8b887ba5515bd1d189e"
    )


def test_bigbluebutton_create_and_join_urls_match_fixed_vectors() -> None:
    provider = BigBlueButtonProvider("https://bbb.example.org/bigbluebutton", BBB_SECRET)
    link = provider.link(request(moderator_id=None), counting_bytes)
    assert link.provider == "bigbluebutton"
    assert link.room == ROOM
    # In a shell: S=639259d4-9dd8-4b25-bf01-95f9567eaf4b R=aaaqeayeaudaocajbifqydiob4ibceqt
    # printf 'createmeetingID=%s&name=Kick-off%%3A+Ana+%%26+Ben%s' "$R" "$S" | sha256sum
    assert link.create_url == (
        f"{BBB}/create?meetingID={ROOM}&name=Kick-off%3A+Ana+%26+Ben"
        "&checksum=4d52f809dc0c7592796f00261397e78a43a37c41727416775e89cdfb9bf45525"
    )
    # printf 'joinfullName=Ben+Mentor&meetingID=%s&role=MODERATOR%s' "$R" "$S" | sha256sum
    assert link.moderator_url == (
        f"{BBB}/join?fullName=Ben+Mentor&meetingID={ROOM}&role=MODERATOR"
        "&checksum=ebfd1cd94645ea0d9022d9151554d169d44f3c73c925b69af26ed8d89b9ffdb3"
    )
    # printf 'joinfullName=Guest&meetingID=%s&role=VIEWER%s' "$R" "$S" | sha256sum
    assert link.join_url == (
        f"{BBB}/join?fullName=Guest&meetingID={ROOM}&role=VIEWER"
        "&checksum=e4667d0b5a34d9c944fb70c1b98beb347e780678aa62d69d103e8e7c940e34b4"
    )
    # U=6d1b0f3e-2f4a-4c1e-9a57-1f2e3d4c5b6a
    # printf 'joinfullName=Ana+%%C3%%91&meetingID=%s&userID=%s&role=VIEWER%s' "$R" "$U" "$S" \
    #   | sha256sum
    assert link.url_for(ANA) == (
        f"{BBB}/join?fullName=Ana+%C3%91&meetingID={ROOM}&userID={ANA}&role=VIEWER"
        "&checksum=7a2f0538ff3cb0519f0cab340f96ad315fbba501f42037f85391f35726e1c59c"
    )


def test_bigbluebutton_join_urls_name_who_joins_in_which_role() -> None:
    provider = BigBlueButtonProvider("https://bbb.example.org/bigbluebutton", BBB_SECRET)
    link = provider.link(request())
    assert link.moderator_url is not None
    mentor = parse_qs(urlsplit(link.moderator_url).query)
    assert mentor["userID"] == [str(MENTOR)]
    assert mentor["role"] == ["MODERATOR"]
    for guest, name in ((ANA, "Ana Ñ"), (CHEN, "Chen")):
        query = parse_qs(urlsplit(link.url_for(guest)).query)
        assert query["fullName"] == [name]
        assert query["userID"] == [str(guest)]
        assert query["role"] == ["VIEWER"]
        assert query["meetingID"] == [link.room]
    # No password is ever put in a URL: roles replace BBB's attendee/moderator passwords.
    assert "PW" not in f"{link.create_url}{link.join_url}{link.moderator_url}"


def test_bigbluebutton_meetings_get_fresh_unguessable_ids() -> None:
    provider = BigBlueButtonProvider("https://bbb.example.org/bigbluebutton", BBB_SECRET)
    rooms = {provider.link(request()).room for _ in range(200)}
    assert len(rooms) == 200


def test_bigbluebutton_needs_its_secret() -> None:
    with pytest.raises(ProviderUnavailable):
        BigBlueButtonProvider("https://bbb.example.org/bigbluebutton", "")


# --- Static template ---------------------------------------------------------------------


def test_static_template_fills_room_and_meeting_id() -> None:
    provider = StaticTemplateProvider("https://meet.example.org/rooms/{room}?m={meeting_id}")
    link = provider.link(request(), counting_bytes)
    assert link.join_url == f"https://meet.example.org/rooms/{ROOM}?m={MEETING}"
    assert (link.provider, link.room, link.moderator_url) == ("static", ROOM, None)


def test_static_fixed_url_is_the_same_room_every_time() -> None:
    provider = StaticTemplateProvider("https://meet.example.org/our-room")
    assert {provider.link(request()).join_url for _ in range(3)} == {
        "https://meet.example.org/our-room"
    }


@pytest.mark.parametrize(
    ("template", "message"),
    [
        ("https://meet.example.org/{roomname}", "unknown placeholder {roomname}"),
        ("https://meet.example.org/{}", "unknown placeholder {}"),
        ("https://meet.example.org/{room.upper}", "unknown placeholder"),
        ("https://meet.example.org/{room!r}", "no format or conversion"),
        ("https://meet.example.org/{room:>40}", "no format or conversion"),
        ("https://meet.example.org/{room", "does not parse"),
        ("meet.example.org/{room}", "https://"),
    ],
)
def test_a_template_that_cannot_render_is_refused(template: str, message: str) -> None:
    with pytest.raises(ProviderUnavailable, match=message.replace("{", r"\{").replace(".", r"\.")):
        StaticTemplateProvider(template)
    with pytest.raises(ValidationError, match="video_static_url_template"):
        settings(video_provider="static", video_static_url_template=template)


# --- From the settings -------------------------------------------------------------------


def test_the_default_settings_give_an_open_jitsi_room() -> None:
    provider = provider_from_settings(settings())
    assert provider.kind == "jitsi"
    assert provider.link(request()).join_url.startswith("https://meet.jit.si/")


def test_settings_build_each_provider() -> None:
    jitsi = provider_from_settings(
        settings(
            video_jitsi_base_url="https://video.example.org",
            video_jitsi_app_id="tandem",
            video_jitsi_app_secret=JWT_SECRET,
            video_jitsi_audience="tandem-video",
            video_jitsi_token_grace_minutes=0,
        )
    )
    link = jitsi.link(request())
    assert link.moderator_url is not None
    claims = decode(link.moderator_url, audience="tandem-video")
    assert claims["exp"] == int((STARTS + timedelta(hours=1)).timestamp())

    bbb = provider_from_settings(
        settings(
            video_provider="bigbluebutton",
            video_bbb_base_url="https://bbb.example.org/bigbluebutton",
            video_bbb_secret=BBB_SECRET,
        )
    )
    assert bbb.link(request()).join_url.startswith(f"{BBB}/join?")

    static = provider_from_settings(
        settings(video_provider="static", video_static_url_template="https://r.example.org/{room}")
    )
    assert static.link(request()).join_url.startswith("https://r.example.org/")


@pytest.mark.parametrize(
    ("values", "message"),
    [
        ({"video_provider": "zoom"}, "video_provider"),
        ({"video_provider": "bigbluebutton"}, "needs video_bbb_base_url and video_bbb_secret"),
        (
            {"video_provider": "bigbluebutton", "video_bbb_base_url": "https://b.example.org/b"},
            "needs video_bbb_base_url and video_bbb_secret",
        ),
        (
            {"video_bbb_base_url": "https://b.example.org/bigbluebutton/api"},
            "the base before /api",
        ),
        ({"video_provider": "static"}, "needs video_static_url_template"),
        ({"video_provider": "static", "video_static_url_template": ""}, "needs video_static"),
        ({"video_jitsi_base_url": "meet.example.org"}, "must start with https:// or http://"),
        ({"video_jitsi_base_url": "https://"}, "has no host"),
        ({"video_jitsi_app_id": "tandem"}, "set both or neither"),
        ({"video_jitsi_app_secret": JWT_SECRET}, "set both or neither"),
        ({"video_jitsi_app_id": "t", "video_jitsi_app_secret": "short"}, "at least 32"),
        ({"video_jitsi_token_grace_minutes": -1}, "video_jitsi_token_grace_minutes"),
        ({"rsvp_link_lifetime_hours": 0}, "rsvp_link_lifetime_hours"),
        ({"public_base_url": "javascript:alert(1)"}, "public_base_url must start with"),
        ({"public_base_url": "https://tandem.example.org/?x=1"}, "no query or fragment"),
        ({"web_base_url": "javascript:alert(1)"}, "web_base_url must start with"),
        ({"web_base_url": "https://app.example.org/#x"}, "no query or fragment"),
    ],
)
def test_bad_video_settings_stop_the_start_with_a_clear_message(
    values: dict[str, object], message: str
) -> None:
    with pytest.raises(ValidationError, match=message.replace("?", r"\?")):
        settings(**values)


def test_empty_environment_values_mean_unset_and_urls_lose_a_trailing_slash(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    monkeypatch.setenv("TANDEM_MEETINGS_VIDEO_JITSI_APP_ID", "")
    monkeypatch.setenv("TANDEM_MEETINGS_VIDEO_JITSI_APP_SECRET", "")
    monkeypatch.setenv("TANDEM_MEETINGS_PUBLIC_BASE_URL", "https://tandem.example.org/")
    monkeypatch.setenv("TANDEM_MEETINGS_WEB_BASE_URL", "https://app.tandem.example.org/")
    loaded = MeetingsSettings()
    assert loaded.video_jitsi_app_id is None
    assert loaded.video_jitsi_app_secret is None
    assert loaded.public_base_url == "https://tandem.example.org"
    assert loaded.web_base_url == "https://app.tandem.example.org"


def test_a_provider_whose_configuration_is_missing_is_unavailable() -> None:
    # Settings built without validation (as a test or a bad deploy might): no crash, no link.
    broken = MeetingsSettings.model_construct(video_provider="bigbluebutton")
    with pytest.raises(ProviderUnavailable, match="BigBlueButton"):
        provider_from_settings(broken)
