"""Notification preferences: how each person hears about new messages by e-mail."""

from __future__ import annotations

from pydantic import Field

from tandem_kit.api import RequestModel
from tandem_messaging.domain.digest import ManagerMail, NewMessageMail
from tandem_messaging.schemas.common import examples


class NotificationPreferences(RequestModel):
    model_config = examples(
        {"new_message": "daily_digest", "digest_hour": 18, "manager_mail": "digest"}
    )

    new_message: NewMessageMail = Field(
        description=(
            "immediate: one mail per new message (never its content); daily_digest: one mail a "
            "day listing unread messages; never: no mails about messages."
        )
    )
    digest_hour: int = Field(
        ge=0,
        le=23,
        description=("Local hour (in your time zone) at which the daily digest goes out."),
    )
    manager_mail: ManagerMail = Field(
        default=ManagerMail.DIGEST,
        description=(
            "For managers: how you hear that communication agreements wait for your review. "
            "digest (the default): at most one mail per period (hourly unless the operator "
            "chose another) listing every relationship waiting; immediate: one mail per "
            "agreement."
        ),
    )
