"""Set entry at the set steps as a lifter types it: loads alone, checks, undo, fixes, stop."""

from __future__ import annotations

import pytest

from bot.coach.ports import Side, Unit, WorkoutStatus
from bot.coach.state import Step
from tests.coach.conftest import Chat


def _loads(chat: Chat) -> list[tuple[str, int | None, float | None, Unit]]:
    return [(e.side.value, e.reps, e.load, e.unit) for e in chat.sets]


@pytest.mark.parametrize("typed", ["ten", "ten reps", "🔟", "1️⃣0️⃣", "10 no pain", "10 pain free"])
async def test_words_emoji_and_pain_free_counts_log_ten_reps_and_carry_on(
    chat: Chat, typed: str
) -> None:
    await chat.command("workout", "slht 2x10 @ 10kg")
    await chat.say(typed)
    assert chat.logged == [(1, "left", 10)]
    assert chat.sets[0].pain is False
    assert chat.store.workout_rows[1].status is WorkoutStatus.ACTIVE
    assert "right leg" in chat.text.lower()


async def test_a_weight_alone_changes_the_load_and_logs_nothing(chat: Chat) -> None:
    await chat.command("workout", "slht 2x10 @ 10kg")
    await chat.say("12 kg")
    assert chat.logged == []
    assert "Weight now 12 kg" in chat.text and "Nothing logged" in chat.text
    await chat.say("10")
    await chat.say("@15kg")
    await chat.say("9")
    assert _loads(chat) == [("left", 10, 12.0, Unit.KG), ("right", 9, 15.0, Unit.KG)]


async def test_a_lb_user_types_loads_in_pounds_and_its_limits(chat: Chat) -> None:
    await chat.settings(unit=Unit.LB)
    await chat.command("workout", "slht 2x8 @ 135lb")
    await chat.say("8 @ 225")  # no unit: the user's, pounds
    assert _loads(chat) == [("left", 8, 225.0, Unit.LB)]


async def test_a_count_far_from_the_target_is_asked_about_first(chat: Chat) -> None:
    await chat.command("workout", "slht 2x10")
    await chat.say("100")
    assert chat.logged == [] and chat.step() is Step.CONFIRM
    assert {"Log 100", "I meant 10"} <= set(chat.labels)
    await chat.press("I meant 10")
    assert chat.logged == [(1, "left", 10)]
    await chat.say("90")
    await chat.press("Log 90")
    assert chat.logged == [(1, "left", 10), (1, "right", 90)]


async def test_a_count_typed_at_the_question_is_what_was_meant(chat: Chat) -> None:
    await chat.command("workout", "slht 2x10")
    await chat.say("110")
    await chat.say("11")
    assert chat.logged == [(1, "left", 11)]


async def test_undo_takes_the_last_set_back_and_asks_it_again(chat: Chat) -> None:
    await chat.command("workout", "slht 2x10")
    await chat.say("10")
    await chat.say("9")  # the set is done: resting before set 2
    assert chat.step() is Step.REST
    await chat.say("oops")
    assert chat.logged == [(1, "left", 10)]
    assert chat.step() is Step.SET and "Set 1 of 2 · Right leg" in chat.text
    await chat.press("↩ Undo last set")
    assert chat.logged == [] and "Set 1 of 2 · Left leg" in chat.text
    await chat.say("undo")
    assert chat.logged == [] and "Nothing to undo" in chat.text
    await chat.say("11")
    assert chat.logged == [(1, "left", 11)]


async def test_i_meant_replaces_the_last_set(chat: Chat) -> None:
    await chat.command("workout", "slht 2x10 @ 10kg")
    await chat.say("12")
    await chat.say("oops I meant 10")
    assert chat.logged == [(1, "left", 10)]
    assert "Fixed: Left leg, set 1: 12 → 10" in chat.text
    assert chat.step() is Step.SWITCH  # the workout stays where it was


async def test_undo_after_the_summary_reopens_the_workout(chat: Chat) -> None:
    await chat.command("workout", "slht 1x10")
    await chat.say("10")
    await chat.say("100")
    await chat.press("Log 100")
    assert chat.step() is Step.EFFORT
    await chat.say("undo")
    assert chat.store.workout_rows[1].status is WorkoutStatus.ACTIVE
    assert chat.logged == [(1, "left", 10)] and chat.step() is Step.SET
    await chat.say("10")
    assert chat.logged == [(1, "left", 10), (1, "right", 10)]


async def test_stop_asks_once_and_keep_going_changes_nothing(chat: Chat) -> None:
    await chat.command("workout", "slht 2x10")
    await chat.say("10")
    await chat.press("Stop")
    assert chat.step() is Step.CONFIRM
    await chat.press("Keep going")
    assert chat.store.workout_rows[1].status is WorkoutStatus.ACTIVE
    assert chat.step() is Step.SET and chat.logged == [(1, "left", 10)]
    await chat.say("im done for today")
    await chat.say("yes")
    assert chat.store.workout_rows[1].status is WorkoutStatus.STOPPED


async def test_a_side_named_against_the_prompt_is_asked_never_an_effort(chat: Chat) -> None:
    await chat.command("workout", "slht 2x10")
    await chat.say("10 right")
    assert chat.logged == [] and chat.step() is Step.CONFIRM
    await chat.press("Log as right")
    assert chat.logged == [(1, "right", 10)] and chat.sets[0].effort is None
    assert "left leg" in chat.text.lower()  # the other side of the same set comes next
    await chat.say("9")
    assert chat.logged == [(1, "right", 10), (1, "left", 9)]


async def test_next_time_comes_from_what_was_done_not_the_old_plan(chat: Chat) -> None:
    await chat.command("workout", "slht 2x10 @ 10kg")
    for _ in range(4):
        await chat.say("11 reps at 25kg")  # one under the top of the range (12)
    assert "Next time: stay at 25 kg and aim for 12 reps a set." in chat.text
    await chat.press("Just right")
    await chat.command("workout")
    await chat.press("Single-leg hip thrust")
    assert "Last time: 2 × 11 per leg · 25 kg" in chat.text  # as done, not as planned
    await chat.command("cancel")
    await chat.command("workout", "slht")  # started at once, from what the log suggests
    assert "Target: 12 reps · 25 kg" in chat.text


async def test_effort_words_rpe_and_rir_are_kept_with_the_set(chat: Chat) -> None:
    await chat.command("workout", "slht 2x10")
    await chat.say("10 rpe 8")
    await chat.say("9 2 in the tank")
    left, right = chat.sets
    assert (left.rpe, right.rir) == (8.0, 2)
    assert left.side is Side.LEFT and right.side is Side.RIGHT


async def test_one_unit_per_screen_after_a_switch_to_pounds(chat: Chat) -> None:
    await chat.command("workout", "slht 1x10 @ 12.5kg")
    await chat.say("10")
    await chat.say("10")
    await chat.say("hard")
    await chat.settings(unit=Unit.LB)
    await chat.command("workout")
    await chat.press("Single-leg hip thrust")
    assert "Last time: 1 × 10 per leg · 27.5 lb" in chat.text
    await chat.press("Same as last time")
    screen = chat.text
    assert "Target: 10 reps · 27.5 lb" in screen and "Last time: 10 @ 27.5 lb" in screen
    assert " kg" not in screen
