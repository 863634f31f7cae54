"""Video links for online meetings: one interface, three providers, no network call.

A provider turns a :class:`VideoLinkRequest` into a :class:`VideoLink` from local facts
only (its configuration, a random source, the meeting), so scheduling never waits on a
video server. When a provider cannot make a link (misconfigured, a template that does not
render) it raises :class:`ProviderUnavailable`: the meeting then shows "link pending" and
the caller retries later.

- **Jitsi** (self-hosted): an unguessable room (160 random bits); with an app id and secret,
  every URL carries its own HS256 token in the form Jitsi's prosody token authentication
  reads (``aud``, ``iss`` = app id, ``sub`` = domain, ``room``, ``exp``, ``context.user``),
  the moderator flag only in the mentor's.
- **BigBlueButton**: API URLs ``<base>/api/<call>?<query>&checksum=<sha256(call + query +
  secret)>``; ``create`` must be requested once before a ``join`` URL works (BBB makes the
  meeting then), e.g. by the page the join link leads through. Joins use ``role=``
  (BigBlueButton 2.6 and later), so no attendee or moderator password exists to leak.
- **Static**: the organisation's own room, a URL template with ``{room}`` and
  ``{meeting_id}`` placeholders (or none: one fixed room).

A link belongs to one schedule: a reschedule asks for a new one (Jitsi tokens expire after
the meeting's end).
"""

from __future__ import annotations

import base64
import hashlib
import secrets
import string
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from datetime import datetime, timedelta
from typing import Literal, Protocol
from urllib.parse import quote, urlencode, urlsplit
from uuid import UUID

import jwt

ProviderKind = Literal["jitsi", "bigbluebutton", "static"]
PROVIDER_KINDS: tuple[ProviderKind, ...] = ("jitsi", "bigbluebutton", "static")

# A source of random bytes; `secrets.token_bytes` unless a test needs fixed rooms.
RandomSource = Callable[[int], bytes]
# 20 bytes are 160 bits (the issue asks for at least 128) and exactly 32 base32 characters,
# so a room has no padding; lower case because Jitsi folds room names to lower case.
ROOM_BYTES = 20
ROOM_ALPHABET = frozenset("abcdefghijklmnopqrstuvwxyz234567")
# What a static template may name; anything else is refused when the settings load.
TEMPLATE_PLACEHOLDERS = frozenset({"room", "meeting_id"})
# HS256 keys shorter than the hash are weak (RFC 7518 §3.2).
MIN_JWT_SECRET_CHARS = 32


class ProviderUnavailable(Exception):
    """No link can be made now; show "link pending" and retry later."""


@dataclass(frozen=True, slots=True)
class VideoGuest:
    """A member who joins without moderating (a mentee), with a link of their own."""

    participant_id: UUID
    name: str
    email: str | None = None


@dataclass(frozen=True, slots=True)
class VideoLinkRequest:
    meeting_id: UUID
    title: str
    starts_at: datetime
    ends_at: datetime
    moderator_name: str  # the mentor
    moderator_email: str | None = None
    moderator_id: UUID | None = None
    attendees: tuple[VideoGuest, ...] = ()
    # The name a shared (not personal) join URL shows where the provider needs one (BBB).
    guest_label: str = "Guest"

    def __post_init__(self) -> None:
        if self.starts_at.tzinfo is None or self.ends_at.tzinfo is None:
            raise ValueError("starts_at and ends_at must be timezone-aware")
        if self.ends_at <= self.starts_at:
            raise ValueError("ends_at must be after starts_at")


@dataclass(frozen=True, slots=True)
class GuestLink:
    participant_id: UUID
    url: str


@dataclass(frozen=True, slots=True)
class VideoLink:
    provider: str
    join_url: str  # for any attendee, moderating no one
    moderator_url: str | None  # the mentor's; None where the provider has no moderator link
    room: str
    # BigBlueButton only: request it once before anyone joins (it creates the meeting).
    create_url: str | None = None
    guest_links: tuple[GuestLink, ...] = ()  # personal attendee URLs, where they differ

    def url_for(self, participant_id: UUID) -> str:
        """The attendee's own URL if the provider made one, else the shared join URL."""
        for guest in self.guest_links:
            if guest.participant_id == participant_id:
                return guest.url
        return self.join_url


class VideoProvider(Protocol):
    kind: str

    def link(
        self, request: VideoLinkRequest, random: RandomSource = secrets.token_bytes
    ) -> VideoLink: ...


