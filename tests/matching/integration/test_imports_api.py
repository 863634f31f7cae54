"""Bulk imports: CSV and JSON, bad rows reported by line, all-or-nothing or valid-only."""

from __future__ import annotations

import csv
import io
import uuid
from typing import Any

from sqlalchemy import func, select

from tandem_kit.db.tables import outbox_table
from tandem_kit.testing import assert_problem
from tests.matching.integration.helpers import Api, mentee_body, mentor_body

HEADER = [
    "subject",
    "role",
    "display_name",
    "email",
    "preferred_language",
    "country",
    "time_zone",
    "languages",
    "city",
    "availability",
    "sector",
    "skills",
    "goals",
    "preferred_format",
    "modality",
    "capacity",
    "linkedin_url",
    "linkedin_consent",
]


def csv_row(subject: str, role: str = "mentee", **cells: str) -> dict[str, str]:
    row = {
        "subject": subject,
        "role": role,
        "display_name": f"Person {subject}",
        "email": f"{subject}@example.org",
        "preferred_language": "de",
        "country": "DE",
        "time_zone": "Europe/Berlin",
        "languages": "de;en",
        "city": "Berlin",
        "availability": "mon 18:00-20:00; 3 09:00-12:30",
        "sector": "logistics",
        "skills": "cv;interviews" if role == "mentor" else "",
        "goals": "" if role == "mentor" else "cv;networking",
        "preferred_format": "pair",
        "modality": "online_only",
        "capacity": "2" if role == "mentor" else "",
        "linkedin_url": "",
        "linkedin_consent": "no",
    }
    row.update(cells)
    return row


def csv_file(rows: list[dict[str, str]], header: list[str] = HEADER) -> bytes:
    out = io.StringIO()
    writer = csv.DictWriter(out, fieldnames=header, lineterminator="\n")
    writer.writeheader()
    writer.writerows(rows)
    return out.getvalue().encode()


async def upload(
    api: Api, pid: str, data: bytes, mode: str | None = None, headers: dict[str, str] | None = None
) -> Any:
    query = f"?mode={mode}" if mode else ""
    return await api.client.post(
        f"/v1/programmes/{pid}/imports/csv{query}",
        headers=headers or api.tokens.manager(pid),
        files={"file": ("people.csv", data, "text/csv")},
    )


async def count_participants(api: Api, pid: str) -> int:
    total, cursor = 0, None
    while True:
        query = f"?limit=200&cursor={cursor}" if cursor else "?limit=200"
        page = await api.call(
            "GET", f"/v1/programmes/{pid}/participants{query}", api.tokens.manager(pid)
        )
        total += len(page["items"])
        cursor = page["next_cursor"]
        if cursor is None:
            return total


async def count_events(api: Api, topic: str = "tandem.matching.v1") -> int:
    query = select(func.count()).select_from(outbox_table).where(outbox_table.c.topic == topic)
    async with api.database.sessions() as session:
        return int(await session.scalar(query) or 0)


BAD_ROWS = [
    csv_row("ok-1", "mentor"),
    csv_row("bad-zone", time_zone="Mars/Olympus"),  # line 3
    csv_row("ok-2"),
    csv_row("bad-window", availability="tue 20:00-19:00"),  # line 5
    csv_row("bad-capacity", "mentor", capacity="0"),  # line 6
    csv_row("ok-1"),  # line 7: duplicate
    csv_row("bad-country", country="US"),  # line 8
    csv_row("bad-linkedin", linkedin_url="https://linkedin.evil/in/x"),  # line 9
]


