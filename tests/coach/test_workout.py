"""Whole workouts as a user would do them: typed, tapped, one leg or both, shortcuts, summaries."""

from __future__ import annotations

from bot.coach.ports import Side, Unit, WorkoutStatus
from bot.coach.state import Step
from bot.content import Library
from tests.coach.conftest import Chat
from tests.coach.fakes import FakeStore


async def test_typed_single_leg_workout_logs_each_leg_in_order(chat: Chat) -> None:
    await chat.command("workout", "single leg hip thrust 2x10")
    assert "Set 1 of 2 · Left leg" in chat.text
    assert "Upper back on the bench edge" in chat.text  # a setup cue before the first set
    for reps in ("10", "9", "11", "10"):
        await chat.say(reps)
    assert chat.logged == [(1, "left", 10), (1, "right", 9), (2, "left", 11), (2, "right", 10)]
    assert "Left: 21 reps in 2 sets · best 11 · bodyweight" in chat.text
    assert "Right: 19 reps in 2 sets · best 10 · bodyweight" in chat.text
    assert "Your right did 2 fewer reps than your left." in chat.text
    assert chat.step() is Step.EFFORT
    workout = chat.store.workout_rows[1]
    assert workout.status is WorkoutStatus.FINISHED
    await chat.say("hard")
    assert chat.store.workout_rows[1].effort == "hard"
    assert chat.step() is Step.IDLE


async def test_tapped_workout_from_the_exercise_buttons(chat: Chat, library: Library) -> None:
    await chat.command("start")
    await chat.press("Start a workout")
    unilateral = [ex.name for ex in library.values() if ex.unilateral]
    assert set(chat.labels[: len(unilateral)]) == set(unilateral)  # unilateral ones first
    assert len(chat.labels) == len(library)
    await chat.press("Single-leg hip thrust")
    await chat.press("2")  # sets
    await chat.press("12")  # target reps (8-12 for this one)
    await chat.press("Bodyweight")
    await chat.press("Right")  # right leg first
    assert "Set 1 of 2 · Right leg" in chat.text
    assert chat.labels[:5] == ["10", "11", "12", "13", "14"]  # around the target
    assert chat.labels[5:] == ["Other", "Skip", "Stop"]
    outcome = await chat.press("12")
    assert outcome.chosen == "12" and outcome.notice == "Logged"
    await chat.press("Go now")
    assert "Set 1 of 2 · Left leg" in chat.text
    await chat.press("12")
    await chat.press("Skip rest")
    await chat.press("12")
    await chat.fire()  # the switch countdown runs out
    assert "Go!" in chat.text and "Left leg" in chat.text
    await chat.press("11")
    assert chat.logged == [(1, "right", 12), (1, "left", 12), (2, "right", 12), (2, "left", 11)]
    outcome = await chat.press("Just right")  # the effort button, never read as a side
    assert outcome.chosen == "Just right"
    assert chat.store.workout_rows[1].effort == "right"


async def test_bilateral_exercise_goes_set_by_set_with_both_legs(chat: Chat) -> None:
    await chat.command("workout", "glute bridge 3x15")
    assert "Set 1 of 3 · Both legs" in chat.text
    await chat.say("15")
    assert "Rest 60 s" in chat.text and "set 2 of 3 · Both legs" in chat.text
    assert chat.timer is not None and chat.timer.kind == "rest"
    await chat.say("15")
    await chat.say("14")
    assert chat.logged == [(1, "both", 15), (2, "both", 15), (3, "both", 14)]
    assert "Both legs: 44 reps in 3 sets · best 15 · bodyweight" in chat.text
    assert "fewer rep" not in chat.text  # no left/right gap for a two-leg exercise


async def test_two_up_one_down_is_logged_per_lowering_leg(chat: Chat) -> None:
    await chat.command("workout", "2 up 1 down 2x8")
    assert "Set 1 of 2 · Left leg lowering" in chat.text
    await chat.say("8")
    await chat.say("8")
    assert [e.side for e in chat.sets] == [Side.LEFT, Side.RIGHT]


