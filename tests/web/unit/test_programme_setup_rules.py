"""The set-up forms' and the dashboard charts' pure rules: a form's fields become the
service's body, bad input is named by field before any call, a service's 422 lands next
to the field its ``loc`` names, and the charts' geometry keeps the figures' proportions."""

from __future__ import annotations

from itertools import pairwise

import pytest
from tandem_web.domain.dashboard import (
    bar_chart,
    outcome_rows,
    response_rate,
    row_chart,
    step_line,
)
from tandem_web.domain.programme_setup import (
    BadInput,
    Part,
    activity_rows,
    mail_body,
    placed,
    plan_body,
    policy_values,
    threshold_body,
)


def test_thresholds_left_empty_are_off_and_words_are_refused_by_field() -> None:
    form = {"no_contact_days": "3,5", "default_response_days": "1", "window_grace_days": "0"}
    body = threshold_body(form | {"no_shows": "", "nudge_members": "on"})
    assert body["no_contact_days"] == 3.5
    assert (body["no_shows"], body["isolation_days"], body["nudge_members"]) == (None, None, True)
    with pytest.raises(BadInput) as bad:
        threshold_body(form | {"no_shows": "two", "default_response_days": ""})
    assert bad.value.errors == {
        "no_shows": "Please give a whole number.",
        "default_response_days": "Please give a number.",
    }


def test_the_plan_skips_empty_and_removed_rows_and_maps_errors_back_to_them() -> None:
    row = {"key": "kick_off", "name": "Kick-off", "mode": "online", "duration_minutes": "60"}
    row |= {"anchor": "start", "from_day": "0", "to_day": "14"}
    form = {f"activity-0-{k}": v for k, v in row.items()}
    form |= {f"activity-1-{k}": v for k, v in row.items()} | {"activity-1-remove": "on"}
    form |= {f"activity-2-{k}": v for k, v in row.items()}
    form |= {"meeting_start": "08:00", "meeting_end": "20:00", "min_notice_hours": "24"}
    form |= {"buffer_minutes": "15", "reminders": "1440, 60"}
    assert activity_rows(form) == [0, 1, 2, 3]
    body, rows = plan_body(form)
    assert rows == [0, 2]
    assert len(body["activities"]) == 2
    assert body["policy"]["reminder_offsets_minutes"] == [1440, 60]
    assert body["activities"][0]["every_days"] is None
    errors = [(("body", "activities", "1", "window", "to_day"), "Input should be <= 366")]
    assert placed(Part.PLAN, errors, "", {"activity-2-to_day": "x"}, rows) == {
        "activity-2-to_day": "Input should be <= 366"
    }
    with pytest.raises(BadInput) as bad:
        plan_body(form | {"activity-0-mode": "by pigeon"})
    assert bad.value.errors == {"activity-0-mode": "Please choose one of the options."}


def test_the_weights_rule_is_shown_by_the_weights_and_current_weights_are_shares() -> None:
    complaint = [
        (("body", "policy"), "Value error, weights must be >= 0 and at least one positive")
    ]
    assert placed(Part.POLICY, complaint, "bad", {}) == {
        "weights": "weights must be >= 0 and at least one positive"
    }
    assert placed(Part.THRESHOLDS, [(("body", "nowhere"), "odd")], "bad", {}) == {"_": "odd"}
    values = policy_values({"policy": {"weights": {"skills_goals": 2.0, "sector": 2.0}}})
    assert (values["weight_skills_goals"], values["weight_availability"]) == ("0.5", "0")


def test_a_mail_wording_joins_the_others_and_empty_words_remove_it() -> None:
    current = {"message-new": {"en": {"subject": "s", "text": "t"}}}
    form = {"template": "message-new", "mail_language": "de", "subject": "S", "text": "T"}
    assert mail_body(form, current)["mail_overrides"] == {
        "message-new": {"en": {"subject": "s", "text": "t"}, "de": {"subject": "S", "text": "T"}}
    }
    removed = mail_body(form | {"mail_language": "en", "subject": "", "text": ""}, current)
    assert removed["mail_overrides"] == {}


def test_bars_keep_the_figures_proportions_and_the_curve_steps_down() -> None:
    chart = bar_chart([("a", [10]), ("b", [5]), ("c", [0])])
    heights = [g.bars[0].height for g in chart.groups]
    assert heights[0] == pytest.approx(2 * heights[1])
    assert heights[2] == 0
    assert [t.value for t in chart.ticks] == [0, 5, 10, 15, 20]  # whole, round ticks
    assert [t.value for t in bar_chart([("a", [1])]).ticks] == [0, 1, 2, 3, 4]  # whole ticks
    stacked = bar_chart([("DE", [1, 2, 1])], stacked=True)
    bars = stacked.groups[0].bars
    assert bars[0].y == pytest.approx(bars[1].y + bars[1].height)
    curve = step_line([(0, 1.0), (1, 0.5)])
    assert curve.path.startswith("M 48.0 16.0")
    assert "V 110.0" in curve.path
    assert step_line([]).empty
    assert bar_chart([]).empty
    assert response_rate([(4, 1), (4, 3)]) == 0.5
    assert response_rate([]) is None


def test_outcome_rows_stack_left_to_right_on_one_scale_and_small_groups_are_named() -> None:
    statuses = ("employed", "in_training", "self_employed", "still_searching", "other")
    summary = [
        {"country": "DE", "stage": "closure", "suppressed": False, "statuses": {"employed": 3}},
        {"country": "DE", "stage": "month_3", "suppressed": False, "statuses": {"other": 6}},
        {"country": "GR", "stage": "closure", "suppressed": True, "statuses": None},
    ]
    rows, suppressed = outcome_rows(summary, statuses)
    assert rows == [(("DE", "closure"), [3, 0, 0, 0, 0]), (("DE", "month_3"), [0, 0, 0, 0, 6])]
    assert suppressed == [("GR", "closure")]
    chart = row_chart([(("DE", "closure"), [2, 1, 0, 1, 1]), (("PT", "closure"), [4, 0, 0, 0, 6])])
    first, second = (r.bars for r in chart.rows)
    assert [b.series for b in first] == [0, 1, 2, 3, 4]
    for bars in (first, second):  # each segment starts where the one before it ends
        for before, after in pairwise(bars):
            assert after.x == pytest.approx(before.x + before.width)
        assert bars[0].x == chart.left
    assert first[0].width == pytest.approx(2 * first[1].width)  # one count scale...
    assert second[0].width == pytest.approx(2 * first[0].width)  # ...across the rows
    assert [t.value for t in chart.ticks] == [0, 5, 10, 15, 20]
    assert chart.ticks[-1].x == pytest.approx(chart.width - 16)  # the scale fills the plot
    assert first[0].y < second[0].y < chart.baseline < chart.height
    assert chart.rows[0].middle == pytest.approx(first[0].y + first[0].height / 2)
    assert row_chart([]).empty
