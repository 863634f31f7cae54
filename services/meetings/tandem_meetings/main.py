"""The meetings service: the one wiring point (definition, app factory, command line)."""

from __future__ import annotations

from pathlib import Path

from fastapi import FastAPI

from tandem_contracts.topics import service_topic
from tandem_kit.app import ServiceDefinition
from tandem_kit.app import create_app as kit_create_app
from tandem_kit.cli import run_service_cli
from tandem_kit.clock import Clock, utc_now
from tandem_kit.directory import DIRECTORY_TOPICS
from tandem_kit.workers import RunsIn, WorkerSpec
from tandem_meetings import VERSION
from tandem_meetings.api import (
    attendance,
    availability,
    calendar_sources,
    export,
    goals,
    manager_view,
    meetings,
    notes,
    personal_feeds,
    plans,
    rsvp,
    slots,
    status,
)
from tandem_meetings.api.deps import VIDEO_STATE
from tandem_meetings.consumers import build_handlers
from tandem_meetings.service import invitations, workers
from tandem_meetings.service.calendar_feeds import calendar_feed_worker
from tandem_meetings.service.context import VideoFactory
from tandem_meetings.settings import MeetingsSettings

MIGRATIONS = Path(__file__).resolve().parents[1] / "migrations"

DEFINITION = ServiceDefinition(
    name="meetings",
    title="Tandem meetings",
    description=(
        "Blended meetings of each mentoring relationship: the programme's plan of online "
        "and face-to-face activities, times that suit every member across time zones, "
        "invitations that calendar programs accept (iCalendar), personal calendar feeds, "
        "reminders, attendance, and the relationship's goals and members-only notes.\n\n"
        "**Auth.** Bearer JWT with the `tandem_roles` claim; programme roles and "
        "relationship membership are checked on every call."
    ),
    version=VERSION,
    migrations=MIGRATIONS,
    routers=[
        status.router,
        meetings.relationship_router,
        meetings.router,
        rsvp.router,
        rsvp.link_router,
        availability.router,
        calendar_sources.router,
        personal_feeds.router,
        personal_feeds.feed_router,
        plans.programme_router,
        plans.relationship_router,
        slots.router,
        goals.router,
        notes.router,
        attendance.router,
        manager_view.programme_router,
        manager_view.router,
        export.router,
    ],
    settings=MeetingsSettings,
    # matching's topic and the contacts topic (the kit's directory); messaging's
    # agreements (their meeting cadence re-plans a relationship).
    consumes=[*DIRECTORY_TOPICS, service_topic("messaging")],
    handlers=build_handlers,
    # Background work, each a tandem_kit.workers.WorkerSpec that says where it runs.
    workers=[
        WorkerSpec("link-retry", workers.link_retry, runs_in=RunsIn.RELAY),
        WorkerSpec("rsvp-nonce-cleanup", workers.rsvp_nonce_cleanup, runs_in=RunsIn.RELAY),
        WorkerSpec(
            "calendar-feeds",
            calendar_feed_worker,
            runs_in=RunsIn.RELAY,
            enabled=lambda s: s.calendar_feeds_enabled,
        ),
        WorkerSpec("mail-relay", invitations.mail_relay, runs_in=RunsIn.RELAY),
        WorkerSpec("reminders", workers.reminders, runs_in=RunsIn.RELAY),
        WorkerSpec("attendance-unrecorded", workers.attendance_unrecorded, runs_in=RunsIn.RELAY),
    ],
    openapi_tags=[
        {"name": "status", "description": "Whether the service is up, and its version."},
        {
            "name": "meetings",
            "description": "A relationship's meetings, online or face to face: schedule, "
            "reschedule, cancel; every member's local time.",
        },
        {"name": "rsvp", "description": "Members' answers: accept, decline, tentative."},
        {
            "name": "plans",
            "description": "The programme's blended plan and meeting policy, each "
            "relationship's plan, and times that suit every member.",
        },
        {
            "name": "availability",
            "description": "Your weekly availability and your external calendar's busy times.",
        },
        {
            "name": "goals",
            "description": "A relationship's goals and milestones, from the mentee's profile "
            "goals on: members only.",
        },
        {
            "name": "calendar feed",
            "description": "Your own meetings as a calendar feed (webcal) at a secret, "
            "revocable URL.",
        },
        {"name": "notes", "description": "Meeting notes, encrypted, for the members only."},
        {"name": "privacy", "description": "Everything meetings holds about you."},
        {
            "name": "attendance",
            "description": "Who attended, the mode used and the duration, as the members "
            "record it; meetings nobody records in time are unrecorded (not a no-show).",
        },
        {
            "name": "manager view",
            "description": "What the manager sees: counts and states, never a word; each "
            "member can see exactly that about their relationship.",
        },
    ],
)


def create_app(
    settings: MeetingsSettings | None = None,
    *,
    clock: Clock = utc_now,
    video: VideoFactory | None = None,
) -> FastAPI:
    """The app; ``clock`` is every "now" of the process (tests pass a ManualClock), and
    ``video`` the API's video provider instead of the configured one (a test seam)."""
    app = kit_create_app(DEFINITION, settings or MeetingsSettings(), clock=clock)
    if video is not None:
        setattr(app.state, VIDEO_STATE, video)
    return app


def cli() -> None:
    run_service_cli(DEFINITION)