async def test_plan_questions_by_typing(chat: Chat) -> None:
    await chat.command("workout")
    await chat.say("singel leg hip thrust")  # a typo is fine
    assert "how many sets" in chat.text
    await chat.say("4")
    assert "Target reps per leg" in chat.text
    await chat.say("8")
    await chat.say("22.5 lb")
    await chat.say("left")
    assert "4 × 8 per leg · 22.5 lb · left leg first" in chat.text
    await chat.say("8")
    assert chat.sets[0].load == 22.5 and chat.sets[0].unit is Unit.LB


async def test_same_as_last_time(chat: Chat) -> None:
    await chat.command("workout", "slht 2x12 @ 10kg")
    await chat.command("cancel")
    await chat.command("workout")
    await chat.press("Single-leg hip thrust")
    assert "Last time: 2 × 12 per leg · 10 kg · left leg first. Same again?" in chat.text
    await chat.press("Same as last time")
    assert "Set 1 of 2 · Left leg" in chat.text and "Target: 12 reps · 10 kg" in chat.text
    plans = [w.plan for w in chat.store.workout_rows.values()]
    assert plans[0] == plans[1]


async def test_change_plan_after_last_time(chat: Chat) -> None:
    await chat.command("workout", "slht 2x12 @ 10kg")
    await chat.command("cancel")
    await chat.command("workout", "")
    await chat.say("SL hip thrust")
    await chat.press("Change plan")
    assert "how many sets" in chat.text
    await chat.say("3x8")  # sets and reps at once
    assert "Any weight?" in chat.text
    assert "10 kg (last time)" in chat.labels
    await chat.press("10 kg (last time)")
    await chat.press("Left")
    assert chat.store.workout_rows[2].plan.sets == 3
    assert chat.store.workout_rows[2].plan.load == 10.0


async def test_workout_shortcut_with_alias_sets_reps_and_load(chat: Chat) -> None:
    await chat.command("workout", "one-legged hip thrusts 3x10 @ 10kg")
    plan = chat.store.workout_rows[1].plan
    assert (plan.sets, plan.reps, plan.load, plan.unit, plan.first_side) == (
        3, 10, 10.0, Unit.KG, Side.LEFT,
    )  # fmt: skip
    assert chat.step() is Step.SET


async def test_workout_shortcut_defaults_from_the_content(chat: Chat) -> None:
    await chat.command("workout", "GHR")
    plan = chat.store.workout_rows[1].plan
    assert (plan.sets, plan.reps, plan.load, plan.first_side) == (3, 8, None, Side.BOTH)


async def test_workout_shortcut_with_an_unknown_exercise_offers_the_list(chat: Chat) -> None:
    await chat.command("workout", "bench press 3x10")
    assert "I don't know “bench press” yet" in chat.text
    assert "Single-leg hip thrust" in chat.labels
    assert chat.store.workout_rows == {}


async def test_first_side_setting_is_the_default(chat: Chat) -> None:
    await chat.settings(first_side=Side.RIGHT)
    await chat.command("workout", "slht 2x10")
    assert "Set 1 of 2 · Right leg" in chat.text


async def test_typed_load_changes_the_weight_from_then_on(chat: Chat) -> None:
    await chat.command("workout", "slht 2x10 @ 10kg")
    await chat.say("10 @ 12.5kg")
    await chat.say("10")
    assert [e.load for e in chat.sets] == [12.5, 12.5]
    await chat.say("skip rest")
    assert "Target: 10 reps · 12.5 kg" in chat.text


