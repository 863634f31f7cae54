"""The mail relay: delivers committed mail-outbox rows over SMTP, then marks them sent.

One round (:meth:`MailRelay.send_batch`):

1. **Claim** up to ``batch_size`` due rows (unsent, not failed, ``next_attempt_at``
   empty or past) and write a lease on them (``next_attempt_at = now + lease``)
   in one short transaction — on PostgreSQL with ``FOR UPDATE SKIP LOCKED``, so
   that several relays (replicas) never claim the same row. The lease is what
   lets each mail be marked in its own transaction below; a relay that dies
   leaves its rows to be claimed again when the lease runs out.
2. **Send** them over one SMTP connection (STARTTLS and login from
   :class:`~tandem_kit.settings.SmtpSettings`), and right after the server
   accepts a mail, **mark it sent** (``sent_at``) in its own transaction.
3. A mail that fails gets ``attempts + 1``, ``last_error`` and a backoff
   (``retry_backoff · 2^(attempts-1)``, at most ``max_backoff``); at
   ``max_attempts``, or at once when the server refuses the recipient for good
   (5xx), it gets ``failed_at``: the row stays for an operator to see, the
   failure is logged as an error and ``tandem_mails_failed_total`` counts it.
   If the server cannot be reached, every claimed mail counts one attempt.

Delivery guarantee — **at least once**, never lost:

- a crash (or a lost database) *before* the SMTP server accepted a mail leaves
  the row unsent: it is sent when the lease runs out;
- a crash *after* the server accepted it and *before* ``sent_at`` is committed
  sends it again when the lease runs out — with the **same** ``Message-ID``
  (and ``Date``), because the message is rebuilt from the row. Receivers and
  mail catchers that de-duplicate by ``Message-ID`` see one mail; others may
  show two. Marking each mail right after its acceptance keeps that window to
  one mail and one small commit.

A mail whose SMTP exchange outlives the lease could be claimed by a second
relay; the relay therefore starts no new mail once its lease is over (it
releases the rest), and the default lease is far longer than a mail takes.
"""

from __future__ import annotations

import json
import logging
from collections.abc import Awaitable, Callable, Sequence
from dataclasses import dataclass, field
from datetime import UTC, datetime, timedelta
from email.message import EmailMessage
from email.utils import parseaddr
from typing import Any

import aiosmtplib
from sqlalchemy import Row, and_, or_, select, update
from sqlalchemy.ext.asyncio import AsyncSession

from tandem_kit.db.database import Database
from tandem_kit.db.tables import mail_outbox_table
from tandem_kit.mail.message import build_message
from tandem_kit.mail.outbox import MAIL_KIND, Attachment
from tandem_kit.settings import SmtpSettings
from tandem_kit.telemetry.metrics import MAILS_FAILED, MAILS_SENT
from tandem_kit.workers import PeriodicWorker

__all__ = ["AfterAcceptHook", "MailRelay", "SendReport"]

log = logging.getLogger(__name__)
_t = mail_outbox_table

# Called after the server accepted a mail and before it is marked sent (tests simulate
# a crash there); receives the Message-ID.
AfterAcceptHook = Callable[[str], Awaitable[None]]

# The connection is gone: the rest of the batch cannot be sent on it.
_CONNECTION_LOST = (aiosmtplib.SMTPServerDisconnected, ConnectionError, TimeoutError, OSError)


class _PermanentFailureError(Exception):
    """Retrying cannot help (the server refused the recipient for good, or a bad row)."""


@dataclass
class SendReport:
    """What one call did: mails accepted by the server, retried later, and given up."""

    sent: int = 0
    retrying: int = 0
    failed: int = 0
    claimed: int = 0
    message_ids: list[str] = field(default_factory=list)

    def add(self, other: SendReport) -> None:
        self.sent += other.sent
        self.retrying += other.retrying
        self.failed += other.failed
        self.claimed += other.claimed
        self.message_ids.extend(other.message_ids)


