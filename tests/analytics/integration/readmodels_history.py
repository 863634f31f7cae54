"""Event histories of a programme for the read-model tests: envelopes with their own
event times, built by hand (``History``) or drawn by hypothesis (``histories``), and
the read models dumped for comparison (``dump``)."""

from __future__ import annotations

import random
import uuid
from dataclasses import dataclass, field
from datetime import UTC, date, datetime, timedelta
from typing import Any

from hypothesis import strategies as st
from sqlalchemy import delete, select

from tandem_analytics.adapters.tables import metadata
from tandem_contracts import Envelope, Event
from tandem_contracts.common import MentoringFormat, Modality, Role
from tandem_contracts.matching import (
    EndedBy,
    EndReason,
    Member,
    ParticipantErased,
    ParticipantRegistered,
    ParticipantUpdated,
    ProgrammeCreated,
    RelationshipEnded,
    RelationshipStarted,
)
from tandem_contracts.meetings import (
    AttendanceOutcome,
    Attendee,
    GoalProgressed,
    GoalState,
    MeetingAttendanceRecorded,
    MeetingCancelled,
    MeetingMode,
    MeetingRescheduled,
    MeetingScheduled,
)
from tandem_contracts.messaging import AgreementAccepted, Channel, MessagePosted, SenderRole
from tandem_kit.db.database import Database
from tandem_kit.db.tables import inbox_table

START = datetime(2026, 3, 2, 9, 0, tzinfo=UTC)  # a Monday
READ_MODELS = sorted(name for name in metadata.tables if name.startswith("rm_"))


@dataclass(frozen=True)
class Person:
    participant_id: uuid.UUID
    role: Role
    country: str
    modality: Modality = Modality.EITHER

    @property
    def subject(self) -> str:
        return f"sub-{self.participant_id.hex[:8]}"


