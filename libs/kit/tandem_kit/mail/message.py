"""Build the MIME message of one queued mail.

The message is built from the row alone, so a mail re-sent after a crash has
the same ``Message-ID`` and ``Date`` as the first copy: a receiver (or a test)
that de-duplicates by ``Message-ID`` sees one mail.

Shape: ``text/plain`` alone, or ``multipart/alternative`` (text, then HTML);
with attachments, wrapped in ``multipart/mixed``.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from datetime import UTC, datetime
from email.headerregistry import ContentTypeHeader, HeaderRegistry
from email.message import EmailMessage
from email.utils import format_datetime

from tandem_kit.mail.outbox import Attachment

__all__ = ["build_message"]

_HEADERS = HeaderRegistry()


def _content_type(value: str) -> tuple[str, str, dict[str, str]]:
    header = _HEADERS("content-type", value)
    assert isinstance(header, ContentTypeHeader)
    return header.maintype, header.subtype, dict(header.params)


def _attach(message: EmailMessage, attachment: Attachment) -> None:
    maintype, subtype, params = _content_type(attachment.content_type)
    params.pop("charset", None)  # the text is always encoded as UTF-8
    if isinstance(attachment.content, str) and maintype == "text":
        message.add_attachment(
            attachment.content, subtype=subtype, filename=attachment.filename, params=params
        )
        return
    data = (
        attachment.content.encode() if isinstance(attachment.content, str) else attachment.content
    )
    message.add_attachment(
        data, maintype=maintype, subtype=subtype, filename=attachment.filename, params=params
    )


def build_message(
    *,
    sender: str,
    recipient: str,
    message_id: str,
    created_at: datetime,
    subject: str,
    body_text: str,
    body_html: str | None = None,
    language: str | None = None,
    attachments: Sequence[Attachment] = (),
    headers: Mapping[str, str] | None = None,
) -> EmailMessage:
    message = EmailMessage()
    message["Message-ID"] = message_id
    # SQLite hands timestamps back without their zone; the kit always writes UTC.
    moment = created_at if created_at.tzinfo else created_at.replace(tzinfo=UTC)
    message["Date"] = format_datetime(moment.astimezone(UTC))
    message["From"] = sender
    message["To"] = recipient
    message["Subject"] = subject
    # RFC 3834: an automatic mail; well-behaved auto-responders do not answer it.
    message["Auto-Submitted"] = "auto-generated"
    for name, value in (headers or {}).items():
        message[name] = value
    message.set_content(body_text)
    if body_html is not None:
        message.add_alternative(body_html, subtype="html")
    for attachment in attachments:
        _attach(message, attachment)
    if language:
        # Last: making the message multipart moves every Content-* header into its first part.
        message["Content-Language"] = language
    return message
