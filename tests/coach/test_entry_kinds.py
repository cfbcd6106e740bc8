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
