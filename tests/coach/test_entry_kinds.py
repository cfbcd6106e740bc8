"""The set-entry kinds that act on the workout: both legs at once, same, skip the rest."""

from __future__ import annotations

import pytest

from bot.coach.ports import WorkoutStatus
from bot.coach.state import Step
from tests.coach.conftest import Chat


@pytest.mark.parametrize("typed", ["L10 R9", "left 10 right 9", "10/9", "10 left, 9 right"])
async def test_both_legs_in_one_message_are_asked_then_logged_in_the_prompts_order(
    chat: Chat, typed: str
) -> None:
    await chat.command("workout", "slht 2x10 @ 10kg")
    await chat.say(typed)
    assert chat.logged == [] and chat.step() is Step.CONFIRM
    await chat.press("Log both")
    assert chat.logged == [(1, "left", 10), (1, "right", 9)]
    assert chat.step() in (Step.REST, Step.SET)  # set 1 is done: on to set 2


async def test_both_legs_asked_can_log_only_the_awaited_one(chat: Chat) -> None:
    await chat.command("workout", "slht 2x10 @ 10kg")
    await chat.say("8/8")
    await chat.press("Only left 8")
    assert chat.logged == [(1, "left", 8)]


async def test_yes_typed_at_the_question_logs_both_legs(chat: Chat) -> None:
    await chat.command("workout", "slht 2x10 @ 10kg")
    await chat.say("R9 L10")
    await chat.say("yes")
    assert chat.logged == [(1, "left", 10), (1, "right", 9)]


async def test_both_legs_on_the_last_set_end_the_workout(chat: Chat) -> None:
    await chat.command("workout", "slht 1x10 @ 10kg")
    await chat.say("10 and 10")
    await chat.press("Log both")
    assert chat.logged == [(1, "left", 10), (1, "right", 10)]
    assert chat.store.workout_rows[1].status is not WorkoutStatus.ACTIVE


async def test_same_repeats_the_last_logged_count(chat: Chat) -> None:
    await chat.command("workout", "slht 2x10 @ 10kg")
    await chat.say("8")
    await chat.say("same")
    assert chat.logged == [(1, "left", 8), (1, "right", 8)]


async def test_skip_the_rest_during_the_rest_asks_which_rest(chat: Chat) -> None:
    await chat.command("workout", "slht 2x10 @ 10kg")
    await chat.say("10")
    await chat.say("10")
    assert chat.step() is Step.REST
    await chat.say("skip the rest")
    assert chat.step() is Step.CONFIRM
    await chat.press("Next set now")
    assert chat.step() is Step.SET and chat.logged == [(1, "left", 10), (1, "right", 10)]
    await chat.say("skip the rest")
    assert chat.step() is Step.CONFIRM  # at a set: the sets left, so the stop is confirmed
    await chat.press("Yes, stop")
    assert chat.store.workout_rows[1].status is WorkoutStatus.STOPPED


async def test_a_far_weight_is_asked_and_the_current_one_may_be_chosen(chat: Chat) -> None:
    await chat.command("workout", "slht 2x10 @ 10kg")
    await chat.say("10 @ 100")
    assert chat.logged == [] and chat.step() is Step.CONFIRM
    await chat.press("Log 10 @ 10 kg")
    assert [(e.reps, e.load) for e in chat.sets] == [(10, 10.0)]


async def test_a_correction_naming_the_left_fixes_the_left_after_the_right(chat: Chat) -> None:
    await chat.command("workout", "slht 2x10 @ 10kg")
    await chat.say("10")
    await chat.say("8")
    assert chat.step() is Step.REST  # the right was logged last
    await chat.say("nvm left was 9")
    assert chat.logged == [(1, "left", 9), (1, "right", 8)]
    assert "Left leg, set 1: 10 → 9" in chat.text
    await chat.say("undo")  # undo still takes back the last logged set: the right
    assert chat.logged == [(1, "left", 9)]


async def test_a_correction_naming_the_set_fixes_that_set(chat: Chat) -> None:
    await chat.command("workout", "slht 3x10 @ 10kg")
    for reps in ("10", "10", "skip rest", "10", "10"):
        await chat.say(reps)
    await chat.say("oops set 1 left was 11 not 12")  # the wrong count is no match: set 1 left
    assert chat.logged == [(1, "left", 11), (1, "right", 10), (2, "left", 10), (2, "right", 10)]


async def test_the_wrong_count_named_finds_the_set_it_was(chat: Chat) -> None:
    await chat.command("workout", "slht 2x10 @ 10kg")
    await chat.say("12")
    await chat.say("10")
    await chat.say("that was 11 not 12")
    assert chat.logged == [(1, "left", 11), (1, "right", 10)]


async def test_a_correction_of_a_side_not_logged_changes_nothing(chat: Chat) -> None:
    await chat.command("workout", "slht 2x10 @ 10kg")
    await chat.say("10")
    await chat.say("right should be 9")
    assert chat.logged == [(1, "left", 10)]
    assert "No right set logged" in chat.text


@pytest.mark.parametrize(
    "typed", ["bench is taken, skip this one", "band snapped lol, skipping these", "no band today"]
)
async def test_a_skip_with_its_reason_skips_the_side_and_says_why(chat: Chat, typed: str) -> None:
    await chat.command("workout", "slht 2x10 @ 10kg")
    await chat.say(typed)
    assert chat.logged == [] and "skipped" in chat.text
    await chat.say("10")
    assert chat.logged == [(1, "right", 10)]


async def test_asking_whether_to_skip_is_a_question(chat: Chat) -> None:
    await chat.command("workout", "slht 2x10 @ 10kg")
    await chat.say("should I skip this if my knee hurts?")
    assert chat.logged == [] and chat.step() is Step.SET and "skipped" not in chat.text


@pytest.mark.parametrize(
    ("typed", "load"), [("+2kg next set", 14.0), ("going up 2.5 next set", 14.5),
                        ("added a 5kg plate", 17.0), ("holding a 10kg plate on my hips now", 10.0)]
)  # fmt: skip
async def test_a_load_said_for_the_next_set(chat: Chat, typed: str, load: float) -> None:
    await chat.command("workout", "slht 2x10 @ 12kg")
    await chat.say(typed)
    assert chat.logged == []
    await chat.say("10")
    assert [(e.reps, e.load) for e in chat.sets] == [(10, load)]


async def test_a_weight_said_with_the_count_is_confirmed_with_it_then_carries_on(
    chat: Chat,
) -> None:
    await chat.command("workout", "slht 2x10 @ 10kg")
    await chat.say("10 @ 12.5kg")
    assert "10 @ 12.5 kg ✓" in chat.text  # the weight from now, said once
    await chat.say("9")
    assert "9 ✓" in chat.text and "@" not in chat.text.split("✓")[0]
    assert [(e.reps, e.load) for e in chat.sets] == [(10, 12.5), (9, 12.5)]


async def test_two_bare_numbers_are_asked_and_the_answer_logs_reps_at_that_weight(
    chat: Chat,
) -> None:
    await chat.command("workout", "slht 2x10 @ 10kg")
    await chat.say("10 12")
    assert chat.logged == [] and chat.step() is Step.CONFIRM
    await chat.press("10 @ 12 kg")
    assert [(e.reps, e.load) for e in chat.sets] == [(10, 12.0)]
