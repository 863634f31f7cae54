"""Settings of the meetings service (environment prefix ``TANDEM_MEETINGS_``)."""

from __future__ import annotations

from email.utils import parseaddr
from typing import Literal

from pydantic import Field, SecretStr, field_validator, model_validator
from pydantic_settings import SettingsConfigDict

from tandem_kit.settings import ServiceSettings
from tandem_meetings.domain.video_links import (
    MIN_JWT_SECRET_CHARS,
    check_http_url,
    check_url_template,
)


class MeetingsSettings(ServiceSettings):
    model_config = SettingsConfigDict(
        env_prefix="TANDEM_MEETINGS_",
        env_nested_delimiter="__",
        extra="ignore",
        validate_default=True,
    )

    service_name: str = "meetings"
    http_port: int = Field(default=8003, ge=1, le=65535)
    database_url: str = "sqlite+aiosqlite:///.data/meetings.db"
    # Without master_key (local, test): the development master key is kept here.
    master_key_file: str = ".data/meetings-master.key"

    # --- meetings (core): how long a meeting lasts and how far ahead it is scheduled ---
    meeting_min_minutes: int = Field(default=15, ge=1, le=24 * 60)
    meeting_max_minutes: int = Field(default=8 * 60, ge=1, le=24 * 60)
    meeting_max_days_ahead: int = Field(default=730, ge=1, le=3650)
    # How often pending video links are tried again, and used RSVP nonces forgotten.
    link_retry_interval_seconds: float = Field(default=60.0, gt=0, le=3600)
    rsvp_nonce_cleanup_interval_seconds: float = Field(default=3600.0, gt=0, le=86_400)

    # --- Video links and one-click RSVP links (domain/video_links.py, rsvp_links.py) ---
    # Which provider makes online meetings' links: jitsi, bigbluebutton or static.
    video_provider: Literal["jitsi", "bigbluebutton", "static"] = "jitsi"
    # Jitsi: the (self-hosted) server; rooms are <base>/<room>. With an app id and secret
    # (prosody token authentication), each link carries its own HS256 token.
    video_jitsi_base_url: str = "https://meet.jit.si"
    video_jitsi_app_id: str | None = None
    video_jitsi_app_secret: SecretStr | None = None
    video_jitsi_audience: str = Field(default="jitsi", min_length=1, max_length=200)
    # Tokens stay valid this long after a meeting's planned end.
    video_jitsi_token_grace_minutes: int = Field(default=60, ge=0, le=24 * 60)
    # BigBlueButton: the base before /api (e.g. https://bbb.example.org/bigbluebutton).
    video_bbb_base_url: str | None = None
    video_bbb_secret: SecretStr | None = None
    # Static: the organisation's own room, e.g. https://meet.example.org/rooms/{room};
    # placeholders {room} and {meeting_id}, or none for one fixed URL.
    video_static_url_template: str | None = None
    # One-click RSVP links in invitations live this long (never past the meeting's start),
    # and start with this URL: the meetings API as the public reaches it.
    rsvp_link_lifetime_hours: int = Field(default=14 * 24, ge=1, le=90 * 24)
    public_base_url: str = "http://127.0.0.1:8003"
    # Where the other links in mails point, for a person to act on: the web app (its
    # /meetings/{id} and /relationships/{id}/plan pages); messaging's mails use the same.
    web_base_url: str = "http://127.0.0.1:8080"

    @field_validator(
        "video_jitsi_app_id",
        "video_jitsi_app_secret",
        "video_bbb_base_url",
        "video_bbb_secret",
        "video_static_url_template",
        mode="before",
    )
    @classmethod
    def _empty_is_unset(cls, value: object) -> object:
        return None if value == "" else value

    @field_validator("video_jitsi_base_url")
    @classmethod
    def _jitsi_url(cls, value: str) -> str:
        return check_http_url(value, "video_jitsi_base_url")

    @field_validator("public_base_url")
    @classmethod
    def _public_url(cls, value: str) -> str:
        return check_http_url(value, "public_base_url")

    @field_validator("web_base_url")
    @classmethod
    def _web_url(cls, value: str) -> str:
        return check_http_url(value, "web_base_url")

    def web_link(self, path: str) -> str:
        """``path`` (from ``/``) in the web app, for a mail's reader to act on."""
        return self.web_base_url.rstrip("/") + path

    @field_validator("video_bbb_base_url")
    @classmethod
    def _bbb_url(cls, value: str | None) -> str | None:
        if value is None:
            return None
        value = check_http_url(value, "video_bbb_base_url")
        if value.endswith("/api"):
            raise ValueError("video_bbb_base_url is the base before /api (the calls add it)")
        return value

    @field_validator("video_static_url_template")
    @classmethod
    def _static_template(cls, value: str | None) -> str | None:
        return None if value is None else check_url_template(value)

    @model_validator(mode="after")
    def _video_provider_complete(self) -> MeetingsSettings:
        jitsi_secret = self.video_jitsi_app_secret
        if (self.video_jitsi_app_id is None) != (jitsi_secret is None):
            raise ValueError(
                "video_jitsi_app_id and video_jitsi_app_secret go together: set both or neither"
            )
        if jitsi_secret is not None and len(jitsi_secret.get_secret_value()) < MIN_JWT_SECRET_CHARS:
            raise ValueError(
                f"video_jitsi_app_secret must have at least {MIN_JWT_SECRET_CHARS} characters"
            )
        if self.video_provider == "bigbluebutton" and (
            self.video_bbb_base_url is None or self.video_bbb_secret is None
        ):
            raise ValueError(
                "video_provider bigbluebutton needs video_bbb_base_url and video_bbb_secret"
            )
        if self.video_provider == "static" and self.video_static_url_template is None:
            raise ValueError("video_provider static needs video_static_url_template")
        return self

    # --- end of video and RSVP links ---

    # --- external calendar feeds (availability: busy times from a participant's ICS) ---
    calendar_feeds_enabled: bool = True  # the calendar-feeds worker (with the relay)
    calendar_feed_fetch_interval_seconds: float = Field(
        default=900.0, ge=60, le=7 * 86_400
    )  # per feed
    calendar_feed_poll_interval_seconds: float = Field(default=30.0, gt=0, le=3600)  # worker sleep
    calendar_feed_max_backoff_seconds: float = Field(default=86_400.0, ge=60, le=30 * 86_400)
    calendar_feed_lease_seconds: float = Field(default=120.0, ge=1, le=3600)
    calendar_feed_batch_size: int = Field(default=10, ge=1, le=500)
    calendar_feed_horizon_days: int = Field(default=90, ge=1, le=730)
    calendar_feed_timeout_seconds: float = Field(default=10.0, gt=0, le=120)
    calendar_feed_max_bytes: int = Field(default=2_000_000, ge=1024, le=50_000_000)
    calendar_feed_max_intervals: int = Field(default=5000, ge=1, le=100_000)
    # Loopback and private addresses are refused (no fetching the service's own network
    # for whoever sets a URL); tests and closed installations allow them.
    calendar_feed_allow_private: bool = False

    # --- invitations by mail and personal calendar feeds (service/invitations.py, feeds.py) ---
    # The invitations' ORGANIZER (the programme's name is its CN), where calendar programs
    # send their replies; unset: the address of the SMTP sender.
    invitation_organizer_email: str | None = None
    mail_poll_interval_seconds: float = Field(default=1.0, gt=0, le=60)
    mail_retry_backoff_seconds: float = Field(default=60.0, ge=0, le=3600)
    mail_max_attempts: int = Field(default=8, ge=1, le=50)
    # A claimed mail is the relay's this long; one that dies mid-send (after the SMTP
    # server took a mail, before it was marked) has it sent again once this runs out.
    mail_lease_seconds: float = Field(default=300.0, ge=1, le=3600)
    # A personal feed holds the meetings that ended at most this many days ago, and later.
    personal_feed_past_days: int = Field(default=90, ge=0, le=730)

    @field_validator("invitation_organizer_email", mode="before")
    @classmethod
    def _organizer(cls, value: object) -> object:
        if value is None or value == "":
            return None
        local, at, domain = str(value).rpartition("@")
        if not (local and at and domain) or any(c.isspace() for c in str(value)):
            raise ValueError("invitation_organizer_email must be one bare address (local@domain)")
        return value

    @property
    def organizer_email(self) -> str:
        """The invitations' ORGANIZER address (the setting, else the SMTP sender's)."""
        return self.invitation_organizer_email or parseaddr(self.smtp.sender)[1]

    # --- end of invitations and feeds ---

    # --- reminders and attendance (service/reminders.py, service/attendance.py) ---
    # How often the reminders worker looks for due reminders, how long a claimed one is
    # its own (another worker takes it after).
    reminder_interval_seconds: float = Field(default=30.0, gt=0, le=3600)
    reminder_lease_seconds: float = Field(default=120.0, gt=0, le=3600)
    # A meeting nobody records attendance of this long after its end is "unrecorded".
    attendance_unrecorded_after_hours: int = Field(default=7 * 24, ge=1, le=90 * 24)
    # How often the attendance worker looks for meetings past that time.
    attendance_interval_seconds: float = Field(default=300.0, gt=0, le=24 * 3600)
    # --- end of reminders and attendance ---
