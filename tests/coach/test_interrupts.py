"""Everything but the next answer: questions, pain, stop, stale buttons, timers, bad input."""

from __future__ import annotations

import pytest

from bot.coach.events import Press, TimerDue
from bot.coach.ports import WorkoutStatus
from bot.coach.replies import Timer
from bot.coach.state import Step
from tests.coach.conftest import Chat, SpyAnswerer


async def _mid_set(chat: Chat) -> None:
    await chat.command("workout", "slht 2x10")
    await chat.say("10")
    await chat.say("go")  # right leg, set 1: waiting for its reps


@pytest.mark.parametrize(
    "question",
    ["what muscles does this work", "I feel it in my quads", "how do I set up?", "is 10 ok?"],
)
async def test_a_question_mid_set_is_answered_and_the_set_asked_again(
    chat: Chat, answerer: SpyAnswerer, question: str
) -> None:
    await _mid_set(chat)
    before = (chat.logged, chat.place)
    await chat.say(question)
    assert answerer.asked[-1] == (question, "single-leg-hip-thrust")  # about the exercise in hand
    replies = chat.outcomes[-1].replies
    assert len(replies) == 2 and replies[0].text  # the answer, then ...
    assert "Set 1 of 2 · Right leg" in replies[1].text  # ... the same step again, with its buttons
    assert replies[1].buttons
    assert (chat.logged, chat.place) == before
    await chat.press("10")  # the re-asked buttons still work
    assert chat.logged == [(1, "left", 10), (1, "right", 10)]


async def test_the_muscles_question_names_the_glutes(chat: Chat) -> None:
    await _mid_set(chat)
    await chat.say("what muscles does this work")
    assert "glute" in chat.outcomes[-1].replies[0].text.lower()


@pytest.mark.parametrize("step", ["rest", "switch", "plan", "choose", "effort"])
async def test_questions_never_move_any_step(chat: Chat, step: str) -> None:
    await chat.command("workout", "slht 1x10" if step == "effort" else "slht 2x10")
    if step == "plan":
        await chat.command("cancel")
        await chat.command("workout", "")
        await chat.say("glute bridge")
    elif step == "choose":
        await chat.command("cancel")
        await chat.command("workout", "")
    elif step == "switch":
        await chat.say("10")
    else:
        await chat.say("10")
        await chat.say("10")
    before = (chat.logged, chat.place, chat.timer)
    await chat.say("what muscles does this work")
    assert (chat.logged, chat.place, chat.timer) == before
    assert len(chat.outcomes[-1].replies) == 2


async def test_pain_stops_the_set_logs_it_and_ends_the_workout(chat: Chat) -> None:
    await _mid_set(chat)
    await chat.say("ouch, my knee hurts")
    assert "stop" in chat.text.lower() and "not medical advice" in chat.text
    assert chat.logged == [(1, "left", 10), (1, "right", None)]
    assert chat.sets[-1].pain and chat.sets[-1].note == "ouch, my knee hurts"
    assert chat.store.workout_rows[1].status is WorkoutStatus.PAIN
    assert chat.step() is Step.IDLE and chat.timer is None


async def test_pain_with_a_count_keeps_the_count(chat: Chat) -> None:
    await chat.command("workout", "slht 2x10")
    await chat.say("6 pain")
    assert chat.logged == [(1, "left", 6)] and chat.sets[0].pain
    assert chat.store.workout_rows[1].status is WorkoutStatus.PAIN


async def test_pain_during_rest_is_logged_for_the_set_about_to_start(chat: Chat) -> None:
    await chat.command("workout", "slht 2x10")
    await chat.say("10")
    await chat.say("10")
    await chat.say("hurts")
    assert chat.logged[-1] == (2, "left", None) and chat.sets[-1].pain
    assert chat.timer is None


async def test_a_question_about_pain_is_answered_not_treated_as_pain(chat: Chat) -> None:
    await _mid_set(chat)
    await chat.say("will this hurt my knees?")
    assert chat.store.workout_rows[1].status is WorkoutStatus.ACTIVE
    assert chat.step() is Step.SET


@pytest.mark.parametrize("how", ["/cancel", "Stop button", "stop"])
async def test_cancel_or_stop_keeps_what_was_logged(chat: Chat, how: str) -> None:
    await _mid_set(chat)
    if how == "/cancel":
        await chat.command("cancel")
    elif how == "Stop button":
        await chat.press("Stop")
        assert chat.logged == [(1, "left", 10)] and chat.step() is Step.CONFIRM  # asked first
        await chat.press("Yes, stop")
    else:
        await chat.say("stop")
        assert chat.store.workout_rows[1].status is WorkoutStatus.ACTIVE  # asked first
        await chat.say("yes")
    assert "Stopped. Kept what you logged:\nLeft: 10 reps in 1 set" in chat.text
    assert chat.logged == [(1, "left", 10)]
    assert chat.store.workout_rows[1].status is WorkoutStatus.STOPPED
    assert chat.step() is Step.IDLE


