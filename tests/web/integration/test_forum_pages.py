"""The forum, moderation and conversation-change pages against the real platform
(``tests/web/platform.py``: the services as processes on the real broker), the web app
driven over HTTP as a browser without JavaScript would.

A mentee finds her programme's forum from "what next", starts a thread, her mentor
replies to her post, she reports his reply; the manager finds the report in the queue,
hides the post and resolves the report, which leaves the open queue; the manager locks
a thread and a post to it is refused with the draft kept. In the conversation: a reply,
an edit and a withdrawal of her own message, a report of his (its text not sent: the
manager's queue shows who, when and why, never the text). Refusals are pages: another
programme's mentee gets "not found", a mentee opening the queue "not yours to manage",
editing someone else's message "not yours", a withdrawn one "can no longer be changed";
blank input is a 422 that keeps what was typed."""

from __future__ import annotations

import html
import re
import uuid
from pathlib import Path
from typing import Any

import httpx2
import pytest
from tandem_web.main import create_app
from tandem_web.settings import WebSettings

from demo.client import Api
from tandem_kit.settings import AuthSettings
from tests.web.integration.test_participant_pages import section, signed_in
from tests.web.integration.test_rematching_and_risk_pages import text_of
from tests.web.platform import Platform, form_token, wait_for
from tests.web.platform_forums import Outsider, outsider, programme_forum

pytestmark = [pytest.mark.kafka, pytest.mark.slow]
__all__ = ["outsider", "programme_forum"]  # fixtures, used by name

MANAGER = "demo-manager"


def said(page: httpx2.Response) -> str:
    """The page's words as a reader reads them (tags out, entities decoded)."""
    return html.unescape(text_of(page.text))


def thread_id_of(location: str, forum_id: str) -> str:
    found = re.fullmatch(rf"/forums/{forum_id}/threads/([0-9a-f-]+)", location)
    assert found is not None, location
    return found.group(1)


def posts_of(
    platform: Platform, subject: str, role: str, forum: str, thread: str
) -> list[dict[str, Any]]:
    token = platform.tokens.participant(subject, role, platform.programme_id)
    path = f"/v1/forums/{forum}/threads/{thread}/posts"
    return list(Api(platform.urls["messaging"]).pages(path, token))


def start_thread(browser: httpx2.Client, forum: str, title: str, body: str) -> str:
    page = browser.get(f"/forums/{forum}")
    assert page.status_code == 200, page.text
    answer = browser.post(
        f"/forums/{forum}/threads",
        data={"csrf_token": form_token(page.text), "title": title, "body": body},
    )
    assert answer.status_code == 303, answer.text
    return thread_id_of(answer.headers["location"], forum)


