"""The manager's matching pages' own rules, without the platform: which files the import
page forwards, how matching's refusals are read (bad rows, breaches), the run page's
progress, the review's choices, the relationships' order and flags, and the generated
client's file part (matching's document once made it send the CSV as a text field)."""

from __future__ import annotations

import io
import uuid
from datetime import UTC, datetime, timedelta
from pathlib import Path

import httpx2
from tandem_web.clients.matching.models import BodyImportCsv
from tandem_web.clients.matching.types import File
from tandem_web.domain.imports import BadRow, bad_rows_of, upload_refusal
from tandem_web.domain.manager_pages import manages
from tandem_web.domain.match_runs import (
    Person,
    Proposal,
    ProposedMentee,
    Review,
    Run,
    Summary,
    Unmatched,
    breaches_of,
    progress_of,
)
from tandem_web.domain.participants import Grants
from tandem_web.domain.relationships import ManagedRelationship, in_order, latest_flags
from tandem_web.domain.risk import RiskFlag
from tandem_web.main import create_app
from tandem_web.settings import WebSettings

NOW = datetime(2026, 12, 4, 12, tzinfo=UTC)


def test_only_text_files_named_or_sent_as_csv_are_forwarded() -> None:
    assert upload_refusal("people.csv", "application/vnd.ms-excel", b"subject;role") is None
    assert upload_refusal("PEOPLE.TSV", None, b"subject\trole") is None
    assert upload_refusal(None, "text/csv; charset=utf-8", b"subject") is None
    assert upload_refusal("people.xlsx", "text/csv", b"PK") == "not_csv"
    assert upload_refusal(None, "application/pdf", b"%PDF") == "not_csv"
    assert upload_refusal("people.csv", "text/csv", b"sub\x00ject") == "not_csv"


def test_matchings_bad_rows_are_read_in_line_order() -> None:
    errors = [
        {"line": 7, "subject": None, "reason": "email: Field required"},
        {"line": 3, "subject": "mars", "reason": "time_zone: not an IANA time zone"},
        {"proposal_id": "x"},  # not a row's: left out
        "junk",
    ]
    assert bad_rows_of(errors) == (
        BadRow(3, "mars", "time_zone: not an IANA time zone"),
        BadRow(7, None, "email: Field required"),
    )
    assert bad_rows_of(None) == ()


def test_breaches_are_matchings_reasons() -> None:
    errors = [{"constraint": "capacity", "reason": "mentor Elena has no free place"}, {}]
    assert breaches_of(errors) == ("mentor Elena has no free place",)
    assert breaches_of("nope") == ()


def run(status: str, progress: float = 0.5, summary: Summary | None = None) -> Run:
    return Run(uuid.uuid4(), status, "solve", progress, None, NOW, None, None, summary)


def test_the_progress_the_script_reads() -> None:
    assert progress_of(run("running", 0.426)) == {
        "status": "running",
        "phase": "solve",
        "percent": 43,
        "solving": True,
    }
    assert progress_of(run("draft", 1.7))["percent"] == 100
    assert not run("draft").solving
    assert run("draft").cancellable
    assert not run("published").cancellable


def test_the_review_offers_every_mentor_and_the_drafts_mentees_by_name() -> None:
    ana, bo, cy, di = (uuid.uuid4() for _ in range(4))
    mentor = uuid.uuid4()
    people = {
        ana: Person(ana, "ana", "mentee"),
        bo: Person(bo, "Bo", "mentee"),
        mentor: Person(mentor, "Zoe", "mentor"),
        di: Person(di, "Di", "mentee"),  # registered after the run: not in the draft
    }
    summary = Summary(3, 1, 2, (Unmatched(cy, "language", ("no shared language",)),), 0.8)
    proposal = Proposal(
        uuid.uuid4(),
        mentor,
        "group",
        0.8,
        "approved",
        (ProposedMentee(bo, 0.9, ()), ProposedMentee(ana, 0.7, ())),
    )
    review = Review(run("draft", 1.0, summary), (proposal,), people)
    # By name, case aside; the unmatched mentee matching did not name, by id.
    assert [p.name for p in review.mentees] == sorted(["ana", "Bo", str(cy)], key=str.casefold)
    assert [p.name for p in review.mentors] == ["Zoe"]
    assert review.mentee_names(proposal) == "Bo, ana"
    assert review.approved == 1


def relationship(status: str, age_days: int) -> ManagedRelationship:
    created = NOW - timedelta(days=age_days)
    return ManagedRelationship(uuid.uuid4(), status, "pair", (), None, None, created)


def test_relationships_active_first_then_newest_and_their_latest_flag() -> None:
    old, new, proposed, ended = (
        relationship("active", 9),
        relationship("active", 1),
        relationship("proposed", 0),
        relationship("ended_early", 0),
    )
    assert in_order([ended, old, proposed, new]) == (new, old, proposed, ended)
    first = RiskFlag(uuid.uuid4(), old.id, (), NOW - timedelta(days=2))
    second = RiskFlag(uuid.uuid4(), old.id, (), NOW)
    assert latest_flags([second, first]) == {old.id: second}


def test_a_manager_manages_only_the_programmes_the_token_grants() -> None:
    mine, other = uuid.uuid4(), uuid.uuid4()
    assert manages(Grants(manager=(mine,)), mine)
    assert not manages(Grants(manager=(mine,)), other)
    assert not manages(Grants(participant=(mine,)), mine)


def test_the_generated_client_uploads_the_csv_as_a_named_file_part() -> None:
    """``tandem_kit.api.openapi`` documents the file ``format: binary`` (found here:
    generated from FastAPI's ``contentMediaType`` alone, the client sent a text field
    without a file name and cp1252 bytes re-encoded)."""
    data = "subject\nJosé".encode("cp1252")
    body = BodyImportCsv(file=File(payload=io.BytesIO(data), file_name="people.csv"))
    [(field, part)] = body.to_multipart()
    assert field == "file"
    assert isinstance(part, tuple)
    assert part[0] == "people.csv"
    assert isinstance(part[1], io.BytesIO)
    assert part[1].getvalue() == data


async def test_signed_out_the_pages_send_home_and_the_progress_says_401(tmp_path: Path) -> None:
    settings = WebSettings(
        environment="test",
        session_database=str(tmp_path / "s.db"),
        session_key_file=str(tmp_path / "s.key"),
    )
    pid, rid = uuid.uuid4(), uuid.uuid4()
    transport = httpx2.ASGITransport(app=create_app(settings))
    async with httpx2.AsyncClient(transport=transport, base_url="http://127.0.0.1") as client:
        for path in (
            f"/programmes/{pid}/imports",
            f"/programmes/{pid}/match-runs",
            f"/programmes/{pid}/match-runs/{rid}",
            f"/programmes/{pid}/match-runs/{rid}/proposals",
            f"/programmes/{pid}/relationships",
        ):
            answer = await client.get(path)
            assert (answer.status_code, answer.headers["location"]) == (303, "/"), path
        progress = await client.get(f"/programmes/{pid}/match-runs/{rid}/progress")
        assert progress.status_code == 401
        # A form without its CSRF token is refused before anything else.
        assert (await client.post(f"/programmes/{pid}/match-runs")).status_code == 403