async def test_last_session_numbers_per_leg_are_shown(chat: Chat) -> None:
    await chat.command("workout", "slht 2x10")
    for reps in ("10", "8", "11", "9"):
        await chat.say(reps)
    await chat.say("easy")
    await chat.command("workout", "slht")
    assert "Last time: 10 @ bodyweight" in chat.text
    await chat.say("10")
    await chat.say("go")
    assert "Set 1 of 2 · Right leg" in chat.text
    assert "Last time: 8 @ bodyweight" in chat.text


async def test_imbalance_is_flagged_at_once_with_the_articles_fix(chat: Chat) -> None:
    await chat.command("workout", "slht 3x10")
    await chat.say("10")
    await chat.say("7")
    assert "Right 7 vs left 10" in chat.text
    assert "start each set with your weaker right leg, then match its reps on the left" in chat.text
    assert "set 2 of 3 · Right leg" in chat.text  # the weaker side leads from now on
    await chat.say("8")
    await chat.say("go")
    assert "Match your weaker side: 8 reps" in chat.text
    assert chat.labels[:5] == ["6", "7", "8", "9", "10"]


async def test_small_differences_are_not_called_an_imbalance(chat: Chat) -> None:
    await chat.command("workout", "slht 2x10")
    await chat.say("10")
    await chat.say("9")  # 1 rep and 10 %: within the article's tolerance
    assert "gap" not in chat.text


async def test_fifteen_percent_is_an_imbalance_even_below_two_reps(chat: Chat) -> None:
    await chat.command("workout", "GHR")  # ignore: bilateral, no gap possible
    await chat.command("cancel")
    await chat.command("workout", "slht 2x6")
    await chat.say("6")
    await chat.say("5")  # 1 rep is 17 % of 6
    assert "Right 5 vs left 6" in chat.text


async def test_progression_adds_load_when_every_set_hits_the_top(chat: Chat) -> None:
    await chat.command("workout", "slht 2x12 @ 10kg")
    for _ in range(4):
        await chat.say("12")
    assert "Next time: go up to 12.5 kg; every set hit 12." in chat.text


async def test_progression_keeps_the_load_while_one_side_lags(chat: Chat) -> None:
    await chat.command("workout", "slht 2x12 @ 10kg")
    for reps in ("12", "12", "12", "11"):
        await chat.say(reps)
    assert "Next time: stay at 10 kg; let your right reach 12 on every set first." in chat.text


async def test_progression_adds_reps_when_the_target_is_met_below_the_top(chat: Chat) -> None:
    await chat.command("workout", "slht 2x10")
    for _ in range(4):
        await chat.say("10")
    assert "Next time: stay at bodyweight and aim for 11 reps a set." in chat.text


async def test_bodyweight_at_the_top_suggests_a_first_weight(chat: Chat) -> None:
    await chat.command("workout", "slht 1x12")
    await chat.say("12")
    await chat.say("12")
    assert "add a light weight (about 5 kg)" in chat.text


async def test_summary_compares_with_last_time(chat: Chat) -> None:
    await chat.command("workout", "slht 2x10")
    for reps in ("9", "8", "9", "8"):
        await chat.say(reps)
    await chat.say("hard")
    await chat.command("workout", "slht")
    for reps in ("10", "9", "10", "10"):
        await chat.say(reps)
    assert "vs last time: left 18 → 20, right 16 → 19." in chat.text
    assert "First one logged" not in chat.text


async def test_users_do_not_see_each_others_workouts(coach: object, store: FakeStore) -> None:
    from bot.coach.engine import Coach

    assert isinstance(coach, Coach)
    ana, ben = Chat(coach, store, "ana"), Chat(coach, store, "ben")
    await ana.command("workout", "slht 2x10")
    await ben.command("workout", "glute bridge 2x15")
    await ana.say("10")
    await ben.say("15")
    assert ana.logged == [(1, "left", 10)]
    assert ben.logged == [(1, "both", 15)]
    await ben.command("workout", "slht")  # mid-workout: refused, nothing of ana's shown
    assert "mid-workout" in ben.text
