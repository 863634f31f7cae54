"""The pure rules behind the profile, availability and privacy pages: the form's text
as matching's change, matching's and meetings' 422 items placed on their field or row,
typed times, and each service's manager-view lines side by side per relationship."""

from __future__ import annotations

import uuid
from collections.abc import Mapping

from tandem_web.domain.availability import Row, clock, errors_by_row, rows_of, windows_of
from tandem_web.domain.privacy import (
    AnalyticsProgramme,
    AnalyticsRelationship,
    MeetingFigures,
    MessagingFigures,
    by_programme,
)
from tandem_web.domain.profile import GENERAL, changes, errors_by_field, field_of


def test_the_form_becomes_matchings_change_for_the_role() -> None:
    typed = {
        "display_name": " Ana ",
        "email": "ana@example.org",
        "preferred_language": "pt",
        "country": "PT",
        "time_zone": "Europe/Lisbon",
        "languages": "pt, en,,",
        "city": "",
        "goals": "cv",
        "skills": "networking",
        "preferred_format": "pair",
        "modality": "online_only",
        "capacity": "2",
    }
    body, errors = changes("mentee", typed, consent=True)
    assert errors == {}
    assert body["display_name"] == "Ana"
    assert body["languages"] == ["pt", "en"]
    assert body["city"] is None  # emptied: cleared in matching
    assert body["goals"] == ["cv"]
    assert "skills" not in body
    assert "capacity" not in body
    assert body["linkedin_consent"] is True
    mentor, _ = changes("mentor", typed, consent=False)
    assert (mentor["skills"], mentor["capacity"]) == (["networking"], 2)
    assert "goals" not in mentor
    _, wrong = changes("mentor", {**typed, "capacity": "two", "modality": "x"}, consent=False)
    assert set(wrong) == {"capacity", "modality"}


def test_matchings_errors_land_on_their_fields() -> None:
    assert field_of({"loc": ["body", "email"], "msg": "not an e-mail"}) == "email"
    assert field_of({"loc": ["body", "languages", 1], "msg": "x"}) == "languages"
    assert field_of({"msg": "country XX is not one of the programme's (DE)"}) == "country"
    assert field_of({"msg": "speaks none of the programme's languages"}) == "languages"
    assert field_of({"loc": ["body"], "msg": "nothing to update"}) == GENERAL
    assert errors_by_field([], "The profile does not fit.") == {
        GENERAL: "The profile does not fit."
    }


def test_typed_rows_become_meetings_windows() -> None:
    assert clock("9:30") == "09:30"
    assert clock("18.00") == "18:00"
    assert clock("25:00") == "25:00"  # meetings refuses it, as typed
    rows = rows_of(["0", "2", "4"], ["18:00", "", "9:00"], ["20:00", "", "12:00"], ["1"])
    assert rows == [Row("0", "18:00", "20:00"), Row("4", "9:00", "12:00")]
    blank = [Row("0", "", ""), Row("3", "10:00", "11:00"), Row("9", "1:00", "2:00")]
    windows, origin, errors = windows_of(blank)
    assert windows == [(3, "10:00", "11:00")]
    assert origin == [1]
    assert set(errors) == {2}  # no such weekday
    # meetings' item for its window 0 is the form's row 1 (the blank row was skipped)
    items: list[Mapping[str, object]] = [
        {"loc": ["body", "windows", 0, "start"], "msg": "bad"},
        {"msg": "all"},
    ]
    assert errors_by_row(items, origin, "x") == {1: "bad", -1: "all"}


def test_each_services_lines_side_by_side_per_relationship() -> None:
    programme, me, rid, other = uuid.uuid4(), uuid.uuid4(), uuid.uuid4(), uuid.uuid4()
    messaging = [MessagingFigures(rid, programme, "open", 4, None, 2, None, 1, 0.5)]
    meetings = [MeetingFigures(rid, programme, "active", 1, 0, 0, 0, 1, 0, 3, 1)]
    line = AnalyticsRelationship(other, None, None, 0, None, 0, 0, 0, 0)
    analytics = [AnalyticsProgramme(programme, True, 14, None, None, False, False, (line,))]
    [view] = by_programme(
        [(programme, me)],
        {programme: "Back to Work"},
        {rid: programme},
        {rid: ("Bruno",)},
        messaging,
        meetings,
        analytics,
    )
    assert view.name == "Back to Work"
    first, second = view.relationships
    assert (first.relationship_id, first.names) == (rid, ("Bruno",))
    assert first.messaging == messaging[0]
    assert first.meetings == meetings[0]
    assert first.analytics is None
    # A relationship analytics alone has a line about is shown too.
    assert second.relationship_id == other
    assert second.analytics == line
