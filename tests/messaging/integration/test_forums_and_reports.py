"""Forums (programme and group), moderation by the manager, and misconduct reports."""

from __future__ import annotations

import uuid

from tests.messaging.conftest import World
from tests.messaging.harness import outbox_events


async def programme_forum(world: World) -> str:
    h = world.h
    forums = (
        await h.client.get(
            f"/v1/programmes/{world.a.id}/forums", headers=h.as_person(world.mentee, world.a)
        )
    ).json()["items"]
    [forum] = [f for f in forums if f["kind"] == "programme"]
    return str(forum["id"])


async def test_threads_and_posts_with_events_carrying_metadata_only(world: World) -> None:
    h, a = world.h, world.a
    forum = await programme_forum(world)
    mentee, mentor, manager = (h.as_person(p, a) for p in (world.mentee, world.mentor, a.manager))
    created = await h.client.post(
        f"/v1/forums/{forum}/threads",
        headers=mentee,
        json={"title": "Interview tips", "body": "What worked for you?", "format": "markdown"},
    )
    assert created.status_code == 201, created.text
    thread = created.json()
    assert thread["title"] == "Interview tips"
    assert thread["post_count"] == 1
    assert thread["author"]["display_name"] == "Ana Mentee"
    posts_url = f"/v1/forums/{forum}/threads/{thread['id']}/posts"
    first_post = (await h.client.get(posts_url, headers=mentor)).json()["items"][0]
    reply = await h.client.post(
        posts_url,
        headers=mentor,
        json={"body": "Practise out loud.", "in_reply_to": first_post["id"]},
    )
    assert reply.status_code == 201
    by_manager = await h.client.post(posts_url, headers=manager, json={"body": "Welcome all!"})
    assert by_manager.json()["author"] == {
        "participant_id": None,
        "role": "manager",
        "display_name": "Mia Manager",
    }
    page = (await h.client.get(posts_url, params={"limit": 2}, headers=mentee)).json()
    rest = (
        await h.client.get(posts_url, params={"cursor": page["next_cursor"]}, headers=mentee)
    ).json()
    assert [p["body"] for p in page["items"] + rest["items"]] == [
        "What worked for you?",
        "Practise out loud.",
        "Welcome all!",
    ]
    events = await outbox_events(h, "tandem.forum.post.created.v1")
    assert len(events) == 3
    assert [e["author_role"] for e in events] == ["mentee", "mentor", "manager"]
    assert all("body" not in e and "title" not in e for e in events)
    assert events[1]["length"] == len("Practise out loud.")
    bad_reply = await h.client.post(
        posts_url, headers=mentor, json={"body": "x", "in_reply_to": str(uuid.uuid4())}
    )
    assert bad_reply.status_code == 422
    long_title = await h.client.post(
        f"/v1/forums/{forum}/threads", headers=mentee, json={"title": "t" * 201, "body": "b"}
    )
    assert long_title.status_code == 413


async def test_manager_locks_threads_and_hides_posts(world: World) -> None:
    h, a = world.h, world.a
    forum = await programme_forum(world)
    mentee, mentor, manager = (h.as_person(p, a) for p in (world.mentee, world.mentor, a.manager))
    thread = (
        await h.client.post(
            f"/v1/forums/{forum}/threads", headers=mentee, json={"title": "T", "body": "first"}
        )
    ).json()
    posts_url = f"/v1/forums/{forum}/threads/{thread['id']}/posts"
    rude = (await h.client.post(posts_url, headers=mentor, json={"body": "rude words"})).json()
    hidden = await h.client.put(
        f"/v1/forums/{forum}/posts/{rude['id']}/visibility", json={"hidden": True}, headers=manager
    )
    assert hidden.json() == {"post_id": rude["id"], "hidden": True}
    seen_by_member = (await h.client.get(posts_url, headers=mentee)).json()["items"][1]
    assert seen_by_member["body"] == "[hidden]"
    assert seen_by_member["hidden"] is True
    seen_by_manager = (await h.client.get(posts_url, headers=manager)).json()["items"][1]
    assert seen_by_manager["body"] == "rude words"
    locked = await h.client.put(
        f"/v1/forums/{forum}/threads/{thread['id']}/lock", json={"locked": True}, headers=manager
    )
    assert locked.json()["locked"] is True
    refused = await h.client.post(posts_url, headers=mentee, json={"body": "still here?"})
    assert refused.status_code == 409
    assert refused.json()["code"] == "thread_locked"
    await h.client.put(
        f"/v1/forums/{forum}/threads/{thread['id']}/lock", json={"locked": False}, headers=manager
    )
    assert (
        await h.client.post(posts_url, headers=mentee, json={"body": "back"})
    ).status_code == 201


