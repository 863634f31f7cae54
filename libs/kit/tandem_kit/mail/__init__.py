"""Sending e-mail: templates per language, a mail outbox, and the relay that delivers it.

A service renders a mail from its own :class:`TemplateCatalog`, queues it with
:func:`queue_mail` / :func:`queue_rendered` in the transaction of the use case
or event handler that decided to send it, and runs a :class:`MailRelay` worker
that delivers the committed mails over SMTP (at least once, with a stable
``Message-ID``; see :mod:`tandem_kit.mail.relay`).
"""

from tandem_kit.mail.message import build_message
from tandem_kit.mail.outbox import (
    Attachment,
    QueuedMail,
    forget_recipient,
    message_id_for,
    purge_sent_mails,
    queue_mail,
    queue_rendered,
    queue_rendered_many,
)
from tandem_kit.mail.relay import MailRelay, SendReport
from tandem_kit.mail.templates import (
    MissingTemplateValueError,
    RenderedMail,
    SafeHtml,
    TemplateCatalog,
    TemplateError,
    UnknownTemplateError,
)

__all__ = [
    "Attachment",
    "MailRelay",
    "MissingTemplateValueError",
    "QueuedMail",
    "RenderedMail",
    "SafeHtml",
    "SendReport",
    "TemplateCatalog",
    "TemplateError",
    "UnknownTemplateError",
    "build_message",
    "forget_recipient",
    "message_id_for",
    "purge_sent_mails",
    "queue_mail",
    "queue_rendered",
    "queue_rendered_many",
]