async def test_skip_moves_on_without_logging(chat: Chat) -> None:
    await chat.command("workout", "slht 1x10")
    await chat.press("Skip")
    await chat.say("10")
    assert chat.logged == [(1, "right", 10)]
    assert "Left:" not in chat.text and "Right: 10 reps" in chat.text


async def test_done_logs_the_target(chat: Chat) -> None:
    await chat.command("workout", "slht 1x9")
    await chat.say("done")
    assert chat.logged == [(1, "left", 9)]


async def test_repeated_press_is_already_logged_and_changes_nothing(chat: Chat) -> None:
    await chat.command("workout", "slht 2x10")
    ten = chat.button("10")
    await chat.send(Press(ten.data))
    before = (chat.logged, chat.place)
    outcome = await chat.send(Press(ten.data))
    assert outcome.notice == "Already logged" and outcome.replies == []
    assert (chat.logged, chat.place) == before


@pytest.mark.parametrize(
    "data",
    [
        "", "garbage", "c:", "c:1", "c:1:", "c:abc:n:10", "c:-1:n:10", "c:1:n:999",
        "c:1:n:-3", "c:1:e:bench-press", "x:1:n:10", "c:1:n:10:extra", "c:99:n:10",
        "c:１:n:10", "c:1:n:10" + "0" * 5000, "🏋️",
    ],
)  # fmt: skip
async def test_forged_presses_are_out_of_date_and_change_nothing(chat: Chat, data: str) -> None:
    await chat.command("workout", "slht 2x10")
    before = (chat.logged, chat.place, chat.timer)
    outcome = await chat.send(Press(data))
    assert outcome.notice == "That button is out of date"
    assert outcome.replies == [] and outcome.chosen is None
    assert (chat.logged, chat.place, chat.timer) == before


async def test_a_button_of_another_step_is_out_of_date(chat: Chat) -> None:
    await chat.command("workout", "")
    choose = chat.button("Glute bridge")
    await chat.press("Single-leg hip thrust")
    outcome = await chat.send(Press(choose.data))
    assert outcome.notice == "That button is out of date"
    assert chat.state.exercise == "single-leg-hip-thrust"


async def test_every_button_fits_telegram(chat: Chat) -> None:
    await chat.command("workout", "")
    await chat.press("Banded single-leg hip thrust")
    datas = [b.data for o in chat.outcomes for r in o.replies for row in r.buttons for b in row]
    assert datas and all(len(d.encode()) <= 64 for d in datas)


async def test_switch_timer_comes_due_then_goes_stale(chat: Chat) -> None:
    await chat.settings(switch_seconds=15)
    await chat.command("workout", "slht 2x10")
    await chat.say("10")
    timer = chat.outcomes[-1].timer
    assert timer is not None and timer.kind == "switch"
    assert (timer.due_at - chat.now).total_seconds() == 15
    assert "go in 15 s" in chat.text
    await chat.fire(timer)
    assert "Go!" in chat.text and "Set 1 of 2 · Right leg" in chat.text
    before = chat.place
    outcome = await chat.send(TimerDue(timer.kind, timer.token))
    assert outcome.replies == [] and chat.place == before


async def test_typing_during_the_switch_logs_at_once_and_cancels_the_countdown(chat: Chat) -> None:
    await chat.command("workout", "slht 2x10")
    await chat.say("10")
    switch = chat.timer
    assert switch is not None
    await chat.say("9")
    assert chat.logged[-1] == (1, "right", 9)
    assert chat.timer is not None and chat.timer.kind == "rest"  # replaced by the rest
    outcome = await chat.send(TimerDue(switch.kind, switch.token))
    assert outcome.replies == []


async def test_rest_timer_pings_when_over_and_skip_rest_ends_it(chat: Chat) -> None:
    await chat.settings(rest_seconds=90)
    await chat.command("workout", "slht 3x10")
    await chat.say("10")
    await chat.say("10")
    rest = chat.timer
    assert rest is not None and rest.kind == "rest"
    assert (rest.due_at - chat.now).total_seconds() == 90
    await chat.fire()
    assert "Rest's over." in chat.text and "Set 2 of 3 · Left leg" in chat.text
    assert chat.timer is None
    await chat.say("10")
    await chat.say("10")
    outcome = await chat.say("skip rest")
    assert outcome.cancel_timer and chat.timer is None
    assert "Set 3 of 3 · Left leg" in chat.text


