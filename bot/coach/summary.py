"""The end of a workout: per-side summary, left/right gap, last time, progression, effort."""

from __future__ import annotations

from dataclasses import dataclass

from bot.coach import keyboards as kb
from bot.coach import typed as parse
from bot.coach.ports import SetEntry, Side, Unit, WorkoutRecord, WorkoutStatus
from bot.coach.prompts import LOOKBACK, ask
from bot.coach.state import State, Step
from bot.coach.turn import Turn
from bot.content import Exercise

# Double progression: the smallest jump a gym usually allows.
LOAD_STEP = {Unit.KG: 2.5, Unit.LB: 5.0}
FIRST_LOAD = {Unit.KG: 5.0, Unit.LB: 10.0}
SIDE_ORDER = (Side.LEFT, Side.RIGHT, Side.BOTH)


@dataclass(frozen=True)
class SideStats:
    side: Side
    sets: int
    total: int
    best: SetEntry
    loads: tuple[str, ...]


def side_stats(entries: list[SetEntry]) -> list[SideStats]:
    """Per side (left, right, or both legs): sets counted, total reps, best set, loads used."""
    out = []
    for side in SIDE_ORDER:
        counted = [e for e in entries if e.side is side and e.reps is not None]
        if not counted:
            continue
        best = max(counted, key=lambda e: (e.reps or 0, e.load or 0.0))
        loads = tuple(dict.fromkeys(kb.weight_label(e.load, e.unit) for e in counted))
        total = sum(e.reps or 0 for e in counted)
        out.append(SideStats(side, len(counted), total, best, loads))
    return out


def _side_name(side: Side) -> str:
    return "Both legs" if side is Side.BOTH else side.value.capitalize()


def stats_lines(stats: list[SideStats]) -> list[str]:
    return [
        f"{_side_name(s.side)}: {s.total} reps in {s.sets} set{'s' if s.sets > 1 else ''}"
        f" · best {s.best.reps} · {' / '.join(s.loads)}"
        for s in stats
    ]


def gap_line(stats: list[SideStats]) -> str | None:
    totals = {s.side: s.total for s in stats}
    left, right = totals.get(Side.LEFT), totals.get(Side.RIGHT)
    if left is None or right is None:
        return None
    if left == right:
        return f"Left and right matched: {left} reps each."
    weaker, stronger = ("left", "right") if left < right else ("right", "left")
    gap = abs(left - right)
    return f"Your {weaker} did {gap} fewer rep{'s' if gap > 1 else ''} than your {stronger}."


def last_time_line(stats: list[SideStats], previous: WorkoutRecord | None) -> str:
    if previous is None:
        return "First one logged: this is your baseline."
    before = {s.side: s.total for s in side_stats(previous.sets)}
    parts = [
        f"{_side_name(s.side).lower()} {before[s.side]} → {s.total}"
        for s in stats
        if s.side in before
    ]
    return f"vs last time: {', '.join(parts)}." if parts else ""


@dataclass(frozen=True)
class Verdict:
    """Double progression's reading of one workout: which expected sides reached what."""

    expected: tuple[Side, ...]
    top: int  # the top of the rep range: every set there earns more load
    at_top: tuple[Side, ...]  # every planned set at the top
    on_target: tuple[Side, ...]  # every planned set at the target or more

    @property
    def heavier(self) -> bool:
        return len(self.at_top) == len(self.expected)

    @property
    def all_on_target(self) -> bool:
        return len(self.on_target) == len(self.expected)


def verdict(ex: Exercise, workout: WorkoutRecord) -> Verdict:
    plan = workout.plan
    top = max(plan.reps, ex.programming.reps.high)
    reps_by_side: dict[Side, list[int]] = {}
    for entry in workout.sets:
        reps_by_side.setdefault(entry.side, []).append(entry.reps or 0)
    expected = [Side.BOTH] if plan.first_side is Side.BOTH else [Side.LEFT, Side.RIGHT]
    complete = {s: len(reps_by_side.get(s, [])) >= plan.sets for s in expected}
    at_top = [s for s in expected if complete[s] and min(reps_by_side[s]) >= top]
    on_target = [s for s in expected if complete[s] and min(reps_by_side[s]) >= plan.reps]
    return Verdict(tuple(expected), top, tuple(at_top), tuple(on_target))


def progression_line(ex: Exercise, workout: WorkoutRecord, load: float | None, unit: Unit) -> str:
    """Double progression per side: every set at the top of the range earns more load."""
    plan, found = workout.plan, verdict(ex, workout)
    top = found.top
    weight = kb.weight_label(load, unit)
    if found.heavier:
        if load is None:
            light = kb.weight_label(FIRST_LOAD[unit], unit)
            return f"Next time: add a light weight (about {light}); every set hit {top}."
        heavier = kb.weight_label(load + LOAD_STEP[unit], unit)
        return f"Next time: go up to {heavier}; every set hit {top}."
    if found.at_top:
        behind = next(s for s in found.expected if s not in found.at_top).value
        return f"Next time: stay at {weight}; let your {behind} reach {top} on every set first."
    if found.all_on_target:
        return f"Next time: stay at {weight} and aim for {min(plan.reps + 1, top)} reps a set."
    return f"Next time: stay at {weight} and {plan.reps} reps until every set gets there."


async def previous_with_sets(turn: Turn, exercise: str, before: int) -> WorkoutRecord | None:
    for _ in range(LOOKBACK):
        previous = await turn.store.previous_workout(turn.user.id, exercise, before)
        if previous is None or previous.sets:
            return previous
        before = previous.id
    return None


async def logged_text(turn: Turn, state: State) -> str:
    """What this workout has logged so far, per side; empty when nothing is."""
    assert state.progress is not None
    workout = await turn.store.workout(state.progress.workout_id)
    return "\n".join(stats_lines(side_stats(workout.sets if workout else [])))


async def finish(turn: Turn, state: State, lead: str) -> State:
    """Every set is done: end the workout, sum it up, and ask how it felt."""
    progress, ex = state.progress, turn.exercise(state)
    assert progress is not None
    await turn.store.end_workout(progress.workout_id, turn.now, WorkoutStatus.FINISHED)
    workout = await turn.store.workout(progress.workout_id)
    assert workout is not None
    stats = side_stats(workout.sets)
    previous = await previous_with_sets(turn, ex.slug, workout.id)
    lines = [lead, f"Done! {ex.name}", *stats_lines(stats)]
    if not stats:
        lines.append("Nothing logged this time; every set was skipped.")
    lines += [gap_line(stats) or "", last_time_line(stats, previous) if stats else ""]
    lines.append(progression_line(ex, workout, progress.load, progress.unit))
    turn.say("\n".join(line for line in lines if line))
    new = state.to(Step.EFFORT)
    await ask(turn, new)
    return new


async def rate(turn: Turn, state: State, effort: str) -> State:
    assert state.progress is not None
    await turn.store.rate_workout(state.progress.workout_id, effort)
    turn.say(f"Logged: {effort}. Nice work, see you next time.")
    return state.to(Step.IDLE, progress=None)


async def effort_text(turn: Turn, state: State, text: str) -> State | None:
    effort = parse.effort_word(text)
    return await rate(turn, state, effort) if effort else None


async def effort_press(turn: Turn, state: State, action: str) -> State:
    return await rate(turn, state, action.removeprefix("f:"))