async def test_good_csv_imports_everyone_with_events(api: Api) -> None:
    pid = await api.programme()
    rows = [csv_row(f"m{i}", "mentor") for i in range(3)] + [csv_row(f"e{i}") for i in range(5)]
    before = await count_events(api)
    contacts_before = await count_events(api, "tandem.contacts.v1")
    response = await upload(api, pid, csv_file(rows))
    assert response.status_code == 201, response.text
    report = response.json()
    assert (report["total_rows"], report["imported"], report["rejected"]) == (8, 8, 0)
    assert report["source"] == "csv"
    assert report["mode"] == "all_or_nothing"
    assert await count_participants(api, pid) == 8
    assert await count_events(api) - before == 8
    assert await count_events(api, "tandem.contacts.v1") - contacts_before == 8
    mentee = (
        await api.call(
            "GET", f"/v1/programmes/{pid}/participants?role=mentee&limit=1", api.tokens.manager(pid)
        )
    )["items"][0]
    assert mentee["availability"] == [
        {"weekday": 0, "start": "18:00", "end": "20:00"},
        {"weekday": 3, "start": "09:00", "end": "12:30"},
    ]
    assert mentee["goals"] == ["cv", "networking"]
    assert mentee["languages"] == ["de", "en"]
    listed = await api.call("GET", f"/v1/programmes/{pid}/imports", api.tokens.manager(pid))
    assert [i["id"] for i in listed["items"]] == [report["id"]]
    again = await api.call(
        "GET", f"/v1/programmes/{pid}/imports/{report['id']}", api.tokens.manager(pid)
    )
    assert again == report


async def test_bad_rows_are_reported_by_line_and_nothing_is_written(api: Api) -> None:
    pid = await api.programme()
    before = await count_events(api)
    body = assert_problem(await upload(api, pid, csv_file(BAD_ROWS)), 422, "invalid_rows")
    lines = {e["line"]: e for e in body["errors"]}
    assert sorted(lines) == [3, 5, 6, 7, 8, 9]
    assert "time_zone" in lines[3]["reason"]
    assert lines[3]["subject"] == "bad-zone"
    assert "end after it starts" in lines[5]["reason"]
    assert "capacity" in lines[6]["reason"]
    assert "also on line 2" in lines[7]["reason"]
    assert "country US" in lines[8]["reason"]
    assert "linkedin" in lines[9]["reason"].lower()
    assert await count_participants(api, pid) == 0
    assert await count_events(api) == before
    listed = await api.call("GET", f"/v1/programmes/{pid}/imports", api.tokens.manager(pid))
    assert listed["items"] == []


async def test_valid_only_imports_the_good_rows(api: Api) -> None:
    pid = await api.programme()
    await api.register(pid, mentee_body("already-here"))
    rows = [*BAD_ROWS, csv_row("already-here")]  # line 10
    response = await upload(api, pid, csv_file(rows), mode="valid_only")
    assert response.status_code == 201, response.text
    report = response.json()
    assert (report["imported"], report["rejected"]) == (2, 7)
    assert [e["line"] for e in report["errors"]] == [3, 5, 6, 7, 8, 9, 10]
    assert "already registered" in report["errors"][-1]["reason"]
    assert await count_participants(api, pid) == 3


async def test_csv_line_numbers_count_physical_lines(api: Api) -> None:
    pid = await api.programme()
    # A quoted cell with a line break: the next record starts two lines later.
    data = csv_file([csv_row("a", display_name="Two\nLines"), csv_row("b", country="XX")])
    body = assert_problem(await upload(api, pid, data), 422, "invalid_rows")
    assert [e["line"] for e in body["errors"]] == [4]


async def test_unreadable_files(api: Api) -> None:
    pid = await api.programme()
    assert_problem(
        await upload(api, pid, csv_file([csv_row("a")], header=[*HEADER, "shoe_size"])),
        422,
        "invalid_csv",
    )
    assert_problem(await upload(api, pid, b"subject,role\nx,mentee\n"), 422, "invalid_csv")
    assert_problem(await upload(api, pid, "subject;role\n".encode("utf-16")), 422, "invalid_csv")
    assert_problem(await upload(api, pid, csv_file([])), 422, "empty_import")
    assert_problem(
        await upload(api, pid, csv_file([csv_row("a")]), mode="some"), 422, "validation_error"
    )
    response = await api.client.post(
        f"/v1/programmes/{pid}/imports/csv", headers=api.tokens.manager(pid)
    )
    assert_problem(response, 422, "validation_error")
    assert await count_participants(api, pid) == 0