async def test_group_forum_closes_with_its_relationship(world: World) -> None:
    h, a = world.h, world.a
    group = uuid.uuid4()
    await h.deliver(a.started(group, world.mentor, world.mentee, a.people[3], group=True))
    mentee = h.as_person(world.mentee, a)
    forums = (await h.client.get(f"/v1/programmes/{a.id}/forums", headers=mentee)).json()["items"]
    [forum] = [f["id"] for f in forums if f["relationship_id"] == str(group)]
    assert (
        await h.client.post(
            f"/v1/forums/{forum}/threads",
            headers=mentee,
            json={"title": "Plan", "body": "Let's meet"},
        )
    ).status_code == 201
    [event] = await outbox_events(h, "tandem.forum.post.created.v1")
    assert event["relationship_id"] == str(group)
    await h.deliver(a.ended(group))
    closed = await h.client.post(
        f"/v1/forums/{forum}/threads", headers=mentee, json={"title": "Late", "body": "x"}
    )
    assert closed.status_code == 409
    assert closed.json()["code"] == "forum_read_only"


async def test_reports_carry_the_excerpt_only_when_the_reporter_chooses(world: World) -> None:
    h, a = world.h, world.a
    mentee, mentor, manager = (h.as_person(p, a) for p in (world.mentee, world.mentor, a.manager))
    url = f"/v1/conversations/{world.conversation}/messages"
    message = (await h.client.post(url, json={"body": "Send me photos"}, headers=mentor)).json()
    plain = await h.client.post(
        f"{url}/{message['id']}/reports", headers=mentee, json={"reason": "harassment"}
    )
    assert plain.status_code == 201
    assert plain.json()["includes_excerpt"] is False
    with_excerpt = await h.client.post(
        f"{url}/{message['id']}/reports",
        headers=mentee,
        json={"reason": "harassment", "note": "Second time.", "include_excerpt": True},
    )
    assert with_excerpt.json()["includes_excerpt"] is True
    own = await h.client.post(
        f"{url}/{message['id']}/reports", headers=mentor, json={"reason": "spam"}
    )
    assert own.status_code == 422
    assert own.json()["code"] == "own_content"

    queue = (await h.client.get(f"/v1/programmes/{a.id}/reports", headers=manager)).json()
    first, second = queue["items"]
    assert first["excerpt"] is None
    assert first["note"] is None
    assert second["excerpt"] == "Send me photos"
    assert second["note"] == "Second time."
    assert second["author"] == {
        "participant_id": str(world.mentor.participant_id),
        "role": "mentor",
    }
    assert second["reporter"] == {
        "participant_id": str(world.mentee.participant_id),
        "role": "mentee",
    }
    resolved = await h.client.patch(
        f"/v1/programmes/{a.id}/reports/{first['id']}", json={"status": "resolved"}, headers=manager
    )
    assert resolved.json()["status"] == "resolved"
    assert resolved.json()["resolved_at"]
    still_open = (
        await h.client.get(
            f"/v1/programmes/{a.id}/reports", params={"status": "open"}, headers=manager
        )
    ).json()
    assert [r["id"] for r in still_open["items"]] == [second["id"]]
    # Still: the conversation itself stays closed to the manager.
    assert (await h.client.get(url, headers=manager)).status_code == 403


async def test_forum_post_reports(world: World) -> None:
    h, a = world.h, world.a
    forum = await programme_forum(world)
    mentee, mentor, manager = (h.as_person(p, a) for p in (world.mentee, world.mentor, a.manager))
    thread = (
        await h.client.post(
            f"/v1/forums/{forum}/threads",
            headers=mentee,
            json={"title": "T", "body": "spammy link"},
        )
    ).json()
    post = (
        await h.client.get(f"/v1/forums/{forum}/threads/{thread['id']}/posts", headers=mentor)
    ).json()["items"][0]
    filed = await h.client.post(
        f"/v1/forums/{forum}/posts/{post['id']}/reports",
        headers=mentor,
        json={"reason": "spam", "include_excerpt": True},
    )
    assert filed.status_code == 201
    [report] = (await h.client.get(f"/v1/programmes/{a.id}/reports", headers=manager)).json()[
        "items"
    ]
    assert (report["target_kind"], report["excerpt"]) == ("post", "spammy link")


async def test_the_forum_list_is_a_cursor_page_of_the_forums_the_caller_may_read(
    world: World,
) -> None:
    # Every list endpoint is cursor-paginated (docs/building-a-service.md). The group
    # forums someone is no member of are filtered out before a page is cut, so a page
    # is never short of forums the caller may read, nor holds one they may not.
    h, a = world.h, world.a
    mine, theirs = uuid.uuid4(), uuid.uuid4()
    await h.deliver(a.started(mine, world.mentor, world.mentee, a.people[3], group=True))
    await h.deliver(a.started(theirs, a.people[2], a.people[3], group=True))
    url = f"/v1/programmes/{a.id}/forums"
    mentee, manager = h.as_person(world.mentee, a), h.as_person(a.manager, a)

    async def every_page(headers: dict[str, str]) -> list[list[str | None]]:
        pages, cursor = [], ""
        while True:
            page = await h.client.get(url, params={"limit": 1, "cursor": cursor}, headers=headers)
            assert page.status_code == 200, page.text
            body = page.json()
            pages.append([f["relationship_id"] for f in body["items"]])
            if body["next_cursor"] is None:
                return pages
            cursor = body["next_cursor"]

    assert await every_page(mentee) == [[None], [str(mine)]]
    overseen = await every_page(manager)
    assert all(len(page) == 1 for page in overseen)
    assert sorted(str(page[0]) for page in overseen) == sorted(["None", str(mine), str(theirs)])
