"""The /remind conversation, pure: what the user sees, and what it asks storage to change."""

from __future__ import annotations

from dataclasses import replace
from datetime import UTC, datetime, time
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from bot.coach import codec
from bot.coach.replies import Reply
from bot.content import Library, load_library
from bot.reminders import dialog
from bot.reminders.actions import Create, Delete, Pause, Resume, SetZone, Update
from bot.reminders.dialog_state import RemindDialog
from bot.reminders.domain import Reminder
from bot.reminders.parsing import EVERY_DAY, WEEKDAYS
from bot.reminders.texts import MESSAGE_VERBS

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
    return dialog.Context(reminders or [], zone, last, library, NOW, token=500)


def _moved(ctx: dialog.Context, steps: int = 1) -> dialog.Context:
    """The context of the next event: the engine moved the user's step token meanwhile."""
    return replace(ctx, token=ctx.token + steps)


def _button(reply: Reply, label: str) -> str:
    for row in reply.buttons:
        for button in row:
            if button.label == label:
                return button.data
    raise AssertionError(f"no button {label!r} in {reply}")


def _all_data(step: dialog.DialogTurn) -> list[str]:
    return [b.data for r in step.replies for row in r.buttons for b in row]


def test_weekdays_at_seven_pm_berlin_in_one_line_asks_only_the_exercise(library: Library) -> None:
    ctx = _ctx(library)
    step = dialog.start("", ctx)
    assert "time" in step.replies[0].text.lower() or "when" in step.replies[0].text.lower()
    assert step.dialog is not None
    ctx = _moved(ctx)
    step = dialog.on_text("weekdays at 7pm, Europe/Berlin", step.dialog, ctx)
    assert step.actions == []
    question = step.replies[0]
    assert "Last time you trained Single-leg hip thrust" in question.text
    # The default (last trained) is the first button.
    assert question.buttons[0][0].label == "Single-leg hip thrust"
    assert step.dialog is not None
    done = dialog.on_press(question.buttons[0][0].data, step.dialog, _moved(ctx))
    assert done.actions == [
        SetZone("Europe/Berlin"),
        Create(time(19, 0), WEEKDAYS, "single-leg-hip-thrust"),
    ]
    assert done.dialog is None
    assert "Weekdays at 19:00 (Europe/Berlin)" in done.replies[0].text
    assert "Fri 20 Mar, 19:00" in done.replies[0].text


def test_step_by_step_with_buttons_and_the_timezone_asked_once(library: Library) -> None:
    ctx = _ctx(library)
    step = dialog.start("", ctx)
    assert step.dialog is not None
    ctx = _moved(ctx)
    step = dialog.on_text("7:30", step.dialog, ctx)
    assert "Which days" in step.replies[0].text
    assert step.dialog is not None
    ctx = _moved(ctx)
    step = dialog.on_press(_button(step.replies[0], "Every day"), step.dialog, ctx)
    assert step.chosen == "Every day"
    assert step.dialog is not None
    ctx = _moved(ctx)
    step = dialog.on_text("glute bridge", step.dialog, ctx)
    assert "timezone" in step.replies[0].text
    assert step.dialog is not None
    step = dialog.on_text("londn", step.dialog, _moved(ctx))
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
    assert first.dialog is not None
    step = dialog.on_text(bad, first.dialog, _moved(ctx))
    assert step.actions == []
    assert step.dialog == first.dialog  # still asking for the time
    assert "7pm" in step.replies[0].text


def test_bad_timezone_reprompts_and_stores_nothing(library: Library) -> None:
    ctx = _ctx(library)
    step = dialog.start("weekdays 7pm glute bridge", ctx)
    assert step.dialog is not None and step.dialog.step == "zone"
    again = dialog.on_text("Narnia", step.dialog, _moved(ctx))
    assert again.actions == []
    assert "Europe/Berlin" in again.replies[0].text
    assert again.dialog == step.dialog


def _reminder(rid: int, paused: bool = False) -> Reminder:
    due = datetime(2026, 3, 20, 18, tzinfo=UTC)
    return Reminder(rid, 1, time(19), WEEKDAYS, "Europe/Berlin", "glute-bridge", paused, due)


def test_remind_lists_reminders_with_pause_change_delete(library: Library) -> None:
    ctx = _ctx(library, [_reminder(7), _reminder(9, paused=True)], zone="Europe/Berlin")
    step = dialog.start("", ctx)
    text = step.replies[0].text
    assert "1. Weekdays at 19:00 (Europe/Berlin) · Glute bridge — next Fri 20 Mar, 19:00" in text
    assert "2. Weekdays at 19:00 (Europe/Berlin) · Glute bridge — paused" in text
    assert step.dialog is not None
    reply, after = step.replies[0], _moved(ctx)
    assert dialog.on_press(_button(reply, "Pause 1"), step.dialog, after).actions == [Pause(7)]
    assert dialog.on_press(_button(reply, "Resume 2"), step.dialog, after).actions == [Resume(9)]
    deleted = dialog.on_press(_button(reply, "Delete 2"), step.dialog, after)
    assert deleted.actions == [Delete(9)]
    assert deleted.chosen is not None and deleted.chosen.startswith("Deleted: Weekdays at 19:00")
    assert all(len(data.encode()) <= 64 for data in _all_data(step))


