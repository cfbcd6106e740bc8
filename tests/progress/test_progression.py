"""Before a workout: double progression per side, deload after misses, a leg that stays weaker."""

from __future__ import annotations

from collections.abc import Sequence
from datetime import UTC, datetime, timedelta

import pytest

from bot.coach.events import Press
from bot.coach.ports import Plan, SetEntry, Side, Unit, WorkoutRecord, WorkoutStatus
from bot.coach.state import Step
from bot.coach.trends import persistent_weaker, suggest
from bot.content import Library
from tests.progress.conftest import SqlChat

DAY = datetime(2026, 3, 2, 18, tzinfo=UTC)
SLHT = "single-leg-hip-thrust"  # reps 8-12


def _session(
    n: int,
    left: Sequence[int],
    right: Sequence[int],
    load: float | None = 10.0,
    reps: int = 10,
    unit: Unit = Unit.KG,
) -> WorkoutRecord:
    at = DAY - timedelta(days=2 * n)  # n = 0 is the latest
    sets = [
        SetEntry(100 - n, SLHT, i + 1, side, r, load, unit, at)
        for i, (lr, rr) in enumerate(zip(left, right, strict=True))
        for side, r in ((Side.LEFT, lr), (Side.RIGHT, rr))
    ]
    plan = Plan(len(left), reps, load, unit, Side.LEFT)
    return WorkoutRecord(100 - n, 1, SLHT, plan, at, WorkoutStatus.FINISHED, sets=sets)


def test_reps_come_first_then_load(library: Library) -> None:
    ex = library[SLHT]
    more_reps = suggest(ex, [_session(0, [10, 10, 10], [11, 10, 10])], Unit.KG, None)
    assert more_reps is not None and more_reps.plan == Plan(3, 11, 10.0, Unit.KG, Side.LEFT)
    top = suggest(ex, [_session(0, [12, 12, 12], [12, 12, 12], reps=12)], Unit.KG, None)
    assert top is not None and top.plan == Plan(3, 8, 12.5, Unit.KG, Side.LEFT)
    assert "Today: every set hit the top, so more weight" in top.lines[-1]
    first_weight = suggest(ex, [_session(0, [12], [12], load=None, reps=12)], Unit.KG, None)
    assert first_weight is not None and first_weight.plan.load == 5.0


def test_one_leg_at_the_top_waits_for_the_other(library: Library) -> None:
    found = suggest(library[SLHT], [_session(0, [12, 11], [12, 12], reps=12)], Unit.KG, None)
    assert found is not None and found.plan == Plan(2, 12, 10.0, Unit.KG, Side.LEFT)
    assert found.lines[0] == "Left: 12, 11 @ 10 kg → short of 12 on some sets"
    assert found.lines[1] == "Right: 2×12 @ 10 kg → every set at 12, the top of the range"
    assert "until your left reaches 12 on every set" in found.lines[2]


def test_three_misses_in_a_row_earn_a_lighter_day(library: Library) -> None:
    ex = library[SLHT]
    missed = [_session(n, [10, 9, 8], [10, 10, 9], load=20.0) for n in range(3)]
    two = suggest(ex, missed[:2], Unit.KG, None)
    assert two is not None and not two.deload and two.plan.load == 20.0
    three = suggest(ex, missed, Unit.KG, None)
    assert (
        three is not None and three.deload and three.plan == Plan(3, 10, 17.5, Unit.KG, Side.LEFT)
    )
    assert "3 sessions in a row short of 10" in three.lines[-1]
    hit_between = [missed[0], _session(1, [10] * 3, [10] * 3, load=20.0), *missed[1:]]
    interrupted = suggest(ex, hit_between, Unit.KG, None)
    assert interrupted is not None and not interrupted.deload
    bodyweight = [_session(n, [9], [9], load=None) for n in range(3)]
    light = suggest(ex, bodyweight, Unit.KG, None)
    assert light is not None and light.plan.reps == 8 and light.plan.load is None