def new_room(random: RandomSource = secrets.token_bytes) -> str:
    raw = random(ROOM_BYTES)
    if len(raw) != ROOM_BYTES:
        raise ProviderUnavailable(f"the random source gave {len(raw)} bytes, not {ROOM_BYTES}")
    return base64.b32encode(raw).decode("ascii").lower()


# --- Configuration checks (also run by the settings, so a bad value stops the start) ---


def check_http_url(value: str, what: str, *, base: bool = True) -> str:
    """``value`` without a trailing slash if it is an absolute http(s) URL with a host
    (and, for a ``base`` that paths are appended to, no query or fragment)."""
    parsed = urlsplit(value)
    if parsed.scheme not in {"http", "https"}:
        raise ValueError(f"{what} must start with https:// or http://, not {value!r}")
    if not parsed.hostname:
        raise ValueError(f"{what} has no host: {value!r}")
    if base and (parsed.query or parsed.fragment):
        raise ValueError(f"{what} must have no query or fragment: {value!r}")
    return value.rstrip("/")


def check_url_template(template: str) -> str:
    """A static room template: only known placeholders, and an http(s) URL once filled."""
    try:
        fields = list(string.Formatter().parse(template))
    except ValueError as error:
        raise ValueError(f"the video URL template does not parse: {error}") from None
    for _, name, spec, conversion in fields:
        if name is None:
            continue
        if name not in TEMPLATE_PLACEHOLDERS:
            known = ", ".join("{" + p + "}" for p in sorted(TEMPLATE_PLACEHOLDERS))
            shown = "{" + name + "}" if name else "{}"
            raise ValueError(
                f"the video URL template has an unknown placeholder {shown}; known: {known}"
            )
        if spec or conversion:
            raise ValueError(
                f"the video URL template's {{{name}}} must have no format or conversion"
            )
    sample = template.format(room="a" * 32, meeting_id="00000000-0000-0000-0000-000000000000")
    check_http_url(sample, "the video URL template", base=False)
    return template


def _configured_url(value: str, what: str) -> str:
    try:
        return check_http_url(value, what)
    except ValueError as error:
        raise ProviderUnavailable(str(error)) from None


# --- Jitsi --------------------------------------------------------------------------------


class JitsiProvider:
    kind = "jitsi"

    def __init__(
        self,
        base_url: str,
        *,
        app_id: str | None = None,
        app_secret: str | None = None,
        audience: str = "jitsi",
        token_grace: timedelta = timedelta(hours=1),
    ) -> None:
        self.base_url = _configured_url(base_url, "the Jitsi base URL")
        if (app_id is None) != (app_secret is None):
            raise ProviderUnavailable("Jitsi tokens need both an app id and an app secret")
        if app_secret is not None and len(app_secret) < MIN_JWT_SECRET_CHARS:
            raise ProviderUnavailable(
                f"the Jitsi app secret must have at least {MIN_JWT_SECRET_CHARS} characters"
            )
        self.app_id = app_id
        self._secret = app_secret
        self.audience = audience
        # Tokens stay valid a while after the planned end, for meetings that run over.
        self.token_grace = token_grace
        self.domain = urlsplit(self.base_url).hostname or ""

    def link(
        self, request: VideoLinkRequest, random: RandomSource = secrets.token_bytes
    ) -> VideoLink:
        room = new_room(random)
        room_url = f"{self.base_url}/{room}"
        if self.app_id is None or self._secret is None:
            # An open room: whoever comes first moderates; nothing personal to hand out.
            return VideoLink(self.kind, room_url, None, room)
        moderator: dict[str, object] = {"name": request.moderator_name, "moderator": True}
        if request.moderator_email:
            moderator["email"] = request.moderator_email
        if request.moderator_id is not None:
            moderator["id"] = str(request.moderator_id)
        guests = []
        for guest in request.attendees:
            user: dict[str, object] = {
                "id": str(guest.participant_id),
                "name": guest.name,
                "moderator": False,
            }
            if guest.email:
                user["email"] = guest.email
            guests.append(GuestLink(guest.participant_id, self._url(room_url, room, request, user)))
        return VideoLink(
            self.kind,
            join_url=self._url(room_url, room, request, {"moderator": False}),
            moderator_url=self._url(room_url, room, request, moderator),
            room=room,
            guest_links=tuple(guests),
        )

    def _url(
        self, room_url: str, room: str, request: VideoLinkRequest, user: dict[str, object]
    ) -> str:
        assert self._secret is not None  # only called with tokens configured
        claims = {
            "aud": self.audience,
            "iss": self.app_id,
            "sub": self.domain,
            "room": room,
            "exp": int((request.ends_at + self.token_grace).timestamp()),
            "context": {"user": user},
        }
        token = jwt.encode(claims, self._secret, algorithm="HS256")
        return f"{room_url}?{urlencode({'jwt': token})}"