def test_a_report_by_the_mentee_reaches_the_queue_and_resolving_it_clears_it(
    platform: Platform, programme_forum: str
) -> None:
    pid, forum = platform.programme_id, programme_forum
    run = uuid.uuid4().hex[:6]
    title, opening = f"Interview tips {run}", f"What helped you most? ({run})"
    with signed_in(platform.urls["web"], platform.mentee) as mentee:
        home = mentee.get("/")
        assert "Your programme's forums" in html.unescape(section(home.text, "forums"))
        assert f'href="/programmes/{pid}/forums"' in home.text
        forums = mentee.get(f"/programmes/{pid}/forums")
        assert forums.status_code == 200, forums.text
        assert f'href="/forums/{forum}"' in forums.text
        assert "Programme forum" in forums.text
        # Bad input: a thread without a title is a 422 that keeps the first post typed.
        page = mentee.get(f"/forums/{forum}")
        blank = mentee.post(
            f"/forums/{forum}/threads",
            data={"csrf_token": form_token(page.text), "title": "  ", "body": opening},
        )
        assert blank.status_code == 422, blank.text
        assert "it needs a title and a first post" in blank.text
        assert opening in blank.text
        thread = start_thread(mentee, forum, title, opening)
        shown = mentee.get(f"/forums/{forum}/threads/{thread}")
        assert shown.status_code == 200, shown.text
        assert title in shown.text
        assert opening in shown.text
        assert "Greece Time" in shown.text  # her profile's zone
        listed = mentee.get(f"/forums/{forum}")
        assert title in listed.text
    [first] = posts_of(platform, platform.mentee, "mentee", forum, thread)
    reply_text = f"Practise the why-this-sector answer out loud ({run})."
    with signed_in(platform.urls["web"], platform.mentor) as mentor:
        page = mentor.get(f"/forums/{forum}/threads/{thread}", params={"reply_to": first["id"]})
        assert "Replying to Amara Okafor." in text_of(page.text)
        assert f'name="in_reply_to" value="{first["id"]}"' in page.text
        posted = mentor.post(
            f"/forums/{forum}/threads/{thread}/posts",
            data={
                "csrf_token": form_token(page.text),
                "body": reply_text,
                "in_reply_to": first["id"],
            },
        )
        assert posted.status_code == 303, posted.text
        # Bad input: a blank post is a 422, the reply it answers kept.
        empty = mentor.post(
            f"/forums/{forum}/threads/{thread}/posts",
            data={"csrf_token": form_token(page.text), "body": "   ", "in_reply_to": first["id"]},
        )
        assert empty.status_code == 422
        assert "Your post was not sent: it is empty." in empty.text
        assert f'name="in_reply_to" value="{first["id"]}"' in empty.text
    reply = next(
        p
        for p in posts_of(platform, platform.mentee, "mentee", forum, thread)
        if p["body"] == reply_text
    )
    assert reply["body"] == reply_text
    assert reply["in_reply_to"] == first["id"]
    note = f"Copied from a paid course ({run})"
    with signed_in(platform.urls["web"], platform.mentee) as mentee:
        shown = mentee.get(f"/forums/{forum}/threads/{thread}")
        assert "In reply to you" in shown.text
        report_path = f"/forums/{forum}/threads/{thread}/posts/{reply['id']}/report"
        assert report_path in shown.text
        # Her own post has no report link (messaging refuses reporting one's own).
        assert f"/posts/{first['id']}/report" not in shown.text
        form = mentee.get(report_path)
        assert form.status_code == 200, form.text
        assert reply_text in form.text
        token = form_token(form.text)
        action = f"/forums/{forum}/threads/{thread}/posts/{reply['id']}/reports"
        no_reason = mentee.post(action, data={"csrf_token": token, "reason": "", "note": note})
        assert no_reason.status_code == 422
        assert note in no_reason.text  # what she typed is kept
        sent = mentee.post(action, data={"csrf_token": token, "reason": "other", "note": note})
        assert sent.status_code == 303, sent.text
        assert "?done=reported" in sent.headers["location"]
        thanks = mentee.get(sent.headers["location"])
        assert "your report was sent to the programme's managers" in said(thanks)
    with signed_in(platform.urls["web"], MANAGER) as manager:
        home = manager.get("/")
        assert f"/programmes/{pid}/reports" in home.text
        queue = manager.get(f"/programmes/{pid}/reports")
        assert queue.status_code == 200, queue.text
        assert note in queue.text
        assert "About a forum post" in queue.text
        assert "by a mentee" in text_of(queue.text)
        report = re.search(
            rf'id="report-([0-9a-f-]+)">(?:(?!</li>).)*{re.escape(note)}', queue.text, re.S
        )
        assert report is not None
        report_id = report.group(1)
        token = form_token(queue.text)
        hidden = manager.post(
            f"/programmes/{pid}/reports/{report_id}/hidden-post",
            data={"csrf_token": token, "forum_id": forum, "post_id": reply["id"]},
        )
        assert hidden.status_code == 303, hidden.text
        resolved = manager.post(
            f"/programmes/{pid}/reports/{report_id}/status",
            data={"csrf_token": token, "status": "resolved"},
        )
        assert resolved.status_code == 303, resolved.text
        open_queue = manager.get(f"/programmes/{pid}/reports")
        assert f"report-{report_id}" not in open_queue.text
        assert "The report is resolved." in manager.get(resolved.headers["location"]).text
        closed = manager.get(f"/programmes/{pid}/reports", params={"status": "resolved"})
        assert f"report-{report_id}" in closed.text
        # A manager reads the programme's forum, the hidden post too (marked as such).
        moderated = manager.get(f"/forums/{forum}/threads/{thread}")
        assert moderated.status_code == 200
        assert reply_text in moderated.text
        assert "hidden from the members" in moderated.text
    with signed_in(platform.urls["web"], platform.mentee) as mentee:
        after = mentee.get(f"/forums/{forum}/threads/{thread}")
    assert "This post was hidden by a moderator." in after.text
    assert reply_text not in after.text


