"""Erasure (on participant.erased and by an admin) and each participant's export."""

from __future__ import annotations

from sqlalchemy import select

from tandem_contracts.matching import ParticipantErased
from tandem_kit.db.tables import mail_names_table, mail_outbox_table
from tandem_kit.directory.tables import participants
from tandem_kit.privacy import participant
from tandem_messaging.adapters.tables import messages
from tests.messaging.conftest import World
from tests.messaging.harness import Harness


async def exchange(world: World) -> dict[str, str]:
    """The mentee writes everywhere; the mentor replies to her."""
    h, a = world.h, world.a
    mentor, mentee = h.as_person(world.mentor, a), h.as_person(world.mentee, a)
    url = f"/v1/conversations/{world.conversation}/messages"
    hers = (await h.client.post(url, json={"body": "I got the job offer!"}, headers=mentee)).json()
    his = (
        await h.client.post(
            url, json={"body": "Congratulations!", "in_reply_to": hers["id"]}, headers=mentor
        )
    ).json()
    forum = (await h.client.get(f"/v1/programmes/{a.id}/forums", headers=mentee)).json()["items"][
        0
    ]["id"]
    thread = (
        await h.client.post(
            f"/v1/forums/{forum}/threads",
            headers=mentee,
            json={"title": "My job search story", "body": "It took 40 applications."},
        )
    ).json()
    await h.client.post(
        f"/v1/forums/{forum}/threads/{thread['id']}/posts",
        headers=mentor,
        json={"body": "Thanks for sharing."},
    )
    await h.client.post(
        f"{url}/{his['id']}/reports",
        headers=mentee,
        json={"reason": "other", "note": "Just testing reports."},
    )
    await h.client.put(
        f"/v1/relationships/{world.pair}/agreement",
        headers=mentee,
        json={
            "based_on_version": 1,
            "channels": ["messages"],
            "response_time_hours": 24,
            "meeting_cadence_days": 7,
            "confidentiality_statement": "Between us.",
            "rules": ["Weekends are off."],
        },
    )
    return {"hers": hers["id"], "his": his["id"], "forum": forum, "thread": thread["id"]}


async def test_export_holds_everything_she_wrote_and_nothing_else(world: World) -> None:
    await exchange(world)
    h = world.h
    response = await h.client.get("/v1/me/export", headers=h.as_person(world.mentee, world.a))
    # a download that browsers save under its own name, like meetings' export
    assert response.headers["content-disposition"] == (
        'attachment; filename="tandem-messaging-export.json"'
    )
    export = response.json()
    assert [m["body"] for m in export["messages"]] == ["I got the job offer!"]
    assert export["messages"][0]["relationship_id"] == str(world.pair)
    assert [t["title"] for t in export["forum_threads"]] == ["My job search story"]
    assert [p["body"] for p in export["forum_posts"]] == ["It took 40 applications."]
    assert [r["note"] for r in export["reports"]] == ["Just testing reports."]
    assert [c["rules"] for c in export["agreement_changes"]] == [["Weekends are off."]]
    assert export["notification_preferences"] == {
        "new_message": "immediate",
        "digest_hour": 18,
        "manager_mail": "digest",
    }
    assert "Congratulations" not in str(export)
    assert "Thanks for sharing" not in str(export)


async def test_erasure_destroys_her_content_and_keeps_the_conversation_for_others(
    world: World,
) -> None:
    ids = await exchange(world)
    h, a = world.h, world.a
    mentor = h.as_person(world.mentor, a)
    await h.deliver(
        ParticipantErased(
            programme_id=a.id,
            participant_id=world.mentee.participant_id,
            subject=world.mentee.subject,
        )
    )

    listed = (
        await h.client.get(f"/v1/conversations/{world.conversation}/messages", headers=mentor)
    ).json()["items"]
    his, hers = listed
    assert (hers["body"], hers["sender"]["display_name"], hers["sender"]["participant_id"]) == (
        "[deleted]",
        "former member",
        None,
    )
    assert his["body"] == "Congratulations!"
    assert his["in_reply_to"] == ids["hers"]
    conversation = (
        await h.client.get(f"/v1/conversations/{world.conversation}", headers=mentor)
    ).json()
    assert [m["role"] for m in conversation["members"]] == ["mentor"]
    thread = (
        await h.client.get(f"/v1/forums/{ids['forum']}/threads/{ids['thread']}", headers=mentor)
    ).json()
    assert (thread["title"], thread["author"]["display_name"]) == ("[deleted]", "former member")
    posts = (
        await h.client.get(
            f"/v1/forums/{ids['forum']}/threads/{ids['thread']}/posts", headers=mentor
        )
    ).json()["items"]
    assert [p["body"] for p in posts] == ["[deleted]", "Thanks for sharing."]
    stats = (
        await h.client.get(
            f"/v1/conversations/{world.conversation}/statistics", headers=h.as_person(a.manager, a)
        )
    ).json()
    assert {(r["participant_id"], r["message_count"]) for r in stats["members"]} == {
        (str(world.mentor.participant_id), 1),
        (None, 1),
    }
    reports = (
        await h.client.get(f"/v1/programmes/{a.id}/reports", headers=h.as_person(a.manager, a))
    ).json()["items"]
    assert reports[0]["note"] is None
    assert reports[0]["reporter"]["participant_id"] is None

    await assert_nothing_left(h, world)
    # A late update must not bring her back.
    await h.deliver(a.contact(world.mentee))
    async with h.runtime.database.sessions() as session:
        assert (
            await session.execute(
                select(participants).where(participants.c.subject == world.mentee.subject)
            )
        ).first() is None
    export = (await h.client.get("/v1/me/export", headers=h.as_person(world.mentee, a))).json()
    assert export["messages"] == []
    assert export["forum_posts"] == []


async def assert_nothing_left(h: Harness, world: World) -> None:
    async with h.runtime.database.sessions() as session:
        rows = (
            await session.execute(select(messages).where(messages.c.author_erased.is_(True)))
        ).all()
        assert len(rows) == 1
        assert rows[0].body_ciphertext is None
        assert rows[0].body_nonce is None
        assert rows[0].sender_subject is None
        assert rows[0].sender_participant_id is None
        vault = h.runtime.database.vault
        assert vault is not None
        mails = (
            await session.execute(
                select(mail_outbox_table.c.id).where(
                    mail_outbox_table.c.recipient_index == vault.blind_index(world.mentee.email)
                )
            )
        ).all()
        assert mails == [], "mails to an erased person's address go too"
        named = (
            await session.execute(
                select(mail_names_table.c.mail_id).where(
                    mail_names_table.c.person == participant(world.mentee.participant_id)
                )
            )
        ).all()
        assert named == [], "mails naming an erased person go too"


async def test_admin_erasure_endpoint(world: World) -> None:
    await exchange(world)
    h, a = world.h, world.a
    url = f"/v1/admin/participants/{world.mentee.participant_id}/erasure"
    admin = h.auth("root", admin=True)
    assert (await h.client.post(url, headers=h.as_person(a.manager, a))).status_code == 403
    done = await h.client.post(url, headers=admin)
    assert done.status_code == 200
    assert done.json() == {
        "participant_id": str(world.mentee.participant_id),
        "messages_erased": 1,
        "posts_erased": 1,
    }
    again = await h.client.post(url, headers=admin)
    assert again.status_code == 200
    assert again.json()["messages_erased"] == 0
    unknown = await h.client.post(
        "/v1/admin/participants/00000000-0000-4000-8000-000000000000/erasure", headers=admin
    )
    assert unknown.status_code == 404
    await assert_nothing_left(h, world)
