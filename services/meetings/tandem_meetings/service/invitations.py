"""A meeting's mail for one recipient: their language, their time zone, their links.

The invitations round queues these (with their .ics parts) in the use case's
transaction; rendering is pure, so it is a plain function of what the use case
already holds: the recipient's contact (the kit's directory), the programme's
wording (its languages and overrides) and the meeting as its mails show it.
"""

from __future__ import annotations

from tandem_kit.directory import Contact
from tandem_kit.i18n import Wording
from tandem_kit.mail import RenderedMail
from tandem_meetings.adapters.invitations import MAILS, mail_values
from tandem_meetings.domain.invitations import MeetingMail, RsvpLinks


def render_mail(
    template: str,
    to: Contact,
    meeting: MeetingMail,
    *,
    wording: Wording | None = None,
    rsvp: RsvpLinks | None = None,
) -> RenderedMail:
    """``template`` (a meetings template of ``tandem_contracts.mails``) for ``to``.

    The language is the recipient's if the catalog (or the programme's override)
    has it, else the programme's first that does, else English; every time is
    shown in ``to.time_zone``. ``rsvp``: the recipient's own one-click links, for
    the templates that offer them (a template whose value is missing raises
    ``MissingTemplateValueError``, never sends a hole).
    """
    wording = wording or Wording()
    language = MAILS.negotiate(template, to.language, wording)
    words = MAILS.words(language)
    values = mail_values(words, to.time_zone, meeting, rsvp)
    return MAILS.render(template, language, wording, name=to.display_name, **values)