def test_the_manager_locks_a_thread_and_a_post_to_it_keeps_its_draft(
    platform: Platform, programme_forum: str
) -> None:
    forum = programme_forum
    run = uuid.uuid4().hex[:6]
    with signed_in(platform.urls["web"], platform.mentee) as mentee:
        thread = start_thread(mentee, forum, f"Lock me {run}", "A first post.")
        page = mentee.get(f"/forums/{forum}/threads/{thread}")
        assert f"/forums/{forum}/threads/{thread}/lock" not in page.text  # no moderation
        # Not hers to lock: messaging's 403, a page in words.
        tried = mentee.post(
            f"/forums/{forum}/threads/{thread}/lock",
            data={"csrf_token": form_token(page.text), "locked": "true"},
        )
        assert tried.status_code == 403
        assert "only the programme's managers moderate its forums" in said(tried)
        with signed_in(platform.urls["web"], MANAGER) as manager:
            seen = manager.get(f"/forums/{forum}/threads/{thread}")
            locked = manager.post(
                f"/forums/{forum}/threads/{thread}/lock",
                data={"csrf_token": form_token(seen.text), "locked": "true"},
            )
            assert locked.status_code == 303, locked.text
            assert "Unlock this thread" in manager.get(locked.headers["location"]).text
        draft = f"One more thing ({run})"
        refused = mentee.post(
            f"/forums/{forum}/threads/{thread}/posts",
            data={"csrf_token": form_token(page.text), "body": draft},
        )
        assert refused.status_code == 409, refused.text
        assert "this thread is locked" in refused.text
        assert draft in refused.text
        assert (
            "This thread is locked: it can be read, not written to."
            in mentee.get(f"/forums/{forum}/threads/{thread}").text
        )
    assert len(posts_of(platform, platform.mentee, "mentee", forum, thread)) == 1


def test_another_programmes_mentee_and_a_mentee_at_the_queue_are_refused(
    platform: Platform, programme_forum: str, outsider: Outsider
) -> None:
    pid, forum = platform.programme_id, programme_forum
    with signed_in(platform.urls["web"], platform.mentee) as mentee:
        thread = start_thread(mentee, forum, "Only for this programme", "Members only.")
        queue = mentee.get(f"/programmes/{pid}/reports")
        assert queue.status_code == 403
        assert "This programme is not yours to manage" in queue.text
        unknown = mentee.get(f"/forums/{uuid.uuid4()}")
        assert unknown.status_code == 404
        assert "Forum not found" in unknown.text
    with signed_in(platform.urls["web"], outsider.subject) as other:
        for path in (
            f"/programmes/{pid}/forums",
            f"/forums/{forum}",
            f"/forums/{forum}/threads/{thread}",
        ):
            page = other.get(path)
            assert page.status_code == 404, (path, page.text)
            assert "Members only." not in page.text
            assert "Only for this programme" not in page.text
        token = form_token(other.get("/").text)
        posted = other.post(
            f"/forums/{forum}/threads/{thread}/posts", data={"csrf_token": token, "body": "Hi"}
        )
        assert posted.status_code == 404
        started = other.post(
            f"/forums/{forum}/threads", data={"csrf_token": token, "title": "T", "body": "B"}
        )
        assert started.status_code == 404
        assert other.get(f"/programmes/{pid}/reports").status_code == 404
        # Their own programme's forums are theirs (once messaging has heard of them).
        own = f"/programmes/{outsider.programme_id}/forums"
        wait_for("messaging's copy of the outsider", lambda: other.get(own).status_code == 200)
    assert len(posts_of(platform, platform.mentee, "mentee", forum, thread)) == 1


def messages_of(platform: Platform) -> list[dict[str, Any]]:
    token = platform.tokens.participant(platform.mentee, "mentee", platform.programme_id)
    path = f"/v1/conversations/{platform.conversation_id}/messages"
    return list(Api(platform.urls["messaging"]).pages(path, token))


