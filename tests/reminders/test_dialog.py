"""The /remind conversation, pure: what the user sees, and what it asks storage to change."""

from __future__ import annotations

from datetime import UTC, datetime, time
from pathlib import Path
from typing import Any

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from bot.coach.replies import Reply
from bot.content import Library, load_library
from bot.reminders import dialog
from bot.reminders.actions import Create, Delete, Pause, Resume, SetZone, Update
from bot.reminders.model import Reminder
from bot.reminders.parsing import EVERY_DAY, WEEKDAYS

CONTENT = Path(__file__).resolve().parents[2] / "content"
NOW = datetime(2026, 3, 20, 12, 0, tzinfo=UTC)  # a Friday


_LIBRARY = load_library(CONTENT)


@pytest.fixture(scope="module")
def library() -> Library:
    return _LIBRARY


def _ctx(
    library: Library,
    reminders: list[Reminder] | None = None,
    zone: str | None = None,
    last: str | None = "single-leg-hip-thrust",
) -> dialog.Context:
    return dialog.Context(reminders or [], zone, last, library, NOW)


def _button(reply: Reply, label: str) -> str:
    for row in reply.buttons:
        for button in row:
            if button.label == label:
                return button.data
    raise AssertionError(f"no button {label!r} in {reply}")


def _all_data(step: dialog.Step) -> list[str]:
    return [b.data for r in step.replies for row in r.buttons for b in row]


def test_weekdays_at_seven_pm_berlin_in_one_line_asks_only_the_exercise(library: Library) -> None:
    ctx = _ctx(library)
    step = dialog.start("", ctx)
    assert "time" in step.replies[0].text.lower() or "when" in step.replies[0].text.lower()
    assert step.state is not None
    step = dialog.on_text("weekdays at 7pm, Europe/Berlin", step.state, ctx)
    assert step.actions == []
    question = step.replies[0]
    assert "Last time you trained Single-leg hip thrust" in question.text
    # The default (last trained) is the first button.
    assert question.buttons[0][0].label == "Single-leg hip thrust"
    assert step.state is not None
    done = dialog.on_press(question.buttons[0][0].data, step.state, ctx)
    assert done.actions == [
        SetZone("Europe/Berlin"),
        Create(time(19, 0), WEEKDAYS, "single-leg-hip-thrust"),
    ]
    assert done.state is None
    assert "Weekdays at 19:00 (Europe/Berlin)" in done.replies[0].text
    assert "Fri 20 Mar, 19:00" in done.replies[0].text


def test_step_by_step_with_buttons_and_the_timezone_asked_once(library: Library) -> None:
    ctx = _ctx(library)
    step = dialog.start("", ctx)
    assert step.state is not None
    step = dialog.on_text("7:30", step.state, ctx)
    assert "Which days" in step.replies[0].text
    assert step.state is not None
    step = dialog.on_press(_button(step.replies[0], "Every day"), step.state, ctx)
    assert step.chosen == "Every day"
    assert step.state is not None
    step = dialog.on_text("glute bridge", step.state, ctx)
    assert "timezone" in step.replies[0].text
    assert step.state is not None
    step = dialog.on_text("londn", step.state, ctx)
    assert step.actions == [
        SetZone("Europe/London"),
        Create(time(7, 30), EVERY_DAY, "glute-bridge"),
    ]
    # A user with a timezone in settings is not asked again.
    known = _ctx(library, zone="Europe/London")
    again = dialog.start("daily at 7:30 glute bridge", known)
    assert again.actions == [Create(time(7, 30), EVERY_DAY, "glute-bridge")]


@pytest.mark.parametrize("bad", ["25:99", "tomorrow-ish", "x" * 300, "🏋️🏋️", ""])
def test_bad_time_reprompts_and_changes_nothing(library: Library, bad: str) -> None:
    ctx = _ctx(library)
    first = dialog.start("", ctx)
    assert first.state is not None
    step = dialog.on_text(bad, first.state, ctx)
    assert step.actions == []
    assert step.state == first.state  # still asking for the time
    assert "7pm" in step.replies[0].text


def test_bad_timezone_reprompts_and_stores_nothing(library: Library) -> None:
    ctx = _ctx(library)
    step = dialog.start("weekdays 7pm glute bridge", ctx)
    assert step.state is not None and step.state["step"] == "zone"
    again = dialog.on_text("Narnia", step.state, ctx)
    assert again.actions == []
    assert "Europe/Berlin" in again.replies[0].text
    assert again.state == step.state


def _reminder(rid: int, paused: bool = False) -> Reminder:
    due = datetime(2026, 3, 20, 18, tzinfo=UTC)
    return Reminder(rid, 1, time(19), WEEKDAYS, "Europe/Berlin", "glute-bridge", paused, due)