async def test_only_the_programmes_managers_import(api: Api) -> None:
    pid, other = await api.programme(), await api.programme()
    data = csv_file([csv_row("a")])
    assert_problem(await upload(api, pid, data, headers=api.tokens.mentee(pid, "x")), 403)
    assert_problem(
        await upload(api, pid, data, headers=api.tokens.manager(other)), 404, "programme_not_found"
    )
    assert_problem(
        await api.client.post(
            f"/v1/programmes/{pid}/imports",
            headers=api.tokens.mentor(pid, "x"),
            json={"rows": [mentee_body("a")]},
        ),
        403,
    )
    assert_problem(
        await api.client.get(f"/v1/programmes/{pid}/imports", headers=api.tokens.mentee(pid, "x")),
        403,
    )
    assert_problem(
        await api.client.get(
            f"/v1/programmes/{pid}/imports/{uuid.uuid4()}", headers=api.tokens.manager(pid)
        ),
        404,
        "import_not_found",
    )
    report = await api.call(
        "POST",
        f"/v1/programmes/{pid}/imports",
        api.tokens.manager(pid),
        201,
        json={"rows": [mentee_body("a")]},
    )
    assert_problem(
        await api.client.get(
            f"/v1/programmes/{other}/imports/{report['id']}", headers=api.tokens.manager(other)
        ),
        404,
    )
    assert await count_participants(api, pid) == 1


async def test_json_import_reports_positions(api: Api) -> None:
    pid = await api.programme()
    rows: list[dict[str, Any]] = [
        mentor_body("m1"),
        mentee_body("e1", time_zone="Nope/Zone"),
        mentee_body(None),
        {"subject": "x"},
        mentee_body("e2"),
    ]
    body = assert_problem(
        await api.client.post(
            f"/v1/programmes/{pid}/imports", headers=api.tokens.manager(pid), json={"rows": rows}
        ),
        422,
        "invalid_rows",
    )
    assert [e["line"] for e in body["errors"]] == [2, 3, 4]
    assert "subject" in body["errors"][1]["reason"]
    report = await api.call(
        "POST",
        f"/v1/programmes/{pid}/imports?mode=valid_only",
        api.tokens.manager(pid),
        201,
        json={"rows": rows},
    )
    assert (report["source"], report["imported"], report["rejected"]) == ("json", 2, 3)
    assert_problem(
        await api.client.post(
            f"/v1/programmes/{pid}/imports", headers=api.tokens.manager(pid), json={"rows": []}
        ),
        422,
    )
    # Every row bad: nothing to import, even in valid_only mode.
    assert_problem(
        await api.client.post(
            f"/v1/programmes/{pid}/imports?mode=valid_only",
            headers=api.tokens.manager(pid),
            json={"rows": [{"subject": "y"}]},
        ),
        422,
        "invalid_rows",
    )


async def test_five_thousand_rows_in_one_import(api: Api) -> None:
    pid = await api.programme()
    rows = [csv_row(f"m{i}", "mentor") for i in range(1000)]
    rows += [csv_row(f"e{i}") for i in range(4000)]
    response = await upload(api, pid, csv_file(rows))
    assert response.status_code == 201, response.text
    assert response.json()["imported"] == 5000
    assert await count_events(api) >= 5000
    page = await api.call(
        "GET", f"/v1/programmes/{pid}/participants?role=mentor&limit=1", api.tokens.manager(pid)
    )
    assert page["items"][0]["capacity"] == 2