def test_replying_editing_withdrawing_and_reporting_in_the_conversation(
    platform: Platform,
) -> None:
    path = f"/conversations/{platform.conversation_id}"
    run = uuid.uuid4().hex[:6]
    welcome = next(m for m in messages_of(platform) if m["body"].startswith("Welcome, Amara!"))
    with signed_in(platform.urls["web"], platform.mentee) as mentee:
        page = mentee.get(path, params={"reply_to": welcome["id"]})
        assert "Replying to Bruno Costa." in text_of(page.text)
        key = re.search(r'name="idempotency_key" value="([^"]+)"', page.text)
        assert key is not None
        form = {"csrf_token": form_token(page.text), "idempotency_key": key.group(1)}
        blank = mentee.post(
            f"{path}/messages", data={**form, "body": " ", "in_reply_to": welcome["id"]}
        )
        assert blank.status_code == 422
        assert "it is empty" in blank.text
        assert f'name="in_reply_to" value="{welcome["id"]}"' in blank.text
        body = f"Yes, the CV first ({run})"
        posted = mentee.post(
            f"{path}/messages", data={**form, "body": body, "in_reply_to": welcome["id"]}
        )
        assert posted.status_code == 303, posted.text
        mine = next(m for m in messages_of(platform) if m["body"] == body)
        assert mine["in_reply_to"] == welcome["id"]
        shown = mentee.get(path)
        assert "In reply to Bruno Costa" in shown.text
        # Her message, inside messaging's window: an edit link and a delete form.
        edit_path = f"{path}/messages/{mine['id']}/edit"
        assert edit_path in shown.text
        assert f"{path}/messages/{mine['id']}/delete" in shown.text
        # His message: no edit, a report link.
        assert f"{path}/messages/{welcome['id']}/edit" not in shown.text
        assert f"{path}/messages/{welcome['id']}/report" in shown.text
        token = form_token(shown.text)
        edit_form = mentee.get(edit_path)
        assert edit_form.status_code == 200
        assert body in edit_form.text
        emptied = mentee.post(edit_path, data={"csrf_token": token, "body": ""})
        assert emptied.status_code == 422
        edited_text = f"Yes, the CV first, then interviews ({run})"
        edited = mentee.post(edit_path, data={"csrf_token": token, "body": edited_text})
        assert edited.status_code == 303, edited.text
        assert "Your message was changed." in mentee.get(edited.headers["location"]).text
        assert (
            next(m for m in messages_of(platform) if m["id"] == mine["id"])["body"] == edited_text
        )
        # Someone else's message: refused by messaging, a page in words.
        theirs = mentee.post(
            f"{path}/messages/{welcome['id']}/edit", data={"csrf_token": token, "body": "Mine now"}
        )
        assert theirs.status_code == 403
        assert "This message is not yours" in theirs.text
        assert mentee.get(f"{path}/messages/{welcome['id']}/edit").status_code == 403
        withdrawn = mentee.post(f"{path}/messages/{mine['id']}/delete", data={"csrf_token": token})
        assert withdrawn.status_code == 303, withdrawn.text
        assert "This message was withdrawn." in mentee.get(path).text
        # Withdrawn, it can no longer be changed: messaging's 409, a clear page.
        late = mentee.post(edit_path, data={"csrf_token": token, "body": "Back again"})
        assert late.status_code == 409
        assert "This message can no longer be changed" in late.text
        report_form = mentee.get(f"{path}/messages/{welcome['id']}/report")
        assert report_form.status_code == 200
        note = f"He asked for my home address ({run})"
        reported = mentee.post(
            f"{path}/messages/{welcome['id']}/reports",
            data={"csrf_token": token, "reason": "confidentiality_breach", "note": note},
        )
        assert reported.status_code == 303, reported.text
        assert "your report was sent" in mentee.get(reported.headers["location"]).text
    with signed_in(platform.urls["web"], MANAGER) as manager:
        queue = manager.get(f"/programmes/{platform.programme_id}/reports")
        # Who, when, why and the reporter's note; the message's text stays private.
        assert note in queue.text
        assert "About a private message" in queue.text
        assert "A breach of confidentiality" in queue.text
        assert "The message's text is private: the reporter did not send it." in said(queue)
        assert "Welcome, Amara!" not in queue.text
        assert edited_text not in queue.text
        private = manager.get(f"{path}/messages/{welcome['id']}/report")
        assert private.status_code == 403
        assert "Welcome, Amara!" not in private.text


async def test_past_the_edit_window_the_forms_are_gone(platform: Platform, tmp_path: Path) -> None:
    """The web app's window set to none (messaging's own is 15 minutes): her messages
    show no edit or delete form."""
    settings = WebSettings(
        environment="test",
        matching_url=platform.urls["matching"],
        messaging_url=platform.urls["messaging"],
        meetings_url=platform.urls["meetings"],
        analytics_url=platform.urls["analytics"],
        auth=AuthSettings(local_key_path=str(platform.key)),
        session_database=str(tmp_path / "sessions.db"),
        session_key_file=str(tmp_path / "session.key"),
        message_edit_window_minutes=0,
    )
    token = platform.tokens.participant(platform.mentee, "mentee", platform.programme_id)
    body = f"Sent just now ({uuid.uuid4().hex[:6]})"
    Api(platform.urls["messaging"]).call(
        "POST", f"/v1/conversations/{platform.conversation_id}/messages", token, json={"body": body}
    )
    transport = httpx2.ASGITransport(app=create_app(settings))
    async with httpx2.AsyncClient(transport=transport, base_url="http://127.0.0.1") as browser:
        sign_in = await browser.get("/sign-in")
        await browser.post(
            "/sign-in/local",
            data={"csrf_token": form_token(sign_in.text), "subject": platform.mentee},
        )
        page = await browser.get(f"/conversations/{platform.conversation_id}")
    assert page.status_code == 200
    assert body in page.text
    assert "/edit" not in page.text
    assert "/delete" not in page.text