def test_remind_lists_reminders_with_pause_change_delete(library: Library) -> None:
    ctx = _ctx(library, [_reminder(7), _reminder(9, paused=True)], zone="Europe/Berlin")
    step = dialog.start("", ctx)
    text = step.replies[0].text
    assert "1. Weekdays at 19:00 (Europe/Berlin) · Glute bridge — next Fri 20 Mar, 19:00" in text
    assert "2. Weekdays at 19:00 (Europe/Berlin) · Glute bridge — paused" in text
    assert step.state is not None
    reply = step.replies[0]
    assert dialog.on_press(_button(reply, "Pause 1"), step.state, ctx).actions == [Pause(7)]
    assert dialog.on_press(_button(reply, "Resume 2"), step.state, ctx).actions == [Resume(9)]
    deleted = dialog.on_press(_button(reply, "Delete 2"), step.state, ctx)
    assert deleted.actions == [Delete(9)]
    assert deleted.chosen is not None and deleted.chosen.startswith("Deleted: Weekdays at 19:00")
    assert all(len(data.encode()) <= 64 for data in _all_data(step))


def test_change_keeps_what_the_user_keeps(library: Library) -> None:
    ctx = _ctx(library, [_reminder(7)], zone="Europe/Berlin")
    listing = dialog.start("", ctx)
    assert listing.state is not None
    step = dialog.on_press(_button(listing.replies[0], "Change 1"), listing.state, ctx)
    assert "19:00" in step.replies[0].text
    assert step.state is not None
    step = dialog.on_text("6pm", step.state, ctx)
    assert step.state is not None
    step = dialog.on_press(_button(step.replies[0], "Keep weekdays"), step.state, ctx)
    assert step.state is not None
    step = dialog.on_press(_button(step.replies[0], "Keep it"), step.state, ctx)
    assert step.actions == [Update(7, time(18, 0), WEEKDAYS, "glute-bridge")]
    assert step.replies[0].text.startswith("Changed:")


def test_stale_and_forged_presses_change_nothing(library: Library) -> None:
    ctx = _ctx(library, [_reminder(7)], zone="Europe/Berlin")
    listing = dialog.start("", ctx)
    assert listing.state is not None
    pause = _button(listing.replies[0], "Pause 1")
    moved: dict[str, Any] = {**listing.state, "token": listing.state["token"] + 5}
    stale = dialog.on_press(pause, moved, ctx)
    assert stale.actions == [] and stale.notice == "That's from an earlier /remind."
    someone_elses = pause.rsplit(":", 1)[0] + ":999"
    assert dialog.on_press(someone_elses, listing.state, ctx).actions == []
    for forged in ("rm:", "rm:x", "rm:1:2:3:4", f"rm:{listing.state['token']}:ex:99"):
        assert dialog.on_press(forged, listing.state, ctx).actions == []
    assert dialog.on_press(pause, None, ctx).actions == []


def test_cancel_leaves_everything_as_it_was(library: Library) -> None:
    ctx = _ctx(library)
    step = dialog.start("", ctx)
    assert step.state is not None
    done = dialog.on_text("cancel", step.state, ctx)
    assert done.state is None and done.actions == []


def test_at_most_ten_reminders(library: Library) -> None:
    ctx = _ctx(library, [_reminder(i) for i in range(10)], zone="UTC")
    step = dialog.start("daily 7am glute bridge", ctx)
    assert step.actions == [] and "10 reminders" in step.replies[0].text


_PRESSES = st.one_of(
    st.text(max_size=70),
    st.builds(
        lambda verb, arg: f"rm:{{token}}:{verb}:{arg}",
        st.sampled_from(["p", "r", "d", "c", "n", "x", "keep", "dy", "ex", "zz"]),
        st.one_of(st.text(max_size=12), st.integers(-5, 10**20).map(str)),
    ),
)


@settings(max_examples=200, deadline=None)
@given(st.lists(st.one_of(st.text(max_size=120).map(lambda t: ("text", t)),
                          _PRESSES.map(lambda d: ("press", d))), max_size=12))  # fmt: skip
def test_random_events_never_raise_and_only_touch_the_users_own_reminders(
    events: list[tuple[str, str]],
) -> None:
    ctx = _ctx(_LIBRARY, [_reminder(7), _reminder(9, paused=True)], zone=None)
    step = dialog.start("", ctx)
    state = step.state
    for kind, value in events:
        if kind == "text":
            step = dialog.on_text(value, state, ctx) if state else dialog.start(value, ctx)
        else:
            token = state["token"] if state else 0
            step = dialog.on_press(value.replace("{token}", str(token)), state, ctx)
        for action in step.actions:
            if isinstance(action, Pause | Resume | Delete | Update):
                assert action.reminder_id in (7, 9)
        assert all(
            len(b.data.encode()) <= 64 for r in step.replies for row in r.buttons for b in row
        )
        state = step.state
