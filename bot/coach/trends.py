"""Across sessions: a leg that stays weaker, and today's plan by double progression per side."""

from __future__ import annotations

import math
from collections.abc import Sequence
from dataclasses import dataclass

from bot.coach.ports import Plan, SetEntry, Side, Unit, WorkoutRecord
from bot.coach.prompts import plan_text
from bot.coach.session_sides import by_side, side_text, weaker
from bot.coach.summary import FIRST_LOAD, LOAD_STEP, SIDE_NAMES, Verdict, last_load, verdict
from bot.coach.units import in_unit
from bot.content import Exercise

# A weaker side in this many sessions in a row is a pattern, not a bad day.
STREAK = 3
# Missing the target this many sessions running at the same weight earns a lighter day.
DELOAD_AFTER = 3
DELOAD_SHARE = 0.9
BODYWEIGHT_DELOAD_SHARE = 0.8


@dataclass(frozen=True)
class Imbalance:
    side: Side
    sessions: int  # in a row, newest first
    gap: int  # reps behind in the latest of them


def persistent_weaker(sessions: Sequence[WorkoutRecord]) -> Imbalance | None:
    """The leg behind in each of the latest STREAK sessions (newest first) that paired both legs."""
    streak: list[tuple[Side, int]] = []
    for workout in sessions:
        found = weaker(workout)
        if found is None:
            if any(e.side is Side.LEFT for e in workout.sets) and any(
                e.side is Side.RIGHT for e in workout.sets
            ):
                break  # both legs counted and level: the streak ends here
            continue  # one leg or nothing: says nothing either way
        if streak and found[0] is not streak[0][0]:
            break
        streak.append(found)
    if len(streak) < STREAK:
        return None
    return Imbalance(streak[0][0], len(streak), streak[0][1])


def imbalance_text(found: Imbalance) -> str:
    side, other = found.side.value, ("right" if found.side is Side.LEFT else "left")
    return (
        f"Heads-up: your {side} leg has been the weaker one {found.sessions} sessions in a row "
        f"({found.gap} reps behind last time). The fix: start each set with your {side} leg, "
        f"then match its reps on the {other}."
    )


@dataclass(frozen=True)
class Suggestion:
    plan: Plan
    lines: tuple[str, ...]  # per side, then the reasoning
    deload: bool


def _misses(ex: Exercise, sessions: Sequence[WorkoutRecord]) -> int:
    """Sessions in a row (newest first) short of the target at the latest weight and target."""
    latest = sessions[0]
    count = 0
    for workout in sessions:
        same_plan = (workout.plan.sets, workout.plan.reps) == (latest.plan.sets, latest.plan.reps)
        same = same_plan and last_load(workout) == last_load(latest)
        if not same or verdict(ex, workout).all_on_target:
            break
        count += 1
    return count


def _lighter(load: float | None, unit: Unit) -> float | None:
    if load is None:
        return None
    step = LOAD_STEP[unit]
    lighter = min(math.floor(load * DELOAD_SHARE / step) * step, load - step)
    return lighter if lighter > 0 else None


def _side_line(ex: Exercise, side: Side, entries: list[SetEntry], found: Verdict, target: int,
               unit: Unit) -> str:  # fmt: skip
    name = SIDE_NAMES[side]
    if side in found.at_top:
        state = f"every set at {found.top}, the top of the range"
    elif side in found.on_target:
        state = f"every set at {target} or more"
    else:
        state = f"short of {target} on some sets"
    done = side_text(entries, unit) if entries else "nothing logged"
    return f"{name}: {done} → {state}"


def suggest(
    ex: Exercise, sessions: Sequence[WorkoutRecord], unit: Unit, lead: Side | None
) -> Suggestion | None:
    """Today's plan from the latest sessions (newest first, with sets), in the user's unit.

    Double progression, as the summary reads it (summary.verdict): reps first, up to the top of
    the range; every set of every side at the top earns a load step and a fresh start at the
    bottom of the range. DELOAD_AFTER misses in a row at one weight drop it by about 10 %.
    """
    if not sessions or not sessions[0].sets:
        return None
    latest = sessions[0]
    found, plan = verdict(ex, latest), latest.plan
    load, load_unit = last_load(latest)
    misses = _misses(ex, sessions)
    reps = plan.reps
    if misses >= DELOAD_AFTER:
        lighter = _lighter(load, load_unit)
        if load is None:
            reps = max(1, round(plan.reps * BODYWEIGHT_DELOAD_SHARE))
        why = f"{misses} sessions in a row short of {plan.reps}, so a lighter day to build back"
        load = lighter
    elif found.heavier:
        load = FIRST_LOAD[load_unit] if load is None else load + LOAD_STEP[load_unit]
        reps = min(plan.reps, ex.programming.reps.low)
        why = "every set hit the top, so more weight and fewer reps"
    elif found.all_on_target:
        reps = found.next_reps(plan.reps)
        why = "every set hit the target, so one more rep a set"
    elif found.at_top:
        behind = next(s for s in found.expected if s not in found.at_top).value
        why = f"same weight until your {behind} reaches {found.top} on every set"
    else:
        why = f"the same until every set gets {plan.reps}"
    if load is not None and load_unit is not unit:
        load = in_unit(load, load_unit, unit)  # the one rounding rule: a plate step
    first = plan.first_side if lead is None or plan.first_side is Side.BOTH else lead
    today = Plan(plan.sets, reps, load, unit, first)
    sides = by_side(latest)
    lines = [
        _side_line(ex, side, sides.get(side, []), found, plan.reps, unit) for side in found.expected
    ]
    lines.append(f"Today: {why} → {plan_text(today, ex, unit)}")
    return Suggestion(today, tuple(lines), misses >= DELOAD_AFTER)


def suggestion_text(found: Suggestion) -> str:
    return "\n".join(["From your last sessions:", *found.lines])