class MailRelay(PeriodicWorker):
    """A :class:`~tandem_kit.workers.PeriodicWorker` that delivers the mail outbox over SMTP.

    It polls every ``poll_interval`` and sends batch after batch while mails go out. A
    round that fails (the database is gone) ends :meth:`run`; the supervisor restarts it.
    """

    def __init__(
        self,
        database: Database,
        smtp_settings: SmtpSettings,
        *,
        service: str,
        batch_size: int = 50,
        poll_interval: float = 1.0,
        max_attempts: int = 8,
        retry_backoff: float = 60.0,
        max_backoff: float = 3600.0,
        lease_seconds: float = 300.0,
        timeout: float = 30.0,
        after_accept: AfterAcceptHook | None = None,
    ) -> None:
        if batch_size < 1 or max_attempts < 1 or lease_seconds <= 0:
            raise ValueError("batch_size, max_attempts and lease_seconds must be positive")
        super().__init__("mail-relay", poll_interval)
        self._db = database
        self._smtp = smtp_settings
        self._service = service
        self._batch_size = batch_size
        self._max_attempts = max_attempts
        self._retry_backoff = retry_backoff
        self._max_backoff = max_backoff
        self._lease = timedelta(seconds=lease_seconds)
        self._timeout = timeout
        self._after_accept = after_accept
        self._envelope_sender = parseaddr(smtp_settings.sender)[1] or smtp_settings.sender

    # --- Worker ---

    async def tick(self, now: datetime) -> int:
        """One round; mails accepted count as work done (loop again at once).

        :meth:`stop` lets the mail in flight finish and releases the rest of the batch.
        """
        return (await self.send_batch()).sent

    # --- Rounds ---

    async def send_pending_once(self) -> SendReport:
        """Try every mail that is due now once, batch by batch (for tests and the CLI).

        A mail that fails is not tried again in the same call, even with no backoff.
        """
        total = SendReport()
        after_id = 0
        while True:
            report, last_id = await self._round(after_id)
            total.add(report)
            if last_id is None or self.stopping:
                return total
            after_id = last_id

    async def send_batch(self) -> SendReport:
        """One round: claim due rows, send them on one connection, mark each one."""
        report, _ = await self._round(0)
        return report

    async def _round(self, after_id: int) -> tuple[SendReport, int | None]:
        rows, deadline, last_id = await self._claim(after_id)
        report = SendReport(claimed=len(rows))
        if not rows:
            return report, last_id
        # Whatever is neither marked nor failed at the end (stop, lost connection, lease
        # over, an error) is released now rather than when the lease runs out. Not on a
        # crash or a cancellation: then the lease runs out, as when the process dies.
        try:
            await self._send(rows, deadline, report)
        except Exception:
            try:
                await self._release(rows, report)
            except Exception:
                log.warning("could not release claimed mails; their lease runs out", exc_info=True)
            raise
        await self._release(rows, report)
        return report, last_id

    async def _claim(self, after_id: int) -> tuple[Sequence[Row[Any]], datetime, int | None]:
        """Claimed rows, their lease's end, and the last id looked at (for the cursor)."""
        now = datetime.now(UTC)
        due = and_(
            _t.c.sent_at.is_(None),
            _t.c.failed_at.is_(None),
            or_(_t.c.next_attempt_at.is_(None), _t.c.next_attempt_at <= now),
        )
        candidates = (
            select(_t.c.id).where(due, _t.c.id > after_id).order_by(_t.c.id).limit(self._batch_size)
        )
        if self._db.dialect == "postgresql":
            # Rows another relay is claiming right now are skipped, not waited for.
            candidates = candidates.with_for_update(skip_locked=True)
        deadline = now + self._lease
        async with self._db.transaction() as session:
            ids = list((await session.scalars(candidates)).all())
            if not ids:
                return [], deadline, None
            # The lease is only written where the row is still due: on SQLite (no row
            # locks) a relay that read the same ids a moment later claims nothing.
            claimed = (
                await session.execute(
                    update(_t)
                    .where(_t.c.id.in_(ids), due)
                    .values(next_attempt_at=deadline)
                    .returning(*_t.c)
                )
            ).all()
        return sorted(claimed, key=lambda row: row.id), deadline, ids[-1]

    async def _send(self, rows: Sequence[Row[Any]], deadline: datetime, report: SendReport) -> None:
        client = aiosmtplib.SMTP(
            hostname=self._smtp.host,
            port=self._smtp.port,
            username=self._smtp.username or None,
            password=self._smtp.password or None,
            start_tls=self._smtp.starttls,
            timeout=self._timeout,
        )
        try:
            await client.connect()
        except (aiosmtplib.SMTPException, OSError, TimeoutError) as error:
            # Includes a refused login or STARTTLS: a configuration or an outage, so retry.
            reason = f"cannot connect to SMTP server {self._smtp.host}:{self._smtp.port}: {error!r}"
            log.warning("%s; %d mails wait", reason, len(rows))
            async with self._db.transaction() as session:
                for row in rows:
                    await self._record_failure(session, row, reason, permanent=False, report=report)
            return
        try:
            for row in rows:
                if self.stopping or datetime.now(UTC) >= deadline:
                    return
                try:
                    message = self._message(row)
                    await client.send_message(
                        message, sender=self._envelope_sender, recipients=[str(message["To"])]
                    )
                except Exception as error:
                    permanent = isinstance(error, _PermanentFailureError) or _refused_for_good(
                        error
                    )
                    async with self._db.transaction() as session:
                        await self._record_failure(
                            session, row, _describe(error), permanent=permanent, report=report
                        )
                    if isinstance(error, _CONNECTION_LOST):
                        return
                    continue
                if self._after_accept is not None:
                    await self._after_accept(row.message_id)
                await self._mark_sent(row, report)
        finally:
            if client.is_connected:
                try:
                    await client.quit()
                except (aiosmtplib.SMTPException, OSError, TimeoutError):
                    client.close()

    def _message(self, row: Row[Any]) -> EmailMessage:
        try:
            if self._db.vault is None:
                raise RuntimeError("the mail relay's database has no PersonalVault")
            content = json.loads(
                self._db.vault.open_item(MAIL_KIND, row.message_id, row.wrapped_key, row.content)
            )
            return build_message(
                sender=self._smtp.sender,
                recipient=content["recipient"],
                message_id=row.message_id,
                created_at=row.created_at,
                subject=content["subject"],
                body_text=content["body_text"],
                body_html=content["body_html"],
                language=row.language,
                attachments=[Attachment.from_json(item) for item in content["attachments"]],
                headers=content["headers"],
            )
        except Exception as error:  # the row itself is bad: the same on every attempt
            raise _PermanentFailureError(f"cannot build the message: {error!r}") from error

    # --- Marks ---

    async def _mark_sent(self, row: Row[Any], report: SendReport) -> None:
        async with self._db.transaction() as session:
            await session.execute(
                update(_t)
                .where(_t.c.id == row.id)
                .values(sent_at=datetime.now(UTC), attempts=_t.c.attempts + 1, next_attempt_at=None)
            )
        report.sent += 1
        report.message_ids.append(row.message_id)
        MAILS_SENT.labels(service=self._service, template=row.template).inc()
        log.info("mail %s (%s) sent", row.message_id, row.template)

    async def _record_failure(
        self,
        session: AsyncSession,
        row: Row[Any],
        reason: str,
        *,
        permanent: bool,
        report: SendReport,
    ) -> None:
        attempts = row.attempts + 1
        now = datetime.now(UTC)
        values: dict[str, Any] = {"attempts": attempts, "last_error": reason[:2000]}
        if permanent or attempts >= self._max_attempts:
            values.update(failed_at=now, next_attempt_at=None)
            report.failed += 1
            MAILS_FAILED.labels(service=self._service, template=row.template).inc()
            log.error(
                "mail %s (%s) given up after %d attempts: %s",
                row.message_id,
                row.template,
                attempts,
                reason,
            )
        else:
            values["next_attempt_at"] = now + timedelta(seconds=self._backoff(attempts))
            report.retrying += 1
            log.warning(
                "mail %s (%s) attempt %d failed, retrying in %.0fs: %s",
                row.message_id,
                row.template,
                attempts,
                self._backoff(attempts),
                reason,
            )
        await session.execute(update(_t).where(_t.c.id == row.id).values(**values))
        report.message_ids.append(row.message_id)

    def _backoff(self, attempts: int) -> float:
        return float(min(self._max_backoff, self._retry_backoff * 2 ** (attempts - 1)))

    async def _release(self, rows: Sequence[Row[Any]], report: SendReport) -> None:
        done = set(report.message_ids)
        ids = [row.id for row in rows if row.message_id not in done]
        if not ids:
            return
        async with self._db.transaction() as session:
            await session.execute(
                update(_t)
                .where(and_(_t.c.id.in_(ids), _t.c.sent_at.is_(None), _t.c.failed_at.is_(None)))
                .values(next_attempt_at=datetime.now(UTC))
            )

    # --- Inspection ---

    async def backlog(self) -> int:
        """Mails neither sent nor given up."""
        async with self._db.sessions() as session:
            rows = await session.execute(
                select(_t.c.id).where(_t.c.sent_at.is_(None), _t.c.failed_at.is_(None))
            )
            return len(rows.all())


def _refused_for_good(error: BaseException) -> bool:
    """The server refused the recipient with a permanent (5xx) reply."""
    if isinstance(error, aiosmtplib.SMTPRecipientsRefused):
        return bool(error.recipients) and all(r.code >= 500 for r in error.recipients)
    return isinstance(error, aiosmtplib.SMTPRecipientRefused) and error.code >= 500


def _describe(error: BaseException) -> str:
    if isinstance(error, aiosmtplib.SMTPRecipientsRefused):
        return "; ".join(f"{r.code} {r.message}" for r in error.recipients)
    if isinstance(error, aiosmtplib.SMTPResponseException):
        return f"{type(error).__name__}: {error.code} {error.message}"
    return f"{type(error).__name__}: {error}"