async def test_no_countdowns_when_set_to_zero(chat: Chat) -> None:
    await chat.settings(switch_seconds=0, rest_seconds=0)
    await chat.command("workout", "slht 2x10")
    await chat.say("10")
    assert "Set 1 of 2 · Right leg" in chat.text and chat.outcomes[-1].timer is None
    await chat.say("10")
    assert "Set 2 of 3" not in chat.text and "Set 2 of 2 · Left leg" in chat.text


async def test_a_forged_timer_does_nothing(chat: Chat) -> None:
    await chat.command("workout", "slht 2x10")
    await chat.say("10")
    before = chat.place
    for kind, token in [("rest", before.token), ("switch", before.token + 1), ("x", 0)]:
        outcome = await chat.send(TimerDue(kind, token))
        assert outcome.replies == [] and chat.place == before


@pytest.mark.parametrize(
    "text",
    # "ten" and "🔟" are ten reps, "10.5" is asked about: tests/coach/test_entry_steps.py
    ["0", "-3", "201", "1e9", "x" * 5000, "💪", "   ", "12 @ lots"],
)
async def test_bad_input_mid_set_gets_a_clear_reprompt_and_logs_nothing(
    chat: Chat, text: str
) -> None:
    await chat.command("workout", "slht 2x10")
    before = (chat.place, chat.store.workout_rows[1].status)
    await chat.say(text)
    assert chat.logged == [] and (chat.place, chat.store.workout_rows[1].status) == before
    last = chat.outcomes[-1].replies[-1]
    assert "Set 1 of 2 · Left leg" in last.text and last.buttons
    assert len(chat.text) < 1200


@pytest.mark.parametrize("text", ["0", "11", "-1", "1e9", "3 bananas"])
async def test_bad_plan_answers_are_refused(chat: Chat, text: str) -> None:
    await chat.command("workout", "")
    await chat.say("hip thrust")
    before = chat.place
    await chat.say(text)
    assert chat.place == before and "from 1 to 10" in chat.text


async def test_unreadable_state_is_reset_kindly(chat: Chat) -> None:
    await chat.command("workout", "slht 2x10")
    await chat.say("10")
    user = chat.store.users[chat.key]
    user.state = {"step": "lunge", "token": "x"}
    outcome = await chat.say("10")
    assert "lost my place" in chat.text and "logged sets are safe" in chat.text
    assert chat.step() is Step.IDLE and outcome.cancel_timer and chat.timer is None
    assert chat.logged == [(1, "left", 10)]
    await chat.command("workout", "slht 1x10")  # and the coach works again
    assert chat.step() is Step.SET


async def test_state_pointing_at_a_missing_workout_is_reset(chat: Chat) -> None:
    await chat.command("workout", "slht 2x10")
    del chat.store.workout_rows[1]
    await chat.command("help")
    assert "lost my place" in chat.text and chat.step() is Step.IDLE


async def test_state_with_an_unknown_exercise_is_reset(chat: Chat) -> None:
    await chat.command("workout", "")
    await chat.say("hip thrust")
    state = dict(chat.store.users[chat.key].state, exercise="deadlift")
    chat.store.users[chat.key].state = state
    outcome = await chat.send(Press(chat.button("3").data))
    assert outcome.notice == "That button is out of date"
    assert chat.step() is Step.IDLE


async def test_remind_mid_set_leaves_the_workout_where_it_was(chat: Chat) -> None:
    await _mid_set(chat)
    before = chat.place
    await chat.command("remind")
    assert "When should I remind you" in chat.text and "Coming soon" not in chat.text
    await chat.say("never mind")
    assert "reminders unchanged" in chat.text
    assert chat.place == before  # the /remind talk is over and the set still waits
    await chat.say("10")
    assert chat.logged[-1] == (1, "right", 10)


async def test_help_start_ask_and_unknown_commands(chat: Chat, answerer: SpyAnswerer) -> None:
    await chat.command("start")
    assert "single-leg coach" in chat.text and chat.labels == ["Start a workout"]
    await chat.command("help")
    assert "/workout" in chat.text and "skip rest" in chat.text
    await chat.command("ask", "what muscles does the glute bridge work")
    assert answerer.asked[-1] == ("what muscles does the glute bridge work", None)
    await chat.command("ask")
    assert "/ask" in chat.text
    await chat.command("dance")
    assert "I don't know /dance" in chat.text
    await chat.command("cancel")
    assert "Nothing to cancel" in chat.text


async def test_workout_while_mid_workout_is_refused(chat: Chat) -> None:
    await _mid_set(chat)
    await chat.command("workout", "glute bridge")
    assert "mid-workout" in chat.text and len(chat.store.workout_rows) == 1


async def test_timer_stored_for_rearming_after_restart(chat: Chat) -> None:
    await chat.command("workout", "slht 2x10")
    await chat.say("10")
    pending = await chat.store.pending_timers()
    assert pending == [(chat.key, chat.timer)] and isinstance(chat.timer, Timer)
