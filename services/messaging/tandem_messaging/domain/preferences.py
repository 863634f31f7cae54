"""Each person's notification choices."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date

from tandem_messaging.domain.digest import ManagerMail, NewMessageMail


@dataclass(frozen=True, slots=True)
class Preferences:
    subject: str
    new_message: NewMessageMail
    digest_hour: int
    last_digest_on: date | None = None
    stored: bool = False
    manager_mail: ManagerMail = ManagerMail.DIGEST