async def test_duplicate_emails_and_subjects_are_reported_with_what_they_duplicate(
    api: Api,
) -> None:
    pid = await api.programme()
    await api.register(pid, mentee_body("here", email="Here@Example.org"))
    rows = [
        csv_row("a", email="Same@Example.org"),  # line 2
        csv_row("b", email="same@example.ORG"),  # line 3: e-mail of line 2
        csv_row("A"),  # line 4: subject of line 2, other case
        csv_row("c", email="here@example.org"),  # line 5: e-mail of participant "here"
        csv_row("d"),  # line 6: fine
    ]
    before = await count_events(api)
    body = assert_problem(await upload(api, pid, csv_file(rows)), 422, "invalid_rows")
    lines = {e["line"]: e["reason"] for e in body["errors"]}
    assert sorted(lines) == [3, 4, 5]
    assert "e-mail" in lines[3]
    assert "also on line 2" in lines[3]
    assert "also on line 2" in lines[4]
    assert "e-mail" in lines[5]
    assert "here" in lines[5]
    assert await count_participants(api, pid) == 1
    assert await count_events(api) == before

    report = await api.call(
        "POST",
        f"/v1/programmes/{pid}/imports?mode=valid_only",
        api.tokens.manager(pid),
        201,
        json={
            "rows": [
                mentee_body("j1", email="j@example.org"),
                mentee_body("j2", email="J@EXAMPLE.org"),
                mentee_body(" j1 ", email="j1b@example.org"),
                mentee_body("j3", email="HERE@example.org"),
            ]
        },
    )
    assert (report["imported"], report["rejected"]) == (1, 3)
    reasons = {e["line"]: e["reason"] for e in report["errors"]}
    assert "e-mail" in reasons[2]
    assert "also on line 1" in reasons[2]
    assert "also on line 1" in reasons[3]
    assert "e-mail" in reasons[4]
    assert "here" in reasons[4]
    assert await count_participants(api, pid) == 2


def european_file(rows: list[dict[str, str]], delimiter: str, encoding: str) -> bytes:
    out = io.StringIO()
    writer = csv.DictWriter(out, fieldnames=HEADER, delimiter=delimiter, lineterminator="\r\n")
    writer.writeheader()
    writer.writerows(rows)
    return out.getvalue().encode(encoding)


async def test_semicolon_tab_cp1252_and_bom_files_from_european_spreadsheets(api: Api) -> None:
    pid = await api.programme()
    names = {"mu": "Jürgen Müller", "jo": "José Núñez", "fr": "Françoise Lefèvre"}
    rows = [csv_row(s, display_name=n) for s, n in names.items()]  # ';' cells get quoted
    cases = [
        (european_file(rows, ";", "cp1252"), "cp1252", ";"),
        (european_file([csv_row("bom")], ",", "utf-8-sig"), "utf-8-sig", ","),
        (european_file([csv_row("tab")], "\t", "utf-8"), "utf-8", "\t"),
    ]
    for data, encoding, delimiter in cases:
        response = await upload(api, pid, data)
        assert response.status_code == 201, response.text
        report = response.json()
        assert (report["encoding"], report["delimiter"]) == (encoding, delimiter)
        assert report["rejected"] == 0
    page = await api.call(
        "GET", f"/v1/programmes/{pid}/participants?limit=50", api.tokens.manager(pid)
    )
    stored = {p["subject"]: p for p in page["items"]}
    assert {s: stored[s]["display_name"] for s in names} == names
    assert stored["mu"]["languages"] == ["de", "en"]
    assert {"bom", "tab"} <= set(stored)


CAPACITY_WANTED = (
    "capacity must be a whole number from 1 to 50 (how many mentees the mentor takes), got "
)


async def test_bad_cells_say_what_would_be_right(api: Api) -> None:
    """Issue 10: a manager saw "capacity: '-2' is not a whole number"."""
    pid = await api.programme()
    rows = [
        csv_row("neg", "mentor", capacity="-2"),
        csv_row("big", "mentor", capacity="51"),
        csv_row("word", "mentor", capacity="two"),
        csv_row("consent", linkedin_consent="maybe"),
    ]
    body = assert_problem(await upload(api, pid, csv_file(rows)), 422, "invalid_rows")
    assert [e["reason"] for e in body["errors"]] == [
        CAPACITY_WANTED + "'-2'",
        CAPACITY_WANTED + "'51'",
        CAPACITY_WANTED + "'two'",
        "linkedin_consent must be true or false (or yes/no, 1/0), got 'maybe'",
    ]
    json_rows = [mentor_body("zero", capacity=0), mentor_body("none", capacity=None)]
    body = assert_problem(
        await api.client.post(
            f"/v1/programmes/{pid}/imports",
            headers=api.tokens.manager(pid),
            json={"rows": json_rows},
        ),
        422,
        "invalid_rows",
    )
    assert [e["reason"] for e in body["errors"]] == [
        CAPACITY_WANTED + "0",
        "row: capacity is required for mentors: how many mentees they take, a whole number "
        "from 1 to 50",
    ]