@dataclass
class History:
    """A programme's events, each an envelope carrying its own event time."""

    programme: uuid.UUID = field(default_factory=uuid.uuid4)
    envelopes: list[Envelope] = field(default_factory=list)

    def add(self, event: Event, at: datetime) -> Envelope:
        envelope = Envelope.wrap(event).model_copy(update={"time": at})
        self.envelopes.append(envelope)
        return envelope

    def created(self, organisation: uuid.UUID) -> None:
        self.add(
            ProgrammeCreated(
                programme_id=self.programme,
                organisation_id=organisation,
                name="A programme",
                countries=["DE"],
                languages=["en"],
                starts_on=date(2026, 3, 1),
                ends_on=date(2026, 9, 1),
                formats=[MentoringFormat.PAIR, MentoringFormat.GROUP],
                managers=[],
            ),
            START - timedelta(days=30),
        )

    def person(self, role: Role, country: str, modality: Modality = Modality.EITHER) -> Person:
        person = Person(uuid.uuid4(), role, country, modality)
        self.add(
            ParticipantRegistered(
                programme_id=self.programme,
                participant_id=person.participant_id,
                subject=person.subject,
                role=role,
                country=country,
                languages=["en"],
                availability=[],
                modality=modality,
            ),
            START - timedelta(days=7),
        )
        return person

    def moved(self, person: Person, country: str, at: datetime) -> None:
        self.add(
            ParticipantUpdated(
                programme_id=self.programme,
                participant_id=person.participant_id,
                subject=person.subject,
                role=person.role,
                country=country,
                languages=["en"],
                availability=[],
                modality=person.modality,
            ),
            at,
        )

    def start(self, *members: Person, at: datetime = START) -> uuid.UUID:
        relationship = uuid.uuid4()
        self.add(
            RelationshipStarted(
                programme_id=self.programme,
                relationship_id=relationship,
                format=MentoringFormat.GROUP if len(members) > 2 else MentoringFormat.PAIR,
                members=[
                    Member(participant_id=p.participant_id, subject=p.subject, role=p.role)
                    for p in members
                ],
                starts_on=at.date(),
                agreed_end_date=date(2026, 9, 1),
            ),
            at,
        )
        return relationship

    def end(self, relationship: uuid.UUID, at: datetime, *, early: bool) -> None:
        self.add(
            RelationshipEnded(
                programme_id=self.programme,
                relationship_id=relationship,
                outcome="ended_early" if early else "completed",
                ended_by=EndedBy.MENTEE if early else EndedBy.SYSTEM,
                reason=EndReason.NO_TIME if early else EndReason.PROGRAMME_COMPLETED,
            ),
            at,
        )

    def message(
        self, relationship: uuid.UUID, sender: Person, at: datetime, message_id: uuid.UUID | None
    ) -> uuid.UUID:
        message_id = message_id or uuid.uuid4()
        self.add(
            MessagePosted(
                programme_id=self.programme,
                relationship_id=relationship,
                conversation_id=relationship,
                message_id=message_id,
                sender_participant_id=sender.participant_id,
                sender_role=SenderRole(sender.role.value),
                posted_at=at,
                length=42,
            ),
            at,
        )
        return message_id

    def agreement(self, relationship: uuid.UUID, version: int, hours: int, at: datetime) -> None:
        self.add(
            AgreementAccepted(
                programme_id=self.programme,
                relationship_id=relationship,
                agreement_id=uuid.uuid5(relationship, "agreement"),
                version=version,
                channels=[Channel.MESSAGES],
                response_time_hours=hours,
                meeting_cadence_days=14,
                accepted_at=at,
                member_roles=[Role.MENTOR, Role.MENTEE],
            ),
            at,
        )

    def meeting(
        self,
        relationship: uuid.UUID,
        kind: str,
        sequence: int,
        mode: MeetingMode,
        at: datetime,
        meeting_id: uuid.UUID,
    ) -> None:
        facts: dict[str, Any] = {
            "programme_id": self.programme,
            "relationship_id": relationship,
            "meeting_id": meeting_id,
            "planned_activity_id": None,
            "mode": mode,
            "starts_at": at,
            "ends_at": at + timedelta(hours=1),
            "sequence": sequence,
        }
        if kind == "scheduled":
            event: Event = MeetingScheduled(**facts)
        elif kind == "rescheduled":
            event = MeetingRescheduled(
                **facts, previous_starts_at=at - timedelta(days=1), previous_ends_at=at
            )
        else:
            event = MeetingCancelled(**facts, cancelled_by="mentor", reason="conflict")
        self.add(event, at - timedelta(days=3))

    def attendance(
        self,
        relationship: uuid.UUID,
        meeting_id: uuid.UUID,
        came: list[Person],
        at: datetime,
        mode: MeetingMode = MeetingMode.ONLINE,
    ) -> None:
        self.add(
            MeetingAttendanceRecorded(
                programme_id=self.programme,
                relationship_id=relationship,
                meeting_id=meeting_id,
                outcome=AttendanceOutcome.HELD if len(came) > 1 else AttendanceOutcome.NO_SHOW,
                attended=[Attendee(participant_id=p.participant_id, role=p.role) for p in came],
                mode=mode,
                duration_minutes=60,
                recorded_by_role=Role.MENTOR,
                recorded_at=at,
            ),
            at,
        )

    def goal(self, relationship: uuid.UUID, goal_id: uuid.UUID, done: int, at: datetime) -> None:
        self.add(
            GoalProgressed(
                programme_id=self.programme,
                relationship_id=relationship,
                goal_id=goal_id,
                state=GoalState.DONE if done >= 3 else GoalState.IN_PROGRESS,
                milestones_total=3,
                milestones_done=done,
                goals_total=1,
                goals_done=1 if done >= 3 else 0,
                progressed_at=at,
            ),
            at,
        )

    def erase(self, person: Person, at: datetime) -> None:
        self.add(
            ParticipantErased(
                programme_id=self.programme,
                participant_id=person.participant_id,
                subject=person.subject,
            ),
            at,
        )