def test_the_plan_comes_in_the_users_unit_and_the_weaker_leg_leads(library: Library) -> None:
    found = suggest(library[SLHT], [_session(0, [12], [12], reps=12)], Unit.LB, Side.RIGHT)
    assert found is not None  # 10 kg + 2.5 kg = 12.5 kg = 27.56 lb, to the nearest 2.5 lb
    assert found.plan == Plan(1, 8, 27.5, Unit.LB, Side.RIGHT)
    assert "Left: 12 @ 22 lb" in found.lines[0]


def test_a_weaker_leg_needs_three_sessions_in_a_row() -> None:
    behind = [_session(n, [8, 8], [10, 10]) for n in range(3)]
    found = persistent_weaker(behind)
    assert found is not None and (found.side, found.sessions, found.gap) == (Side.LEFT, 3, 4)
    assert persistent_weaker(behind[:2]) is None
    level_between = [behind[0], _session(1, [10, 10], [10, 10]), *behind[1:]]
    assert persistent_weaker(level_between) is None
    switched = [_session(0, [10, 10], [8, 8]), *behind[1:]]
    assert persistent_weaker(switched) is None
    one_point = [_session(n, [10, 10], [11, 10]) for n in range(3)]  # 1 rep: not a real gap
    assert persistent_weaker(one_point) is None


async def test_the_weaker_leg_is_named_at_the_start_of_the_next_workout(chat: SqlChat) -> None:
    for _ in range(3):
        await chat.session("slht 3x10 @ 10kg", [8, 8, 8], [10, 10, 10])
    await chat.command("workout")
    await chat.press("Single-leg hip thrust")
    assert "your left leg has been the weaker one 3 sessions in a row" in chat.text
    assert "start each set with your left leg, then match its reps on the right" in chat.text
    assert "Left: 3×8 @ 10 kg → short of 10 on some sets" in chat.text
    assert chat.labels == ["Same as last time", "Change plan", "Use today's plan"]
    assert chat.text.endswith("Same again?")
    await chat.command("cancel")
    await chat.command("workout", "slht 3x10")  # straight to the set: the heads-up comes first
    assert chat.replies[0].text.startswith("Heads-up: your left leg")
    assert "Set 1 of 3 · Left leg" in chat.text


async def test_todays_plan_is_accepted_with_one_tap(chat: SqlChat) -> None:
    await chat.session("slht 3x10 @ 10kg", [10, 10, 10], [10, 10, 11])
    await chat.command("workout")
    await chat.press("Single-leg hip thrust")
    assert "Today: every set hit the target, so one more rep a set → 3 × 11 per leg" in chat.text
    await chat.press("Use today's plan")
    assert (await chat.state()).step is Step.SET
    latest = (await chat.workouts())[0]
    assert latest.plan == Plan(3, 11, 10.0, Unit.KG, Side.LEFT)
    assert "Target: 11 reps · 10 kg" in chat.text


async def test_the_accept_button_goes_stale_once_the_plan_moves_on(chat: SqlChat) -> None:
    await chat.session("slht 2x10 @ 10kg", [10, 10], [10, 10])
    await chat.command("workout")
    await chat.press("Single-leg hip thrust")
    accept = chat.button("Use today's plan")
    await chat.press("Change plan")
    outcome = await chat.send(Press(accept.data))
    assert outcome.notice == "That button is out of date" and outcome.replies == []
    assert len(await chat.workouts()) == 1


@pytest.mark.parametrize("exercise", ["glute bridge", "hip thrust"])
async def test_two_leg_exercises_get_a_plan_but_no_leg_talk(chat: SqlChat, exercise: str) -> None:
    for _ in range(3):
        await chat.session(f"{exercise} 2x10", [10, 10])
    await chat.command("workout")
    await chat.say(exercise)
    assert "Heads-up" not in chat.text and "Both legs: 2×10 @ bodyweight" in chat.text
    assert "Use today's plan" in chat.labels