def test_change_keeps_what_the_user_keeps(library: Library) -> None:
    ctx = _ctx(library, [_reminder(7)], zone="Europe/Berlin")
    listing = dialog.start("", ctx)
    assert listing.dialog is not None
    ctx = _moved(ctx)
    step = dialog.on_press(_button(listing.replies[0], "Change 1"), listing.dialog, ctx)
    assert "19:00" in step.replies[0].text
    assert step.dialog is not None
    ctx = _moved(ctx)
    step = dialog.on_text("6pm", step.dialog, ctx)
    assert step.dialog is not None
    ctx = _moved(ctx)
    step = dialog.on_press(_button(step.replies[0], "Keep weekdays"), step.dialog, ctx)
    assert step.dialog is not None
    step = dialog.on_press(_button(step.replies[0], "Keep it"), step.dialog, _moved(ctx))
    assert step.actions == [Update(7, time(18, 0), WEEKDAYS, "glute-bridge")]
    assert step.replies[0].text.startswith("Changed:")


def test_stale_and_forged_presses_change_nothing(library: Library) -> None:
    ctx = _ctx(library, [_reminder(7)], zone="Europe/Berlin")
    listing = dialog.start("", ctx)
    assert listing.dialog is not None
    pause = _button(listing.replies[0], "Pause 1")
    stale = dialog.on_press(pause, listing.dialog, _moved(ctx, 5))
    assert stale.actions == [] and stale.notice == "That's from an earlier /remind."
    assert stale.dialog == listing.dialog and stale.replies == []
    after = _moved(ctx)
    someone_elses = pause.rsplit(":", 1)[0] + ":999"
    assert dialog.on_press(someone_elses, listing.dialog, after).actions == []
    current = after.token
    for forged in ("rm:", "rm:x", "rm:1:2:3:4", f"rm:{current}:ex:99", f"rm:{current}:p:7:7"):
        assert dialog.on_press(forged, listing.dialog, after).actions == []
    # With no conversation open, even a current-looking press opens none and changes nothing.
    for data in (pause, "rm:12345:x", f"rm:{current}:n"):
        closed = dialog.on_press(data, None, after)
        assert closed.actions == [] and closed.replies == [] and closed.dialog is None


def test_a_list_button_counts_only_while_the_list_is_the_question(library: Library) -> None:
    ctx = _ctx(library, [_reminder(7)], zone="Europe/Berlin")
    delete = _button(dialog.start("", ctx).replies[0], "Delete 1")
    # A current token and a list verb, but the conversation is asking for the days by now.
    asking = RemindDialog(step="days", edit=7, at=time(18))
    pressed = dialog.on_press(delete, asking, _moved(ctx))
    assert pressed.actions == [] and pressed.dialog == asking


def test_every_button_carries_the_token_the_user_moves_to(library: Library) -> None:
    ctx = _ctx(library, [_reminder(7)], zone="Europe/Berlin")
    turns = [dialog.start("", ctx), dialog.start("", _ctx(library)), dialog.start("7pm", ctx)]
    pressed = [codec.decode(data) for turn in turns for data in _all_data(turn)]
    assert pressed and all(p is not None and p.owner == "rm" for p in pressed)
    assert {p.token for p in pressed if p is not None} == {ctx.token + 1}


def test_dialog_and_reminder_message_verbs_cannot_be_confused() -> None:
    assert dialog.VERBS.isdisjoint(MESSAGE_VERBS)


def test_cancel_leaves_everything_as_it_was(library: Library) -> None:
    ctx = _ctx(library)
    step = dialog.start("", ctx)
    assert step.dialog is not None
    done = dialog.on_text("cancel", step.dialog, _moved(ctx))
    assert done.dialog is None and done.actions == []


def test_at_most_ten_reminders(library: Library) -> None:
    ctx = _ctx(library, [_reminder(i) for i in range(10)], zone="UTC")
    step = dialog.start("daily 7am glute bridge", ctx)
    assert step.actions == [] and "10 reminders" in step.replies[0].text


def test_the_dialog_is_stored_as_json_and_old_or_bad_data_reads_as_none() -> None:
    asked = RemindDialog(step="zone", at=time(19), days=WEEKDAYS, exercise="glute-bridge")
    assert RemindDialog.read(asked.dump()) == asked
    old = {"token": 12345, "step": "days", "at": "19:00"}  # what the coach kept before
    bad = [
        old,
        {"step": "lunch"},
        {"step": "days", "days": 0},
        {"step": "zone", "zone": "Narnia"},
        {"step": "time", "at": "19:00:30"},
        {"step": "time", "edit": -1},
        None,
        [],
        "time",
    ]
    assert [RemindDialog.read(raw) for raw in bad] == [None] * len(bad)


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
    state = step.dialog
    for kind, value in events:
        ctx = _moved(ctx)
        if kind == "text":
            step = dialog.on_text(value, state, ctx) if state else dialog.start(value, ctx)
        else:
            step = dialog.on_press(value.replace("{token}", str(ctx.token)), state, ctx)
        for action in step.actions:
            if isinstance(action, Pause | Resume | Delete | Update):
                assert action.reminder_id in (7, 9)
        assert all(
            len(b.data.encode()) <= 64 for r in step.replies for row in r.buttons for b in row
        )
        if state is not None:
            assert RemindDialog.read(state.dump()) == state
        state = step.dialog