@st.composite
def histories(draw: st.DrawFn, *, erasure: bool = True) -> History:
    """A programme of one to three relationships and a random life of each."""
    history = History()
    countries = ["DE", "PT", "SY"]
    offsets = st.integers(min_value=0, max_value=60 * 24 * 40).map(lambda m: timedelta(minutes=m))
    people: list[Person] = []
    for _ in range(draw(st.integers(min_value=1, max_value=3))):
        mentor = history.person(Role.MENTOR, draw(st.sampled_from(countries)))
        mentees = [
            history.person(Role.MENTEE, draw(st.sampled_from(countries)))
            for _ in range(draw(st.integers(min_value=1, max_value=2)))
        ]
        members = [mentor, *mentees]
        people.extend(members)
        relationship = history.start(*members)
        # Messages, some sharing a time (ties break on the message id).
        for _ in range(draw(st.integers(min_value=0, max_value=8))):
            sender = draw(st.sampled_from(members))
            at = START + draw(st.sampled_from([timedelta(hours=1), timedelta(hours=5)]) | offsets)
            history.message(relationship, sender, at, None)
        for version in range(1, draw(st.integers(min_value=0, max_value=2)) + 1):
            history.agreement(relationship, version, draw(st.sampled_from([24, 48])), START)
        for _ in range(draw(st.integers(min_value=0, max_value=2))):
            meeting = uuid.uuid4()
            at = START + draw(offsets)
            mode = draw(st.sampled_from(list(MeetingMode)))
            history.meeting(relationship, "scheduled", 0, mode, at, meeting)
            if draw(st.booleans()):
                history.meeting(
                    relationship, "rescheduled", 1, mode, at + timedelta(days=2), meeting
                )
            if draw(st.booleans()):
                history.meeting(relationship, "cancelled", 1, mode, at, meeting)
            came = draw(st.lists(st.sampled_from(members), unique=True, max_size=len(members)))
            history.attendance(relationship, meeting, came, at + timedelta(hours=2), mode)
        goal = uuid.uuid4()
        for done in range(draw(st.integers(min_value=0, max_value=3))):
            history.goal(relationship, goal, done + 1, START + timedelta(days=7 * (done + 1)))
        if draw(st.booleans()):
            history.end(relationship, START + timedelta(days=50), early=draw(st.booleans()))
    if draw(st.booleans()):
        history.moved(people[0], "FR", START + timedelta(days=3))
    if erasure and draw(st.booleans()):
        history.erase(draw(st.sampled_from(people)), START + timedelta(days=20))
    return history


def _sortable(value: object) -> str:
    return "" if value is None else str(value)


async def dump(
    database: Database, tables: list[str] | None = None
) -> dict[str, list[tuple[Any, ...]]]:
    """Every row of the read models (or of ``tables``), in a stable order."""
    out: dict[str, list[tuple[Any, ...]]] = {}
    async with database.transaction() as session:
        for name in tables or READ_MODELS:
            rows = (await session.execute(select(metadata.tables[name]))).all()
            out[name] = sorted((tuple(row) for row in rows), key=lambda r: tuple(map(_sortable, r)))
    return out


async def stored_events(database: Database) -> dict[uuid.UUID, bytes]:
    table = metadata.tables["consumed_events"]
    async with database.transaction() as session:
        rows = (await session.execute(select(table.c.event_id, table.c.data))).all()
    return {row.event_id: bytes(row.data) for row in rows}


async def forget_everything(database: Database) -> None:
    """Empty the service's tables and the inbox: the next example starts afresh."""
    async with database.transaction() as session:
        for table in reversed(metadata.sorted_tables):
            await session.execute(delete(table))
        await session.execute(delete(inbox_table))


async def records(database: Database, name: str) -> list[dict[str, Any]]:
    """The rows of one table as mappings (column name to value)."""
    async with database.transaction() as session:
        rows = (await session.execute(select(metadata.tables[name]))).all()
    return [dict(row._mapping) for row in rows]


def sample_history(seed: int, relationships: int = 4) -> History:
    """A seeded programme: messages, agreements, meetings, goals, ends and one erasure."""
    rng = random.Random(seed)
    history = History()
    history.created(uuid.UUID(int=seed + 1))
    people: list[Person] = []
    for number in range(relationships):
        mentor = history.person(Role.MENTOR, rng.choice(["DE", "PT"]))
        mentees = [history.person(Role.MENTEE, rng.choice(["SY", "DE", "UA"]))]
        if number % 3 == 2:
            mentees.append(history.person(Role.MENTEE, "UA"))
        members = [mentor, *mentees]
        people.extend(members)
        relationship = history.start(*members)
        for _ in range(rng.randint(3, 12)):
            at = START + timedelta(minutes=rng.randint(0, 60 * 24 * 60))
            history.message(relationship, rng.choice(members), at, None)
        history.agreement(relationship, 1, rng.choice([24, 48]), START)
        for week in range(rng.randint(1, 4)):
            meeting = uuid.uuid4()
            mode = rng.choice(list(MeetingMode))
            at = START + timedelta(days=7 * week + 2)
            history.meeting(relationship, "scheduled", 0, mode, at, meeting)
            came = rng.sample(members, rng.randint(1, len(members)))
            history.attendance(relationship, meeting, came, at + timedelta(hours=2), mode)
        history.goal(relationship, uuid.uuid4(), rng.randint(1, 3), START + timedelta(days=9))
        if number % 2:
            history.end(relationship, START + timedelta(days=rng.randint(20, 80)), early=True)
    history.erase(rng.choice(people), START + timedelta(days=30))
    return history