# --- BigBlueButton ------------------------------------------------------------------------


class BigBlueButtonProvider:
    kind = "bigbluebutton"

    def __init__(self, base_url: str, secret: str) -> None:
        self.base_url = _configured_url(base_url, "the BigBlueButton base URL")
        if not secret:
            raise ProviderUnavailable("BigBlueButton needs its shared secret")
        self._secret = secret

    def api_url(self, call: str, params: Sequence[tuple[str, str]]) -> str:
        """``<base>/api/<call>?<query>&checksum=sha256(call + query + secret)`` (hex)."""
        query = urlencode(params)
        checksum = hashlib.sha256(f"{call}{query}{self._secret}".encode()).hexdigest()
        return f"{self.base_url}/api/{call}?{query}&checksum={checksum}"

    def _join(self, meeting: str, name: str, role: str, user: UUID | None) -> str:
        params = [("fullName", name), ("meetingID", meeting)]
        if user is not None:
            params.append(("userID", str(user)))
        return self.api_url("join", [*params, ("role", role)])

    def link(
        self, request: VideoLinkRequest, random: RandomSource = secrets.token_bytes
    ) -> VideoLink:
        meeting = new_room(random)
        return VideoLink(
            self.kind,
            join_url=self._join(meeting, request.guest_label, "VIEWER", None),
            moderator_url=self._join(
                meeting, request.moderator_name, "MODERATOR", request.moderator_id
            ),
            room=meeting,
            create_url=self.api_url("create", [("meetingID", meeting), ("name", request.title)]),
            guest_links=tuple(
                GuestLink(g.participant_id, self._join(meeting, g.name, "VIEWER", g.participant_id))
                for g in request.attendees
            ),
        )


# --- Static template ----------------------------------------------------------------------


class StaticTemplateProvider:
    kind = "static"

    def __init__(self, template: str) -> None:
        try:
            self.template = check_url_template(template)
        except ValueError as error:
            raise ProviderUnavailable(str(error)) from None

    def link(
        self, request: VideoLinkRequest, random: RandomSource = secrets.token_bytes
    ) -> VideoLink:
        room = new_room(random)
        try:
            url = self.template.format(
                room=quote(room, safe=""), meeting_id=quote(str(request.meeting_id), safe="")
            )
        except (KeyError, IndexError, ValueError) as error:
            raise ProviderUnavailable(f"the video URL template does not render: {error}") from None
        return VideoLink(self.kind, url, None, room)


# --- From the settings --------------------------------------------------------------------


class SecretText(Protocol):
    def get_secret_value(self) -> str: ...


class VideoConfig(Protocol):
    """The settings a provider is built from (``MeetingsSettings`` has them)."""

    @property
    def video_provider(self) -> str: ...
    @property
    def video_jitsi_base_url(self) -> str: ...
    @property
    def video_jitsi_app_id(self) -> str | None: ...
    @property
    def video_jitsi_app_secret(self) -> SecretText | None: ...
    @property
    def video_jitsi_audience(self) -> str: ...
    @property
    def video_jitsi_token_grace_minutes(self) -> int: ...
    @property
    def video_bbb_base_url(self) -> str | None: ...
    @property
    def video_bbb_secret(self) -> SecretText | None: ...
    @property
    def video_static_url_template(self) -> str | None: ...


def provider_from_settings(settings: VideoConfig) -> VideoProvider:
    """The configured provider; :class:`ProviderUnavailable` if its configuration is missing."""
    kind = settings.video_provider
    if kind == "jitsi":
        secret = settings.video_jitsi_app_secret
        return JitsiProvider(
            settings.video_jitsi_base_url,
            app_id=settings.video_jitsi_app_id,
            app_secret=secret.get_secret_value() if secret is not None else None,
            audience=settings.video_jitsi_audience,
            token_grace=timedelta(minutes=settings.video_jitsi_token_grace_minutes),
        )
    if kind == "bigbluebutton":
        base, bbb_secret = settings.video_bbb_base_url, settings.video_bbb_secret
        if base is None or bbb_secret is None:
            raise ProviderUnavailable("BigBlueButton needs its base URL and shared secret")
        return BigBlueButtonProvider(base, bbb_secret.get_secret_value())
    if kind == "static":
        if settings.video_static_url_template is None:
            raise ProviderUnavailable("the static video provider needs its URL template")
        return StaticTemplateProvider(settings.video_static_url_template)
    raise ProviderUnavailable(f"unknown video provider {kind!r}")
