"""What managers see (figures, never content), and each participant's view of it."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta

from tests.messaging.conftest import World

T0 = datetime(2026, 3, 2, 9, 0, tzinfo=UTC)


async def converse(world: World) -> None:
    """Mentor at 9:00; mentee answers at 10:00 and adds at 10:10; mentor answers at 12:00."""
    h, a = world.h, world.a
    mentor, mentee = h.as_person(world.mentor, a), h.as_person(world.mentee, a)
    url = f"/v1/conversations/{world.conversation}/messages"
    for at, who, text in [
        (T0, mentor, "How are you?"),
        (T0 + timedelta(hours=1), mentee, "Fine, busy week."),
        (T0 + timedelta(hours=1, minutes=10), mentee, "Had the interview."),
        (T0 + timedelta(hours=3), mentor, "Tell me more!"),
    ]:
        h.clock.set(at)
        assert (await h.client.post(url, json={"body": text}, headers=who)).status_code == 201


async def test_manager_sees_figures_of_a_conversation_but_no_content(world: World) -> None:
    await converse(world)
    h, a = world.h, world.a
    manager = h.as_person(a.manager, a)
    response = await h.client.get(
        f"/v1/conversations/{world.conversation}/statistics", headers=manager
    )
    assert response.status_code == 200
    stats = response.json()
    assert stats["message_count"] == 4
    assert stats["last_activity_at"].startswith("2026-03-02T12:00:00")
    rows = {r["role"]: r for r in stats["members"]}
    assert (
        rows["mentor"]["message_count"],
        rows["mentor"]["responses"],
        rows["mentor"]["median_response_seconds"],
    ) == (2, 1, 7200.0)
    assert (
        rows["mentee"]["message_count"],
        rows["mentee"]["responses"],
        rows["mentee"]["median_response_seconds"],
    ) == (2, 1, 3600.0)
    for text in ("How are you", "busy week", "interview", "Tell me more"):
        assert text not in response.text
    content = await h.client.get(
        f"/v1/conversations/{world.conversation}/messages", headers=manager
    )
    assert content.status_code == 403
    assert content.json()["code"] == "content_confidential"


async def test_programme_figures_are_paginated(world: World) -> None:
    await converse(world)
    h, a = world.h, world.a
    manager = h.as_person(a.manager, a)
    url = f"/v1/programmes/{a.id}/conversation-statistics"
    first = (await h.client.get(url, params={"limit": 1}, headers=manager)).json()
    second = (
        await h.client.get(
            url, params={"limit": 1, "cursor": first["next_cursor"]}, headers=manager
        )
    ).json()
    assert second["next_cursor"] is None
    seen = {first["items"][0]["conversation_id"], second["items"][0]["conversation_id"]}
    assert seen == {str(world.conversation), str(world.other_conversation)}
    other = await h.client.get(url, headers=h.as_person(world.b.manager, world.b))
    assert other.status_code == 404


async def test_participants_see_exactly_what_the_manager_sees_about_them(world: World) -> None:
    await converse(world)
    h, a = world.h, world.a
    managers_view = (
        await h.client.get(
            f"/v1/conversations/{world.conversation}/statistics", headers=h.as_person(a.manager, a)
        )
    ).json()
    mine = (await h.client.get("/v1/me/manager-view", headers=h.as_person(world.mentee, a))).json()
    [conversation] = mine["conversations"]
    [my_row] = conversation["members"]
    [managers_row_about_me] = [
        r
        for r in managers_view["members"]
        if r["participant_id"] == str(world.mentee.participant_id)
    ]
    assert my_row == managers_row_about_me
    assert {k: v for k, v in conversation.items() if k != "members"} == {
        k: v for k, v in managers_view.items() if k != "members"
    }
    nothing = (
        await h.client.get("/v1/me/manager-view", headers=h.as_person(world.b.people[0], world.b))
    ).json()
    assert [c["conversation_id"] for c in nothing["conversations"]] == [str(world.b_conversation)]
