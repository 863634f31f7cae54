"""The forum and conversation pages' pure rules: which messages still show their edit
and delete forms, what each refusal by messaging means for the page, blank input."""

from __future__ import annotations

import uuid
from datetime import UTC, datetime, timedelta

from tandem_web.domain.conversations import CHANGE_STATUS, Change, change_refusal, changeable
from tandem_web.domain.forums import STATUS, ForumShown, blank, forum_refusal
from tandem_web.domain.participants import Message

NOW = datetime(2026, 3, 2, 17, 0, tzinfo=UTC)
WINDOW = timedelta(minutes=15)


def message(minutes_ago: int, *, mine: bool = True, deleted: bool = False) -> Message:
    posted = NOW - timedelta(minutes=minutes_ago)
    return Message(uuid.uuid4(), "Ana", "Hello", posted, mine=mine, deleted=deleted)


def test_only_ones_own_live_messages_inside_the_window_can_be_changed() -> None:
    fresh, old = message(1), message(15)
    theirs, withdrawn = message(1, mine=False), message(1, deleted=True)
    assert changeable([fresh, old, theirs, withdrawn], NOW, WINDOW) == {fresh.id}
    assert changeable([fresh], NOW, timedelta(0)) == frozenset()


def test_each_refusal_is_a_page_with_its_status() -> None:
    assert change_refusal(403, "not_author") is Change.NOT_YOURS
    assert change_refusal(403, "content_confidential") is Change.PRIVATE
    assert change_refusal(409, "edit_window_closed") is Change.TOO_LATE
    assert change_refusal(410, None) is Change.GONE
    assert change_refusal(422, "own_content") is Change.OWN
    assert change_refusal(404, None) is Change.MISSING
    assert change_refusal(None, None) is Change.UNAVAILABLE
    assert CHANGE_STATUS[Change.TOO_LATE] == 409
    assert forum_refusal(403) is ForumShown.FORBIDDEN
    assert forum_refusal(409) is ForumShown.LOCKED
    assert forum_refusal(404) is ForumShown.MISSING
    assert STATUS[ForumShown.UNAVAILABLE] == 503


def test_white_space_alone_is_blank() -> None:
    assert blank("")
    assert blank(" \n\t ")
    assert not blank(" a ")
